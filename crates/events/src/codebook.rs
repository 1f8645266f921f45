//! The CAMEO event codebook: what each event code means and how it scores.
//!
//! The coder decides *that* a sentence reports, say, CAMEO 042; the codebook says what 042 is
//! ("Make a visit"), which of the four quad classes it falls in, its Goldstein
//! conflict-cooperation score, and its PLOVER equivalent. The built-in codebook is
//! `data/cameo.tsv`, compiled in; [`Codebook::from_tsv`] and [`Codebook::from_file`] load a
//! user's own file in the same format, and every error names the file and line.
//!
//! ```
//! use attache_events::codebook::Codebook;
//! use attache_model::CameoCode;
//!
//! // "Lavrov arrived in Pyongyang on Friday." -- the coder emits 042 for the visitor.
//! let codebook = Codebook::builtin();
//! let visit = codebook.get(&CameoCode::parse("042").unwrap()).unwrap();
//! assert_eq!(visit.label, "Make a visit");
//! assert_eq!(visit.quad_class, 1); // verbal cooperation
//! assert_eq!(visit.plover_type.as_deref(), Some("CONSULT"));
//! assert_eq!(codebook.label(&CameoCode::parse("043").unwrap()), Some("Host a visit"));
//! ```
//!
//! # File format
//!
//! UTF-8, tab-separated, one code per line. Blank lines and lines starting with `#` are
//! skipped. The first other line is the header ([`HEADER`]): the seven column names `code`,
//! `label`, `root`, `quad_class`, `goldstein`, `plover_type`, `plover_mode`, separated by tabs.
//!
//! The last two columns may be empty or left off (a row has 5 to 7 columns), because PLOVER
//! drops some CAMEO roots entirely and editors strip trailing tabs. Each row is checked: the
//! code is 2 to 4 digits and appears once, `root` is the code's first two digits, `quad_class`
//! is 1 to 4 and equals its root's, `goldstein` is a number from -10 to 10, and every 3- and
//! 4-digit code has a row for its parent (so a code can always be generalised to its root).
//!
//! # An event's PLOVER type: code and modality
//!
//! The `plover_type` column is the type of the act as reported done. PLOVER codes some acts by
//! their auxiliary mode instead (PLOVER manual, sections AGREE, CONCEDE, RETREAT and
//! "Auxiliary modes": one category, never a category plus a mode), so an event's type is
//! [`Codebook::plover_type`] of its code *and* modality, by [`PLOVER_PROJECTION`]:
//!
//! ```
//! use attache_events::codebook::Codebook;
//! use attache_model::{CameoCode, Modality};
//!
//! let codebook = Codebook::builtin();
//! let code = |c: &str| CameoCode::parse(c).unwrap();
//! // "The two presidents met in Hanoi" / "... will meet in Hanoi next month".
//! assert_eq!(codebook.plover_type(&code("040"), Modality::Actual), Some("CONSULT"));
//! assert_eq!(codebook.plover_type(&code("040"), Modality::Planned), Some("AGREE"));
//! // "... announced it would withdraw its troops": a promised retreat is a concession.
//! assert_eq!(codebook.plover_type(&code("087"), Modality::Planned), Some("CONCEDE"));
//! ```

use std::collections::HashMap;
use std::path::Path;

use attache_model::{CameoCode, CodeError, Modality};

/// The built-in codebook's text.
const BUILTIN_TSV: &str = include_str!("../../../data/cameo.tsv");

/// The name the built-in codebook's errors and docs use for it.
const BUILTIN_PATH: &str = "data/cameo.tsv";

/// The header line every codebook file starts with.
pub const HEADER: &str = "code\tlabel\troot\tquad_class\tgoldstein\tplover_type\tplover_mode";

const MIN_COLUMNS: usize = 5;
const MAX_COLUMNS: usize = 7;

/// Everything the codebook knows about one CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    /// The code itself, e.g. `042`.
    pub code: CameoCode,
    /// A short English label, e.g. "Make a visit".
    pub label: String,
    /// The two-digit root, e.g. `04`; always the code's first two digits.
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein conflict-cooperation score, from -10 (most conflictual) to +10.
    pub goldstein: f32,
    /// PLOVER event type, e.g. "CONSULT"; `None` where PLOVER drops the code (roots 01, 02).
    pub plover_type: Option<String>,
    /// PLOVER mode, e.g. "visit"; `None` when the mapping gives none.
    pub plover_mode: Option<String>,
}

