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
//! let income = report.figures.iter().find(|f| f.path == "accounts/income_total").unwrap();
//! assert_eq!(income.value.to_string(), "3089.65");
//! assert_eq!(report.total.unwrap().value.to_string(), "99.5");
//! assert_eq!(report.grade.unwrap().0, "优");
//! ```

use crate::core::amounts::{self, Amount};
use crate::core::model::{Evaluation, Quote, TextDeduction};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A figure the text states, with the sentence that states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextFigure {
    /// The figure's field path (`accounts/income_total`, `stated/total` …).
    pub path: String,
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

/// A section heading: 一、 … 十、 (or a numbered line such as "四 存在问题") at the start of a line.
fn heading(line: &str) -> bool {
    let numeral: String = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    !numeral.is_empty()
        && line[numeral.len()..].starts_with(['、', '.', ' '])
        && line.chars().count() <= 40
}

fn read_sections(text: &str) -> Sections {
    let mut sections = Sections::default();
    let mut current: Option<&mut String> = None;
    for line in text.lines() {
        if heading(line) {
            current = if line.contains("问题") {
                Some(&mut sections.problems)
            } else if line.contains("建议") || line.contains("改进措施") {
                Some(&mut sections.suggestions)
            } else if line.contains("结论") {
                Some(&mut sections.conclusion)
            } else {
                None
            };
            continue;
        }
        if let Some(section) = current.as_deref_mut() {
            if !section.is_empty() {
                section.push('\n');
            }
            section.push_str(line);
        }
    }
    sections
}

/// Labels of amounts, most specific first; `generic` ones (a bare 收入 / 支出) need a boundary before
/// them and a colon, 为 or a figure after.
struct Label {
    words: &'static [&'static str],
    amount: Amount,
    /// In a sentence about the year's budget (年初预算), the budget's line instead.
    budget: Option<Amount>,
    generic: bool,
}

const LABELS: &[Label] = &[
    Label {
        words: &["收入预算", "预算收入"],
        amount: amounts::INITIAL_INCOME,
        budget: None,
        generic: false,
    },
    // Not 预算支出: 一般公共预算支出 is what was spent.
    Label {
        words: &["支出预算", "预算总金额", "预算总额"],
        amount: amounts::INITIAL_EXPENSE,
        budget: None,
        generic: false,
    },
    Label {
        words: &["调整后预算", "全年预算数", "调整预算为", "调整预算"],
        amount: amounts::ADJUSTED_BUDGET,
        budget: None,
        generic: false,
    },
    Label {
        words: &["财政拨款收入"],
        amount: amounts::INCOME_FISCAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["其他收入"],
        amount: amounts::INCOME_OTHER,
        budget: None,
        generic: false,
    },
    Label {
        words: &["年初结转和结余", "年初结转结余", "上年结转"],
        amount: amounts::CARRYOVER_START,
        budget: None,
        generic: false,
    },
    Label {
        words: &[
            "年末结转和结余",
            "年末结转结余",
            "结转和结余",
            "结转结余",
            "结余结转",
        ],
        amount: amounts::CARRYOVER_END,
        budget: None,
        generic: false,
    },
    Label {
        words: &["基本支出"],
        amount: amounts::EXPENSE_BASIC,
        budget: Some(amounts::INITIAL_EXPENSE_BASIC),
        generic: false,
    },
    Label {
        words: &["项目支出"],
        amount: amounts::EXPENSE_PROJECT,
        budget: Some(amounts::INITIAL_EXPENSE_PROJECT),
        generic: false,
    },
    Label {
        words: &["收入合计", "收入总计", "总收入", "收入总额"],
        amount: amounts::INCOME_TOTAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["支出合计", "支出总计", "总支出", "支出总额", "全年执行数"],
        amount: amounts::EXPENSE_TOTAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["收入"],
        amount: amounts::INCOME_TOTAL,
        budget: Some(amounts::INITIAL_INCOME),
        generic: true,
    },
    Label {
        words: &["支出"],
        amount: amounts::EXPENSE_TOTAL,
        budget: Some(amounts::INITIAL_EXPENSE),
        generic: true,
    },
    Label {
        words: &["总资产", "资产总额", "资产合计", "资产总计"],
        amount: amounts::ASSETS_TOTAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["流动资产"],
        amount: amounts::ASSETS_CURRENT,
        budget: None,
        generic: false,
    },
    Label {
        words: &["固定资产"],
        amount: amounts::ASSETS_FIXED,
        budget: None,
        generic: false,
    },
    Label {
        words: &["无形资产"],
        amount: amounts::ASSETS_INTANGIBLE,
        budget: None,
        generic: false,
    },
];

