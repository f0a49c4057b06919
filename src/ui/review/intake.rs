//! Reading a batch in the browser: each file's bytes, a .zip opened (and an .xlsx's cells read) by the
//! Word / Excel module, the rest by the core. The work is split into slices of at most [`SLICE_MS`] with
//! a yield to the event loop between them, so the page keeps painting the progress bar and answering
//! clicks. (Chunks, not a worker: a worker would download and compile the workbench's wasm a second time
//! and copy every file across; one file takes a few milliseconds, so slices keep every task short.)

use super::state::{Progress, Review};
use crate::core::keys::content_key;
use crate::core::review::intake::{
    classify, decode_unpacked, open_cells, open_text, package_of, FileKind, MAX_ARCHIVE_BYTES,
    MAX_DEPTH,
};
use crate::core::review::{Refusal, ReviewRow};
use crate::core::Evaluation;
use crate::ui::export_module::{run, Job};
use leptos::prelude::*;
use std::collections::VecDeque;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Longest stretch of work before the page gets the main thread back (the progress bar moves then).
const SLICE_MS: f64 = 25.0;
// The rows join the table once, when the batch is read: joining while reading re-rendered the page's
// desk each time (measured: 300 files took 1.5 s joining every 750 ms, 5.2 s every 150 ms); the
// table then renders its rows in slices of its own (see `LeagueTable`).

/// Where a file's bytes are.
enum Source {
    /// A file the user picked or dropped.
    Picked(web_sys::File),
    /// A file taken out of a .zip.
    Unpacked(Vec<u8>),
    /// A file of a .zip that could not be taken out.
    Refused(Refusal),
}

struct Item {
    name: String,
    source: Source,
    depth: usize,
}

/// The files of a FileList, each named by its path inside a picked folder when there is one.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn name_of(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Gives the main thread back until the next task (a zero-delay timeout).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

async fn bytes_of(file: &web_sys::File) -> Result<Vec<u8>, Refusal> {
    if file.size() > MAX_ARCHIVE_BYTES as f64 {
        return Err(Refusal::TooLarge(file.size() as u64));
    }
    JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|_| {
            Refusal::Unreadable(
                "浏览器无法读取该文件（拖入的如是文件夹，请改用“打开文件夹…”）".into(),
            )
        })
}

/// What one file holds: an evaluation, its refusal, or (a .zip) more files to read.
enum Read {
    Opened(Box<Evaluation>),
    Refused(Refusal),
    Files(Vec<Item>),
}

async fn read(name: &str, bytes: &[u8], depth: usize) -> Read {
    let refused = Read::Refused;
    match classify(name, bytes) {
        FileKind::Archive if depth >= MAX_DEPTH => refused(Refusal::TooDeep),
        FileKind::Archive => match run(Job::Unzip, bytes).await {
            Ok(framed) => match decode_unpacked(&framed) {
                Some(files) => match package_of(&files) {
                    // A package is one evaluation, not a batch.
                    Some(Ok(e)) => Read::Opened(Box::new(e)),
                    Some(Err(r)) => refused(r),
                    None => Read::Files(
                        files
                            .into_iter()
                            .map(|f| Item {
                                name: format!("{name}/{}", f.name),
                                source: match f.bytes {
                                    Ok(bytes) => Source::Unpacked(bytes),
                                    Err(refusal) => Source::Refused(refusal),
                                },
                                depth: depth + 1,
                            })
                            .collect(),
                    ),
                },
                None => refused(Refusal::Unreadable("压缩包内容无法读取".into())),
            },
            Err(message) => refused(Refusal::Unreadable(message)),
        },
        FileKind::Office | FileKind::Page => read_document(bytes).await,
        // A PDF beside the tables may be any document: one without a report is listed, not an error.
        FileKind::Pdf => match read_document(bytes).await {
            Read::Refused(Refusal::Unreadable(message)) => {
                refused(Refusal::NotATable(format!("PDF 文件：{message}")))
            }
            read => read,
        },
        FileKind::Evaluation | FileKind::Table => match open_text(name, bytes) {
            Ok(e) => Read::Opened(Box::new(e)),
            Err(r) => refused(r),
        },
        FileKind::Refused(r) => refused(r),
    }
}

