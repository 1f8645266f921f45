//! API tests: the real `attache serve` on a loopback port, over a database that the real
//! `attache ingest` built from the bundled sample corpus. Answers are checked against what
//! `attache events` prints for the same filters, and against the text they point into.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

fn attache(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("attache runs")
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/samples")
}

/// A running `attache serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    /// Kept open: a server whose stderr is closed would fail on its next message.
    _stderr: BufReader<std::process::ChildStderr>,
}

impl Server {
    /// Serve `db` on a free loopback port, read from the line the server prints.
    fn start(db: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .stderr(Stdio::piped())
            .spawn()
            .expect("attache serve starts");
        let mut line = String::new();
        let mut stderr = BufReader::new(child.stderr.take().expect("piped stderr"));
        stderr.read_line(&mut line).unwrap();
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server {
            child,
            port,
            _stderr: stderr,
        }
    }

    /// Status, content type and body of a request.
    fn request(&self, method: &str, path: &str) -> (u16, String, String) {
        let (status, kind, body) = self.request_bytes(method, path);
        (status, kind, String::from_utf8(body).unwrap())
    }

    /// Status, content type and body of a request whose body may be binary (a PNG).
    fn request_bytes(&self, method: &str, path: &str) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = std::str::from_utf8(&raw[..split]).unwrap();
        let body = &raw[split + 4..];
        let status = head[9..12].parse().unwrap();
        let header = |name: &str| {
            head.lines()
                .find_map(|l| {
                    let (n, v) = l.split_once(':')?;
                    n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
                })
                .unwrap_or_default()
        };
        let body = if header("transfer-encoding") == "chunked" {
            unchunk(std::str::from_utf8(body).unwrap()).into_bytes()
        } else {
            body.to_vec()
        };
        (status, header("content-type"), body)
    }

    /// The JSON of a GET that must succeed.
    fn get(&self, path: &str) -> Value {
        let (status, kind, body) = self.request("GET", path);
        assert_eq!(status, 200, "{path}: {body}");
        assert!(kind.starts_with("application/json"), "{path}: {kind}");
        serde_json::from_str(&body).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            break;
        }
        out.push_str(&tail[..n]);
        rest = &tail[n + 2..];
    }
    out
}

/// The sample corpus ingested once into a database shared by the read-only tests.
fn sample_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, db) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("samples.db");
        let o = attache(
            &[
                "ingest",
                "--db",
                db.to_str().unwrap(),
                samples().to_str().unwrap(),
            ],
            dir.path(),
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (dir, db)
    });
    db
}

