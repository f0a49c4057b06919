//! The 部门整体 report: 单位概况 with its accounts and metrics, 评价结论, every deducted row with its
//! reason, the user's text blocks, and the scoring annex.

use super::{
    cover, fill, leaves_with_ancestors, of_which, paragraphs, score_table, signature, stated,
    title, unit_title, wan, Block, Report,
};
use crate::core::amounts;
use crate::core::assess::Assessment;
use crate::core::metric::{growth, MetricSource};
use crate::core::model::Evaluation;
use crate::core::number::{fmt2, fmt_score};
use rust_decimal::Decimal;

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

/// "，较上年增长10.00%" / "，较上年下降5.00%" / "，与上年持平" when last year's figure is known (上年数),
/// else nothing: the customary comparison, computed, never typed.
fn vs_last_year(now: Option<Decimal>, prior: Option<Decimal>) -> String {
    super::change::against_last_year(&crate::core::metric::Change {
        last: prior,
        this: now,
    })
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
        let mut s = format!(
            "{y}年单位支出情况：总支出{total}{}",
            vs_last_year(a.expense_total, a.prior.expense_total)
        );
        s.push_str(&of_which(&parts));
        s.push('。');
        if let Some(v) = wan(a.carryover_end) {
            s.push_str(&format!(
                "{}{v}{}。",
                amounts::CARRYOVER_END.short,
                vs_last_year(a.carryover_end, a.prior.carryover_end)
            ));
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

/// 上年度问题整改落实情况: last year's problems and proposals as carried in, then what was done. Only
/// when last year's problems were carried or the unit wrote something.
fn rectification(
    e: &Evaluation,
    a: &Assessment,
    heading: &mut impl FnMut(&str) -> Block,
    blocks: &mut Vec<Block>,
) {
    let n = &e.narrative;
    if !n.has_rectification() {
        return;
    }
    blocks.push(heading("上年度问题整改落实情况"));
    for (lead, text) in [
        ("上年度自评价发现的问题：", &n.prior_problems),
        ("上年度提出的改进措施：", &n.prior_suggestions),
    ] {
        if !text.trim().is_empty() {
            blocks.push(Block::Paragraph(lead.into()));
            paragraphs(text, e, a, blocks);
        }
    }
    if !n.rectification.trim().is_empty() {
        // A lead only to set it apart from last year's lines above.
        if blocks
            .last()
            .is_some_and(|b| matches!(b, Block::Paragraph(_)))
        {
            blocks.push(Block::Paragraph("整改落实情况：".into()));
        }
        paragraphs(&n.rectification, e, a, blocks);
    }
}

pub(super) fn department(e: &Evaluation, a: &Assessment) -> Report {
    let title = title(e);
    let mut blocks: Vec<Block> = cover(e, &title).into_iter().collect();
    blocks.extend([
        Block::Heading1("一、单位概况".into()),
        Block::Heading2("（一）基本情况".into()),
    ]);
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
    blocks.extend(super::target_adjustments(e).map(Block::Paragraph));
    blocks.extend(super::monitoring_recap(e).map(Block::Paragraph));
    // 二、… onwards: numbered as they come, since 整改落实情况 appears only when there is something to say.
    let mut number = 1;
    let mut heading = move |title: &str| {
        number += 1;
        Block::Heading1(format!("{}、{title}", cn_count(number)))
    };
    blocks.push(heading("评价结论"));
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
    blocks.push(heading("部门履职成效"));
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
    rectification(e, a, &mut heading, &mut blocks);
    blocks.push(heading("存在问题及原因分析"));
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
    blocks.push(heading("有关建议"));
    paragraphs(&e.narrative.suggestions, e, a, &mut blocks);
    blocks.push(heading("评价工作开展情况"));
    let before = blocks.len();
    paragraphs(&e.narrative.process, e, a, &mut blocks);
    let counts = a.counts_sentence();
    if !blocks[before..]
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p.contains(&counts)))
    {
        blocks.push(Block::Paragraph(format!("本次评价{counts}。")));
    }
    blocks.push(Block::Paragraph(crate::core::profile::describe(
        &e.settings,
    )));
    let annex_title = format!(
        "{}年度{}整体预算绩效自评价指标体系得分情况",
        e.unit.year,
        unit_title(e)
    );
    blocks.push(Block::Paragraph(format!("附件：{annex_title}")));
    // 附件说明, then the signature (发文机关署名 and 成文日期 follow the 附件说明, as in a 公文).
    blocks.extend(signature(e));
    blocks.push(Block::PageBreak);
    blocks.push(Block::Annex {
        label: "附件1".into(),
        title: annex_title,
    });
    blocks.push(Block::Scores(score_table::score_table(e, a, false)));
    blocks.extend(super::evidence::evidence_annex(e, "附件2"));
    Report {
        title,
        blocks,
        landscape: false,
    }
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
