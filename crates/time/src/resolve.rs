//! Resolution: an [`Expr`] plus the publication date (and, when the year is not written, the
//! sentence's tense) becomes a calendar interval. All arithmetic is jiff's.

use attache_model::{DateBasis, DateValue, Precision};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use crate::lexicon::Tense;
use crate::scan::{Expr, Which};

/// How far from the publication year a yearless "Feb. 29" may look for a leap year.
const YEAR_REACH: i16 = 8;

/// Resolve `expr`. `tense` is only called when the answer depends on it. Expressions that
/// need a publication date produce `None` without one; "the next day" and its kin need
/// `anchor`, the date mentioned just before, and produce `None` without it.
pub(crate) fn resolve(
    expr: Expr,
    published: Option<Date>,
    anchor: Option<DateValue>,
    tense: impl FnOnce() -> Tense,
) -> Option<(DateValue, DateBasis)> {
    use DateBasis::{Explicit, Relative};
    match expr {
        // No date: the publication day stands in, as for an event with no time expression;
        // the caller flags it as vague.
        Expr::Vague(_) => Some((DateValue::day(published?), DateBasis::Reported)),
        Expr::SlashedShort { year, a, b } => resolve(
            Expr::Slashed {
                year: century(year, published),
                a,
                b,
            },
            published,
            anchor,
            tense,
        ),
        Expr::ShortYear(yy) => Some((DateValue::year(century(yy, published))?, Explicit)),
        Expr::Decade(y) => Some((decade(y)?, Explicit)),
        Expr::ShortDecade(yy) => {
            // The latest such decade begun by publication ("the 70s" in 2007 is the 1970s);
            // without a publication date, the 1930s to 2020s.
            let start = match published {
                Some(p) => {
                    let py = p.year();
                    let mut y = py - py.rem_euclid(100) + i16::from(yy);
                    if y > py {
                        y -= 100;
                    }
                    y
                }
                None => century(yy, None),
            };
            Some((decade(start)?, Relative))
        }
        Expr::Weekend(which) => {
            let published = published?;
            // The Saturday of publication's week (weeks run Monday to Sunday), then moved by
            // "last"/"next" or, for "the weekend", to the one the tense points to.
            let back = i32::from(published.weekday().to_monday_zero_offset());
            let this = published.checked_add((5 - back).days()).ok()?;
            let saturday = match which {
                Which::Before => this.checked_sub(7.days()).ok()?,
                Which::After => this.checked_add(7.days()).ok()?,
                Which::Tense => match tense() {
                    // The latest weekend begun by publication.
                    Tense::Past | Tense::Unknown if this > published => {
                        this.checked_sub(7.days()).ok()?
                    }
                    _ => this,
                },
                _ => this,
            };
            let sunday = saturday.checked_add(1.days()).ok()?;
            Some((DateValue::day_range(saturday, sunday), Relative))
        }
        Expr::SameDay => match anchor {
            Some(a) if a.precision == Precision::Day && a.days() == 1 => {
                Some((DateValue::day(a.first), Relative))
            }
            _ => Some((DateValue::day(published?), Relative)),
        },
        Expr::FromAnchor(days) => {
            let anchor = anchor?;
            if anchor.precision != Precision::Day {
                return None;
            }
            // Counted from the end of a range going forward ("Feb. 15-17 ... the next day" is
            // the 18th) and from its start going back.
            let from = if days > 0 { anchor.last } else { anchor.first };
            let day = from.checked_add(days.days()).ok()?;
            Some((DateValue::day(day), Relative))
        }
        Expr::Days {
            year: Which::Written(y),
            first,
            last,
        } => Some((days_in(y, first, last)?, Explicit)),
        Expr::Days { year, first, last } => {
            let published = published?;
            let fits = |y: i16| days_in(y, first, last);
            let y = pick_year(year, published, tense, |y| {
                fits(y).map(|v| (v.first, v.last))
            })?;
            Some((fits(y)?, Relative))
        }
        Expr::Slashed { year, a, b } => {
            let month_first = Date::new(year, a, b).ok();
            let day_first = Date::new(year, b, a).ok();
            let day = match (month_first, day_first, published) {
                // Both readings exist: the one nearer publication, as a dateline or a "dated"
                // line mostly is; month first when that does not decide.
                (Some(m), Some(d), Some(p)) => {
                    if (d - p).get_days().abs() < (m - p).get_days().abs() {
                        d
                    } else {
                        m
                    }
                }
                (Some(m), _, _) => m,
                (None, d, _) => d?,
            };
            Some((DateValue::day(day), Explicit))
        }
        Expr::Month {
            month,
            year: Which::Written(y),
        } => Some((DateValue::month(y, month)?, Explicit)),
        Expr::Month { month, year } => {
            let published = published?;
            let y = pick_year(year, published, tense, |y| {
                DateValue::month(y, month).map(|v| (v.first, v.last))
            })?;
            Some((DateValue::month(y, month)?, Relative))
        }
        Expr::Months { first, last, year } => {
            let span = |y: i16| months_from(y, first, last);
            let (start_year, basis) = match year {
                // The written or named year is the last month's: "November to March 2024".
                Which::Written(y) => (if first > last { y.checked_sub(1)? } else { y }, Explicit),
                Which::YearOffset(k) => {
                    let y = i16::try_from(i32::from(published?.year()) + k).ok()?;
                    (if first > last { y.checked_sub(1)? } else { y }, Relative)
                }
                which => {
                    let published = published?;
                    let y = pick_year(which, published, tense, |y| {
                        span(y).map(|v| (v.first, v.last))
                    })?;
                    (y, Relative)
                }
            };
            Some((span(start_year)?, basis))
        }
        Expr::Year(y) => Some((DateValue::year(y)?, Explicit)),
        Expr::Years(a, b) => {
            let (first, last) = (DateValue::year(a)?, DateValue::year(b)?);
            Some((
                DateValue {
                    first: first.first,
                    last: last.last,
                    precision: Precision::Year,
                },
                Explicit,
            ))
        }
        Expr::RelYear(offset) => {
            let y = i32::from(published?.year()) + offset;
            Some((DateValue::year(i16::try_from(y).ok()?)?, Relative))
        }
        Expr::RelMonth(offset) => {
            let first = published?
                .first_of_month()
                .checked_add(offset.months())
                .ok()?;
            Some((DateValue::month(first.year(), first.month())?, Relative))
        }
        Expr::Week(offset) => {
            // A calendar week, Monday to Sunday, as a seven-day range at day precision: "last
            // week" in a Wednesday article is the Monday-to-Sunday week before this one.
            let published = published?;
            let back = i32::from(published.weekday().to_monday_zero_offset());
            let monday = published.checked_add((7 * offset - back).days()).ok()?;
            let sunday = monday.checked_add(6.days()).ok()?;
            Some((DateValue::day_range(monday, sunday), Relative))
        }
        Expr::Day(offset) => {
            let day = published?.checked_add(offset.days()).ok()?;
            Some((DateValue::day(day), Relative))
        }
        Expr::WeekdayOfWeek { day, week } => {
            let published = published?;
            let back = i32::from(published.weekday().to_monday_zero_offset());
            let ahead = i32::from(day.to_monday_zero_offset());
            let date = published
                .checked_add((7 * week - back + ahead).days())
                .ok()?;
            Some((DateValue::day(date), Relative))
        }
        Expr::Weekday { day, which } => {
            let published = published?;
            Some((
                DateValue::day(weekday(day, which, published, tense)?),
                Relative,
            ))
        }
    }
}

