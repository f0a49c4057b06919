//! Binding helpers: a [`Field`] of the evaluation made into a labelled input that edits through
//! [`Document::edit`], under the field's own label and path.

use super::fields::{CountField, DecimalField, TextArea, TextField};
use super::state::Document;
use crate::core::edit::EditScope;
use crate::core::field::Field;
use crate::core::Evaluation;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A labelled decimal input for one field.
pub fn decimal(field: Field<Evaluation, Option<Decimal>>, unit: &'static str) -> impl IntoView {
    let doc = expect_context::<Document>();
    let value = Signal::derive(move || doc.evaluation.with(field.get));
    let on_change = Callback::new(move |v: Option<Decimal>| {
        doc.edit(EditScope::Field(field.key), |e| (field.set)(e, v))
    });
    view! { <DecimalField label=field.label path=field.key value=value on_change=on_change unit=unit/> }
}

/// A labelled input for one of the evaluation's amounts (万元), under its form label.
pub fn amount(amount: crate::core::amounts::Amount) -> impl IntoView {
    decimal(
        Field {
            label: amount.form,
            ..amount.field
        },
        "万元",
    )
}

/// A labelled one-line text input for one field.
pub fn text(field: Field<Evaluation, String>) -> impl IntoView {
    let doc = expect_context::<Document>();
    let value = Signal::derive(move || doc.evaluation.with(field.get));
    let on_change = Callback::new(move |v: String| {
        doc.edit(EditScope::Field(field.key), |e| (field.set)(e, v))
    });
    view! { <TextField label=field.label path=field.key value=value on_change=on_change/> }
}

/// A labelled text area for one field.
pub fn area(field: Field<Evaluation, String>, rows: u32) -> impl IntoView {
    let doc = expect_context::<Document>();
    let value = Signal::derive(move || doc.evaluation.with(field.get));
    let on_change = Callback::new(move |v: String| {
        doc.edit(EditScope::Field(field.key), |e| (field.set)(e, v))
    });
    view! { <TextArea label=field.label path=field.key value=value on_change=on_change rows=rows/> }
}

/// A labelled whole-number input for one field.
pub fn count(field: Field<Evaluation, Option<i64>>, unit: &'static str) -> impl IntoView {
    let doc = expect_context::<Document>();
    let value = Signal::derive(move || doc.evaluation.with(field.get));
    let on_change = Callback::new(move |v: Option<i64>| {
        doc.edit(EditScope::Field(field.key), |e| (field.set)(e, v))
    });
    view! { <CountField label=field.label path=field.key value=value on_change=on_change unit=unit/> }
}

/// A labelled checkbox for one yes / no field.
pub fn check(field: Field<Evaluation, bool>) -> impl IntoView {
    let doc = expect_context::<Document>();
    let checked = move || doc.evaluation.with(field.get);
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_checked(&ev);
        doc.edit(EditScope::Field(field.key), |e| (field.set)(e, value));
    };
    view! {
        <label class="jx-check" data-path=field.key>
            <input type="checkbox" prop:checked=checked on:change=on_change/>
            <span>{field.label}</span>
        </label>
    }
}
