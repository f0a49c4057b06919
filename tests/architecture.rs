//! The architecture holds: the parts of `src/` depend downwards only (core → report → export → ui →
//! embed → entry points), core's layers likewise (vocabulary → engine → workflows), and no module of core
//! reaches itself through others (no import circle), nor does a module of ui, report or export. Read from the `crate::` / `jixiao::` paths of every
//! source file outside its test module and comments, so a new `use` that breaks the picture fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The parts of `src/`, lowest first: a part may use the parts before it and itself.
const PARTS: [&str; 6] = ["core", "report", "export", "ui", "embed", "bin"];

/// Core's layers, lowest first, as folders of `src/core/`.
const LAYERS: [&str; 3] = ["vocabulary", "engine", "workflows"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comment lines and without its `#[cfg(test)]` module (tests may use any layer).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path segment that follows `prefix` (`crate::core::` → `model`, `check`, …), braces expanded
/// one level: `crate::core::{model::X, rule}` gives `model` and `rule`.
fn names_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().last();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

struct Core {
    /// Module name → its layer's index.
    layer_of: BTreeMap<String, usize>,
    /// A name re-exported at `core::` from a module (`Finding` → `check`).
    reexport: BTreeMap<String, String>,
}

impl Core {
    fn read() -> Core {
        let mut layer_of = BTreeMap::new();
        for (index, layer) in LAYERS.iter().enumerate() {
            let dir = Path::new("src/core").join(layer);
            for entry in fs::read_dir(&dir).expect("a layer folder").flatten() {
                let name = entry
                    .file_name()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string();
                if name != "mod" {
                    layer_of.insert(name, index);
                }
            }
        }
        let root = fs::read_to_string("src/core/mod.rs").expect("src/core/mod.rs");
        let mut reexport = BTreeMap::new();
        for line in root.lines() {
            let Some(rest) = line.strip_prefix("pub use ") else {
                continue;
            };
            let Some((module, items)) = rest.split_once("::") else {
                continue;
            };
            if layer_of.contains_key(module) {
                for item in names_after(&format!("x::{items}"), "x::") {
                    reexport.entry(item).or_insert_with(|| module.to_string());
                }
            }
        }
        Core { layer_of, reexport }
    }

    /// The core module a name after `core::` stands for: a module, a re-exported item, or (the glob
    /// `pub use model::*`) a model type.
    fn module_of(&self, name: &str) -> Option<String> {
        if self.layer_of.contains_key(name) {
            return Some(name.to_string());
        }
        if LAYERS.contains(&name) {
            return None;
        }
        Some(
            self.reexport
                .get(name)
                .cloned()
                .unwrap_or_else(|| "model".to_string()),
        )
    }

    /// The core module a file under `src/core/` belongs to.
    fn module_of_file(&self, path: &Path) -> Option<String> {
        let relative = path.strip_prefix("src/core").ok()?;
        let mut parts = relative.iter();
        let first = parts.next()?.to_string_lossy().to_string();
        if !LAYERS.contains(&first.as_str()) {
            return None;
        }
        let module = parts
            .next()?
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        (module != "mod").then_some(module)
    }
}

fn part_of(path: &Path) -> Option<&'static str> {
    let relative = path.strip_prefix("src").ok()?;
    let first = relative.iter().next()?.to_string_lossy();
    PARTS.iter().find(|p| **p == first).copied()
}

/// The module graph of core: module → modules it names.
fn core_graph(core: &Core) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(Path::new("src/core"), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(from) = core.module_of_file(&file) else {
            continue;
        };
        let code = code_of(&fs::read_to_string(&file).expect("readable source"));
        let edges = graph.entry(from.clone()).or_default();
        for name in names_after(&code, "crate::core::") {
            if let Some(to) = core.module_of(&name) {
                if to != from {
                    edges.insert(to);
                }
            }
        }
    }
    graph
}

/// The modules that reach themselves through others: each strongly connected component of more than one.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Reachability by repeated search: the graph has a few dozen nodes.
    let reach = |start: &String| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(node) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|k| (k, reach(k))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for (node, seen) in &reaches {
        if !seen.contains(*node) || found.iter().any(|c| c.contains(node)) {
            continue;
        }
        let circle: Vec<String> = seen
            .iter()
            .filter(|other| reaches.get(other).is_some_and(|r| r.contains(*node)))
            .cloned()
            .collect();
        found.push(circle);
    }
    found
}

