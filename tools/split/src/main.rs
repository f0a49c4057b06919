//! Build tool of jixiao: splits the workbench's wasm at its `#[wasm_split]` points (the capabilities of
//! `src/ui/lazy.rs`) into lazily loaded chunks. Two steps around wasm-bindgen and wasm-opt
//! (`scripts/split-wasm` runs them in order):
//!
//! - `jixiao-split split IN.wasm DIR MAIN_JS`: IN must be linked with `--emit-relocs` (build.rs, with the `split` feature).
//!   Writes DIR/main.wasm (for wasm-bindgen), DIR/split_*.wasm and DIR/chunk_*.wasm, and the loader
//!   DIR/__wasm_split.js, which imports `initSync` from MAIN_JS (wasm-bindgen's module).
//! - `jixiao-split name DIR MAIN_JS`: after wasm-opt, names every chunk and the loader by their contents
//!   (`split_report-1a2b3c4d5e6f7a8b.wasm`) and rewrites the references, so that a cached chunk of an
//!   older build can never be linked into a newer main module.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const LOADER: &str = "__wasm_split.js";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["split", input, dir, main_js] => split(Path::new(input), Path::new(dir), main_js),
        ["name", dir, main_js] => name(Path::new(dir), Path::new(dir).join(main_js).as_path()),
        _ => Err(
            "usage: jixiao-split split IN.wasm DIR MAIN_JS | jixiao-split name DIR MAIN_JS".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jixiao-split: {e}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, dir: &Path, main_js: &str) -> Result<(), String> {
    let bytes = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let main_out = dir.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&bytes);
    opts.output_dir = dir;
    opts.main_out_path = &main_out;
    opts.main_module = main_js;
    opts.link_name = "./__wasm_split.js";
    let split = wasm_split_cli_support::transform(opts).map_err(|e| format!("{e:?}"))?;
    for path in &split.split_modules {
        println!("{}", path.display());
    }
    Ok(())
}

/// Chunks (split_*.wasm, chunk_*.wasm) and the loader renamed by content; MAIN_JS's import follows.
fn name(dir: &Path, main_js: &Path) -> Result<(), String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut loader = String::from_utf8(read(&dir.join(LOADER))?).map_err(|e| e.to_string())?;
    let mut chunks: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (n.starts_with("split_") || n.starts_with("chunk_")) && n.ends_with(".wasm")
        })
        .collect();
    chunks.sort();
    for chunk in chunks {
        let stem = chunk
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let named = format!("{stem}-{}.wasm", fnv_hex(&read(&chunk)?));
        let quoted = format!("\"./{stem}.wasm\"");
        if !loader.contains(&quoted) {
            return Err(format!("the loader does not name {stem}.wasm"));
        }
        loader = loader.replace(&quoted, &format!("\"./{named}\""));
        std::fs::rename(&chunk, dir.join(&named)).map_err(|e| e.to_string())?;
    }
    let loader_name = format!("__wasm_split-{}.js", fnv_hex(loader.as_bytes()));
    std::fs::write(dir.join(&loader_name), &loader).map_err(|e| e.to_string())?;
    std::fs::remove_file(dir.join(LOADER)).map_err(|e| e.to_string())?;
    // Where the glue fetches the loader (an ES import, or the no-modules glue's `require`), not the
    // wasm import's module name, which stays `./__wasm_split.js`.
    let mut js = String::from_utf8(read(main_js)?).map_err(|e| e.to_string())?;
    let mut found = false;
    for (before, after) in [("from \"./", "\""), ("require(\"./", "\")")] {
        let old = format!("{before}{LOADER}{after}");
        found |= js.contains(&old);
        js = js.replace(&old, &format!("{before}{loader_name}{after}"));
    }
    if !found {
        return Err(format!("{} does not import {LOADER}", main_js.display()));
    }
    std::fs::write(main_js, js).map_err(|e| e.to_string())?;
    println!("{loader_name}");
    Ok(())
}

/// 64-bit FNV-1a as 16 hex digits: a cache name, not a security measure.
fn fnv_hex(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
