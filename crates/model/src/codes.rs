use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

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

/// A code's bytes, held inline: codes are short ASCII and copied into every mention, event and
/// report, so a copy should not allocate. Bytes after `len` are zero.
#[derive(Clone, PartialEq, Eq)]
struct Inline<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> Inline<N> {
    /// `s` is validated: ASCII and at most `N` bytes.
    fn new(s: &str) -> Inline<N> {
        let mut bytes = [0; N];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Inline {
            bytes,
            len: s.len() as u8,
        }
    }

    #[inline]
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// A code type's methods and traits, all by its text: it orders, hashes, prints and serialises
/// as the string it is.
macro_rules! string_code {
    ($name:ident) => {
        impl $name {
            #[inline]
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name))
                    .field(&self.as_str())
                    .finish()
            }
        }
        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }
        impl Ord for $name {
            /// As the strings order: a code has no NUL byte and its unused bytes are zero, so
            /// its bytes order as its text, with no UTF-8 check.
            fn cmp(&self, other: &Self) -> Ordering {
                self.0.bytes.cmp(&other.0.bytes)
            }
        }
        impl Hash for $name {
            fn hash<H: Hasher>(&self, h: &mut H) {
                self.as_str().hash(h)
            }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
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
#[derive(Clone, PartialEq, Eq)]
pub struct CountryCode(Inline<3>);

impl CountryCode {
    pub fn parse(s: &str) -> Result<CountryCode, CodeError> {
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(CountryCode(Inline::new(s)))
        } else {
            Err(CodeError::Country(s.to_string()))
        }
    }
}
string_code!(CountryCode);

/// A CAMEO event code: two to four digits, e.g. "04", "042", "1041".
#[derive(Clone, PartialEq, Eq)]
pub struct CameoCode(Inline<4>);

impl CameoCode {
    pub fn parse(s: &str) -> Result<CameoCode, CodeError> {
        if (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(CameoCode(Inline::new(s)))
        } else {
            Err(CodeError::Cameo(s.to_string()))
        }
    }

    /// The two-digit root ("04" for "042").
    #[inline]
    pub fn root(&self) -> &str {
        &self.as_str()[..2]
    }
}
string_code!(CameoCode);

/// A CAMEO actor code: a sequence of three-letter parts, e.g. "PRK", "PRKGOV", "IGOUNO".
#[derive(Clone, PartialEq, Eq)]
pub struct ActorCode(Inline<15>);

impl ActorCode {
    pub fn parse(s: &str) -> Result<ActorCode, CodeError> {
        let ok = !s.is_empty()
            && s.len() <= 15
            && s.len().is_multiple_of(3)
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(ActorCode(Inline::new(s)))
        } else {
            Err(CodeError::Actor(s.to_string()))
        }
    }

    /// A country code followed by an agent code, e.g. `PRK` + `GOV` = `PRKGOV`.
    pub fn country_agent(country: &CountryCode, agent: &str) -> Result<ActorCode, CodeError> {
        // Joined on the stack: the entity stage codes nearly every actor it finds this way.
        let (country, mut buf) = (country.as_str(), [0u8; 15]);
        let joined = buf.get_mut(..country.len() + agent.len()).and_then(|out| {
            out[..country.len()].copy_from_slice(country.as_bytes());
            out[country.len()..].copy_from_slice(agent.as_bytes());
            std::str::from_utf8(out).ok()
        });
        match joined {
            Some(code) => ActorCode::parse(code),
            None => Err(CodeError::Actor(format!("{country}{agent}"))),
        }
    }
}
string_code!(ActorCode);

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes order as their text: a shorter code before the longer ones it begins.
    #[test]
    fn codes_order_as_their_text() {
        fn check<T: Ord>(parse: fn(&str) -> Result<T, CodeError>, pairs: &[(&str, &str)]) {
            for (a, b) in pairs {
                let (x, y) = (parse(a).unwrap(), parse(b).unwrap());
                assert_eq!(x.cmp(&y), a.cmp(b), "{a} {b}");
            }
        }
        check(
            CameoCode::parse,
            &[
                ("04", "042"),
                ("042", "043"),
                ("0431", "043"),
                ("20", "190"),
            ],
        );
        check(
            ActorCode::parse,
            &[
                ("PRK", "PRKGOV"),
                ("PRKGOV", "PRKMIL"),
                ("RUS", "PRKGOVMIL"),
            ],
        );
        check(
            CountryCode::parse,
            &[("CHN", "PRK"), ("PRK", "PRK"), ("USA", "UKR")],
        );
    }

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
    fn country_agent_joins_and_validates() {
        let prk = CountryCode::parse("PRK").unwrap();
        for (agent, want) in [
            ("GOV", Ok("PRKGOV")),
            ("", Ok("PRK")),
            ("GOVMILREB", Ok("PRKGOVMILREB")),
            ("GOVMILREBOPP", Ok("PRKGOVMILREBOPP")),
            ("GOVMILREBOPPX", Err("PRKGOVMILREBOPPX")),
            ("gov", Err("PRKgov")),
            ("GO", Err("PRKGO")),
            ("GÖV", Err("PRKGÖV")),
        ] {
            let got = ActorCode::country_agent(&prk, agent);
            let got = match &got {
                Ok(code) => Ok(code.as_str()),
                Err(CodeError::Actor(s)) => Err(s.as_str()),
                Err(e) => panic!("{agent}: {e}"),
            };
            assert_eq!(got, want, "{agent}");
        }
    }

    #[test]
    fn serde_validates() {
        let c: CountryCode = serde_json::from_str("\"RUS\"").unwrap();
        assert_eq!(c.as_str(), "RUS");
        assert!(serde_json::from_str::<CountryCode>("\"rus\"").is_err());
    }

    #[test]
    fn codes_order_and_print_as_their_text() {
        let codes = ["RUSGOV", "RUS", "IGOUNOKID", "PRK", "RUSMIL"];
        let mut parsed: Vec<ActorCode> =
            codes.iter().map(|c| ActorCode::parse(c).unwrap()).collect();
        let mut text = codes.to_vec();
        parsed.sort();
        text.sort();
        let back: Vec<&str> = parsed.iter().map(ActorCode::as_str).collect();
        assert_eq!(back, text);
        let code = CameoCode::parse("1041").unwrap();
        assert_eq!(format!("{code} {code:?}"), "1041 CameoCode(\"1041\")");
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"1041\"");
        let h = |s: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            s(&mut h);
            h.finish()
        };
        assert_eq!(h(&|x| code.hash(x)), h(&|x| "1041".hash(x)));
    }
}
