//! How each profile type is read from its document ([`crate::doc::FromDoc`]): the fields it
//! takes, which are required, and the defaults of the rest (`docs/profile-format.md`).

use super::{
    AssetProfile, Credentials, Direction, Driver, DriverCategory, Endpoint, Impact, Influencer,
    Link, Notice, Outcome, Person, RegimeBehaviour, SeriesSource, Signal, SignalCategory,
    SignalDirection, SourceKind,
};

crate::enum_from_doc!(
    Direction,
    DriverCategory,
    Outcome,
    SignalCategory,
    SignalDirection,
    SourceKind,
    Credentials
);

crate::object_from_doc!(
    AssetProfile,
    [
        "$schema",
        "version",
        "id",
        "name",
        "symbol",
        "description",
        "persons",
        "persons_disclaimer",
        "drivers",
        "influencers",
        "regimes",
        "impacts",
        "signals",
        "disclaimer",
        "illustrative",
        "lang",
        "sources"
    ],
    |f| AssetProfile {
        schema: f.or_default("$schema")?,
        version: f.req("version")?,
        id: f.req("id")?,
        name: f.req("name")?,
        symbol: f.req("symbol")?,
        description: f.or_default("description")?,
        persons: f.or_default("persons")?,
        persons_disclaimer: f.or_default("persons_disclaimer")?,
        drivers: f.or_default("drivers")?,
        influencers: f.or_default("influencers")?,
        regimes: f.or_default("regimes")?,
        impacts: f.or_default("impacts")?,
        signals: f.or_default("signals")?,
        disclaimer: f.or_default("disclaimer")?,
        illustrative: f.or_default("illustrative")?,
        lang: f.or_default("lang")?,
        sources: f.or_default("sources")?,
    }
);

crate::object_from_doc!(Person, ["name", "role", "link"], |f| Person {
    name: f.req("name")?,
    role: f.or_default("role")?,
    link: f.or_default("link")?,
});

crate::object_from_doc!(Notice, ["text", "links"], |f| Notice {
    text: f.req("text")?,
    links: f.or_default("links")?,
});

crate::object_from_doc!(Link, ["label", "url"], |f| Link {
    label: f.req("label")?,
    url: f.or_default("url")?,
});

crate::object_from_doc!(Driver, ["title", "direction", "category", "text"], |f| {
    Driver {
        title: f.req("title")?,
        direction: f.req("direction")?,
        category: f.req("category")?,
        text: f.or_default("text")?,
    }
});

crate::object_from_doc!(Influencer, ["name", "group", "influence"], |f| Influencer {
    name: f.req("name")?,
    group: f.or_default("group")?,
    influence: f.or_default("influence")?,
});

crate::object_from_doc!(RegimeBehaviour, ["regime", "outcome", "text"], |f| {
    RegimeBehaviour {
        regime: f.req("regime")?,
        outcome: f.req("outcome")?,
        text: f.or_default("text")?,
    }
});

crate::object_from_doc!(Impact, ["name", "text"], |f| Impact {
    name: f.req("name")?,
    text: f.or_default("text")?,
});

crate::object_from_doc!(
    Signal,
    ["category", "direction", "title", "description", "rule"],
    |f| Signal {
        category: f.req("category")?,
        direction: f.req("direction")?,
        title: f.req("title")?,
        description: f.or_default("description")?,
        rule: f.or_default("rule")?,
    }
);

crate::object_from_doc!(
    SeriesSource,
    [
        "series",
        "label",
        "source",
        "symbol",
        "interval",
        "base_url",
        "fallbacks",
        "synthetic",
        "credentials"
    ],
    |f| SeriesSource {
        series: f.req("series")?,
        label: f.or_default("label")?,
        source: f.req("source")?,
        symbol: f.or_default("symbol")?,
        interval: f.or_default("interval")?,
        base_url: f.or_default("base_url")?,
        fallbacks: f.or_default("fallbacks")?,
        synthetic: f.or_default("synthetic")?,
        credentials: f.or_default("credentials")?,
    }
);

crate::object_from_doc!(
    Endpoint,
    ["source", "symbol", "interval", "base_url"],
    |f| Endpoint {
        source: f.req("source")?,
        symbol: f.or_default("symbol")?,
        interval: f.or_default("interval")?,
        base_url: f.or_default("base_url")?,
    }
);
