//! The endpoints: each parses its parameters, asks the store on a blocking thread, and answers
//! a v1 wire type or the error shape.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

use crate::api::v1;
use crate::api::v1::ErrorCode;
use crate::error::ApiError;
use crate::params::Params;
use crate::pool::Stores;
use crate::{chart, timeline};

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;
type StoreState = State<Arc<Stores>>;

/// Events per page when `limit` is not given.
const DEFAULT_EVENTS: usize = 100;
/// Countries listed when `limit` is not given.
const DEFAULT_ACTORS: usize = 20;
/// Dyads listed when `limit` is not given.
const DEFAULT_DYADS: usize = 100;

/// Every route of the API and the page.
pub fn router(stores: Arc<Stores>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/assets/app.js", get(script))
        .route("/assets/style.css", get(style))
        .route("/api/v1/health", get(health))
        .route("/api/v1/events", get(events))
        .route("/api/v1/events/{id}", get(event))
        .route("/api/v1/documents/{id}", get(document))
        .route("/api/v1/dyads", get(dyads))
        .route("/api/v1/actors", get(actors))
        .route("/api/v1/timeline", get(timeline))
        .route("/api/v1/timeline.svg", get(timeline_svg))
        .route("/api/v1/timeline.png", get(timeline_png))
        .route("/api/v1/openapi.json", get(openapi))
        .fallback(unknown_route)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(stores)
}

fn params(query: Pairs, extra: &[&str]) -> Result<Params, ApiError> {
    let Query(pairs) = query.map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidParameter,
            format!("the query string does not parse: {}", e.body_text()),
        )
    })?;
    Params::new(pairs, extra)
}

async fn health(State(stores): StoreState) -> Result<Json<v1::Health>, ApiError> {
    stores
        .with(|store| {
            let stats = store.stats()?;
            Ok(Json(v1::Health {
                status: "ok".into(),
                version: env!("CARGO_PKG_VERSION").into(),
                format_version: attache_model::FORMAT_VERSION,
                schema_version: store.schema_version()?,
                documents: stats.documents,
                events: stats.events,
            }))
        })
        .await
}

async fn events(State(stores): StoreState, query: Pairs) -> Result<Json<v1::EventPage>, ApiError> {
    let p = params(query, &["limit", "offset", "sort"])?;
    let (q, order, offset, limit) = (
        p.browse()?,
        p.order()?,
        p.offset()?,
        p.limit(DEFAULT_EVENTS)?,
    );
    stores
        .with(move |store| {
            Ok(Json(v1::EventPage {
                total: store.count_events(&q)?,
                offset,
                limit,
                events: store.events_page(&q, order, offset, limit)?,
            }))
        })
        .await
}

async fn event(
    State(stores): StoreState,
    Path(id): Path<String>,
) -> Result<Json<v1::Event>, ApiError> {
    stores
        .with(move |store| match store.event(&id)? {
            Some(e) => Ok(Json(e)),
            None => Err(ApiError::new(
                ErrorCode::NotFound,
                format!("no event with id {id:?}"),
            )),
        })
        .await
}

async fn document(
    State(stores): StoreState,
    Path(id): Path<String>,
) -> Result<Json<v1::Document>, ApiError> {
    stores
        .with(move |store| {
            let Some(d) = store.document(&id)? else {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("no document with id {id:?}"),
                ));
            };
            let spans = store
                .document_reports(&id)?
                .into_iter()
                .map(|r| {
                    let e = r.report.evidence;
                    v1::EventSpan {
                        event_id: r.event_id,
                        start: e.start,
                        end: e.end,
                        sentence: e.sentence,
                        sentence_start: e.sentence_start,
                        sentence_end: e.sentence_end,
                        trigger: e.trigger,
                        code: e.code.to_string(),
                        modality: e.modality.as_str().into(),
                        rule: e.rule.to_string(),
                    }
                })
                .collect();
            Ok(Json(v1::Document {
                id: d.id,
                url: d.url,
                title: d.title,
                source: d.source,
                published: d.published.map(|p| p.to_string()),
                dateline: d.dateline,
                byline: d.byline,
                text: d.text,
                spans,
            }))
        })
        .await
}

async fn dyads(State(stores): StoreState, query: Pairs) -> Result<Json<v1::Dyads>, ApiError> {
    let p = params(query, &["limit"])?;
    let (q, limit) = (p.browse()?, p.limit(DEFAULT_DYADS)?);
    let counts = stores.with(move |store| Ok(store.dyads(&q)?)).await?;
    let mut dyads: BTreeMap<(String, String), v1::Dyad> = BTreeMap::new();
    for c in counts {
        let d = dyads
            .entry((c.source.clone(), c.target.clone()))
            .or_insert_with(|| v1::Dyad {
                source: c.source,
                target: c.target,
                events: 0,
                by_root: BTreeMap::new(),
            });
        d.events += c.events;
        *d.by_root.entry(c.root).or_insert(0) += c.events;
    }
    let mut dyads: Vec<v1::Dyad> = dyads.into_values().collect();
    // Stable: ties keep the source, target order of the map.
    dyads.sort_by_key(|d| std::cmp::Reverse(d.events));
    dyads.truncate(limit);
    Ok(Json(v1::Dyads { dyads }))
}

