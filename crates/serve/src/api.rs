//! The wire formats of the HTTP API, one module per version (docs/API.md).
//!
//! Types here change only by adding fields; a removal or a change of meaning is a new module
//! (`v2`) served under a new prefix, beside the old one.

/// Version 1, served under `/api/v1/`.
pub mod v1 {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    /// One event: event format v1 (docs/FORMAT.md), the same JSON as `attache events --format
    /// json`. It carries its mentions with their documents' ids, titles and outlets.
    pub type Event = attache_model::Event;

    /// `GET /api/v1/health`: the server is up and its store answers.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Health {
        /// Always `"ok"` when the body is sent.
        pub status: String,
        /// The attache version serving.
        pub version: String,
        /// The event format version of every [`Event`].
        pub format_version: u32,
        /// The store's schema version.
        pub schema_version: u32,
        /// Stored documents.
        pub documents: u64,
        /// Stored events.
        pub events: u64,
    }

    /// `GET /api/v1/events`: one page of the matching events.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct EventPage {
        /// How many events match, over all pages.
        pub total: u64,
        /// Events skipped before this page.
        pub offset: usize,
        /// The most this page could hold.
        pub limit: usize,
        /// The page, in the order asked for.
        pub events: Vec<Event>,
    }

    /// `GET /api/v1/documents/{id}`: a stored document, its clean text and the events coded
    /// in it.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Document {
        /// The document id.
        pub id: String,
        /// The article's address, when the input gave one.
        pub url: Option<String>,
        /// The headline.
        pub title: Option<String>,
        /// The outlet.
        pub source: Option<String>,
        /// Publication date (ISO day), when known.
        pub published: Option<String>,
        /// The dateline as written.
        pub dateline: Option<String>,
        /// The byline.
        pub byline: Option<String>,
        /// The clean text every offset points into (UTF-8 byte offsets).
        pub text: String,
        /// The event mentions coded in this document, in text order.
        pub spans: Vec<EventSpan>,
    }

    /// One event mention inside a [`Document`].
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct EventSpan {
        /// The event the mention was merged into (`/api/v1/events/{id}`).
        pub event_id: Option<String>,
        /// Trigger byte offsets in [`Document::text`].
        pub start: usize,
        /// End of the trigger (exclusive).
        pub end: usize,
        /// Sentence index, and the sentence's byte offsets in the text.
        pub sentence: usize,
        /// Start of the sentence.
        pub sentence_start: usize,
        /// End of the sentence (exclusive).
        pub sentence_end: usize,
        /// The trigger's words.
        pub trigger: String,
        /// CAMEO code as coded in this sentence.
        pub code: String,
        /// `actual`, `planned`, `possible` or `negated`.
        pub modality: String,
        /// The rule that fired.
        pub rule: String,
    }

    /// `GET /api/v1/dyads`: pairs of countries, most events first.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Dyads {
        /// One entry per (source, target) pair.
        pub dyads: Vec<Dyad>,
    }

    /// Events from one country to another.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Dyad {
        /// Source country (ISO 3166 alpha-3).
        pub source: String,
        /// Target country.
        pub target: String,
        /// All matching events between them in this direction.
        pub events: u64,
        /// The same, per two-digit CAMEO root.
        pub by_root: BTreeMap<String, u64>,
    }

    /// `GET /api/v1/timeline`: matching events per period, every period from the first to the
    /// last present (empty ones with zero).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Timeline {
        /// `day`, `week` (periods are the Monday starting them), `month` or `year`.
        pub by: String,
        /// Matching events whose date is unknown, so in no period.
        pub undated: u64,
        /// The periods, oldest first.
        pub periods: Vec<Period>,
    }

    /// One period of a [`Timeline`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Period {
        /// `2024-03-04`, `2024-03` or `2024`.
        pub period: String,
        /// Events whose first possible day falls in the period.
        pub events: u64,
        /// The same, per two-digit CAMEO root.
        pub by_root: BTreeMap<String, u64>,
    }

    /// `GET /api/v1/actors`: the most active countries.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Actors {
        /// Most events first.
        pub actors: Vec<ActorCount>,
    }

    /// How often one country appears in the matching events.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ActorCount {
        /// ISO 3166 alpha-3.
        pub country: String,
        /// Events with the country on either side.
        pub events: u64,
        /// Events with the country as source.
        pub as_source: u64,
        /// Events with the country as target.
        pub as_target: u64,
    }

    /// The body of every error response: `{"error": {"code": "...", "message": "..."}}`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ErrorBody {
        /// What went wrong.
        pub error: ErrorDetail,
    }

    /// See [`ErrorBody`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ErrorDetail {
        /// A stable, machine-readable code from [`ErrorCode`].
        pub code: ErrorCode,
        /// A sentence for people; its wording may change.
        pub message: String,
    }

    /// The table of error codes (docs/API.md), each with its HTTP status.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ErrorCode {
        /// 400: a query parameter this endpoint does not know.
        UnknownParameter,
        /// 400: a parameter given twice.
        RepeatedParameter,
        /// 400: a parameter whose value does not parse or cannot hold (a malformed date,
        /// `since` after `until`, a code that is not digits).
        InvalidParameter,
        /// 400: `limit` above the endpoint's maximum.
        LimitTooLarge,
        /// 404: no event or document with this id.
        NotFound,
        /// 404: no such endpoint.
        UnknownRoute,
        /// 405: the endpoint exists but not for this method.
        MethodNotAllowed,
        /// 500: the store failed; the message says how, and the server log has the rest.
        Internal,
    }

    impl ErrorCode {
        /// The HTTP status this code is sent with.
        pub fn status(self) -> u16 {
            match self {
                ErrorCode::UnknownParameter
                | ErrorCode::RepeatedParameter
                | ErrorCode::InvalidParameter
                | ErrorCode::LimitTooLarge => 400,
                ErrorCode::NotFound | ErrorCode::UnknownRoute => 404,
                ErrorCode::MethodNotAllowed => 405,
                ErrorCode::Internal => 500,
            }
        }
    }
}
