// Trims the module's interface, in the .wasm, wasm-bindgen's glue and its typings together,
// before wasm-opt (which then drops the code only the removed exports reached).
//
//   node scripts/trim-module.mjs pkg/barfinex_widgets_bg.wasm pkg/barfinex_widgets.js \
//     pkg/barfinex_widgets.d.ts pkg/barfinex_widgets_bg.wasm.d.ts
//
// Exports nobody calls go. Leptos links server_fn, whose `browser` feature brings wasm-streams
// and its three `#[wasm_bindgen]` classes (`IntoUnderlyingByteSource`, `…Sink`, `…Source`):
// wasm-bindgen exports them and their methods, so their code and the futures behind it stayed in
// the module, and their classes in the glue, though no widget makes a Rust stream into a JS one
// (our bodies are read with a `ReadableStreamDefaultReader`, `web/net/body.rs`) and no import
// constructs them. trim-dts.mjs already kept them out of the package's types.
//
// Names get short. wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` and files it
// under the module "./barfinex_widgets_bg.js", written again for every import: ~13 KB of names
// in the wasm and as many in the glue, the hashes incompressible; its closure exports carry
// mangled type names. With `--target web` the glue builds the imports object itself
// (`__wbg_get_imports`) and calls the exports as `wasm.<name>`, so both ends are ours to rename:
// - the glue's module keys and its own functions' keys become `a`, `b`, …; the snippets'
//   modules get short keys too, and a snippet's functions keep their names (the glue passes the
//   snippet's module namespace). binaryen's `--minify-imports` renames every import, snippets'
//   included, so it is not used;
// - every export but `memory`, those the package exports under the same name (`mount`, …) and
//   those the split build's chunks import by name (`__indirect_function_table`,
//   `__wasm_split_shared<n>`: __wasm_split.js hands them over) becomes `a`, `b`, …, in
//   `InitOutput` and the .wasm.d.ts too.
// The build stops if a class to drop is not found as expected, a renamed import is not keyed
// exactly once in the glue, or an old export name is left anywhere in the glue or its typings.
import { readFileSync, writeFileSync } from "node:fs";
import { reader, leb, encodeName } from "./wasm-bytes.mjs";

const [wasmPath, jsPath, dtsPath, wasmDtsPath] = process.argv.slice(2);
if (!wasmDtsPath) {
  console.error("usage: trim-module.mjs <module.wasm> <glue.js> <glue.d.ts> <module.wasm.d.ts>");
  process.exit(2);
}
const fail = (why) => {
  console.error(`trim-module.mjs: ${why}`);
  process.exit(1);
};

// --- the wasm's bytes ---------------------------------------------------------------------
const bytes = readFileSync(wasmPath);
const r = reader(bytes);

if (bytes.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);

