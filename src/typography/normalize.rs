//! The canonical and typeset forms of a text, each with its [`OffsetMap`] back to the original.

use super::classes::{classify, is_apostrophe, is_line_break, is_space, quote_mark, space_kind, CharClass};
use super::mojibake;
use super::offsets::{OffsetMap, OffsetMapBuilder};
use super::pairing::{candidate_len, Pairing, Role};
use super::prepass;
use crate::Span;

/// A normalized text (canonical or typeset form) and the map from its offsets back to the
/// original text.
///
/// ```
/// use depeche::typography::canonical;
/// use depeche::Span;
///
/// let original = "Il a répondu : «\u{A0}Non\u{A0}»";
/// let c = canonical(original);
/// assert_eq!(c.as_str(), "Il a répondu: \"Non\"");
/// let at = c.as_str().find("Non").unwrap();
/// let span = c.map().to_original(Span::new(at, at + 3));
/// assert_eq!(&original[span.range()], "Non");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    map: OffsetMap,
    repairs: Vec<Span>,
}

impl Normalized {
    /// The normalized text.
    ///
    /// ```
    /// assert_eq!(depeche::typography::canonical("Quoi ?").as_str(), "Quoi?");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The map from offsets of the normalized text back to the original text.
    ///
    /// ```
    /// use depeche::{typography::typeset, Span};
    /// let t = typeset("Quoi ?");
    /// assert_eq!(t.as_str(), "Quoi\u{202F}?");
    /// assert_eq!(t.map().to_original(Span::new(7, 8)), Span::new(5, 6));
    /// ```
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The spans of the original text where mojibake was repaired (empty for most texts). Only
    /// inside these spans may letters differ between the original and the normalized text.
    ///
    /// ```
    /// use depeche::{typography::canonical, Span};
    /// let c = canonical("La rÃ©forme");
    /// assert_eq!(c.as_str(), "La réforme");
    /// assert_eq!(c.repairs(), &[Span::new(4, 8)]);
    /// ```
    pub fn repairs(&self) -> &[Span] {
        &self.repairs
    }

    /// The normalized text and its map.
    ///
    /// ```
    /// let (text, map) = depeche::typography::canonical("l’an").into_parts();
    /// assert_eq!(text, "l'an");
    /// assert_eq!(map.original_len(), 6);
    /// ```
    pub fn into_parts(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

/// Options of the canonical and typeset forms.
///
/// The only option today is the low-confidence reading of straight single quotes as quotation
/// marks (`promet 'un dialogue'`), on by default: turn it off for text where `'` is only ever an
/// apostrophe or a prime.
///
/// ```
/// use depeche::typography::Normalizer;
///
/// let text = "Il promet 'un dialogue'";
/// assert_eq!(Normalizer::new().canonical(text).as_str(), "Il promet \"un dialogue\"");
/// let strict = Normalizer::new().straight_single_quotes(false);
/// assert_eq!(strict.canonical(text).as_str(), "Il promet 'un dialogue'");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Normalizer {
    single_quotes: bool,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new()
    }
}

impl Normalizer {
    /// The default options (straight single quotes read as quotation marks when they pair).
    ///
    /// ```
    /// assert_eq!(depeche::typography::Normalizer::new(), Default::default());
    /// ```
    pub const fn new() -> Normalizer {
        Normalizer { single_quotes: true }
    }

    /// Whether straight single quotes that pair on one line (`'…'`, opening after a space and
    /// before a letter, closing after a word) are quotation marks. Between letters `'` is an
    /// apostrophe either way.
    ///
    /// ```
    /// use depeche::typography::Normalizer;
    /// let n = Normalizer::new().straight_single_quotes(false);
    /// assert_eq!(n.typeset("l'avis 'net'").as_str(), "l’avis 'net'");
    /// ```
    pub const fn straight_single_quotes(self, yes: bool) -> Normalizer {
        Normalizer { single_quotes: yes }
    }

    /// The canonical form of `text` with these options: see [`canonical`].
    ///
    /// ```
    /// use depeche::typography::Normalizer;
    /// assert_eq!(Normalizer::new().canonical("« Oui »").as_str(), "\"Oui\"");
    /// ```
    pub fn canonical(&self, text: &str) -> Normalized {
        if !needs_canonical_work(text) {
            return Normalized { text: text.to_string(), map: OffsetMap::identity(text.len()), repairs: Vec::new() };
        }
        self.run::<false>(text)
    }

    /// The typeset form of `text` with these options: see [`typeset`].
    ///
    /// ```
    /// use depeche::typography::Normalizer;
    /// assert_eq!(Normalizer::new().typeset("\"Oui\"").as_str(), "«\u{202F}Oui\u{202F}»");
    /// ```
    pub fn typeset(&self, text: &str) -> Normalized {
        self.run::<true>(text)
    }

    /// The general path, without the fast path's pre-scan.
    pub(crate) fn run<const TYPESET: bool>(&self, text: &str) -> Normalized {
        // Optimistic: most texts need no pre-pass, and the rewriting pass notices when one does.
        if let Some((out, map)) = Engine::<TYPESET>::new(text, self.single_quotes, true).run() {
            return Normalized { text: out, map, repairs: Vec::new() };
        }
        let p = prepass::prepare(text);
        let (out, map) = Engine::<TYPESET>::new(&p.text, self.single_quotes, false)
            .run()
            .unwrap_or_else(|| (p.text.clone(), OffsetMap::identity(p.text.len())));
        Normalized { text: out, map: map.compose(&p.map), repairs: p.repairs }
    }
}

