//! Binding helpers: a field of the evaluation given by a getter and a setter (plain fn pointers), made
//! into a labelled input that edits through [`Workbench::edit`].

use super::fields::{CountField, DecimalField, TextArea, TextField};
use super::state::Workbench;
use crate::core::edit::EditScope;
use crate::core::Evaluation;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Reads a decimal field.
pub type GetDecimal = fn(&Evaluation) -> Option<Decimal>;
/// Writes a decimal field.
pub type SetDecimal = fn(&mut Evaluation, Option<Decimal>);
/// Reads a text field.
pub type GetText = fn(&Evaluation) -> String;
/// Writes a text field.
pub type SetText = fn(&mut Evaluation, String);

/// A labelled decimal input for one field.
pub fn decimal(
    label: &'static str,
    path: &'static str,
    unit: &'static str,
    get: GetDecimal,
    set: SetDecimal,
) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let value = Signal::derive(move || state.evaluation.with(get));
    let on_change =
        Callback::new(move |v: Option<Decimal>| state.edit(EditScope::Field(path), |e| set(e, v)));
    view! { <DecimalField label=label path=path value=value on_change=on_change unit=unit/> }
}

/// A labelled input for one of the evaluation's amounts (万元), under its form label.
pub fn amount(amount: crate::core::amounts::Amount) -> impl IntoView {
    decimal(amount.form, amount.path, "万元", amount.get, amount.set)
}

/// A labelled one-line text input for one field.
pub fn text(label: &'static str, path: &'static str, get: GetText, set: SetText) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let value = Signal::derive(move || state.evaluation.with(get));
    let on_change =
        Callback::new(move |v: String| state.edit(EditScope::Field(path), |e| set(e, v)));
    view! { <TextField label=label path=path value=value on_change=on_change/> }
}

/// A labelled text area for one field.
pub fn area(
    label: &'static str,
    path: &'static str,
    rows: u32,
    get: GetText,
    set: SetText,
) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let value = Signal::derive(move || state.evaluation.with(get));
    let on_change =
        Callback::new(move |v: String| state.edit(EditScope::Field(path), |e| set(e, v)));
    view! { <TextArea label=label path=path value=value on_change=on_change rows=rows/> }
}

/// A labelled whole-number input for one field.
pub fn count(
    label: &'static str,
    path: &'static str,
    unit: &'static str,
    get: fn(&Evaluation) -> Option<i64>,
    set: fn(&mut Evaluation, Option<i64>),
) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let value = Signal::derive(move || state.evaluation.with(get));
    let on_change =
        Callback::new(move |v: Option<i64>| state.edit(EditScope::Field(path), |e| set(e, v)));
    view! { <CountField label=label path=path value=value on_change=on_change unit=unit/> }
}

/// A labelled checkbox for one yes / no field.
pub fn check(
    label: &'static str,
    path: &'static str,
    get: fn(&Evaluation) -> bool,
    set: fn(&mut Evaluation, bool),
) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let checked = move || state.evaluation.with(get);
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_checked(&ev);
        state.edit(EditScope::Field(path), |e| set(e, value));
    };
    view! {
        <label class="jx-check" data-path=path>
            <input type="checkbox" prop:checked=checked on:change=on_change/>
            <span>{label}</span>
        </label>
    }
}
