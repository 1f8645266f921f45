//! Store connections for request handlers.
//!
//! A `Store` is one SQLite connection: `Send` but not `Sync`. Each request borrows an idle one
//! (or opens a new one) on a blocking thread and gives it back, so requests run in parallel and
//! never block the async workers. Each connection reads its own WAL snapshot, so a running
//! `attache ingest` never blocks the server, and the next request sees its committed batches.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use attache_store::{Store, StoreError};

use crate::api::v1::ErrorCode;
use crate::error::ApiError;
use crate::ChartFonts;

/// Connections kept open between requests; more are opened under load and closed after.
const IDLE: usize = 8;

/// The connections of one store file.
#[derive(Debug)]
pub struct Stores {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    /// The system's fonts for PNG charts, loaded by the first PNG request (or why not).
    fonts: OnceLock<Result<ChartFonts, String>>,
}

impl Stores {
    /// Connections to the file `first` was opened from, starting with `first`.
    pub fn new(first: Store) -> Stores {
        Stores {
            path: first.path().to_path_buf(),
            idle: Mutex::new(vec![first]),
            fonts: OnceLock::new(),
        }
    }

    /// The fonts PNG charts are drawn with, loaded once; without any, every PNG request
    /// fails with the reason (and the package to install).
    pub fn fonts(&self) -> Result<&ChartFonts, ApiError> {
        self.fonts
            .get_or_init(|| ChartFonts::system().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.clone()))
    }

    /// Run `f` with a connection on a blocking thread.
    pub async fn with<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let this = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = this.take()?;
            let result = f(&store);
            this.give(store);
            result
        })
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "a store task failed");
            ApiError::new(ErrorCode::Internal, "a store task failed")
        })?
    }

    fn take(&self) -> Result<Store, StoreError> {
        // A poisoned lock only means another request panicked; the list itself is sound.
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match idle {
            Some(store) => Ok(store),
            // Read-only: a server never writes, so it never waits for `attache ingest`'s lock.
            None => Store::open_read_only(&self.path),
        }
    }

    fn give(&self, store: Store) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < IDLE {
            idle.push(store);
        }
    }
}
