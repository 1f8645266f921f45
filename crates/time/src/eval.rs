//! Scoring the tagger against TIMEX3-annotated news: the MEANTIME corpus (NewsReader, 120
//! English Wikinews articles, token-level XML with `TIMEX3` elements and the document creation
//! time), or any file in the same format.
//!
//! Each article's tokens are joined back into sentences (spaces between tokens, none before
//! closing punctuation), the tagger runs on each sentence with the document creation time
//! (DCT) as publication date, and its expressions are compared with the gold `DATE` ones:
//!
//! * a gold date is *found* when one of ours overlaps it (span overlap, as TempEval's relaxed
//!   match); one of ours is *correct* when it overlaps a gold date;
//! * ours overlapping the DCT itself or a gold `TIME` ("Tuesday night") count neither way, ours
//!   overlapping a `DURATION` or `SET`, or nothing, are false positives;
//! * only the sentences the annotators covered count (MEANTIME annotates the first six of
//!   each article; see [`GoldDocument::annotated`]);
//! * the *value* is right when ours, written as a TIMEX3 value by [`timex_value`], equals the gold
//!   one; value precision and recall count only right values (TempEval-3's "value F1").
//!
//! ```
//! use attache_time::{eval, TimeTagger};
//!
//! let xml = r#"<Document doc_id="1" doc_name="demo">
//! <token number="0" sentence="0" t_id="1">Talks</token>
//! <token number="1" sentence="0" t_id="2">ended</token>
//! <token number="2" sentence="0" t_id="3">Friday</token>
//! <token number="3" sentence="0" t_id="4">.</token>
//! <TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2008-03-03"/>
//! <TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2008-02-29">
//! <token_anchor t_id="3"/>
//! </TIMEX3>
//! </Document>"#;
//! let doc = eval::read_meantime(xml, "demo.xml")?;
//! let score = eval::score(&TimeTagger::new(), &[doc]);
//! assert_eq!((score.gold, score.found, score.right_value), (1, 1, 1));
//! # Ok::<(), attache_time::TimeError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use attache_model::{DateValue, Document, Precision, Span, TimeMention, Vague};
use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::{TimeError, TimeTagger};

/// One annotated time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Bytes of [`GoldDocument::text`] it covers.
    pub span: Span,
    /// TIMEX3 `type`: `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// TIMEX3 `value`: "2008-03-01", "2009-W14", "PAST_REF" ...
    pub value: String,
    /// Whether it is the document creation time (`functionInDocument="CREATION_TIME"`).
    pub creation_time: bool,
}

/// An annotated article: its text rebuilt from the tokens, one sentence a line.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// The file name, to name the document in listings.
    pub name: String,
    /// The document creation time, when the file gives a date for it.
    pub published: Option<Date>,
    /// The rebuilt text.
    pub text: String,
    /// One span per sentence, in order.
    pub sentences: Vec<Span>,
    /// How many leading sentences were annotated: MEANTIME annotates only the first six
    /// (title, date line and four more), so expressions after them are neither missed nor
    /// spurious. Taken as the sentences up to the last one any markable anchors in.
    pub annotated: usize,
    /// The annotated expressions that anchor to tokens, in file order.
    pub timexes: Vec<Timex>,
}

impl GoldDocument {
    /// The article as the pipeline's [`Document`], for [`TimeTagger::find`]: its text,
    /// sentences and creation time, nothing else.
    pub fn as_document(&self) -> Document {
        let mut doc =
            Document::from_sentences(&self.name, self.text.clone(), self.sentences.clone());
        doc.published = self.published;
        doc.published_precision = Precision::Day;
        // MEANTIME's first sentence is the headline.
        if let Some(first) = doc.sentences.first_mut() {
            first.is_title = true;
        }
        doc
    }
}

