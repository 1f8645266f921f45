//! Reading articles: files, folders, JSONL, HTML, gzip, stdin -> [`Article`].
//!
//! The first stage of the pipeline. [`walk`] expands the user's paths into [`Input`]s (a
//! folder is walked recursively and sorted, so two runs read the same files in the same
//! order); [`read`] streams the articles of one input. Nothing here loads a whole folder or
//! a whole JSONL file: a JSONL input is read one line at a time, a `.txt` or `.html` file
//! one file at a time.
//!
//! | input | article |
//! |---|---|
//! | `x.txt` | crawled plain text as decoded, `id` = `x`, [`BodyKind::Text`] |
//! | `x.html`, `x.htm` | main text extracted from the page (paragraphs joined by `"\n\n"`), title, date, URL and outlet from the page's metadata, [`BodyKind::Html`] |
//! | `x.jsonl`, `x.ndjson`, stdin (`-`) | one per line: `id`, `text` or `html`, optional `url`, `title`, `published`, `source`; origin `path:line` |
//! | `x.txt.gz`, `x.jsonl.gz`, `x.html.gz` | the same, decompressed; `id` = `x` |
//!
//! Bytes are decoded as UTF-8 (a BOM is stripped); other encodings are guessed, converted
//! and noted in [`Article::warnings`]. Line endings are kept: the text stage's offsets point
//! into [`Article::body`] exactly as read.
//!
//! One bad input (or one bad JSONL line) is one `Err` naming its [`IngestError::origin`];
//! the caller reports it and goes on.
//!
//! ```
//! use std::io::Write;
//! use attache_ingest::{read, walk, BodyKind};
//!
//! let dir = std::env::temp_dir().join(format!("attache-ingest-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(
//!     dir.join("visit.txt"),
//!     "PYONGYANG, Jan. 29 -- The Russian foreign minister arrived in Pyongyang on Friday.\n\
//!      He was met at the airport by his North Korean counterpart.\n",
//! )?;
//! let mut feed = std::fs::File::create(dir.join("feed.jsonl"))?;
//! writeln!(feed, r#"{{"id":"w1","text":"Talks ended on Tuesday.","published":"2024-02-13T11:47:28Z"}}"#)?;
//! writeln!(feed, r#"{{"id":"w2"}}"#)?; // no text: reported, the rest still comes
//!
//! let mut ids = Vec::new();
//! let mut errors = Vec::new();
//! for input in walk(&[dir.clone()])? {
//!     for article in read(&input) {
//!         match article {
//!             Ok(a) => ids.push((a.id, a.kind)),
//!             Err(e) => errors.push(e.origin()),
//!         }
//!     }
//! }
//! assert_eq!(ids, [("w1".to_string(), BodyKind::Text), ("visit".to_string(), BodyKind::Text)]);
//! assert_eq!(errors, [format!("{}:2", dir.join("feed.jsonl").display())]);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod decode;
mod error;
pub mod html;
mod jsonl;
mod walk;

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use attache_model::{Article, BodyKind};
pub use decode::{decode, Decoded};
pub use error::IngestError;
pub use jsonl::parse_published;
pub use walk::{walk, FileKind, Format};

/// How standard input is named in origins and errors.
pub const STDIN_NAME: &str = "<stdin>";

/// One thing to read: a file, or standard input (always JSONL).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Input {
    /// A file; its extension decides the format.
    File(PathBuf),
    /// Standard input, read as JSONL.
    Stdin,
    /// Bytes compiled into the binary (the bundled sample corpus), read as if they were the
    /// file `name`: its extension decides the format, its stem the id.
    Embedded { name: PathBuf, bytes: &'static [u8] },
}

impl Input {
    /// The path used in origins and errors (`<stdin>` for standard input).
    pub fn path(&self) -> &Path {
        match self {
            Input::File(path) | Input::Embedded { name: path, .. } => path,
            Input::Stdin => Path::new(STDIN_NAME),
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path().display())
    }
}

