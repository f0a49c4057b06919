//! What a page's content stream draws (页面内容): text runs placed by the text and current matrices, in
//! each font's characters ([`super::font`]), and the ruling lines its paths paint.

use super::font::FontText;
use super::{refuse, ImportError, MAX_RUNS, MAX_STREAM};
use lopdf::content::Content;
use lopdf::{Document, Object};
use std::collections::BTreeMap;

/// A piece of text drawn at one place (a `Tj` / `TJ`), in page space.
#[derive(Clone, Debug)]
pub(super) struct Run {
    pub(super) x: f64,
    pub(super) y: f64,
    /// Where the text ends (estimated from its characters: CJK 1 em, others ½ em).
    pub(super) end: f64,
    pub(super) size: f64,
    pub(super) text: String,
}

/// A ruling line (表格线), horizontal or vertical, in page space.
#[derive(Clone, Copy, Debug)]
pub(super) struct Rule {
    /// The constant coordinate (y of a horizontal rule, x of a vertical one).
    pub(super) at: f64,
    pub(super) from: f64,
    pub(super) to: f64,
}

/// One page's text runs and rules.
#[derive(Default)]
pub(super) struct Page {
    pub(super) runs: Vec<Run>,
    pub(super) horizontal: Vec<Rule>,
    pub(super) vertical: Vec<Rule>,
    pub(super) images: bool,
}

/// A 2-D affine matrix [a b c d e f], as PDF writes them.
#[derive(Clone, Copy, Debug)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's row-vector convention: p × self × other).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn numbers<const N: usize>(operands: &[Object]) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    for (slot, object) in out.iter_mut().zip(operands) {
        *slot = number(object)?;
    }
    (operands.len() >= N).then_some(out)
}

/// The text state while a content stream is read.
struct TextState {
    ctm: Matrix,
    stack: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    leading: f64,
    size: f64,
    path: Vec<(f64, f64)>,
    rects: Vec<[f64; 4]>,
}

impl TextState {
    fn new() -> Self {
        TextState {
            ctm: Matrix::IDENTITY,
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            leading: 0.0,
            size: 0.0,
            path: Vec::new(),
            rects: Vec::new(),
        }
    }
}

/// How each of the page's fonts reads as text, by resource name.
fn fonts_of(document: &Document, page_id: lopdf::ObjectId) -> BTreeMap<Vec<u8>, FontText> {
    let fonts = document.get_page_fonts(page_id).unwrap_or_default();
    fonts
        .into_iter()
        .map(|(name, font)| (name, FontText::of(document, font, MAX_STREAM)))
        .collect()
}

pub(super) fn read_page(
    document: &Document,
    page_id: lopdf::ObjectId,
    runs_seen: &mut usize,
) -> Result<Page, ImportError> {
    let mut page = Page {
        images: document
            .get_page_images(page_id)
            .is_ok_and(|images| !images.is_empty()),
        ..Page::default()
    };
    let content = document
        .get_page_content_with_limit(page_id, MAX_STREAM)
        .map_err(|_| refuse("PDF 页面内容过大或已损坏，未读取".into()))?;
    let Ok(content) = Content::decode(&content) else {
        return Ok(page);
    };
    let encodings = fonts_of(document, page_id);
    let mut state = TextState::new();
    let mut current_font: Option<Vec<u8>> = None;
    for op in &content.operations {
        let operands = op.operands.as_slice();
        match op.operator.as_str() {
            "q" => state.stack.push(state.ctm),
            "Q" => state.ctm = state.stack.pop().unwrap_or(Matrix::IDENTITY),
            "cm" => {
                if let Some(m) = numbers::<6>(operands) {
                    state.ctm = Matrix(m).then(state.ctm);
                }
            }
            "BT" => {
                state.tm = Matrix::IDENTITY;
                state.tlm = Matrix::IDENTITY;
            }
            "Tf" => {
                if let (Some(Object::Name(name)), Some(size)) =
                    (operands.first(), operands.get(1).and_then(number))
                {
                    state.size = size;
                    current_font = Some(name.clone());
                }
            }
            "TL" => state.leading = operands.first().and_then(number).unwrap_or(0.0),
            "Td" | "TD" => {
                if let Some([x, y]) = numbers::<2>(operands) {
                    if op.operator == "TD" {
                        state.leading = -y;
                    }
                    state.tlm = Matrix::translate(x, y).then(state.tlm);
                    state.tm = state.tlm;
                }
            }
            "Tm" => {
                if let Some(m) = numbers::<6>(operands) {
                    state.tlm = Matrix(m);
                    state.tm = state.tlm;
                }
            }
            "T*" => {
                state.tlm = Matrix::translate(0.0, -state.leading).then(state.tlm);
                state.tm = state.tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    state.tlm = Matrix::translate(0.0, -state.leading).then(state.tlm);
                    state.tm = state.tlm;
                }
                let encoding = current_font.as_ref().and_then(|f| encodings.get(f));
                if let Some(run) = show_text(&mut state, encoding, operands) {
                    *runs_seen += 1;
                    if *runs_seen > MAX_RUNS {
                        return Err(refuse("PDF 文字过多，超过上限，未读取".into()));
                    }
                    page.runs.push(run);
                }
            }
            "m" | "l" => {
                if let Some([x, y]) = numbers::<2>(operands) {
                    if op.operator == "m" {
                        state.path.clear();
                    }
                    state.path.push(state.ctm.apply(x, y));
                }
            }
            "re" => {
                if let Some([x, y, w, h]) = numbers::<4>(operands) {
                    let (x0, y0) = state.ctm.apply(x, y);
                    let (x1, y1) = state.ctm.apply(x + w, y + h);
                    state
                        .rects
                        .push([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)]);
                }
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                let filled = !matches!(op.operator.as_str(), "S" | "s");
                rules_of(&mut page, &state.path, &state.rects, filled);
                state.path.clear();
                state.rects.clear();
            }
            "n" => {
                state.path.clear();
                state.rects.clear();
            }
            _ => {}
        }
    }
    Ok(page)
}

