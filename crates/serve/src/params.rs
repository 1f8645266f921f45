//! Query strings into typed requests. Every endpoint names the parameters it accepts, so a
//! misspelt filter (`?actr=PRK`) is an error instead of silently matching everything.

use attache_model::{CameoCode, CountryCode, Modality};
use attache_store::{Browse, EventOrder, EventQuery, Granularity};
use jiff::civil::Date;

use crate::api::v1::ErrorCode;
use crate::error::ApiError;

/// The filters every listing and count takes: those of `attache events`.
pub const FILTERS: &[&str] = &[
    "actor", "source", "target", "dyad", "code", "modality", "since", "until", "q", "claimant",
];

/// The longest `q` taken: a search box needs a few words, not a document.
const MAX_TEXT: usize = 500;

/// The most events, dyads or actors one response holds.
pub const MAX_LIMIT: usize = 1000;

/// The parameters of one request, checked against the names its endpoint accepts.
#[derive(Debug)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Check that every parameter is known to the endpoint (`FILTERS` plus `extra`) and given
    /// once. Empty values count as absent, as an HTML form sends every field.
    pub fn new(pairs: Vec<(String, String)>, extra: &[&str]) -> Result<Params, ApiError> {
        let mut seen: Vec<&str> = Vec::new();
        for (name, _) in &pairs {
            if !FILTERS.contains(&name.as_str()) && !extra.contains(&name.as_str()) {
                let mut known: Vec<&str> = FILTERS.iter().chain(extra).copied().collect();
                known.sort_unstable();
                return Err(ApiError::new(
                    ErrorCode::UnknownParameter,
                    format!(
                        "unknown parameter {name:?}; this endpoint takes {}",
                        known.join(", ")
                    ),
                ));
            }
            if seen.contains(&name.as_str()) {
                return Err(ApiError::new(
                    ErrorCode::RepeatedParameter,
                    format!("parameter {name:?} is given more than once"),
                ));
            }
            seen.push(name);
        }
        let pairs = pairs.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        Ok(Params { pairs })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The event filters, for the browsing queries.
    pub fn browse(&self) -> Result<Browse, ApiError> {
        Ok(Browse::from(self.query()?))
    }

    /// The event filters of `attache events`.
    pub fn query(&self) -> Result<EventQuery, ApiError> {
        let dyad = self
            .get("dyad")
            .map(|d| {
                let expected = "two countries or actor codes, either direction, such as PRK-RUS";
                let (a, b) = d
                    .split_once(['-', ','])
                    .ok_or_else(|| invalid("dyad", d, expected))?;
                let side = |v: &str| {
                    let upper = v.trim().to_ascii_uppercase();
                    (CountryCode::parse(&upper).is_ok()
                        || attache_model::ActorCode::parse(&upper).is_ok())
                    .then_some(upper)
                    .ok_or_else(|| invalid("dyad", d, expected))
                };
                Ok::<_, ApiError>([side(a)?, side(b)?])
            })
            .transpose()?;
        let text = self
            .get("q")
            .map(|q| {
                if q.chars().count() > MAX_TEXT {
                    Err(invalid("q", q, "at most 500 characters of words"))
                } else if !q.chars().any(char::is_alphanumeric) {
                    Err(invalid("q", q, "words to search the sentences for"))
                } else {
                    Ok(q.to_string())
                }
            })
            .transpose()?;
        Ok(EventQuery {
            actor: self.actor("actor")?,
            source: self.actor("source")?,
            target: self.actor("target")?,
            code_prefix: self
                .get("code")
                .map(|c| match CameoCode::parse(c) {
                    Ok(code) => Ok(code.to_string()),
                    // One digit is a prefix too ("0" = roots 01..09), as in `attache events`.
                    Err(_) if c.len() == 1 && c.bytes().all(|b| b.is_ascii_digit()) => {
                        Ok(c.to_string())
                    }
                    Err(_) => Err(invalid(
                        "code",
                        c,
                        "a CAMEO code or prefix of 1 to 4 digits such as 04 or 042",
                    )),
                })
                .transpose()?,
            modality: self
                .get("modality")
                .map(|m| {
                    Modality::parse(m).ok_or_else(|| {
                        invalid("modality", m, "actual, planned, possible or negated")
                    })
                })
                .transpose()?,
            since: self.date("since")?,
            until: self.date("until")?,
            dyad,
            text,
            // Checked by the store (a name or code of at most 100 characters), whose
            // `InvalidQuery` answers 400 `invalid_parameter` like a malformed value here.
            claimant: self.get("claimant").map(str::to_string),
            limit: None,
        })
    }

    /// `limit`: `default` when absent, at most [`MAX_LIMIT`].
    pub fn limit(&self, default: usize) -> Result<usize, ApiError> {
        let Some(limit) = self.number("limit")? else {
            return Ok(default);
        };
        if limit > MAX_LIMIT {
            return Err(ApiError::new(
                ErrorCode::LimitTooLarge,
                format!("limit {limit} is above the maximum of {MAX_LIMIT}; page with offset"),
            ));
        }
        Ok(limit)
    }

    /// `offset`, 0 when absent.
    pub fn offset(&self) -> Result<usize, ApiError> {
        Ok(self.number("offset")?.unwrap_or(0))
    }

    /// `sort`: `date` (oldest first, the default) or `-date` (newest first).
    pub fn order(&self) -> Result<EventOrder, ApiError> {
        match self.get("sort") {
            None | Some("date") => Ok(EventOrder::OldestFirst),
            Some("-date") => Ok(EventOrder::NewestFirst),
            Some(other) => Err(invalid("sort", other, "date or -date")),
        }
    }

    /// `by`: the timeline's period, `month` when absent.
    pub fn granularity(&self) -> Result<Granularity, ApiError> {
        match self.get("by") {
            Some("day") => Ok(Granularity::Day),
            Some("week") => Ok(Granularity::Week),
            None | Some("month") => Ok(Granularity::Month),
            Some("year") => Ok(Granularity::Year),
            Some(other) => Err(invalid("by", other, "day, week, month or year")),
        }
    }

    fn actor(&self, name: &str) -> Result<Option<String>, ApiError> {
        self.get(name)
            .map(|v| {
                let upper = v.to_ascii_uppercase();
                // A country ("PRK") or a CAMEO actor code ("PRKGOV"), as the store accepts.
                let ok = CountryCode::parse(&upper).is_ok()
                    || attache_model::ActorCode::parse(&upper).is_ok();
                if ok {
                    Ok(upper)
                } else {
                    Err(invalid(
                        name,
                        v,
                        "an ISO 3166 alpha-3 country code such as PRK, or an actor code such as PRKGOV",
                    ))
                }
            })
            .transpose()
    }

    fn date(&self, name: &str) -> Result<Option<Date>, ApiError> {
        self.get(name)
            .map(|v| {
                // jiff also reads datetimes; a filter takes a day and nothing else.
                let day_shaped =
                    v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
                v.parse::<Date>()
                    .ok()
                    .filter(|_| day_shaped)
                    .ok_or_else(|| invalid(name, v, "a date as YYYY-MM-DD"))
            })
            .transpose()
    }

    /// `scale` of a PNG chart: pixels per SVG unit.
    pub fn scale(&self) -> Result<f32, ApiError> {
        let Some(v) = self.get("scale") else {
            return Ok(crate::DEFAULT_SCALE);
        };
        v.parse::<f32>()
            .ok()
            .filter(|s| crate::SCALES.contains(s))
            .ok_or_else(|| invalid("scale", v, "a number from 0.25 to 8"))
    }

    fn number(&self, name: &str) -> Result<Option<usize>, ApiError> {
        self.get(name)
            .map(|v| {
                v.parse::<usize>()
                    .map_err(|_| invalid(name, v, "a whole number, 0 or more"))
            })
            .transpose()
    }
}

