//! The merge's knowledge values, read from `data/merge.tsv` (compiled in) or a user's file of
//! the same form: the date windows of [`Windows`], the near-duplicate threshold and the agent
//! codes of a state's official side.

use std::collections::BTreeSet;

use crate::Windows;

const BUILTIN: &str = include_str!("../../../data/merge.tsv");

/// A line of a merge settings file that does not read, with its place.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{origin}:{line}: {message}")]
    Line {
        origin: String,
        line: usize,
        message: String,
    },
    #[error("{origin}: setting {setting:?} missing")]
    Missing {
        origin: String,
        setting: &'static str,
    },
}

/// Everything the merge reads from `data/merge.tsv`. Built once, shared by reference.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeConfig {
    /// How far apart dates of one event may be.
    pub windows: Windows,
    /// MinHash similarity from which two documents are near-duplicates
    /// ([`crate::duplicates::Index::pairs`]).
    pub duplicate_threshold: f64,
    /// Agent codes ("GOV", "MIL") of a state's official side: visitors with one of them, or
    /// with none, can be one trip; others make trips of their own kind.
    pub official_agents: BTreeSet<String>,
}

impl MergeConfig {
    /// The compiled-in `data/merge.tsv`.
    pub fn builtin() -> MergeConfig {
        MergeConfig::parse("data/merge.tsv", BUILTIN).expect("data/merge.tsv reads")
    }

    /// Read settings from `text`; `origin` names the file in errors.
    pub fn parse(origin: &str, text: &str) -> Result<MergeConfig, ConfigError> {
        let mut values: [Option<&str>; 6] = [None; 6];
        const NAMES: [&str; 6] = [
            "trip_gap_days",
            "reported_before",
            "reported_after",
            "plan_lead_days",
            "duplicate_threshold",
            "official_agents",
        ];
        let line_error = |line: usize, message: String| ConfigError::Line {
            origin: origin.to_string(),
            line,
            message,
        };
        let mut header = true;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if std::mem::take(&mut header) {
                if line != "setting\tvalue" {
                    return Err(line_error(
                        n + 1,
                        "expected the header \"setting<TAB>value\"".into(),
                    ));
                }
                continue;
            }
            let Some((name, value)) = line.split_once('\t') else {
                return Err(line_error(
                    n + 1,
                    "expected two tab-separated columns".into(),
                ));
            };
            let Some(k) = NAMES.iter().position(|&s| s == name) else {
                return Err(line_error(n + 1, format!("unknown setting {name:?}")));
            };
            if values[k].replace(value.trim()).is_some() {
                return Err(line_error(n + 1, format!("setting {name:?} given twice")));
            }
        }
        let get = |k: usize| {
            values[k].ok_or(ConfigError::Missing {
                origin: origin.to_string(),
                setting: NAMES[k],
            })
        };
        let line_of = |k: usize| {
            text.lines()
                .position(|l| l.split('\t').next() == Some(NAMES[k]))
                .map_or(0, |i| i + 1)
        };
        let days = |k: usize| -> Result<i64, ConfigError> {
            let v = get(k)?;
            v.parse::<i64>()
                .ok()
                .filter(|d| (0..=3660).contains(d))
                .ok_or_else(|| {
                    line_error(
                        line_of(k),
                        format!("{}: {v:?} is not a number of days", NAMES[k]),
                    )
                })
        };
        let windows = Windows {
            trip_gap_days: days(0)?,
            reported_before: days(1)?,
            reported_after: days(2)?,
            plan_lead_days: days(3)?,
        };
        let threshold = get(4)?;
        let duplicate_threshold = threshold
            .parse::<f64>()
            .ok()
            .filter(|t| (0.0..=1.0).contains(t))
            .ok_or_else(|| {
                line_error(
                    line_of(4),
                    format!("duplicate_threshold: {threshold:?} is not in 0..=1"),
                )
            })?;
        let mut official_agents = BTreeSet::new();
        for agent in get(5)?.split('|').map(str::trim) {
            let ok = agent.len() == 3 && agent.bytes().all(|b| b.is_ascii_uppercase());
            if !ok {
                return Err(line_error(
                    line_of(5),
                    format!("official_agents: {agent:?} is not a three-letter agent code"),
                ));
            }
            official_agents.insert(agent.to_string());
        }
        Ok(MergeConfig {
            windows,
            duplicate_threshold,
            official_agents,
        })
    }

    /// Read a settings file.
    pub fn read(path: &std::path::Path) -> Result<MergeConfig, ConfigError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Line {
            origin: origin.clone(),
            line: 0,
            message: e.to_string(),
        })?;
        MergeConfig::parse(&origin, &text)
    }
}

