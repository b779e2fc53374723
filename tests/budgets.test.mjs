// The bundle budget (budgets.json): the package as built, gzip -9, as scripts/build-pkg.sh
// measures it. Speed budgets are checked by make bench (tests/bench.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./browser/harness.mjs";

const budgets = JSON.parse(readFileSync(path.join(ROOT, "budgets.json"), "utf8"));
const gz = (files) => execFileSync("sh", ["-c", `cat ${files.map((f) => `'${f}'`).join(" ")} | gzip -9 -c | wc -c`], { encoding: "utf8" }).trim() * 1;

/** The bytes a page pays for one embed: the wasm, and every .js the embed loads, gzipped. */
export function bundleBytes() {
  const pkg = path.join(ROOT, "pkg");
  const snippets = readdirSync(path.join(pkg, "snippets"), { recursive: true })
    .filter((f) => f.endsWith(".js")).sort().map((f) => path.join(pkg, "snippets", f));
  const wasm = gz([path.join(pkg, "barfinex_widgets_bg.wasm")]);
  const js = gz([path.join(pkg, "barfinex_widgets.js"), ...snippets, path.join(pkg, "embed.js")]);
  return { wasm, js, total: wasm + js };
}

test("the package is within its bundle budget", () => {
  const b = bundleBytes();
  console.log(`bundle: wasm ${b.wasm} B + js ${b.js} B = ${b.total} B gzipped (budget ${budgets.bundle.max} B, target ${budgets.bundle.target} B)`);
  assert.ok(b.total <= budgets.bundle.max, `${b.total} B gzipped is over the budget of ${budgets.bundle.max} B (budgets.json)`);
});
