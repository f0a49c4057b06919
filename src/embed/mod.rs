//! Embedding in a portal page (嵌入): `JiXiao.mount(element, options)` and the `<jixiao-workbench>` custom
//! element (defined by the JS wrapper that `jixiao-pack` writes) call [`mount`]. Each instance lives in a
//! shadow root of its host element with its own adopted stylesheet, its own state and autosave key, and
//! reports to the host by DOM events that bubble and cross the shadow boundary: `jixiao:ready`,
//! `jixiao:change` (detail: total, grade, errors), `jixiao:error` (detail: message).

use crate::core::{from_json, Severity};
use crate::report::html;
use crate::ui::styles::adopt;
use crate::ui::App;
use crate::ui::Workbench;
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The workbench's stylesheet, with a reset at the shadow boundary so inherited host styles stop there.
const CSS: &str = concat!(
    ":host { all: initial; display: block; contain: content; }\n",
    include_str!("../../style/main.css")
);

/// Options of one instance (data-* attributes of the element, or the object given to `JiXiao.mount`).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct MountOptions {
    /// Built-in template opened when nothing is saved.
    pub template: Option<String>,
    /// Autosave key; default derived from the element id.
    pub storage_key: Option<String>,
    /// URL of an evaluation JSON to open.
    pub src: Option<String>,
    /// View and print only.
    pub readonly: bool,
    /// `review` opens the reviewer's desk (复核台) first.
    pub mode: Option<String>,
}

/// A mounted instance; `unmount()` removes it and everything it registered. (The JS-facing class is
/// defined in `src/bin/jixiao-embed.rs`: exports must live in the binary, or the linker drops them.)
pub struct Mounted {
    handle: Option<Box<dyn std::any::Any>>,
    host: web_sys::HtmlElement,
}

impl Mounted {
    /// Unmounts the workbench: its view, reactive state and listeners are dropped.
    pub fn unmount(&mut self) {
        self.handle.take();
        if let Some(shadow) = self.host.shadow_root() {
            shadow.set_inner_html("");
        }
    }
}

fn emit(host: &web_sys::HtmlElement, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn detail(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// Mounts a workbench into `host`'s shadow root. `options` is a plain object (see [`MountOptions`]).
pub fn mount(host: web_sys::HtmlElement, options: JsValue) -> Result<Mounted, JsValue> {
    crate::ui::install_panic_hook();
    let options: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        // `modules` (set by jixiao.js / the single file: where the file modules are) is a function,
        // which is no data: taken out before the rest is read.
        let key = JsValue::from_str("modules");
        let options = js_sys::Object::assign(&js_sys::Object::new(), &options.unchecked_into());
        crate::ui::export_module::set_source(js_sys::Reflect::get(&options, &key)?);
        js_sys::Reflect::delete_property(&options, &key)?;
        serde_wasm_bindgen::from_value(options.into())
            .map_err(|e| JsValue::from_str(&format!("jixiao: bad options: {e}")))?
    };
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    let window: JsValue = web_sys::window()
        .map(Into::into)
        .unwrap_or(JsValue::UNDEFINED);
    adopt(&shadow.clone().into(), &window, CSS, "__jixiaoStyle");
    adopt(
        &shadow.clone().into(),
        &window,
        html::STYLE,
        "__jixiaoReportStyle",
    );
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let container: web_sys::HtmlElement = document.create_element("div")?.unchecked_into();
    shadow.append_child(&container)?;

    let key = options
        .storage_key
        .clone()
        .unwrap_or_else(|| match host.id() {
            id if id.is_empty() => "embedded".to_string(),
            id => format!("embedded-{id}"),
        });
    let template = options
        .template
        .clone()
        .unwrap_or_else(|| "nanjing-2024".into());
    let readonly = options.readonly;
    let mode = options.mode.clone();
    let src = options.src.clone();
    let events_host = host.clone();
    let handle = leptos::mount::mount_to(container, move || {
        let state = Workbench::new(&key, &template);
        let host = events_host.clone();
        Effect::new(move |_| {
            let (total, grade, errors) = state.derived.assessment.with(|a| {
                (
                    a.total.normalize().to_string(),
                    a.grade.clone(),
                    a.count(Severity::Error),
                )
            });
            emit(
                &host,
                "jixiao:change",
                &detail(&[
                    ("total", JsValue::from_str(&total)),
                    ("grade", JsValue::from_str(&grade)),
                    ("errors", JsValue::from_f64(errors as f64)),
                ]),
            );
        });
        let host = events_host.clone();
        Effect::new(move |_| {
            if let Some(notice) = state.notices.notice.get().filter(|n| n.error) {
                emit(
                    &host,
                    "jixiao:error",
                    &detail(&[("message", JsValue::from_str(&notice.text))]),
                );
            }
        });
        if let Some(url) = src.clone() {
            let host = events_host.clone();
            leptos::task::spawn_local(async move {
                match fetch_text(&url).await {
                    Ok(text) => match from_json(&text) {
                        Ok(evaluation) => state.document.load(evaluation),
                        Err(e) => state.notices.tell(true, format!("无法打开 {url}：{e}")),
                    },
                    Err(e) => {
                        state.notices.tell(true, format!("无法下载 {url}：{e}"));
                        emit(
                            &host,
                            "jixiao:error",
                            &detail(&[("message", JsValue::from_str(&e))]),
                        );
                    }
                }
            });
        }
        view! { <App state=state readonly=readonly storage_key=key.clone() mode=mode.clone()/> }
    });
    emit(&host, "jixiao:ready", &detail(&[]));
    Ok(Mounted {
        handle: Some(Box::new(handle)),
        host,
    })
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "网络错误".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "不是 HTTP 响应".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "无法读取响应".to_string())?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "无法读取响应".into())
}
