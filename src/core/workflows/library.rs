//! 指标库 (indicator library): standard indicators with their 指标解释, 评分标准 and scoring rule, each
//! naming the document it was taken from; searched, browsed by framework and 一级 / 二级 group, and
//! inserted into the tree as ordinary rows. The built-in library is `data/library/builtin.json`; a
//! unit's own library ("我的指标库") is the same format, saved in the browser and handed on as a file.
//!
//! ```
//! use jixiao::core::library::{builtin, insert_entry};
//! use jixiao::core::template;
//! let library = builtin();
//! let hits = library.search("预算执行率");
//! assert!(!hits.is_empty());
//! let mut e = template::load("department").unwrap();
//! let id = insert_entry(&mut e, hits[0], None).unwrap();
//! assert_eq!(e.indicator(&id).unwrap().name, hits[0].indicator.name);
//! ```

use crate::core::edit::next_id;
use crate::core::keys::match_name;
use crate::core::model::{walk_tree, Evaluation, Indicator};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The library format this version reads and writes.
pub const LIBRARY_VERSION: u32 = 1;

/// The framework name of entries a unit saved itself (我的指标库).
pub const MY_FRAMEWORK: &str = "我的指标库";

/// A library file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// Format version ([`LIBRARY_VERSION`]).
    pub library_version: u32,
    /// Its name, e.g. 内置指标库 or the 主管部门's.
    #[serde(default)]
    pub name: String,
    /// The entries.
    #[serde(default)]
    pub entries: Vec<LibraryEntry>,
}

/// One standard indicator (指标库条目).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryEntry {
    /// Unique within its library.
    pub id: String,
    /// The framework it belongs to, e.g. 项目支出共性指标框架.
    pub framework: String,
    /// The 一级 / 二级 names it sits under in that framework.
    #[serde(default)]
    pub path: Vec<String>,
    /// Further words it is found by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The indicator itself, in the normal format (name, 分值, 指标解释, 评分标准, rule, unit, target …).
    pub indicator: Indicator,
    /// The document it was taken from.
    #[serde(default)]
    pub source: String,
    /// Where that document was read.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_url: String,
    /// What could not be confirmed in the source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl LibraryEntry {
    /// The group it inserts with: framework and path.
    pub fn group_key(&self) -> (&str, &[String]) {
        (&self.framework, &self.path)
    }

    /// The depth its indicator takes in a tree: below its path (一级 / 二级 → 三级, depth 2).
    pub fn depth(&self) -> usize {
        self.path.len()
    }

    /// Whether every word of `query` is found in its name, framework, path, keywords or texts.
    fn matches(&self, words: &[String]) -> bool {
        let haystack = [
            self.indicator.name.as_str(),
            &self.framework,
            &self.path.join(" "),
            &self.keywords.join(" "),
            &self.indicator.description,
            &self.indicator.criteria,
        ]
        .join(" ")
        .to_lowercase();
        words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// An error reading a library file, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryError(pub String);

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Library {
    /// Reads a library file: a newer format is refused by name, entries without a name or an id are
    /// named by their position.
    pub fn parse(text: &str) -> Result<Library, LibraryError> {
        let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| {
                LibraryError(format!(
                    "不是有效的指标库文件（JSON 第 {} 行有误）",
                    e.line()
                ))
            })?;
        let version = value.get("library_version").and_then(|v| v.as_u64());
        match version {
            None => {
                return Err(LibraryError(
                    "不是指标库文件：缺少 library_version（评价文件请用“打开 JSON”）".into(),
                ))
            }
            Some(v) if v > u64::from(LIBRARY_VERSION) => {
                return Err(LibraryError(format!(
                    "此指标库文件是较新版本的格式（第 {v} 版），本工具只能读取第 {LIBRARY_VERSION} 版：请使用新版本的工作台打开，或请提供方另存为旧格式"
                )))
            }
            Some(_) => {}
        }
        let library: Library = serde_json::from_value(value)
            .map_err(|e| LibraryError(format!("指标库文件内容有误：{e}")))?;
        for (i, entry) in library.entries.iter().enumerate() {
            if entry.id.trim().is_empty() || entry.indicator.name.trim().is_empty() {
                return Err(LibraryError(format!(
                    "指标库第 {} 条缺少编号或指标名称",
                    i + 1
                )));
            }
        }
        Ok(library)
    }

    /// As a file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The entries whose texts hold every word of `query` (blank: all), those named by it first.
    pub fn search(&self, query: &str) -> Vec<&LibraryEntry> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let mut hits: Vec<&LibraryEntry> =
            self.entries.iter().filter(|e| e.matches(&words)).collect();
        // Stable: within each rank the library's own order stays.
        hits.sort_by_key(|e| {
            let name = e.indicator.name.to_lowercase();
            !words.iter().all(|w| name.contains(w.as_str()))
        });
        hits
    }

    /// The frameworks, in library order.
    pub fn frameworks(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for e in &self.entries {
            if !out.contains(&e.framework.as_str()) {
                out.push(&e.framework);
            }
        }
        out
    }

    /// The entries of `entry`'s group (same framework and path), in library order.
    pub fn group_of(&self, entry: &LibraryEntry) -> Vec<&LibraryEntry> {
        self.entries
            .iter()
            .filter(|e| e.group_key() == entry.group_key())
            .collect()
    }

    /// Adds entries, replacing those with the same id; returns how many were new.
    pub fn merge(&mut self, entries: Vec<LibraryEntry>) -> usize {
        let mut added = 0;
        for entry in entries {
            match self.entries.iter_mut().find(|e| e.id == entry.id) {
                Some(old) => *old = entry,
                None => {
                    self.entries.push(entry);
                    added += 1;
                }
            }
        }
        added
    }
}

