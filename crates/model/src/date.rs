use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Unknown,
}

impl Precision {
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
}

/// Where a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// Written out in full in the text ("Jan. 29, 2016").
    Explicit,
    /// Resolved against the publication date ("on Friday", "last year", "Oct. 19").
    Relative,
    /// Guessed from other evidence (e.g. the latest full date in the text).
    Inferred,
    /// No time expression: the event is dated by the report's publication date.
    Reported,
}

impl DateBasis {
    /// As written in every output: `explicit`, `relative`, `inferred`, `reported`.
    pub fn as_str(&self) -> &'static str {
        match self {
            DateBasis::Explicit => "explicit",
            DateBasis::Relative => "relative",
            DateBasis::Inferred => "inferred",
            DateBasis::Reported => "reported",
        }
    }
}

/// A calendar interval known to some precision: a day, a month, a year, or a range of them.
///
/// `first..=last` are the first and last days it can cover: "October 2023" is
/// 2023-10-01..=2023-10-31 with precision `Month`; "Feb. 15-17, 2024" is
/// 2024-02-15..=2024-02-17 with precision `Day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    pub first: Date,
    pub last: Date,
    pub precision: Precision,
}

impl DateValue {
    pub fn day(d: Date) -> DateValue {
        DateValue {
            first: d,
            last: d,
            precision: Precision::Day,
        }
    }

    pub fn day_range(first: Date, last: Date) -> DateValue {
        DateValue {
            first,
            last,
            precision: Precision::Day,
        }
    }

    pub fn month(year: i16, month: i8) -> Option<DateValue> {
        let first = Date::new(year, month, 1).ok()?;
        Some(DateValue {
            first,
            last: first.last_of_month(),
            precision: Precision::Month,
        })
    }

    pub fn year(year: i16) -> Option<DateValue> {
        Some(DateValue {
            first: Date::new(year, 1, 1).ok()?,
            last: Date::new(year, 12, 31).ok()?,
            precision: Precision::Year,
        })
    }

    /// The start, written at this value's precision: "2016-01-29", "2016-01" or "2016".
    pub fn start_iso(&self) -> String {
        format_at(self.first, self.precision)
    }

    /// The end when this value is a range at its precision ("Feb. 15-17"), else `None`.
    pub fn end_iso(&self) -> Option<String> {
        let (a, b) = (
            format_at(self.first, self.precision),
            format_at(self.last, self.precision),
        );
        (a != b).then_some(b)
    }

    /// Whether the two intervals share a day.
    pub fn overlaps(&self, other: &DateValue) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Number of days covered; smaller is more precise.
    pub fn days(&self) -> i64 {
        (self.last - self.first).get_days() as i64 + 1
    }
}

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DurationUnit {
    Day,
    Week,
    Month,
    Year,
}

/// A length of time, not a date: "three days", "a two-day visit", "a week-long trip".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Duration {
    pub count: u16,
    pub unit: DurationUnit,
}

impl Duration {
    /// ISO 8601: "P3D", "P1W", "P2M", "P1Y".
    pub fn iso(&self) -> String {
        let unit = match self.unit {
            DurationUnit::Day => 'D',
            DurationUnit::Week => 'W',
            DurationUnit::Month => 'M',
            DurationUnit::Year => 'Y',
        };
        format!("P{}{unit}", self.count)
    }

    /// The last day of a period of this length that starts on `start` (start + duration - 1
    /// day): a three-day visit from Feb. 15 ends on Feb. 17. `None` past the calendar's end.
    pub fn last_day_from(&self, start: Date) -> Option<Date> {
        let n = i64::from(self.count);
        let span = match self.unit {
            DurationUnit::Day => jiff::Span::new().days(n),
            DurationUnit::Week => jiff::Span::new().weeks(n),
            DurationUnit::Month => jiff::Span::new().months(n),
            DurationUnit::Year => jiff::Span::new().years(n),
        };
        start
            .checked_add(span)
            .ok()?
            .checked_sub(jiff::Span::new().days(1))
            .ok()
    }
}

fn format_at(d: Date, p: Precision) -> String {
    match p {
        Precision::Day | Precision::Unknown => d.strftime("%Y-%m-%d").to_string(),
        Precision::Month => d.strftime("%Y-%m").to_string(),
        Precision::Year => d.strftime("%Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn basis_and_vague_names_are_their_json() {
        use crate::Vague;
        let names = [
            DateBasis::Explicit,
            DateBasis::Relative,
            DateBasis::Inferred,
            DateBasis::Reported,
        ]
        .map(|b| (serde_json::to_string(&b).unwrap(), b.as_str()))
        .into_iter()
        .chain(
            [Vague::Past, Vague::Present, Vague::Future]
                .map(|v| (serde_json::to_string(&v).unwrap(), v.as_str())),
        );
        for (json, name) in names {
            assert_eq!(json, format!("\"{name}\""));
        }
    }

    #[test]
    fn iso_forms() {
        let cases = [
            (DateValue::day(date(2016, 1, 29)), "2016-01-29", None),
            (DateValue::month(2023, 10).unwrap(), "2023-10", None),
            (DateValue::year(2023).unwrap(), "2023", None),
            (
                DateValue::day_range(date(2024, 2, 15), date(2024, 2, 17)),
                "2024-02-15",
                Some("2024-02-17"),
            ),
        ];
        for (v, start, end) in cases {
            assert_eq!(v.start_iso(), start);
            assert_eq!(v.end_iso().as_deref(), end);
        }
    }

    #[test]
    fn durations_in_iso_and_their_last_day() {
        use DurationUnit::*;
        let d = |count, unit| Duration { count, unit };
        #[rustfmt::skip]
        let cases = [
            (d(3, Day), "P3D", date(2024, 2, 15), date(2024, 2, 17)),
            (d(1, Week), "P1W", date(2023, 12, 28), date(2024, 1, 3)),
            (d(2, Month), "P2M", date(2024, 1, 10), date(2024, 3, 9)),
            (d(1, Year), "P1Y", date(2024, 2, 29), date(2025, 2, 27)),
        ];
        for (duration, iso, start, last) in cases {
            assert_eq!(duration.iso(), iso);
            assert_eq!(
                duration.last_day_from(start),
                Some(last),
                "{iso} from {start}"
            );
        }
    }

    #[test]
    fn overlap_and_size() {
        let oct = DateValue::month(2023, 10).unwrap();
        assert!(oct.overlaps(&DateValue::day(date(2023, 10, 19))));
        assert!(!oct.overlaps(&DateValue::month(2024, 1).unwrap()));
        assert_eq!(oct.days(), 31);
    }
}
