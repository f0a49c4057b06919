//! Layer 1, vocabulary: what an evaluation file says and how its figures are read — the model (one file
//! per concept), rules, typed numbers and rounding, printed measures, every amount's path, metrics,
//! direction, 评分口径, keys, loading and migrations. Uses nothing else of `core`.

pub mod amounts;
pub mod code;
pub mod direction;
pub mod error;
pub mod field;
pub mod keys;
pub mod measure;
pub mod metric;
pub mod model;
pub mod number;
pub mod path;
pub mod placeholder;
pub mod profile;
pub mod rule;
