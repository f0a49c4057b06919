//! Browser tier: the workbench's components in headless Chromium (wasm-bindgen-test + chromedriver).
#![cfg(target_arch = "wasm32")]

use jixiao::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a workbench with its own autosave key into a fresh element.
fn mount(key: &str) -> web_sys::HtmlElement {
    let window = web_sys::window().unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.remove_item(&format!("jixiao:{key}"));
    }
    let document = window.document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let key = key.to_string();
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <App storage_key=key/> });
    std::mem::forget(handle);
    host
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .unchecked_into()
}

fn text(root: &web_sys::HtmlElement, testid: &str) -> String {
    find(root, &format!("[data-testid='{testid}']"))
        .text_content()
        .unwrap_or_default()
}

/// Lets the reactive system run its effects (they are scheduled, not synchronous).
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

fn type_into(input: &web_sys::HtmlElement, value: &str) {
    let input: web_sys::HtmlInputElement = input.clone().unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn shows_the_example_total_grade_and_every_row() {
    let root = mount("web-example");
    settle().await;
    assert_eq!(text(&root, "total-score"), "99.5");
    assert_eq!(text(&root, "grade"), "优");
    assert_eq!(root.query_selector_all("tr.jx-leaf").unwrap().length(), 32);
    // 32 leaves + 5 一级 + 15 二级 in the tree (the 加减分项 group is edited below it).
    assert_eq!(
        root.query_selector_all("[data-testid='indicator-row']")
            .unwrap()
            .length(),
        52
    );
}

#[wasm_bindgen_test]
async fn typing_a_score_updates_total_and_undo_restores_it() {
    let root = mount("web-edit");
    settle().await;
    let score = find(&root, "[data-path='indicators/2.6.2/score'] input");
    type_into(&score, "1");
    settle().await;
    assert_eq!(text(&root, "total-score"), "100");
    find(&root, "[data-testid='undo']").click();
    settle().await;
    assert_eq!(text(&root, "total-score"), "99.5");
    let input: web_sys::HtmlInputElement = score.unchecked_into();
    assert_eq!(input.value(), "0.5");
    find(&root, "[data-testid='redo']").click();
    settle().await;
    assert_eq!(text(&root, "total-score"), "100");
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_number_stays_and_changes_nothing() {
    let root = mount("web-bad-number");
    settle().await;
    let score = find(&root, "[data-path='indicators/2.6.2/score'] input");
    type_into(&score, "零点五");
    settle().await;
    assert!(text(&root, "field-error").contains("不是有效数字"));
    assert_eq!(text(&root, "total-score"), "99.5");
    let input: web_sys::HtmlInputElement = score.clone().unchecked_into();
    assert_eq!(input.value(), "零点五", "what the user typed is kept");
    type_into(&score, "０．５分");
    settle().await;
    assert!(root
        .query_selector("[data-testid='field-error']")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn tabs_switch_without_touching_history() {
    let root = mount("web-tabs");
    settle().await;
    let before = web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .length()
        .unwrap();
    find(&root, "[data-testid='tab-accounts']").click();
    settle().await;
    assert!(root
        .query_selector("[data-testid='accounts-form']")
        .unwrap()
        .is_some());
    assert!(text(&root, "reconciliations").contains("3086.64 + 3.01"));
    find(&root, "[data-testid='tab-findings']").click();
    settle().await;
    assert_eq!(
        root.query_selector_all("[data-testid='finding']")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .length()
            .unwrap(),
        before
    );
}

#[wasm_bindgen_test]
async fn adding_and_removing_a_row() {
    let root = mount("web-rows");
    settle().await;
    let rows = || {
        root.query_selector_all("[data-testid='indicator-row']")
            .unwrap()
            .length()
    };
    let before = rows();
    find(
        &root,
        "[data-path='indicators/1.1'] [data-testid='add-child']",
    )
    .click();
    settle().await;
    assert_eq!(rows(), before + 1);
    assert!(
        text(&root, "findings-count").contains("警告 4"),
        "{}",
        text(&root, "findings-count")
    );
    find(
        &root,
        "[data-testid='indicator-row'][data-name='新指标'] [data-testid='remove']",
    )
    .click();
    settle().await;
    assert_eq!(rows(), before);
}

#[wasm_bindgen_test]
async fn the_crash_message_offers_the_last_good_state() {
    let root = mount("web-crash");
    settle().await;
    let score = find(&root, "[data-path='indicators/2.6.2/score'] input");
    type_into(&score, "1");
    settle().await;
    // Autosave (and with it the last good state) runs after its debounce.
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 600);
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    jixiao::ui::show_crash_message();
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document
        .get_element_by_id("jixiao-crash")
        .expect("crash message shown");
    assert!(panel
        .text_content()
        .unwrap_or_default()
        .contains("内部错误"));
    let link: web_sys::HtmlAnchorElement =
        panel.query_selector("a").unwrap().unwrap().unchecked_into();
    assert_eq!(link.download(), "绩效自评-恢复.json");
    let json = js_sys::decode_uri_component(
        &link
            .href()
            .replace("data:application/json;charset=utf-8,", ""),
    )
    .unwrap()
    .as_string()
    .unwrap();
    let saved = jixiao::core::from_json(&json).expect("the offered file opens");
    assert_eq!(
        saved.indicator("2.6.2").unwrap().score.unwrap().to_string(),
        "1"
    );
}
