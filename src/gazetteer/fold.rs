//! A private, faster copy of [`crate::typography::fold`] for the matcher.
//!
//! It produces the same folded text and the same [`OffsetMap`] (a property test checks it), plus
//! a *match stream* aligned with the folded text: the same bytes, except that the non-word byte
//! just before each word becomes `0x01` (a word start marker) and the bytes of non-ASCII
//! characters that are not word characters become `0x02`. Every alias pattern starts with `0x01`,
//! so the automaton only ever matches at word starts, whatever separates the words (space,
//! apostrophe, quote, bracket, start of text). The stream has one extra leading `0x01` (a virtual
//! separator before the text): stream offset `i + 1` is folded offset `i`.
//!
//! Why a copy: the matcher needs the stream built in the same pass, ASCII text (most of French
//! news) goes through a table lookup per byte, and the offset map gets one call per run of
//! unchanged bytes instead of one per byte. The map ([`SegMap`]) has the semantics of
//! [`crate::typography::OffsetMap`] (a property test compares them) but is queried with a cursor,
//! since the matcher asks for spans left to right: a binary search over the tens of thousands of
//! segments of an accented megabyte cost more than the whole automaton.

use crate::typography::{is_apostrophe, is_dash, is_invisible, is_space, is_word_char, quote_mark};
use crate::Span;

/// Word start marker in the match stream.
pub(crate) const MARK: u8 = 0x01;
/// Filler for the bytes of non-ASCII characters that are not word characters.
const FILL: u8 = 0x02;

/// Whether a match-stream byte belongs to a word (ASCII letter or digit, or any byte of a
/// non-ASCII word character).
#[inline]
pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[b as usize]
}

/// [`is_word_byte`] as a table: one load instead of three comparisons, in the two hottest loops.
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b >= 0x80;
        i += 1;
    }
    t
};

/// Folded text, match stream and offset map of one text.
#[derive(Clone, Debug, Default)]
pub(crate) struct FoldedText {
    pub(crate) folded: Vec<u8>,
    pub(crate) stream: Vec<u8>,
    pub(crate) map: SegMap,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Seg {
    out: usize,
    orig: usize,
    linear: bool,
}

/// Offset map from folded to original offsets, the same segments and semantics as
/// [`crate::typography::OffsetMap`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SegMap {
    segs: Vec<Seg>,
    out_len: usize,
    orig_len: usize,
}

impl SegMap {
    fn copy(&mut self, len: usize) {
        if len == 0 {
            return;
        }
        if !matches!(self.segs.last(), Some(s) if s.linear) {
            self.segs.push(Seg { out: self.out_len, orig: self.orig_len, linear: true });
        }
        self.out_len += len;
        self.orig_len += len;
    }

    fn replace(&mut self, orig: usize, out: usize) {
        if orig == 0 && out == 0 {
            return;
        }
        self.segs.push(Seg { out: self.out_len, orig: self.orig_len, linear: false });
        self.out_len += out;
        self.orig_len += orig;
    }

    fn seg_end(&self, i: usize) -> (usize, usize) {
        match self.segs.get(i + 1) {
            Some(n) => (n.out, n.orig),
            None => (self.out_len, self.orig_len),
        }
    }

    /// Number of segments whose output starts at or before `pos` (strictly before when
    /// `strict`), searched forward from `*hint` when the queries go left to right.
    fn count_until(&self, pos: usize, strict: bool, hint: &mut usize) -> usize {
        let before = |s: &Seg| if strict { s.out < pos } else { s.out <= pos };
        let mut i = (*hint).min(self.segs.len());
        if i > 0 && !before(&self.segs[i - 1]) {
            i = self.segs.partition_point(before);
        } else {
            let mut steps = 0;
            while i < self.segs.len() && before(&self.segs[i]) {
                i += 1;
                steps += 1;
                if steps == 16 {
                    i += self.segs[i..].partition_point(before);
                    break;
                }
            }
        }
        *hint = i;
        i
    }