/// How modality changes a code's PLOVER type: (modality, the code's `plover_type`, the event's
/// type). Rows not listed keep the code's type (a possible meeting is still CONSULT: the
/// manual reduces only future cooperation to AGREE).
///
/// - Planned CONSULT, SUPPORT, COOPERATE and AID are AGREE: "cooperative actions ... reported
///   in future tense are also taken to imply intentions" (manual, AGREE), "references to future
///   meetings, summits, state visits" included (CONSULT).
/// - Planned RETREAT is CONCEDE: "announcements of future retreats should be coded as CONCEDE"
///   (RETREAT, CONCEDE). A planned CONCEDE stays CONCEDE, not AGREE (AGREE, CONCEDE).
/// - Planned material conflict (PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT) is THREATEN: the
///   manual's own example is ASSAULT + hypothetical, and THREATEN's modes are the content of
///   the act threatened (restrict: boycotts, strikes, curfews; arrest; expel; violence). CAMEO
///   codes a stated plan of force or coercion as 13 likewise.
/// - Possible material conflict is THREATEN too: "THREATEN could be ASSAULT + hypothetical ...
///   the coder should always return the single event category" (Auxiliary modes); the coder
///   reads "may halt its mediation if ...", "could strike" as possible.
/// - A refused or negated cooperative act (AGREE through RETREAT) is REJECT: "all rejections
///   and refusals", whose modes are assistance, meetings and yielding (REJECT); CAMEO codes
///   "refused to X" as 12. The coder reads "refused to meet" as a negated meeting.
pub const PLOVER_PROJECTION: &[(Modality, &str, &str)] = &[
    (Modality::Planned, "CONSULT", "AGREE"),
    (Modality::Planned, "SUPPORT", "AGREE"),
    (Modality::Planned, "COOPERATE", "AGREE"),
    (Modality::Planned, "AID", "AGREE"),
    (Modality::Planned, "RETREAT", "CONCEDE"),
    (Modality::Planned, "PROTEST", "THREATEN"),
    (Modality::Planned, "MOBILIZE", "THREATEN"),
    (Modality::Planned, "SANCTION", "THREATEN"),
    (Modality::Planned, "COERCE", "THREATEN"),
    (Modality::Planned, "ASSAULT", "THREATEN"),
    (Modality::Possible, "PROTEST", "THREATEN"),
    (Modality::Possible, "MOBILIZE", "THREATEN"),
    (Modality::Possible, "SANCTION", "THREATEN"),
    (Modality::Possible, "COERCE", "THREATEN"),
    (Modality::Possible, "ASSAULT", "THREATEN"),
    (Modality::Negated, "AGREE", "REJECT"),
    (Modality::Negated, "CONSULT", "REJECT"),
    (Modality::Negated, "SUPPORT", "REJECT"),
    (Modality::Negated, "COOPERATE", "REJECT"),
    (Modality::Negated, "AID", "REJECT"),
    (Modality::Negated, "CONCEDE", "REJECT"),
    (Modality::Negated, "RETREAT", "REJECT"),
];

/// The CAMEO event codebook: an immutable table of [`CodeInfo`], looked up by code.
#[derive(Debug, Clone)]
pub struct Codebook {
    /// Rows in file order, so [`Codebook::iter`] is stable and follows the hierarchy.
    codes: Vec<CodeInfo>,
    /// Code -> index into `codes`.
    index: HashMap<CameoCode, usize>,
}

