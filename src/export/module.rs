//! The browser's two file modules (文件模块), compiled to their own wasm beside the workbench and
//! instantiated on first use (`src/ui/export_module.rs`), so that the workbench starts without the
//! crates that read and write Office files:
//! - [`Module::Writer`], the Word / Excel module (`src/bin/jixiao-export.rs`): docx-rs, rust_xlsxwriter
//!   and zip's writer — what a download of a .docx / .xlsx / package needs;
//! - [`Module::Reader`], the document reader (`src/bin/jixiao-read.rs`): calamine, lopdf, cfb, the GBK
//!   tables and the readers of Word files and saved pages — what opening a file needs.
//!
//! Each binary calls only its own half ([`write`] or [`read`]), so the linker keeps only that half's
//! crates: a user who only exports never downloads the PDF reader, and one who opens an .xls never
//! downloads docx-rs.
//!
//! A plain C ABI, no wasm-bindgen glue, so that one loader serves the page, the portal script and the
//! single offline file ([`c_abi!`]). Bytes in, bytes out:
//! - `jx_alloc(len) -> ptr`: memory for the input, which `jx_run` takes over;
//! - `jx_run(kind, ptr, len) -> status`: 0 done, 1 refused (the result is then a Chinese message);
//!   `kind` is a [`Job`]'s code;
//! - `jx_result_ptr()`, `jx_result_len()`: the output of the last run (valid until the next run).
//!
//! ```
//! use jixiao::export::documents::Documents;
//! use jixiao::export::module::{write, Job, Module};
//! let documents = Documents::of(&jixiao::core::template::load("nanjing-2024").unwrap());
//! let xlsx = write(Job::Xlsx.code(), &serde_json::to_vec(&documents).unwrap()).unwrap();
//! assert_eq!(&xlsx[..2], b"PK");
//! assert_eq!(Job::Xlsx.module(), Module::Writer);
//! assert!(write(Job::Unzip.code(), b"").is_err()); // the reader's job, refused by the writer
//! ```

/// Which of the two modules a job runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// The Word / Excel module: writes .docx, .xlsx and the package.
    Writer,
    /// The document reader: reads .xlsx, .xls, .docx, PDF, saved pages and .zip files.
    Reader,
}

impl Module {
    /// Its file beside the page or the portal script.
    pub fn file_name(self) -> &'static str {
        match self {
            Module::Writer => "jixiao_export.wasm",
            Module::Reader => "jixiao_read.wasm",
        }
    }

    /// Its name in messages.
    pub fn label(self) -> &'static str {
        match self {
            Module::Writer => "Word / Excel 模块",
            Module::Reader => "文件读取模块",
        }
    }
}

/// What a module does (its `jx_run` kinds): one list for the modules and the page that calls them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// The report as .docx, from the JSON of its [`Documents`].
    Docx = 1,
    /// The scoring annex as .xlsx, from the JSON of its [`Documents`].
    Xlsx = 2,
    /// An Office file or saved page read (.xlsx, .xls, .docx, .html, .mht, PDF): its table's cells or, a
    /// report, the whole evaluation, as the JSON of [`crate::core::import::OpenedDocument`].
    ReadDocument = 3,
    /// The reviewer's batch summary as .xlsx, from the desk's JSON.
    ReviewXlsx = 4,
    /// The files of a .zip, framed by [`crate::core::review::intake::encode_unpacked`].
    Unzip = 5,
    /// The package (导出全部): from [`PACKAGE_PARTS`] (the JSON of [`PackageParts`]) and the evidence
    /// bytes named by their SHA-256, framed the same way.
    Package = 6,
}

impl Job {
    const ALL: [Job; 6] = [
        Job::Docx,
        Job::Xlsx,
        Job::ReadDocument,
        Job::ReviewXlsx,
        Job::Unzip,
        Job::Package,
    ];

    /// The number the module is called with.
    pub fn code(self) -> u32 {
        self as u32
    }

    /// The job a number names, if any.
    pub fn from_code(code: u32) -> Option<Job> {
        Job::ALL.into_iter().find(|job| job.code() == code)
    }

    /// The module that runs it.
    pub fn module(self) -> Module {
        match self {
            Job::ReadDocument | Job::Unzip => Module::Reader,
            Job::Docx | Job::Xlsx | Job::ReviewXlsx | Job::Package => Module::Writer,
        }
    }
}

fn job_in(module: Module, kind: u32) -> Result<Job, String> {
    Job::from_code(kind)
        .filter(|job| job.module() == module)
        .ok_or_else(|| format!("{}不处理类型 {kind}", module.label()))
}

use super::documents::{Documents, PackageParts};

/// The name of the [`PackageParts`] among the framed parts of a [`Job::Package`].
pub const PACKAGE_PARTS: &str = "package.json";

fn documents(input: &[u8]) -> Result<Documents, String> {
    serde_json::from_slice(input).map_err(|e| format!("导出数据无法读取（{e}）"))
}