/// Read every `.xml` file under `dir` (recursively, sorted by path).
pub fn read_meantime_dir(dir: &Path) -> Result<Vec<GoldDocument>, TimeError> {
    let files = xml_files(dir).map_err(|(path, source)| TimeError::Io { path, source })?;
    files
        .iter()
        .map(|path| {
            let xml = std::fs::read_to_string(path).map_err(|source| TimeError::Io {
                path: path.clone(),
                source,
            })?;
            read_meantime(&xml, &path.display().to_string())
        })
        .collect()
}

/// Every `.xml` file under `dir`, recursively, sorted by path. An error names the folder or
/// entry that could not be read. Shared by the MEANTIME readers (time here, merging in the CLI).
pub fn xml_files(
    dir: &Path,
) -> Result<Vec<std::path::PathBuf>, (std::path::PathBuf, std::io::Error)> {
    fn walk(
        dir: &Path,
        files: &mut Vec<std::path::PathBuf>,
    ) -> Result<(), (std::path::PathBuf, std::io::Error)> {
        let io = |e| (dir.to_path_buf(), e);
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.is_dir() {
                walk(&path, files)?;
            } else if path.extension().is_some_and(|e| e == "xml") {
                files.push(path);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    files.sort();
    Ok(files)
}

/// Tokens that take no space before them when the text is rebuilt.
const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", ")", "]", "?", "!", "%", "'s", "'S", "n't", "'",
];
/// Tokens that take no space after them.
const NO_SPACE_AFTER: &[&str] = &["(", "[", "$"];

/// Parse one MEANTIME file (`name` names it in errors and listings). The format is read line
/// by line, as the corpus writes it: one `<token>` or `<token_anchor>` element a line.
pub fn read_meantime(xml: &str, name: &str) -> Result<GoldDocument, TimeError> {
    let err = |line: usize, message: String| TimeError::Data {
        path: name.to_string(),
        line,
        message,
    };
    // token id -> (sentence, text), in file order.
    let mut tokens: Vec<(u32, usize, String)> = Vec::new();
    // (line, type, value, creation time, anchored token ids)
    let mut timexes: Vec<(usize, String, String, bool, Vec<u32>)> = Vec::new();
    let mut open = false;
    // Every token any markable (entity, event, time) anchors to.
    let mut anchored: Vec<u32> = Vec::new();
    for (index, raw) in xml.lines().enumerate() {
        let line = index + 1;
        let l = raw.trim();
        if l.starts_with("<token ") {
            let id = xml_attr(l, "t_id")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| err(line, "token without a numeric t_id".into()))?;
            let sentence = xml_attr(l, "sentence")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| err(line, "token without a numeric sentence".into()))?;
            let text = l
                .split_once('>')
                .and_then(|(_, rest)| rest.rsplit_once("</token>"))
                .map(|(text, _)| xml_unescape(text))
                .ok_or_else(|| err(line, "token element not closed on its line".into()))?;
            tokens.push((id, sentence, text));
        } else if l.starts_with("<TIMEX3 ") {
            let kind = xml_attr(l, "type").unwrap_or_default().to_string();
            let value = xml_attr(l, "value").unwrap_or_default().to_string();
            let creation = xml_attr(l, "functionInDocument") == Some("CREATION_TIME");
            timexes.push((line, kind, value, creation, Vec::new()));
            open = !l.ends_with("/>");
        } else if l.starts_with("</TIMEX3") {
            open = false;
        } else if l.starts_with("<token_anchor ") {
            let id = xml_attr(l, "t_id")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| err(line, "token_anchor without a numeric t_id".into()))?;
            anchored.push(id);
            if let (true, Some(t)) = (open, timexes.last_mut()) {
                t.4.push(id);
            }
        }
    }

    // Rebuild the text, remembering where each token went.
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut where_is: BTreeMap<u32, Span> = BTreeMap::new();
    let mut current: Option<(usize, usize)> = None; // (sentence number, start byte)
    let mut glue_next = true;
    for (id, sentence, token) in &tokens {
        if current.map(|c| c.0) != Some(*sentence) {
            if let Some((_, start)) = current {
                sentences.push(Span::new(start, text.len()));
                text.push('\n');
            }
            current = Some((*sentence, text.len()));
            glue_next = true;
        }
        if !glue_next && !NO_SPACE_BEFORE.contains(&token.as_str()) {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        where_is.insert(*id, Span::new(start, text.len()));
        glue_next = NO_SPACE_AFTER.contains(&token.as_str());
    }
    if let Some((_, start)) = current {
        sentences.push(Span::new(start, text.len()));
    }
    let last_anchored = anchored
        .iter()
        .filter_map(|id| where_is.get(id))
        .map(|s| s.start)
        .max();
    let annotated = last_anchored.map_or(0, |at| {
        sentences.iter().take_while(|s| s.start <= at).count()
    });

    let mut published = None;
    let mut gold = Vec::new();
    for (line, kind, value, creation_time, ids) in timexes {
        if creation_time {
            published = creation_date(&value);
        }
        let spans: Option<Vec<Span>> = ids.iter().map(|id| where_is.get(id).copied()).collect();
        let spans = spans.ok_or_else(|| err(line, "TIMEX3 anchored to an unknown token".into()))?;
        let (Some(first), Some(last)) = (
            spans.iter().map(|s| s.start).min(),
            spans.iter().map(|s| s.end).max(),
        ) else {
            // Not in the text (an implicit anchor such as "2058" for "in 50 years").
            continue;
        };
        gold.push(Timex {
            span: Span::new(first, last),
            kind,
            value,
            creation_time,
        });
    }
    // Two MEANTIME files flag no creation time, but annotate their date line (the second
    // sentence, under the headline) as a plain DATE: that is the creation time.
    if published.is_none() {
        if let Some(line) = sentences.get(1) {
            let on_date_line = gold
                .iter_mut()
                .find(|t| t.kind == "DATE" && t.span.start >= line.start && t.span.end <= line.end);
            if let Some(t) = on_date_line {
                published = creation_date(&t.value);
                t.creation_time = published.is_some();
            }
        }
    }
    Ok(GoldDocument {
        name: name.rsplit('/').next().unwrap_or(name).to_string(),
        published,
        text,
        sentences,
        annotated,
        timexes: gold,
    })
}

