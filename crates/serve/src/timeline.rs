//! Period counts from the store into a timeline with every period present.

use std::collections::BTreeMap;

use attache_store::{Granularity, PeriodCount};
use jiff::civil::Date;
use jiff::ToSpan;

use crate::api::v1::{Period, Timeline};

/// Past this many periods the empty ones are not filled in: a daily timeline over centuries
/// would be mostly zeros and megabytes long.
const MAX_FILLED: usize = 10_000;

/// Group the store's (period, root) counts into periods, adding the empty periods between the
/// first and the last so a chart's x axis is time, not a list of non-empty months.
pub fn build(counts: Vec<PeriodCount>, granularity: Granularity, undated: u64) -> Timeline {
    let mut periods: BTreeMap<String, Period> = BTreeMap::new();
    for c in counts {
        let p = periods.entry(c.period.clone()).or_insert_with(|| Period {
            period: c.period,
            events: 0,
            by_root: BTreeMap::new(),
        });
        p.events += c.events;
        *p.by_root.entry(c.root).or_insert(0) += c.events;
    }
    let first = periods.keys().next().and_then(|p| start(p, granularity));
    let last = periods
        .keys()
        .next_back()
        .and_then(|p| start(p, granularity));
    if let (Some(first), Some(last)) = (first, last) {
        let mut day = first;
        let mut filled = Vec::new();
        while day <= last && filled.len() <= MAX_FILLED {
            filled.push(name(day, granularity));
            day = match next(day, granularity) {
                Some(d) => d,
                None => break,
            };
        }
        if filled.len() <= MAX_FILLED {
            for period in filled {
                periods.entry(period.clone()).or_insert_with(|| Period {
                    period,
                    events: 0,
                    by_root: BTreeMap::new(),
                });
            }
        }
    }
    Timeline {
        by: granularity_name(granularity).to_string(),
        undated,
        // ISO names sort like the periods they name.
        periods: periods.into_values().collect(),
    }
}

/// The word for a granularity in the API (`?by=`).
pub fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

fn start(period: &str, g: Granularity) -> Option<Date> {
    match g {
        Granularity::Day | Granularity::Week => period.parse().ok(),
        Granularity::Month => format!("{period}-01").parse().ok(),
        Granularity::Year => format!("{period}-01-01").parse().ok(),
    }
}

fn next(d: Date, g: Granularity) -> Option<Date> {
    match g {
        Granularity::Day => d.checked_add(1.day()).ok(),
        Granularity::Week => d.checked_add(7.days()).ok(),
        Granularity::Month => d.checked_add(1.month()).ok(),
        Granularity::Year => d.checked_add(1.year()).ok(),
    }
}

fn name(d: Date, g: Granularity) -> String {
    let format = match g {
        Granularity::Day | Granularity::Week => "%Y-%m-%d",
        Granularity::Month => "%Y-%m",
        Granularity::Year => "%Y",
    };
    d.strftime(format).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(period: &str, root: &str, events: u64) -> PeriodCount {
        PeriodCount {
            period: period.into(),
            root: root.into(),
            events,
        }
    }

    #[test]
    fn gaps_are_filled_between_first_and_last() {
        let cases = [
            (
                Granularity::Month,
                vec![
                    count("2019-11", "04", 2),
                    count("2020-02", "04", 1),
                    count("2020-02", "03", 1),
                ],
                vec![
                    ("2019-11", 2),
                    ("2019-12", 0),
                    ("2020-01", 0),
                    ("2020-02", 2),
                ],
            ),
            (
                Granularity::Year,
                vec![count("2018", "04", 1), count("2020", "04", 3)],
                vec![("2018", 1), ("2019", 0), ("2020", 3)],
            ),
            (
                Granularity::Week,
                vec![count("2019-03-11", "04", 1), count("2019-03-25", "04", 1)],
                vec![("2019-03-11", 1), ("2019-03-18", 0), ("2019-03-25", 1)],
            ),
            (Granularity::Day, vec![], vec![]),
        ];
        for (g, counts, want) in cases {
            let t = build(counts, g, 0);
            let got: Vec<(&str, u64)> = t
                .periods
                .iter()
                .map(|p| (p.period.as_str(), p.events))
                .collect();
            assert_eq!(got, want, "{g:?}");
        }
        let t = build(
            vec![count("2020-02", "04", 1), count("2020-02", "03", 2)],
            Granularity::Month,
            5,
        );
        assert_eq!(t.periods[0].by_root.get("03"), Some(&2));
        assert_eq!(t.undated, 5);
        assert_eq!(t.by, "month");
    }

    #[test]
    fn centuries_of_days_are_not_filled() {
        let t = build(
            vec![count("1900-01-01", "04", 1), count("2020-01-01", "04", 1)],
            Granularity::Day,
            0,
        );
        assert_eq!(t.periods.len(), 2);
    }
}
