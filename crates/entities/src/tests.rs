//! Recognition rules, one invented wire-copy case per line.

use attache_model::{Document, MentionKind, Span};

use super::*;

/// A document with one sentence per line and no tokens: enough for this stage, which reads
/// only the text and the sentence spans.
fn doc(text: &str) -> Document {
    Document::from_lines("test", text)
}

/// [`doc`] whose first line, "CITY, May 3 (Wire) --", is its dateline.
fn datelined(text: &str, city: &str) -> Document {
    let mut d = doc(text);
    d.dateline = Some(attache_model::Dateline {
        span: Span::new(0, text.find('\n').unwrap_or(text.len())),
        city: city.into(),
        date: Some("May 3".into()),
        agency: Some("Wire".into()),
    });
    d
}

fn recognizer() -> Recognizer {
    Recognizer::new().expect("compiled-in gazetteers load")
}

fn kind_name(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Country => "country",
        MentionKind::Adjective => "adjective",
        MentionKind::Capital => "capital",
        MentionKind::Organisation => "org",
        MentionKind::Person => "person",
        MentionKind::Group => "group",
    }
}

/// An actor as (kind, covered text, country, code, title, name); "" is `None`.
type Want = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn actors_of(r: &Recognizer, text: &str) -> Vec<(String, String, String, String, String, String)> {
    let d = doc(text);
    let found = r.find(&d);
    found
        .actors
        .iter()
        .map(|a| {
            (
                kind_name(a.kind).to_string(),
                a.span.slice(text).to_string(),
                a.country
                    .as_ref()
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                a.code.as_ref().map(|c| c.to_string()).unwrap_or_default(),
                a.title.clone().unwrap_or_default(),
                a.name.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn check(r: &Recognizer, text: &str, want: &[Want]) {
    let got = actors_of(r, text);
    let want: Vec<_> = want
        .iter()
        .map(|w| {
            (
                w.0.to_string(),
                w.1.to_string(),
                w.2.to_string(),
                w.3.to_string(),
                w.4.to_string(),
                w.5.to_string(),
            )
        })
        .collect();
    assert_eq!(got, want, "\ntext: {text:?}");
}

// The tables below keep one case per line; rustfmt would explode them.

#[rustfmt::skip]
#[test]
fn titled_people() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("North Korean Foreign Minister Choe Son-hui flew out on Tuesday.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        ("Russia's Foreign Minister Sergei Lavrov will travel next week.", &[("person", "Russia's Foreign Minister Sergei Lavrov", "RUS", "RUSGOV", "Foreign Minister", "Sergei Lavrov")]),
        ("Kremlin spokesman Dmitry Peskov declined to comment.", &[("person", "Kremlin spokesman Dmitry Peskov", "RUS", "RUSGOV", "spokesperson", "Dmitry Peskov")]),
        ("Chinese envoy Tang Jiaxuan held talks on Monday.", &[("person", "Chinese envoy Tang Jiaxuan", "CHN", "CHNGOV", "envoy", "Tang Jiaxuan")]),
        ("Russian President Vladimir Putin hosted the talks.", &[("person", "Russian President Vladimir Putin", "RUS", "RUSGOV", "President", "Vladimir Putin")]),
        ("U.S. Secretary of State Anna Reyes landed late.", &[("person", "U.S. Secretary of State Anna Reyes", "USA", "USAGOV", "Secretary of State", "Anna Reyes")]),
        ("Russia's Foreign Ministry spokeswoman Maria Zakharova said so.", &[("person", "Russia's Foreign Ministry spokeswoman Maria Zakharova", "RUS", "RUSGOV", "foreign ministry spokesperson", "Maria Zakharova")]),
        ("U.N. Secretary-General Kofi Mensah urged calm.", &[("person", "U.N. Secretary-General Kofi Mensah", "", "IGOUNO", "Secretary-General", "Kofi Mensah")]),
        ("Syrian Foreign Minister Faisal al-Mekdad's visit ended.", &[("person", "Syrian Foreign Minister Faisal al-Mekdad", "SYR", "SYRGOV", "Foreign Minister", "Faisal al-Mekdad")]),
        ("Japanese Defense Minister Ken Sato arrived Monday.", &[("person", "Japanese Defense Minister Ken Sato", "JPN", "JPNGOV", "Defense Minister", "Ken Sato")]),
        ("South Korean Gen. Park Jin-ho inspected the border.", &[("person", "South Korean Gen. Park Jin-ho", "KOR", "KORMIL", "General", "Park Jin-ho")]),
        ("Foreign Minister Ivan Petrov spoke.", &[("person", "Foreign Minister Ivan Petrov", "", "", "Foreign Minister", "Ivan Petrov")]),
        ("Foreign Minister Li Wen of China arrived.", &[("person", "Foreign Minister Li Wen of China", "CHN", "CHNGOV", "Foreign Minister", "Li Wen")]),
        ("Saudi Crown Prince Mohammed bin Salman flew in.", &[("person", "Saudi Crown Prince Mohammed bin Salman", "SAU", "SAUGOV", "Crown Prince", "Mohammed bin Salman")]),
        ("Then-President George W. Bush's envoy came.", &[("person", "Then-President George W. Bush", "", "", "President", "George W. Bush")]),
        ("South Korea's top nuclear envoy Lee Min-su left.", &[("person", "South Korea's top nuclear envoy Lee Min-su", "KOR", "KORGOV", "envoy", "Lee Min-su")]),
        ("The talks ended, the envoy said.\nKim arrived later.", &[]),
        ("U.S. Ambassador to South Korea Mark Hale met reporters.", &[("person", "U.S. Ambassador to South Korea Mark Hale", "USA", "USAGOV", "Ambassador", "Mark Hale")]),
        ("The envoy to China said little.", &[("country", "China", "CHN", "CHN", "", "China")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

#[rustfmt::skip]
#[test]
fn longest_title_and_the_north() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("North Korea said the North's Vice Foreign Minister Pak Myong Guk left.", &[("country", "North Korea", "PRK", "PRK", "", "North Korea"), ("person", "the North's Vice Foreign Minister Pak Myong Guk", "PRK", "PRKGOV", "Vice Foreign Minister", "Pak Myong Guk")]),
        ("North Korea's first deputy foreign minister will visit.", &[("group", "North Korea's first deputy foreign minister", "PRK", "PRKGOV", "First Vice Foreign Minister", "")]),
        ("South Korea said the North may test a missile while the South watched.", &[("country", "South Korea", "KOR", "KOR", "", "South Korea"), ("country", "the North", "PRK", "PRK", "", "North Korea"), ("country", "the South", "KOR", "KOR", "", "South Korea")]),
        ("Floods hit the North of the country while the South stayed dry.", &[]),
        ("North Korea condemned the drills.\nKorea will never yield, it said.", &[("country", "North Korea", "PRK", "PRK", "", "North Korea"), ("country", "Korea", "PRK", "PRK", "", "North Korea")]),
        ("North Korea and South Korea met.\nKorea remains divided.", &[("country", "North Korea", "PRK", "PRK", "", "North Korea"), ("country", "South Korea", "KOR", "KOR", "", "South Korea"), ("country", "Korea", "", "", "", "Korea")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

#[rustfmt::skip]
#[test]
fn appositions() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("Talks were led by Kang Sok Ju, first vice foreign minister of North Korea.", &[("person", "Kang Sok Ju, first vice foreign minister of North Korea", "PRK", "PRKGOV", "First Vice Foreign Minister", "Kang Sok Ju")]),
        ("The letter came from Kim Su-gil, alternate member of the political bureau of the Workers' Party of Korea.", &[("person", "Kim Su-gil, alternate member of the political bureau of the Workers' Party of Korea", "PRK", "PRKGOV", "member", "Kim Su-gil")]),
        ("He met Olga Ivanova, Russia's ambassador, on Friday.", &[("person", "Olga Ivanova, Russia's ambassador", "RUS", "RUSGOV", "Ambassador", "Olga Ivanova")]),
        ("A delegation led by Zhou Minghao (front, R), chief secretary of the Yunnan committee of the CPC, arrived.", &[("person", "Zhou Minghao (front, R), chief secretary of the Yunnan committee of the CPC", "CHN", "CHNGOV", "Chief Secretary", "Zhou Minghao")]),
        ("Officials led by Zhou Minghao (2nd L), party secretary, left.", &[("person", "Zhou Minghao (2nd L), party secretary", "", "", "party secretary", "Zhou Minghao")]),
        ("Laos's foreign minister, Khamphet Vongsa, said so.", &[("person", "Laos's foreign minister, Khamphet Vongsa", "LAO", "LAOGOV", "Foreign Minister", "Khamphet Vongsa")]),
        ("Iran's ambassador to the IAEA, Reza Karimi, said so.", &[("person", "Iran's ambassador to the IAEA, Reza Karimi", "IRN", "IRNGOV", "Ambassador", "Reza Karimi")]),
        ("China's ambassador to Russia, Li Wen.", &[("person", "China's ambassador to Russia, Li Wen", "CHN", "CHNGOV", "Ambassador", "Li Wen")]),
        ("Russia's foreign minister, who arrived on Friday, spoke.", &[("group", "Russia's foreign minister", "RUS", "RUSGOV", "Foreign Minister", "")]),
        ("Seoul, the South Korean capital, was quiet.", &[("capital", "Seoul", "KOR", "KORGOV", "", "Seoul"), ("adjective", "South Korean", "KOR", "KOR", "", "South Korea")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

#[rustfmt::skip]
#[test]
fn groups_and_organisations() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("A North Korean delegation arrived as Russian tourists left.", &[("group", "A North Korean delegation", "PRK", "PRKGOV", "delegation", ""), ("group", "Russian tourists", "RUS", "RUSCVL", "tourists", "")]),
        ("Yonhap said the North Korean envoy sought support.", &[("org", "Yonhap", "KOR", "KORMED", "", "Yonhap"), ("group", "the North Korean envoy", "PRK", "PRKGOV", "envoy", "")]),
        ("South Korean news agency Yonhap reported the deal.", &[("org", "South Korean news agency Yonhap", "KOR", "KORMED", "media", "Yonhap")]),
        ("North Koreans in Russia fear deportation.", &[("group", "North Koreans", "PRK", "PRK", "", ""), ("country", "Russia", "RUS", "RUS", "", "Russia")]),
        ("Pyongyang's state media said Russia's support was firm.", &[("org", "Pyongyang's state media", "PRK", "PRKGOVMED", "", "state media"), ("country", "Russia", "RUS", "RUS", "", "Russia")]),
        ("A statement from the foreign ministry of China followed.", &[("org", "the foreign ministry of China", "CHN", "CHNGOV", "", "foreign ministry")]),
        ("The foreign ministry did not respond.", &[]),
        // A capital right after "in" says whose body it is; an embassy there is another's.
        ("The foreign ministry in Chisinau summoned the envoy.", &[("org", "The foreign ministry in Chisinau", "MDA", "MDAGOV", "", "foreign ministry")]),
        ("The embassy in Chisinau did not respond.", &[("capital", "Chisinau", "MDA", "MDAGOV", "", "Chisinau")]),
        ("The United Nations Security Council and the IAEA met; KCNA reported it.", &[("org", "The United Nations Security Council", "", "IGOUNO", "", "UN Security Council"), ("org", "the IAEA", "", "IGOUNOIAE", "", "International Atomic Energy Agency"), ("org", "KCNA", "PRK", "PRKGOVMED", "", "Korean Central News Agency")]),
        ("Hamas and Hezbollah praised the attack; the Taliban said nothing.", &[("org", "Hamas", "PSE", "PSEREBHMS", "", "Hamas"), ("org", "Hezbollah", "LBN", "LBNREBHEZ", "", "Hezbollah"), ("org", "the Taliban", "AFG", "AFGREBTAL", "", "Taliban")]),
        ("Boko Haram and al-Shabab fighters were blamed, not al-Qaida.", &[("org", "Boko Haram", "NGA", "NGAREB", "", "Boko Haram"), ("group", "al-Shabab fighters", "SOM", "SOMREB", "rebels", ""), ("org", "al-Qaida", "", "IMGMOSALQ", "", "al-Qaeda")]),
        ("The PKK and the FARC laid down arms; ISIS did not.", &[("org", "The PKK", "TUR", "TURREBPKK", "", "Kurdistan Workers' Party"), ("org", "the FARC", "COL", "COLREB", "", "Revolutionary Armed Forces of Colombia"), ("org", "ISIS", "", "IMGMOS", "", "Islamic State")]),
        ("South Korean newspaper Hanbit Ilbo cited a source.", &[("org", "South Korean newspaper Hanbit Ilbo", "KOR", "KORMED", "media", "Hanbit Ilbo")]),
        ("A Japanese company signed the deal.", &[("org", "A Japanese company", "JPN", "JPNBUS", "company", "")]),
        ("North Korea's official Korean Central News Agency said so.", &[("country", "North Korea", "PRK", "PRK", "", "North Korea"), ("org", "Korean Central News Agency", "PRK", "PRKGOVMED", "", "Korean Central News Agency")]),
        ("Neither North Korea's Moscow embassy nor Seoul commented.", &[("org", "North Korea's Moscow embassy", "PRK", "PRKGOV", "", "embassy"), ("capital", "Seoul", "KOR", "KORGOV", "", "Seoul")]),
        ("Chinese police detained North Korean defectors.", &[("group", "Chinese police", "CHN", "CHNCOP", "police", ""), ("group", "North Korean defectors", "PRK", "PRKREF", "refugees", "")]),
        ("The Russian side met his Chinese counterpart Zhao Lei.", &[("group", "The Russian side", "RUS", "RUSGOV", "side", ""), ("person", "Chinese counterpart Zhao Lei", "CHN", "CHNGOV", "counterpart", "Zhao Lei")]),
        ("Russian troops and Ukrainian rebels clashed.", &[("group", "Russian troops", "RUS", "RUSMIL", "troops", ""), ("group", "Ukrainian rebels", "UKR", "UKRREB", "rebels", "")]),
        // Issue 3: a name matches whole, never as the end of a longer proper name.
        ("The Kurdistan Workers' Party denied the attack on Monday.", &[("org", "The Kurdistan Workers' Party", "TUR", "TURREBPKK", "", "Kurdistan Workers' Party")]),
        ("Turkish troops clashed with the Kurdistan Workers' Party near the border.", &[("group", "Turkish troops", "TUR", "TURMIL", "troops", ""), ("org", "the Kurdistan Workers' Party", "TUR", "TURREBPKK", "", "Kurdistan Workers' Party")]),
        ("North Korea's Workers' Party met; the ruling Workers' Party of Korea agreed.", &[("country", "North Korea", "PRK", "PRK", "", "North Korea"), ("org", "Workers' Party", "PRK", "PRKGOVPTY", "", "Workers' Party of Korea"), ("org", "Workers' Party of Korea", "PRK", "PRKGOVPTY", "", "Workers' Party of Korea")]),
        ("Lavrov Tells Security Council of Plan", &[("org", "Security Council", "", "IGOUNO", "", "UN Security Council")]),
        ("Several Security Council members objected to the draft.", &[("group", "Several Security Council members", "", "IGOUNO", "member", "")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

/// Issue 3: bare group nouns ("police", "protesters") and where their country comes from
/// (data/groups.tsv): a place right after the noun, else the sentence's one country named as
/// a place, else the document's; never an adjective.
#[rustfmt::skip]
#[test]
fn bare_group_nouns() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("Police fired tear gas at protesters in Bangkok.", &[("group", "Police", "THA", "THACOP", "police", ""), ("group", "protesters", "THA", "THAOPP", "opposition", ""), ("capital", "Bangkok", "THA", "THAGOV", "", "Bangkok")]),
        ("Police fired tear gas at protesters.", &[("group", "Police", "", "", "police", ""), ("group", "protesters", "", "", "opposition", "")]),
        ("Rebels seized two towns in northern Mali, and troops withdrew.", &[("group", "Rebels", "MLI", "MLIREB", "rebels", ""), ("country", "Mali", "MLI", "MLI", "", "Mali"), ("group", "troops", "MLI", "MLIMIL", "troops", "")]),
        ("Syrian rebels shelled a town held by insurgents.", &[("group", "Syrian rebels", "SYR", "SYRREB", "rebels", ""), ("group", "insurgents", "", "", "insurgents", "")]),
        ("Refugees from Syria crossed into Turkey.", &[("group", "Refugees", "SYR", "SYRREF", "refugees", ""), ("country", "Syria", "SYR", "SYR", "", "Syria"), ("country", "Turkey", "TUR", "TUR", "", "Turkey")]),
        ("A soldier and two students were hurt in Seoul.", &[("group", "A soldier", "KOR", "KORMIL", "troops", ""), ("group", "two students", "KOR", "KOREDU", "students", ""), ("capital", "Seoul", "KOR", "KORGOV", "", "Seoul")]),
        ("Police detained two Russian tourists.", &[("group", "Police", "", "", "police", ""), ("group", "two Russian tourists", "RUS", "RUSCVL", "tourists", "")]),
        ("Thai police dispersed the demonstrators in Bangkok.", &[("group", "Thai police", "THA", "THACOP", "police", ""), ("group", "the demonstrators", "THA", "THAOPP", "opposition", ""), ("capital", "Bangkok", "THA", "THAGOV", "", "Bangkok")]),
        ("Lawmakers in Kenya and workers in Nigeria protested.", &[("group", "Lawmakers", "KEN", "KENLEG", "lawmaker", ""), ("country", "Kenya", "KEN", "KEN", "", "Kenya"), ("group", "workers", "NGA", "NGALAB", "workers", ""), ("country", "Nigeria", "NGA", "NGA", "", "Nigeria")]),
        ("The opposition in Caracas boycotted the vote.", &[("group", "The opposition", "VEN", "VENOPP", "opposition", ""), ("capital", "Caracas", "VEN", "VENGOV", "", "Caracas")]),
        ("Opposition to the plan grew in Caracas, and rebel-held towns in Mali fell.", &[("capital", "Caracas", "VEN", "VENGOV", "", "Caracas"), ("country", "Mali", "MLI", "MLI", "", "Mali")]),
        ("The Workers' Party of Korea met.", &[("org", "The Workers' Party of Korea", "PRK", "PRKGOVPTY", "", "Workers' Party of Korea")]),
        ("Tourists in Bangkok and refugees crossing into Turkey were counted.", &[("group", "Tourists", "", "", "tourists", ""), ("capital", "Bangkok", "THA", "THAGOV", "", "Bangkok"), ("group", "refugees", "", "", "refugees", ""), ("country", "Turkey", "TUR", "TUR", "", "Turkey")]),
        // A people before a group is its identity; the place is where the group is.
        ("Iraqi police beat three Kurdish students in Kirkuk.", &[("group", "Iraqi police", "IRQ", "IRQCOP", "police", ""), ("group", "three Kurdish students", "IRQ", "IRQEDUKUR", "students", "")]),
        ("A police spokeswoman in Nairobi said opposition leaders had left.", &[("capital", "Nairobi", "KEN", "KENGOV", "", "Nairobi"), ("group", "opposition leaders", "KEN", "KENOPP", "opposition", "")]),
        ("US threatens Iran with sanctions; protesters rally outside embassy", &[("country", "US", "USA", "USA", "", "United States"), ("country", "Iran", "IRN", "IRN", "", "Iran"), ("group", "protesters", "", "", "opposition", "")]),
        ("Militants kill Malian minister; Niger says troops shot dead smugglers", &[("group", "Militants", "", "", "rebels", ""), ("group", "Malian minister", "MLI", "MLIGOV", "Minister", ""), ("country", "Niger", "NER", "NER", "", "Niger"), ("group", "troops", "NER", "NERMIL", "troops", "")]),
        ("Insurgents attacked a base in Iraq.", &[("group", "Insurgents", "IRQ", "IRQINS", "insurgents", ""), ("country", "Iraq", "IRQ", "IRQ", "", "Iraq")]),
        // Issue 3: the primary role before another title wins (CAMEO manual 3.1.6), and a
        // specialty follows it.
        ("Opposition lawmakers in Bangkok condemned the arrests.", &[("group", "Opposition lawmakers", "THA", "THAOPP", "opposition lawmaker", ""), ("capital", "Bangkok", "THA", "THAGOV", "", "Bangkok")]),
        ("Thai opposition lawmakers walked out.", &[("group", "Thai opposition lawmakers", "THA", "THAOPP", "opposition lawmaker", "")]),
        ("Two Belarusian opposition journalists were detained.", &[("group", "Two Belarusian opposition journalists", "BLR", "BLROPPMED", "opposition journalist", "")]),
        ("Syrian rebel commander Abu Omar was killed.", &[("person", "Syrian rebel commander Abu Omar", "SYR", "SYRREB", "rebels commander", "Abu Omar")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
    // The document's one country named as a place, and the dateline's, reach other sentences.
    let one = actors_of(&r, "Clashes broke out in Bolivia.\nPolice arrested 40 protesters.");
    assert_eq!(one[1].3, "BOLCOP", "{one:?}");
    assert_eq!(one[2].3, "BOLOPP", "{one:?}");
    let two = actors_of(&r, "Chile and Peru traded blame.\nPolice arrested 40 protesters.");
    assert_eq!(two[2].3, "", "{two:?}");
    let text = "LIMA, May 3 (Wire) --\nChile and Peru traded blame.\nPolice arrested 40 protesters.";
    let d = datelined(text, "LIMA");
    let codes: Vec<String> = r.find(&d).actors.iter().filter_map(|a| Some(a.code.as_ref()?.to_string())).collect();
    assert!(codes.contains(&"PERCOP".to_string()) && codes.contains(&"PEROPP".to_string()), "{codes:?}");
}

#[rustfmt::skip]
#[test]
fn plain_names_case_and_discards() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("Pyongyang is suspected of supplying shells.", &[("capital", "Pyongyang", "PRK", "PRKGOV", "", "Pyongyang")]),
        ("The Kremlin said the talks went well.", &[("capital", "The Kremlin", "RUS", "RUSGOV", "", "Kremlin")]),
        ("He landed at the Pyongyang airport.", &[("capital", "Pyongyang", "PRK", "PRKGOV", "", "Pyongyang")]),
        ("Russia's exports to China rose.", &[("country", "Russia", "RUS", "RUS", "", "Russia"), ("country", "China", "CHN", "CHN", "", "China")]),
        ("Kim Jong Un told us the US would fail.", &[("country", "US", "USA", "USA", "", "United States")]),
        ("An envoy from the U.S. arrived.", &[("country", "U.S.", "USA", "USA", "", "United States")]),
        ("Protests spread to Busan and Lyon.", &[]),
        ("Fans ate French fries with Turkish coffee during Chinese New Year.", &[]),
        ("Korean pop and Russian roulette trended online.", &[]),
        ("She heads the ministry's American affairs bureau.", &[]),
        ("Anti-American slogans and pro-Russian banners appeared.", &[]),
        ("North Korea-Russia talks resumed.", &[("country", "North Korea", "PRK", "PRK", "", "North Korea"), ("country", "Russia", "RUS", "RUS", "", "Russia")]),
        ("South Koreans and Koreanness were discussed.", &[("group", "South Koreans", "KOR", "KOR", "", "")]),
        ("South Korea hosted the games.\nKoreans cheered.", &[("country", "South Korea", "KOR", "KOR", "", "South Korea"), ("group", "Koreans", "KOR", "KOR", "", "")]),
        // A country word that qualifies an unlisted place names a place, not an actor.
        ("The train arrived in the Russian Far East.", &[]),
        ("Fires burned in Russia's Amur region.", &[]),
        ("The DPRK and the ROK talked.", &[("country", "DPRK", "PRK", "PRK", "", "North Korea"), ("country", "ROK", "KOR", "KOR", "", "South Korea")]),
        ("Kosovo, Taiwan and Western Sahara were on the agenda.", &[("country", "Kosovo", "XKX", "XKX", "", "Kosovo"), ("country", "Taiwan", "TWN", "TWN", "", "Taiwan"), ("country", "Western Sahara", "ESH", "ESH", "", "Western Sahara")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

#[rustfmt::skip]
#[test]
fn people_seen_again_in_the_document() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("North Korean Foreign Minister Choe Son-hui arrived.\nChoe met reporters later.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("person", "Choe", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        ("Talks were led by Kang Sok Ju, first vice foreign minister of North Korea.\nKang Sok Ju left on Friday.", &[("person", "Kang Sok Ju, first vice foreign minister of North Korea", "PRK", "PRKGOV", "First Vice Foreign Minister", "Kang Sok Ju"), ("person", "Kang Sok Ju", "PRK", "PRKGOV", "First Vice Foreign Minister", "Kang Sok Ju")]),
        ("Russian President Vladimir Putin spoke.\nLater, President Putin left.", &[("person", "Russian President Vladimir Putin", "RUS", "RUSGOV", "President", "Vladimir Putin"), ("person", "President Putin", "RUS", "RUSGOV", "President", "Vladimir Putin")]),
        // Two Kims: the bare surname is ambiguous and stays unclaimed.
        ("North Korean envoy Kim Song Il met South Korean envoy Kim Dae Ho.\nKim said nothing.", &[("person", "North Korean envoy Kim Song Il", "PRK", "PRKGOV", "envoy", "Kim Song Il"), ("person", "South Korean envoy Kim Dae Ho", "KOR", "KORGOV", "envoy", "Kim Dae Ho")]),
        // A different person who shares the surname is not claimed.
        ("Russian envoy Igor Lavrov arrived.\nLavrov Ivanovich Smirnov spoke.", &[("person", "Russian envoy Igor Lavrov", "RUS", "RUSGOV", "envoy", "Igor Lavrov")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

/// A place as (covered text, name, country, is_country).
type WantPlace = (&'static str, &'static str, &'static str, bool);

#[rustfmt::skip]
#[test]
fn places() {
    let r = recognizer();
    let cases: &[(&str, &[WantPlace])] = &[
        ("North Korean Foreign Minister Choe Son-hui arrived in Moscow.", &[("Moscow", "Moscow", "RUS", false)]),
        ("Russia's Foreign Minister Sergei Lavrov left Busan.", &[("Russia", "Russia", "RUS", true), ("Busan", "Busan", "KOR", false)]),
        ("SEOUL, Jan. 29 (Yonhap) -- The talks ended.", &[("SEOUL", "Seoul", "KOR", false)]),
        ("Talks moved from the Kremlin to Vladivostok.", &[("the Kremlin", "Kremlin", "RUS", false), ("Vladivostok", "Vladivostok", "RUS", false)]),
        ("North Korea said the North would not yield.", &[("North Korea", "North Korea", "PRK", true), ("the North", "North Korea", "PRK", true)]),
        ("French fries are served in Paris.", &[("Paris", "Paris", "FRA", false)]),
        // Places no gazetteer lists, after a preposition (data/place_words.tsv).
        ("Kim arrived in the Russian Far East by train.", &[("Russian Far East", "Russian Far East", "RUS", false)]),
        ("They met at the Vostochny Cosmodrome in Russia's Amur region.", &[("Vostochny Cosmodrome", "Vostochny Cosmodrome", "RUS", false), ("Russia's Amur region", "Russia's Amur region", "RUS", false)]),
        ("Troops massed in the Russian region of Tver.", &[("Russian region of Tver", "Tver", "RUS", false)]),
        ("Troops massed in the Russian region of Kursk.", &[("Kursk", "Kursk", "RUS", false)]),
        ("Li arrived in the Mongolian capital on Monday.", &[("Mongolian capital", "Ulaanbaatar", "MNG", false)]),
        ("Talks resumed in Japan's capital.", &[("Japan's capital", "Tokyo", "JPN", false)]),
        ("Police clashed with protesters at Independence Square in Kyiv.", &[("Independence Square", "Independence Square", "UKR", false), ("Kyiv", "Kyiv", "UKR", false)]),
        ("Kim toured the plant at Komsomolsk-on-Amur on Friday.", &[("Komsomolsk-on-Amur", "Komsomolsk-on-Amur", "", false)]),
        ("Ships gathered near the Chinese coast.", &[("Chinese coast", "Chinese coast", "CHN", false)]),
        ("Russian President Viktor Orlov met North Korean leader Kim Ju-song at the Vostochny Cosmodrome on Wednesday.", &[("Vostochny Cosmodrome", "Vostochny Cosmodrome", "", false)]),
        // Not places: times, a possessive person, a listed place, a title-case headline, a
        // language.
        ("The talks ended in January, at Kim's invitation, in Moscow.", &[("Moscow", "Moscow", "RUS", false)]),
        ("Putin Hosts Kim In Far East", &[]),
        ("The statement was issued in Russian and in English.", &[]),
    ];
    for (text, want) in cases {
        let d = doc(text);
        let got: Vec<_> = r.find(&d).places.iter()
            .map(|p| (p.span.slice(text).to_string(), p.name.clone(), p.country.as_ref().map(|c| c.to_string()).unwrap_or_default(), p.is_country))
            .collect();
        let want: Vec<_> = want.iter().map(|w| (w.0.to_string(), w.1.to_string(), w.2.to_string(), w.3)).collect();
        assert_eq!(got, want, "\ntext: {text:?}");
    }
}

#[test]
fn any_cut_of_unusual_text_is_safe() {
    // Multi-byte spaces, dashes and quotes next to names and titles, cut at every character:
    // recognition must never slice inside a character or panic on a truncated phrase.
    let r = recognizer();
    let text = "Sŏul\u{a0}— North Korea’s\u{a0}envoy Kim Il-söng, Russia’s envoy\u{2003}Ivan Petrov’s «aide» \
                Ivan\u{a0}Petrov, anti\u{2014}Russian Ü-bin al-Éa, \u{a0}Petrov\u{a0}met Kim Il-söng. \
                Russian envoy Ivan Petrov came; x\u{a0}Ab Petrov left with Oleg\u{a0}Sokolov, Russia's envoy, \
                and «-Russian» guests.";
    let cuts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for &a in &cuts {
        let d = doc(&text[a..]);
        let m = r.find(&d);
        for s in m
            .actors
            .iter()
            .map(|x| x.span)
            .chain(m.places.iter().map(|p| p.span))
        {
            assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
        }
        let _ = r.find(&doc(&text[..a]));
    }
}

#[test]
fn mentions_know_their_sentence() {
    let r = recognizer();
    let text = "Russia agreed.\nNorth Korea agreed too.";
    let found = r.find(&doc(text));
    let sentences: Vec<_> = found.actors.iter().map(|a| a.sentence).collect();
    assert_eq!(sentences, vec![0, 1]);
    assert!(found.actors.windows(2).all(|w| w[0].span <= w[1].span));
}

#[test]
fn data_files_parse_completely() {
    // Every data row is read: a parsed count equal to the count of non-comment lines (less
    // the header) means no row was skipped.
    let rows = |text: &str| {
        text.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count()
    };
    let countries = data::parse_countries("countries", COUNTRIES).unwrap();
    assert_eq!(countries.len(), rows(COUNTRIES) - 1);
    assert_eq!(
        data::parse_orgs("orgs", ORGS).unwrap().len(),
        rows(ORGS) - 1
    );
    assert_eq!(
        data::parse_titles("titles", TITLES).unwrap().len(),
        rows(TITLES) - 1
    );
    assert_eq!(
        data::parse_discards("discard", DISCARD).unwrap().len(),
        rows(DISCARD)
    );
    assert_eq!(
        data::parse_heads("heads", HEADS).unwrap().len(),
        rows(HEADS) - 1
    );
    // Every country and title of heads.tsv is known (the compiled-in files are read strictly).
    let heads = data::parse_heads("heads", HEADS).unwrap();
    let mut g = recognizer().gazetteer;
    g.set_heads("heads", &heads, true).unwrap();

    // 193 UN members, 2 observers, and the territories the news treats as actors.
    assert!(countries.len() >= 250, "{} countries", countries.len());
    let mut isos: Vec<&str> = countries.iter().map(|c| c.iso3.as_str()).collect();
    assert!(isos
        .iter()
        .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())));
    isos.sort_unstable();
    let before = isos.len();
    isos.dedup();
    assert_eq!(isos.len(), before, "duplicate ISO3 codes");
    for must in [
        "PRK", "KOR", "RUS", "CHN", "USA", "TWN", "XKX", "PSE", "HKG", "MAC", "ESH", "PRI", "GRL",
        "VAT",
    ] {
        assert!(isos.binary_search(&must).is_ok(), "{must} missing");
    }
    assert!(Recognizer::new().is_ok());
}

#[test]
fn country_names_by_code() {
    let r = recognizer();
    for (iso, want) in [
        ("PRK", Some("North Korea")),
        ("XKX", Some("Kosovo")),
        ("ZZZ", None),
    ] {
        assert_eq!(r.country_name(iso), want, "{iso}");
    }
}

#[test]
fn user_files_replace_the_compiled_ones_and_errors_name_the_line() {
    let dir = std::env::temp_dir().join(format!("attache-entities-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("countries.tsv");
    std::fs::write(
        &good,
        "# two countries\niso3\tname\tnames\tadjectives\tdemonyms\tcapital\tcities\tseats\nFRA\tFrance\t-\tFrench\t-\tParis\t-\t-\nRUS\tRussia\t-\tRussian\t-\tMoscow\t-\tKremlin\n",
    )
    .unwrap();
    let r = Recognizer::from_files(Some(&good), None, None).unwrap();
    assert_eq!(r.country_name("RUS"), Some("Russia"));
    assert_eq!(r.country_name("PRK"), None);
    check(
        &r,
        "Russian envoy Ivan Petrov met French officials.",
        &[
            (
                "person",
                "Russian envoy Ivan Petrov",
                "RUS",
                "RUSGOV",
                "envoy",
                "Ivan Petrov",
            ),
            ("group", "French officials", "FRA", "FRAGOV", "official", ""),
        ],
    );

    let bad = dir.join("titles.tsv");
    std::fs::write(
        &bad,
        "title\tagent\tholder\tvariants\nenvoy\tGOV\tperson\t-\nspy\tspy\tperson\t-\n",
    )
    .unwrap();
    let err = Recognizer::from_files(None, None, Some(&bad)).expect_err("bad agent code");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:3: unknown agent code", bad.display())),
        "{err}"
    );

    let dup = dir.join("orgs.tsv");
    std::fs::write(
        &dup,
        "name\tcode\tnames\nUnited Nations\tIGOUNO\tUN\nUnion Nationale\tFRAPTY\tUN\n",
    )
    .unwrap();
    let err = Recognizer::from_files(None, Some(&dup), None).expect_err("duplicate name");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:3: \"UN\" is already listed", dup.display())),
        "{err}"
    );

    let missing = dir.join("missing.tsv");
    assert!(matches!(
        Recognizer::from_files(Some(&missing), None, None),
        Err(EntitiesError::Read { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn recognizer_is_shareable() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Recognizer>();
}

/// Wire copy leaves the home country's officials unqualified: the dateline's country fills in,
/// unless the person is introduced with a country elsewhere in the story.
#[test]
fn unqualified_officials_take_the_dateline_country() {
    let r = recognizer();
    let text = "SEOUL, May 3 (Wire) --\nForeign Minister Park Ji-hoon left for Hanoi.\nU.S. Ambassador Mark Lipton met him.\nAmbassador Mark Lipton said so.\nNorth Korea's Vice Foreign Minister Ri Chol-min was there.\nVice Foreign Minister Lee Chol Min spoke.";
    let d = datelined(text, "SEOUL");
    let found = r.find(&d);
    let person = |name: &str| {
        found
            .actors
            .iter()
            .filter(|a| a.name.as_deref() == Some(name))
            .map(|a| {
                (
                    a.country.as_ref().map(|c| c.to_string()),
                    a.code.as_ref().map(|c| c.to_string()),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        person("Park Ji-hoon"),
        [(Some("KOR".into()), Some("KORGOV".into()))]
    );
    assert!(
        person("Mark Lipton")
            .iter()
            .all(|p| p.0.as_deref() == Some("USA")),
        "{:?}",
        person("Mark Lipton")
    );
    // Introduced as North Korea's in another romanisation: not the dateline's country.
    let prk = (Some("PRK".to_string()), Some("PRKGOV".to_string()));
    assert_eq!(person("Ri Chol-min"), [prk.clone(), prk]);
    // Without a dateline nothing is guessed.
    let plain = r.find(&doc("Foreign Minister Park Ji-hoon left for Hanoi."));
    let park = plain
        .actors
        .iter()
        .find(|a| a.name.as_deref() == Some("Park Ji-hoon"))
        .unwrap();
    assert_eq!(park.country, None);
}

/// The (country, code) of every mention of the person named `name` in `d`.
fn countries_of(r: &Recognizer, d: &Document, name: &str) -> Vec<(String, String)> {
    r.find(d)
        .actors
        .iter()
        .filter(|a| a.name.as_deref() == Some(name))
        .map(|a| {
            (
                a.country
                    .as_ref()
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                a.code.as_ref().map(|c| c.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

/// Dateline city, outlet, text, person, and the (country, code) of each of their mentions.
type HeadCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Issue 3: a head's title without a country (data/heads.tsv). Each case: dateline city (""
/// for none), outlet, text, the person, and the (country, code) of each of their mentions.
#[rustfmt::skip]
#[test]
fn heads_titles_take_the_country_whose_heads_hold_them() {
    let r = recognizer();
    let cases: &[HeadCase] = &[
        // Japan has no president: the story's other country has one.
        ("TOKYO", "Kyodo", "TOKYO, Jan. 25 (Kyodo) --\nIndonesian Foreign Minister Ratna Kusumawardhani arrived in Tokyo on Thursday.\nHer visit follows a trip to Japan by President Bambang Wiratmaja in October.", "Bambang Wiratmaja", &[("IDN", "IDNGOV")]),
        // The home country's own head stays home.
        ("TOKYO", "Kyodo", "TOKYO, Jan. 25 (Kyodo) --\nIndonesian Foreign Minister Ratna Kusumawardhani met Prime Minister Kenji Morioka.", "Kenji Morioka", &[("JPN", "JPNGOV")]),
        // Two other countries with presidents: no guess.
        ("TOKYO", "Kyodo", "TOKYO, Jan. 25 (Kyodo) --\nIndonesian and Philippine officials met in Tokyo before President Bambang Wiratmaja arrived.", "Bambang Wiratmaja", &[("", "")]),
        // No dateline: the outlet's country, when the story names it.
        ("", "The Korea Times", "Japanese Prime Minister Shinji Kanemoto will visit Seoul for a summit with President Lee Tae-gyeom.", "Lee Tae-gyeom", &[("KOR", "KORGOV")]),
        ("", "The Korea Times", "Japanese Prime Minister Shinji Kanemoto met President Ilham Karimov in Tashkent.", "Ilham Karimov", &[("UZB", "UZBGOV")]),
        // No home: the one named country whose heads hold the title.
        ("", "", "Premier Wen Jiabao told U.S. officials in Beijing that talks would go on.", "Wen Jiabao", &[("CHN", "CHNGOV")]),
        ("", "", "Chancellor Helga Brandt flew from Paris to Berlin on Monday.", "Helga Brandt", &[("DEU", "DEUGOV")]),
        ("", "", "King Hamad received Indian envoys in Manama.", "Hamad", &[("BHR", "BHRGOV")]),
        // One named country that may hold the title is as likely the other side: no guess.
        ("", "", "President Tom Bradley threatened further action against Russia.", "Tom Bradley", &[("", "")]),
        // With no home, a country named only by an adjective is another actor's.
        ("", "", "Japanese Prime Minister Kenji Arai and Chinese Premier Li Wei criticized President Tom Harris.", "Tom Harris", &[("", "")]),
        // A country whose holder of the title is named already is left out.
        ("", "", "Chinese President Hu Wei met President Tom Bradley in Beijing.", "Tom Bradley", &[("", "")]),
        // A title that is no head's is not guessed without a home.
        ("", "", "Foreign Minister Park Ji-hoon left for Hanoi.", "Park Ji-hoon", &[("", "")]),
        // Named again with the title: "President Lee" is the South Korean president introduced.
        ("", "", "South Korean President Lee spoke on Monday.\nPresident Lee Tae-gyeom left for Washington on Tuesday.", "Lee Tae-gyeom", &[("KOR", "KORGOV")]),
        ("", "", "President Lee Tae-gyeom left for Washington.\nSouth Korean President Lee said the talks went well.", "Lee Tae-gyeom", &[("KOR", "KORGOV")]),
        // ... but not a minister who shares the surname.
        ("", "", "South Korean President Lee spoke on Monday.\nForeign Minister Lee Min-su left for Hanoi.", "Lee Min-su", &[("", "")]),
        // "President Bush" after "U.S. President George W. Bush".
        ("", "", "U.S. President George W. Bush arrived in Baghdad.\nPresident Bush met troops.", "George W. Bush", &[("USA", "USAGOV"), ("USA", "USAGOV")]),
    ];
    for (city, outlet, text, name, want) in cases {
        let mut d = if city.is_empty() { doc(text) } else { datelined(text, city) };
        d.source = (!outlet.is_empty()).then(|| outlet.to_string());
        let got = countries_of(&r, &d, name);
        let want: Vec<(String, String)> = want.iter().map(|(c, k)| (c.to_string(), k.to_string())).collect();
        assert_eq!(got, want, "\ntext: {text:?}");
    }
}

#[rustfmt::skip]
#[test]
fn name_variants_possessives_and_descriptions_in_one_document() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        // Another romanisation of the same name is the same person.
        ("North Korean Foreign Minister Choe Son-hui arrived.\nChoe Son Hui met reporters.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("person", "Choe Son Hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        ("North Korean Foreign Minister Choe Son-hui arrived.\nChoi Son-hui left.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("person", "Choi Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        ("Russian Foreign Minister Sergei Lavrov spoke.\nSergey Lavrov left.", &[("person", "Russian Foreign Minister Sergei Lavrov", "RUS", "RUSGOV", "Foreign Minister", "Sergei Lavrov"), ("person", "Sergey Lavrov", "RUS", "RUSGOV", "Foreign Minister", "Sergei Lavrov")]),
        ("North Korean leader Kim Jong-un spoke.\nKim Jong Un left.", &[("person", "North Korean leader Kim Jong-un", "PRK", "PRKGOV", "leader", "Kim Jong-un"), ("person", "Kim Jong Un", "PRK", "PRKGOV", "leader", "Kim Jong-un")]),
        // A hyphenated surname is one token of the name, two words of the text.
        ("Russian envoy Anna Petrova-Ivanova arrived.\nPetrova-Ivanova left.", &[("person", "Russian envoy Anna Petrova-Ivanova", "RUS", "RUSGOV", "envoy", "Anna Petrova-Ivanova"), ("person", "Petrova-Ivanova", "RUS", "RUSGOV", "envoy", "Anna Petrova-Ivanova")]),
        // A surname named again without its fused particle ("al-", "el-").
        ("Iraqi Prime Minister Salim al-Rubaie arrived.\nRubaie met reporters.", &[("person", "Iraqi Prime Minister Salim al-Rubaie", "IRQ", "IRQGOV", "Prime Minister", "Salim al-Rubaie"), ("person", "Rubaie", "IRQ", "IRQGOV", "Prime Minister", "Salim al-Rubaie")]),
        // A titled mention in another spelling takes the country of the introduction.
        ("North Korean Foreign Minister Choe Son-hui arrived.\nForeign Minister Choi Son Hui left.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("person", "Foreign Minister Choi Son Hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        // Possessives, straight and curly.
        ("North Korean Foreign Minister Choe Son-hui arrived.\nChoe's visit ended; Choe’s aides left.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("person", "Choe", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("person", "Choe", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        // "the North Korean foreign minister" is the one introduced with that title...
        ("North Korean Foreign Minister Choe Son-hui arrived.\nThe North Korean foreign minister met Lavrov.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("person", "The North Korean foreign minister", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        // ... but not "a" North Korean foreign minister, not one of another country, and not
        // one named before anyone was introduced.
        ("North Korean Foreign Minister Choe Son-hui arrived.\nA North Korean foreign minister never came.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("group", "A North Korean foreign minister", "PRK", "PRKGOV", "Foreign Minister", "")]),
        ("North Korean Foreign Minister Choe Son-hui arrived.\nThe Russian foreign minister met her.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui"), ("group", "The Russian foreign minister", "RUS", "RUSGOV", "Foreign Minister", "")]),
        ("The North Korean foreign minister spoke.\nNorth Korean Foreign Minister Choe Son-hui left.", &[("group", "The North Korean foreign minister", "PRK", "PRKGOV", "Foreign Minister", ""), ("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
        // Two people fit the description: it stays a description.
        ("North Korean envoy Ri Chol met North Korean envoy Pak Song.\nThe North Korean envoy spoke.", &[("person", "North Korean envoy Ri Chol", "PRK", "PRKGOV", "envoy", "Ri Chol"), ("person", "North Korean envoy Pak Song", "PRK", "PRKGOV", "envoy", "Pak Song"), ("group", "The North Korean envoy", "PRK", "PRKGOV", "envoy", "")]),
        // Pronouns are the coder's business, never a mention here.
        ("North Korean Foreign Minister Choe Son-hui arrived.\nShe said he would come; her aide and his staff agreed.", &[("person", "North Korean Foreign Minister Choe Son-hui", "PRK", "PRKGOV", "Foreign Minister", "Choe Son-hui")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

/// A temporary folder for user dictionary fixtures, removed when dropped.
struct Fixtures(std::path::PathBuf);

impl Fixtures {
    fn new(name: &str) -> Fixtures {
        let dir = std::env::temp_dir().join(format!("attache-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Fixtures(dir)
    }

    fn file(&self, name: &str, text: &str) -> std::path::PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Fixtures {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn dated(text: &str, day: &str) -> Document {
    let mut d = doc(text);
    d.published = Some(day.parse().unwrap());
    d
}

/// (covered text, name, code, title) of each person or organisation mention.
fn named(r: &Recognizer, d: &Document) -> Vec<(String, String, String, String)> {
    r.find(d)
        .actors
        .iter()
        .filter(|a| matches!(a.kind, MentionKind::Person | MentionKind::Organisation))
        .map(|a| {
            (
                a.span.slice(&d.text).to_string(),
                a.name.clone().unwrap_or_default(),
                a.code.as_ref().map(|c| c.to_string()).unwrap_or_default(),
                a.title.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn user_dictionaries_name_people_and_pick_the_role_of_the_day() {
    let fx = Fixtures::new("dictionaries");
    // Our own fixtures, in PETRARCH's formats and in ours.
    let actors = fx.file(
        "test.actors.txt",
        "# invented actors\nHAN_MYONG_CHOL_  # an office holder\n+HAN_MYONG-CHOL\n\t[PRKGOV 030101-080531]\n\t[PRKMIL >080601]\n\t[PRKELI]\nGREEN_HARBOUR_FUND_ [NGO]\nKRASNY_BOR_ [RUS]\nMOSCOW_ [RUSMIL]\n",
    );
    let agents = fx.file(
        "test.agents.txt",
        "!PERSON! = MAN, WOMAN\nLUMBER!PERSON! {LUMBERMEN} [~LAB]\nHARBOUR_PILOT [~CVL]\nRIVER_WATCH_GROUP [NGO~]\n",
    );
    let people = fx.file(
        "people.tsv",
        "name\tvariants\tcountry\tcode\tfrom\tto\ttitle\nRi Su-yon\tRhee Su Yon\tPRK\tPRKGOV\t2016\t2018\tdeputy director-general\nRi Su-yon\t-\tPRK\tPRKGOV\t2022-01-15\t-\tForeign Minister\nHan Myong-chol\t-\tPRK\tPRKLEG\t2020\t-\tlawmaker\n",
    );
    let r = Recognizer::with_options(&RecognizerOptions {
        actors: vec![actors],
        agents: vec![agents],
        people: vec![people],
        ..Default::default()
    })
    .unwrap();
    let stats = r.dictionary_stats();
    // Han Myong-chol is in both files (one name key); "Rhee Su Yon" folds into "Ri Su-yon".
    assert_eq!(
        (
            stats.actors,
            stats.names,
            stats.roles,
            stats.agents,
            stats.agents_before_country,
            stats.agents_skipped
        ),
        (6, 5, 9, 3, 1, 0),
        "{stats:?}"
    );

    let text = "Rhee Su Yon met Han Myong Chol and the Green Harbour Fund.";
    let s = |a: &str, b: &str, c: &str, d: &str| (a.into(), b.into(), c.into(), d.into());
    // The people file wins over the PETRARCH entry for the same person.
    assert_eq!(
        named(&r, &dated(text, "2017-03-01")),
        [
            s(
                "Rhee Su Yon",
                "Ri Su-yon",
                "PRKGOV",
                "deputy director-general"
            ),
            s("Han Myong Chol", "Han Myong-chol", "", ""),
            s("Green Harbour Fund", "Green Harbour Fund", "NGO", ""),
        ]
    );
    assert_eq!(
        named(&r, &dated(text, "2023-03-01"))[..2],
        [
            s("Rhee Su Yon", "Ri Su-yon", "PRKGOV", "Foreign Minister"),
            s("Han Myong Chol", "Han Myong-chol", "PRKLEG", "lawmaker"),
        ]
    );
    // With no date, the current role.
    assert_eq!(
        named(&r, &doc(text))[0],
        s("Rhee Su Yon", "Ri Su-yon", "PRKGOV", "Foreign Minister")
    );
    // A titled mention keeps its title and takes the dictionary's name and dated code.
    assert_eq!(
        named(
            &r,
            &dated("Foreign Minister Ri Su Yon arrived.", "2023-03-01")
        ),
        [s(
            "Foreign Minister Ri Su Yon",
            "Ri Su-yon",
            "PRKGOV",
            "Foreign Minister"
        )]
    );
    // Agents add titles: "North Korean lumbermen" is a group of workers; an "[NGO~]" agent
    // puts its code before the country's.
    check(
        &r,
        "North Korean lumbermen and a Russian harbour pilot arrived.\nA Mongolian river watch group objected.",
        &[
            (
                "group",
                "North Korean lumbermen",
                "PRK",
                "PRKLAB",
                "lumberman",
                "",
            ),
            (
                "group",
                "a Russian harbour pilot",
                "RUS",
                "RUSCVL",
                "harbour pilot",
                "",
            ),
            (
                "group",
                "A Mongolian river watch group",
                "MNG",
                "NGOMNG",
                "river watch group",
                "",
            ),
        ],
    );

    // The PETRARCH entry alone: dated codes by the article's date.
    let only_petrarch = Recognizer::with_options(&RecognizerOptions {
        actors: vec![fx.0.join("test.actors.txt")],
        ..Default::default()
    })
    .unwrap();
    for (day, code) in [
        ("2005-01-01", "PRKGOV"),
        ("2010-01-01", "PRKMIL"),
        ("2001-01-01", "PRKELI"),
    ] {
        let got = named(&only_petrarch, &dated("Han Myong-chol spoke.", day));
        // PETRARCH's HAN_MYONG_CHOL_ reads "Han Myong Chol".
        assert_eq!(
            got,
            [s("Han Myong-chol", "Han Myong Chol", code, "")],
            "{day}"
        );
    }

    // A PETRARCH place stands for its country; the gazetteers keep the names they know
    // ("Moscow" stays the Russian government); a name in capitals is a dateline, not an actor.
    check(
        &only_petrarch,
        "HAN MYONG CHOL: Krasny Bor and Moscow welcomed Han Myong-chol.",
        &[
            ("country", "Krasny Bor", "RUS", "RUS", "", "Krasny Bor"),
            ("capital", "Moscow", "RUS", "RUSGOV", "", "Moscow"),
            (
                "person",
                "Han Myong-chol",
                "PRK",
                "PRKELI",
                "",
                "Han Myong Chol",
            ),
        ],
    );

    // A bad PETRARCH line is skipped and reported with its file and line; the rest loads.
    let bad = fx.file(
        "bad.actors.txt",
        "# fine\nX_ [PRKGOV 030101-0805]\nY_ [RUSGOV]\n",
    );
    let r = Recognizer::with_options(&RecognizerOptions {
        actors: vec![bad.clone()],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(r.dictionary_stats().actors, 2);
    assert_eq!(r.dictionary_stats().problems, 1);
    assert!(
        r.dictionary_problems()[0]
            .starts_with(&format!("{}:2: [PRKGOV 030101-0805]", bad.display())),
        "{:?}",
        r.dictionary_problems()
    );
    // Our people file is read strictly.
    let bad = fx.file(
        "bad.people.tsv",
        "name\tvariants\tcountry\tcode\tfrom\tto\ttitle\nX\t-\tPRK\t-\t2016-13\t-\t-\n",
    );
    let err = Recognizer::with_options(&RecognizerOptions {
        people: vec![bad.clone()],
        ..Default::default()
    })
    .expect_err("bad date");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:2: column \"from\"", bad.display())),
        "{err}"
    );
    // A user's name words replace data/name_words.tsv: with "Choe" no name word, the minister
    // is found by title alone.
    let text = "North Korean Foreign Minister Choe Son-hui arrived in Moscow.";
    let words = fx.file("name_words.tsv", "list\tword\nnot_name\tChoe\n");
    let r = Recognizer::with_options(&RecognizerOptions {
        name_words: Some(words),
        ..Default::default()
    })
    .unwrap();
    // The minister's name ("" for none); the other actor is Moscow.
    let names = |r: &Recognizer| -> Vec<String> {
        actors_of(r, text)
            .into_iter()
            .filter(|a| !a.4.is_empty())
            .map(|a| a.5)
            .collect()
    };
    assert_eq!(names(&recognizer()), ["Choe Son-hui"], "{text}");
    assert_eq!(names(&r), [""], "{text}");
    let bad = fx.file(
        "bad_words.tsv",
        "list\tword\nparticle\tbin\nparticle\tbin\n",
    );
    let err = Recognizer::with_options(&RecognizerOptions {
        name_words: Some(bad.clone()),
        ..Default::default()
    })
    .expect_err("listed twice");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:3: ", bad.display())),
        "{err}"
    );
    let missing = fx.0.join("missing.txt");
    assert!(matches!(
        Recognizer::with_options(&RecognizerOptions {
            people: vec![missing],
            ..Default::default()
        }),
        Err(EntitiesError::Read { .. })
    ));
}

/// Issue 3: "the ministry", "the agency" named again take the body the document named last
/// with that head word; nothing named before, or another body in between, leaves them alone.
#[rustfmt::skip]
#[test]
fn bodies_named_again() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("South Korea's Foreign Ministry summoned the Japanese envoy.\nThe ministry accused Japan of distorting history.", &[
            ("org", "South Korea's Foreign Ministry", "KOR", "KORGOV", "", "foreign ministry"),
            ("group", "the Japanese envoy", "JPN", "JPNGOV", "envoy", ""),
            ("org", "The ministry", "KOR", "KORGOV", "", "foreign ministry"),
            ("country", "Japan", "JPN", "JPN", "", "Japan"),
        ]),
        // No body with that head word before: no actor.
        ("The ministry accused Japan of distorting history.", &[("country", "Japan", "JPN", "JPN", "", "Japan")]),
        // "the ministry of X" names another body; "the ministry's" is a modifier.
        ("Russia's Foreign Ministry spoke.\nThe ministry of defence denied it.\nShe heads the ministry's press office.", &[
            ("org", "Russia's Foreign Ministry", "RUS", "RUSGOV", "", "foreign ministry"),
        ]),
        // "the bloc", "the alliance" (data/name_words.tsv body_noun): the intergovernmental
        // organisation named last, a possessive too; with none named, no actor.
        ("NATO met on Monday.\nThe alliance's chief warned Russia.", &[
            ("org", "NATO", "", "IGOWSTNAT", "", "North Atlantic Treaty Organization"),
            ("org", "The alliance", "", "IGOWSTNAT", "", "North Atlantic Treaty Organization"),
            ("country", "Russia", "RUS", "RUS", "", "Russia"),
        ]),
        ("The bloc warned Russia.", &[("country", "Russia", "RUS", "RUS", "", "Russia")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

#[rustfmt::skip]
#[test]
fn quantities_participles_and_armed_groups() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        // A quantity before a group is part of its mention; an approximate word only before one.
        ("Three hundred Malian soldiers crossed the river.", &[("group", "Three hundred Malian soldiers", "MLI", "MLIMIL", "troops", "")]),
        ("Some 4,500 Chadian troops withdrew on Monday.", &[("group", "Some 4,500 Chadian troops", "TCD", "TCDMIL", "troops", "")]),
        ("Up to 2,000 Greek students marched to the capital.", &[("group", "Up to 2,000 Greek students", "GRC", "GRCEDU", "students", "")]),
        ("Hundreds of Peruvian protesters blocked the road.", &[("group", "Hundreds of Peruvian protesters", "PER", "PEROPP", "opposition", "")]),
        ("A group of Kenyan lawmakers met the envoy.", &[("group", "A group of Kenyan lawmakers", "KEN", "KENLEG", "lawmaker", "")]),
        ("The minister spoke about Malian soldiers.", &[("group", "Malian soldiers", "MLI", "MLIMIL", "troops", "")]),
        ("The talks covered 40 Malian soldiers.", &[("group", "40 Malian soldiers", "MLI", "MLIMIL", "troops", "")]),
        ("Police held 12 protesters in Lima.", &[("group", "Police", "PER", "PERCOP", "police", ""), ("group", "12 protesters", "PER", "PEROPP", "opposition", ""), ("capital", "Lima", "PER", "PERGOV", "", "Lima")]),
        // A participle before a title, also before its country; not where it is the verb.
        ("Ousted President Tomas Verde flew to Spain.", &[("person", "Ousted President Tomas Verde", "", "", "President", "Tomas Verde"), ("country", "Spain", "ESP", "ESP", "", "Spain")]),
        ("Newly appointed Malian Prime Minister Issa Kone took office.", &[("person", "Newly appointed Malian Prime Minister Issa Kone", "MLI", "MLIGOV", "Prime Minister", "Issa Kone")]),
        ("Peru's jailed former president spoke from his cell.", &[("group", "Peru's jailed former president", "PER", "PERGOV", "President", "")]),
        ("The army ousted President Tomas Verde.", &[("person", "President Tomas Verde", "", "", "President", "Tomas Verde")]),
        // Armed groups of the CAMEO manual's actor lists; a role the group's code holds describes it.
        ("The rebel Revolutionary United Front freed the hostages.", &[("org", "The rebel Revolutionary United Front", "SLE", "SLEREBRUF", "rebels", "Revolutionary United Front")]),
        ("The Tamil Tigers and UNITA were named.", &[("org", "The Tamil Tigers", "LKA", "LKAREB", "", "Liberation Tigers of Tamil Eelam"), ("org", "UNITA", "AGO", "AGOREBUNI", "", "National Union for the Total Independence of Angola")]),
        ("The PLO and the Islamic Salvation Front (FIS) met.", &[("org", "The PLO", "PSE", "PSEPLO", "", "Palestine Liberation Organization"), ("org", "the Islamic Salvation Front", "DZA", "DZAOPPFIS", "", "Islamic Salvation Front"), ("org", "FIS", "DZA", "DZAOPPFIS", "", "Islamic Salvation Front")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

#[rustfmt::skip]
#[test]
fn ethnic_and_religious_groups() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        // A country adjective or possessive before the group gives its country.
        ("Some 8,000 Iraqi Kurds crossed into Iran.", &[("group", "Some 8,000 Iraqi Kurds", "IRQ", "IRQKUR", "", ""), ("country", "Iran", "IRN", "IRN", "", "Iran")]),
        ("Turkey said Iraq's Kurds must not vote.", &[("country", "Turkey", "TUR", "TUR", "", "Turkey"), ("group", "Iraq's Kurds", "IRQ", "IRQKUR", "", "")]),
        ("Turkish Kurd refugees were allowed home.", &[("group", "Turkish Kurd refugees", "TUR", "TURREFKUR", "refugees", "")]),
        // A title after the group gives its role, which comes before the identity.
        ("Kurdish rebels attacked a post in Turkey.", &[("group", "Kurdish rebels", "TUR", "TURREBKUR", "rebels", ""), ("country", "Turkey", "TUR", "TUR", "", "Turkey")]),
        ("Hutu rebels crossed from Congo into Rwanda.", &[("group", "Hutu rebels", "", "HUTREB", "rebels", ""), ("country", "Congo", "COD", "COD", "", "Democratic Republic of the Congo"), ("country", "Rwanda", "RWA", "RWA", "", "Rwanda")]),
        ("Tutsi refugees in Burundi asked for help.", &[("group", "Tutsi refugees", "BDI", "BDIREFTUT", "refugees", ""), ("country", "Burundi", "BDI", "BDI", "", "Burundi")]),
        ("Shiite cleric Ali Hamadi was detained in Baghdad.", &[("person", "Shiite cleric Ali Hamadi", "IRQ", "IRQRELMOSSHI", "religious leaders", "Ali Hamadi"), ("capital", "Baghdad", "IRQ", "IRQGOV", "", "Baghdad")]),
        // A noun stands alone; with no place its code is the identity's alone, or its home's.
        ("Sunnis demanded control of the ministry.", &[("group", "Sunnis", "", "MOSSUN", "", "")]),
        ("Thousands of Shiites marched in Bahrain.", &[("group", "Thousands of Shiites", "BHR", "BHRMOSSHI", "", ""), ("country", "Bahrain", "BHR", "BHR", "", "Bahrain")]),
        ("A group of Yoruba leaders met on Monday.", &[("group", "A group of Yoruba leaders", "NGA", "NGAGOVYRB", "leader", "")]),
        ("Up to 100 ethnic Albanians demonstrated in Serbia.", &[("group", "Up to 100 ethnic Albanians", "SRB", "SRBABN", "", ""), ("country", "Serbia", "SRB", "SRB", "", "Serbia")]),
        ("Ethnic Serbs blocked the roads.", &[("group", "Ethnic Serbs", "", "SER", "", "")]),
        // A direction word may stand between the group and its place.
        ("Ethnic Albanians in south Serbia and a Bosnia-style war", &[("group", "Ethnic Albanians", "SRB", "SRBABN", "", ""), ("country", "Serbia", "SRB", "SRB", "", "Serbia"), ("country", "Bosnia", "BIH", "BIH", "", "Bosnia and Herzegovina")]),
        ("Hutu militia attacked a camp in Congo.", &[("group", "Hutu militia", "COD", "CODUAFHUT", "militia", ""), ("country", "Congo", "COD", "COD", "", "Democratic Republic of the Congo")]),
        ("Burundian militiamen raided the camp.", &[("group", "Burundian militiamen", "BDI", "BDIUAF", "militia", "")]),
        // An adjective alone, or a form glued to a hyphen, is no actor; a country's adjective
        // stays the country's.
        ("Shelling hit the Christian quarter of Beirut.", &[("capital", "Beirut", "LBN", "LBNGOV", "", "Beirut")]),
        ("A Kurdish-led force took the town.", &[]),
        ("Serb forces shelled the village.", &[("group", "Serb forces", "SRB", "SRBMIL", "troops", "")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
    // In a sentence with no place, the dateline's country.
    let text = "ANKARA, May 3 (Wire) --\nKurdish activists were detained.";
    let d = datelined(text, "ANKARA");
    let codes: Vec<String> = r.find(&d).actors.iter().filter_map(|a| Some(a.code.as_ref()?.to_string())).collect();
    assert!(codes.contains(&"TUROPPKUR".to_string()), "{codes:?}");
}

#[rustfmt::skip]
#[test]
fn based_places_misspellings_and_shared_names() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        // "X-based": the place's country with the head noun's role.
        ("A London-based rights group said 40 were held.", &[("org", "A London-based rights group", "GBR", "GBRHRI", "human rights group", "")]),
        ("Gaza-based militants fired rockets.", &[("group", "Gaza-based militants", "PSE", "PSEREB", "rebels", "")]),
        ("The Kabul-based government denied it.", &[("org", "The Kabul-based government", "AFG", "AFGGOV", "", "government")]),
        // The base is not where the clause happens: the police are the dateline's.
        ("A London-based group said police held 30 activists.", &[("group", "police", "", "", "police", ""), ("group", "30 activists", "", "", "opposition", "")]),
        // Misspellings seen in wire copy name the country.
        ("Ethopia and Afganistan signed a deal.", &[("country", "Ethopia", "ETH", "ETH", "", "Ethiopia"), ("country", "Afganistan", "AFG", "AFG", "", "Afghanistan")]),
        ("The Phillipines protested.", &[("country", "Phillipines", "PHL", "PHL", "", "Philippines")]),
        // "Congo" is the Democratic Republic, unless the document names the Republic.
        ("Congo and DR Congo met in Kinshasa.", &[("country", "Congo", "COD", "COD", "", "Democratic Republic of the Congo"), ("country", "DR Congo", "COD", "COD", "", "Democratic Republic of the Congo"), ("capital", "Kinshasa", "COD", "CODGOV", "", "Kinshasa")]),
        ("Congo recalled its envoy.\nBrazzaville said the talks failed.", &[("country", "Congo", "COG", "COG", "", "Republic of the Congo"), ("capital", "Brazzaville", "COG", "COGGOV", "", "Brazzaville")]),
        ("The Republic of Congo and Congo-Kinshasa traded blame.", &[("country", "Republic of Congo", "COG", "COG", "", "Republic of the Congo"), ("country", "Congo-Kinshasa", "COD", "COD", "", "Democratic Republic of the Congo")]),
        ("The Democratic Republic of Congo accused Congo.", &[("country", "Democratic Republic of Congo", "COD", "COD", "", "Democratic Republic of the Congo"), ("country", "Congo", "COD", "COD", "", "Democratic Republic of the Congo")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

/// A group's adjective that is also a given name stays a name after a title.
#[rustfmt::skip]
#[test]
fn identity_words_inside_names() {
    let r = recognizer();
    let cases: &[(&str, &[Want])] = &[
        ("German Finance Minister Christian Lindner said so.", &[("person", "German Finance Minister Christian Lindner", "DEU", "DEUGOVBUS", "Finance Minister", "Christian Lindner")]),
        ("Catholic bishops in Kenya met Sunni clerics.", &[("group", "Catholic bishops", "KEN", "KENRELCHRCTH", "religious leaders", ""), ("country", "Kenya", "KEN", "KEN", "", "Kenya"), ("group", "Sunni clerics", "KEN", "KENRELMOSSUN", "religious leaders", "")]),
    ];
    for (text, want) in cases {
        check(&r, text, want);
    }
}

#[test]
fn gazetteer_scan_tries_only_word_starts() {
    // The scan walks the trie only where a name may begin; a name still needs a word
    // boundary on both sides, whatever the characters around it.
    let g = recognizer().gazetteer;
    let cases: &[(&str, &[&str])] = &[
        ("Seoul and Tokyo", &["Seoul", "Tokyo"]),
        ("Koreanness", &[]),
        ("éSeoul", &[]),
        ("Seoulé", &[]),
        ("«Seoul» (Tokyo)", &["Seoul", "Tokyo"]),
        ("North Korean officials", &["North Korean", "officials"]),
        ("the U.S.-led talks", &["U.S."]),
        ("Seoul", &["Seoul"]),
        ("", &[]),
    ];
    for &(text, want) in cases {
        let got: Vec<&str> = g.scan(text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(got, want, "{text:?}");
    }
}
