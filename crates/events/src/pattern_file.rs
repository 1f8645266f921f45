//! Reading the coders' pattern files (data/visits.tsv, data/patterns.tsv): data lines split into
//! tab-separated columns, blank lines and `#` comments skipped, every error naming file and line.

use crate::CoderError;

/// One data line of a pattern file.
pub(crate) struct Row<'t> {
    /// 1-based line number, for errors.
    pub line: usize,
    pub cols: Vec<&'t str>,
}

/// The data lines of `text`, each with exactly `columns` columns. A line with another count is
/// an error; `names` (e.g. " (rule, code, dyad, pattern)") follows the expected count in it.
pub(crate) fn rows<'t>(
    text: &'t str,
    path: &'t str,
    columns: usize,
    names: &'t str,
) -> impl Iterator<Item = Result<Row<'t>, CoderError>> + 't {
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        Some(if cols.len() == columns {
            Ok(Row { line: i + 1, cols })
        } else {
            Err(error(
                path,
                i + 1,
                format!(
                    "expected {columns} tab-separated columns{names}, found {}",
                    cols.len()
                ),
            ))
        })
    })
}

/// An error at `path:line`.
pub(crate) fn error(path: &str, line: usize, message: String) -> CoderError {
    CoderError::Pattern {
        path: path.to_string(),
        line,
        message,
    }
}
