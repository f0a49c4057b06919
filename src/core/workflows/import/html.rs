//! Tables of a web page (HTML): what the clipboard carries as `text/html` when a table is copied from
//! Excel, WPS or a browser, and saved pages (.html, .htm, and .mht as Internet Explorer and WPS save
//! them). `rowspan` / `colspan` are laid out as a browser lays them out, so merged cells are known, not
//! guessed from blanks. A tolerant reader, not a full HTML parser: tags it does not need are skipped,
//! scripts and styles dropped, entities decoded; bounded by the import's limits before and while reading.
//!
//! ```
//! use jixiao::core::import::html::html_tables;
//! let page = r#"<table><tr><td rowspan="2">产出</td><td>数量</td></tr><tr><td>质量</td></tr></table>"#;
//! let tables = html_tables(page).unwrap();
//! assert_eq!(tables[0].rows, vec![vec!["产出", "数量"], vec!["", "质量"]]);
//! assert_eq!(tables[0].merges[0].rows, 2);
//! ```

use super::grid::{Grid, Merge};
use super::{refuse, too_many_cells, ImportError, MAX_BYTES, MAX_CELLS};

/// Largest `colspan` honoured (wider is a broken page).
const MAX_COLSPAN: usize = 64;
/// Largest `rowspan` honoured.
const MAX_ROWSPAN: usize = 2_000;

/// A table being laid out.
#[derive(Default)]
struct Layout {
    grid: Grid,
    /// Cells taken by a rowspan from a row above: (row, column).
    taken: std::collections::HashSet<(usize, usize)>,
    row: Option<usize>,
    column: usize,
    cell: Option<(String, usize, usize)>,
}

impl Layout {
    fn start_row(&mut self) {
        self.end_cell();
        self.row = Some(self.row.map_or(0, |r| r + 1));
        self.column = 0;
    }

    fn start_cell(&mut self, rowspan: usize, colspan: usize) {
        self.end_cell();
        if self.row.is_none() {
            self.start_row();
        }
        self.cell = Some((String::new(), rowspan, colspan));
    }

    fn end_cell(&mut self) {
        let (Some((text, rowspan, colspan)), Some(row)) = (self.cell.take(), self.row) else {
            return;
        };
        while self.taken.contains(&(row, self.column)) {
            self.column += 1;
        }
        let column = self.column;
        for r in row..row + rowspan {
            for c in column..column + colspan {
                self.put(
                    r,
                    c,
                    if (r, c) == (row, column) {
                        text.clone()
                    } else {
                        String::new()
                    },
                );
                if r > row {
                    self.taken.insert((r, c));
                }
            }
        }
        if rowspan > 1 || colspan > 1 {
            self.grid.merges.push(Merge {
                row,
                column,
                rows: rowspan,
                columns: colspan,
            });
        }
        self.column += colspan;
    }

    fn put(&mut self, row: usize, column: usize, text: String) {
        if self.grid.rows.len() <= row {
            self.grid.rows.resize(row + 1, Vec::new());
        }
        let cells = &mut self.grid.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
    }

    fn finish(mut self) -> Grid {
        self.end_cell();
        let width = self.grid.rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut self.grid.rows {
            row.resize(width, String::new());
        }
        self.grid
    }

    fn text(&mut self, text: &str) {
        if let Some((cell, _, _)) = self.cell.as_mut() {
            cell.push_str(text);
        }
    }
}

/// The value of attribute `name` in a tag's text (`td rowspan="2" class=x`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let start = from + at;
        from = start + name.len();
        let before_ok = start == 0 || lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let value = tag[value_start..].trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| c == '"' || c == '\'' || c.is_whitespace() || c == '>')
            .unwrap_or(value.len());
        return Some(&value[..end]);
    }
    None
}

fn span(tag: &str, name: &str, max: usize) -> usize {
    attribute(tag, name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, max)
}

