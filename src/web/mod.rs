//! The web layer: everything that touches the browser. Depends on the pure core, never the reverse.

pub mod api;
pub mod chunks;
pub mod components;
pub mod context;
pub mod embed;
pub mod events;
pub mod kept;
pub mod load;
pub mod net;
pub mod reader;
// Generated (scripts/gen-registry.mjs): formatted by its generator, not rustfmt.
#[rustfmt::skip]
pub mod registry;
pub mod styles;
#[cfg(feature = "test-trap")]
mod test_trap;
pub mod widgets;
