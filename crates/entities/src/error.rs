use std::path::PathBuf;

/// Why a [`crate::Recognizer`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EntitiesError {
    /// A gazetteer line is malformed. `line` is 1-based (0 when the file as a whole is wrong).
    #[error("{file}:{line}: {message}")]
    Data {
        /// The file: its path, or `data/<name>` for a compiled-in one.
        file: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A user-supplied gazetteer file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file that could not be read.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The name automaton could not be built (e.g. too many patterns).
    #[error("building the name automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

impl EntitiesError {
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> EntitiesError {
        EntitiesError::Data {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