/// What `attache events --format json` prints for these flags.
fn cli_events(flags: &[&str]) -> Vec<Value> {
    let db = sample_db();
    let mut args = vec!["events", "--format", "json", "--db", db.to_str().unwrap()];
    args.extend_from_slice(flags);
    let o = attache(&args, db.parent().unwrap());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn ids(events: &Value) -> Vec<String> {
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn events_match_the_cli_filter_for_filter() {
    let server = Server::start(sample_db());
    let health = server.get("/api/v1/health");
    assert_eq!(health["status"], "ok");
    let all = cli_events(&[]);
    assert!(all.len() > 10, "the sample corpus has events");
    assert_eq!(health["events"], all.len());
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("actor=PRK", &["--actor", "PRK"]),
        ("actor=prk&code=042", &["--actor", "PRK", "--code", "042"]),
        (
            "source=PRK&target=RUS",
            &["--source", "PRK", "--target", "RUS"],
        ),
        (
            "code=04&modality=negated",
            &["--code", "04", "--modality", "negated"],
        ),
        (
            "since=2019-01-01&until=2019-12-31",
            &["--since", "2019-01-01", "--until", "2019-12-31"],
        ),
        // Empty form fields are no filter.
        ("actor=&code=04", &["--code", "04"]),
        ("dyad=rus-PRK", &["--dyad", "RUS-PRK"]),
        (
            "dyad=PRK,rus&code=042",
            &["--dyad", "prk-RUS", "--code", "042"],
        ),
        ("q=summit", &["--text", "summit"]),
        (
            "q=Summit%20Kim&code=04",
            &["--text", "summit kim", "--code", "04"],
        ),
        // Issue 5: the speakers of reported speech.
        ("claimant=KCNA", &["--claimant", "kcna"]),
        (
            "claimant=state%20media&code=04",
            &["--claimant", "State Media", "--code", "04"],
        ),
        ("claimant=rus", &["--claimant", "RUS"]),
    ];
    for (query, flags) in cases {
        let want = Value::Array(cli_events(flags));
        let page = server.get(&format!("/api/v1/events?limit=1000&{query}"));
        assert_eq!(page["total"], want.as_array().unwrap().len(), "{query}");
        assert_eq!(page["events"], want, "{query}");
    }
}

/// Issue 5: an event lists the distinct speakers of its mentions, in the list and alone, and
/// the `claimant` filter finds exactly the events that name one.
#[test]
fn events_carry_the_claimants_of_their_mentions() {
    let server = Server::start(sample_db());
    let all = server.get("/api/v1/events?limit=1000")["events"].clone();
    let claimed: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["claimants"].as_array().unwrap().is_empty())
        .collect();
    assert!(!claimed.is_empty(), "the samples hold reported speech");
    for event in &claimed {
        // Each listed claimant is the claimant of as many mentions as it says.
        for c in event["claimants"].as_array().unwrap() {
            let name = c["name"].as_str().unwrap();
            let n = event["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| {
                    let m = &m["claimant"];
                    m["name"].as_str().or(m["text"].as_str()) == Some(name)
                        || m["name"]
                            .as_str()
                            .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
                .count();
            assert_eq!(c["mentions"], n, "{name} in {}", event["id"]);
            // Found by its name through the filter.
            let path = format!(
                "/api/v1/events?limit=1000&claimant={}",
                name.replace(' ', "%20")
            );
            assert!(
                ids(&server.get(&path)["events"])
                    .contains(&event["id"].as_str().unwrap().to_string()),
                "{path}"
            );
        }
        let alone = server.get(&format!("/api/v1/events/{}", event["id"].as_str().unwrap()));
        assert_eq!(alone["claimants"], event["claimants"]);
    }
}

#[test]
fn pages_and_sort() {
    let server = Server::start(sample_db());
    let all = ids(&Value::Array(cli_events(&[])));
    let page = server.get("/api/v1/events?limit=5&offset=5");
    assert_eq!(
        (page["offset"].as_u64(), page["limit"].as_u64()),
        (Some(5), Some(5))
    );
    assert_eq!(ids(&page["events"]), all[5..10]);
    let default = server.get("/api/v1/events");
    assert_eq!(default["limit"], 100);
    let past = server.get(&format!("/api/v1/events?offset={}", all.len()));
    assert_eq!(past["events"], Value::Array(vec![]));
    // Newest first: the last possible days never increase down the page.
    let newest = server.get("/api/v1/events?sort=-date&limit=1000");
    let lasts: Vec<String> = newest["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date_end"].as_str().or(e["date"].as_str()))
        .map(String::from)
        .collect();
    assert!(lasts.len() > 10);
    for pair in lasts.windows(2) {
        // Dates of different precision compare by their first characters ("2019" vs "2019-03").
        let n = pair[0].len().min(pair[1].len());
        assert!(pair[0][..n] >= pair[1][..n], "{pair:?}");
    }
}

