//! Stylesheets adopted by a document or a shadow root (constructable stylesheets). Unlike `<style>`
//! elements and style attributes, they are allowed under a strict CSP (`style-src 'self'`), and inside a
//! shadow root they never leak into the host page.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Adds `css` to the adopted stylesheets of `root` (a Document or ShadowRoot) of `window`'s realm, once per
/// `marker`. Returns false when the browser cannot (then the caller may fall back).
pub fn adopt(root: &JsValue, window: &JsValue, css: &str, marker: &str) -> bool {
    let key = JsValue::from_str(marker);
    if Reflect::get(root, &key)
        .map(|v| v.is_truthy())
        .unwrap_or(false)
    {
        return true;
    }
    let Ok(ctor) = Reflect::get(window, &JsValue::from_str("CSSStyleSheet")) else {
        return false;
    };
    let Some(ctor) = ctor.dyn_ref::<Function>() else {
        return false;
    };
    let Ok(sheet) = Reflect::construct(ctor, &Array::new()) else {
        return false;
    };
    let replace = Reflect::get(&sheet, &JsValue::from_str("replaceSync")).ok();
    let Some(replace) = replace.as_ref().and_then(|f| f.dyn_ref::<Function>()) else {
        return false;
    };
    if replace.call1(&sheet, &JsValue::from_str(css)).is_err() {
        return false;
    }
    let name = JsValue::from_str("adoptedStyleSheets");
    let Ok(current) = Reflect::get(root, &name) else {
        return false;
    };
    let sheets = Array::from(&current);
    sheets.push(&sheet);
    let ok = Reflect::set(root, &name, &sheets).unwrap_or(false);
    if ok {
        let _ = Reflect::set(root, &key, &JsValue::TRUE);
    }
    ok
}