/// A codebook file could not be read or is malformed. Every variant names the file (as given
/// by the caller) and, where there is one, the 1-based line.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    #[error("{path}: cannot read codebook: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: expected the header {HEADER:?}, found {found:?}")]
    BadHeader {
        path: String,
        line: usize,
        found: String,
    },
    #[error("{path}: no header line (expected {HEADER:?})")]
    MissingHeader { path: String },
    #[error(
        "{path}:{line}: expected {MIN_COLUMNS} to {MAX_COLUMNS} tab-separated columns, found {found}"
    )]
    ColumnCount {
        path: String,
        line: usize,
        found: usize,
    },
    #[error("{path}:{line}: {source}")]
    BadCode {
        path: String,
        line: usize,
        #[source]
        source: CodeError,
    },
    #[error("{path}:{line}: code {code} has an empty label")]
    EmptyLabel {
        path: String,
        line: usize,
        code: String,
    },
    #[error("{path}:{line}: root {found:?} does not match code {code} (expected {expected:?})")]
    RootMismatch {
        path: String,
        line: usize,
        code: String,
        found: String,
        expected: String,
    },
    #[error("{path}:{line}: quad class {found:?} is not 1, 2, 3 or 4")]
    BadQuadClass {
        path: String,
        line: usize,
        found: String,
    },
    #[error(
        "{path}:{line}: code {code} has quad class {found} but its root {root} has {expected}"
    )]
    QuadClassMismatch {
        path: String,
        line: usize,
        code: String,
        found: u8,
        root: String,
        expected: u8,
    },
    #[error("{path}:{line}: Goldstein score {found:?} is not a number from -10 to 10")]
    BadGoldstein {
        path: String,
        line: usize,
        found: String,
    },
    #[error("{path}:{line}: PLOVER type {found:?} is not upper-case ASCII letters")]
    BadPloverType {
        path: String,
        line: usize,
        found: String,
    },
    #[error("{path}:{line}: PLOVER mode {mode:?} given without a PLOVER type")]
    ModeWithoutType {
        path: String,
        line: usize,
        mode: String,
    },
    #[error("{path}:{line}: code {code} appears again (first on line {first_line})")]
    DuplicateCode {
        path: String,
        line: usize,
        code: String,
        first_line: usize,
    },
    #[error("{path}:{line}: code {code} has no row for its parent {parent}")]
    MissingParent {
        path: String,
        line: usize,
        code: String,
        parent: String,
    },
}

impl Codebook {
    /// The codebook compiled in from `data/cameo.tsv`: every CAMEO 1.1b3 event code.
    ///
    /// # Panics
    ///
    /// Only if our own data file is malformed, which the `builtin_parses` test rules out.
    pub fn builtin() -> Codebook {
        match Codebook::from_tsv(BUILTIN_TSV, BUILTIN_PATH) {
            Ok(codebook) => codebook,
            Err(e) => panic!("the built-in codebook is broken: {e}"),
        }
    }

