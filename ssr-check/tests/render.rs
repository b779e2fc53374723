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

/// The stylesheet a page receives is minified and loses nothing else: its characters other than
/// whitespace are the sources' without their comments (stripped here by other code: split at
/// the markers), bar the `;` before a `}`; it splits into the same words; and no whitespace is
/// left that a browser does not need.
#[test]
fn the_stylesheet_ships_minified_and_loses_nothing_else() {
    let css = barfinex_widgets::web::styles::stylesheet_text();
    assert!(!css.contains("/*") && !css.contains("*/"));
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/web");
    // In the order they are concatenated: the theme, then `COMPONENT_CSS`'s `include_str!`s.
    let list = std::fs::read_to_string(format!("{root}/components/mod.rs")).expect("mod.rs");
    let mut files = vec![format!("{root}/theme.css")];
    for part in list.split("include_str!(\"").skip(1) {
        let name = part.split('"').next().expect("a path");
        files.push(format!("{root}/components/{name}"));
    }
    // Every component's stylesheet is in that list.
    for dir in std::fs::read_dir(format!("{root}/components")).expect("components") {
        for f in std::fs::read_dir(dir.expect("entry").path())
            .into_iter()
            .flatten()
        {
            let p = f.expect("entry").path().display().to_string();
            if p.ends_with(".css") {
                assert!(files.contains(&p), "{p} is not in COMPONENT_CSS");
            }
        }
    }
    assert!(files.len() > 15, "{files:?}");
    let bare = |text: &str| -> String {
        let mut kept = String::new();
        for (i, part) in text.split("/*").enumerate() {
            kept += if i == 0 {
                part
            } else {
                part.split_once("*/").map_or("", |(_, rest)| rest)
            };
        }
        kept
    };
    let sources: String = files
        .iter()
        .map(|f| bare(&std::fs::read_to_string(f).expect("css")))
        .collect();
    // Nothing but whitespace (and `;` before `}`) is gone.
    let dense = |text: &str| -> String {
        let no_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        no_space.replace(";}", "}")
    };
    assert_eq!(dense(&css), dense(&sources));
    // No two words were glued together: the same words, split at whitespace and punctuation.
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| c.is_whitespace() || "{};,:".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(words(&css), words(&sources));
    // It did shrink: no runs, no line breaks, no spaces beside braces, semicolons or commas.
    for needless in ["  ", "\n", " {", "{ ", " }", "} ", "; ", ", ", ": ", ";}"] {
        assert!(
            !css.contains(needless),
            "{needless:?} in the shipped stylesheet"
        );
    }
    assert!(
        css.len() * 10 < sources.len() * 9,
        "{} of {} bytes",
        css.len(),
        sources.len()
    );
    assert!(css.contains(".bfx-intervals__tab[aria-selected=\"true\"]"));
    assert!(
        css.contains("border:1px solid"),
        "words inside a value keep their space"
    );
}
