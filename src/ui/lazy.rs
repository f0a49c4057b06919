//! Capabilities loaded on first use (分块加载). With the `split` feature (release builds) each
//! [`Capability`] is a split point: `tools/split` moves the code only it reaches out of the first
//! download into a chunk, and the first [`Lazy`] showing it fetches and links that chunk. Without the
//! feature (development, browser tests) the capability is shown at once.
//!
//! A chunk that cannot be loaded (an offline portal, a file missing beside the script) is told in
//! Chinese where the capability would have been; the rest of the workbench keeps working, and the next
//! time the capability is opened the load is tried again.
//!
//! ```ignore
//! capability!(pub REPORT, report, "报告预览", || view! { <ReportTab/> }.into_any());
//! view! { <Lazy capability=&REPORT/> }
//! ```
//!
//! Each capability is declared beside its component (`unit_form`, `accounts_form`, `metrics_form`,
//! `report_tab`, `compare_tab`, `evidence_tab`, `library_panel`, `review`), so that this module depends
//! on none of them; `tests/e2e/chunks.spec.mjs`
//! lists them all and opens each in the three deployments.

use leptos::prelude::*;

/// A capability's view, built by code in its chunk.
pub type Face = fn() -> AnyView;

/// The split point's call: fetches the chunk (once), then gives the view's builder.
#[cfg(feature = "split")]
pub type Load =
    fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Face, ChunkFailed>>>>;

/// A chunk could not be fetched or linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// A part of the workbench that may arrive after the first screen.
pub struct Capability {
    /// Its name in messages (复核台, 指标库 …).
    pub name: &'static str,
    /// Fetches its chunk (once) and gives the function that builds its view.
    #[cfg(feature = "split")]
    load: Load,
    /// Builds its view (no chunk: the code is in the first download).
    #[cfg(not(feature = "split"))]
    face: Face,
    /// Once loaded, the view is built at once the next time (no 正在载入 flash on every tab switch).
    #[cfg(feature = "split")]
    loaded: std::sync::OnceLock<Face>,
}

impl Capability {
    #[cfg(feature = "split")]
    #[doc(hidden)]
    pub const fn new(name: &'static str, load: Load) -> Self {
        Capability {
            name,
            load,
            loaded: std::sync::OnceLock::new(),
        }
    }

    #[cfg(not(feature = "split"))]
    #[doc(hidden)]
    pub const fn new(name: &'static str, face: Face) -> Self {
        Capability { name, face }
    }

    /// The view's builder if its code is here already.
    fn ready(&self) -> Option<Face> {
        #[cfg(feature = "split")]
        return self.loaded.get().copied();
        #[cfg(not(feature = "split"))]
        return Some(self.face);
    }

    /// Fetches the chunk (a no-op once it is here).
    pub async fn fetch(&'static self) -> Result<Face, ChunkFailed> {
        #[cfg(feature = "split")]
        {
            let face = (self.load)().await?;
            let _ = self.loaded.set(face);
            Ok(face)
        }
        #[cfg(not(feature = "split"))]
        Ok(self.face)
    }
}

/// Declares a capability: `capability!(STATIC, split_name, "名称", || view)`. The view closure must
/// not capture (it becomes a `fn`), and what only it reaches goes into the chunk `split_name`.
macro_rules! capability {
    ($vis:vis $static:ident, $split:ident, $name:literal, $face:expr) => {
        #[cfg(feature = "split")]
        $vis static $static: $crate::ui::lazy::Capability = {
            #[wasm_split_helpers::wasm_split($split, fallible)]
            fn $split() -> Result<$crate::ui::lazy::Face, $crate::ui::lazy::ChunkFailed> {
                Ok($face)
            }
            $crate::ui::lazy::Capability::new($name, || Box::pin($split()))
        };
        #[cfg(not(feature = "split"))]
        $vis static $static: $crate::ui::lazy::Capability = $crate::ui::lazy::Capability::new($name, $face);
    };
}
pub(crate) use capability;

/// Shows a capability: at once when its code is here, else 正在载入 until its chunk arrives, and why
/// not if it cannot.
#[component]
pub fn Lazy(capability: &'static Capability) -> impl IntoView {
    let state = RwSignal::new(capability.ready().map(Ok));
    if state.get_untracked().is_none() {
        leptos::task::spawn_local(async move { state.set(Some(capability.fetch().await)) });
    }
    let name = capability.name;
    move || match state.get() {
        None => loading(name),
        Some(Ok(face)) => face(),
        Some(Err(ChunkFailed)) => failed(name),
    }
}

/// While the chunk arrives.
fn loading(name: &'static str) -> AnyView {
    let text = format!("正在载入{name}…");
    view! { <p class="jx-chunk-loading" role="status" data-testid="chunk-loading">{text}</p> }
        .into_any()
}

/// The chunk did not arrive: what happened and what to do, where the capability would be.
fn failed(name: &'static str) -> AnyView {
    let text = format!(
        "{name}未能载入：所需的程序文件无法读取（网络中断，或部署时缺少文件）。其他功能不受影响；请稍后重新打开{name}，或刷新页面。"
    );
    view! { <p class="jx-chunk-failed" role="alert" data-testid="chunk-failed">{text}</p> }
        .into_any()
}
