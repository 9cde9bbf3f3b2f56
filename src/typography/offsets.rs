//! [`OffsetMap`]: how a transformed text (canonical, typeset or folded) lines up with the
//! original, so that any span found in the transformed text is reported on the original bytes.
//!
//! The map is a sorted list of segments. A *linear* segment is a run where output and original
//! offsets advance together byte for byte (unchanged text, or ASCII case changes); one segment
//! covers a whole unchanged run however long it is, so text that needs no change costs one
//! entry. A *replaced* segment maps a piece of output to a piece of the original as a whole
//! (an accent removed, a quote glyph changed, a space deleted or inserted): a span that starts
//! or ends inside it is widened to the whole original piece.

use crate::Span;

/// Maps spans of a transformed text back to spans of the original text.
///
/// ```
/// use depeche::typography::fold;
/// use depeche::Span;
///
/// let original = "Les ÉTATS-UNIS et la Russie";
/// let folded = fold(original);
/// assert_eq!(folded.as_str(), "les etats unis et la russie");
/// let start = folded.as_str().find("etats unis").unwrap();
/// let span = folded.map().to_original(Span::new(start, start + "etats unis".len()));
/// assert_eq!(&original[span.range()], "ÉTATS-UNIS");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    // Segment i covers output out[i]..out[i+1] and original orig[i]..orig[i+1] (the last one
    // ends at out_len / orig_len).
    segs: Vec<Segment>,
    out_len: usize,
    orig_len: usize,
}

/// One segment in 16 bytes: its output start, and its original start with whether it is
/// linear in the top bit (offsets into a `str` never reach it: a slice holds at most
/// `isize::MAX` bytes). Maps of French copy hold a segment or two per change, so their size is
/// what a canonical form touches besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    out: usize,
    orig_linear: usize,
}

const LINEAR_BIT: usize = 1 << (usize::BITS - 1);

impl Segment {
    #[inline]
    fn new(out: usize, orig: usize, linear: bool) -> Segment {
        debug_assert!(orig < LINEAR_BIT);
        Segment { out, orig_linear: orig | if linear { LINEAR_BIT } else { 0 } }
    }

    #[inline]
    fn orig(&self) -> usize {
        self.orig_linear & !LINEAR_BIT
    }

    #[inline]
    fn linear(&self) -> bool {
        self.orig_linear & LINEAR_BIT != 0
    }
}

impl OffsetMap {
    /// The identity map over a text of `len` bytes.
    ///
    /// ```
    /// use depeche::{typography::OffsetMap, Span};
    /// let map = OffsetMap::identity(12);
    /// assert_eq!(map.to_original(Span::new(3, 7)), Span::new(3, 7));
    /// assert_eq!(map.segment_count(), 1);
    /// ```
    pub fn identity(len: usize) -> OffsetMap {
        let mut b = OffsetMapBuilder::default();
        b.copy(len);
        b.finish()
    }

    /// Length of the transformed text, in bytes.
    ///
    /// ```
    /// let c = depeche::typography::canonical("Il hésite…");
    /// assert_eq!(c.map().output_len(), c.as_str().len());
    /// ```
    pub fn output_len(&self) -> usize {
        self.out_len
    }

    /// Length of the original text, in bytes.
    ///
    /// ```
    /// let c = depeche::typography::canonical("Il hésite…");
    /// assert_eq!(c.map().original_len(), "Il hésite…".len());
    /// ```
    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    /// Number of segments: 1 for text that was not changed, and roughly two per change
    /// otherwise. This is the map's memory cost (a few words per segment).
    ///
    /// ```
    /// use depeche::typography::canonical;
    /// assert_eq!(canonical("Le conseil a vote le budget.").map().segment_count(), 1);
    /// // l, then ’ replaced by ', then "an".
    /// assert_eq!(canonical("l’an").map().segment_count(), 3);
    /// ```
    pub fn segment_count(&self) -> usize {
        self.segs.len()
    }

