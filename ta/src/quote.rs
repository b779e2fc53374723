//! Text quoted into a message as Rust's `{:?}` writes it, through `Display` only: the embed's
//! wasm is built with `-Zfmt-debug=none` (scripts/build-pkg.sh), which compiles every `{:?}` to
//! nothing, so messages quote what they name through here.

/// `s` in double quotes, escaped as `format!("{s:?}")` escapes it for text in the usual scripts:
/// quotes, backslashes and control characters, and the invisible characters that could reorder
/// or hide a message's words (spaces other than the space, bidirectional and zero-width
/// characters). Other characters `{:?}` would escape (combining marks, unassigned code points)
/// are kept as they are: the tables that find them cost the bundle 2.8 KB gzipped.
///
/// ```
/// use barfinex_ta::quote::quoted;
/// assert_eq!(quoted("a \"b\"\n"), r#""a \"b\"\n""#);
/// assert_eq!(quoted("it's \u{202e}x"), format!("{:?}", "it's \u{202e}x"));
/// ```
#[cfg_attr(barfinex_size, optimize(size))]
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() || invisible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Spaces other than the space, and formatting characters (zero-width, bidirectional).
fn invisible(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{ad}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}'
        | '\u{205f}'..='\u{206f}' | '\u{3000}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn same_as_debug_for_the_usual_scripts_and_invisible_characters() {
        let ranges = [
            0u32..0x250,  // ASCII, Latin-1, Latin Extended
            0x391..0x3a2, // Greek (assigned letters)
            0x3a3..0x3ff,
            0x400..0x483, // Cyrillic, without its combining marks
            0x48a..0x4ff,
            0x2000..0x2070,   // spaces, zero-width, bidirectional, punctuation
            0x3000..0x3010,   // CJK punctuation and the ideographic space
            0x4e00..0x4e80,   // CJK
            0x1f600..0x1f650, // emoji
        ];
        let mut all: Vec<char> = ranges
            .into_iter()
            .flatten()
            .filter_map(char::from_u32)
            .collect();
        all.push('\u{feff}');
        for c in &all {
            for s in [c.to_string(), format!("a{c}"), format!("{c}b{c}")] {
                assert_eq!(quoted(&s), format!("{s:?}"), "U+{:04X}", *c as u32);
            }
        }
    }
}
