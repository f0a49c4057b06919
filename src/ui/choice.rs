//! A `<select>` over a closed set of choices (a core enum, or a list of values built from the data):
//! the options come from the list, a change is decoded back to the value it names, and a value no
//! option has changes nothing. No component matches on option strings.

use leptos::prelude::*;

/// One option: the value, its stable key (the `<option value>`), its label.
pub type ChoiceOption<T> = (T, String, String);

/// A select bound to `value`; `none` adds a first option for "nothing chosen" (`None`). Only the
/// translation between values and keys is generic: the view is [`KeySelect`], compiled once.
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
    let keys = Signal::derive(move || {
        options.with(|o| {
            o.iter()
                .map(|(_, key, text)| (key.clone(), text.clone()))
                .collect::<Vec<_>>()
        })
    });
    let key = Signal::derive(move || {
        value.with(|v| match v {
            None => String::new(),
            Some(v) => options.with(|o| {
                o.iter()
                    .find(|(candidate, _, _)| candidate == v)
                    .map(|(_, key, _)| key.clone())
                    .unwrap_or_default()
            }),
        })
    });
    let on_key = Callback::new(move |key: String| {
        let chosen = if key.is_empty() {
            none.map(|_| None)
        } else {
            options.with_untracked(|o| {
                o.iter()
                    .find(|(_, k, _)| *k == key)
                    .map(|(v, _, _)| Some(v.clone()))
            })
        };
        if let Some(chosen) = chosen {
            on_change.run(chosen);
        }
    });
    KeySelect(KeySelectProps {
        label,
        options: keys,
        value: key,
        on_change: on_key,
        none,
        testid,
        path,
    })
}

/// The `<select>` itself, over (key, label) options.
#[component]
fn KeySelect(
    label: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
    none: Option<&'static str>,
    testid: Option<&'static str>,
    path: Option<String>,
) -> impl IntoView {
    view! {
        <select class="jx-input jx-select" aria-label=label data-testid=testid data-path=path
            prop:value=move || value.get()
            on:change=move |ev| on_change.run(event_target_value(&ev))>
            {none.map(|text| view! { <option value="">{text}</option> })}
            {move || options.get().into_iter().map(|(key, text)| view! { <option value=key>{text}</option> }).collect_view()}
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
