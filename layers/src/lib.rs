//! An import checker for this workspace's own sources. It reads every `.rs` file of a crate,
//! finds every path it names — in `use` lines (brace groups expanded) and inline in code
//! (`crate::sources::parse_series(…)`) — resolves each to the module it points into, and checks
//! it against rules written as data in [`rules`]. Comments, strings and `#[cfg(test)]` modules
//! are skipped: tests may reach anywhere.
//!
//! ```
//! use barfinex_layers::{check_crate, Crate, Rule};
//! let dir = std::env::temp_dir().join("layers-doc");
//! std::fs::create_dir_all(dir.join("model")).unwrap();
//! std::fs::write(dir.join("lib.rs"), "pub mod model; pub mod sources;").unwrap();
//! std::fs::write(dir.join("sources.rs"), "").unwrap();
//! std::fs::write(dir.join("model/mod.rs"), "fn f() { crate::sources::x(); }").unwrap();
//! let krate = Crate { name: "demo", src: dir.clone() };
//! let rules = [Rule::deny("model", "crate::sources", "model is below sources")];
//! let found = check_crate(&krate, &rules, &[]).unwrap();
//! assert_eq!(found.len(), 1);
//! assert!(found[0].to_string().contains("model/mod.rs: model -> crate::sources"));
//! ```

pub mod rules;
mod scan;

use std::fmt;
use std::path::{Path, PathBuf};

/// A crate to check: its name as other crates write it (`barfinex_core`) and its `src/`.
pub struct Crate {
    pub name: &'static str,
    pub src: PathBuf,
}

/// One rule. Rooms are module paths inside the checked crate (`signals::eval`); targets are
/// written `crate::…` for the same crate or with another crate's name (`barfinex_core::sources`).
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// Nothing in room `from` (or below it) may name anything in or below `to`.
    Deny {
        from: &'static str,
        to: &'static str,
        why: &'static str,
    },
    /// Inside `parent`, child room `from` may name only the sibling rooms in `allowed` (and
    /// anything outside `parent`). Naming `parent` itself (its re-exports) is refused too, so
    /// the arrows between siblings cannot be hidden behind the parent.
    Only {
        parent: &'static str,
        from: &'static str,
        allowed: &'static [&'static str],
        why: &'static str,
    },
}

impl Rule {
    pub const fn deny(from: &'static str, to: &'static str, why: &'static str) -> Rule {
        Rule::Deny { from, to, why }
    }
}

/// An import that breaks a rule: where, what it names, and the rule's reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub file: String,
    pub from: String,
    pub to: String,
    pub why: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} -> {} ({})",
            self.file, self.from, self.to, self.why
        )
    }
}

/// Checks every file of `krate` against `rules`; `others` are the crates it may name, so their
/// paths resolve to modules too. Returns the violations, file by file, in a stable order.
pub fn check_crate(
    krate: &Crate,
    rules: &[Rule],
    others: &[Crate],
) -> std::io::Result<Vec<Violation>> {
    let files = scan::files(&krate.src)?;
    let own: Vec<String> = files.iter().map(|(_, m)| m.clone()).collect();
    let mut foreign = Vec::new();
    for o in others {
        for (_, m) in scan::files(&o.src)? {
            foreign.push(join(o.name, &m));
        }
    }
    let mut out = Vec::new();
    for (path, module) in &files {
        let text = std::fs::read_to_string(path)?;
        let rel = path
            .strip_prefix(&krate.src)
            .unwrap_or(path)
            .display()
            .to_string();
        for named in scan::paths(&scan::code_only(&text)) {
            let Some(target) = resolve(&named, module, krate.name, &own, &foreign) else {
                continue;
            };
            for why in broken(rules, module, &target) {
                let v = Violation {
                    file: rel.clone(),
                    from: if module.is_empty() {
                        "(root)".into()
                    } else {
                        module.clone()
                    },
                    to: target.clone(),
                    why: why.into(),
                };
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    Ok(out)
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.into(),
        (_, true) => a.into(),
        _ => format!("{a}::{b}"),
    }
}

/// The module a path points into: `crate::…` for the checked crate, `name::…` for another.
fn resolve(
    named: &[String],
    module: &str,
    krate: &str,
    own: &[String],
    foreign: &[String],
) -> Option<String> {
    let mut base: Vec<&str> = Vec::new();
    let mut rest = named;
    match named.first()?.as_str() {
        "crate" => rest = &named[1..],
        "self" | "super" => {
            base = module.split("::").filter(|s| !s.is_empty()).collect();
            while let Some(head) = rest.first() {
                match head.as_str() {
                    "self" => rest = &rest[1..],
                    "super" => {
                        base.pop();
                        rest = &rest[1..];
                    }
                    _ => break,
                }
            }
        }
        other if other == krate => rest = &named[1..],
        // A child module named from its parent (`pub use eval::evaluate;` in `signals/mod.rs`).
        child if own.contains(&join(module, child)) => {
            base = module.split("::").filter(|s| !s.is_empty()).collect();
        }
        other => {
            // Another crate of ours: its longest known module.
            let full = named.join("::");
            return foreign
                .iter()
                .filter(|m| full == **m || full.starts_with(&format!("{m}::")))
                .max_by_key(|m| m.len())
                .cloned()
                .or_else(|| {
                    foreign
                        .iter()
                        .any(|m| m.starts_with(&format!("{other}::")))
                        .then(|| other.to_owned())
                });
        }
    }
    let mut segs: Vec<String> = base.iter().map(|s| s.to_string()).collect();
    segs.extend(rest.iter().cloned());
    // The longest prefix that is a module of the crate.
    let mut target = String::new();
    for i in (0..=segs.len()).rev() {
        let m = segs[..i].join("::");
        if own.contains(&m) {
            target = m;
            break;
        }
    }
    Some(join("crate", &target))
}

fn within(module: &str, room: &str) -> bool {
    module == room || module.starts_with(&format!("{room}::"))
}

fn broken(rules: &[Rule], module: &str, target: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for r in rules {
        match r {
            Rule::Deny { from, to, why } => {
                if within(module, from) && within(target, to) {
                    out.push(*why);
                }
            }
            Rule::Only {
                parent,
                from,
                allowed,
                why,
            } => {
                let room = format!("{parent}::{from}");
                let parent_path = format!("crate::{parent}");
                if !within(module, &room) || within(target, &format!("crate::{room}")) {
                    continue;
                }
                let sibling_ok = allowed
                    .iter()
                    .any(|a| within(target, &format!("crate::{parent}::{a}")));
                if within(target, &parent_path) && !sibling_ok {
                    out.push(*why);
                }
            }
        }
    }
    out
}

/// The crate at `dir` (relative to the workspace root).
pub fn workspace_crate(name: &'static str, dir: &str) -> Crate {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    Crate {
        name,
        src: root.join(dir),
    }
}
