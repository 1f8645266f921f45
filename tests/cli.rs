//! CLI tests: run the real `attache` binary on inputs we write into a temporary folder.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn attache(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("attache runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const WIRE: &str = "\
N. Korean vice minister heads to Moscow

By Dana Holt | March 4, 2019 at 6:12 AM
share with facebook
Sign up for our weekly Asia newsletter

SEOUL, March 4 (UPI) -- North Korean Vice Foreign Minister Ri Kwang-sok left Pyongyang for Moscow on Monday, \
state media reported, amid talks on a new fisheries deal.

Ri is expected to meet Russian officials during the three-day trip, the report said.

Related UPI Stories
Japan's premier to visit Hanoi next month
";

fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/upi-ri-moscow.txt"), WIRE).unwrap();
}

#[test]
fn extract_prints_v1_events_as_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let o = attache(&["extract", "in"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let events: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let visit = events
        .iter()
        .find(|e| e["code"] == "042")
        .unwrap_or_else(|| panic!("no visit in {}", stdout(&o)));
    for field in [
        "id",
        "code",
        "root",
        "label",
        "plover",
        "modality",
        "date",
        "date_end",
        "date_precision",
        "source",
        "target",
        "location",
        "mentions",
        "documents",
        "outlets",
    ] {
        assert!(
            visit.get(field).is_some(),
            "field {field} missing in {visit}"
        );
    }
    assert_eq!(visit["root"], "04");
    assert_eq!(visit["source"]["country"], "PRK");
    assert_eq!(visit["target"]["country"], "RUS");
    assert_eq!(visit["modality"], "actual");
    assert_eq!(visit["date"], "2019-03-04");
    assert_eq!(visit["date_precision"], "day");
    assert_eq!(visit["documents"][0], "upi-ri-moscow");
    // The headline ("heads to Moscow") and the lead ("left Pyongyang for Moscow") are one visit.
    let mentions = visit["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2, "{visit}");
    assert_eq!(mentions[0]["trigger"], "heads");
    let m = &mentions[1];
    assert_eq!(m["trigger"], "left");
    assert_eq!(m["rule"], "visit.leave-for");
    // Offsets point into the clean text: the sentence slice at start..end is the trigger.
    let (s, e, ss) = (
        m["start"].as_u64().unwrap(),
        m["end"].as_u64().unwrap(),
        m["sentence_start"].as_u64().unwrap(),
    );
    let sentence = m["text"].as_str().unwrap();
    assert_eq!(&sentence[(s - ss) as usize..(e - ss) as usize], "left");
    // The related-stories junk ("to visit Hanoi") never becomes an event.
    assert!(!stdout(&o).contains("Hanoi"), "junk coded: {}", stdout(&o));
}

#[test]
fn ingest_is_idempotent_and_events_show_query_it() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let first = attache(&["ingest", "--db", "t.db", "in"], dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    let before = stdout(&attache(
        &["events", "--db", "t.db", "--format", "jsonl"],
        dir.path(),
    ));
    let again = attache(&["ingest", "--db", "t.db", "in"], dir.path());
    assert!(again.status.success());
    assert!(
        stderr(&again).contains("1 already stored"),
        "{}",
        stderr(&again)
    );

    // "Ri is expected to meet Russian officials": a planned 040 both ways beside the visit.
    let meetings = attache(
        &[
            "events", "--db", "t.db", "--actor", "RUS", "--code", "040", "--format", "json",
        ],
        dir.path(),
    );
    let meetings: Vec<Value> = serde_json::from_str(&stdout(&meetings)).unwrap();
    assert_eq!(meetings.len(), 2, "{meetings:?}");
    assert!(meetings.iter().all(|e| e["modality"] == "planned"));

    let o = attache(
        &[
            "events", "--db", "t.db", "--actor", "RUS", "--code", "042", "--format", "json",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let events: Vec<Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(events.len(), 1, "{}", stdout(&o));
    let after = stdout(&attache(
        &["events", "--db", "t.db", "--format", "jsonl"],
        dir.path(),
    ));
    assert_eq!(before, after, "re-ingesting changed the stored events");
    let id = events[0]["id"].as_str().unwrap().to_string();

    let none = attache(
        &[
            "events", "--db", "t.db", "--source", "RUS", "--code", "042", "--format", "jsonl",
        ],
        dir.path(),
    );
    assert_eq!(stdout(&none), "");
    let later = attache(
        &[
            "events",
            "--db",
            "t.db",
            "--since",
            "2019-04-01",
            "--format",
            "csv",
        ],
        dir.path(),
    );
    assert_eq!(
        stdout(&later).lines().count(),
        1,
        "only the CSV header: {}",
        stdout(&later)
    );

    let show = attache(&["show", "--db", "t.db", &id], dir.path());
    assert!(show.status.success(), "{}", stderr(&show));
    assert!(stdout(&show).contains("[[left]]"), "{}", stdout(&show));
    assert!(stdout(&show).contains("upi-ri-moscow"));
    assert!(stdout(&show).contains("visit.leave-for"));
    // "..., state media reported": the speaker is shown with the evidence (issue 5).
    assert!(
        stdout(&show).contains("claimed by — \"state media\""),
        "{}",
        stdout(&show)
    );
}

#[test]
fn bad_inputs_are_reported_counted_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    std::fs::write(dir.path().join("in/empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("in/blob.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("in/feed.jsonl"),
        "{\"id\":\"ok-1\",\"text\":\"MOSCOW, May 5 (TASS) -- Mongolian Foreign Minister Batbold Enkh arrived in Moscow on Tuesday.\",\"published\":\"2021-05-05\",\"source\":\"TASS\"}\n\
         this is not json\n\
         {\"id\":\"no-text\"}\n",
    )
    .unwrap();
    let o = attache(&["ingest", "--db", "t.db", "in"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("4 skipped (1 bad JSON, 1 binary, 1 empty, 1 no text)"),
        "summary in:\n{err}"
    );
    for needle in ["empty.txt", "blob.txt", "feed.jsonl:2", "feed.jsonl:3"] {
        assert!(err.contains(needle), "{needle} not reported in:\n{err}");
    }
    let events = attache(&["events", "--db", "t.db", "--format", "jsonl"], dir.path());
    let text = stdout(&events);
    assert!(
        text.contains("\"MNG\""),
        "the good JSONL line was stored: {text}"
    );
    assert!(
        text.contains("\"PRK\""),
        "the good text file was stored: {text}"
    );
}

#[test]
fn a_database_that_is_not_attaches_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    std::fs::write(dir.path().join("notes.db"), "my notes, not a database").unwrap();
    let o = attache(&["ingest", "--db", "notes.db", "in"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.db")).unwrap(),
        "my notes, not a database"
    );
}

#[test]
fn text_shows_what_the_cleaner_kept() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let o = attache(&["text", "in/upi-ri-moscow.txt"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(doc["id"], "upi-ri-moscow");
    assert_eq!(doc["title"], "N. Korean vice minister heads to Moscow");
    assert_eq!(doc["published"], "2019-03-04");
    assert_eq!(doc["source"], "UPI");
    let text = doc["text"].as_str().unwrap();
    assert!(text.contains("left Pyongyang for Moscow"));
    for junk in [
        "share with facebook",
        "newsletter",
        "Related UPI Stories",
        "Hanoi",
    ] {
        assert!(!text.contains(junk), "{junk:?} kept in {text}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["frobnicate"][..],
        &["events", "--db", "missing.db"],
        &["ingest"],
    ] {
        let o = attache(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    write_corpus(dir.path());
    attache(&["ingest", "--db", "t.db", "in"], dir.path());
    for args in [
        &["events", "--db", "t.db", "--since", "last tuesday"][..],
        &["events", "--db", "t.db", "--modality", "maybe"],
        &["events", "--db", "t.db", "--dyad", "PRK"],
        &["events", "--db", "t.db", "--dyad", "PRK-Russia"],
    ] {
        let o = attache(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("--"), "{}", stderr(&o));
    }
}

#[test]
fn demo_ingests_the_bundled_corpus_and_prints_a_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let o = attache(&["demo", "--db", "demo.db"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Timeline of visits"), "{out}");
    assert!(out.contains("PRK -> RUS"), "{out}");
    // Running it again stores nothing new.
    let again = attache(&["demo", "--db", "demo.db"], dir.path());
    assert!(again.status.success());
    assert_eq!(stdout(&again).lines().next(), out.lines().next());
}

/// Pixels of `png` inside the rectangle `[x0, x1) x [y0, y1)`, given in chart units (the SVG
/// is 900x320) and scaled to the picture, that `keep` accepts.
fn count_pixels(
    png: &tiny_skia::Pixmap,
    (x0, y0, x1, y1): (u32, u32, u32, u32),
    keep: impl Fn(u8, u8, u8) -> bool,
) -> usize {
    let scale = png.width() / 900;
    (y0 * scale..y1 * scale)
        .flat_map(|y| (x0 * scale..x1 * scale).map(move |x| (x, y)))
        .filter_map(|(x, y)| png.pixel(x, y))
        .filter(|p| keep(p.red(), p.green(), p.blue()))
        .count()
}

#[test]
fn plot_draws_a_png_with_its_text_or_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let o = attache(&["demo", "--db", "demo.db"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let plot = |extra: &[&str]| {
        let mut args = vec!["plot", "--db", "demo.db", "--actor", "PRK", "--by", "year"];
        args.extend_from_slice(extra);
        attache(&args, dir.path())
    };
    for (extra, out, size) in [
        (&[][..], "t.png", (1800, 640)),
        (&["--scale", "1"][..], "t1.png", (900, 320)),
    ] {
        let o = plot(&[&["--out", out][..], extra].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        let png = tiny_skia::Pixmap::load_png(dir.path().join(out)).expect("a PNG");
        assert_eq!((png.width(), png.height()), size, "{extra:?}");
        let dark = |r: u8, g: u8, b: u8| r.max(g).max(b) < 96;
        let coloured = |r: u8, g: u8, b: u8| r.max(g).max(b) - r.min(g).min(b) > 60;
        // The title, centred above the plot, and the y axis's "events" on the left are text:
        // dark strokes on white.
        let title = count_pixels(&png, (300, 0, 600, 28), dark);
        let y_desc = count_pixels(&png, (0, 100, 24, 200), dark);
        assert!(
            title > 40 && y_desc > 10,
            "{out}: title {title}, y label {y_desc} dark pixels"
        );
        // Bars right of the legend, in the palette's colours; the margin above the plot has none.
        let bars = count_pixels(&png, (300, 40, 900, 290), coloured);
        assert!(bars > 200, "{out}: {bars} coloured pixels in the plot");
        assert_eq!(count_pixels(&png, (0, 0, 900, 8), coloured), 0);
    }
    // No fonts where --font-dir points: no PNG, and the message says what to install.
    std::fs::create_dir(dir.path().join("no-fonts")).unwrap();
    let o = plot(&["--out", "none.png", "--font-dir", "no-fonts"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("apt-get install fonts-dejavu-core"),
        "{}",
        stderr(&o)
    );
    // Options that mean nothing for SVG, and formats not drawn, are usage errors.
    for (extra, says) in [
        (&["--out", "none.svg", "--scale", "2"][..], "--scale"),
        (&["--out", "none.png", "--scale", "80"][..], "scale 80"),
        (&["--out", "none.gif"][..], "*.png"),
    ] {
        let o = plot(extra);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        assert!(stderr(&o).contains(says), "{extra:?}: {}", stderr(&o));
    }
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("none"))
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn jsonl_on_stdin_and_gzipped_files_are_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    let gz = std::fs::File::create(dir.path().join("in/upi-ri-moscow.txt.gz")).unwrap();
    let mut enc = flate2::write::GzEncoder::new(gz, flate2::Compression::default());
    enc.write_all(WIRE.as_bytes()).unwrap();
    enc.finish().unwrap();
    let o = attache(&["extract", "in"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"upi-ri-moscow\""), "{}", stdout(&o));

    let line = "{\"id\":\"feed-1\",\"source\":\"Wire\",\"published\":\"2022-06-01T08:00:00Z\",\
                \"text\":\"HANOI, June 1 (Wire) -- Cambodian Foreign Minister Sok Vanna arrived in Hanoi on Wednesday for talks.\"}\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["ingest", "--db", "t.db", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(line.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let events = attache(&["events", "--db", "t.db", "--format", "jsonl"], dir.path());
    let e: Value = serde_json::from_str(stdout(&events).lines().next().unwrap()).unwrap();
    assert_eq!(
        (
            e["source"]["country"].as_str(),
            e["target"]["country"].as_str()
        ),
        (Some("KHM"), Some("VNM"))
    );
    assert_eq!(e["date"], "2022-06-01");
    assert_eq!(e["outlets"][0], "Wire");
}

/// A two-sentence article in MEANTIME's token XML, written for this test: the date line is the
/// creation time, "Monday" a gold date we find, "recently" one we miss.
const MEANTIME_XML: &str = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="1_test" lang="en">
<token number="0" sentence="0" t_id="1">March</token>
<token number="1" sentence="0" t_id="2">4</token>
<token number="2" sentence="0" t_id="3">,</token>
<token number="3" sentence="0" t_id="4">2019</token>
<token number="4" sentence="1" t_id="5">Ri</token>
<token number="5" sentence="1" t_id="6">left</token>
<token number="6" sentence="1" t_id="7">on</token>
<token number="7" sentence="1" t_id="8">Monday</token>
<token number="8" sentence="1" t_id="9">after</token>
<token number="9" sentence="1" t_id="10">talks</token>
<token number="10" sentence="1" t_id="11">earlier</token>
<token number="11" sentence="1" t_id="12">stalled</token>
<token number="12" sentence="1" t_id="13">.</token>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2019-03-04">
<token_anchor t_id="1"/>
<token_anchor t_id="4"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2019-03-04">
<token_anchor t_id="8"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="PAST_REF">
<token_anchor t_id="11"/>
</TIMEX3>
</Document>
"#;

#[test]
fn eval_time_scores_timex_annotated_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("gold/part")).unwrap();
    std::fs::write(dir.path().join("gold/part/1_test.xml"), MEANTIME_XML).unwrap();
    let o = attache(&["eval", "time", "--meantime", "gold"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("1 documents (0 without a creation time), 2 gold DATE expressions"),
        "{out}"
    );
    assert!(out.contains("precision 1.000  recall 0.500"), "{out}");
    assert!(out.contains("accuracy 1.000 (1 of 1 found)"), "{out}");
    assert!(out.contains("MB/s"), "{out}");
    assert!(!out.contains("missed"), "{out}");

    let o = attache(
        &["eval", "time", "--verbose", "--meantime", "gold"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("missed x1: earlier"), "{}", stdout(&o));

    let o = attache(&["eval", "time", "--meantime", "nowhere"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nowhere"), "{}", stderr(&o));
}

/// An article with no date line: the publication date is inferred from the latest full date in
/// the text, flagged and warned about; events fall back on it with basis `reported`.
const UNDATED: &str = "\
Laotian minister ends Hanoi visit

Laotian Foreign Minister Somsak Vong arrived in Hanoi on Feb. 12, 2024, for two days of talks. \
He last visited Vietnam on 3 October 2023.

The minister recently met Vietnamese officials in Vientiane, the ministry said.
";

#[test]
fn text_infers_an_undated_articles_publication_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("undated.txt"), UNDATED).unwrap();
    let o = attache(&["text", "undated.txt"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(doc["published"], "2024-02-12", "{doc}");
    assert_eq!(doc["published_from"], "inferred", "{doc}");
    let warnings = doc["warnings"].to_string();
    assert!(warnings.contains("inferred 2024-02-12"), "{warnings}");
}

/// The UPI story as another outlet ran it: own title, date line and dateline, one sentence
/// added, the rest word for word.
const SYNDICATED: &str = "\
North Korean vice FM leaves for Moscow

2019-03-04 11:40

MOSCOW (Daily Courier) -- North Korean Vice Foreign Minister Ri Kwang-sok left Pyongyang for Moscow on Monday, \
state media reported, amid talks on a new fisheries deal.

Ri is expected to meet Russian officials during the three-day trip, the report said.

Russia is North Korea's second-largest trading partner after China.
";

/// Another story by the same outlet on the same trip: not a copy, so never linked.
const OTHER_STORY: &str = "\
Moscow, Pyongyang near fisheries deal

2019-03-05 09:15

MOSCOW (Daily Courier) -- Russian and North Korean negotiators are close to a fisheries agreement that \
would let North Korean trawlers work in Russian waters off Sakhalin, a ministry official said on Tuesday, \
a day after Vice Foreign Minister Ri Kwang-sok arrived in Moscow.
";

#[test]
fn syndicated_copies_are_linked_and_still_counted_as_sources() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    std::fs::write(dir.path().join("in/courier-ri-moscow.txt"), SYNDICATED).unwrap();
    std::fs::write(dir.path().join("in/courier-fisheries.txt"), OTHER_STORY).unwrap();
    let o = attache(&["ingest", "--db", "d.db", "in"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let o = attache(
        &[
            "events", "--db", "d.db", "--code", "042", "--format", "jsonl",
        ],
        dir.path(),
    );
    let events: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // One trip: the copy is a source too, and its mentions fold into the same event.
    assert_eq!(events.len(), 1, "{}", stdout(&o));
    assert_eq!(
        events[0]["documents"],
        serde_json::json!(["courier-ri-moscow", "upi-ri-moscow"])
    );
    let id = events[0]["id"].as_str().unwrap();
    let o = attache(&["show", "--db", "d.db", id], dir.path());
    let shown = stdout(&o);
    let links: Vec<&str> = shown.lines().filter(|l| l.contains("duplicate ")).collect();
    assert_eq!(links.len(), 1, "{shown}");
    assert!(
        links[0].contains("courier-ri-moscow ≈ upi-ri-moscow"),
        "{shown}"
    );
}

/// The arrival of a trip across a month boundary, and a plan for it published the week before.
const ARRIVAL: &str = "\
Mongolian foreign minister arrives in Hanoi

2024-01-31 10:05

HANOI (VNA) -- Mongolian Foreign Minister Enkhbayar Ganzorig arrived in Hanoi on Wednesday for a \
three-day official visit, the Vietnamese Foreign Ministry said.
";

const TALKS: &str = "\
Vietnam's premier receives Mongolian foreign minister

2024-02-02 17:30

HANOI (VNA) -- Vietnamese Prime Minister Tran Quoc Binh received the visiting Mongolian Foreign \
Minister Enkhbayar Ganzorig in Hanoi on Friday.
";

const PLAN: &str = "\
Mongolian FM to visit Vietnam

2024-01-24 08:00

ULAANBAATAR (Daily Courier) -- Mongolian Foreign Minister Enkhbayar Ganzorig will travel to Hanoi on \
Jan. 31 for a three-day official visit, the ministry said on Wednesday.
";

#[test]
fn ingest_runs_merge_one_trip_across_months_and_link_its_plan() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, name, text) in [
        ("a", "vna-arrival.txt", ARRIVAL),
        ("b", "courier-plan.txt", PLAN),
        ("c", "vna-talks.txt", TALKS),
    ] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join(name), text).unwrap();
        // One run per story: each merges into what the store already holds.
        let o = attache(&["ingest", "--db", "d.db", folder], dir.path());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = attache(&["events", "--db", "d.db", "--format", "jsonl"], dir.path());
    let events: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let actual: Vec<&Value> = events
        .iter()
        .filter(|e| e["modality"] == "actual")
        .collect();
    let planned: Vec<&Value> = events
        .iter()
        .filter(|e| e["modality"] == "planned")
        .collect();
    assert_eq!((actual.len(), planned.len()), (1, 1), "{}", stdout(&o));
    assert_eq!(
        actual[0]["documents"],
        serde_json::json!(["vna-arrival", "vna-talks"])
    );
    assert_eq!(actual[0]["related"], serde_json::json!([planned[0]["id"]]));
    let o = attache(
        &["show", "--db", "d.db", actual[0]["id"].as_str().unwrap()],
        dir.path(),
    );
    assert!(
        stdout(&o).contains(&format!("related   {}", planned[0]["id"].as_str().unwrap())),
        "{}",
        stdout(&o)
    );
}

/// Issue 6: the same stories ingested in any order, one run each, give the same events and ids.
#[test]
fn ingest_order_changes_neither_events_nor_ids() {
    let stories = [
        ("vna-arrival.txt", ARRIVAL),
        ("courier-plan.txt", PLAN),
        ("vna-talks.txt", TALKS),
        ("upi-ri.txt", WIRE),
    ];
    let orders: [[usize; 4]; 4] = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]];
    let mut seen: Vec<Vec<Value>> = Vec::new();
    for order in orders {
        let dir = tempfile::tempdir().unwrap();
        for i in order {
            let (name, text) = stories[i];
            let folder = format!("s{i}");
            std::fs::create_dir_all(dir.path().join(&folder)).unwrap();
            std::fs::write(dir.path().join(&folder).join(name), text).unwrap();
            let o = attache(&["ingest", "--db", "d.db", &folder], dir.path());
            assert!(o.status.success(), "{}", stderr(&o));
        }
        let o = attache(&["events", "--db", "d.db", "--format", "jsonl"], dir.path());
        let mut events: Vec<Value> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        events.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        seen.push(events);
    }
    assert!(seen[0].len() >= 3, "{:?}", seen[0]);
    for (order, events) in orders.iter().zip(&seen).skip(1) {
        assert_eq!(events, &seen[0], "order {order:?}");
    }
}

/// Two outlets, two spellings of one official; only the first gives his title and country.
const TWO_SPELLINGS: &str = r#"{"id":"a-ri","source":"Outlet A","published":"2019-03-04","text":"North Korean Vice Foreign Minister Ri Kwang-sok left Pyongyang for Moscow on Monday, state media reported."}
{"id":"b-ri","source":"Outlet B","published":"2019-03-04","text":"Ri Kwang Sok arrived in Moscow on Monday for talks on fisheries, officials said."}
"#;

fn sources(o: &Output) -> Vec<(String, String, String, usize)> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|e| e["code"] == "042")
        .map(|e| {
            (
                e["source"]["name"].as_str().unwrap_or("").to_string(),
                e["source"]["code"].as_str().unwrap_or("").to_string(),
                e["target"]["country"].as_str().unwrap_or("").to_string(),
                e["documents"].as_array().map_or(0, Vec::len),
            )
        })
        .collect()
}

#[test]
fn user_dictionaries_name_an_official_across_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("two.jsonl"), TWO_SPELLINGS).unwrap();
    std::fs::write(
        d.join("people.tsv"),
        "# our people file\nname\tvariants\tcountry\tcode\tfrom\tto\ttitle\n\
         Ri Kwang-sok\t-\tPRK\tPRKGOV\t2016\t2018\tdeputy director-general\n\
         Ri Kwang-sok\t-\tPRK\tPRKGOV\t2019\t-\tVice Foreign Minister\n",
    )
    .unwrap();
    std::fs::write(
        d.join("test.actors.txt"),
        "# PETRARCH format\nRI_KWANG_SOK_\n+RI_KWANG-SOK\n\t[PRKGOV >190101]\n\t[PRKELI]\n",
    )
    .unwrap();

    // Without a dictionary the second outlet's bare name is nobody.
    let o = attache(&["extract", "two.jsonl"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        sources(&o),
        [("Ri Kwang-sok".into(), "PRKGOV".into(), "RUS".into(), 1)]
    );

    // With the people file both reports are one visit by one named official.
    let o = attache(&["extract", "--people", "people.tsv", "two.jsonl"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        sources(&o),
        [("Ri Kwang-sok".into(), "PRKGOV".into(), "RUS".into(), 2)]
    );
    assert!(
        stderr(&o).contains("dictionaries: 1 actors (1 names, 2 codes), 0 agents"),
        "{}",
        stderr(&o)
    );

    // A PETRARCH actor dictionary does the same, with its own spelling of the name.
    let o = attache(&["extract", "--actors", "test.actors.txt", "two.jsonl"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        sources(&o),
        [("Ri Kwang Sok".into(), "PRKGOV".into(), "RUS".into(), 2)]
    );

    // A bad line of a PETRARCH file is skipped with a warning naming file and line; the run
    // goes on with the rest.
    std::fs::write(
        d.join("typo.actors.txt"),
        "RI_KWANG_SOK_ [PRKGOV >190101]\nOTHER_ [PRKGOV 0301-]\n",
    )
    .unwrap();
    let o = attache(&["extract", "--actors", "typo.actors.txt", "two.jsonl"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: skipped typo.actors.txt:2: [PRKGOV 0301-]"),
        "{}",
        stderr(&o)
    );
    assert_eq!(sources(&o)[0].3, 2);

    // A bad people file stops the run before anything is read, naming file and line.
    std::fs::write(
        d.join("bad.tsv"),
        "name\tvariants\tcountry\tcode\tfrom\tto\ttitle\nRi\t-\tPRK\tPRKGOV\t2019-02-30\t-\t-\n",
    )
    .unwrap();
    let o = attache(
        &["ingest", "--db", "x.db", "--people", "bad.tsv", "two.jsonl"],
        d,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("bad.tsv:2: column \"from\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_config_file_names_the_dictionaries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, text: &str| std::fs::write(d.join(name), text).unwrap();
    write("two.jsonl", TWO_SPELLINGS);
    std::fs::create_dir(d.join("dict")).unwrap();
    write(
        "dict/people.tsv",
        "name\tvariants\tcountry\tcode\tfrom\tto\ttitle\n\
         Ri Kwang-sok\t-\tPRK\tPRKGOV\t2019\t-\tVice Foreign Minister\n",
    );
    let one_official = [(
        "Ri Kwang-sok".to_string(),
        "PRKGOV".to_string(),
        "RUS".to_string(),
        2,
    )];

    // attache.toml in the working directory is read by default; paths are relative to it.
    write(
        "attache.toml",
        "[dictionaries]\npeople = [\"dict/people.tsv\"]\n",
    );
    let o = attache(&["extract", "two.jsonl"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("config: attache.toml"),
        "{}",
        stderr(&o)
    );
    assert_eq!(sources(&o), one_official);

    // --config names another file; its paths are relative to its own folder.
    write(
        "dict/site.toml",
        "# our site\n[dictionaries]\npeople = [\"people.tsv\"]\n",
    );
    write("attache.toml", "[dictionaries]\n");
    let o = attache(&["extract", "two.jsonl"], d);
    assert_eq!(sources(&o)[0].3, 1, "the default file now names no people");
    let o = attache(&["ingest", "--config", "dict/site.toml", "two.jsonl"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("dictionaries: 1 actors"),
        "{}",
        stderr(&o)
    );

    // A mistake stops the run, naming the file and line.
    write(
        "attache.toml",
        "[dictionaries]\npeople = [\"dict/people.tsv\"]\nactor = [\"x.txt\"]\n",
    );
    let o = attache(&["extract", "two.jsonl"], d);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("attache.toml:3: unknown field `actor`"),
        "{}",
        stderr(&o)
    );
    let o = attache(&["extract", "--config", "none.toml", "two.jsonl"], d);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("none.toml"), "{}", stderr(&o));
}

#[test]
fn eval_plover_prints_accuracy_per_type() {
    let dir = tempfile::tempdir().unwrap();
    // Two records of our own in the PLOVER gold shape.
    std::fs::write(
        dir.path().join("gold.json"),
        r#"[{"id": "A-1", "event": "SANCTION", "text": "Canada recalled its ambassador from Peru.",
             "source": [{"actorText": "Canada", "code": "CAN"}],
             "target": [{"actorText": "Peru", "code": "PER"}]},
            {"id": "A-2", "event": "REJECT", "text": "The weather was mild on Tuesday.",
             "source": [{"actorText": "Chile", "code": "CHL"}], "target": ""}]"#,
    )
    .unwrap();
    let o = attache(&["eval", "plover", "--gold", "gold.json"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    let row = |name: &str| {
        table
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} row in {table}"))
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(row("SANCTION")[1..4], ["1", "1", "1.000"]);
    assert_eq!(row("REJECT")[1..4], ["1", "0", "0.000"]);
    assert_eq!(row("all")[1..4], ["2", "1", "0.500"]);
    // said, P, R, F1: one sentence coded SANCTION and right; REJECT never said.
    assert_eq!(row("SANCTION")[4..8], ["1", "1.000", "1.000", "1.000"]);
    assert_eq!(row("REJECT")[4..8], ["0", "-", "0.000", "-"]);
    assert_eq!(row("all")[4..8], ["1", "1.000", "0.500", "0.667"]);
    assert!(
        table.contains(
            "events: precision 1.000 (1/1 coded), recall 0.500 (1/2 sentences), F1 0.667"
        ),
        "{table}"
    );

    // Canada and Peru are found as actors in their sentences; Chile is not in its sentence.
    assert!(
        table.contains("in their sentence (country part): source 0.500 (1/2), target 1.000 (1/1)"),
        "{table}"
    );

    let bad = attache(&["eval", "plover", "--gold", "missing.json"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("missing.json"), "{}", stderr(&bad));
}

/// One MEANTIME-style file: a headline and one sentence, its token `t_id` 6 (the sentence's
/// fourth word, "signed" below) linked to cross-document instance `instance`. Written for
/// this test.
fn meantime_file(doc_id: &str, date: &str, sentence: &str, instance: &str) -> String {
    let mut xml = format!("<?xml version=\"1.0\" ?><Document doc_id=\"{doc_id}\">\n");
    let words: Vec<&str> = ["Treaty", "signed"]
        .into_iter()
        .chain(sentence.split(' '))
        .collect();
    for (i, w) in words.iter().enumerate() {
        let s = usize::from(i >= 2);
        xml.push_str(&format!(
            "<token number=\"{i}\" sentence=\"{s}\" t_id=\"{}\">{w}</token>\n",
            i + 1
        ));
    }
    xml.push_str(&format!(
        "<Markables>\n<EVENT_MENTION m_id=\"1\" pred=\"sign\">\n<token_anchor t_id=\"6\"/>\n\
         </EVENT_MENTION>\n<TIMEX3 functionInDocument=\"CREATION_TIME\" m_id=\"2\" type=\"DATE\" \
         value=\"{date}\">\n</TIMEX3>\n<EVENT class=\"OTHER\" instance_id=\"{instance}\" m_id=\"3\"/>\n\
         </Markables>\n<Relations>\n<REFERS_TO r_id=\"1\">\n<source m_id=\"1\"/>\n\
         <target m_id=\"3\"/>\n</REFERS_TO>\n</Relations>\n</Document>\n"
    ));
    xml
}

#[test]
fn eval_merge_scores_cross_document_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("mt");
    std::fs::create_dir(&corpus).unwrap();
    let sentence = "Russia and China signed a trade treaty in Beijing on Tuesday .";
    for (name, date, instance) in [
        ("a", "2019-06-05", "OTH1"),
        ("b", "2019-06-05", "OTH1"),
        ("c", "2019-06-06", "OTH2"),
    ] {
        std::fs::write(
            corpus.join(format!("{name}.xml")),
            meantime_file(name, date, sentence, instance),
        )
        .unwrap();
    }
    let out = attache(&["eval", "merge", "--meantime", "mt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // Three aligned mentions of one signing: a-b is linked and merged; a-c and b-c are merged
    // (one treaty, one day apart) but gold keeps c apart.
    assert!(text.contains("documents       3"), "{text}");
    assert!(text.contains("3 aligned"), "{text}");
    assert!(text.contains("1 gold-linked, 3 merged, 1 both"), "{text}");
    assert!(text.contains("precision       0.333"), "{text}");
    assert!(text.contains("recall          1.000"), "{text}");
}

#[test]
fn extract_links_near_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("upi.txt"), WIRE).unwrap();
    // A syndicated copy under another credit, and an unrelated story.
    let copy = WIRE.replace("SEOUL, March 4 (UPI) --", "TOKYO (Daily) --");
    std::fs::write(dir.path().join("daily.txt"), copy).unwrap();
    std::fs::write(
        dir.path().join("other.txt"),
        "Japan's premier to visit Hanoi\n\nTOKYO, March 5 (Daily) -- Japan's prime minister \
         will travel to Hanoi next month for talks on maritime security and rice imports, \
         officials said on Tuesday.\n",
    )
    .unwrap();
    let out = attache(
        &[
            "extract",
            "--format",
            "table",
            "upi.txt",
            "daily.txt",
            "other.txt",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let links: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("near-duplicates:"))
        .collect();
    assert_eq!(links.len(), 1, "{text}");
    assert!(
        links[0].starts_with("near-duplicates: daily ~ upi"),
        "{text}"
    );
    assert!(stderr(&out).contains("1 near-duplicate document pairs"));
}

/// `--merge-config FILE` replaces data/merge.tsv: a wider trip gap merges two arrivals five
/// days apart; a bad line stops the run with its place.
#[test]
fn merge_config_changes_the_windows() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    std::fs::write(
        dir.path().join("in/kcna-ri-moscow-again.txt"),
        "Vice foreign minister in Moscow again\n\n2019-03-09 10:00\n\n\
         PYONGYANG, March 9 (KCNA) -- Vice Foreign Minister Ri Kwang-sok of the DPRK \
         arrived in Moscow on Saturday for talks on fisheries.\n",
    )
    .unwrap();
    let builtin = include_str!("../data/merge.tsv");
    let visits = |args: &[&str]| {
        let o = attache(args, dir.path());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|e| e["code"] == "042" && e["modality"] == "actual")
            .count()
    };
    assert_eq!(visits(&["extract", "in"]), 2, "five days apart: two trips");
    std::fs::write(
        dir.path().join("wide.tsv"),
        builtin.replace("trip_gap_days\t3", "trip_gap_days\t7"),
    )
    .unwrap();
    assert_eq!(
        visits(&["extract", "--merge-config", "wide.tsv", "in"]),
        1,
        "a week's gap: one trip"
    );
    std::fs::write(
        dir.path().join("bad.tsv"),
        builtin.replace("trip_gap_days\t3", "trip_gap_days\tthree"),
    )
    .unwrap();
    let o = attache(&["ingest", "--merge-config", "bad.tsv", "in"], dir.path());
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("bad.tsv:9: trip_gap_days"),
        "{}",
        stderr(&o)
    );
}

/// `--cues FILE` replaces data/cues.tsv: without "may" among the possibility cues, "may
/// impose" is no longer a possible event; a bad line stops the run with its place.
#[test]
fn cues_file_replaces_the_cue_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    std::fs::write(
        dir.path().join("in/sanctions.txt"),
        "TOKYO, May 2 (Wire) -- Japan may impose new sanctions on North Korea, officials said.\n",
    )
    .unwrap();
    let builtin = include_str!("../data/cues.tsv");
    let modalities = |args: &[&str]| {
        let o = attache(args, dir.path());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|e| e["code"] == "163")
            .map(|e| e["modality"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(modalities(&["extract", "in"]), ["possible"]);
    std::fs::write(
        dir.path().join("cues.tsv"),
        builtin.replace("possibility\tmay\n", ""),
    )
    .unwrap();
    assert_eq!(
        modalities(&["extract", "--cues", "cues.tsv", "in"]),
        ["actual"]
    );
    std::fs::write(
        dir.path().join("bad.tsv"),
        builtin.replace("possibility\tmay\n", "possibilities\tmay\n"),
    )
    .unwrap();
    let o = attache(&["extract", "--cues", "bad.tsv", "in"], dir.path());
    assert_ne!(o.status.code(), Some(0));
    let line = builtin
        .lines()
        .position(|l| l == "possibility\tmay")
        .unwrap()
        + 1;
    assert!(
        stderr(&o).contains(&format!("bad.tsv:{line}: unknown list \"possibilities\"")),
        "{}",
        stderr(&o)
    );
}

/// Three outlets on one planned meeting: two quote a speaker, one tells it in its own words.
const CLAIMED: &str = r#"{"id":"wire-a-choe","source":"Wire A","published":"2024-10-29","text":"MOSCOW (Wire A) -- North Korean Foreign Minister Choe Son Hui will meet Russian Foreign Minister Sergei Lavrov in Moscow on Friday, Russian Foreign Ministry spokeswoman Maria Zakharova said on Tuesday."}
{"id":"daily-b-choe","source":"Daily B","published":"2024-10-29","text":"SEOUL (Daily B) -- North Korean Foreign Minister Choe Son Hui will meet Russian Foreign Minister Sergei Lavrov in Moscow on Friday, state media said."}
{"id":"post-c-choe","source":"Post C","published":"2024-10-29","text":"TOKYO (Post C) -- North Korean Foreign Minister Choe Son Hui will meet Russian Foreign Minister Sergei Lavrov in Moscow on Friday."}
{"id":"post-c-sanctions","source":"Post C","published":"2024-10-29","text":"TOKYO (Post C) -- Japan imposed new sanctions on North Korea on Tuesday."}
"#;

/// Issue 5: merged events list the distinct claimants of their mentions in every output, and
/// `--claimant` keeps the events a speaker claims, by code, country, name, surname or words.
#[test]
fn events_carry_their_claimants_and_filter_by_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("claimed.jsonl"), CLAIMED).unwrap();
    let o = attache(&["ingest", "--db", "c.db", "claimed.jsonl"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let events = |flags: &[&str]| -> Vec<Value> {
        let mut args = vec!["events", "--db", "c.db", "--format", "json"];
        args.extend_from_slice(flags);
        let o = attache(&args, dir.path());
        assert!(o.status.success(), "{flags:?}: {}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let all = events(&[]);
    let meeting = all
        .iter()
        .find(|e| e["code"] == "036" || e["root"] == "04")
        .unwrap_or_else(|| panic!("no meeting in {all:?}"));
    assert_eq!(
        meeting["mentions"].as_array().unwrap().len(),
        3,
        "{meeting}"
    );
    let claimants = meeting["claimants"].as_array().unwrap();
    let names: Vec<&str> = claimants
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    // In the order of the mentions (by document id); the outlet's own account adds none.
    assert_eq!(names, ["state media", "Maria Zakharova"], "{meeting}");
    assert_eq!(claimants[1]["code"], "RUSGOV");
    assert_eq!(claimants[1]["mentions"], 1);
    // The outlet's own account claims nothing.
    let sanctions = all.iter().find(|e| e["root"] == "16").unwrap();
    assert_eq!(sanctions["claimants"], serde_json::json!([]));

    let ids = |v: &[Value]| -> Vec<String> {
        let mut ids: Vec<String> = v.iter().map(|e| e["id"].as_str().unwrap().into()).collect();
        ids.sort();
        ids
    };
    let claimed: Vec<Value> = all
        .iter()
        .filter(|e| !e["claimants"].as_array().unwrap().is_empty())
        .cloned()
        .collect();
    assert!(!claimed.is_empty());
    for value in ["Zakharova", "maria zakharova", "RUS", "state media"] {
        assert_eq!(
            ids(&events(&["--claimant", value])),
            ids(&claimed),
            "--claimant {value}"
        );
    }
    assert!(events(&["--claimant", "Lavrov"]).is_empty());
    assert!(events(&["--claimant", "PRK"]).is_empty());

    // CSV: one column, CODE:name or the words alone.
    let o = attache(
        &[
            "events",
            "--db",
            "c.db",
            "--claimant",
            "Zakharova",
            "--format",
            "csv",
        ],
        dir.path(),
    );
    let csv = stdout(&o);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = header
        .iter()
        .position(|h| *h == "claimants")
        .expect("a claimants column");
    // The last columns hold no comma here (no quoted field after the claimants).
    let first_row: Vec<&str> = csv.lines().nth(1).unwrap().rsplit(',').collect();
    let claimants = first_row[header.len() - 1 - column];
    assert_eq!(claimants, "state media|RUSGOV:Maria Zakharova", "{csv}");

    // `show`, as text and JSON.
    let id = meeting["id"].as_str().unwrap();
    let o = attache(&["show", "--db", "c.db", id], dir.path());
    assert!(stdout(&o).contains("claimant  "), "{}", stdout(&o));
    assert!(stdout(&o).contains("Maria Zakharova"), "{}", stdout(&o));
    let o = attache(
        &["show", "--db", "c.db", "--format", "json", id],
        dir.path(),
    );
    let shown: Vec<Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(shown[0]["claimants"], meeting["claimants"]);

    // A value that cannot name anyone is an error, not "no filter".
    for bad in ["", "42", "%%"] {
        let o = attache(&["events", "--db", "c.db", "--claimant", bad], dir.path());
        assert!(!o.status.success(), "--claimant {bad:?}");
        assert!(stderr(&o).contains("claimant"), "{}", stderr(&o));
    }
}

const THREE_DAYS: &str = "\
Mongolian minister in Moscow for talks on rail transit

By Oyun Bat | February 28, 2024

ULAANBAATAR, Feb. 28 (Wire) -- Mongolian Foreign Minister Bat Dorj began a three-day visit to \
Moscow on Monday, the ministry said.
";

const SOON: &str = "\
Chinese vice premier to tour Seoul

By Min-ji Park | March 15, 2024

SEOUL, March 15 (Wire) -- Chinese Vice Premier Liu Tao will soon visit Seoul, officials said.
";

/// Issue 4: the time of an event (its end, a vague time, a duration) is in every output: the
/// CSV of `attache events`, `attache show`, and the date filter takes the end into account.
#[test]
fn every_output_carries_the_time_of_an_event() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/wire-dorj-moscow.txt"), THREE_DAYS).unwrap();
    std::fs::write(dir.path().join("in/wire-liu-seoul.txt"), SOON).unwrap();
    let o = attache(&["ingest", "--db", "t.db", "in"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));

    // (target country, date, date_end, date_vague, duration) of each visit in the CSV.
    let visits = |extra: &[&str]| -> Vec<[String; 5]> {
        let mut args = vec!["events", "--db", "t.db", "--code", "042", "--format", "csv"];
        args.extend_from_slice(extra);
        let o = attache(&args, dir.path());
        assert!(o.status.success(), "{}", stderr(&o));
        let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
        let header = reader.headers().unwrap().clone();
        let column = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
        };
        let columns = [
            "target_country",
            "date",
            "date_end",
            "date_vague",
            "duration",
        ]
        .map(column);
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                columns.map(|c| r[c].to_string())
            })
            .collect()
    };
    let row = |cells: [&str; 5]| cells.map(String::from);
    let dorj = row(["RUS", "2024-02-26", "2024-02-28", "", "P3D"]);
    let liu = row(["KOR", "2024-03-15", "", "future", ""]);
    assert_eq!(visits(&[]), [dorj.clone(), liu.clone()]);
    // The visit began on Monday Feb. 26 and lasted three days: it was still on on Feb. 28.
    assert_eq!(
        visits(&["--since", "2024-02-28", "--until", "2024-02-29"]),
        [dorj]
    );
    assert_eq!(
        visits(&["--since", "2024-02-29", "--until", "2024-03-14"]),
        Vec::<[String; 5]>::new()
    );

    let o = attache(
        &[
            "events", "--db", "t.db", "--code", "042", "--format", "json",
        ],
        dir.path(),
    );
    let events: Vec<Value> = serde_json::from_str(&stdout(&o)).unwrap();
    let show = |i: usize| {
        let id = events[i]["id"].as_str().unwrap();
        let o = attache(&["show", "--db", "t.db", id], dir.path());
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let dorj = show(0);
    assert!(dorj.contains("2024-02-26/2024-02-28"), "{dorj}");
    assert!(dorj.contains("  duration  P3D"), "{dorj}");
    assert!(!dorj.contains("  vague "), "{dorj}");
    let liu = show(1);
    assert!(liu.contains("basis reported"), "{liu}");
    assert!(
        liu.contains("  vague     future (on or after the date)"),
        "{liu}"
    );
    assert!(!liu.contains("  duration "), "{liu}");
}
