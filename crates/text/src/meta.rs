//! Document metadata read from the text: publication dates, datelines, bylines.
//!
//! All parsers take one normalised line (or paragraph) and either recognise it or return
//! `None`; none of them allocate unless they succeed.

use jiff::civil::{Date, Weekday};

/// Month names and the abbreviations news copy uses, lower-cased.
const MONTHS: [(&str, i8); 23] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month number of a month word ("Jan.", "January", "Sept"), ignoring case and a period.
pub(crate) fn month_number(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    // Most words are ruled out by their first letter, none of a month's.
    if !matches!(
        word.as_bytes()[0].to_ascii_lowercase(),
        b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
    ) {
        return None;
    }
    // (The names are lower case: compared without allocating a lower-case copy.)
    if word.eq_ignore_ascii_case("dec") {
        return Some(12);
    }
    MONTHS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// A calendar date found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateHit {
    pub date: Date,
    /// Set for numeric "08/11/2006" where both readings are valid: the two numbers and year,
    /// so a dateline's month can settle which is the day.
    pub ambiguous: Option<(i8, i8, i16)>,
    /// The weekday written with the date ("Wednesday, 08/11/2006"), which can settle it too.
    pub weekday: Option<Weekday>,
}

/// Reads a date at the very start of `s`; returns it and the bytes it used.
pub(crate) fn date_prefix(s: &str) -> Option<(DateHit, usize)> {
    numeric_date(s).or_else(|| written_date(s))
}

/// "2024-02-13", "2024.02.13", "2024/02/13", "08/11/2006", "13.02.2024".
fn numeric_date(s: &str) -> Option<(DateHit, usize)> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|x| x.is_ascii_digit()).count();
    let n1 = digits(0);
    let sep = *b.get(n1)?;
    if !matches!(sep, b'-' | b'.' | b'/') {
        return None;
    }
    let n2 = digits(n1 + 1);
    if b.get(n1 + 1 + n2) != Some(&sep) {
        return None;
    }
    let n3 = digits(n1 + 2 + n2);
    let len = n1 + n2 + n3 + 2;
    if b.get(len)
        .is_some_and(|x| x.is_ascii_alphanumeric() && *x != b'T')
    {
        return None;
    }
    let num = |from: usize, n: usize| s[from..from + n].parse::<i32>().ok();
    let (a, m, c) = (num(0, n1)?, num(n1 + 1, n2)?, num(n1 + 2 + n2, n3)?);
    if n1 == 4 && (1..=2).contains(&n2) && (1..=2).contains(&n3) {
        let date = Date::new(a as i16, m as i8, c as i8).ok()?;
        return Some((
            DateHit {
                date,
                ambiguous: None,
                weekday: None,
            },
            len,
        ));
    }
    if (1..=2).contains(&n1) && (1..=2).contains(&n2) && n3 == 4 {
        let year = c as i16;
        let (x, y) = (a as i8, m as i8);
        let day_month = Date::new(year, y, x).ok();
        let month_day = Date::new(year, x, y).ok();
        let hit = match (day_month, month_day) {
            (Some(d), Some(_)) if x != y => DateHit {
                // Both readings are valid: day/month until something settles it (see
                // `settle`); most numeric dates on non-US wire pages are day-first.
                date: d,
                ambiguous: Some((x, y, year)),
                weekday: None,
            },
            (Some(d), _) | (None, Some(d)) => DateHit {
                date: d,
                ambiguous: None,
                weekday: None,
            },
            (None, None) => return None,
        };
        return Some((hit, len));
    }
    None
}

/// "Jan. 29, 2016", "January 29 2016", "Feb 3rd, 2024", "29 January 2016".
fn written_date(s: &str) -> Option<(DateHit, usize)> {
    let mut words = WordCursor::new(s);
    let first = words.next()?;
    let (month, day) = if let Some(m) = month_number(first.trim_end_matches(',')) {
        let day = day_number(words.next()?)?;
        (m, day)
    } else {
        let day = day_number(first)?;
        let m = month_number(words.next()?.trim_end_matches(','))?;
        (m, day)
    };
    let year_word = words.next()?;
    let year_text = year_word.trim_end_matches([',', '.']);
    if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i16 = year_text.parse().ok()?;
    let date = Date::new(year, month, day).ok()?;
    let len = words.consumed() - (year_word.len() - year_text.len());
    Some((
        DateHit {
            date,
            ambiguous: None,
            weekday: None,
        },
        len,
    ))
}

