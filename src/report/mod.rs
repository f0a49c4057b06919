//! The self-evaluation report (自评价报告) built from the data, so every figure in it is the computed one.
//!
//! [`build`] turns an [`Evaluation`] into a [`Report`]: a title, headed sections of paragraphs and the
//! scoring annex as a [`ScoreTable`]. Renderers turn that one model into plain text ([`text`], the golden
//! files), HTML ([`html`], the preview, print and the .html export).
//!
//! ```
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let report = jixiao::report::build(&e);
//! assert!(report.title.ends_with("部门整体绩效自评价报告"));
//! assert!(jixiao::report::text::render(&report).contains("自评价得分为99.5分"));
//! ```

pub mod html;
pub mod placeholder;
pub mod text;

use crate::core::amounts;
use crate::core::assess::{assess, Assessment};
use crate::core::metric::{growth, project_totals, MetricSource};
use crate::core::model::{Evaluation, EvaluationKind, Indicator};
use crate::core::number::{fmt2, fmt_score, percent};
use rust_decimal::Decimal;

/// A generated report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The title line.
    pub title: String,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// One block of the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// 一级标题 (一、…), 黑体.
    Heading1(String),
    /// 二级标题 (（一）…), 楷体.
    Heading2(String),
    /// A body paragraph, 仿宋 with first-line indent.
    Paragraph(String),
    /// A page break before an annex.
    PageBreak,
    /// An annex heading line ("附件1") and its title.
    Annex {
        /// "附件1".
        label: String,
        /// The annex title.
        title: String,
    },
    /// The scoring table.
    Scores(ScoreTable),
    /// A labelled grid (项目支出 form header and budget block).
    Grid(Grid),
}

/// A cell that spans several rows (merged 一级 / 二级 cells).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Rows covered, ≥ 1.
    pub rows: usize,
}

/// One row of the scoring annex.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRow {
    /// 一级 cell, on the first row of its group only.
    pub level1: Option<Span>,
    /// 二级 cell, on the first row of its group only.
    pub level2: Option<Span>,
    /// 三级指标.
    pub name: String,
    /// 指标说明 (部门整体) or 年度指标值 (项目支出).
    pub description: String,
    /// 评价要点 (部门整体) or 实际完成值 (项目支出).
    pub criteria: String,
    /// 分值 (empty for the 加减分项 rows).
    pub points: String,
    /// 自评分 / 得分.
    pub score: String,
    /// 偏差原因分析及改进措施 (项目支出 only).
    pub reason: String,
}

/// The scoring table (附件1 指标体系得分情况, or the 项目支出 indicator block).
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreTable {
    /// Column headers.
    pub headers: Vec<String>,
    /// Whether the table has the 偏差原因 column (项目支出).
    pub with_reason: bool,
    /// The rows.
    pub rows: Vec<ScoreRow>,
    /// The total row: (label, 分值合计, 总分).
    pub total: (String, String, String),
}

/// A plain grid of cells with optional column spans (first row = header).
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// Rows of (text, column span).
    pub rows: Vec<Vec<(String, usize)>>,
}

/// Builds the report of an evaluation (部门整体 report or 项目支出 form by its kind).
pub fn build(evaluation: &Evaluation) -> Report {
    build_assessed(evaluation, &assess(evaluation))
}

/// The report's title line, without building the report (e.g. to name a downloaded file).
pub fn title(evaluation: &Evaluation) -> String {
    match evaluation.kind {
        EvaluationKind::Department => format!(
            "{}年度{}部门整体绩效自评价报告",
            evaluation.unit.year,
            unit_title(evaluation)
        ),
        EvaluationKind::Project => format!("{}年度项目支出绩效自评表", evaluation.unit.year),
    }
}

/// Builds the report from an assessment the caller already holds (the UI's memo, an export that also
/// lists the findings), so the evaluation is not scored twice.
pub fn build_assessed(evaluation: &Evaluation, assessment: &Assessment) -> Report {
    match evaluation.kind {
        EvaluationKind::Department => department(evaluation, assessment),
        EvaluationKind::Project => project(evaluation, assessment),
    }
}

fn fill(text: &str, e: &Evaluation, a: &Assessment) -> String {
    placeholder::fill(text, e, a).0
}

