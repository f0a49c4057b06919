//! Choosing a leaf's scoring rule and filling its inputs (评分规则).

use super::fields::{DecimalField, TextField};
use super::state::Workbench;
use crate::core::metric::MetricSource;
use crate::core::rule::{
    Comparison, Condition, QualitativeLevel, ReverseFormula, ScoringRule, Tier,
};
use crate::core::Indicator;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The rule kinds offered, with their labels.
const KINDS: [(&str, &str); 7] = [
    ("manual", "人工评判"),
    ("binary", "达标得分"),
    ("tiered", "分档计分"),
    ("proportional", "比例计分"),
    ("deduction", "扣分制"),
    ("qualitative", "定性分档"),
    ("execution_rate", "执行率计分"),
];

fn kind_of(rule: &ScoringRule) -> &'static str {
    match rule {
        ScoringRule::Manual { .. } => "manual",
        ScoringRule::Binary { .. } => "binary",
        ScoringRule::Tiered { .. } => "tiered",
        ScoringRule::Proportional { .. } => "proportional",
        ScoringRule::Deduction { .. } => "deduction",
        ScoringRule::Qualitative { .. } => "qualitative",
        ScoringRule::ExecutionRate => "execution_rate",
    }
}

/// A fresh rule of a kind, sensible for a leaf of `points`.
fn fresh(kind: &str, points: Decimal) -> ScoringRule {
    match kind {
        "binary" => ScoringRule::Binary {
            met: None,
            when: None,
            otherwise: Decimal::ZERO,
        },
        "tiered" => ScoringRule::Tiered {
            metric: MetricSource::BudgetExecutionRate,
            tiers: vec![
                Tier::above(Decimal::from(90), false, points),
                Tier::between(Decimal::ZERO, true, Decimal::from(90), true, Decimal::ZERO),
            ],
        },
        "proportional" => ScoringRule::Proportional {
            reverse: ReverseFormula::Linear,
        },
        "deduction" => ScoringRule::Deduction {
            per: Decimal::ONE,
            count: None,
            allowance: Decimal::ZERO,
        },
        "qualitative" => ScoringRule::Qualitative { level: None },
        "execution_rate" => ScoringRule::ExecutionRate,
        _ => ScoringRule::Manual { step: None },
    }
}

/// Reads the leaf at `id`.
fn with_leaf<T>(state: Workbench, id: &str, f: impl FnOnce(&Indicator) -> T) -> Option<T> {
    state.with_node(id, f)
}

/// Edits the rule of the leaf at `id`.
fn edit_rule(
    state: Workbench,
    id: &str,
    key: &str,
    f: impl FnOnce(&mut ScoringRule, &mut Indicator),
) {
    state.edit_node(id, key, move |node| {
        let mut rule = std::mem::take(&mut node.rule);
        f(&mut rule, node);
        node.rule = rule;
    });
}

/// The rule kind selector.
#[component]
pub fn RuleSelect(id: String) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let id_read = id.clone();
    let kind =
        Memo::new(move |_| with_leaf(state, &id_read, |n| kind_of(&n.rule)).unwrap_or("manual"));
    let path = format!("indicators/{id}/rule");
    view! {
        <select
            class="jx-input jx-select"
            aria-label="评分规则"
            data-testid="rule-select"
            data-path=path
            prop:value=move || kind.get()
            on:change=move |ev| {
                let chosen = event_target_value(&ev);
                edit_rule(state, &id, "", |rule, node| *rule = fresh(&chosen, node.points));
            }
        >
            {KINDS.iter().map(|(value, label)| view! { <option value=*value>{*label}</option> }).collect_view()}
        </select>
    }
}

