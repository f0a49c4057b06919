//! Printing a document from a hidden iframe that holds only it and its stylesheet, so printing works
//! inside a portal page too and prints nothing of the app around it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Prints `doc` (an HTML document without stylesheet) styled by `css`, from an iframe added to `root`
/// (a previous print frame there is replaced).
pub fn print_document(root: &web_sys::Element, doc: &str, css: String) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(old)) = root.query_selector("iframe[data-testid='print-frame']") {
        old.remove();
    }
    let Ok(frame) = document.create_element("iframe") else {
        return;
    };
    let frame: web_sys::HtmlIFrameElement = frame.unchecked_into();
    let _ = frame.set_attribute("data-testid", "print-frame");
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    // Styled by class, not a style attribute: strict CSPs (style-src without unsafe-inline) forbid those.
    let _ = frame.set_attribute("class", "jx-print-frame");
    let target = frame.clone();
    let onload = Closure::once_into_js(move || {
        let (Some(window), Some(document)) = (target.content_window(), target.content_document())
        else {
            return;
        };
        // Adopted, not a <style> element: a strict CSP allows constructable stylesheets.
        super::styles::adopt(
            &document.into(),
            &window.clone().into(),
            &css,
            "__jixiaoPrintStyle",
        );
        let _ = window.print();
    });
    frame.set_onload(Some(onload.unchecked_ref()));
    frame.set_srcdoc(doc);
    let _ = root.append_child(&frame);
}
