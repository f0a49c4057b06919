//! Autosave to localStorage (自动保存), debounced, keyed per instance. When storage is missing, throws
//! (file:// in some browsers, privacy modes) or is full, the app keeps working from memory and says so
//! once; a value that cannot be read back is kept aside under `<key>:unreadable`, never overwritten.

use crate::core::{from_json, to_json, Evaluation};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::RefCell;
use std::time::Duration;

const DEBOUNCE: Duration = Duration::from_millis(400);

thread_local! {
    /// The last evaluation written (or restored), as JSON: what the crash message offers to save.
    static LAST_GOOD: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The last known good evaluation as JSON (empty before the first save).
pub fn last_good_json() -> String {
    LAST_GOOD.with(|s| s.borrow().clone())
}

/// Remembers `json` as the last good state.
pub fn remember(json: &str) {
    LAST_GOOD.with(|s| json.clone_into(&mut s.borrow_mut()));
}

/// The browser's localStorage, if it works: `window.localStorage` itself may throw (SecurityError) or be
/// null, and some browsers hand out one that throws on every write (probed once).
pub fn local_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    storage.filter(|s| {
        let probe = "jixiao:probe";
        let ok = s.set_item(probe, "1").is_ok();
        let _ = s.remove_item(probe);
        ok
    })
}

/// What a save did.
#[derive(Debug, PartialEq)]
pub enum SaveOutcome {
    /// Written.
    Saved,
    /// Nothing changed since the last write, or storage is off.
    Skipped,
    /// The write failed (first failure only; later ones are silent).
    Failed(String),
}

/// The autosave of one workbench instance.
pub struct Autosave {
    key: String,
    storage: Option<web_sys::Storage>,
    pending: Option<TimeoutHandle>,
    last_written: Option<String>,
    failure_told: bool,
    paused: bool,
}

impl Autosave {
    /// Opens the browser's localStorage under `key` (namespaced `jixiao:`).
    pub fn new(key: &str) -> Self {
        Autosave {
            key: format!("jixiao:{key}"),
            storage: local_storage(),
            pending: None,
            last_written: None,
            failure_told: false,
            paused: false,
        }
    }

    /// The namespaced key (`jixiao:<key>`; empty when autosave is off).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// No autosave at all (a file opened for viewing on the reviewer's desk).
    pub fn off() -> Self {
        Autosave {
            key: String::new(),
            storage: None,
            pending: None,
            last_written: None,
            failure_told: false,
            paused: true,
        }
    }

    /// A one-time notice when autosave cannot work at all.
    pub fn unavailable_message(&self) -> Option<String> {
        self.storage.is_none().then(|| {
            "此浏览器不允许本页使用本地存储，自动保存已关闭：请随时用“保存 JSON”把工作保存到文件。".to_string()
        })
    }

    /// The autosaved evaluation, if any. A stored value that cannot be read is kept aside and reported.
    pub fn restore(&mut self) -> Result<Option<Evaluation>, String> {
        let Some(storage) = &self.storage else {
            return Ok(None);
        };
        let Ok(Some(text)) = storage.get_item(&self.key) else {
            return Ok(None);
        };
        match from_json(&text) {
            Ok(evaluation) => {
                remember(&text);
                self.last_written = Some(text);
                Ok(Some(evaluation))
            }
            Err(error) => {
                let aside = format!("{}:unreadable", self.key);
                let _ = storage.set_item(&aside, &text);
                // Do not overwrite the unreadable copy until the user edits.
                self.last_written = Some(text);
                Err(format!(
                    "上次自动保存的内容无法打开（{error}），已另存为 {aside}，现打开示例。"
                ))
            }
        }
    }

    /// An evaluation kept beside the autosave under `<key>:<name>` (e.g. last year's, for comparison);
    /// one that cannot be read is dropped.
    pub fn restore_aside(&self, name: &str) -> Option<Evaluation> {
        from_json(&self.read_aside(name)?).ok()
    }

    /// Keeps (or, with `None`, removes) an evaluation beside the autosave.
    pub fn save_aside(&self, name: &str, evaluation: Option<&Evaluation>) -> Result<(), String> {
        let Some(storage) = &self.storage else {
            return Ok(());
        };
        let key = format!("{}:{name}", self.key);
        match evaluation {
            Some(e) => storage.set_item(&key, &to_json(e)).map_err(|_| {
                "浏览器存储空间不足，上年对比文件未能保存（本次仍可使用，刷新后需重新打开）。"
                    .to_string()
            }),
            None => {
                let _ = storage.remove_item(&key);
                Ok(())
            }
        }
    }

    /// A text kept beside the autosave under `<key>:<name>`.
    pub fn read_aside(&self, name: &str) -> Option<String> {
        self.storage
            .as_ref()?
            .get_item(&format!("{}:{name}", self.key))
            .ok()
            .flatten()
    }

    /// Keeps a text beside the autosave (nothing when storage is off: the caller's copy stays in memory).
    pub fn write_aside(&self, name: &str, text: &str) -> Result<(), String> {
        let Some(storage) = &self.storage else {
            return Ok(());
        };
        storage
            .set_item(&format!("{}:{name}", self.key), text)
            .map_err(|_| {
                "浏览器存储空间不足，未能保存（本次仍可使用；请导出为文件保存）。".to_string()
            })
    }

    /// Runs `save` after the debounce delay, cancelling a save already pending.
    pub fn schedule(&mut self, save: impl FnOnce() + 'static) {
        if let Some(handle) = self.pending.take() {
            handle.clear();
        }
        self.pending = set_timeout_with_handle(save, DEBOUNCE).ok();
    }

    /// Another tab wrote `new_value` under `key`. Returns true when it concerns this instance: autosave
    /// then pauses, so this tab does not silently overwrite the other one's work.
    pub fn changed_elsewhere(&mut self, key: Option<&str>, new_value: Option<&str>) -> bool {
        if key != Some(self.key.as_str())
            || new_value == self.last_written.as_deref()
            || self.paused
        {
            return false;
        }
        self.paused = true;
        if let Some(handle) = self.pending.take() {
            handle.clear();
        }
        true
    }

    /// Writes the evaluation now.
    pub fn save(&mut self, evaluation: &Evaluation) -> SaveOutcome {
        if let Some(handle) = self.pending.take() {
            handle.clear();
        }
        let text = to_json(evaluation);
        remember(&text);
        let Some(storage) = &self.storage else {
            return SaveOutcome::Skipped;
        };
        if self.paused {
            return SaveOutcome::Skipped;
        }
        if self.last_written.as_deref() == Some(text.as_str()) {
            return SaveOutcome::Skipped;
        }
        // setItem either stores the whole value or throws and leaves the previous one intact.
        match storage.set_item(&self.key, &text) {
            Ok(()) => {
                self.last_written = Some(text);
                self.failure_told = false;
                SaveOutcome::Saved
            }
            Err(_) if !self.failure_told => {
                self.failure_told = true;
                SaveOutcome::Failed(
                    "自动保存失败（浏览器存储空间已满或被禁止），上次保存的内容未被改动；请用“保存 JSON”把当前工作保存到文件。"
                        .to_string(),
                )
            }
            Err(_) => SaveOutcome::Skipped,
        }
    }
}
