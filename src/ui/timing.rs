//! Performance marks around work the benchmark times in the browser (`performance.measure(name)`):
//! exports (`jixiao:export-docx`, `jixiao:export-xlsx`) and reading a batch (`jixiao:review-read`).

/// A running measurement; [`Timing::end`] records it.
pub struct Timing(String);

impl Timing {
    /// Starts measuring `name`.
    pub fn start(name: &str) -> Self {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(&format!("{name}:start"));
        }
        Timing(name.to_string())
    }

    /// Records the measure from the start to now.
    pub fn end(self) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.measure_with_start_mark(&self.0, &format!("{}:start", self.0));
        }
    }
}