/// A day of the month: "29", "29,", "3rd".
fn day_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches(',');
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Walks whitespace-separated words, remembering how far it got.
struct WordCursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> WordCursor<'a> {
    fn new(s: &'a str) -> Self {
        WordCursor { s, pos: 0 }
    }

    fn consumed(&self) -> usize {
        self.pos
    }
}

impl<'a> Iterator for WordCursor<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.s[self.pos..];
        let skip = rest.len() - rest.trim_start().len();
        let rest = &rest[skip..];
        if rest.is_empty() {
            return None;
        }
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.pos += skip + len;
        Some(&rest[..len])
    }
}

/// Whether `s` is only a clock time and zone: "at 1:16 PM", "11:47:28", "15:31 KST", "".
pub(crate) fn is_time_tail(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .all(is_time_word)
}

fn is_time_word(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    let bare = lower.trim_matches(|c| c == '(' || c == ')');
    matches!(bare, "at" | "am" | "pm" | "a.m." | "p.m." | "-" | "—" | "/")
        || (bare.contains(':')
            && bare.bytes().all(|b| {
                b.is_ascii_digit() || matches!(b, b':' | b'.' | b'+' | b'z' | b't' | b'-')
            }))
        || (w.len() <= 5
            && w.trim_matches(|c| c == '(' || c == ')')
                .bytes()
                .all(|b| b.is_ascii_uppercase()))
        || bare
            .strip_prefix("utc")
            .or_else(|| bare.strip_prefix("gmt"))
            .is_some_and(|z| {
                z.bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b':'))
            })
        || (bare.starts_with('+') && bare[1..].bytes().all(|b| b.is_ascii_digit() || b == b':'))
}

/// A whole line that is only a date (after a label already stripped): "Jan. 29, 2016 at 1:16
/// PM", "2024-02-13 11:47:28", "Tuesday, February 13, 2024".
pub(crate) fn date_line(s: &str) -> Option<DateHit> {
    // "3:45 PM EST, Tuesday, March 5, 2024": a clock may come first.
    let mut s = s;
    if s.starts_with(|c: char| c.is_ascii_digit()) && date_prefix(s).is_none() {
        let mut words = WordCursor::new(s);
        let mut used = 0;
        while let Some(w) = words.next() {
            if !is_time_word(w.trim_end_matches(',')) {
                break;
            }
            used = words.consumed();
        }
        s = s[used..].trim_start_matches([',', ' ']);
    }
    let weekday = weekday_prefix(s);
    let s = strip_weekday(s);
    let (mut hit, len) = date_prefix(s)?;
    hit.weekday = weekday;
    let rest = &s[len..];
    // ISO "2024-02-13T11:47:28Z": the clock is glued on.
    let rest = rest.strip_prefix('T').unwrap_or(rest);
    is_time_tail(rest).then_some(hit)
}

/// The weekday a line opens with ("Wednesday", "Wed."), if any.
fn weekday_prefix(s: &str) -> Option<Weekday> {
    let (index, _) = leading_weekday(s)?;
    Weekday::from_monday_zero_offset(index as i8).ok()
}

/// The weekday `s` opens with ("Wednesday", "wed"), by its index from Monday, and the length
/// of its word.
fn leading_weekday(s: &str) -> Option<(usize, usize)> {
    // Most lines are ruled out by their first letter, none of a weekday's.
    if !s
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'm' | b't' | b'w' | b'f' | b's'))
    {
        return None;
    }
    let word_len = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    let word = &s.as_bytes()[..word_len];
    // (The names are lower case: compared without allocating a lower-case copy.)
    let index = WEEKDAYS.iter().position(|d| {
        d.as_bytes().eq_ignore_ascii_case(word)
            || (word.len() == 3 && d.as_bytes()[..3].eq_ignore_ascii_case(word))
    })?;
    Some((index, word_len))
}

