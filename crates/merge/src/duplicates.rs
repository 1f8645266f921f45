//! Near-duplicate documents: syndicated copies and lightly edited rewrites of one wire story.
//!
//! A document's [`Signature`] is a MinHash of its word shingles: [`SIGNATURE_LEN`] minimums of
//! independently seeded hashes over every run of [`SHINGLE_WORDS`] lower-cased words. The share
//! of equal positions in two signatures estimates the Jaccard similarity of their shingle sets
//! ([`similarity`]). To find candidates without comparing every pair, the signature is cut into
//! [`BANDS`] bands of rows; documents that agree on all rows of any one band are candidates
//! (LSH banding: with 16 bands of 4 rows, a pair at Jaccard 0.5 is a candidate with probability
//! 0.65, at 0.8 with 0.9999), and candidates are kept when [`similarity`] reaches
//! a threshold (`duplicate_threshold` in `data/merge.tsv`, [`crate::MergeConfig`]). Everything is a pure function of the text: the same document always
//! gets the same signature, so signatures can be stored and compared later.
//!
//! ```
//! use attache_merge::duplicates::{similarity, Signature};
//! let wire = "PYONGYANG, March 11 (Wire) -- North Korean Premier Pak Chol-ung left \
//!             Pyongyang on Monday for an official visit to Russia, state media said. He will \
//!             meet Russian leaders in Moscow to discuss trade and a railway project.";
//! let copy = "MOSCOW (Daily) -- North Korean Premier Pak Chol-ung left Pyongyang on Monday for \
//!             an official visit to Russia, state media said. He will meet Russian leaders in \
//!             Moscow to discuss trade and a new railway project.";
//! let a = Signature::of(wire).unwrap();
//! let b = Signature::of(copy).unwrap();
//! assert!(similarity(&a, &b) > 0.5);
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Words per shingle: four keep a rewrite's changed word from touching more than four
/// shingles, and are rare enough that unrelated stories share few.
pub const SHINGLE_WORDS: usize = 4;
/// Hashes in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Bands the signature is cut into for candidate lookup; rows per band is
/// `SIGNATURE_LEN / BANDS`.
pub const BANDS: usize = 16;
/// Texts with fewer shingles than this get no signature: a two-line brief shares too much
/// with any other brief on the same story to call it a copy.
pub const MIN_SHINGLES: usize = 8;

/// The MinHash signature of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// [`SIGNATURE_LEN`] minimum hashes.
    pub minhash: Vec<u64>,
}

impl Signature {
    /// The signature of a text, or `None` when it has fewer than [`MIN_SHINGLES`] shingles.
    pub fn of(text: &str) -> Option<Signature> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.len() < SHINGLE_WORDS + MIN_SHINGLES - 1 {
            return None;
        }
        let mut minhash = vec![u64::MAX; SIGNATURE_LEN];
        for shingle in words.windows(SHINGLE_WORDS) {
            let mut h = FNV_OFFSET;
            for w in shingle {
                h = fnv(h, w.as_bytes());
                h = fnv(h, b" ");
            }
            for (i, m) in minhash.iter_mut().enumerate() {
                *m = (*m).min(mix(h ^ SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1)));
            }
        }
        Some(Signature { minhash })
    }

    /// One key per band: the hash of the band's rows. Two signatures sharing a key are
    /// candidates.
    pub fn bands(&self) -> Vec<u64> {
        let rows = self.minhash.len() / BANDS;
        self.minhash
            .chunks(rows.max(1))
            .take(BANDS)
            .enumerate()
            .map(|(band, chunk)| {
                let mut h = fnv(FNV_OFFSET, &(band as u64).to_le_bytes());
                for v in chunk {
                    h = fnv(h, &v.to_le_bytes());
                }
                h
            })
            .collect()
    }
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures: the share of equal
/// positions. Signatures of different lengths compare on their common prefix.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    let n = a.minhash.len().min(b.minhash.len());
    if n == 0 {
        return 0.0;
    }
    let same = a
        .minhash
        .iter()
        .zip(&b.minhash)
        .filter(|(x, y)| x == y)
        .count();
    same as f64 / n as f64
}

/// Near-duplicate links among documents held in memory (`attache extract`; the store keeps
/// its own index for `ingest`): documents sharing a band key are candidates, kept when their
/// [`similarity`] reaches the threshold.
#[derive(Debug, Default)]
pub struct Index {
    signatures: BTreeMap<String, Signature>,
    bands: HashMap<(usize, u64), Vec<String>>,
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// Add a document by id; texts too short for a [`Signature`] are left out. A second
    /// document with an id already held is ignored.
    pub fn add(&mut self, id: &str, text: &str) {
        if self.signatures.contains_key(id) {
            return;
        }
        let Some(signature) = Signature::of(text) else {
            return;
        };
        for (band, key) in signature.bands().into_iter().enumerate() {
            self.bands
                .entry((band, key))
                .or_default()
                .push(id.to_string());
        }
        self.signatures.insert(id.to_string(), signature);
    }

