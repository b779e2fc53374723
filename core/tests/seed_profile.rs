//! `www/data/flux.json` against the seed page. Expected values come from the seed page
//! (`tests/fixtures/seed-flux-page.txt`, a copy of `shared/seed/`), never from flux.json.

use barfinex_core::model::*;

fn root(rel: &str) -> String {
    let path = format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn flux() -> AssetProfile {
    let parsed = parse_profile(&root("www/data/flux.json")).expect("flux.json parses");
    assert_eq!(parsed.unknown_fields, Vec::<String>::new());
    parsed.profile
}

fn seed_lines() -> Vec<String> {
    root("tests/fixtures/seed-flux-page.txt")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Asserts `text`'s paragraphs are, in order, the seed lines starting at `from` (blank lines between).
fn assert_paragraphs_follow(seed: &[String], from: usize, text: &str, what: &str) {
    let paras: Vec<&str> = paragraphs(text).collect();
    assert!(!paras.is_empty(), "{what}: no text");
    let seed_paras: Vec<&str> = seed[from..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(paras.len())
        .collect();
    assert_eq!(paras, seed_paras, "{what}: text differs from the seed page");
}

fn line_of(seed: &[String], line: &str) -> usize {
    seed.iter()
        .position(|l| l.trim() == line)
        .unwrap_or_else(|| panic!("not on seed page: {line}"))
}

#[test]
fn header_and_description_match_the_seed() {
    let p = flux();
    let seed = seed_lines();
    assert_eq!(
        (p.id.as_str(), p.name.as_str(), p.symbol.as_str()),
        ("flux", "Flux", "FLUX")
    );
    assert_paragraphs_follow(
        &seed,
        line_of(&seed, "Description") + 1,
        &p.description,
        "description",
    );
    assert!(p
        .description
        .starts_with("The asset functions as a protocol-level token"));
    assert!(p.persons.is_empty(), "the seed page lists no key persons");
    let notice = p.persons_disclaimer.expect("persons disclaimer");
    assert_eq!(
        notice.text,
        "Disclaimer regarding person-related content and feedback:"
    );
    assert_eq!(notice.links[0].label, "legal notice");
    assert!(
        p.impacts.is_empty(),
        "the seed page lists no market impacts"
    );
}

#[test]
fn drivers_match_the_seed() {
    let p = flux();
    let seed = seed_lines();
    let expected = [
        (
            "Network usage and decentralized compute demand",
            Direction::Positive,
            DriverCategory::Demand,
        ),
        (
            "Partnerships, integrations and developer ecosystem growth",
            Direction::Positive,
            DriverCategory::Fundamental,
        ),
        (
            "Node operator incentives and staking dynamics",
            Direction::Mixed,
            DriverCategory::Fundamental,
        ),
        (
            "Exchange listings, order book depth and market liquidity",
            Direction::Mixed,
            DriverCategory::Liquidity,
        ),
        (
            "Macro crypto market cycles and Bitcoin correlation",
            Direction::Conditional,
            DriverCategory::Macro,
        ),
        (
            "Token emission schedule, unlocks and vesting",
            Direction::Negative,
            DriverCategory::Supply,
        ),
    ];
    assert_eq!(p.drivers.len(), expected.len());
    for (d, (title, dir, cat)) in p.drivers.iter().zip(expected) {
        assert_eq!(
            (d.title.as_str(), d.direction, d.category),
            (title, dir, cat)
        );
        let at = line_of(&seed, title);
        assert_eq!(seed[at + 1], dir.as_str(), "{title}: direction line");
        assert_eq!(seed[at + 2], cat.as_str(), "{title}: category line");
        assert_paragraphs_follow(&seed, at + 3, &d.text, title);
    }
    // The seed cuts the first driver off mid-sentence; the transcription keeps it as given.
    assert!(p.drivers[0]
        .text
        .ends_with("persistent growth in paid workloads (e. g."));
}

#[test]
fn influencers_match_the_seed() {
    let p = flux();
    let expected = [
        (
            "U.S. Securities and Exchange Commission (SEC)",
            "regulatory-bodies",
            "Regulation",
        ),
        ("GPU Miners and Mining Pools", "industry", "Supply"),
        (
            "Flux Node Operators",
            "network-participants",
            "infrastructure",
        ),
        ("Binance", "financial-institutions", "Liquidity"),
        (
            "ZelCore Wallet and Client Toolkit",
            "market-infrastructure",
            "infrastructure",
        ),
        ("Flux Labs", "corporate", "Technology"),
        (
            "dApp developers and integrators",
            "technology-community",
            "Demand",
        ),
    ];
    let got: Vec<_> = p
        .influencers
        .iter()
        .map(|i| (i.name.as_str(), i.group.as_str(), i.influence.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn regimes_match_the_seed_with_outcomes_after_their_text() {
    let p = flux();
    let seed = seed_lines();
    let expected = [
        ("inflation", Outcome::Neutral),
        ("network-driven", Outcome::Neutral),
        ("recession", Outcome::Underperform),
        ("risk-off", Outcome::Underperform),
        ("risk-on", Outcome::Outperform),
        ("tightening", Outcome::Underperform),
    ];
    let got: Vec<_> = p
        .regimes
        .iter()
        .map(|r| (r.regime.as_str(), r.outcome))
        .collect();
    assert_eq!(got, expected);
    let start = line_of(&seed, "Market regime behavior");
    for r in &p.regimes {
        let at = start
            + seed[start..]
                .iter()
                .position(|l| l.trim() == r.regime)
                .expect("regime line");
        assert_paragraphs_follow(&seed, at + 1, &r.text, &r.regime);
        // The outcome is the first line after the text.
        let n = paragraphs(&r.text).count();
        let after = seed[at + 1..]
            .iter()
            .filter(|l| !l.trim().is_empty())
            .nth(n)
            .expect("outcome line");
        assert_eq!(after.trim(), r.outcome.as_str(), "{}: outcome", r.regime);
    }
}

#[test]
fn signals_and_disclaimer_match_the_seed() {
    let p = flux();
    let seed = seed_lines();
    use SignalCategory as C;
    use SignalDirection as D;
    let expected = [
        (
            C::Liquidity,
            D::Bearish,
            "Derivatives funding squeeze signalling liquidity stress",
        ),
        (
            C::Positioning,
            D::Bearish,
            "Rising supply concentration on exchanges signals potential sell pressure",
        ),
        (
            C::Sentiment,
            D::Bearish,
            "Persistent negative funding reflects bearish sentiment crowding",
        ),
        (
            C::Positioning,
            D::Bullish,
            "Accumulation by long\u{2011}term holders reduces circulating velocity",
        ),
        (
            C::Technical,
            D::Mixed,
            "High\u{2011}volume breakout followed by retest indicates trend validation",
        ),
    ];
    let got: Vec<_> = p
        .signals
        .iter()
        .map(|s| (s.category, s.direction, s.title.as_str()))
        .collect();
    assert_eq!(got, expected);
    for s in &p.signals {
        let at = line_of(&seed, &s.title);
        assert_eq!(seed[at - 2], s.category.as_str());
        assert_eq!(seed[at - 1], s.direction.as_str());
        assert_eq!(seed[at + 1], s.description, "{}: description", s.title);
        // Every seed signal is scored by a rule that reads (docs/signal-rules.md).
        let rule = s.rule.as_ref().expect("a rule");
        barfinex_core::signals::parse_rule(rule, "rule")
            .unwrap_or_else(|e| panic!("{}: {e}", s.title));
    }
    let d = p.disclaimer.expect("disclaimer");
    let paras: Vec<&str> = paragraphs(&d.text).collect();
    assert_eq!(
        paras,
        [
            "The information provided is for analytical and informational purposes only and does not constitute investment advice.",
            "Any decisions are made independently by the user and at their own risk.",
        ]
    );
    line_of(&seed, "For details, see legal terms.");
    assert_eq!(d.links[0].label, "legal terms");
}

#[test]
fn every_seed_value_round_trips() {
    let text = root("www/data/flux.json");
    let p = flux();
    let again = serde_json::to_string(&p).expect("serialises");
    assert_eq!(parse_profile(&again).expect("reparses").profile, p);
    let original: serde_json::Value = serde_json::from_str(&text).expect("json");
    let written: serde_json::Value = serde_json::to_value(&p).expect("value");
    assert_eq!(written, original, "serialising loses or adds fields");
}