    fn start_to_original(&self, pos: usize, hint: &mut usize) -> usize {
        if pos >= self.out_len {
            return self.orig_len;
        }
        let mut j = self.count_until(pos, false, hint);
        while j > 0 {
            j -= 1;
            let s = self.segs[j];
            let (out_end, orig_end) = self.seg_end(j);
            if pos < out_end {
                return if s.linear { (s.orig + (pos - s.out)).min(orig_end) } else { s.orig };
            }
        }
        0
    }

    fn end_to_original(&self, pos: usize, hint: &mut usize) -> usize {
        if pos == 0 {
            return 0;
        }
        let pos = pos.min(self.out_len);
        let mut j = self.count_until(pos, true, hint);
        while j > 0 {
            j -= 1;
            let s = self.segs[j];
            let (out_end, orig_end) = self.seg_end(j);
            if out_end == s.out {
                continue;
            }
            if pos <= out_end {
                return if s.linear { (s.orig + (pos - s.out)).min(orig_end) } else { orig_end };
            }
            break;
        }
        self.orig_len
    }

    /// The original span of folded `span`; `hint` is a cursor for left-to-right queries
    /// (start it at 0).
    pub(crate) fn to_original(&self, span: Span, hint: &mut usize) -> Span {
        let start = self.start_to_original(span.start, hint);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.end_to_original(span.end, hint).max(start);
        Span::new(start, end)
    }
}

/// Per ASCII byte: the folded byte, or 0 for a collapsible space.
const ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = match c {
            b' ' | b'\t' | b'-' => 0,
            b'`' => b'\'',
            _ => c.to_ascii_lowercase(),
        };
        i += 1;
    }
    t
};

struct Out {
    folded: Vec<u8>,
    stream: Vec<u8>,
    map: SegMap,
    /// Original bytes copied byte for byte and not yet told to the map.
    pending: usize,
    in_space: bool,
    /// Set when a byte's stream class disagrees with its character's word class (a word
    /// character folding to ASCII punctuation, or the reverse): the lazy scan gives up then.
    odd: bool,
}

impl Out {
    #[inline]
    fn flush(&mut self) {
        if self.pending > 0 {
            self.map.copy(self.pending);
            self.pending = 0;
        }
    }

    #[inline]
    fn replace(&mut self, orig: usize, out: usize) {
        self.flush();
        self.map.replace(orig, out);
    }

    /// Appends one folded byte with its stream class.
    #[inline]
    fn push(&mut self, b: u8, word: bool) {
        self.folded.push(b);
        self.odd |= word != is_word_byte(b) && (word || b < 0x80);
        if word {
            if let Some(last) = self.stream.last_mut() {
                if !is_word_byte(*last) {
                    *last = MARK;
                }
            }
            self.stream.push(b);
        } else {
            self.stream.push(if b >= 0x80 { FILL } else { b });
        }
    }
}

/// Buffers kept per thread between calls up to this size (bytes of text), so that folding
/// article after article does not fault fresh pages in each time.
const KEEP: usize = 1 << 22;

thread_local! {
    static SPARE: std::cell::RefCell<FoldedText> = std::cell::RefCell::new(FoldedText::default());
}

/// Runs `f` on the folded form of `text`, in buffers reused across calls on this thread.
pub(crate) fn with_folded<R>(text: &str, f: impl FnOnce(&FoldedText) -> R) -> R {
    let spare = SPARE.with(|s| s.take());
    let folded = fold_into(text, spare);
    let r = f(&folded);
    if folded.stream.capacity() <= KEEP + 1 {
        SPARE.with(|s| s.replace(folded));
    }
    r
}

/// Folds `text` like [`crate::typography::fold`] and builds the match stream.
pub(crate) fn fold(text: &str) -> FoldedText {
    fold_into(text, FoldedText::default())
}

