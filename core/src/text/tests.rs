//! Each helper against std's `char` patterns, which give the same results on ASCII sets.

use super::*;
use proptest::prelude::*;

/// Text of ASCII separators, letters and multi-byte characters.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            'a', ',', ' ', '=', '0', '/', '"', '\t', 'é', '€', '\u{a0}', '😀',
        ]),
        0..24,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

/// A set of one to three of the ASCII bytes above.
fn set() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(prop::sample::select(b", =0/\"\ta".to_vec()), 1..4)
}

fn chars(set: &[u8]) -> Vec<char> {
    set.iter().map(|&b| b as char).collect()
}

proptest! {
    #[test]
    fn same_as_std(s in text(), set in set()) {
        let cs = chars(&set);
        let p = cs.as_slice();
        prop_assert_eq!(find(&s, &set), s.find(p));
        prop_assert_eq!(rfind(&s, &set), s.rfind(p));
        prop_assert_eq!(contains(&s, &set), s.contains(p));
        prop_assert_eq!(split_once(&s, &set), s.split_once(p));
        prop_assert_eq!(rsplit_once(&s, &set), s.rsplit_once(p));
        prop_assert_eq!(split(&s, &set).collect::<Vec<_>>(), s.split(p).collect::<Vec<_>>());
        prop_assert_eq!(trim_start(&s, &set), s.trim_start_matches(p));
        prop_assert_eq!(trim_end(&s, &set), s.trim_end_matches(p));
        prop_assert_eq!(trim(&s, &set), s.trim_matches(p));
    }
}

#[test]
fn a_byte_that_is_not_ascii_never_matches() {
    // 0xC3 starts 'é': matching it would cut inside the character.
    assert_eq!(find("é,", &[0xc3, b',']), Some(2));
    assert_eq!(split("é", &[0xc3]).collect::<Vec<_>>(), ["é"]);
    assert_eq!(trim_start("é", &[0xc3]), "é");
}

#[test]
fn is_space_is_unicode_white_space() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
    }
}
