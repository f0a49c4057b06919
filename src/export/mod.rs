//! Files to hand on (导出): the report as .docx, the scoring annex as .xlsx, the reviewer's batch summary as .xlsx. (The report's .html is [`crate::report::html`].)
//!
//! ```
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let bytes = jixiao::export::xlsx::scoring_workbook(&e).unwrap();
//! assert_eq!(&bytes[..2], b"PK"); // a zip container
//! ```

pub mod documents;
pub mod docx;
pub mod fit;
pub mod format;
pub mod module;
pub mod package;
pub mod review;
pub mod xlsx;

pub use module::{Job, Module};
