//! Sentence and paragraph boundaries: one pass over the text that stops only at the bytes that
//! can matter (sentence punctuation, quotation marks, line breaks) and reads their context.

use super::abbrev::{abbreviation_before_dot, AbbreviationKind};
use super::token::{quote_family, Family};
use crate::typography::{classify, CharClass, QuoteRole};
use crate::Span;

/// A sentence: its span in the original text and the paragraph it belongs to.
///
/// ```
/// use depeche::text::sentences;
///
/// let text = "Titre du jour\n\nM. Dupont est arrivé. Il a parlé.";
/// let s = sentences(text);
/// assert_eq!(s.len(), 3);
/// assert_eq!(&text[s[1].span.range()], "M. Dupont est arrivé.");
/// assert_eq!((s[0].paragraph, s[1].paragraph, s[2].paragraph), (0, 1, 1));
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sentence {
    /// Where the sentence lies in the original text (trimmed of surrounding spaces).
    pub span: Span,
    /// The index of its paragraph, counting from 0 (paragraphs without any sentence are not
    /// counted).
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text, sliced from the text it was found in (empty if `text` is another
    /// text that the span does not fit).
    ///
    /// ```
    /// use depeche::text::sentences;
    ///
    /// let text = "Il pleut. Le match est reporté.";
    /// let s = sentences(text);
    /// assert_eq!(s[1].text(text), "Le match est reporté.");
    /// ```
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.get(text).unwrap_or("")
    }
}

/// What a single line break means.
///
/// ```
/// use depeche::text::{LineBreaks, Segmenter};
///
/// let text = "Le ministre a annoncé\nla réforme.";
/// assert_eq!(Segmenter::new().sentences(text).len(), 1); // Auto: the line goes on
/// assert_eq!(Segmenter::new().line_breaks(LineBreaks::Paragraph).sentences(text).len(), 2);
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, Hash)]
pub enum LineBreaks {
    /// Scraped news (the default): a line break ends a sentence and a paragraph (headlines,
    /// captions, bullets, datelines on their own line), unless the next line begins with a
    /// lowercase letter, which continues the sentence.
    #[default]
    Auto,
    /// Every line break ends a sentence and a paragraph.
    Paragraph,
    /// Hard-wrapped text: a single line break is a space, except before a bullet line (`-`, `•`,
    /// `*`, `1.` …). Only blank lines end paragraphs.
    Wrap,
}

/// A sentence splitter for French news, with its options.
///
/// ```
/// use depeche::text::Segmenter;
///
/// let text = "« Nous ne céderons pas ! », a-t-il lancé. La séance a repris.";
/// let spans: Vec<&str> = Segmenter::new().sentences(text).iter().map(|s| &text[s.span.range()]).collect();
/// assert_eq!(spans, ["« Nous ne céderons pas ! », a-t-il lancé.", "La séance a repris."]);
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, Hash)]
pub struct Segmenter {
    line_breaks: LineBreaks,
}

impl Segmenter {
    /// A splitter with the default options (scraped news: [`LineBreaks::Auto`]).
    ///
    /// ```
    /// use depeche::text::{LineBreaks, Segmenter};
    /// assert_eq!(Segmenter::new().get_line_breaks(), LineBreaks::Auto);
    /// ```
    pub const fn new() -> Segmenter {
        Segmenter { line_breaks: LineBreaks::Auto }
    }

    /// The same splitter, reading single line breaks as `line_breaks` says.
    ///
    /// ```
    /// use depeche::text::{LineBreaks, Segmenter};
    ///
    /// let text = "Le ministre a\nannoncé la réforme.\n\nElle entre en vigueur lundi.";
    /// let s = Segmenter::new().line_breaks(LineBreaks::Wrap).sentences(text);
    /// assert_eq!(&text[s[0].span.range()], "Le ministre a\nannoncé la réforme.");
    /// assert_eq!(s[1].paragraph, 1);
    /// ```
    pub const fn line_breaks(self, line_breaks: LineBreaks) -> Segmenter {
        Segmenter { line_breaks }
    }

