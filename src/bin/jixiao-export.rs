//! The Word / Excel module (导出模块) of the browser app: .docx, .xlsx and reading an .xlsx, compiled to
//! its own wasm that the app instantiates on first use (`src/ui/export_module.rs`). docx-rs,
//! rust_xlsxwriter, calamine and zip are most of the code; keeping them out of the app's module makes the
//! workbench several times smaller to download and compile.
//!
//! A plain C ABI, no wasm-bindgen glue, so that one loader serves the page, the portal script and the
//! single offline file. Bytes in, bytes out:
//! - `jx_alloc(len) -> ptr`: memory for the input, which `jx_run` takes over;
//! - `jx_run(kind, ptr, len) -> status`: 0 done, 1 refused (the result is then a Chinese message);
//!   kinds: 1 report .docx from evaluation JSON, 2 scoring .xlsx from evaluation JSON,
//!   3 the cells of an .xlsx's first sheet as JSON (`[["指标", …], …]`), 4 the reviewer's batch summary
//!   .xlsx from the desk's JSON, 5 the files of a .zip (framed by `encode_unpacked`), 6 the package
//!   (导出全部) from `evaluation.json` and the evidence bytes named by SHA-256, framed the same way;
//! - `jx_result_ptr()`, `jx_result_len()`: the output of the last run (valid until the next run).

use jixiao::export::Job;

#[cfg(target_arch = "wasm32")]
mod abi {
    use std::cell::RefCell;

    thread_local! {
        static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    /// Memory for `len` input bytes.
    #[no_mangle]
    pub extern "C" fn jx_alloc(len: usize) -> *mut u8 {
        let mut buffer = Vec::<u8>::with_capacity(len.max(1));
        let ptr = buffer.as_mut_ptr();
        std::mem::forget(buffer);
        ptr
    }

    /// Runs `kind` on the input at `ptr` (from `jx_alloc(len)`, freed here).
    #[no_mangle]
    pub extern "C" fn jx_run(kind: u32, ptr: *mut u8, len: usize) -> u32 {
        // SAFETY: `ptr` comes from `jx_alloc(len)` (capacity `len.max(1)`) and the caller wrote `len` bytes.
        let input = unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) };
        let (status, output) = match super::run(kind, &input) {
            Ok(bytes) => (0, bytes),
            Err(message) => (1, message.into_bytes()),
        };
        RESULT.with(|r| *r.borrow_mut() = output);
        status
    }

    /// Where the last output starts.
    #[no_mangle]
    pub extern "C" fn jx_result_ptr() -> *const u8 {
        RESULT.with(|r| r.borrow().as_ptr())
    }

    /// How long the last output is.
    #[no_mangle]
    pub extern "C" fn jx_result_len() -> usize {
        RESULT.with(|r| r.borrow().len())
    }
}

/// One request to the module: `kind` (see the module docs) on `input`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn run(kind: u32, input: &[u8]) -> Result<Vec<u8>, String> {
    let evaluation = || {
        let text =
            std::str::from_utf8(input).map_err(|_| "导出数据不是有效的 UTF-8 文本".to_string())?;
        jixiao::core::from_json(text).map_err(|e| e.to_string())
    };
    match Job::from_code(kind) {
        Some(Job::Docx) => jixiao::export::docx::evaluation_docx(&evaluation()?),
        Some(Job::Xlsx) => jixiao::export::xlsx::scoring_workbook(&evaluation()?),
        Some(Job::ReadDocument) => jixiao::core::import::read_document(input)
            .and_then(|read| read.opened())
            .map(|opened| serde_json::to_vec(&opened).unwrap_or_default())
            .map_err(|e| e.to_string()),
        Some(Job::ReviewXlsx) => serde_json::from_slice(input)
            .map_err(|e| format!("复核数据无法读取（{e}）"))
            .and_then(|desk| jixiao::export::review::summary_workbook(&desk)),
        Some(Job::Unzip) => jixiao::core::review::intake::unzip(input)
            .map(|files| jixiao::core::review::intake::encode_unpacked(&files))
            .map_err(|refusal| refusal.message()),
        Some(Job::Package) => {
            let parts = jixiao::core::review::intake::decode_unpacked(input)
                .ok_or_else(|| "材料包数据不完整".to_string())?;
            let mut files = Vec::new();
            let mut evaluation = None;
            for part in parts {
                let Ok(bytes) = part.bytes else { continue };
                if part.name == jixiao::core::evidence::EVALUATION_PATH {
                    evaluation = Some(
                        jixiao::core::from_json(&String::from_utf8_lossy(&bytes))
                            .map_err(|e| e.to_string())?,
                    );
                } else {
                    files.push((part.name, bytes));
                }
            }
            let evaluation = evaluation.ok_or_else(|| "材料包数据缺少评价".to_string())?;
            jixiao::export::package::package(&evaluation, &files)
        }
        None => Err(format!("未知的导出类型 {kind}")),
    }
}

fn main() {}