/// The inputs of the leaf's rule (compact, in the row).
#[component]
pub fn RuleInputs(id: String) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let id_read = id.clone();
    let rule =
        Memo::new(move |_| with_leaf(state, &id_read, |n| n.rule.clone()).unwrap_or_default());
    let kind = Memo::new(move |_| kind_of(&rule.get()));
    move || {
        let id = id.clone();
        match kind.get() {
            "binary" => binary_inputs(state, id, rule).into_any(),
            "manual" => {
                let value = Signal::derive(move || match rule.get() {
                    ScoringRule::Manual { step } => step,
                    _ => None,
                });
                let key = format!("indicators/{id}/rule/step");
                view! {
                    <DecimalField label="评分步长" path=key.clone() value=value compact=true unit="分步长"
                        on_change=Callback::new(move |v: Option<Decimal>| edit_rule(state, &id, &key, |r, _| {
                            if let ScoringRule::Manual { step } = r { *step = v }
                        }))/>
                }
                .into_any()
            }
            "qualitative" => {
                let level = move || match rule.get() {
                    ScoringRule::Qualitative {
                        level: Some(QualitativeLevel::Achieved),
                    } => "achieved",
                    ScoringRule::Qualitative {
                        level: Some(QualitativeLevel::Partial),
                    } => "partial",
                    ScoringRule::Qualitative {
                        level: Some(QualitativeLevel::NotAchieved),
                    } => "not_achieved",
                    _ => "",
                };
                view! {
                    <select class="jx-input jx-select" aria-label="定性等级" prop:value=level on:change=move |ev| {
                        let chosen = match event_target_value(&ev).as_str() {
                            "achieved" => Some(QualitativeLevel::Achieved),
                            "partial" => Some(QualitativeLevel::Partial),
                            "not_achieved" => Some(QualitativeLevel::NotAchieved),
                            _ => None,
                        };
                        edit_rule(state, &id, "", |r, _| *r = ScoringRule::Qualitative { level: chosen });
                    }>
                        <option value="">"未评判"</option>
                        <option value="achieved">"达成（80–100%）"</option>
                        <option value="partial">"部分达成（60–80%）"</option>
                        <option value="not_achieved">"未达成（0–60%）"</option>
                    </select>
                }
                .into_any()
            }
            "deduction" => deduction_inputs(state, id, rule).into_any(),
            "proportional" => {
                let reverse = move || match rule.get() {
                    ScoringRule::Proportional {
                        reverse: ReverseFormula::Ratio,
                    } => "ratio",
                    _ => "linear",
                };
                view! {
                    <select class="jx-input jx-select" aria-label="反向超标公式" prop:value=reverse on:change=move |ev| {
                        let ratio = event_target_value(&ev) == "ratio";
                        edit_rule(state, &id, "", |r, _| *r = ScoringRule::Proportional {
                            reverse: if ratio { ReverseFormula::Ratio } else { ReverseFormula::Linear }
                        });
                    }>
                        <option value="linear">"反向超标：1 − 超出比例"</option>
                        <option value="ratio">"反向超标：目标 / 实际"</option>
                    </select>
                }
                .into_any()
            }
            "tiered" => tier_inputs(state, id, rule).into_any(),
            _ => view! { <span class="jx-muted">"按预算执行率自动计分"</span> }.into_any(),
        }
    }
}

