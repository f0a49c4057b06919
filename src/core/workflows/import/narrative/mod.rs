//! The words of a 部门整体 report (报告正文): the figures its text states — unit and year, 收入 / 支出 and
//! their parts, 年初预算, 结转和结余, 资产, the 预算执行率, the 自评得分 and 等级, the deductions it names —
//! each with the sentence that states it. Read by the standard wording of such reports (a label, then a
//! figure with its unit within a few characters), not by one report's sentences; text pulled from a PDF
//! (lines broken inside a sentence, spaces inside words and numbers) reads the same.
//!
//! Put into an evaluation ([`ReportText::apply_to`]), the figures meet the checks every evaluation gets
//! (parts against totals, 结转结余, the execution rate, the printed score and grade), and each finding on
//! one of them quotes its sentence; what the text says against the annex table is checked too.
//!
//! ```
//! use jixiao::core::import::narrative::read_report_text;
//! let text = "2024年单位收入情况：总收入3089.65万元，其中财政拨款收入3086.64万元，其他收入3.01万元。\
//!             评价得分为99.5分，等级为优。";
//! let report = read_report_text(text);
//! let income_total = jixiao::core::amounts::INCOME_TOTAL.field_path();
//! let income = report.figures.iter().find(|f| f.path == income_total).unwrap();
//! assert_eq!(income.value.to_string(), "3089.65");
//! assert_eq!(report.total.unwrap().value.to_string(), "99.5");
//! assert_eq!(report.grade.unwrap().0, "优");
//! ```

mod frame;
mod labels;
mod text;

use crate::core::amounts::{self, Amount};
use crate::core::model::{Evaluation, Quote, TextDeduction};
use crate::core::path::{AccountField, FieldPath, StatedField};
use frame::{read_sections, unit_of, year_of};
use labels::{about_budget, stands_alone, LABELS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use text::{find_all, grade_at, normalise, number_after, sentences, REACH};

/// A figure the text states, with the sentence that states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextFigure {
    /// The figure's field path (`accounts/income_total`, `stated/total` …).
    pub path: FieldPath,
    /// The value, in 万元 for amounts, % for rates, points for a score.
    pub value: Decimal,
    /// The sentence, as printed (spaces from a PDF removed).
    pub sentence: String,
}

/// What a report's text states.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportText {
    /// The unit, from the title or a 单位名称 line.
    pub unit: String,
    /// The year of the report (年度).
    pub year: Option<i32>,
    /// Amounts of the accounts and assets.
    pub figures: Vec<TextFigure>,
    /// The stated 预算执行率 (%).
    pub execution_rate: Option<TextFigure>,
    /// The stated 自评得分.
    pub total: Option<TextFigure>,
    /// The stated 等级, as the grade's name (优秀 read as 优), with its sentence.
    pub grade: Option<(String, String)>,
    /// The deductions the text names (扣分).
    pub deductions: Vec<TextDeduction>,
    /// Amounts the text prints in 元 where the report's others are in 万元: the sentence.
    pub yuan: Vec<String>,
    /// The report's sections the evaluation keeps as text (评价结论, 存在问题, 有关建议), as printed.
    pub sections: Sections,
}

/// The sections of a report the evaluation keeps as its words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sections {
    /// 评价结论 / 自评结论.
    pub conclusion: String,
    /// 存在问题 (及原因分析).
    pub problems: String,
    /// 有关建议 / 改进措施.
    pub suggestions: String,
}

/// Reads what a report's text states.
pub fn read_report_text(text: &str) -> ReportText {
    let text = normalise(text);
    let mut report = ReportText {
        year: year_of(&text),
        unit: unit_of(&text),
        sections: read_sections(&text),
        ..ReportText::default()
    };
    for sentence in sentences(&text) {
        read_sentence(&sentence, &mut report);
    }
    report
}

