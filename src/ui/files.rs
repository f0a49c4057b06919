//! Files out of the browser: a download of text or bytes under a name every file system takes, and the
//! evaluation saved as JSON. (Opening a file is [`super::open`].)

use super::state::Workbench;
use crate::core::{to_json, Evaluation};
use leptos::prelude::WithUntracked;
use wasm_bindgen::JsCast;

/// `text` without the characters file systems refuse (and the curly quotes some refuse too).
pub fn safe_file_text(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '“' | '”'
            ) && !c.is_control()
        })
        .collect()
}

/// A file name for the evaluation, e.g. "2024年度南京市12345政务热线服务中心绩效自评.json".
pub fn file_name(evaluation: &Evaluation) -> String {
    let unit: String = safe_file_text(&evaluation.unit.name)
        .chars()
        .take(60)
        .collect();
    format!("{}年度{}绩效自评.json", evaluation.unit.year, unit)
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    download_part(name, &wasm_bindgen::JsValue::from_str(text), mime)
}

/// Offers `bytes` as a download named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    download_part(name, &js_sys::Uint8Array::from(bytes), mime)
}

fn download_part(name: &str, part: &wasm_bindgen::JsValue, mime: &str) -> Result<(), String> {
    let fail = |_| "浏览器不允许下载文件".to_string();
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Downloads the current evaluation as JSON.
pub fn save_json(state: Workbench) {
    let Workbench {
        document: doc,
        notices,
        ..
    } = state;
    let (name, text) = doc
        .evaluation
        .with_untracked(|e| (file_name(e), to_json(e)));
    if let Err(message) = download(&name, &text, "application/json") {
        notices.tell(true, message);
    }
}
