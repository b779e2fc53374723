//! The allowed arrows, as data. `docs/architecture.md` draws the same rooms; a change to either
//! changes both. Every rule says why it exists.

use super::Rule;

/// `barfinex-core`: `float` (decimal text to `f64`, under `json` and `retry`), `text` (search and trim by ASCII bytes, under `format`, `interval` and `retry`), `json` (the one JSON reader), `interval`, `format`, `retry` and `sort` are leaves,
/// `doc` sits on `json`; `model` (the profile) sits on them; `sources` (parsers and URL builders) and `signals` (rules and scoring) sit on `model`
/// and never on each other; `locale` (readers' words and numbers) names `model`'s and `signals`'
/// values, and nothing below it reads it.
pub const CORE: &[Rule] = &[
    Rule::deny(
        "json",
        "crate::model",
        "json is a leaf: the reader knows no document",
    ),
    Rule::deny(
        "json",
        "crate::sources",
        "json is a leaf: the reader knows no document",
    ),
    Rule::deny(
        "json",
        "crate::signals",
        "json is a leaf: the reader knows no document",
    ),
    Rule::deny(
        "json",
        "crate::doc",
        "json is a leaf: the reader knows no document",
    ),
    Rule::deny(
        "interval",
        "crate::model",
        "interval is a leaf: it imports no other room",
    ),
    Rule::deny(
        "interval",
        "crate::sources",
        "interval is a leaf: it imports no other room",
    ),
    Rule::deny(
        "interval",
        "crate::signals",
        "interval is a leaf: it imports no other room",
    ),
    Rule::deny(
        "format",
        "crate::model",
        "format is a leaf: it imports no other room",
    ),
    Rule::deny(
        "format",
        "crate::sources",
        "format is a leaf: it imports no other room",
    ),
    Rule::deny(
        "format",
        "crate::signals",
        "format is a leaf: it imports no other room",
    ),
    Rule::deny(
        "retry",
        "crate::model",
        "retry is pure arithmetic: it imports no other room",
    ),
    Rule::deny(
        "sort",
        "crate::model",
        "sort is a leaf: it knows no item type",
    ),
    Rule::deny(
        "sort",
        "crate::json",
        "sort is a leaf: it knows no item type",
    ),
    Rule::deny(
        "sort",
        "crate::signals",
        "sort is a leaf: it knows no item type",
    ),
    Rule::deny(
        "text",
        "crate::model",
        "text is a leaf: it knows bytes, not documents",
    ),
    Rule::deny(
        "text",
        "crate::json",
        "text is a leaf: it knows bytes, not documents",
    ),
    Rule::deny(
        "text",
        "crate::format",
        "text is a leaf: format sits on it, not the reverse",
    ),
    Rule::deny(
        "float",
        "crate::json",
        "float is a leaf: the JSON reader reads numbers through it",
    ),
    Rule::deny(
        "float",
        "crate::model",
        "float is a leaf: it reads numbers, not documents",
    ),
    Rule::deny(
        "float",
        "crate::sources",
        "float is a leaf: it reads numbers, not documents",
    ),
    Rule::deny(
        "model",
        "crate::sources",
        "model never imports sources: the profile is below its parsers",
    ),
    Rule::deny(
        "model",
        "crate::signals",
        "model never imports signals: the profile is below the scoring",
    ),
    Rule::deny(
        "signals",
        "crate::sources",
        "signals never imports sources: scoring reads series, not wire formats",
    ),
    Rule::deny(
        "sources",
        "crate::signals",
        "sources never imports signals: parsers know nothing of rules",
    ),
    Rule::deny(
        "model",
        "crate::locale",
        "the profile model is in no reader's language: the components translate",
    ),
    Rule::deny(
        "signals",
        "crate::locale",
        "scoring's results are the computing API's, in no reader's language",
    ),
    Rule::deny(
        "sources",
        "crate::locale",
        "parsers' errors are developers' words",
    ),
    Rule::deny(
        "locale",
        "crate::sources",
        "locale words know nothing of wire formats",
    ),
    SIGNALS[0],
    SIGNALS[1],
    SIGNALS[2],
    SIGNALS[3],
    SIGNALS[4],
    SIGNALS[5],
    SIGNALS[6],
    SIGNALS[7],
    SIGNALS[8],
    SIGNALS[9],
    SIGNALS[10],
    SIGNALS[11],
    SIGNALS[12],
    SIGNALS[13],
    SIGNALS[14],
    SIGNALS[15],
];

const WHY_SIGNALS: &str =
    "signals/ has no import loop: rule types, reading, plan, evaluation and patterns point down";