/// Stream the articles of one input. JSONL yields one item per non-empty line; a bad line is
/// one Err naming path and line, and the iterator goes on with the next line.
///
/// Nothing is opened until the first call to `next`, so a caller may build the iterators of
/// many inputs up front.
pub fn read(input: &Input) -> Box<dyn Iterator<Item = Result<Article, IngestError>> + Send> {
    let path = match input {
        Input::Stdin => {
            let opener: jsonl::Opener = Box::new(|| {
                Ok(Box::new(BufReader::new(std::io::stdin())) as Box<dyn BufRead + Send>)
            });
            return Box::new(jsonl::JsonlReader::new(PathBuf::from(STDIN_NAME), opener));
        }
        Input::File(path) => path.clone(),
        Input::Embedded { name, .. } => name.clone(),
    };
    let embedded = match input {
        Input::Embedded { bytes, .. } => Some(*bytes),
        _ => None,
    };
    let kind = match FileKind::of(&path) {
        Ok(kind) => kind,
        Err(extension) => {
            return Box::new(std::iter::once(Err(IngestError::Unsupported {
                path,
                extension,
            })))
        }
    };
    match kind.format {
        Format::Jsonl => {
            let opened = path.clone();
            let opener: jsonl::Opener = Box::new(move || open(&opened, embedded, kind.gzip));
            Box::new(jsonl::JsonlReader::new(path, opener))
        }
        Format::Text | Format::Html => Box::new(std::iter::once_with(move || {
            read_single(&path, embedded, &kind)
        })),
    }
}

/// All articles of all inputs, in order: `walk` then `read`, flattened.
pub fn read_all(inputs: Vec<Input>) -> impl Iterator<Item = Result<Article, IngestError>> + Send {
    inputs.into_iter().flat_map(|input| read(&input))
}

/// A buffered reader over the file's (decompressed) bytes.
fn open(
    path: &Path,
    embedded: Option<&'static [u8]>,
    gzip: bool,
) -> Result<Box<dyn BufRead + Send>, IngestError> {
    let file: Box<dyn Read + Send> = match embedded {
        Some(bytes) => Box::new(bytes),
        None => Box::new(File::open(path).map_err(|e| io_error(path, e))?),
    };
    Ok(if gzip {
        // Multi-member: concatenated .gz files (`cat a.gz b.gz`) are common in crawl dumps.
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    })
}

fn io_error(path: &Path, source: std::io::Error) -> IngestError {
    match source.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound {
            path: path.to_path_buf(),
        },
        _ => IngestError::Io {
            path: path.to_path_buf(),
            line: None,
            source,
        },
    }
}

/// A `.txt` or `.html` file (gzipped or not): one article.
fn read_single(
    path: &Path,
    embedded: Option<&'static [u8]>,
    kind: &FileKind,
) -> Result<Article, IngestError> {
    let mut bytes = Vec::new();
    open(path, embedded, kind.gzip)?
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    let decoded = decode(&bytes, path, None)?;
    drop(bytes);
    let origin = path.display().to_string();
    let warnings: Vec<String> = decoded.warning.into_iter().collect();
    match kind.format {
        Format::Html => {
            let page = html::extract(&decoded.text);
            if page.body.trim().is_empty() {
                return Err(IngestError::NoArticleText {
                    path: path.to_path_buf(),
                    line: None,
                });
            }
            Ok(Article {
                id: kind.stem.clone(),
                origin,
                url: page.url,
                title: page.title,
                published: page.published,
                source: page.site_name,
                kind: BodyKind::Html,
                body: page.body,
                warnings: warnings.into_iter().chain(page.warnings).collect(),
            })
        }
        Format::Text | Format::Jsonl => Ok(Article {
            id: kind.stem.clone(),
            origin,
            url: None,
            title: None,
            published: None,
            source: None,
            kind: BodyKind::Text,
            body: decoded.text,
            warnings,
        }),
    }
}