/// Decodes the character entities of HTML text (the named ones tables use, and numeric ones).
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|e| *e <= 10);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "nbsp" | "ensp" | "emsp" => Some(' '),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "le" => Some('≤'),
                "ge" => Some('≥'),
                "times" => Some('×'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every table of an HTML text, in order (a nested table after the one holding it; its text is left
/// out of the outer cell). Whitespace runs inside a cell read as one space, `<br>` and paragraph ends
/// as line breaks, as a browser shows them.
pub fn html_tables(html: &str) -> Result<Vec<Grid>, ImportError> {
    if html.len() > MAX_BYTES {
        return Err(refuse(format!(
            "网页内容超过 {} MB 的上限，无法导入",
            MAX_BYTES / 1_048_576
        )));
    }
    let mut tables = Vec::new();
    let mut stack: Vec<Layout> = Vec::new();
    let mut cells = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            if let Some(layout) = stack.last_mut() {
                layout.text(&decode_entities(rest));
            }
            break;
        };
        if open > 0 {
            if let Some(layout) = stack.last_mut() {
                layout.text(&decode_entities(&rest[..open]));
            }
        }
        rest = &rest[open..];
        // Comments and conditional sections (Excel writes <![if ...]>) are skipped whole.
        if let Some(body) = rest.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |end| &body[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("script" | "style", false) => {
                let end = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = lower.find(&end).map_or("", |at| &rest[at..]);
            }
            ("table", false) => stack.push(Layout::default()),
            ("table", true) => {
                if let Some(layout) = stack.pop() {
                    tables.push(layout.finish());
                }
            }
            ("tr", false) => {
                if let Some(layout) = stack.last_mut() {
                    layout.start_row();
                }
            }
            ("tr", true) => {
                if let Some(layout) = stack.last_mut() {
                    layout.end_cell();
                }
            }
            ("td" | "th", false) => {
                if let Some(layout) = stack.last_mut() {
                    let rowspan = span(tag, "rowspan", MAX_ROWSPAN);
                    let colspan = span(tag, "colspan", MAX_COLSPAN);
                    cells = cells.saturating_add(rowspan.saturating_mul(colspan));
                    if cells > MAX_CELLS {
                        return Err(too_many_cells());
                    }
                    layout.start_cell(rowspan, colspan);
                }
            }
            ("td" | "th", true) => {
                if let Some(layout) = stack.last_mut() {
                    layout.end_cell();
                }
            }
            ("br", _) | ("p" | "div" | "li", true) => {
                if let Some(layout) = stack.last_mut() {
                    layout.text("\n");
                }
            }
            _ => {}
        }
    }
    while let Some(layout) = stack.pop() {
        tables.push(layout.finish());
    }
    for table in &mut tables {
        for row in &mut table.rows {
            for cell in row.iter_mut() {
                *cell = tidy(cell);
            }
        }
    }
    Ok(tables)
}

