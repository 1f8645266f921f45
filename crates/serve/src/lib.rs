//! The JSON API and the web page over an attache store. It knows no NLP: everything it shows
//! was coded and merged by `attache ingest` and is read from the store.
//!
//! * `/api/v1/...`: events (filtered, paged), one event, a document with its event spans,
//!   dyads, actors, a timeline and its chart as SVG. Wire types are in [`api::v1`]; errors
//!   have one shape, `{"error": {"code": "...", "message": "..."}}` (docs/API.md).
//! * `/`: a page with filters, the event list, an event's evidence and the timeline chart,
//!   its assets compiled in.
//!
//! Each request reads through its own SQLite connection (see `pool`), so `attache ingest` can
//! write to the same file meanwhile and the next request sees what it committed.
//!
//! ```no_run
//! use attache_store::Store;
//! let store = Store::open("events.db".as_ref())?;
//! let listener = std::net::TcpListener::bind("127.0.0.1:8080")?;
//! attache_serve::serve(listener, store)?; // until Ctrl-C
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

pub mod api;
mod chart;
mod error;
mod params;
mod png;
mod pool;
mod routes;
mod timeline;

use std::sync::Arc;

use attache_store::Store;

pub use chart::{timeline_svg, ChartError};
pub use error::{ApiError, ServeError};
pub use png::{timeline_png, ChartFonts, DEFAULT_SCALE, FONT_PACKAGE, SCALES};
pub use routes::chart_title;
pub use timeline::build as build_timeline;

/// The router of the API and the page, reading from the file `store` was opened from.
pub fn router(store: Store) -> axum::Router {
    routes::router(Arc::new(pool::Stores::new(store)))
}

/// Serve on `listener` until Ctrl-C, on a runtime of its own.
pub fn serve(listener: std::net::TcpListener, store: Store) -> Result<(), ServeError> {
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime
        .block_on(async move {
            listener
                .set_nonblocking(true)
                .and_then(|()| tokio::net::TcpListener::from_std(listener))
                .map_err(|source| ServeError::Listen {
                    addr: addr.clone(),
                    source,
                })
                .map(|listener| (listener, router(store)))
        })
        .and_then(|(listener, app)| {
            runtime
                .block_on(async move {
                    axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            // No signal handler means no graceful stop; the process still ends.
                            let _ = tokio::signal::ctrl_c().await;
                        })
                        .await
                })
                .map_err(ServeError::Serve)
        })
}
