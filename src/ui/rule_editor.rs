//! Choosing a leaf's scoring rule and filling its inputs (评分规则).

use super::choice::{options_of, ChoiceSelect};
use super::fields::{DecimalField, TextField};
use super::state::Document;
use crate::core::edit::EditScope;
use crate::core::field::Field;
use crate::core::metric::MetricSource;
use crate::core::rule::{
    Comparison, Condition, QualitativeLevel, ReverseFormula, RuleKind, ScoringRule, Tier,
};
use crate::core::Indicator;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Reads the leaf at `id`.
fn with_leaf<T>(doc: Document, id: &str, f: impl FnOnce(&Indicator) -> T) -> Option<T> {
    doc.with_node(id, f)
}

/// Edits the rule of the leaf at `id`.
fn edit_rule(
    doc: Document,
    id: &str,
    scope: EditScope,
    f: impl FnOnce(&mut ScoringRule, &mut Indicator),
) {
    doc.edit_node(id, scope, move |node| {
        let mut rule = std::mem::take(&mut node.rule);
        f(&mut rule, node);
        node.rule = rule;
    });
}

/// The rule kind selector.
#[component]
pub fn RuleSelect(id: String) -> impl IntoView {
    let doc = expect_context::<Document>();
    let id_read = id.clone();
    let kind = Memo::new(move |_| with_leaf(doc, &id_read, |n| n.rule.kind()));
    let options = options_of(&RuleKind::ALL, RuleKind::key, |k| k.label().to_string());
    view! {
        <ChoiceSelect label="评分规则" testid="rule-select" path=format!("indicators/{id}/rule")
            options=Signal::stored(options) value=kind
            on_change=Callback::new(move |chosen: Option<RuleKind>| {
                if let Some(kind) = chosen {
                    edit_rule(doc, &id, EditScope::Whole, move |rule, node| *rule = kind.fresh(node.points));
                }
            })/>
    }
}

/// The inputs of the leaf's rule (compact, in the row).
#[component]
pub fn RuleInputs(id: String) -> impl IntoView {
    let doc = expect_context::<Document>();
    let id_read = id.clone();
    let rule = Memo::new(move |_| with_leaf(doc, &id_read, |n| n.rule.clone()).unwrap_or_default());
    let kind = Memo::new(move |_| rule.get().kind());
    move || {
        let id = id.clone();
        match kind.get() {
            RuleKind::Binary => binary_inputs(doc, id, rule).into_any(),
            RuleKind::Manual => {
                let value = Signal::derive(move || match rule.get() {
                    ScoringRule::Manual { step } => step,
                    _ => None,
                });
                let key = format!("indicators/{id}/rule/step");
                view! {
                    <DecimalField label="评分步长" path=key.clone() value=value compact=true unit="分步长"
                        on_change=Callback::new(move |v: Option<Decimal>| edit_rule(doc, &id, EditScope::Field(&key), |r, _| {
                            if let ScoringRule::Manual { step } = r { *step = v }
                        }))/>
                }
                .into_any()
            }
            RuleKind::Qualitative => {
                let level = Signal::derive(move || match rule.get() {
                    ScoringRule::Qualitative { level } => level,
                    _ => None,
                });
                let options = options_of(
                    &QualitativeLevel::ALL,
                    QualitativeLevel::key,
                    QualitativeLevel::label_with_band,
                );
                view! {
                    <ChoiceSelect label="定性等级" none="未评判" options=Signal::stored(options) value=level
                        on_change=Callback::new(move |chosen: Option<QualitativeLevel>| {
                            edit_rule(doc, &id, EditScope::Whole, |r, _| *r = ScoringRule::Qualitative { level: chosen });
                        })/>
                }
                .into_any()
            }
            RuleKind::Deduction => deduction_inputs(doc, id, rule).into_any(),
            RuleKind::Proportional => {
                let reverse = Signal::derive(move || match rule.get() {
                    ScoringRule::Proportional { reverse } => Some(reverse),
                    _ => None,
                });
                let options = options_of(&ReverseFormula::ALL, ReverseFormula::key, |f| {
                    f.label().to_string()
                });
                view! {
                    <ChoiceSelect label="反向超标公式" options=Signal::stored(options) value=reverse
                        on_change=Callback::new(move |chosen: Option<ReverseFormula>| {
                            if let Some(reverse) = chosen {
                                edit_rule(doc, &id, EditScope::Whole, |r, _| *r = ScoringRule::Proportional { reverse });
                            }
                        })/>
                }
                .into_any()
            }
            RuleKind::Tiered => tier_inputs(doc, id, rule).into_any(),
            RuleKind::ExecutionRate => {
                view! { <span class="jx-muted">"按预算执行率自动计分"</span> }.into_any()
            }
        }
    }
}

