//! Every input format, read from files written into a temporary folder.
//!
//! All article text here is our own, written in the style of wire copy.

use std::io::Write;
use std::path::{Path, PathBuf};

use attache_ingest::{read, read_all, walk, Article, BodyKind, IngestError, Input};
use jiff::civil::date;

const WIRE: &str = "ULAANBAATAR, March 4 (Montsame) -- The Mongolian president arrived in \
Astana on Monday for a two-day state visit, his office said.\n\nHe is to meet his Kazakh \
counterpart on Tuesday to sign agreements on rail transit and energy.\n";

/// A news page as sites serve them: menu, article, related links, footer.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Mongolian president begins state visit to Kazakhstan | Steppe Wire</title>
  <meta property="og:title" content="Mongolian president begins state visit to Kazakhstan">
  <meta property="og:site_name" content="Steppe Wire">
  <meta property="og:url" content="https://steppewire.example/2024/03/04/mongolia-kazakhstan-visit">
  <meta property="article:published_time" content="2024-03-04T09:12:00+06:00">
</head>
<body>
  <header>
    <nav class="main-menu">
      <ul>
        <li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
        <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
        <li><a href="/subscribe">Subscribe to our newsletter</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article class="story">
      <h1>Mongolian president begins state visit to Kazakhstan</h1>
      <p class="byline">By Staff Reporter</p>
      <p>ULAANBAATAR, March 4 -- The Mongolian president arrived in Astana on Monday for a
      two-day state visit, the first by a Mongolian head of state in six years, his office said.</p>
      <p>He was met at the airport by the Kazakh prime minister and is to hold talks with his
      Kazakh counterpart on Tuesday on rail transit, energy supplies and grain exports.</p>
      <p>The two governments are expected to sign a dozen agreements, including one on a new
      freight corridor linking the Mongolian border town of Bulgan with the Kazakh railway network.</p>
      <p>Trade between the two countries reached about 100 million dollars last year, according
      to customs figures, a level both sides have said they want to triple by the end of the decade.</p>
      <p>The president will also visit the Mongolian community in Almaty before returning home on
      Wednesday, the office added.</p>
    </article>
    <aside class="related">
      <h3>Related stories</h3>
      <ul>
        <li><a href="/a/1">Mongolia opens new coal terminal</a></li>
        <li><a href="/a/2">Kazakh grain harvest beats forecasts</a></li>
        <li><a href="/a/3">Rail freight rates fall for third month</a></li>
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>Copyright 2024 Steppe Wire. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact us</a></p>
  </footer>
</body>
</html>
"#;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read_one(path: &Path) -> Result<Article, IngestError> {
    let mut items: Vec<_> = read(&Input::File(path.to_path_buf())).collect();
    assert_eq!(items.len(), 1, "{}", path.display());
    items.remove(0)
}

#[test]
fn single_file_formats() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(WIRE.as_bytes());
    let crlf = WIRE.replace('\n', "\r\n");
    let accented = "PARIS, 5 mars -- Le président mongol a été reçu à l'Élysée mardi.\n";
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(accented);

    /// File name, bytes, expected id, expected body, expected warnings.
    type Case<'a> = (&'a str, Vec<u8>, &'a str, String, Vec<&'a str>);
    let cases: Vec<Case> = vec![
        (
            "plain.txt",
            WIRE.as_bytes().to_vec(),
            "plain",
            WIRE.into(),
            vec![],
        ),
        ("bom.txt", bom, "bom", WIRE.into(), vec![]),
        (
            "crlf.txt",
            crlf.as_bytes().to_vec(),
            "crlf",
            crlf.clone(),
            vec![],
        ),
        (
            "cp.txt",
            cp1252.into_owned(),
            "cp",
            accented.into(),
            vec!["decoded from windows-1252"],
        ),
        (
            "packed.txt.gz",
            gzip(WIRE.as_bytes()),
            "packed",
            WIRE.into(),
            vec![],
        ),
        (
            "2024.03.04-mongolia.txt",
            WIRE.as_bytes().to_vec(),
            "2024.03.04-mongolia",
            WIRE.into(),
            vec![],
        ),
    ];
    for (name, bytes, id, body, warnings) in cases {
        let path = write(d, name, &bytes);
        let a = read_one(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(a.id, id, "{name}");
        assert_eq!(a.body, body, "{name}");
        assert_eq!(a.warnings, warnings, "{name}");
        assert_eq!(a.kind, BodyKind::Text, "{name}");
        assert_eq!(a.origin, path.display().to_string(), "{name}");
        assert_eq!((a.title, a.published, a.url), (None, None, None), "{name}");
    }
}