#[test]
fn core_layers_use_only_the_layers_before_them() {
    let core = Core::read();
    assert!(core.layer_of.contains_key("model") && core.layer_of.contains_key("assess"));
    let mut wrong = Vec::new();
    for (from, edges) in core_graph(&core) {
        for to in edges {
            if core.layer_of[&to] > core.layer_of[&from] {
                wrong.push(format!(
                    "{from} ({}) uses {to} ({})",
                    LAYERS[core.layer_of[&from]], LAYERS[core.layer_of[&to]]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a layer uses one above it:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_of_core_reaches_itself() {
    let core = Core::read();
    let found = circles(&core_graph(&core));
    assert!(found.is_empty(), "import circles in core: {found:?}");
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
            .iter()
            .fold(BTreeMap::new(), |mut g, (from, to)| {
                g.entry(from.to_string())
                    .or_default()
                    .insert(to.to_string());
                g
            });
    assert_eq!(
        circles(&graph),
        vec![vec!["a".to_string(), "b".into(), "c".into()]]
    );
    assert_eq!(
        names_after(
            "use crate::core::{model::X, rule};\nlet x = crate::core::check::y;",
            "crate::core::"
        ),
        ["check", "model", "rule"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}

#[test]
fn the_parts_of_src_depend_downwards_only() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let Some(from) = part_of(file) else {
            continue;
        };
        let rank = |p: &str| PARTS.iter().position(|q| *q == p);
        let code = code_of(&fs::read_to_string(file).expect("readable source"));
        let used = names_after(&code, "crate::")
            .into_iter()
            .chain(names_after(&code, "jixiao::"));
        for to in used {
            if let (Some(to_rank), Some(from_rank)) = (rank(&to), rank(from)) {
                if to_rank > from_rank {
                    wrong.push(format!("{} uses {to}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "an arrow runs back up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn core_has_no_web_crates() {
    let mut files = Vec::new();
    rust_files(Path::new("src/core"), &mut files);
    assert!(files.len() > 50);
    for file in files {
        let code = code_of(&fs::read_to_string(&file).expect("readable source"));
        for web in ["leptos", "web_sys", "wasm_bindgen", "js_sys"] {
            assert!(
                !code.contains(&format!("{web}::")),
                "{} uses {web}",
                file.display()
            );
        }
    }
}

/// The graph of the top-level modules of a part of `src/` (`ui`, `report`, `export`): a file of module
/// `m` (`src/ui/m.rs`, or under `src/ui/m/`) naming `super::x` from the part's top level,
/// `super::super::x` from one folder down, or `crate::ui::x`, uses `x`.
fn part_graph(part: &str) -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new("src").join(part);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative: Vec<String> = file
            .strip_prefix(&root)
            .expect("under the part")
            .iter()
            .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        let module = relative[0].clone();
        if module == "mod" {
            continue;
        }
        // How far the file is below the part's top level (a folder's mod.rs is the module itself).
        let depth = relative.len() - 1 - usize::from(relative.last().is_some_and(|l| l == "mod"));
        let code = code_of(&fs::read_to_string(&file).expect("readable source"));
        let up = "super::".repeat(depth + 1);
        let edges = graph.entry(module.clone()).or_default();
        let named = names_after(&code, &format!("crate::{part}::"))
            .into_iter()
            .chain(names_after(&code, &up).into_iter().filter(|n| n != "super"));
        for name in named {
            let is_module = root.join(format!("{name}.rs")).exists() || root.join(&name).is_dir();
            if is_module && name != module {
                edges.insert(name);
            }
        }
    }
    graph
}

#[test]
fn no_module_of_ui_report_or_export_reaches_itself() {
    let ui = part_graph("ui");
    assert!(ui["app"].contains("workbench") && ui["review"].contains("workbench"));
    for part in ["ui", "report", "export"] {
        let found = circles(&part_graph(part));
        assert!(found.is_empty(), "import circles in {part}: {found:?}");
    }
}
