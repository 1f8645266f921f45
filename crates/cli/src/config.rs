//! The configuration file (`--config FILE`, else `attache.toml` in the working directory if
//! there is one): the user dictionaries of the actor stage, so a deployment need not repeat
//! `--actors`, `--agents` and `--people` on every command.
//!
//! ```toml
//! [dictionaries]
//! actors = ["dict/Phoenix.Countries.actors.txt"]   # PETRARCH/Phoenix actor files
//! agents = ["dict/Phoenix.agents.txt"]             # PETRARCH/Phoenix agent files
//! people = ["people.tsv"]                          # people with dated roles
//! ```
//!
//! Paths are relative to the configuration file's folder. Unknown keys are errors, and every
//! error names the file and the line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file name looked for in the working directory when no `--config` is given.
pub const DEFAULT_FILE: &str = "attache.toml";

/// The configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: String,
        line: usize,
        message: String,
    },
}

/// What a configuration file says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub dictionaries: DictionaryFiles,
}

/// User dictionary files, each list in order (the first actor file listing a name wins).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictionaryFiles {
    #[serde(default)]
    pub actors: Vec<PathBuf>,
    #[serde(default)]
    pub agents: Vec<PathBuf>,
    #[serde(default)]
    pub people: Vec<PathBuf>,
}

impl Config {
    /// Parse a configuration's text; `path` names it in errors and anchors relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            ConfigError::Parse {
                path: path.display().to_string(),
                line: text[..at.min(text.len())].matches('\n').count() + 1,
                message: e.message().trim().to_string(),
            }
        })?;
        let folder = path.parent().unwrap_or(Path::new(""));
        let d = &mut config.dictionaries;
        for p in d
            .actors
            .iter_mut()
            .chain(&mut d.agents)
            .chain(&mut d.people)
        {
            if p.is_relative() {
                *p = folder.join(&*p);
            }
        }
        Ok(config)
    }

    /// Read the configuration at `path`.
    pub fn read(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Config::parse(&text, path)
    }

    /// The configuration a command runs with: `explicit` if given, else [`DEFAULT_FILE`] in
    /// the working directory if it exists, else none.
    pub fn find(explicit: Option<&Path>) -> Result<Option<(PathBuf, Config)>, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None if Path::new(DEFAULT_FILE).is_file() => PathBuf::from(DEFAULT_FILE),
            None => return Ok(None),
        };
        let config = Config::read(&path)?;
        Ok(Some((path, config)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_relative_to_the_file() {
        let text =
            "[dictionaries]\nactors = [\"a.txt\", \"/abs/b.txt\"]\npeople = [\"p/people.tsv\"]\n";
        let c = Config::parse(text, Path::new("conf/attache.toml")).unwrap();
        let d = c.dictionaries;
        assert_eq!(
            d.actors,
            [PathBuf::from("conf/a.txt"), PathBuf::from("/abs/b.txt")]
        );
        assert!(d.agents.is_empty());
        assert_eq!(d.people, [PathBuf::from("conf/p/people.tsv")]);
        assert_eq!(
            Config::parse("", Path::new("x.toml")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            (
                "[dictionaries]\nactors = [\"a.txt\"]\nactor = [\"b.txt\"]\n",
                3,
                "unknown field `actor`",
            ),
            ("[dictionaries]\nactors = \"a.txt\"\n", 2, "invalid type"),
            ("\n\n[dictionaries\n", 3, ""),
            ("[people]\n", 1, "unknown field `people`"),
        ];
        for (text, line, words) in cases {
            let err = Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with(&format!("c.toml:{line}: ")),
                "{text:?}: {err}"
            );
            assert!(err.contains(words), "{text:?}: {err}");
        }
    }
}