/// How far after a label its figure may stand (characters), so a figure is not taken from a later clause.
const REACH: usize = 12;

/// A figure in the text: value, unit as printed, and where it ends (char index).
struct Number {
    value: Decimal,
    unit: String,
    end: usize,
}

/// Text as the reader sees it: full-width digits and punctuation made half-width, spaces and line
/// breaks dropped between characters of one sentence (a PDF breaks lines and words anywhere), but kept
/// as a sentence end after 。 and between paragraphs.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            '：' => ':',
            '％' => '%',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '\u{3000}' | '\u{a0}' => ' ',
            c => c,
        };
        out.push(c);
    }
    // A blank line ends a paragraph only after a sentence's end or a heading: text pulled from a PDF
    // puts blank lines inside sentences too (a page break). Spaces and single breaks are layout.
    let mut paragraphs: Vec<String> = Vec::new();
    for block in out.split("\n\n") {
        let block: String = block.chars().filter(|c| !c.is_whitespace()).collect();
        if block.is_empty() {
            continue;
        }
        match paragraphs.last_mut() {
            Some(last) if !ends_paragraph(last) => last.push_str(&block),
            _ => paragraphs.push(block),
        }
    }
    paragraphs.join("\n")
}

/// Whether a paragraph so far ends where a paragraph may end: after a sentence's end, or a heading.
fn ends_paragraph(text: &str) -> bool {
    text.ends_with(['。', ':', ';', '!', '?', '！', '？', '”'])
        || heading(text)
        || text.chars().count() <= 30 && !text.ends_with([',', '、'])
}

/// Sentences: split after 。 ; ! ? and at paragraph ends.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c == '\n' {
            out.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
        if matches!(c, '。' | ';' | '!' | '！' | '?' | '？') {
            out.push(std::mem::take(&mut current));
        }
    }
    out.push(current);
    out.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

/// The first figure within [`REACH`] characters from `from` (chars of `sentence`), with its unit.
fn number_after(chars: &[char], from: usize) -> Option<Number> {
    let limit = (from + REACH).min(chars.len());
    let start = (from..limit).find(|&i| chars[i].is_ascii_digit())?;
    // A figure belongs to the label only if no other clause starts between them.
    if chars[from..start]
        .iter()
        .any(|c| matches!(c, ',' | '。' | ';' | '、'))
    {
        return None;
    }
    let mut end = start;
    let mut digits = String::new();
    while end < chars.len() {
        let c = chars[end];
        if c.is_ascii_digit() || c == '.' {
            digits.push(c);
        } else if c == ','
            && chars.get(end + 1).is_some_and(|d| d.is_ascii_digit())
            && chars.get(end + 4).is_none_or(|d| !d.is_ascii_digit())
            && chars[end + 1..].iter().take(3).all(|d| d.is_ascii_digit())
        {
            // A thousands separator: exactly three digits follow.
        } else {
            break;
        }
        end += 1;
    }
    let digits = digits.trim_end_matches('.');
    let value: Decimal = digits.parse().ok()?;
    let rest: String = chars[end..chars.len().min(end + 2)].iter().collect();
    let unit = ["万元", "亿元", "元", "%", "分"]
        .iter()
        .find(|u| rest.starts_with(**u))
        .map(|u| u.to_string())
        .unwrap_or_default();
    let end = end + unit.chars().count();
    Some(Number { value, unit, end })
}