/// A metadata line that carries a full date somewhere inside it, with a clock time beside it:
/// "Source: Xinhua| 2012-10-09 20:12:44|Editor: Wang Hui", "KYODO NEWS - May 27, 2015 - 21:14 |
/// World", "Published on 03/06/2011 - 16:21 Modified on ...". The clock keeps headlines that
/// merely mention a date ("Talks set for March 3, 2024") from being read as metadata. The first
/// date wins (published before modified).
pub(crate) fn date_in_metadata_line(s: &str) -> Option<DateHit> {
    if s.ends_with('.') || !has_clock(s) {
        return None;
    }
    let starts = std::iter::once(0).chain(
        s.char_indices()
            .filter(|&(i, c)| {
                i > 0 && c.is_alphanumeric() && !s[..i].ends_with(|p: char| p.is_alphanumeric())
            })
            .map(|(i, _)| i),
    );
    for i in starts {
        if let Some((hit, _)) = date_prefix(&s[i..]) {
            return Some(hit);
        }
    }
    None
}

/// Whether `s` holds a clock time such as "6:18" or "20:12:44".
fn has_clock(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

fn strip_weekday(s: &str) -> &str {
    match leading_weekday(s) {
        Some((_, word_len)) => s[word_len..].trim_start_matches(['.', ',']).trim_start(),
        None => s,
    }
}

/// A timestamp glued before a dateline: "08/11/2006 15:31 MOSCOW, November 8 ...". Returns the
/// date and the bytes to drop (timestamp and the spaces after it), only when a dateline follows.
pub(crate) fn leading_timestamp(s: &str) -> Option<(DateHit, usize)> {
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (hit, mut len) = date_prefix(s)?;
    let mut words = WordCursor::new(&s[len..]);
    let mut used = 0;
    while let Some(w) = words.next() {
        if !is_time_word(w) || w.bytes().all(|b| b.is_ascii_uppercase()) && w.len() > 3 {
            break;
        }
        // A capitalised word of three letters or fewer may be a zone ("KST") or a city
        // ("ROME"); prefer the dateline reading when one follows.
        if w.bytes().all(|b| b.is_ascii_uppercase())
            && dateline(words.s[words.pos..].trim_start()).is_none()
        {
            break;
        }
        used = words.consumed();
    }
    len += used;
    let rest = &s[len..];
    let skip = rest.len() - rest.trim_start().len();
    dateline(&rest[skip..]).map(|_| (hit, len + skip))
}

/// A recognised dateline at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DatelineHit {
    /// Bytes from the paragraph start to the end of the dash.
    pub len: usize,
    pub city: String,
    pub date: Option<String>,
    pub agency: Option<String>,
}

/// "SEOUL, Jan. 29 (UPI) --", "MOSCOW (Sputnik) -", "WASHINGTON, Oct. 3 (AP) —", "BEIJING --".
pub(crate) fn dateline(s: &str) -> Option<DatelineHit> {
    let head = &s[..floor_char_boundary(s, 80)];
    let city_end = match (head.find([',', '(', '—', '–', '―']), head.find(" -")) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let city = head[..city_end].trim();
    if !is_city(city) {
        return None;
    }
    if let Some(hit) = slash_dateline(head, city, city_end) {
        return Some(hit);
    }
    let all_caps = !city.chars().any(char::is_lowercase);
    let mut rest = &head[city_end..];
    let mut date = None;
    let mut bare_agency = None;
    if let Some(after) = rest.strip_prefix(',') {
        let end = match (after.find(['(', '—', '–', '―']), after.find(" -")) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        let piece = after[..end].trim();
        let mut words = piece.split_whitespace();
        let is_date = words.next().and_then(month_number).is_some()
            && words.next().is_some_and(|d| day_number(d).is_some())
            || piece.split_whitespace().count() == 2
                && piece
                    .split_whitespace()
                    .next()
                    .is_some_and(|d| day_number(d).is_some())
                && piece
                    .split_whitespace()
                    .nth(1)
                    .and_then(month_number)
                    .is_some();
        if is_date {
            // "TOKYO, May 27 Kyodo -": an agency written without brackets after the date.
            let parts: Vec<&str> = piece.split_whitespace().collect();
            let (date_words, tail) = parts.split_at(2.min(parts.len()));
            let tail: Vec<&str> = tail.iter().copied().filter(|w| !w.is_empty()).collect();
            let year = tail
                .first()
                .is_some_and(|w| w.trim_end_matches(',').bytes().all(|b| b.is_ascii_digit()));
            if !tail.is_empty()
                && !year
                && tail.len() <= 3
                && tail.iter().all(|w| w.starts_with(char::is_uppercase))
            {
                date = Some(date_words.join(" "));
                bare_agency = Some(tail.join(" "));
            } else {
                date = Some(piece.to_string());
            }
        } else if piece.is_empty()
            || piece.split_whitespace().count() > 3
            || !piece
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
        {
            // Not a date and not a region ("KYIV, Ukraine (AP) —").
            return None;
        }
        rest = &after[end..];
    }
    let mut agency = bare_agency;
    let trimmed = rest.trim_start();
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')')?;
        let name = inner[..close].trim();
        if name.is_empty() || name.len() > 40 {
            return None;
        }
        agency = Some(name.to_string());
        rest = &inner[close + 1..];
    }
    if !all_caps && agency.is_none() {
        return None;
    }
    let trimmed = rest.trim_start();
    let dash = ["--", "—", "–", "―", "-"]
        .iter()
        .find(|d| trimmed.starts_with(**d))
        .map(|d| d.len());
    // "NEW DELHI, Feb 18 (PTI) India and Nepal ...": PTI writes no dash after a city in
    // capitals, a date and its agency; the story's first word follows.
    let undashed = all_caps
        && date.is_some()
        && agency.is_some()
        && rest.starts_with(' ')
        && trimmed.starts_with(char::is_uppercase);
    let dash_len = match (dash, undashed) {
        (Some(n), _) => n,
        (None, true) => 0,
        (None, false) => return None,
    };
    let after_dash = match dash_len {
        0 => rest,
        n => &trimmed[n..],
    };
    if !after_dash.is_empty() && !after_dash.starts_with(char::is_whitespace) {
        return None;
    }
    // `after_dash` is a tail of `head`, a prefix of `s`.
    let len = head.len() - after_dash.len();
    Some(DatelineHit {
        len,
        city: city.to_string(),
        date,
        agency,
    })
}

