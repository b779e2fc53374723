// The shipped JSON Schema agrees with the Rust parser: the demo profiles validate, and the
// faults the parser rejects are rejected by the schema at the same path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { ROOT } from "./browser/harness.mjs";

const read = (p) => JSON.parse(readFileSync(path.join(ROOT, p), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(read("www/schema/asset-profile.v1.schema.json"));

test("flux.json and the illustrative example profiles are valid against the schema", () => {
  for (const f of ["flux.json", "examples/btc.json", "examples/eth.json", "examples/sol.json", "examples/xrp-sample.json"]) {
    const doc = read(`www/data/${f}`);
    assert.ok(validate(doc), `${f}: ${JSON.stringify(validate.errors)}`);
    if (f.startsWith("examples/")) assert.equal(doc.illustrative, true, `${f} must be marked illustrative`);
  }
});

test("the broken demo profile fails at drivers[2].direction, as the parser says", () => {
  assert.equal(validate(read("www/data/broken-flux.json")), false);
  assert.deepEqual(validate.errors.map((e) => e.instancePath), ["/drivers/2/direction"]);
});

test("the schema rejects what the parser rejects", () => {
  const base = { version: 1, id: "t", name: "T", symbol: "T" };
  const cases = [
    [{ ...base, version: 2 }, "/version"],
    [{ ...base, id: "Bad Id" }, "/id"],
    [{ ...base, name: " " }, "/name"],
    [{ ...base, regimes: [{ regime: "x", outcome: "Great" }] }, "/regimes/0/outcome"],
    [{ ...base, signals: [{ category: "vibes", direction: "Bullish", title: "t" }] }, "/signals/0/category"],
    [{ ...base, persons: [{ name: "A", link: "javascript:alert(1)" }] }, "/persons/0/link"],
    [{ ...base, sources: [{ series: "s", label: "", source: "generic-json" }] }, "/sources/0/label"],
    [{ ...base, sources: [{ series: "s", label: "é".repeat(81), source: "generic-json" }] }, "/sources/0/label"],
    [{ ...base, disclaimer: { text: "x", links: [{ label: "l", url: "//evil.example" }] } }, "/disclaimer/links/0/url"],
    [{ ...base, sources: [{ series: "candles", source: "binanse", symbol: "X" }] }, "/sources/0/source"],
    [{ ...base, signals: [{ category: "technical", direction: "Mixed", title: "t", rule: { kind: "sometimes" } }] }, "/signals/0/rule/kind"],
    [{ ...base, signals: [{ category: "technical", direction: "Mixed", title: "t", rule: { kind: "all", rules: [{ op: "=" }] } }] }, "/signals/0/rule/rules/0"],
    [{ ...base, sources: [{ series: "candles", source: "bybit-kline", symbol: "X", fallbacks: [{ source: "kraken-ohlc", base_url: "javascript:1" }] }] }, "/sources/0/fallbacks/0/base_url"],
    // The limits (core/src/model/validate.rs).
    [{ ...base, drivers: Array(501).fill({ title: "d", direction: "Mixed", category: "macro" }) }, "/drivers"],
    [{ ...base, signals: Array(101).fill({ category: "technical", direction: "Mixed", title: "s" }) }, "/signals"],
    [{ ...base, sources: [{ series: "c", source: "bybit-kline", symbol: "X", fallbacks: Array(9).fill({ source: "kraken-ohlc", symbol: "X" }) }] }, "/sources/0/fallbacks"],
    [{ ...base, impacts: [{ name: "n", text: "x".repeat(100001) }] }, "/impacts/0/text"],
    [{ ...base, disclaimer: { text: "t", links: [{ label: "x".repeat(100001) }] } }, "/disclaimer/links/0/label"],
    // The interval grammar (core/src/interval.rs): 1 to 99999, then m, h, d, w or M.
    [{ ...base, sources: [{ series: "candles", source: "bybit-kline", symbol: "X", interval: "0h" }] }, "/sources/0/interval"],
    [{ ...base, sources: [{ series: "candles", source: "bybit-kline", symbol: "X", interval: "01h" }] }, "/sources/0/interval"],
    [{ ...base, sources: [{ series: "candles", source: "bybit-kline", symbol: "X", fallbacks: [{ source: "kraken-ohlc", symbol: "X", interval: "1y" }] }] }, "/sources/0/fallbacks/0/interval"],
    [{ ...base, signals: [{ category: "technical", direction: "Mixed", title: "t", rule: { kind: "threshold", series: "x", op: ">", value: 1, timeframe: "100000m" } }] }, "/signals/0/rule/timeframe"],
  ];
  for (const [doc, at] of cases) {
    assert.equal(validate(doc), false, JSON.stringify(doc));
    assert.ok(validate.errors.some((e) => e.instancePath === at), `${at}: ${JSON.stringify(validate.errors)}`);
  }
  // Unknown profile fields are allowed (ignored and reported by the parser); rules are checked.
  assert.ok(validate({ ...base, mood: 1, sources: [], signals: [{ category: "technical", direction: "Mixed", title: "t", rule: { kind: "persistence", series: "funding", op: "<", value: 0, periods: 3 } }] }));
  assert.ok(validate({ ...base, sources: [{ series: "funding", source: "binance-futures-funding", symbol: "FLUXUSDT", fallbacks: [{ source: "bybit-funding", symbol: "FLUXUSDT" }] }] }));
  assert.ok(validate({ ...base, sources: [{ series: "s", label: "é".repeat(80), source: "generic-json" }] }));
  assert.ok(validate({ ...base, drivers: Array(500).fill({ title: "d", direction: "Mixed", category: "macro", text: "€".repeat(100000) }) }));
  assert.ok(validate({ ...base, sources: [{ series: "candles", source: "binance-spot-klines", symbol: "X", interval: "1M", fallbacks: [{ source: "kraken-ohlc", symbol: "X", interval: "15d" }] }],
    signals: [{ category: "technical", direction: "Mixed", title: "t", rule: { kind: "threshold", series: "x", op: ">", value: 1, timeframe: "60m" } }] }));
});
