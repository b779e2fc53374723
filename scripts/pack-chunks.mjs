#!/usr/bin/env node
// Packs the split build's small shared chunks into one file, so a page asks for them once:
//
//   node scripts/pack-chunks.mjs pkg
//
// wasm-split-cli writes one chunk_<n>.wasm per set of split points that share code, and many
// are a few hundred bytes; the asset card needed 24 of them. A browser asks one HTTP/1.1 host
// for six files at a time, so at a 50 ms round trip the card's chunks came in over about 250 ms,
// in waves. Each chunk_<n>.wasm smaller than SMALL bytes gzipped (wasm-opt'ed, as shipped) goes
// into chunk_pack.bin, and the loader (pkg/__wasm_split.js, as scripts/split-loader.mjs wrote
// it) takes those parts from it: one request for all of them, each still instantiated on its
// own, when a split point needs it. A page that needs one small chunk receives them all (a few
// kilobytes), which costs less than the round trips it saves.
//
// chunk_pack.bin: a little-endian u32 count n, n u32 lengths, then the n modules in that order.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Below this gzipped size a chunk is packed. */
const SMALL = 1024;
const PACK = "chunk_pack.bin";

const dir = process.argv[2];
const loader = path.join(dir, "__wasm_split.js");
const fail = (why) => {
  console.error(`pack-chunks.mjs: ${why}`);
  process.exit(1);
};

let text = readFileSync(loader, "utf8");
const small = readdirSync(dir)
  .filter((f) => /^chunk_\d+\.wasm$/.test(f))
  .filter((f) => gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length < SMALL)
  .sort();
const modules = small.map((f) => readFileSync(path.join(dir, f)));
small.forEach((file, i) => {
  // A packed part needs no other part first (wasm-split-cli's shared chunks never do).
  const line = `part(new URL("./${file}", import.meta.url), []);`;
  if (text.split(line).length !== 2) fail(`${file} is not a part without dependencies in ${loader}`);
  text = text.replace(line, `part(PACK, [], ${i});`);
});
if (!text.includes("\nfunction part(url, deps, index) {")) fail(`no packed parts in ${loader}'s part()`);
text = text.replace("\nfunction part(", `\nconst PACK = new URL("./${PACK}", import.meta.url);\nfunction part(`);
writeFileSync(loader, text);

const head = Buffer.alloc(4 + 4 * modules.length);
head.writeUInt32LE(modules.length, 0);
modules.forEach((m, i) => head.writeUInt32LE(m.length, 4 + 4 * i));
writeFileSync(path.join(dir, PACK), Buffer.concat([head, ...modules]));
for (const f of small) rmSync(path.join(dir, f));
console.error(`pack-chunks.mjs: ${small.length} chunks packed into ${PACK}`);
