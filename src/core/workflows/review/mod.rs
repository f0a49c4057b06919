//! The reviewer's desk (复核台): a finance bureau's batch of units' files, each read into one row of a
//! league table with flags, and the reviewer's conclusion (复核意见) per file. Pure: reading a .zip or an
//! .xlsx is done by the caller (natively by [`intake::unzip`] and the import, in the browser by the
//! Word / Excel module), so the workbench's own module stays without the zip code.
//!
//! ```
//! use jixiao::core::review::{intake, Desk, Flag, FlagLevel, ReviewRow};
//! let json = jixiao::core::template::json("nanjing-2024").unwrap();
//! let mut desk = Desk::default();
//! let evaluation = intake::open_text("南京.json", json.as_bytes()).unwrap();
//! desk.add(ReviewRow::opened("南京.json", json.as_bytes(), &evaluation));
//! desk.add(ReviewRow::opened("副本.json", json.as_bytes(), &evaluation));
//! assert_eq!(desk.rows[1].duplicate_of.as_deref(), Some("南京.json"));
//! // The example prints its 执行率 but not the 全年预算数 it divides by: yellow.
//! assert_eq!(desk.rows[0].flags, [Flag::NoFullYearBudget]);
//! assert_eq!(desk.rows[0].flag_level(), FlagLevel::Yellow);
//! ```

pub mod batch;
pub mod desk;
pub mod expect;
pub mod folder;
pub mod intake;
pub mod row;

pub use crate::core::keys::content_key;
pub use desk::{Conclusion, Desk, Filter, Sort, SortKey, Verdict};
pub use intake::{FileKind, Refusal};
pub use row::{Alert, Flag, FlagLevel, Outcome, ReviewRow, Summary};
