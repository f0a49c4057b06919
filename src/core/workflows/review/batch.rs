//! A batch checked (批量检查): every file a reviewer received, assessed and put on the desk in the order
//! received — what `jixiao check` prints and the summary workbook lists.
//!
//! ```
//! use jixiao::core::review::{batch::Batch, intake};
//! let json = jixiao::core::template::json("nanjing-2024").unwrap();
//! let batch = Batch::check(intake::open_all("南京.json", json.as_bytes()));
//! assert_eq!(batch.files.len(), 1);
//! assert_eq!(batch.status(), jixiao::core::review::batch::Status::Clean);
//! ```

use super::expect::{Expectations, Measured};
use super::intake::{Received, Refusal};
use super::{Desk, ReviewRow};
use crate::core::assess::{assess, Assessment};
use crate::core::check::Severity;
use crate::core::model::Evaluation;

/// One file's outcome.
#[derive(Debug)]
pub enum Checked {
    /// Read and assessed.
    Ok(Box<Evaluation>, Box<Assessment>),
    /// A file of a kind that is read, which could not be read (the message says why).
    Unreadable(String),
    /// Not a kind of file a batch reads (a README or a picture beside the tables): listed, not an error.
    Skipped(String),
}

/// How a batch went as a whole, worst first (the CLI's exit status).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// A file could not be read.
    Unreadable,
    /// A file has an error-severity finding.
    Errors,
    /// Everything read, no error.
    Clean,
}

/// The files of a batch, each checked, and the desk they are listed on.
#[derive(Debug, Default)]
pub struct Batch {
    /// (name as received, outcome), in the order received.
    pub files: Vec<(String, Checked)>,
    /// One row per file, with flags and duplicates marked.
    pub desk: Desk,
}

impl Batch {
    /// Assesses every received file and lists it on a desk.
    pub fn check(received: Vec<Received>) -> Batch {
        let mut batch = Batch::default();
        for r in received {
            let checked = match r.opened {
                Ok(evaluation) => {
                    let assessment = assess(&evaluation);
                    let row = ReviewRow::assessed(&r.name, r.key, &evaluation, &assessment);
                    batch.desk.add(row);
                    Checked::Ok(Box::new(evaluation), Box::new(assessment))
                }
                Err(refusal) => {
                    let message = refusal.message();
                    let skipped = matches!(refusal, Refusal::NotATable(_));
                    batch.desk.add(ReviewRow::refused(&r.name, r.key, refusal));
                    if skipped {
                        Checked::Skipped(message)
                    } else {
                        Checked::Unreadable(message)
                    }
                }
            };
            batch.files.push((r.name, checked));
        }
        batch
    }

    /// Each assessed file measured against its reviewer's expectations, when `expectations_of` finds
    /// some for it (the CLI: `名称.expect` beside the file, [`super::folder::expectations_beside`]).
    pub fn measure(
        &self,
        expectations_of: impl Fn(&str) -> Option<Result<Expectations, String>>,
    ) -> Vec<(String, Result<Measured, String>)> {
        self.files
            .iter()
            .filter_map(|(name, checked)| match checked {
                Checked::Ok(_, assessment) => expectations_of(name).map(|expected| {
                    let measured = expected.map(|e| e.measure(&assessment.findings));
                    (name.clone(), measured)
                }),
                _ => None,
            })
            .collect()
    }

    /// The desk's row of file `name`.
    pub fn row_of(&self, name: &str) -> Option<&ReviewRow> {
        self.desk.rows.iter().find(|r| r.file == name)
    }

    /// The batch's outcome: unreadable before errors before clean.
    pub fn status(&self) -> Status {
        let outcomes = || self.files.iter().map(|(_, c)| c);
        if outcomes().any(|c| matches!(c, Checked::Unreadable(_))) {
            Status::Unreadable
        } else if outcomes().any(|c| matches!(c, Checked::Ok(_, a) if a.count(Severity::Error) > 0))
        {
            Status::Errors
        } else {
            Status::Clean
        }
    }
}
