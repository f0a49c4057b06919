//! Files to hand on (导出): the report as .docx, the scoring annex as .xlsx, the reviewer's batch summary as .xlsx. (The report's .html is [`crate::report::html`].)
//!
//! ```
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let bytes = jixiao::export::xlsx::scoring_workbook(&e).unwrap();
//! assert_eq!(&bytes[..2], b"PK"); // a zip container
//! ```

pub mod docx;
pub mod fit;
pub mod format;
pub mod package;
pub mod review;
pub mod xlsx;

/// What the Word / Excel module does (its `jx_run` kinds): one list for the module and the page that
/// calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// The report as .docx, from the evaluation's JSON.
    Docx = 1,
    /// The scoring annex as .xlsx, from the evaluation's JSON.
    Xlsx = 2,
    /// An Office file or saved page read (.xlsx, .xls, .docx, .html, .mht): its table's cells or, a Word
    /// report, the whole evaluation, as the JSON of [`crate::core::import::OpenedDocument`].
    ReadDocument = 3,
    /// The reviewer's batch summary as .xlsx, from the desk's JSON.
    ReviewXlsx = 4,
    /// The files of a .zip, framed by [`crate::core::review::intake::encode_unpacked`].
    Unzip = 5,
    /// The package (导出全部): from `evaluation.json` and the evidence bytes named by their SHA-256,
    /// framed the same way.
    Package = 6,
}

impl Job {
    /// The number the module is called with.
    pub fn code(self) -> u32 {
        self as u32
    }

    /// The job a number names, if any.
    pub fn from_code(code: u32) -> Option<Job> {
        [
            Job::Docx,
            Job::Xlsx,
            Job::ReadDocument,
            Job::ReviewXlsx,
            Job::Unzip,
            Job::Package,
        ]
        .into_iter()
        .find(|job| job.code() == code)
    }
}