#[test]
fn an_event_and_its_documents_point_into_their_text() {
    let server = Server::start(sample_db());
    let list = server.get("/api/v1/events?code=042&limit=3");
    for listed in list["events"].as_array().unwrap() {
        let id = listed["id"].as_str().unwrap();
        let event = server.get(&format!("/api/v1/events/{id}"));
        assert_eq!(&event, listed);
        for m in event["mentions"].as_array().unwrap() {
            let n = |k: &str| m[k].as_u64().unwrap() as usize;
            let sentence = m["text"].as_str().unwrap();
            let trigger =
                &sentence[n("start") - n("sentence_start")..n("end") - n("sentence_start")];
            assert_eq!(trigger, m["trigger"], "{id}");
            let doc = server.get(&format!(
                "/api/v1/documents/{}",
                m["document"].as_str().unwrap()
            ));
            let text = doc["text"].as_str().unwrap();
            assert_eq!(&text[n("sentence_start")..n("sentence_end")], sentence);
            let spans = doc["spans"].as_array().unwrap();
            assert!(
                spans
                    .iter()
                    .any(|s| s["event_id"] == id && s["start"] == m["start"]),
                "{id} not among the spans of {}",
                m["document"]
            );
            for s in spans {
                let (a, b) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[a..b], s["trigger"]);
            }
        }
    }
}

