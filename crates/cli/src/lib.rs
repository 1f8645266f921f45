//! The `attache` binary's library: the pipeline (the only place that knows stage order) and the
//! batch driver that streams inputs through it on all cores.
//!
//! ```
//! use attache::pipeline::Pipeline;
//! use attache_model::Article;
//! let pipeline = Pipeline::new().unwrap();
//! let article = Article::from_text("t1", "SEOUL, Jan. 29, 2016 (Yonhap) -- North Korean Vice Foreign \
//!     Minister Pak Chol-jun left Pyongyang for Moscow on Thursday.");
//! let out = pipeline.process(&article).unwrap();
//! assert_eq!(out.reports[0].target.country.as_ref().unwrap().as_str(), "RUS");
//! ```

pub mod config;
pub mod driver;
pub mod eval;
pub mod eval_merge;
pub mod pipeline;

/// The bundled sample corpus, compiled in for `attache demo`.
pub mod samples {
    include!(concat!(env!("OUT_DIR"), "/samples.rs"));
}
