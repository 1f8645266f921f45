//! Whole-article tests on pages we wrote in the shape of crawled wire copy.

use attache_model::{Article, Document, MetaSource, Precision, Span};
use jiff::civil::date;

use crate::{Cleaner, TextError};

/// A UPI-style page: title, subtitle repeated in the body, byline with date, share widgets,
/// newsletter banner and teaser, dateline, related and trending lists at the end.
const WIRE_PAGE: &str = "Mongolia, Laos agree to expand rail freight links

The agreement comes as Mongolia\u{2019}s Deputy Prime Minister Batbayar Oyun prepares to travel to Vientiane with a trade delegation.
By Marta Kolb\u{a0}\u{a0}|\u{a0}\u{a0} March 14, 2019 at 9:05 AM
share with facebook
share with twitter
Sign up for our weekly Asia Brief newsletter
A short digest of the stories shaping the region this week.

ULAANBAATAR, March 14 (GNS) -- Mongolia and Laos have agreed to expand rail freight links, officials in both capitals said Thursday, after months of talks on transit fees.

The agreement comes as Mongolia's Deputy Prime Minister Batbayar Oyun prepares to travel to Vientiane with a trade delegation, according to the state news agency Montsame.

Oyun will meet Lao Prime Minister Sisouk Vang on March 18, a government spokesman said. The U.S. Embassy in Ulaanbaatar welcomed the plan.

\"This is a corridor for the whole region,\" Oyun told reporters. \"We expect the first trains by Sept. 1.\"

Related GNS Stories
Laos opens new dry port near Thai border
Mongolia coal exports hit record
Trending Stories
";

/// A Yonhap-style page: title and tag line printed twice, reporter name in Hangul, a date
/// line after a bar, a photo caption with credits, "(END)" and bracketed junk.
const AGENCY_PAGE: &str = "S. Korea's trade minister visiting Vietnam for supply chain talks

S Korea-Vietnam visit

\u{bc15}\u{c9c0}\u{d6c8}

| 2023-06-20 14:02:11

\u{25b2} This photo, provided by the trade ministry on June 20, 2023, shows Trade Minister Lee Jae-won (C) arriving at Noi Bai International Airport in Hanoi for talks on supply chains. (For Use Only in the Republic of Korea. No Redistribution) (Hanbit)

S Korea-Vietnam visit

S. Korea's trade minister visiting Vietnam for supply chain talks

SEOUL, June 20 (Hanbit) -- South Korea's trade minister left for Vietnam on Tuesday for a three-day visit to discuss supply chains for batteries and rare minerals, his ministry said.

Lee Jae-won will hold talks with Vietnamese Industry Minister Tran Van Hoa in Hanoi and attend a business forum, the ministry said in a statement.

The two countries upgraded their ties to a comprehensive strategic partnership last year.

(END)

[\u{24d2} Hanbit News. Unauthorized reproduction prohibited]
";

/// A RIA-style page: donation banner, section label, agency label, a numeric timestamp glued
/// before the dateline (day/month settled by "April 3"), mailing-list footer.
const BALTIC_PAGE: &str = "NORDFUND - Make a charitable donation to support independent reporting!

Energy Security (ES)

Finland confirms unannounced visit of senior Estonian envoy

Baltic Wire

03/04/2011 10:45 HELSINKI, April 3 (Baltic Wire) - Finland's Foreign Ministry confirmed Sunday that Estonia's deputy foreign minister is in Helsinki on a working visit.

\"Mr. Tamm's visit is of a working nature,\" a ministry spokeswoman told Baltic Wire.

The visit was not announced in advance by either side.

Join the NordicSecurity.org mailing list
";

/// A page with breadcrumbs, login and comment widgets, a hard-wrapped paragraph, a copyright
/// line, and an "Updated:" date line.
const PORTAL_PAGE: &str = "Home > World > Africa
Log in
Kenya hosts Ugandan president for border talks
Updated: March 3, 2023
NAIROBI -- Kenyan President Amani Odhiambo hosted his Ugandan counterpart
at State House on Thursday for talks on the disputed border.
Comments (3)
The leaders agreed to meet again in Kampala in May.
\u{a9} 2023 Lakeside Media. All rights reserved.
";