/// The ten years from `start`, at year precision.
fn decade(start: i16) -> Option<DateValue> {
    Some(DateValue {
        first: DateValue::year(start)?.first,
        last: DateValue::year(start.checked_add(9)?)?.last,
        precision: Precision::Year,
    })
}

/// The full year a two-digit one stands for: the one from 89 years before publication to 10
/// after ("'82" in 2008 is 1982, "'12" is 2012); without a publication date, 1931 to 2030.
fn century(yy: i8, published: Option<Date>) -> i16 {
    let yy = i16::from(yy);
    let reference = published.map_or(2020, |p| p.year());
    let mut y = reference - reference.rem_euclid(100) + yy;
    if y > reference + 10 {
        y -= 100;
    } else if y <= reference - 90 {
        y += 100;
    }
    y
}

/// Months `first..=last` starting in year `y`, running into the next year if `last < first`.
fn months_from(y: i16, first: i8, last: i8) -> Option<DateValue> {
    let start = DateValue::month(y, first)?;
    let end_year = if last < first { y.checked_add(1)? } else { y };
    let end = DateValue::month(end_year, last)?;
    Some(DateValue {
        first: start.first,
        last: end.last,
        precision: Precision::Month,
    })
}

/// A day or day range whose first day falls in year `y`; a range ending in an earlier month
/// ("Dec. 30-Jan. 2") ends in the next year.
fn days_in(y: i16, first: (i8, i8), last: (i8, i8)) -> Option<DateValue> {
    let start = Date::new(y, first.0, first.1).ok()?;
    let end_year = if last < first { y.checked_add(1)? } else { y };
    let end = Date::new(end_year, last.0, last.1).ok()?;
    Some(DateValue::day_range(start, end))
}

