#!/usr/bin/env bash
# Builds the npm package in pkg/: cargo (release, wasm32) → wasm-bindgen → wasm-opt -Os.
# With --test-trap: the test build with widgets that stop the module on purpose, in
# target/test-trap-pkg/ (profile test-trap, no wasm-opt); never the shipped package.
set -euo pipefail
cd "$(dirname "$0")/.."

# Replaces one line of wasm-bindgen's generated glue: `patch_glue <file> <what> <line> <new>`.
# Fails the build if the generated line ever changes.
patch_glue() {
  local js=$1 what=$2 line=$3 patched=$4
  grep -qF "$line" "$js" || { echo "build-pkg.sh: $what not found in $js" >&2; exit 1; }
  LINE=$line PATCHED=$patched perl -0pi -e 's/\Q$ENV{LINE}\E/$ENV{PATCHED}/' "$js"
}

# wasm-bindgen's `free()` and `[Symbol.dispose]` release a handle's Rust side only; ours also
# unmount its widget, so `using h = mount(…)` and `h.free()` leave nothing running. The garbage
# collector's finalizer calls the wasm export directly, so a handle the page merely drops does
# not remove its widget.
dispose_unmounts() {
  patch_glue "$1" "MountHandle's dispose line" \
    'if (Symbol.dispose) MountHandle.prototype[Symbol.dispose] = MountHandle.prototype.free;' \
    '{ const free = MountHandle.prototype.free; MountHandle.prototype.free = function () { if (this.__wbg_ptr) this.unmount(); free.call(this); }; if (Symbol.dispose) MountHandle.prototype[Symbol.dispose] = MountHandle.prototype.free; }'
}

# wasm-bindgen decodes every string the module hands to JS (tag and attribute names, classes,
# text) with one TextDecoder call; for a short string that call costs more than the string. A
# CPU profile of the 200-widget page put 112 ms of 1,888 in decoding, most of it strings of a
# few bytes for setAttribute, createTextNode and createElement. Short ASCII strings are built
# byte by byte instead (the same result: an ASCII byte is its own UTF-8 character, and a BOM is
# not ASCII); anything else still goes to the TextDecoder.
short_strings() {
  local line='    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));'
  patch_glue "$1" "getStringFromWasm0's decode line" "$line" \
    '    if (len < 32) { const m = getUint8ArrayMemory0(); let s = ""; for (let i = ptr; i < ptr + len; i++) { if (m[i] > 127) { s = null; break; } s += String.fromCharCode(m[i]); } if (s !== null) return s; }'"
$line"
}

# wasm-bindgen wraps each import that may throw as `function() { return handleError(function
# (arg0, …) { … }, arguments); }`: every call makes a new closure and an `arguments` object and
# applies the one to the other (a CPU profile of the 200-widget page: 30 ms self in the wrapper,
# with 51,000 `setAttribute` calls among its callers). Each becomes `function(arg0, …) { try {
# … } catch (e) { … } }` (no space: drop-unused-imports.mjs finds imports by `function(`),
# storing what was thrown for the module as `handleError` does (the import then returns
# undefined, as before). The build stops if one is left unrewritten.
catch_in_place() {
  local js=$1 n
  n=$(grep -c '}, arguments); },' "$js")
  perl -0pi -e 's/function\(\) \{ return handleError\(function \(([^)]*)\) \{(.*?)\n(\s*)\}, arguments\); \}/function($1) { try {$2\n$3} catch (e) { wasm.__wbindgen_exn_store(addToExternrefTable0(e)); } }/gs' "$js"
  if grep -q 'handleError(function' "$js" || [ "$(grep -c '} catch (e) { wasm.__wbindgen_exn_store(addToExternrefTable0(e)); } },' "$js")" != "$n" ]; then
    echo "build-pkg.sh: not every import wrapped by handleError was rewritten in $js" >&2; exit 1
  fi
}

