//! The zero-copy tokenizer: spans into the caller's text, each with its [`TokenKind`].

use super::abbrev::{classify_chunk, is_hyphen, lookup_dotless, table, AbbreviationKind, Table};
use crate::typography::{classify, fold, is_apostrophe, quote_mark, CharClass, QuoteRole};
use crate::Span;

/// What a token is.
///
/// ```
/// use depeche::text::{tokens, TokenKind};
///
/// let text = "L’État a-t-il payé 1\u{202F}000\u{A0}€ ?";
/// let kinds: Vec<TokenKind> = tokens(text).filter(|t| !t.kind.is_blank()).map(|t| t.kind).collect();
/// assert_eq!(
///     kinds,
///     [
///         TokenKind::Elision,
///         TokenKind::Word,
///         TokenKind::Word,
///         TokenKind::Hyphen,
///         TokenKind::Clitic,
///         TokenKind::Word,
///         TokenKind::Number,
///         TokenKind::Symbol,
///         TokenKind::Punctuation,
///     ]
/// );
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TokenKind {
    /// A word, hyphenated compounds included (`États-Unis`, `peut-être`, `aujourd’hui`), and
    /// words mixing letters and digits (`A36`, `G7`).
    Word,
    /// An elided article, pronoun or conjunction with its apostrophe (`l’`, `d'`, `qu’`,
    /// `jusqu’`, `lorsqu’`, `c’`, `n’` …), split from the word it leans on.
    Elision,
    /// The pronoun of an inverted or imperative clitic (`il` in `a-t-il`, `elle` in `dit-elle`,
    /// `on` in `estime-t-on`, `moi` in `dis-moi`), split from its verb.
    Clitic,
    /// The hyphen, or the euphonic `-t-`, between a verb and its [`TokenKind::Clitic`].
    Hyphen,
    /// A number as French writes it: digit groups with any space (`1 000`, `1\u{202F}000`),
    /// decimals with a comma or a point (`3,5`, `49.3`, `2.700.000`), dates (`12/05/2016`),
    /// times (`14h30`, `10:30`) and digits with a unit glued on (`20h`, `5G`).
    Number,
    /// An ordinal in digits or roman numerals: `1er`, `2e`, `3ème`, `XIXe`, `Ier`.
    Ordinal,
    /// An abbreviation, with its dot when it has one: `M.`, `MM.`, `Mme`, `Dr`, `art.`, `n°`,
    /// initials `J.-F.` and dotted acronyms `U.S.A.`.
    Abbreviation(AbbreviationKind),
    /// A web address: `https://…`, `www.…`, or a bare domain name (`lemonde.fr`).
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle or hashtag: `@EmmanuelMacron`, `#Brexit`.
    Handle,
    /// A quotation mark, with the role it plays here (opening or closing; ambiguous marks are
    /// resolved from their context) and the nesting level of the quotation (1 for the outermost).
    Quote {
        /// Opening or closing (never ambiguous in a token).
        role: QuoteRole,
        /// 1 for an outermost quotation, 2 inside it, and so on.
        level: u8,
    },
    /// Punctuation: `. , ; : ! ?`, runs like `...`, `?!`, `…`, brackets, dashes, apostrophes
    /// that do not join words.
    Punctuation,
    /// Any other visible character: symbols (`€`, `%`, `°`), emoji.
    Symbol,
    /// A run of spaces of any kind (tabs, no-break spaces, narrow no-break spaces) and invisible
    /// characters outside words.
    Space,
    /// One line break (`\r\n` counts as one).
    LineBreak,
    /// Two or more line breaks with only spaces between them: a blank line.
    ParagraphBreak,
}

impl TokenKind {
    /// Whether the token is white space: [`TokenKind::Space`], [`TokenKind::LineBreak`] or
    /// [`TokenKind::ParagraphBreak`].
    ///
    /// ```
    /// use depeche::text::TokenKind;
    /// assert!(TokenKind::LineBreak.is_blank());
    /// assert!(!TokenKind::Word.is_blank());
    /// ```
    pub const fn is_blank(self) -> bool {
        matches!(self, TokenKind::Space | TokenKind::LineBreak | TokenKind::ParagraphBreak)
    }

    /// Whether the token carries letters of a word: a word, an elision, a clitic, an
    /// abbreviation or an ordinal.
    ///
    /// ```
    /// use depeche::text::TokenKind;
    /// assert!(TokenKind::Elision.is_wordlike());
    /// assert!(!TokenKind::Punctuation.is_wordlike());
    /// ```
    pub const fn is_wordlike(self) -> bool {
        matches!(
            self,
            TokenKind::Word | TokenKind::Elision | TokenKind::Clitic | TokenKind::Abbreviation(_) | TokenKind::Ordinal
        )
    }
}

