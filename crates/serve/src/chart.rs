//! The timeline chart, drawn with plotters' SVG backend: one stacked bar per period, one colour
//! per CAMEO root, visits (root 04) in the strongest colour.

use plotters::prelude::*;

use crate::api::v1::Timeline;

/// Drawing the chart failed.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// plotters could not draw the SVG.
    #[error("drawing the timeline: {0}")]
    Draw(String),
    /// No fonts to draw a PNG's text with.
    #[error(
        "no fonts found{}: a PNG chart needs one to draw its title and labels; install one \
         (Debian/Ubuntu: `sudo apt-get install {}`){}, or write an .svg, which needs none",
        .dir.as_ref().map(|d| format!(" in {}", d.display())).unwrap_or_default(),
        crate::png::FONT_PACKAGE,
        if .dir.is_some() { " or name another --font-dir" } else { "" }
    )]
    NoFonts {
        /// The folder searched, or `None` for the system's fonts.
        dir: Option<std::path::PathBuf>,
    },
    /// The font folder named does not exist.
    #[error("font folder {} does not exist", .0.display())]
    FontDir(std::path::PathBuf),
    /// Some text of the chart could not be laid out with the fonts found.
    #[error(
        "{missing} of the chart's {wanted} texts could not be drawn with the fonts found; \
         install `{}` or name another --font-dir",
        crate::png::FONT_PACKAGE
    )]
    TextMissing {
        /// Texts dropped.
        missing: usize,
        /// Texts in the SVG.
        wanted: usize,
    },
    /// The scale is out of range.
    #[error(
        "scale {scale}: must be between {} and {}",
        crate::png::SCALES.start(),
        crate::png::SCALES.end()
    )]
    Scale {
        /// The scale asked for.
        scale: f32,
    },
    /// resvg could not render or encode the picture.
    #[error("rendering the timeline as PNG: {0}")]
    Render(String),
}

/// Chart size in pixels.
const WIDTH: u32 = 900;
const HEIGHT: u32 = 320;

/// Colours for roots, in order of first appearance after 04; 04 always gets the first.
const PALETTE: [RGBColor; 8] = [
    RGBColor(0x1f, 0x5f, 0xa8),
    RGBColor(0xe0, 0x8a, 0x1e),
    RGBColor(0x3a, 0x9a, 0x4a),
    RGBColor(0xb8, 0x3b, 0x3b),
    RGBColor(0x7b, 0x5a, 0xa6),
    RGBColor(0x8c, 0x6d, 0x46),
    RGBColor(0xc4, 0x5f, 0xa0),
    RGBColor(0x6b, 0x6b, 0x6b),
];

/// The timeline as an SVG document, titled `title`.
pub fn timeline_svg(timeline: &Timeline, title: &str) -> Result<String, ChartError> {
    let fail = |e: &dyn std::fmt::Display| ChartError::Draw(e.to_string());
    let mut roots: Vec<&str> = timeline
        .periods
        .iter()
        .flat_map(|p| p.by_root.keys().map(String::as_str))
        .collect();
    roots.sort_unstable();
    roots.dedup();
    // Visits first, so they sit at the bottom of every bar and keep the first colour.
    if let Some(i) = roots.iter().position(|r| *r == "04") {
        let visits = roots.remove(i);
        roots.insert(0, visits);
    }
    let colour = |root: &str| {
        let i = roots.iter().position(|r| *r == root).unwrap_or(0);
        PALETTE[i % PALETTE.len()]
    };
    let n_periods = timeline.periods.len();
    let max = timeline
        .periods
        .iter()
        .map(|p| p.events)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        area.fill(&WHITE).map_err(|e| fail(&e))?;
        let mut chart = ChartBuilder::on(&area)
            .caption(title, ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(40)
            .build_cartesian_2d(
                (0..n_periods.max(1)).into_segmented(),
                0..max + max.div_ceil(10),
            )
            .map_err(|e| fail(&e))?;
        let labels = |v: &SegmentValue<usize>| match v {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => timeline
                .periods
                .get(*i)
                .map(|p| p.period.clone())
                .unwrap_or_default(),
            SegmentValue::Last => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n_periods.clamp(1, 12))
            .x_label_formatter(&labels)
            .y_desc("events")
            .draw()
            .map_err(|e| fail(&e))?;
        for root in &roots {
            let bars = timeline.periods.iter().enumerate().filter_map(|(i, p)| {
                let events = *p.by_root.get(*root)?;
                // Roots below this one in the stack, in the same order as `roots`.
                let below: u64 = roots
                    .iter()
                    .take_while(|r| *r != root)
                    .filter_map(|r| p.by_root.get(*r))
                    .sum();
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), below),
                        (SegmentValue::Exact(i + 1), below + events),
                    ],
                    colour(root).filled(),
                );
                // A pixel of white either side, so neighbouring periods read as two bars;
                // not when bars are only a few pixels wide and the gap would hide them.
                if n_periods <= 120 {
                    bar.set_margin(0, 0, 1, 1);
                }
                Some(bar)
            });
            let c = colour(root);
            chart
                .draw_series(bars)
                .map_err(|e| fail(&e))?
                .label(format!("root {root}"))
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], c.filled()));
        }
        if !roots.is_empty() {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.8))
                .border_style(BLACK.mix(0.3))
                .draw()
                .map_err(|e| fail(&e))?;
        }
        area.present().map_err(|e| fail(&e))?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::v1::Period;
    use std::collections::BTreeMap;

    fn period(name: &str, roots: &[(&str, u64)]) -> Period {
        let by_root: BTreeMap<String, u64> =
            roots.iter().map(|(r, n)| (r.to_string(), *n)).collect();
        Period {
            period: name.into(),
            events: by_root.values().sum(),
            by_root,
        }
    }

    #[test]
    fn bars_labels_and_legend() {
        let timeline = Timeline {
            by: "month".into(),
            undated: 0,
            periods: vec![
                period("2019-03", &[("04", 2), ("03", 1)]),
                period("2019-04", &[]),
                period("2019-05", &[("04", 1)]),
            ],
        };
        let svg = timeline_svg(&timeline, "PRK visits").unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..60.min(svg.len())]);
        for text in ["PRK visits", "2019-03", "2019-05", "root 04", "root 03"] {
            assert!(svg.contains(text), "{text} missing");
        }
        // One bar per (period, root) with events, in the visit colour or the next.
        assert_eq!(
            svg.matches("#1F5FA8").count() - 1,
            2,
            "two visit bars and a legend box"
        );
    }

    #[test]
    fn an_empty_timeline_is_an_empty_chart() {
        let timeline = Timeline {
            by: "year".into(),
            undated: 3,
            periods: vec![],
        };
        let svg = timeline_svg(&timeline, "nothing").unwrap();
        assert!(svg.contains("nothing") && svg.trim_end().ends_with("</svg>"));
    }
}