fn paragraphs(text: &str, e: &Evaluation, a: &Assessment, blocks: &mut Vec<Block>) {
    for line in fill(text, e, a).lines() {
        let line = line.trim();
        if !line.is_empty() {
            blocks.push(Block::Paragraph(line.to_string()));
        }
    }
}

fn wan(value: Option<Decimal>) -> Option<String> {
    value.map(|v| format!("{}万元", fmt2(v)))
}

/// The stated figures among `items`, as "基本支出2117.35万元" each.
fn stated(items: &[(&str, Option<Decimal>)]) -> Vec<String> {
    items
        .iter()
        .filter_map(|(label, v)| wan(*v).map(|v| format!("{label}{v}")))
        .collect()
}

/// "，其中a，b" — or nothing when no part is stated.
fn of_which(parts: &[String]) -> String {
    if parts.is_empty() {
        String::new()
    } else {
        format!("，其中{}", parts.join("，"))
    }
}

fn unit_title(e: &Evaluation) -> String {
    match (e.unit.parent_department.trim(), e.unit.name.trim()) {
        ("", name) => name.to_string(),
        (parent, name) => format!("{parent}—{name}"),
    }
}

fn cn_count(n: usize) -> String {
    const DIGITS: [&str; 11] = [
        "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    DIGITS
        .get(n)
        .map(|d| d.to_string())
        .unwrap_or_else(|| n.to_string())
}

fn basic_facts(e: &Evaluation) -> Vec<String> {
    let u = &e.unit;
    let mut out = Vec::new();
    let mut first = String::new();
    if !u.name.is_empty() {
        first.push_str(&u.name);
        match (u.founded, u.nature.trim()) {
            (Some(year), "") => first.push_str(&format!("成立于{year}年")),
            (Some(year), nature) => first.push_str(&format!("为{year}年成立的{nature}")),
            (None, "") => {}
            (None, nature) => first.push_str(&format!("为{nature}")),
        }
        if !u.duties.trim().is_empty() {
            first.push('，');
            first.push_str(u.duties.trim().trim_end_matches('。'));
        }
        first.push('。');
        out.push(first);
    }
    let mut second = String::new();
    if !u.sections.is_empty() {
        second.push_str(&format!(
            "单位设有{}个科室：{}。",
            cn_count(u.sections.len()),
            u.sections.join("、")
        ));
    }
    let s = &u.staffing;
    let mut staff = Vec::new();
    if let Some(n) = s.authorized {
        staff.push(format!("核定人员编制{n}名"));
    }
    if let Some(n) = s.on_staff {
        staff.push(format!("实际在编人数为{n}人"));
    }
    if let Some(n) = s.contract {
        staff.push(format!("编外聘用人数为{n}人"));
    }
    if !staff.is_empty() {
        second.push_str(&format!("{}年底{}。", u.year, staff.join("，")));
    }
    let a = &u.assets;
    if let Some(total) = wan(a.total) {
        let parts = stated(&[
            ("流动资产", a.current),
            ("固定资产", a.fixed),
            ("无形资产", a.intangible),
            ("其他资产", a.other),
        ]);
        second.push_str(&format!("总资产{total}{}。", of_which(&parts)));
    }
    if !second.is_empty() {
        out.push(second);
    }
    out
}

fn accounts_paragraphs(e: &Evaluation) -> Vec<String> {
    let a = &e.accounts;
    let y = e.unit.year;
    let mut out = Vec::new();
    let mut budget = Vec::new();
    if let Some(v) = wan(a.initial_income) {
        budget.push(format!("{}{v}", amounts::INITIAL_INCOME.short));
    }
    if let Some(v) = wan(a.initial_expense) {
        let mut s = format!("{}{v}", amounts::INITIAL_EXPENSE.short);
        let parts = stated(&[
            (
                amounts::INITIAL_EXPENSE_BASIC.short,
                a.initial_expense_basic,
            ),
            (
                amounts::INITIAL_EXPENSE_PROJECT.short,
                a.initial_expense_project,
            ),
        ]);
        s.push_str(&of_which(&parts));
        budget.push(s);
    }
    if let Some(v) = wan(a.adjusted_budget) {
        budget.push(format!("{}{v}", amounts::ADJUSTED_BUDGET.short));
    }
    if !budget.is_empty() {
        out.push(format!("{y}年初单位预算情况：{}。", budget.join("；")));
    }
    if let Some(total) = wan(a.income_total) {
        let parts = stated(&[
            (amounts::INCOME_FISCAL.short, a.income_fiscal),
            (amounts::INCOME_OTHER.short, a.income_other),
        ]);
        let mut s = format!("{y}年单位收入情况：总收入{total}");
        s.push_str(&of_which(&parts));
        s.push('。');
        if let Some(v) = wan(a.carryover_start) {
            s.push_str(&format!("{}{v}。", amounts::CARRYOVER_START.short));
        }
        out.push(s);
    }
    if let Some(total) = wan(a.expense_total) {
        let parts = stated(&[
            (amounts::EXPENSE_BASIC.short, a.expense_basic),
            (amounts::EXPENSE_PROJECT.short, a.expense_project),
        ]);
        let mut s = format!("{y}年单位支出情况：总支出{total}");
        s.push_str(&of_which(&parts));
        s.push('。');
        if let Some(v) = wan(a.carryover_end) {
            s.push_str(&format!("{}{v}。", amounts::CARRYOVER_END.short));
        }
        if let Ok(rate) = MetricSource::BudgetExecutionRate.resolve(e) {
            s.push_str(&format!("{y}年全年预算执行率{}%。", fmt2(rate.value)));
        }
        out.push(s);
    }
    out
}

fn metric_sentences(e: &Evaluation) -> Vec<String> {
    e.metrics
        .iter()
        .filter_map(|m| {
            let value = m.value?;
            let unit = m.unit.as_str();
            let mut s = format!(
                "{}年，{}{}{}",
                e.unit.year,
                m.name,
                fmt_metric(value, unit),
                unit
            );
            if let Some(prior) = m.prior {
                let rate = growth(Some(value), Some(prior));
                let word = if value >= prior { "增长" } else { "下降" };
                match rate {
                    Some(r) => s.push_str(&format!(
                        "，较上年（{}{}）{}{}%",
                        fmt_metric(prior, unit),
                        unit,
                        word,
                        fmt2(r.abs())
                    )),
                    None => s.push_str(&format!("，上年为{}{}", fmt_metric(prior, unit), unit)),
                }
            }
            for breakdown in &m.breakdowns {
                let parts: Vec<String> = breakdown
                    .parts
                    .iter()
                    .filter_map(|p| {
                        p.value
                            .map(|v| format!("{}{}{}", p.name, fmt_metric(v, unit), unit))
                    })
                    .collect();
                if !parts.is_empty() {
                    let label = breakdown.label.trim();
                    if label.is_empty() {
                        s.push_str(&format!("；其中{}", parts.join("、")));
                    } else {
                        s.push_str(&format!("；{label}分，{}", parts.join("、")));
                    }
                }
            }
            s.push('。');
            Some(s)
        })
        .collect()
}

/// Metrics keep the precision they were given, but at least 2 decimals for 万件 / % as users print them.
fn fmt_metric(value: Decimal, unit: &str) -> String {
    if unit == "%" || unit.starts_with('万') {
        fmt2(value)
    } else {
        value.normalize().to_string()
    }
}

fn leaves_with_ancestors(nodes: &[Indicator]) -> Vec<(Vec<&Indicator>, &Indicator)> {
    let mut out = Vec::new();
    crate::core::model::walk_tree(nodes, &mut |ancestors, node| {
        if node.is_leaf() {
            out.push((ancestors.to_vec(), node));
        }
    });
    out
}

fn deducted_rows(e: &Evaluation, a: &Assessment) -> Vec<String> {
    leaves_with_ancestors(&e.indicators)
        .into_iter()
        .filter_map(|(_, leaf)| {
            let result = a.node(&leaf.id)?;
            (result.score < result.points).then(|| {
                let lost = result.points - result.score;
                let reason = leaf.reason.trim();
                format!(
                    "“{}”指标（分值{}分，自评{}分，扣{}分）：{}",
                    leaf.name,
                    fmt_score(result.points),
                    fmt_score(result.score),
                    fmt_score(lost),
                    if reason.is_empty() {
                        "（未说明扣分原因）"
                    } else {
                        reason
                    }
                )
            })
        })
        .collect()
}

fn score_table(e: &Evaluation, a: &Assessment, project: bool) -> ScoreTable {
    let leaves = leaves_with_ancestors(&e.indicators);
    let mut rows: Vec<ScoreRow> = Vec::with_capacity(leaves.len() + 2);
    let label = |n: &Indicator| format!("{}（{}分）", n.name, fmt_score(n.points));
    let mut i = 0;
    while i < leaves.len() {
        let (trail, leaf) = &leaves[i];
        let top = trail
            .first()
            .map(|n| n.id.as_str())
            .unwrap_or(leaf.id.as_str());
        let same_top = |j: usize| {
            leaves[j]
                .0
                .first()
                .map(|n| n.id.as_str())
                .unwrap_or(leaves[j].1.id.as_str())
                == top
        };
        let top_rows = (i..leaves.len()).take_while(|j| same_top(*j)).count();
        for j in i..i + top_rows {
            let (trail, leaf) = &leaves[j];
            let level1 = (j == i).then(|| Span {
                text: trail.first().map(|n| label(n)).unwrap_or_default(),
                rows: top_rows,
            });
            let second_id = trail.get(1).map(|n| n.id.as_str());
            let starts_second =
                j == i || leaves[j - 1].0.get(1).map(|n| n.id.as_str()) != second_id;
            let level2 = if starts_second {
                let count = (j..i + top_rows)
                    .take_while(|k| leaves[*k].0.get(1).map(|n| n.id.as_str()) == second_id)
                    .count();
                Some(Span {
                    text: trail.get(1).map(|n| label(n)).unwrap_or_default(),
                    rows: count,
                })
            } else {
                None
            };
            let deeper: Vec<&str> = trail.iter().skip(2).map(|n| n.name.as_str()).collect();
            let name = if trail.is_empty() {
                String::new()
            } else if deeper.is_empty() {
                leaf.name.clone()
            } else {
                format!("{}／{}", deeper.join("／"), leaf.name)
            };
            let (level1, name) = if trail.is_empty() {
                (
                    Some(Span {
                        text: label(leaf),
                        rows: 1,
                    }),
                    String::new(),
                )
            } else {
                (level1, name)
            };
            let score = a
                .node(&leaf.id)
                .map(|r| fmt_score(r.score))
                .unwrap_or_default();
            let (description, criteria) = if project {
                (
                    format!(
                        "{}{}",
                        if leaf.target.is_some() && leaf.target_text.trim().is_empty() {
                            leaf.target_op.map_or("", |op| op.symbol())
                        } else {
                            ""
                        },
                        measure(leaf.target, &leaf.target_text, &leaf.unit)
                    ),
                    measure(
                        leaf.actual,
                        &leaf.actual_text,
                        if leaf.actual_unit.is_empty() {
                            &leaf.unit
                        } else {
                            &leaf.actual_unit
                        },
                    ),
                )
            } else {
                (leaf.description.clone(), leaf.criteria.clone())
            };
            rows.push(ScoreRow {
                level1,
                level2,
                name,
                description,
                criteria,
                points: fmt_score(leaf.points),
                score,
                reason: if project {
                    leaf.reason.clone()
                } else {
                    String::new()
                },
            });
        }
        i += top_rows;
    }
    let adj = &e.adjustments;
    let groups: Vec<(&str, &str, &str, &str, Decimal)> = [
        (!adj.bonus.name.is_empty()).then_some({
            (
                "加分项",
                adj.bonus.name.as_str(),
                adj.bonus.description.as_str(),
                adj.bonus.criteria.as_str(),
                a.bonus,
            )
        }),
        (!adj.penalty.name.is_empty()).then_some({
            (
                "减分项",
                adj.penalty.name.as_str(),
                adj.penalty.description.as_str(),
                adj.penalty.criteria.as_str(),
                a.penalty,
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (k, (group, name, description, criteria, value)) in groups.iter().enumerate() {
        rows.push(ScoreRow {
            level1: (k == 0).then(|| Span {
                text: format!("加减分项（≤{}分）", fmt_score(adj.cap)),
                rows: groups.len(),
            }),
            level2: Some(Span {
                text: group.to_string(),
                rows: 1,
            }),
            name: name.to_string(),
            description: description.to_string(),
            criteria: criteria.to_string(),
            points: String::new(),
            score: if value.is_zero() {
                String::new()
            } else if *group == "减分项" {
                format!("−{}", fmt_score(*value))
            } else {
                format!("+{}", fmt_score(*value))
            },
            reason: String::new(),
        });
    }
    let headers: Vec<String> = if project {
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ]
    } else {
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标说明",
            "评价要点",
            "分值",
            "自评分",
            "",
        ]
    }
    .iter()
    .filter(|h| !h.is_empty())
    .map(|h| h.to_string())
    .collect();
    ScoreTable {
        headers,
        with_reason: project,
        rows,
        total: ("合计".into(), fmt_score(a.points_total), fmt_score(a.total)),
    }
}

fn measure(value: Option<Decimal>, text: &str, unit: &str) -> String {
    match (value, text.trim()) {
        (_, t) if !t.is_empty() => t.to_string(),
        (Some(v), _) => format!("{}{}", v.normalize(), unit),
        (None, _) => String::new(),
    }
}

fn department(e: &Evaluation, a: &Assessment) -> Report {
    let title = title(e);
    let mut blocks = vec![
        Block::Heading1("一、单位概况".into()),
        Block::Heading2("（一）基本情况".into()),
    ];
    blocks.extend(basic_facts(e).into_iter().map(Block::Paragraph));
    blocks.push(Block::Heading2("（二）单位收支情况".into()));
    blocks.extend(accounts_paragraphs(e).into_iter().map(Block::Paragraph));
    blocks.push(Block::Heading2("（三）单位绩效目标".into()));
    if !e.goals.long_term.trim().is_empty() {
        blocks.push(Block::Paragraph(format!(
            "中长期目标：{}",
            fill(e.goals.long_term.trim(), e, a)
        )));
    }
    if !e.goals.annual.trim().is_empty() {
        blocks.push(Block::Paragraph(format!(
            "年度目标：{}",
            fill(e.goals.annual.trim(), e, a)
        )));
    }
    blocks.push(Block::Heading1("二、评价结论".into()));
    let verdict = format!(
        "{}年，{}整体预算绩效自评价得分为{}分，评价等级为“{}”。",
        e.unit.year,
        e.unit.name,
        fmt_score(a.total),
        a.grade
    );
    if e.narrative.conclusion.trim().is_empty() {
        blocks.push(Block::Paragraph(verdict));
    } else {
        paragraphs(&e.narrative.conclusion, e, a, &mut blocks);
        // The score must be stated in the conclusion even when the user's text forgets it.
        let filled = fill(&e.narrative.conclusion, e, a);
        if !filled.contains(&format!("{}分", fmt_score(a.total))) {
            blocks.push(Block::Paragraph(verdict));
        }
    }
    blocks.push(Block::Heading1("三、部门履职成效".into()));
    let mut achievements = Vec::new();
    paragraphs(&e.narrative.achievements, e, a, &mut achievements);
    let mut sentences = metric_sentences(e).into_iter().map(Block::Paragraph);
    // The generated figures follow the narrative's opening line.
    if let Some(first) = achievements.first().cloned() {
        blocks.push(first);
        blocks.extend(sentences.by_ref());
        blocks.extend(achievements.into_iter().skip(1));
    } else {
        blocks.extend(sentences);
    }
    blocks.push(Block::Heading1("四、存在问题及原因分析".into()));
    let deducted = deducted_rows(e, a);
    if deducted.is_empty() {
        blocks.push(Block::Paragraph("本次自评价各项指标均未扣分。".into()));
    } else {
        blocks.push(Block::Paragraph(format!(
            "本次自评价共有{}项指标扣分：",
            deducted.len()
        )));
        blocks.extend(deducted.into_iter().map(Block::Paragraph));
    }
    paragraphs(&e.narrative.problems, e, a, &mut blocks);
    blocks.push(Block::Heading1("五、有关建议".into()));
    paragraphs(&e.narrative.suggestions, e, a, &mut blocks);
    blocks.push(Block::Heading1("六、评价工作开展情况".into()));
    let before = blocks.len();
    paragraphs(&e.narrative.process, e, a, &mut blocks);
    let counts = a.counts_sentence();
    if !blocks[before..]
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p.contains(&counts)))
    {
        blocks.push(Block::Paragraph(format!("本次评价{counts}。")));
    }
    let annex_title = format!(
        "{}年度{}整体预算绩效自评价指标体系得分情况",
        e.unit.year,
        unit_title(e)
    );
    blocks.push(Block::Paragraph(format!("附件：{annex_title}")));
    blocks.push(Block::PageBreak);
    blocks.push(Block::Annex {
        label: "附件1".into(),
        title: annex_title,
    });
    blocks.push(Block::Scores(score_table(e, a, false)));
    Report { title, blocks }
}

fn project(e: &Evaluation, a: &Assessment) -> Report {
    let p = e.project.clone().unwrap_or_default();
    let title = title(e);
    let mut blocks = Vec::new();
    blocks.push(Block::Grid(Grid {
        rows: vec![
            vec![("项目名称".into(), 1), (p.name.clone(), 6)],
            vec![
                ("主管部门".into(), 1),
                (e.unit.parent_department.clone(), 2),
                ("实施单位".into(), 1),
                (e.unit.name.clone(), 3),
            ],
        ],
    }));
    let execution = e
        .indicators
        .iter()
        .find(|n| matches!(n.rule, crate::core::rule::ScoringRule::ExecutionRate));
    let (points, score) = execution
        .and_then(|n| a.node(&n.id))
        .map(|r| (fmt_score(r.points), fmt_score(r.score)))
        .unwrap_or_default();
    let money = |v: Option<Decimal>| v.map(fmt2).unwrap_or_default();
    let mut budget = vec![vec![
        ("项目资金（万元）".to_string(), 1),
        ("年初预算数".into(), 1),
        ("全年预算数".into(), 1),
        ("全年执行数".into(), 1),
        ("分值".into(), 1),
        ("执行率".into(), 1),
        ("得分".into(), 1),
    ]];
    let totals = project_totals(e);
    let initial_total = p.funds.iter().try_fold(Decimal::ZERO, |acc, l| {
        l.initial.and_then(|v| acc.checked_add(v))
    });
    let total_rate = totals
        .and_then(|(adj, exe)| percent(exe, adj))
        .map(|r| format!("{}%", fmt2(r)))
        .unwrap_or_default();
    budget.push(vec![
        ("年度资金总额".into(), 1),
        (money(initial_total), 1),
        (money(totals.map(|t| t.0)), 1),
        (money(totals.map(|t| t.1)), 1),
        (points, 1),
        (total_rate, 1),
        (score, 1),
    ]);
    for line in &p.funds {
        let rate = match (line.executed, line.adjusted) {
            (Some(x), Some(b)) => percent(x, b)
                .map(|r| format!("{}%", fmt2(r)))
                .unwrap_or_default(),
            _ => String::new(),
        };
        budget.push(vec![
            (format!("其中：{}", line.source), 1),
            (money(line.initial), 1),
            (money(line.adjusted), 1),
            (money(line.executed), 1),
            ("—".into(), 1),
            (rate, 1),
            ("—".into(), 1),
        ]);
    }
    blocks.push(Block::Heading2("预算执行情况".into()));
    blocks.push(Block::Grid(Grid { rows: budget }));
    blocks.push(Block::Heading2("年度总体目标".into()));
    blocks.push(Block::Grid(Grid {
        rows: vec![
            vec![("预期目标".into(), 3), ("实际完成情况".into(), 4)],
            vec![
                (fill(&e.goals.annual, e, a), 3),
                (fill(&e.goals.annual_actual, e, a), 4),
            ],
        ],
    }));
    blocks.push(Block::Heading2("绩效指标".into()));
    // The execution-rate row is in the budget block above, not among the indicators.
    let mut indicators = e.clone();
    indicators
        .indicators
        .retain(|n| !matches!(n.rule, crate::core::rule::ScoringRule::ExecutionRate));
    let mut table = score_table(&indicators, a, true);
    table.total = ("总分".into(), fmt_score(a.points_total), fmt_score(a.total));
    blocks.push(Block::Scores(table));
    Report { title, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_chinese() {
        assert_eq!(cn_count(4), "四");
        assert_eq!(cn_count(12), "12");
    }
}
