//! The timeline chart as a PNG: the SVG from [`crate::timeline_svg`] rasterised with resvg.
//!
//! The SVG names generic font families (plotters writes `font-family="sans-serif"`); resvg
//! draws text only with fonts it was given. [`ChartFonts`] loads the system's fonts (or those
//! of a folder) once and maps each generic family to an installed one. With no fonts at all,
//! or when any text of the chart could not be laid out, rendering fails rather than writing
//! a picture without its title and labels. Nothing is bundled: the fonts come from the system
//! (on Debian, `fonts-dejavu-core`).
//!
//! ```no_run
//! use attache_serve::{timeline_png, ChartFonts};
//! let fonts = ChartFonts::system()?;
//! let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="90" height="32">
//!   <text x="4" y="20" font-family="sans-serif">visits</text></svg>"#;
//! let png: Vec<u8> = timeline_png(svg, &fonts, 2.0)?;
//! assert_eq!(&png[1..4], b"PNG");
//! # Ok::<(), attache_serve::ChartError>(())
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb, Node};

use crate::ChartError;

/// The Debian package that gives a machine fonts the charts can use; named in the error.
pub const FONT_PACKAGE: &str = "fonts-dejavu-core";

/// Pixels per SVG unit when none is asked for: crisp on high-density screens.
pub const DEFAULT_SCALE: f32 = 2.0;

/// Pixels per SVG unit accepted by [`timeline_png`].
pub const SCALES: std::ops::RangeInclusive<f32> = 0.25..=8.0;

/// Installed families tried, in order, for each generic family the chart may name, when the
/// system's own choice (fontconfig's alias) is not installed.
const PREFERRED: [(Generic, &[&str]); 3] = [
    (
        Generic::SansSerif,
        &[
            "DejaVu Sans",
            "Liberation Sans",
            "Noto Sans",
            "FreeSans",
            "Arial",
            "Helvetica",
        ],
    ),
    (
        Generic::Serif,
        &[
            "DejaVu Serif",
            "Liberation Serif",
            "Noto Serif",
            "FreeSerif",
            "Times New Roman",
        ],
    ),
    (
        Generic::Monospace,
        &[
            "DejaVu Sans Mono",
            "Liberation Mono",
            "Noto Sans Mono",
            "FreeMono",
            "Courier New",
        ],
    ),
];

/// A generic CSS font family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Generic {
    SansSerif,
    Serif,
    Monospace,
}

impl Generic {
    /// Does an installed family's name look like this generic family?
    fn looks_like(self, family: &str) -> bool {
        let mono = family.contains("Mono");
        match self {
            Generic::SansSerif => family.contains("Sans") && !mono,
            Generic::Serif => family.contains("Serif") && !family.contains("Sans") && !mono,
            Generic::Monospace => mono,
        }
    }
}

/// The installed family to draw `generic` with: the system's `current` choice when it is
/// installed, else the first of `preferred` that is, else one whose name looks like the
/// generic family, else the first installed. `None` only when nothing is installed.
fn pick_family(
    generic: Generic,
    current: &str,
    preferred: &[&str],
    installed: &[&str],
) -> Option<String> {
    let has = |name: &str| installed.contains(&name);
    let chosen = if has(current) {
        current
    } else if let Some(name) = preferred.iter().find(|n| has(n)) {
        name
    } else {
        installed
            .iter()
            .find(|f| generic.looks_like(f))
            .or_else(|| installed.first())?
    };
    Some(chosen.to_string())
}

/// Fonts loaded once to draw charts' text, with the generic families mapped to installed ones.
#[derive(Clone, Debug)]
pub struct ChartFonts {
    db: Arc<fontdb::Database>,
}

impl ChartFonts {
    /// The system's fonts (fontconfig's folders, or the usual ones without it).
    pub fn system() -> Result<ChartFonts, ChartError> {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        ChartFonts::with(db, None)
    }

    /// Only the fonts in `dir` (searched recursively: .ttf, .otf, .ttc).
    pub fn from_dir(dir: &Path) -> Result<ChartFonts, ChartError> {
        if !dir.is_dir() {
            return Err(ChartError::FontDir(dir.to_path_buf()));
        }
        let mut db = fontdb::Database::new();
        db.load_fonts_dir(dir);
        ChartFonts::with(db, Some(dir.to_path_buf()))
    }