    /// Every pair of near-duplicates at `threshold` or above, as (smaller id, larger id,
    /// similarity), sorted by ids: the same documents in any order give the same pairs.
    pub fn pairs(&self, threshold: f64) -> Vec<(String, String, f64)> {
        let mut candidates: BTreeSet<(&str, &str)> = BTreeSet::new();
        for ids in self.bands.values() {
            for (i, a) in ids.iter().enumerate() {
                for b in &ids[i + 1..] {
                    let (a, b) = if a < b { (a, b) } else { (b, a) };
                    candidates.insert((a.as_str(), b.as_str()));
                }
            }
        }
        candidates
            .into_iter()
            .filter_map(|(a, b)| {
                let sim = similarity(&self.signatures[a], &self.signatures[b]);
                (sim >= threshold).then(|| (a.to_string(), b.to_string(), sim))
            })
            .collect()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// SplitMix64's finaliser: spreads a seeded shingle hash over all 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Fixed seeds, so signatures stored today compare with signatures computed next year.
const SEEDS: [u64; 4] = [
    0x9e37_79b9_7f4a_7c15,
    0x6a09_e667_f3bc_c909,
    0xbb67_ae85_84ca_a73b,
    0x3c6e_f372_fe94_f82b,
];

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "HANOI, Jan. 30 (Wire) -- Mongolian Foreign Minister Enkhbayar Ganzorig \
        arrived in Hanoi on Tuesday for a four-day official visit, the Vietnamese Foreign \
        Ministry said. Ganzorig is scheduled to hold talks with his Vietnamese counterpart on \
        trade in coal, livestock products and air links between the two capitals. Two-way \
        trade stood at about 150 million dollars last year.";

    #[test]
    fn near_duplicates_table() {
        let cases = [
            (
                "syndicated copy with another dateline and credit",
                STORY.replace("HANOI, Jan. 30 (Wire) --", "ULAANBAATAR (Daily) --"),
                true,
            ),
            (
                "light rewrite: two words changed, last sentence cut",
                STORY
                    .replace("four-day official visit", "four-day state visit")
                    .replace("his Vietnamese counterpart", "Vietnam's foreign minister")
                    .replace(
                        " Two-way trade stood at about 150 million dollars last year.",
                        "",
                    ),
                true,
            ),
            (
                "another story about the same trip",
                "ULAANBAATAR (Daily) -- Vietnam and Mongolia agreed on Thursday to open a direct \
                 flight between their capitals before the end of the year, after talks between \
                 Foreign Minister Enkhbayar Ganzorig and Vietnamese leaders in Hanoi."
                    .to_string(),
                false,
            ),
        ];
        let a = Signature::of(STORY).unwrap();
        for (why, text, duplicate) in cases {
            let b = Signature::of(&text).unwrap();
            let s = similarity(&a, &b);
            assert_eq!(
                s >= crate::MergeConfig::builtin().duplicate_threshold,
                duplicate,
                "{why}: similarity {s}"
            );
            if duplicate {
                // Near-duplicates this close are LSH candidates: they share a band.
                assert!(
                    a.bands().iter().zip(b.bands()).any(|(x, y)| *x == y),
                    "{why}: no shared band"
                );
            }
        }
    }

    #[test]
    fn index_links_copies_in_any_order() {
        let copy = STORY.replace("HANOI, Jan. 30 (Wire) --", "ULAANBAATAR (Daily) --");
        let other = "ULAANBAATAR (Daily) -- Vietnam and Mongolia agreed on Thursday to open a \
            direct flight between their capitals before the end of the year, after talks between \
            Foreign Minister Enkhbayar Ganzorig and Vietnamese leaders in Hanoi.";
        let docs = [
            ("wire", STORY),
            ("daily", copy.as_str()),
            ("other", other),
            ("brief", "Ganzorig arrived in Hanoi."),
        ];
        let pairs = |order: &[usize]| {
            let mut index = Index::new();
            for &i in order {
                index.add(docs[i].0, docs[i].1);
            }
            index
                .pairs(crate::MergeConfig::builtin().duplicate_threshold)
                .into_iter()
                .map(|(a, b, _)| (a, b))
                .collect::<Vec<_>>()
        };
        let want = vec![("daily".to_string(), "wire".to_string())];
        assert_eq!(pairs(&[0, 1, 2, 3]), want);
        assert_eq!(pairs(&[3, 2, 1, 0]), want, "reversed");
    }

    #[test]
    fn signatures_are_deterministic_and_short_texts_get_none() {
        assert_eq!(Signature::of(STORY), Signature::of(STORY));
        assert_eq!(Signature::of(STORY).unwrap().minhash.len(), SIGNATURE_LEN);
        assert_eq!(Signature::of(STORY).unwrap().bands().len(), BANDS);
        assert_eq!(Signature::of("Ganzorig arrived in Hanoi on Tuesday."), None);
        assert_eq!(
            similarity(
                &Signature::of(STORY).unwrap(),
                &Signature::of(STORY).unwrap()
            ),
            1.0
        );
    }
}