/// An Office file, saved page or PDF read by the Word / Excel module: a whole report as its evaluation,
/// else its table.
async fn read_document(bytes: &[u8]) -> Read {
    let refused = Read::Refused;
    match run(Job::ReadDocument, bytes).await {
        Ok(json) => match serde_json::from_slice::<crate::core::import::OpenedDocument>(&json) {
            Ok(crate::core::import::OpenedDocument {
                report: Some(report),
                ..
            }) => match crate::core::from_json(&report) {
                Ok(e) => Read::Opened(Box::new(e)),
                Err(e) => refused(Refusal::Unreadable(e.to_string())),
            },
            Ok(read) => match open_cells(&read.cells) {
                Ok(e) => Read::Opened(Box::new(e)),
                Err(r) => refused(r),
            },
            Err(e) => refused(Refusal::Unreadable(e.to_string())),
        },
        Err(message) => refused(Refusal::Unreadable(message)),
    }
}

/// Reads `files` into the desk, in slices; rows appear as they are read. One batch at a time: files
/// opened while one is read are refused with a message, never mixed in.
pub fn receive(review: Review, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    if review.progress.get_untracked().is_some() {
        review.tell(false, "正在读取上一批文件，请稍候再打开。");
        return;
    }
    review.opened.set(None);
    let mut queue: VecDeque<Item> = files
        .into_iter()
        .map(|f| Item {
            name: name_of(&f),
            source: Source::Picked(f),
            depth: 0,
        })
        .collect();
    let mut total = queue.len();
    review.progress.set(Some(Progress {
        done: 0,
        total,
        refused: 0,
    }));
    let timing = crate::ui::timing::Timing::start("jixiao:review-read");
    leptos::task::spawn_local(async move {
        let (mut done, mut rows, mut opened, mut refused) = (0, Vec::new(), 0, 0);
        let mut slice = now();
        while let Some(item) = queue.pop_front() {
            let bytes = match item.source {
                Source::Picked(file) => bytes_of(&file).await,
                Source::Unpacked(bytes) => Ok(bytes),
                Source::Refused(refusal) => Err(refusal),
            };
            let row = match bytes {
                Err(refusal) => ReviewRow::refused(&item.name, String::new(), refusal),
                Ok(bytes) => {
                    let key = content_key(&bytes);
                    match read(&item.name, &bytes, item.depth).await {
                        Read::Opened(evaluation) => {
                            let row = ReviewRow::from_key(&item.name, key, &evaluation);
                            review.keep(&item.name, *evaluation);
                            row
                        }
                        Read::Refused(refusal) => ReviewRow::refused(&item.name, key, refusal),
                        Read::Files(inner) => {
                            // The .zip is no row: its files are, read next.
                            total += inner.len();
                            done += 1;
                            for item in inner.into_iter().rev() {
                                queue.push_front(item);
                            }
                            continue;
                        }
                    }
                }
            };
            if row.summary().is_some() {
                opened += 1;
            } else {
                refused += 1;
            }
            rows.push(row);
            done += 1;
            if now() - slice > SLICE_MS {
                review.progress.set(Some(Progress {
                    done,
                    total,
                    refused,
                }));
                next_task().await;
                slice = now();
            }
        }
        flush(review, &mut rows);
        // Writing the desk (a few MB for hundreds of files) is a task of its own.
        next_task().await;
        review.progress.set(None);
        review.save();
        timing.end();
        let text = if refused > 0 {
            format!("已读取 {opened} 个文件；{refused} 个文件无法读取或不是评价文件（见标红行的原因）。")
        } else {
            format!("已读取 {opened} 个文件。")
        };
        review.tell(false, text);
    });
}

/// Moves the rows read so far onto the desk.
fn flush(review: Review, rows: &mut Vec<ReviewRow>) {
    if !rows.is_empty() {
        review.desk.update(|d| {
            for row in rows.drain(..) {
                d.add(row);
            }
        });
    }
}
