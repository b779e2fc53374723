// The bytes a page pays for one embed, counted as scripts/build-pkg.sh prints them: the wasm,
// and every .js the embed loads, each group gzip -9 from stdin. Used by the budget test and by
// make bench's size table.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const gz = (files) => execFileSync("sh", ["-c", `cat ${files.map((f) => `'${f}'`).join(" ")} | gzip -9 -c | wc -c`], { encoding: "utf8" }).trim() * 1;

/** `{ wasm, js, total }`, gzipped bytes of pkg/ as built. */
export function bundleBytes() {
  const pkg = path.join(ROOT, "pkg");
  const snippets = readdirSync(path.join(pkg, "snippets"), { recursive: true })
    .filter((f) => f.endsWith(".js")).sort().map((f) => path.join(pkg, "snippets", f));
  const wasm = gz([path.join(pkg, "barfinex_widgets_bg.wasm")]);
  const js = gz([path.join(pkg, "barfinex_widgets.js"), ...snippets, path.join(pkg, "embed.js")]);
  return { wasm, js, total: wasm + js };
}
