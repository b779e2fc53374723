//! Bytes to text with each invalid UTF-8 sequence replaced, without std's lossy decoder.

/// `bytes` as text, each invalid sequence U+FFFD: the same text as
/// `String::from_utf8_lossy` (and a browser's `Response.text()`, but for the BOM), through
/// `str::from_utf8` alone, whose code the module has anyway; std's lossy decoder is 350 B of
/// the gzipped module. O(n): each pass ends at the next invalid sequence.
///
/// ```
/// use barfinex_core::format::utf8_lossy;
/// assert_eq!(utf8_lossy(b"a\xffb\xe2\x82"), "a\u{fffd}b\u{fffd}");
/// ```
pub fn utf8_lossy(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        let e = match std::str::from_utf8(bytes) {
            Ok(rest) => {
                out.push_str(rest);
                return out;
            }
            Err(e) => e,
        };
        let (good, bad) = bytes.split_at(e.valid_up_to());
        out.push_str(std::str::from_utf8(good).unwrap_or_default());
        out.push('\u{fffd}');
        // No length: the bytes end inside a sequence, replaced once.
        match e.error_len() {
            Some(n) => bytes = bad.get(n..).unwrap_or_default(),
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::utf8_lossy;
    use proptest::prelude::*;

    #[test]
    fn replaces_as_std_on_the_edges() {
        for bytes in [
            &b""[..],
            b"plain",
            b"\xef\xbb\xbfBOM kept",
            b"\xff",
            b"\xc0\x80 overlong",
            b"\xed\xa0\x80 surrogate",
            b"\xf4\x90\x80\x80 past U+10FFFF",
            b"\xf5 not a lead byte",
            b"cut \xe2\x82",
            b"cut \xf0\x9f\x98",
            b"\xe2\x28\xa1 bad continuation",
            b"\x80\x80\x80 lone continuations",
            "é€😀 fine".as_bytes(),
        ] {
            assert_eq!(
                utf8_lossy(bytes),
                String::from_utf8_lossy(bytes),
                "{bytes:x?}"
            );
        }
    }

    proptest! {
        #[test]
        fn same_as_std_for_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            prop_assert_eq!(utf8_lossy(&bytes), String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn same_as_std_for_text_with_bad_bytes(
            text in "\\PC{0,40}",
            at in proptest::collection::vec((any::<prop::sample::Index>(), 0x80u8..=0xff), 0..4),
        ) {
            let mut bytes = text.into_bytes();
            for (i, b) in at {
                if !bytes.is_empty() {
                    let i = i.index(bytes.len());
                    bytes[i] = b;
                }
            }
            prop_assert_eq!(utf8_lossy(&bytes), String::from_utf8_lossy(&bytes));
        }
    }
}