/// TASS style: "MOSCOW, March 12. /TASS/." — the date ends with a period and the agency stands
/// between slashes.
fn slash_dateline(head: &str, city: &str, city_end: usize) -> Option<DatelineHit> {
    let after = head[city_end..].strip_prefix(',')?;
    let open = after.find(". /")?;
    let piece = after[..open].trim();
    let mut words = piece.split_whitespace();
    let is_date = words.next().and_then(month_number).is_some()
        && words.next().is_some_and(|d| day_number(d).is_some())
        && words.next().is_none();
    if !is_date {
        return None;
    }
    let inner = &after[open + 3..];
    let close = inner.find('/')?;
    let agency = inner[..close].trim();
    if agency.is_empty() || agency.len() > 40 {
        return None;
    }
    let rest = &inner[close + 1..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    Some(DatelineHit {
        len: head.len() - rest.len(),
        city: city.to_string(),
        date: Some(piece.to_string()),
        agency: Some(agency.to_string()),
    })
}

/// Words that open a caption or a label the way a city opens a dateline ("FILE - ...").
const NOT_CITIES: &[&str] = &[
    "FILE",
    "PHOTO",
    "PHOTOS",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "ANALYSIS",
    "WATCH",
    "LIVE",
    "VIDEO",
    "BREAKING",
    "OPINION",
    "EDITORIAL",
    "CORRECTION",
    "REFILE",
    "FACTBOX",
];

/// The holder of a copyright line, as the outlet of last resort: "Copyright (c) 2022 Yonhap
/// News Agency. All rights reserved." -> "Yonhap News Agency"; "© 2014 TASS" -> "TASS".
pub(crate) fn copyright_holder(line: &str) -> Option<String> {
    let mut rest = line.trim();
    // Checked in place: most lines are not copyright lines, and are not copied to be lowered.
    let starts = |mark: &str| {
        rest.as_bytes()
            .get(..mark.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(mark.as_bytes()))
    };
    if !(starts("copyright") || starts("(c)") || rest.starts_with('©')) {
        return None;
    }
    // Strip the marks and years in any order: "Copyright © 2022", "(c) 2010-2016".
    loop {
        let before = rest.len();
        for mark in ["Copyright", "COPYRIGHT", "copyright", "(c)", "(C)", "©"] {
            rest = rest.strip_prefix(mark).unwrap_or(rest).trim_start();
        }
        rest = rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ',' | ' '))
            .trim_start();
        if rest.len() == before {
            break;
        }
    }
    let end = [". ", "|", ";", ", "]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    // "© TASS 2019": a year may follow the name too.
    let holder = rest[..end]
        .trim()
        .trim_end_matches(['.', ','])
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ' ' | ','))
        .trim();
    let lower = holder.to_ascii_lowercase();
    let words = holder.split_whitespace().count();
    let ok = (1..=5).contains(&words)
        && holder.starts_with(char::is_uppercase)
        && !lower.contains("all rights")
        && !lower.contains("reserved");
    ok.then(|| holder.to_string())
}

