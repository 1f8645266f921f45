//! `attache`: news articles in, coded and merged events out.
//!
//! Exit codes: 0 everything went fine; 1 some inputs or documents failed (each was reported
//! on stderr, the rest was processed and stored); 2 usage error or fatal error.

mod output;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use attache::config::Config;
use attache::driver::{self, Failure, Progress, Summary};
use attache::pipeline::{Pipeline, PipelineOptions};
use attache_ingest::Input;
use attache_merge::duplicates::Signature;
use attache_merge::{MergeConfig, Merger};
use attache_model::Modality;
use attache_serve::ChartFonts;
use attache_store::{Browse, DocumentSignature, EventQuery, Granularity, Store};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

const AFTER_HELP: &str = "\
Exit codes: 0 ok, 1 some inputs failed (reported on stderr; the rest was processed),
2 usage or fatal error.

Examples:
  attache demo                                  ingest the bundled samples, show the visits
  attache ingest --db news.db crawl/            ingest a folder (txt, html, jsonl, .gz)
  attache events --db news.db --actor PRK --code 04
  attache extract article.txt | jq .            events as JSONL, no database
  attache text page.html                        what the cleaner kept
  attache serve --db news.db                    browse at http://127.0.0.1:8080/
  attache plot --db news.db --actor PRK --code 04 --out prk-visits.svg   (or .png)
  attache eval plover --gold PLOVER_GSR_CAMEO.txt  score the coder on PLOVER's gold records";

