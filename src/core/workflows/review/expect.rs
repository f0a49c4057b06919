//! A reviewer's recorded expectations for a table (复核预期), and how the checks measure against them:
//! **recall** (what a careful reviewer finds, found) and **precision** (errors and warnings raised that
//! a reviewer agrees with). Infos are not counted: they claim nothing.
//!
//! A table `名称.tsv` (or any file `jixiao check` reads) has its expectations beside it in `名称.expect`,
//! one line per item, whitespace between the first four fields, the rest a note:
//!
//! ```text
//! # judgement  severity  code                    path                         note
//! expect       error     budget.rate             project/stated_total/stated_rate  printed 100% for 80.45%
//! expect       warning   ?                       -                            ≤4 on a count target (no check yet)
//! accept       warning   import.unreadable       import_notes/0               a line not read: said, and true
//! false        warning   audit.deflated          indicators/2.1.1/score       a known false alarm, to fix
//! ```
//!
//! - `expect`: a finding the reviewer expects, at that severity; `?` as the code (and `-` as the path)
//!   when no check raises it yet — a known miss. Found when an error or a warning matches; a match
//!   said only as an info is counted as missed (an info claims nothing).
//! - `accept`: raised, right, though not on the reviewer's list (the tool's own reading notes).
//! - `false`: raised, and wrong — a false alarm recorded so that a new one stands out.
//!
//! A finding matches a line with its code and path (`*` matches any path). A raised error or warning
//! that no line names is **unjudged**: counted against precision until someone records it. An `accept`
//! or `false` line that no finding matches any more is **stale** (a false alarm fixed: remove the line).
//!
//! ```
//! use jixiao::core::check::{Code, Finding, Severity};
//! use jixiao::core::path::FieldPath;
//! use jixiao::core::review::expect::Expectations;
//! let expected = Expectations::parse("expect error score.reason * 扣分无原因\nexpect warning ? - 漏检").unwrap();
//! let raised = [Finding::new(Severity::Error, Code::ScoreReason, FieldPath::tree(), "…")];
//! let measured = expected.measure(&raised);
//! assert_eq!((measured.expected, measured.found), (2, 1));
//! assert_eq!((measured.raised, measured.right), (1, 1));
//! ```

use crate::core::check::{Code, Finding, Severity};
use crate::core::number::{percent_exact, round1};

/// What a line says of a finding (评审结论).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// A careful reviewer raises it at this severity.
    Expect(Severity),
    /// Raised and right, not on the reviewer's list.
    Accept,
    /// Raised and wrong: a false alarm.
    FalseAlarm,
}

/// One line of an `.expect` file.
#[derive(Clone, Debug, PartialEq)]
pub struct Expectation {
    /// What the line says.
    pub judgement: Judgement,
    /// The finding's code; `None` for an expected finding no check raises yet.
    pub code: Option<Code>,
    /// The finding's path; `None` for any path.
    pub path: Option<String>,
    /// The reviewer's words.
    pub note: String,
}

impl Expectation {
    /// Whether `finding` is the one this line names.
    pub fn matches(&self, finding: &Finding) -> bool {
        self.code == Some(finding.code)
            && self
                .path
                .as_deref()
                .is_none_or(|path| path == finding.path.as_str())
    }
}

/// The expectations recorded for one table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expectations {
    /// The lines, in the file's order.
    pub lines: Vec<Expectation>,
}

/// How the checks did on one table against its expectations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measured {
    /// Findings a reviewer expects.
    pub expected: usize,
    /// Of those, found (a finding at any severity matches).
    pub found: usize,
    /// Errors and warnings raised.
    pub raised: usize,
    /// Of those, expected or accepted.
    pub right: usize,
    /// Expected findings not raised (the reviewer's words).
    pub missed: Vec<String>,
    /// Expected as an error, raised only as a warning (the reviewer's words); counted as found.
    pub understated: Vec<String>,
    /// Expected, said only as an info (the reviewer's words); counted as missed: an info claims nothing.
    pub only_info: Vec<String>,
    /// `accept` and `false` lines no finding matches any more (the reviewer's words): out of date.
    pub stale: Vec<String>,
    /// Raised and recorded as false alarms: (code, path).
    pub false_alarms: Vec<(Code, String)>,
    /// Raised and named by no line: (severity, code, path).
    pub unjudged: Vec<(Severity, Code, String)>,
}

impl Measured {
    /// Adds another table's figures (a corpus total).
    pub fn add(&mut self, other: &Measured) {
        self.expected += other.expected;
        self.found += other.found;
        self.raised += other.raised;
        self.right += other.right;
    }

    /// Found / expected, in per cent (`None` when nothing is expected).
    pub fn recall(&self) -> Option<rust_decimal::Decimal> {
        percent(self.found, self.expected)
    }

    /// Right / raised, in per cent (`None` when nothing is raised).
    pub fn precision(&self) -> Option<rust_decimal::Decimal> {
        percent(self.right, self.raised)
    }
}

/// `part / whole` in per cent, rounded half-up to one decimal.
fn percent(part: usize, whole: usize) -> Option<rust_decimal::Decimal> {
    percent_exact(part.into(), whole.into()).map(round1)
}