fn is_city(city: &str) -> bool {
    if NOT_CITIES.contains(&city) {
        return false;
    }
    // "Kiev/Moscow (dpa) -": two cities filed from, each a name.
    let words: Vec<&str> = city.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    !words.is_empty()
        && words.len() <= 4
        && letters >= 3
        && !city.starts_with('/')
        && !city.ends_with('/')
        && !city.contains("//")
        && city
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-' | '’' | '/'))
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A byline line: "By Jane Roe | Jan. 29, 2016 at 1:16 PM", "By Kim Soo-yeon". Returns the name
/// and the date in it, if any.
pub(crate) fn byline(s: &str) -> Option<(String, Option<DateHit>)> {
    let rest = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY "))?;
    let name_end = rest.find(['|', ',', ';', '(']).unwrap_or(rest.len());
    let name = rest[..name_end].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    const JOINERS: [&str; 10] = [
        "and", "de", "van", "von", "der", "bin", "al", "da", "del", "la",
    ];
    let ok = !words.is_empty()
        && words.len() <= 7
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || JOINERS.contains(w))
        && !name.ends_with('.')
        && s.split_whitespace().count() <= 16;
    if !ok {
        return None;
    }
    let tail = rest[name_end..].trim_start_matches(['|', ',', ';']).trim();
    let date = if tail.is_empty() {
        None
    } else {
        let tail = tail.trim_start_matches(['|', ' ']);
        date_line(tail).or_else(|| date_prefix(strip_weekday(tail)).map(|(h, _)| h))
    };
    Some((name.to_string(), date))
}

/// Settles an ambiguous numeric date with the dateline's "November 8": if the dateline's
/// month and day match one reading, that reading wins.
pub(crate) fn settle(hit: DateHit, dateline_date: Option<&str>) -> (Date, bool) {
    let Some((x, y, year)) = hit.ambiguous else {
        return (hit.date, true);
    };
    let Some(written) = dateline_date else {
        return (hit.date, false);
    };
    let mut words = written.split_whitespace();
    let (m, d) = match (words.next(), words.next()) {
        (Some(a), Some(b)) => match (
            month_number(a),
            day_number(b),
            day_number(a),
            month_number(b),
        ) {
            (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => (m, d),
            _ => return (hit.date, false),
        },
        _ => return (hit.date, false),
    };
    if (m, d) == (y, x) {
        (hit.date, true)
    } else if (m, d) == (x, y) {
        match Date::new(year, x, y) {
            Ok(date) => (date, true),
            Err(_) => (hit.date, false),
        }
    } else {
        (hit.date, false)
    }
}

/// A date written in the body with a month name, the year optional: "Nov. 7", "7 November
/// 2006", "November 7, 2006". What [`dates_in`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BodyDate {
    pub month: i8,
    pub day: i8,
    pub year: Option<i16>,
}

impl BodyDate {
    /// The full date, when the year is written.
    pub(crate) fn full(&self) -> Option<Date> {
        Date::new(self.year?, self.month, self.day).ok()
    }
}

/// Every date with a capitalised month name in `text`, in order: "Feb. 12, 2024", "12
/// February 2024", "Nov. 7"; and ISO "2024-02-12". Numeric dates with slashes are left out:
/// they are what this evidence is meant to settle.
pub(crate) fn dates_in(text: &str) -> Vec<BodyDate> {
    let mut out = Vec::new();
    let starts = text.char_indices().filter(|&(i, c)| {
        c.is_alphanumeric() && !text[..i].ends_with(|p: char| p.is_alphanumeric())
    });
    let mut skip_to = 0;
    for (i, _) in starts {
        if i < skip_to {
            continue;
        }
        let rest = &text[i..];
        if let Some((hit, len)) = numeric_date(rest) {
            // ISO only: day and month in "08.11.2006" are the question, not the evidence.
            if rest.as_bytes().get(4) == Some(&b'-') {
                out.push(BodyDate {
                    month: hit.date.month(),
                    day: hit.date.day(),
                    year: Some(hit.date.year()),
                });
            }
            skip_to = i + len;
            continue;
        }
        if let Some((found, len)) = month_day(rest) {
            out.push(found);
            skip_to = i + len;
        }
    }
    out
}

