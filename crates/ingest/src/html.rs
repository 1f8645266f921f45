//! HTML pages -> main article text and metadata.
//!
//! Main text comes from [dom_smoothie] (a port of Mozilla's readability.js). It was chosen
//! on the article-extraction benchmark (181 news pages; `examples/eval_extraction.rs`):
//! F1 0.951 against 0.957 for the trafilatura crate, at about three times the speed and half
//! the dependency tree; rs-trafilatura scored 0.957 but prints debug lines. Metadata
//! readability misses (dates in `<time>` or plain `<meta name="date">`, `@graph` JSON-LD,
//! canonical URLs) is read here from the same parsed document.

use dom_smoothie::{Config, Readability, TextMode};
use jiff::civil::Date;

/// What the ingest stage keeps of a web page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The main text, paragraphs separated by `"\n\n"`; empty when none was found.
    pub body: String,
    /// og:title, JSON-LD headline or `<title>`.
    pub title: Option<String>,
    /// The publication day as the page states it (never guessed from today).
    pub published: Option<Date>,
    /// The page's own URL: JSON-LD `url`, og:url or `<link rel="canonical">`.
    pub url: Option<String>,
    /// The outlet: og:site_name or the JSON-LD publisher.
    pub site_name: Option<String>,
    /// Notes for [`attache_model::Article::warnings`].
    pub warnings: Vec<String>,
}

/// The warning for pages with little readable text (menus, galleries, index pages).
pub const LOW_TEXT_WARNING: &str = "the page has little readable text; it may not be an article";

/// `<meta>` names and properties (lower-cased) that carry a publication date, best first.
const META_DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "sailthru.date",
    "article.published",
    "parsely-pub-date",
];

/// Extract the main text and metadata of an HTML page. Never fails: a page with no
/// recognisable article gives an empty `body`, which the caller reports.
pub fn extract(html: &str) -> Page {
    let cfg = Config {
        // Formatted keeps block boundaries as line breaks; Raw glues paragraphs together.
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = match Readability::new(html, None, Some(cfg)) {
        Ok(r) => r,
        Err(e) => {
            return Page {
                warnings: vec![format!("HTML extraction failed: {e}")],
                ..Page::default()
            }
        }
    };
    // Read our metadata first: parse() rewrites the document.
    let extra = scan_metadata(&readability);
    let mut page = Page::default();
    if !readability.is_probably_readable() {
        // Kept, not refused: a short wire brief can score low and still carry an event.
        page.warnings.push(LOW_TEXT_WARNING.to_string());
    }
    match readability.parse() {
        Ok(article) => {
            page.body = paragraphs(&article.text_content);
            page.title = clean(Some(article.title));
            page.published = article.published_time.as_deref().and_then(parse_html_date);
            page.url = article.url.filter(|u| is_web_url(u));
            page.site_name = clean(article.site_name);
        }
        Err(e) => page
            .warnings
            .push(format!("no article found in the HTML: {e}")),
    }
    // JSON-LD and <meta> dates are the page's own statement; readability's pick comes from
    // the same places, so ours only fills gaps.
    page.published = page.published.or(extra.published);
    page.url = page.url.or(extra.url);
    page.title = page.title.or(extra.title);
    page
}

/// Metadata read straight from the parsed page.
#[derive(Default)]
struct Extra {
    published: Option<Date>,
    url: Option<String>,
    title: Option<String>,
}

fn scan_metadata(readability: &Readability) -> Extra {
    let doc = &readability.doc;
    let mut extra = Extra::default();

    // JSON-LD, including `@graph` lists and arrays, which readability skips.
    for script in doc.select("script[type]").nodes() {
        let is_ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld || extra.published.is_some() {
            continue;
        }
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text()) {
            extra.published = find_json_date(&value, 0);
        }
    }

    // <meta name|property|itemprop=... content=...>, case-insensitive keys.
    let mut meta_dates: Vec<(usize, Date)> = Vec::new();
    for meta in doc.select("meta[content]").nodes() {
        let Some(content) = meta.attr("content") else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            let Some(key) = meta.attr(attr) else { continue };
            let key = key.trim().to_ascii_lowercase();
            if let Some(rank) = META_DATE_KEYS.iter().position(|k| *k == key) {
                if let Some(date) = parse_html_date(&content) {
                    meta_dates.push((rank, date));
                }
            }
            if key == "og:url" && extra.url.is_none() && is_web_url(content.trim()) {
                extra.url = Some(content.trim().to_string());
            }
        }
    }
    meta_dates.sort_by_key(|(rank, _)| *rank);
    extra.published = extra.published.or(meta_dates.first().map(|(_, d)| *d));

    // <time datetime>: marked as the publication time, or the only date the page shows.
    // Any other <time> may be a sidebar's date or the header's "today", so it is not used.
    if extra.published.is_none() {
        let marked = doc.select("time[pubdate], time[itemprop=datePublished]");
        extra.published = marked
            .nodes()
            .iter()
            .find_map(|t| t.attr("datetime").and_then(|v| parse_html_date(&v)));
    }
    if extra.published.is_none() {
        let mut dates: Vec<Date> = doc
            .select("time[datetime]")
            .nodes()
            .iter()
            .filter_map(|t| t.attr("datetime").and_then(|v| parse_html_date(&v)))
            .collect();
        dates.dedup();
        if dates.len() == 1 {
            extra.published = dates.first().copied();
        }
    }

    if extra.url.is_none() {
        extra.url = doc
            .select("link[rel=canonical][href]")
            .nodes()
            .iter()
            .find_map(|l| l.attr("href").map(|h| h.trim().to_string()))
            .filter(|u| is_web_url(u));
    }
    extra.title = clean(
        doc.select("title")
            .nodes()
            .first()
            .map(|t| t.text().to_string()),
    );
    extra
}