/// The canonical form of `text`: the form for matching, search and deduplication.
///
/// Two spellings of the same words get the same canonical form. In order:
/// 1. mojibake is repaired (UTF-8 read as Windows-1252 or Latin-1, once or twice), only where
///    unambiguous;
/// 2. CRLF and CR become LF; soft hyphens, zero-width spaces, word joiners, BOMs and direction
///    marks are deleted;
/// 3. NFC; presentation ligatures U+FB00–U+FB06 are spelled out (`œ`, `æ` stay letters);
/// 4. every space (U+00A0, U+202F, thin, figure, tab …) becomes U+0020, runs collapse, lines
///    are trimmed;
/// 5. the padding inside quotation marks goes, as does the space before `; : ! ?` and between
///    a digit and `% ‰ € $ £ °C °F`;
/// 6. every quotation mark becomes `"`, every apostrophe between letters `'`;
/// 7. dashes U+2010–U+2015 and U+2212 become `-`, `…` becomes `...`.
///
/// Line breaks are kept and words are never changed.
///
/// ```
/// use depeche::typography::canonical;
///
/// assert_eq!(canonical("Il dénonce une «\u{202F}faute\u{202F}» !").as_str(), "Il dénonce une \"faute\"!");
/// assert_eq!(canonical("l’État — enfin…").as_str(), "l'État - enfin...");
/// assert_eq!(canonical("Hausse de 2,5 %").as_str(), "Hausse de 2,5%");
/// ```
///
/// # Performance
///
/// Text already in canonical form (prose with single spaces, `'` between letters, `"` with a
/// space on at most one side) is recognised by a pre-scan that tests 64 bytes at a time and
/// copied, at about 2 GiB/s of CPU time; other text is rewritten in one pass that skips 16
/// bytes at a time where nothing is to be done (about 350 MiB/s of CPU time on French news
/// copy), plus a `memchr` pass to pair quotation marks when it holds any. The rare text with mojibake, CR,
/// invisible characters, ligatures or non-NFC sequences goes through a pre-pass first. The
/// offset map grows by a segment or two per change, never per byte. Figures:
/// `docs/perf-typography.md`.
pub fn canonical(text: &str) -> Normalized {
    Normalizer::new().canonical(text)
}

/// The typeset form of `text`: French conventions of the Imprimerie nationale.
///
/// After the first three steps of [`canonical`] (mojibake, line breaks and invisibles, NFC and
/// ligatures):
/// - space runs collapse, keeping a no-break space where the run had one;
/// - first-level quotes become `«\u{202F}…\u{202F}»`, second-level ones `“…”`;
/// - an apostrophe between letters becomes `’`; exactly three dots become `…`;
/// - U+202F before `; ! ?` and U+00A0 before `:`, only after a letter, a digit, a closing quote
///   or a closing bracket (never in `18:30`, `https:` or `(?)`, and none inside `?!`);
/// - ` - ` between words becomes ` – `;
/// - spaces between digit groups become U+202F (groups are never inserted), as does the space
///   between a digit and `% ‰ € $ £ °C °F`.
///
/// Words, accents, `œ`/`æ` and dashes other than ` - ` are never changed.
///
/// ```
/// use depeche::typography::typeset;
///
/// assert_eq!(typeset("Il a dit : \"Non !\"").as_str(), "Il a dit\u{A0}: «\u{202F}Non\u{202F}!\u{202F}»");
/// assert_eq!(typeset("1 500 000 euros, 2,5%").as_str(), "1\u{202F}500\u{202F}000 euros, 2,5\u{202F}%");
/// assert_eq!(typeset("Rendez-vous à 18:30...").as_str(), "Rendez-vous à 18:30…");
/// ```
pub fn typeset(text: &str) -> Normalized {
    Normalizer::new().typeset(text)
}

/// What the rewriting pass does with a byte: copy it, handle it, or check a Latin-1 letter for
/// mojibake.
const PLAIN: u8 = 0;
const SPECIAL: u8 = 1;
const LATIN1: u8 = 2;

/// Bytes the rewriting pass must look at (everything else is copied as it is): spaces, quotes
/// and apostrophes, CR, and the lead bytes of non-ASCII characters other than stable letters.
const fn special_table(typeset: bool) -> [u8; 256] {
    let mut t = [PLAIN; 256];
    t[b' ' as usize] = SPECIAL;
    t[b'\t' as usize] = SPECIAL;
    t[b'\r' as usize] = SPECIAL;
    t[b'"' as usize] = SPECIAL;
    t[b'\'' as usize] = SPECIAL;
    t[b'`' as usize] = SPECIAL;
    // U+0080–U+00BF: spaces, « », ´, °, £, the soft hyphen.
    t[0xC2] = SPECIAL;
    // U+00C0–U+00FF: letters, checked for mojibake leads.
    t[0xC3] = LATIN1;
    // U+0280–U+02BF (ʼ), and everything from the combining marks (U+0300) up.
    t[0xCA] = SPECIAL;
    let mut b = 0xCC;
    while b <= 0xF4 {
        t[b] = SPECIAL;
        b += 1;
    }
    if typeset {
        t[b'.' as usize] = SPECIAL;
        t[b';' as usize] = SPECIAL;
        t[b':' as usize] = SPECIAL;
        t[b'!' as usize] = SPECIAL;
        t[b'?' as usize] = SPECIAL;
        t[b'%' as usize] = SPECIAL;
        t[b'$' as usize] = SPECIAL;
        t[b'-' as usize] = SPECIAL;
    }
    t
}

static SPECIAL_CANONICAL: [u8; 256] = special_table(false);
static SPECIAL_TYPESET: [u8; 256] = special_table(true);

