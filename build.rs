//! The split release builds keep the linker's relocation records, which the splitter needs to move the
//! capabilities' code into chunks (`tools/split`, `src/ui/lazy.rs`). Only the two binaries that are split
//! (the page and the portal / single-file module) and only with the `split` feature: the Word / Excel
//! module, the browser tests and the reference counter link as before (the records would stay in them
//! through wasm-opt: the counter went from 36 to 211 KB gzip). A link argument of one binary does not
//! change how the crates are compiled, so no build is repeated for it.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        for bin in ["jixiao-app", "jixiao-embed"] {
            println!("cargo:rustc-link-arg-bin={bin}=--emit-relocs");
        }
    }
}
