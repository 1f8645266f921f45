//! The cleaner: crawled body lines in, a [`Document`] out.

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use attache_model::{
    char_at, Article, Dateline, Document, MetaSource, OffsetMap, Precision, Sentence, Span,
};

use crate::meta::{self, DateHit};
use crate::rules::{collapse_spaces, JunkRules, RuleKind};
use crate::sentences::{default_abbreviations, Abbreviations};
use crate::TextError;

/// Junk rules only look at lines up to this many words: a long line is article text even if it
/// mentions "subscribe" or "all rights reserved".
const MAX_JUNK_WORDS: usize = 40;
/// A metadata line ("Source: X | 2012-10-09 20:12:44 | Editor: Y") is short.
const METADATA_WORDS: usize = 16;

/// A line with at least this many words is prose even without a final stop (a photo caption
/// ending in "(Yonhap)", a paragraph the crawler cut short).
const PROSE_WORDS: usize = 12;

/// Lines after a `line-and-next` rule shorter than this are its teaser and go with it.
const TEASER_WORDS: usize = 25;

/// How many paragraphs from the start of the body may carry the dateline.
const DATELINE_PARAGRAPHS: usize = 3;

/// The text stage: turns an [`Article`] into a [`Document`].
///
/// Built once (rules parsed, lists loaded), then shared by reference across threads.
#[derive(Debug, Clone)]
pub struct Cleaner {
    rules: JunkRules,
    abbreviations: Abbreviations,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

/// One raw line of the body and what the cleaner decided about it.
#[derive(Debug)]
struct Line<'a> {
    /// Byte range of the trimmed line in the raw body.
    start: usize,
    end: usize,
    /// Whitespace-collapsed text (the raw line itself when it is collapsed already), and its
    /// lower-case form for rules and duplicate checks.
    norm: Cow<'a, str>,
    lower: String,
    words: usize,
    keep: bool,
    raw: &'a str,
}

impl Line<'_> {
    /// Ends like a sentence: a stop, maybe followed by closing quotes or brackets.
    fn ends_like_sentence(&self) -> bool {
        let t = self
            .norm
            .trim_end_matches(['"', '\'', ')', ']', '”', '’', '»']);
        t.ends_with(['.', '!', '?', '…'])
    }

    /// Reads as prose rather than a label, headline or widget.
    fn is_prose(&self) -> bool {
        self.ends_like_sentence() || self.words >= PROSE_WORDS
    }

    /// Reads as a body paragraph: prose of some length.
    fn is_paragraph(&self) -> bool {
        self.is_prose() && self.words >= 6
    }
}

impl Cleaner {
    /// A cleaner with the compiled-in rules (`data/junk.tsv`, `data/text_abbreviations.tsv`).
    pub fn new() -> Cleaner {
        // Both files are compiled in and covered by tests; failing here is a build bug.
        let rules = JunkRules::parse(include_str!("../../../data/junk.tsv"), "data/junk.tsv")
            .expect("compiled-in data/junk.tsv parses");
        Cleaner {
            rules,
            abbreviations: default_abbreviations().clone(),
        }
    }

    /// A cleaner with the user's junk rules (same format as `data/junk.tsv`) and the
    /// compiled-in abbreviations. Errors name `path` and the line.
    pub fn from_rules(text: &str, path: &str) -> Result<Cleaner, TextError> {
        Ok(Cleaner {
            rules: JunkRules::parse(text, path)?,
            abbreviations: default_abbreviations().clone(),
        })
    }

    /// Replaces the abbreviation list (format of `data/text_abbreviations.tsv`).
    pub fn with_abbreviations(mut self, text: &str, path: &str) -> Result<Cleaner, TextError> {
        self.abbreviations = Abbreviations::parse(text, path)?;
        Ok(self)
    }