/// The year for an expression without a written year. `interval(y)` is its first and last day
/// in year `y`, or `None` when it does not exist that year (Feb. 29).
///
/// Past tense takes the latest interval starting on or before publication, future the first
/// one ending on or after it (so "in November" in a November article is that month either
/// way), and an unknown tense the nearest one (the publication year on a tie). "last" wants
/// one over before publication, "next" one not yet begun.
fn pick_year(
    which: Which,
    published: Date,
    tense: impl FnOnce() -> Tense,
    interval: impl Fn(i16) -> Option<(Date, Date)>,
) -> Option<i16> {
    let py = published.year();
    let candidates = || {
        (py.saturating_sub(YEAR_REACH)..=py.saturating_add(YEAR_REACH))
            .filter_map(|y| interval(y).map(|(first, last)| (y, first, last)))
    };
    let latest = |ok: &dyn Fn(Date, Date) -> bool| {
        candidates()
            .filter(|&(_, first, last)| ok(first, last))
            .last()
            .map(|(y, _, _)| y)
    };
    let earliest = |ok: &dyn Fn(Date, Date) -> bool| {
        candidates()
            .find(|&(_, first, last)| ok(first, last))
            .map(|(y, _, _)| y)
    };
    match which {
        Which::Written(y) => Some(y),
        Which::YearOffset(k) => i16::try_from(i32::from(py) + k).ok(),
        Which::This => Some(py),
        Which::Before => latest(&|_, last| last < published),
        Which::After => earliest(&|first, _| first > published),
        Which::Tense => match tense() {
            Tense::Past => latest(&|first, _| first <= published),
            Tense::Future => earliest(&|_, last| last >= published),
            Tense::Unknown => candidates()
                .min_by_key(|&(y, first, last)| {
                    let distance = if published < first {
                        (first - published).get_days()
                    } else if published > last {
                        (published - last).get_days()
                    } else {
                        0
                    };
                    (distance, y != py)
                })
                .map(|(y, _, _)| y),
        },
    }
}

/// A weekday relative to publication. The publication day itself counts for past and future
/// ("said Friday" in a Friday article is that day); "last"/"next" never mean it.
fn weekday(
    day: Weekday,
    which: Which,
    published: Date,
    tense: impl FnOnce() -> Tense,
) -> Option<Date> {
    let on_or_before = || {
        if published.weekday() == day {
            Some(published)
        } else {
            published.nth_weekday(-1, day).ok()
        }
    };
    let on_or_after = || {
        if published.weekday() == day {
            Some(published)
        } else {
            published.nth_weekday(1, day).ok()
        }
    };
    match which {
        Which::Before => published.nth_weekday(-1, day).ok(),
        Which::After => published.nth_weekday(1, day).ok(),
        Which::This => on_or_after(),
        Which::Written(_) | Which::YearOffset(_) | Which::Tense => match tense() {
            Tense::Past => on_or_before(),
            Tense::Future => on_or_after(),
            Tense::Unknown => {
                // News mostly reports: with no cue, the nearer of the two, the past on a tie.
                let (b, a) = (on_or_before()?, on_or_after()?);
                Some(
                    if (published - b).get_days() <= (a - published).get_days() {
                        b
                    } else {
                        a
                    },
                )
            }
        },
    }
}
