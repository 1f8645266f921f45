//! Near-duplicate documents: signatures, candidate lookup by band, and the links found.
//!
//! The store does not compute signatures (the merge crate does, from the text); it keeps them,
//! finds the stored documents that share a band key with a new one, and links those whose
//! signatures agree on at least the threshold's share of positions.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::{sqlite, Store, StoreError};

/// A document's signature as computed by the caller: what [`Store::link_near_duplicates`]
/// stores and compares.
#[derive(Debug, Clone, Copy)]
pub struct DocumentSignature<'a> {
    /// The id of a stored document.
    pub document: &'a str,
    /// The MinHash values; two documents' similarity is the share of equal positions.
    pub minhash: &'a [u64],
    /// One key per band; documents sharing a key in the same band are candidates.
    pub bands: &'a [u64],
}

/// A near-duplicate link, seen from `document`.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The document asked about (or the first of the pair, in [`Store::link_near_duplicates`]'s
    /// result, which orders each pair by id).
    pub document: String,
    /// The other document of the pair.
    pub other: String,
    /// Estimated Jaccard similarity, 0–1.
    pub similarity: f64,
}

impl Store {
    /// Store the signatures of stored documents and link each to the stored documents it
    /// nearly duplicates (similarity at least `threshold` among those sharing a band key),
    /// in one transaction. Documents not stored, or already signed, are passed over, so
    /// signing a whole batch again (after a crash between `put_batch` and this call, say) only
    /// adds what is missing. Returns the new links, each pair ordered by id.
    pub fn link_near_duplicates(
        &mut self,
        signed: &[DocumentSignature<'_>],
        threshold: f64,
    ) -> Result<Vec<Duplicate>, StoreError> {
        let Store { conn, path } = self;
        let path = &*path;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite(path, "starting a duplicate link"))?;
        let mut links = Vec::new();
        {
            let mut state = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1),
                            EXISTS (SELECT 1 FROM signatures WHERE document_id = ?1)",
                )
                .map_err(sqlite(path, "preparing the signature lookup"))?;
            let mut candidates = tx
                .prepare_cached(
                    "SELECT document_id FROM document_bands WHERE band = ?1 AND hash = ?2",
                )
                .map_err(sqlite(path, "preparing the band lookup"))?;
            let mut load = tx
                .prepare_cached("SELECT minhash FROM signatures WHERE document_id = ?1")
                .map_err(sqlite(path, "preparing the signature load"))?;
            let mut insert_signature = tx
                .prepare_cached("INSERT INTO signatures (document_id, minhash) VALUES (?1, ?2)")
                .map_err(sqlite(path, "preparing the signature insert"))?;
            let mut insert_band = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO document_bands (band, hash, document_id)
                     VALUES (?1, ?2, ?3)",
                )
                .map_err(sqlite(path, "preparing the band insert"))?;
            let mut insert_link = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO duplicates (document_a, document_b, similarity)
                     VALUES (?1, ?2, ?3)",
                )
                .map_err(sqlite(path, "preparing the duplicate insert"))?;

            for s in signed {
                let (stored, signed_before): (bool, bool) = state
                    .query_row([s.document], |r| Ok((r.get(0)?, r.get(1)?)))
                    .map_err(sqlite(path, "looking up a signature"))?;
                if !stored || signed_before {
                    continue;
                }
                let mut seen = BTreeSet::new();
                for (band, &key) in s.bands.iter().enumerate() {
                    let rows = candidates
                        .query_map(params![band as i64, key as i64], |r| r.get::<_, String>(0))
                        .map_err(sqlite(path, "finding candidates"))?;
                    for id in rows {
                        seen.insert(id.map_err(sqlite(path, "finding candidates"))?);
                    }
                }
                seen.remove(s.document);
                for other in seen {
                    let blob: Option<Vec<u8>> = load
                        .query_row([&other], |r| r.get(0))
                        .optional()
                        .map_err(sqlite(path, "loading a signature"))?;
                    let Some(blob) = blob else { continue };
                    let similarity = agreement(s.minhash, &blob);
                    if similarity >= threshold {
                        let (a, b) = if s.document < other.as_str() {
                            (s.document.to_string(), other)
                        } else {
                            (other, s.document.to_string())
                        };
                        insert_link
                            .execute(params![a, b, similarity])
                            .map_err(sqlite(path, "linking duplicates"))?;
                        links.push(Duplicate {
                            document: a,
                            other: b,
                            similarity,
                        });
                    }
                }
                let blob: Vec<u8> = s.minhash.iter().flat_map(|v| v.to_le_bytes()).collect();
                insert_signature
                    .execute(params![s.document, blob])
                    .map_err(sqlite(path, "storing a signature"))?;
                for (band, &key) in s.bands.iter().enumerate() {
                    insert_band
                        .execute(params![band as i64, key as i64, s.document])
                        .map_err(sqlite(path, "storing a band key"))?;
                }
            }
        }
        tx.commit()
            .map_err(sqlite(path, "committing duplicate links"))?;
        links.sort_by(|x, y| (&x.document, &x.other).cmp(&(&y.document, &y.other)));
        Ok(links)
    }

    /// The stored near-duplicates of a document, most similar first, then by id.
    pub fn duplicates(&self, document: &str) -> Result<Vec<Duplicate>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT document_b, similarity FROM duplicates WHERE document_a = ?1
                 UNION ALL
                 SELECT document_a, similarity FROM duplicates WHERE document_b = ?1
                 ORDER BY 2 DESC, 1",
            )
            .map_err(sqlite(&self.path, "preparing the duplicate lookup"))?;
        let rows = stmt
            .query_map([document], |r| {
                Ok(Duplicate {
                    document: document.to_string(),
                    other: r.get(0)?,
                    similarity: r.get(1)?,
                })
            })
            .map_err(sqlite(&self.path, "reading duplicates"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sqlite(&self.path, "reading duplicates"))
    }
}