#[derive(Parser)]
#[command(name = "attache", version, about = "Turn crawled news into coded, merged event data.", after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, run the pipeline, store documents, event mentions and merged events.
    #[command(
        after_help = "Examples:\n  attache ingest crawl/\n  attache ingest --db news.db a.txt b.html c.jsonl.gz\n  cat articles.jsonl | attache ingest -\n  attache ingest --actors Phoenix.Countries.actors.txt --people people.tsv crawl/\n\nRe-ingesting an article with a stored id or content changes nothing."
    )]
    Ingest {
        /// SQLite database file (created if missing; a file that is not attache's is refused).
        #[arg(long, default_value = "attache.db")]
        db: PathBuf,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        dictionaries: Dictionaries,
        #[command(flatten)]
        merge: MergeArgs,
        /// Files or folders (walked recursively, sorted), or - for JSONL on stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Run the pipeline with no database and print the merged events.
    #[command(
        after_help = "Examples:\n  attache extract crawl/ > events.jsonl\n  attache extract --format table article.txt\n  attache extract --people people.tsv --agents Phoenix.agents.txt crawl/"
    )]
    Extract {
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        dictionaries: Dictionaries,
        #[command(flatten)]
        merge: MergeArgs,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Query the stored events.
    #[command(
        after_help = "Examples:\n  attache events --actor PRK --code 04\n  attache events --source PRK --target RUS --since 2024-01-01 --format csv\n  attache events --modality planned --limit 10\n  attache events --claimant Zakharova --format csv"
    )]
    Events {
        #[arg(long, default_value = "attache.db")]
        db: PathBuf,
        #[command(flatten)]
        filters: FilterArgs,
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long, value_enum, default_value = "table")]
        format: EventsFormat,
    },
    /// One event with all its evidence.
    #[command(after_help = "Example:\n  attache show 3f2a9c0d1e4b5a67")]
    Show {
        #[arg(long, default_value = "attache.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ShowFormat,
        event_id: String,
    },
    /// Show what the cleaning stage made of each input.
    #[command(
        after_help = "Examples:\n  attache text page.html\n  attache text --format plain crawl/a.txt"
    )]
    Text {
        #[arg(long, value_enum, default_value = "jsonl")]
        format: TextFormat,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Serve the JSON API (/api/v1/) and a web page to browse the stored events.
    #[command(
        after_help = "Examples:\n  attache serve --db news.db\n  attache serve --db news.db --addr 127.0.0.1:9000\n\nBinds to loopback unless --addr says otherwise. `attache ingest` may write to the\nsame database meanwhile; each request sees what it has committed. Ctrl-C stops."
    )]
    Serve {
        #[arg(long, default_value = "attache.db")]
        db: PathBuf,
        /// Address to listen on; port 0 picks a free port (printed on stderr).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Draw the timeline of the matching events as an SVG or PNG chart (the page's chart).
    #[command(
        after_help = "Examples:\n  attache plot --actor PRK --code 04 --out prk-visits.svg\n  attache plot --source PRK --target RUS --by year --out prk-rus.png\n  attache plot --actor PRK --out prk.png --scale 1 --font-dir ~/.fonts\n\nA PNG is the SVG rasterised; its text is drawn with the system's fonts (on Debian,\n`sudo apt-get install fonts-dejavu-core`). Without a usable font no PNG is written\n(exit 2); SVG needs no fonts."
    )]
    Plot {
        #[arg(long, default_value = "attache.db")]
        db: PathBuf,
        #[command(flatten)]
        filters: FilterArgs,
        /// Period of one bar.
        #[arg(long, value_enum, default_value = "month")]
        by: PlotBy,
        /// Output file: *.svg or *.png.
        #[arg(long)]
        out: PathBuf,
        /// PNG only: pixels per SVG unit; the chart is 900x320 units, so 2 gives 1800x640
        /// pixels, crisp on high-density screens [default: 2; 0.25 to 8].
        #[arg(long)]
        scale: Option<f32>,
        /// PNG only: draw text with the fonts in this folder (.ttf, .otf, .ttc, searched
        /// recursively) instead of the system's.
        #[arg(long, value_name = "DIR")]
        font_dir: Option<PathBuf>,
    },
    /// Ingest the bundled sample corpus and print a summary and a timeline of the visits.
    #[command(after_help = "Example:\n  attache demo --db demo.db")]
    Demo {
        #[arg(long, default_value = "attache.db")]
        db: PathBuf,
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Score a stage against annotated reference data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Time expressions against TIMEX3-annotated news (MEANTIME's XML format): precision,
    /// recall (span overlap) and value accuracy of DATE expressions, and speed.
    #[command(
        after_help = "Example:\n  attache eval time --meantime ../shared/reference/dev-gold/meantime/intra-doc_annotation\n\nEvery .xml file under DIR is read; --verbose lists the errors grouped by form."
    )]
    Time {
        /// Folder of MEANTIME XML files (walked recursively).
        #[arg(long, value_name = "DIR")]
        meantime: PathBuf,
        /// List every error, grouped by kind and form.
        #[arg(long)]
        verbose: bool,
    },

    /// Pairwise precision and recall of merged events against MEANTIME's cross-document
    /// event instances, over the gold mentions our reports' triggers overlap.
    #[command(
        after_help = "Example:\n  attache eval merge --meantime /work/shared/reference/dev-gold/meantime/intra_cross-doc_annotation\n\nEvery .xml file under DIR is rebuilt from its tokens, run through the pipeline and merged as `extract` does; pairs of aligned mentions from different documents are scored."
    )]
    Merge {
        /// Folder of MEANTIME XML files with cross-document annotation (walked recursively).
        #[arg(long, value_name = "DIR")]
        meantime: PathBuf,
        /// Also list each aligned mention: document, its words, gold instance, our event id.
        #[arg(long)]
        verbose: bool,
    },

    /// Accuracy of the PLOVER event type and of source and target countries, per type, on
    /// PLOVER's gold standard records (a JSON array of sentences).
    #[command(
        after_help = "Example:\n  attache eval plover --gold PLOVER_GSR_CAMEO.txt\n\nEach sentence is coded alone; the first event (by trigger) with a PLOVER type is the prediction."
    )]
    Plover {
        /// The gold file, e.g. PLOVER_GSR_CAMEO.txt.
        #[arg(long)]
        gold: PathBuf,
        /// Also list each sentence with a wrong type, source or target: id, gold, prediction, text.
        #[arg(long)]
        misses: bool,
        /// Replaces data/cameo_countries.tsv: the CAMEO country codes that are not ISO codes
        /// (JAP -> JPN), read as the gold actors' countries.
        #[arg(long, value_name = "FILE")]
        cameo_countries: Option<PathBuf>,
    },
}

