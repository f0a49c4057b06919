//! 佐证材料 (evidence): the files backing a score, attached to indicator rows. The evaluation keeps
//! each file's record (row, name, description, size, SHA-256) — so the report's 佐证材料清单, the
//! package and the checks need nothing else — while the bytes live in the browser (IndexedDB, by
//! hash) or in a package: one .zip with evaluation.json, the report and one folder per indicator.
//!
//! ```
//! use jixiao::core::evidence::{safe_file_name, sha256_hex};
//! assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
//! assert_eq!(safe_file_name("会议纪要:3/4?.pdf"), "会议纪要_3_4_.pdf");
//! assert_eq!(safe_file_name("CON.txt"), "_CON.txt");
//! ```

use crate::core::model::Evidence;
use crate::core::model::{walk_tree, Evaluation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The largest file that can be attached (50 MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The package format this version writes and reads.
pub const PACKAGE_VERSION: u32 = 1;

/// Where the package keeps the evaluation.
pub const EVALUATION_PATH: &str = "evaluation.json";

/// Where the package keeps its list of evidence files.
pub const MANIFEST_PATH: &str = "manifest.json";

/// SHA-256 of `bytes`, as 64 hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file of `size` bytes may be attached; else why not, in Chinese.
pub fn check_size(name: &str, size: u64) -> Result<(), String> {
    if size == 0 {
        return Err(format!("“{name}”是空文件，未添加"));
    }
    if size > MAX_FILE_BYTES {
        return Err(format!(
            "“{name}”大小 {} MB，超过单个佐证材料 {} MB 的上限，未添加；请压缩或拆分后再添加",
            size.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / 1024 / 1024
        ));
    }
    Ok(())
}

/// Names Windows cannot create.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// The longest file or folder name, in bytes (UTF-8; NTFS and ext4 both hold 255).
const MAX_NAME_BYTES: usize = 255;

/// Cuts `text` to at most `max` bytes on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A file or folder name any Windows or Linux machine can create from `name`: no path separators or
/// characters Windows refuses, no control characters, no trailing dots or blanks, not a reserved
/// device name, at most 255 bytes with its extension kept; never empty.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim().trim_end_matches(['.', ' ']).to_string();
    let mut name = if trimmed.is_empty() || trimmed.chars().all(|c| c == '.') {
        "未命名".to_string()
    } else {
        trimmed
    };
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    if RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
    }
    if name.len() > MAX_NAME_BYTES {
        // Keep a short extension; cut the stem.
        let (stem, ext) = match name.rfind('.') {
            Some(dot) if name.len() - dot <= 16 => (&name[..dot], &name[dot..]),
            _ => (name.as_str(), ""),
        };
        name = format!("{}{ext}", cut(stem, MAX_NAME_BYTES - ext.len()));
    }
    name
}

/// `name` made distinct from those in `taken` (Windows compares names without case): "纪要 (2).pdf".
fn distinct(name: String, taken: &mut Vec<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let (stem, ext) = match name.rfind('.') {
            Some(dot) if dot > 0 => (&name[..dot], &name[dot..]),
            _ => (name.as_str(), ""),
        };
        let suffix = format!(" ({n}){ext}");
        candidate = format!("{}{suffix}", cut(stem, MAX_NAME_BYTES - suffix.len()));
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// Each indicator's number in the tree ("1.2.3") and name, by id.
fn numbers(evaluation: &Evaluation) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut counters: Vec<usize> = Vec::new();
    walk_tree(&evaluation.indicators, &mut |ancestors, node| {
        let depth = ancestors.len();
        counters.truncate(depth + 1);
        if counters.len() <= depth {
            counters.resize(depth + 1, 0);
        }
        counters[depth] += 1;
        let number: Vec<String> = counters.iter().map(|n| n.to_string()).collect();
        out.push((node.id.clone(), number.join("."), node.name.clone()));
    });
    out
}