fn read_sentence(sentence: &str, report: &mut ReportText) {
    let chars: Vec<char> = sentence.chars().collect();
    let budget = about_budget(sentence);
    // Positions already read by a more specific label (财政拨款收入 before 收入).
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for label in LABELS {
        for word in label.words {
            let len = word.chars().count();
            for at in find_all(&chars, word) {
                if taken.iter().any(|&(s, e)| at < e && at + len > s) {
                    continue;
                }
                if label.generic && !stands_alone(&chars, at, len) {
                    continue;
                }
                let Some(number) = number_after(&chars, at + len) else {
                    continue;
                };
                taken.push((at, number.end));
                let amount = match (budget, label.budget) {
                    (true, Some(line)) => line,
                    _ => label.amount,
                };
                let value = match number.unit.as_str() {
                    "万元" => number.value,
                    "亿元" => number.value.saturating_mul(Decimal::from(10_000)),
                    "元" => {
                        report.yuan.push(sentence.to_string());
                        continue;
                    }
                    _ => continue,
                };
                // The first statement of a figure counts (a summary repeated later is the same).
                if !report.figures.iter().any(|f| f.path == amount.field_path()) {
                    report.figures.push(TextFigure {
                        path: amount.field_path(),
                        value,
                        sentence: sentence.to_string(),
                    });
                }
            }
        }
    }
    if report.execution_rate.is_none() && !sentence.contains("项目预算执行率") {
        for at in find_all(&chars, "执行率") {
            if let Some(number) = number_after(&chars, at + 3).filter(|n| n.unit == "%") {
                report.execution_rate = Some(TextFigure {
                    path: FieldPath::account(AccountField::StatedExecutionRate),
                    value: number.value,
                    sentence: sentence.to_string(),
                });
                break;
            }
        }
    }
    if report.total.is_none() {
        for word in [
            "自评得分",
            "评价得分",
            "综合评分",
            "自评分",
            "总得分",
            "得分为",
            "总分为",
            "总分",
        ] {
            let found = find_all(&chars, word).into_iter().find_map(|at| {
                number_after(&chars, at + word.chars().count()).filter(|n| n.unit == "分")
            });
            if let Some(number) = found {
                report.total = Some(TextFigure {
                    path: FieldPath::stated(StatedField::Total),
                    value: number.value,
                    sentence: sentence.to_string(),
                });
                break;
            }
        }
    }
    if report.grade.is_none() {
        for word in [
            "等级为",
            "等次为",
            "等级:",
            "等级评定为",
            "评定为",
            "评价为",
            "自评为",
            "绩效为",
            "结果为",
            "等级",
        ] {
            for at in find_all(&chars, word) {
                let rest: String = chars[at + word.chars().count()..].iter().take(4).collect();
                if let Some(grade) = grade_at(rest.trim_start_matches(['"', '“', '「'])) {
                    report.grade = Some((grade.to_string(), sentence.to_string()));
                    break;
                }
            }
            if report.grade.is_some() {
                break;
            }
        }
    }
    read_deductions(sentence, &chars, report);
}

/// "“工作开展情况”指标（分值1分，自评0.5分，扣0.5分）" and "…扣0.5分": the points and, when quoted, the
/// indicator.
fn read_deductions(sentence: &str, chars: &[char], report: &mut ReportText) {
    for at in find_all(chars, "扣") {
        let Some(number) = number_after(chars, at + 1).filter(|n| n.unit == "分") else {
            continue;
        };
        if number.end > at + 1 + REACH / 2 {
            continue;
        }
        // The indicator: the last quoted name before the deduction.
        let before: String = chars[..at].iter().collect();
        let name = before
            .rfind(['“', '"'])
            .and_then(|open| {
                let from = &before[..open];
                let close = from.rfind(['”', '"'])?;
                let start = from[..close].rfind(['“', '"'])?;
                Some(
                    from[start..close]
                        .trim_start_matches(['“', '"'])
                        .to_string(),
                )
            })
            .or_else(|| {
                let open = before.rfind('“')?;
                let rest = &before[open + '“'.len_utf8()..];
                rest.split_once('”').map(|(n, _)| n.to_string())
            })
            .unwrap_or_default();
        if report
            .deductions
            .iter()
            .any(|d| d.sentence == sentence && d.name == name)
        {
            continue;
        }
        report.deductions.push(TextDeduction {
            name,
            points: number.value,
            sentence: sentence.to_string(),
        });
    }
}

impl ReportText {
    /// Whether the text states anything this reader takes.
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty()
            && self.execution_rate.is_none()
            && self.total.is_none()
            && self.grade.is_none()
            && self.deductions.is_empty()
    }

    /// Puts what the text states into `evaluation` (an evaluation read from the same report's annex,
    /// or an empty one): amounts the file does not state yet, the unit and year when missing, the
    /// text's score and grade beside the table's, the deductions it names, and every sentence as the
    /// quote a finding on its figure shows.
    pub fn apply_to(self, evaluation: &mut Evaluation) {
        let every: Vec<Amount> = amounts::ACCOUNTS
            .iter()
            .chain(amounts::ASSETS.iter())
            .copied()
            .collect();
        for figure in &self.figures {
            if let Some(amount) = every.iter().find(|a| a.field_path() == figure.path) {
                if (amount.get)(evaluation).is_none() {
                    (amount.set)(evaluation, Some(figure.value));
                }
            }
        }
        if let Some(rate) = &self.execution_rate {
            evaluation
                .accounts
                .stated_execution_rate
                .get_or_insert(rate.value);
        }
        if evaluation.unit.name.trim().is_empty() && !self.unit.is_empty() {
            evaluation.unit.name = self.unit.clone();
        }
        if let Some(year) = self.year.filter(|_| evaluation.unit.year == 0) {
            evaluation.unit.year = year;
        }
        let stated = &mut evaluation.stated;
        if let Some(total) = &self.total {
            stated.text.total = Some(total.value);
            stated.total.get_or_insert(total.value);
        }
        if let Some((grade, sentence)) = &self.grade {
            stated.text.grade = Some(grade.clone());
            stated.grade.get_or_insert_with(|| grade.clone());
            stated.text.quotes.push(Quote {
                path: FieldPath::stated(StatedField::Grade),
                sentence: sentence.clone(),
            });
        }
        // A row the text explains keeps the text's reason (what follows the row's figures).
        for deduction in self.deductions.iter().filter(|d| !d.name.is_empty()) {
            let id = crate::core::keys::leaf_named(&evaluation.indicators, &deduction.name)
                .map(|leaf| leaf.id.clone());
            if let Some(leaf) = id.and_then(|id| evaluation.indicator_mut(&id)) {
                if leaf.reason.trim().is_empty() {
                    leaf.reason = reason_of(&deduction.sentence);
                }
            }
        }
        let words = &mut evaluation.narrative;
        for (text, slot) in [
            (self.sections.conclusion, &mut words.conclusion),
            (self.sections.problems, &mut words.problems),
            (self.sections.suggestions, &mut words.suggestions),
        ] {
            if slot.trim().is_empty() && !text.is_empty() {
                *slot = text;
            }
        }
        let stated = &mut evaluation.stated;
        stated.text.deductions = self.deductions;
        stated.text.quotes.extend(
            self.figures
                .into_iter()
                .chain(self.execution_rate)
                .chain(self.total)
                .map(|f| Quote {
                    path: f.path,
                    sentence: f.sentence,
                }),
        );
        stated.text.yuan = self.yuan;
    }
}

