//! What moves the grade (等级差距): how many points the next band up needs, how many can be lost before
//! the band below, and which indicators lost the most.
//!
//! ```
//! use jixiao::core::{assess, margin::margin, template};
//! let e = template::load("nanjing-2024").unwrap();
//! let m = margin(&e, &assess(&e));
//! assert_eq!(m.grade, "优");
//! assert!(m.up.is_none()); // 优 is the top band
//! assert_eq!(m.down.as_ref().map(|d| (d.grade.as_str(), d.points.to_string())), Some(("良", "9.5".into())));
//! assert_eq!(m.lost[0].name, "工作开展情况");
//! ```

use super::assess::Assessment;
use super::model::{leaves, Evaluation};
use rust_decimal::Decimal;
use serde::Serialize;

/// A neighbouring band and the points between the total and it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Band {
    /// The band's grade.
    pub grade: String,
    /// Up: points still needed to reach it. Down: points that can be lost before falling into it
    /// (losing more than this drops the grade).
    pub points: Decimal,
}

/// An indicator that lost points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lost {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// 分值 − 得分.
    pub points: Decimal,
}

/// The grade's margins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Margin {
    /// The grade now.
    pub grade: String,
    /// The total now.
    pub total: Decimal,
    /// The next band up, if any.
    pub up: Option<Band>,
    /// The next band down, if any.
    pub down: Option<Band>,
    /// Indicators with points lost, most first (ties in tree order).
    pub lost: Vec<Lost>,
}

/// The margins of `evaluation`'s grade, from its assessment.
pub fn margin(evaluation: &Evaluation, assessment: &Assessment) -> Margin {
    let mut bands: Vec<_> = evaluation.settings.grade_bands.iter().collect();
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    let total = assessment.total;
    // The band the total is in: the highest whose minimum it reaches (else the lowest).
    let at = bands
        .iter()
        .position(|b| total >= b.min)
        .unwrap_or(bands.len().saturating_sub(1));
    let up = at.checked_sub(1).and_then(|i| bands.get(i)).map(|b| Band {
        grade: b.grade.clone(),
        points: b.min.saturating_sub(total),
    });
    let down = bands.get(at + 1).and_then(|_| {
        bands.get(at).map(|current| Band {
            grade: bands[at + 1].grade.clone(),
            points: total.saturating_sub(current.min),
        })
    });
    let mut lost: Vec<Lost> = leaves(&evaluation.indicators)
        .into_iter()
        .filter_map(|leaf| {
            let r = assessment.node(&leaf.id)?;
            let points = r.points.saturating_sub(r.score);
            (points > Decimal::ZERO).then(|| Lost {
                id: leaf.id.clone(),
                name: leaf.name.clone(),
                points,
            })
        })
        .collect();
    lost.sort_by_key(|l| std::cmp::Reverse(l.points));
    Margin {
        grade: assessment.grade.clone(),
        total,
        up,
        down,
        lost,
    }
}
