//! Post-build step of the portal and single-file builds (run by `scripts/dev dist`):
//! `jixiao-pack BUILD_DIR OUT_DIR` reads wasm-bindgen's `--target no-modules` output (`jixiao.js`,
//! `jixiao_bg.wasm`) from BUILD_DIR and writes to OUT_DIR:
//! - `jixiao.js`: one classic script (no ES module) that defines `<jixiao-workbench>` and `window.JiXiao`,
//!   loading `jixiao_bg.wasm` from beside its own URL;
//! - `jixiao_bg.wasm`;
//! - `jixiao-standalone.html`: one self-contained file (script and wasm as base64 inlined) that works from
//!   file:// with the network off.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The wrapper around wasm-bindgen's glue: everything stays inside one function scope except
/// `window.JiXiao` and the custom element.
const WRAPPER: &str = r#"
  const SCRIPT_URL = (document.currentScript && document.currentScript.src) || location.href;
  let loading = null;
  function load() {
    if (!loading) {
      const source = typeof JIXIAO_WASM_BASE64 === 'string'
        ? Uint8Array.from(atob(JIXIAO_WASM_BASE64), (c) => c.charCodeAt(0))
        : new URL('jixiao_bg.wasm', SCRIPT_URL);
      loading = wasm_bindgen({ module_or_path: source }).then(() => wasm_bindgen);
    }
    return loading;
  }
  function optionsOf(el) {
    const d = el.dataset;
    return {
      template: d.template || undefined,
      storageKey: d.storageKey || (el.id ? 'embedded-' + el.id : undefined),
      src: d.src || undefined,
      readonly: d.readonly !== undefined && d.readonly !== 'false',
    };
  }
  function fail(el, err) {
    el.dispatchEvent(new CustomEvent('jixiao:error', { bubbles: true, composed: true, detail: { message: String(err) } }));
  }
  class JiXiaoWorkbench extends HTMLElement {
    connectedCallback() {
      this.__connected = true;
      load().then((api) => {
        if (this.__connected && !this.__instance) this.__instance = api.mount(this, optionsOf(this));
      }).catch((err) => fail(this, err));
    }
    disconnectedCallback() {
      this.__connected = false;
      if (this.__instance) {
        this.__instance.unmount();
        this.__instance.free();
        this.__instance = null;
      }
    }
  }
  if (!customElements.get('jixiao-workbench')) customElements.define('jixiao-workbench', JiXiaoWorkbench);
  window.JiXiao = Object.freeze({
    version: VERSION,
    /** Mounts into `element`; resolves to a handle with `unmount()`. The element holds the instance, so
     *  the workbench lives as long as the element does, whether or not the caller keeps the handle. */
    mount(element, options) {
      return load().then((api) => {
        if (element.__jixiaoInstance) element.__jixiaoInstance.unmount();
        const instance = api.mount(element, Object.assign(optionsOf(element), options || {}));
        const handle = {
          unmount() {
            if (element.__jixiaoInstance !== handle) return;
            delete element.__jixiaoInstance;
            instance.unmount();
            instance.free();
          },
        };
        element.__jixiaoInstance = handle;
        return handle;
      });
    },
  });
"#;

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

fn script(glue: &str, wasm_base64: Option<&str>) -> String {
    let inline = wasm_base64
        .map(|b| format!("  const JIXIAO_WASM_BASE64 = \"{b}\";\n"))
        .unwrap_or_default();
    format!(
        "/* jixiao {VERSION} — 绩效自评工作台. Defines <jixiao-workbench> and window.JiXiao. */\n(function () {{\n  \"use strict\";\n  const VERSION = \"{VERSION}\";\n{inline}{glue}\n{WRAPPER}}})();\n"
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
    write("jixiao.js", script(&glue, None).as_bytes())?;
    write("jixiao_bg.wasm", &wasm)?;
    write(
        "jixiao-standalone.html",
        standalone(&script(&glue, Some(&base64(&wasm)))).as_bytes(),
    )?;
    println!(
        "jixiao-pack: wrote jixiao.js, jixiao_bg.wasm, jixiao-standalone.html to {}",
        out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [build, out] = args.as_slice() else {
        eprintln!("usage: jixiao-pack BUILD_DIR OUT_DIR");
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
