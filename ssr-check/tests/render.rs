//! Runs the server-rendering app and reads its HTML: the card's root and its loading state.
use std::process::Command;

#[test]
fn the_card_renders_on_the_server() {
    let out = Command::new(env!("CARGO_BIN_EXE_barfinex-ssr-check"))
        .output()
        .expect("the app runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the app failed: {stderr}");
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(
        html.starts_with("<article") && html.contains(r#"class="bfx-card""#),
        "{html}"
    );
    assert!(
        html.contains("bfx-state--loading") && html.contains("Loading…"),
        "{html}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