/// The Word / Excel module's jobs: `kind` (a [`Job`]'s code) on `input`.
pub fn write(kind: u32, input: &[u8]) -> Result<Vec<u8>, String> {
    match job_in(Module::Writer, kind)? {
        Job::Docx => super::docx::report_docx(&documents(input)?.report),
        Job::Xlsx => super::xlsx::workbook(&documents(input)?),
        Job::ReviewXlsx => serde_json::from_slice(input)
            .map_err(|e| format!("复核数据无法读取（{e}）"))
            .and_then(|desk| super::review::summary_workbook(&desk)),
        Job::Package => package(input),
        Job::ReadDocument | Job::Unzip => unreachable_job(kind),
    }
}

/// The document reader's jobs: `kind` (a [`Job`]'s code) on `input`.
pub fn read(kind: u32, input: &[u8]) -> Result<Vec<u8>, String> {
    match job_in(Module::Reader, kind)? {
        Job::ReadDocument => crate::core::import::read_document(input)
            .and_then(|read| read.opened())
            .map(|opened| serde_json::to_vec(&opened).unwrap_or_default())
            .map_err(|e| e.to_string()),
        Job::Unzip => crate::core::review::intake::unzip(input)
            .map(|files| crate::core::review::intake::encode_unpacked(&files))
            .map_err(|refusal| refusal.message()),
        Job::Docx | Job::Xlsx | Job::ReviewXlsx | Job::Package => unreachable_job(kind),
    }
}

// `job_in` has filtered by module; kept as a refusal rather than a panic all the same.
fn unreachable_job(kind: u32) -> Result<Vec<u8>, String> {
    Err(format!("未知的导出类型 {kind}"))
}

fn package(input: &[u8]) -> Result<Vec<u8>, String> {
    let unpacked = crate::core::review::intake::decode_unpacked(input)
        .ok_or_else(|| "材料包数据不完整".to_string())?;
    let mut files = Vec::new();
    let mut parts = None;
    for part in unpacked {
        let Ok(bytes) = part.bytes else { continue };
        if part.name == PACKAGE_PARTS {
            parts = Some(
                serde_json::from_slice::<PackageParts>(&bytes)
                    .map_err(|e| format!("材料包数据无法读取（{e}）"))?,
            );
        } else {
            files.push((part.name, bytes));
        }
    }
    let parts = parts.ok_or_else(|| "材料包数据缺少评价".to_string())?;
    super::package::assemble(&parts, &files)
}

/// The C ABI of a module binary around its half (`write` or `read`): `c_abi!(jixiao::export::module::read);`
/// in the binary (not in this library, whose exports every binary linking it would carry).
#[macro_export]
macro_rules! c_abi {
    ($run:path) => {
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
                // SAFETY: `ptr` comes from `jx_alloc(len)` (capacity `len.max(1)`) and the caller
                // wrote `len` bytes.
                let input = unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) };
                let (status, output) = match $run(kind, &input) {
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
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_runs_in_one_module_and_is_refused_by_the_other() {
        for job in Job::ALL {
            assert_eq!(Job::from_code(job.code()), Some(job));
            let other = match job.module() {
                Module::Writer => read(job.code(), b""),
                Module::Reader => write(job.code(), b""),
            };
            assert!(other.unwrap_err().contains("不处理类型"), "{job:?}");
        }
        assert!(write(99, b"").is_err() && read(0, b"").is_err());
    }

    #[test]
    fn the_writer_makes_from_the_pages_documents_what_the_cli_makes_from_the_evaluation() {
        use crate::core::review::intake::{encode_unpacked, unzip, Unpacked};
        let e = crate::core::template::load("nanjing-2024").unwrap();
        let documents = serde_json::to_vec(&Documents::of(&e)).unwrap();
        assert_eq!(
            write(Job::Docx.code(), &documents).unwrap(),
            crate::export::docx::evaluation_docx(&e).unwrap()
        );
        let parts = serde_json::to_vec(&PackageParts::of(&e)).unwrap();
        let framed = encode_unpacked(&[Unpacked {
            name: PACKAGE_PARTS.into(),
            bytes: Ok(parts),
        }]);
        let names = |zip: &[u8]| -> Vec<String> {
            unzip(zip).unwrap().into_iter().map(|f| f.name).collect()
        };
        let native = crate::export::package::package(&e, &[]).unwrap();
        assert_eq!(
            names(&write(Job::Package.code(), &framed).unwrap()),
            names(&native)
        );
        // Damaged input is refused in Chinese, not a panic.
        assert!(write(Job::Xlsx.code(), b"{")
            .unwrap_err()
            .contains("导出数据无法读取"));
        assert!(write(Job::Package.code(), &encode_unpacked(&[]))
            .unwrap_err()
            .contains("缺少评价"));
    }
}