/// The creation time's date: ISO ("2009-02-03", "2009-02-03T10:00"), or day first
/// ("03-02-2009"), as one MEANTIME file writes it.
fn creation_date(value: &str) -> Option<Date> {
    if let Some(date) = value.get(..10).and_then(|v| v.parse().ok()) {
        return Some(date);
    }
    let mut parts = value.splitn(3, '-').map(|p| p.parse::<i16>().ok());
    let (d, m, y) = (parts.next()??, parts.next()??, parts.next()??);
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// The value of attribute `name` in one XML tag written on one line.
/// The value of attribute `name` in one XML tag (`name` must follow a space).
pub fn xml_attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before_ok = at > 0 && rest.as_bytes()[at - 1] == b' ';
        rest = &rest[at + name.len()..];
        if before_ok {
            if let Some(value) = rest.strip_prefix("=\"") {
                return value.split_once('"').map(|(v, _)| v);
            }
        }
    }
}

/// The five predefined XML entities, decoded.
pub fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A [`DateValue`] written as a TIMEX3 value: "2008-01-03", "2008-01", "2008", a Monday-to-Sunday
/// week "2008-W01", a weekend "2008-W01-WE", a quarter "2008-Q3", a half "2008-H1", a decade "199" (1990 to 1999). Other ranges have no TIMEX3 date value;
/// they are written as their start.
pub fn timex_value(v: &DateValue) -> String {
    match v.precision {
        Precision::Day if v.days() == 7 && v.first.weekday() == Weekday::Monday => {
            let week = ISOWeekDate::from(v.first);
            format!("{:04}-W{:02}", week.year(), week.week())
        }
        Precision::Day if v.days() == 2 && v.first.weekday() == Weekday::Saturday => {
            let week = ISOWeekDate::from(v.first);
            format!("{:04}-W{:02}-WE", week.year(), week.week())
        }
        Precision::Year if v.first.year() % 10 == 0 && v.last.year() == v.first.year() + 9 => {
            format!("{:03}", v.first.year() / 10)
        }
        Precision::Month if v.first.year() == v.last.year() => {
            let (m0, m1) = (v.first.month(), v.last.month());
            match (m0, m1 - m0) {
                (1 | 4 | 7 | 10, 2) => format!("{:04}-Q{}", v.first.year(), (m0 + 2) / 3),
                (1 | 7, 5) => format!("{:04}-H{}", v.first.year(), (m0 + 5) / 6),
                _ => v.first.strftime("%Y-%m").to_string(),
            }
        }
        Precision::Day | Precision::Unknown => v.first.strftime("%Y-%m-%d").to_string(),
        Precision::Month => v.first.strftime("%Y-%m").to_string(),
        Precision::Year => v.first.strftime("%Y").to_string(),
    }
}

