//! 评分口径 (scoring profile): the settings that differ between the documents units score under — the
//! grade bands and whether a band's lower bound belongs to it (is 90 itself 优?), and the rounding of
//! computed scores. Chosen once per evaluation, named in `settings.profile` and stated in the report.
//!
//! ```
//! use jixiao::core::profile::{apply, describe, PROFILES};
//! use jixiao::core::template;
//! let mut e = template::load("department").unwrap();
//! apply(&mut e.settings, &PROFILES[1]);
//! assert_eq!(e.settings.profile, "bands-80-70-60");
//! assert!(describe(&e.settings).starts_with("等级划分：80分（含）以上为优"));
//! ```

use crate::core::model::{GradeBand, Settings};
use crate::core::number::{fmt_score, Rounding, RoundingMode};
use rust_decimal::Decimal;

/// A named set of scoring settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Stored in `settings.profile`.
    pub key: &'static str,
    /// Shown in the select.
    pub name: &'static str,
    /// Where it comes from, or what to check it against.
    pub source: &'static str,
    /// Grade and lowest total of each band, best first.
    pub bands: &'static [(&'static str, u32)],
    /// Whether a band's lowest total belongs to it (90 → 优).
    pub inclusive: bool,
    /// Decimals kept in computed scores.
    pub decimals: u32,
    /// 四舍五入 or 截断.
    pub mode: RoundingMode,
}

/// The built-in profiles.
pub const PROFILES: [Profile; 3] = [
    Profile {
        key: "mof-2020",
        name: "通用四档：优90 / 良80 / 中60（含下限）",
        source: "财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）：总分一般设置为100分，等级一般划分为四档：90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差",
        bands: &[("优", 90), ("良", 80), ("中", 60), ("差", 0)],
        inclusive: true,
        decimals: 2,
        mode: RoundingMode::HalfUp,
    },
    Profile {
        key: "bands-80-70-60",
        name: "四档：优80 / 良70 / 中60（含下限）",
        source: "部分地区和部门的办法采用的分档，请以本地文件核对",
        bands: &[("优", 80), ("良", 70), ("中", 60), ("差", 0)],
        inclusive: true,
        decimals: 2,
        mode: RoundingMode::HalfUp,
    },
    Profile {
        key: "above-90-exclusive",
        name: "通用四档，下限归下一档（“90分以上为优”不含90分）",
        source: "文件写作“90分以上为优”且不含90分时使用，请以本地文件核对",
        bands: &[("优", 90), ("良", 80), ("中", 60), ("差", 0)],
        inclusive: false,
        decimals: 2,
        mode: RoundingMode::HalfUp,
    },
];

/// The profile named `key`.
pub fn find(key: &str) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.key == key)
}

/// Sets `settings` to `profile` (the audit thresholds and total points stay as they are).
pub fn apply(settings: &mut Settings, profile: &Profile) {
    settings.grade_bands = profile
        .bands
        .iter()
        .map(|(grade, min)| GradeBand {
            grade: grade.to_string(),
            min: Decimal::from(*min),
            // The bottom band starts at 0 whatever the convention.
            min_inclusive: profile.inclusive || *min == 0,
        })
        .collect();
    settings.rounding = Rounding {
        decimals: profile.decimals,
        mode: profile.mode,
    };
    settings.profile = profile.key.to_string();
}

/// Whether `settings` still are exactly `profile`'s (a band edited by hand makes them 自定义).
pub fn matches(settings: &Settings, profile: &Profile) -> bool {
    let mut expected = settings.clone();
    apply(&mut expected, profile);
    expected.grade_bands == settings.grade_bands && expected.rounding == settings.rounding
}

/// The profile `settings` are under: the one they name while they still match it, else the first
/// they match (files from before profiles name none), else none (自定义).
pub fn current(settings: &Settings) -> Option<&'static Profile> {
    find(&settings.profile)
        .filter(|p| matches(settings, p))
        .or_else(|| PROFILES.iter().find(|p| matches(settings, p)))
}

/// The bands and rounding in words, for the report: "等级划分：90分（含）以上为优，80分（含）至90分为良，
/// 60分（含）至80分为中，60分以下为差；计算得分保留2位小数，四舍五入。"
pub fn describe(settings: &Settings) -> String {
    let mut bands: Vec<&GradeBand> = settings.grade_bands.iter().collect();
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    let bound = |b: &GradeBand| {
        format!(
            "{}分{}",
            fmt_score(b.min),
            if b.min_inclusive {
                "（含）"
            } else {
                "（不含）"
            }
        )
    };
    let parts: Vec<String> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let above = i.checked_sub(1).and_then(|j| bands.get(j));
            match above {
                None => format!("{}以上为{}", bound(b), b.grade),
                Some(up) if b.min.is_zero() => format!(
                    "{}分{}为{}",
                    fmt_score(up.min),
                    if up.min_inclusive {
                        "以下"
                    } else {
                        "及以下"
                    },
                    b.grade
                ),
                Some(up) => format!("{}至{}分为{}", bound(b), fmt_score(up.min), b.grade),
            }
        })
        .collect();
    let mode = match settings.rounding.mode {
        RoundingMode::HalfUp => "四舍五入",
        RoundingMode::Truncate => "截断（不进位）",
    };
    format!(
        "等级划分：{}；计算得分保留{}位小数，{}。",
        parts.join("，"),
        settings.rounding.decimals,
        mode
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_settings_are_the_national_profile_and_read_as_printed() {
        let settings = Settings::default();
        assert!(matches(&settings, &PROFILES[0]));
        assert_eq!(current(&settings).map(|p| p.key), Some("mof-2020"));
        assert_eq!(
            describe(&settings),
            "等级划分：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差；计算得分保留2位小数，四舍五入。"
        );
        let mut exclusive = settings.clone();
        apply(&mut exclusive, &PROFILES[2]);
        assert!(!matches(&exclusive, &PROFILES[0]));
        assert!(describe(&exclusive).starts_with("等级划分：90分（不含）以上为优"));
        assert!(describe(&exclusive).contains("60分及以下为差"));
    }
}