    /// How single line breaks are read.
    ///
    /// ```
    /// use depeche::text::{LineBreaks, Segmenter};
    /// assert_eq!(Segmenter::new().line_breaks(LineBreaks::Wrap).get_line_breaks(), LineBreaks::Wrap);
    /// ```
    pub const fn get_line_breaks(self) -> LineBreaks {
        self.line_breaks
    }

    /// The sentences of `text`, in order, each trimmed of surrounding white space.
    ///
    /// ```
    /// use depeche::text::Segmenter;
    ///
    /// let text = "MOSCOU, 12 févr. 2017 (AFP) - MM. Poutine et Trump se sont parlé. Pourquoi maintenant\u{202F}?";
    /// let s = Segmenter::new().sentences(text);
    /// assert_eq!(s.len(), 2);
    /// assert_eq!(&text[s[1].span.range()], "Pourquoi maintenant\u{202F}?");
    /// ```
    ///
    /// # Performance
    ///
    /// One pass over the bytes that skips everything but sentence punctuation, quotation marks
    /// and line breaks; no allocation beyond the returned vector.
    pub fn sentences(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(text.len() / 96 + 1);
        Scanner::new(text, self.line_breaks).run(&mut out);
        out
    }

    /// The paragraphs of `text` (blank lines, and single line breaks as [`LineBreaks`] says),
    /// each the span from its first sentence to its last.
    ///
    /// ```
    /// use depeche::text::Segmenter;
    ///
    /// let text = "Premier paragraphe. Suite.\n\n  Second paragraphe.";
    /// let p = Segmenter::new().paragraphs(text);
    /// assert_eq!(p.iter().map(|s| &text[s.range()]).collect::<Vec<_>>(), ["Premier paragraphe. Suite.", "Second paragraphe."]);
    /// ```
    pub fn paragraphs(&self, text: &str) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        let mut last = usize::MAX;
        for s in self.sentences(text) {
            if s.paragraph == last {
                if let Some(p) = out.last_mut() {
                    *p = p.cover(s.span);
                }
            } else {
                out.push(s.span);
                last = s.paragraph;
            }
        }
        out
    }
}

/// The sentences of `text`, in order, with the default [`Segmenter`].
///
/// Titles and initials keep their dot (`M. Macron`, `J.-F. Kennedy`, `MM. Poutine et Trump`), a
/// quotation ended by `!` or `?` and followed by an incise stays one sentence, a sentence may
/// end inside a closing quote, headlines and captions end at their line break, text without any
/// punctuation is one sentence.
///
/// ```
/// use depeche::text::sentences;
///
/// let text = "Le Premier ministre a conclu\u{A0}: « Je ne démissionnerai pas. » Puis il est parti.";
/// let got: Vec<&str> = sentences(text).iter().map(|s| &text[s.span.range()]).collect();
/// assert_eq!(got, ["Le Premier ministre a conclu\u{A0}: « Je ne démissionnerai pas. »", "Puis il est parti."]);
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    Segmenter::new().sentences(text)
}

/// The paragraphs of `text` with the default [`Segmenter`]: spans from the first to the last
/// sentence of each paragraph.
///
/// ```
/// use depeche::text::paragraphs;
///
/// let text = "Titre\nPremier paragraphe.\n\nSecond paragraphe.";
/// assert_eq!(paragraphs(text).len(), 3);
/// ```
pub fn paragraphs(text: &str) -> Vec<Span> {
    Segmenter::new().paragraphs(text)
}

/// Bytes that may start something the scanner must look at.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    // Lead bytes of « » NEL (C2), … “ ” „ ‹ › ‼ ⁇ ⁈ ⁉ U+2028 U+2029 (E2), ＂ (EF).
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t
};

const MAX_DEPTH: usize = 8;
/// How far ahead the scanner looks for the end of a quotation.
const QUOTE_LOOKAHEAD: usize = 4000;

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    mode: LineBreaks,
    /// Start of the current sentence (untrimmed).
    start: usize,
    paragraph: usize,
    paragraph_has_content: bool,
    stack: [Family; MAX_DEPTH],
    depth: usize,
    /// Where the outermost open quotation began.
    outer_open: usize,
    /// For the quotation opened at `.0`: whether a comma follows its closing mark.
    incise_cache: Option<(usize, bool)>,
}