#[test]
fn bad_files_are_one_error_each() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "empty"),
        ("blank.txt", b"\n  \r\n\t\n".to_vec(), "empty"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00".to_vec(),
            "binary",
        ),
        ("empty.html.gz", gzip(b""), "empty"),
        (
            "broken.txt.gz",
            b"\x1f\x8b\x08\x00 not really gzip".to_vec(),
            "io",
        ),
        (
            "gallery.html",
            b"<html><body><img src='a.jpg'><script>var x = 1;</script></body></html>".to_vec(),
            "no text",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = write(d, name, &bytes);
        let err = read_one(&path).expect_err(name);
        let got = match err {
            IngestError::Empty { .. } => "empty",
            IngestError::Binary { .. } => "binary",
            IngestError::Io { .. } => "io",
            IngestError::NoArticleText { .. } => "no text",
            ref other => panic!("{name}: unexpected {other:?}"),
        };
        assert_eq!(got, want, "{name}");
        assert_eq!(err.origin(), path.display().to_string(), "{name}");
    }
    // A menu-only page still yields its scrap of text, flagged.
    let menu = write(
        d,
        "menu.html",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    );
    let a = read_one(&menu).unwrap();
    assert_eq!(a.body, "Home");
    assert_eq!(a.warnings, [attache_ingest::html::LOW_TEXT_WARNING]);

    let gone = d.join("gone.txt");
    assert!(matches!(read_one(&gone), Err(IngestError::NotFound { .. })));
}

#[test]
fn html_page_keeps_the_article_and_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["visit.html", "visit.htm", "visit.html.gz"] {
        let bytes = if name.ends_with(".gz") {
            gzip(PAGE.as_bytes())
        } else {
            PAGE.as_bytes().to_vec()
        };
        let a = read_one(&write(dir.path(), name, &bytes)).unwrap();
        assert_eq!(a.id, "visit", "{name}");
        assert_eq!(a.kind, BodyKind::Html, "{name}");
        assert_eq!(a.warnings, Vec::<String>::new(), "{name}");
        assert_eq!(
            a.title.as_deref(),
            Some("Mongolian president begins state visit to Kazakhstan")
        );
        assert_eq!(a.published, Some(date(2024, 3, 4)));
        assert_eq!(a.source.as_deref(), Some("Steppe Wire"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://steppewire.example/2024/03/04/mongolia-kazakhstan-visit")
        );
        for kept in [
            "ULAANBAATAR, March 4 -- The Mongolian president arrived in Astana on Monday",
            "sign a dozen agreements",
            "returning home on Wednesday, the office added.",
        ] {
            assert!(
                a.body.contains(kept),
                "{name}: lost {kept:?} in {:?}",
                a.body
            );
        }
        for dropped in [
            "Subscribe",
            "Related stories",
            "coal terminal",
            "Privacy policy",
            "Copyright",
        ] {
            assert!(
                !a.body.contains(dropped),
                "{name}: kept {dropped:?} in {:?}",
                a.body
            );
        }
        // One paragraph per <p>, separated by a blank line, and no line broken inside one.
        let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
        assert!(
            paragraphs
                .iter()
                .all(|p| !p.is_empty() && !p.contains('\n')),
            "{:?}",
            a.body
        );
        assert!(
            paragraphs.contains(&"He was met at the airport by the Kazakh prime minister and is to hold talks with his Kazakh counterpart on Tuesday on rail transit, energy supplies and grain exports."),
            "{:?}",
            a.body
        );
    }
}

