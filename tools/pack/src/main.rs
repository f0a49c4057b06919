//! Post-build step of the portal and single-file builds (run by `scripts/dev dist` as
//! `cargo run -p jixiao-pack`), a build tool beside the workbench rather than one of its entry points:
//! `jixiao-pack BUILD_DIR OUT_DIR` reads wasm-bindgen's `--target no-modules` output (`jixiao.js`,
//! `jixiao_bg.wasm`) and the file modules ([`MODULES`]) from BUILD_DIR and writes to OUT_DIR:
//! - `jixiao.js`: one classic script (no ES module) that defines `<jixiao-workbench>` and `window.JiXiao`,
//!   loading `jixiao_bg.wasm` from beside its own URL;
//! - `jixiao_bg.wasm`, `jixiao_export.wasm` (fetched on first export) and `jixiao_read.wasm` (on first
//!   opening of a file);
//! - a split build's chunks (`split_*-HASH.wasm`, `chunk_*-HASH.wasm`, fetched on first use of their
//!   capability), its loader made part of the script ([`split`]);
//! - `jixiao-standalone.html`: one self-contained file (script, every wasm module and chunk gzipped and
//!   inlined as base64, inflated on use by `src/embed/inline.js`) that works from file:// with the
//!   network off.

mod split;

use split::Loader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The workbench's version (this tool is versioned with it).
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The wrapper around wasm-bindgen's glue: everything stays inside one function scope except
/// `window.JiXiao` and the custom element.
const WRAPPER: &str = include_str!("../../../src/embed/wrapper.js");

/// The single file's inlined wasm, decoded and inflated on use (`jixiaoInline(name)`).
const INLINE: &str = include_str!("../../../src/embed/inline.js");

/// The file modules the workbench instantiates on first use (`jixiao::export::module`).
const MODULES: [&str; 2] = ["jixiao_export.wasm", "jixiao_read.wasm"];

/// The message shown when the workbench cannot start (the same script as the standalone page's).
const UNSUPPORTED: &str = include_str!("../../../src/embed/unsupported.js");

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// gzip at the best level: a wasm module shrinks to about 40 %, and base64 adds a third back.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// The classic script; with `inline` (each wasm file's name and its gzip as base64) for the single
/// file. `loader` is a split build's loader function (and its chunks' fetch), after the wrapper.
fn script(glue: &str, loader: &str, inline: Option<&[(String, String)]>) -> String {
    let inline = inline
        .map(|files| {
            let files: Vec<String> = files
                .iter()
                .map(|(name, data)| format!("\"{name}\": \"{data}\""))
                .collect();
            format!(
                "  const JIXIAO_INLINE = {{ {} }};\n{INLINE}",
                files.join(", ")
            )
        })
        .unwrap_or_default();
    format!(
        "/* jixiao {VERSION} — 绩效自评工作台. Defines <jixiao-workbench> and window.JiXiao. */\n(function () {{\n  \"use strict\";\n  const VERSION = \"{VERSION}\";\n{inline}{glue}\n{UNSUPPORTED}\n{WRAPPER}{loader}}})();\n"
    )
}

fn standalone(script: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>绩效自评工作台</title>\n</head>\n<body style=\"margin:0\">\n<jixiao-workbench id=\"standalone\" data-storage-key=\"standalone\"></jixiao-workbench>\n<script>\n{}\n</script>\n</body>\n</html>\n",
        // A literal "</script" inside the script would end it early.
        script.replace("</script", "<\\/script")
    )
}

fn run(build: &Path, out: &Path) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read(build.join(name))
            .map_err(|e| format!("cannot read {}: {e}", build.join(name).display()))
    };
    let glue =
        String::from_utf8(read("jixiao.js")?).map_err(|_| "jixiao.js is not UTF-8".to_string())?;
    let wasm = read("jixiao_bg.wasm")?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("jixiao_bg.wasm", &wasm)?;
    let mut inline = vec![("jixiao_bg.wasm".to_string(), base64(&gzip(&wasm)))];
    for name in MODULES {
        let bytes = read(name)?;
        write(name, &bytes)?;
        inline.push((name.to_string(), base64(&gzip(&bytes))));
    }
    let (glue, loader) = match split_loader(build)? {
        Some(loader) => {
            for name in &loader.chunks {
                let bytes = read(name)?;
                write(name, &bytes)?;
                inline.push((name.clone(), base64(&gzip(&bytes))));
            }
            let (glue, loader) = loader.into_script(&glue)?;
            (glue, format!("{loader}{}", split::CHUNK_FETCH))
        }
        None => (glue, String::new()),
    };
    write("jixiao.js", script(&glue, &loader, None).as_bytes())?;
    write(
        "jixiao-standalone.html",
        standalone(&script(&glue, &loader, Some(&inline))).as_bytes(),
    )?;
    println!(
        "jixiao-pack: wrote jixiao.js, jixiao_bg.wasm, {}, {} chunks, jixiao-standalone.html to {}",
        MODULES.join(", "),
        inline.len() - 1 - MODULES.len(),
        out.display()
    );
    Ok(())
}

/// The loader of a split build in BUILD_DIR (`__wasm_split-HASH.js`), if the build was split.
fn split_loader(build: &Path) -> Result<Option<Loader>, String> {
    let entries =
        std::fs::read_dir(build).map_err(|e| format!("cannot list {}: {e}", build.display()))?;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with("__wasm_split") && file.ends_with(".js") {
            let text = std::fs::read_to_string(entry.path())
                .map_err(|e| format!("cannot read {file}: {e}"))?;
            return Ok(Some(Loader::new(file, text)));
        }
    }
    Ok(None)
}