#[derive(Clone, Copy, Eq, PartialEq)]
enum Run {
    Period,
    Ellipsis,
    Strong,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, mode: LineBreaks) -> Scanner<'t> {
        Scanner {
            text,
            bytes: text.as_bytes(),
            mode,
            start: 0,
            paragraph: 0,
            paragraph_has_content: false,
            stack: [Family::Guillemet; MAX_DEPTH],
            depth: 0,
            outer_open: 0,
            incise_cache: None,
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    fn emit(&mut self, end: usize, out: &mut Vec<Sentence>) {
        let span = trim(self.text, self.start, end);
        if !span.is_empty() {
            out.push(Sentence { span, paragraph: self.paragraph });
            self.paragraph_has_content = true;
        }
        self.start = end;
    }

    fn new_paragraph(&mut self) {
        if self.paragraph_has_content {
            self.paragraph += 1;
            self.paragraph_has_content = false;
        }
        self.depth = 0;
        self.incise_cache = None;
    }

    fn run(mut self, out: &mut Vec<Sentence>) {
        let n = self.bytes.len();
        let mut i = 0;
        while i < n {
            i = skip_plain(self.bytes, i);
            if i >= n {
                break;
            }
            if self.bytes[i] >= 0x80 && !multibyte_interesting(self.bytes, i) {
                i += 1;
                continue;
            }
            let Some(c) = self.char_at(i) else {
                i += 1;
                continue;
            };
            let len = c.len_utf8();
            match c {
                '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' => {
                    i = self.candidate(i, out);
                }
                '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    i = self.line_break(i, out);
                }
                _ => {
                    if let Some((family, role)) = quote_family(c) {
                        if family != Family::Apostrophe {
                            self.quote(i, len, family, role);
                        }
                    }
                    i += len;
                }
            }
        }
        self.emit(n, out);
    }

    /// The role a quotation mark at `i..i + len` plays: nominal for unambiguous marks, read from
    /// the neighbours and the open quotations for `"`.
    fn role(&self, i: usize, len: usize, family: Family, nominal: QuoteRole) -> QuoteRole {
        let c = self.char_at(i);
        let curly_close = c == Some('“') && self.depth > 0 && self.stack[self.depth - 1] == Family::Curly;
        if nominal != QuoteRole::Ambiguous && !curly_close {
            return nominal;
        }
        let before = self.char_before(i);
        let after = self.char_at(i + len);
        let blank_before = before.map_or(true, |c| is_blank(c) || matches!(c, '(' | '[' | '—' | '–'));
        let blank_after = after.map_or(true, |c| {
            is_blank(c) || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '»' | '”')
        });
        if !blank_before && blank_after {
            QuoteRole::Closing
        } else if blank_before && !blank_after {
            QuoteRole::Opening
        } else if self.is_open(family) {
            QuoteRole::Closing
        } else {
            QuoteRole::Opening
        }
    }

    fn is_open(&self, family: Family) -> bool {
        self.stack[..self.depth].contains(&family)
    }

    fn quote(&mut self, i: usize, len: usize, family: Family, nominal: QuoteRole) {
        match self.role(i, len, family, nominal) {
            QuoteRole::Closing => self.close(family),
            _ => {
                if self.depth == 0 {
                    self.outer_open = i;
                }
                if self.depth < MAX_DEPTH {
                    self.stack[self.depth] = family;
                    self.depth += 1;
                }
            }
        }
    }

    fn close(&mut self, family: Family) {
        if let Some(k) = self.stack[..self.depth].iter().rposition(|&f| f == family) {
            self.depth = k;
        }
    }

    /// A line break at `i`: decides whether it ends the sentence and the paragraph; returns
    /// where to go on.
    fn line_break(&mut self, i: usize, out: &mut Vec<Sentence>) -> usize {
        let text = self.text;
        // Extent of the run of breaks (with spaces between) and how many breaks it holds.
        let mut breaks = 0;
        let mut j = i;
        let mut end = i;
        let mut separator = false;
        while let Some(c) = self.char_at(j) {
            match classify(c) {
                CharClass::LineBreak => {
                    if c == '\r' && self.bytes.get(j + 1) == Some(&b'\n') {
                        j += 1;
                    }
                    breaks += 1;
                    separator |= c == '\u{2029}';
                    j += c.len_utf8();
                    end = j;
                }
                CharClass::Space(_) | CharClass::Invisible => j += c.len_utf8(),
                _ => break,
            }
        }
        // `j` is the first visible character of the next line (or the end).
        if breaks >= 2 || separator || self.mode == LineBreaks::Paragraph {
            self.emit(i, out);
            self.new_paragraph();
            return end;
        }
        let next = self.char_at(j);
        let bullet = starts_bullet(&text[j..]);
        match self.mode {
            LineBreaks::Wrap => {
                if bullet {
                    self.emit(i, out);
                    self.depth = 0;
                }
            }
            _ => {
                let continues = next.is_some_and(|c| c.is_lowercase()) && !bullet;
                if !continues {
                    self.emit(i, out);
                    self.new_paragraph();
                }
            }
        }
        end
    }

    /// Sentence punctuation at `p`: decides whether a sentence ends after it (and its closing
    /// quotes and brackets); returns where to go on.
    fn candidate(&mut self, p: usize, out: &mut Vec<Sentence>) -> usize {
        // The run of sentence punctuation, French spaces inside it allowed (`? !`).
        let mut dots = 0usize;
        let mut strong = false;
        let mut ellipsis = false;
        let mut run_end = p;
        let mut k = p;
        while let Some(c) = self.char_at(k) {
            match c {
                '.' => dots += 1,
                '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => strong = true,
                '…' => ellipsis = true,
                c if is_space(c) => {
                    // Only a space between two marks belongs to the run.
                    let after = k + c.len_utf8();
                    if self.char_at(after).is_some_and(|d| matches!(d, '!' | '?')) {
                        k = after;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
            k += c.len_utf8();
            run_end = k;
        }
        let run = if strong {
            Run::Strong
        } else if ellipsis || dots >= 2 {
            Run::Ellipsis
        } else {
            Run::Period
        };
        // Closing quotes and brackets after the punctuation belong to the sentence.
        let mut j = run_end;
        let mut closed_quote = false;
        loop {
            let mut k = j;
            while let Some(c) = self.char_at(k) {
                if is_space(c) {
                    k += c.len_utf8();
                } else {
                    break;
                }
            }
            let Some(c) = self.char_at(k) else { break };
            let len = c.len_utf8();
            if matches!(c, ')' | ']') {
                j = k + len;
                continue;
            }
            match quote_family(c) {
                Some((family, nominal)) if family != Family::Apostrophe => {
                    let attached = k == j;
                    let role = if attached && nominal == QuoteRole::Ambiguous {
                        QuoteRole::Closing
                    } else {
                        self.role(k, len, family, nominal)
                    };
                    if role == QuoteRole::Closing {
                        self.close(family);
                        closed_quote = true;
                        j = k + len;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        // What follows: a boundary needs white space or the end of the text.
        let after = self.char_at(j);
        if after.is_some_and(|c| !is_blank(c)) {
            return j.max(p + 1);
        }
        let mut k = j;
        let mut next = None;
        while let Some(c) = self.char_at(k) {
            if is_space(c) || classify(c) == CharClass::Invisible {
                k += c.len_utf8();
            } else {
                next = Some(c);
                break;
            }
        }
        let boundary = match next {
            None => true,
            Some(c) if classify(c) == CharClass::LineBreak => true,
            Some(c) => self.decide(p, run, closed_quote, c, j),
        };
        if boundary {
            self.emit(j, out);
        }
        j.max(p + 1)
    }

    fn decide(&mut self, p: usize, run: Run, closed_quote: bool, next: char, j: usize) -> bool {
        if matches!(next, ',' | ';' | ':' | ')' | ']' | '}') {
            return false;
        }
        if closed_quote && next.is_lowercase() {
            // « Est-ce raisonnable ? » s'est interrogé le député.
            return false;
        }
        if self.depth > 0 && self.quote_has_incise(j) {
            // « C'est un bon début. Nous verrons », a déclaré M. Peskov.
            return false;
        }
        let upperish = next.is_uppercase()
            || next.is_numeric()
            || matches!(classify(next), CharClass::Quote(_) | CharClass::Dash(_) | CharClass::Apostrophe)
            || matches!(next, '(' | '[' | '•' | '¿' | '¡' | '*' | '@' | '#');
        match run {
            Run::Strong => !next.is_lowercase(),
            Run::Ellipsis => {
                // `(...)` and `[…]` mark a cut inside a quotation.
                let before = self.char_before(p);
                if before.is_some_and(|c| matches!(c, '(' | '[')) {
                    return false;
                }
                // After a suspension, only a capital (or a new quotation, a dash) starts a new
                // sentence: a number or a lowercase word goes on (« à savoir... 30 euros »).
                upperish && !next.is_numeric()
            }
            Run::Period => match abbreviation_before_dot(self.text, p) {
                Some(AbbreviationKind::Title | AbbreviationKind::Prefix | AbbreviationKind::Initials) => false,
                Some(AbbreviationKind::Numeric) => !next.is_numeric(),
                Some(AbbreviationKind::Final) => !next.is_lowercase() && !next.is_numeric(),
                None => !self.list_number_before(p),
            },
        }
    }

    /// Whether the dot at `p` closes a list number at the start of a line (`1. `, `12. `).
    fn list_number_before(&self, p: usize) -> bool {
        let before = &self.bytes[..p];
        let digits = before.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 3 {
            return false;
        }
        let line = &self.text[..p - digits];
        let tail = line.trim_end_matches(|c: char| is_space(c));
        tail.is_empty() || tail.ends_with(|c: char| classify(c) == CharClass::LineBreak)
    }

    /// Whether the outermost open quotation, once closed, is followed by a comma (an incise):
    /// then the sentence punctuation inside it ends no sentence.
    fn quote_has_incise(&mut self, from: usize) -> bool {
        if let Some((open, v)) = self.incise_cache {
            if open == self.outer_open {
                return v;
            }
        }
        let v = self.look_for_incise(from);
        self.incise_cache = Some((self.outer_open, v));
        v
    }

    fn look_for_incise(&self, from: usize) -> bool {
        let text = self.text;
        let limit = (from + QUOTE_LOOKAHEAD).min(text.len());
        let mut stack = self.stack;
        let mut depth = self.depth;
        let mut i = from;
        while i < limit {
            let b = self.bytes[i];
            if !INTERESTING[b as usize] {
                i += 1;
                continue;
            }
            let Some(c) = self.char_at(i) else { return false };
            let len = c.len_utf8();
            if classify(c) == CharClass::LineBreak {
                return false;
            }
            if let Some((family, nominal)) = quote_family(c) {
                if family != Family::Apostrophe {
                    let role = if nominal == QuoteRole::Ambiguous {
                        // Same reading as `role`, with the lookahead's own stack.
                        let before = self.char_before(i);
                        let after = self.char_at(i + len);
                        let bb = before.map_or(true, is_blank);
                        let ba = after.map_or(true, |c| is_blank(c) || matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
                        if !bb && ba {
                            QuoteRole::Closing
                        } else if bb && !ba {
                            QuoteRole::Opening
                        } else if stack[..depth].contains(&family) {
                            QuoteRole::Closing
                        } else {
                            QuoteRole::Opening
                        }
                    } else {
                        nominal
                    };
                    if role == QuoteRole::Closing {
                        if let Some(k) = stack[..depth].iter().rposition(|&f| f == family) {
                            depth = k;
                        }
                        if depth == 0 {
                            let rest = text[i + len..].trim_start_matches(|c: char| is_space(c));
                            return rest.starts_with(',');
                        }
                    } else if depth < MAX_DEPTH {
                        stack[depth] = family;
                        depth += 1;
                    }
                }
            }
            i += len;
        }
        false
    }
}

/// The first position from `i` whose byte is in [`INTERESTING`] (or the end): eight bytes at a
/// time while none of them can be (no `. ! ? "`, no control character, no non-ASCII byte).
#[inline]
fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    #[inline]
    fn has_byte(w: u64, b: u8) -> u64 {
        let x = w ^ (LO * u64::from(b));
        x.wrapping_sub(LO) & !x & HI
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Bytes below 0x20 (line breaks), non-ASCII bytes, and the four ASCII marks.
        let below = w.wrapping_sub(LO * 0x20) & !w & HI;
        let hit = below | (w & HI) | has_byte(w, b'.') | has_byte(w, b'!') | has_byte(w, b'?') | has_byte(w, b'"');
        if hit != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !INTERESTING[bytes[i] as usize] {
        i += 1;
    }
    i
}

/// Spaces of any kind (not line breaks).
#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c == ' ' || c == '\t';
    }
    matches!(classify(c), CharClass::Space(_))
}

/// White space of any kind, line breaks and invisible characters included.
#[inline]
fn is_blank(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}');
    }
    matches!(classify(c), CharClass::Space(_) | CharClass::LineBreak | CharClass::Invisible)
}

/// Whether the multi-byte character starting with lead byte C2, E2 or EF at `i` is one the
/// scanner must look at (a quotation mark, sentence punctuation, a line break); the frequent
/// others (no-break spaces, `’`, dashes) are skipped without decoding.
#[inline]
fn multibyte_interesting(bytes: &[u8], i: usize) -> bool {
    let b1 = bytes.get(i + 1).copied().unwrap_or(0);
    match bytes[i] {
        0xC2 => matches!(b1, 0xAB | 0xBB | 0x85),
        0xE2 => {
            let b2 = bytes.get(i + 2).copied().unwrap_or(0);
            match b1 {
                0x80 => matches!(b2, 0x9C..=0x9F | 0xA6 | 0xA8 | 0xA9 | 0xB9 | 0xBA | 0xBC),
                0x81 => matches!(b2, 0x87..=0x89),
                _ => false,
            }
        }
        _ => true,
    }
}

/// Whether a line starts with a bullet: a dash, a bullet sign, or a list number (`1.`, `2)`).
fn starts_bullet(line: &str) -> bool {
    let Some(c) = line.chars().next() else { return false };
    if matches!(c, '•' | '*' | '·' | '▪' | '►' | '‣' | '◦' | '○' | '■' | '□' | '→') {
        return true;
    }
    if matches!(classify(c), CharClass::Dash(_)) {
        return line[c.len_utf8()..].starts_with(|d: char| is_space(d));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        return (rest.starts_with(". ") || rest.starts_with(") ")) && rest.len() > 2;
    }
    false
}

/// The span `start..end` of `text` without white space at either end.
fn trim(text: &str, start: usize, end: usize) -> Span {
    let Some(s) = text.get(start..end) else { return Span::new(start, start) };
    let left = s.len() - s.trim_start_matches(is_blank).len();
    let right = s.trim_end_matches(is_blank).len();
    if right <= left {
        return Span::new(start, start);
    }
    Span::new(start + left, start + right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive_skip(bytes: &[u8], mut i: usize) -> usize {
        while i < bytes.len() && !INTERESTING[bytes[i] as usize] {
            i += 1;
        }
        i
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The eight-byte skip stops exactly where the byte-by-byte skip does.
        #[test]
        fn skip_plain_equals_naive(text in "[a-z .!?\"\n\r\t«»’é\u{A0}\u{202F}…]{0,64}") {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                prop_assert_eq!(skip_plain(bytes, i), naive_skip(bytes, i), "from {} in {:?}", i, text);
            }
        }
    }

    // (line start, is a bullet) — each row names the rule it pins.
    const BULLETS: &[(&str, bool)] = &[
        ("- gel des loyers", true),      // hyphen and space
        ("— Non, a-t-il dit.", true),    // em dash dialogue line
        ("• Copié", true),               // bullet sign
        ("1. La réforme", true),         // numbered item
        ("12) Le budget", true),         // numbered item with parenthesis
        ("-6 °C ce matin", false),       // a negative number is no bullet
        ("2017 a été une année", false), // a year is no list number
        ("Le ministre", false),          // plain line
    ];

    #[test]
    fn bullets() {
        for &(line, want) in BULLETS {
            assert_eq!(starts_bullet(line), want, "starts_bullet({line:?})");
        }
    }
}