    /// Reads a codebook in the `data/cameo.tsv` format from a file.
    pub fn from_file(path: &Path) -> Result<Codebook, CodebookError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| CodebookError::Read {
            path: name.clone(),
            source,
        })?;
        Codebook::from_tsv(&text, &name)
    }

    /// Parses a codebook in the `data/cameo.tsv` format; `path` names the text in errors.
    pub fn from_tsv(text: &str, path: &str) -> Result<Codebook, CodebookError> {
        let mut codes: Vec<CodeInfo> = Vec::new();
        let mut lines_of: Vec<usize> = Vec::new();
        let mut index: HashMap<CameoCode, usize> = HashMap::new();
        let mut seen_header = false;

        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let row = raw.strip_suffix('\r').unwrap_or(raw);
            if row.trim().is_empty() || row.trim_start().starts_with('#') {
                continue;
            }
            if !seen_header {
                if row.trim_end() != HEADER {
                    return Err(CodebookError::BadHeader {
                        path: path.to_string(),
                        line,
                        found: row.to_string(),
                    });
                }
                seen_header = true;
                continue;
            }
            let info = parse_row(row, path, line)?;
            if let Some(&first) = index.get(&info.code) {
                return Err(CodebookError::DuplicateCode {
                    path: path.to_string(),
                    line,
                    code: info.code.to_string(),
                    first_line: lines_of[first],
                });
            }
            index.insert(info.code.clone(), codes.len());
            codes.push(info);
            lines_of.push(line);
        }
        if !seen_header {
            return Err(CodebookError::MissingHeader {
                path: path.to_string(),
            });
        }

        // Checked after all rows are read so a file need not list parents before children.
        for (info, &line) in codes.iter().zip(&lines_of) {
            let code = info.code.as_str();
            if code.len() == 2 {
                continue;
            }
            let parent = &code[..code.len() - 1];
            let parent_known = CameoCode::parse(parent)
                .ok()
                .is_some_and(|p| index.contains_key(&p));
            if !parent_known {
                return Err(CodebookError::MissingParent {
                    path: path.to_string(),
                    line,
                    code: code.to_string(),
                    parent: parent.to_string(),
                });
            }
            // The quad class is a property of the root (GDELT and ICEWS assign it by root), so a
            // child that disagrees with its root is a typo, not a refinement.
            let root_quad = CameoCode::parse(&info.root)
                .ok()
                .and_then(|r| index.get(&r))
                .map(|&k| codes[k].quad_class);
            if let Some(expected) = root_quad {
                if expected != info.quad_class {
                    return Err(CodebookError::QuadClassMismatch {
                        path: path.to_string(),
                        line,
                        code: code.to_string(),
                        found: info.quad_class,
                        root: info.root.clone(),
                        expected,
                    });
                }
            }
        }

        Ok(Codebook { codes, index })
    }

    /// Everything known about `code`, or `None` if the codebook has no such code.
    pub fn get(&self, code: &CameoCode) -> Option<&CodeInfo> {
        self.index.get(code).map(|&i| &self.codes[i])
    }

    /// The label of `code`, e.g. "Make a visit" for 042.
    pub fn label(&self, code: &CameoCode) -> Option<&str> {
        self.get(code).map(|info| info.label.as_str())
    }

    /// The PLOVER type of an event with this code and modality: the code's `plover_type` as
    /// [`PLOVER_PROJECTION`] changes it ("will meet" is AGREE, "will withdraw" CONCEDE).
    /// `None` where PLOVER drops the code (roots 01, 02) or the codebook lacks it.
    pub fn plover_type(&self, code: &CameoCode, modality: Modality) -> Option<&str> {
        let done = self.get(code)?.plover_type.as_deref()?;
        let projected = PLOVER_PROJECTION
            .iter()
            .find(|(m, from, _)| *m == modality && *from == done)
            .map(|(_, _, to)| *to);
        Some(projected.unwrap_or(done))
    }

    /// All codes in file order (for the built-in codebook: each root, then its children).
    pub fn iter(&self) -> impl Iterator<Item = &CodeInfo> {
        self.codes.iter()
    }

    /// How many codes the codebook holds.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the codebook holds no codes (a file with only a header).
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Parses and checks one data row; `line` is 1-based.
fn parse_row(row: &str, path: &str, line: usize) -> Result<CodeInfo, CodebookError> {
    let fields: Vec<&str> = row.split('\t').map(str::trim).collect();
    if !(MIN_COLUMNS..=MAX_COLUMNS).contains(&fields.len()) {
        return Err(CodebookError::ColumnCount {
            path: path.to_string(),
            line,
            found: fields.len(),
        });
    }
    let field = |k: usize| fields.get(k).copied().unwrap_or("");
    let optional = |k: usize| Some(field(k)).filter(|s| !s.is_empty()).map(str::to_string);

    let code = CameoCode::parse(field(0)).map_err(|source| CodebookError::BadCode {
        path: path.to_string(),
        line,
        source,
    })?;
    let label = field(1);
    if label.is_empty() {
        return Err(CodebookError::EmptyLabel {
            path: path.to_string(),
            line,
            code: code.to_string(),
        });
    }
    let root = field(2);
    if root != code.root() {
        return Err(CodebookError::RootMismatch {
            path: path.to_string(),
            line,
            code: code.to_string(),
            found: root.to_string(),
            expected: code.root().to_string(),
        });
    }
    let quad_class = match field(3).parse::<u8>() {
        Ok(q @ 1..=4) => q,
        _ => {
            return Err(CodebookError::BadQuadClass {
                path: path.to_string(),
                line,
                found: field(3).to_string(),
            })
        }
    };
    let goldstein = match field(4).parse::<f32>() {
        Ok(g) if (-10.0..=10.0).contains(&g) => g,
        _ => {
            return Err(CodebookError::BadGoldstein {
                path: path.to_string(),
                line,
                found: field(4).to_string(),
            })
        }
    };
    let plover_type = optional(5);
    if let Some(t) = &plover_type {
        if !t.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(CodebookError::BadPloverType {
                path: path.to_string(),
                line,
                found: t.clone(),
            });
        }
    }
    let plover_mode = optional(6);
    if let (None, Some(mode)) = (&plover_type, &plover_mode) {
        return Err(CodebookError::ModeWithoutType {
            path: path.to_string(),
            line,
            mode: mode.clone(),
        });
    }

    Ok(CodeInfo {
        code,
        label: label.to_string(),
        root: root.to_string(),
        quad_class,
        goldstein,
        plover_type,
        plover_mode,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CameoCode {
        CameoCode::parse(s).unwrap()
    }

    #[test]
    fn plover_type_follows_modality_as_the_manual_says() {
        let codebook = Codebook::builtin();
        use Modality::*;
        for (c, modality, want) in [
            // Done acts keep the codebook's type.
            ("040", Actual, Some("CONSULT")),
            ("0874", Actual, Some("RETREAT")),
            // The manual's text over CAMEO2PLOVER-2021 (data/cameo.tsv's comments): lifting
            // a curfew is a concession, a resignation a retreat.
            ("0813", Actual, Some("CONCEDE")),
            ("0814", Actual, Some("CONCEDE")),
            ("0831", Actual, Some("RETREAT")),
            ("010", Actual, None),
            ("010", Planned, None),
            // Future cooperation is an intention: "will visit", "will send aid".
            ("042", Planned, Some("AGREE")),
            ("051", Planned, Some("AGREE")),
            ("061", Planned, Some("AGREE")),
            ("073", Planned, Some("AGREE")),
            // "announced it would withdraw": a promised retreat is a concession; a promised
            // concession stays one.
            ("087", Planned, Some("CONCEDE")),
            ("0831", Planned, Some("CONCEDE")),
            ("0813", Planned, Some("CONCEDE")),
            ("083", Planned, Some("CONCEDE")),
            ("030", Planned, Some("AGREE")),
            // "will impose sanctions", "vowed to strike back": threats.
            ("163", Planned, Some("THREATEN")),
            ("190", Planned, Some("THREATEN")),
            ("173", Planned, Some("THREATEN")),
            ("141", Planned, Some("THREATEN")),
            // "refused to meet", "declined to release".
            ("040", Negated, Some("REJECT")),
            ("0841", Negated, Some("REJECT")),
            ("030", Negated, Some("REJECT")),
            // A hypothetical attack or sanction is a threat ("may halt its aid if ..."); a
            // negated attack is no rejection, a possible meeting still a consultation.
            ("190", Possible, Some("THREATEN")),
            ("162", Possible, Some("THREATEN")),
            ("190", Negated, Some("ASSAULT")),
            ("040", Possible, Some("CONSULT")),
            // Verbal conflict keeps its type whatever the modality.
            ("112", Planned, Some("ACCUSE")),
        ] {
            assert_eq!(
                codebook.plover_type(&code(c), modality),
                want,
                "{c} {modality:?}"
            );
        }
    }

    #[test]
    fn plover_projection_names_types_the_codebook_uses() {
        let codebook = Codebook::builtin();
        let types: Vec<&str> = codebook
            .iter()
            .filter_map(|c| c.plover_type.as_deref())
            .collect();
        for (_, from, to) in PLOVER_PROJECTION {
            assert!(types.contains(from), "{from}");
            assert!(types.contains(to), "{to}");
        }
    }

    #[test]
    fn builtin_parses() {
        let codebook = Codebook::from_tsv(BUILTIN_TSV, BUILTIN_PATH).unwrap();
        // CAMEO 1.1b3 has 20 roots and about 300 codes in all.
        assert!((300..=330).contains(&codebook.len()), "{}", codebook.len());
    }

    #[test]
    fn every_root_is_present() {
        let codebook = Codebook::builtin();
        for root in 1..=20 {
            let root = format!("{root:02}");
            assert!(codebook.get(&code(&root)).is_some(), "root {root} missing");
        }
        let roots = codebook.iter().filter(|c| c.code.as_str().len() == 2);
        assert_eq!(roots.count(), 20);
    }

    #[test]
    fn every_code_has_its_root_and_parent() {
        let codebook = Codebook::builtin();
        for info in codebook.iter() {
            let c = info.code.as_str();
            assert_eq!(info.root, &c[..2], "{c}");
            let root = codebook.get(&code(&info.root));
            assert!(root.is_some(), "{c}: no row for root {}", info.root);
            if c.len() == 4 {
                assert!(codebook.get(&code(&c[..3])).is_some(), "{c}: no parent");
            }
        }
    }

    #[test]
    fn visits() {
        let codebook = Codebook::builtin();
        for (c, label, plover_type, plover_mode) in [
            ("042", "Make a visit", "CONSULT", Some("visit")),
            ("043", "Host a visit", "CONSULT", Some("visit")),
            ("04", "Consult", "CONSULT", None),
        ] {
            let info = codebook.get(&code(c)).unwrap();
            assert_eq!(info.label, label, "{c}");
            assert_eq!(info.quad_class, 1, "{c}");
            assert_eq!(info.plover_type.as_deref(), Some(plover_type), "{c}");
            assert_eq!(info.plover_mode.as_deref(), plover_mode, "{c}");
            assert_eq!(codebook.label(&code(c)), Some(label), "{c}");
        }
        assert_eq!(codebook.get(&code("042")).unwrap().goldstein, 1.9);
        assert_eq!(codebook.get(&code("043")).unwrap().goldstein, 2.8);
    }

    #[test]
    fn quad_classes_by_root() {
        // GDELT and ICEWS: 01-05 verbal cooperation, 06-08 material cooperation,
        // 09-13 verbal conflict, 14-20 material conflict.
        let codebook = Codebook::builtin();
        for (c, quad) in [
            ("05", 1),
            ("057", 1),
            ("06", 2),
            ("0874", 2),
            ("09", 3),
            ("1385", 3),
            ("14", 4),
            ("1454", 4),
            ("2042", 4),
        ] {
            assert_eq!(codebook.get(&code(c)).unwrap().quad_class, quad, "{c}");
        }
    }

    #[test]
    fn goldstein_sign_follows_quad_class() {
        // Cooperation scores above conflict on the Goldstein scale, root by root. Roots 01, 02
        // and 09 sit near zero and 01-02 include small negatives (e.g. 012, 024), so only the
        // material classes are checked strictly.
        let codebook = Codebook::builtin();
        for info in codebook.iter() {
            match info.quad_class {
                2 => assert!(info.goldstein > 0.0, "{}", info.code),
                4 => assert!(info.goldstein < 0.0, "{}", info.code),
                _ => {}
            }
        }
    }

    #[test]
    fn plover_type_by_root() {
        let codebook = Codebook::builtin();
        for (c, plover_type) in [
            ("010", None),
            ("020", None),
            ("036", Some("AGREE")),
            ("080", Some("CONCEDE")),
            ("0841", Some("RETREAT")),
            ("111", Some("ACCUSE")),
            ("1041", Some("REQUEST")),
            ("173", Some("COERCE")),
            ("186", Some("ASSAULT")),
        ] {
            let info = codebook.get(&code(c)).unwrap();
            assert_eq!(info.plover_type.as_deref(), plover_type, "{c}");
        }
    }

    #[test]
    fn unknown_code_is_none() {
        let codebook = Codebook::builtin();
        for c in ["21", "049", "0429", "00"] {
            assert!(codebook.get(&code(c)).is_none(), "{c}");
            assert_eq!(codebook.label(&code(c)), None, "{c}");
        }
    }

    const HEAD: &str = "code\tlabel\troot\tquad_class\tgoldstein\tplover_type\tplover_mode\n";

    #[test]
    fn small_file_parses() {
        let text = format!(
            "# our own test codebook\n\n{HEAD}\
             04\tConsult\t04\t1\t1.0\tCONSULT\n\
             042\tMake a visit\t04\t1\t1.9\tCONSULT\tvisit\r\n\
             01\tMake public statement\t01\t1\t0.0\n\
             # a comment between rows\n\
             010\tMake statement\t01\t1\t0\t\t\n"
        );
        let codebook = Codebook::from_tsv(&text, "mine.tsv").unwrap();
        assert_eq!(codebook.len(), 4);
        let visit = codebook.get(&code("042")).unwrap();
        assert_eq!(visit.plover_mode.as_deref(), Some("visit"));
        let statement = codebook.get(&code("010")).unwrap();
        assert_eq!(statement.plover_type, None);
        assert_eq!(statement.plover_mode, None);
        let order: Vec<&str> = codebook.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(order, ["04", "042", "01", "010"]);
    }

    #[test]
    fn from_tsv_errors() {
        let root = "04\tConsult\t04\t1\t1.0\tCONSULT\n";
        // (rows after the header and the root row, line of the error, text the message holds)
        let cases: &[(&str, usize, &str)] = &[
            (
                "042\tMake a visit\t04\t1\n",
                3,
                "5 to 7 tab-separated columns, found 4",
            ),
            (
                "042\tMake a visit\t04\t1\t1.9\tCONSULT\tvisit\textra\n",
                3,
                "found 8",
            ),
            ("4\tMake a visit\t04\t1\t1.9\n", 3, "not a CAMEO event code"),
            (
                "42\tMake a visit\t04\t1\t1.9\n",
                3,
                "root \"04\" does not match code 42",
            ),
            (
                "04x\tMake a visit\t04\t1\t1.9\n",
                3,
                "not a CAMEO event code",
            ),
            ("042\t\t04\t1\t1.9\n", 3, "empty label"),
            (
                "042\tMake a visit\t05\t1\t1.9\n",
                3,
                "root \"05\" does not match code 042",
            ),
            (
                "042\tMake a visit\t04\t5\t1.9\n",
                3,
                "quad class \"5\" is not 1, 2, 3 or 4",
            ),
            ("042\tMake a visit\t04\tone\t1.9\n", 3, "quad class \"one\""),
            (
                "042\tMake a visit\t04\t2\t1.9\n",
                3,
                "has quad class 2 but its root 04 has 1",
            ),
            (
                "042\tMake a visit\t04\t1\t12\n",
                3,
                "Goldstein score \"12\"",
            ),
            (
                "042\tMake a visit\t04\t1\tNaN\n",
                3,
                "Goldstein score \"NaN\"",
            ),
            (
                "042\tMake a visit\t04\t1\t1,9\n",
                3,
                "Goldstein score \"1,9\"",
            ),
            (
                "042\tMake a visit\t04\t1\t1.9\tconsult\n",
                3,
                "PLOVER type \"consult\"",
            ),
            (
                "042\tMake a visit\t04\t1\t1.9\t\tvisit\n",
                3,
                "PLOVER mode \"visit\" given without",
            ),
            (
                "042\tMake a visit\t04\t1\t1.9\n043\tHost a visit\t04\t1\t2.8\n\
                 042\tPay a visit\t04\t1\t1.9\n",
                5,
                "code 042 appears again (first on line 3)",
            ),
            (
                "0421\tMake a state visit\t04\t1\t1.9\n",
                3,
                "has no row for its parent 042",
            ),
            (
                "051\tPraise or endorse\t05\t1\t3.4\n",
                3,
                "has no row for its parent 05",
            ),
        ];
        for &(rows, line, fragment) in cases {
            let text = format!("{HEAD}{root}{rows}");
            let err = Codebook::from_tsv(&text, "mine.tsv")
                .unwrap_err()
                .to_string();
            let place = format!("mine.tsv:{line}: ");
            assert!(err.starts_with(&place), "{rows:?}: {err}");
            assert!(err.contains(fragment), "{rows:?}: {err}");
        }
    }

    #[test]
    fn header_errors() {
        for (text, fragment) in [
            ("", "mine.tsv: no header line"),
            ("# only a comment\n\n", "mine.tsv: no header line"),
            (
                "04\tConsult\t04\t1\t1.0\n",
                "mine.tsv:1: expected the header",
            ),
            (
                "# c\ncode\tlabel\troot\n",
                "mine.tsv:2: expected the header",
            ),
        ] {
            let err = Codebook::from_tsv(text, "mine.tsv")
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(fragment), "{text:?}: {err}");
        }
    }

    #[test]
    fn from_file_names_missing_file() {
        let path = Path::new("/nonexistent/attache/cameo.tsv");
        let err = Codebook::from_file(path).unwrap_err();
        assert!(matches!(err, CodebookError::Read { .. }));
        assert!(err
            .to_string()
            .starts_with("/nonexistent/attache/cameo.tsv: "));
    }
}
