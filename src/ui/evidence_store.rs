//! Where evidence bytes live in the browser: IndexedDB (localStorage holds a few MB of text; evidence
//! runs to hundreds of MB). One database, one object store; a file's key is the instance's storage key
//! and its SHA-256, so two portal instances never see each other's files and the same file attached
//! twice is kept once. Every call says in Chinese what went wrong and never touches what is stored
//! when it fails.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "jixiao-evidence";
const STORE: &str = "files";

/// Waits for an IndexedDB request.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let request = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_request = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_request.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_request = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error: JsValue = err_request
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// The name of a DOMException (e.g. QuotaExceededError), if it is one.
fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// A failed storage call in Chinese.
fn message(error: &JsValue, doing: &str) -> String {
    match error_name(error).as_str() {
        "QuotaExceededError" => format!(
            "浏览器存储空间已满，{doing}未完成，已保存的材料未受影响：请删除不需要的佐证材料或导出材料包后再试"
        ),
        "SecurityError" | "InvalidStateError" => format!(
            "此浏览器不允许本页使用本地数据库（可能是隐私模式或从本地文件打开），{doing}未完成：请改用网址打开，或把材料另行保存"
        ),
        _ => format!("本地数据库出错，{doing}未完成，已保存的材料未受影响"),
    }
}

async fn open() -> Result<IdbDatabase, String> {
    let refused = |e: JsValue| message(&e, "打开佐证材料库");
    let factory = web_sys::window()
        .ok_or("没有浏览器窗口")?
        .indexed_db()
        .map_err(refused)?
        .ok_or_else(|| "此浏览器不支持本地数据库（IndexedDB），无法保存佐证材料".to_string())?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(refused)?;
    let upgrade_request = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrade_request
            .result()
            .and_then(|r| r.dyn_into::<IdbDatabase>())
        {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    done(&request)
        .await
        .map_err(refused)?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "本地数据库无法打开".to_string())
}

fn key(scope: &str, sha256: &str) -> JsValue {
    JsValue::from_str(&format!("{scope}:{sha256}"))
}

/// Keeps `bytes` under the instance `scope` and their hash; an existing copy is left as is.
pub async fn put(scope: &str, sha256: &str, bytes: &[u8]) -> Result<(), String> {
    let db = open().await?;
    let fail = |e: JsValue| message(&e, "保存佐证材料");
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(fail)?;
    let store = tx.object_store(STORE).map_err(fail)?;
    let data = Uint8Array::from(bytes);
    let request = store
        .put_with_key(&data, &key(scope, sha256))
        .map_err(fail)?;
    done(&request).await.map_err(fail)?;
    Ok(())
}

/// The bytes kept under `scope` and `sha256`, if any.
pub async fn get(scope: &str, sha256: &str) -> Result<Option<Vec<u8>>, String> {
    let db = open().await?;
    let fail = |e: JsValue| message(&e, "读取佐证材料");
    let tx = db.transaction_with_str(STORE).map_err(fail)?;
    let store = tx.object_store(STORE).map_err(fail)?;
    let request = store.get(&key(scope, sha256)).map_err(fail)?;
    let value = done(&request).await.map_err(fail)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    Ok(value.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec()))
}

/// Space used and available to this site, in bytes (`navigator.storage.estimate()`), when the browser
/// says.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let get = |name: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

/// Asks the browser not to evict this site's storage under pressure (once, with the first file).
pub fn ask_persist() {
    if let Some(window) = web_sys::window() {
        if let Ok(promise) = window.navigator().storage().persist() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
}
