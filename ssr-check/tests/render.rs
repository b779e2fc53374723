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

/// The stylesheet a page receives has no comments and loses nothing else: its length is the
/// sources' without their comments (stripped here by other code: split at the markers).
#[test]
fn the_stylesheet_ships_without_comments_and_loses_nothing_else() {
    let css = barfinex_widgets::web::styles::stylesheet_text();
    assert!(!css.contains("/*") && !css.contains("*/"));
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/web");
    let mut files = vec![format!("{root}/theme.css")];
    for dir in std::fs::read_dir(format!("{root}/components")).expect("components") {
        for f in std::fs::read_dir(dir.expect("entry").path())
            .into_iter()
            .flatten()
        {
            let p = f.expect("entry").path();
            if p.extension().is_some_and(|e| e == "css") {
                files.push(p.display().to_string());
            }
        }
    }
    let bare = |text: &str| -> usize {
        let mut n = 0;
        for (i, part) in text.split("/*").enumerate() {
            n += if i == 0 {
                part.len()
            } else {
                part.split_once("*/").map_or(0, |(_, rest)| rest.len())
            };
        }
        n
    };
    let expected: usize = files
        .iter()
        .map(|f| bare(&std::fs::read_to_string(f).expect("css")))
        .sum::<usize>()
        + 1; // the newline after the theme
    assert!(files.len() > 15, "{files:?}");
    assert_eq!(css.len(), expected);
    assert!(css.contains(".bfx-intervals__tab[aria-selected=\"true\"]"));
}
