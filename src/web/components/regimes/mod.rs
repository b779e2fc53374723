//! Market regimes: the per-asset list, the assets × regimes matrix, the current regime.

mod current_regime;
mod regime_list;
mod regime_matrix;

pub use current_regime::{use_current_regime, CurrentRegimeLine, NoRegime, RegimeNow};
pub use regime_list::RegimeList;
pub use regime_matrix::RegimeMatrix;
