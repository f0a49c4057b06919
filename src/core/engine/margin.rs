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

use crate::core::assess::{assess, Assessment};
use crate::core::model::{leaves, Evaluation};
use crate::core::number::fmt_score;
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
    /// Whether exactly `points` is the edge that still counts: up, gaining them reaches the band; down,
    /// losing them keeps the grade. False when the band's lower bound is not in it ("90分以上" without 90):
    /// then more than `points` must be gained, and losing `points` already drops it.
    pub exact: bool,
}

impl Band {
    /// As the next band up: "距“优”还差 5 分" (or "还需多于 5 分" when its lower bound is not in it).
    pub fn up_text(&self) -> String {
        let need = if self.exact { "还差" } else { "还需多于" };
        format!("距“{}”{need} {} 分", self.grade, fmt_score(self.points))
    }

    /// As the next band down: "再失 9.5 分以上将降为“良”" (or "再失 9.5 分即降为“良”").
    pub fn down_text(&self) -> String {
        let lose = if self.exact { "分以上将" } else { "分即" };
        format!("再失 {} {lose}降为“{}”", fmt_score(self.points), self.grade)
    }
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
        .position(|b| b.reaches(total))
        .unwrap_or(bands.len().saturating_sub(1));
    let up = at.checked_sub(1).and_then(|i| bands.get(i)).map(|b| Band {
        grade: b.grade.clone(),
        points: b.min.saturating_sub(total),
        exact: b.min_inclusive,
    });
    let down = bands.get(at + 1).and_then(|_| {
        bands.get(at).map(|current| Band {
            grade: bands[at + 1].grade.clone(),
            points: total.saturating_sub(current.min),
            exact: current.min_inclusive,
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

/// The problems `year`'s report states: its 存在问题 text, else (the report then listed only the
/// deducted indicators) one line per indicator that lost points, with the reason given.
pub fn problems_of(year: &Evaluation) -> String {
    if !year.narrative.problems.trim().is_empty() {
        return year.narrative.problems.trim().to_string();
    }
    let assessment = assess(year);
    margin(year, &assessment)
        .lost
        .iter()
        .map(|lost| {
            let reason = year
                .indicator(&lost.id)
                .map(|i| i.reason.trim())
                .filter(|r| !r.is_empty())
                .map(|r| format!("：{r}"))
                .unwrap_or_default();
            format!("{}扣{}分{reason}", lost.name, fmt_score(lost.points))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
