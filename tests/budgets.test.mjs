// The bundle budgets (budgets.json): the package as built, gzip -9, as scripts/build-pkg.sh
// measures it: the whole library and its JS glue. The first-paint budget is measured in a browser
// (tests/browser/first-paint.test.mjs); speed budgets by make bench (tests/bench.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./browser/harness.mjs";
import { bundleBytes } from "./bundle.mjs";
import { reader } from "../scripts/wasm-bytes.mjs";

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

/** The function names of rustc's module for the package (before wasm-bindgen strips them). */
function functionNames(file) {
  const bytes = readFileSync(file);
  const r = reader(bytes);
  const names = [];
  for (const { id, end } of r.sections()) {
    if (id !== 0 || r.name() !== "name") continue;
    while (r.at < end) {
      const sub = r.byte();
      const size = r.u32();
      const next = r.at + size;
      if (sub === 1) for (let n = r.u32(); n > 0; n--) (r.u32(), names.push(r.name()));
      r.at = next;
    }
  }
  return names;
}

// Two savings that one new caller would undo without a word (README, "Where the bytes went"):
// the package's allocator is talc alone (src/allocator.rs), and nothing asks for the current
// thread, which allocates through std's own allocator and so links dlmalloc beside talc
// (vendor/send_wrapper/PATCHED.md).
test("the package links one allocator, talc, and never asks for the current thread", () => {
  const names = functionNames(path.join(ROOT, "target/wasm32-unknown-unknown/release/barfinex_widgets.wasm"));
  assert.ok(names.length > 1000, `rustc's module has ${names.length} function names`);
  assert.ok(names.some((n) => n.includes("4talc")), "talc is not the allocator");
  const stray = names.filter((n) => n.includes("8dlmalloc") || n.includes("6thread7current"));
  assert.deepEqual(stray.slice(0, 5), [], `${stray.length} functions of dlmalloc or thread::current`);
});
