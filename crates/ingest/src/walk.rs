//! Which files to read: formats by extension, and the recursive, sorted folder walk.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{IngestError, Input};

/// What a file holds, decided by its extension (after stripping a `.gz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: one crawled plain-text article.
    Text,
    /// `.html`, `.htm`: one web page.
    Html,
    /// `.jsonl`, `.ndjson`: one article per line.
    Jsonl,
}

/// A file's format, whether it is gzipped, and the article id its name gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileKind {
    /// What the (decompressed) file holds.
    pub format: Format,
    /// Whether the name ends in `.gz`.
    pub gzip: bool,
    /// The file name without the format extension and `.gz` (`x.txt.gz` -> `x`).
    pub stem: String,
}

impl FileKind {
    /// Classify `path` by its name; `Err` carries the extension we did not recognise.
    pub fn of(path: &Path) -> Result<FileKind, String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (rest, gzip) = match split_ext(&name) {
            Some((rest, ext)) if ext.eq_ignore_ascii_case("gz") => (rest, true),
            _ => (name.as_str(), false),
        };
        let Some((stem, ext)) = split_ext(rest) else {
            return Err(if gzip { "gz".into() } else { String::new() });
        };
        let format = match ext.to_ascii_lowercase().as_str() {
            "txt" => Format::Text,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ if gzip => return Err(format!("{ext}.gz")),
            _ => return Err(ext.to_string()),
        };
        Ok(FileKind {
            format,
            gzip,
            stem: stem.to_string(),
        })
    }
}

/// `"a.b.txt"` -> `("a.b", "txt")`; no split for names without a dot or starting with one.
fn split_ext(name: &str) -> Option<(&str, &str)> {
    let dot = name.rfind('.')?;
    (dot > 0 && dot + 1 < name.len()).then(|| (&name[..dot], &name[dot + 1..]))
}

/// Expand the user's PATH arguments: "-" = stdin (JSONL); a folder is walked recursively,
/// files sorted by path for determinism, hidden files and unsupported extensions inside
/// folders skipped; an explicitly named file with an unsupported extension is an error.
/// Missing path = error.
///
/// Symbolic links to folders are not followed inside a walk, so a link cycle cannot make
/// it loop; links to files are read.
pub fn walk(paths: &[PathBuf]) -> Result<Vec<Input>, IngestError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => IngestError::NotFound { path: path.clone() },
            _ => IngestError::Io {
                path: path.clone(),
                line: None,
                source: e,
            },
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk_dir(path, &mut found)?;
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            FileKind::of(path).map_err(|extension| IngestError::Unsupported {
                path: path.clone(),
                extension,
            })?;
            inputs.push(Input::File(path.clone()));
        }
    }
    Ok(inputs)
}

fn walk_dir(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let io = |path: &Path, source| IngestError::Io {
        path: path.to_path_buf(),
        line: None,
        source,
    };
    for entry in fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let entry = entry.map_err(|e| io(dir, e))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let file_type = entry.file_type().map_err(|e| io(&path, e))?;
        if file_type.is_dir() {
            walk_dir(&path, found)?;
        } else if FileKind::of(&path).is_ok() && fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_kinds() {
        use Format::*;
        type Want = Result<(Format, bool, &'static str), &'static str>;
        let cases: [(&str, Want); 14] = [
            ("wire/0042.txt", Ok((Text, false, "0042"))),
            ("a.b.TXT", Ok((Text, false, "a.b"))),
            ("page.html", Ok((Html, false, "page"))),
            ("page.htm", Ok((Html, false, "page"))),
            ("feed.jsonl", Ok((Jsonl, false, "feed"))),
            ("feed.ndjson", Ok((Jsonl, false, "feed"))),
            ("x.txt.gz", Ok((Text, true, "x"))),
            ("x.jsonl.GZ", Ok((Jsonl, true, "x"))),
            ("x.html.gz", Ok((Html, true, "x"))),
            ("notes.pdf", Err("pdf")),
            ("x.tar.gz", Err("tar.gz")),
            ("x.gz", Err("gz")),
            ("README", Err("")),
            (".txt", Err("")),
        ];
        for (path, want) in cases {
            let got = FileKind::of(Path::new(path)).map(|k| (k.format, k.gzip, k.stem));
            let want = want
                .map(|(f, g, s)| (f, g, s.to_string()))
                .map_err(str::to_string);
            assert_eq!(got, want, "{path}");
        }
    }
}