    /// Whether the map is the identity (output and original are aligned byte for byte).
    ///
    /// ```
    /// use depeche::typography::canonical;
    /// assert!(canonical("Sans changement.").map().is_identity());
    /// assert!(!canonical("Avec changement !").map().is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.out_len == self.orig_len && self.segs.iter().all(|s| s.linear())
    }

    fn seg_end(&self, i: usize) -> (usize, usize) {
        match self.segs.get(i + 1) {
            Some(n) => (n.out, n.orig()),
            None => (self.out_len, self.orig_len),
        }
    }

    /// The original offset where output offset `pos` starts: in a replaced piece, the start of
    /// that piece. Offsets past the end map to the end.
    ///
    /// ```
    /// // "l’an" -> "l'an": output offset 2 ("a") starts at original offset 4.
    /// let c = depeche::typography::canonical("l’an");
    /// assert_eq!(c.map().start_to_original(2), 4);
    /// assert_eq!(c.map().start_to_original(1), 1);
    /// ```
    pub fn start_to_original(&self, pos: usize) -> usize {
        if pos >= self.out_len {
            return self.orig_len;
        }
        // Last segment starting at or before pos whose output is not empty and contains pos.
        let i = self.segs.partition_point(|s| s.out <= pos);
        let mut j = i;
        while j > 0 {
            j -= 1;
            let s = self.segs[j];
            let (out_end, orig_end) = self.seg_end(j);
            if pos < out_end {
                return if s.linear() { (s.orig() + (pos - s.out)).min(orig_end) } else { s.orig() };
            }
        }
        0
    }

    /// The original offset where output offset `pos` ends: in a replaced piece, the end of that
    /// piece.
    ///
    /// ```
    /// // "l’an" -> "l'an": a span ending after "'" ends after the 3-byte ’.
    /// let c = depeche::typography::canonical("l’an");
    /// assert_eq!(c.map().end_to_original(2), 4);
    /// assert_eq!(c.map().end_to_original(4), 6);
    /// ```
    pub fn end_to_original(&self, pos: usize) -> usize {
        if pos == 0 {
            return 0;
        }
        let pos = pos.min(self.out_len);
        // First segment with out < pos <= out_end and a non-empty output.
        let i = self.segs.partition_point(|s| s.out < pos);
        let mut j = i;
        while j > 0 {
            j -= 1;
            let s = self.segs[j];
            let (out_end, orig_end) = self.seg_end(j);
            if out_end == s.out {
                continue;
            }
            if pos <= out_end {
                return if s.linear() { (s.orig() + (pos - s.out)).min(orig_end) } else { orig_end };
            }
            break;
        }
        self.orig_len
    }

    /// The span of the original text that a span of the transformed text came from.
    ///
    /// Spans that start or end inside a replaced piece are widened to cover it; an empty span
    /// maps to an empty span.
    ///
    /// ```
    /// use depeche::{typography::typeset, Span};
    /// let original = "« Oui », dit-il.";
    /// let t = typeset(original);
    /// assert_eq!(t.as_str(), "«\u{202F}Oui\u{202F}», dit-il.");
    /// let span = t.map().to_original(Span::new(5, 8));
    /// assert_eq!(&original[span.range()], "Oui");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.start_to_original(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.end_to_original(span.end).max(start);
        Span::new(start, end)
    }
}

