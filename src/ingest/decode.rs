//! Turning file bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252
//! for legacy files, and lossy UTF-8 as the last resort; binary files are refused.

/// The text of a file and, when decoding was not clean UTF-8, a warning saying what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// A warning for the user, e.g. "not valid UTF-8: 3 bytes replaced".
    pub warning: Option<String>,
}

/// Why a file's bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The file has no bytes.
    Empty,
    /// The file looks binary (NUL bytes or many control characters).
    Binary,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Empty => write!(f, "empty file"),
            Refused::Binary => write!(f, "binary file, not text"),
        }
    }
}

/// Decodes `bytes` as text.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, Refused> {
    if bytes.is_empty() {
        return Err(Refused::Empty);
    }
    if let Some(text) = utf16_with_bom(&bytes) {
        return Ok(Decoded {
            text,
            warning: None,
        });
    }
    if looks_binary(&bytes) {
        return Err(Refused::Binary);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if std::str::from_utf8(body).is_ok() {
        let skip = bytes.len() - body.len();
        let mut bytes = bytes;
        bytes.drain(..skip);
        return Ok(Decoded {
            text: String::from_utf8(bytes).unwrap_or_default(),
            warning: None,
        });
    }
    if !has_utf8_sequences(body) {
        return Ok(Decoded {
            text: body.iter().map(|&b| windows_1252(b)).collect(),
            warning: Some("not valid UTF-8; decoded as Windows-1252".into()),
        });
    }
    let text = String::from_utf8_lossy(body).into_owned();
    let replaced = text.matches('\u{FFFD}').count();
    Ok(Decoded {
        text,
        warning: Some(format!(
            "not valid UTF-8; {replaced} invalid sequence{} replaced with U+FFFD",
            if replaced == 1 { "" } else { "s" }
        )),
    })
}

/// Binary: a NUL byte in the first 8 KiB, or more than 10% control characters there.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 10 > head.len()
}

fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (le, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

/// True when the bytes contain at least one well-formed multi-byte UTF-8 sequence.
fn has_utf8_sequences(bytes: &[u8]) -> bool {
    (0..bytes.len()).any(|i| bytes[i] >= 0xC2 && utf8_char_at(bytes, i))
}

fn utf8_char_at(bytes: &[u8], i: usize) -> bool {
    let len = match bytes[i] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return false,
    };
    bytes
        .get(i..i + len)
        .is_some_and(|s| std::str::from_utf8(s).is_ok())
}

/// The character for a Windows-1252 byte.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi".to_vec()).unwrap().text, "hi");
        assert_eq!(decode("Kyiv’s".as_bytes().to_vec()).unwrap().text, "Kyiv’s");
    }

    #[test]
    fn refused() {
        assert_eq!(decode(vec![]), Err(Refused::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00".to_vec()), Err(Refused::Binary));
    }

    #[test]
    fn legacy_and_broken_encodings() {
        let d = decode(b"It\x92s \x93fine\x94".to_vec()).unwrap();
        assert_eq!(d.text, "It’s “fine”");
        assert!(d.warning.unwrap().contains("Windows-1252"));
        let d = decode(b"caf\xC3\xA9 \xFF ok".to_vec()).unwrap();
        assert_eq!(d.text, "café \u{FFFD} ok");
        assert!(d.warning.unwrap().contains("1 invalid sequence replaced"));
    }

    #[test]
    fn utf16() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(bytes).unwrap().text, "Hé");
    }
}
