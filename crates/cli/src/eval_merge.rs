//! Scoring merged events against MEANTIME's cross-document event instances
//! (`attache eval merge --meantime DIR`).
//!
//! MEANTIME (NewsReader, 120 Wikinews articles in four topics) links event mentions across
//! documents: an `EVENT` markable with an `instance_id` is a corpus-wide instance, and
//! `REFERS_TO` relations point the document's `EVENT_MENTION`s (token anchors) at it. Each
//! article is rebuilt from its tokens and run through the whole pipeline; every report is
//! merged as `attache extract` merges them. A report *aligns* with a gold mention when its
//! trigger overlaps the mention's tokens; only mentions where both sides code an event count.
//! Over every pair of aligned mentions from different documents, a pair is *gold-linked* when
//! both mentions share an instance and *merged* when both reports went into one of our events:
//! precision is linked-and-merged over merged, recall linked-and-merged over linked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use attache_time::eval::{xml_attr, xml_unescape};

use attache_merge::Merger;
use attache_model::{Article, Span};
use jiff::civil::Date;

use crate::pipeline::{Pipeline, PipelineError};

/// A MEANTIME file could not be read or run.
#[derive(Debug, thiserror::Error)]
pub enum MergeEvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Data {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Pipeline { path: String, source: PipelineError },
}

/// One article of the corpus: its text rebuilt from the tokens and its cross-document event
/// mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossDocument {
    /// The file stem.
    pub name: String,
    /// The document creation time, when the file gives one.
    pub published: Option<Date>,
    /// The text, one sentence a paragraph (the first is the headline).
    pub text: String,
    /// Event mentions that refer to a corpus-wide instance: bytes of `text`, instance id.
    pub mentions: Vec<(Span, String)>,
}

/// Tokens that take no space before them when the text is rebuilt.
const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", ")", "]", "?", "!", "%", "'s", "'S", "n't", "'",
];
/// Tokens that take no space after them.
const NO_SPACE_AFTER: &[&str] = &["(", "[", "$"];