impl OffsetMap {
    /// Chains two maps: `self` maps a text C back to B, `first` maps B back to the original A;
    /// the result maps C straight back to A.
    ///
    /// Output and original stay aligned byte for byte only where both maps are; anything else
    /// becomes a replaced piece, widened until both ends are positions the two maps agree on.
    ///
    /// ```
    /// use depeche::typography::OffsetMapBuilder;
    /// use depeche::Span;
    ///
    /// // A = "l\u{2019}an" (l’an) -> B = "l'an": replace the 3-byte apostrophe by 1 byte.
    /// let mut first = OffsetMapBuilder::default();
    /// first.copy(1);
    /// first.replace(3, 1);
    /// first.copy(2);
    /// let first = first.finish();
    /// // B = "l'an" -> C = "L'an": a same-length change keeps the map linear.
    /// let mut second = OffsetMapBuilder::default();
    /// second.replace(1, 1);
    /// second.copy(3);
    /// let both = second.finish().compose(&first);
    /// assert_eq!(both.to_original(Span::new(2, 4)), Span::new(4, 6));
    /// assert_eq!(both.to_original(Span::new(1, 2)), Span::new(1, 4));
    /// assert_eq!((both.output_len(), both.original_len()), (4, 6));
    /// ```
    pub fn compose(&self, first: &OffsetMap) -> OffsetMap {
        if first.is_identity() && first.out_len == self.orig_len {
            return self.clone();
        }
        if self.is_identity() && self.out_len == first.out_len {
            return first.clone();
        }
        // Every segment boundary of either map, in the middle text's coordinates.
        let mut points: Vec<usize> = Vec::with_capacity(self.segs.len() + first.segs.len() + 2);
        points.extend(self.segs.iter().map(|s| s.orig()));
        points.push(self.orig_len);
        points.extend(first.segs.iter().map(|s| s.out));
        points.push(first.out_len);
        points.push(0);
        points.sort_unstable();
        points.dedup();
        let mut b = OffsetMapBuilder::with_capacity(points.len());
        // The last anchor: (output offset, original offset, middle offset).
        let (mut out_at, mut orig_at, mut mid_at) = (0usize, 0usize, 0usize);
        let mut skipped = false;
        for &p in &points {
            let (Some((o_lo, o_hi)), Some((g_lo, g_hi))) = (self.upper_range(p), first.lower_range(p)) else {
                skipped = true;
                continue;
            };
            if o_lo < out_at || g_lo < orig_at {
                skipped = true;
                continue;
            }
            if p > mid_at || o_lo > out_at || g_lo > orig_at {
                let (ol, gl) = (o_lo - out_at, g_lo - orig_at);
                let linear = !skipped
                    && ol == gl
                    && ol == p - mid_at
                    && self.linear_between(mid_at, p)
                    && first.linear_between_upper(mid_at, p);
                if linear {
                    b.copy(ol);
                } else {
                    b.replace(gl, ol);
                }
            }
            b.replace(g_hi - g_lo, o_hi - o_lo);
            out_at = o_hi;
            orig_at = g_hi;
            mid_at = p;
            skipped = false;
        }
        if out_at < self.out_len || orig_at < first.orig_len {
            b.replace(first.orig_len - orig_at, self.out_len - out_at);
        }
        b.finish()
    }

    /// The output offsets (lowest, highest) that original offset `x` corresponds to exactly, or
    /// `None` when `x` falls inside a replaced piece.
    fn upper_range(&self, x: usize) -> Option<(usize, usize)> {
        self.range_at(x, false)
    }

    /// The original offsets (lowest, highest) that output offset `x` corresponds to exactly.
    fn lower_range(&self, x: usize) -> Option<(usize, usize)> {
        self.range_at(x, true)
    }

