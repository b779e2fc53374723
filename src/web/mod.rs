//! The web layer: everything that touches the browser. Depends on the pure core, never the reverse.

pub mod api;
pub mod components;
pub mod embed;
pub mod load;
pub mod net;
pub mod styles;
#[cfg(feature = "test-trap")]
mod test_trap;
pub mod widgets;