/// Whether a single ASCII space between `prev` and `next` is kept as it is by the canonical form.
#[inline]
fn plain_space_canonical(prev: u8, next: u8) -> bool {
    !matches!(prev, b'\n' | b'\r' | 0x0B | 0x0C) && (next.is_ascii_alphanumeric() || matches!(next, 0xC3..=0xC5))
}

/// Whether the character that ends at byte `i` of `text` is a line break (any kind, including
/// NEL and U+2028/U+2029, which the canonical form treats as line starts too).
fn ends_with_line_break(text: &str, i: usize) -> bool {
    text.get(..i).and_then(|t| t.chars().next_back()).is_some_and(is_line_break)
}

/// The fast path's pre-scan: whether the canonical form could differ from `text`.
fn needs_canonical_work(text: &str) -> bool {
    first_suspect(text).is_some()
}

/// Byte classes of the fast path's pre-scan.
const FAST_SKIP: u8 = 0;
const FAST_SPACE: u8 = 1;
const FAST_APOSTROPHE: u8 = 2;
const FAST_QUOTE: u8 = 3;
const FAST_LATIN1: u8 = 4;
const FAST_STOP: u8 = 5;

static FAST: [u8; 256] = {
    let mut t = [FAST_SKIP; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match SPECIAL_CANONICAL[b] {
            PLAIN => FAST_SKIP,
            LATIN1 => FAST_LATIN1,
            _ => FAST_STOP,
        };
        b += 1;
    }
    t[b' ' as usize] = FAST_SPACE;
    t[b'\'' as usize] = FAST_APOSTROPHE;
    t[b'"' as usize] = FAST_QUOTE;
    t
};

/// The first byte where the pre-scan cannot vouch that the canonical form changes nothing.
///
/// A wide step ([`window_clean`]) passes [`WIDE`] bytes at a time where every byte is plainly
/// canonical; the byte loop ([`narrow_step`]) takes over for a window the wide step cannot
/// vouch for, and for the first and last bytes of the text.
fn first_suspect(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    loop {
        while i >= 2 && i + WIDE + 2 <= n {
            let Ok(w) = <&[u8; WIDE + 4]>::try_from(&bytes[i - 2..i + WIDE + 2]) else { break };
            if !window_clean(w) {
                break;
            }
            i += WIDE;
        }
        if i >= n {
            return None;
        }
        let end = if i + WIDE + 2 <= n { i + WIDE } else { n };
        match narrow_step(text, i, end) {
            Ok(next) => i = next,
            Err(at) => return Some(at),
        }
    }
}

/// How many bytes the wide step of the pre-scan passes at once.
const WIDE: usize = 64;

/// Whether the pre-scan can vouch for bytes `2..WIDE + 2` of `w` (two bytes of context on each
/// side): the byte loop of [`narrow_step`] would accept each of them.
///
/// Written without branches so that the compiler compares the whole window at once. It refuses
/// every window the byte loop refuses, and a few it would accept (a space before `"` after
/// `Â Ã Ä Å Æ`, a Latin-1 letter before other letters than Latin-1 ones): the byte loop reads
/// those.
#[inline]
fn window_clean(w: &[u8; WIDE + 4]) -> bool {
    #[inline(always)]
    fn alpha(c: u8) -> bool {
        (c | 0x20).wrapping_sub(b'a') < 26
    }
    #[inline(always)]
    fn alnum(c: u8) -> bool {
        alpha(c) | (c.wrapping_sub(b'0') < 10)
    }
    let mut bad = false;
    for j in 2..WIDE + 2 {
        let (p, b, nx, a) = (w[j - 1], w[j], w[j + 1], w[j + 2]);
        let stop = (b == b'\t') | (b == b'\r') | (b == b'`') | (b == 0xC2) | (b == 0xCA) | (b >= 0xCC);
        // After a space: a word, or an opening quote glued to a word. NEL, U+2028 and U+2029
        // before a space need no test: their lead bytes (C2, E2) stop the wide step where they
        // stand, before the space is reached.
        let p_visible = (p > b' ') & (p != 0x7F);
        let word_next = alnum(nx) | (nx.wrapping_sub(0xC3) < 3);
        let quote_next = (nx == b'"') & p_visible & (p.wrapping_sub(0x82) >= 5) & alnum(a);
        let space_bad = (b == b' ') & ((p.wrapping_sub(b'\n') < 4) | !(word_next | quote_next));
        let apostrophe_bad = (b == b'\'') & !(alpha(p) & (alpha(nx) | (nx == 0xC3)));
        let quote_ok = ((p == b' ') & alnum(nx)) | ((nx == b' ') & p_visible) | ((p != b' ') & (nx != b' '));
        let quote_bad = (b == b'"') & !quote_ok;
        // A Latin-1 letter before another lead byte (the byte loop refuses C2, C5, C6, CB, E2).
        let latin_bad = (b == 0xC3) & (((a >= 0xC2) & (a != 0xC3)) | ((nx == 0x83) & (a == b' ')));
        bad |= stop | space_bad | apostrophe_bad | quote_bad | latin_bad;
    }
    !bad
}

