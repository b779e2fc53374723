// Orders each part's functions by body size, then by their bytes, when that gzips smaller.
//
// gzip finds repeats within 32 KB behind it; a module's functions come in the order the compiler
// emitted them, so two copies of one generic (the same size, nearly the same bytes) can sit far
// apart. Side by side they compress against each other: on the build that brought this, 849 B
// less for the main part and 1,988 B over the 20 parts of 42 it made smaller. Each part keeps
// whichever order is smaller. The function indices change, not what any function does: binaryen renumbers every
// call, element segment and export (`--reorder-functions-by-name`, on names this script writes
// as ranks; `--strip-debug` then drops them again).
//
// Usage: node scripts/order-functions.mjs <wasm-opt> <part.wasm>... -- <wasm-opt feature flags>...
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { reader, leb, encodeName } from "./wasm-bytes.mjs";

const args = process.argv.slice(2);
const dash = args.indexOf("--");
const [wasmOpt, ...parts] = dash < 0 ? args : args.slice(0, dash);
const features = dash < 0 ? [] : args.slice(dash + 1);
const gzip = (bytes) => execFileSync("gzip", ["-9", "-c"], { input: bytes }).length;

/** The module with a name section that ranks its functions, shortest first, then by bytes
 * (any name section it had is left out). */
function ranked(bytes) {
  const r = reader(bytes);
  const kept = [bytes.subarray(0, 8)];
  const bodies = [];
  let imported = 0;
  for (const { id, head, end } of r.sections()) {
    if (id === 0 && r.name() === "name") continue;
    kept.push(bytes.subarray(head, end));
    if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        r.name();
        r.name();
        if (r.importDesc() === 0) imported++;
      }
    } else if (id === 10) {
      for (let n = r.u32(); n > 0; n--) {
        const size = r.u32();
        bodies.push(bytes.subarray(r.at, r.at + size));
        r.at += size;
      }
    }
  }
  const order = bodies.map((_, i) => i);
  order.sort((a, b) => bodies[a].length - bodies[b].length || Buffer.compare(bodies[a], bodies[b]) || a - b);
  const rank = new Array(bodies.length);
  order.forEach((f, i) => (rank[f] = `f${String(i).padStart(6, "0")}`));
  const names = [leb(bodies.length), ...rank.flatMap((n, i) => [leb(i + imported), encodeName(n)])];
  const sub = Buffer.concat(names);
  const content = Buffer.concat([encodeName("name"), Buffer.from([1]), leb(sub.length), sub]);
  return Buffer.concat([...kept, Buffer.from([0]), leb(content.length), content]);
}

let changed = 0, saved = 0;
for (const part of parts) {
  const before = readFileSync(part);
  const tmp = `${part}.order.wasm`;
  writeFileSync(tmp, ranked(before));
  execFileSync(wasmOpt, [...features, "--reorder-functions-by-name", "--strip-debug", "--strip-producers", tmp, "-o", tmp]);
  const after = readFileSync(tmp);
  rmSync(tmp);
  const gain = gzip(before) - gzip(after);
  if (gain > 0) {
    writeFileSync(part, after);
    changed++;
    saved += gain;
  }
}
console.log(`order-functions.mjs: ${changed} of ${parts.length} parts reordered, ${saved} B less gzipped`);
