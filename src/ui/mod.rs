//! The browser workbench (Leptos CSR): a thin layer over [`crate::core`]. Components only forward
//! events to the state and render derived values; one concern per file.

mod app;
mod header;
mod indicator_table;
mod state;

pub use app::App;
pub use state::Workbench;


/// Mounts the workbench into `<body>` (the standalone page).
pub fn mount_to_body() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
