//! The Word / Excel module (导出模块) of the browser app: writes the report .docx, the scoring .xlsx, the
//! reviewer's summary .xlsx and the package (导出全部). Its jobs and C ABI: [`jixiao::export::module`].

jixiao::c_abi!(jixiao::export::module::write);

fn main() {}