    /// Cleans one article. Fails only when nothing is left ([`TextError::Empty`]).
    pub fn process(&self, article: &Article) -> Result<Document, TextError> {
        let body = article.body.as_str();
        let mut lines = split_lines(body, &self.rules);
        let mut warnings = Vec::new();

        // 1. Junk, bylines and date lines.
        let mut byline: Option<String> = None;
        let mut text_dates: Vec<DateHit> = Vec::new();
        self.drop_junk(&mut lines, &mut byline, &mut text_dates);

        // 2. A timestamp glued before the dateline ("08/11/2006 15:31 MOSCOW, ...") is
        //    metadata: read it and start the line after it.
        for line in lines
            .iter_mut()
            .filter(|l| l.keep)
            .take(DATELINE_PARAGRAPHS + 3)
        {
            if let Some((hit, len)) = meta::leading_timestamp(line.raw) {
                text_dates.push(hit);
                line.start += len;
                line.raw = &line.raw[len..];
                line.norm = normalise(line.raw);
                line.lower = fold(&line.norm);
                line.words = word_count(&line.norm);
                break;
            }
        }

        // 3. Lines printed twice count once.
        drop_repeats(&mut lines);

        // 4. The title, then everything that does not read as prose goes.
        let title = choose_title(article.title.as_deref(), &lines);
        let title_line = match &title {
            Title::Line(i) => Some(*i),
            _ => None,
        };
        for (i, line) in lines.iter_mut().enumerate() {
            if line.keep && Some(i) != title_line && !line.is_prose() {
                line.keep = false;
            }
        }

        // 5. Assemble the clean text with its offset map.
        // Sized for the whole body (the clean text is rarely longer), a segment and a paragraph
        // a line, so that they are not copied again and again as they grow.
        let kept = lines.iter().filter(|l| l.keep).count() + 1;
        let mut out = Assembly {
            text: String::with_capacity(
                body.len() + article.title.as_ref().map_or(0, String::len) + 2 * kept,
            ),
            offsets: OffsetMap {
                segments: Vec::with_capacity(kept),
            },
            paragraphs: Vec::with_capacity(kept),
        };
        let title_text = match title {
            Title::None => None,
            Title::Given(t) => {
                // Not in the body (usual for extracted HTML): the title is inserted text with
                // no raw bytes behind it, so its offsets map to the start of the first kept
                // piece, like a paragraph separator.
                out.text.push_str(&t);
                out.paragraphs.push((Span::new(0, out.text.len()), true));
                Some(t)
            }
            Title::Line(i) => {
                let line = &lines[i];
                let start = out.text.len();
                out.push_kept(body, line);
                out.paragraphs
                    .push((Span::new(start, out.text.len()), true));
                Some(
                    article
                        .title
                        .clone()
                        .unwrap_or_else(|| line.norm.clone().into_owned()),
                )
            }
        };
        for (i, line) in lines.iter().enumerate() {
            if !line.keep || Some(i) == title_line {
                continue;
            }
            if !out.text.is_empty() {
                out.text.push_str("\n\n");
            }
            let start = out.text.len();
            out.push_kept(body, line);
            out.paragraphs
                .push((Span::new(start, out.text.len()), false));
        }
        if out.text.trim().is_empty() {
            return Err(TextError::Empty {
                id: article.id.clone(),
            });
        }

        // 6. Dateline, sentences, tokens.
        let mut dateline: Option<Dateline> = None;
        // Sized for wire copy (a token per 5 bytes or so, a sentence per 150), so that the
        // vectors are not copied again and again as they grow.
        let mut sentences = Vec::with_capacity(out.text.len() / 100 + 1);
        let mut tokens = Vec::with_capacity(out.text.len() / 4 + 1);
        let mut body_paragraphs = 0;
        let mut spans = Vec::new();
        for &(para, is_title) in &out.paragraphs {
            spans.clear();
            if is_title {
                push_trimmed(&out.text, para, &mut spans);
            } else {
                let mut from = para.start;
                if dateline.is_none() && body_paragraphs < DATELINE_PARAGRAPHS {
                    if let Some(hit) = meta::dateline(para.slice(&out.text)) {
                        dateline = Some(Dateline {
                            span: Span::new(para.start, para.start + hit.len),
                            city: hit.city,
                            date: hit.date,
                            agency: hit.agency,
                        });
                        // The dateline stays in the text but belongs to no sentence.
                        from = para.start + hit.len;
                    }
                }
                body_paragraphs += 1;
                self.abbreviations
                    .split_paragraph(&out.text, from, para.end, &mut spans);
            }
            for &span in &spans {
                let first = tokens.len();
                self.abbreviations
                    .tokenize_into(span.slice(&out.text), span.start, &mut tokens);
                sentences.push(Sentence {
                    span,
                    tokens: first..tokens.len(),
                    is_title,
                });
            }
        }
        if sentences.is_empty() {
            return Err(TextError::Empty {
                id: article.id.clone(),
            });
        }

        // 7. Publication date: the input's wins; else the first date line in the text (an
        //    ambiguous "08/11/2006" settled by the dateline, the weekday written with it or
        //    the body's dates); else the latest full date the body writes, flagged as
        //    inferred. Never today's date.
        let body_dates = || meta::dates_in(&out.text);
        let (published, published_precision, published_from) = if let Some(d) = article.published {
            (Some(d), Precision::Day, Some(MetaSource::Input))
        } else if let Some(&hit) = text_dates.first() {
            let (mut date, mut settled) =
                meta::settle(hit, dateline.as_ref().and_then(|d| d.date.as_deref()));
            if !settled {
                if let Some(d) = meta::settle_by_evidence(hit, &body_dates()) {
                    (date, settled) = (d, true);
                }
            }
            if !settled {
                warnings.push(format!(
                    "numeric date {} could be day/month or month/day; read as day/month",
                    date
                ));
            }
            (Some(date), Precision::Day, Some(MetaSource::Text))
        } else if let Some(date) = meta::latest_full_date(&body_dates()) {
            warnings.push(format!(
                "no publication date given; inferred {date} from the latest full date in the text"
            ));
            (Some(date), Precision::Day, Some(MetaSource::Inferred))
        } else {
            (None, Precision::Unknown, None)
        };

        let source = article
            .source
            .clone()
            .or_else(|| dateline.as_ref().and_then(|d| d.agency.clone()))
            // Last resort: the copyright holder ("Copyright (c) 2022 Yonhap News Agency").
            .or_else(|| article.body.lines().rev().find_map(meta::copyright_holder));
        let mut all_warnings = article.warnings.clone();
        all_warnings.extend(warnings);
        Ok(Document {
            id: article.id.clone(),
            origin: article.origin.clone(),
            url: article.url.clone(),
            title: title_text,
            published,
            published_precision,
            published_from,
            dateline,
            byline,
            source,
            content_hash: crate::content_hash(&out.text),
            text: out.text,
            offsets: out.offsets,
            sentences,
            tokens,
            warnings: all_warnings,
        })
    }