    fn range_at(&self, x: usize, from_out: bool) -> Option<(usize, usize)> {
        let key = |s: &Segment| if from_out { s.out } else { s.orig() };
        let other = |s: &Segment| if from_out { s.orig() } else { s.out };
        let mut lo = usize::MAX;
        let mut hi = 0usize;
        let start = self.segs.partition_point(|s| key(s) < x).saturating_sub(1);
        for j in start..self.segs.len() {
            let s = self.segs[j];
            let (oe, ge) = self.seg_end(j);
            let e = Segment::new(oe, ge, s.linear());
            let (k0, k1) = (key(&s), key(&e));
            if k0 > x {
                break;
            }
            if x > k1 {
                continue;
            }
            let v = if x == k0 {
                let v0 = other(&s);
                if k1 == x {
                    lo = lo.min(v0);
                    hi = hi.max(v0);
                    other(&e)
                } else {
                    v0
                }
            } else if x == k1 {
                other(&e)
            } else if s.linear() {
                other(&s) + (x - k0)
            } else {
                return None;
            };
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if self.segs.is_empty() && x == 0 {
            return Some((0, 0));
        }
        if lo == usize::MAX {
            return None;
        }
        Some((lo, hi))
    }

    /// Whether original offsets `a..b` lie in one linear segment.
    fn linear_between(&self, a: usize, b: usize) -> bool {
        let j = self.segs.partition_point(|s| s.orig() <= a);
        (0..j).rev().find_map(|j| {
            let s = self.segs[j];
            let (_, ge) = self.seg_end(j);
            (ge > s.orig() || ge >= b).then_some(s.linear() && ge >= b && s.orig() <= a)
        }) == Some(true)
    }

    /// Whether output offsets `a..b` lie in one linear segment.
    fn linear_between_upper(&self, a: usize, b: usize) -> bool {
        let j = self.segs.partition_point(|s| s.out <= a);
        (0..j).rev().find_map(|j| {
            let s = self.segs[j];
            let (oe, _) = self.seg_end(j);
            (oe > s.out || oe >= b).then_some(s.linear() && oe >= b && s.out <= a)
        }) == Some(true)
    }
}

/// Builds an [`OffsetMap`] while a transformation walks the original text left to right.
///
/// ```
/// use depeche::typography::OffsetMapBuilder;
/// use depeche::Span;
///
/// // "l’État" -> "l'etat": copy "l", replace "’" (3 bytes) by "'" (1), replace "É" by "e", copy "tat".
/// let mut b = OffsetMapBuilder::default();
/// b.copy(1);
/// b.replace(3, 1);
/// b.replace(2, 1);
/// b.copy(3);
/// let map = b.finish();
/// assert_eq!(map.to_original(Span::new(2, 6)), Span::new(4, 9));
/// ```
#[derive(Clone, Debug, Default)]
pub struct OffsetMapBuilder {
    map: OffsetMap,
}

impl OffsetMapBuilder {
    /// A builder with room for about `segments` changes.
    ///
    /// ```
    /// let mut b = depeche::typography::OffsetMapBuilder::with_capacity(8);
    /// b.copy(4);
    /// assert_eq!(b.finish().output_len(), 4);
    /// ```
    pub fn with_capacity(segments: usize) -> OffsetMapBuilder {
        OffsetMapBuilder { map: OffsetMap { segs: Vec::with_capacity(segments), out_len: 0, orig_len: 0 } }
    }

    /// `len` bytes of the original appear in the output aligned byte for byte.
    ///
    /// ```
    /// let mut b = depeche::typography::OffsetMapBuilder::default();
    /// b.copy(3);
    /// b.copy(2);
    /// assert_eq!(b.finish().segment_count(), 1);
    /// ```
    pub fn copy(&mut self, len: usize) {
        if len == 0 {
            return;
        }
        let m = &mut self.map;
        let extend = matches!(m.segs.last(), Some(s) if s.linear());
        if !extend {
            m.segs.push(Segment::new(m.out_len, m.orig_len, true));
        }
        m.out_len += len;
        m.orig_len += len;
    }

    /// `orig_len` bytes of the original became `out_len` bytes of output, as a whole (either may
    /// be zero: a deletion or an insertion).
    ///
    /// ```
    /// use depeche::{typography::OffsetMapBuilder, Span};
    /// // "…" (3 bytes) -> "..." (3 bytes), as a whole.
    /// let mut b = OffsetMapBuilder::default();
    /// b.replace(3, 3);
    /// assert_eq!(b.finish().to_original(Span::new(1, 2)), Span::new(0, 3));
    /// ```
    pub fn replace(&mut self, orig_len: usize, out_len: usize) {
        if orig_len == 0 && out_len == 0 {
            return;
        }
        let m = &mut self.map;
        m.segs.push(Segment::new(m.out_len, m.orig_len, false));
        m.out_len += out_len;
        m.orig_len += orig_len;
    }

    /// Bytes consumed from the original so far.
    ///
    /// ```
    /// let mut b = depeche::typography::OffsetMapBuilder::default();
    /// b.replace(2, 0);
    /// assert_eq!(b.original_len(), 2);
    /// ```
    pub fn original_len(&self) -> usize {
        self.map.orig_len
    }

    /// Bytes produced so far.
    ///
    /// ```
    /// let mut b = depeche::typography::OffsetMapBuilder::default();
    /// b.replace(0, 3);
    /// assert_eq!(b.output_len(), 3);
    /// ```
    pub fn output_len(&self) -> usize {
        self.map.out_len
    }