// --- wasm-streams' code, by name ------------------------------------------------------------
// Its exports go (below), but its closures' vtables keep their code alive through the function
// table, which wasm-opt cannot prune: every function whose (v0-mangled) name mentions the crate
// gets the body `unreachable`, and wasm-opt drops what only those reached. Nothing else calls
// them: no widget turns a Rust stream into a JS one, and with the classes gone nothing in JS can.
// This holds only while every function keeps its own name: LLVM's merging of identical functions
// is off in this build (build-pkg.sh), or a merged body named for wasm-streams could serve others.
//
// wasm-bindgen's closure adapters too (`wasm_bindgen::convert::closures::_::invoke::<…>`), all
// but those it exports: js_sys and web_sys describe a closure type for every callback they
// declare (each typed array's `forEach`, `find`, `sort`…), and each description puts that type's
// adapter in the function table, where wasm-opt must keep it: 75 of them (shims included), 16
// used. JS calls an adapter only through the export the glue names (`wasm.<export>(…)`), and
// Rust never calls one, so an adapter with no exported form (the export, its
// `externref`/`multivalue` shims or a same-named copy) is never run.
const emptied = new Set();
const fnNames = new Map(); // function index → name
const exportedFns = new Set();
let importedFns = 0;
for (const { id, end } of r.sections()) {
  if (id === 2) {
    const count = r.u32();
    for (let i = 0; i < count; i++) {
      r.name();
      r.name();
      if (r.importDesc() === 0x00) importedFns++;
    }
  } else if (id === 7) {
    const count = r.u32();
    for (let i = 0; i < count; i++) {
      r.name();
      const kind = r.byte();
      const index = r.u32();
      if (kind === 0x00) exportedFns.add(index);
    }
  } else if (id === 0 && r.name() === "name") {
    while (r.at < end) {
      const sub = r.byte();
      const subEnd = r.u32() + r.at;
      if (sub === 1) {
        const count = r.u32();
        for (let i = 0; i < count; i++) {
          const index = r.u32();
          const fn = r.name();
          fnNames.set(index, fn);
          if (fn.includes("wasm_streams")) emptied.add(index);
        }
      }
      r.at = subEnd;
    }
  }
}
if (!emptied.size) fail("no function of wasm-streams named in the module (is its name section there?)");
const ADAPTER = /^wasm_bindgen\[[0-9a-f]+\]::convert::closures::_::invoke::</;
const adapterBase = (fn) => fn.replace(/( (externref|multivalue) shim)+$/, "").replace(/\[\d+\]$/, "");
const usedAdapters = new Set(
  [...exportedFns].map((i) => fnNames.get(i) ?? "").filter((fn) => ADAPTER.test(fn)).map(adapterBase),
);
if (!usedAdapters.size) fail("no closure adapter among the exports (is the name section there?)");
const deadAdapters = [...fnNames].filter(
  ([i, fn]) => ADAPTER.test(fn) && !exportedFns.has(i) && !usedAdapters.has(adapterBase(fn)),
);
for (const [i] of deadAdapters) emptied.add(i);
const unreachableBody = Buffer.from([3, 0, 0x00, 0x0b]); // size 3: no locals, unreachable, end
const stubbed = (start, end) => {
  r.at = start;
  const count = r.u32();
  const out = [leb(count)];
  for (let i = 0; i < count; i++) {
    const bodyStart = r.at;
    const size = r.u32();
    r.at += size;
    out.push(emptied.has(importedFns + i) ? unreachableBody : bytes.subarray(bodyStart, r.at));
  }
  if (r.at !== end) fail("the code section did not end where its size says");
  const body = Buffer.concat(out);
  return Buffer.concat([Buffer.from([10]), leb(body.length), body]);
};
const parts = [bytes.subarray(0, 8)];
const glueModule = "./barfinex_widgets_bg.js";
// Short JS identifiers, in order: a … z, A … Z, then two characters.
const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (i) =>
  i < letters.length ? letters[i] : short(Math.floor(i / letters.length) - 1) + letters[i % letters.length];
const moduleKeys = new Map(); // module → short key
const fieldKeys = new Map(); // glue function → short key
let seenImports = false;
let exports = []; // [name, kind and index]
let exportSection = -1; // where the export section goes in parts (encoded once renamed)
for (const { id, start, end } of r.sections()) {
  if (id === 7) {
    const count = r.u32();
    for (let i = 0; i < count; i++) {
      const field = r.name();
      const descStart = r.at;
      r.at++;
      r.u32();
      exports.push([field, bytes.subarray(descStart, r.at)]);
    }
    if (r.at !== end) fail("the export section did not end where its size says");
    exportSection = parts.length;
    parts.push(null);
    continue;
  }
  if (id === 10) {
    parts.push(stubbed(start, end));
    continue;
  }
  if (id !== 2) {
    parts.push(bytes.subarray(start - 1 - leb(end - start).length, end));
    continue;
  }
  seenImports = true;
  const count = r.u32();
  const out = [leb(count)];
  for (let i = 0; i < count; i++) {
    const module = r.name();
    const field = r.name();
    const descStart = r.at;
    const kind = r.importDesc();
    if (kind > 0x04) fail(`import ${module}.${field}: unknown kind ${kind}`);
    if (!moduleKeys.has(module)) moduleKeys.set(module, short(moduleKeys.size));
    let newField = field;
    if (module === glueModule) {
      if (fieldKeys.has(field)) fail(`import ${field} twice`);
      newField = short(fieldKeys.size);
      fieldKeys.set(field, newField);
    }
    out.push(encodeName(moduleKeys.get(module)), encodeName(newField), bytes.subarray(descStart, r.at));
  }
  if (r.at !== end) fail("the import section did not end where its size says");
  const body = Buffer.concat(out);
  parts.push(Buffer.from([2]), leb(body.length), body);
}
if (!seenImports || !fieldKeys.size) fail(`no imports from ${glueModule} in ${wasmPath}`);
if (exportSection < 0) fail(`no exports in ${wasmPath}`);