fn binary_inputs(doc: Document, id: String, rule: Memo<ScoringRule>) -> impl IntoView {
    let has_condition = move || matches!(rule.get(), ScoringRule::Binary { when: Some(_), .. });
    let met = Signal::derive(move || match rule.get() {
        ScoringRule::Binary { met, .. } => met,
        _ => None,
    });
    let id2 = id.clone();
    let id3 = id.clone();
    let threshold = Signal::derive(move || match rule.get() {
        ScoringRule::Binary { when: Some(c), .. } => Some(c.value),
        _ => None,
    });
    let op = move || match rule.get() {
        ScoringRule::Binary { when: Some(c), .. } => c.op.symbol(),
        _ => ">",
    };
    let metric_name = move || {
        doc.evaluation.with(|e| match rule.get() {
            ScoringRule::Binary { when: Some(c), .. } => match c.metric.resolve(e) {
                Ok(m) => m.describe(),
                Err(why) => why,
            },
            _ => String::new(),
        })
    };
    let key = format!("indicators/{id}/rule/when");
    view! {
        <Show
            when=has_condition
            fallback=move || {
                let id = id2.clone();
                let options = vec![
                    (true, "yes".to_string(), "达标".to_string()),
                    (false, "no".to_string(), "未达标".to_string()),
                ];
                view! {
                    <ChoiceSelect label="是否达标" testid="binary-met" none="未评判" options=Signal::stored(options) value=met
                        on_change=Callback::new(move |chosen: Option<bool>| {
                            edit_rule(doc, &id, EditScope::Whole, |r, _| if let ScoringRule::Binary { met, .. } = r { *met = chosen });
                        })/>
                }
            }
        >
            <span class="jx-condition">{metric_name}" "{op}" "</span>
            <DecimalField label="达标阈值" path=key.clone() value=threshold compact=true allow_negative=true
                on_change=Callback::new({
                    let id = id3.clone();
                    let key = key.clone();
                    move |v: Option<Decimal>| edit_rule(doc, &id, EditScope::Field(&key), |r, _| {
                        if let (ScoringRule::Binary { when: Some(Condition { value, .. }), .. }, Some(v)) = (r, v) { *value = v }
                    })
                })/>
        </Show>
        <label class="jx-check">
            <input type="checkbox" prop:checked=has_condition on:change={
                let id = id.clone();
                move |ev| {
                    let on = event_target_checked(&ev);
                    edit_rule(doc, &id, EditScope::Whole, |r, _| if let ScoringRule::Binary { when, .. } = r {
                        *when = on.then(|| Condition {
                            metric: MetricSource::default_typed(),
                            op: Comparison::Gt,
                            value: Decimal::from(90),
                        });
                    });
                }
            }/>
            "按数据判定"
        </label>
    }
}

/// A figure of a rule: how to read and write it, and its path segment (no string dispatch).
#[derive(Clone, Copy)]
struct RuleFigure {
    key: &'static str,
    label: &'static str,
    get: fn(&ScoringRule) -> Option<Decimal>,
    set: fn(&mut ScoringRule, Option<Decimal>),
}

const DEDUCTION_FIGURES: [RuleFigure; 3] = [
    RuleFigure {
        key: "per",
        label: "每次扣分",
        get: |r| match r {
            ScoringRule::Deduction { per, .. } => Some(*per),
            _ => None,
        },
        set: |r, v| {
            if let ScoringRule::Deduction { per, .. } = r {
                *per = v.unwrap_or_default()
            }
        },
    },
    RuleFigure {
        key: "count",
        label: "发生次数",
        get: |r| match r {
            ScoringRule::Deduction { count, .. } => *count,
            _ => None,
        },
        set: |r, v| {
            if let ScoringRule::Deduction { count, .. } = r {
                *count = v
            }
        },
    },
    RuleFigure {
        key: "allowance",
        label: "免扣次数",
        get: |r| match r {
            ScoringRule::Deduction { allowance, .. } => Some(*allowance),
            _ => None,
        },
        set: |r, v| {
            if let ScoringRule::Deduction { allowance, .. } = r {
                *allowance = v.unwrap_or_default()
            }
        },
    },
];

