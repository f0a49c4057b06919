//! Entry of the portal and single-file builds: nothing mounts by itself; the page uses
//! `<jixiao-workbench>` or `JiXiao.mount(element, options)`. The JS-facing exports are defined here,
//! in the binary, because the linker drops `#[wasm_bindgen]` exports of a library linked into a binary.
//! See `src/embed/` (the mounting and the JS wrapper) and `tools/pack` (the single file).

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A mounted workbench instance.
    #[wasm_bindgen]
    pub struct Instance {
        inner: jixiao::embed::Mounted,
    }

    #[wasm_bindgen]
    impl Instance {
        /// Removes the workbench and everything it registered.
        pub fn unmount(&mut self) {
            self.inner.unmount();
        }
    }

    /// Mounts a workbench into `host`'s shadow root.
    #[wasm_bindgen]
    pub fn mount(host: web_sys::HtmlElement, options: JsValue) -> Result<Instance, JsValue> {
        jixiao::embed::mount(host, options).map(|inner| Instance { inner })
    }
}

fn main() {}
