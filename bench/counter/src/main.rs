//! A Leptos CSR counter: the size and load-time reference the workbench is measured against.
#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! { <button data-testid="count" on:click=move |_| *count.write() += 1>{count}</button> }
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