// --- the glue ------------------------------------------------------------------------------
let js = readFileSync(jsPath, "utf8");
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const rename = (pattern, to, what, once) => {
  const re = new RegExp(pattern, "g");
  const n = (js.match(re) || []).length;
  if (once ? n !== 1 : n < 1) fail(`${what} occurs ${n} times in ${jsPath}, expected ${once ? "once" : "at least once"}`);
  js = js.replace(re, to);
};
for (const [field, key] of fieldKeys) {
  rename(`(?<![\\w$])${escape(field)}(?=\\s*:)`, key, `the import key ${field}`, true);
}
// A snippet imported twice (`import * as import1`, `import2`) is keyed twice in the same object.
for (const [module, key] of moduleKeys) {
  rename(`(["'])${escape(module)}\\1(?=\\s*:)`, key, `the module key "${module}"`, false);
}
let dts = readFileSync(dtsPath, "utf8");
let wasmDts = readFileSync(wasmDtsPath, "utf8");
// wasm-streams' classes: each class with its dispose line, and its finalization registry.
const drop = (pattern, what, count) => {
  const re = new RegExp(pattern, "g");
  const n = (js.match(re) || []).length;
  if (n !== count) fail(`${what}: ${n} found in ${jsPath}, expected ${count}`);
  js = js.replace(re, "");
};
drop(
  "export class (IntoUnderlying\\w+) \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) \\1\\.prototype\\[Symbol\\.dispose\\] = \\1\\.prototype\\.free;\\n",
  "wasm-streams' classes",
  3,
);
drop(
  "const IntoUnderlying\\w+Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n[^\\n]*\\n[^\\n]*\\n",
  "wasm-streams' finalization registries",
  3,
);
if (/intounderlying/i.test(js)) fail(`wasm-streams' classes are still named in ${jsPath}`);
const unused = exports.filter(([field]) => /intounderlying/.test(field)).map(([field]) => field);
if (unused.length !== 13) fail(`${unused.length} exports of wasm-streams' classes, expected 13`);
for (const field of unused) {
  dts = dts.replace(new RegExp(`\\n\\s*readonly ${escape(field)}:[^\\n]*`), "");
  wasmDts = wasmDts.replace(new RegExp(`\\nexport const ${escape(field)}:[^\\n]*`), "");
}
exports = exports.filter(([field]) => !unused.includes(field));

// Exports: the package's own functions (`export function mount`) keep their names.
const api = new Set([...js.matchAll(/^export function (\w+)/gm)].map((m) => m[1]));
const exportKeys = new Map();
for (const [field] of exports) {
  if (field === "memory" || api.has(field) || /^__(wasm_split|indirect_function_table)/.test(field)) continue;
  const key = short(exportKeys.size);
  exportKeys.set(field, key);
  js = js.replace(new RegExp(`(?<=\\bwasm\\.)${escape(field)}(?![\\w$])`, "g"), key);
  dts = dts.replace(new RegExp(`(?<=\\n\\s*readonly )${escape(field)}(?=:)`), key);
  wasmDts = wasmDts.replace(new RegExp(`(?<=\\nexport const )${escape(field)}(?=:)`), key);
  // The glue wraps some exports in local functions of the same name (terser renames those);
  // a property or a string naming the export is what must be gone.
  const left = new RegExp(`(?<=[.'"]\\s*)${escape(field)}(?![\\w$])|(?<![\\w$])${escape(field)}(?=\\??:)`);
  for (const [file, text] of [[jsPath, js], [dtsPath, dts], [wasmDtsPath, wasmDts]]) {
    if (left.test(text)) fail(`the export ${field} is still named in ${file}`);
  }
}
const exported = [leb(exports.length)];
for (const [field, desc] of exports) exported.push(encodeName(exportKeys.get(field) ?? field), desc);
const exportBody = Buffer.concat(exported);
parts[exportSection] = Buffer.concat([Buffer.from([7]), leb(exportBody.length), exportBody]);

writeFileSync(jsPath, js);
writeFileSync(dtsPath, dts);
writeFileSync(wasmDtsPath, wasmDts);
writeFileSync(wasmPath, Buffer.concat(parts));
console.error(
  `trim-module.mjs: ${unused.length} unused exports dropped, ${emptied.size - deadAdapters.length} functions of wasm-streams and ${deadAdapters.length} closure adapters nobody calls emptied; ${fieldKeys.size} imports, ${moduleKeys.size} modules and ${exportKeys.size} exports renamed`,
);
