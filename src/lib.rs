//! jixiao — 绩效自评工作台: scoring, checking and reporting of a Chinese public-sector unit's annual
//! budget-performance self-evaluation (部门整体预算绩效自评价 / 项目支出绩效自评).
//!
//! The domain core ([`core`]) is pure Rust and tested natively; the browser UI ([`ui`], wasm32 only) and
//! the CLI (`src/bin/jixiao.rs`) are thin layers over it.

pub mod core;
pub mod export;
pub mod report;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;

/// The portal element `<jixiao-workbench>` and `JiXiao.mount` (wasm32 only); its JS wrapper is
/// `src/embed/wrapper.js`, packed by `tools/pack`.
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod embed;