/// Reads an unsigned LEB128 number at `*at`.
fn leb(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

fn put_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Whether a custom section is for build tools only: the linker's relocation records (`linking`,
/// `reloc.*`, should a build keep them), the descriptions wasm-bindgen's CLI reads and the split points'
/// table. The Word / Excel module goes through neither tool, and wasm-opt would carry them through unused.
fn is_tool_section(body: &[u8]) -> bool {
    let mut at = 0;
    let Some(len) = leb(body, &mut at) else {
        return false;
    };
    let name = body
        .get(at..at.saturating_add(len as usize))
        .unwrap_or_default();
    name == b"linking"
        || name.starts_with(b"reloc.")
        || name == b"__wasm_bindgen_unstable"
        || name == b"__wasm_split_unstable"
}

/// Keeps only the exports named `memory` or `jx_*` of a wasm module, and drops the build tools' custom
/// sections ([`is_tool_section`]). The Word / Excel module is a plain binary linked with wasm-bindgen's
/// crates, whose hundreds of `__wbindgen_describe_*` exports (read only by the wasm-bindgen CLI, which this
/// module skips) would keep dead code alive through wasm-opt.
fn keep_own_exports(wasm: &[u8]) -> Option<Vec<u8>> {
    let mut out = wasm.get(..8)?.to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)? as usize;
        let body = wasm.get(at..at.checked_add(size)?)?;
        at += size;
        if id == 0 && is_tool_section(body) {
            continue;
        }
        let body = if id == 7 {
            let mut k = 0;
            let count = leb(body, &mut k)?;
            let mut kept = Vec::new();
            let mut n = 0u64;
            for _ in 0..count {
                let start = k;
                let len = leb(body, &mut k)? as usize;
                let name = body.get(k..k.checked_add(len)?)?;
                k += len + 1; // the name, then the kind byte
                leb(body, &mut k)?; // the index
                if name == b"memory" || name.starts_with(b"jx_") {
                    kept.extend_from_slice(body.get(start..k)?);
                    n += 1;
                }
            }
            let mut section = Vec::new();
            put_leb(&mut section, n);
            section.extend(kept);
            section
        } else {
            body.to_vec()
        };
        out.push(id);
        put_leb(&mut out, body.len() as u64);
        out.extend(body);
    }
    Some(out)
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if let [command, input, output] = args.as_slice() {
        if command.as_os_str() == "keep-own-exports" {
            let result = std::fs::read(input)
                .map_err(|e| format!("cannot read {}: {e}", input.display()))
                .and_then(|wasm| {
                    keep_own_exports(&wasm).ok_or_else(|| "not a wasm module".to_string())
                })
                .and_then(|wasm| {
                    std::fs::write(output, wasm).map_err(|e| format!("cannot write: {e}"))
                });
            if let Err(message) = result {
                eprintln!("jixiao-pack: {message}");
                return ExitCode::FAILURE;
            }
            return ExitCode::SUCCESS;
        }
    }
    let [build, out] = args.as_slice() else {
        eprintln!(
            "usage: jixiao-pack BUILD_DIR OUT_DIR | jixiao-pack keep-own-exports IN.wasm OUT.wasm"
        );
        return ExitCode::from(2);
    };
    match run(build, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("jixiao-pack: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_modules_own_exports_are_kept() {
        // (module (memory (export "memory") 1) (func (export "jx_run")) (func (export "__wbindgen_describe_x")))
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 4, 1, 0x60, 0, 0]); // type section: one () -> ()
        wasm.extend([3, 3, 2, 0, 0]); // two functions of type 0
        wasm.extend([5, 3, 1, 0, 1]); // one memory, min 1 page
        let mut exports = vec![3u8];
        for (name, kind, index) in [
            ("memory", 2u8, 0u8),
            ("jx_run", 0, 0),
            ("__wbindgen_describe_x", 0, 1),
        ] {
            exports.push(name.len() as u8);
            exports.extend(name.as_bytes());
            exports.extend([kind, index]);
        }
        wasm.push(7);
        wasm.push(exports.len() as u8);
        wasm.extend(&exports);
        wasm.extend([10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b]); // two empty bodies
        let kept = keep_own_exports(&wasm).unwrap();
        let text = String::from_utf8_lossy(&kept);
        assert!(text.contains("jx_run") && text.contains("memory"));
        assert!(!text.contains("__wbindgen_describe_x"));
        assert_eq!(
            kept.len(),
            wasm.len() - 1 - "__wbindgen_describe_x".len() - 2
        );
        let mut linked = wasm.clone();
        linked.extend([0, 8, 7]);
        linked.extend(b"linking");
        linked.extend([0, 11, 10]);
        linked.extend(b"reloc.CODE");
        assert_eq!(
            keep_own_exports(&linked).unwrap(),
            kept,
            "relocation records dropped"
        );
        assert!(
            keep_own_exports(b"\0asm\x01\0\0\0\x07\x05").is_none(),
            "a cut section is refused"
        );
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(&[0xff, 0xfe, 0x00, 0x01]), "//4AAQ==");
    }

    #[test]
    fn the_standalone_page_cannot_be_closed_early_by_its_script() {
        let page = standalone("let s = '</script>';");
        assert_eq!(page.matches("</script>").count(), 1);
    }
}