/// `datePublished` anywhere in a JSON-LD value (objects, arrays, `@graph`), depth-limited.
fn find_json_date(value: &serde_json::Value, depth: usize) -> Option<Date> {
    if depth > 8 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => map
            .get("datePublished")
            .and_then(|v| v.as_str())
            .and_then(parse_html_date)
            .or_else(|| map.values().find_map(|v| find_json_date(v, depth + 1))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_json_date(v, depth + 1)),
        _ => None,
    }
}

/// A page's date attribute -> its day. Pages write ISO dates loosely ("2024-02-13T11:47:28+0000",
/// "2024-02-13 11:47", "2024/02/13"), so only the leading year-month-day must be exact.
pub fn parse_html_date(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Some(date) = crate::parse_published(value) {
        return Some(date);
    }
    let head = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let b = head.as_bytes();
    let sep = b[4];
    if !(sep == b'-' || sep == b'/' || sep == b'.') || b[7] != sep {
        return None;
    }
    let num = |r: std::ops::Range<usize>| head.get(r)?.parse::<i16>().ok();
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Readability's text -> one paragraph per non-blank line, joined by "\n\n", with runs of
/// spaces and tabs inside a line collapsed.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split([' ', '\t']).filter(|w| !w.is_empty()).peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

fn clean(s: Option<String>) -> Option<String> {
    let s = s?;
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn is_web_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn html_dates() {
        let cases = [
            ("2024-02-13", Some(date(2024, 2, 13))),
            ("2024-02-13T11:47:28+0000", Some(date(2024, 2, 13))),
            ("2024-02-13T11:47:28.000Z", Some(date(2024, 2, 13))),
            (" 2024-02-13 11:47 ", Some(date(2024, 2, 13))),
            ("2024/02/13", Some(date(2024, 2, 13))),
            ("2024-02-31", None),
            ("20240213", Some(date(2024, 2, 13))), // ISO 8601 basic format
            ("Tue, 13 Feb 2024 11:47:28 GMT", None),
            ("2024-02-130", None),
        ];
        for (value, want) in cases {
            assert_eq!(parse_html_date(value), want, "{value}");
        }
    }

    #[test]
    fn paragraph_joining() {
        let cases = [
            ("One.\nTwo.", "One.\n\nTwo."),
            ("  One  two.\n\n\n\t Three. \n", "One two.\n\nThree."),
            ("\n \n", ""),
        ];
        for (text, want) in cases {
            assert_eq!(paragraphs(text), want, "{text:?}");
        }
    }
}