fn find_all(chars: &[char], word: &str) -> Vec<usize> {
    let word: Vec<char> = word.chars().collect();
    if word.is_empty() || chars.len() < word.len() {
        return Vec::new();
    }
    (0..=chars.len() - word.len())
        .filter(|&i| chars[i..i + word.len()] == word[..])
        .collect()
}

/// Whether a generic label (bare 收入 / 支出) at `at` stands alone: after a boundary (start, a mark, a
/// digit, 年 / 度 / 决算 / 本年 / 单位 / 部门), and followed by a colon, 为, 共, or a figure.
fn stands_alone(chars: &[char], at: usize, len: usize) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i]);
    let boundary = before.is_none_or(|c| {
        matches!(
            c,
            ',' | '。' | ';' | ':' | '、' | '(' | ')' | '年' | '度' | '算' | '位' | '门' | '.'
        ) || c.is_ascii_digit()
    });
    let after = chars.get(at + len).copied();
    boundary
        && after.is_some_and(|c| matches!(c, ':' | '为' | '共' | '达' | '合') || c.is_ascii_digit())
}

/// Whether a sentence speaks of the year's budget (年初预算), so its 基本支出 / 项目支出 are budget lines.
fn about_budget(sentence: &str) -> bool {
    (sentence.contains("预算") && !sentence.contains("执行"))
        && !sentence.contains("决算")
        && [
            "年初",
            "预算情况",
            "收入预算",
            "支出预算",
            "预算总金额",
            "预算总额",
        ]
        .iter()
        .any(|w| sentence.contains(w))
}

/// A grade word at the start of `text`, as the grade's name: 优秀 → 优, 良好 → 良, 中等 / 合格 → 中,
/// 差 / 较差 / 不合格 → 差.
fn grade_at(text: &str) -> Option<&'static str> {
    for (word, grade) in [
        ("优秀", "优"),
        ("良好", "良"),
        ("中等", "中"),
        ("不合格", "差"),
        ("较差", "差"),
        ("优", "优"),
        ("良", "良"),
        ("中", "中"),
        ("差", "差"),
    ] {
        if text.starts_with(word) {
            return Some(grade);
        }
    }
    None
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

fn year_of(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    for at in find_all(&chars, "年") {
        if at >= 4 {
            let digits: String = chars[at - 4..at].iter().collect();
            if let Ok(year) = digits.parse::<i32>() {
                if (2000..=2100).contains(&year) {
                    return Some(year);
                }
            }
        }
    }
    None
}