    /// Marks junk lines (rules, blocks, bylines, date lines, stray non-Latin labels).
    fn drop_junk(&self, lines: &mut [Line], byline: &mut Option<String>, dates: &mut Vec<DateHit>) {
        let mut drop_block = false;
        let mut drop_teaser = false;
        for line in lines.iter_mut() {
            if drop_block {
                // Headline lists have no final stop, however long a headline is; the article
                // (or the next block of it) resumes with a sentence.
                if line.is_paragraph() && line.ends_like_sentence() {
                    drop_block = false;
                } else {
                    line.keep = false;
                    continue;
                }
            }
            if drop_teaser {
                drop_teaser = false;
                if line.words < TEASER_WORDS {
                    line.keep = false;
                    continue;
                }
            }
            if line.words <= MAX_JUNK_WORDS {
                match self.rules.classify(&line.lower) {
                    Some(RuleKind::Line) => line.keep = false,
                    Some(RuleKind::LineAndNext) => {
                        line.keep = false;
                        drop_teaser = true;
                    }
                    Some(RuleKind::BlockStart | RuleKind::EndMarker) => {
                        line.keep = false;
                        drop_block = true;
                    }
                    None => {}
                }
                if !line.keep {
                    continue;
                }
                if let Some((name, date)) = meta::byline(&line.norm) {
                    byline.get_or_insert(name);
                    dates.extend(date);
                    line.keep = false;
                    continue;
                }
                let label = self.rules.date_label_len(&line.lower);
                if let Some(hit) = line.norm.get(label..).and_then(meta::date_line) {
                    dates.push(hit);
                    line.keep = false;
                    continue;
                }
                if line.words <= METADATA_WORDS && !line.is_paragraph() {
                    if let Some(hit) = meta::date_in_metadata_line(&line.norm) {
                        dates.push(hit);
                        line.keep = false;
                        continue;
                    }
                }
                // A short line with no Latin letter ("김수연", "***", "|") is a label.
                if line.words <= 5 && !line.norm.bytes().any(|b| b.is_ascii_alphabetic()) {
                    line.keep = false;
                }
            }
        }
    }
}

