#!/usr/bin/env node
// Rewrites the split build's loader (__wasm_split.js, written by wasm-split-cli) so the
// computing functions can stay synchronous while their code is a chunk (src/web/api/compute.rs):
//
//   node scripts/split-loader.mjs pkg/__wasm_split.js
//
// - A part already in answers the module's load call at once, not a microtask later: a
//   synchronous call (`technicalRating`) polls its split call and finds it done.
// - A part can be loaded synchronously where its bytes can be read synchronously: a file: URL
//   in Node (`initSync`). The glue's `init()` and `initSync()` load the compute chunk
//   (`loadCompute`, `loadComputeNow`; scripts/build-pkg.sh patches them in).
// - Under a file: URL, `init()` reads the bytes from disk too (Node's fetch has no file:).
// What is kept as generated: the shared imports (the module's table and the functions the
// chunks share) and each part's file, dependencies and static `new URL("./…", import.meta.url)`,
// which bundlers follow to emit the files (scripts/pack-chunks.mjs then merges the small shared
// chunks into one module, a `part` with `packed` set). Each part is still instantiated once, and a failed
// load is not remembered, so the next call tries again. The build stops if the generated file
// does not have the shape this reads.
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
const text = readFileSync(file, "utf8");
const fail = (why) => {
  console.error(`split-loader.mjs: ${why} in ${file}`);
  process.exit(1);
};

const head = text.slice(0, text.indexOf("function wrapAsyncCb("));
if (!head.includes("function getSharedImports()")) fail("no getSharedImports");

// One part: `makeLoad(() => { const src = fetch(new URL("./x.wasm", import.meta.url)); … }, [deps])`.
const fetcher = String.raw`makeLoad\(\(\) => \{\n    const src = fetch\(new URL\("(\./[\w.]+\.wasm)", import\.meta\.url\)\);\n    src\.catch\(\(\) => \{\}\);\n    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, \[([\w, ]*)\]\)`;
const chunks = [...text.matchAll(new RegExp(String.raw`\nconst (__chunk_\d+) = ${fetcher};`, "g"))];
const loads = [...text.matchAll(new RegExp(String.raw`\nexport const __wasm_split_load_(\w+) = wrapAsyncCb\(${fetcher}\);`, "g"))];
if (chunks.length + loads.length !== text.split("makeLoad(").length - 2) fail("a part not read");
if (!loads.some((m) => m[1] === "compute")) fail("no compute part");

const out = [head.trimEnd(), String.raw`
// Where bytes can be read now: a file: URL in Node.
function readNow(url) {
    const fs = url.protocol === "file:" && globalThis.process?.getBuiltinModule?.("node:fs");
    return fs ? fs.readFileSync(url) : undefined;
}
// The small chunks' module (scripts/pack-chunks.mjs): served as .bin, so not streamed.
async function fetchBytes(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return new Uint8Array(await r.arrayBuffer());
}
// A part of the split module: the file at url (packed: the small chunks' module).
function part(url, deps, packed) {
    const p = { done: false, loading: undefined };
    p.load = () => {
        if (p.loading === undefined) {
            const bytes = readNow(url);
            const src = bytes ? undefined : packed ? fetchBytes(url) : fetch(url);
            src?.catch(() => {});
            const loading = (async () => {
                await Promise.all(deps.map((d) => d.load()));
                const imports = getSharedImports();
                await (bytes || packed
                    ? WebAssembly.instantiate(bytes ?? await src, imports)
                    : WebAssembly.instantiateStreaming(src, imports));
                p.done = true;
            })();
            loading.catch(() => { if (p.loading === loading) p.loading = undefined; });
            p.loading = loading;
        }
        return p.loading;
    };
    // Synchronously, if every part it needs can be read now; false if not (or if it is loading).
    p.loadNow = () => {
        if (p.done) return true;
        if (p.loading !== undefined || !deps.every((d) => d.loadNow())) return false;
        const bytes = readNow(url);
        if (!bytes) return false;
        new WebAssembly.Instance(new WebAssembly.Module(bytes), getSharedImports());
        p.done = true;
        p.loading = Promise.resolve();
        return true;
    };
    return p;
}
// The module's load call for a split point: (callback index, data) → callback(data, success).
function loadCall(p) {
    return (callbackIndex, callbackData) => {
        const done = (ok) => getSharedImports().__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, ok);
        if (p.done) return done(true);
        p.load().then(() => done(true), (e) => { console.error(e); done(false); });
    };
}`];
for (const [, name, url, deps] of chunks) {
  out.push(`const ${name} = part(new URL("${url}", import.meta.url), [${deps}]);`);
}
for (const [, name, url, deps] of loads) {
  out.push(`const __part_${name} = part(new URL("${url}", import.meta.url), [${deps}]);`);
  out.push(`export const __wasm_split_load_${name} = loadCall(__part_${name});`);
}
out.push(`export const loadCompute = () => __part_compute.load();`);
out.push(`export const loadComputeNow = () => __part_compute.loadNow();`);
writeFileSync(file, out.join("\n") + "\n");
