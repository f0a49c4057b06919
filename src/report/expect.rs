//! What `jixiao check` adds when the files checked have a reviewer's expectations beside them
//! ([`crate::core::review::expect`]): per table, expected / found / raised / right, what was missed,
//! the false alarms and the findings no one has judged; then recall and precision over all of them.
//!
//! ```
//! use jixiao::core::review::expect::Measured;
//! use jixiao::report::expect::MeasuredText;
//! let table = Measured { expected: 2, found: 1, raised: 1, right: 1, ..Measured::default() };
//! let text = MeasuredText(&[("表.tsv".to_string(), Ok(table))]).to_string();
//! assert!(text.contains("召回率 50.0%（1 / 2）"));
//! assert!(text.contains("精确率 100.0%（1 / 1）"));
//! ```

use crate::core::review::expect::Measured;
use std::fmt;

/// The measurement of a batch against its expectations: (file, its figures or why it has none).
pub struct MeasuredText<'a>(pub &'a [(String, Result<Measured, String>)]);

impl fmt::Display for MeasuredText<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(out, "\n对照复核预期（.expect）：")?;
        let mut total = Measured::default();
        for (file, measured) in self.0 {
            let m = match measured {
                Ok(m) => m,
                Err(message) => {
                    writeln!(out, "  {file}：{message}")?;
                    continue;
                }
            };
            total.add(m);
            writeln!(
                out,
                "  {file}：预期 {}，查出 {}；报出（错误和警告）{}，正确 {}，误报 {}，未评判 {}",
                m.expected,
                m.found,
                m.raised,
                m.right,
                m.false_alarms.len(),
                m.unjudged.len()
            )?;
            for note in &m.missed {
                writeln!(out, "      漏检：{note}")?;
            }
            for note in &m.only_info {
                writeln!(out, "      漏检（仅作提示）：{note}")?;
            }
            for note in &m.understated {
                writeln!(out, "      应为错误，仅报警告：{note}")?;
            }
            for note in &m.stale {
                writeln!(out, "      已过时的记录（无对应检查结果）：{note}")?;
            }
            for (code, path) in &m.false_alarms {
                writeln!(out, "      误报：{code}  {path}")?;
            }
            for (severity, code, path) in &m.unjudged {
                writeln!(out, "      未评判：[{}] {code}  {path}", severity.label())?;
            }
        }
        let show =
            |p: Option<rust_decimal::Decimal>| p.map_or("—".to_string(), |p| format!("{p:.1}%"));
        writeln!(
            out,
            "  合计：召回率 {}（{} / {}），精确率 {}（{} / {}）",
            show(total.recall()),
            total.found,
            total.expected,
            show(total.precision()),
            total.right,
            total.raised
        )
    }
}
