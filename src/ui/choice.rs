//! A `<select>` over a closed set of choices (a core enum, or a list of values built from the data):
//! the options come from the list, a change is decoded back to the value it names, and a value no
//! option has changes nothing. No component matches on option strings.

use leptos::prelude::*;
use std::sync::Arc;

/// One option: the value, its stable key (the `<option value>`), its label.
pub type ChoiceOption<T> = (T, String, String);

/// A select bound to `value`; `none` adds a first option for "nothing chosen" (`None`).
#[component]
pub fn ChoiceSelect<T>(
    /// The accessible name.
    label: &'static str,
    /// The options, in order.
    #[prop(into)]
    options: Signal<Vec<ChoiceOption<T>>>,
    /// The current value.
    #[prop(into)]
    value: Signal<Option<T>>,
    /// Called with the chosen value.
    on_change: Callback<Option<T>>,
    /// Label of the "nothing chosen" option, when there is one.
    #[prop(optional)]
    none: Option<&'static str>,
    /// `data-testid` hook.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// `data-path` hook (for findings that point at this field).
    #[prop(optional)]
    path: Option<String>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let key_of = move |v: &Option<T>| -> String {
        match v {
            None => String::new(),
            Some(v) => options.with(|o| {
                o.iter()
                    .find(|(candidate, _, _)| candidate == v)
                    .map(|(_, key, _)| key.clone())
                    .unwrap_or_default()
            }),
        }
    };
    let decode = Arc::new(move |key: String| -> Option<Option<T>> {
        if key.is_empty() {
            return none.map(|_| None);
        }
        options.with_untracked(|o| {
            o.iter()
                .find(|(_, k, _)| *k == key)
                .map(|(v, _, _)| Some(v.clone()))
        })
    });
    view! {
        <select class="jx-input jx-select" aria-label=label data-testid=testid data-path=path
            prop:value=move || value.with(key_of)
            on:change=move |ev| {
                if let Some(chosen) = decode(event_target_value(&ev)) {
                    on_change.run(chosen);
                }
            }>
            {none.map(|text| view! { <option value="">{text}</option> })}
            {move || options.get().into_iter().map(|(_, key, text)| view! { <option value=key>{text}</option> }).collect_view()}
        </select>
    }
}

/// Options of a core enum from its list, key and label.
pub fn options_of<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> Vec<ChoiceOption<T>> {
    all.iter()
        .map(|v| (*v, key(*v).to_string(), label(*v)))
        .collect()
}
