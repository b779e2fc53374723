// Drops from wasm-bindgen's glue the imports the optimised module no longer imports.
//
//   node scripts/drop-unused-imports.mjs pkg/barfinex_widgets_bg.wasm pkg/barfinex_widgets.js
//
// wasm-bindgen writes the glue before wasm-opt runs, with a JS function for every import the
// module had then. wasm-opt then drops the imports only dead code called (wasm-streams' stream
// controllers, emptied by trim-module.mjs: `byobRequest`, `enqueue`, `respond`…), but their
// functions stay in the glue's imports object, where terser cannot see they are unused. Run
// after wasm-opt, this removes each such entry from the object of the glue's own module (the
// key trim-module.mjs gave "./barfinex_widgets_bg.js"); terser then drops the helpers only they
// used. The chunks of the split build import nothing from the glue (their calls into JS go
// through the main part's functions), so the main part's import section is the whole list.
// The build stops if the glue's layout is not the one expected, or if an import the module has
// is not in the glue.
import { readFileSync, writeFileSync } from "node:fs";
import { reader } from "./wasm-bytes.mjs";

const [wasmPath, jsPath] = process.argv.slice(2);
if (!jsPath) {
  console.error("usage: drop-unused-imports.mjs <module.wasm> <glue.js>");
  process.exit(2);
}
const fail = (why) => {
  console.error(`drop-unused-imports.mjs: ${why}`);
  process.exit(1);
};

// The module's imports, as module key → set of names.
const bytes = readFileSync(wasmPath);
const r = reader(bytes);
const imported = new Map();
for (const { id } of r.sections()) {
  if (id !== 2) continue;
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const module = r.name();
    const field = r.name();
    if (!imported.has(module)) imported.set(module, new Set());
    imported.get(module).add(field);
    const kind = r.importDesc();
    if (kind > 0x04) fail(`import ${module}.${field}: unknown kind ${kind}`);
  }
}

// The glue's own imports object: `const import0 = { __proto__: null, <key>: function(…) {…}, … };`,
// handed to the module under the key that `return { __proto__: null, <module>: import0, … }` gives.
let js = readFileSync(jsPath, "utf8");
const keyed = /\n {8}__proto__: null,\n {8}(\w+): import0,\n/.exec(js);
if (!keyed) fail(`no module key for import0 in ${jsPath}`);
const wanted = imported.get(keyed[1]);
if (!wanted) fail(`the module imports nothing from "${keyed[1]}"`);
const start = js.indexOf("    const import0 = {\n        __proto__: null,\n");
const end = js.indexOf("\n    };\n", start);
if (start < 0 || end < 0) fail(`import0 not found in ${jsPath}`);
const object = js.slice(start, end);
// Each entry runs from its key, at 8 spaces of indent, to the next entry's key or the object's end.
const starts = [...object.matchAll(/\n {8}(\w+): function\(/g)];
if (!starts.length) fail(`no entries in import0 in ${jsPath}`);
const entries = starts.map((m, i) => [object.slice(m.index, starts[i + 1]?.index ?? object.length), m[1]]);
const kept = new Set(entries.map(([, key]) => key));
for (const field of wanted) if (!kept.has(field)) fail(`the module imports ${keyed[1]}.${field}, not found in ${jsPath}`);
const dropped = entries.filter(([, key]) => !wanted.has(key));
const trimmed = entries.filter(([, key]) => wanted.has(key)).map(([text]) => text).join("");
js = js.slice(0, start) + object.slice(0, starts[0].index) + trimmed + js.slice(end);
writeFileSync(jsPath, js);
console.error(`drop-unused-imports.mjs: ${dropped.length} of ${entries.length} imports dropped from the glue`);
