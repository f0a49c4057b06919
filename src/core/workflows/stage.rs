//! 阶段与目标版本: an evaluation moves through the year on one indicator tree — 目标申报 → 运行监控 →
//! 年度自评 — and its targets are approved (批复) once and adjusted (调整)
//! with a date and a reason after that. Pure functions on the [`Evaluation`]; the UI makes each one
//! undoable step, the CLI's `next-stage` calls [`next_stage`].
//!
//! ```
//! use jixiao::core::model::Stage;
//! use jixiao::core::stage::{next_stage, record_adjustment};
//! let table = "绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\n\
//!     产出指标\t数量指标\t培训人次\t≥300人次\n";
//! let target = jixiao::core::import::parse_tsv(table).unwrap().into_evaluation();
//! let watched = next_stage(&target, "2025-01-20").unwrap();
//! assert_eq!(watched.stage, Stage::Monitoring);
//! let mut year = next_stage(&watched, "2025-08-10").unwrap();
//! assert_eq!(year.stage, Stage::SelfEvaluation);
//! year.indicators[0].children[0].children[0].target_text = "≥260人次".into();
//! record_adjustment(&mut year, "2025-07-01", "场地改造，班次减少").unwrap();
//! assert_eq!(year.targets.adjustments[0].changes[0].sentence(), "培训人次：≥300人次 → ≥260人次");
//! ```

use crate::core::model::{target_rows, Evaluation, Stage, TargetAdjustment, TargetSnapshot};
use std::fmt;

/// Why a stage step was refused (a Chinese message for the user).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageError {
    /// The evaluation is in the last stage.
    LastStage,
    /// Approving again while the approved targets were changed.
    AlreadyApproved,
    /// Recording an adjustment with nothing changed.
    NothingChanged,
    /// Recording an adjustment without a reason.
    ReasonMissing,
    /// Recording an adjustment before the targets are approved.
    NotApproved,
    /// Moving on while changes to the approved targets are not recorded.
    Unrecorded(usize),
}

impl fmt::Display for StageError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StageError::LastStage => write!(out, "只能进入后面的阶段（目标申报 → 运行监控 → 年度自评）"),
            StageError::AlreadyApproved => {
                write!(out, "绩效目标已批复；批复后的变更请作为目标调整记录（日期和原因）")
            }
            StageError::NothingChanged => write!(out, "指标值与批复（或上次调整）后相同，没有需要记录的调整"),
            StageError::ReasonMissing => write!(out, "请填写调整原因"),
            StageError::NotApproved => write!(out, "绩效目标尚未批复：批复前的修改直接编辑即可，无需记录调整"),
            StageError::Unrecorded(n) => write!(
                out,
                "有 {n} 项指标值与批复（或上次调整）后不同，请先记录目标调整（日期和原因）再进入下一阶段"
            ),
        }
    }
}

impl std::error::Error for StageError {}

/// The stage after `stage`: 目标申报 → 运行监控 → 年度自评.
pub fn following(stage: Stage) -> Option<Stage> {
    match stage {
        Stage::Target => Some(Stage::Monitoring),
        Stage::Monitoring => Some(Stage::SelfEvaluation),
        Stage::SelfEvaluation => None,
    }
}

/// 批复: takes the tree's targets as approved on `date`.
pub fn approve(evaluation: &mut Evaluation, date: &str) -> Result<(), StageError> {
    if evaluation.targets.approved.is_some() {
        return Err(StageError::AlreadyApproved);
    }
    evaluation.targets.approved = Some(TargetSnapshot {
        date: date.trim().to_string(),
        rows: target_rows(&evaluation.indicators),
    });
    Ok(())
}

/// 调整: records the tree's changes since the last version as one adjustment; returns how many rows
/// changed.
pub fn record_adjustment(
    evaluation: &mut Evaluation,
    date: &str,
    reason: &str,
) -> Result<usize, StageError> {
    if evaluation.targets.approved.is_none() {
        return Err(StageError::NotApproved);
    }
    if reason.trim().is_empty() {
        return Err(StageError::ReasonMissing);
    }
    let changes = evaluation.targets.unrecorded(&evaluation.indicators);
    if changes.is_empty() {
        return Err(StageError::NothingChanged);
    }
    let count = changes.len();
    evaluation.targets.adjustments.push(TargetAdjustment {
        date: date.trim().to_string(),
        reason: reason.trim().to_string(),
        changes,
    });
    Ok(count)
}

/// 进入下一阶段: the evaluation in the following stage, the tree and its 指标值 unchanged. Targets not
/// yet approved are approved on `date` (a unit moves on once its budget and targets are approved);
/// changes to approved targets must be recorded first.
pub fn next_stage(evaluation: &Evaluation, date: &str) -> Result<Evaluation, StageError> {
    let stage = following(evaluation.stage).ok_or(StageError::LastStage)?;
    move_to(evaluation, stage, date)
}