/// A mention written as a TIMEX3 value: [`timex_value`] of its date, or for a vague one
/// TimeML's `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
pub fn mention_value(m: &TimeMention) -> String {
    match m.vague {
        Some(Vague::Past) => "PAST_REF".to_string(),
        Some(Vague::Present) => "PRESENT_REF".to_string(),
        Some(Vague::Future) => "FUTURE_REF".to_string(),
        None => timex_value(&m.value),
    }
}

/// Whether our value is the gold one. A range other than a week or a decade ("from 2009 to
/// 2011", "between April and June") has no single TIMEX3 value; annotators tag its ends
/// separately, so either end counts.
fn value_matches(ours: &DateValue, gold: &str) -> bool {
    let value = timex_value(ours);
    if value == gold {
        return true;
    }
    let single = DateValue {
        first: ours.last,
        last: ours.last,
        precision: ours.precision,
    };
    let week_or_decade = value.contains('W') || value.len() == 3;
    ours.end_iso().is_some() && !week_or_decade && timex_value(&single) == gold
}

/// What went wrong with one expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorKind {
    /// A gold date none of ours overlaps.
    Missed,
    /// One of ours overlapping no gold date (or a duration or set).
    Spurious,
    /// Found, with another value.
    WrongValue,
}

impl ErrorKind {
    fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Missed => "missed",
            ErrorKind::Spurious => "spurious",
            ErrorKind::WrongValue => "wrong value",
        }
    }
}

/// One error, with what is needed to see it.
#[derive(Debug, Clone)]
pub struct ScoreError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The expression's form: its words with digits, months and weekdays abstracted
    /// ("on Mon D", "D-Mon YYYY"), so errors can be counted by form.
    pub form: String,
    /// The document's name.
    pub document: String,
    /// The gold expression's text (or ours, for a spurious one).
    pub text: String,
    /// The gold value and its type ("DATE 2008-03-01"), if any.
    pub gold: Option<String>,
    /// Our value as TIMEX3 and our text, if any.
    pub ours: Option<String>,
    /// The sentence it is in.
    pub sentence: String,
}

