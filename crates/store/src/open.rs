//! Opening a store: refusing files that are not ours, WAL, migrations.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use crate::{sqlite, Store, StoreError};

/// The `PRAGMA application_id` of every attache store: "ATTA" in ASCII.
pub const APPLICATION_ID: i32 = 0x4154_5441;

/// The schema migrations, in order: script `i` takes the store from `user_version` `i` to
/// `i + 1`. Never edit a released script; append a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_clusters_and_duplicates.sql"),
    include_str!("../migrations/0003_sentence_search.sql"),
    include_str!("../migrations/0004_event_claimants.sql"),
    include_str!("../migrations/0005_event_time_columns.sql"),
];

/// The schema version this build writes (`PRAGMA user_version` after all migrations).
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a writer waits for another connection's lock before giving up: long enough for a
/// concurrent batch to commit, short enough to report a stuck process.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Store {
    /// Open or create the store at `path`.
    ///
    /// A file that exists and is not an attache database (not SQLite at all, SQLite with a
    /// different `PRAGMA application_id`, or SQLite with tables but no attache marker) is
    /// refused with [`StoreError::NotAttache`] and never modified. An empty file, or an empty
    /// SQLite database, becomes a new store. Migrations run forward; a store with a newer schema
    /// than [`SCHEMA_VERSION`] is refused with [`StoreError::TooNew`], also unmodified.
    /// File stores use WAL so readers (a server) never block the writer.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        check_header(path)?;
        let conn = Connection::open(path).map_err(sqlite(path, "opening the database"))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        // Everything up to here only read the file; WAL and migrations write it.
        store.check_identity()?;
        let mode: String = store
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(sqlite(path, "switching to WAL"))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Sqlite {
                path: path.to_path_buf(),
                what: "switching to WAL",
                source: rusqlite::Error::InvalidQuery,
            });
        }
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Open an existing store for reading only, as a server does.
    ///
    /// Nothing is ever written through this connection, so it never waits for a writer's
    /// lock: WAL lets it read the last committed state while `attache ingest` writes. The file
    /// must be an attache store at exactly [`SCHEMA_VERSION`]: a missing file is an error, a
    /// newer one [`StoreError::TooNew`], an older (or empty) one [`StoreError::Outdated`]
    /// (open it once with [`Store::open`] to migrate).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        check_header(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite(path, "opening the database for reading"))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.check_identity()?;
        let found = store.schema_version()?;
        if found < SCHEMA_VERSION {
            return Err(StoreError::Outdated {
                path: path.to_path_buf(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        store.configure()?;
        Ok(store)
    }

    /// A new empty store in memory, for tests and one-shot runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(sqlite(&path, "opening in memory"))?;
        let mut store = Store { conn, path };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// The schema version of the open store (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        user_version(&self.conn).map_err(sqlite(&self.path, "reading the schema version"))
    }

    /// Refuse a database that is not ours, or is ours but newer than this build.
    fn check_identity(&self) -> Result<(), StoreError> {
        let not_attache = || StoreError::NotAttache {
            path: self.path.clone(),
        };
        let read = |conn: &Connection| -> rusqlite::Result<(i32, u32, i64)> {
            let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
            let version = user_version(conn)?;
            let objects: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            Ok((app, version, objects))
        };
        let (app, version, objects) = match read(&self.conn) {
            Ok(v) => v,
            // A file whose first page is garbage past a valid magic string.
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
                return Err(not_attache())
            }
            Err(e) => return Err(sqlite(&self.path, "reading the database header")(e)),
        };
        let fresh = app == 0 && version == 0 && objects == 0;
        if app != APPLICATION_ID && !fresh {
            return Err(not_attache());
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        Ok(())
    }

    fn configure(&self) -> Result<(), StoreError> {
        // FULL (SQLite's usual default, made explicit): a committed batch survives a power cut,
        // not only a crash. It costs one sync per batch, not per document.
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite(&self.path, "setting synchronous"))?;
        self.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(sqlite(&self.path, "enabling foreign keys"))?;
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(sqlite(&self.path, "setting the busy timeout"))
    }

    /// Apply every migration the store has not seen, each in its own transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        self.migrate_with(MIGRATIONS)
    }

    fn migrate_with(&mut self, scripts: &[&str]) -> Result<(), StoreError> {
        for (i, script) in scripts.iter().enumerate() {
            let version = i as u32 + 1;
            let failed = |source| StoreError::Migration {
                path: self.path.clone(),
                version,
                source,
            };
            // IMMEDIATE takes the write lock first, so two processes opening a fresh file at
            // once cannot both run the same script: the second sees the new version and skips.
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(failed)?;
            if user_version(&tx).map_err(failed)? >= version {
                continue;
            }
            tx.execute_batch(script).map_err(failed)?;
            if version == 1 {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('format_version', ?1)",
                    [attache_model::FORMAT_VERSION.to_string()],
                )
                .map_err(failed)?;
            }
            tx.pragma_update(None, "user_version", version)
                .map_err(failed)?;
            tx.commit().map_err(failed)?;
        }
        Ok(())
    }
}

fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Refuse a non-empty file that does not start like a SQLite database, before SQLite sees it.
fn check_header(path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    let mut head = Vec::with_capacity(SQLITE_MAGIC.len());
    file.take(SQLITE_MAGIC.len() as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    // SQLite itself treats an empty file as an empty database: let it become a new store.
    if head.is_empty() || head == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(StoreError::NotAttache {
            path: path.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of a file and whether SQLite left side files (-wal, -shm, -journal) beside it.
    fn snapshot(path: &Path) -> (Vec<u8>, Vec<bool>) {
        let bytes = std::fs::read(path).unwrap();
        let sides = ["-wal", "-shm", "-journal"]
            .iter()
            .map(|s| {
                let mut p = path.as_os_str().to_owned();
                p.push(s);
                Path::new(&p).exists()
            })
            .collect();
        (bytes, sides)
    }

    #[test]
    fn create_open_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.db");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let (app, created, format): (i32, String, String) = store
            .conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id),
                        (SELECT value FROM meta WHERE key = 'created_at'),
                        (SELECT value FROM meta WHERE key = 'format_version')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        assert!(created.ends_with('Z') && created.len() == 20, "{created}");
        assert_eq!(format, attache_model::FORMAT_VERSION.to_string());
        assert_eq!(
            Store::open_in_memory().unwrap().schema_version().unwrap(),
            SCHEMA_VERSION
        );
    }

    #[test]
    fn read_only_connections_read_while_a_writer_holds_the_lock() {
        use crate::fixtures::{document, fold};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("served.db");
        let mut writer = Store::open(&path).unwrap();
        let doc = |id: &str| {
            let body = format!("HANOI (Wire) -- Story {id}: the envoy arrived on Monday.");
            (document(id, "wire", None, &body), vec![])
        };
        writer.put_batch(&[doc("a")], &fold).unwrap();
        // A batch in progress holds the write lock; a reader must neither wait nor see it.
        writer.conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        writer
            .conn
            .execute("DELETE FROM documents WHERE id = 'a'", [])
            .unwrap();
        let started = std::time::Instant::now();
        let mut reader = Store::open_read_only(&path).unwrap();
        assert_eq!(reader.stats().unwrap().documents, 1);
        assert!(
            started.elapsed() < BUSY_TIMEOUT / 4,
            "{:?}",
            started.elapsed()
        );
        writer.conn.execute_batch("ROLLBACK").unwrap();
        writer.put_batch(&[doc("b")], &fold).unwrap();
        assert_eq!(reader.stats().unwrap().documents, 2, "sees the next commit");
        assert!(
            reader.put_batch(&[doc("c")], &fold).is_err(),
            "never writes"
        );
        assert_eq!(writer.stats().unwrap().documents, 2);
        // With every connection closed SQLite removes the -wal and -shm files; a reader alone
        // must still open the store.
        drop((reader, writer));
        assert!(!dir.path().join("served.db-wal").exists());
        let alone = Store::open_read_only(&path).unwrap();
        assert_eq!(alone.stats().unwrap().documents, 2);
    }

    #[test]
    fn read_only_refuses_what_it_cannot_serve() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.db");
        assert!(Store::open_read_only(&missing).is_err());
        assert!(!missing.exists(), "not created");
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        assert!(matches!(
            Store::open_read_only(&empty),
            Err(StoreError::Outdated { found: 0, .. })
        ));
        assert_eq!(std::fs::read(&empty).unwrap(), b"", "left alone");
        let text = dir.path().join("notes.db");
        std::fs::write(&text, "SEOUL, Feb. 3 -- not a database\n").unwrap();
        assert!(matches!(
            Store::open_read_only(&text),
            Err(StoreError::NotAttache { .. })
        ));
    }

    #[test]
    fn file_stores_use_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wal.db");
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        // WAL is persistent: a plain connection sees it too.
        let plain = Connection::open(&path).unwrap();
        let mode: String = plain
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn empty_file_becomes_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.db");
        std::fs::write(&path, b"").unwrap();
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn refuses_files_that_are_not_attache_stores_and_leaves_them_alone() {
        let dir = tempfile::tempdir().unwrap();
        type Make = fn(&Path);
        let cases: &[(&str, Make)] = &[
            ("text.db", |p| {
                std::fs::write(p, "SEOUL, Feb. 3 -- not a database\n").unwrap()
            }),
            ("short.db", |p| std::fs::write(p, "SQLite").unwrap()),
            ("garbage-after-magic.db", |p| {
                let mut b = SQLITE_MAGIC.to_vec();
                b.extend(std::iter::repeat_n(0xA5u8, 4096));
                std::fs::write(p, b).unwrap()
            }),
            ("foreign-tables.db", |p| {
                let c = Connection::open(p).unwrap();
                c.execute_batch(
                    "CREATE TABLE visits (who TEXT, place TEXT);
                     INSERT INTO visits VALUES ('envoy', 'Hanoi');",
                )
                .unwrap();
            }),
            ("foreign-app-id.db", |p| {
                let c = Connection::open(p).unwrap();
                c.pragma_update(None, "application_id", 0x0F05_5112)
                    .unwrap();
            }),
            ("foreign-wal.db", |p| {
                let c = Connection::open(p).unwrap();
                c.pragma_update(None, "journal_mode", "WAL").unwrap();
                c.execute_batch("CREATE TABLE notes (body TEXT);").unwrap();
            }),
        ];
        for (name, make) in cases {
            let path = dir.path().join(name);
            make(&path);
            let before = snapshot(&path);
            match Store::open(&path) {
                Err(e @ StoreError::NotAttache { .. }) => {
                    assert!(e.to_string().contains(&path.display().to_string()), "{e}")
                }
                other => panic!("{name}: expected NotAttache, got {:?}", other.map(|_| ())),
            }
            assert_eq!(snapshot(&path), before, "{name} was modified");
        }
    }

    #[test]
    fn refuses_a_newer_schema_unmodified() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        drop(Store::open(&path).unwrap());
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
            // Back to a rollback journal so the check below sees every byte in the main file.
            c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        }
        let before = snapshot(&path);
        match Store::open(&path) {
            Err(StoreError::TooNew { found, known, .. }) => {
                assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
            }
            other => panic!("expected TooNew, got {:?}", other.map(|_| ())),
        }
        assert_eq!(snapshot(&path), before);
    }

    #[test]
    fn migrations_run_forward_each_whole_or_not_at_all() {
        let mut store = Store::open_in_memory().unwrap();
        let tables = |store: &Store| -> Vec<String> {
            let mut stmt = store
                .conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .unwrap();
            let names = stmt.query_map([], |r| r.get(0)).unwrap();
            names.collect::<Result<_, _>>().unwrap()
        };
        let next = "CREATE TABLE places (name TEXT PRIMARY KEY, country TEXT);";
        let with = |extra: &[&'static str]| -> Vec<&'static str> {
            MIGRATIONS
                .iter()
                .copied()
                .chain(extra.iter().copied())
                .collect()
        };
        let known = SCHEMA_VERSION;
        // (scripts, resulting version, whether it fails, a table that must (not) exist)
        let cases: Vec<(Vec<&str>, u32, bool, &str, bool)> = vec![
            (with(&[next]), known + 1, false, "places", true),
            // Already applied: nothing runs twice.
            (with(&[next]), known + 1, false, "places", true),
            // The last script fails half-way: its first statement is rolled back too.
            (
                with(&[
                    next,
                    "CREATE TABLE aliases (n TEXT); CREATE TABLE places (x);",
                ]),
                known + 1,
                true,
                "aliases",
                false,
            ),
        ];
        for (i, (scripts, version, fails, table, exists)) in cases.into_iter().enumerate() {
            let result = store.migrate_with(&scripts);
            assert_eq!(result.is_err(), fails, "case {i}: {result:?}");
            if let Err(e) = result {
                assert!(
                    matches!(e, StoreError::Migration { version, .. } if version == known + 2),
                    "case {i}: {e}"
                );
            }
            assert_eq!(store.schema_version().unwrap(), version, "case {i}");
            assert_eq!(
                tables(&store).contains(&table.to_string()),
                exists,
                "case {i}"
            );
        }
    }

    /// A store in memory migrated to `version` only, to test the migrations after it.
    fn in_memory_at_version(version: usize) -> Store {
        let conn = Connection::open_in_memory().unwrap();
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
        };
        store.configure().unwrap();
        store.migrate_with(&MIGRATIONS[..version]).unwrap();
        store
    }

    #[test]
    fn version_3_indexes_the_sentences_of_stored_events() {
        let mut store = in_memory_at_version(2);
        store
            .conn
            .execute_batch(
                r#"INSERT INTO events (id, key, code, root, modality, n_mentions, n_documents,
                       n_outlets, json) VALUES
                     ('e1', 'k1', '042', '04', 'actual', 2, 2, 1, '{"mentions": [
                        {"text": "Kim Jong Un arrived in Vladivostok by armoured train."},
                        {"text": "The leader visited a shipyard on the second day."}]}'),
                     ('e2', 'k2', '036', '03', 'actual', 1, 1, 1, '{"mentions": [
                        {"text": "The ministers met in Hanoi to discuss fishing rights."}]}');"#,
            )
            .unwrap();
        store.migrate().unwrap();
        let matching = |store: &Store, words: &str| -> Vec<String> {
            let mut stmt = store
                .conn
                .prepare(
                    "SELECT DISTINCT s.event_id FROM event_sentences s JOIN event_sentences_fts f
                     ON f.rowid = s.id WHERE event_sentences_fts MATCH ?1 ORDER BY 1",
                )
                .unwrap();
            let ids = stmt.query_map([words], |r| r.get(0)).unwrap();
            ids.collect::<Result<_, _>>().unwrap()
        };
        // Stored before the migration, found after it; stems match ("visits" ~ "visited").
        assert_eq!(matching(&store, "visits"), ["e1"]);
        assert_eq!(matching(&store, "hanoi"), ["e2"]);
        // A rewritten event leaves no stale sentence behind.
        store
            .conn
            .execute_batch(
                r#"DELETE FROM events WHERE id = 'e1';
                   INSERT INTO events (id, key, code, root, modality, n_mentions, n_documents,
                       n_outlets, json) VALUES ('e1', 'k1', '042', '04', 'actual', 1, 1, 1,
                       '{"mentions": [{"text": "Kim left Vladivostok for Pyongyang."}]}');"#,
            )
            .unwrap();
        assert!(matching(&store, "shipyard").is_empty());
        assert_eq!(matching(&store, "pyongyang"), ["e1"]);
    }

    #[test]
    fn version_4_indexes_the_claimants_of_stored_events() {
        let mut store = in_memory_at_version(3);
        // Stored before events had `claimants`: only their mentions name the speakers.
        store
            .conn
            .execute_batch(
                r#"INSERT INTO events (id, key, code, root, modality, n_mentions, n_documents,
                       n_outlets, json) VALUES
                     ('e1', 'k1', '036', '03', 'planned', 3, 3, 1, '{"mentions": [
                        {"text": "Choe will meet Lavrov, Zakharova said.", "claimant":
                         {"text": "Zakharova", "name": "Maria Zakharova", "country": "RUS",
                          "code": "RUSGOV"}},
                        {"text": "Choe is expected in Moscow, state media said.", "claimant":
                         {"text": "state media"}},
                        {"text": "Choe will meet Lavrov.", "claimant": null}]}'),
                     ('e2', 'k2', '036', '03', 'actual', 1, 1, 1, '{"mentions": [
                        {"text": "The ministers met in Hanoi."}]}');"#,
            )
            .unwrap();
        store.migrate().unwrap();
        let rows = |store: &Store| -> Vec<(String, Option<String>, Option<String>)> {
            let mut stmt = store
                .conn
                .prepare("SELECT event_id, code, name FROM event_claimants ORDER BY 1, 3")
                .unwrap();
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap();
            rows.collect::<Result<_, _>>().unwrap()
        };
        let row = |e: &str, code: Option<&str>, name: &str| {
            (
                e.to_string(),
                code.map(str::to_string),
                Some(name.to_string()),
            )
        };
        assert_eq!(
            rows(&store),
            [
                row("e1", Some("RUSGOV"), "Maria Zakharova"),
                row("e1", None, "state media"),
            ]
        );
        // A rewritten event leaves no stale claimant behind.
        store
            .conn
            .execute_batch(
                r#"DELETE FROM events WHERE id = 'e1';
                   INSERT INTO events (id, key, code, root, modality, n_mentions, n_documents,
                       n_outlets, json) VALUES ('e1', 'k1', '036', '03', 'planned', 1, 1, 1,
                       '{"mentions": [{"text": "Choe will meet Lavrov, KCNA said.",
                         "claimant": {"text": "KCNA", "name": "KCNA", "code": "PRKMED"}}]}');"#,
            )
            .unwrap();
        assert_eq!(rows(&store), [row("e1", Some("PRKMED"), "KCNA")]);
    }

    #[test]
    fn version_2_turns_month_keys_into_buckets_of_family_and_dyad() {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().unwrap();
        let mut store = Store { conn, path };
        store.configure().unwrap();
        store.migrate_with(&MIGRATIONS[..1]).unwrap();
        store
            .conn
            .execute_batch(
                r#"INSERT INTO documents (id, origin, published_precision, content_hash, text,
                       ingested_at) VALUES ('d', 'x', 'day', 'h', 't', 'now');
                   INSERT INTO reports (document_id, key, sentence, start, "end", code, modality,
                       json) VALUES
                     ('d', '042|PRK|RUS|actual|2019-03', 0, 0, 1, '042', 'actual', '{"key":"042|PRK|RUS|actual|2019-03"}'),
                     ('d', '042|RUS|PRK|actual|2018', 1, 0, 1, '042', 'actual', '{"key":"042|RUS|PRK|actual|2018"}'),
                     ('d', '042|PRK|CHN|planned|unknown', 2, 0, 1, '042', 'planned', '{"key":"042|PRK|CHN|planned|unknown"}');
                   INSERT INTO events (id, key, code, root, modality, n_mentions, n_documents,
                       n_outlets, json) VALUES
                     ('e1', '042|PRK|RUS|actual|2019-03', '042', '04', 'actual', 1, 1, 1, '{}'),
                     ('e2', '042|PRK|RUS|actual|2019-07', '042', '04', 'actual', 1, 1, 1, '{}');"#,
            )
            .unwrap();
        store.migrate_with(&MIGRATIONS[..2]).unwrap();
        assert_eq!(store.schema_version().unwrap(), 2);
        let rows = |sql: &str| -> Vec<String> {
            let mut stmt = store.conn.prepare(sql).unwrap();
            let v = stmt.query_map([], |r| r.get(0)).unwrap();
            v.collect::<Result<_, _>>().unwrap()
        };
        assert_eq!(
            rows("SELECT key || ' ' || json_extract(json, '$.key') FROM reports ORDER BY id"),
            [
                "042|PRK|RUS 042|PRK|RUS",
                "042|RUS|PRK 042|RUS|PRK",
                "042|PRK|CHN 042|PRK|CHN"
            ]
        );
        // Two month events of one bucket now share its key, which is no longer unique.
        assert_eq!(
            rows("SELECT id || ' ' || key FROM events ORDER BY id"),
            ["e1 042|PRK|RUS", "e2 042|PRK|RUS"]
        );
    }

    #[test]
    fn a_reader_sees_committed_batches_while_the_writer_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.db");
        let mut writer = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        let doc = crate::fixtures::document(
            "w1",
            "wire",
            None,
            "MINSK (Wire) -- A trade delegation arrived on Tuesday.",
        );
        writer
            .put_batch(&[(doc, vec![])], &crate::fixtures::fold)
            .unwrap();
        assert_eq!(reader.stats().unwrap().documents, 1);
        assert!(reader.document("w1").unwrap().is_some());
    }

    #[test]
    fn errors_can_travel_across_threads() {
        fn check<E: std::error::Error + Send + Sync + 'static>() {}
        check::<StoreError>();
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/events.db");
        assert!(matches!(Store::open(&path), Err(StoreError::Sqlite { .. })));
    }

    #[test]
    fn version_5_copies_the_time_of_stored_events_into_columns() {
        let mut store = in_memory_at_version(4);
        store
            .conn
            .execute_batch(
                r#"INSERT INTO events (id, key, code, root, modality, n_mentions, n_documents,
                       n_outlets, json) VALUES
                     ('e1', 'k1', '042', '04', 'actual', 1, 1, 1, '{"date": "2024-02-26",
                        "date_end": "2024-02-28", "date_precision": "day", "duration": "P3D"}'),
                     ('e2', 'k2', '042', '04', 'planned', 1, 1, 1, '{"date": "2024-01-10",
                        "date_precision": "day", "date_vague": "future"}'),
                     ('e3', 'k3', '043', '04', 'actual', 1, 1, 1, '{"date": null,
                        "date_precision": "unknown"}');"#,
            )
            .unwrap();
        store.migrate().unwrap();
        assert_eq!(store.schema_version().unwrap(), 5);
        let rows = crate::fixtures::time_columns(&store);
        assert_eq!(
            rows,
            [
                "e1 2024-02-28 day - P3D",
                "e2 - day future -",
                "e3 - unknown - -"
            ]
        );
    }
}
