// The element registry (src/web/registry.json) is the one source of the element table: every
// file generated from it matches it, and an attribute added to the registry but not generated
// is reported in every generated file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check, generate, loadRegistry, readRepo, TARGETS } from "../scripts/gen-registry.mjs";

test("every generated file matches the registry", () => {
  assert.deepEqual(check(loadRegistry(), readRepo), []);
});

test("an attribute added to the registry and not generated fails in every generated file", () => {
  const reg = loadRegistry();
  reg.attributes.granularity = { type: "string", default: null, reloads: true, description: "Bar granularity." };
  reg.elements.find((e) => e.tag === "bfx-sparkline").attributes.push("granularity");
  const problems = check(reg, readRepo);
  for (const file of Object.keys(TARGETS).filter((f) => !TARGETS[f].tagsOnly)) {
    assert.ok(problems.includes(`${file}: attribute granularity is missing`), `${file} not reported:\n${problems.join("\n")}`);
  }
  // Generating from it puts the attribute in each of them.
  const out = generate(reg, readRepo);
  for (const [file, text] of Object.entries(out)) if (!TARGETS[file].tagsOnly) assert.match(text, /granularity/, file);
});

test("an element's attributes must be defined", () => {
  const reg = loadRegistry();
  reg.elements[0].attributes.push("nonesuch");
  assert.throws(() => generate(reg, readRepo), /bfx-asset-card: attribute nonesuch is not defined/);
});

test("an element's parts must be defined", () => {
  const reg = loadRegistry();
  reg.elements[1].parts.push("nonesuch");
  assert.throws(() => generate(reg, readRepo), /bfx-driver-list: part nonesuch is not defined/);
});

test("bfx-error's kinds in the registry (and so the typings) are every kind the code reports", () => {
  const found = new Set();
  const scan = (file, re) => { for (const m of readRepo(file).matchAll(re)) found.add(m[1]); };
  // The kinds of NetError and LoadError (`Self::X { .. } => "kind"`), the series loader's, the
  // components' own, ErrorState's default, and the JS side's.
  scan("src/web/net/error.rs", /=> "([a-z-]+)",/g);
  scan("src/web/load/error.rs", /=> "([a-z-]+)",/g);
  scan("src/web/load/series.rs", /kind = "([a-z-]+)"/g);
  for (const f of ["src/web/components/rating/technical_rating.rs", "src/web/components/primitives/state.rs", "src/web/components/primitives/lazy_body.rs"]) {
    scan(f, /kind(?:=|\.unwrap_or\()"([a-z-]+)"/g);
  }
  scan("src/web/components/rating/technical_rating.rs", /=> "([a-z-]+)",/g);
  scan("src/web/elements.js", /kind: "([a-z-]+)"/g);
  scan("src/web/embed.js", /"(unsupported|module)"/g);
  assert.ok(found.size >= 15, [...found].join(", "));
  assert.deepEqual([...found].sort(), [...loadRegistry().errorKinds].sort());
});