/// A token: a span of the original text and its kind.
///
/// ```
/// use depeche::text::{tokens, TokenKind};
///
/// let text = "Selon l’AFP, M. Dupont a démissionné.";
/// let t: Vec<_> = tokens(text).filter(|t| !t.kind.is_blank()).collect();
/// assert_eq!(t[1].text(text), "l’");
/// assert_eq!(t[1].kind, TokenKind::Elision);
/// assert_eq!(t[4].text(text), "M.");
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Token {
    /// Where the token lies in the original text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text, sliced from the text it was read from (empty if `text` is another
    /// text that the span does not fit).
    ///
    /// ```
    /// use depeche::text::tokens;
    /// let text = "jusqu’à Moscou";
    /// let words: Vec<&str> = tokens(text).map(|t| t.text(text)).collect();
    /// assert_eq!(words, ["jusqu’", "à", " ", "Moscou"]);
    /// ```
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.range()).unwrap_or("")
    }

    /// The folded lookup key of the token (lowercase, accents removed, apostrophes as `'`, see
    /// [`crate::typography::fold`]), borrowed from `text` when the token is already plain
    /// lowercase ASCII and written into `buf` otherwise. Reusing one buffer for a whole text
    /// folds every token without allocating per token.
    ///
    /// ```
    /// use depeche::text::tokens;
    ///
    /// let text = "Lorsqu’ÉLYSÉE répond";
    /// let mut buf = String::new();
    /// let keys: Vec<String> = tokens(text).map(|t| t.key(text, &mut buf).to_string()).collect();
    /// assert_eq!(keys, ["lorsqu'", "elysee", " ", "repond"]);
    /// ```
    ///
    /// # Performance
    ///
    /// No allocation for lowercase ASCII tokens; otherwise at most the growth of `buf`.
    pub fn key<'a>(&self, text: &'a str, buf: &'a mut String) -> &'a str {
        let s = self.text(text);
        if s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'\'') {
            return s;
        }
        buf.clear();
        if s.is_ascii() {
            // The ASCII rules of `fold`: lowercase, backtick to apostrophe, runs of spaces, tabs
            // and hyphens to one space.
            let mut in_space = false;
            for b in s.bytes() {
                match b {
                    b' ' | b'\t' | b'-' => {
                        if !in_space {
                            buf.push(' ');
                        }
                        in_space = true;
                        continue;
                    }
                    b'`' => buf.push('\''),
                    _ => buf.push(b.to_ascii_lowercase() as char),
                }
                in_space = false;
            }
        } else {
            buf.push_str(fold(s).as_str());
        }
        buf.as_str()
    }

    /// For a [`TokenKind::Quote`], its role; `None` for other tokens.
    ///
    /// ```
    /// use depeche::text::tokens;
    /// use depeche::typography::QuoteRole;
    ///
    /// let text = "« Non »";
    /// let roles: Vec<_> = tokens(text).filter_map(|t| t.quote_role()).collect();
    /// assert_eq!(roles, [QuoteRole::Opening, QuoteRole::Closing]);
    /// ```
    pub fn quote_role(&self) -> Option<QuoteRole> {
        match self.kind {
            TokenKind::Quote { role, .. } => Some(role),
            _ => None,
        }
    }
}

/// The tokens of `text`, in order. They tile the text: every byte belongs to exactly one token
/// (white space included, as [`TokenKind::Space`], [`TokenKind::LineBreak`] and
/// [`TokenKind::ParagraphBreak`] tokens).
///
/// ```
/// use depeche::text::{tokens, TokenKind};
///
/// let text = "« C’est fini ! », a-t-elle dit.";
/// let words: Vec<(&str, TokenKind)> =
///     tokens(text).filter(|t| !t.kind.is_blank()).map(|t| (t.text(text), t.kind)).collect();
/// assert_eq!(words[0].0, "«");
/// assert_eq!(words[1], ("C’", TokenKind::Elision));
/// assert_eq!(words[7], ("a", TokenKind::Word));
/// assert_eq!(words[8], ("-t-", TokenKind::Hyphen));
/// assert_eq!(words[9], ("elle", TokenKind::Clitic));
/// ```
///
/// # Performance
///
/// One pass, no allocation; ASCII letters, digits and spaces take a byte-at-a-time fast path.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens::new(text)
}

/// The tokens of the part `span` of `text` (a sentence, a paragraph), with spans into the whole
/// `text`. The text before `span` serves as context (an apostrophe at its start, a quotation
/// opened earlier is not seen); the tokens stop at `span.end`. A span that does not fit `text` or
/// cuts a character gives no token.
///
/// ```
/// use depeche::text::{sentences, tokens_in};
///
/// let text = "Le Sénat a voté. « Non », a-t-il dit.";
/// let second = sentences(text)[1];
/// let words: Vec<&str> = tokens_in(text, second.span).filter(|t| !t.kind.is_blank()).map(|t| t.text(text)).collect();
/// assert_eq!(words, ["«", "Non", "»", ",", "a", "-t-", "il", "dit", "."]);
/// ```
pub fn tokens_in(text: &str, span: Span) -> Tokens<'_> {
    match text.get(..span.end) {
        Some(prefix) if text.is_char_boundary(span.start) && span.start <= span.end => {
            let mut t = Tokens::new(prefix);
            t.pos = span.start;
            t
        }
        _ => {
            let mut t = Tokens::new("");
            t.pos = 0;
            t
        }
    }
}

/// The iterator of [`tokens`]: cheap to create and to clone, it borrows the text and keeps
/// only the open quotations and at most four tokens already cut (a verb's hyphens and clitics).
///
/// ```
/// use depeche::text::{tokens, Tokens};
///
/// let text = "Il pleut.";
/// let it: Tokens<'_> = tokens(text);
/// assert_eq!(it.count(), 4); // "Il", " ", "pleut", "."
/// ```
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    /// Tokens already cut, waiting to be returned (the hyphen and clitic after a verb).
    pending: [Token; 4],
    pending_len: u8,
    pending_pos: u8,
    /// The abbreviation table, fetched once per text.
    table: &'static Table,
    /// Open quotations, innermost last: the family of each opening mark.
    stack: [Family; MAX_DEPTH],
    depth: usize,
}

const MAX_DEPTH: usize = 8;

/// 1 for ASCII letters, 2 for the lead bytes of two-byte Latin letters (C3, C4, C5).
static WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphabetic() {
            t[b] = 1;
        }
        b += 1;
    }
    t[0xC3] = 2;
    t[0xC4] = 2;
    t[0xC5] = 2;
    t
};
const EMPTY: Token = Token { span: Span { start: 0, end: 0 }, kind: TokenKind::Space };

/// Quotation-mark families: a closing mark closes the innermost open quotation of its family.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Family {
    /// `« »`
    Guillemet,
    /// `“ ”` and `„ “`
    Curly,
    /// `"` and its full-width form
    Straight,
    /// `‹ ›`
    Single,
    /// `‘ ’ '` and the other apostrophe-like marks used as quotes
    Apostrophe,
}

/// The family and nominal role of a quotation mark (apostrophe-like marks excluded).
pub(crate) fn quote_family(c: char) -> Option<(Family, QuoteRole)> {
    let m = quote_mark(c)?;
    let fam = match c {
        '«' | '»' => Family::Guillemet,
        '“' | '”' | '„' | '‟' => Family::Curly,
        '"' | '＂' => Family::Straight,
        '‹' | '›' => Family::Single,
        _ => Family::Apostrophe,
    };
    Some((fam, m.role))
}

