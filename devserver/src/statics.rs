//! Which files the static server may send: only what the demo, the gallery, the benchmarks and
//! the browser tests load. The server runs from the repository root, so anything else there
//! (`.git/`, sources, `target/`) is refused, even to a page on this machine.

use std::path::{Component, Path, PathBuf};

/// Paths under the root that are served: a file, or a folder when it ends with `/`.
pub const SERVED: &[&str] = &[
    "index.html",
    "www/",
    "pkg/",
    "tests/pages/",
    "tests/output/",
    "tests/fixtures/",
    "tests/bench-walk.mjs",
    "tests/node_modules/technicalindicators/",
    "tests/node_modules/trading-signals/",
    "target/test-trap-pkg/",
];

/// Maps a URL path to a file under `root` when it is one of [`SERVED`] (or any file, with
/// `any_file`, for a scratch folder such as an unpacked package): no component may climb out of
/// the root or start with a dot (`.git`, `.env`), and a folder gives its `index.html`.
pub fn resolve(root: &Path, url_path: &str, any_file: bool) -> Option<PathBuf> {
    let mut rel = String::new();
    for part in Path::new(url_path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => {
                let p = p.to_str()?;
                if p.starts_with('.') {
                    return None;
                }
                if !rel.is_empty() {
                    rel.push('/');
                }
                rel.push_str(p);
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    if rel.is_empty() || root.join(&rel).is_dir() {
        rel = if rel.is_empty() {
            "index.html".into()
        } else {
            format!("{rel}/index.html")
        };
    }
    let allowed = any_file
        || SERVED.iter().any(|s| match s.strip_suffix('/') {
            Some(dir) => rel.starts_with(s) && rel.len() > dir.len() + 1,
            None => rel == *s,
        });
    let path = root.join(&rel);
    (allowed && path.is_file()).then_some(path)
}

pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn serves_the_pages_and_the_package() {
        for p in [
            "/",
            "/index.html",
            "/www/gallery.html",
            "/tests/pages/blank.html",
        ] {
            assert!(resolve(&repo(), p, false).is_some(), "{p}");
        }
    }

    #[test]
    fn any_file_still_refuses_hidden_ones_and_climbing_out() {
        assert!(resolve(&repo(), "/Cargo.toml", true).is_some());
        for p in ["/.git/HEAD", "/www/.x", "/../Cargo.toml"] {
            assert_eq!(resolve(&repo(), p, true), None, "{p}");
        }
    }

    #[test]
    fn refuses_the_rest_of_the_repository() {
        for p in [
            "/.git/HEAD",
            "/.git/config",
            "/www/.hidden",
            "/Cargo.toml",
            "/devserver/src/main.rs",
            "/tests/browser/harness.mjs",
            "/tests/node_modules/playwright-core/package.json",
            "/../Cargo.toml",
            "/www/../Cargo.toml",
            "/pkg",
            "/wwwx/index.html",
        ] {
            assert_eq!(resolve(&repo(), p, false), None, "{p}");
        }
        assert_eq!(
            resolve(&repo(), &crate::http::decode("/%2e%2e/Cargo.toml"), false),
            None
        );
        assert_eq!(
            resolve(&repo(), &crate::http::decode("/%2egit/HEAD"), true),
            None
        );
    }
}