impl Expectations {
    /// Reads an `.expect` file; a line it cannot read is named (line number and why).
    pub fn parse(text: &str) -> Result<Expectations, String> {
        let mut lines = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            lines.push(parse_line(line).map_err(|why| format!("第 {} 行：{why}", n + 1))?);
        }
        Ok(Expectations { lines })
    }

    /// Measures `findings` (one table's) against these expectations.
    pub fn measure(&self, findings: &[Finding]) -> Measured {
        let counted = |f: &&Finding| f.severity != Severity::Info;
        let mut measured = Measured::default();
        for line in &self.lines {
            let Judgement::Expect(severity) = line.judgement else {
                continue;
            };
            measured.expected += 1;
            let hit = findings
                .iter()
                .filter(|f| line.matches(f))
                .min_by_key(|f| f.severity);
            match hit.map(|f| f.severity) {
                Some(Severity::Info) => measured.only_info.push(line.note.clone()),
                Some(raised) => {
                    measured.found += 1;
                    if severity == Severity::Error && raised != Severity::Error {
                        measured.understated.push(line.note.clone());
                    }
                }
                None => measured.missed.push(line.note.clone()),
            }
        }
        measured.stale = self
            .lines
            .iter()
            .filter(|l| !matches!(l.judgement, Judgement::Expect(_)))
            .filter(|l| !findings.iter().any(|f| l.matches(f)))
            .map(|l| l.note.clone())
            .collect();
        for finding in findings.iter().filter(counted) {
            measured.raised += 1;
            match self
                .lines
                .iter()
                .find(|l| l.matches(finding))
                .map(|l| l.judgement)
            {
                Some(Judgement::Expect(_) | Judgement::Accept) => measured.right += 1,
                Some(Judgement::FalseAlarm) => measured
                    .false_alarms
                    .push((finding.code, finding.path.to_string())),
                None => measured.unjudged.push((
                    finding.severity,
                    finding.code,
                    finding.path.to_string(),
                )),
            }
        }
        measured
    }
}

fn parse_line(line: &str) -> Result<Expectation, String> {
    let mut fields = line.split_whitespace();
    let mut next = |what: &str| fields.next().ok_or_else(|| format!("缺少{what}"));
    let (judgement, severity, code, path) = (
        next("结论")?,
        next("严重程度")?,
        next("代码")?,
        next("路径")?,
    );
    let severity = match severity {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        other => return Err(format!("“{other}”不是严重程度（error / warning / info）")),
    };
    let judgement = match judgement {
        "expect" => Judgement::Expect(severity),
        "accept" => Judgement::Accept,
        "false" => Judgement::FalseAlarm,
        other => return Err(format!("“{other}”不是结论（expect / accept / false）")),
    };
    let code = match code {
        "?" if matches!(judgement, Judgement::Expect(_)) => None,
        text => Some(
            text.parse::<Code>()
                .map_err(|_| format!("“{text}”不是检查代码"))?,
        ),
    };
    let path = match path {
        "*" | "-" => None,
        p => Some(p.to_string()),
    };
    // What follows the fourth field, however many spaces align the columns.
    let mut rest = line;
    for _ in 0..4 {
        rest = rest.trim_start();
        rest = rest.find(char::is_whitespace).map_or("", |at| &rest[at..]);
    }
    let note = rest.trim().to_string();
    Ok(Expectation {
        judgement,
        code,
        path,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::path::{FieldPath, IndicatorField};

    fn score_of(id: &str) -> FieldPath {
        FieldPath::of_indicator(id, IndicatorField::Score)
    }

    fn finding(severity: Severity, code: Code, path: FieldPath) -> Finding {
        Finding::new(severity, code, path, "…")
    }

    #[test]
    fn a_line_it_cannot_read_is_named() {
        assert!(Expectations::parse("expect fatal score.reason * x")
            .unwrap_err()
            .contains("第 1 行"));
        assert!(Expectations::parse("# c\n\nexpect error no.such.code * x")
            .unwrap_err()
            .contains("第 3 行"));
        assert!(Expectations::parse("accept warning ? * x").is_err());
    }

    #[test]
    fn precision_and_recall_count_what_they_say() {
        let expected = Expectations::parse(
            "expect error tree.total_points indicators 合计不符\n\
             expect   warning  ?   -   未查出\n\
             accept warning import.unreadable * 读取说明\n\
             false warning audit.deflated indicators/1/score 误报\n\
             expect warning tree.none * 仅提示\n\
             false warning audit.units * 已修正的误报",
        )
        .unwrap();
        let raised = [
            finding(Severity::Warning, Code::TreeTotalPoints, FieldPath::tree()),
            finding(
                Severity::Warning,
                Code::ImportUnreadable,
                FieldPath::import_note(0),
            ),
            finding(Severity::Warning, Code::AuditDeflated, score_of("1")),
            finding(
                Severity::Error,
                Code::ScoreReason,
                FieldPath::indicator("2"),
            ),
            finding(Severity::Info, Code::TreeNone, FieldPath::tree()),
        ];
        let m = expected.measure(&raised);
        assert_eq!((m.expected, m.found, m.raised, m.right), (3, 1, 4, 2));
        assert_eq!(m.missed, ["未查出"]);
        assert_eq!(m.only_info, ["仅提示"]);
        assert_eq!(m.stale, ["已修正的误报"]);
        assert_eq!(m.understated, ["合计不符"]);
        assert_eq!(m.false_alarms.len(), 1);
        assert_eq!(m.unjudged.len(), 1);
        assert_eq!(m.recall(), Some(rust_decimal::Decimal::new(333, 1)));
        assert_eq!(m.precision(), Some(rust_decimal::Decimal::new(500, 1)));
    }
}
