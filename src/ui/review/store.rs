//! The desk kept in localStorage: the rows (with their findings) under `jixiao:<key>:review`, and the
//! 复核意见 alone under `jixiao:<key>:review-verdicts`, small and written first, so a batch too big for
//! the browser's storage never costs the reviewer a conclusion. The files themselves are not kept: the
//! same files opened again find their rows and 复核意见 by content.

use crate::core::review::{Desk, Verdict};
use crate::ui::storage::local_storage;
use std::collections::BTreeMap;

/// The desk's storage.
pub struct DeskStore {
    storage: Option<web_sys::Storage>,
    rows_key: String,
    verdicts_key: String,
    told: bool,
}

impl DeskStore {
    /// The store of the instance keyed `key` (the workbench's storage key).
    pub fn new(key: &str) -> Self {
        DeskStore {
            storage: local_storage(),
            rows_key: format!("jixiao:{key}:review"),
            verdicts_key: format!("jixiao:{key}:review-verdicts"),
            told: false,
        }
    }

    /// The saved desk (empty when nothing is saved); a value that cannot be read is kept aside under
    /// `…:unreadable`, and the message says so.
    pub fn restore(&self) -> (Desk, Option<String>) {
        let Some(storage) = &self.storage else {
            return (Desk::default(), None);
        };
        let mut message = None;
        let read = |key: &str| -> Option<String> { storage.get_item(key).ok().flatten() };
        let mut desk: Desk = match read(&self.rows_key) {
            Some(text) => serde_json::from_str(&text).unwrap_or_else(|e| {
                let _ = storage.set_item(&format!("{}:unreadable", self.rows_key), &text);
                message = Some(format!(
                    "上次保存的复核列表无法读取（{e}），已另存；复核意见仍在。"
                ));
                Desk::default()
            }),
            None => Desk::default(),
        };
        if let Some(text) = read(&self.verdicts_key) {
            if let Ok(verdicts) = serde_json::from_str::<BTreeMap<String, Verdict>>(&text) {
                desk.verdicts = verdicts;
            }
        }
        (desk, message)
    }

    /// Writes the 复核意见 (first) and the rows. The first failure returns a message; the 复核意见 are
    /// tiny and fail only when storage is gone altogether.
    pub fn save(&mut self, desk: &Desk) -> Result<(), String> {
        let Some(storage) = &self.storage else {
            return Ok(());
        };
        let verdicts = serde_json::to_string(&desk.verdicts).unwrap_or_default();
        let verdicts_saved = storage.set_item(&self.verdicts_key, &verdicts).is_ok();
        let rows = serde_json::to_string(desk).unwrap_or_default();
        let rows_saved = storage.set_item(&self.rows_key, &rows).is_ok();
        if !rows_saved {
            // A stale, bigger list must not come back after a reload: keep only what is current.
            let _ = storage.remove_item(&self.rows_key);
        }
        match (verdicts_saved, rows_saved) {
            (true, true) => {
                self.told = false;
                Ok(())
            }
            _ if self.told => Ok(()),
            (true, false) => {
                self.told = true;
                Err("本批文件的汇总过大，浏览器存储空间不足，未能保存列表；复核意见已保存，重新打开这些文件即可恢复列表。".into())
            }
            (false, _) => {
                self.told = true;
                Err(
                    "浏览器存储空间已满或被禁止，复核意见未能保存；请先“下载汇总（Excel）”留存。"
                        .into(),
                )
            }
        }
    }

    /// Writes only the 复核意见 (while a comment is typed).
    pub fn save_verdicts(&self, desk: &Desk) {
        if let Some(storage) = &self.storage {
            let verdicts = serde_json::to_string(&desk.verdicts).unwrap_or_default();
            let _ = storage.set_item(&self.verdicts_key, &verdicts);
        }
    }
}
