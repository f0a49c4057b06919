//! The unit (单位基本情况): its profile and staffing.

use super::Assets;
use serde::{Deserialize, Serialize};

/// The unit's profile (单位基本情况).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitProfile {
    /// 单位名称.
    pub name: String,
    /// 主管部门.
    pub parent_department: String,
    /// 评价年度.
    pub year: i32,
    /// 成立年份.
    pub founded: Option<i32>,
    /// 单位性质, e.g. 全额拨款事业单位.
    pub nature: String,
    /// 职能简述 (main duties, one sentence).
    pub duties: String,
    /// 内设科室.
    pub sections: Vec<String>,
    /// 人员编制.
    pub staffing: Staffing,
    /// 资产.
    pub assets: Assets,
}

/// Staffing (人员编制情况).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Staffing {
    /// 核定编制.
    pub authorized: Option<u32>,
    /// 实际在编.
    pub on_staff: Option<u32>,
    /// 编外聘用.
    pub contract: Option<u32>,
}