impl<'t> Tokens<'t> {
    fn new(text: &'t str) -> Tokens<'t> {
        Tokens {
            text,
            pos: 0,
            pending: [EMPTY; 4],
            pending_len: 0,
            pending_pos: 0,
            table: table(),
            stack: [Family::Guillemet; MAX_DEPTH],
            depth: 0,
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    fn push_pending(&mut self, t: Token) {
        if let Some(slot) = self.pending.get_mut(self.pending_len as usize) {
            *slot = t;
            self.pending_len += 1;
        }
    }

    #[inline]
    fn take_pending(&mut self) -> Option<Token> {
        if self.pending_pos >= self.pending_len {
            return None;
        }
        let t = self.pending[self.pending_pos as usize];
        self.pending_pos += 1;
        if self.pending_pos == self.pending_len {
            self.pending_pos = 0;
            self.pending_len = 0;
        }
        Some(t)
    }

    /// Opens or closes a quotation of `family` with the resolved `role`; returns the level.
    fn quote(&mut self, family: Family, role: QuoteRole) -> u8 {
        match role {
            QuoteRole::Closing => {
                let found = self.stack[..self.depth.min(MAX_DEPTH)].iter().rposition(|&f| f == family);
                match found {
                    Some(i) => {
                        self.depth = i;
                        (i + 1) as u8
                    }
                    // A stray closing mark: it closes a quotation opened before the text (or
                    // the paragraph) began.
                    None => 1,
                }
            }
            _ => {
                if self.depth < MAX_DEPTH {
                    self.stack[self.depth] = family;
                    self.depth += 1;
                    self.depth as u8
                } else {
                    MAX_DEPTH as u8
                }
            }
        }
    }

    fn is_open(&self, family: Family) -> bool {
        self.stack[..self.depth.min(MAX_DEPTH)].contains(&family)
    }

    /// Decides the role of an ambiguous mark (`"`, or an apostrophe used as a quote) at
    /// `start..end` from its neighbours and the open quotations.
    fn resolve(&self, family: Family, start: usize, end: usize) -> Option<QuoteRole> {
        let before = self.char_before(start);
        let after = self.char_at(end);
        let blank_before = before.map_or(true, |c| is_blankish(c) || is_opening_bracket(c));
        let blank_after = after.map_or(true, |c| is_blankish(c) || is_closing_punct(c));
        let letter_after = after.is_some_and(|c| c.is_alphanumeric());
        let letter_before = before.is_some_and(|c| c.is_alphanumeric());
        if family == Family::Apostrophe {
            // An apostrophe-like mark is a quotation mark only at a word edge.
            let c = self.char_at(start);
            return if blank_before && (letter_after || (blank_after && c == Some('‘'))) {
                Some(QuoteRole::Opening)
            } else if blank_before && blank_after {
                // A spaced mark: `’` closes an open quotation, anything else is punctuation.
                if c == Some('’') && self.is_open(family) {
                    Some(QuoteRole::Closing)
                } else {
                    None
                }
            } else if (letter_before || before.is_some_and(is_sentence_punct)) && blank_after {
                if self.is_open(family) {
                    Some(QuoteRole::Closing)
                } else {
                    None
                }
            } else {
                None
            };
        }
        Some(if !blank_before && blank_after {
            QuoteRole::Closing
        } else if blank_before && !blank_after {
            QuoteRole::Opening
        } else if self.is_open(family) {
            QuoteRole::Closing
        } else {
            QuoteRole::Opening
        })
    }

    /// Scans a word starting at `s` (a letter); returns its end and kind, and queues a hyphen
    /// and a clitic when the word ends with an inverted pronoun.
    fn word(&mut self, s: usize) -> Token {
        let text = self.text;
        let bytes = text.as_bytes();
        let n = bytes.len();
        if matches!(bytes[s], b'h' | b'H' | b'w' | b'W') {
            if let Some(end) = url_end(text, s) {
                return Token { span: Span::new(s, end), kind: TokenKind::Url };
            }
        }
        let mut i = s;
        // Start and end of the hyphens inside the word (the last three are enough for clitics).
        let mut hyphens = [(usize::MAX, usize::MAX); 3];
        let mut nh = 0usize;
        let mut has_apostrophe = false;
        loop {
            // ASCII fast path.
            while i < n && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i >= n {
                break;
            }
            let b = bytes[i];
            if b < 0x80 && b != b'\'' && b != b'-' && b != b'`' {
                break;
            }
            // Latin-1 and Latin Extended-A letters (é, à, ç, œ …), the bulk of French accents.
            if (0xC3..=0xC5).contains(&b) && is_latin_letter(bytes, i) {
                i += 2;
                continue;
            }
            let Some(c) = self.char_at(i) else { break };
            let len = c.len_utf8();
            if is_apostrophe(c) {
                let next = self.char_at(i + len);
                if !next.is_some_and(is_letter) {
                    // `l’« affaire »`, `d’1,5 million`: an elided word before a quotation mark
                    // or a number.
                    let before_quote_or_digit =
                        next.is_some_and(|d| d.is_ascii_digit() || matches!(d, '«' | '"' | '“' | '‹' | '„'));
                    if before_quote_or_digit && nh == 0 && !has_apostrophe && is_elision(&text[s..i]) {
                        return Token { span: Span::new(s, i + len), kind: TokenKind::Elision };
                    }
                    break;
                }
                if nh == 0 && !has_apostrophe && is_elision(&text[s..i]) {
                    return Token { span: Span::new(s, i + len), kind: TokenKind::Elision };
                }
                has_apostrophe = true;
                i += len;
                continue;
            }
            if is_hyphen(c) {
                let next = self.char_at(i + len);
                if !next.is_some_and(|c| is_letter(c) || c.is_numeric()) {
                    break;
                }
                if nh < 3 {
                    hyphens[nh] = (i, i + len);
                } else {
                    hyphens = [hyphens[1], hyphens[2], (i, i + len)];
                }
                nh += 1;
                i += len;
                continue;
            }
            match classify(c) {
                CharClass::Letter | CharClass::Digit => i += len,
                CharClass::Invisible if self.char_at(i + len).is_some_and(is_letter) => i += len,
                _ => {
                    if c.is_alphanumeric() {
                        i += len;
                    } else {
                        break;
                    }
                }
            }
        }
        let end = i;
        // Abbreviations: a dot right after the word, or a dotless table entry.
        if end < n && bytes[end] == b'.' {
            if let Some(t) = email_or_domain(text, s) {
                return t;
            }
            if let Some(t) = self.dotted_abbreviation(s, end) {
                return t;
            }
        } else if end < n && matches!(bytes[end], b'@' | b'_' | b'+' | b'%') {
            if let Some(t) = email_or_domain(text, s) {
                return t;
            }
        }
        let word = &text[s..end];
        if nh == 0 {
            if end < n && text[end..].starts_with('°') && (word == "n" || word == "N") {
                let e = end + '°'.len_utf8();
                return Token { span: Span::new(s, e), kind: TokenKind::Abbreviation(AbbreviationKind::Numeric) };
            }
            return plain_word(self.table, text, s, end);
        }
        // Inverted clitics: the last parts of a hyphenated word are pronouns (`a-t-il`,
        // `donne-le-moi`); at most two are split off.
        let mut cuts: [(usize, usize, usize); 2] = [(0, 0, 0); 2];
        let mut ncuts = 0;
        let mut idx = nh.min(3);
        let mut cut_end = end;
        while idx > 0 && ncuts < 2 {
            let (h, he) = hyphens[idx - 1];
            let seg = &text[he..cut_end];
            let ok = if ncuts == 0 { is_clitic(seg) } else { is_object_clitic(seg) };
            if !ok {
                break;
            }
            let mut h_start = h;
            idx -= 1;
            if idx > 0 {
                let (ph, phe) = hyphens[idx - 1];
                if &text[phe..h] == "t" {
                    h_start = ph;
                    idx -= 1;
                }
            }
            if h_start <= s {
                break;
            }
            cuts[ncuts] = (h_start, he, cut_end);
            ncuts += 1;
            cut_end = h_start;
        }
        if ncuts == 0 || is_whole_compound(word) {
            return Token { span: Span::new(s, end), kind: TokenKind::Word };
        }
        for &(h_start, he, c_end) in cuts[..ncuts].iter().rev() {
            self.push_pending(Token { span: Span::new(h_start, he), kind: TokenKind::Hyphen });
            self.push_pending(Token { span: Span::new(he, c_end), kind: TokenKind::Clitic });
        }
        Token { span: Span::new(s, cut_end), kind: TokenKind::Word }
    }

    /// An abbreviation ending with the dot at `dot` and starting at `s`, if the text there is one
    /// (possibly several dotted parts: `J.-F.`, `U.S.A.`, `c.-à-d.`).
    fn dotted_abbreviation(&self, s: usize, dot: usize) -> Option<Token> {
        let text = self.text;
        let mut best = None;
        let mut dot = dot;
        for _ in 0..8 {
            if let Some(k) = classify_chunk(&text[s..dot], true) {
                best = Some(Token { span: Span::new(s, dot + 1), kind: TokenKind::Abbreviation(k) });
            }
            // The next part: an optional hyphen, then at most three letters (hyphens between
            // them, as in `c.-à-d.`), then a dot.
            let rest = &text[dot + 1..];
            let mut letters = 0;
            let mut next_dot = None;
            for (k, c) in rest.char_indices() {
                if c.is_alphabetic() {
                    letters += 1;
                    if letters > 3 {
                        break;
                    }
                } else if is_hyphen(c) {
                    continue;
                } else {
                    if c == '.' && letters > 0 {
                        next_dot = Some(dot + 1 + k);
                    }
                    break;
                }
            }
            match next_dot {
                Some(d) => dot = d,
                None => break,
            }
        }
        best
    }
}

/// Whether `c` is a letter, with fast paths for ASCII and the Latin letters of French.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if ('\u{C0}'..='\u{17F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    c.is_alphabetic()
}

/// A word without hyphen or apostrophe at `s..end`: a dotless abbreviation (`Mme`), a roman
/// ordinal (`XIXe`) or a plain word.
#[inline]
fn plain_word(table: &'static Table, text: &str, s: usize, end: usize) -> Token {
    let word = &text[s..end];
    if let Some(k) = lookup_dotless(table, word) {
        return Token { span: Span::new(s, end), kind: TokenKind::Abbreviation(k) };
    }
    if matches!(text.as_bytes()[s], b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M') && is_roman_ordinal(word) {
        return Token { span: Span::new(s, end), kind: TokenKind::Ordinal };
    }
    Token { span: Span::new(s, end), kind: TokenKind::Word }
}

/// Whether the two-byte character at `i` (lead byte C3, C4 or C5) is a Latin letter: U+00C0 to
/// U+017F except `×` and `÷`.
#[inline]
fn is_latin_letter(bytes: &[u8], i: usize) -> bool {
    match (bytes[i], bytes.get(i + 1)) {
        (0xC3, Some(&b2)) => b2 >= 0x80 && b2 != 0x97 && b2 != 0xB7,
        (0xC4 | 0xC5, Some(&b2)) => b2 >= 0x80,
        _ => false,
    }
}

/// Whether `c` is white space for quotation-mark context.
#[inline]
fn is_blankish(c: char) -> bool {
    matches!(classify(c), CharClass::Space(_) | CharClass::LineBreak | CharClass::Invisible)
}

#[inline]
fn is_opening_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–')
}

#[inline]
fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '}' | '»' | '”')
}