/// "Nov. 7", "November 7, 2006", "7 November", "7 November 2006" at the start of `s`, with a
/// capitalised month name; returns it and the bytes it used.
fn month_day(s: &str) -> Option<(BodyDate, usize)> {
    let mut words = WordCursor::new(s);
    let first = words.next()?;
    let capital = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    // "on Nov. 7." ends a sentence: the day may carry its stop.
    let day_of = |w: &str| day_number(w.trim_end_matches(['.', ';', ':', ')']));
    let (month, day) = if capital(first) {
        let m = month_number(first.trim_end_matches(','))?;
        (m, day_of(words.next()?)?)
    } else {
        let d = day_of(first)?;
        let m = words.next().filter(|w| capital(w))?;
        (month_number(m.trim_end_matches([',', '.']))?, d)
    };
    let used = words.consumed();
    let year = words.next().and_then(|w| {
        let digits = w.trim_end_matches([',', '.']);
        (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<i16>().ok())
            .flatten()
    });
    let used = if year.is_some() {
        words.consumed()
    } else {
        used
    };
    Date::new(year.unwrap_or(2000), month, day).ok()?;
    Some((BodyDate { month, day, year }, used))
}

/// The latest full date (year written) among `dates`: the inferred publication date when
/// nothing better says it.
pub(crate) fn latest_full_date(dates: &[BodyDate]) -> Option<Date> {
    dates.iter().filter_map(BodyDate::full).max()
}