/// The share of equal positions between a signature and a stored one (8 bytes LE each).
fn agreement(minhash: &[u64], blob: &[u8]) -> f64 {
    let stored = blob
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
    let n = minhash.len().min(blob.len() / 8);
    if n == 0 {
        return 0.0;
    }
    let same = minhash.iter().zip(stored).filter(|(a, b)| *a == b).count();
    same as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{document, fold};

    /// Signatures written by hand: the store only compares positions.
    fn sig(first: u64) -> Vec<u64> {
        (first..first + 8).collect()
    }

    #[test]
    fn links_pairs_that_share_a_band_and_agree_enough() {
        let mut store = Store::open_in_memory().unwrap();
        let docs: Vec<_> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| {
                (
                    document(id, "wire", None, &format!("Story {id} of the day.")),
                    vec![],
                )
            })
            .collect();
        store.put_batch(&docs, &fold).unwrap();
        let a = sig(0);
        let mut b = sig(0);
        b[7] = 99; // 7 of 8 positions agree
        let mut c = sig(0);
        c[1..].iter_mut().for_each(|v| *v += 100); // shares band 0 but agrees on 1 of 8
        let d = sig(1000); // shares nothing
        let bands = |m: &[u64]| vec![m[0], m[4]];
        let (ba, bb, bc, bd) = (bands(&a), bands(&b), bands(&c), bands(&d));
        let signed = [
            DocumentSignature {
                document: "b",
                minhash: &b,
                bands: &bb,
            },
            DocumentSignature {
                document: "a",
                minhash: &a,
                bands: &ba,
            },
            DocumentSignature {
                document: "c",
                minhash: &c,
                bands: &bc,
            },
            DocumentSignature {
                document: "d",
                minhash: &d,
                bands: &bd,
            },
            DocumentSignature {
                document: "not-stored",
                minhash: &a,
                bands: &ba,
            },
        ];
        let links = store.link_near_duplicates(&signed, 0.5).unwrap();
        assert_eq!(
            links,
            [Duplicate {
                document: "a".into(),
                other: "b".into(),
                similarity: 0.875
            }]
        );
        assert_eq!(store.duplicates("b").unwrap()[0].other, "a");
        assert!(store.duplicates("c").unwrap().is_empty());
        // Signing again adds nothing.
        assert!(store.link_near_duplicates(&signed, 0.5).unwrap().is_empty());
        assert_eq!(store.duplicates("a").unwrap().len(), 1);
    }
}