/// What the title is.
enum Title {
    None,
    /// The input's title, not found in the body.
    Given(String),
    /// This line of the body.
    Line(usize),
}

/// The input's title (found in the body, or inserted), else the header line before the body
/// that shares most words (at least one) with the first paragraphs.
fn choose_title(given: Option<&str>, lines: &[Line]) -> Title {
    if let Some(t) = given.map(str::trim).filter(|t| !t.is_empty()) {
        let key = fold(&collapse_spaces(t));
        return match lines.iter().position(|l| l.keep && l.lower == key) {
            Some(i) => Title::Line(i),
            None => Title::Given(collapse_spaces(t).into_owned()),
        };
    }
    let Some(body_start) = lines.iter().position(|l| l.keep && l.is_paragraph()) else {
        return Title::None;
    };
    let lede = || {
        lines[body_start..]
            .iter()
            .filter(|l| l.keep && l.is_paragraph())
            .take(3)
    };
    // Sized once for the lede's words, so that the set is not rehashed as it grows.
    let mut body_words: HashSet<&str> =
        HashSet::with_capacity_and_hasher(lede().map(|l| l.words).sum(), Default::default());
    body_words.extend(lede().flat_map(|l| word_stems(&l.lower)));
    let mut best: Option<(usize, usize)> = None;
    for (i, line) in lines[..body_start].iter().enumerate() {
        if !line.keep || line.words < 4 || line.words > 25 || line.norm.ends_with('.') {
            continue;
        }
        let score = word_stems(&line.lower)
            .filter(|w| body_words.contains(w))
            .count();
        // A headline shares words with its lede; a section label or tag line shares none.
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best.map_or(Title::None, |(i, _)| Title::Line(i))
}

/// Content-word stems (first five letters of words of three letters or more) for overlap.
fn word_stems(lower: &str) -> impl Iterator<Item = &str> + '_ {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 && (w.is_ascii() || w.chars().count() >= 3))
        .map(|w| {
            let end = if w.is_ascii() {
                w.len().min(5)
            } else {
                w.char_indices().nth(5).map_or(w.len(), |(i, _)| i)
            };
            &w[..end]
        })
}

/// Drops exact (whitespace-normalised, case-folded) repeats, keeping the first; and drops a
/// header line that a later paragraph repeats and continues (a subtitle), keeping the fuller.
fn drop_repeats(lines: &mut [Line]) {
    // Sized once for every line, so that the set is not rehashed as it grows.
    let mut seen: HashSet<&str> =
        HashSet::with_capacity_and_hasher(lines.len(), Default::default());
    let mut repeats = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.keep && !seen.insert(line.lower.as_str()) {
            repeats.push(i);
        }
    }
    for i in repeats {
        lines[i].keep = false;
    }
    // Subtitles sit in the header, so only the first lines are checked against the rest.
    let header = lines.iter().filter(|l| l.keep).take(12).count();
    let mut kept_seen = 0;
    for i in 0..lines.len() {
        if !lines[i].keep {
            continue;
        }
        kept_seen += 1;
        if kept_seen > header {
            break;
        }
        if lines[i].words < 8 {
            continue;
        }
        let stem = lines[i].lower.trim_end_matches(['.', '!', '?']);
        let fuller = lines.iter().enumerate().any(|(j, other)| {
            j != i
                && other.keep
                && other.lower.len() > lines[i].lower.len()
                && other.lower.starts_with(stem)
        });
        if fuller {
            lines[i].keep = false;
        }
    }
}

