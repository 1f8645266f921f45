//! The CLI's output writer: the only code that prints results.

use std::io::Write;
use std::path::Path;

use attache_model::{Actor, Claimant, Document, Event, Vague};
use attache_store::{Duplicate, Stats};

type Result = anyhow::Result<()>;

pub fn events_jsonl(out: &mut impl Write, events: &[Event]) -> Result {
    for e in events {
        serde_json::to_writer(&mut *out, e)?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn events_json(out: &mut impl Write, events: &[Event]) -> Result {
    serde_json::to_writer_pretty(&mut *out, events)?;
    writeln!(out)?;
    Ok(())
}

fn side(a: &Actor) -> String {
    let who = a.name.as_deref().or(a.text.as_deref()).unwrap_or("?");
    let code = a
        .code
        .as_ref()
        .map(|c| c.to_string())
        .unwrap_or_else(|| "?".into());
    format!("{code} ({who})")
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn date(e: &Event) -> String {
    match (&e.date, &e.date_end) {
        (Some(a), Some(b)) => format!("{a}/{b}"),
        (Some(a), None) => a.clone(),
        _ => "unknown".into(),
    }
}

pub fn events_table(out: &mut impl Write, events: &[Event]) -> Result {
    writeln!(
        out,
        "{:<16}  {:<21}  {:<4}  {:<8}  {:<32}  {:<32}  {:>4}  label",
        "id", "date", "code", "modality", "source", "target", "docs"
    )?;
    for e in events {
        writeln!(
            out,
            "{:<16}  {:<21}  {:<4}  {:<8}  {:<32}  {:<32}  {:>4}  {}",
            e.id,
            date(e),
            e.code,
            e.modality.as_str(),
            short(&side(&e.source), 32),
            short(&side(&e.target), 32),
            e.documents.len(),
            e.label
        )?;
    }
    writeln!(out, "({} events)", events.len())?;
    Ok(())
}

/// Near-duplicate documents found by `extract`, one pair a line after the events table; nothing
/// when there are none.
pub fn near_duplicates(out: &mut impl Write, pairs: &[(String, String, f64)]) -> Result {
    for (a, b, similarity) in pairs {
        writeln!(
            out,
            "near-duplicates: {a} ~ {b} (similarity {similarity:.2})"
        )?;
    }
    Ok(())
}

pub fn events_csv(out: &mut impl Write, events: &[Event]) -> Result {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "code",
        "root",
        "label",
        "plover",
        "modality",
        "date",
        "date_end",
        "date_precision",
        "source_country",
        "source_code",
        "source_text",
        "target_country",
        "target_code",
        "target_text",
        "location",
        "mentions",
        "documents",
        "outlets",
        // Added in v1 after the columns above, so readers by position keep working.
        "claimants",
        "date_vague",
        "duration",
    ])?;
    let s = |o: Option<String>| o.unwrap_or_default();
    for e in events {
        w.write_record([
            e.id.clone(),
            e.code.to_string(),
            e.root.clone(),
            e.label.clone(),
            s(e.plover.clone()),
            e.modality.as_str().to_string(),
            s(e.date.clone()),
            s(e.date_end.clone()),
            e.date_precision.as_str().to_string(),
            s(e.source.country.as_ref().map(|c| c.to_string())),
            s(e.source.code.as_ref().map(|c| c.to_string())),
            s(e.source.text.as_deref().map(str::to_string)),
            s(e.target.country.as_ref().map(|c| c.to_string())),
            s(e.target.code.as_ref().map(|c| c.to_string())),
            s(e.target.text.as_deref().map(str::to_string)),
            s(e.location.as_ref().map(|l| l.name.to_string())),
            e.mentions.len().to_string(),
            e.documents.join("|"),
            e.outlets.join("|"),
            e.claimants
                .iter()
                .map(Claimant::label)
                .collect::<Vec<_>>()
                .join("|"),
            s(e.date_vague.map(|v| v.as_str().to_string())),
            s(e.duration.clone()),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// One event with its evidence; the trigger is marked [[like this]] in each sentence.
/// `duplicates` are the near-duplicate links of its documents (each pair shown once).
pub fn show_text(out: &mut impl Write, e: &Event, duplicates: &[Duplicate]) -> Result {
    writeln!(out, "event {}", e.id)?;
    writeln!(
        out,
        "  code      {} {} (root {}, PLOVER {})",
        e.code,
        e.label,
        e.root,
        e.plover.as_deref().unwrap_or("-")
    )?;
    writeln!(out, "  modality  {}", e.modality.as_str())?;
    writeln!(
        out,
        "  date      {} (precision {}, basis {})",
        date(e),
        e.date_precision.as_str(),
        e.date_basis.map_or("-", |b| b.as_str())
    )?;
    if let Some(v) = e.date_vague {
        // The date is the publication date standing in for "recently", "now" or "soon".
        let bound = match v {
            Vague::Past => "on or before the date",
            Vague::Present => "around the date",
            Vague::Future => "on or after the date",
        };
        writeln!(out, "  vague     {} ({bound})", v.as_str())?;
    }
    if let Some(d) = &e.duration {
        writeln!(out, "  duration  {d}")?;
    }
    writeln!(out, "  source    {}", describe(&e.source))?;
    writeln!(out, "  target    {}", describe(&e.target))?;
    if let Some(l) = &e.location {
        let c = l
            .country
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default();
        writeln!(out, "  location  {} {c}", l.name)?;
    }
    writeln!(
        out,
        "  sources   {} mentions in {} documents from {} outlets: {}",
        e.mentions.len(),
        e.documents.len(),
        e.outlets.len(),
        e.outlets.join(", ")
    )?;
    for c in &e.claimants {
        // Who said so, when the outlets report someone's words rather than their own account.
        writeln!(
            out,
            "  claimant  {}{} ({} of {} mentions)",
            c.label(),
            c.title
                .as_ref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default(),
            c.mentions,
            e.mentions.len()
        )?;
    }
    if !e.related.is_empty() {
        // For an actual visit: the plans it fulfilled, each its own event.
        writeln!(out, "  related   {}", e.related.join(", "))?;
    }
    let mut pairs: Vec<(&str, &str, f64)> = duplicates
        .iter()
        .map(|d| {
            let (a, b) = if d.document <= d.other {
                (d.document.as_str(), d.other.as_str())
            } else {
                (d.other.as_str(), d.document.as_str())
            };
            (a, b, d.similarity)
        })
        .collect();
    pairs.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    pairs.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
    for (a, b, similarity) in pairs {
        // Each copy still counts as a source; this says which sources tell one story.
        writeln!(out, "  duplicate {a} ≈ {b} (similarity {similarity:.2})")?;
    }
    for (i, m) in e.mentions.iter().enumerate() {
        let t = e.trigger_in_sentence(i);
        let marked = if m.text.is_char_boundary(t.start)
            && m.text.is_char_boundary(t.end)
            && t.end <= m.text.len()
        {
            format!(
                "{}[[{}]]{}",
                &m.text[..t.start],
                &m.text[t.start..t.end],
                &m.text[t.end..]
            )
        } else {
            m.text.to_string()
        };
        writeln!(out)?;
        writeln!(
            out,
            "  [{}] {} — {} ({}, {})",
            i + 1,
            m.document,
            m.title.as_deref().unwrap_or("untitled"),
            m.outlet.as_deref().unwrap_or("unknown outlet"),
            m.published
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into())
        )?;
        writeln!(
            out,
            "      sentence {} (bytes {}..{}): {}",
            m.sentence, m.start, m.end, marked
        )?;
        writeln!(
            out,
            "      rule {} ({}), {} {}, confidence {:.2}",
            m.rule,
            m.coder,
            m.code,
            m.modality.as_str(),
            m.confidence
        )?;
        if let Some(c) = &m.claimant {
            writeln!(out, "      claimed by {}", describe(c))?;
        }
    }
    Ok(())
}

fn describe(a: &Actor) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &a.code {
        parts.push(c.to_string());
    }
    if let Some(n) = &a.name {
        parts.push(n.to_string());
    }
    if let Some(t) = &a.title {
        parts.push(format!("({t})"));
    }
    if let Some(t) = &a.text {
        parts.push(format!("— \"{t}\""));
    }
    parts.join(" ")
}

/// One cleaned document, as JSON (one line) or as plain text.
pub fn document(out: &mut impl Write, d: &Document, plain: bool) -> Result {
    if plain {
        writeln!(out, "=== {} ({})", d.id, d.origin)?;
        writeln!(out, "title:     {}", d.title.as_deref().unwrap_or("-"))?;
        writeln!(
            out,
            "published: {}",
            d.published
                .map(|p| p.to_string())
                .unwrap_or_else(|| "unknown".into())
        )?;
        writeln!(
            out,
            "dateline:  {}",
            d.dateline
                .as_ref()
                .map(|x| x.span.slice(&d.text))
                .unwrap_or("-")
        )?;
        writeln!(out, "source:    {}", d.source.as_deref().unwrap_or("-"))?;
        writeln!(out, "byline:    {}", d.byline.as_deref().unwrap_or("-"))?;
        writeln!(out, "sentences: {}", d.sentences.len())?;
        writeln!(out)?;
        writeln!(out, "{}", d.text)?;
        writeln!(out)?;
    } else {
        let v = serde_json::json!({
            "id": d.id,
            "origin": d.origin,
            "url": d.url,
            "title": d.title,
            "published": d.published,
            "published_from": d.published_from,
            "dateline": d.dateline.as_ref().map(|x| x.span.slice(&d.text)),
            "byline": d.byline,
            "source": d.source,
            "sentences": d.sentences.iter().map(|s| [s.span.start, s.span.end]).collect::<Vec<_>>(),
            "warnings": d.warnings,
            "text": d.text,
        });
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The demo's summary and timeline of visits.
pub fn demo(out: &mut impl Write, stats: &Stats, visits: &[Event], db: &Path) -> Result {
    writeln!(
        out,
        "attache demo: {} documents, {} event mentions, {} events stored in {}",
        stats.documents,
        stats.reports,
        stats.events,
        db.display()
    )?;
    let actual = visits
        .iter()
        .filter(|e| e.modality == attache_model::Modality::Actual)
        .count();
    writeln!(
        out,
        "{} visit events ({} actual, {} planned, possible or denied)",
        visits.len(),
        actual,
        visits.len() - actual
    )?;
    writeln!(out)?;
    writeln!(out, "Timeline of visits")?;
    let mut year = String::new();
    for e in visits {
        let y = e
            .date
            .as_deref()
            .map(|d| d[..4].to_string())
            .unwrap_or_else(|| "undated".into());
        if y != year {
            writeln!(out, "{y}")?;
            year = y;
        }
        let who = e
            .source
            .name
            .as_deref()
            .or(e.source.text.as_deref())
            .unwrap_or("?");
        let arrow = if e.code.as_str() == "043" {
            "hosts"
        } else {
            "->"
        };
        writeln!(
            out,
            "  {:<23} {} {arrow} {}  {:<8}  {}  [{} report{}: {}]  id {}",
            date(e),
            e.source.country.as_ref().map(|c| c.as_str()).unwrap_or("?"),
            e.target.country.as_ref().map(|c| c.as_str()).unwrap_or("?"),
            e.modality.as_str(),
            short(who, 40),
            e.documents.len(),
            if e.documents.len() == 1 { "" } else { "s" },
            if e.outlets.is_empty() {
                "-".to_string()
            } else {
                e.outlets.join(", ")
            },
            e.id
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Next: attache events --db {} --code 04   |   attache show --db {} ID",
        db.display(),
        db.display()
    )?;
    Ok(())
}

/// `attache eval plover`: one row per type, then the total. `type` is the accuracy over the
/// gold sentences of the type (its recall); `said` the sentences the coder gave the type, and
/// P, R, F1 the event precision (right / said), recall (right / gold) and F1, which overall are
/// right / coded, right / all and their harmonic mean, the figures PETRARCH2's evaluations
/// report. Source and target accuracies are over the sentences whose gold names one.
pub fn eval_scores(out: &mut impl Write, scores: &attache::eval::Scores, misses: bool) -> Result {
    let ratio = |ok: usize, n: usize| {
        if n == 0 {
            "-".to_string()
        } else {
            format!("{:.3}", ok as f64 / n as f64)
        }
    };
    let figure = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |x| format!("{x:.3}"));
    writeln!(
        out,
        "{:<12} {:>9} {:>6} {:>6} {:>5} {:>6} {:>6} {:>6} {:>10} {:>10}",
        "type", "sentences", "coded", "type", "said", "P", "R", "F1", "source", "target"
    )?;
    let rows = scores
        .by_type
        .iter()
        .map(|(t, s)| (t.as_str(), s))
        .chain(std::iter::once(("all", &scores.all)));
    for (name, t) in rows {
        writeln!(
            out,
            "{:<12} {:>9} {:>6} {:>6} {:>5} {:>6} {:>6} {:>6} {:>10} {:>10}",
            name,
            t.sentences,
            t.coded,
            ratio(t.type_ok, t.sentences),
            t.predicted,
            figure(t.precision()),
            figure(t.recall()),
            figure(t.f1()),
            format!("{} ({})", ratio(t.source_ok, t.with_source), t.with_source),
            format!("{} ({})", ratio(t.target_ok, t.with_target), t.with_target),
        )?;
    }
    let all = &scores.all;
    writeln!(
        out,
        "events: precision {} ({}/{} coded), recall {} ({}/{} sentences), F1 {}",
        figure(all.precision()),
        all.type_ok,
        all.predicted,
        figure(all.recall()),
        all.type_ok,
        all.sentences,
        figure(all.f1()),
    )?;
    let a = &scores.actors;
    writeln!(
        out,
        "gold actors found as actors in their sentence (country part): source {} ({}/{}), target {} ({}/{})",
        ratio(a.sources_found, a.sources),
        a.sources_found,
        a.sources,
        ratio(a.targets_found, a.targets),
        a.targets_found,
        a.targets,
    )?;
    if misses {
        writeln!(out)?;
        for (g, p) in &scores.misses {
            writeln!(
                out,
                "{}\tgold {} {}->{}\tgot {} {}->{}\t{}",
                g.id,
                g.event,
                g.sources.join("+"),
                g.targets.join("+"),
                p.event.as_deref().unwrap_or("-"),
                p.source.as_deref().unwrap_or(""),
                p.target.as_deref().unwrap_or(""),
                g.text
            )?;
        }
    }
    Ok(())
}