/// The unit's own library and the built-in one searched together (指标库检索): the unit's own entries
/// first (what it chose before), then the built-in ones; `framework`, when not empty, keeps one.
pub fn search_both<'a>(mine: &'a Library, framework: &str, query: &str) -> Vec<&'a LibraryEntry> {
    mine.search(query)
        .into_iter()
        .chain(builtin().search(query))
        .filter(|e| framework.is_empty() || e.framework == framework)
        .collect()
}

/// Every framework to browse: the unit's own first, then the built-in ones not among them.
pub fn frameworks_both(mine: &Library) -> Vec<String> {
    let mut list: Vec<String> = mine.frameworks().into_iter().map(String::from).collect();
    for f in builtin().frameworks() {
        if !list.iter().any(|x| x == f) {
            list.push(f.to_string());
        }
    }
    list
}

/// The group of `entry`, from the library it is in (the unit's own holds imported ones too).
pub fn group_in(mine: &Library, entry: &LibraryEntry) -> Vec<LibraryEntry> {
    let from = if mine.entries.iter().any(|e| e.id == entry.id) {
        mine
    } else {
        builtin()
    };
    from.group_of(entry).into_iter().cloned().collect()
}

/// The built-in library, read once.
pub fn builtin() -> &'static Library {
    static BUILTIN: OnceLock<Library> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        Library::parse(include_str!("../../../data/library/builtin.json")).unwrap_or_default()
    })
}

/// A copy of `node` with nothing judged: no score, reasons, evidence or actual figures (what a
/// library keeps of a row is its definition and its rule).
pub fn definition_of(node: &Indicator) -> Indicator {
    let mut copy = node.clone();
    copy.clear_judgement();
    copy
}

/// Fresh ids for the rows one insertion adds: [`next_id`] and on from there (it is above every
/// numeric id in the tree, so the ones after it are free too).
struct Ids(u64);

impl Ids {
    fn new(evaluation: &Evaluation) -> Self {
        Ids(next_id(evaluation)
            .trim_start_matches('n')
            .parse()
            .unwrap_or(1))
    }

    fn take(&mut self) -> String {
        let id = format!("n{}", self.0);
        self.0 = self.0.saturating_add(1);
        id
    }

    /// Gives `node` and its subtree fresh ids.
    fn renumber(&mut self, node: &mut Indicator) {
        node.id = self.take();
        for child in &mut node.children {
            self.renumber(child);
        }
    }
}

/// The ids from the top to `id` (`id` last), with its depth; empty when not found.
fn chain(evaluation: &Evaluation, id: &str) -> Vec<String> {
    let mut found = Vec::new();
    walk_tree(&evaluation.indicators, &mut |ancestors, node| {
        if node.id == id && found.is_empty() {
            found = ancestors.iter().map(|a| a.id.clone()).collect();
            found.push(node.id.clone());
        }
    });
    found
}

