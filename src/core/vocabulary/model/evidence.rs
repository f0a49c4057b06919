//! The evidence records (佐证材料) an evaluation keeps: the bytes live elsewhere
//! ([`crate::core::evidence`] lays out packages and checks files).

use serde::{Deserialize, Serialize};

/// One attached file (佐证材料).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The indicator it backs.
    pub indicator: String,
    /// The file's name as attached.
    pub name: String,
    /// What it shows (说明).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Bytes.
    pub size: u64,
    /// SHA-256 of the bytes, hex: identifies the bytes in storage and lets a reviewer verify them.
    pub sha256: String,
    /// Its media type, for previewing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mime: String,
}

/// Whether an indicator's evidence is there (佐证材料情况), as the unit states it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStatus {
    /// Not stated: follows the files (a file attached → provided).
    #[default]
    Unset,
    /// 已提供.
    Provided,
    /// 缺失.
    Missing,
    /// 不适用.
    NotApplicable,
}

impl EvidenceStatus {
    /// Every status, for the select.
    pub const ALL: [EvidenceStatus; 4] = [
        EvidenceStatus::Unset,
        EvidenceStatus::Provided,
        EvidenceStatus::Missing,
        EvidenceStatus::NotApplicable,
    ];

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceStatus::Unset => "按附件",
            EvidenceStatus::Provided => "已提供",
            EvidenceStatus::Missing => "缺失",
            EvidenceStatus::NotApplicable => "不适用",
        }
    }

    /// The file format's name.
    pub fn key(self) -> &'static str {
        match self {
            EvidenceStatus::Unset => "unset",
            EvidenceStatus::Provided => "provided",
            EvidenceStatus::Missing => "missing",
            EvidenceStatus::NotApplicable => "not_applicable",
        }
    }
}
