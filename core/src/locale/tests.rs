use super::*;

const NB: &str = "\u{a0}";

/// The precision table: what a reader sees for a price, in English and Russian. The README's
/// "Languages" section copies it; change both together.
const PRICES: &[(f64, &str, &str)] = &[
    (1e-8, "0.00000001", "0,00000001"),
    (1.2345678e-8, "0.000000012346", "0,000000012346"),
    (0.00012, "0.00012", "0,00012"),
    (0.0012345678, "0.0012346", "0,0012346"),
    (0.5, "0.50", "0,50"),
    (0.971988, "0.97199", "0,97199"),
    (0.0, "0.00", "0,00"),
    (1.0, "1.0000", "1,0000"),
    (2.65284, "2.6528", "2,6528"),
    (-2.5, "-2.5000", "-2,5000"),
    (999.123456, "999.1235", "999,1235"),
    (1234.5, "1,234.50", "1 234,50"),
    (64_123.456, "64,123.46", "64 123,46"),
    (1e7, "10,000,000.00", "10 000 000,00"),
];

#[test]
fn prices_follow_the_precision_table() {
    let (en, ru) = (pick("en"), pick("ru"));
    for (x, e, r) in PRICES {
        assert_eq!(en.number.price(*x), *e, "en {x}");
        assert_eq!(ru.number.price(*x), r.replace(' ', NB), "ru {x}");
    }
}

#[test]
fn compact_numbers_percentages_and_scores() {
    let (en, ru) = (&pick("en").number, &pick("ru").number);
    for (x, e, r) in [
        (46_050_000.0, "46.05M", "46,05 млн"),
        (123_456.0, "123.5K", "123,5 тыс."),
        (1_000.0, "1K", "1 тыс."),
        (999_999.0, "1M", "1 млн"),
        (-2_500_000_000.0, "-2.5B", "-2,5 млрд"),
        (3.2e12, "3.2T", "3,2 трлн"),
        (4.2e16, "42,000T", "42 000 трлн"),
        (512.25, "512.25", "512,25"),
    ] {
        assert_eq!(en.compact(x), e, "en {x}");
        assert_eq!(ru.compact(x), r.replace(' ', NB), "ru {x}");
    }
    assert_eq!(en.percent(1.254, 2, true), "+1.25%");
    assert_eq!(ru.percent(1.254, 2, true), format!("+1,25{NB}%"));
    assert_eq!(en.rate(0.0001), "0.0100%");
    assert_eq!(ru.rate(-0.00012345), format!("-0,0123{NB}%"));
    assert_eq!(en.score(Some(0.3449)), "+0.34");
    assert_eq!(ru.score(Some(-1.0)), "-1,00");
    assert_eq!(ru.score(None), "–");
    assert_eq!(en.num(-0.30081629038357416), "-0.30082");
    assert_eq!(en.num(6_212_842.712_16), "6,212,843");
    assert_eq!(ru.num(2.0), "2");
    assert_eq!(en.series_value("open_interest", 46_050_000.0), "46.05M");
    assert_eq!(
        ru.series_value("funding_rate", 0.0001),
        format!("0,0100{NB}%")
    );
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        for f in [
            en.price(x),
            en.compact(x),
            en.num(x),
            en.percent(x, 2, true),
            en.fixed(x, 4),
        ] {
            assert_eq!(f, "–");
        }
    }
    // Any finite value formats without a panic, at every magnitude.
    for e in -324..=308 {
        for x in [
            10f64.powi(e),
            -1.5 * 10f64.powi(e),
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            for l in LOCALES {
                let n = &l.number;
                assert!(!n.price(x).is_empty() && !n.compact(x).is_empty() && !n.num(x).is_empty());
            }
        }
    }
}

#[test]
fn lower_case_of_both_alphabets() {
    assert_eq!(lower("Bullish Active"), "bullish active");
    assert_eq!(lower("Медвежий, Активен ЁЖ"), "медвежий, активен ёж");
    for l in LOCALES {
        for w in l
            .text
            .directions
            .iter()
            .chain(&l.signal_words().states)
            .chain(&l.text.signal_directions)
        {
            assert_eq!(lower(w), w.to_lowercase(), "{w}");
        }
    }
}

#[test]
fn picks_by_primary_subtag() {
    assert_eq!(pick("ru").tag, "ru");
    assert_eq!(pick("RU-ru").tag, "ru");
    assert_eq!(pick("ru_RU").tag, "ru");
    assert_eq!(pick("en-GB").tag, "en");
    assert_eq!(pick("de-DE").tag, "en");
    assert_eq!(pick("").tag, "en");
}

#[test]
fn fill_puts_arguments_in_place() {
    assert_eq!(fill("Showing {} of {}", &["3", "12"]), "Showing 3 of 12");
    assert_eq!(fill("{1}: {0}", &["3", "позитивный"]), "позитивный: 3");
    assert_eq!(fill("{} and {}", &["a"]), "a and ");
    assert_eq!(fill("{x} {", &["a"]), "{x} {");
}

/// `field: "text"` pairs of a locale's tables, read from their `Debug` form.
fn fields(l: &Locale) -> Vec<(String, String)> {
    let dump = format!(
        "{:#?}{:#?}{:#?}{:#?}{:#?}",
        l.text,
        l.card_words(),
        l.chart_words(),
        l.rating_words(),
        l.signal_words()
    );
    dump.lines()
        .filter_map(|line| line.trim().split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn holes(s: &str) -> usize {
    s.matches("{}").count() + (0..10).filter(|i| s.contains(&format!("{{{i}}}"))).count()
}

#[test]
fn every_locale_fills_every_template() {
    let en = fields(pick("en"));
    assert!(en.len() > 100, "{}", en.len());
    for l in LOCALES {
        let theirs = fields(l);
        assert_eq!(theirs.len(), en.len(), "{}", l.tag);
        for ((k, e), (k2, t)) in en.iter().zip(&theirs) {
            assert_eq!(k, k2);
            assert_ne!(t, "\"\"", "{}: {k} is empty", l.tag);
            assert_eq!(
                holes(e),
                holes(t),
                "{}: {k}: {t} fills a different number of places",
                l.tag
            );
        }
    }
    // Russian is complete: no English text left in it, arrays included.
    let ru = pick("ru");
    let ru = format!(
        "{:?}{:?}{:?}{:?}{:?}",
        ru.text,
        ru.card_words(),
        ru.chart_words(),
        ru.rating_words(),
        ru.signal_words()
    );
    for word in [
        "Loading",
        "Synthetic",
        "Strong",
        "Showing",
        "Market",
        "Positive",
        "demand",
        " of ",
    ] {
        assert!(!ru.contains(word), "{word} left in Russian");
    }
}

#[test]
fn tags_name_every_table_in_order() {
    let tags: Vec<&str> = LOCALES.iter().map(|l| l.tag).collect();
    assert_eq!(tags, TAGS);
    assert!(std::ptr::eq(ENGLISH, LOCALES[0]));
    for tag in ["ru", "RU-ru", "ru_RU"] {
        assert!(has_own_table(tag), "{tag}");
        assert_eq!(pick(tag).tag, "ru");
    }
    for tag in ["en", "en-US", "de", "", "r", "rus"] {
        assert!(!has_own_table(tag), "{tag}");
        assert_eq!(pick(tag).tag, "en");
    }
}