fn invalid(name: &str, value: &str, expected: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidParameter,
        format!("{name} takes {expected}, got {value:?}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn params(query: &[(&str, &str)], extra: &[&str]) -> Result<Params, ApiError> {
        let pairs = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Params::new(pairs, extra)
    }

    #[test]
    fn filters_parse() {
        let p = params(
            &[
                ("actor", "prk"),
                ("target", "RUSGOV"),
                ("code", "042"),
                ("modality", "planned"),
                ("since", "2019-03-01"),
                ("until", ""),
                ("dyad", "rus,PRK"),
            ],
            &[],
        )
        .unwrap();
        let q = p.browse().unwrap().query;
        assert_eq!(q.dyad, Some(["RUS".to_string(), "PRK".to_string()]));
        assert_eq!(q.actor.as_deref(), Some("PRK"));
        assert_eq!(q.target.as_deref(), Some("RUSGOV"));
        assert_eq!(q.code_prefix.as_deref(), Some("042"));
        assert_eq!(q.modality, Some(Modality::Planned));
        assert_eq!(q.since, Some(date(2019, 3, 1)));
        assert_eq!(q.until, None, "an empty form field is no filter");
    }

    #[test]
    fn bad_requests_name_their_parameter() {
        /// A query, the error it gets, and a word its message must contain.
        type Case = (
            &'static [(&'static str, &'static str)],
            ErrorCode,
            &'static str,
        );
        let cases: &[Case] = &[
            (&[("actr", "PRK")], ErrorCode::UnknownParameter, "\"actr\""),
            (
                &[("actor", "PRK"), ("actor", "RUS")],
                ErrorCode::RepeatedParameter,
                "actor",
            ),
            (
                &[("actor", "North Korea")],
                ErrorCode::InvalidParameter,
                "actor",
            ),
            (&[("code", "04a")], ErrorCode::InvalidParameter, "code"),
            (&[("code", "04211")], ErrorCode::InvalidParameter, "code"),
            (
                &[("modality", "real")],
                ErrorCode::InvalidParameter,
                "modality",
            ),
            (
                &[("since", "2019-13-01")],
                ErrorCode::InvalidParameter,
                "since",
            ),
            (
                &[("since", "March 4")],
                ErrorCode::InvalidParameter,
                "since",
            ),
            (
                &[("until", "2019-03-04T10:00")],
                ErrorCode::InvalidParameter,
                "until",
            ),
            (&[("limit", "1001")], ErrorCode::LimitTooLarge, "1000"),
            (&[("limit", "-1")], ErrorCode::InvalidParameter, "limit"),
            (&[("offset", "ten")], ErrorCode::InvalidParameter, "offset"),
            (&[("sort", "outlet")], ErrorCode::InvalidParameter, "sort"),
            (&[("dyad", "PRK")], ErrorCode::InvalidParameter, "dyad"),
            (
                &[("dyad", "PRK-North Korea")],
                ErrorCode::InvalidParameter,
                "dyad",
            ),
        ];
        for (query, code, named) in cases {
            let got = params(query, &["limit", "offset", "sort"]).and_then(|p| {
                p.browse()?;
                p.limit(100)?;
                p.offset()?;
                p.order()?;
                Ok(())
            });
            let err = got.expect_err("a bad request");
            assert_eq!(err.code, *code, "{query:?}: {}", err.message);
            assert!(err.message.contains(named), "{query:?}: {}", err.message);
        }
    }

    #[test]
    fn paging_defaults() {
        let p = params(&[], &["limit", "offset", "sort", "by"]).unwrap();
        assert_eq!(p.limit(100).unwrap(), 100);
        assert_eq!(p.offset().unwrap(), 0);
        assert_eq!(p.order().unwrap(), EventOrder::OldestFirst);
        assert_eq!(p.granularity().unwrap(), Granularity::Month);
        let p = params(
            &[("limit", "1000"), ("sort", "-date"), ("by", "year")],
            &["limit", "sort", "by"],
        )
        .unwrap();
        assert_eq!(p.limit(100).unwrap(), 1000);
        assert_eq!(p.order().unwrap(), EventOrder::NewestFirst);
        assert_eq!(p.granularity().unwrap(), Granularity::Year);
    }
}
