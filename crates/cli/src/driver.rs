//! The batch driver: stream articles from the inputs, run the pipeline on a batch in parallel
//! (rayon's pool, sized by `--threads`), hand each batch to a sink (the store, or the in-memory
//! merger), and count what happened. Memory stays flat: only one batch of articles is held.

use std::time::{Duration, Instant};

use attache_ingest::Input;
use rayon::prelude::*;

use crate::pipeline::{Pipeline, Processed};

/// Articles per batch: large enough to keep all cores busy, small enough to stay flat in
/// memory and to commit often.
pub const BATCH_SIZE: usize = 256;

/// One input or document that could not be used.
#[derive(Debug, Clone)]
pub struct Failure {
    /// `path`, `path:line` or a document id.
    pub origin: String,
    /// A short name for the kind of problem ("empty", "bad JSON"), for the summary.
    pub kind: &'static str,
    pub reason: String,
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Articles read and run through the pipeline.
    pub documents: usize,
    /// Bytes of article bodies read.
    pub bytes: usize,
    /// Inputs or documents that failed, with the reason.
    pub failed: Vec<Failure>,
    /// Event mentions coded.
    pub event_mentions: usize,
    pub elapsed: Duration,
}

impl Summary {
    /// The failures counted by kind, most frequent first: "2 empty, 1 bad JSON".
    pub fn failures_by_kind(&self) -> String {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for f in &self.failed {
            match counts.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.kind, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        counts
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn articles_per_second(&self) -> f64 {
        self.documents as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Hooks the driver calls as it goes; the binary prints from them, tests collect.
pub trait Progress {
    /// An input or document failed; the run goes on.
    fn failed(&mut self, failure: &Failure);
    /// A document was read with a warning ("decoded from windows-1252").
    fn warning(&mut self, _origin: &str, _message: &str) {}
    /// One more input was finished.
    fn input_done(&mut self, _documents_so_far: usize) {}
}

/// Run the pipeline over every input, calling `sink` once per batch.
pub fn run<S, P>(
    pipeline: &Pipeline,
    inputs: &[Input],
    progress: &mut P,
    mut sink: S,
) -> anyhow::Result<Summary>
where
    S: FnMut(Vec<Processed>) -> anyhow::Result<()>,
    P: Progress,
{
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    for input in inputs {
        for item in attache_ingest::read(input) {
            match item {
                Ok(article) => batch.push(article),
                Err(e) => {
                    let failure = Failure {
                        origin: e.origin(),
                        kind: e.kind(),
                        reason: e.reason(),
                    };
                    progress.failed(&failure);
                    summary.failed.push(failure);
                }
            }
            if batch.len() == BATCH_SIZE {
                flush(pipeline, &mut batch, &mut summary, progress, &mut sink)?;
            }
        }
        progress.input_done(summary.documents + batch.len());
    }
    flush(pipeline, &mut batch, &mut summary, progress, &mut sink)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn flush<S, P>(
    pipeline: &Pipeline,
    batch: &mut Vec<attache_model::Article>,
    summary: &mut Summary,
    progress: &mut P,
    sink: &mut S,
) -> anyhow::Result<()>
where
    S: FnMut(Vec<Processed>) -> anyhow::Result<()>,
    P: Progress,
{
    if batch.is_empty() {
        return Ok(());
    }
    let results: Vec<_> = batch.par_iter().map(|a| (a, pipeline.process(a))).collect();
    let mut done = Vec::with_capacity(results.len());
    for (article, result) in results {
        match result {
            Ok(p) => {
                for w in &p.document.warnings {
                    progress.warning(&article.origin, w);
                }
                summary.documents += 1;
                summary.bytes += article.body.len();
                summary.event_mentions += p.events.len();
                done.push(p);
            }
            Err(e) => {
                let failure = Failure {
                    origin: article.origin.clone(),
                    kind: "nothing left after cleaning",
                    reason: e.to_string(),
                };
                progress.failed(&failure);
                summary.failed.push(failure);
            }
        }
    }
    batch.clear();
    sink(done)
}