fn deduction_inputs(doc: Document, id: String, rule: Memo<ScoringRule>) -> impl IntoView {
    let field = move |figure: RuleFigure| {
        let id = id.clone();
        let value = Signal::derive(move || rule.with(|r| (figure.get)(r)));
        let key = format!("indicators/{id}/rule/{}", figure.key);
        view! {
            <DecimalField label=figure.label path=key.clone() value=value compact=true unit=figure.label
                on_change=Callback::new(move |v: Option<Decimal>| edit_rule(doc, &id, EditScope::Field(&key), move |r, _| (figure.set)(r, v)))/>
        }
    };
    view! {
        <span class="jx-inline">
            {DEDUCTION_FIGURES.map(field).into_iter().collect_view()}
        </span>
    }
}

fn tier_inputs(doc: Document, id: String, rule: Memo<ScoringRule>) -> impl IntoView {
    let metrics = Memo::new(move |_| {
        doc.evaluation.with(|e| {
            MetricSource::choices(e)
                .into_iter()
                .map(|(metric, label)| {
                    let key = metric.key();
                    (metric, key, label)
                })
                .collect::<Vec<_>>()
        })
    });
    let current = Signal::derive(move || match rule.get() {
        // A typed figure keeps its value: compare by key, not by the whole source.
        ScoringRule::Tiered { metric, .. } => {
            let key = metric.key();
            metrics.with(|m| {
                m.iter()
                    .find(|(_, k, _)| *k == key)
                    .map(|(v, _, _)| v.clone())
            })
        }
        _ => None,
    });
    let value_now = move || {
        doc.evaluation.with(|e| match rule.get() {
            ScoringRule::Tiered { metric, .. } => match metric.resolve(e) {
                Ok(m) => m.describe(),
                Err(why) => why,
            },
            _ => String::new(),
        })
    };
    let is_typed = move || {
        matches!(
            rule.get(),
            ScoringRule::Tiered {
                metric: MetricSource::Typed { .. },
                ..
            }
        )
    };
    let tier_count = Memo::new(move |_| match rule.get() {
        ScoringRule::Tiered { tiers, .. } => tiers.len(),
        _ => 0,
    });
    let id_select = id.clone();
    let id_typed = id.clone();
    let id_tiers = id.clone();
    let id_add = id.clone();
    let typed_value = Signal::derive(move || match rule.get() {
        ScoringRule::Tiered {
            metric: MetricSource::Typed { value, .. },
            ..
        } => value,
        _ => None,
    });
    let typed_key = format!("indicators/{id}/rule/metric");
    view! {
        <div class="jx-tiers">
            <ChoiceSelect label="取数来源" options=metrics value=current
                on_change=Callback::new(move |chosen: Option<MetricSource>| {
                    if let Some(metric) = chosen {
                        edit_rule(doc, &id_select, EditScope::Whole, |r, _| if let ScoringRule::Tiered { metric: m, .. } = r { *m = metric });
                    }
                })/>
            <Show when=is_typed>
                <DecimalField label="指标值" path=typed_key.clone() value=typed_value compact=true allow_negative=true
                    on_change=Callback::new({
                        let id = id_typed.clone();
                        let key = typed_key.clone();
                        move |v: Option<Decimal>| edit_rule(doc, &id, EditScope::Field(&key), |r, _| {
                            if let ScoringRule::Tiered { metric: MetricSource::Typed { value, .. }, .. } = r { *value = v }
                        })
                    })/>
            </Show>
            <span class="jx-muted">" 当前："{value_now}</span>
            <table class="jx-tier-table">
                <thead><tr><th>"下限"</th><th>"含下限"</th><th>"上限"</th><th>"含上限"</th><th>"得分"</th><th></th></tr></thead>
                <tbody>
                    {move || (0..tier_count.get()).map(|t| tier_row(doc, id_tiers.clone(), rule, t)).collect_view()}
                </tbody>
            </table>
            <button type="button" class="jx-btn" on:click=move |_| edit_rule(doc, &id_add, EditScope::Whole, |r, _| {
                if let ScoringRule::Tiered { tiers, .. } = r { tiers.push(Tier::above(Decimal::ZERO, true, Decimal::ZERO)) }
            })>"+ 档次"</button>
        </div>
    }
}