/// Splits the body into trimmed non-blank lines with their raw offsets.
fn split_lines<'a>(body: &'a str, rules: &JunkRules) -> Vec<Line<'a>> {
    let wrap = wrap_width(body);
    let mut lines = Vec::new();
    let mut blank_before = true;
    let mut previous_len = 0; // chars in the previous physical line
    let mut pos = 0;
    for piece in body.split_inclusive('\n') {
        let start = pos;
        pos += piece.len();
        let content = piece.trim_end_matches(['\n', '\r']);
        let trimmed_start = content.trim_start_matches(is_space_or_invisible);
        let trimmed = trimmed_start.trim_end_matches(is_space_or_invisible);
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let s = start + (content.len() - trimmed_start.len());
        let norm = normalise(trimmed);
        let lower = fold(&norm);
        // Only a wrapped body needs the width of its lines.
        let width = if wrap.is_some() {
            content.chars().count()
        } else {
            0
        };
        let physical_len = std::mem::replace(&mut previous_len, width);
        if let Some(prev) = lines.last_mut().filter(|p: &&mut Line| {
            // A hard-wrapped paragraph: the line continues the one above it when that one ran
            // to the wrap width, or was long, unfinished and followed by a lower-case word. A
            // headline is short; a widget, byline or date line is never a continuation.
            let wrapped = wrap.is_some_and(|w| physical_len * 10 >= w * 7);
            let unfinished =
                p.words >= 8 && !p.ends_like_sentence() && norm.starts_with(char::is_lowercase);
            !blank_before
                && (wrapped || unfinished)
                && rules.classify(&lower).is_none()
                && rules.classify(&p.lower).is_none()
                && meta::byline(&norm).is_none()
        }) {
            // The line break becomes one space when the text is assembled.
            prev.end = s + trimmed.len();
            prev.raw = &body[prev.start..prev.end];
            prev.norm = normalise(prev.raw);
            prev.lower = fold(&prev.norm);
            prev.words = word_count(&prev.norm);
            continue;
        }
        lines.push(Line {
            start: s,
            end: s + trimmed.len(),
            lower,
            words: word_count(&norm),
            norm,
            keep: true,
            raw: trimmed,
        });
        blank_before = false;
    }
    lines
}

/// The width a body is hard-wrapped at, if it is: at least five lines, none longer than 100
/// characters, and most of them close to the longest.
fn wrap_width(body: &str) -> Option<usize> {
    const WIDEST: usize = 100;
    let (mut lines, mut max) = (0usize, 0usize);
    for line in body.lines() {
        let line = line.trim_end();
        // A line of more than four bytes a character's worth is too long without counting:
        // most bodies (a paragraph a line) are ruled out at their first paragraph.
        if line.len() > WIDEST * 4 {
            return None;
        }
        let len = line.chars().count();
        if len > WIDEST {
            return None;
        }
        if len > 0 {
            lines += 1;
            max = max.max(len);
        }
    }
    if lines < 5 || max < 40 {
        return None;
    }
    let near = body
        .lines()
        .filter(|l| l.trim_end().chars().count() * 10 >= max * 7)
        .count();
    (near * 2 >= lines).then_some(max)
}

/// The comparison key of a line: lower case, curly quotes folded to straight ones (a subtitle
/// and its paragraph often differ only in "North’s" vs "North's").
/// A raw line without its invisible characters, whitespace collapsed: borrowed from the line
/// when that changes nothing (most lines).
fn normalise(raw: &str) -> Cow<'_, str> {
    match strip_invisible(raw) {
        Cow::Borrowed(s) => collapse_spaces(s),
        Cow::Owned(s) => Cow::Owned(collapse_spaces(&s).into_owned()),
    }
}

/// The words of a collapsed line: its single spaces plus one.
fn word_count(norm: &str) -> usize {
    norm.bytes().filter(|&b| b == b' ').count() + 1
}

fn fold(norm: &str) -> String {
    if norm.is_ascii() {
        return norm.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(norm.len());
    for c in norm.chars().flat_map(char::to_lowercase) {
        out.push(match c {
            '’' | '‘' | '′' => '\'',
            '“' | '”' | '″' => '"',
            c => c,
        });
    }
    out
}

/// Characters the clean text drops without a trace: zero-width marks and soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

fn is_space_or_invisible(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

fn strip_invisible(s: &str) -> Cow<'_, str> {
    // Every invisible character is outside ASCII.
    if !s.is_ascii() && s.contains(is_invisible) {
        s.chars()
            .filter(|&c| !is_invisible(c))
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let piece = span.slice(text);
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(span.start + lead, span.end - trail));
    }
}