#[test]
fn html_dates_from_other_places() {
    let dir = tempfile::tempdir().unwrap();
    let without_meta_date = PAGE.replace(
        r#"<meta property="article:published_time" content="2024-03-04T09:12:00+06:00">"#,
        "",
    );
    let cases = [
        (
            "jsonld",
            without_meta_date.replace(
                "</head>",
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Steppe Wire"},{"@type":"NewsArticle","headline":"Visit","datePublished":"2024-03-05T08:00:00Z"}]}</script></head>"#,
            ),
            Some(date(2024, 3, 5)),
        ),
        (
            "meta-name",
            without_meta_date.replace("</head>", r#"<meta name="DC.date.issued" content="2024-03-06"></head>"#),
            Some(date(2024, 3, 6)),
        ),
        (
            "time-pubdate",
            without_meta_date.replace(
                r#"<p class="byline">By Staff Reporter</p>"#,
                r#"<p class="byline">By Staff Reporter, <time datetime="2024-03-07T10:00:00+06:00" pubdate>March 7</time></p>"#,
            ),
            Some(date(2024, 3, 7)),
        ),
        (
            "time-only-one",
            without_meta_date.replace(
                r#"<p class="byline">By Staff Reporter</p>"#,
                r#"<p class="byline"><time datetime="2024-03-08">March 8, 2024</time></p>"#,
            ),
            Some(date(2024, 3, 8)),
        ),
        // Two different <time> dates and no marking: a sidebar's date could win, so none.
        (
            "time-ambiguous",
            without_meta_date
                .replace(r#"<p class="byline">By Staff Reporter</p>"#, r#"<time datetime="2024-03-08">March 8</time>"#)
                .replace("<h3>Related stories</h3>", r#"<time datetime="2024-02-20">Feb 20</time>"#),
            None,
        ),
        ("none", without_meta_date.clone(), None),
    ];
    for (name, html, want) in cases {
        let a = read_one(&write(dir.path(), &format!("{name}.html"), html.as_bytes())).unwrap();
        assert_eq!(a.published, want, "{name}");
    }
}

#[test]
fn jsonl_bad_lines_do_not_stop_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let page = serde_json::to_string(PAGE).unwrap();
    let lines = [
        r#"{"id":"r1","text":"MOSCOW, Feb. 13 (Tass) -- The Iranian foreign minister arrived for talks.","published":"2024-02-13T11:47:28Z","source":"TASS","url":"https://tass.example/1","title":"Iranian minister in Moscow"}"#.to_string(),
        r#"{"id":"r2","text":"unterminated"#.to_string(),
        String::new(),
        "   ".to_string(),
        r#"{"id":"r5","title":"headline only"}"#.to_string(),
        r#"{"id":"r6","text":"Talks ended.","published":"last Tuesday"}"#.to_string(),
        format!(r#"{{"id":"r7","html":{page},"title":"Own title","crawler":{{"depth":2}}}}"#),
        r#"{"id":"r8","text":"BEIJING, Feb. 14 -- The talks went on.","published":"2024-02-14"}"#.to_string(),
    ];
    let mut body = lines.join("\n").into_bytes();
    // A line from a crawler that wrote windows-1252: decoded, with a warning.
    let (latin, _, _) = encoding_rs::WINDOWS_1252
        .encode(r#"{"id":"r9","text":"PARIS -- Le ministre est arrivé à Séoul."}"#);
    body.push(b'\n');
    body.extend_from_slice(&latin);
    body.push(b'\n');
    for name in ["feed.jsonl", "feed.ndjson", "feed.jsonl.gz"] {
        let bytes = if name.ends_with(".gz") {
            gzip(&body)
        } else {
            body.clone()
        };
        let path = write(dir.path(), name, &bytes);
        let got: Vec<String> = read(&Input::File(path.clone()))
            .map(|item| match item {
                Ok(a) => format!("ok {} {}", a.id, a.origin.rsplit(':').next().unwrap_or("")),
                Err(IngestError::Json { line, .. }) => format!("json {line}"),
                Err(IngestError::MissingText { line, .. }) => format!("missing {line}"),
                Err(IngestError::BadDate { line, value, .. }) => format!("date {line} {value}"),
                Err(e) => format!("other {e}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "ok r1 1",
                "json 2",
                "missing 5",
                "date 6 last Tuesday",
                "ok r7 7",
                "ok r8 8",
                "ok r9 9"
            ],
            "{name}"
        );
    }

    let path = dir.path().join("feed.jsonl");
    let articles: Vec<Article> = read(&Input::File(path.clone()))
        .filter_map(Result::ok)
        .collect();
    let r1 = &articles[0];
    assert_eq!(r1.origin, format!("{}:1", path.display()));
    assert_eq!(r1.published, Some(date(2024, 2, 13)));
    assert_eq!(r1.source.as_deref(), Some("TASS"));
    assert_eq!(r1.url.as_deref(), Some("https://tass.example/1"));
    assert_eq!(r1.title.as_deref(), Some("Iranian minister in Moscow"));
    assert_eq!(r1.kind, BodyKind::Text);
    // An `html` record goes through the extractor; its own fields beat the page's.
    let r7 = &articles[1];
    assert_eq!(r7.kind, BodyKind::Html);
    assert_eq!(r7.title.as_deref(), Some("Own title"));
    assert_eq!(r7.published, Some(date(2024, 3, 4)));
    assert_eq!(r7.source.as_deref(), Some("Steppe Wire"));
    assert!(
        r7.body.starts_with("ULAANBAATAR, March 4 --"),
        "{:?}",
        r7.body
    );
    assert!(!r7.body.contains("Privacy"), "{:?}", r7.body);
    let r9 = &articles[3];
    assert_eq!(r9.body, "PARIS -- Le ministre est arrivé à Séoul.");
    assert_eq!(r9.warnings, ["decoded from windows-1252"]);
}

#[test]
fn walk_sorts_skips_and_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in [
        "b/2.txt",
        "b/1.html",
        "a.jsonl.gz",
        "c/deep/x.ndjson",
        "notes.pdf",
        ".hidden.txt",
        ".cache/z.txt",
        "c/README",
        "c/0.htm",
    ] {
        write(d, name, b"x");
    }
    let got = walk(&[d.to_path_buf()]).unwrap();
    let want: Vec<Input> = [
        "a.jsonl.gz",
        "b/1.html",
        "b/2.txt",
        "c/0.htm",
        "c/deep/x.ndjson",
    ]
    .iter()
    .map(|n| Input::File(d.join(n)))
    .collect();
    assert_eq!(got, want);

    // Explicit paths keep the user's order; "-" is stdin.
    let got = walk(&[d.join("b/2.txt"), PathBuf::from("-"), d.join("a.jsonl.gz")]).unwrap();
    assert_eq!(
        got,
        [
            Input::File(d.join("b/2.txt")),
            Input::Stdin,
            Input::File(d.join("a.jsonl.gz"))
        ]
    );

    let cases: [(PathBuf, &str); 3] = [
        (d.join("notes.pdf"), "unsupported pdf"),
        (d.join("c/README"), "unsupported "),
        (d.join("missing"), "not found"),
    ];
    for (path, want) in cases {
        let got = match walk(&[d.join("b/2.txt"), path.clone()]) {
            Err(IngestError::Unsupported { extension, .. }) => format!("unsupported {extension}"),
            Err(IngestError::NotFound { path: p }) if p == path => "not found".to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(got, want, "{}", path.display());
    }
}

#[test]
fn read_all_flattens_inputs_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "1.txt", WIRE.as_bytes());
    write(
        d,
        "2.jsonl",
        b"{\"id\":\"j1\",\"text\":\"One.\"}\n{\"id\":\"j2\",\"text\":\"Two.\"}\n",
    );
    write(d, "3.txt", b"");
    let got: Vec<String> = read_all(walk(&[d.to_path_buf()]).unwrap())
        .map(|r| {
            r.map(|a| a.id)
                .unwrap_or_else(|e| format!("err {}", e.origin()))
        })
        .collect();
    assert_eq!(
        got,
        [
            "1",
            "j1",
            "j2",
            &format!("err {}", d.join("3.txt").display())
        ]
    );
}

#[test]
fn embedded_bytes_read_like_files() {
    static TEXT: &[u8] =
        b"Envoy leaves for Hanoi\n\nHANOI, May 2 (Wire) -- An envoy arrived on Tuesday.\n";
    static FEED: &[u8] =
        b"{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Two.\"}\n";
    let text: Vec<_> = read(&Input::Embedded {
        name: "samples/envoy.txt".into(),
        bytes: TEXT,
    })
    .collect();
    assert_eq!(text.len(), 1);
    let article = text[0].as_ref().unwrap();
    assert_eq!(
        (article.id.as_str(), article.origin.as_str()),
        ("envoy", "samples/envoy.txt")
    );
    assert!(article.body.starts_with("Envoy leaves"));
    let feed: Vec<_> = read(&Input::Embedded {
        name: "samples/feed.jsonl".into(),
        bytes: FEED,
    })
    .collect();
    let ids: Vec<String> = feed
        .iter()
        .map(|r| {
            r.as_ref()
                .map(|a| a.id.clone())
                .unwrap_or_else(|e| e.origin())
        })
        .collect();
    assert_eq!(ids, ["a", "samples/feed.jsonl:2", "b"]);
}
