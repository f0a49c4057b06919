//! A reviewer's batch from the disk (the CLI; the browser receives files, never reads a disk): a file, standard input ("-") or a folder walked
//! recursively in name order, each file opened all the way by [`intake::open_all`] (a .zip into its
//! files), one [`Received`] per file; a file too large is refused before it is read.

use super::intake::{self, Received, Refusal};
use std::io::Read;

/// The bytes of a file, or of standard input for "-"; the reason in Chinese when they cannot be read.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入：{e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| format!("无法读取文件：{e}"))
    }
}

/// Every file under `path` (itself when it is a file; a directory's files recursively, by name), each
/// opened all the way: a .zip into its files.
pub fn gather(path: &str, out: &mut Vec<Received>) {
    let refused = |opened| Received {
        name: path.to_string(),
        key: String::new(),
        opened: Err(opened),
    };
    match (path != "-").then(|| std::fs::metadata(path)) {
        Some(Ok(meta)) if meta.is_dir() => match std::fs::read_dir(path) {
            Ok(dir) => {
                let mut entries: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                for entry in entries {
                    gather(&entry.to_string_lossy(), out);
                }
            }
            Err(e) => out.push(refused(Refusal::Unreadable(format!("无法读取文件夹：{e}")))),
        },
        Some(Ok(meta)) if meta.len() > intake::MAX_ARCHIVE_BYTES as u64 => {
            out.push(refused(Refusal::TooLarge(meta.len())))
        }
        _ => match read_bytes(path) {
            Ok(bytes) => out.extend(intake::open_all(path, &bytes)),
            Err(message) => out.push(refused(Refusal::Unreadable(message))),
        },
    }
}

/// The reviewer's expectations recorded beside the file `path` (`名称.expect` for `名称.tsv`), if any;
/// an unreadable one is said.
pub fn expectations_beside(path: &str) -> Option<Result<super::expect::Expectations, String>> {
    let beside = std::path::Path::new(path).with_extension("expect");
    if beside.as_os_str() == path || !beside.is_file() {
        return None;
    }
    Some(
        std::fs::read_to_string(&beside)
            .map_err(|e| format!("无法读取 {}：{e}", beside.display()))
            .and_then(|text| {
                super::expect::Expectations::parse(&text)
                    .map_err(|e| format!("{}：{e}", beside.display()))
            }),
    )
}
