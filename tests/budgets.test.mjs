// The bundle budgets (budgets.json): the package as built, gzip -9, as scripts/build-pkg.sh
// measures it: the whole library and its JS glue. The first-paint budget is measured in a browser
// (tests/browser/first-paint.test.mjs); speed budgets by make bench (tests/bench.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./browser/harness.mjs";
import { bundleBytes } from "./bundle.mjs";

const budgets = JSON.parse(readFileSync(path.join(ROOT, "budgets.json"), "utf8"));

test("the package is within its bundle budget", () => {
  const b = bundleBytes();
  console.log(`bundle: wasm ${b.wasm} B + chunks ${b.chunks} B + js ${b.js} B = ${b.total} B gzipped (budget ${budgets.bundle.max} B, target ${budgets.bundle.target} B)`);
  assert.ok(b.total <= budgets.bundle.max, `${b.total} B gzipped is over the budget of ${budgets.bundle.max} B (budgets.json)`);
});

test("the JS glue is within its budget", () => {
  const b = bundleBytes();
  const { js } = budgets.bundle;
  console.log(`js glue: ${b.js} B gzipped (budget ${js.max} B, target ${js.target} B)`);
  assert.ok(b.js <= js.max, `${b.js} B of JS gzipped is over the budget of ${js.max} B (budgets.json)`);
});