    fn with(mut db: fontdb::Database, dir: Option<PathBuf>) -> Result<ChartFonts, ChartError> {
        let mut installed: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .collect();
        installed.sort_unstable();
        installed.dedup();
        let installed: Vec<&str> = installed.iter().map(String::as_str).collect();
        for (generic, preferred) in PREFERRED {
            let family = match generic {
                Generic::SansSerif => fontdb::Family::SansSerif,
                Generic::Serif => fontdb::Family::Serif,
                Generic::Monospace => fontdb::Family::Monospace,
            };
            let current = db.family_name(&family).to_string();
            let chosen = pick_family(generic, &current, preferred, &installed)
                .ok_or_else(|| ChartError::NoFonts { dir: dir.clone() })?;
            match generic {
                Generic::SansSerif => db.set_sans_serif_family(chosen),
                Generic::Serif => db.set_serif_family(chosen),
                Generic::Monospace => db.set_monospace_family(chosen),
            }
        }
        Ok(ChartFonts { db: Arc::new(db) })
    }

    /// The installed family that draws `sans-serif`, the chart's text.
    pub fn sans_serif(&self) -> &str {
        self.db.family_name(&fontdb::Family::SansSerif)
    }
}

/// Rasterise a chart's SVG to PNG bytes at `scale` pixels per SVG unit (2.0 for crisp output
/// on most screens), drawing its text with `fonts`.
pub fn timeline_png(svg: &str, fonts: &ChartFonts, scale: f32) -> Result<Vec<u8>, ChartError> {
    if !SCALES.contains(&scale) {
        return Err(ChartError::Scale { scale });
    }
    let options = usvg::Options {
        fontdb: Arc::clone(&fonts.db),
        font_family: fonts.sans_serif().to_string(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| ChartError::Render(e.to_string()))?;
    // usvg drops a text it cannot lay out (no font with its glyphs): refuse rather than draw
    // a chart without its title or labels.
    let wanted = svg.matches("<text").count();
    let drawn = count_texts(tree.root());
    if drawn < wanted {
        return Err(ChartError::TextMissing {
            missing: wanted - drawn,
            wanted,
        });
    }
    let size = tree.size().to_int_size().scale_by(scale);
    let size = size.ok_or_else(|| ChartError::Render("empty picture".into()))?;
    let mut pixmap = Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ChartError::Render("empty picture".into()))?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ChartError::Render(e.to_string()))
}

/// Text elements under `group` that survived parsing.
fn count_texts(group: &usvg::Group) -> usize {
    group
        .children()
        .iter()
        .map(|node| match node {
            Node::Group(g) => count_texts(g),
            Node::Text(_) => 1,
            Node::Path(_) | Node::Image(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SANS: &[&str] = &["DejaVu Sans", "Liberation Sans", "Noto Sans"];

    /// Generic family, the system's choice, preferred families, installed families, expected.
    type Case = (
        Generic,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
        Option<&'static str>,
    );

    #[test]
    fn a_generic_family_maps_to_an_installed_one() {
        use Generic::*;
        #[rustfmt::skip]
        let cases: &[Case] = &[
            // The system's choice, when installed, wins.
            (SansSerif, "Noto Sans", SANS, &["DejaVu Sans", "Noto Sans"], Some("Noto Sans")),
            // fontconfig prefers a family that is not installed: the first preferred one that is.
            (SansSerif, "Bitstream Vera Sans", SANS, &["Liberation Sans", "Noto Sans"], Some("Liberation Sans")),
            // fontdb's defaults (Arial, Times New Roman) on a machine without them.
            (SansSerif, "Arial", SANS, &["DejaVu Sans", "DejaVu Serif"], Some("DejaVu Sans")),
            // None preferred: a family that looks like the generic one.
            (SansSerif, "Arial", SANS, &["Cantarell Mono", "Cantarell Sans"], Some("Cantarell Sans")),
            (Serif, "Times New Roman", &[], &["Fira Sans", "Fira Serif"], Some("Fira Serif")),
            (Monospace, "Courier New", &[], &["Fira Mono", "Fira Sans"], Some("Fira Mono")),
            // Nothing alike: any installed font draws Latin text better than none.
            (Serif, "Times New Roman", &[], &["Cantarell"], Some("Cantarell")),
            // Nothing installed.
            (SansSerif, "Arial", SANS, &[], None),
        ];
        for (generic, current, preferred, installed, want) in cases {
            assert_eq!(
                pick_family(*generic, current, preferred, installed).as_deref(),
                *want,
                "{generic:?} {current} among {installed:?}"
            );
        }
    }

    #[test]
    fn a_folder_without_fonts_is_refused() {
        let dir = std::env::temp_dir().join(format!("attache-no-fonts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let err = ChartFonts::from_dir(&dir).expect_err("no fonts, no ChartFonts");
        std::fs::remove_dir(&dir).unwrap();
        assert!(matches!(err, ChartError::NoFonts { .. }), "{err}");
        assert!(err.to_string().contains(FONT_PACKAGE), "{err}");
    }
}
