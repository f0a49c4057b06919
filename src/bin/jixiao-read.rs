//! The document reader (文件读取模块) of the browser app: reads .xlsx, .xls, Word, PDF and saved pages,
//! and unzips a reviewer's batch. Its jobs and C ABI: [`jixiao::export::module`].

jixiao::c_abi!(jixiao::export::module::read);

fn main() {}
