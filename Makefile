# Barfinex Widgets. `make demo` builds and serves the demo; `make test` runs every test.
# Both install what is missing first (scripts/ensure-tools.sh) and are quick when all is present.
SHELL := /bin/bash
PORT ?= 8080
MARKET_PORT ?= 8081
DEVSERVER := target/release/barfinex-devserver
PKG_WASM := pkg/barfinex_widgets_bg.wasm
# A test-only build whose widgets stop the module on purpose (tests/browser/stopped.test.mjs).
TRAP_WASM := target/test-trap-pkg/barfinex_widgets_bg.wasm
WEB_SOURCES := $(shell find src charts/src core/src ta/src vendor -type f) Cargo.toml Cargo.lock charts/Cargo.toml core/Cargo.toml ta/Cargo.toml scripts/build-pkg.sh scripts/trim-dts.mjs scripts/trim-module.mjs scripts/wasm-bytes.mjs scripts/drop-unused-imports.mjs scripts/pack-chunks.mjs scripts/split-loader.mjs LICENSE CHANGELOG.md .cargo/config.toml

.PHONY: demo test test-native test-js test-scale build registry tools tools-test screenshots bench fuzz clean

demo: tools build $(DEVSERVER)
	@echo "Demo: http://127.0.0.1:$(PORT)/ with market data from http://127.0.0.1:$(MARKET_PORT)/ (Ctrl+C stops it)"
	$(DEVSERVER) --root . --port $(PORT) --market-port $(MARKET_PORT)

test: tools-test test-native build $(TRAP_WASM) $(DEVSERVER) test-js

# The web crate's widgets are tested in Chromium (test-js); its usage examples (rustdoc) compile
# and run natively, so an example that no longer compiles fails here.
test-native:
	cargo test --workspace --exclude barfinex-widgets
	cargo test -p barfinex-widgets --doc

test-js: build $(TRAP_WASM) $(DEVSERVER)
	node scripts/gen-registry.mjs --check
	node --test --test-concurrency=1 tests/schema.test.mjs tests/registry.test.mjs tests/budgets.test.mjs tests/package.test.mjs tests/browser/
	READERS=100 node --test tests/scale/

# Serving many readers (README, "Serving many readers"): the nginx recipe in deploy/nginx/ in
# front of the local market server, a 10-widget page recorded in Chromium and replayed for
# READERS readers (1,000 here; make test runs 100), a control run straight to the origin, and
# a 60 s outage. About 2½ minutes.
test-scale: tools-test build $(DEVSERVER)
	READERS=1000 node --test tests/scale/

build: $(PKG_WASM)

$(PKG_WASM): $(WEB_SOURCES) scripts/gen-registry.mjs tests/node_modules/.package-lock.json
	node scripts/gen-registry.mjs
	scripts/build-pkg.sh

# The files generated from the element registry (src/web/registry.json); make build runs it too.
registry:
	node scripts/gen-registry.mjs

$(TRAP_WASM): $(WEB_SOURCES) tests/node_modules/.package-lock.json
	scripts/build-pkg.sh --test-trap

$(DEVSERVER): $(shell find devserver -type f)
	cargo build --release -p barfinex-devserver

tools:
	@scripts/ensure-tools.sh build

tools-test:
	@scripts/ensure-tools.sh test

tests/node_modules/.package-lock.json: tests/package-lock.json
	@scripts/ensure-tools.sh build

# The README's screenshots (headless Chromium, 360 px and 1280 px, light and dark).
screenshots: tools-test build $(DEVSERVER)
	node tests/screenshots.mjs docs/screenshots

clean:
	rm -rf target pkg/barfinex_widgets* pkg/snippets

# Benchmarks (not tests): cargo bench (native) + www/bench.html in headless Chromium; fails
# when wasm ÷ native is over its budget in budgets.json; then the market data parsers (native)
# and what a reader waits for (tests/bench-pages.mjs): the first card and 200 widgets, each
# beside static HTML of the same.
bench: tools-test build $(DEVSERVER)
	node tests/bench.mjs
	node tests/bench-pages.mjs

# Fuzzing (not part of make test, which replays the committed corpus on stable instead): every
# cargo-fuzz target in fuzz/ for FUZZ_SECONDS each (default 300), overflow checks on, 2 GiB and
# 10 s per input. Needs nightly Rust and a C++ compiler: scripts/ensure-tools.sh fuzz installs
# them (rustup, apt) or says what is missing. New corpus entries and crashes land in fuzz/corpus/
# and fuzz/artifacts/; commit them (cargo fuzz cmin keeps the corpus small). FUZZ_TARGETS picks
# some of them, from the environment or the command line (FUZZ_TARGETS="float wire").
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= profile rule wire endpoint_url retry_after regime_rules float
fuzz:
	@scripts/ensure-tools.sh fuzz
	@cd fuzz && for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  cargo +nightly fuzz run --debug-assertions $$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 2>&1 \
	    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|Done)" || exit 1; \
	done