/// Counts over a corpus.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Documents read.
    pub documents: usize,
    /// Bytes of rebuilt text tagged.
    pub bytes: usize,
    /// Documents without a readable creation time (relative expressions stay unresolved).
    pub undated: usize,
    /// Gold `DATE` expressions (not the creation time).
    pub gold: usize,
    /// Gold dates with a calendar value (starting with a digit), the ones we can hope to match.
    pub gold_calendar: usize,
    /// Our expressions that count (not on the creation time or a gold `TIME`).
    pub predicted: usize,
    /// Gold dates overlapped by one of ours.
    pub found: usize,
    /// Ours overlapping a gold date.
    pub correct: usize,
    /// Found gold dates whose value we got right.
    pub right_value: usize,
    /// Every error, in document order.
    pub errors: Vec<ScoreError>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Score {
    /// Ours that overlap a gold date, over ours.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Gold dates overlapped, over gold dates.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    /// Right values over found gold dates.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.right_value, self.found)
    }
    /// Right values over ours.
    pub fn value_precision(&self) -> f64 {
        ratio(self.right_value, self.predicted)
    }
    /// Right values over gold dates.
    pub fn value_recall(&self) -> f64 {
        ratio(self.right_value, self.gold)
    }

    /// Errors counted by kind and form, most frequent first, with every error listed under its
    /// form.
    pub fn listing(&self) -> String {
        let mut groups: BTreeMap<(ErrorKind, &str), Vec<&ScoreError>> = BTreeMap::new();
        for e in &self.errors {
            groups.entry((e.kind, e.form.as_str())).or_default().push(e);
        }
        let mut groups: Vec<_> = groups.into_iter().collect();
        groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        let mut out = String::new();
        for ((kind, form), errors) in groups {
            out.push_str(&format!("{} x{}: {form}\n", kind.as_str(), errors.len()));
            for e in errors {
                out.push_str(&format!(
                    "    {:?} gold {} ours {} [{}] {}\n",
                    e.text,
                    e.gold.as_deref().unwrap_or("-"),
                    e.ours.as_deref().unwrap_or("-"),
                    e.document,
                    e.sentence
                ));
            }
        }
        out
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, r) = (self.precision(), self.recall());
        let (vp, vr) = (self.value_precision(), self.value_recall());
        writeln!(
            f,
            "{} documents ({} without a creation time), {} gold DATE expressions ({} with a calendar value), {} of ours",
            self.documents, self.undated, self.gold, self.gold_calendar, self.predicted
        )?;
        writeln!(
            f,
            "span (overlap)  precision {p:.3}  recall {r:.3}  F1 {:.3}",
            f1(p, r)
        )?;
        writeln!(
            f,
            "value           accuracy {:.3} ({} of {} found)  precision {vp:.3}  recall {vr:.3}  F1 {:.3}",
            self.value_accuracy(),
            self.right_value,
            self.found,
            f1(vp, vr)
        )
    }
}

