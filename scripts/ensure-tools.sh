#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; quick when all is present.
# Usage: scripts/ensure-tools.sh [build|test|fuzz]   (test also needs Chromium; fuzz needs nightly
# Rust, cargo-fuzz and a C++ compiler, and nothing else)
set -euo pipefail
cd "$(dirname "$0")/.."
need=${1:-build}

say() { printf '[tools] %s\n' "$*" >&2; }
is_debian_root() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# make fuzz: nightly Rust, cargo-fuzz and a C++ compiler (libFuzzer is C++); never make test.
if [ "$need" = fuzz ]; then
  command -v rustup >/dev/null 2>&1 || { say "make fuzz needs rustup (for nightly Rust): https://rustup.rs"; exit 1; }
  rustup toolchain list | grep -q '^nightly' || { say "installing nightly Rust"; rustup toolchain install nightly --profile minimal >&2; }
  if ! command -v c++ >/dev/null 2>&1; then
    if is_debian_root; then say "installing a C++ compiler from apt"; apt_install g++
    else say "make fuzz needs a C++ compiler (g++ or clang++) on PATH"; exit 1; fi
  fi
  command -v cargo-fuzz >/dev/null 2>&1 || { say "installing cargo-fuzz (~2 minutes)"; cargo install cargo-fuzz >&2; }
  exit 0
fi

# Rust and the wasm32 target.
if ! command -v cargo >/dev/null 2>&1; then
  say "cargo not found: install Rust with rustup (https://rustup.rs), then run this again."; exit 1
fi
if command -v rustup >/dev/null 2>&1; then
  rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown >&2; }
fi

# The nightly the wasm is built with (std rebuilt for size: scripts/build-pkg.sh says why and
# pins it), with std's sources and the wasm32 target. About 20 s to install.
nightly=$(sed -n 's/^NIGHTLY=\(nightly-[0-9-]*\)$/\1/p' scripts/build-pkg.sh)
if ! command -v rustup >/dev/null 2>&1; then
  say "rustup not found: the wasm is built with $nightly (rustup installs it: https://rustup.rs)"; exit 1
fi
if ! rustup "+$nightly" target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || ! rustup "+$nightly" component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing Rust $nightly with rust-src and the wasm32 target"
  rustup toolchain install "$nightly" --profile minimal --component rust-src --target wasm32-unknown-unknown >&2
fi

# wasm-bindgen CLI at exactly the crate's pinned version.
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this builds from source, ~10 minutes"
  cargo install wasm-bindgen-cli --version "=$want" >&2
fi

# wasm-split-cli: splits the module into the chunks that heavy widgets fetch when wanted
# (scripts/build-pkg.sh), at the version whose output wasm_split_helpers 0.2 expects.
split_want=0.2.4
if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$split_want:"; then
  say "installing wasm-split-cli $split_want (wasm_split_cli_support); this builds from source, ~3 minutes"
  cargo install wasm_split_cli_support --version "=$split_want" --features build-binary >&2
fi

# Node.js, and the npm tools (binaryen's wasm-opt, esbuild, terser, playwright-core, ajv), pinned in tests/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
  if is_debian_root; then say "installing Node.js and npm from apt"; apt_install nodejs npm
  else say "npm not found: install Node.js 20.19 or newer, then run this again."; exit 1; fi
fi
if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  say "installing npm tools into tests/node_modules"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# A new user's project (Vite, TypeScript, React, Vue, Svelte), pinned in
# tests/consumer/package-lock.json: the package tests install the packed package into it.
# Vite 8 needs Node 20.19 or newer.
if [ "$need" = test ]; then
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
    || { say "Node $(node --version) is too old for the package tests: install Node 20.19 or newer."; exit 1; }
  if [ ! -f tests/consumer/node_modules/.package-lock.json ] || [ tests/consumer/package-lock.json -nt tests/consumer/node_modules/.package-lock.json ]; then
    say "installing the consumer project's packages into tests/consumer/node_modules"
    (cd tests/consumer && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
fi

# nginx, for the caching-proxy tests (tests/scale/, deploy/nginx/): $NGINX, one on PATH or in
# /usr/sbin, or Debian's nginx-light.
if [ "$need" = test ]; then
  if [ -z "${NGINX:-}" ] && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    if is_debian_root; then say "installing nginx (nginx-light) from apt"; apt_install nginx-light
    else say "no nginx found: install nginx (any build with the proxy module), or set NGINX to its executable."; exit 1; fi
  fi
fi

# A Chromium for the browser tests: $CHROME_PATH, one on PATH, or Debian's package.
if [ "$need" = test ]; then
  chrome=${CHROME_PATH:-}
  if [ -z "$chrome" ]; then
    for c in chromium chromium-browser google-chrome google-chrome-stable; do
      if command -v "$c" >/dev/null 2>&1; then chrome=$(command -v "$c"); break; fi
    done
  fi
  if [ -z "$chrome" ]; then
    if is_debian_root; then say "installing Chromium from apt"; apt_install chromium chromium-driver; chrome=$(command -v chromium)
    else say "no Chromium found: install Chrome or Chromium, or set CHROME_PATH to its executable."; exit 1; fi
  fi
  [ -x "$chrome" ] || { say "CHROME_PATH=$chrome is not executable"; exit 1; }
fi
