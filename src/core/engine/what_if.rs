//! 模拟 (what-if): the evaluation changed in a scratch copy, set against the original — total and grade
//! before and after, the indicators whose score moved, the findings that appeared or went away. The
//! original is not touched; applying or discarding the copy is the caller's choice.
//!
//! ```
//! use jixiao::core::{assess, template, what_if::movement};
//! let original = template::load("nanjing-2024").unwrap();
//! let mut scratch = original.clone();
//! // 工作开展情况 lost 0.5 of its 1 point: what if it had not?
//! let row = jixiao::core::model::leaves(&scratch.indicators)
//!     .into_iter()
//!     .find(|i| i.name == "工作开展情况")
//!     .unwrap()
//!     .id
//!     .clone();
//! scratch.indicator_mut(&row).unwrap().score = Some("1".parse().unwrap());
//! let m = movement(&original, &assess(&original), &scratch, &assess(&scratch));
//! assert_eq!(m.total.last.unwrap().to_string(), "99.5");
//! assert_eq!(m.total.delta().unwrap().to_string(), "0.5");
//! assert_eq!(m.rows[0].name, "工作开展情况");
//! ```

use crate::core::assess::Assessment;
use crate::core::check::{Code, FieldPath, Finding};
use crate::core::metric::Change;
use crate::core::model::Evaluation;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// An indicator whose score differs in the scratch copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowMove {
    /// Its id (the same in both: the copy is made from the original).
    pub id: String,
    /// Its name in the copy.
    pub name: String,
    /// 得分, original → copy (`None` on the side where the row does not exist).
    pub score: Change,
}

/// What the scratch copy changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Movement {
    /// 总分, original → copy.
    pub total: Change,
    /// 等级, original → copy.
    pub grades: (String, String),
    /// Indicators (leaves) whose score moved, most moved first.
    pub rows: Vec<RowMove>,
    /// Findings of the copy the original does not have.
    pub appeared: Vec<Finding>,
    /// Findings of the original the copy no longer has.
    pub resolved: Vec<Finding>,
}

impl Movement {
    /// Whether the copy scores and checks exactly like the original.
    pub fn is_still(&self) -> bool {
        self.total.delta() == Some(Decimal::ZERO)
            && self.grades.0 == self.grades.1
            && self.rows.is_empty()
            && self.appeared.is_empty()
            && self.resolved.is_empty()
    }
}

/// The findings of `a` that `b` lacks, matched by code and field (their messages carry figures that
/// move with the change); repeated ones count.
fn missing_from(a: &[Finding], b: &[Finding]) -> Vec<Finding> {
    let mut left: HashMap<(Code, &FieldPath), usize> = HashMap::new();
    for f in b {
        *left.entry((f.code, &f.path)).or_default() += 1;
    }
    a.iter()
        .filter(|f| match left.get_mut(&(f.code, &f.path)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

/// How `copy` (assessed as `after`) differs from `original` (assessed as `before`).
pub fn movement(
    original: &Evaluation,
    before: &Assessment,
    copy: &Evaluation,
    after: &Assessment,
) -> Movement {
    let scores = |a: &Assessment| -> HashMap<String, Decimal> {
        a.nodes
            .iter()
            .filter(|n| n.leaf)
            .map(|n| (n.id.clone(), n.score))
            .collect()
    };
    let (was, now) = (scores(before), scores(after));
    let name = |id: &str| {
        copy.indicator(id)
            .or_else(|| original.indicator(id))
            .map(|i| i.name.clone())
            .unwrap_or_default()
    };
    let ids = after
        .nodes
        .iter()
        .chain(before.nodes.iter().filter(|n| !now.contains_key(&n.id)))
        .filter(|n| n.leaf);
    let mut rows: Vec<RowMove> = ids
        .filter_map(|n| {
            let score = Change {
                last: was.get(&n.id).copied(),
                this: now.get(&n.id).copied(),
            };
            (score.last != score.this).then(|| RowMove {
                id: n.id.clone(),
                name: name(&n.id),
                score,
            })
        })
        .collect();
    let size = |r: &RowMove| r.score.delta().map(|d| d.abs()).unwrap_or(Decimal::MAX);
    // Stable: equal moves stay in tree order.
    rows.sort_by_key(|r| std::cmp::Reverse(size(r)));
    Movement {
        total: Change {
            last: Some(before.total),
            this: Some(after.total),
        },
        grades: (before.grade.clone(), after.grade.clone()),
        rows,
        appeared: missing_from(&after.findings, &before.findings),
        resolved: missing_from(&before.findings, &after.findings),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::Severity;

    #[test]
    fn findings_match_by_code_and_field_and_repeats_count() {
        let f = |code: Code, path: &FieldPath, msg: &str| {
            Finding::new(Severity::Warning, code, path.clone(), msg)
        };
        let (x, y, z) = (Code::ScoreMissing, Code::ScoreReason, Code::ScoreRange);
        let (p, q, r) = (
            FieldPath::indicator("1"),
            FieldPath::indicator("2"),
            FieldPath::indicator("3"),
        );
        let a = [f(x, &p, "1"), f(x, &p, "2"), f(y, &q, "3")];
        let b = [f(x, &p, "other figures"), f(z, &r, "4")];
        let gone = missing_from(&a, &b);
        assert_eq!(
            gone.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
            ["2", "3"]
        );
        assert_eq!(missing_from(&b, &a)[0].code, z);
    }
}
