//! Browser tier: the workbench mounted in headless Chromium (wasm-bindgen-test + chromedriver).
#![cfg(target_arch = "wasm32")]

use jixiao::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn text_of(root: &web_sys::HtmlElement, testid: &str) -> String {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn shows_the_example_total_and_grade() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone(), App);
    leptos::task::tick().await;
    assert_eq!(text_of(&host, "total-score"), "99.5");
    assert_eq!(text_of(&host, "grade"), "优");
    let rows = host.query_selector_all("[data-testid='indicator-table'] tbody tr").unwrap();
    assert_eq!(rows.length(), 32);
}