/// Run `tagger` on every document and score it against the gold dates.
pub fn score(tagger: &TimeTagger, documents: &[GoldDocument]) -> Score {
    let mut score = Score {
        documents: documents.len(),
        ..Score::default()
    };
    for doc in documents {
        score.bytes += doc.text.len();
        if doc.published.is_none() {
            score.undated += 1;
        }
        let ours: Vec<TimeMention> = tagger
            .find(&doc.as_document())
            .into_iter()
            .filter(|m| m.sentence < doc.annotated)
            .collect();
        score_document(doc, &ours, &mut score);
    }
    score
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn score_document(doc: &GoldDocument, ours: &[TimeMention], score: &mut Score) {
    let sentence_of = |span: Span| -> String {
        doc.sentences
            .iter()
            .find(|s| s.start <= span.start && span.start <= s.end)
            .map(|s| s.slice(&doc.text).to_string())
            .unwrap_or_default()
    };
    let error = |kind, span: Span, gold: Option<&Timex>, ours: Option<&TimeMention>| ScoreError {
        kind,
        form: form(span.slice(&doc.text)),
        document: doc.name.clone(),
        text: span.slice(&doc.text).to_string(),
        gold: gold.map(|g| format!("{} {}", g.kind, g.value)),
        ours: ours.map(|m| format!("{} {:?}", mention_value(m), m.span.slice(&doc.text))),
        sentence: sentence_of(span),
    };
    let dates: Vec<&Timex> = doc
        .timexes
        .iter()
        .filter(|t| t.kind == "DATE" && !t.creation_time)
        .collect();
    for gold in &dates {
        score.gold += 1;
        if gold.value.starts_with(|c: char| c.is_ascii_digit()) {
            score.gold_calendar += 1;
        }
        match ours.iter().find(|m| overlaps(m.span, gold.span)) {
            None => score
                .errors
                .push(error(ErrorKind::Missed, gold.span, Some(gold), None)),
            Some(mine) => {
                score.found += 1;
                let right = match mine.vague {
                    Some(_) => mention_value(mine) == gold.value,
                    None => value_matches(&mine.value, &gold.value),
                };
                if right {
                    score.right_value += 1;
                } else {
                    score.errors.push(error(
                        ErrorKind::WrongValue,
                        gold.span,
                        Some(gold),
                        Some(mine),
                    ));
                }
            }
        }
    }
    for mine in ours {
        let hit = |t: &&Timex| overlaps(t.span, mine.span);
        let neutral = doc
            .timexes
            .iter()
            .filter(hit)
            .any(|t| t.creation_time || t.kind == "TIME");
        if neutral {
            continue;
        }
        score.predicted += 1;
        if dates.iter().any(hit) {
            score.correct += 1;
        } else {
            let other = doc.timexes.iter().find(hit);
            score
                .errors
                .push(error(ErrorKind::Spurious, mine.span, other, Some(mine)));
        }
    }
}

/// An expression's form: numbers become `D` (1-2 digits) or `YYYY`, month names `Mon`,
/// weekdays `Wkd`, other words stay lowercased.
fn form(text: &str) -> String {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    text.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let word = lower.trim_end_matches(['.', ',']);
            if DAYS.contains(&word) {
                "Wkd".to_string()
            } else if word.len() >= 3
                && MONTHS.iter().any(|m| word.starts_with(m))
                && word.chars().all(char::is_alphabetic)
                && (word.len() <= 4 || month_name(word))
            {
                "Mon".to_string()
            } else {
                lower
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '9' } else { c })
                    .collect()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn month_name(word: &str) -> bool {
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// A tiny file in MEANTIME's format, with text we wrote: a dateline DCT, a weekday, a
    /// duration, a vague date we find ("recently"), one we miss ("ongoing"), a DURATION we wrongly date, a TIME, and a
    /// sentence left unannotated.
    const FIXTURE: &str = r#"<?xml version="1.0" ?><Document doc_id="7" doc_name="7_test" lang="en">
<token number="0" sentence="0" t_id="1">January</token>
<token number="1" sentence="0" t_id="2">10</token>
<token number="2" sentence="0" t_id="3">,</token>
<token number="3" sentence="0" t_id="4">2024</token>
<token number="4" sentence="1" t_id="5">The</token>
<token number="5" sentence="1" t_id="6">envoy</token>
<token number="6" sentence="1" t_id="7">arrived</token>
<token number="7" sentence="1" t_id="8">on</token>
<token number="8" sentence="1" t_id="9">Tuesday</token>
<token number="9" sentence="1" t_id="10">and</token>
<token number="10" sentence="1" t_id="11">met</token>
<token number="11" sentence="1" t_id="12">Kim</token>
<token number="12" sentence="1" t_id="13">in</token>
<token number="13" sentence="1" t_id="14">May</token>
<token number="14" sentence="1" t_id="15">.</token>
<token number="15" sentence="2" t_id="16">Ties</token>
<token number="16" sentence="2" t_id="17">recently</token>
<token number="17" sentence="2" t_id="18">improved</token>
<token number="18" sentence="2" t_id="19">&amp;</token>
<token number="19" sentence="2" t_id="20">talks</token>
<token number="20" sentence="2" t_id="21">ongoing</token>
<token number="21" sentence="2" t_id="22">last</token>
<token number="22" sentence="2" t_id="23">week</token>
<token number="23" sentence="2" t_id="24">until</token>
<token number="24" sentence="2" t_id="25">10</token>
<token number="25" sentence="2" t_id="26">p.m.</token>
<token number="26" sentence="2" t_id="27">yesterday</token>
<token number="27" sentence="2" t_id="28">.</token>
<token number="28" sentence="3" t_id="29">Talks</token>
<token number="29" sentence="3" t_id="30">resume</token>
<token number="30" sentence="3" t_id="31">on</token>
<token number="31" sentence="3" t_id="32">Friday</token>
<token number="32" sentence="3" t_id="33">.</token>
<TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2024-01-10">
<token_anchor t_id="1"/>
<token_anchor t_id="2"/>
<token_anchor t_id="3"/>
<token_anchor t_id="4"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2024-01-09">
<token_anchor t_id="9"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="2023-05">
<token_anchor t_id="14"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="PAST_REF">
<token_anchor t_id="17"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="8" type="DATE" value="PRESENT_REF">
<token_anchor t_id="21"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="5" type="DURATION" value="P1W">
<token_anchor t_id="22"/>
<token_anchor t_id="23"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="6" type="TIME" value="2024-01-09T22:00">
<token_anchor t_id="25"/>
<token_anchor t_id="26"/>
<token_anchor t_id="27"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="2058" functionInDocument="NONE" m_id="7" type="DATE" value="2058"/>
</Document>
"#;

    fn fixture() -> GoldDocument {
        match read_meantime(FIXTURE, "corpus/7_test.xml") {
            Ok(doc) => doc,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn reads_text_sentences_and_timexes() {
        let doc = fixture();
        assert_eq!(doc.name, "7_test.xml");
        assert_eq!(doc.published, Some(date(2024, 1, 10)));
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.slice(&doc.text)).collect();
        assert_eq!(
            sentences,
            [
                "January 10, 2024",
                "The envoy arrived on Tuesday and met Kim in May.",
                "Ties recently improved & talks ongoing last week until 10 p.m. yesterday.",
                "Talks resume on Friday."
            ]
        );
        // The last sentence has no markable: it was not annotated.
        assert_eq!(doc.annotated, 3);
        let got: Vec<(&str, &str, &str)> = doc
            .timexes
            .iter()
            .map(|t| (t.span.slice(&doc.text), t.kind.as_str(), t.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("January 10, 2024", "DATE", "2024-01-10"),
                ("Tuesday", "DATE", "2024-01-09"),
                ("May", "DATE", "2023-05"),
                ("recently", "DATE", "PAST_REF"),
                ("ongoing", "DATE", "PRESENT_REF"),
                ("last week", "DURATION", "P1W"),
                ("10 p.m. yesterday", "TIME", "2024-01-09T22:00"),
            ]
        );
        assert!(doc.timexes[0].creation_time);
    }

    #[test]
    fn an_unflagged_date_line_is_the_creation_time() {
        let xml = r#"<Document doc_id="8" doc_name="8_test" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">end</token>
<token number="2" sentence="1" t_id="3">January</token>
<token number="3" sentence="1" t_id="4">10</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2024</token>
<token number="6" sentence="2" t_id="7">Talks</token>
<token number="7" sentence="2" t_id="8">ended</token>
<token number="8" sentence="2" t_id="9">Tuesday</token>
<token number="9" sentence="2" t_id="10">.</token>
<TIMEX3 functionInDocument="NONE" m_id="1" type="DATE" value="2024-01-10">
<token_anchor t_id="3"/>
<token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2024-01-09">
<token_anchor t_id="9"/>
</TIMEX3>
</Document>"#;
        let doc = match read_meantime(xml, "8_test.xml") {
            Ok(doc) => doc,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(doc.published, Some(date(2024, 1, 10)));
        let flags: Vec<bool> = doc.timexes.iter().map(|t| t.creation_time).collect();
        assert_eq!(flags, [true, false]);
        let score = score(&TimeTagger::new(), &[doc]);
        assert_eq!((score.gold, score.predicted, score.right_value), (1, 1, 1));
    }

    #[test]
    fn scores_spans_and_values() {
        let score = score(&TimeTagger::new(), &[fixture()]);
        // Gold dates: Tuesday, May, recently, ongoing (the DCT and the unanchored 2058 do not
        // count).
        assert_eq!(score.gold, 4);
        assert_eq!(score.gold_calendar, 2);
        // Ours: the DCT line and "yesterday" (inside the TIME) are neutral; Tuesday, May,
        // "recently" (vague, PAST_REF) and "last week" (a DURATION here) count.
        assert_eq!(score.predicted, 4);
        assert_eq!(score.found, 3);
        assert_eq!(score.correct, 3);
        assert_eq!(score.right_value, 3);
        let kinds: Vec<(ErrorKind, &str)> = score
            .errors
            .iter()
            .map(|e| (e.kind, e.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (ErrorKind::Missed, "ongoing"),
                (ErrorKind::Spurious, "last week")
            ]
        );
        assert!((score.precision() - 3.0 / 4.0).abs() < 1e-9);
        assert!((score.recall() - 3.0 / 4.0).abs() < 1e-9);
        assert!((score.value_accuracy() - 1.0).abs() < 1e-9);
        let listing = score.listing();
        assert!(listing.contains("missed x1: ongoing"), "{listing}");
        assert!(listing.contains("spurious x1: last week"), "{listing}");
    }

    #[test]
    fn timex_values() {
        let cases = [
            (DateValue::day(date(2008, 1, 3)), "2008-01-03"),
            (DateValue::month(2008, 1).unwrap(), "2008-01"),
            (DateValue::year(2008).unwrap(), "2008"),
            (
                DateValue::day_range(date(2008, 12, 29), date(2009, 1, 4)),
                "2009-W01",
            ),
            (
                DateValue::day_range(date(2024, 2, 15), date(2024, 2, 17)),
                "2024-02-15",
            ),
            (
                DateValue::day_range(date(2010, 1, 30), date(2010, 1, 31)),
                "2010-W04-WE",
            ),
            (
                DateValue {
                    first: date(2009, 7, 1),
                    last: date(2009, 9, 30),
                    precision: Precision::Month,
                },
                "2009-Q3",
            ),
            (
                DateValue {
                    first: date(2009, 1, 1),
                    last: date(2009, 6, 30),
                    precision: Precision::Month,
                },
                "2009-H1",
            ),
            (
                DateValue {
                    first: date(2009, 2, 1),
                    last: date(2009, 4, 30),
                    precision: Precision::Month,
                },
                "2009-02",
            ),
            (
                DateValue {
                    first: date(1990, 1, 1),
                    last: date(1999, 12, 31),
                    precision: Precision::Year,
                },
                "199",
            ),
        ];
        for (value, expected) in cases {
            assert_eq!(timex_value(&value), expected, "{value:?}");
        }
    }

    #[test]
    fn either_end_of_a_range_matches() {
        let years = DateValue {
            first: date(2009, 1, 1),
            last: date(2011, 12, 31),
            precision: Precision::Year,
        };
        let week = DateValue::day_range(date(2024, 1, 1), date(2024, 1, 7));
        let cases = [
            (years, "2009", true),
            (years, "2011", true),
            (years, "2010", false),
            (DateValue::day(date(2024, 1, 7)), "2024-01-07", true),
            (week, "2024-W01", true),
            (week, "2024-01-07", false),
        ];
        for (value, gold, expected) in cases {
            assert_eq!(value_matches(&value, gold), expected, "{value:?} {gold}");
        }
    }

    #[test]
    fn forms() {
        let cases = [
            ("Jan. 29, 2016", "Mon 99, 9999"),
            ("last Friday", "last Wkd"),
            ("mid-2011", "mid-9999"),
            ("the Marchers", "the marchers"),
        ];
        for (text, expected) in cases {
            assert_eq!(form(text), expected, "{text}");
        }
    }

    #[test]
    fn creation_dates() {
        let cases = [
            ("2009-02-03", Some(date(2009, 2, 3))),
            ("2009-02-03T10:00", Some(date(2009, 2, 3))),
            ("03-02-2009", Some(date(2009, 2, 3))),
            ("XXXX-XX-XX", None),
            ("", None),
        ];
        for (value, expected) in cases {
            assert_eq!(creation_date(value), expected, "{value}");
        }
    }

    #[test]
    fn bad_files_name_the_line() {
        let bad = "<Document>\n<token number=\"0\" sentence=\"0\">x</token>\n";
        match read_meantime(bad, "bad.xml") {
            Err(e) => assert_eq!(e.to_string(), "bad.xml:2: token without a numeric t_id"),
            Ok(_) => panic!("accepted a token without an id"),
        }
    }
}