const fn only(from: &'static str, allowed: &'static [&'static str]) -> Rule {
    Rule::Only {
        parent: "signals",
        from,
        allowed,
        why: WHY_SIGNALS,
    }
}

/// Inside `signals/`, lowest first: each room names only the rooms listed for it.
pub const SIGNALS: [Rule; 16] = [
    only("rule", &[]),
    only("json", &["rule"]),
    only("parse", &["rule", "json"]),
    only("plan", &["rule", "json", "parse"]),
    only("result", &[]),
    only("results_json", &["result"]),
    only("input", &[]),
    only("runs", &[]),
    only("window", &[]),
    only("derive", &["rule", "input", "window"]),
    only("pattern", &["rule", "window"]),
    only("node", &["result"]),
    only("breakout", &["rule", "pattern", "node", "result"]),
    only(
        "eval",
        &["rule", "input", "derive", "node", "breakout", "result"],
    ),
    only(
        "score",
        &["rule", "json", "parse", "plan", "input", "eval", "result"],
    ),
    only("regime", &["plan", "score", "input", "result"]),
];

/// The web layer (`barfinex-widgets`): transport (`web::net`) knows URLs and bodies only;
/// loading (`web::load`) sits on it and on the core's parsers; components sit on loading and
/// never call a parser; nothing below the elements knows the elements.
pub const WEB: &[Rule] = &[
    Rule::deny(
        "web::net",
        "barfinex_core::model",
        "net/ is transport: it knows nothing of profiles",
    ),
    Rule::deny(
        "web::net",
        "barfinex_core::signals",
        "net/ is transport: it knows nothing of rules or series",
    ),
    Rule::deny(
        "web::net",
        "barfinex_core::sources",
        "net/ is transport: it knows nothing of wire formats",
    ),
    Rule::deny(
        "web::net",
        "barfinex_core::series",
        "net/ is transport: it knows nothing of series",
    ),
    Rule::deny("web::net", "crate::web::load", "net/ is below loading"),
    Rule::deny(
        "web::net",
        "crate::web::components",
        "net/ is below the components",
    ),
    Rule::deny(
        "web::load",
        "crate::web::components",
        "loading is below the components",
    ),
    Rule::deny(
        "web::load",
        "crate::web::widgets",
        "loading is below the widgets",
    ),
    Rule::deny(
        "web::load",
        "crate::web::embed",
        "loading is below the elements",
    ),
    Rule::deny(
        "web::components",
        "barfinex_core::sources",
        "components never import parsers: they load through web::load",
    ),
    Rule::deny(
        "web::components",
        "crate::web::embed",
        "components are below the elements",
    ),
    Rule::deny(
        "web::components",
        "crate::web::widgets",
        "components are below the widget table",
    ),
    Rule::deny(
        "web::components",
        "crate::web::chunks",
        "components are below the split points: one that named a chunk's body would keep its code in the main module",
    ),
    Rule::deny(
        "web::chunks",
        "crate::web::embed",
        "the split points are below the elements",
    ),
    Rule::deny(
        "web::api",
        "crate::web::components",
        "the JS computing API needs no components",
    ),
    Rule::deny(
        "web::api",
        "crate::web::events",
        "the computing API fires nothing: events use its shapes",
    ),
    Rule::deny(
        "web::events",
        "crate::web::components",
        "events are below the components that fire them",
    ),
    Rule::deny(
        "web::events",
        "crate::web::load",
        "events carry results, not loading",
    ),
    Rule::deny(
        "web::load",
        "crate::web::events",
        "loading fires nothing: components fire when they show a result",
    ),
    Rule::deny(
        "web::net",
        "crate::web::events",
        "net/ is transport: it fires nothing",
    ),
    Rule::deny(
        "web::net",
        "crate::web::reader",
        "net/ is transport: its errors are developers' words",
    ),
    Rule::deny(
        "web::load",
        "crate::web::reader",
        "loading errors are developers' words; readers' words are the components'",
    ),
    Rule::deny(
        "web::reader",
        "crate::web::components",
        "the reader's context is below the components that read it",
    ),
    Rule::deny(
        "web::reader",
        "crate::web::load",
        "the reader's context knows nothing of loading",
    ),
    Rule::deny(
        "web::kept",
        "crate::web::net",
        "kept values sit below the transport, which keeps its timer in them",
    ),
    Rule::deny(
        "web::kept",
        "crate::web::load",
        "kept values sit below loading",
    ),
    Rule::deny(
        "web::kept",
        "crate::web::components",
        "kept values sit below the components",
    ),
    Rule::deny(
        "web::context",
        "crate::web::components",
        "the market context is below the components that read it",
    ),
    Rule::deny(
        "web::context",
        "crate::web::load",
        "the market context is below loading, which starts a widget's early loads in it",
    ),
];