#[inline]
fn is_sentence_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ',')
}

/// Elided words that are split from the word they lean on (compared in lowercase).
fn is_elision(w: &str) -> bool {
    if w.len() > 7 {
        return false;
    }
    let mut buf = [0u8; 8];
    let mut n = 0;
    for c in w.chars() {
        let l = match c {
            'Ç' | 'ç' => 'ç',
            c if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
            _ => return false,
        };
        if l == 'ç' {
            // "ç’a été"
            return w.chars().count() == 1;
        }
        buf[n] = l as u8;
        n += 1;
    }
    matches!(
        &buf[..n],
        b"l" | b"d" | b"j" | b"m" | b"n" | b"s" | b"t" | b"c" | b"qu" | b"jusqu" | b"lorsqu" | b"puisqu" | b"quoiqu"
    )
}

/// Pronouns that follow a verb after a hyphen (inversion or imperative).
fn is_clitic(w: &str) -> bool {
    matches!(
        w,
        "je" | "tu"
            | "il"
            | "elle"
            | "on"
            | "nous"
            | "vous"
            | "ils"
            | "elles"
            | "ce"
            | "moi"
            | "toi"
            | "lui"
            | "le"
            | "la"
            | "les"
            | "leur"
            | "y"
            | "en"
    )
}

/// Object pronouns that can precede another clitic after an imperative (`donne-le-moi`).
fn is_object_clitic(w: &str) -> bool {
    matches!(w, "le" | "la" | "les" | "lui" | "leur" | "moi" | "toi" | "nous" | "vous")
}