/// The text a show operator draws, placed, and the text matrix moved past it.
fn show_text(
    state: &mut TextState,
    encoding: Option<&FontText>,
    operands: &[Object],
) -> Option<Run> {
    let mut text = String::new();
    let mut advance = 0.0;
    let pieces: Vec<&Object> = match operands.last()? {
        Object::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for piece in pieces {
        match piece {
            Object::String(bytes, _) => {
                let decoded = match encoding {
                    Some(encoding) => encoding.decode(bytes),
                    None => bytes.iter().map(|b| char::from(*b)).collect(),
                };
                for c in decoded.chars() {
                    advance += if (c as u32) >= 0x2E80 { 1.0 } else { 0.5 };
                }
                text.push_str(&decoded);
            }
            other => {
                // A TJ adjustment in thousandths of an em: a wide one is a gap between words.
                let shift = -number(other).unwrap_or(0.0) / 1000.0;
                if shift > 0.3 && !text.ends_with(' ') {
                    text.push(' ');
                }
                advance += shift;
            }
        }
    }
    let trm = state.tm.then(state.ctm);
    let (x, y) = trm.apply(0.0, 0.0);
    let (end, _) = trm.apply(advance * state.size, 0.0);
    state.tm = Matrix::translate(advance * state.size, 0.0).then(state.tm);
    let size = (state.size * trm.0[3].abs().max(trm.0[0].abs())).max(1.0);
    let text = text.replace('\u{0}', "");
    (!text.trim().is_empty()).then_some(Run {
        x,
        y,
        end,
        size,
        text,
    })
}

/// The rules a painted path draws: its straight horizontal and vertical segments, and its rectangles
/// (a thin filled one is a line; a stroked one, its four sides).
fn rules_of(page: &mut Page, path: &[(f64, f64)], rects: &[[f64; 4]], filled: bool) {
    const THIN: f64 = 2.5;
    let mut segment = |(x0, y0): (f64, f64), (x1, y1): (f64, f64)| {
        if (y0 - y1).abs() < 0.5 && (x0 - x1).abs() > 2.0 {
            page.horizontal.push(Rule {
                at: y0,
                from: x0.min(x1),
                to: x0.max(x1),
            });
        } else if (x0 - x1).abs() < 0.5 && (y0 - y1).abs() > 2.0 {
            page.vertical.push(Rule {
                at: x0,
                from: y0.min(y1),
                to: y0.max(y1),
            });
        }
    };
    for pair in path.windows(2) {
        segment(pair[0], pair[1]);
    }
    for &[x0, y0, x1, y1] in rects {
        let (w, h) = (x1 - x0, y1 - y0);
        if filled && h <= THIN && w > 2.0 {
            segment(((x0), (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0));
        } else if filled && w <= THIN && h > 2.0 {
            segment(((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1));
        } else if !filled {
            for (a, b) in [
                ((x0, y0), (x1, y0)),
                ((x0, y1), (x1, y1)),
                ((x0, y0), (x0, y1)),
                ((x1, y0), (x1, y1)),
            ] {
                segment(a, b);
            }
        }
    }
}