/// [`fold`] into the (cleared) buffers of `buf`.
fn fold_into(text: &str, buf: FoldedText) -> FoldedText {
    let bytes = text.as_bytes();
    let FoldedText { mut folded, mut stream, mut map } = buf;
    folded.clear();
    folded.reserve(text.len());
    stream.clear();
    stream.reserve(text.len() + 1);
    map.segs.clear();
    map.out_len = 0;
    map.orig_len = 0;
    let mut o = Out { folded, stream, map, pending: 0, in_space: false, odd: false };
    o.stream.push(MARK);
    let mut i = 0;
    while i < bytes.len() {
        // ASCII run: state in locals, one table lookup per byte.
        let mut last_word = o.stream.last().is_some_and(|&b| is_word_byte(b));
        while let Some(&c) = bytes.get(i) {
            if c >= 0x80 {
                break;
            }
            let f = ASCII[c as usize];
            if f == 0 {
                if o.in_space {
                    o.replace(1, 0);
                } else {
                    o.folded.push(b' ');
                    o.stream.push(b' ');
                    o.pending += 1;
                    o.in_space = true;
                }
                last_word = false;
            } else {
                // `f` is ASCII: a word byte is an ASCII letter or digit.
                let word = is_word_byte(f);
                if word && !last_word {
                    if let Some(l) = o.stream.last_mut() {
                        *l = MARK;
                    }
                }
                o.folded.push(f);
                o.stream.push(f);
                o.pending += 1;
                o.in_space = false;
                last_word = word;
            }
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let Some(ch) = text[i..].chars().next() else { break };
        let len = ch.len_utf8();
        i += len;
        if is_invisible(ch) {
            o.replace(len, 0);
            continue;
        }
        if is_space(ch) || is_dash(ch) {
            if o.in_space {
                o.replace(len, 0);
            } else {
                o.push(b' ', false);
                o.replace(len, 1);
                o.in_space = true;
            }
            continue;
        }
        o.in_space = false;
        let before = o.folded.len();
        if is_apostrophe(ch) {
            o.push(b'\'', false);
        } else if quote_mark(ch).is_some() {
            o.push(b'"', false);
        } else {
            push_folded_char(ch, &mut o);
        }
        let written = o.folded.len() - before;
        if written == len && o.folded[before..] == bytes[i - len..i] {
            o.pending += len;
        } else {
            o.replace(len, written);
        }
    }
    o.flush();
    FoldedText { folded: o.folded, stream: o.stream, map: o.map }
}

/// Per ASCII byte: the folded byte, or 0 for a collapsible space (space, tab, hyphen).
#[inline]
pub(crate) fn fold_ascii(c: u8) -> u8 {
    ASCII[(c & 0x7F) as usize]
}

/// For `À`..`ſ`: the single ASCII letter the character folds to (a word byte, class
/// [`CharClass::Word`]), or 0 when it folds otherwise (then ask [`CharFold::fold`]).
#[inline]
pub(crate) fn fold_latin(ch: char) -> u8 {
    let cp = ch as u32;
    if (LATIN_FIRST..LATIN_END).contains(&cp) {
        latin_table()[(cp - LATIN_FIRST) as usize]
    } else {
        0
    }
}

/// [`fold_latin`] of the two-byte character `c0 c1` of a `str` when `c0` is `0xC3`..=`0xC5`
/// (`À`..`ſ`), else 0.
#[inline]
pub(crate) fn fold_latin2(c0: u8, c1: u8) -> u8 {
    if !(0xC3..=0xC5).contains(&c0) {
        return 0;
    }
    let cp = (u32::from(c0 & 0x1F) << 6) | u32::from(c1 & 0x3F);
    latin_table().get(cp.wrapping_sub(LATIN_FIRST) as usize).copied().unwrap_or(0)
}

/// What one non-ASCII character contributes to the folded text and the match stream (see
/// [`CharFold::fold`]).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum CharClass {
    /// Removed, and the space state is left as it is (soft hyphen, zero-width characters).
    Invisible,
    /// A space (one `' '`, or nothing right after another space).
    Space,
    /// Removed, but ends a run of spaces (combining marks).
    Empty,
    /// Only word bytes ([`CharFold::bytes`]).
    Word,
    /// Only non-word bytes ([`CharFold::bytes`]).
    NonWord,
    /// Anything else (word and non-word bytes mixed): the caller folds the whole text instead.
    Mixed,
}