/// Hyphenated words that end like a clitic but are lexicalized nouns.
fn is_whole_compound(w: &str) -> bool {
    ["rendez-vous", "chez-nous", "chez-soi", "chez-moi", "chez-lui"].iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// `XIXe`, `IIe`, `Ier`, `Ve`, `XXIème`: an uppercase roman numeral with an ordinal suffix.
/// Single letters other than `I` (with `er`), `V` and `X` are left alone (`Le`, `De`, `Ce`).
fn is_roman_ordinal(w: &str) -> bool {
    let roman_len = w.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M')).count();
    if roman_len == 0 {
        return false;
    }
    let (roman, suffix) = w.split_at(roman_len);
    if !matches!(suffix, "e" | "er" | "re" | "ème" | "eme" | "ᵉ" | "ᵉʳ") {
        return false;
    }
    if roman_len == 1 {
        return matches!((roman, suffix), ("I", "er") | ("I", "re") | ("V", _) | ("X", _));
    }
    true
}

/// Top-level domains recognized in bare domain names (`lemonde.fr`).
const TLDS: &[&str] = &[
    "fr", "com", "org", "net", "eu", "info", "io", "be", "ch", "ca", "de", "uk", "ru", "us", "int", "gouv", "tv",
    "news",
];

/// The end of a URL starting at `s` (`http://`, `https://`, `www.`), trailing punctuation
/// excluded.
fn url_end(text: &str, s: usize) -> Option<usize> {
    let rest = text.get(s..)?;
    let b = rest.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if !(starts("http://") || starts("https://") || (starts("www.") && b.len() > 4 && b[4].is_ascii_alphanumeric())) {
        return None;
    }
    Some(s + url_tail(rest))
}

/// The length of a URL-ish run at the start of `rest`: up to white space or a quotation mark,
/// without trailing punctuation.
fn url_tail(rest: &str) -> usize {
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() || is_blankish(c) || matches!(c, '«' | '»' | '"' | '<' | '>' | '“' | '”') {
            end = i;
            break;
        }
    }
    let mut s = &rest[..end];
    loop {
        let t = s.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’', ']', '…']);
        let t = if t.ends_with(')') && !t.contains('(') { &t[..t.len() - 1] } else { t };
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    s.len()
}

/// An e-mail address or a bare domain name starting at `s`.
fn email_or_domain(text: &str, s: usize) -> Option<Token> {
    let rest = text.get(s..)?;
    let b = rest.as_bytes();
    // Bounded by the lengths RFC 5321 allows (64 for the local part, 255 for the domain), so that
    // a long run of dotted words is not rescanned from each of its words.
    let local = b
        .iter()
        .take(65)
        .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-'))
        .count();
    if local > 0 && b.get(local) == Some(&b'@') {
        let dom = domain_len(&rest[local + 1..])?;
        return Some(Token { span: Span::new(s, s + local + 1 + dom), kind: TokenKind::Email });
    }
    let dom = domain_len(rest)?;
    // A bare domain must be lowercase-led and may carry a path.
    if !b[0].is_ascii_lowercase() {
        return None;
    }
    let mut end = dom;
    if b.get(end) == Some(&b'/') {
        end += url_tail(&rest[end..]);
    }
    Some(Token { span: Span::new(s, s + end), kind: TokenKind::Url })
}

/// Length of a domain name (`labels.tld`) at the start of `s`, the last label a known TLD (or any
/// two-or-more-letter label when `@` came before: the caller checks).
fn domain_len(s: &str) -> Option<usize> {
    let b = &s.as_bytes()[..s.len().min(255)];
    let mut i = 0;
    let mut last_label = 0..0;
    let mut labels = 0;
    loop {
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if i == start {
            return None;
        }
        labels += 1;
        last_label = start..i;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        break;
    }
    if labels < 2 {
        return None;
    }
    let tld = &s[last_label];
    if TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
        Some(i)
    } else {
        None
    }
}

/// Whether `c` may follow the digits of an ordinal as its suffix start.
fn ordinal_suffix(rest: &str) -> Option<usize> {
    if !matches!(rest.as_bytes().first(), Some(b'e' | b'r' | b'n' | 0xC3 | 0xE1)) {
        return None;
    }
    for suf in ["ème", "eme", "ᵉʳ", "ᵉ", "er", "re", "nde", "nd", "e", "è"] {
        if let Some(after) = rest.strip_prefix(suf) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) {
                return Some(suf.len());
            }
        }
    }
    None
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        if let Some(t) = self.take_pending() {
            self.pos = t.span.end;
            return Some(t);
        }
        let text = self.text;
        let bytes = text.as_bytes();
        let n = bytes.len();
        let s = self.pos;
        if s >= n {
            return None;
        }
        let b = bytes[s];
        // Fast paths: a plain word followed by a space or simple punctuation, a single space.
        if b.is_ascii_alphabetic() || (0xC3..=0xC5).contains(&b) && is_latin_letter(bytes, s) {
            let mut i = s;
            while i < n {
                match WORD_BYTE[bytes[i] as usize] {
                    1 => i += 1,
                    2 if is_latin_letter(bytes, i) => i += 2,
                    _ => break,
                }
            }
            let plain_stop =
                i >= n || matches!(bytes[i], b' ' | b',' | b';' | b')' | b']' | b'\n' | b'\r' | b'!' | b'?');
            if plain_stop && !matches!(b, b'h' | b'H' | b'w' | b'W') {
                let tok = plain_word(self.table, text, s, i);
                self.pos = i;
                return Some(tok);
            }
            // An elision with `'` or `’` before a letter: `l’`, `qu'`.
            let apostrophe = match bytes.get(i) {
                Some(b'\'') => 1,
                Some(0xE2) if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) => 3,
                _ => 0,
            };
            if apostrophe > 0
                && i - s <= 7
                && text[i + apostrophe..].chars().next().is_some_and(is_letter)
                && is_elision(&text[s..i])
            {
                self.pos = i + apostrophe;
                return Some(Token { span: Span::new(s, i + apostrophe), kind: TokenKind::Elision });
            }
        } else if b == b' ' && bytes.get(s + 1).is_some_and(|&c| c > b' ' && c < 0x80) {
            self.pos = s + 1;
            return Some(Token { span: Span::new(s, s + 1), kind: TokenKind::Space });
        } else if matches!(b, b',' | b';' | b':' | b'(' | b')') {
            self.pos = s + 1;
            return Some(Token { span: Span::new(s, s + 1), kind: TokenKind::Punctuation });
        }
        let tok = self.general(s, b);
        self.pos = tok.span.end;
        Some(tok)
    }
}