/// The clean text being built, its offset map and its paragraphs (span, is title).
struct Assembly {
    text: String,
    offsets: OffsetMap,
    paragraphs: Vec<(Span, bool)>,
}

impl Assembly {
    /// Appends a kept line. A line whose normal form is the raw line itself (no invisible
    /// character, whitespace already single spaces: most lines) is one verbatim piece.
    fn push_kept(&mut self, body: &str, line: &Line) {
        if matches!(line.norm, Cow::Borrowed(_)) {
            self.push_verbatim(body, line.start, line.end);
        } else {
            self.push_line(body, line.start, line.end);
        }
    }

    /// Appends `body[start..end]` with whitespace runs collapsed to one space and invisible
    /// characters dropped, recording every piece in the offset map.
    fn push_line(&mut self, body: &str, start: usize, end: usize) {
        let line = &body[start..end];
        let mut run = 0; // start of the verbatim run, relative to `line`
        let mut at = 0;
        while at < line.len() {
            // Printable ASCII, most of a line, is neither space nor invisible; nor is a single
            // space before it, between words.
            let b = line.as_bytes()[at];
            if b.is_ascii_graphic()
                || (b == b' '
                    && line
                        .as_bytes()
                        .get(at + 1)
                        .is_some_and(u8::is_ascii_graphic))
            {
                at += 1;
                continue;
            }
            let i = at;
            let c;
            (c, at) = char_at(line, i);
            let space = c.is_whitespace();
            if !space && !is_invisible(c) {
                continue;
            }
            // A single space between words stays in the verbatim run.
            if c == ' ' && (at == line.len() || !is_space_or_invisible(char_at(line, at).0)) {
                continue;
            }
            self.push_verbatim(body, start + run, start + i);
            let mut j = at;
            if space {
                while j < line.len() {
                    let (d, next) = char_at(line, j);
                    if !is_space_or_invisible(d) {
                        break;
                    }
                    j = next;
                }
                at = j;
                if &line[i..j] == " " {
                    self.push_verbatim(body, start + i, start + j);
                } else {
                    self.push_space(start + i, j - i);
                }
            }
            run = j;
        }
        self.push_verbatim(body, start + run, end);
    }

    fn push_verbatim(&mut self, body: &str, start: usize, end: usize) {
        if start < end {
            self.offsets
                .push(self.text.len(), start, end - start, end - start);
            self.text.push_str(&body[start..end]);
        }
    }

    /// One space standing for `raw_len` raw bytes of whitespace at `raw`.
    fn push_space(&mut self, raw: usize, raw_len: usize) {
        self.offsets.push(self.text.len(), raw, 1, raw_len);
        self.text.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kept line goes into the clean text as the general path would put it: same text, same
    /// offset map, whether it is borrowed (one verbatim piece) or normalised.
    #[test]
    fn kept_lines_push_as_the_general_path_does() {
        let body = "Plain line, here.\nTwo  spaces\there.\n\u{200b}Zero width.\n\
                    North’s envoy — “quoted”.\nA\u{a0}no-break space.\nBell\u{7} rings.\n\
                    Soft\u{ad}hyphen and a tail\n";
        let empty = || Assembly {
            text: String::new(),
            offsets: OffsetMap::default(),
            paragraphs: Vec::new(),
        };
        let lines = split_lines(body, &JunkRules::default());
        assert_eq!(lines.len(), 7);
        for line in &lines {
            let (mut fast, mut general) = (empty(), empty());
            fast.text.push_str("Title\n\n");
            general.text.push_str("Title\n\n");
            fast.push_kept(body, line);
            general.push_line(body, line.start, line.end);
            assert_eq!(fast.text, general.text, "{:?}", line.raw);
            assert_eq!(fast.offsets, general.offsets, "{:?}", line.raw);
        }
    }
}