/// Folds one non-ASCII character at a time, exactly as [`fold`] does inside a text, for the
/// matcher's scan of the original text.
pub(crate) struct CharFold {
    out: Out,
}

/// The [`CharFold::fold`] class of the commonest non-ASCII punctuation of French text (`«`,
/// `»`, `’`, `“`, `”`, no-break and narrow spaces, dashes), without folding it, for callers
/// that need the class only; `None` for any other character (a test checks both agree).
#[inline]
pub(crate) fn quick_class(ch: char) -> Option<CharClass> {
    match ch {
        '«' | '»' | '’' | '“' | '”' => Some(CharClass::NonWord),
        '\u{A0}' | '\u{202F}' | '\u{2009}' | '–' | '—' => Some(CharClass::Space),
        _ => None,
    }
}

impl CharFold {
    pub(crate) fn new() -> CharFold {
        CharFold {
            out: Out {
                folded: Vec::new(),
                stream: Vec::new(),
                map: SegMap::default(),
                pending: 0,
                in_space: false,
                odd: false,
            },
        }
    }

    /// The class of non-ASCII `ch`; for [`CharClass::Word`] and [`CharClass::NonWord`] its
    /// folded bytes are then in [`CharFold::bytes`].
    pub(crate) fn fold(&mut self, ch: char) -> CharClass {
        if is_invisible(ch) {
            return CharClass::Invisible;
        }
        if is_space(ch) || is_dash(ch) {
            return CharClass::Space;
        }
        let o = &mut self.out;
        o.folded.clear();
        o.stream.clear();
        o.odd = false;
        if is_apostrophe(ch) {
            o.push(b'\'', false);
        } else if quote_mark(ch).is_some() {
            o.push(b'"', false);
        } else {
            push_folded_char(ch, o);
        }
        if o.odd {
            return CharClass::Mixed;
        }
        let words = o.stream.iter().filter(|&&b| is_word_byte(b)).count();
        match (o.stream.len(), words) {
            (0, _) => CharClass::Empty,
            (n, w) if w == n => CharClass::Word,
            (_, 0) => CharClass::NonWord,
            _ => CharClass::Mixed,
        }
    }

    /// The folded bytes of the last character.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.out.folded
    }
}

fn push_char(c: char, o: &mut Out) {
    let mut buf = [0u8; 4];
    let word = is_word_char(c);
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        o.push(b, word);
    }
}

fn push_str(s: &str, o: &mut Out) {
    for c in s.chars() {
        push_char(c, o);
    }
}

/// First code point of the Latin table (`À`).
const LATIN_FIRST: u32 = 0xC0;
/// One past the last code point of the Latin table (end of Latin Extended-A).
const LATIN_END: u32 = 0x180;

/// For `À`..`ſ`: the single ASCII letter a character folds to, or 0 when it folds otherwise.
/// Computed once from the general path, so both always agree.
fn latin_table() -> &'static [u8; (LATIN_END - LATIN_FIRST) as usize] {
    static TABLE: std::sync::OnceLock<[u8; (LATIN_END - LATIN_FIRST) as usize]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u8; (LATIN_END - LATIN_FIRST) as usize];
        for (i, slot) in t.iter_mut().enumerate() {
            let Some(c) = char::from_u32(LATIN_FIRST + i as u32) else { continue };
            if is_space(c) || is_dash(c) || is_apostrophe(c) || quote_mark(c).is_some() || is_invisible(c) {
                continue;
            }
            let mut o = Out {
                folded: Vec::new(),
                stream: Vec::new(),
                map: SegMap::default(),
                pending: 0,
                in_space: false,
                odd: false,
            };
            push_folded_slow(c, &mut o);
            if let [b] = o.folded[..] {
                if b.is_ascii_alphabetic() && is_word_char(c) {
                    *slot = b;
                }
            }
        }
        t
    })
}

