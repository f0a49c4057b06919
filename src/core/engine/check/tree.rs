//! The indicator tree itself: ids, names, 分值 of nodes and of groups against their children.

use super::{Checker, Severity};
use crate::core::code::Code;
use crate::core::model::Indicator;
use crate::core::number::fmt_score;
use crate::core::path::*;
use rust_decimal::Decimal;

/// Checks one node: a unique id (`unique` is false for an empty or repeated one), a name, 分值 ≥ 0.
pub fn check_node(node: &Indicator, unique: bool, checker: &mut Checker) {
    if !unique {
        checker.push(
            Severity::Error,
            Code::TreeId,
            FieldPath::of_indicator(&node.id, IndicatorField::Id),
            format!("指标“{}”的编号为空或重复", node.name),
        );
    }
    if node.name.trim().is_empty() {
        checker.push(
            Severity::Warning,
            Code::TreeName,
            FieldPath::of_indicator(&node.id, IndicatorField::Name),
            "有指标未填写名称",
        );
    }
    if node.points < Decimal::ZERO {
        checker.push(
            Severity::Error,
            Code::TreePointsNegative,
            FieldPath::of_indicator(&node.id, IndicatorField::Points),
            format!("“{}”的分值不能为负", node.name),
        );
    }
}

/// Checks that a group's 分值 is its children's (`children_points`).
pub fn check_group_points(node: &Indicator, children_points: Decimal, checker: &mut Checker) {
    if children_points != node.points {
        checker.push(
            Severity::Error,
            Code::TreePointsSum,
            FieldPath::of_indicator(&node.id, IndicatorField::Points),
            format!(
                "“{}”分值为 {}，但其下级指标分值合计为 {}",
                node.name,
                fmt_score(node.points),
                fmt_score(children_points)
            ),
        );
    }
}
