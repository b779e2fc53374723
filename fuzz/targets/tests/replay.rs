//! The committed fuzz corpus and every past crash, run through each target as ordinary tests
//! on stable Rust (`make test`); `make fuzz` grows the corpus with nightly and libFuzzer.

use barfinex_fuzz_targets::TARGETS;
use std::path::Path;

#[test]
fn corpus_and_past_crashes_replay_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut total = 0;
    for (name, target) in TARGETS {
        let mut n = 0;
        for dir in ["corpus", "artifacts"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(name)) else {
                continue;
            };
            for entry in entries.flatten() {
                let data = std::fs::read(entry.path()).expect("readable");
                target(&data);
                n += 1;
            }
        }
        assert!(
            n > 0,
            "no corpus for {name}: fuzz/corpus/{name}/ must hold its seeds"
        );
        total += n;
    }
    eprintln!("replayed {total} inputs through {} targets", TARGETS.len());
}
