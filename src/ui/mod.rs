//! The browser workbench (Leptos CSR): a thin layer over [`crate::core`]. Components only forward
//! events to the state ([`Workbench`]) and render derived values; one concern per file.

mod accounts_form;
mod adjustments;
pub(crate) mod app;
mod bind;
mod charts;
mod choice;
mod compare_tab;
mod evidence_store;
mod evidence_tab;
pub mod export_module;
mod fields;
mod files;
mod findings;
mod header;
mod import_panel;
mod indicator_table;
mod inferred_rule;
mod lazy;
mod library_panel;
mod metrics_form;
mod open;
mod print;
mod profile_form;
mod report_tab;
mod review;
mod rule_editor;
mod stage_bar;
mod state;
mod storage;
pub(crate) mod styles;
mod tabs;
mod tasks_form;
mod timing;
mod toolbar;
mod unit_form;
mod what_if;
mod workbench;

pub use app::App;
pub use state::{Tab, Workbench};

use wasm_bindgen::JsCast;

/// Mounts the workbench into `<body>` (the standalone page); `?mode=review` opens the reviewer's desk.
pub fn mount_to_body() {
    install_panic_hook();
    let mode = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get("mode"));
    leptos::mount::mount_to_body(move || leptos::view! { <App mode=mode/> });
}

/// On a panic (a bug), show a recoverable Chinese message with the last good state to save,
/// instead of a dead page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_message();
    }));
}

/// The crash message the panic hook shows: what happened, and the last good state to download.
pub fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("jixiao-crash").is_some() {
        return;
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("jixiao-crash");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute(
        "style",
        "position:fixed;inset:20% 20% auto 20%;z-index:2147483647;background:#fff;border:3px solid #b42318;\
         padding:20px;font:16px/1.6 sans-serif;color:#1f2933;box-shadow:0 8px 30px rgba(0,0,0,.3)",
    );
    let json = storage::last_good_json();
    let href = format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(&json)
    );
    let text = document.create_element("p").ok();
    if let Some(p) = &text {
        p.set_text_content(Some(
            "很抱歉，程序遇到内部错误，已停止运行。您最近一次自动保存的工作仍在，可先下载保存，再刷新页面继续。",
        ));
        let _ = panel.append_child(p);
    }
    if let Ok(link) = document.create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&href);
        link.set_download("绩效自评-恢复.json");
        link.set_text_content(Some("保存我的工作（JSON）"));
        let _ = panel.append_child(&link);
    }
    let _ = body.append_child(&panel);
}
