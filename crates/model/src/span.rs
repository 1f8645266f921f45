use serde::{Deserialize, Serialize};

/// A byte range `start..end` into a text owned elsewhere (usually [`crate::Document::text`]).
///
/// Invariant: `start <= end`. Offsets are UTF-8 byte offsets on character boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A new span. Panics in debug builds if `start > end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The text this span covers.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span moved right by `by` bytes.
    #[inline]
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// The character at byte `i` of `text` (a character boundary) and the byte after it: ASCII
/// without decoding, as almost all of a text is. For scanners that walk a text by byte offset.
#[inline]
pub fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), i + 1);
    }
    let c = text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_and_relations() {
        let text = "Choe arrived in Moscow";
        let a = Span::new(5, 12);
        assert_eq!(a.slice(text), "arrived");
        assert!(Span::new(0, 22).contains(a));
        assert!(a.overlaps(Span::new(10, 15)));
        assert!(!a.overlaps(Span::new(12, 15)));
        assert_eq!(a.shift(1), Span::new(6, 13));
        assert_eq!(a.len(), 7);
    }

    #[test]
    fn chars_by_byte_offset() {
        let text = "Bâle’s";
        let cases = [
            (0, 'B', 1),
            (1, 'â', 3),
            (3, 'l', 4),
            (5, '’', 8),
            (8, 's', 9),
        ];
        for (i, c, next) in cases {
            assert_eq!(char_at(text, i), (c, next), "{i}");
        }
    }
}