#[test]
fn counts_agree_with_the_event_list() {
    let server = Server::start(sample_db());
    let dyads = server.get("/api/v1/dyads?code=04");
    let dyads = dyads["dyads"].as_array().unwrap();
    assert!(!dyads.is_empty());
    for d in dyads.iter().take(3) {
        let (s, t) = (d["source"].as_str().unwrap(), d["target"].as_str().unwrap());
        let want = cli_events(&["--source", s, "--target", t, "--code", "04"]).len();
        assert_eq!(d["events"], want, "{s}->{t}");
        assert_eq!(d["by_root"]["04"], want, "{s}->{t}");
    }
    // Both directions: the union of the two directed lists.
    let both = server.get("/api/v1/events?dyad=rus-PRK&limit=1000");
    let mut want = ids(&Value::Array(cli_events(&[
        "--source", "PRK", "--target", "RUS",
    ])));
    want.extend(ids(&Value::Array(cli_events(&[
        "--source", "RUS", "--target", "PRK",
    ]))));
    let got = ids(&both["events"]);
    assert!(got.len() > 2 && got.len() == want.len(), "{got:?} {want:?}");
    assert!(want.iter().all(|id| got.contains(id)), "{got:?} {want:?}");
    let counts: Vec<u64> = dyads
        .iter()
        .map(|d| d["events"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most first: {counts:?}"
    );

    let actors = server.get("/api/v1/actors?limit=3");
    let actors = actors["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 3);
    for a in actors {
        let c = a["country"].as_str().unwrap();
        assert_eq!(a["events"], cli_events(&["--actor", c]).len(), "{c}");
        assert_eq!(a["as_source"], cli_events(&["--source", c]).len(), "{c}");
    }

    for by in ["year", "month"] {
        let t = server.get(&format!("/api/v1/timeline?by={by}&actor=PRK"));
        let periods = t["periods"].as_array().unwrap();
        let dated: u64 = periods.iter().map(|p| p["events"].as_u64().unwrap()).sum();
        let total = cli_events(&["--actor", "PRK"]).len() as u64;
        assert_eq!(dated + t["undated"].as_u64().unwrap(), total, "{by}");
        let names: Vec<&str> = periods
            .iter()
            .map(|p| p["period"].as_str().unwrap())
            .collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
    }
    let years = server.get("/api/v1/timeline?by=year&code=04&since=2019-01-01&until=2019-12-31");
    let want = cli_events(&[
        "--code",
        "04",
        "--since",
        "2019-01-01",
        "--until",
        "2019-12-31",
    ]);
    let in_2019: u64 = years["periods"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["period"] == "2019")
        .map(|p| p["events"].as_u64().unwrap())
        .sum();
    // Events overlapping 2019 but starting in 2018 fall in the 2018 bar.
    let starting_2019 = want
        .iter()
        .filter(|e| e["date"].as_str().is_some_and(|d| d.starts_with("2019")))
        .count();
    assert_eq!(in_2019, starting_2019 as u64);
}

#[test]
fn bad_requests_get_the_error_shape_and_a_4xx() {
    let server = Server::start(sample_db());
    let cases = [
        ("GET", "/api/v1/events?actr=PRK", 400, "unknown_parameter"),
        (
            "GET",
            "/api/v1/events?actor=PRK&actor=RUS",
            400,
            "repeated_parameter",
        ),
        (
            "GET",
            "/api/v1/events?since=2019-02-30",
            400,
            "invalid_parameter",
        ),
        (
            "GET",
            "/api/v1/events?since=yesterday",
            400,
            "invalid_parameter",
        ),
        (
            "GET",
            "/api/v1/events?since=2019-05-01&until=2019-04-01",
            400,
            "invalid_parameter",
        ),
        ("GET", "/api/v1/events?code=visit", 400, "invalid_parameter"),
        ("GET", "/api/v1/events?limit=1001", 400, "limit_too_large"),
        (
            "GET",
            "/api/v1/events?limit=99999999999999999999999",
            400,
            "invalid_parameter",
        ),
        ("GET", "/api/v1/events?offset=-3", 400, "invalid_parameter"),
        (
            "GET",
            "/api/v1/events?sort=outlet",
            400,
            "invalid_parameter",
        ),
        ("GET", "/api/v1/events?dyad=PRK", 400, "invalid_parameter"),
        (
            "GET",
            "/api/v1/events?claimant=42",
            400,
            "invalid_parameter",
        ),
        (
            "GET",
            "/api/v1/timeline?claimant=%25%25",
            400,
            "invalid_parameter",
        ),
        ("GET", "/api/v1/dyads?limit=5000", 400, "limit_too_large"),
        ("GET", "/api/v1/actors?by=year", 400, "unknown_parameter"),
        (
            "GET",
            "/api/v1/timeline?by=decade",
            400,
            "invalid_parameter",
        ),
        (
            "GET",
            "/api/v1/timeline.svg?modality=sure",
            400,
            "invalid_parameter",
        ),
        ("GET", "/api/v1/events/0000000000000000", 404, "not_found"),
        (
            "GET",
            "/api/v1/documents/no-such-document",
            404,
            "not_found",
        ),
        ("GET", "/api/v1/event", 404, "unknown_route"),
        ("GET", "/api/v2/events", 404, "unknown_route"),
        ("POST", "/api/v1/events", 405, "method_not_allowed"),
        (
            "DELETE",
            "/api/v1/events/0000000000000000",
            405,
            "method_not_allowed",
        ),
    ];
    for (method, path, status, code) in cases {
        let (got, kind, body) = server.request(method, path);
        assert_eq!(got, status, "{method} {path}: {body}");
        assert!(kind.starts_with("application/json"), "{path}: {kind}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["error"]["code"], code, "{method} {path}: {body}");
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        assert_eq!(v.as_object().unwrap().len(), 1, "only `error`: {body}");
        assert_eq!(
            v["error"].as_object().unwrap().len(),
            2,
            "code and message: {body}"
        );
    }
}

#[test]
fn the_page_and_the_chart() {
    let server = Server::start(sample_db());
    let (status, kind, html) = server.request("GET", "/");
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/html"), "{kind}");
    for needle in [
        "<form id=\"filters\"",
        "/assets/app.js",
        "/assets/style.css",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    for (path, kind) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/style.css", "text/css"),
    ] {
        let (status, got, body) = server.request("GET", path);
        assert_eq!(
            (status, got.starts_with(kind)),
            (200, true),
            "{path}: {got}"
        );
        assert!(!body.is_empty());
    }
    let (status, kind, svg) =
        server.request("GET", "/api/v1/timeline.svg?actor=PRK&code=04&by=year");
    assert_eq!(status, 200, "{svg}");
    assert_eq!(kind, "image/svg+xml");
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(
        svg.contains("actor PRK, code 04"),
        "the title names the filters"
    );
    let t = server.get("/api/v1/timeline?actor=PRK&code=04&by=year");
    let first = t["periods"][0]["period"].as_str().unwrap();
    assert!(svg.contains(first), "the first year {first} is labelled");
}

/// `q` searches the sentences of the events: every event listed has a sentence with the word,
/// and every event with such a sentence is listed (a place name, so stemming changes nothing).
#[test]
fn text_search_finds_the_events_whose_sentences_hold_the_words() {
    let server = Server::start(sample_db());
    let all = server.get("/api/v1/events?limit=1000");
    let says = |e: &Value, word: &str| {
        e["mentions"].as_array().unwrap().iter().any(|m| {
            m["text"]
                .as_str()
                .unwrap()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        })
    };
    for word in ["Pyongyang", "moscow", "Ulaanbaatar"] {
        let want: Vec<String> = all["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| says(e, word))
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect();
        assert!(!want.is_empty(), "the samples mention {word}");
        let got = server.get(&format!("/api/v1/events?limit=1000&q={word}"));
        assert_eq!(ids(&got["events"]), want, "{word}");
    }
    // Stems: "visits" finds the sentences that say "visited" too.
    let visits = server.get("/api/v1/events?limit=1000&q=visits");
    let visited = all["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| says(e, "visited"))
        .count();
    assert!(visited > 0 && visits["total"].as_u64().unwrap() >= visited as u64);
    for (query, code) in [
        ("q=%22%20--%20*", "invalid_parameter"),
        ("q=NEAR(%22Kim", "ok"),
        (
            &format!("q={}", "word+".repeat(101))[..],
            "invalid_parameter",
        ),
    ] {
        let (status, _, body) = server.request("GET", &format!("/api/v1/events?{query}"));
        let v: Value = serde_json::from_str(&body).unwrap();
        match code {
            "ok" => assert_eq!(status, 200, "{query}: {body}"),
            _ => {
                assert_eq!(status, 400, "{query}: {body}");
                assert_eq!(v["error"]["code"], code, "{query}: {body}");
            }
        }
    }
}

/// Every path the OpenAPI document lists answers; nothing it leaves out is served.
#[test]
fn the_openapi_document_matches_the_server() {
    let server = Server::start(sample_db());
    let doc = server.get("/api/v1/openapi.json");
    assert_eq!(doc["openapi"], "3.1.0");
    let event = server.get("/api/v1/events?limit=1")["events"][0].clone();
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    assert!(paths.len() >= 9, "{paths:?}");
    for path in paths {
        let id = if path.starts_with("/api/v1/documents/") {
            event["documents"][0].as_str().unwrap()
        } else {
            event["id"].as_str().unwrap()
        };
        // Bytes: timeline.png is not text.
        let (status, _, body) = server.request_bytes("GET", &path.replace("{id}", id));
        assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
    }
}

/// Issue 7: reads while ingest writes (WAL), so a running server sees new articles.
#[test]
fn a_running_server_sees_what_ingest_commits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let first = dir.path().join("first");
    std::fs::create_dir_all(&first).unwrap();
    std::fs::write(
        first.join("wire-0610-hanoi.txt"),
        "HANOI, June 10 (Wire) -- Indonesian Foreign Minister Retno Marsudi arrived in Hanoi on \
         Monday for a two-day official visit, the Vietnamese foreign ministry said.\n",
    )
    .unwrap();
    let o = attache(&["ingest", "--db", "live.db", "first"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let server = Server::start(&db);
    let before = server.get("/api/v1/health");

    let second = dir.path().join("second");
    std::fs::create_dir_all(&second).unwrap();
    std::fs::write(
        second.join("wire-0702-ulaanbaatar.txt"),
        "ULAANBAATAR, July 2 (Wire) -- South Korean Prime Minister Han Duck-soo arrived in \
         Ulaanbaatar on Tuesday for talks on mining and rare earths, Mongolian officials said.\n",
    )
    .unwrap();
    let o = attache(&["ingest", "--db", "live.db", "second"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let after = server.get("/api/v1/health");
    assert_eq!(
        after["documents"],
        before["documents"].as_u64().unwrap() + 1
    );
    let mng = server.get("/api/v1/events?target=MNG");
    assert_eq!(mng["total"], 1, "{mng}");
}

#[test]
fn plot_writes_the_chart_and_refuses_other_formats() {
    let db = sample_db();
    let dir = tempfile::tempdir().unwrap();
    let db = db.to_str().unwrap();
    let o = attache(
        &[
            "plot", "--db", db, "--actor", "PRK", "--by", "year", "--out", "prk.svg",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(dir.path().join("prk.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("actor PRK"));
    // A dyad, both ways: the chart the page shows for the same filters.
    let o = attache(
        &[
            "plot", "--db", db, "--dyad", "rus-prk", "--by", "year", "--out", "dyad.svg",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(dir.path().join("dyad.svg")).unwrap();
    assert!(svg.contains("dyad RUS-PRK"), "{svg}");
    let server = Server::start(sample_db());
    let (status, _, served) = server.request("GET", "/api/v1/timeline.svg?dyad=RUS-PRK&by=year");
    assert_eq!((status, served), (200, svg));
    // The PNG: the same bytes from the API as from `attache plot`, at the scale asked for.
    let o = attache(
        &[
            "plot", "--db", db, "--dyad", "rus-prk", "--by", "year", "--scale", "1", "--out",
            "dyad.png",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read(dir.path().join("dyad.png")).unwrap();
    let served = server.request_bytes("GET", "/api/v1/timeline.png?dyad=RUS-PRK&by=year&scale=1");
    assert_eq!((served.0, served.1.as_str()), (200, "image/png"));
    assert!(
        served.2 == png,
        "the served PNG differs from attache plot's"
    );
    let decoded = tiny_skia::Pixmap::decode_png(&served.2).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (900, 320));
    let (status, _, body) = server.request("GET", "/api/v1/timeline.png?scale=80");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("scale"), "{body}");
    for (args, says) in [
        (&["--dyad", "PRK", "--out", "x.svg"][..], "--dyad"),
        (&["--dyad", "PRK-RU", "--out", "x.svg"][..], "--dyad"),
        (&["--out", "prk.gif"][..], "SVG or PNG"),
        (&["--since", "2019-13-01", "--out", "x.svg"][..], "--since"),
    ] {
        let mut all = vec!["plot", "--db", db];
        all.extend_from_slice(args);
        let o = attache(&all, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(says),
            "{args:?}"
        );
    }
    assert!(!dir.path().join("x.svg").exists());
}

#[test]
fn serve_refuses_a_missing_database() {
    let dir = tempfile::tempdir().unwrap();
    let o = attache(
        &["serve", "--db", "none.db", "--addr", "127.0.0.1:0"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("none.db does not exist"));
    assert!(!dir.path().join("none.db").exists());
}

/// Two dispatches of our own as JSONL (dated, so the timeline has periods), small enough that
/// a change in any snapshot below is read in review rather than waved through.
const SNAPSHOT_WIRES: &str = concat!(
    r#"{"id": "wire-khurelsukh-seoul", "source": "Wire", "published": "2024-05-14", "#,
    r#""title": "Mongolian president in Seoul for state visit", "#,
    r#""text": "SEOUL, May 14 (Wire) -- Mongolian President Ukhnaagiin Khurelsukh arrived in Seoul "#,
    r#"on Tuesday for a three-day state visit, his office said.\n\nKhurelsukh is expected to "#,
    r#"meet South Korean President Yoon Suk Yeol on Wednesday to discuss mining investment, "#,
    r#"the office said.\n"}"#,
    "\n",
    r#"{"id": "wire-sonexay-hanoi", "source": "Wire", "published": "2024-07-01", "#,
    r#""title": "Lao premier visits Hanoi", "#,
    r#""text": "HANOI, July 1 (Wire) -- Laotian Prime Minister Sonexay Siphandone visited Hanoi "#,
    r#"on Monday, Vietnamese state media said.\n\nVietnam did not sign the proposed railway "#,
    r#"agreement with Laos, officials said.\n"}"#,
    "\n",
);

/// Issue 7: API responses snapshot-tested, ids redacted (they are hashes: a change in the id
/// scheme is docs/FORMAT.md's business, not every snapshot's). After a deliberate change:
/// `INSTA_UPDATE=always cargo test -p attache --test api`, then read `git diff tests/snapshots`.
#[test]
fn responses_match_their_snapshots_with_ids_redacted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wires.jsonl"), SNAPSHOT_WIRES).unwrap();
    let o = attache(&["ingest", "--db", "snap.db", "wires.jsonl"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let server = Server::start(&dir.path().join("snap.db"));

    let events = server.get("/api/v1/events?limit=1000");
    assert!(events["total"].as_u64().unwrap() >= 2, "{events}");
    insta::assert_json_snapshot!("events", events, {
        ".events[].id" => "[event id]",
        ".events[].related[]" => "[event id]",
        ".events[].documents[]" => "[document id]",
        ".events[].mentions[].document" => "[document id]",
    });
    let first = &events["events"][0];
    let document = first["documents"][0].as_str().unwrap();
    insta::assert_json_snapshot!("document", server.get(&format!("/api/v1/documents/{document}")), {
        ".id" => "[document id]",
        ".spans[].event_id" => "[event id]",
    });
    for (name, path) in [
        ("dyads", "dyads"),
        ("actors", "actors?limit=5"),
        ("timeline_by_month", "timeline?by=month"),
        (
            "timeline_of_a_dyad_search",
            "timeline?by=day&dyad=KOR-MNG&q=visit*",
        ),
    ] {
        insta::assert_json_snapshot!(name, server.get(&format!("/api/v1/{path}")));
    }
    insta::assert_json_snapshot!("health", server.get("/api/v1/health"), {
        ".version" => "[version]",
    });
    let errors: Vec<Value> = [
        "events?actr=MNG",
        "events?since=2024-02-30",
        "events?limit=1001",
        "events?dyad=MNG",
        "events?q=--",
        "events/0000000000000000",
        "timeline?by=decade",
    ]
    .iter()
    .map(|path| {
        let (status, _, body) = server.request("GET", &format!("/api/v1/{path}"));
        serde_json::json!({ "path": path, "status": status, "body": serde_json::from_str::<Value>(&body).unwrap() })
    })
    .collect();
    insta::assert_json_snapshot!("errors", errors);
}

/// Issue 4: an event's end derived from its duration is in the API's answer and in its date
/// filter, with the duration and the vague flag beside it.
#[test]
fn the_api_filters_by_the_end_a_duration_gives() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ends.db");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("wire-0612-hanoi.txt"),
        "Indonesian minister in Hanoi\n\nBy Lan Tran | June 12, 2024\n\n\
         HANOI, June 12 (Wire) -- Indonesian Foreign Minister Retno Marsudi began a three-day \
         official visit to Hanoi on Monday, the Vietnamese foreign ministry said.\n",
    )
    .unwrap();
    let o = attache(&["ingest", "--db", "ends.db", "in"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let server = Server::start(&db);
    let all = server.get("/api/v1/events?code=042");
    assert_eq!(all["total"], 1, "{all}");
    let visit = &all["events"][0];
    // Monday before Wednesday June 12, 2024, and two more days.
    assert_eq!(visit["date"], "2024-06-10", "{visit}");
    assert_eq!(visit["date_end"], "2024-06-12", "{visit}");
    assert_eq!(visit["duration"], "P3D", "{visit}");
    assert_eq!(visit["date_vague"], Value::Null, "{visit}");
    // The last day of the visit matches a window that starts on it; the day after does not.
    let on_last = server.get("/api/v1/events?code=042&since=2024-06-12");
    assert_eq!(on_last["total"], 1, "{on_last}");
    let after = server.get("/api/v1/events?code=042&since=2024-06-13");
    assert_eq!(after["total"], 0, "{after}");
}