/// The evidence files of `evaluation` with their place in a package: `佐证材料/<number> <indicator>/<file>`,
/// names made safe and distinct. Files of rows no longer in the tree go under `佐证材料/未归属指标/`.
pub fn layout(evaluation: &Evaluation) -> Vec<(String, &Evidence)> {
    let numbered = numbers(evaluation);
    let mut folders: Vec<(String, Vec<String>)> = Vec::new();
    evaluation
        .evidence_files
        .iter()
        .map(|file| {
            let folder = numbered
                .iter()
                .find(|(id, _, _)| *id == file.indicator)
                .map(|(_, number, name)| safe_file_name(&format!("{number} {name}")))
                .unwrap_or_else(|| "未归属指标".into());
            let at = match folders.iter().position(|(f, _)| *f == folder) {
                Some(i) => i,
                None => {
                    folders.push((folder.clone(), Vec::new()));
                    folders.len() - 1
                }
            };
            let name = distinct(safe_file_name(&file.name), &mut folders[at].1);
            (format!("佐证材料/{folder}/{name}"), file)
        })
        .collect()
}

/// A package's list of evidence files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`PACKAGE_VERSION`].
    pub package_version: u32,
    /// The evaluation's path in the package.
    pub evaluation: String,
    /// Every evidence file with its path in the package.
    pub files: Vec<ManifestFile>,
}

/// One evidence file in a package.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// Its path in the package.
    pub path: String,
    /// Its record.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// The manifest of `evaluation`'s package.
pub fn manifest(evaluation: &Evaluation) -> Manifest {
    Manifest {
        package_version: PACKAGE_VERSION,
        evaluation: EVALUATION_PATH.into(),
        files: layout(evaluation)
            .into_iter()
            .map(|(path, evidence)| ManifestFile {
                path,
                evidence: evidence.clone(),
            })
            .collect(),
    }
}

/// An evaluation and its evidence bytes, taken out of a package (the bytes borrowed from the unpacked
/// files, not copied: a package may hold hundreds of MB).
#[derive(Debug)]
pub struct Opened<'a> {
    /// The evaluation.
    pub evaluation: Evaluation,
    /// Each evidence file's record and bytes (verified against its SHA-256).
    pub files: Vec<(Evidence, &'a [u8])>,
}

/// Reads a package from its unpacked files (path → bytes): the manifest, the evaluation, each file
/// checked against its size and SHA-256. Anything missing or altered is refused with its name.
pub fn open_package<B: AsRef<[u8]>>(files: &[(String, B)]) -> Result<Opened<'_>, String> {
    // At the top of the package, or under a folder (a package unzipped into a folder and zipped again).
    let find = |path: &str| {
        files
            .iter()
            .find(|(p, _)| {
                p.strip_suffix(path)
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with('/'))
            })
            .map(|(_, b)| b.as_ref())
    };
    let manifest: Manifest =
        serde_json::from_slice(find(MANIFEST_PATH).ok_or("不是评价材料包：缺少 manifest.json")?)
            .map_err(|e| format!("材料包的 manifest.json 无法读取：{e}"))?;
    if manifest.package_version > PACKAGE_VERSION {
        return Err(format!(
            "此材料包是较新版本的格式（第 {} 版），本工具只能读取第 {PACKAGE_VERSION} 版",
            manifest.package_version
        ));
    }
    let text = find(&manifest.evaluation).ok_or("材料包中缺少 evaluation.json")?;
    let evaluation = crate::core::from_json(&String::from_utf8_lossy(text))
        .map_err(|e| format!("材料包中的评价文件无法打开：{e}"))?;
    let mut out = Vec::new();
    for file in &manifest.files {
        let bytes =
            find(&file.path).ok_or_else(|| format!("材料包中缺少佐证材料“{}”", file.path))?;
        if bytes.len() as u64 != file.evidence.size || sha256_hex(bytes) != file.evidence.sha256 {
            return Err(format!(
                "佐证材料“{}”与清单中的大小或 SHA-256 不符（文件已被改动或损坏）",
                file.path
            ));
        }
        out.push((file.evidence.clone(), bytes));
    }
    Ok(Opened {
        evaluation,
        files: out,
    })
}

/// A file size as people read it: "850 B", "12.3 KB", "4.56 MB".
pub fn size_text(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let tenths = |n: u64, unit: u64, digits: u32| {
        let scale = 10u64.pow(digits);
        let v = (n.saturating_mul(scale) + unit / 2) / unit;
        let whole = v / scale;
        let frac = v % scale;
        if digits == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{frac:0width$}", width = digits as usize)
        }
    };
    match bytes {
        b if b < KB => format!("{b} B"),
        b if b < MB => format!("{} KB", tenths(b, KB, 1)),
        b => format!("{} MB", tenths(b, MB, 2)),
    }
}