    /// The finished map.
    ///
    /// ```
    /// let mut b = depeche::typography::OffsetMapBuilder::default();
    /// b.copy(2);
    /// b.replace(0, 3);
    /// let map = b.finish();
    /// assert_eq!((map.original_len(), map.output_len()), (2, 5));
    /// ```
    pub fn finish(self) -> OffsetMap {
        self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_between_copies() {
        // "a\u{AD}b" -> "ab"
        let mut b = OffsetMapBuilder::default();
        b.copy(1);
        b.replace(2, 0);
        b.copy(1);
        let m = b.finish();
        assert_eq!(m.to_original(Span::new(1, 2)), Span::new(3, 4));
        assert_eq!(m.to_original(Span::new(0, 1)), Span::new(0, 1));
        assert_eq!(m.to_original(Span::new(0, 2)), Span::new(0, 4));
    }

    #[test]
    fn insertion_maps_to_empty() {
        // "a!" -> "a\u{202F}!"
        let mut b = OffsetMapBuilder::default();
        b.copy(1);
        b.replace(0, 3);
        b.copy(1);
        let m = b.finish();
        assert_eq!(m.to_original(Span::new(1, 4)), Span::new(1, 1));
        assert_eq!(m.to_original(Span::new(4, 5)), Span::new(1, 2));
        assert_eq!(m.to_original(Span::new(0, 5)), Span::new(0, 2));
    }

    #[test]
    fn expansion_widens() {
        // "…" (3 bytes) -> "..."
        let mut b = OffsetMapBuilder::default();
        b.copy(2);
        b.replace(3, 3);
        let m = b.finish();
        assert_eq!(m.to_original(Span::new(3, 4)), Span::new(2, 5));
        assert!(!m.is_identity());
    }
    fn build(ops: &[(bool, usize, usize)]) -> OffsetMap {
        let mut b = OffsetMapBuilder::default();
        for &(linear, orig, out) in ops {
            if linear {
                b.copy(orig);
            } else {
                b.replace(orig, out);
            }
        }
        b.finish()
    }

    #[test]
    fn compose_table() {
        // (first map A->B, second map B->C, spans of C, expected spans of A) — each row names
        // the case it pins.
        type Ops = &'static [(bool, usize, usize)];
        type Spans = &'static [((usize, usize), (usize, usize))];
        const CASES: &[(Ops, Ops, Spans)] = &[
            // Overlapping linear runs stay linear; replaced pieces of either map stay whole.
            (
                &[(true, 5, 5), (false, 1, 2), (true, 5, 5)],
                &[(true, 3, 3), (false, 2, 2), (true, 7, 7)],
                &[((0, 3), (0, 3)), ((3, 4), (3, 5)), ((5, 6), (5, 6)), ((7, 12), (6, 11)), ((0, 12), (0, 11))],
            ),
            // A deletion in the first map under an insertion of the second: one replaced piece.
            (
                &[(true, 2, 2), (false, 3, 0), (true, 2, 2)],
                &[(true, 2, 2), (false, 0, 3), (true, 2, 2)],
                &[((2, 5), (2, 5)), ((5, 7), (5, 7)), ((0, 2), (0, 2))],
            ),
            // A replaced piece of the second map that straddles a replaced piece of the first is
            // widened to both.
            (
                &[(true, 2, 2), (false, 2, 1), (true, 3, 3)],
                &[(true, 1, 1), (false, 2, 2), (true, 3, 3)],
                &[((1, 2), (1, 4)), ((3, 6), (4, 7)), ((0, 1), (0, 1))],
            ),
        ];
        for &(first, second, spans) in CASES {
            let (a, b) = (build(first), build(second));
            let c = b.compose(&a);
            assert_eq!((c.output_len(), c.original_len()), (b.output_len(), a.original_len()));
            for &((s, e), (ws, we)) in spans {
                assert_eq!(
                    c.to_original(Span::new(s, e)),
                    Span::new(ws, we),
                    "span {s}..{e} of {first:?} then {second:?}"
                );
            }
        }
    }
}