/// The byte loop of the pre-scan over `i..end` (it may end one byte past `end`, after a
/// two-byte letter), or the first byte it cannot vouch for.
fn narrow_step(text: &str, mut i: usize, end: usize) -> Result<usize, usize> {
    let bytes = text.as_bytes();
    loop {
        while i < end && FAST[bytes[i] as usize] == FAST_SKIP {
            i += 1;
        }
        if i >= end {
            return Ok(i);
        }
        let b = bytes[i];
        let prev = if i > 0 { bytes[i - 1] } else { b'\n' };
        let next = bytes.get(i + 1).copied().unwrap_or(b'\n');
        let ok = match FAST[b as usize] {
            // A single space between words, or before an opening quote glued to a word.
            FAST_SPACE => {
                (plain_space_canonical(prev, next) && (prev < 0x80 || !ends_with_line_break(text, i)))
                    || (next == b'"'
                        && (prev.is_ascii_graphic()
                            || (prev >= 0x80
                                && !(i >= 2 && bytes[i - 2] == 0xC3 && matches!(prev, 0x82 | 0x83 | 0x85 | 0x86))))
                        && bytes.get(i + 2).is_some_and(|c| c.is_ascii_alphanumeric()))
            }
            // An apostrophe between ASCII letters (l'an, qu'il, d'été).
            FAST_APOSTROPHE => prev.is_ascii_alphabetic() && (next.is_ascii_alphabetic() || next == 0xC3),
            // A straight quote with no padding: an opener after a space and before a word, a
            // closer after a word and before a space, or one with no space either side. The
            // pairing cannot change any space around it.
            FAST_QUOTE => {
                (prev == b' ' && next.is_ascii_alphanumeric())
                    || (next == b' ' && i > 0 && (prev.is_ascii_graphic() || prev >= 0x80))
                    || (prev != b' ' && next != b' ')
            }
            // A Latin-1 letter: a mojibake lead if a continuation character (U+0080–U+00BF,
            // `Œ œ Š š Ž ž Ÿ ƒ ˆ ˜` or typographic punctuation) or `Ã ` follows.
            FAST_LATIN1 => {
                let after = bytes.get(i + 2).copied().unwrap_or(0);
                if matches!(after, 0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2) || (next == 0x83 && after == b' ') {
                    false
                } else {
                    i += 1;
                    true
                }
            }
            _ => false,
        };
        if !ok {
            return Err(i);
        }
        i += 1;
    }
}

/// How many bytes the canonical pass skips at once where nothing is to be done.
const ENGINE_WIDE: usize = 16;

/// Whether the canonical rewriting pass would copy bytes `1..ENGINE_WIDE + 1` of `w` (one byte
/// of context before, two after) as they are, without looking at any of them: ordinary bytes,
/// single spaces between words, and Latin-1 letters that cannot be mojibake leads.
///
/// Written without branches, like [`window_clean`]. A line break before a space needs no
/// test: the window starts after the last character the pass handled, and a line break inside
/// the window is refused where it stands (CR, C2, E2) or stops the space rule (LF, VT, FF).
#[inline]
fn engine_window_plain(w: &[u8; ENGINE_WIDE + 3]) -> bool {
    let mut bad = false;
    for j in 1..ENGINE_WIDE + 1 {
        let (p, b, nx, a) = (w[j - 1], w[j], w[j + 1], w[j + 2]);
        let special = (b == b'\t')
            | (b == b'\r')
            | (b == b'"')
            | (b == b'\'')
            | (b == b'`')
            | (b == 0xC2)
            | (b == 0xCA)
            | (b >= 0xCC);
        let word_next =
            ((nx | 0x20).wrapping_sub(b'a') < 26) | (nx.wrapping_sub(b'0') < 10) | (nx.wrapping_sub(0xC3) < 3);
        let space_bad = (b == b' ') & ((p.wrapping_sub(b'\n') < 4) | !word_next);
        let latin_bad = (b == 0xC3) & ((a >= 0x80) | ((nx == 0x83) & ((a == b' ') | (a == b'\t'))));
        bad |= special | space_bad | latin_bad;
    }
    !bad
}

/// The rewriting pass over a text that went through the pre-pass (or needed none).
struct Engine<'a, const TYPESET: bool> {
    src: &'a str,
    bytes: &'a [u8],
    out: String,
    map: OffsetMapBuilder,
    pairing: Option<Pairing>,
    single_quotes: bool,
    /// Whether to stop when the text needs the pre-pass (it has not been through it).
    check: bool,
    /// Whether the canonical pass may skip plain windows with [`engine_window_plain`] (off only
    /// in the test that compares it with the byte loop).
    wide: bool,
}

/// Whether `text` ends with characters that a following opening quote of the typeset form could
/// turn into mojibake (`Ã«` reads as `ë`, `â€“` as `–`).
#[inline]
fn risky_tail(text: &str) -> bool {
    text.as_bytes().last().is_some_and(|&b| b >= 0x80)
        && lead_before_quote(text)
        && (mojibake::completes_unit(text, '«') || mojibake::completes_unit(text, '“'))
}

/// Whether one more continuation character could complete a UTF-8 unit read as Windows-1252
/// at the end of `text`: only after a two-byte lead or a continuation character (after
/// anything else, `é` included, no quotation mark completes a unit, and the decoding of
/// [`mojibake::completes_unit`] is spared; tested to agree).
#[inline]
fn lead_before_quote(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| ('\u{C2}'..='\u{DF}').contains(&c) || mojibake::is_continuation(c))
}

#[inline]
fn is_letter(c: Option<char>) -> bool {
    matches!(c.map(classify), Some(CharClass::Letter))
}

#[inline]
fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

#[inline]
fn is_line_start(c: Option<char>) -> bool {
    c.map_or(true, is_line_break)
}

