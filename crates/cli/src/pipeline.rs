//! The per-document pipeline: `Article -> Document -> mentions -> event mentions -> reports`.
//!
//! This is the only file that knows the order of the stages. Each stage is a pure function of
//! the earlier outputs; merging (the only stateful stage) happens downstream, in the store or
//! in [`attache_merge::Merger`].

use attache_entities::{Recognizer, RecognizerOptions};
use attache_events::{codebook::Codebook, Coder, Cues};
use attache_model::{Article, Document, EventMention, Report};
use attache_text::Cleaner;
use attache_time::TimeTagger;
use std::path::PathBuf;

/// A stage failed for one document.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Text(#[from] attache_text::TextError),
}

/// What the pipeline made of one article.
#[derive(Debug, Clone)]
pub struct Processed {
    pub document: Document,
    pub events: Vec<EventMention>,
    pub reports: Vec<Report>,
}

/// What to build a [`Pipeline`] with besides the compiled-in knowledge.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// User dictionaries and gazetteer replacements for the actor stage (`--actors`,
    /// `--agents`, `--people`).
    pub entities: RecognizerOptions,
    /// Replaces `data/cues.tsv`, the coders' cue words (`--cues`).
    pub cues: Option<PathBuf>,
}

/// All stages, built once and shared by reference across threads.
pub struct Pipeline {
    cleaner: Cleaner,
    recognizer: Recognizer,
    tagger: TimeTagger,
    coder: Coder,
    codebook: Codebook,
}

impl Pipeline {
    /// The pipeline with the compiled-in knowledge (data/).
    pub fn new() -> anyhow::Result<Pipeline> {
        Pipeline::with_options(&PipelineOptions::default())
    }

    /// The pipeline with the compiled-in knowledge and the user files of `options`, each read
    /// once here. Errors name the file and line.
    pub fn with_options(options: &PipelineOptions) -> anyhow::Result<Pipeline> {
        Ok(Pipeline {
            cleaner: Cleaner::new(),
            recognizer: Recognizer::with_options(&options.entities)?,
            tagger: TimeTagger::new(),
            coder: match &options.cues {
                Some(path) => Coder::new().with_cues(Cues::from_file(path)?),
                None => Coder::new(),
            },
            codebook: Codebook::builtin(),
        })
    }

    /// The actor stage, for what its dictionaries loaded.
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// The CAMEO codebook, for folding reports into events.
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// The cleaning stage alone (`attache text`).
    pub fn clean(&self, article: &Article) -> Result<Document, PipelineError> {
        Ok(self.cleaner.process(article)?)
    }

    /// Run every per-document stage on one article.
    pub fn process(&self, article: &Article) -> Result<Processed, PipelineError> {
        let document = self.cleaner.process(article)?;
        let mentions = self.recognizer.find(&document);
        let (times, durations) = self.tagger.find_all(&document);
        let events = self.coder.code(
            &document,
            &mentions.actors,
            &mentions.places,
            &times,
            &durations,
        );
        let mut reporter = attache_merge::Reporter::new(&document);
        let reports = events.iter().map(|e| reporter.report(e)).collect();
        Ok(Processed {
            document,
            events,
            reports,
        })
    }
}
