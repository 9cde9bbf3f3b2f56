//! Spans: half-open ranges of UTF-8 byte offsets into the caller's original text.
//!
//! Every layer of the crate reports its findings as [`Span`]s into the `&str` the caller passed
//! in, never into a normalized copy: `&text[span.range()]` is always valid.

use core::ops::Range;

/// A half-open range of UTF-8 byte offsets into the original text.
///
/// Spans produced by this crate always lie on character boundaries of the text they were
/// computed from, so slicing with [`Span::range`] never panics on that text.
///
/// ```
/// use depeche::Span;
///
/// let text = "Le Kremlin a démenti.";
/// let span = Span::new(3, 10);
/// assert_eq!(&text[span.range()], "Kremlin");
/// assert_eq!(span.len(), 7);
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start`, the span is empty at `start`.
    ///
    /// ```
    /// use depeche::Span;
    /// assert_eq!(Span::new(4, 2), Span::new(4, 4));
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end: if end < start { start } else { end } }
    }

    /// The span as a `Range<usize>`, for slicing: `&text[span.range()]`.
    ///
    /// ```
    /// use depeche::Span;
    /// assert_eq!(&"à Moscou"[Span::new(3, 9).range()], "Moscou");
    /// ```
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    ///
    /// ```
    /// use depeche::Span;
    /// assert_eq!(Span::new(2, 7).len(), 5);
    /// ```
    #[inline]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// use depeche::Span;
    /// assert!(Span::new(3, 3).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside `self`.
    ///
    /// ```
    /// use depeche::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use depeche::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    /// ```
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// use depeche::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(7, 9)), Span::new(2, 9));
    /// ```
    #[inline]
    pub const fn cover(self, other: Span) -> Span {
        let start = if self.start < other.start { self.start } else { other.start };
        let end = if self.end > other.end { self.end } else { other.end };
        Span { start, end }
    }

    /// The text this span covers in `text`, or `None` if the span does not fit `text` or does
    /// not lie on its character boundaries.
    ///
    /// ```
    /// use depeche::Span;
    /// assert_eq!(Span::new(0, 2).get("été"), Some("é"));
    /// assert_eq!(Span::new(0, 1).get("été"), None);
    /// ```
    #[inline]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}