/// The reason in a deduction's sentence: what follows its figures ("…扣0.5分）：组织实施了…").
fn reason_of(sentence: &str) -> String {
    let after = sentence
        .split_once("):")
        .or_else(|| sentence.split_once(')'))
        .map(|(_, rest)| rest.trim_start_matches([':', ',']))
        .unwrap_or(sentence);
    after.trim_end_matches('。').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::amounts::{self, Amount};

    fn figure(report: &ReportText, amount: &Amount) -> Option<String> {
        report
            .figures
            .iter()
            .find(|f| f.path == amount.field_path())
            .map(|f| f.value.normalize().to_string())
    }

    #[test]
    fn the_worked_example_as_pulled_from_its_pdf() {
        let text = "2024年初单位预算情况:收入预算 3342.54 万元,全部为财政拨款收入。支出预算 3342.54 万元,其中基本支出 2133.54 万元,项目支出 1209 万元。\n\n\
                    2024年单位支出情况: 总支出 3089.41 万元, 其中基本支出\n2117.35 万元,项目支出 972.06 万元。年末结转和结余 3.93 万元。 2024 年全年预算执行率 95.04%。\n\n评价得分为99.5分。";
        let r = read_report_text(text);
        assert_eq!(
            figure(&r, &amounts::INITIAL_INCOME).as_deref(),
            Some("3342.54")
        );
        assert_eq!(
            figure(&r, &amounts::INITIAL_EXPENSE_BASIC).as_deref(),
            Some("2133.54")
        );
        assert_eq!(
            figure(&r, &amounts::INITIAL_EXPENSE_PROJECT).as_deref(),
            Some("1209")
        );
        assert_eq!(
            figure(&r, &amounts::EXPENSE_TOTAL).as_deref(),
            Some("3089.41")
        );
        assert_eq!(
            figure(&r, &amounts::EXPENSE_BASIC).as_deref(),
            Some("2117.35")
        );
        assert_eq!(
            figure(&r, &amounts::EXPENSE_PROJECT).as_deref(),
            Some("972.06")
        );
        assert_eq!(figure(&r, &amounts::CARRYOVER_END).as_deref(), Some("3.93"));
        assert_eq!(r.execution_rate.unwrap().value.to_string(), "95.04");
        assert_eq!(r.total.unwrap().value.to_string(), "99.5");
    }

    #[test]
    fn thousands_separators_yuan_and_split_grade_words() {
        let r = read_report_text("年度决算总支出2263.81元,其中基本支出。整体绩效自评为优 秀;");
        assert_eq!(figure(&r, &amounts::EXPENSE_TOTAL), None);
        assert_eq!(r.yuan.len(), 1);
        assert_eq!(r.grade.unwrap().0, "优");
        let r = read_report_text("涉及一般公共预算支出282,796.90万元。");
        assert_eq!(
            figure(&r, &amounts::EXPENSE_TOTAL).as_deref(),
            Some("282796.9")
        );
        assert_eq!(figure(&r, &amounts::INITIAL_EXPENSE), None);
    }

    #[test]
    fn deductions_name_their_indicator() {
        let r =
            read_report_text("“工作开展情况”指标(分值1分,自评0.5分,扣0.5分):组织实施了自评价。");
        assert_eq!(r.deductions.len(), 1);
        assert_eq!(r.deductions[0].name, "工作开展情况");
        assert_eq!(r.deductions[0].points.to_string(), "0.5");
    }
}