/// The unit from a 单位名称 / 评价单位 line, or the title: what stands between 年度 and 部门整体 / 整体支出
/// / 绩效, when it reads as a unit's name (short, no clause marks, ending as units' names end).
fn unit_of(text: &str) -> String {
    let is_name = |name: &str| {
        const ENDINGS: [&str; 24] = [
            "局", "委", "办", "中心", "院", "会", "所", "站", "队", "馆", "厅", "室", "处", "团",
            "部", "校", "学", "政府", "社", "联", "公司", "镇", "乡", "街道",
        ];
        let count = name.chars().count();
        (2..=40).contains(&count)
            && !name.contains([',', '。', ':', ';', '《', '》', '(', ')'])
            && ENDINGS.iter().any(|e| name.ends_with(e))
    };
    for line in text.lines().take(40) {
        if let Some(rest) = line
            .strip_prefix("单位名称:")
            .or_else(|| line.strip_prefix("评价单位:"))
        {
            let name = rest.trim_end_matches(['。', ',']);
            if is_name(name) {
                return name.to_string();
            }
        }
    }
    for line in text.lines().take(5) {
        // "南县财政局2020年度机关整体支出…": the name before the year.
        let chars: Vec<char> = line.chars().take(160).collect();
        let years = (0..chars.len().saturating_sub(4)).filter(|&i| {
            chars[i..i + 4].iter().all(char::is_ascii_digit) && chars.get(i + 4) == Some(&'年')
        });
        for at in years {
            // The name starts after the last mark before the year (a file name, a heading).
            let from = chars[..at]
                .iter()
                .rposition(|c| matches!(c, '.' | ':' | '。' | ' ' | 'x' | ')'))
                .map_or(0, |p| p + 1);
            let before: String = chars[from..at].iter().collect();
            if is_name(&before) {
                return before;
            }
        }
        let Some((_, after)) = line.split_once("年度") else {
            continue;
        };
        for end in [
            "部门整体",
            "整体支出",
            "单位整体",
            "整体绩效",
            "整体预算",
            "绩效自评",
        ] {
            if let Some((unit, _)) = after.split_once(end) {
                let unit = unit.trim_end_matches(['的', '—', '-']);
                if is_name(unit) {
                    return unit.to_string();
                }
            }
        }
    }
    String::new()
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
                if !report.figures.iter().any(|f| f.path == amount.path) {
                    report.figures.push(TextFigure {
                        path: amount.path.to_string(),
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
                    path: "accounts/stated_execution_rate".into(),
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
                    path: "stated/total".into(),
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
            if let Some(amount) = every.iter().find(|a| a.path == figure.path) {
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
                path: "stated/grade".into(),
                sentence: sentence.clone(),
            });
        }
        // A row the text explains keeps the text's reason (what follows the row's figures).
        for deduction in self.deductions.iter().filter(|d| !d.name.is_empty()) {
            let wanted = crate::core::keys::match_name(&deduction.name);
            if let Some(leaf) = find_leaf(&mut evaluation.indicators, &wanted) {
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

fn find_leaf<'a>(
    nodes: &'a mut [crate::core::model::Indicator],
    wanted: &str,
) -> Option<&'a mut crate::core::model::Indicator> {
    for node in nodes {
        if node.is_leaf() {
            if crate::core::keys::match_name(&node.name) == wanted {
                return Some(node);
            }
        } else if let Some(found) = find_leaf(&mut node.children, wanted) {
            return Some(found);
        }
    }
    None
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

    fn figure(report: &ReportText, path: &str) -> Option<String> {
        report
            .figures
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.value.normalize().to_string())
    }

    #[test]
    fn the_worked_example_as_pulled_from_its_pdf() {
        let text = "2024年初单位预算情况:收入预算 3342.54 万元,全部为财政拨款收入。支出预算 3342.54 万元,其中基本支出 2133.54 万元,项目支出 1209 万元。\n\n\
                    2024年单位支出情况: 总支出 3089.41 万元, 其中基本支出\n2117.35 万元,项目支出 972.06 万元。年末结转和结余 3.93 万元。 2024 年全年预算执行率 95.04%。\n\n评价得分为99.5分。";
        let r = read_report_text(text);
        assert_eq!(
            figure(&r, "accounts/initial_income").as_deref(),
            Some("3342.54")
        );
        assert_eq!(
            figure(&r, "accounts/initial_expense_basic").as_deref(),
            Some("2133.54")
        );
        assert_eq!(
            figure(&r, "accounts/initial_expense_project").as_deref(),
            Some("1209")
        );
        assert_eq!(
            figure(&r, "accounts/expense_total").as_deref(),
            Some("3089.41")
        );
        assert_eq!(
            figure(&r, "accounts/expense_basic").as_deref(),
            Some("2117.35")
        );
        assert_eq!(
            figure(&r, "accounts/expense_project").as_deref(),
            Some("972.06")
        );
        assert_eq!(
            figure(&r, "accounts/carryover_end").as_deref(),
            Some("3.93")
        );
        assert_eq!(r.execution_rate.unwrap().value.to_string(), "95.04");
        assert_eq!(r.total.unwrap().value.to_string(), "99.5");
    }

    #[test]
    fn thousands_separators_yuan_and_split_grade_words() {
        let r = read_report_text("年度决算总支出2263.81元,其中基本支出。整体绩效自评为优 秀;");
        assert_eq!(figure(&r, "accounts/expense_total"), None);
        assert_eq!(r.yuan.len(), 1);
        assert_eq!(r.grade.unwrap().0, "优");
        let r = read_report_text("涉及一般公共预算支出282,796.90万元。");
        assert_eq!(
            figure(&r, "accounts/expense_total").as_deref(),
            Some("282796.9")
        );
        assert_eq!(figure(&r, "accounts/initial_expense"), None);
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
