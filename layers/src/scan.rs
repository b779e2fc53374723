//! Reading sources just enough: module paths from file names, code without comments, strings
//! or test modules, and the paths code names.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src` with its module path (`signals::eval`; `` for `lib.rs`).
pub fn files(src: &Path) -> std::io::Result<Vec<(PathBuf, String)>> {
    let mut out = Vec::new();
    walk(src, src, &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap_or(&path).with_extension("");
            let mut segs: Vec<String> = rel
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if matches!(
                segs.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                segs.pop();
            }
            out.push((path, segs.join("::")));
        }
    }
    Ok(())
}

/// The code of a file with comments, string and char literals blanked and every
/// `#[cfg(test)]` item removed (tests may name anything).
pub fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
            out.push(' ');
        } else if rest.starts_with("#[cfg(test)]") {
            i += skip_item(rest);
        } else if let Some(len) = raw_string(rest) {
            i += len;
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            i = j + 1;
            out.push_str("\"\"");
        } else if let Some(len) = char_literal(rest) {
            i += len;
            out.push_str("' '");
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// `r"…"`, `r#"…"#`: its length, when `s` starts with one.
fn raw_string(s: &str) -> Option<usize> {
    let t = s.strip_prefix('r')?;
    let hashes = t.bytes().take_while(|b| *b == b'#').count();
    let body = t[hashes..].strip_prefix('"')?;
    let close = format!("\"{}", "#".repeat(hashes));
    Some(1 + hashes + 1 + body.find(&close)? + close.len())
}

/// `'a'`, `'\n'`, `'\''` (not a lifetime): its length.
fn char_literal(s: &str) -> Option<usize> {
    let t = s.strip_prefix('\'')?;
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    let after = if c == '\\' {
        let end = t[1..].find('\'')? + 1;
        return Some(end + 2);
    } else {
        chars.next()?
    };
    (after.1 == '\'').then(|| 1 + c.len_utf8() + 1)
}

/// The attribute and the item after it: to the end of its `{…}` block or its `;`.
fn skip_item(s: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in s.char_indices().skip("#[cfg(test)]".len()) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            ';' if depth == 0 => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Every path the code names, as segments: each `use` tree expanded (`use a::{b, c::d}` gives
/// `a::b` and `a::c::d`), and every inline path that starts at `crate`, `self`, `super` or a
/// crate name (`crate::sources::parse(…)`, `barfinex_core::series::Candles`).
pub fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let tail = &rest[at + 3..];
        let end = tail.find(';').unwrap_or(tail.len());
        expand(&[], tail[..end].trim(), &mut out);
        rest = &tail[end..];
    }
    let b = code.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let starts = (i == 0 || !is_ident(b[i - 1]) && b[i - 1] != b':') && is_ident(b[i]);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len()
            && (is_ident(b[j])
                || code[j..].starts_with("::") && j + 2 < b.len() && is_ident(b[j + 2]))
        {
            j += if b[j] == b':' { 2 } else { 1 };
        }
        let path: Vec<String> = code[i..j].split("::").map(str::to_owned).collect();
        let root = path[0].as_str();
        if path.len() > 1
            && (matches!(root, "crate" | "self" | "super") || root.starts_with("barfinex_"))
        {
            out.push(path);
        }
        i = j.max(i + 1);
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn find_word(s: &str, word: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = s[from..].find(word) {
        let at = from + k;
        let before = at == 0 || !is_ident(b[at - 1]);
        let after = b
            .get(at + word.len())
            .is_some_and(|c| c.is_ascii_whitespace());
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

fn expand(prefix: &[String], tree: &str, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim().trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let mut base = prefix.to_vec();
        base.extend(segments(&tree[..open]));
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        for part in split_top(inner) {
            expand(&base, part, out);
        }
    } else if !tree.is_empty() {
        let mut p = prefix.to_vec();
        let name = tree.split(" as ").next().unwrap_or(tree);
        p.extend(segments(name));
        if p.last().is_some_and(|l| l == "self") {
            p.pop();
        }
        if !p.is_empty() {
            out.push(p);
        }
    }
}

fn segments(s: &str) -> Vec<String> {
    s.split("::")
        .map(str::trim)
        .filter(|x| !x.is_empty() && *x != "*")
        .map(str::to_owned)
        .collect()
}

fn split_top(s: &str) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}
