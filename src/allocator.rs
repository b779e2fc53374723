//! The package's allocator: talc instead of Rust's default for wasm32, dlmalloc. Only with the
//! `allocator` feature, which scripts/build-pkg.sh sets: a Leptos app that takes the crate keeps
//! the allocator it chose.
//!
//! Why: a CPU profile of the 200-widget page spent ~100 ms of ~1.6 s of script in dlmalloc's
//! `malloc`, `free` and `realloc` (every view allocates its attributes and states), and talc is
//! both faster and smaller on wasm (README "Where the bytes went" has the figures). Running out
//! of memory is the same as before: talc asks for more pages with `memory.grow`, and when the
//! browser refuses, the allocation fails and the module stops (a trap), as with dlmalloc.

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