/// Appends the folded form of one non-space, non-quote, non-ASCII character (the same rules as
/// the typography layer's fold).
fn push_folded_char(ch: char, o: &mut Out) {
    let cp = ch as u32;
    if (LATIN_FIRST..LATIN_END).contains(&cp) {
        let b = latin_table()[(cp - LATIN_FIRST) as usize];
        if b != 0 {
            o.push(b, true);
            return;
        }
    }
    push_folded_slow(ch, o);
}

fn push_folded_slow(ch: char, o: &mut Out) {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    match ch {
        'œ' | 'Œ' => push_str("oe", o),
        'æ' | 'Æ' => push_str("ae", o),
        'ß' | 'ẞ' => push_str("ss", o),
        '\u{FB00}' => push_str("ff", o),
        '\u{FB01}' => push_str("fi", o),
        '\u{FB02}' => push_str("fl", o),
        '\u{FB03}' => push_str("ffi", o),
        '\u{FB04}' => push_str("ffl", o),
        '\u{FB05}' | '\u{FB06}' => push_str("st", o),
        '…' => push_str("...", o),
        _ => {
            if is_combining_mark(ch) {
                return;
            }
            decompose_canonical(ch, |d| {
                if !is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        if !is_combining_mark(l) {
                            push_char(l, o);
                        }
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // (input, match stream) — each row names the rule it pins.
    const STREAMS: &[(&str, &str)] = &[
        ("Le Kremlin", "\x01le\x01kremlin"), // word starts marked, text start virtual mark
        ("l’EI", "\x01l\x01ei"),             // apostrophe before a word is a mark
        ("(Daech)", "\x01\x01daech)"),       // bracket before a word is a mark
        ("Etats-Unis", "\x01etats\x01unis"), // hyphen folds to a space, then a mark
        ("5 €, Paris", "\x015 \x02\x02\x02,\x01paris"), // non-word non-ASCII bytes are fillers
        ("Œuvre", "\x01oeuvre"),             // ligature spelled out
    ];

    #[test]
    fn quick_classes_agree_with_the_fold() {
        let mut quick = 0;
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(class) = quick_class(c) {
                assert_eq!(CharFold::new().fold(c), class, "{c:?}");
                quick += 1;
            }
        }
        assert_eq!(quick, 10);
    }

    #[test]
    fn stream_table() {
        for &(input, want) in STREAMS {
            let f = fold(input);
            assert_eq!(String::from_utf8_lossy(&f.stream), want, "input {input:?}");
            assert_eq!(f.stream.len(), f.folded.len() + 1, "input {input:?}");
        }
    }

    /// Every span of the folded text maps to the same original span as the typography map,
    /// queried in order (cursor) and out of order.
    fn same_map(s: &str) -> Result<(), TestCaseError> {
        let want = crate::typography::fold(s);
        let got = fold(s);
        prop_assert_eq!(std::str::from_utf8(&got.folded).unwrap(), want.as_str());
        let n = got.folded.len();
        let mut hint = 0;
        for a in 0..=n {
            for b in a..=(a + 6).min(n) {
                let span = Span::new(a, b);
                prop_assert_eq!(
                    got.map.to_original(span, &mut hint),
                    want.map().to_original(span),
                    "span {:?} of {:?}",
                    span,
                    s
                );
            }
        }
        let mut hint = 0;
        for a in (0..=n).rev() {
            let span = Span::new(a, n);
            prop_assert_eq!(
                got.map.to_original(span, &mut hint),
                want.map().to_original(span),
                "span {:?} of {:?}",
                span,
                s
            );
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        // The private fold is the typography fold: same text, same offset map.
        #[test]
        fn same_as_typography_fold(s in "[a-zA-Zé É\u{A0}\u{202F}’'`«»\\-–œ\u{AD}\u{301}ﬁ…€0-9.,\t\n]{0,40}") {
            same_map(&s)?;
        }

        #[test]
        fn same_as_typography_fold_any(s in any::<String>()) {
            same_map(&s)?;
        }
    }
}