/// Moves the evaluation forward to `stage` (a later one: a unit that is not monitored goes from 目标申报
/// straight to 年度自评). Into 运行监控, every 三级 gets its monitoring figures (the period 1—7 月 unless
/// one is set); into 年度自评, a 三级 without a 实际完成值 starts from its 全年预计完成值, marked as carried
/// until typed over, and the monitoring figures stay beside it; the funds' 1—N 月 执行数 move to
/// `monitored`, leaving the year's 执行数 to be typed.
pub fn move_to(
    evaluation: &Evaluation,
    stage: Stage,
    date: &str,
) -> Result<Evaluation, StageError> {
    let order = |s: Stage| match s {
        Stage::Target => 0,
        Stage::Monitoring => 1,
        Stage::SelfEvaluation => 2,
    };
    if order(stage) <= order(evaluation.stage) {
        return Err(StageError::LastStage);
    }
    let unrecorded = evaluation.targets.unrecorded(&evaluation.indicators).len();
    if unrecorded > 0 {
        return Err(StageError::Unrecorded(unrecorded));
    }
    let mut next = evaluation.clone();
    if next.targets.approved.is_none() {
        approve(&mut next, date)?;
    }
    next.stage = stage;
    match stage {
        Stage::Monitoring => {
            next.monitoring.get_or_insert_with(Default::default);
            for_leaves(&mut next.indicators, &mut |leaf| {
                leaf.monitoring.get_or_insert_with(Default::default);
            });
        }
        Stage::SelfEvaluation => {
            // The period's 执行数 is not the year's: kept apart for the monitoring's budget light, the
            // year's 执行数 left to be typed (the 全年预计执行数 stays beside it).
            if next.monitoring.is_some() {
                if let Some(project) = next.project.as_mut() {
                    for line in project
                        .funds
                        .iter_mut()
                        .chain(project.stated_total.as_mut())
                    {
                        if let Some(executed) = line.executed.take() {
                            line.monitored = Some(executed);
                        }
                    }
                }
            }
            for_leaves(&mut next.indicators, &mut |leaf| {
                let Some(m) = leaf.monitoring.as_mut() else {
                    return;
                };
                if let (None, Some(forecast)) = (leaf.actual, m.forecast) {
                    leaf.actual = Some(forecast);
                    m.carried = true;
                }
            });
        }
        Stage::Target => {}
    }
    Ok(next)
}

fn for_leaves(
    nodes: &mut [crate::core::model::Indicator],
    f: &mut dyn FnMut(&mut crate::core::model::Indicator),
) {
    for node in nodes {
        if node.is_leaf() {
            f(node);
        } else {
            for_leaves(&mut node.children, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Evaluation {
        let table = "绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\n\
            产出指标\t数量指标\t培训人次\t≥300人次\n\
            \t质量指标\t合格率\t≥95%\n\
            效益指标\t社会效益指标\t能力提升\t明显提升\n";
        crate::core::import::parse_tsv(table)
            .unwrap()
            .into_evaluation()
    }

    #[test]
    fn the_targets_carry_to_the_self_evaluation_unchanged() {
        let draft = target();
        let watched = next_stage(&draft, "2025-01-20").unwrap();
        assert_eq!(watched.stage, Stage::Monitoring);
        assert_eq!(watched.monitoring.unwrap().month, 7);
        let year = next_stage(&watched, "x").unwrap();
        assert_eq!(year.stage, Stage::SelfEvaluation);
        let mut year = year;
        for_leaves(&mut year.indicators, &mut |l| l.monitoring = None);
        assert_eq!(year.indicators, draft.indicators);
        let approved = year.targets.approved.as_ref().unwrap();
        assert_eq!(approved.date, "2025-01-20");
        let values: Vec<&str> = approved.rows.iter().map(|r| r.value.as_str()).collect();
        assert_eq!(values, ["≥300人次", "≥95%", "明显提升"]);
        assert_eq!(next_stage(&year, "x"), Err(StageError::LastStage));
    }

    #[test]
    fn a_change_after_approval_is_an_adjustment_with_a_reason() {
        let mut e = target();
        assert_eq!(
            record_adjustment(&mut e, "d", "r"),
            Err(StageError::NotApproved)
        );
        approve(&mut e, "2025-01-20").unwrap();
        assert_eq!(approve(&mut e, "x"), Err(StageError::AlreadyApproved));
        assert_eq!(
            record_adjustment(&mut e, "d", "r"),
            Err(StageError::NothingChanged)
        );
        // Change one value, remove one row, add one.
        e.indicators[0].children[0].children[0].target = Some(260.into());
        e.indicators[0].children[0].children[0].target_text = "≥260人次".into();
        let removed = e.indicators[0].children.remove(1);
        assert_eq!(removed.name, "质量指标");
        let group = e.indicators[1].children[0].id.clone();
        crate::core::edit::add_child(&mut e, Some(&group));
        let new = e.indicators[1].children[0].children.last_mut().unwrap();
        new.target_text = "≥10项".into();
        assert_eq!(
            next_stage(&e, "x").unwrap_err().to_string(),
            "有 3 项指标值与批复（或上次调整）后不同，请先记录目标调整（日期和原因）再进入下一阶段"
        );
        assert_eq!(
            record_adjustment(&mut e, "d", " "),
            Err(StageError::ReasonMissing)
        );
        assert_eq!(record_adjustment(&mut e, "2025-06-30", "预算调减"), Ok(3));
        let sentences: Vec<String> = e.targets.adjustments[0]
            .changes
            .iter()
            .map(|c| c.sentence())
            .collect();
        assert_eq!(
            sentences,
            [
                "培训人次：≥300人次 → ≥260人次",
                "新增“新指标”（≥10项）",
                "删除“合格率”（原为≥95%）"
            ]
        );
        // Recorded: the current version is the tree again, and the stage can move on.
        assert!(e.targets.unrecorded(&e.indicators).is_empty());
        assert!(next_stage(&e, "x").is_ok());
    }
}
