//! Imports point down: the rules in `layers/src/rules.rs`, over the real sources, and a planted
//! forbidden import that each form of naming (a `use` line, an inline path) must trip.

use barfinex_layers::rules::{CORE, WEB};
use barfinex_layers::{check_crate, workspace_crate, Crate};
use std::path::{Path, PathBuf};

fn report(v: &[barfinex_layers::Violation]) -> String {
    v.iter().map(|v| format!("\n  {v}")).collect()
}

#[test]
fn core_imports_point_down() {
    let core = workspace_crate("barfinex_core", "core/src");
    let v = check_crate(&core, CORE, &[]).expect("read core/src");
    assert!(v.is_empty(), "forbidden imports in core/src:{}", report(&v));
}

#[test]
fn web_imports_point_down() {
    let web = workspace_crate("barfinex_widgets", "src");
    let others = [
        workspace_crate("barfinex_core", "core/src"),
        workspace_crate("barfinex_charts", "charts/src"),
    ];
    let v = check_crate(&web, WEB, &others).expect("read src");
    assert!(v.is_empty(), "forbidden imports in src:{}", report(&v));
}

/// A copy of core/src with one line added to one file.
fn planted(name: &str, file: &str, line: &str) -> Crate {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src");
    let to = std::env::temp_dir().join(format!("barfinex-layers-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy(&from, &to);
    let target = to.join(file);
    let text = std::fs::read_to_string(&target).expect("planted file");
    std::fs::write(&target, format!("{line}\n{text}")).expect("plant");
    Crate {
        name: "barfinex_core",
        src: to,
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let p = e.expect("entry").path();
        let dest = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy");
        }
    }
}

#[test]
fn a_planted_use_line_fails() {
    let c = planted(
        "use",
        "model/validate.rs",
        "use crate::sources::{endpoint_url, parse_series};",
    );
    let v = check_crate(&c, CORE, &[]).expect("read");
    assert_eq!(v.len(), 1, "{}", report(&v));
    assert_eq!(v[0].file, "model/validate.rs");
    assert_eq!(v[0].to, "crate::sources");
    assert!(v[0].why.starts_with("model never imports sources"));
}

#[test]
fn a_planted_inline_path_fails() {
    let c = planted(
        "inline",
        "signals/rule.rs",
        "fn planted() -> usize { super::eval::ols(&[]).0 as usize + crate::sources::parse_series as usize }",
    );
    let v = check_crate(&c, CORE, &[]).expect("read");
    let found: Vec<(&str, &str)> = v.iter().map(|v| (v.from.as_str(), v.to.as_str())).collect();
    assert_eq!(
        found,
        [
            ("signals::rule", "crate::signals::eval"),
            ("signals::rule", "crate::sources")
        ],
        "{}",
        report(&v)
    );
}

#[test]
fn a_parent_re_export_cannot_hide_a_loop() {
    let c = planted(
        "parent",
        "signals/pattern.rs",
        "use super::{evaluate, Node};",
    );
    let v = check_crate(&c, CORE, &[]).expect("read");
    assert_eq!(v.len(), 1, "{}", report(&v));
    assert_eq!(v[0].to, "crate::signals");
}

#[test]
fn comments_strings_and_tests_are_not_imports() {
    let c = planted(
        "quiet",
        "model/profile.rs",
        "// crate::sources::x\n/// crate::sources::y\nconst S: &str = \"crate::sources::z\";\n#[cfg(test)]\nmod t { use crate::sources::parse_series; }",
    );
    let v = check_crate(&c, CORE, &[]).expect("read");
    assert!(v.is_empty(), "{}", report(&v));
}

/// Every `.rs` file under `dir` (from the workspace root), with its text.
fn rs_files(dir: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).expect("read");
                files.push((p, text));
            }
        }
    }
    files
}

/// Small files named for what they hold: nothing under `src/web/` or `core/src/` over 400 lines.
#[test]
fn no_source_file_over_400_lines() {
    let mut long = Vec::new();
    for (p, text) in rs_files("src/web").into_iter().chain(rs_files("core/src")) {
        let lines = text.lines().count();
        if lines > 400 {
            long.push(format!("{} ({lines} lines)", p.display()));
        }
    }
    assert!(long.is_empty(), "split these: {long:?}");
}

/// No `{:?}` in the code the embed's wasm is built from: that build compiles every `{:?}` to
/// nothing (`-Zfmt-debug=none`, scripts/build-pkg.sh), so a message would lose what it names
/// and a key built from `{:?}` would match everything. Messages quote through
/// `barfinex_ta::quote::quoted`. Test modules (after `#[cfg(test)]`, or files declared under
/// it) are native only and may use it.
#[test]
fn no_debug_formatting_in_wasm_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for dir in ["src", "core/src", "ta/src", "charts/src"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            let mut files = Vec::new();
            for e in std::fs::read_dir(&d).expect("read_dir") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    files.push((p.clone(), std::fs::read_to_string(&p).expect("read")));
                }
            }
            // Modules declared as `#[cfg(test)] mod name;` in this folder.
            let test_only: Vec<String> = files
                .iter()
                .flat_map(|(_, text)| {
                    let lines: Vec<&str> = text.lines().map(str::trim).collect();
                    lines
                        .windows(2)
                        .filter(|w| w[0] == "#[cfg(test)]" && w[1].starts_with("mod "))
                        .map(|w| {
                            w[1].trim_start_matches("mod ")
                                .trim_end_matches(';')
                                .to_owned()
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            for (p, text) in &files {
                let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                if test_only.iter().any(|m| m == stem) {
                    continue;
                }
                let code = text.split("#[cfg(test)]").next().unwrap_or("");
                for (n, line) in code.lines().enumerate() {
                    let line = line.trim_start();
                    if !line.starts_with("//") && (line.contains(":?}") || line.contains(":#?}")) {
                        found.push(format!("{}:{}: {line}", p.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "use quoted() or Display instead:\n{}",
        found.join("\n")
    );
}

/// Lists of views are collected with `CollectAny::collect_any`, not Leptos's `collect_view`:
/// a `Vec` of one element type compiles Leptos's list code again for that type (about 21 KB of
/// wasm for eleven kinds of item, README "Where the bytes went"), a `Vec<AnyView>` shares it.
#[test]
fn view_lists_are_erased() {
    let mut found = Vec::new();
    for (p, text) in rs_files("src") {
        for (n, line) in text.lines().enumerate() {
            if !line.trim_start().starts_with("//") && line.contains("collect_view") {
                found.push(format!("{}:{}: {}", p.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "use collect_any():\n{}", found.join("\n"));
}

/// A class that comes and goes is part of one reactive class string (`class=move ||
/// class_with(…)`), not a `class:name=` toggle: a toggle brings Leptos's class-list code, one
/// more reactive type, to every part that uses one (README "Where the bytes went").
#[test]
fn class_toggles_are_strings() {
    let mut found = Vec::new();
    for (p, text) in rs_files("src") {
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if !code.starts_with("//") && code.contains(" class:") {
                found.push(format!("{}:{}: {}", p.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "use class=move || class_with(…):\n{}",
        found.join("\n")
    );
}
