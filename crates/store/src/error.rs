use std::path::PathBuf;

/// Everything that can go wrong in the store. Each variant names the database file
/// (`:memory:` for an in-memory store) so a message stands on its own.
///
/// Fields are named for what they hold (`path`, `source`, `found`, `known`...), documented on
/// the variant.
#[derive(Debug, thiserror::Error)]
#[allow(missing_docs)]
pub enum StoreError {
    /// The file exists but is not an attache store: not SQLite at all, SQLite with another
    /// application's id, or SQLite with tables and no attache marker. It was not modified.
    #[error("{path}: not an attache database; refusing to open or modify it", path = .path.display())]
    NotAttache { path: PathBuf },

    /// The store was written by a newer attache with a schema this build does not know.
    #[error(
        "{path}: schema version {found} is newer than this attache knows ({known}); upgrade attache",
        path = .path.display()
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },

    /// The store has an older schema than this build and was opened read-only, so it could
    /// not be migrated.
    #[error(
        "{path}: schema version {found} is older than this attache's ({known}); open it once with `attache ingest` to migrate",
        path = .path.display()
    )]
    Outdated {
        path: PathBuf,
        found: u32,
        known: u32,
    },

    /// Reading the file's header failed.
    #[error("{path}: {source}", path = .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Applying migration `version` failed; the store is left at the version before it.
    #[error("{path}: migration to schema version {version} failed: {source}", path = .path.display())]
    Migration {
        path: PathBuf,
        version: u32,
        source: rusqlite::Error,
    },

    /// SQLite failed while doing `what`.
    #[error("{path}: {what}: {source}", path = .path.display())]
    Sqlite {
        path: PathBuf,
        what: &'static str,
        source: rusqlite::Error,
    },

    /// A stored JSON column did not parse (a corrupt row, or written by an incompatible version).
    #[error("{path}: {what} {id}: stored JSON does not parse: {source}", path = .path.display())]
    Json {
        path: PathBuf,
        /// "event", "report of key", ...
        what: &'static str,
        id: String,
        source: serde_json::Error,
    },

    /// A stored column holds a value this build cannot read.
    #[error("{path}: {detail}", path = .path.display())]
    Corrupt { path: PathBuf, detail: String },

    /// A report in a batch claims to come from another document than the one it is paired with.
    #[error("document {document}: report {index} says its evidence is from document {claimed}")]
    ReportDocument {
        document: String,
        index: usize,
        claimed: String,
    },

    /// The fold returned an event whose id is already used by the event of another merge key.
    #[error("event id {id} of key {key:?} is already the id of the event of key {other_key:?}")]
    EventIdConflict {
        id: String,
        key: String,
        other_key: String,
    },

    /// A query filter has an impossible value.
    #[error("invalid query: {0}")]
    InvalidQuery(String),
}
