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

    let bad = attache(&["eval", "plover", "--gold", "missing.json"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("missing.json"), "{}", stderr(&bad));
}