/// A plain-text wire story hard-wrapped at about 70 columns.
const WRAPPED_PAGE: &str = "Chile and Peru sign fisheries accord during Lima visit

LIMA, Aug. 2 (Andes Wire) -- Chilean Foreign Minister Rosa Ibarra
signed a fisheries accord with her Peruvian counterpart on Friday
during a two-day visit to Lima, the ministry said.

Ibarra will travel on to Quito on Sunday. Officials said the accord with
Peru covers anchovy quotas for the next five years.
";

fn clean(body: &str) -> Document {
    Cleaner::new()
        .process(&Article::from_text("t", body))
        .expect("article cleans")
}

fn sentences(doc: &Document) -> Vec<&str> {
    (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn sentences_of_each_page() {
    let cases: &[(&str, &[&str])] = &[
        (
            WIRE_PAGE,
            &[
                "Mongolia, Laos agree to expand rail freight links",
                "Mongolia and Laos have agreed to expand rail freight links, officials in both capitals said Thursday, after months of talks on transit fees.",
                "The agreement comes as Mongolia's Deputy Prime Minister Batbayar Oyun prepares to travel to Vientiane with a trade delegation, according to the state news agency Montsame.",
                "Oyun will meet Lao Prime Minister Sisouk Vang on March 18, a government spokesman said.",
                "The U.S. Embassy in Ulaanbaatar welcomed the plan.",
                "\"This is a corridor for the whole region,\" Oyun told reporters.",
                "\"We expect the first trains by Sept. 1.\"",
            ],
        ),
        (
            AGENCY_PAGE,
            &[
                "S. Korea's trade minister visiting Vietnam for supply chain talks",
                "\u{25b2} This photo, provided by the trade ministry on June 20, 2023, shows Trade Minister Lee Jae-won (C) arriving at Noi Bai International Airport in Hanoi for talks on supply chains.",
                "(For Use Only in the Republic of Korea. No Redistribution) (Hanbit)",
                "South Korea's trade minister left for Vietnam on Tuesday for a three-day visit to discuss supply chains for batteries and rare minerals, his ministry said.",
                "Lee Jae-won will hold talks with Vietnamese Industry Minister Tran Van Hoa in Hanoi and attend a business forum, the ministry said in a statement.",
                "The two countries upgraded their ties to a comprehensive strategic partnership last year.",
            ],
        ),
        (
            BALTIC_PAGE,
            &[
                "Finland confirms unannounced visit of senior Estonian envoy",
                "Finland's Foreign Ministry confirmed Sunday that Estonia's deputy foreign minister is in Helsinki on a working visit.",
                "\"Mr. Tamm's visit is of a working nature,\" a ministry spokeswoman told Baltic Wire.",
                "The visit was not announced in advance by either side.",
            ],
        ),
        (
            WRAPPED_PAGE,
            &[
                "Chile and Peru sign fisheries accord during Lima visit",
                "Chilean Foreign Minister Rosa Ibarra signed a fisheries accord with her Peruvian counterpart on Friday during a two-day visit to Lima, the ministry said.",
                "Ibarra will travel on to Quito on Sunday.",
                "Officials said the accord with Peru covers anchovy quotas for the next five years.",
            ],
        ),
        (
            PORTAL_PAGE,
            &[
                "Kenya hosts Ugandan president for border talks",
                "Kenyan President Amani Odhiambo hosted his Ugandan counterpart at State House on Thursday for talks on the disputed border.",
                "The leaders agreed to meet again in Kampala in May.",
            ],
        ),
    ];
    for (body, want) in cases {
        let doc = clean(body);
        assert_eq!(sentences(&doc), *want, "text was:\n{}", doc.text);
        assert!(doc.sentences[0].is_title);
        assert!(doc.sentences[1..].iter().all(|s| !s.is_title));
    }
}

#[test]
fn metadata_of_each_page() {
    type Want = (
        Option<&'static str>,                                               // title
        Option<&'static str>,                                               // byline
        Option<jiff::civil::Date>,                                          // published
        Option<(&'static str, Option<&'static str>, Option<&'static str>)>, // dateline
        Option<&'static str>,                                               // source
    );
    let cases: &[(&str, Want)] = &[
        (
            WIRE_PAGE,
            (
                Some("Mongolia, Laos agree to expand rail freight links"),
                Some("Marta Kolb"),
                Some(date(2019, 3, 14)),
                Some(("ULAANBAATAR", Some("March 14"), Some("GNS"))),
                Some("GNS"),
            ),
        ),
        (
            AGENCY_PAGE,
            (
                Some("S. Korea's trade minister visiting Vietnam for supply chain talks"),
                None,
                Some(date(2023, 6, 20)),
                Some(("SEOUL", Some("June 20"), Some("Hanbit"))),
                Some("Hanbit"),
            ),
        ),
        (
            BALTIC_PAGE,
            (
                Some("Finland confirms unannounced visit of senior Estonian envoy"),
                None,
                Some(date(2011, 4, 3)),
                Some(("HELSINKI", Some("April 3"), Some("Baltic Wire"))),
                Some("Baltic Wire"),
            ),
        ),
        (
            PORTAL_PAGE,
            (
                Some("Kenya hosts Ugandan president for border talks"),
                None,
                Some(date(2023, 3, 3)),
                Some(("NAIROBI", None, None)),
                // No agency in the dateline: the copyright line names the outlet.
                Some("Lakeside Media"),
            ),
        ),
    ];
    for (body, (title, byline, published, dateline, source)) in cases {
        let doc = clean(body);
        assert_eq!(doc.title.as_deref(), *title);
        assert_eq!(doc.byline.as_deref(), *byline);
        assert_eq!(doc.published, *published, "{:?}", doc.title);
        assert_eq!(doc.published_from, Some(MetaSource::Text));
        assert_eq!(doc.published_precision, Precision::Day);
        let got = doc
            .dateline
            .as_ref()
            .map(|d| (d.city.as_str(), d.date.as_deref(), d.agency.as_deref()));
        assert_eq!(got, *dateline, "{:?}", doc.title);
        assert_eq!(doc.source.as_deref(), *source);
        // The dateline is in the text, before the first body sentence and outside it.
        if let Some(d) = &doc.dateline {
            assert!(d.span.slice(&doc.text).starts_with(d.city.as_str()));
            assert!(doc.sentences.iter().all(|s| !s.span.overlaps(d.span)));
            assert_eq!(doc.sentence_at(d.span.start), None);
        }
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }
}

#[test]
fn junk_never_reaches_the_text() {
    let cases: &[(&str, &[&str])] = &[
        (
            WIRE_PAGE,
            &[
                "share with",
                "newsletter",
                "digest",
                "Related",
                "Trending",
                "dry port",
                "By Marta",
                "9:05 AM",
            ],
        ),
        (
            AGENCY_PAGE,
            &[
                "Korea-Vietnam visit",
                "\u{bc15}",
                "14:02",
                "(END)",
                "Unauthorized",
                "\u{24d2}",
            ],
        ),
        (
            BALTIC_PAGE,
            &[
                "donation",
                "Energy Security",
                "\n\nBaltic Wire",
                "03/04/2011",
                "10:45",
                "mailing list",
            ],
        ),
        (
            PORTAL_PAGE,
            &[
                "Home >",
                "Log in",
                "Comments",
                "Updated",
                "All rights reserved",
                "\u{a9}",
            ],
        ),
    ];
    for (body, junk) in cases {
        let doc = clean(body);
        for j in *junk {
            assert!(!doc.text.contains(j), "{j:?} kept in:\n{}", doc.text);
        }
        // The title is printed once even when the page prints it twice.
        let title = doc.title.as_deref().unwrap_or_default();
        assert_eq!(doc.text.matches(title).count(), 1, "{}", doc.text);
    }
}

#[test]
fn junk_lines_one_by_one() {
    const STORY: &str = "The envoy arrived in Lima on Monday for three days of talks.";
    // (junk before the story, junk after it, text that must be gone)
    let cases = [
        ("Home > National > Politics", "", "Politics"),
        ("Share on Facebook\nTweet\nEmail", "", "Facebook"),
        ("Log in", "", "Log in"),
        ("", "Comments (12)", "Comments"),
        (
            "Sign up for our daily Briefing newsletter\nThe top stories in five minutes.",
            "",
            "five minutes",
        ),
        (
            "Make a charitable donation to keep us independent!",
            "",
            "donation",
        ),
        ("", "Join the Tidewater.org mailing list", "mailing"),
        ("Subscribe", "", "Subscribe"),
        ("", "(c) 2020 Harbor Press", "Harbor Press"),
        (
            "",
            "Copyright 2021 Tidewater News. All rights reserved.",
            "Tidewater",
        ),
        (
            "",
            "Related Article(s)\nPeru recalls envoy\nBolivia seeks talks",
            "Bolivia",
        ),
        (
            "",
            "Most Read\nPeru recalls envoy\nBolivia seeks talks",
            "Bolivia",
        ),
        ("Defence and Security (DS)", "", "Defence"),
        ("", "END\n[Tidewater News] more headlines", "Tidewater"),
        ("", "(END)\n\n[\u{24d2} Tidewater News]", "Tidewater"),
        ("Updated: March 3, 2023", "", "2023"),
        ("By Ana Ruiz", "", "Ana Ruiz"),
        ("\u{c774}\u{c900}\u{d638}", "", "\u{c774}"),
    ];
    for (before, after, gone) in cases {
        let body = format!("{before}\n\n{STORY}\n\n{after}\n");
        let doc = clean(&body);
        assert!(!doc.text.contains(gone), "{gone:?} kept in {:?}", doc.text);
        assert!(
            doc.text.contains(STORY),
            "story lost for {before:?} / {after:?}"
        );
    }
}

/// Habit 2: every sentence, sliced out of the raw body through the offset map, is the clean
/// sentence up to whitespace.
#[test]
fn sentences_map_back_into_the_raw_body() {
    for body in [
        WIRE_PAGE,
        AGENCY_PAGE,
        BALTIC_PAGE,
        PORTAL_PAGE,
        WRAPPED_PAGE,
    ] {
        let doc = clean(body);
        for (i, s) in doc.sentences.iter().enumerate() {
            let raw = doc.offsets.span_to_raw(s.span).slice(body);
            assert_eq!(squash(raw), squash(doc.sentence_text(i)), "sentence {i}");
        }
        for t in &doc.tokens {
            let raw = doc.offsets.span_to_raw(t.span).slice(body);
            assert_eq!(raw, t.span.slice(&doc.text));
        }
        if let Some(d) = &doc.dateline {
            let raw = doc.offsets.span_to_raw(d.span).slice(body);
            assert_eq!(squash(raw), squash(d.span.slice(&doc.text)));
        }
    }
}

#[test]
fn tokens_belong_to_their_sentences() {
    let doc = clean(WIRE_PAGE);
    assert_eq!(
        doc.sentences.last().map(|s| s.tokens.end),
        Some(doc.tokens.len())
    );
    for s in &doc.sentences {
        assert!(!s.tokens.is_empty());
        for t in &doc.tokens[s.tokens.clone()] {
            assert!(s.span.contains(t.span));
        }
    }
    let words: Vec<&str> = doc.tokens[doc.sentences[4].tokens.clone()]
        .iter()
        .map(|t| t.span.slice(&doc.text))
        .collect();
    assert_eq!(
        words,
        [
            "The",
            "U.S.",
            "Embassy",
            "in",
            "Ulaanbaatar",
            "welcomed",
            "the",
            "plan",
            "."
        ]
    );
}

#[test]
fn input_metadata_wins() {
    let mut article = Article::from_text("in", BALTIC_PAGE);
    article.published = Some(date(2011, 4, 4));
    article.source = Some("Nordic Desk".into());
    article.title = Some("Finland  confirms unannounced visit of senior Estonian envoy".into());
    let doc = Cleaner::new().process(&article).expect("cleans");
    assert_eq!(doc.published, Some(date(2011, 4, 4)));
    assert_eq!(doc.published_from, Some(MetaSource::Input));
    assert_eq!(doc.source.as_deref(), Some("Nordic Desk"));
    assert_eq!(doc.title.as_deref(), article.title.as_deref());
    // Found in the body, so the title maps to raw bytes.
    let raw = doc
        .offsets
        .span_to_raw(doc.sentences[0].span)
        .slice(&article.body);
    assert_eq!(
        raw,
        "Finland confirms unannounced visit of senior Estonian envoy"
    );

    // A title the body does not carry is inserted before it, once.
    article.title = Some("Estonian envoy in Helsinki".into());
    let doc = Cleaner::new().process(&article).expect("cleans");
    assert!(doc.text.starts_with("Estonian envoy in Helsinki\n\n"));
    assert!(doc.sentences[0].is_title);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    // Inserted text maps to where the kept text starts.
    let dateline = doc.dateline.as_ref().expect("dateline").span;
    assert_eq!(doc.offsets.to_raw(0), doc.offsets.to_raw(dateline.start));
    assert_eq!(&article.body[doc.offsets.to_raw(0)..][..8], "HELSINKI");
}

#[test]
fn dates_when_the_text_is_unsure() {
    let cases = [
        // No date anywhere: unknown, never today.
        (
            "BERN -- The Swiss president met the Austrian chancellor on Friday.",
            None,
            Precision::Unknown,
            0,
        ),
        // Dateline gives no year: still unknown.
        (
            "BERN, May 5 (SNA) -- The Swiss president met the Austrian chancellor.",
            None,
            Precision::Unknown,
            0,
        ),
        // Numeric date with no dateline to settle it: day/month, with a warning.
        (
            "05/06/2021\n\nThe Swiss president met the Austrian chancellor in Bern.",
            Some(date(2021, 6, 5)),
            Precision::Day,
            1,
        ),
        // Unambiguous month/day.
        (
            "06/25/2021\n\nThe Swiss president met the Austrian chancellor in Bern.",
            Some(date(2021, 6, 25)),
            Precision::Day,
            0,
        ),
    ];
    for (body, published, precision, warnings) in cases {
        let doc = clean(body);
        assert_eq!(doc.published, published, "{body:?}");
        assert_eq!(doc.published_precision, precision, "{body:?}");
        assert_eq!(doc.warnings.len(), warnings, "{body:?}: {:?}", doc.warnings);
    }
}

/// Publication dates the text only suggests: inferred from the body's latest full date, or
/// an ambiguous numeric date line settled by its weekday or the body's dates.
#[test]
fn inferred_and_settled_publication_dates() {
    let cases = [
        // No date line: the latest full date in the text, flagged as inferred.
        (
            "The Swiss president met the Austrian chancellor in Bern on Feb. 12, 2024. \
             They last met on 3 October 2023.",
            Some((date(2024, 2, 12), MetaSource::Inferred)),
            "inferred 2024-02-12",
        ),
        // Month and day without a year are no full date: unknown, never today.
        (
            "The Swiss president met the Austrian chancellor in Bern on Feb. 12.",
            None,
            "",
        ),
        // A date line wins over the body's dates.
        (
            "2024-03-01\n\nThe Swiss president met the Austrian chancellor on Feb. 12, 2024.",
            Some((date(2024, 3, 1), MetaSource::Text)),
            "",
        ),
        // 05/06/2021: 5 June 2021 was a Saturday, 6 May a Thursday.
        (
            "Thursday, 05/06/2021\n\nThe Swiss president met the Austrian chancellor in Bern.",
            Some((date(2021, 5, 6), MetaSource::Text)),
            "",
        ),
        (
            "05/06/2021\n\nThe Swiss president met the Austrian chancellor in Bern on May 4.",
            Some((date(2021, 5, 6), MetaSource::Text)),
            "",
        ),
        (
            "05/06/2021\n\nThe Swiss president met the Austrian chancellor in Bern on June 20.",
            Some((date(2021, 6, 5), MetaSource::Text)),
            "",
        ),
        // Nothing decides: day/month, with a warning.
        (
            "05/06/2021\n\nThe Swiss president met the Austrian chancellor in Bern on Friday.",
            Some((date(2021, 6, 5), MetaSource::Text)),
            "could be day/month",
        ),
    ];
    for (body, want, warning) in cases {
        let doc = clean(body);
        let got = doc.published.zip(doc.published_from);
        assert_eq!(got, want, "{body:?}");
        if warning.is_empty() {
            assert!(doc.warnings.is_empty(), "{body:?}: {:?}", doc.warnings);
        } else {
            assert!(
                doc.warnings.iter().any(|w| w.contains(warning)),
                "{body:?}: {:?}",
                doc.warnings
            );
        }
    }
}

#[test]
fn all_junk_is_an_error_and_user_rules_apply() {
    let err = Cleaner::new()
        .process(&Article::from_text(
            "junk-1",
            "Log in\nshare with facebook\nSubscribe\n",
        ))
        .expect_err("nothing left");
    assert!(matches!(err, TextError::Empty { ref id } if id == "junk-1"));

    let rules = "line\tadvertisement\nline-prefix\tpromoted:\n";
    let cleaner = Cleaner::from_rules(rules, "mine.tsv").expect("rules parse");
    let body = "Promoted: buy bonds today and earn interest on them all year long.\n\nThe envoy arrived in Lima.";
    let doc = cleaner
        .process(&Article::from_text("u", body))
        .expect("cleans");
    assert_eq!(sentences(&doc), ["The envoy arrived in Lima."]);
    assert!(Cleaner::from_rules("nope\tx\n", "mine.tsv").is_err());
}

#[test]
fn content_hash_is_fnv1a() {
    let cases = [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ];
    for (text, want) in cases {
        assert_eq!(crate::content_hash(text), want, "{text:?}");
    }
    assert_eq!(
        clean(WIRE_PAGE).content_hash,
        crate::content_hash(&clean(WIRE_PAGE).text)
    );
}

#[test]
fn cleaner_is_shareable() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Cleaner>();
}

/// The crawled samples on the build machine, when present: every sentence maps back, and no
/// widget text survives. Skipped elsewhere.
#[test]
fn shared_samples_when_present() {
    let Ok(dir) = std::fs::read_dir("/work/shared/samples") else {
        return;
    };
    let cleaner = Cleaner::new();
    for entry in dir.flatten() {
        let path = entry.path();
        let Ok(body) = std::fs::read_to_string(&path) else {
            continue;
        };
        let doc = cleaner
            .process(&Article::from_text(
                path.display().to_string(),
                body.as_str(),
            ))
            .expect("sample cleans");
        assert!(doc.title.is_some(), "{}", path.display());
        assert!(doc.dateline.is_some(), "{}", path.display());
        assert!(doc.published.is_some(), "{}", path.display());
        for marker in [
            "share with",
            "Sign up",
            "Related",
            "Trending",
            "(END)",
            "mailing list",
            "donation",
        ] {
            assert!(
                !doc.text.contains(marker),
                "{marker:?} in {}",
                path.display()
            );
        }
        for (i, s) in doc.sentences.iter().enumerate() {
            let raw = doc.offsets.span_to_raw(s.span).slice(&body);
            assert_eq!(
                squash(raw),
                squash(doc.sentence_text(i)),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn spaces_collapse_and_invisible_marks_go() {
    let lead =
        "Peru set anchovy quotas for the next five years on Monday, the fisheries ministry said.";
    let cases = [
        ("Peru  set anchovy quotas for the next\tfive years on Monday, the fisheries ministry said.", lead),
        ("Peru set an\u{ad}chovy quotas for the next five years on Mon\u{200b}day, the fisheries ministry said.", lead),
        ("Peru set anchovy quotas for the next five \u{a0}years on Monday, the fisheries ministry said. ", lead),
        ("Perú set anchovy quotas for the next five years on Monday, the fisheries ministry said.", "Perú set anchovy quotas for the next five years on Monday, the fisheries ministry said."),
    ];
    for (body, want) in cases {
        let doc = clean(body);
        assert_eq!(doc.text, want, "{body:?}");
        // The sentence maps back to the whole raw line, less the trailing space.
        let raw = doc.offsets.span_to_raw(doc.sentences[0].span);
        assert_eq!(raw, Span::new(0, body.trim_end().len()), "{body:?}");
    }
}
