//! How a PDF font's bytes become text (字体编码): through the font's ToUnicode map — what Chinese
//! documents carry, with two-byte codes (Identity-H) — else its one-byte encoding (WinAnsi, Standard and
//! none read as Windows-1252, MacRoman as Mac Roman) or a predefined Unicode CMap (UniGB-UCS2-H). Read
//! here rather than through lopdf's `get_font_encoding`, whose glyph-name table (used only for a
//! `/Differences` array) weighed 520 KB in the Word / Excel module; a `/Differences` array is ignored and
//! its base encoding kept, which changes nothing for a font that also has a ToUnicode map.
//!
//! ```
//! use jixiao::core::import::pdf::font::FontText;
//! let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
//!     2 beginbfchar <0003> <0020> <0011> <4E2D> endbfchar
//!     1 beginbfrange <0013> <0015> <0031> endbfrange";
//! let text = FontText::from_cmap(cmap);
//! assert_eq!(text.decode(&[0x00, 0x11, 0x00, 0x03, 0x00, 0x14]), "中 2");
//! ```

use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// Most entries a ToUnicode map may define (a range may span 65,536 codes; a font needs a few thousand).
const MAX_ENTRIES: usize = 200_000;

/// The way one font's shown bytes are read as text.
#[derive(Clone, Debug, PartialEq)]
pub enum FontText {
    /// A ToUnicode map: (code length in bytes, code) → text.
    Map(HashMap<(u8, u32), String>),
    /// Two-byte Unicode (UniGB-UCS2-H, UniGB-UTF16-H).
    Utf16,
    /// One byte per character, Mac Roman.
    MacRoman,
    /// One byte per character, Windows-1252 (WinAnsi; Standard agrees with it on letters and digits).
    WinAnsi,
}

impl FontText {
    /// The text of `font`, read within `limit` bytes of decompressed map.
    pub fn of(document: &Document, font: &Dictionary, limit: usize) -> FontText {
        if let Ok(Object::Stream(stream)) = font.get_deref(b"ToUnicode", document) {
            if let Ok(content) = stream.get_plain_content_with_limit(limit) {
                let map = FontText::from_cmap(&content);
                if matches!(&map, FontText::Map(m) if !m.is_empty()) {
                    return map;
                }
            }
        }
        let name = match font.get_deref(b"Encoding", document) {
            Ok(Object::Name(name)) => Some(name.as_slice()),
            Ok(Object::Dictionary(dict)) => match dict.get(b"BaseEncoding") {
                Ok(Object::Name(name)) => Some(name.as_slice()),
                _ => None,
            },
            _ => None,
        };
        match name {
            Some(b"MacRomanEncoding") => FontText::MacRoman,
            Some(b"UniGB-UCS2-H" | b"UniGB-UTF16-H") => FontText::Utf16,
            _ => FontText::WinAnsi,
        }
    }