/// User dictionaries for the actor stage (docs/DICTIONARIES.md).
#[derive(Args)]
struct Dictionaries {
    /// PETRARCH/Phoenix actor dictionary (names, synonyms, dated codes); repeatable, the
    /// first file listing a name wins.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// PETRARCH/Phoenix agent dictionary (nouns such as "lumberman" -> LAB); repeatable.
    #[arg(long = "agents", value_name = "FILE")]
    agents: Vec<PathBuf>,
    /// People file with dated roles (TSV: name, variants, country, code, from, to, title);
    /// repeatable; wins over --actors.
    #[arg(long = "people", value_name = "FILE")]
    people: Vec<PathBuf>,
    /// Configuration file (TOML, `[dictionaries]` with `actors`, `agents`, `people` lists of
    /// paths relative to it). Default: ./attache.toml if it exists. Its files come after
    /// those given by flags.
    #[arg(long = "config", value_name = "FILE")]
    config: Option<PathBuf>,
    /// The coders' cue words (clause boundaries, speech verbs, negation, possibility and plan
    /// cues) replacing the built-in data/cues.tsv; a file of the same form.
    #[arg(long = "cues", value_name = "FILE")]
    cues: Option<PathBuf>,
}

/// The merge's settings file.
#[derive(Args)]
struct MergeArgs {
    /// Merge settings (date windows, near-duplicate threshold, official agent codes) replacing
    /// the built-in data/merge.tsv; a file of the same form.
    #[arg(long = "merge-config", value_name = "FILE")]
    merge_config: Option<PathBuf>,
}

impl MergeArgs {
    fn config(&self) -> anyhow::Result<MergeConfig> {
        Ok(match &self.merge_config {
            Some(path) => MergeConfig::read(path)?,
            None => MergeConfig::builtin(),
        })
    }
}

impl Dictionaries {
    /// The pipeline options: the flags' files, then the configuration file's.
    fn options(&self) -> anyhow::Result<PipelineOptions> {
        let mut options = PipelineOptions::default();
        options.entities.actors = self.actors.clone();
        options.entities.agents = self.agents.clone();
        options.entities.people = self.people.clone();
        options.cues = self.cues.clone();
        if let Some((path, config)) = Config::find(self.config.as_deref())? {
            eprintln!("config: {}", path.display());
            let d = config.dictionaries;
            options.entities.actors.extend(d.actors);
            options.entities.agents.extend(d.agents);
            options.entities.people.extend(d.people);
        }
        Ok(options)
    }
}

/// Build the pipeline; with user dictionaries, say on stderr what they loaded, how long it
/// took, and which lines were skipped.
fn build_pipeline(dictionaries: &Dictionaries) -> anyhow::Result<Pipeline> {
    let started = std::time::Instant::now();
    let options = dictionaries.options()?;
    let pipeline = Pipeline::with_options(&options)?;
    let e = &options.entities;
    if !(e.actors.is_empty() && e.agents.is_empty() && e.people.is_empty()) {
        let r = pipeline.recognizer();
        let s = r.dictionary_stats();
        const SHOWN: usize = 10;
        for p in r.dictionary_problems().iter().take(SHOWN) {
            eprintln!("warning: skipped {p}");
        }
        if s.problems > SHOWN {
            eprintln!(
                "warning: skipped {} more dictionary lines",
                s.problems - SHOWN
            );
        }
        let mut line = format!(
            "dictionaries: {} actors ({} names, {} codes), {} agents",
            s.actors, s.names, s.roles, s.agents
        );
        if s.agents_before_country > 0 {
            line.push_str(&format!(
                " ({} with the code before the country's)",
                s.agents_before_country
            ));
        }
        if s.agents_skipped > 0 {
            line.push_str(&format!(
                " ({} skipped: ending in a preposition)",
                s.agents_skipped
            ));
        }
        if s.problems > 0 {
            line.push_str(&format!(", {} lines skipped", s.problems));
        }
        eprintln!("{line}; loaded in {:.2}s", started.elapsed().as_secs_f64());
    }
    Ok(pipeline)
}

/// The event filters of `attache plot` (those of `attache events`).
#[derive(clap::Args)]
struct FilterArgs {
    /// Country (ISO 3166 alpha-3) on either side.
    #[arg(long)]
    actor: Option<String>,
    /// Country of the source (who did it).
    #[arg(long)]
    source: Option<String>,
    /// Country of the target (to whom).
    #[arg(long)]
    target: Option<String>,
    /// CAMEO code prefix: 04 matches every code starting 04.
    #[arg(long)]
    code: Option<String>,
    /// actual, planned, possible or negated.
    #[arg(long)]
    modality: Option<String>,
    /// Events on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Events on or before this date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Two countries, either one the source: PRK-RUS matches PRK->RUS and RUS->PRK.
    #[arg(long)]
    dyad: Option<String>,
    /// Words one of the event's sentences contains, all of them ("visit*" is a prefix).
    #[arg(long)]
    text: Option<String>,
    /// Events a speaker claims in reported speech: its actor code or country (RUSGOV, RUS),
    /// its name or surname ("Zakharova"), or its words ("state media").
    #[arg(long, value_name = "CODE_OR_NAME")]
    claimant: Option<String>,
}