impl<'a, const TYPESET: bool> Engine<'a, TYPESET> {
    fn new(src: &'a str, single_quotes: bool, check: bool) -> Self {
        Engine {
            src,
            bytes: src.as_bytes(),
            out: String::with_capacity(src.len() + src.len() / 16),
            // Sized once for French copy (up to a change every 16 bytes, two segments each):
            // growing a megabyte map by doubling copies it and faults its pages on every call,
            // which cost more than all the rewriting (unused capacity is never touched).
            map: OffsetMapBuilder::with_capacity(src.len() / 8),
            pairing: None,
            single_quotes,
            check,
            wide: !TYPESET,
        }
    }

    /// The rewritten text and its map, or `None` when the text turns out to need the pre-pass.
    fn run(mut self) -> Option<(String, OffsetMap)> {
        let table = if TYPESET { &SPECIAL_TYPESET } else { &SPECIAL_CANONICAL };
        let bytes = self.bytes;
        let n = bytes.len();
        let mut i = 0;
        let mut run = 0;
        // Where the wide step may next be tried: after it fails, the byte loop reads a window.
        let mut next_wide = if self.wide { 1 } else { usize::MAX };
        while i < n {
            if i >= next_wide {
                while (i > run || bytes[i] != b' ') && i + ENGINE_WIDE + 2 <= n {
                    let Ok(w) = <&[u8; ENGINE_WIDE + 3]>::try_from(&bytes[i - 1..i + ENGINE_WIDE + 2]) else { break };
                    if !engine_window_plain(w) {
                        break;
                    }
                    i += ENGINE_WIDE;
                }
                next_wide = i + ENGINE_WIDE;
                if i >= n {
                    break;
                }
            }
            let b = bytes[i];
            let kind = table[b as usize];
            if kind == PLAIN {
                i += 1;
                continue;
            }
            if kind == LATIN1 {
                // A Latin-1 letter followed by a non-ASCII character may be a mojibake lead.
                if self.check
                    && bytes.get(i + 2).is_some_and(|&nb| nb >= 0x80 || nb == b' ' || nb == b'\t')
                    && prepass::needs_prepass_at(self.src, i)
                {
                    return None;
                }
                i += 2;
                continue;
            }
            if self.check && (b == b'\r' || (b >= 0xC2 && prepass::needs_prepass_at(self.src, i))) {
                return None;
            }
            // A single space between words is kept as it is.
            if b == b' ' && i > run && i + 1 < n {
                let (p, nx) = (bytes[i - 1], bytes[i + 1]);
                let keep = if TYPESET {
                    nx.is_ascii_alphabetic()
                        || matches!(nx, 0xC3..=0xC5)
                        || (nx.is_ascii_digit() && !p.is_ascii_digit())
                } else {
                    plain_space_canonical(p, nx) && (p < 0x80 || !ends_with_line_break(self.src, i))
                };
                if keep {
                    i += 1;
                    continue;
                }
            }
            if run < i {
                self.copy_run(run, i);
            }
            i = self.special(i);
            run = i;
        }
        if run < n {
            self.copy_run(run, n);
        }
        Some((self.out, self.map.finish()))
    }

    #[inline]
    fn copy_run(&mut self, a: usize, b: usize) {
        self.out.push_str(&self.src[a..b]);
        self.map.copy(b - a);
    }

    /// Emits `s` for the `len` source bytes at the current position.
    #[inline]
    fn emit(&mut self, at: usize, len: usize, s: &str) {
        let s = self.guard(s);
        if self.src.as_bytes()[at..at + len] == *s.as_bytes() {
            self.out.push_str(s);
            self.map.copy(len);
        } else {
            self.out.push_str(s);
            self.map.replace(len, s.len());
        }
    }

    /// Inserts `s` (no source bytes).
    #[inline]
    fn insert(&mut self, s: &str) {
        let s = self.guard(s);
        self.out.push_str(s);
        self.map.replace(0, s.len());
    }