    /// Reads a ToUnicode CMap's `bfchar` and `bfrange` entries.
    pub fn from_cmap(content: &[u8]) -> FontText {
        let mut map = HashMap::new();
        let tokens = tokens(content);
        let mut i = 0;
        let mut section = Section::None;
        while i < tokens.len() && map.len() < MAX_ENTRIES {
            match &tokens[i] {
                Token::Word(w) if w == b"beginbfchar" => section = Section::Char,
                Token::Word(w) if w == b"beginbfrange" => section = Section::Range,
                Token::Word(w) if w.starts_with(b"end") => section = Section::None,
                Token::Hex(src) if section == Section::Char => {
                    if let Some(Token::Hex(dst)) = tokens.get(i + 1) {
                        if let Some(key) = code(src) {
                            map.insert(key, utf16(dst));
                        }
                        i += 1;
                    }
                }
                Token::Hex(low) if section == Section::Range => {
                    let (Some(Token::Hex(high)), Some(target)) =
                        (tokens.get(i + 1), tokens.get(i + 2))
                    else {
                        break;
                    };
                    i += 2;
                    let (Some((len, from)), Some((_, to))) = (code(low), code(high)) else {
                        continue;
                    };
                    let count = to.saturating_sub(from).min(0xFFFF);
                    match target {
                        Token::Hex(first) => {
                            let first = units(first);
                            for offset in 0..=count {
                                let Some(key) = from.checked_add(offset) else {
                                    break;
                                };
                                let mut units = first.clone();
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(offset as u16);
                                }
                                map.insert((len, key), decode_units(&units));
                            }
                        }
                        Token::Open => {
                            let mut offset = 0;
                            while let Some(Token::Hex(dst)) = tokens.get(i + 1) {
                                if let Some(key) =
                                    from.checked_add(offset).filter(|_| offset <= count)
                                {
                                    map.insert((len, key), utf16(dst));
                                }
                                offset += 1;
                                i += 1;
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            i += 1;
        }
        FontText::Map(map)
    }

    /// The text of `bytes` shown in this font (codes the map does not name are left out).
    pub fn decode(&self, bytes: &[u8]) -> String {
        match self {
            FontText::Map(map) => {
                let mut out = String::new();
                let (mut len, mut code) = (0u8, 0u32);
                for byte in bytes {
                    len += 1;
                    code = code << 8 | u32::from(*byte);
                    if let Some(text) = map.get(&(len, code)) {
                        out.push_str(text);
                        (len, code) = (0, 0);
                    } else if len == 4 {
                        (len, code) = (0, 0);
                    }
                }
                out
            }
            FontText::Utf16 => encoding_rs::UTF_16BE
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            FontText::MacRoman => encoding_rs::MACINTOSH
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            FontText::WinAnsi => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Char,
    Range,
}

enum Token {
    Hex(Vec<u8>),
    Word(Vec<u8>),
    Open,
    Close,
}

/// The CMap's tokens: `<hex>` strings (as bytes), `[`, `]` and words; numbers and names are words too.
fn tokens(content: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'<' => {
                let end = content[i..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(content.len(), |p| i + p);
                let digits: Vec<u8> = content[i + 1..end]
                    .iter()
                    .filter_map(|b| (*b as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|pair| pair[0] << 4 | pair.get(1).copied().unwrap_or(0))
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                i += content[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .unwrap_or(content.len() - i);
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                let end = content[i..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'<' | b'[' | b']' | b'%'))
                    .map_or(content.len(), |p| i + p);
                out.push(Token::Word(content[i..end].to_vec()));
                i = end;
            }
        }
    }
    out
}

/// A source code: its length in bytes (1 to 4) and its value.
fn code(bytes: &[u8]) -> Option<(u8, u32)> {
    (1..=4).contains(&bytes.len()).then(|| {
        let value = bytes.iter().fold(0u32, |v, b| v << 8 | u32::from(*b));
        (bytes.len() as u8, value)
    })
}

fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|pair| u16::from(pair[0]) << 8 | u16::from(pair.get(1).copied().unwrap_or(0)))
        .collect()
}

fn decode_units(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    decode_units(&units(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_arrays_and_odd_input() {
        let cmap = b"/CIDInit /ProcSet findresource begin
            1 beginbfrange <0010> <0012> [<0041> <0042> <0043>] endbfrange
            1 beginbfchar <20> <0031> endbfchar";
        let FontText::Map(map) = FontText::from_cmap(cmap) else {
            panic!("a map")
        };
        assert_eq!(map.get(&(2, 0x11)).map(String::as_str), Some("B"));
        assert_eq!(map.get(&(1, 0x20)).map(String::as_str), Some("1"));
        let text = FontText::Map(map);
        // A map of ranges as wide as codes go stays bounded.
        let wide = b"9 beginbfrange <0000> <FFFF> <4E00> <0000> <FFFF> <4E00> <00000000> <FFFFFFFF> <0041> <FFFFFFFF> <FFFFFFFF> <0041> endbfrange";
        let FontText::Map(map) = FontText::from_cmap(wide) else {
            panic!("a map")
        };
        assert!(map.len() <= MAX_ENTRIES + 0x10000, "{}", map.len());
        // A one-byte code and a two-byte code in one string.
        assert_eq!(text.decode(&[0x20, 0x00, 0x12]), "1C");
        // Truncated or hostile maps read as far as they go.
        for bad in [
            &b"1 beginbfrange <00"[..],
            b"beginbfchar <12>",
            b"<<<>>>[[]]",
            b"",
        ] {
            let _ = FontText::from_cmap(bad).decode(b"\x00\x12\xff");
        }
        assert_eq!(FontText::WinAnsi.decode(b"95.8%"), "95.8%");
        assert_eq!(FontText::Utf16.decode(&[0x4E, 0x2D]), "中");
    }
}
