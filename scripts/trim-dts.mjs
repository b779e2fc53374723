#!/usr/bin/env node
// Removes from wasm-bindgen's .d.ts what is not ours to offer: the IntoUnderlying* stream
// classes wasm-streams exports (through Leptos's server_fn); they leave the JS and the wasm too
// (trim-module.mjs). (The start function is not exported at all: `#[wasm_bindgen(start,
// private)]`, src/web/embed.rs.) Fails if one is not found, so a new wasm-bindgen that changes
// their shape is noticed.
//   node scripts/trim-dts.mjs pkg/barfinex_widgets.d.ts
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
let text = readFileSync(file, "utf8");
const internals = [
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
// `init()` also loads the computing functions' code, unless given `compute: false`
// (scripts/build-pkg.sh, patch_init).
const init = /\n\/\*\*\n \* If `module_or_path` is \{RequestInfo\} or \{URL\}[^]*?\*\/\nexport default function __wbg_init \(module_or_path\?: \{ module_or_path: InitInput \| Promise<InitInput> \} \| InitInput \| Promise<InitInput>\): Promise<InitOutput>;\n/;
if (!init.test(text)) {
  console.error(`trim-dts: the default export (init) not found in ${file}`);
  process.exit(1);
}
text = text.replace(init, `
/**
 * Loads the module, then the code of the computing functions (\`technicalRating\`, \`indicator\`,
 * \`scoreSignals\`), which are synchronous once this resolves. \`module_or_path\`: the \`.wasm\` (a URL, a request, a
 * response, its bytes or a compiled module); by default the file beside this one.
 * \`compute: false\` leaves the computing code out (the elements never need it), as \`embed.js\`
 * does; a later \`init()\` loads it.
 */
export default function init(options?: { module_or_path?: InitInput | Promise<InitInput>; compute?: boolean } | InitInput | Promise<InitInput>): Promise<InitOutput>;
`);
writeFileSync(file, text);