/// A cell's text as a browser shows it: whitespace runs as one space, line breaks kept, ends trimmed.
fn tidy(text: &str) -> String {
    text.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The HTML of a saved page: a web archive (.mht: the first `text/html` part, quoted-printable or
/// base64) or a plain page, as UTF-8 or GBK ([`decode_charset`]).
pub fn page_html(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(format!(
            "网页文件超过 {} MB 的上限，无法导入",
            MAX_BYTES / 1_048_576
        )));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    if head.contains("multipart/related") {
        return mht_html(bytes);
    }
    Ok(decode_charset(bytes))
}

/// The text of a page's bytes: UTF-8 when they are valid UTF-8 (Chinese GBK text almost never is,
/// and a clipboard's HTML is UTF-8 whatever its meta tag says), else GB18030 (GBK / GB2312), as Chinese
/// Windows saves pages.
fn decode_charset(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// The first `text/html` part of a MIME web archive.
fn mht_html(bytes: &[u8]) -> Result<String, ImportError> {
    let text = String::from_utf8_lossy(bytes);
    let lower = text.to_ascii_lowercase();
    let part = lower
        .find("content-type: text/html")
        .ok_or_else(|| refuse("网页存档（.mht）中没有网页内容".into()))?;
    let body_start = lower[part..]
        .find("\r\n\r\n")
        .map(|b| part + b + 4)
        .or_else(|| lower[part..].find("\n\n").map(|b| part + b + 2))
        .ok_or_else(|| refuse("网页存档（.mht）格式不完整".into()))?;
    let headers = &lower[part..body_start];
    let body_end = lower[body_start..]
        .find("\n------")
        .map_or(text.len(), |e| body_start + e);
    let body = &text[body_start..body_end];
    let raw: Vec<u8> = if headers.contains("quoted-printable") {
        quoted_printable(body)
    } else if headers.contains("base64") {
        base64(body)
    } else {
        body.as_bytes().to_vec()
    };
    Ok(decode_charset(&raw))
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if bytes.get(i + 1) == Some(&b'\r') && bytes.get(i + 2) == Some(&b'\n') => i += 3,
            b'=' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'=' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                    }
                    None => {
                        out.push(b'=');
                        i += 1;
                    }
                }
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    digits
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, d)| acc | (u32::from(*d) << (18 - 6 * i)));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(chunk.len().saturating_sub(1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rowspans_and_colspans_are_laid_out_as_a_browser_does() {
        let html = r#"<table>
            <tr><th colspan="2">指标</th><th>得分</th></tr>
            <tr><td rowspan="2">产出</td><td>数量</td><td rowspan=2>18</td></tr>
            <tr><td>质量&nbsp;&amp;  合格</td></tr>
            <tr><td>效益</td><td>满意度<br>群众</td><td>9</td></tr></table>"#;
        let tables = html_tables(html).unwrap();
        assert_eq!(
            tables[0].rows,
            vec![
                vec!["指标", "", "得分"],
                vec!["产出", "数量", "18"],
                vec!["", "质量 & 合格", ""],
                vec!["效益", "满意度\n群众", "9"],
            ]
        );
        assert_eq!(tables[0].merges.len(), 3);
    }

    #[test]
    fn excel_clipboard_html_reads_its_cells() {
        // What Excel puts on the clipboard: conditional comments, styles, x:num attributes.
        let html = "<html><head><style><!--td {mso-number-format:General}--></style></head><body>\
            <!--StartFragment--><table><col width=72><tr height=19><td x:num=\"97.8\">97.80%</td>\
            <td>≥95%</td></tr></table><!--EndFragment--></body></html>";
        let tables = html_tables(html).unwrap();
        assert_eq!(tables[0].rows, vec![vec!["97.80%", "≥95%"]]);
    }

    #[test]
    fn a_web_archive_and_a_gbk_page_decode() {
        let (gbk, _, _) =
            encoding_rs::GBK.encode("<meta charset=gbk><table><tr><td>产出指标</td></tr></table>");
        let page = page_html(&gbk).unwrap();
        assert_eq!(html_tables(&page).unwrap()[0].rows[0][0], "产出指标");
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n\r\n\
            ------=_NextPart\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
            <table><tr><td>=E4=BA=A7=E5=87=BA</td><td>1=\r\n0</td></tr></table>\r\n------=_NextPart--\r\n";
        let page = page_html(mht.as_bytes()).unwrap();
        assert_eq!(html_tables(&page).unwrap()[0].rows[0], vec!["产出", "10"]);
    }

    #[test]
    fn spans_and_sizes_are_bounded() {
        let tables =
            html_tables(r#"<table><tr><td colspan="99999" rowspan="0">x</td></tr></table>"#)
                .unwrap();
        assert_eq!(tables[0].rows[0].len(), MAX_COLSPAN);
        let many = format!(
            "<table>{}</table>",
            "<tr><td rowspan=2000 colspan=64>x</td></tr>".repeat(10)
        );
        assert!(html_tables(&many).unwrap_err().message.contains("单元格"));
        assert_eq!(base64("5Lqn5Ye6"), "产出".as_bytes());
    }
}