impl FilterArgs {
    fn query(self) -> anyhow::Result<EventQuery> {
        Ok(EventQuery {
            actor: self.actor.map(|c| country_arg("--actor", &c)).transpose()?,
            source: self
                .source
                .map(|c| country_arg("--source", &c))
                .transpose()?,
            target: self
                .target
                .map(|c| country_arg("--target", &c))
                .transpose()?,
            code_prefix: self.code.map(|c| code_arg(&c)).transpose()?,
            modality: self.modality.map(|m| modality_arg(&m)).transpose()?,
            since: self.since.map(|d| date_arg("--since", &d)).transpose()?,
            until: self.until.map(|d| date_arg("--until", &d)).transpose()?,
            dyad: self.dyad.map(|d| dyad_arg(&d)).transpose()?,
            text: self.text.filter(|t| !t.trim().is_empty()),
            claimant: self.claimant,
            limit: None,
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PlotBy {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Jsonl,
    Json,
    Table,
}

#[derive(Clone, Copy, ValueEnum)]
enum EventsFormat {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ShowFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum TextFormat {
    Jsonl,
    Plain,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Ingest {
            db,
            threads,
            dictionaries,
            merge,
            paths,
        } => {
            set_threads(threads)?;
            let config = merge.config()?;
            let inputs = attache_ingest::walk(&paths)?;
            let pipeline = build_pipeline(&dictionaries)?;
            let (summary, _) = ingest(&pipeline, &config, &db, &inputs)?;
            exit_code(&summary)
        }
        Command::Extract {
            format,
            threads,
            dictionaries,
            merge,
            paths,
        } => {
            set_threads(threads)?;
            let config = merge.config()?;
            let threshold = config.duplicate_threshold;
            let inputs = attache_ingest::walk(&paths)?;
            let pipeline = build_pipeline(&dictionaries)?;
            let names = |n: &str| pipeline.recognizer().name_key(n);
            let mut merger =
                Merger::with_config(pipeline.codebook().clone(), config).with_names(&names);
            let mut duplicates = attache_merge::duplicates::Index::new();
            let mut progress = Reporter::new(inputs.len());
            let summary = driver::run(&pipeline, &inputs, &mut progress, |batch| {
                for p in batch {
                    duplicates.add(&p.document.id, &p.document.text);
                    merger.add(p.reports);
                }
                Ok(())
            })?;
            let events = merger.events();
            let pairs = duplicates.pairs(threshold);
            progress.finish(&summary, None, events.len());
            if !pairs.is_empty() {
                eprintln!(
                    "{} near-duplicate document pairs (each document still a source of its events)",
                    pairs.len()
                );
            }
            match format {
                ExtractFormat::Jsonl => output::events_jsonl(&mut out, &events)?,
                ExtractFormat::Json => output::events_json(&mut out, &events)?,
                ExtractFormat::Table => {
                    output::events_table(&mut out, &events)?;
                    output::near_duplicates(&mut out, &pairs)?;
                }
            }
            exit_code(&summary)
        }
        Command::Events {
            db,
            filters,
            limit,
            format,
        } => {
            let store = open_existing(&db)?;
            let query = EventQuery {
                limit,
                ..filters.query()?
            };
            let events = store.events(&query)?;
            match format {
                EventsFormat::Table => output::events_table(&mut out, &events)?,
                EventsFormat::Json => output::events_json(&mut out, &events)?,
                EventsFormat::Jsonl => output::events_jsonl(&mut out, &events)?,
                EventsFormat::Csv => output::events_csv(&mut out, &events)?,
            }
            ExitCode::SUCCESS
        }
        Command::Show {
            db,
            format,
            event_id,
        } => {
            let store = open_existing(&db)?;
            let Some(event) = store.event(&event_id)? else {
                bail!("no event with id {event_id:?} in {}", db.display());
            };
            match format {
                ShowFormat::Text => {
                    let mut duplicates = Vec::new();
                    for d in &event.documents {
                        duplicates.extend(store.duplicates(d)?);
                    }
                    output::show_text(&mut out, &event, &duplicates)?
                }
                ShowFormat::Json => output::events_json(&mut out, std::slice::from_ref(&event))?,
            }
            ExitCode::SUCCESS
        }
        Command::Text { format, paths } => {
            let inputs = attache_ingest::walk(&paths)?;
            let pipeline = Pipeline::new()?;
            let mut failed = 0usize;
            for input in &inputs {
                for item in attache_ingest::read(input) {
                    let result = item.map_err(|e| (e.origin(), e.reason())).and_then(|a| {
                        pipeline
                            .clean(&a)
                            .map_err(|e| (a.origin.clone(), e.to_string()))
                    });
                    match result {
                        Ok(doc) => {
                            output::document(&mut out, &doc, matches!(format, TextFormat::Plain))?
                        }
                        Err((origin, reason)) => {
                            failed += 1;
                            eprintln!("{origin}: {reason}");
                        }
                    }
                }
            }
            if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Serve { db, addr } => {
            // Open read-write once so an older store is migrated, then serve through
            // read-only connections that never wait for a running `attache ingest`.
            drop(open_existing(&db)?);
            let store =
                Store::open_read_only(&db).with_context(|| format!("opening {}", db.display()))?;
            let listener = std::net::TcpListener::bind(&addr)
                .with_context(|| format!("listening on {addr}"))?;
            // Port 0 picks a free port: say which, so scripts and tests can find it.
            let bound = listener.local_addr()?;
            eprintln!(
                "serving {} on http://{bound}/ (API under /api/v1/; Ctrl-C stops)",
                db.display()
            );
            if !bound.ip().is_loopback() {
                eprintln!("warning: {bound} is reachable from other machines; the API has no authentication");
            }
            attache_serve::serve(listener, store)?;
            ExitCode::SUCCESS
        }
        Command::Plot {
            db,
            filters,
            by,
            out: path,
            scale,
            font_dir,
        } => {
            let extension = path.extension().and_then(|e| e.to_str());
            // Fonts load before anything is read or written: without them, no PNG at all.
            let png = match extension.map(str::to_ascii_lowercase).as_deref() {
                Some("svg") => {
                    if scale.is_some() || font_dir.is_some() {
                        bail!("--scale and --font-dir are for PNG charts; SVG is drawn as is");
                    }
                    None
                }
                Some("png") => {
                    let fonts = match &font_dir {
                        Some(dir) => ChartFonts::from_dir(dir)?,
                        None => ChartFonts::system()?,
                    };
                    Some((fonts, scale.unwrap_or(attache_serve::DEFAULT_SCALE)))
                }
                _ => bail!(
                    "--out {}: charts are drawn as SVG or PNG; name the file *.svg or *.png",
                    path.display()
                ),
            };
            let store = open_existing(&db)?;
            let query = Browse::from(filters.query()?);
            let granularity = match by {
                PlotBy::Day => Granularity::Day,
                PlotBy::Week => Granularity::Week,
                PlotBy::Month => Granularity::Month,
                PlotBy::Year => Granularity::Year,
            };
            let counts = store.timeline(&query, granularity)?;
            let dated: u64 = counts.iter().map(|c| c.events).sum();
            let undated = store.count_events(&query)?.saturating_sub(dated);
            let timeline = attache_serve::build_timeline(counts, granularity, undated);
            let title = attache_serve::chart_title(&query, &timeline.by);
            let svg = attache_serve::timeline_svg(&timeline, &title)?;
            let bytes = match png {
                Some((fonts, scale)) => attache_serve::timeline_png(&svg, &fonts, scale)?,
                None => svg.into_bytes(),
            };
            std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "{}: {dated} events in {} periods ({} undated, not drawn)",
                path.display(),
                timeline.periods.len(),
                undated
            );
            ExitCode::SUCCESS
        }
        Command::Eval(EvalCommand::Plover {
            gold,
            misses,
            cameo_countries,
        }) => {
            let countries = match &cameo_countries {
                Some(path) => attache::eval::CameoCountries::from_tsv(
                    &std::fs::read_to_string(path)
                        .with_context(|| format!("cannot read {}", path.display()))?,
                    &path.display().to_string(),
                )?,
                None => attache::eval::CameoCountries::builtin(),
            };
            let text = std::fs::read_to_string(&gold)
                .with_context(|| format!("cannot read {}", gold.display()))?;
            let records =
                attache::eval::parse_gold(&text, &gold.display().to_string(), &countries)?;
            let pipeline = Pipeline::new()?;
            let scores = attache::eval::score_pipeline(&pipeline, &records);
            output::eval_scores(&mut out, &scores, misses)?;
            ExitCode::SUCCESS
        }
        Command::Demo { db, threads } => {
            set_threads(threads)?;
            // The bundled corpus, compiled in: the same reader as files, no temporary copies.
            let inputs: Vec<Input> = attache::samples::SAMPLES
                .iter()
                .map(|(name, bytes)| Input::Embedded {
                    name: Path::new("data/samples").join(name),
                    bytes,
                })
                .collect();
            let (summary, store) =
                ingest(&Pipeline::new()?, &MergeConfig::builtin(), &db, &inputs)?;
            // Visits only: 042 and 043 (the rest of 04, meetings and talks, are not trips).
            let visits: Vec<_> = store
                .events(&EventQuery {
                    code_prefix: Some("04".into()),
                    ..Default::default()
                })?
                .into_iter()
                .filter(|e| matches!(e.code.as_str(), "042" | "043"))
                .collect();
            output::demo(&mut out, &store.stats()?, &visits, &db)?;
            exit_code(&summary)
        }
        Command::Eval(EvalCommand::Merge { meantime, verbose }) => {
            let documents = attache::eval_merge::read_cross_documents(&meantime)?;
            if documents.is_empty() {
                bail!("{}: no .xml files", meantime.display());
            }
            let pipeline = Pipeline::new()?;
            let s = attache::eval_merge::score(&pipeline, &documents)?;
            let figure =
                |f: Option<f64>| f.map_or_else(|| "n/a (no pair)".into(), |f| format!("{f:.3}"));
            writeln!(
                out,
                "documents       {}\n\
                 gold mentions   {} with a cross-document instance, {} aligned with a report of ours\n\
                 pairs           {} gold-linked, {} merged, {} both (different documents only)\n\
                 within a doc    {} gold-linked, {} merged, {} both (not scored)\n\
                 precision       {}\n\
                 recall          {}",
                documents.len(),
                s.gold_mentions,
                s.aligned,
                s.linked,
                s.merged,
                s.both,
                s.within.0,
                s.within.1,
                s.within.2,
                figure(s.precision()),
                figure(s.recall())
            )?;
            if verbose {
                for a in &s.listing {
                    writeln!(
                        out,
                        "{}\t{:?}\t{}\t{}",
                        a.document, a.words, a.instance, a.event
                    )?;
                }
            }
            ExitCode::SUCCESS
        }
        Command::Eval(EvalCommand::Time { meantime, verbose }) => {
            let documents = attache_time::eval::read_meantime_dir(&meantime)?;
            if documents.is_empty() {
                bail!("{}: no .xml files", meantime.display());
            }
            let tagger = attache_time::TimeTagger::new();
            let clock = std::time::Instant::now();
            let score = attache_time::eval::score(&tagger, &documents);
            let secs = clock.elapsed().as_secs_f64().max(1e-9);
            write!(out, "{score}")?;
            writeln!(
                out,
                "speed           {:.2} MB/s on one core ({} bytes in {:.3}s)",
                score.bytes as f64 / secs / 1e6,
                score.bytes,
                secs
            )?;
            if verbose {
                write!(out, "\n{}", score.listing())?;
            }
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

/// Ingest inputs into the database, batch by batch (each batch one transaction).
fn ingest(
    pipeline: &Pipeline,
    config: &MergeConfig,
    db: &Path,
    inputs: &[Input],
) -> anyhow::Result<(Summary, Store)> {
    let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let codebook = pipeline.codebook().clone();
    let recognizer = pipeline.recognizer();
    let names = |n: &str| recognizer.name_key(n);
    let fold = move |key: &str, reports: &[attache_model::Report]| {
        attache_merge::merge_named(&codebook, key, reports, config, &names)
    };
    let mut progress = Reporter::new(inputs.len());
    let mut unchanged = 0usize;
    let summary = driver::run(pipeline, inputs, &mut progress, |batch| {
        let batch: Vec<_> = batch.into_iter().map(|p| (p.document, p.reports)).collect();
        let outcome = store.put_batch(&batch, &fold)?;
        unchanged += outcome.unchanged.len();
        // Every document of the batch is signed, not only the new ones: the store passes over
        // those it already signed, so a crash between the two transactions heals on re-run.
        let signatures: Vec<(&str, Signature, Vec<u64>)> = batch
            .iter()
            .filter_map(|(d, _)| Signature::of(&d.text).map(|s| (d.id.as_str(), s)))
            .map(|(id, s)| {
                let bands = s.bands();
                (id, s, bands)
            })
            .collect();
        let signed: Vec<DocumentSignature> = signatures
            .iter()
            .map(|(id, s, bands)| DocumentSignature {
                document: id,
                minhash: &s.minhash,
                bands,
            })
            .collect();
        store.link_near_duplicates(&signed, config.duplicate_threshold)?;
        Ok(())
    })?;
    progress.finish(&summary, Some(unchanged), store.stats()?.events as usize);
    Ok((summary, store))
}

fn open_existing(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        bail!(
            "{} does not exist: run `attache ingest --db {} PATH...` first",
            db.display(),
            db.display()
        );
    }
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

fn set_threads(threads: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = threads {
        if n == 0 {
            bail!("--threads must be at least 1");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()?;
    }
    Ok(())
}

fn exit_code(summary: &Summary) -> ExitCode {
    if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn country_arg(flag: &str, s: &str) -> anyhow::Result<String> {
    let upper = s.to_ascii_uppercase();
    attache_model::CountryCode::parse(&upper)
        .map(|c| c.to_string())
        .map_err(|_| {
            anyhow::anyhow!("{flag} takes an ISO 3166 alpha-3 country code such as PRK, got {s:?}")
        })
}

fn dyad_arg(s: &str) -> anyhow::Result<[String; 2]> {
    let (a, b) = s.split_once(['-', ',']).ok_or_else(|| {
        anyhow::anyhow!("--dyad takes two country codes such as PRK-RUS, got {s:?}")
    })?;
    Ok([
        country_arg("--dyad", a.trim())?,
        country_arg("--dyad", b.trim())?,
    ])
}

fn code_arg(s: &str) -> anyhow::Result<String> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        bail!("--code takes a CAMEO code or prefix of 1 to 4 digits such as 04 or 042, got {s:?}");
    }
    Ok(s.to_string())
}

fn modality_arg(s: &str) -> anyhow::Result<Modality> {
    Modality::parse(s).ok_or_else(|| {
        anyhow::anyhow!("--modality takes actual, planned, possible or negated, got {s:?}")
    })
}

fn date_arg(flag: &str, s: &str) -> anyhow::Result<jiff::civil::Date> {
    s.parse()
        .map_err(|_| anyhow::anyhow!("{flag} takes a date as YYYY-MM-DD, got {s:?}"))
}

/// Prints failures as they happen, a progress bar when stderr is a terminal, and the summary.
struct Reporter {
    bar: Option<ProgressBar>,
}

impl Reporter {
    fn new(inputs: usize) -> Reporter {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(inputs as u64);
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} inputs, {msg} [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Reporter { bar }
    }

    /// The closing summary: documents read, skipped (by reason), already stored, events,
    /// elapsed time and throughput.
    fn finish(&mut self, summary: &Summary, unchanged: Option<usize>, events: usize) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        let mut line = format!("{} documents read", summary.documents);
        if summary.failed.is_empty() {
            line.push_str(", 0 skipped");
        } else {
            line.push_str(&format!(
                ", {} skipped ({})",
                summary.failed.len(),
                summary.failures_by_kind()
            ));
        }
        if let Some(u) = unchanged {
            line.push_str(&format!(", {u} already stored"));
        }
        eprintln!(
            "{line}; {} event mentions, {events} events; {:.2}s, {:.0} articles/s",
            summary.event_mentions,
            summary.elapsed.as_secs_f64(),
            summary.articles_per_second()
        );
    }
}

impl Progress for Reporter {
    fn failed(&mut self, failure: &Failure) {
        let line = format!("skipped {}: {}", failure.origin, failure.reason);
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn warning(&mut self, origin: &str, message: &str) {
        let line = format!("warning: {origin}: {message}");
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn input_done(&mut self, documents: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(format!("{documents} documents"));
        }
    }
}
