//! Browser entry point (built by Trunk); the native CLI is `src/bin/jixiao.rs`.
fn main() {
    #[cfg(target_arch = "wasm32")]
    jixiao::ui::mount_to_body();
}