/// A figure of a ladder step: how to read and write it, and its path segment.
#[derive(Clone, Copy)]
struct TierFigure {
    key: &'static str,
    label: &'static str,
    get: fn(&Tier) -> Option<Decimal>,
    set: fn(&mut Tier, Option<Decimal>),
}

const TIER_MIN: TierFigure = TierFigure {
    key: "min",
    label: "下限（空为无下限）",
    get: |t| t.min,
    set: |t, v| t.min = v,
};
const TIER_MAX: TierFigure = TierFigure {
    key: "max",
    label: "上限（空为无上限）",
    get: |t| t.max,
    set: |t, v| t.max = v,
};
const TIER_SCORE: TierFigure = TierFigure {
    key: "score",
    label: "该档得分",
    get: |t| Some(t.score),
    set: |t, v| t.score = v.unwrap_or_default(),
};

/// Whether a ladder step's bound belongs to it.
#[derive(Clone, Copy)]
struct TierInclusive {
    label: &'static str,
    get: fn(&Tier) -> bool,
    set: fn(&mut Tier, bool),
}

const MIN_INCLUSIVE: TierInclusive = TierInclusive {
    label: "含下限",
    get: |t| t.min_inclusive,
    set: |t, on| t.min_inclusive = on,
};
const MAX_INCLUSIVE: TierInclusive = TierInclusive {
    label: "含上限",
    get: |t| t.max_inclusive,
    set: |t, on| t.max_inclusive = on,
};

/// Edits step `t` of the leaf's ladder.
fn edit_tier(doc: Document, id: &str, scope: EditScope, t: usize, f: impl FnOnce(&mut Tier)) {
    edit_rule(doc, id, scope, |r, _| {
        if let ScoringRule::Tiered { tiers, .. } = r {
            if let Some(tier) = tiers.get_mut(t) {
                f(tier)
            }
        }
    });
}

fn tier_row(doc: Document, id: String, rule: Memo<ScoringRule>, t: usize) -> impl IntoView {
    let get = move || match rule.get() {
        ScoringRule::Tiered { tiers, .. } => tiers.get(t).cloned(),
        _ => None,
    };
    let id_bound = id.clone();
    let bound = move |figure: TierFigure| {
        let id = id_bound.clone();
        let value = Signal::derive(move || get().and_then(|tier| (figure.get)(&tier)));
        let key = format!("indicators/{id}/rule/tiers/{t}/{}", figure.key);
        view! {
            <td><DecimalField label=figure.label path=key.clone() value=value compact=true allow_negative=true
                on_change=Callback::new(move |v: Option<Decimal>| edit_tier(doc, &id, EditScope::Field(&key), t, move |tier| (figure.set)(tier, v)))/></td>
        }
    };
    let id_inclusive = id.clone();
    let inclusive = move |bound: TierInclusive| {
        let id = id_inclusive.clone();
        let checked = move || get().map(|tier| (bound.get)(&tier)).unwrap_or(false);
        view! {
            <td><input type="checkbox" aria-label=bound.label prop:checked=checked on:change=move |ev| {
                let on = event_target_checked(&ev);
                edit_tier(doc, &id, EditScope::Whole, t, move |tier| (bound.set)(tier, on));
            }/></td>
        }
    };
    let id_del = id.clone();
    view! {
        <tr>
            {bound(TIER_MIN)}
            {inclusive(MIN_INCLUSIVE)}
            {bound(TIER_MAX)}
            {inclusive(MAX_INCLUSIVE)}
            {bound(TIER_SCORE)}
            <td><button type="button" class="jx-icon" aria-label="删除档次" on:click=move |_| edit_rule(doc, &id_del, EditScope::Whole, |r, _| {
                if let ScoringRule::Tiered { tiers, .. } = r { if t < tiers.len() { tiers.remove(t); } }
            })>"✕"</button></td>
        </tr>
    }
}

/// A short text input bound to a leaf's text field (used in the details row).
pub fn leaf_text(id: String, field: Field<Indicator, String>) -> impl IntoView {
    let doc = expect_context::<Document>();
    let id_read = id.clone();
    let value = Signal::derive(move || with_leaf(doc, &id_read, field.get).unwrap_or_default());
    let key = format!("indicators/{id}/{}", field.key);
    view! {
        <TextField label=field.label path=key.clone() value=value on_change=Callback::new(move |v: String| {
            doc.edit_node(&id, EditScope::Field(&key), move |n| (field.set)(n, v))
        })/>
    }
}
