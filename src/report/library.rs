//! What `jixiao library` prints for a search of the 指标库: each entry's name, framework and place, 分值
//! and rule, and its source; then the count.
//!
//! ```
//! use jixiao::report::library::LibraryText;
//! let hits = jixiao::core::library::builtin().search("预算执行率");
//! assert!(LibraryText(&hits).to_string().contains("预算执行率"));
//! ```

use crate::core::library::LibraryEntry;
use crate::core::number::fmt_score;
use std::fmt;

/// A list of 指标库 entries for a person.
pub struct LibraryText<'a>(pub &'a [&'a LibraryEntry]);

impl fmt::Display for LibraryText<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in self.0 {
            let points = if e.indicator.points.is_zero() {
                "分值自定".to_string()
            } else {
                format!("{}分", fmt_score(e.indicator.points))
            };
            let note = if e.note.is_empty() {
                String::new()
            } else {
                format!("（{}）", e.note)
            };
            writeln!(
                out,
                "{}  {} / {}  {}  {}\n    来源：{}{note}",
                e.indicator.name,
                e.framework,
                e.path.join(" / "),
                points,
                e.indicator.rule.label(),
                e.source,
            )?;
        }
        writeln!(out, "共 {} 条", self.0.len())
    }
}
