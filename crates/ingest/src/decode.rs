//! Bytes -> text: BOMs, UTF-8, guessed legacy encodings, and the binary/empty checks.

use std::path::Path;

use encoding_rs::Encoding;

use crate::IngestError;

/// Text decoded from bytes, with a warning when it was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed, line endings as they were.
    pub text: String,
    /// E.g. "decoded from windows-1252"; `None` for UTF-8 (with or without BOM).
    pub warning: Option<String>,
}

/// Share of control characters above which decoded text is taken for binary data. Real
/// crawls carry a stray form feed or escape now and then; a tenth of the text is no longer
/// "a stray".
const MAX_CONTROL_SHARE: f64 = 0.10;

/// Share of replacement characters above which a guessed encoding is taken to be wrong.
const MAX_REPLACEMENT_SHARE: f64 = 0.05;

/// Decode one file's (or one JSONL line's) bytes.
///
/// UTF-8 with or without BOM is taken as is (BOM stripped); a UTF-16 BOM is honoured;
/// anything else is guessed with chardetng and converted, with a warning. NUL bytes (outside
/// UTF-16) or mostly control characters give [`IngestError::Binary`]; whitespace only gives
/// [`IngestError::Empty`]. Line endings are kept as they are: later stages hold offsets into
/// this text.
pub fn decode(bytes: &[u8], path: &Path, line: Option<usize>) -> Result<Decoded, IngestError> {
    let decoded = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) if enc == encoding_rs::UTF_8 => {
            decode_unmarked(&bytes[bom_len..], path, line)?
        }
        Some((enc, bom_len)) => {
            // UTF-16: NUL bytes are normal here, so the NUL check comes after decoding.
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors && replacement_share(&text) > MAX_REPLACEMENT_SHARE {
                return Err(IngestError::Decode {
                    path: path.to_path_buf(),
                    line,
                    msg: format!("invalid {} despite its byte-order mark", enc.name()),
                });
            }
            if text.contains('\0') {
                return Err(IngestError::Binary {
                    path: path.to_path_buf(),
                    line,
                });
            }
            Decoded {
                text: text.into_owned(),
                warning: Some(format!("decoded from {}", enc.name())),
            }
        }
        None => decode_unmarked(bytes, path, line)?,
    };
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
            line,
        });
    }
    if control_share(&decoded.text) > MAX_CONTROL_SHARE {
        return Err(IngestError::Binary {
            path: path.to_path_buf(),
            line,
        });
    }
    Ok(decoded)
}

fn decode_unmarked(bytes: &[u8], path: &Path, line: Option<usize>) -> Result<Decoded, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::Binary {
            path: path.to_path_buf(),
            line,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            warning: None,
        }),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            // We already know it is not valid UTF-8, so don't let the detector say it is.
            let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if had_errors && replacement_share(&text) > MAX_REPLACEMENT_SHARE {
                return Err(IngestError::Decode {
                    path: path.to_path_buf(),
                    line,
                    msg: format!("not UTF-8, and not {} either", enc.name()),
                });
            }
            let mut warning = format!("decoded from {}", enc.name());
            if had_errors {
                warning.push_str(" (some bytes invalid, replaced)");
            }
            Ok(Decoded {
                text: text.into_owned(),
                warning: Some(warning),
            })
        }
    }
}

fn control_share(text: &str) -> f64 {
    share(text, |c| {
        c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}')
    })
}

fn replacement_share(text: &str) -> f64 {
    share(text, |c| c == char::REPLACEMENT_CHARACTER)
}

fn share(text: &str, pred: impl Fn(char) -> bool) -> f64 {
    let (mut hits, mut total) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        hits += usize::from(pred(c));
    }
    if total == 0 {
        0.0
    } else {
        hits as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Name, bytes, and the text and warning wanted or the error kind.
    type Case = (
        &'static str,
        Vec<u8>,
        Result<(&'static str, Option<&'static str>), &'static str>,
    );

    /// One French wire sentence in the encodings crawls bring, and the ways files go wrong.
    fn cases() -> Vec<Case> {
        let plain = "SEOUL, Feb. 13 -- Le ministre a déclaré mardi qu'il se rendrait à Séoul.";
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(plain.as_bytes());
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(plain);
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in plain.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        vec![
            ("utf-8", plain.as_bytes().to_vec(), Ok((plain, None))),
            ("utf-8 with BOM", bom, Ok((plain, None))),
            (
                "windows-1252",
                cp1252.into_owned(),
                Ok((plain, Some("decoded from windows-1252"))),
            ),
            (
                "utf-16le with BOM",
                utf16,
                Ok((plain, Some("decoded from UTF-16LE"))),
            ),
            (
                "CRLF kept",
                b"MOSCOW --\r\nText.\r\n".to_vec(),
                Ok(("MOSCOW --\r\nText.\r\n", None)),
            ),
            (
                "NUL bytes",
                b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec(),
                Err("binary"),
            ),
            (
                "control chars",
                b"\x01\x02\x03\x04 ab \x05\x06\x07\x08".to_vec(),
                Err("binary"),
            ),
            ("empty", Vec::new(), Err("empty")),
            ("whitespace", b" \n\r\n\t ".to_vec(), Err("empty")),
            ("BOM only", b"\xEF\xBB\xBF\n".to_vec(), Err("empty")),
        ]
    }

    #[test]
    fn decode_table() {
        let path = Path::new("in/a.txt");
        for (name, bytes, want) in cases() {
            let got = decode(&bytes, path, None);
            match (got, want) {
                (Ok(d), Ok((text, warning))) => {
                    assert_eq!(d.text, text, "{name}");
                    assert_eq!(d.warning.as_deref(), warning, "{name}");
                }
                (Err(IngestError::Binary { .. }), Err("binary")) => {}
                (Err(IngestError::Empty { .. }), Err("empty")) => {}
                (got, want) => panic!("{name}: got {got:?}, want {want:?}"),
            }
        }
    }
}