/// Read one MEANTIME file of the cross-document annotation (`name` names it in errors). The
/// format is read line by line, as the corpus writes it: one element a line.
pub fn read_cross_document(xml: &str, name: &str) -> Result<CrossDocument, MergeEvalError> {
    let err = |line: usize, message: &str| MergeEvalError::Data {
        path: name.to_string(),
        line,
        message: message.to_string(),
    };
    let mut text = String::new();
    let mut token_spans: BTreeMap<String, Span> = BTreeMap::new();
    let mut sentence: Option<String> = None;
    let mut no_space_next = true;
    // Mentions: m_id -> token ids; instances: m_id of an EVENT -> instance id; links: the
    // sources of each REFERS_TO with its target.
    let mut mentions: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut instances: BTreeMap<String, String> = BTreeMap::new();
    let mut links: Vec<(Vec<String>, Option<String>)> = Vec::new();
    let mut open_mention: Option<String> = None;
    let mut open_link: Option<(Vec<String>, Option<String>)> = None;
    let mut published = None;
    for (n, line) in xml.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim();
        if line.starts_with("<token ") {
            let (Some(t_id), Some(s)) = (xml_attr(line, "t_id"), xml_attr(line, "sentence")) else {
                return Err(err(line_no, "token without t_id or sentence"));
            };
            let start = line
                .find('>')
                .ok_or_else(|| err(line_no, "unclosed token"))?
                + 1;
            let end = line.rfind("</token>").unwrap_or(line.len()).max(start);
            let word = xml_unescape(&line[start..end]);
            if sentence.as_deref() != Some(s) {
                if sentence.is_some() {
                    text.push_str("\n\n");
                }
                sentence = Some(s.to_string());
            } else if !no_space_next && !NO_SPACE_BEFORE.contains(&word.as_str()) {
                text.push(' ');
            }
            let at = text.len();
            text.push_str(&word);
            token_spans.insert(t_id.to_string(), Span::new(at, text.len()));
            no_space_next = NO_SPACE_AFTER.contains(&word.as_str());
        } else if line.starts_with("<EVENT_MENTION ") {
            let m =
                xml_attr(line, "m_id").ok_or_else(|| err(line_no, "EVENT_MENTION without m_id"))?;
            open_mention = Some(m.to_string());
            mentions.entry(m.to_string()).or_default();
        } else if line.starts_with("</EVENT_MENTION") {
            open_mention = None;
        } else if line.starts_with("<token_anchor ") {
            if let (Some(m), Some(t)) = (&open_mention, xml_attr(line, "t_id")) {
                mentions.entry(m.clone()).or_default().push(t.to_string());
            }
        } else if line.starts_with("<EVENT ") {
            if let (Some(m), Some(i)) = (xml_attr(line, "m_id"), xml_attr(line, "instance_id")) {
                instances.insert(m.to_string(), i.to_string());
            }
        } else if line.starts_with("<REFERS_TO") {
            open_link = Some((Vec::new(), None));
        } else if line.starts_with("</REFERS_TO") {
            links.extend(open_link.take());
        } else if line.starts_with("<source ") {
            if let (Some(link), Some(m)) = (&mut open_link, xml_attr(line, "m_id")) {
                link.0.push(m.to_string());
            }
        } else if line.starts_with("<target ") {
            if let (Some(link), Some(m)) = (&mut open_link, xml_attr(line, "m_id")) {
                link.1 = Some(m.to_string());
            }
        } else if line.starts_with("<TIMEX3 ")
            && xml_attr(line, "functionInDocument") == Some("CREATION_TIME")
        {
            published = xml_attr(line, "value")
                .and_then(|v| v.get(..10))
                .and_then(|v| v.parse::<Date>().ok());
        }
    }
    let mut out = Vec::new();
    for (sources, target) in links {
        let Some(instance) = target.and_then(|t| instances.get(&t)) else {
            continue;
        };
        for m in sources {
            let Some(tokens) = mentions.get(&m) else {
                continue;
            };
            let spans: Vec<Span> = tokens
                .iter()
                .filter_map(|t| token_spans.get(t).copied())
                .collect();
            if let (Some(first), Some(last)) = (
                spans.iter().map(|s| s.start).min(),
                spans.iter().map(|s| s.end).max(),
            ) {
                out.push((Span::new(first, last), instance.clone()));
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(CrossDocument {
        name: name.to_string(),
        published,
        text,
        mentions: out,
    })
}

/// Read every `.xml` file under `dir` (recursively, sorted by path).
pub fn read_cross_documents(dir: &Path) -> Result<Vec<CrossDocument>, MergeEvalError> {
    let files = attache_time::eval::xml_files(dir)
        .map_err(|(path, source)| MergeEvalError::Io { path, source })?;
    files
        .iter()
        .map(|path| {
            let xml = std::fs::read_to_string(path).map_err(|source| MergeEvalError::Io {
                path: path.clone(),
                source,
            })?;
            let stem = path.file_stem().map_or_else(
                || path.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            read_cross_document(&xml, &stem)
        })
        .collect()
}

/// One gold mention both sides coded: its document, its gold instance, our event id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Aligned {
    pub document: String,
    pub instance: String,
    pub event: String,
    /// The gold mention's words, for listings.
    pub words: String,
}

/// Pairwise agreement of our events with the gold instances over cross-document pairs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairScore {
    /// Gold mentions with an instance, over all documents.
    pub gold_mentions: usize,
    /// Of those, how many a report of ours aligned with.
    pub aligned: usize,
    /// Cross-document pairs of aligned mentions in one gold instance.
    pub linked: usize,
    /// Cross-document pairs of aligned mentions in one of our events.
    pub merged: usize,
    /// Pairs both linked and merged.
    pub both: usize,
    /// The same three counts over pairs from one document (not in precision and recall):
    /// whether the headline and later mentions of one event became one.
    pub within: (usize, usize, usize),
    /// The aligned mentions, sorted by document, for `--verbose`.
    pub listing: Vec<Aligned>,
}

impl PairScore {
    /// Merged pairs that are gold-linked; `None` when nothing was merged.
    pub fn precision(&self) -> Option<f64> {
        (self.merged > 0).then(|| self.both as f64 / self.merged as f64)
    }

    /// Gold-linked pairs that were merged; `None` when no pair is linked.
    pub fn recall(&self) -> Option<f64> {
        (self.linked > 0).then(|| self.both as f64 / self.linked as f64)
    }
}

/// Score aligned mentions pairwise, counting only pairs from different documents.
pub fn pairwise(aligned: &[Aligned]) -> PairScore {
    let mut score = PairScore {
        aligned: aligned.len(),
        ..PairScore::default()
    };
    for (i, a) in aligned.iter().enumerate() {
        for b in &aligned[i + 1..] {
            let linked = a.instance == b.instance;
            let merged = a.event == b.event;
            if a.document == b.document {
                score.within.0 += usize::from(linked);
                score.within.1 += usize::from(merged);
                score.within.2 += usize::from(linked && merged);
                continue;
            }
            score.linked += usize::from(linked);
            score.merged += usize::from(merged);
            score.both += usize::from(linked && merged);
        }
    }
    score
}

/// Run the pipeline on every document, merge all reports, align them with the gold mentions
/// and score them.
pub fn score(
    pipeline: &Pipeline,
    documents: &[CrossDocument],
) -> Result<PairScore, MergeEvalError> {
    let names = |n: &str| pipeline.recognizer().name_key(n);
    let mut merger = Merger::new(pipeline.codebook().clone()).with_names(&names);
    // Each report's trigger in the rebuilt text, by document and trigger start in clean text.
    let mut triggers: BTreeMap<(String, usize), Span> = BTreeMap::new();
    for d in documents {
        let mut article = Article::from_text(d.name.clone(), d.text.clone());
        article.published = d.published;
        let processed = pipeline
            .process(&article)
            .map_err(|source| MergeEvalError::Pipeline {
                path: d.name.clone(),
                source,
            })?;
        for r in &processed.reports {
            let raw = processed
                .document
                .offsets
                .span_to_raw(Span::new(r.evidence.start, r.evidence.end));
            triggers.insert((d.name.clone(), r.evidence.start), raw);
        }
        merger.add(processed.reports);
    }
    // For each gold mention, the events whose reports' triggers overlap it; the smallest id
    // stands for the mention when several codes fire on one trigger.
    let mut hits: BTreeMap<(String, Span), (String, BTreeSet<String>)> = BTreeMap::new();
    let by_doc: BTreeMap<&str, &CrossDocument> =
        documents.iter().map(|d| (d.name.as_str(), d)).collect();
    for event in merger.events() {
        for m in &event.mentions {
            let (Some(d), Some(t)) = (
                by_doc.get(&*m.document),
                triggers.get(&(m.document.to_string(), m.start)),
            ) else {
                continue;
            };
            for (span, instance) in &d.mentions {
                if span.start < t.end && t.start < span.end {
                    hits.entry((d.name.clone(), *span))
                        .or_insert_with(|| (instance.clone(), BTreeSet::new()))
                        .1
                        .insert(event.id.clone());
                }
            }
        }
    }
    let aligned: Vec<Aligned> = hits
        .into_iter()
        .filter_map(|((document, span), (instance, events))| {
            let words = by_doc
                .get(document.as_str())
                .and_then(|d| d.text.get(span.start..span.end))
                .unwrap_or_default()
                .to_string();
            Some(Aligned {
                document,
                instance,
                event: events.into_iter().next()?,
                words,
            })
        })
        .collect();
    let mut score = pairwise(&aligned);
    score.listing = aligned;
    score.gold_mentions = documents.iter().map(|d| d.mentions.len()).sum();
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-sentence article in MEANTIME's layout, written for this test.
    const FIXTURE: &str = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="t">
<token number="0" sentence="0" t_id="1">Ministers</token>
<token number="1" sentence="0" t_id="2">meet</token>
<token number="2" sentence="1" t_id="3">The</token>
<token number="3" sentence="1" t_id="4">ministers</token>
<token number="4" sentence="1" t_id="5">met</token>
<token number="5" sentence="1" t_id="6">in</token>
<token number="6" sentence="1" t_id="7">Oslo</token>
<token number="7" sentence="1" t_id="8">.</token>
<Markables>
<EVENT_MENTION m_id="10" pred="meet">
<token_anchor t_id="2"/>
</EVENT_MENTION>
<EVENT_MENTION m_id="11" pred="meet">
<token_anchor t_id="5"/>
</EVENT_MENTION>
<EVENT_MENTION m_id="12" pred="other">
<token_anchor t_id="7"/>
</EVENT_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="20" type="DATE" value="2010-05-04">
</TIMEX3>
<EVENT TAG_DESCRIPTOR="meet" class="OTHER" instance_id="OTH1" m_id="30"/>
<EVENT TAG_DESCRIPTOR="local" class="OTHER" comment="" m_id="31"/>
</Markables>
<Relations>
<REFERS_TO r_id="1">
<source m_id="10"/>
<source m_id="11"/>
<target m_id="30"/>
</REFERS_TO>
<REFERS_TO r_id="2">
<source m_id="12"/>
<target m_id="31"/>
</REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn reads_text_dates_and_linked_mentions() {
        let d = read_cross_document(FIXTURE, "t").unwrap();
        assert_eq!(d.text, "Ministers meet\n\nThe ministers met in Oslo.");
        assert_eq!(d.published, "2010-05-04".parse().ok());
        let words: Vec<(&str, &str)> = d
            .mentions
            .iter()
            .map(|(s, i)| (s.slice(&d.text), i.as_str()))
            .collect();
        // The mention referring to an EVENT without an instance is not cross-document.
        assert_eq!(words, [("meet", "OTH1"), ("met", "OTH1")]);
    }

    #[test]
    fn a_token_line_without_ids_names_its_line() {
        let bad = "<Document>\n<token number=\"0\">x</token>\n</Document>";
        let e = read_cross_document(bad, "bad.xml").unwrap_err().to_string();
        assert!(e.starts_with("bad.xml:2:"), "{e}");
    }

    fn a(document: &str, instance: &str, event: &str) -> Aligned {
        Aligned {
            document: document.into(),
            instance: instance.into(),
            event: event.into(),
            words: String::new(),
        }
    }

    /// Aligned mentions; expected (linked, merged, both) cross-document pairs.
    #[test]
    fn pairwise_table() {
        let cases = [
            (
                "one instance, one event, two documents",
                vec![a("d1", "I", "e"), a("d2", "I", "e")],
                (1, 1, 1),
            ),
            (
                "same document pairs do not count",
                vec![a("d1", "I", "e"), a("d1", "I", "e")],
                (0, 0, 0),
            ),
            (
                "split: linked but not merged",
                vec![a("d1", "I", "e"), a("d2", "I", "f")],
                (1, 0, 0),
            ),
            (
                "over-merged: merged but not linked",
                vec![a("d1", "I", "e"), a("d2", "J", "e"), a("d3", "J", "e")],
                (1, 3, 1),
            ),
        ];
        for (why, aligned, (linked, merged, both)) in cases {
            let s = pairwise(&aligned);
            assert_eq!(
                (s.linked, s.merged, s.both),
                (linked, merged, both),
                "{why}"
            );
            if why.starts_with("same document") {
                assert_eq!(s.within, (1, 1, 1), "{why}: counted within");
            }
        }
        let s = pairwise(&[a("d1", "I", "e"), a("d2", "J", "e"), a("d3", "J", "e")]);
        assert!((s.precision().unwrap() - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.recall().unwrap() - 1.0).abs() < 1e-9);
        assert_eq!(pairwise(&[]).precision(), None, "no pair, no figure");
    }
}
