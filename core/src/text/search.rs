//! Substring search without std's Two-Way searcher: `str::find`, `contains` and `split` with
//! a `&str` pattern link it (~2 KB of wasm) for the few short, fixed needles the widgets look
//! for (`"://"`, `"funding"`, a blank line).

/// Where `needle` first occurs in `text` (a byte index), by a plain scan. A match of valid UTF-8 in valid UTF-8 starts and ends
/// on character boundaries, so the index can slice `text`. An empty needle is at 0, as std's.
///
/// ```
/// use barfinex_core::text::find_str;
/// assert_eq!(find_str("https://host", "://"), Some(5));
/// assert_eq!(find_str("price", "funding"), None);
/// ```
pub fn find_str(text: &str, needle: &str) -> Option<usize> {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    t.windows(n.len()).position(|w| w == n)
}

/// `text` split at each `sep` (not empty), as `text.split(sep)` splits it, through [`find_str`].
///
/// ```
/// let parts: Vec<&str> = barfinex_core::text::split_str("a\n\nb\n\n", "\n\n").collect();
/// assert_eq!(parts, ["a", "b", ""]);
/// ```
pub fn split_str<'a>(text: &'a str, sep: &'a str) -> impl Iterator<Item = &'a str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match find_str(r, sep).filter(|_| !sep.is_empty()) {
            Some(i) => {
                rest = Some(&r[i + sep.len()..]);
                Some(&r[..i])
            }
            None => rest.take(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Short texts over a few characters (one of them two bytes, one four) meet every
        // overlap and boundary case: the same answers as std's `find` and `split`.
        #[test]
        fn find_and_split_as_std(text in "[ab\n\u{e9}\u{1f600}]{0,12}", needle in "[ab\n\u{e9}\u{1f600}]{1,3}") {
            prop_assert_eq!(find_str(&text, &needle), text.find(needle.as_str()));
            let ours: Vec<&str> = split_str(&text, &needle).collect();
            let std: Vec<&str> = text.split(needle.as_str()).collect();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn an_empty_needle_is_at_0() {
        assert_eq!(find_str("", ""), Some(0));
    }
}
