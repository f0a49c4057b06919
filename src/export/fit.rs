//! Fitting text into table cells of Word and Excel files, which do not size rows or columns for their
//! text themselves (Excel keeps the default row height for wrapped text written by a library; Word
//! breaks a column too narrow for "自评分" one character per line). Widths are measured in em of the
//! body font: a CJK character is one em, a Latin letter, digit or space half of one.
//!
//! ```
//! use jixiao::export::fit::{ems, excel_lines};
//! assert_eq!(ems("自评分"), 3.0);
//! assert_eq!(ems("99.5"), 2.0);
//! // 40 CJK characters in a column 24 characters wide: four lines.
//! assert_eq!(excel_lines(&"字".repeat(40), 24.0), 4);
//! ```

/// The width of `text` in em (its widest line).
pub fn ems(text: &str) -> f64 {
    text.lines().map(line_ems).fold(0.0, f64::max)
}

fn line_ems(line: &str) -> f64 {
    line.chars()
        .map(|c| if (c as u32) < 0x1100 { 0.5 } else { 1.0 })
        .sum()
}

/// Lines `text` takes when wrapped in an Excel column `width` characters wide (Excel's unit: one digit
/// of the default font, half a 宋体 10.5 pt CJK character); at least 1. Wrapping is by character, as
/// Excel wraps Chinese; a little is kept for the cell's padding.
pub fn excel_lines(text: &str, width: f64) -> usize {
    let usable = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| ((line_ems(line) * 2.0) / usable).ceil().max(1.0) as usize)
        .sum::<usize>()
        .max(1)
}

/// Height in points of `lines` lines of 10.5 pt text in an Excel row, with the cell's padding.
pub fn excel_row_height(lines: usize) -> f64 {
    lines as f64 * 14.0 + 4.0
}

/// Width in twips a Word table column needs to show `text` (10.5 pt) on one line: its ems, the cell's
/// left and right margins (108 twips each) and a little slack for the font's side bearings.
pub fn word_twips(text: &str) -> usize {
    (ems(text) * 210.0).ceil() as usize + 2 * 108 + 60
}

/// Column widths in twips summing to `total`: columns with a `fixed` width get it (never less), the
/// others share the rest by `weights`.
pub fn word_widths(total: usize, weights: &[usize], fixed: &[Option<usize>]) -> Vec<usize> {
    let taken: usize = fixed.iter().flatten().sum();
    let rest = total.saturating_sub(taken);
    let free: usize = weights
        .iter()
        .zip(fixed.iter().chain(std::iter::repeat(&None)))
        .filter(|(_, f)| f.is_none())
        .map(|(w, _)| *w)
        .sum();
    weights
        .iter()
        .zip(fixed.iter().chain(std::iter::repeat(&None)))
        .map(|(w, f)| f.unwrap_or(w * rest / free.max(1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_follow_the_column_width() {
        assert_eq!(excel_lines("", 10.0), 1);
        assert_eq!(excel_lines("短", 10.0), 1);
        // 9 usable units hold 4.5 CJK characters: 10 characters take 3 lines.
        assert_eq!(excel_lines(&"字".repeat(10), 10.0), 3);
        assert_eq!(excel_lines("一\n二\n三", 10.0), 3);
        assert_eq!(excel_row_height(2), 32.0);
    }

    #[test]
    fn fixed_columns_keep_their_width_and_the_rest_share() {
        let w = word_widths(1000, &[1, 1, 2], &[None, Some(400), None]);
        assert_eq!(w, [200, 400, 400]);
        assert!(word_twips("自评分") >= 3 * 210 + 216);
    }
}