/// Inserts `node` meant for depth `depth` (0 = 一级): relative to the row `at` when given — after the
/// row (or its ancestor) at that depth, or as the last child of a row one level up — else under the
/// groups named by `path`, found by name or created. A group created for it takes its 分值 (it holds
/// nothing else); an existing group keeps its own, and the check then says when its rows no longer
/// add up to it.
fn place(
    evaluation: &mut Evaluation,
    mut node: Indicator,
    depth: usize,
    path: &[String],
    at: Option<&str>,
) -> Option<String> {
    let mut ids = Ids::new(evaluation);
    ids.renumber(&mut node);
    let id = node.id.clone();
    let above = at.map(|at| chain(evaluation, at)).unwrap_or_default();
    if !above.is_empty() {
        if above.len() > depth {
            // After the row at that depth, among its siblings.
            let anchor = &above[depth];
            let list = match depth.checked_sub(1) {
                None => &mut evaluation.indicators,
                Some(up) => &mut evaluation.indicator_mut(&above[up])?.children,
            };
            let index = list.iter().position(|n| &n.id == anchor)?;
            list.insert(index + 1, node);
        } else {
            // A row above that depth: the node goes last among its children.
            let parent = above.last()?;
            evaluation.indicator_mut(parent)?.children.push(node);
        }
        return Some(id);
    }
    let mut list = &mut evaluation.indicators;
    for name in path.iter().take(depth) {
        let wanted = match_name(name);
        let index = match list.iter().position(|n| match_name(&n.name) == wanted) {
            Some(i) => i,
            None => {
                list.push(Indicator {
                    id: ids.take(),
                    name: name.clone(),
                    points: node.points,
                    ..Default::default()
                });
                list.len() - 1
            }
        };
        list = &mut list[index].children;
    }
    list.push(node);
    Some(id)
}

/// Inserts a library entry's indicator (nothing judged yet) at the row `at`, or under its framework's
/// groups; returns the new row's id.
pub fn insert_entry(
    evaluation: &mut Evaluation,
    entry: &LibraryEntry,
    at: Option<&str>,
) -> Option<String> {
    let node = definition_of(&entry.indicator);
    place(evaluation, node, entry.depth(), &entry.path, at)
}

/// Inserts a whole group — its last path name as a group row whose 分值 is the entries' sum, with the
/// entries as its rows — at the row `at`, or under the framework's 一级 group; returns the group's id.
pub fn insert_group(
    evaluation: &mut Evaluation,
    entries: &[&LibraryEntry],
    at: Option<&str>,
) -> Option<String> {
    let first = entries.first()?;
    let name = first
        .path
        .last()
        .cloned()
        .unwrap_or_else(|| first.framework.clone());
    let children: Vec<Indicator> = entries
        .iter()
        .map(|e| definition_of(&e.indicator))
        .collect();
    let group = Indicator {
        name,
        points: children.iter().map(|c| c.points).sum(),
        children,
        ..Default::default()
    };
    let depth = first.depth().saturating_sub(1);
    place(evaluation, group, depth, &first.path, at)
}

/// Library entries for the row `id` of `evaluation` ("存入我的指标库"): the row itself, or for a group
/// every leaf below it, each under its names from the top, nothing judged, its source the unit's
/// evaluation.
pub fn entries_from(evaluation: &Evaluation, id: &str) -> Vec<LibraryEntry> {
    let source = format!(
        "{}（{}年度自评）",
        evaluation.unit_name(),
        evaluation.unit.year
    );
    let mut out = Vec::new();
    walk_tree(&evaluation.indicators, &mut |ancestors, node| {
        let inside = node.id == id || ancestors.iter().any(|a| a.id == id);
        if !inside || !node.is_leaf() {
            return;
        }
        let path: Vec<String> = ancestors.iter().map(|a| match_name(&a.name)).collect();
        let stamp = format!("{}/{}", path.join("/"), node.name);
        out.push(LibraryEntry {
            id: format!("my-{}", crate::core::keys::content_key(stamp.as_bytes())),
            framework: MY_FRAMEWORK.into(),
            path,
            keywords: Vec::new(),
            indicator: definition_of(node),
            source: source.clone(),
            source_url: String::new(),
            note: String::new(),
        });
    });
    out
}
