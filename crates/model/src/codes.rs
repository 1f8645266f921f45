use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A code failed validation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("not an ISO 3166 alpha-3 country code: {0:?}")]
    Country(String),
    #[error("not a CAMEO event code (2 to 4 digits): {0:?}")]
    Cameo(String),
    #[error("not a CAMEO actor code (3 to 15 upper-case letters or digits, length a multiple of 3): {0:?}")]
    Actor(String),
}

macro_rules! string_code {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// An ISO 3166-1 alpha-3 code ("PRK", "RUS"), or one of the few three-letter codes the news
/// treats as countries without an ISO entry ("XKX" for Kosovo).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(s: &str) -> Result<CountryCode, CodeError> {
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(CountryCode(s.to_string()))
        } else {
            Err(CodeError::Country(s.to_string()))
        }
    }
}
string_code!(CountryCode);

/// A CAMEO event code: two to four digits, e.g. "04", "042", "1041".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CameoCode(String);

impl CameoCode {
    pub fn parse(s: &str) -> Result<CameoCode, CodeError> {
        if (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(CameoCode(s.to_string()))
        } else {
            Err(CodeError::Cameo(s.to_string()))
        }
    }

    /// The two-digit root ("04" for "042").
    pub fn root(&self) -> &str {
        &self.0[..2]
    }
}
string_code!(CameoCode);

/// A CAMEO actor code: a sequence of three-letter parts, e.g. "PRK", "PRKGOV", "IGOUNO".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorCode(String);

impl ActorCode {
    pub fn parse(s: &str) -> Result<ActorCode, CodeError> {
        let ok = !s.is_empty()
            && s.len() <= 15
            && s.len().is_multiple_of(3)
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(ActorCode(s.to_string()))
        } else {
            Err(CodeError::Actor(s.to_string()))
        }
    }

    /// A country code followed by an agent code, e.g. `PRK` + `GOV` = `PRKGOV`.
    pub fn country_agent(country: &CountryCode, agent: &str) -> Result<ActorCode, CodeError> {
        ActorCode::parse(&format!("{}{}", country.as_str(), agent))
    }
}
string_code!(ActorCode);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_table() {
        for (s, ok) in [
            ("PRK", true),
            ("prk", false),
            ("PR", false),
            ("PRKX", false),
        ] {
            assert_eq!(CountryCode::parse(s).is_ok(), ok, "{s}");
        }
        for (s, ok) in [
            ("04", true),
            ("042", true),
            ("1041", true),
            ("4", false),
            ("04a", false),
        ] {
            assert_eq!(CameoCode::parse(s).is_ok(), ok, "{s}");
        }
        for (s, ok) in [
            ("PRKGOV", true),
            ("IGOUNO", true),
            ("PRKG", false),
            ("", false),
        ] {
            assert_eq!(ActorCode::parse(s).is_ok(), ok, "{s}");
        }
        assert_eq!(CameoCode::parse("042").unwrap().root(), "04");
    }

    #[test]
    fn serde_validates() {
        let c: CountryCode = serde_json::from_str("\"RUS\"").unwrap();
        assert_eq!(c.as_str(), "RUS");
        assert!(serde_json::from_str::<CountryCode>("\"rus\"").is_err());
    }
}
