#!/usr/bin/env node
// Merges the split build's small shared chunks into one module, so a page asks for them once
// and instantiates them once:
//
//   node scripts/pack-chunks.mjs pkg <binaryen's bin dir> -- <wasm-opt flags>
//
// wasm-split-cli writes one chunk_<n>.wasm per set of split points that share code, and many
// are a few hundred bytes; the asset card needed 24 of them. A browser asks one HTTP/1.1 host
// for six files at a time, so at a 50 ms round trip the card's chunks came in over about 250 ms,
// in waves; and each module costs the page's thread its own compile job and instantiation
// (about 0.4 ms each in a Chromium trace of the card). Each chunk_<n>.wasm smaller than SMALL
// bytes gzipped (wasm-opt'ed, as shipped) is merged with binaryen's wasm-merge into one module,
// chunk_pack.bin, which the loader (pkg/__wasm_split.js, as scripts/split-loader.mjs wrote it)
// fetches and instantiates once, when a split point first needs any of them. A page that needs
// one small chunk receives them all (a few kilobytes), which costs less than what it saves.
//
// The chunks import the module's memory and function table each on its own; merged as they
// are, those would be several memories. So each chunk's two imports are first pointed at a hub
// module that imports them once and exports them, and wasm-merge links them there. Each chunk
// puts its functions into the table with active element segments, which the merged module
// keeps: instantiating it fills every packed chunk's slots at once. The chunks need no other
// part first (wasm-split-cli's shared chunks never do; the build stops if one does).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Below this gzipped size a chunk is packed. */
const SMALL = 1024;
const PACK = "chunk_pack.bin";
/** The imports every chunk may take of the module's own, linked through the hub. */
const SHARED = ["memory", "__indirect_function_table"];

const [dir, bin, sep, ...optFlags] = process.argv.slice(2);
const fail = (why) => {
  console.error(`pack-chunks.mjs: ${why}`);
  process.exit(1);
};
if (!dir || !bin || sep !== "--") fail("usage: pack-chunks.mjs <pkg> <binaryen bin> -- <wasm-opt flags>");
const tool = (name, args) => execFileSync(path.join(bin, name), args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const features = optFlags.filter((f) => f.startsWith("--enable-"));

const loader = path.join(dir, "__wasm_split.js");
let text = readFileSync(loader, "utf8");
const small = readdirSync(dir)
  .filter((f) => /^chunk_\d+\.wasm$/.test(f))
  .filter((f) => gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length < SMALL)
  .sort();
if (small.length === 0) fail("no small chunks");

// Every packed part is the pack's one part, made before the first chunk's line.
small.forEach((file) => {
  const line = `part(new URL("./${file}", import.meta.url), []);`;
  if (text.split(line).length !== 2) fail(`${file} is not a part without dependencies in ${loader}`);
  text = text.replace(line, "__pack;");
});
if (!text.includes("\nfunction part(url, deps, packed) {")) fail(`no packed parts in ${loader}'s part()`);
const first = text.indexOf("\nconst __chunk_");
if (first < 0) fail(`no chunk's line in ${loader}`);
text = `${text.slice(0, first)}\nconst __pack = part(new URL("./${PACK}", import.meta.url), [], true);${text.slice(first)}`;

const work = mkdtempSync(path.join(tmpdir(), "pack-chunks-"));
try {
  // The hub: the shared imports once, exported under their own names.
  const types = new Map();
  const inputs = [];
  for (const file of small) {
    let wat = tool("wasm-dis", [path.join(dir, file)]);
    for (const name of SHARED) {
      const re = new RegExp(String.raw`\(import "__wasm_split" "${name}" \((memory|table) \S+ ([^()]*?(?:funcref)?)\)\)`);
      const m = wat.match(re);
      if (!m) continue;
      const type = `${m[1]} ${m[2].trim()}`;
      if (types.has(name) && types.get(name) !== type) fail(`${file} imports ${name} as ${type}, another chunk as ${types.get(name)}`);
      types.set(name, type);
      wat = wat.replace(`(import "__wasm_split" "${name}"`, `(import "hub" "${name}"`);
    }
    const out = path.join(work, file);
    writeFileSync(`${out}.wat`, wat);
    tool("wasm-as", [`${out}.wat`, "-o", out, ...features]);
    inputs.push(out, file.replace(/\.wasm$/, ""));
  }
  const hub = [...types].map(([name, type]) => {
    const [kind, ...rest] = type.split(" ");
    return `(import "__wasm_split" "${name}" (${kind} $${kind} ${rest.join(" ")}))\n(export "${name}" (${kind} $${kind}))`;
  });
  writeFileSync(path.join(work, "hub.wat"), `(module\n${hub.join("\n")}\n)\n`);
  tool("wasm-as", [path.join(work, "hub.wat"), "-o", path.join(work, "hub.wasm"), ...features]);
  const merged = path.join(work, "merged.wasm");
  tool("wasm-merge", [path.join(work, "hub.wasm"), "hub", ...inputs, "-o", merged, ...features]);
  // The hub's exports are for wasm-merge only: the loader reads none.
  let wat = tool("wasm-dis", [merged]);
  for (const name of SHARED) wat = wat.replace(new RegExp(String.raw`\n\s*\(export "${name}" \([^()]*\)\)`), "");
  writeFileSync(`${merged}.wat`, wat);
  tool("wasm-as", [`${merged}.wat`, "-o", merged, ...features]);
  tool("wasm-opt", [merged, ...optFlags, "-o", path.join(dir, PACK)]);
  // One import of each, as the chunks had.
  const out = tool("wasm-dis", [path.join(dir, PACK)]);
  for (const name of types.keys()) {
    if (out.split(`(import "__wasm_split" "${name}"`).length !== 2) fail(`${PACK} does not import ${name} once`);
  }
  if (/\(export /.test(out)) fail(`${PACK} exports something`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(loader, text);
for (const f of small) rmSync(path.join(dir, f));
console.error(`pack-chunks.mjs: ${small.length} chunks merged into ${PACK}`);