impl Tokens<'_> {
    /// Every token that the fast paths of `next` do not cut.
    #[inline(never)]
    fn general(&mut self, s: usize, b: u8) -> Token {
        let text = self.text;
        let bytes = text.as_bytes();
        let tok = if b.is_ascii_alphabetic() || (0xC3..=0xC5).contains(&b) && is_latin_letter(bytes, s) {
            self.word(s)
        } else if b.is_ascii_digit() {
            number(text, s)
        } else if b == b' ' || b == b'\t' {
            self.space(s)
        } else if b == b'\n' || b == b'\r' || b == 0x0B || b == 0x0C {
            self.line_break(s)
        } else {
            let Some(c) = self.char_at(s) else { return Token { span: Span::new(s, s + 1), kind: TokenKind::Symbol } };
            let len = c.len_utf8();
            match classify(c) {
                CharClass::Letter => self.word(s),
                CharClass::Digit => {
                    if b.is_ascii_digit() {
                        number(text, s)
                    } else {
                        self.word(s)
                    }
                }
                CharClass::Space(_) | CharClass::Invisible => self.space(s),
                CharClass::LineBreak => self.line_break(s),
                CharClass::Quote(_) | CharClass::Apostrophe => self.quote_token(s, c),
                CharClass::Ellipsis => punct_run(text, s),
                CharClass::Punctuation if matches!(c, '.' | '!' | '?') => punct_run(text, s),
                _ if c == '@' || c == '#' => {
                    let rest = &text[s + 1..];
                    let l = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
                    let before_ok = self.char_before(s).map_or(true, |p| !p.is_alphanumeric());
                    if l > 0 && before_ok {
                        Token { span: Span::new(s, s + 1 + l), kind: TokenKind::Handle }
                    } else {
                        Token { span: Span::new(s, s + len), kind: TokenKind::Symbol }
                    }
                }
                CharClass::Punctuation if matches!(c, '%' | '$' | '&' | '+' | '=' | '<' | '>' | '|' | '~' | '^') => {
                    Token { span: Span::new(s, s + len), kind: TokenKind::Symbol }
                }
                CharClass::Punctuation | CharClass::Dash(_) => {
                    Token { span: Span::new(s, s + len), kind: TokenKind::Punctuation }
                }
                _ => {
                    if c.is_alphanumeric() {
                        self.word(s)
                    } else {
                        Token { span: Span::new(s, s + len), kind: TokenKind::Symbol }
                    }
                }
            }
        };
        // Guard against a zero-length token (cannot happen, but never loop forever).
        if tok.span.end <= s {
            let len = self.char_at(s).map_or(1, char::len_utf8);
            Token { span: Span::new(s, s + len), kind: TokenKind::Symbol }
        } else {
            tok
        }
    }
}

impl Tokens<'_> {
    fn space(&self, s: usize) -> Token {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = s;
        while i < bytes.len() {
            if bytes[i] == b' ' || bytes[i] == b'\t' {
                i += 1;
                continue;
            }
            if bytes[i] < 0x80 {
                break;
            }
            match self.char_at(i) {
                Some(c) if matches!(classify(c), CharClass::Space(_) | CharClass::Invisible) => i += c.len_utf8(),
                _ => break,
            }
        }
        Token { span: Span::new(s, i), kind: TokenKind::Space }
    }

    fn line_break(&mut self, s: usize) -> Token {
        let text = self.text;
        let one = |i: usize| -> Option<usize> {
            let c = text.get(i..)?.chars().next()?;
            if c == '\r' && text.as_bytes().get(i + 1) == Some(&b'\n') {
                return Some(2);
            }
            if classify(c) == CharClass::LineBreak {
                Some(c.len_utf8())
            } else {
                None
            }
        };
        let first = one(s).unwrap_or(1);
        let mut end = s + first;
        let mut breaks = 1;
        let mut i = end;
        loop {
            // Skip spaces, then look for another line break.
            let mut j = i;
            while let Some(c) = text.get(j..).and_then(|r| r.chars().next()) {
                if matches!(classify(c), CharClass::Space(_) | CharClass::Invisible) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            match one(j) {
                Some(l) => {
                    breaks += 1;
                    end = j + l;
                    i = end;
                }
                None => break,
            }
        }
        if breaks >= 2 || text[s..end].contains('\u{2029}') {
            // A blank line ends every quotation: a quotation that goes on reopens its mark.
            self.depth = 0;
            Token { span: Span::new(s, end), kind: TokenKind::ParagraphBreak }
        } else {
            Token { span: Span::new(s, end), kind: TokenKind::LineBreak }
        }
    }

    fn quote_token(&mut self, s: usize, c: char) -> Token {
        let len = c.len_utf8();
        let span = Span::new(s, s + len);
        let (family, nominal) = if is_apostrophe(c) {
            (Family::Apostrophe, QuoteRole::Ambiguous)
        } else {
            match quote_family(c) {
                Some(f) => f,
                None => return Token { span, kind: TokenKind::Punctuation },
            }
        };
        let role = match (family, nominal) {
            (Family::Apostrophe, _) | (_, QuoteRole::Ambiguous) => self.resolve(family, s, s + len),
            // `“` closes a German-style `„`.
            (Family::Curly, QuoteRole::Opening)
                if c == '“' && self.depth > 0 && self.stack[self.depth.min(MAX_DEPTH) - 1] == Family::Curly =>
            {
                self.resolve(family, s, s + len)
            }
            (_, r) => Some(r),
        };
        match role {
            Some(role) => {
                let level = self.quote(family, role);
                Token { span, kind: TokenKind::Quote { role, level } }
            }
            None => Token { span, kind: TokenKind::Punctuation },
        }
    }
}