# wasm-bindgen writes an import that returns a string to the module (an attribute, a tag name,
# a formatted date) as four lines of its own: the string passed in, then its pointer and length
# stored where the module asked. Each becomes one call, `retString` or, for a string that may be
# absent (its pointer 0), `retOptString`, written once after the glue: the same stores in the
# same order, the memory's view taken after the string is passed (it may grow the memory). The
# build stops if there is none, or if one is left as it was.
ret_strings() {
  local js=$1 n
  n=$(grep -c 'passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);' "$js")
  perl -0pi -e 's/(?:var|const) ptr1 = (isLikeNone\(ret\) \? 0 : )?passStringToWasm0\(ret, wasm\.__wbindgen_malloc, wasm\.__wbindgen_realloc\);\n\s*(?:var|const) len1 = WASM_VECTOR_LEN;\n\s*getDataViewMemory0\(\)\.setInt32\(\(arg0 >>> 0\) \+ 4 \* 1, len1, true\);\n\s*getDataViewMemory0\(\)\.setInt32\(\(arg0 >>> 0\) \+ 4 \* 0, ptr1, true\);/($1 ? "retOptString" : "retString") . "(arg0, ret);"/ge' "$js"
  if [ "$n" = 0 ] || grep -q 'passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);' "$js"; then
    echo "build-pkg.sh: not every string returned by an import was rewritten in $js" >&2; exit 1
  fi
  cat >> "$js" <<'JS'
function retString(at, s) {
    const ptr = passStringToWasm0(s, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
    const view = getDataViewMemory0();
    view.setInt32((at >>> 0) + 4, WASM_VECTOR_LEN, true);
    view.setInt32(at >>> 0, ptr, true);
}
function retOptString(at, s) {
    const ptr = isLikeNone(s) ? 0 : passStringToWasm0(s, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
    const view = getDataViewMemory0();
    view.setInt32((at >>> 0) + 4, WASM_VECTOR_LEN, true);
    view.setInt32(at >>> 0, ptr, true);
}
JS
}

# wasm-bindgen's loader speaks to the developer who called it with arguments of an older form
# (both forms still work) and explains at length a server that sends the module without
# `application/wasm`: every page downloads those words. The old forms are accepted silently;
# the server's fault is said in one short line, the error beside it. JS −150 B gzipped.
short_warnings() {
  patch_glue "$1" "initSync's deprecation warning" \
    "console.warn('using deprecated parameters for \`initSync()\`; pass a single object instead')" ''
  patch_glue "$1" "init's deprecation warning" \
    "console.warn('using deprecated parameters for the initialization function; pass a single object instead')" ''
  patch_glue "$1" "the MIME type warning" \
    'console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);' \
    'console.warn("Barfinex widgets: .wasm not served as application/wasm, compiled after download:", e);'
}

# Two of wasm-bindgen's fallbacks for engines that cannot run this module anyway: a
# `TextEncoder` without `encodeInto` (every engine that has wasm SIMD has it: README, "Browser
# support"), and passing a string with no `realloc` (every call in the glue passes one). The
# build stops if either is not found, or if a call without `realloc` appears. (The
# `FinalizationRegistry` fallbacks stay: some worker runtimes lack it.)
no_fallbacks() {
  local js=$1
  patch_glue "$js" "the encodeInto polyfill" \
    "if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}" ''
  patch_glue "$js" "passStringToWasm0's path without realloc" \
    '    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
' ''
  if grep 'passStringToWasm0(' "$js" | grep -v '^function passStringToWasm0' | grep -qv 'wasm.__wbindgen_malloc, wasm.__wbindgen_realloc)'; then
    echo "build-pkg.sh: a passStringToWasm0 call without realloc in $js" >&2; exit 1
  fi
}

# The wasm is built with one pinned nightly (scripts/ensure-tools.sh installs it with rust-src and
# the wasm32 target; `cargo +<toolchain>` leaves the stable default alone for everything else):
# std is rebuilt with our profile (`-Zbuild-std`: opt-level "z", LTO across std), with std's
# smaller algorithms (`optimize_for_size`), and a panic aborts at once with a trap, without
# formatting its message (`-Cpanic=immediate-abort`; `guard_exports` below makes the trap stop
# every widget, as the panic hook did). Measured on one build, gzipped wasm after wasm-opt:
# stable 429,985 B; build-std with optimize_for_size 414,157 B; and panics without file, line
# and column (`-Zlocation-detail=none`) 405,527 B; immediate-abort: README, "Where the bytes
# went". `{:?}` formats nothing (`-Zfmt-debug=none`: every `Debug` impl's code leaves the module, 6 KB gzipped); our
# messages quote through `quoted()` instead, and a layers test keeps `{:?}` out of the code
# built here. LLVM does not merge identical functions (`-Zmerge-functions=disabled`), so each
# function keeps its own name, which trim-module.mjs relies on to empty wasm-streams' code
# (+2.5 KB for the merging, −4.3 KB for the emptying). The linker keeps its relocations
# (`--emit-relocs`) for wasm-split-cli. `--cfg barfinex_size` has barfinex-ta (opt-level 3) optimise
# for size what runs once per call, `#[optimize(size)]` (ta/src/lib.rs): −3,579 B on one build. The flags join .cargo/config.toml's (SIMD, erase_components): `--config` arrays
# are merged, not replaced.
NIGHTLY=nightly-2026-05-20
# The module is split before wasm-bindgen (wasm-split-cli, from wasm_split_cli_support, reads the
# relocations the linker keeps with --emit-relocs): what only src/web/chunks.rs's split points
# reach goes into split_<name>.wasm, and what several of them share into chunk_<n>.wasm; the main
# part keeps everything else, and __wasm_split.js (bundled into the glue below) fetches a chunk
# with `new URL("./<file>.wasm", import.meta.url)`, so bundlers emit the files beside the glue.
# wasm-bindgen keeps the exports the chunks import (--keep-lld-exports: the function table and
# the shared functions). `split_and_bind <rustc's wasm> <out dir> <scratch dir>`.
split_and_bind() {
  local wasm=$1 out=$2 parts=$3
  rm -rf "$parts"
  wasm-split-cli --target web --out-name barfinex_widgets "$wasm" "$parts"
  wasm-bindgen --target web --keep-lld-exports --out-dir "$out" --out-name barfinex_widgets \
    "$parts/barfinex_widgets.wasm"
  rm -f "$out"/split_*.wasm "$out"/chunk_*.wasm "$out"/chunk_pack.bin
  find "$parts" -maxdepth 1 \( -name 'split_*.wasm' -o -name 'chunk_*.wasm' -o -name __wasm_split.js \) \
    -exec cp {} "$out/" \;
  node scripts/split-loader.mjs "$out/__wasm_split.js"
  patch_init "$out/barfinex_widgets.js"
  guard_exports "$out/barfinex_widgets.js"
}

# The quoted path under which the glue `$1` imports the snippet src/web/`$2`; the build stops
# if it does not.
snippet() {
  local path
  path=$(grep -oE "[\"']\./snippets/[^\"']*/src/web/${2//./\\.}[\"']" "$1" | head -1)
  [ -n "$path" ] || { echo "build-pkg.sh: $2 not imported by $1" >&2; exit 1; }
  echo "$path"
}

# A panic aborts with a trap (-Cpanic=immediate-abort, in wasm_build): the glue calls the module
# through guarded exports (elements.js, `guardExports`), so a trap stops every widget even where
# the caller catches it.
guard_exports() {
  local js=$1 elements
  elements=$(snippet "$js" elements.js)
  ELEMENTS=$elements perl -0pi -e 's{^}{import { guardExports } from $ENV{ELEMENTS};\n}' "$js"
  patch_glue "$js" "the glue's exports object" '    wasm = instance.exports;' '    wasm = guardExports(instance.exports);'
}

# The computing functions' code is a chunk (src/web/api/compute.rs) that `init()` loads before it
# resolves, unless given `compute: false` (embed.js: the elements never call it), and that
# `initSync` loads where it can read files (Node); scripts/split-loader.mjs has the loader side.
# `init({ documents })` takes the profile requests embed.js sent before the module was in
# (src/web/net/early.js).
patch_init() {
  local js=$1 early
  early=$(snippet "$js" net/early.js)
  EARLY=$early perl -0pi -e 's{^}{import { loadCompute, loadComputeNow } from "./__wasm_split.js";\nimport { earlyDocuments } from $ENV{EARLY};\n}' "$js"
  patch_glue "$js" "initSync's instantiation" \
    '    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);' \
    '    const instance = new WebAssembly.Instance(module, imports);
    const exports = __wbg_finalize_init(instance, module);
    try { loadComputeNow(); } catch (e) { console.error(e); }
    return exports;'
  patch_glue "$js" "the glue's exports" \
    'export { initSync, __wbg_init as default };' \
    'async function init(options) {
    if (options?.documents) earlyDocuments(options.documents);
    const exports = await __wbg_init(options);
    if (options?.compute !== false) await loadCompute();
    return exports;
}
export { initSync, init as default };'
}
wasm_build() {
  cargo "+$NIGHTLY" build -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
    --config 'target.wasm32-unknown-unknown.rustflags=["-Zunstable-options","-Cpanic=immediate-abort","-Zlocation-detail=none","-Zfmt-debug=none","-Zmerge-functions=disabled","-Clink-args=--emit-relocs","--cfg","barfinex_size"]' \
    --target wasm32-unknown-unknown -p barfinex-widgets "$@"
}

if [ "${1:-}" = --test-trap ]; then
  out=target/test-trap-pkg
  wasm_build --profile test-trap --features test-trap,allocator
  split_and_bind target/wasm32-unknown-unknown/test-trap/barfinex_widgets.wasm "$out" target/split-test-trap
  dispose_unmounts "$out/barfinex_widgets.js"
  cp src/web/embed.js "$out/embed.js"
  exit 0
fi

wasm=target/wasm32-unknown-unknown/release/barfinex_widgets.wasm
wasm_build --release --features csr,allocator
split_and_bind "$wasm" pkg target/split
dispose_unmounts pkg/barfinex_widgets.js
short_strings pkg/barfinex_widgets.js
short_warnings pkg/barfinex_widgets.js
catch_in_place pkg/barfinex_widgets.js
ret_strings pkg/barfinex_widgets.js
no_fallbacks pkg/barfinex_widgets.js
node scripts/trim-dts.mjs pkg/barfinex_widgets.d.ts
cp LICENSE CHANGELOG.md pkg/
# Before wasm-opt: exports nobody calls dropped and wasm-streams' functions emptied (wasm-opt then
# drops their code), and imports and
# internal exports renamed short, in the wasm, the glue and its typings together
# (scripts/trim-module.mjs says why; measured in the README, "Where the bytes went").
node scripts/trim-module.mjs pkg/barfinex_widgets_bg.wasm pkg/barfinex_widgets.js \
  pkg/barfinex_widgets.d.ts pkg/barfinex_widgets_bg.wasm.d.ts
# binaryen from npm (v132): Debian's wasm-opt 108 corrupts modules that use reference types.
# The feature flags are those rustc enables by default for wasm32-unknown-unknown, and SIMD
# (.cargo/config.toml). -Os gzips smaller than -Oz here (the budget counts gzipped bytes).
# --low-memory-unused lets binaryen fold added constants into load/store offsets: it assumes no
# address computation wraps around into the low 1 KiB, which holds for Rust's layout (the stack
# starts at 1 MiB and grows down, data sits above it; no pointer is ever "negative").
# Measured on one build (gzip -9 of the .wasm): -Oz 484,357 B; -Os 483,172 B; -Os
# --low-memory-unused 479,982 B; and stripping the producers and target-features sections 479,735 B.
# --converge repeats the passes until the module stops shrinking: 405,340 → 404,663 B on a later
# build, for about 27 s more (-Oz --converge was larger). --ignore-implicit-traps lets binaryen
# drop or move a load, a store or a division whose only effect could be a trap: compiled Rust
# never has one that traps (bounds and divisors are checked by branches to a panic, an explicit
# `unreachable` that keeps its place; casts saturate), 164,602 → 164,301 B for the main part and
# −138 B for the chunks. A function is inlined into its one caller only when it has at most 15
# instructions (--one-caller-inline-max-function-size 15; binaryen's default inlines any size)
# and functions of up to 4 instructions always are (-aimfs 4, default 2): bigger before gzip,
# smaller after (merged bodies renumber their locals and lose the repeats gzip finds between
# functions), the main part 164,301 → 154,847 B and the chunks 179,617 → 176,191 B with no
# one-caller inlining at all. Up to 15 instructions, on a later build (one-caller limit, total
# gzipped, the main part's functions): 0: 334,281 B, 3,296; 8: 331,775, 3,131; 12: 331,476,
# 3,051; 15: 331,302, 3,001; 18: 331,470, 2,931; 25: 331,601, 2,814; 40: 333,465, 2,541; any
# size: 343,909, 1,976. Fewer functions is also less for V8 to compile when a widget first
# calls them (it compiles a wasm function on its first call, on the page's thread). Each part of the split module is optimised on its own: what a chunk
# imports from the main part is exported, so kept as it is.
opt_flags=(-Os --one-caller-inline-max-function-size 15 --always-inline-max-function-size 4
  --converge --low-memory-unused --ignore-implicit-traps --strip-producers --strip-target-features
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-reference-types --enable-multivalue --enable-mutable-globals --enable-simd)
for part in pkg/barfinex_widgets_bg.wasm pkg/split_*.wasm pkg/chunk_*.wasm; do
  tests/node_modules/.bin/wasm-opt "${opt_flags[@]}" "$part" -o "$part"
done
# Each part's functions shortest first, then by their bytes, where that gzips smaller: copies
# of one generic side by side compress against each other (scripts/order-functions.mjs).
node scripts/order-functions.mjs tests/node_modules/.bin/wasm-opt \
  pkg/barfinex_widgets_bg.wasm pkg/split_*.wasm pkg/chunk_*.wasm -- \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals --enable-simd
# The glue's functions for imports the optimised module no longer has (wasm-streams' stream
# controllers, whose callers trim-module.mjs emptied) go: 13 of 211 on one build, 9,058 → 8,961 B
# of JS gzipped (scripts/drop-unused-imports.mjs).
node scripts/drop-unused-imports.mjs pkg/barfinex_widgets_bg.wasm pkg/barfinex_widgets.js
# The small shared chunks merged into one module, chunk_pack.bin (one request and one
# instantiation instead of one each; scripts/pack-chunks.mjs says why), optimised as above.
node scripts/pack-chunks.mjs pkg tests/node_modules/.bin -- "${opt_flags[@]}"
# The glue and the snippets it imports (src/web/elements.js, host.rs's inline JS, and the split's
# loader __wasm_split.js, which imports the glue back) become one
# module with esbuild: a browser finds a static import only once it has the importing file, so
# the snippets cost a page one more round trip before the module could start (at a 50 ms round
# trip, asked for at 223 ms and in at 281, the module instantiated at 299). The package then has
# no snippets/ folder. The comment that points TypeScript at the typings is put back on top.
tests/node_modules/.bin/esbuild pkg/barfinex_widgets.js --bundle --format=esm --platform=neutral \
  --banner:js='/* @ts-self-types="./barfinex_widgets.d.ts" */' --log-level=error \
  --outfile=pkg/barfinex_widgets.js --allow-overwrite
rm -rf pkg/snippets pkg/__wasm_split.js
# The generated JS is minified with terser: names mangled, comments dropped but the one that
# points TypeScript at the typings. Measured on one build: 15,852 → 10,797 B gzipped. embed.js
# too, from its readable source: 1,697 → 1,017 B gzipped on one build (once it asked for the
# page's profiles itself, what minifying saved had grown from 420 B to 680).
tests/node_modules/.bin/terser pkg/barfinex_widgets.js --module --compress passes=2 --mangle \
  --comments '/@ts-self-types/' -o pkg/barfinex_widgets.js.min
mv pkg/barfinex_widgets.js.min pkg/barfinex_widgets.js
tests/node_modules/.bin/terser src/web/embed.js --module --compress passes=2 --mangle -o pkg/embed.js
# Both files then carry V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+;
# to other engines, a comment): every function in them is compiled as the file streams in, on
# a background thread, instead of on the page's thread at its first call; nearly all of them run
# as the first widget is built. The page's thread spent 105.5 ms in V8.CompileCode,
# V8.ParseFunction and V8.CompileIgnition over six cold loads of the first card, and 36.3 ms with
# the hint (a Chromium trace, README "What a reader waits for"), for +23 B gzipped. It goes after
# the typings' comment, which stays first.
for js in pkg/barfinex_widgets.js pkg/embed.js; do
  perl -0pi -e 's{\A((?:/\* \@ts-self-types[^\n]*\*/\n)?)}{$1//# allFunctionsCalledOnLoad\n}' "$js"
  grep -q '^//# allFunctionsCalledOnLoad$' "$js" || { echo "build-pkg.sh: no compile hint in $js" >&2; exit 1; }
done
# What a page pays for one embed (the bundle budget in budgets.json counts the same way,
# tests/budgets.test.mjs): every .wasm part, and every .js the embed loads, gzip -9 each from
# stdin. A page of light widgets loads the main part only (tests/browser/first-paint.test.mjs).
gz() { gzip -9 -c < "$1" | wc -c; }
main_gz=$(gz pkg/barfinex_widgets_bg.wasm)
chunks_gz=0
for c in pkg/split_*.wasm pkg/chunk_*.wasm pkg/chunk_pack.bin; do chunks_gz=$((chunks_gz + $(gz "$c"))); done
js_gz=$(cat pkg/barfinex_widgets.js pkg/embed.js | gzip -9 -c | wc -c)
printf 'pkg/: wasm %s bytes (%s gzipped) and %s chunks (%s gzipped), js %s gzipped, total %s gzipped\n' \
  "$(wc -c < pkg/barfinex_widgets_bg.wasm)" "$main_gz" "$(ls pkg/split_*.wasm pkg/chunk_*.wasm pkg/chunk_pack.bin | wc -l)" \
  "$chunks_gz" "$js_gz" "$((main_gz + chunks_gz + js_gz))" >&2
