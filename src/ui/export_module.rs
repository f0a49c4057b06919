//! The file modules (文件模块), loaded on first use: the Word / Excel module (`jixiao_export.wasm`) and the
//! document reader (`jixiao_read.wasm`), see [`crate::export::module`]. The workbench starts without
//! docx-rs, rust_xlsxwriter, calamine, lopdf and zip, which are most of the code; each module is fetched
//! only when a user first downloads a .docx / .xlsx or first opens a file. Where a module comes from:
//! - the page built by Trunk: beside the page;
//! - the portal script and the single offline file: the mount options' `modules`, a function from the
//!   module's file name to its URL (beside `jixiao.js`) or its bytes (inlined, decoded on first use).

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub use crate::export::{Job, Module};

thread_local! {
    /// Where to get a module: a function of its file name. Unset: beside the page.
    static SOURCE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Each module's exports once instantiated ([`slot`]).
    static EXPORTS: RefCell<[Option<JsValue>; 2]> = const { RefCell::new([None, None]) };
}

fn slot(module: Module) -> usize {
    match module {
        Module::Writer => 0,
        Module::Reader => 1,
    }
}

/// Sets where the modules come from (the mount options of the portal script or the single file).
pub fn set_source(source: JsValue) {
    if let Ok(function) = source.dyn_into::<js_sys::Function>() {
        SOURCE.with(|s| *s.borrow_mut() = Some(function));
    }
}

fn text_of(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// A module's bytes: fetched, or given by the source function (decoded, perhaps asynchronously).
async fn bytes(module: Module) -> Result<JsValue, JsValue> {
    let file = JsValue::from_str(module.file_name());
    let given = match SOURCE.with(|s| s.borrow().clone()) {
        Some(source) => source.call1(&JsValue::NULL, &file)?,
        None => file,
    };
    let Some(url) = given.as_string() else {
        return match given.dyn_into::<js_sys::Promise>() {
            Ok(promise) => JsFuture::from(promise).await,
            Err(bytes) => Ok(bytes),
        };
    };
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!(
            "{url}: HTTP {}",
            response.status()
        )));
    }
    JsFuture::from(response.array_buffer()?).await
}

/// The imports the module declares. It uses one thing from JS, the clock (for the .xlsx metadata);
/// everything else wasm-bindgen linked in is never called and throws if it ever were.
fn imports(module: &js_sys::WebAssembly::Module) -> Result<js_sys::Object, JsValue> {
    let imports = js_sys::Object::new();
    for descriptor in js_sys::WebAssembly::Module::imports(module).iter() {
        let get = |key: &str| js_sys::Reflect::get(&descriptor, &JsValue::from_str(key));
        let (space, name) = (get("module")?, get("name")?);
        let mut table = js_sys::Reflect::get(&imports, &space)?;
        if table.is_undefined() {
            table = js_sys::Object::new().into();
            js_sys::Reflect::set(&imports, &space, &table)?;
        }
        let name_text = name.as_string().unwrap_or_default();
        let function = if name_text.starts_with("__wbg_now_") {
            Closure::<dyn Fn() -> f64>::new(js_sys::Date::now).into_js_value()
        } else {
            Closure::<dyn Fn()>::new(move || {
                wasm_bindgen::throw_str(&format!(
                    "jixiao export module: unexpected call to {name_text}"
                ))
            })
            .into_js_value()
        };
        js_sys::Reflect::set(&table, &name, &function)?;
    }
    Ok(imports)
}

async fn load(module: Module) -> Result<JsValue, String> {
    if let Some(exports) = EXPORTS.with(|e| e.borrow()[slot(module)].clone()) {
        return Ok(exports);
    }
    let fail = |e: JsValue| format!("无法加载{}（{}）", module.label(), text_of(e));
    let bytes = bytes(module).await.map_err(fail)?;
    let compiled: js_sys::WebAssembly::Module =
        JsFuture::from(js_sys::WebAssembly::compile(&bytes))
            .await
            .and_then(|m| m.dyn_into())
            .map_err(fail)?;
    let imports = imports(&compiled).map_err(fail)?;
    let instance: js_sys::WebAssembly::Instance =
        JsFuture::from(js_sys::WebAssembly::instantiate_module(&compiled, &imports))
            .await
            .and_then(|i| i.dyn_into())
            .map_err(fail)?;
    let exports: JsValue = instance.exports().into();
    EXPORTS.with(|e| e.borrow_mut()[slot(module)] = Some(exports.clone()));
    Ok(exports)
}

fn call(exports: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function =
        js_sys::Reflect::get(exports, &JsValue::from_str(name))?.dyn_into()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(&JsValue::NULL, &args)
}

/// Runs `job` on `input` in its module, loading it first if needed. A refusal comes back as the
/// module's Chinese message; a crash of the module drops it (the next use loads a fresh one).
pub async fn run(job: Job, input: &[u8]) -> Result<Vec<u8>, String> {
    let module = job.module();
    let exports = load(module).await?;
    let memory = || -> Result<js_sys::Uint8Array, JsValue> {
        let memory: js_sys::WebAssembly::Memory =
            js_sys::Reflect::get(&exports, &JsValue::from_str("memory"))?.dyn_into()?;
        Ok(js_sys::Uint8Array::new(&memory.buffer()))
    };
    let number = |v: JsValue| v.as_f64().unwrap_or(0.0);
    let outcome = (|| -> Result<(u32, Vec<u8>), JsValue> {
        let len = JsValue::from(input.len() as u32);
        let ptr = call(&exports, "jx_alloc", std::slice::from_ref(&len))?;
        memory()?.set(&js_sys::Uint8Array::from(input), number(ptr.clone()) as u32);
        let status = number(call(
            &exports,
            "jx_run",
            &[JsValue::from(job.code()), ptr, len],
        )?) as u32;
        let start = number(call(&exports, "jx_result_ptr", &[])?) as u32;
        let length = number(call(&exports, "jx_result_len", &[])?) as u32;
        // Read after the run: the module's memory may have grown (and its old buffer detached).
        Ok((status, memory()?.subarray(start, start + length).to_vec()))
    })();
    match outcome {
        Ok((0, output)) => Ok(output),
        Ok((_, message)) => Err(String::from_utf8_lossy(&message).into_owned()),
        Err(e) => {
            EXPORTS.with(|x| x.borrow_mut()[slot(module)] = None);
            Err(format!(
                "{}读写该文件时出错（{}），文件可能已损坏；可重试或换用另存的文件",
                module.label(),
                text_of(e)
            ))
        }
    }
}