/// A run of `.`, `!`, `?` and `…` (an ellipsis `...`, `?!`, `!!!`).
fn punct_run(text: &str, s: usize) -> Token {
    let mut end = s;
    for (i, c) in text[s..].char_indices() {
        if matches!(c, '.' | '!' | '?' | '…') {
            end = s + i + c.len_utf8();
        } else {
            break;
        }
    }
    Token { span: Span::new(s, end), kind: TokenKind::Punctuation }
}

/// A number starting at the ASCII digit at `s`.
fn number(text: &str, s: usize) -> Token {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let digits = |mut i: usize| {
        while i < n && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = digits(s);
    // Digit groups separated by a space of any kind: the first group has 1 to 3 digits, every
    // following group exactly 3.
    if i - s <= 3 {
        while i < n && (bytes[i] == b' ' || bytes[i] >= 0x80) {
            let Some(c) = text[i..].chars().next() else { break };
            if !matches!(classify(c), CharClass::Space(_)) {
                break;
            }
            let g = i + c.len_utf8();
            let e = digits(g);
            if e - g == 3 && !(e < n && (bytes[e].is_ascii_alphabetic())) {
                i = e;
            } else {
                break;
            }
        }
    }
    // Decimal parts, dotted thousands, dates and times.
    loop {
        if i + 1 < n && matches!(bytes[i], b',' | b'.' | b'/' | b':') && bytes[i + 1].is_ascii_digit() {
            i = digits(i + 1);
            continue;
        }
        break;
    }
    // Suffixes: an ordinal, an hour (`14h30`), a unit glued on.
    if let Some(l) = ordinal_suffix(&text[i..]) {
        return Token { span: Span::new(s, i + l), kind: TokenKind::Ordinal };
    }
    if i < n && bytes[i].is_ascii_alphabetic() {
        while i < n && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
    }
    Token { span: Span::new(s, i), kind: TokenKind::Number }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text).filter(|t| !t.kind.is_blank()).map(|t| (t.text(text), t.kind)).collect()
    }

    use TokenKind::*;
    const TITLE: TokenKind = Abbreviation(AbbreviationKind::Title);
    const PREFIX: TokenKind = Abbreviation(AbbreviationKind::Prefix);
    const INITIALS: TokenKind = Abbreviation(AbbreviationKind::Initials);
    const FINAL: TokenKind = Abbreviation(AbbreviationKind::Final);
    const NUMERIC: TokenKind = Abbreviation(AbbreviationKind::Numeric);

    // (input, expected non-blank tokens) — each row names the rule it pins.
    const CASES: &[(&str, &[(&str, TokenKind)])] = &[
        ("l'Élysée", &[("l'", Elision), ("Élysée", Word)]), // elision with a straight apostrophe
        ("l’Élysée", &[("l’", Elision), ("Élysée", Word)]), // elision with a typographic apostrophe
        ("lʼÉlysée", &[("lʼ", Elision), ("Élysée", Word)]), // elision with a modifier-letter apostrophe
        ("D'abord", &[("D'", Elision), ("abord", Word)]),   // capitalized elision
        ("qu’il", &[("qu’", Elision), ("il", Word)]),       // qu'
        ("jusqu’à", &[("jusqu’", Elision), ("à", Word)]),   // jusqu'
        ("lorsqu’on", &[("lorsqu’", Elision), ("on", Word)]), // lorsqu'
        ("puisqu’elle", &[("puisqu’", Elision), ("elle", Word)]), // puisqu'
        ("c’est", &[("c’", Elision), ("est", Word)]),       // c'
        ("j'ai", &[("j'", Elision), ("ai", Word)]),         // j'
        ("n’a", &[("n’", Elision), ("a", Word)]),           // n'
        ("s’est", &[("s’", Elision), ("est", Word)]),       // s'
        ("m'a", &[("m'", Elision), ("a", Word)]),           // m'
        ("t’as", &[("t’", Elision), ("as", Word)]),         // t'
        ("aujourd’hui", &[("aujourd’hui", Word)]),          // lexicalized apostrophe stays inside the word
        ("quelqu’un", &[("quelqu’un", Word)]),              // quelqu'un is one word
        ("États-Unis", &[("États-Unis", Word)]),            // hyphenated compound kept whole
        ("président-élu", &[("président-élu", Word)]),      // compound
        ("Jean-Pierre", &[("Jean-Pierre", Word)]),          // compound first name
        ("vice-président", &[("vice-président", Word)]),    // prefix compound
        ("Bar-le-Duc", &[("Bar-le-Duc", Word)]),            // article inside a place name is no clitic
        ("peut-être", &[("peut-être", Word)]),              // peut-être is a word
        ("rendez-vous", &[("rendez-vous", Word)]),          // lexicalized noun ending like a clitic
        ("a-t-il", &[("a", Word), ("-t-", Hyphen), ("il", Clitic)]), // euphonic t
        ("dit-elle", &[("dit", Word), ("-", Hyphen), ("elle", Clitic)]), // plain inversion
        ("estime-t-on", &[("estime", Word), ("-t-", Hyphen), ("on", Clitic)]), // -t-on
        ("poursuit-il", &[("poursuit", Word), ("-", Hyphen), ("il", Clitic)]), // inversion after t
        ("dis-moi", &[("dis", Word), ("-", Hyphen), ("moi", Clitic)]), // imperative
        ("donne-le-moi", &[("donne", Word), ("-", Hyphen), ("le", Clitic), ("-", Hyphen), ("moi", Clitic)]), // two clitics
        ("sur-le-champ", &[("sur-le-champ", Word)]), // a pronoun inside a compound is no clitic
        ("va-t-en", &[("va", Word), ("-t-", Hyphen), ("en", Clitic)]), // euphonic t before en
        ("40 %", &[("40", Number), ("%", Symbol)]),  // percent sign is a symbol
        ("1 000", &[("1 000", Number)]),             // digit groups with an ordinary space
        ("1\u{202F}000\u{A0}000", &[("1\u{202F}000\u{A0}000", Number)]), // narrow and no-break spaces
        ("3,5", &[("3,5", Number)]),                 // decimal comma
        ("49.3", &[("49.3", Number)]),               // decimal point (article number)
        ("2.700.000", &[("2.700.000", Number)]),     // dotted thousands
        ("12/05/2016", &[("12/05/2016", Number)]),   // slashed date
        ("14h30", &[("14h30", Number)]),             // time
        ("1er", &[("1er", Ordinal)]),                // ordinal er
        ("2e", &[("2e", Ordinal)]),                  // ordinal e
        ("3ème", &[("3ème", Ordinal)]),              // ordinal ème
        ("XIXe", &[("XIXe", Ordinal)]),              // roman ordinal
        ("Le", &[("Le", Word)]),                     // L is not a roman ordinal with e
        ("2017 300", &[("2017", Number), ("300", Number)]), // four-digit year does not group
        ("M. Macron", &[("M.", TITLE), ("Macron", Word)]), // civility
        ("MM. Poutine", &[("MM.", TITLE), ("Poutine", Word)]), // plural civility
        ("Mme Merkel", &[("Mme", TITLE), ("Merkel", Word)]), // dotless civility
        ("Dr Martin", &[("Dr", TITLE), ("Martin", Word)]), // dotless title
        ("Pr. Raoult", &[("Pr.", TITLE), ("Raoult", Word)]), // title with dot
        ("Mgr Aupetit", &[("Mgr", TITLE), ("Aupetit", Word)]), // Monseigneur
        ("l'art. 49", &[("l'", Elision), ("art.", PREFIX), ("49", Number)]), // article
        ("av. J.-C.", &[("av.", PREFIX), ("J.-C.", FINAL)]), // era
        ("n° 33", &[("n°", NUMERIC), ("33", Number)]), // numéro sign
        ("J.-F. Kennedy", &[("J.-F.", INITIALS), ("Kennedy", Word)]), // hyphenated initials
        ("U.S.A.", &[("U.S.A.", INITIALS)]),         // dotted acronym
        ("etc.", &[("etc.", FINAL)]),                // et cetera
        ("fin.", &[("fin", Word), (".", Punctuation)]), // a plain word leaves its dot
        ("https://www.lemonde.fr/politique/.", &[("https://www.lemonde.fr/politique/", Url), (".", Punctuation)]), // URL without trailing dot
        ("www.afp.com,", &[("www.afp.com", Url), (",", Punctuation)]), // www URL
        ("lemonde.fr", &[("lemonde.fr", Url)]),                        // bare domain
        ("redaction@lefigaro.fr.", &[("redaction@lefigaro.fr", Email), (".", Punctuation)]), // e-mail
        ("@EmmanuelMacron", &[("@EmmanuelMacron", Handle)]),           // handle
        ("#Brexit", &[("#Brexit", Handle)]),                           // hashtag
        ("hésité...", &[("hésité", Word), ("...", Punctuation)]),      // ellipsis in dots
        ("quoi ?!", &[("quoi", Word), ("?!", Punctuation)]),           // ?! run
        ("A36", &[("A36", Word)]),                                     // road name
        ("gou\u{AD}vernement", &[("gou\u{AD}vernement", Word)]),       // soft hyphen inside a word
    ];

    #[test]
    fn token_table() {
        for &(input, want) in CASES {
            let got = toks(input);
            assert_eq!(got, want, "tokens({input:?}): expected {want:?}, got {got:?}");
        }
    }

    // (input, expected (text, role, level) of the quote tokens) — each row names the rule.
    /// Expected quote tokens: text, role, level.
    type QuoteRow = (&'static str, QuoteRole, u8);
    const QUOTES: &[(&str, &[QuoteRow])] = &[
        ("« Non »", &[("«", QuoteRole::Opening, 1), ("»", QuoteRole::Closing, 1)]), // guillemets
        (
            "« Il a dit “ non ” »",
            &[
                ("«", QuoteRole::Opening, 1),
                ("“", QuoteRole::Opening, 2),
                ("”", QuoteRole::Closing, 2),
                ("»", QuoteRole::Closing, 1),
            ],
        ), // nesting
        ("\"normaliser\" les", &[("\"", QuoteRole::Opening, 1), ("\"", QuoteRole::Closing, 1)]), // straight quotes by context
        ("\" normaliser \" les", &[("\"", QuoteRole::Opening, 1), ("\"", QuoteRole::Closing, 1)]), // spaced straight quotes by parity
        (
            "« le ‘ cas ’ »",
            &[
                ("«", QuoteRole::Opening, 1),
                ("‘", QuoteRole::Opening, 2),
                ("’", QuoteRole::Closing, 2),
                ("»", QuoteRole::Closing, 1),
            ],
        ), // single marks as quotes
        ("„Ja“ sagt er", &[("„", QuoteRole::Opening, 1), ("“", QuoteRole::Closing, 1)]), // German-style low-high pair
    ];

    #[test]
    fn quote_roles() {
        for &(input, want) in QUOTES {
            let got: Vec<(&str, QuoteRole, u8)> = tokens(input)
                .filter_map(|t| match t.kind {
                    Quote { role, level } => Some((t.text(input), role, level)),
                    _ => None,
                })
                .collect();
            assert_eq!(got, want, "quotes of {input:?}: expected {want:?}, got {got:?}");
        }
    }

    #[test]
    fn breaks() {
        let text = "Titre\nLigne\n \nParagraphe";
        let kinds: Vec<TokenKind> = tokens(text).map(|t| t.kind).collect();
        assert_eq!(kinds, [Word, LineBreak, Word, ParagraphBreak, Word], "breaks of {text:?}");
    }
}
