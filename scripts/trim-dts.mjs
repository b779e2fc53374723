#!/usr/bin/env node
// Removes from wasm-bindgen's .d.ts what is not ours to offer: the start function (it runs on
// init) and the IntoUnderlying* stream classes wasm-streams exports (through Leptos's
// server_fn). The start function stays in the JS (init calls it); the classes leave the JS and
// the wasm too (trim-module.mjs). Fails if one is not found, so a new wasm-bindgen that changes
// their shape is noticed.
//   node scripts/trim-dts.mjs pkg/barfinex_widgets.d.ts
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
let text = readFileSync(file, "utf8");
const internals = [
  /\n(?:\/\*\*(?:[^*]|\*(?!\/))*\*\/\n)?export function start\(\): void;\n/,
  /\nexport class IntoUnderlyingByteSource \{\n[^}]*\}\n/,
  /\nexport class IntoUnderlyingSink \{\n[^}]*\}\n/,
  /\nexport class IntoUnderlyingSource \{\n[^}]*\}\n/,
];
for (const re of internals) {
  if (!re.test(text)) {
    console.error(`trim-dts: ${re} not found in ${file}`);
    process.exit(1);
  }
  text = text.replace(re, "\n");
}
writeFileSync(file, text);