    /// Keeps a typeset glyph from forming mojibake with the capital before it (`Ã` + U+00A0
    /// reads as `à`, `Ã’` as `Ò`): the apostrophe stays `'`, the no-break space becomes U+202F,
    /// the dots stay dots, and a quotation mark gets a U+202F before it.
    #[inline]
    fn guard<'s>(&mut self, s: &'s str) -> &'s str {
        if !TYPESET {
            return s;
        }
        let Some(g) = s.chars().next() else { return s };
        if !self.out.as_bytes().last().is_some_and(|&b| b >= 0x80) || !mojibake::completes_unit(&self.out, g) {
            return s;
        }
        match g {
            '’' => "'",
            '\u{A0}' => "\u{202F}",
            '…' => "...",
            _ => {
                self.out.push('\u{202F}');
                self.map.replace(0, 3);
                s
            }
        }
    }

    #[inline]
    fn prev_out(&self) -> Option<char> {
        self.out.chars().next_back()
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.src.get(i..).and_then(|s| s.chars().next())
    }

    /// The role of the quote candidate at `i`, pairing the text on first need.
    fn role_at(&mut self, i: usize) -> Option<Role> {
        candidate_len(self.bytes, i)?;
        if self.pairing.is_none() {
            self.pairing = Some(Pairing::new(self.src, i, self.single_quotes));
        }
        self.pairing.as_mut().and_then(|p| p.role_at(i))
    }

    fn closing_quote_at(&mut self, i: usize) -> bool {
        i < self.bytes.len() && matches!(self.role_at(i), Some(Role::Close(_)))
    }

    /// Handles the character at `i` (a special byte); returns the position after what it used.
    fn special(&mut self, i: usize) -> usize {
        let Some(c) = self.char_at(i) else { return self.bytes.len() };
        let len = c.len_utf8();
        if is_space(c) {
            return self.space_run(i);
        }
        if candidate_len(self.bytes, i).is_some() {
            return self.quote(i, c);
        }
        if is_apostrophe(c) {
            // `´ ʼ ` ＇`: apostrophes between letters, left alone elsewhere.
            if is_letter(self.prev_out()) && is_letter(self.char_at(i + len)) {
                self.emit(i, len, if TYPESET { "’" } else { "'" });
            } else {
                self.copy_run(i, i + len);
            }
            return i + len;
        }
        if TYPESET {
            return self.typeset_char(i, c);
        }
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => self.emit(i, len, "-"),
            '…' => self.emit(i, len, "..."),
            _ => self.copy_run(i, i + len),
        }
        i + len
    }

    /// A run of spaces starting at `i`.
    fn space_run(&mut self, i: usize) -> usize {
        let mut e = i;
        let mut no_break: Option<char> = None;
        let mut count = 0;
        while let Some(c) = self.char_at(e) {
            let Some(kind) = space_kind(c) else { break };
            if no_break.is_none() && kind.is_no_break() {
                no_break = Some(c);
            }
            count += 1;
            e += c.len_utf8();
        }
        let prev = self.prev_out();
        let next = self.char_at(e);
        let unit_next = is_digit(prev) && self.unit_at(e);
        if !TYPESET {
            let drop = is_line_start(prev)
                || is_line_start(next)
                || matches!(next, Some(';' | ':' | '!' | '?'))
                || unit_next
                || self.closing_quote_at(e)
                || self.quote_ends_line(e)
                || (matches!(self.role_at(e), Some(Role::Open(_))) && risky_tail(&self.out));
            if drop {
                self.map.replace(e - i, 0);
            } else {
                self.emit(i, e - i, " ");
            }
            return e;
        }
        if self.closing_quote_at(e) {
            self.map.replace(e - i, 0);
            return e;
        }
        let s: Option<&'static str> = match next {
            Some('?' | '!') if matches!(prev, Some('?' | '!')) => Some(""),
            Some(';' | '!' | '?') if self.qualifies(prev) => Some("\u{202F}"),
            Some(':') if self.qualifies(prev) => Some("\u{A0}"),
            Some(d) if d.is_ascii_digit() && is_digit(prev) && self.is_group(e) => Some("\u{202F}"),
            _ if unit_next => Some("\u{202F}"),
            // A lone space stays as it is; a run keeps its first no-break space.
            _ if count == 1 => None,
            _ => Some(match no_break {
                None => " ",
                Some('\u{A0}') => "\u{A0}",
                Some('\u{202F}') => "\u{202F}",
                Some(_) => "\u{2007}",
            }),
        };
        match s {
            Some(s) => self.emit(i, e - i, s),
            None => self.copy_run(i, e),
        }
        e
    }

    /// Whether a quotation mark at `e` ends its line or stands before closing punctuation (only
    /// spaces between): whatever its role, the canonical form keeps no space before it.
    fn quote_ends_line(&mut self, e: usize) -> bool {
        let Some(c) = self.char_at(e) else { return false };
        if !matches!(self.role_at(e), Some(Role::Open(_) | Role::Close(_))) {
            return false;
        }
        let mut k = e + c.len_utf8();
        while let Some(s) = self.char_at(k).filter(|&s| is_space(s)) {
            k += s.len_utf8();
        }
        let next = self.char_at(k);
        is_line_start(next) || matches!(next, Some(',' | '.' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '}'))
    }

    /// Whether a typeset space goes before `; : ! ?` after `prev`: a letter, a digit, a closing
    /// quote or bracket, or a unit sign that ends a number (`3\u{202F}%\u{202F}!`).
    fn qualifies(&self, prev: Option<char>) -> bool {
        match prev {
            // `Ã` + space + `;` reads as mojibake of `à;`: no space is put after a lone `Ã`.
            Some('Ã') => false,
            Some(c) => {
                c.is_alphanumeric()
                    || matches!(classify(c), CharClass::Letter)
                    || matches!(c, '»' | '”' | '›' | ')' | ']' | '}' | '%' | '‰' | '€' | '$' | '£')
            }
            None => false,
        }
    }

    /// Whether a digit-unit sign starts at `e`.
    fn unit_at(&self, e: usize) -> bool {
        match self.char_at(e) {
            Some('%' | '‰' | '€' | '$' | '£') => true,
            Some('°') => {
                let rest = &self.src[e + 2..];
                let mut cs = rest.chars();
                matches!(cs.next(), Some('C' | 'F')) && !is_letter(cs.next())
            }
            _ => false,
        }
    }

    /// Whether the space before `e` separates digit groups: 1 to 3 digits before it (the output
    /// so far), exactly 3 after.
    fn is_group(&self, e: usize) -> bool {
        let left = self.out.bytes().rev().take_while(u8::is_ascii_digit).count();
        let right = self.bytes[e..].iter().take_while(|b| b.is_ascii_digit()).count();
        (1..=3).contains(&left) && right == 3
    }

    /// A quotation-mark candidate at `i`.
    fn quote(&mut self, i: usize, c: char) -> usize {
        let len = c.len_utf8();
        let role = self.role_at(i).unwrap_or(Role::None);
        match role {
            Role::None => {
                if is_apostrophe(c) && is_letter(self.prev_out()) && is_letter(self.char_at(i + len)) {
                    self.emit(i, len, if TYPESET { "’" } else { "'" });
                } else {
                    self.copy_run(i, i + len);
                }
                i + len
            }
            Role::Open(level) => {
                let glyph = if !TYPESET {
                    "\""
                } else if level == 0 {
                    "«"
                } else {
                    "“"
                };
                self.emit(i, len, glyph);
                // The padding after an opening quote.
                let mut e = i + len;
                while let Some(s) = self.char_at(e).filter(|&s| is_space(s)) {
                    e += s.len_utf8();
                }
                let pad = TYPESET && level == 0 && !is_line_start(self.char_at(e));
                self.emit(i + len, e - (i + len), if pad { "\u{202F}" } else { "" });
                e
            }
            Role::Close(level) => {
                if !TYPESET {
                    self.emit(i, len, "\"");
                    let mut e = i + len;
                    if is_line_start(self.out[..self.out.len() - 1].chars().next_back()) {
                        // A quote that starts a line: no space after it, whatever its role.
                        while let Some(s) = self.char_at(e).filter(|&s| is_space(s)) {
                            e += s.len_utf8();
                        }
                        self.map.replace(e - (i + len), 0);
                    }
                    return e;
                }
                if level == 0 {
                    if !is_line_start(self.prev_out()) {
                        self.insert("\u{202F}");
                    }
                    self.emit(i, len, "»");
                } else {
                    self.emit(i, len, "”");
                }
                i + len
            }
        }
    }

    /// Typeset rules for punctuation, units, dashes and dots at `i`.
    fn typeset_char(&mut self, i: usize, c: char) -> usize {
        let len = c.len_utf8();
        match c {
            ';' | '!' | '?' | ':' => {
                let prev = self.prev_out();
                let next = self.char_at(i + 1);
                let next_ok = if c == ':' {
                    is_line_start(next) || next.is_some_and(is_space) || self.closing_quote_at(i + 1)
                } else {
                    is_line_start(next)
                        || next.is_some_and(|n| {
                            is_space(n) || matches!(n, ')' | ']' | '}' | '?' | '!' | ';' | ':' | ',' | '.' | '…')
                        })
                        || self.closing_quote_at(i + 1)
                };
                if self.qualifies(prev) && next_ok && !self.in_url() {
                    self.insert(if c == ':' { "\u{A0}" } else { "\u{202F}" });
                }
                self.copy_run(i, i + 1);
                i + 1
            }
            '%' | '‰' | '€' | '$' | '£' | '°' => {
                if is_digit(self.prev_out()) && self.unit_at(i) {
                    self.insert("\u{202F}");
                }
                self.copy_run(i, i + len);
                i + len
            }
            '-' => {
                // Between words: not at a line's edge, not against a quotation mark.
                let word = |c: Option<char>| !is_line_start(c) && c.is_some_and(|c| quote_mark(c).is_none());
                let mut back = self.out.chars().rev();
                let spaced_before = back.next().is_some_and(is_space) && word(back.next());
                let mut e = i + 1;
                let mut spaced_after = false;
                while let Some(s) = self.char_at(e).filter(|&s| is_space(s)) {
                    e += s.len_utf8();
                    spaced_after = true;
                }
                if spaced_before && spaced_after && word(self.char_at(e)) {
                    self.emit(i, 1, "–");
                } else {
                    self.copy_run(i, i + 1);
                }
                i + 1
            }
            '.' => {
                let dots = self.bytes[i..].iter().take_while(|&&b| b == b'.').count();
                if dots == 3 {
                    self.emit(i, 3, "…");
                } else {
                    self.copy_run(i, i + dots);
                }
                i + dots
            }
            _ => {
                self.copy_run(i, i + len);
                i + len
            }
        }
    }

    /// Whether the output ends inside a URL (`https://…`, `www.…`).
    fn in_url(&self) -> bool {
        let mut from = self.out.len().saturating_sub(512);
        while !self.out.is_char_boundary(from) {
            from += 1;
        }
        let tail = &self.out[from..];
        let token = tail.rsplit(|c: char| is_space(c) || is_line_break(c)).next().unwrap_or("");
        token.contains("://") || token.starts_with("www.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FRAGMENTS: &[&str] = &[
        "Le",
        "préfet",
        "a",
        "dit",
        "cœur",
        "l'",
        "l’",
        " ",
        "  ",
        "\u{A0}",
        "\u{202F}",
        "\n",
        "\t",
        "\"",
        "«",
        "»",
        "'",
        "12",
        "500",
        " %",
        "%",
        "!",
        " ?",
        ":",
        "…",
        "...",
        "—",
        "-",
        "Ã©",
        "Ã",
        "é",
        "e\u{301}",
        "\u{AD}",
        "\r\n",
        "ﬁ",
        "www.exemple.fr",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The canonical fast path (pre-scan, then copy) gives what the general path gives.
        #[test]
        fn fast_path_equals_general_path(
            parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..20),
            any in any::<String>(),
            ascii in "[ a-zA-Z0-9.,;:!?'\"()-]{0,60}",
        ) {
            for text in [parts.concat(), any, ascii] {
                let n = Normalizer::new();
                let fast = n.canonical(&text);
                let slow = n.run::<false>(&text);
                prop_assert_eq!(&fast, &slow, "fast path differs on {:?}", text);
                if !needs_canonical_work(&text) {
                    prop_assert!(slow.map().is_identity() && slow.as_str() == text, "pre-scan missed a change in {:?}", text);
                }
            }
        }
    }

    /// Pieces of canonical text, and pieces that may not be (line breaks ending in a
    /// continuation byte, mojibake leads, padded quotes, spaces before punctuation), of which
    /// a few are dropped among the canonical ones.
    const CANONICAL_PIECES: &[&str] = &[
        "Le ", "préfet ", "a dit ", "l'an ", "d'été ", "\"oui\" ", "été, ", "x ", "2. ", "œuvre ", "Œuvre ", "Ça ",
        "à ", "vote\n", "vu) ", "12,5% ", "fin.\n",
    ];
    const EDGE_PIECES: &[&str] = &[
        "\"",
        "'",
        " ",
        "  ",
        "\n",
        " ?",
        "(",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "é\u{85} ",
        "Ã",
        "Ã©",
        "Ã‚",
        "Ã ",
        "Â",
        "\u{202F}",
        "\t",
        "\r",
        "`",
        "\u{B}",
        "\u{C}",
        "ʼ",
        "€",
        " \"",
        "\" ",
    ];

    /// `parts` joined, with each of `pieces` dropped in before the part at its index.
    fn with_pieces(mut parts: Vec<&'static str>, pieces: impl IntoIterator<Item = (&'static str, usize)>) -> String {
        for (piece, at) in pieces {
            parts.insert(at.min(parts.len()), piece);
        }
        parts.concat()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The wide step of the pre-scan stops where the byte loop alone stops.
        #[test]
        fn wide_step_agrees_with_byte_loop(
            parts in prop::collection::vec(prop::sample::select(CANONICAL_PIECES), 0..120),
            edges in prop::collection::vec((prop::sample::select(EDGE_PIECES), 0..120usize), 0..3),
            any in any::<String>(),
        ) {
            for text in [with_pieces(parts, edges), any] {
                let bytewise = narrow_step(&text, 0, text.len()).err();
                prop_assert_eq!(first_suspect(&text), bytewise, "pre-scan of {:?}", text);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The canonical pass gives the same text and map, and stops for the pre-pass at the
        /// same texts, with and without its wide step.
        #[test]
        fn engine_wide_step_changes_nothing(
            parts in prop::collection::vec(prop::sample::select(CANONICAL_PIECES), 0..80),
            edges in prop::collection::vec((prop::sample::select(FRAGMENTS), 0..80usize), 0..4),
            more in prop::collection::vec((prop::sample::select(EDGE_PIECES), 0..80usize), 0..3),
            any in any::<String>(),
            single in any::<bool>(),
        ) {
            for text in [with_pieces(parts, edges.into_iter().chain(more)), any] {
                for check in [true, false] {
                    let wide = Engine::<false>::new(&text, single, check).run();
                    let mut narrow = Engine::<false>::new(&text, single, check);
                    narrow.wide = false;
                    prop_assert_eq!(wide, narrow.run(), "check {} on {:?}", check, text);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Where no lead stands at the end, no quotation mark completes a mojibake unit.
        #[test]
        fn lead_before_quote_is_necessary(
            chars in prop::collection::vec(prop_oneof![
                (0x80u32..=0xFF).prop_map(|u| char::from_u32(u).unwrap_or('x')),
                prop::sample::select(vec!['€', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 'Ž', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 'ž', 'Ÿ', 'a', ' ', 'é']),
            ], 0..8),
        ) {
            let text: String = chars.into_iter().collect();
            if !lead_before_quote(&text) {
                prop_assert!(!mojibake::completes_unit(&text, '«') && !mojibake::completes_unit(&text, '“'), "{:?}", text);
            }
        }
    }

    #[test]
    fn wide_step_refuses_what_the_byte_loop_refuses() {
        // Each row: canonical filler around one piece the byte loop refuses, long enough for
        // the wide step to read it; the name of the rule it pins.
        const CASES: &[(&str, &str)] = &[
            ("double space", "  "),
            ("space after a line break", "\n "),
            ("space after NEL", "\u{85} "),
            ("space after U+2028", "\u{2028} "),
            ("space before punctuation", " ?"),
            ("padded quote", " \" "),
            ("apostrophe after a space", " 'a"),
            ("mojibake lead", "Ã©"),
            ("mojibake lead before a space", "Ãƒ "),
            ("tab", "\t"),
            ("CR", "\r"),
            ("no-break space", "\u{A0}"),
            ("typographic apostrophe", "l’a"),
        ];
        let filler = "Le conseil a vote le budget de la ville et ";
        for &(rule, piece) in CASES {
            for at in 0..filler.len() {
                let text = format!("{}{piece}{filler}{filler}", &filler[..at]);
                let bytewise = narrow_step(&text, 0, text.len()).err();
                assert!(bytewise.is_some(), "{rule}: the byte loop accepts {text:?}");
                assert_eq!(first_suspect(&text), bytewise, "{rule}: {text:?}");
            }
        }
        let clean = format!("{filler}{filler}{filler}l'été \"oui\" à Besançon.");
        assert_eq!(first_suspect(&clean), None);
    }

    #[test]
    fn fast_path_is_taken_on_plain_text() {
        // (text, whether the pre-scan lets it through) — each row names what it pins.
        const CASES: &[(&str, bool)] = &[
            ("Le conseil a vote le budget.", true),  // ASCII prose
            ("Le préfet a été reçu à Nîmes.", true), // Latin-1 letters
            ("Il a dit: \"non\".", true),            // unpadded straight quotes
            ("Il a dit \" non \".", false),          // padded quotes need pairing
            ("l'accord d'Oslo", true),               // apostrophes between letters
            ("Un  double espace", false),            // space run
            ("Fin de ligne \nSuite", false),         // trailing space
            ("Le chÃ©ri", false),                    // mojibake lead
            ("2,5 %", false),                        // digit and unit
            ("l’accord", false),                     // typographic apostrophe
        ];
        for &(text, fast) in CASES {
            assert_eq!(!needs_canonical_work(text), fast, "needs_canonical_work({text:?})");
        }
    }
}
