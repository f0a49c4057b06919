//! The split workbench's loader (`__wasm_split-HASH.js`, an ES module written by `tools/split`) made into
//! a function of the classic portal script: wasm-bindgen's `--target no-modules` glue asks for it with
//! `require("./__wasm_split-HASH.js")`, which a browser script cannot do. The function returns the
//! loader's exports; chunks are fetched beside the script (portal) or taken from the script itself
//! (single file, as base64), never through `import.meta`, which a classic script may not name.

/// The loader of a split build, and the chunks it names.
pub struct Loader {
    /// The file name wasm-bindgen's glue requires.
    pub file: String,
    /// The loader's ES module text.
    pub text: String,
    /// The chunk files it fetches (`split_report-HASH.wasm`), in order of appearance.
    pub chunks: Vec<String>,
}

impl Loader {
    /// Reads the loader's chunk names (`"./NAME.wasm"`).
    pub fn new(file: String, text: String) -> Loader {
        let mut chunks = Vec::new();
        for piece in text.split("\"./").skip(1) {
            if let Some(end) = piece.find(".wasm\"") {
                let name = format!("{}.wasm", &piece[..end]);
                if !chunks.contains(&name) {
                    chunks.push(name);
                }
            }
        }
        Loader { file, text, chunks }
    }

    /// `function jixiaoSplitLoader() { … return { exports }; }`, with chunks fetched through
    /// `jixiaoChunk(name)` (a promise of the chunk's Response), and the glue's `require` pointed at it.
    pub fn into_script(self, glue: &str) -> Result<(String, String), String> {
        let require = format!("require(\"./{}\")", self.file);
        if !glue.contains(&require) {
            return Err(format!("the glue does not require {}", self.file));
        }
        let glue = glue.replace(&require, "jixiaoSplitLoader()");
        let mut body = String::new();
        let mut exports = Vec::new();
        for line in self.text.lines() {
            if line.starts_with("import ") {
                // `import { initSync } from "./jixiao.js";`: the glue's, called once a chunk loads.
                body.push_str("  const initSync = (m, i) => wasm_bindgen.initSync(m, i);\n");
                continue;
            }
            let line = match line.strip_prefix("export const ") {
                Some(rest) => {
                    let name = rest.split([' ', '=']).next().unwrap_or_default();
                    exports.push(name.to_string());
                    format!("const {rest}")
                }
                None => line.to_string(),
            };
            body.push_str("  ");
            body.push_str(&line);
            body.push('\n');
        }
        let body = body
            .replace("fetch(new URL(", "jixiaoChunk((")
            .replace(", import.meta.url))", "))");
        if body.contains("import.meta") || body.contains("import(") {
            return Err("the loader has a module-only expression left".into());
        }
        // Made once: the glue requires it once per import (all the same module).
        let loader = format!(
            "function jixiaoSplitLoader() {{\n  if (jixiaoSplitLoader.made) return jixiaoSplitLoader.made;\n{body}  return (jixiaoSplitLoader.made = {{ {} }});\n}}\n",
            exports.join(", ")
        );
        Ok((glue, loader))
    }
}

/// `jixiaoChunk(name)`: the chunk beside the script (portal), or from `JIXIAO_INLINE` (single file,
/// through `jixiaoInline`, `src/embed/inline.js`).
pub const CHUNK_FETCH: &str = r#"function jixiaoChunk(name) {
  if (typeof JIXIAO_INLINE === 'object') {
    return jixiaoInline(name).then((bytes) => new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
  }
  return fetch(new URL(name, SCRIPT_URL)).then((r) => (r.ok ? r : Promise.reject(new Error(name + ': ' + r.status))));
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = r#"import { initSync } from "./jixiao.js";

let sharedImports = undefined;
/* review_desk */
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1-aa.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, []);
export const __wasm_split_load_review_desk = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_review_desk-bb.wasm", import.meta.url));
}, [__chunk_1]));
"#;

    #[test]
    fn the_loader_becomes_a_function_of_the_classic_script() {
        let loader = Loader::new("__wasm_split-cc.js".into(), LOADER.into());
        assert_eq!(
            loader.chunks,
            ["chunk_1-aa.wasm", "split_review_desk-bb.wasm"]
        );
        let glue = "const import1 = require(\"./__wasm_split-cc.js\");\nconst import2 = require(\"./__wasm_split-cc.js\");";
        let (glue, script) = loader.into_script(glue).unwrap();
        assert_eq!(
            glue,
            "const import1 = jixiaoSplitLoader();\nconst import2 = jixiaoSplitLoader();"
        );
        assert!(script.starts_with("function jixiaoSplitLoader() {"));
        assert!(script.contains("jixiaoChunk((\"./split_review_desk-bb.wasm\"))"));
        assert!(script.contains("const __wasm_split_load_review_desk = wrapAsyncCb("));
        assert!(
            script.contains("return (jixiaoSplitLoader.made = { __wasm_split_load_review_desk });")
        );
        assert!(!script.contains("import") || !script.contains("import.meta"));
        assert!(!script.contains("export "));
    }

    #[test]
    fn a_glue_that_does_not_ask_for_the_loader_is_refused() {
        let loader = Loader::new("__wasm_split-cc.js".into(), LOADER.into());
        assert!(loader.into_script("no require here").is_err());
    }
}