impl Default for MergeConfig {
    fn default() -> MergeConfig {
        MergeConfig::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_file_loads() {
        let c = MergeConfig::builtin();
        assert_eq!(
            c.windows,
            Windows {
                trip_gap_days: 3,
                reported_before: 3,
                reported_after: 7,
                plan_lead_days: 28,
            }
        );
        assert_eq!(c.duplicate_threshold, 0.5);
        assert!(c.official_agents.contains("GOV") && c.official_agents.contains("MIL"));
        assert!(!c.official_agents.contains("CVL") && !c.official_agents.contains("BUS"));
    }

    /// A changed line of the built-in file, and what must come of it.
    #[test]
    fn changed_settings_table() {
        let with = |from: &str, to: &str| {
            assert!(BUILTIN.contains(from), "{from}");
            MergeConfig::parse("test.tsv", &BUILTIN.replace(from, to))
        };
        let ok = with("trip_gap_days\t3", "trip_gap_days\t5").unwrap();
        assert_eq!(ok.windows.trip_gap_days, 5);
        let ok = with("official_agents\tGOV|", "official_agents\tCVL|GOV|").unwrap();
        assert!(ok.official_agents.contains("CVL"));
        let cases = [
            (
                "trip_gap_days\t3",
                "trip_gap_days\tthree",
                "test.tsv:9: trip_gap_days",
            ),
            (
                "reported_after\t7",
                "reported_afterr\t7",
                "unknown setting \"reported_afterr\"",
            ),
            (
                "plan_lead_days\t28\n",
                "",
                "setting \"plan_lead_days\" missing",
            ),
            (
                "duplicate_threshold\t0.5",
                "duplicate_threshold\t5",
                "is not in 0..=1",
            ),
            (
                "official_agents\tGOV",
                "official_agents\tgov",
                "\"gov\" is not a three-letter",
            ),
            ("setting\tvalue", "name\tvalue", "expected the header"),
            (
                "reported_before\t3",
                "reported_before\t3\ntrip_gap_days\t4",
                "given twice",
            ),
        ];
        for (from, to, want) in cases {
            let err = with(from, to).unwrap_err().to_string();
            assert!(err.contains(want), "{to:?}: {err}");
        }
    }

    /// A changed value of the file changes what merges: a wider trip gap joins two day-dated
    /// reports five days apart; a shorter plan lead unlinks a plan announced three weeks ahead.
    #[test]
    fn a_changed_value_changes_the_merge() {
        use attache_model::DateValue;
        use jiff::civil::date;
        let config = |from: &str, to: &str| {
            MergeConfig::parse("test.tsv", &BUILTIN.replace(from, to)).unwrap()
        };
        let report = |day: i8, document: &str| {
            let mut r = crate::test_report("042|PRK|RUS", document);
            r.date = Some(DateValue::day(date(2019, 3, day)));
            r
        };
        let reports = [report(11, "a"), report(16, "b")];
        let clusters = |c: &MergeConfig| crate::cluster(&reports, &c.windows).len();
        assert_eq!(clusters(&MergeConfig::builtin()), 2);
        assert_eq!(clusters(&config("trip_gap_days\t3", "trip_gap_days\t5")), 1);

        let plan = DateValue::day(date(2019, 2, 18));
        let visit = DateValue::day(date(2019, 3, 11));
        let linked = |c: &MergeConfig| crate::planned_for(&plan, true, &visit, &c.windows);
        assert!(linked(&MergeConfig::builtin()));
        assert!(!linked(&config("plan_lead_days\t28", "plan_lead_days\t14")));
    }
}
