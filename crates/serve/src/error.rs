//! The one error shape of the API, and the errors of starting a server.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::api::v1::{ErrorBody, ErrorCode, ErrorDetail};

/// An error answered to a client: a code from the table and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The code (and so the HTTP status).
    pub code: ErrorCode,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// An error with this code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }
}

impl From<attache_store::StoreError> for ApiError {
    fn from(e: attache_store::StoreError) -> ApiError {
        match e {
            // The parameters parsed but cannot hold together (since after until).
            attache_store::StoreError::InvalidQuery(message) => {
                ApiError::new(ErrorCode::InvalidParameter, message)
            }
            other => {
                tracing::error!(error = %other, "store failed");
                ApiError::new(ErrorCode::Internal, other.to_string())
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message,
            },
        };
        (status, Json(body)).into_response()
    }
}

/// Starting or running the server failed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The async runtime could not start.
    #[error("starting the runtime: {0}")]
    Runtime(std::io::Error),
    /// The listening socket could not be handed to the runtime.
    #[error("listening on {addr}: {source}")]
    Listen {
        /// The address bound.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
    /// The server stopped on an error.
    #[error("serving: {0}")]
    Serve(std::io::Error),
}
