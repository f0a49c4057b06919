//! 新建下一年度: next year's evaluation made from this one — the tree, rules, profile and unit kept;
//! scores, reasons and what was judged under each rule, accounts, assets, fund figures and metric values
//! cleared (this year's metric values become
//! next year's 上年值); the year advanced wherever the text names it ("2024年" → "2025年").
//!
//! ```
//! use jixiao::core::{assess, next_year::next_year, template};
//! let this = template::load("nanjing-2024").unwrap();
//! let next = next_year(&this);
//! assert_eq!(next.unit.year, 2025);
//! assert_eq!(next.indicators.len(), this.indicators.len());
//! assert_eq!(next.metrics[0].prior, this.metrics[0].value);
//! assert!(next.narrative.conclusion.contains("2025年") && !next.narrative.conclusion.contains("2024年"));
//! assert_eq!(assess(&next).total.to_string(), "0");
//! ```

use crate::core::model::{Assets, BudgetAccounts, Evaluation, Indicator, PriorYear, StatedFigures};

fn advance(text: &mut String, from: i32, to: i32) {
    if from > 0 {
        *text = text.replace(&format!("{from}年"), &format!("{to}年"));
    }
}

/// Clears what was judged this year (the rules stay) and advances the year in each node's texts.
fn clear_scores(nodes: &mut [Indicator], from: i32, to: i32) {
    for node in nodes {
        node.clear_judgement();
        advance_texts(node, from, to);
    }
}

fn advance_texts(node: &mut Indicator, from: i32, to: i32) {
    for text in [
        &mut node.name,
        &mut node.description,
        &mut node.criteria,
        &mut node.target_text,
    ] {
        advance(text, from, to);
    }
    for child in &mut node.children {
        advance_texts(child, from, to);
    }
}

/// Next year's evaluation, from `this` one.
pub fn next_year(this: &Evaluation) -> Evaluation {
    let mut next = this.clone();
    let (from, to) = (this.unit.year, this.unit.year.saturating_add(1));
    next.unit.year = to;
    next.accounts = BudgetAccounts::default();
    // This year's figures are next year's 上年数, for its 变动率.
    next.accounts.prior = PriorYear::of(this);
    next.unit.assets = Assets::default();
    next.stated = StatedFigures::default();
    next.import_notes.clear();
    next.filing.date.clear();
    next.goals.annual_actual.clear();
    if let Some(project) = next.project.as_mut() {
        project.stated_total = None;
        for line in &mut project.funds {
            line.initial = None;
            line.adjusted = None;
            line.executed = None;
            line.stated_rate = None;
            line.score = None;
        }
    }
    for metric in &mut next.metrics {
        metric.prior = metric.value.take();
        metric.stated_growth = None;
        for part in metric
            .breakdowns
            .iter_mut()
            .flat_map(|b| b.parts.iter_mut())
        {
            part.value = None;
        }
    }
    next.adjustments.bonus.items.clear();
    next.adjustments.penalty.items.clear();
    clear_scores(&mut next.indicators, from, to);
    // This year's problems and proposals are next year's to report on (整改落实情况), not its own.
    next.narrative.prior_problems = crate::core::margin::problems_of(this);
    next.narrative.prior_suggestions = std::mem::take(&mut next.narrative.suggestions);
    next.narrative.problems.clear();
    next.narrative.rectification.clear();
    let n = &mut next.narrative;
    for text in [
        &mut n.conclusion,
        &mut n.achievements,
        &mut n.process,
        &mut next.goals.annual,
        &mut next.goals.long_term,
    ] {
        advance(text, from, to);
    }
    next
}