/// Settles an ambiguous numeric date the dateline could not: by the weekday written with it
/// ("Wednesday, 08/11/2006" is November 8), else by the dates the body writes with a month
/// name (a reading within 31 days of one, the other not). `None` when nothing decides.
pub(crate) fn settle_by_evidence(hit: DateHit, body: &[BodyDate]) -> Option<Date> {
    let (x, y, year) = hit.ambiguous?;
    let day_month = Date::new(year, y, x).ok()?;
    let month_day = Date::new(year, x, y).ok()?;
    if let Some(weekday) = hit.weekday {
        match (
            day_month.weekday() == weekday,
            month_day.weekday() == weekday,
        ) {
            (true, false) => return Some(day_month),
            (false, true) => return Some(month_day),
            _ => {}
        }
    }
    let distance = |reading: Date| {
        body.iter()
            .filter_map(|b| Date::new(b.year.unwrap_or(year), b.month, b.day).ok())
            .map(|d| (d - reading).get_days().abs())
            .min()
    };
    const NEAR: i32 = 31;
    match (distance(day_month), distance(month_day)) {
        (Some(a), Some(b)) if a <= NEAR && b > NEAR => Some(day_month),
        (Some(a), Some(b)) if b <= NEAR && a > NEAR => Some(month_day),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_lines() {
        let cases = [
            ("Jan. 29, 2016 at 1:16 PM", Some(date(2016, 1, 29))),
            ("2024-02-13 11:47:28", Some(date(2024, 2, 13))),
            ("2024-02-13T11:47:28Z", Some(date(2024, 2, 13))),
            ("March 3, 2023", Some(date(2023, 3, 3))),
            ("Tuesday, February 13, 2024", Some(date(2024, 2, 13))),
            ("14 July 2022 09:30 GMT", Some(date(2022, 7, 14))),
            ("25/12/2019", Some(date(2019, 12, 25))),
            ("12/25/2019", Some(date(2019, 12, 25))),
            ("08/11/2006 15:31", Some(date(2006, 11, 8))),
            ("March 3, 2023 the talks resumed", None),
            ("2024 was a busy year", None),
            ("Feb. 30, 2024", None),
            (
                "3:45 PM EST, Tuesday, March 5, 2024",
                Some(date(2024, 3, 5)),
            ),
            ("13 Feb 2024, 11:47", Some(date(2024, 2, 13))),
            ("3:45 PM the talks resumed", None),
        ];
        for (line, want) in cases {
            assert_eq!(date_line(line).map(|h| h.date), want, "{line:?}");
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            (
                "SEOUL, Jan. 29 (UPI) -- Russia and",
                Some(("SEOUL", Some("Jan. 29"), Some("UPI"), 23)),
            ),
            (
                "MOSCOW, November 8 (RIA Novosti) - Russia's",
                Some(("MOSCOW", Some("November 8"), Some("RIA Novosti"), 34)),
            ),
            (
                "MOSCOW (Sputnik) - The",
                Some(("MOSCOW", None, Some("Sputnik"), 18)),
            ),
            (
                "WASHINGTON, Oct. 3 (AP) — The",
                Some(("WASHINGTON", Some("Oct. 3"), Some("AP"), 27)),
            ),
            ("BEIJING -- China said", Some(("BEIJING", None, None, 10))),
            (
                "NEW DELHI, Feb 18 (PTI) India and Nepal",
                Some(("NEW DELHI", Some("Feb 18"), Some("PTI"), 23)),
            ),
            ("NEW DELHI, Feb 18 (PTI) said", None),
            ("NEW DELHI (PTI) India and Nepal", None),
            (
                "KYIV, Ukraine (AP) — Talks",
                Some(("KYIV", None, Some("AP"), 22)),
            ),
            (
                "Oslo (Nordic Wire) - Talks",
                Some(("Oslo", None, Some("Nordic Wire"), 20)),
            ),
            (
                "Kiev/Moscow (dpa) - Russia deployed",
                Some(("Kiev/Moscow", None, Some("dpa"), 19)),
            ),
            ("Russia/Ukraine - talks", None),
            ("Russia, North Korea agree to talks", None),
            ("Oslo - talks resumed", None),
            ("The minister (left) - smiling", None),
            ("U.S. - China ties", None),
        ];
        for (text, want) in cases {
            let got = dateline(text);
            let got = got.as_ref().map(|d| {
                (
                    d.city.as_str(),
                    d.date.as_deref(),
                    d.agency.as_deref(),
                    d.len,
                )
            });
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn bylines() {
        let cases = [
            (
                "By Jane Roe | Jan. 29, 2016 at 1:16 PM",
                Some(("Jane Roe", Some(date(2016, 1, 29)))),
            ),
            ("By Kim Soo-yeon", Some(("Kim Soo-yeon", None))),
            (
                "By Ana de la Cruz and Tom Hale, Harbour Gazette",
                Some(("Ana de la Cruz and Tom Hale", None)),
            ),
            ("By the end of the week the talks had stalled.", None),
            (
                "By Friday officials said they would meet again in Oslo to discuss the plan",
                None,
            ),
        ];
        for (line, want) in cases {
            let got = byline(line).map(|(n, d)| (n, d.map(|h| h.date)));
            let want = want.map(|(n, d)| (n.to_string(), d));
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn copyright_holders() {
        let cases = [
            (
                "Copyright (c) 2022 Wire News Agency",
                Some("Wire News Agency"),
            ),
            ("© 2014 TASS", Some("TASS")),
            ("© Wire Agency 2019", Some("Wire Agency")),
            ("(c) 2016 UPI. All rights reserved.", Some("UPI")),
            (
                "Copyright 2010-2016 Example Post, All Rights Reserved",
                Some("Example Post"),
            ),
            ("Copyright © 2021. All rights reserved.", None),
            ("The copyright dispute went to court.", None),
        ];
        for (line, want) in cases {
            assert_eq!(copyright_holder(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn agencies_without_brackets_and_caption_prefixes() {
        let hit = dateline("TOKYO, May 27 Wire - Japan said.").unwrap();
        assert_eq!(
            (
                hit.city.as_str(),
                hit.date.as_deref(),
                hit.agency.as_deref()
            ),
            ("TOKYO", Some("May 27"), Some("Wire"))
        );
        assert!(dateline("FILE - Ministers meet in Seoul.").is_none());
        let text = "MOSCOW, March 12. /Wire/. The premier arrived.";
        let hit = dateline(text).unwrap();
        assert_eq!(
            (hit.date.as_deref(), hit.agency.as_deref()),
            (Some("March 12"), Some("Wire"))
        );
        assert_eq!(&text[hit.len..], " The premier arrived.");
        let hit = dateline("SEOUL, Jan. 29, 2016 (UPI) -- Talks.").unwrap();
        assert_eq!(hit.agency.as_deref(), Some("UPI"));
    }

    #[test]
    fn metadata_lines_with_a_date_and_a_clock() {
        let cases = [
            (
                "Source: Wirewire| 2012-10-09 20:12:44|Editor: Li Na",
                Some((2012, 10, 9)),
            ),
            (
                "WIRE NEWS - May 27, 2015 - 21:14 | World, All",
                Some((2015, 5, 27)),
            ),
            (
                "August 30, 2023 6:18 PM UTC Updated ago",
                Some((2023, 8, 30)),
            ),
            (
                "Published on 03/06/2011 - 16:21 Modified on 04/06/2011 - 16:30",
                Some((2011, 6, 3)),
            ),
            ("Talks set for March 3, 2024", None),
            ("The talks began at 10:30 on March 3, 2024.", None),
            ("Live at 10:30", None),
        ];
        for (line, want) in cases {
            let got =
                date_in_metadata_line(line).map(|h| (h.date.year(), h.date.month(), h.date.day()));
            assert_eq!(
                got,
                want.map(|(y, m, d)| (y as i16, m as i8, d as i8)),
                "{line}"
            );
        }
    }

    #[test]
    fn timestamps_and_settling() {
        let s = "08/11/2006 15:31 MOSCOW, November 8 (RIA Novosti) - Text";
        let (hit, len) = leading_timestamp(s).expect("timestamp");
        assert_eq!(&s[len..len + 6], "MOSCOW");
        let cases = [
            (Some("November 8"), date(2006, 11, 8), true),
            (Some("August 11"), date(2006, 8, 11), true),
            (Some("May 2"), date(2006, 11, 8), false),
            (None, date(2006, 11, 8), false),
        ];
        for (written, want, settled) in cases {
            assert_eq!(settle(hit, written), (want, settled), "{written:?}");
        }
        assert!(leading_timestamp("08/11/2006 15:31 the talks went on").is_none());
        assert!(leading_timestamp("2024-02-13 ROME, Feb. 13 (ANSA) - Text").is_some());
    }

    #[test]
    fn dates_in_the_body() {
        let text = "Talks opened on Nov. 7 and ended 9 November 2006, after a pause since \
                    2006-10-02. Officials may 5 times a day check 08/11/2006 and the 3 may.";
        let got: Vec<(i8, i8, Option<i16>)> = dates_in(text)
            .iter()
            .map(|d| (d.month, d.day, d.year))
            .collect();
        assert_eq!(
            got,
            [(11, 7, None), (11, 9, Some(2006)), (10, 2, Some(2006))]
        );
        assert_eq!(latest_full_date(&dates_in(text)), Some(date(2006, 11, 9)));
        assert_eq!(
            latest_full_date(&dates_in("Talks on Nov. 7 went well.")),
            None
        );
    }

    #[test]
    fn ambiguous_dates_settled_by_weekday_or_body_dates() {
        let line = |s: &str| match date_line(s) {
            Some(hit) => hit,
            None => panic!("no date line in {s:?}"),
        };
        // 8 November 2006 was a Wednesday, 11 August 2006 a Friday.
        let body = |s: &str| dates_in(s);
        let cases = [
            ("Wednesday, 08/11/2006", "", Some(date(2006, 11, 8))),
            ("Fri 08/11/2006 15:31", "", Some(date(2006, 8, 11))),
            (
                "08/11/2006",
                "The envoy arrived on Nov. 6 for talks.",
                Some(date(2006, 11, 8)),
            ),
            (
                "08/11/2006",
                "Talks set for Aug. 14, 2006 were moved.",
                Some(date(2006, 8, 11)),
            ),
            ("08/11/2006", "The envoy arrived on Monday.", None),
            // Both readings near a body date: nothing decides.
            ("08/11/2006", "Talks ran from Aug. 20 to Oct. 30.", None),
            // Unambiguous dates need no settling.
            ("25/12/2019", "Talks on Dec. 20.", None),
        ];
        for (date_text, text, want) in cases {
            assert_eq!(
                settle_by_evidence(line(date_text), &body(text)),
                want,
                "{date_text:?} with {text:?}"
            );
        }
    }

    #[test]
    fn body_dates_never_panic_on_cut_text() {
        let text =
            "Talks on Nov. 7, 2006 – 08/11/2006; 2024-02-3 and 31 Feb. 2024, «Mai 5», 1/ Dec 31.";
        for (cut, _) in text.char_indices() {
            for d in dates_in(&text[..cut]) {
                assert!(
                    (1..=12).contains(&d.month) && (1..=31).contains(&d.day),
                    "{d:?}"
                );
            }
        }
    }
}