fn binary_inputs(state: Workbench, id: String, rule: Memo<ScoringRule>) -> impl IntoView {
    let has_condition = move || matches!(rule.get(), ScoringRule::Binary { when: Some(_), .. });
    let met = move || match rule.get() {
        ScoringRule::Binary {
            met: Some(true), ..
        } => "yes",
        ScoringRule::Binary {
            met: Some(false), ..
        } => "no",
        _ => "",
    };
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
        state.evaluation.with(|e| match rule.get() {
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
                view! {
                    <select class="jx-input jx-select" aria-label="是否达标" data-testid="binary-met" prop:value=met on:change=move |ev| {
                        let chosen = match event_target_value(&ev).as_str() { "yes" => Some(true), "no" => Some(false), _ => None };
                        edit_rule(state, &id, "", |r, _| if let ScoringRule::Binary { met, .. } = r { *met = chosen });
                    }>
                        <option value="">"未评判"</option>
                        <option value="yes">"达标"</option>
                        <option value="no">"未达标"</option>
                    </select>
                }
            }
        >
            <span class="jx-condition">{metric_name}" "{op}" "</span>
            <DecimalField label="达标阈值" path=key.clone() value=threshold compact=true allow_negative=true
                on_change=Callback::new({
                    let id = id3.clone();
                    let key = key.clone();
                    move |v: Option<Decimal>| edit_rule(state, &id, &key, |r, _| {
                        if let (ScoringRule::Binary { when: Some(Condition { value, .. }), .. }, Some(v)) = (r, v) { *value = v }
                    })
                })/>
        </Show>
        <label class="jx-check">
            <input type="checkbox" prop:checked=has_condition on:change={
                let id = id.clone();
                move |ev| {
                    let on = event_target_checked(&ev);
                    edit_rule(state, &id, "", |r, _| if let ScoringRule::Binary { when, .. } = r {
                        *when = on.then(|| Condition {
                            metric: MetricSource::Typed { name: "指标值".into(), unit: "%".into(), value: None },
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

fn deduction_inputs(state: Workbench, id: String, rule: Memo<ScoringRule>) -> impl IntoView {
    let field = move |label: &'static str, which: &'static str| {
        let id = id.clone();
        let value = Signal::derive(move || match rule.get() {
            ScoringRule::Deduction {
                per,
                count,
                allowance,
            } => match which {
                "per" => Some(per),
                "count" => count,
                _ => Some(allowance),
            },
            _ => None,
        });
        let key = format!("indicators/{id}/rule/{which}");
        view! {
            <DecimalField label=label path=key.clone() value=value compact=true unit=label
                on_change=Callback::new(move |v: Option<Decimal>| edit_rule(state, &id, &key, |r, _| {
                    if let ScoringRule::Deduction { per, count, allowance } = r {
                        match which {
                            "per" => *per = v.unwrap_or_default(),
                            "count" => *count = v,
                            _ => *allowance = v.unwrap_or_default(),
                        }
                    }
                }))/>
        }
    };
    view! {
        <span class="jx-inline">
            {field("每次扣分", "per")}
            {field("发生次数", "count")}
            {field("免扣次数", "allowance")}
        </span>
    }
}

fn metric_key(metric: &MetricSource) -> String {
    match metric {
        MetricSource::BudgetExecutionRate => "budget_execution_rate".into(),
        MetricSource::SpecialFundsExecutionRate => "special_funds_execution_rate".into(),
        MetricSource::ThreePublicControlRate => "three_public_control_rate".into(),
        MetricSource::ProjectExecutionRate => "project_execution_rate".into(),
        MetricSource::Business { key } => format!("business:{key}"),
        MetricSource::BusinessGrowth { key } => format!("growth:{key}"),
        MetricSource::Typed { .. } => "typed".into(),
    }
}

fn metric_from_key(key: &str) -> MetricSource {
    match key {
        "budget_execution_rate" => MetricSource::BudgetExecutionRate,
        "special_funds_execution_rate" => MetricSource::SpecialFundsExecutionRate,
        "three_public_control_rate" => MetricSource::ThreePublicControlRate,
        "project_execution_rate" => MetricSource::ProjectExecutionRate,
        k if k.starts_with("business:") => MetricSource::Business {
            key: k["business:".len()..].to_string(),
        },
        k if k.starts_with("growth:") => MetricSource::BusinessGrowth {
            key: k["growth:".len()..].to_string(),
        },
        _ => MetricSource::Typed {
            name: "指标值".into(),
            unit: "%".into(),
            value: None,
        },
    }
}

fn tier_inputs(state: Workbench, id: String, rule: Memo<ScoringRule>) -> impl IntoView {
    let metrics = Memo::new(move |_| {
        state.evaluation.with(|e| {
            let mut options = vec![
                (
                    "budget_execution_rate".to_string(),
                    "预算执行率".to_string(),
                ),
                (
                    "special_funds_execution_rate".to_string(),
                    "专项资金执行率".to_string(),
                ),
                (
                    "three_public_control_rate".to_string(),
                    "“三公”经费控制率".to_string(),
                ),
                (
                    "project_execution_rate".to_string(),
                    "项目预算执行率".to_string(),
                ),
            ];
            for m in &e.metrics {
                options.push((
                    format!("business:{}", m.key),
                    format!("业务指标：{}", m.name),
                ));
                options.push((
                    format!("growth:{}", m.key),
                    format!("业务指标同比增长：{}", m.name),
                ));
            }
            options.push(("typed".to_string(), "直接填写".to_string()));
            options
        })
    });
    let current = move || match rule.get() {
        ScoringRule::Tiered { metric, .. } => metric_key(&metric),
        _ => String::new(),
    };
    let value_now = move || {
        state.evaluation.with(|e| match rule.get() {
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
            <select class="jx-input jx-select" aria-label="取数来源" prop:value=current on:change=move |ev| {
                let metric = metric_from_key(&event_target_value(&ev));
                edit_rule(state, &id_select, "", |r, _| if let ScoringRule::Tiered { metric: m, .. } = r { *m = metric });
            }>
                {move || metrics.get().into_iter().map(|(k, label)| view! { <option value=k>{label}</option> }).collect_view()}
            </select>
            <Show when=is_typed>
                <DecimalField label="指标值" path=typed_key.clone() value=typed_value compact=true allow_negative=true
                    on_change=Callback::new({
                        let id = id_typed.clone();
                        let key = typed_key.clone();
                        move |v: Option<Decimal>| edit_rule(state, &id, &key, |r, _| {
                            if let ScoringRule::Tiered { metric: MetricSource::Typed { value, .. }, .. } = r { *value = v }
                        })
                    })/>
            </Show>
            <span class="jx-muted">" 当前："{value_now}</span>
            <table class="jx-tier-table">
                <thead><tr><th>"下限"</th><th>"含下限"</th><th>"上限"</th><th>"含上限"</th><th>"得分"</th><th></th></tr></thead>
                <tbody>
                    {move || (0..tier_count.get()).map(|t| tier_row(state, id_tiers.clone(), rule, t)).collect_view()}
                </tbody>
            </table>
            <button type="button" class="jx-btn" on:click=move |_| edit_rule(state, &id_add, "", |r, _| {
                if let ScoringRule::Tiered { tiers, .. } = r { tiers.push(Tier::above(Decimal::ZERO, true, Decimal::ZERO)) }
            })>"+ 档次"</button>
        </div>
    }
}

fn tier_row(state: Workbench, id: String, rule: Memo<ScoringRule>, t: usize) -> impl IntoView {
    let get = move || match rule.get() {
        ScoringRule::Tiered { tiers, .. } => tiers.get(t).cloned(),
        _ => None,
    };
    let id_bound = id.clone();
    let bound = move |which: &'static str, label: &'static str| {
        let id = id_bound.clone();
        let value = Signal::derive(move || {
            get().and_then(|tier| if which == "min" { tier.min } else { tier.max })
        });
        let key = format!("indicators/{id}/rule/tiers/{t}/{which}");
        view! {
            <td><DecimalField label=label path=key.clone() value=value compact=true allow_negative=true
                on_change=Callback::new(move |v: Option<Decimal>| edit_rule(state, &id, &key, |r, _| {
                    if let ScoringRule::Tiered { tiers, .. } = r {
                        if let Some(tier) = tiers.get_mut(t) {
                            match which { "min" => tier.min = v, "max" => tier.max = v, _ => tier.score = v.unwrap_or_default() }
                        }
                    }
                }))/></td>
        }
    };
    let id_inclusive = id.clone();
    let inclusive = move |which: &'static str, label: &'static str| {
        let id = id_inclusive.clone();
        let checked = move || {
            get()
                .map(|tier| {
                    if which == "min" {
                        tier.min_inclusive
                    } else {
                        tier.max_inclusive
                    }
                })
                .unwrap_or(false)
        };
        view! {
            <td><input type="checkbox" aria-label=label prop:checked=checked on:change=move |ev| {
                let on = event_target_checked(&ev);
                edit_rule(state, &id, "", |r, _| if let ScoringRule::Tiered { tiers, .. } = r {
                    if let Some(tier) = tiers.get_mut(t) {
                        if which == "min" { tier.min_inclusive = on } else { tier.max_inclusive = on }
                    }
                });
            }/></td>
        }
    };
    let id_del = id.clone();
    view! {
        <tr>
            {bound("min", "下限（空为无下限）")}
            {inclusive("min", "含下限")}
            {bound("max", "上限（空为无上限）")}
            {inclusive("max", "含上限")}
            {bound("score", "该档得分")}
            <td><button type="button" class="jx-icon" aria-label="删除档次" on:click=move |_| edit_rule(state, &id_del, "", |r, _| {
                if let ScoringRule::Tiered { tiers, .. } = r { if t < tiers.len() { tiers.remove(t); } }
            })>"✕"</button></td>
        </tr>
    }
}

/// A short text input bound to a leaf's text field (used in the details row).
pub fn leaf_text(id: String, label: &'static str, field: &'static str) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let id_read = id.clone();
    let value = Signal::derive(move || {
        with_leaf(state, &id_read, |n| match field {
            "unit" => n.unit.clone(),
            "target_text" => n.target_text.clone(),
            _ => n.actual_text.clone(),
        })
        .unwrap_or_default()
    });
    let key = format!("indicators/{id}/{field}");
    view! {
        <TextField label=label path=key.clone() value=value on_change=Callback::new(move |v: String| {
            state.edit_node(&id, &key, move |n| {
                match field { "unit" => n.unit = v, "target_text" => n.target_text = v, _ => n.actual_text = v }
            })
        })/>
    }
}
