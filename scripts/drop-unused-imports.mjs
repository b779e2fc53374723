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
let at = 8;
const u32 = () => {
  let v = 0, shift = 0, b;
  do {
    b = bytes[at++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return v;
};
const name = () => {
  const n = u32();
  const s = bytes.toString("utf8", at, at + n);
  at += n;
  return s;
};
const limits = () => {
  const flags = bytes[at++];
  u32();
  if (flags & 1) u32();
};
const imported = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const end = u32() + at;
  if (id === 2) {
    const count = u32();
    for (let i = 0; i < count; i++) {
      const module = name();
      const field = name();
      if (!imported.has(module)) imported.set(module, new Set());
      imported.get(module).add(field);
      const kind = bytes[at++];
      if (kind === 0x00) u32();
      else if (kind === 0x01) (at++, limits());
      else if (kind === 0x02) limits();
      else if (kind === 0x03) at += 2;
      else if (kind === 0x04) (at++, u32());
      else fail(`import ${module}.${field}: unknown kind ${kind}`);
    }
  }
  at = end;
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
