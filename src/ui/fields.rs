//! Form fields bound to one value of the evaluation. A field never throws away what the user typed:
//! text that does not parse stays in the box with a Chinese message beside it, and the evaluation keeps
//! its last valid value. Every field carries `data-path` so a finding can point at it.

use super::state::{Derived, Document, Navigator};
use crate::core::number::{parse_decimal, NumberError};
use crate::core::Severity;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Marks from the findings at `path`: "jx-err" / "jx-warn" / "". Keyed by path, so that a change of the
/// findings elsewhere does not touch this field (there are thousands of fields).
pub fn mark_class(path: &str) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    let derived = expect_context::<Derived>();
    let path = path.to_string();
    let mark = Memo::new(move |_| match derived.mark(&path) {
        Some(Severity::Error) => "jx-err",
        Some(Severity::Warning) => "jx-warn",
        _ => "",
    });
    move || mark.get()
}

/// Whether the field at `path` is the one a finding pointed at (a memo, for the same reason).
pub fn is_focused(path: &str) -> impl Fn() -> bool + Send + Sync + Copy + 'static {
    let nav = expect_context::<Navigator>();
    let path = path.to_string();
    let focused = Memo::new(move |_| nav.is_focused(&path));
    move || focused.get()
}

/// The visible label of a field; none in a table cell, where `aria-label` names the box. Static: a
/// reactive `<Show>` here cost two reactive nodes per field, thousands in a large tree.
fn visible_label(compact: bool, label: &str) -> impl IntoView {
    (!compact).then(|| view! { <span class="jx-field-label">{label.to_string()}</span> })
}

/// Formats an optional decimal for an input box.
pub fn show_decimal(value: Option<Decimal>) -> String {
    value.map(|v| v.normalize().to_string()).unwrap_or_default()
}

/// Reads a typed decimal: empty → `None`; negative refused unless allowed.
pub fn read_decimal(text: &str, allow_negative: bool) -> Result<Option<Decimal>, String> {
    match parse_decimal(text) {
        Ok(v) if v < Decimal::ZERO && !allow_negative => {
            Err(format!("不能为负数（{}）", text.trim()))
        }
        Ok(v) => Ok(Some(v)),
        Err(NumberError::Empty) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// A decimal input that accepts "1,234.56", full-width digits and a trailing unit.
#[component]
pub fn DecimalField(
    /// Visible label (or the aria-label when `compact`).
    #[prop(into)]
    label: String,
    /// The field's path, e.g. `accounts/income_total`.
    #[prop(into)]
    path: String,
    /// The current value.
    #[prop(into)]
    value: Signal<Option<Decimal>>,
    /// Called with each valid value.
    #[prop(into)]
    on_change: Callback<Option<Decimal>>,
    /// Unit shown after the box (万元, %, 分).
    #[prop(optional, into)]
    unit: String,
    /// Whether negative values are valid.
    #[prop(optional)]
    allow_negative: bool,
    /// Table-cell layout: no visible label.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let doc = expect_context::<Document>();
    let raw = RwSignal::new(show_decimal(value.get_untracked()));
    let error = RwSignal::new(None::<String>);
    // Follow outside changes (undo, another file) unless the box already shows that value.
    Effect::new(move |_| {
        let current = value.get();
        let shown = raw.with_untracked(|r| read_decimal(r, true));
        if shown.ok() != Some(current) {
            raw.set(show_decimal(current));
            error.set(None);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        raw.set(text.clone());
        match read_decimal(&text, allow_negative) {
            Ok(v) => {
                error.set(None);
                on_change.run(v);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let mark = mark_class(&path);
    let focused = is_focused(&path);
    view! {
        <label class="jx-field" class:jx-compact=compact class:jx-flash=focused data-path=path.clone()>
            {visible_label(compact, &label)}
            <span class="jx-input-wrap">
                <input
                    type="text"
                    inputmode="decimal"
                    class=move || format!("jx-input jx-num-input {}", mark())
                    class:jx-invalid=move || error.with(Option::is_some)
                    aria-label=label
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=move || raw.get()
                    on:input=on_input
                    on:blur=move |_| doc.seal()
                />
                {(!unit.is_empty()).then(|| view! { <span class="jx-unit">{unit.clone()}</span> })}
            </span>
            <Show when=move || error.with(Option::is_some)>
                <span class="jx-field-error" role="alert" data-testid="field-error">
                    {move || error.get().unwrap_or_default()}
                </span>
            </Show>
        </label>
    }
}

/// A one-line text input.
#[component]
pub fn TextField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// The field's path.
    #[prop(into)]
    path: String,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with each change.
    #[prop(into)]
    on_change: Callback<String>,
    /// Table-cell layout: no visible label.
    #[prop(optional)]
    compact: bool,
    /// Placeholder text.
    #[prop(optional, into)]
    placeholder: String,
) -> impl IntoView {
    let doc = expect_context::<Document>();
    let mark = mark_class(&path);
    let focused = is_focused(&path);
    view! {
        <label class="jx-field" class:jx-compact=compact class:jx-flash=focused data-path=path>
            {visible_label(compact, &label)}
            <input
                type="text"
                class=move || format!("jx-input {}", mark())
                aria-label=label
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
                on:blur=move |_| doc.seal()
            />
        </label>
    }
}

/// A multi-line text area.
#[component]
pub fn TextArea(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// The field's path.
    #[prop(into)]
    path: String,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with each change.
    #[prop(into)]
    on_change: Callback<String>,
    /// Table-cell layout: no visible label.
    #[prop(optional)]
    compact: bool,
    /// Rows shown.
    #[prop(optional)]
    rows: Option<u32>,
    /// Marked as required (e.g. a reason below full marks).
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Placeholder text.
    #[prop(optional, into)]
    placeholder: String,
) -> impl IntoView {
    let doc = expect_context::<Document>();
    let mark = mark_class(&path);
    let focused = is_focused(&path);
    view! {
        <label class="jx-field jx-field-wide" class:jx-compact=compact class:jx-flash=focused data-path=path>
            {visible_label(compact, &label)}
            <textarea
                class=move || format!("jx-input jx-textarea {}", mark())
                class:jx-required=move || required.get()
                aria-label=label
                aria-required=move || if required.get() { "true" } else { "false" }
                placeholder=placeholder
                rows=rows.unwrap_or(3)
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
                on:blur=move |_| doc.seal()
            ></textarea>
        </label>
    }
}

/// A whole-number input (year, headcount); empty means "not stated".
#[component]
pub fn CountField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// The field's path.
    #[prop(into)]
    path: String,
    /// The current value.
    #[prop(into)]
    value: Signal<Option<i64>>,
    /// Called with each valid value.
    #[prop(into)]
    on_change: Callback<Option<i64>>,
    /// Unit shown after the box.
    #[prop(optional, into)]
    unit: String,
) -> impl IntoView {
    let as_decimal = Signal::derive(move || value.get().map(Decimal::from));
    let on_decimal = Callback::new(move |v: Option<Decimal>| {
        if let Some(v) = v {
            if v.fract().is_zero() {
                if let Ok(n) = i64::try_from(v) {
                    on_change.run(Some(n));
                }
            }
        } else {
            on_change.run(None);
        }
    });
    view! { <DecimalField label=label path=path value=as_decimal on_change=on_decimal unit=unit/> }
}