async fn actors(State(stores): StoreState, query: Pairs) -> Result<Json<v1::Actors>, ApiError> {
    let p = params(query, &["limit"])?;
    let (q, limit) = (p.browse()?, p.limit(DEFAULT_ACTORS)?);
    let counts = stores
        .with(move |store| Ok(store.actors(&q, limit)?))
        .await?;
    let actors = counts
        .into_iter()
        .map(|c| v1::ActorCount {
            country: c.country,
            events: c.events,
            as_source: c.as_source,
            as_target: c.as_target,
        })
        .collect();
    Ok(Json(v1::Actors { actors }))
}

async fn load_timeline(stores: Arc<Stores>, p: &Params) -> Result<v1::Timeline, ApiError> {
    let (q, granularity) = (p.browse()?, p.granularity()?);
    stores
        .with(move |store| {
            let counts = store.timeline(&q, granularity)?;
            let dated: u64 = counts.iter().map(|c| c.events).sum();
            let undated = store.count_events(&q)?.saturating_sub(dated);
            Ok(timeline::build(counts, granularity, undated))
        })
        .await
}

async fn timeline(State(stores): StoreState, query: Pairs) -> Result<Json<v1::Timeline>, ApiError> {
    let p = params(query, &["by"])?;
    Ok(Json(load_timeline(stores, &p).await?))
}

async fn timeline_svg(State(stores): StoreState, query: Pairs) -> Result<Response, ApiError> {
    let p = params(query, &["by"])?;
    let q = p.browse()?;
    let t = load_timeline(stores, &p).await?;
    let svg = chart::timeline_svg(&t, &chart_title(&q, &t.by))
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

async fn timeline_png(State(stores): StoreState, query: Pairs) -> Result<Response, ApiError> {
    let p = params(query, &["by", "scale"])?;
    let (q, scale) = (p.browse()?, p.scale()?);
    let t = load_timeline(Arc::clone(&stores), &p).await?;
    let internal = |e: &dyn std::fmt::Display| ApiError::new(ErrorCode::Internal, e.to_string());
    let svg = chart::timeline_svg(&t, &chart_title(&q, &t.by)).map_err(|e| internal(&e))?;
    // Rasterising takes milliseconds to seconds of CPU: off the async workers.
    let png = tokio::task::spawn_blocking(move || {
        crate::timeline_png(&svg, stores.fonts()?, scale).map_err(|e| internal(&e))
    })
    .await
    .map_err(|e| internal(&e))??;
    Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
}

/// "Events per month: actor PRK, code 04, since 2019-01-01".
pub fn chart_title(b: &attache_store::Browse, by: &str) -> String {
    let q = &b.query;
    let mut parts = Vec::new();
    let mut add = |name: &str, v: Option<String>| {
        if let Some(v) = v {
            parts.push(format!("{name} {v}"));
        }
    };
    add("actor", q.actor.clone());
    add("source", q.source.clone());
    add("target", q.target.clone());
    add("dyad", q.dyad.as_ref().map(|[a, b]| format!("{a}-{b}")));
    add("code", q.code_prefix.clone());
    add("modality", q.modality.map(|m| m.as_str().to_string()));
    add("since", q.since.map(|d| d.to_string()));
    add("until", q.until.map(|d| d.to_string()));
    add("text", q.text.as_ref().map(|t| format!("{t:?}")));
    if parts.is_empty() {
        format!("Events per {by}")
    } else {
        format!("Events per {by}: {}", parts.join(", "))
    }
}

/// The OpenAPI 3.1 description of v1, written by hand beside docs/API.md.
const OPENAPI: &str = include_str!("../assets/openapi.json");

async fn openapi() -> impl IntoResponse {
    asset("application/json", OPENAPI)
}

async fn page() -> impl IntoResponse {
    asset(
        "text/html; charset=utf-8",
        include_str!("../assets/index.html"),
    )
}

async fn script() -> impl IntoResponse {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../assets/app.js"),
    )
}

async fn style() -> impl IntoResponse {
    asset(
        "text/css; charset=utf-8",
        include_str!("../assets/style.css"),
    )
}

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            // Compiled in: a new binary may change them, so revalidate rather than cache.
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}

async fn unknown_route(uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        ErrorCode::UnknownRoute,
        format!("no endpoint at {}", uri.path()),
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "this endpoint only answers GET",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    /// The OpenAPI document lists exactly the error codes the server sends.
    #[test]
    fn openapi_names_every_error_code() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).unwrap();
        let listed = &doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]
            ["code"]["enum"];
        let all = [
            ErrorCode::UnknownParameter,
            ErrorCode::RepeatedParameter,
            ErrorCode::InvalidParameter,
            ErrorCode::LimitTooLarge,
            ErrorCode::NotFound,
            ErrorCode::UnknownRoute,
            ErrorCode::MethodNotAllowed,
            ErrorCode::Internal,
        ];
        assert_eq!(listed, &serde_json::to_value(all).unwrap());
    }

    /// The status of every error code, as the code table in docs/API.md says.
    #[test]
    fn error_codes_have_their_status() {
        for (code, status) in [
            (ErrorCode::UnknownParameter, StatusCode::BAD_REQUEST),
            (ErrorCode::LimitTooLarge, StatusCode::BAD_REQUEST),
            (ErrorCode::NotFound, StatusCode::NOT_FOUND),
            (ErrorCode::MethodNotAllowed, StatusCode::METHOD_NOT_ALLOWED),
            (ErrorCode::Internal, StatusCode::INTERNAL_SERVER_ERROR),
        ] {
            let r = ApiError::new(code, "x").into_response();
            assert_eq!(r.status(), status, "{code:?}");
        }
    }
}
