//! Trigger windows and the tokens the grammar reads.
//!
//! The text is first searched for trigger words (month and weekday names, `hier`, `semaine`,
//! holiday names … and digits) with one Aho-Corasick automaton; only windows of text around
//! triggers are tokenized and parsed, so text without dates costs one automaton pass.

use super::lexicon::{fold_unfolded, lexicon, Word, LETTER_INDEX};

/// What a token is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Kind {
    /// A run of letters; `norm` is folded (lowercase, no accents).
    Word,
    /// A run of ASCII digits; `num` is its value (saturating), `norm` the digits.
    Num,
    /// One punctuation character, normalized (`’` → `'`, dashes → `-`).
    Punct(char),
}

#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub norm: &'a str,
    pub num: u32,
    /// Whitespace between the previous token and this one.
    pub gap: bool,
    /// The word starts with an uppercase letter.
    pub upper: bool,
    /// The lexicon entries of `norm` (words only), looked up once when tokenizing.
    pub lex: &'static [Word],
    /// `norm` is the first word of a holiday phrase (words only).
    pub head: bool,
    /// The token may anchor a date: a number, or a word that is a holiday head or has a lexicon
    /// entry other than a number or an ordinal word (looked up with `lex`).
    pub hot: bool,
}

const MARGIN: usize = 64;

/// The bytes at the end of a window where a trigger still extends it: more than the words an
/// expression reads after its last trigger (`prochain`, `dernière`, `de l'année`).
const TAIL: usize = 24;

/// `char::is_alphabetic`, with the letters of Latin-1 (`à` … `ÿ`, `À` … `Þ`, all alphabetic
/// but `×` and `÷`) answered without the Unicode tables: the accented letters of French are most
/// of the non-ASCII characters of a news text.
///
/// The other characters of Latin-1 (U+0080 … U+00BF: letters only `ª`, `µ`, `º`) and the
/// general punctuation (U+2000 … U+206F: `’`, `–`, `…`, `“`, none a letter) are answered without
/// them too: typographic apostrophes, dashes and quotes are common in news text.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if ('\u{C0}'..='\u{FF}').contains(&c) {
        return c != '×' && c != '÷';
    }
    if ('\u{80}'..='\u{BF}').contains(&c) {
        return matches!(c, 'ª' | 'µ' | 'º');
    }
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphabetic()
}

/// Whether the character at byte `i` of `text` is a letter (ASCII read as a byte, other
/// characters decoded), and its length in bytes.
///
/// ASCII and the letters U+00C0–U+00FF (lead byte C3: all letters but `×` C3 97 and `÷` C3 B7)
/// are answered from their bytes, inline; other characters are decoded, out of line.
#[inline(always)]
pub(crate) fn letter_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b.is_ascii() {
        (b.is_ascii_alphabetic(), 1)
    } else if b == 0xC3 && i + 1 < bytes.len() {
        // A lead byte C3 starts U+00C0..U+00FF: its second byte is a continuation byte.
        (!matches!(bytes[i + 1], 0x97 | 0xB7), 2)
    } else {
        letter_at_decoded(text, i)
    }
}

/// [`letter_at`] for the other characters, decoded.
#[inline(never)]
fn letter_at_decoded(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (is_letter(c), c.len_utf8())
}

const ASCII_LETTER: u8 = 1;
const ASCII_LOWER: u8 = 2;

/// By byte: an ASCII letter, and a lowercase one (one load and a test per letter in
/// [`word_end`], where the ASCII range tests took several).
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = ASCII_LETTER | if c.is_ascii_lowercase() { ASCII_LOWER } else { 0 };
        }
        b += 1;
    }
    t
};

/// The end of the word of `text` whose first letter, `len` bytes long, starts at `start`, read
/// no further than `end`; whether the word is lowercase ASCII, its own folded form (most words:
/// noted while scanning, so that only the others are folded); and whether it is ASCII. ASCII
/// letters are read inline, other characters decoded. The tokenizer and the tense reader split
/// words with it.
#[inline]
pub(crate) fn word_end(text: &str, start: usize, len: usize, end: usize) -> (usize, bool, bool) {
    // The bytes up to `end`: `i < end` then bounds every read.
    let bytes = &text.as_bytes()[..end];
    // The classes of the letters read, and-ed: lowercase ASCII as long as `ASCII_LOWER` stays.
    let mut acc = if text.as_bytes()[start].is_ascii_lowercase() { ASCII_LOWER } else { 0 };
    let mut ascii = len == 1;
    let mut i = start + len;
    while i < bytes.len() {
        let b = bytes[i];
        let class = BYTE_CLASS[b as usize];
        if class & ASCII_LETTER != 0 {
            acc &= class;
            i += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        let (l, n) = letter_at(text, i);
        if !l {
            break;
        }
        acc = 0;
        ascii = false;
        i += n;
    }
    (i, acc & ASCII_LOWER != 0, ascii)
}

fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

/// Byte windows `[start, end)` of `text` around trigger words, merged, on word boundaries.
pub(crate) fn windows(text: &str) -> Vec<(usize, usize)> {
    windows_with(text, true)
}

/// [`windows`], jumping over the matches inside a window just made (`jump`) or reading them all
/// as `find_iter` gives them (the definition; a proptest checks that both agree).
fn windows_with(text: &str, jump: bool) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let lex = lexicon();
    let Some(triggers) = lex.triggers.as_ref() else { return out };
    let bytes = text.as_bytes();
    let mut covered_to = 0usize;
    // The matches of the automaton's `find_iter(text)`, searched one at a time so that the search can jump
    // over a window just made: the matches starting inside it would be skipped, and each costs
    // a search call (on dense text, most of them). Searching again from the window's end finds
    // the same next match unless a skipped match ran across that end, which only a pattern
    // holding the window's last byte boundary could (`may_straddle`): then the search goes on
    // match by match.
    let mut at = 0;
    while let Some((s, e)) = triggers.find(bytes, at) {
        at = e;
        // A match inside the window just made adds nothing, unless it starts in the window's
        // last `TAIL` bytes, where its expression may run past the end (`… 1 457 millions.
        // Nous visons autant l'an prochain`: `an` near the end of the number's window) or
        // runs across the end itself (`cet été` cut after `cet`): then it extends the window.
        if s + TAIL <= covered_to && e <= covered_to {
            continue;
        }
        let first = bytes[s];
        if !first.is_ascii_digit() {
            // Whole words only (the patterns are words and word stems of the lexicon).
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(is_alnum) || after.is_some_and(|c| c.is_alphabetic()) {
                continue;
            }
        }
        let mut ws = floor_boundary(text, s.saturating_sub(MARGIN));
        if ws > 0 {
            // Start after a whitespace so that no word is cut.
            match text[ws..s].find(char::is_whitespace) {
                Some(k) => ws += k,
                None => ws = s,
            }
        }
        let mut we = ceil_boundary(text, (e + MARGIN).min(text.len()));
        if we < text.len() {
            match text[e..we].rfind(char::is_whitespace) {
                Some(k) => we = e + k,
                None => we = e,
            }
            // Keep a word that the trigger is part of whole.
            while we < text.len() && !text[we..].starts_with(char::is_whitespace) {
                we = ceil_boundary(text, we + 1);
            }
        }
        covered_to = we;
        match out.last_mut() {
            Some(last) if ws <= last.1 => last.1 = last.1.max(we),
            _ => out.push((ws, we)),
        }
        if jump && covered_to.saturating_sub(TAIL) > at && !lex.may_straddle(text, covered_to) {
            at = covered_to - TAIL;
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// An empty vector of tokens with the allocation of `v` (emptied): the tokens of one window
/// borrow its fold buffer, so the vector cannot outlive the window as such, but its memory can
/// (an in-place `collect` between two layouts that are the same, without `unsafe`).
pub(crate) fn recycle<'b>(mut v: Vec<Tok<'_>>) -> Vec<Tok<'b>> {
    v.clear();
    v.into_iter().map(|_| -> Tok<'b> { unreachable!("the vector is empty") }).collect()
}

/// The buffers [`tokenize_into`] reuses from window to window.
#[derive(Debug, Default)]
pub(crate) struct TokBuffers {
    /// Word tokens whose folded form is `folds[from..to]`: (token, from, to).
    in_folds: Vec<(usize, usize, usize)>,
    /// The allocation of the previous window's tokens.
    toks: Vec<Tok<'static>>,
    /// The sentence stops of the last window tokenized, in order: the byte ranges of its
    /// punctuation tokens `.`, `!`, `?`, `;`, `«`, `»`, `“`, `”` and of its line feeds (the stops of
    /// `tense::sentence_bounds`).
    pub(crate) stops: Vec<(usize, usize)>,
}

impl TokBuffers {
    /// Gives back the allocation of a window's tokens once they are no longer read.
    pub(crate) fn give_back(&mut self, toks: Vec<Tok<'_>>) {
        self.toks = recycle(toks);
    }
}

/// Tokens of `text[start..end]` with offsets into `text`.
///
/// The folded forms of capitalized and accented words are written into `folds` (cleared first;
/// reused from window to window), the others borrow `text`: no allocation per word.
#[cfg(test)]
pub(crate) fn tokenize<'a>(text: &'a str, start: usize, end: usize, folds: &'a mut String) -> Vec<Tok<'a>> {
    tokenize_into(text, start, end, folds, &mut TokBuffers::default())
}

/// The sentence stops of `text[start..end]` ([`TokBuffers::stops`]).
#[cfg(test)]
pub(crate) fn stops(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut bufs = TokBuffers::default();
    tokenize_into(text, start, end, &mut String::new(), &mut bufs);
    bufs.stops
}

/// [`tokenize`], with the buffers of the previous window.
pub(crate) fn tokenize_into<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    folds: &'a mut String,
    bufs: &mut TokBuffers,
) -> Vec<Tok<'a>> {
    // The bytes up to the window's end: `i < end` then bounds every read.
    let bytes = &text.as_bytes()[..end];
    let lex = lexicon();
    folds.clear();
    // Word tokens whose folded form is `folds[from..to]`: (token, from, to), set at the end,
    // once `folds` is complete.
    let in_folds = &mut bufs.in_folds;
    in_folds.clear();
    let mut toks = recycle(std::mem::take(&mut bufs.toks));
    toks.reserve((end - start) / 5);
    let stops = &mut bufs.stops;
    stops.clear();
    let mut gap = true;
    let mut i = start;
    // Bytes are read directly where they are ASCII; other characters are decoded.
    let char_at = |i: usize| text[i..].chars().next().unwrap_or(' ');
    while i < end {
        let b = bytes[i];
        if b == b' ' {
            gap = true;
            i += 1;
            continue;
        }
        if b == b'\n' || b == b'\t' || b == b'\r' {
            if b == b'\n' {
                stops.push((i, i + 1));
            }
            gap = true;
            i += 1;
            continue;
        }
        let s = i;
        if b.is_ascii_digit() {
            let mut num: u32 = 0;
            while i < end && bytes[i].is_ascii_digit() {
                num = num.saturating_mul(10).saturating_add((bytes[i] - b'0') as u32);
                i += 1;
            }
            toks.push(Tok {
                start: s,
                end: i,
                kind: Kind::Num,
                norm: &text[s..i],
                num,
                gap,
                upper: false,
                lex: &[],
                head: false,
                hot: true,
            });
        } else {
            let (letter, len) = letter_at(text, i);
            if letter {
                let upper = if b.is_ascii() { b.is_ascii_uppercase() } else { char_at(i).is_uppercase() };
                let (e, lower, ascii) = word_end(text, i, len, end);
                i = e;
                let raw = &text[s..i];
                let from = folds.len();
                let (norm, (lex, head, hot)) = if !lower {
                    // Not lowercase ASCII: folded into `folds`.
                    fold_unfolded(raw, ascii, folds);
                    in_folds.push((toks.len(), from, folds.len()));
                    ("", lex.lookup(&folds[from..]))
                } else {
                    (raw, lex.lookup(raw))
                };
                toks.push(Tok { start: s, end: i, kind: Kind::Word, norm, num: 0, gap, upper, lex, head, hot });
            } else {
                let c = if b.is_ascii() { char::from(b) } else { char_at(i) };
                i += c.len_utf8();
                if c.is_whitespace() {
                    gap = true;
                    continue;
                }
                let p = match c {
                    '’' | '‘' | 'ʼ' | '`' | '´' | '\'' => '\'',
                    '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
                    '.' | '!' | '?' | ';' | '«' | '»' | '“' | '”' => {
                        stops.push((s, i));
                        c
                    }
                    other => other,
                };
                toks.push(Tok {
                    start: s,
                    end: i,
                    kind: Kind::Punct(p),
                    norm: "",
                    num: 0,
                    gap,
                    upper: false,
                    lex: &[],
                    head: false,
                    hot: false,
                });
            }
        }
        gap = false;
    }
    let folds: &'a String = folds;
    for &(k, from, to) in in_folds.iter() {
        toks[k].norm = &folds[from..to];
    }
    toks
}

/// Which (length, first letter, last letter) shapes the words of a set have: a conservative
/// filter, built at compile time from the same list as the set's `matches!`, that answers most
/// words outside the set in a few instructions (a `matches!` over many words of one length
/// compares the word with each of them).
pub(crate) struct ShapeFilter {
    /// By length (15 for 15 and more) and first letter (`a` … `z`, 26 for any other byte), the
    /// last letters: bit 0 for `a` … bit 25 for `z`, bit 26 for any other byte.
    bits: [[u32; 27]; 16],
}

impl ShapeFilter {
    const fn letter(b: Option<&u8>) -> usize {
        match b {
            Some(&b) if b.is_ascii_lowercase() => (b - b'a') as usize,
            _ => 26,
        }
    }

    const fn of(words: &[&str]) -> ShapeFilter {
        Self::of_lists(&[words])
    }

    /// The filter of the words of all `lists`.
    pub(crate) const fn of_lists(lists: &[&[&str]]) -> ShapeFilter {
        let mut bits = [[0u32; 27]; 16];
        let mut l = 0;
        while l < lists.len() {
            let words = lists[l];
            let mut k = 0;
            while k < words.len() {
                let w = words[k].as_bytes();
                let len = if w.len() < 15 { w.len() } else { 15 };
                let first = Self::letter(w.first());
                let last = Self::letter(w.last());
                bits[len][first] |= 1 << last;
                k += 1;
            }
            l += 1;
        }
        ShapeFilter { bits }
    }

    /// `false` when no word of the set has the shape of `w`.
    #[inline(always)]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        // [`Self::letter`] by table.
        let letter = |b: Option<&u8>| b.map_or(26, |&b| LETTER_INDEX[b as usize] as usize);
        let b = w.as_bytes();
        (self.bits[b.len().min(15)][letter(b.first())] >> letter(b.last())) & 1 != 0
    }
}

/// A set of folded words: `fn $name(w: &str) -> bool`, a `matches!` of the words behind the
/// [`ShapeFilter`] of the same words (one list, so the two cannot disagree).
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $filter:ident: $($w:literal)|+) => {
        const $filter: ShapeFilter = ShapeFilter::of(&[$($w),+]);
        $(#[$doc])*
        #[inline]
        fn $name(w: &str) -> bool {
            $filter.may_hold(w) && matches!(w, $($w)|+)
        }
    };
}

/// Whether a token may anchor a date: a number, or a lexicon word other than a number word
/// (`lex.iter().any(|w| !matches!(w, Word::Num(_) | Word::Ord(_))) || head`, noted when
/// tokenizing).
#[inline]
pub(crate) fn is_hot(t: &Tok<'_>) -> bool {
    t.hot
}

/// Words that may begin an expression before its trigger (`dans la nuit de samedi`,
/// `il y a trois jours`, `à partir du 8`).
///
/// A plain `matches!`: the words asked about (those near a trigger) are mostly starters, which a
/// [`ShapeFilter`] would let through at extra cost. Inlined: most words asked about are answered
/// by the length switch.
#[inline]
fn is_starter(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "l"
            | "les"
            | "ces"
            | "ce"
            | "cet"
            | "cette"
            | "du"
            | "de"
            | "d"
            | "des"
            | "au"
            | "aux"
            | "en"
            | "dans"
            | "entre"
            | "depuis"
            | "avant"
            | "apres"
            | "a"
            | "jusqu"
            | "vers"
            | "il"
            | "fin"
            | "debut"
            | "mi"
            | "milieu"
            | "courant"
            | "autour"
            | "pendant"
            | "durant"
            | "sur"
            | "nuit"
            | "prochain"
            | "prochaine"
            | "un"
            | "une"
    )
}

/// Whether a grammar rule may start at this token (the tokens after it are checked by the rule).
#[inline]
pub(crate) fn may_start(t: &Tok<'_>) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct(_) => false,
        // The token's fields before the word list.
        Kind::Word => !t.lex.is_empty() || t.head || is_starter(t.norm),
    }
}

/// Whether a rule may start at token `k`: [`may_start`], and after a starter word that is no
/// lexicon word (`le`, `a`, `de` …) or a number word (`une`, `premier`, `vingt`), the first
/// token that is neither such a starter nor an apostrophe or hyphen is one that some rule may
/// read ([`may_be_read`]).
///
/// Those starters and number words are no date by themselves (a number word alone is at most a
/// day, which the rules take only after `le` or with a weekday or a month), and no rule reads
/// past a word it cannot match: so a match from `k` would need that first other token. When it
/// is a word no rule reads (`le président`, `a annoncé`, `sur le versement`, `d'affaires`,
/// `une enveloppe`, `Premier ministre`: most of the positions near a trigger), every rule
/// fails, and the grammar is not run there. Other punctuation (`a « forcer`) is left to the
/// rules.
///
/// Inlined up to [`may_start`], which most tokens asked about (words near a trigger) fail; the
/// rest is out of line.
#[inline]
pub(crate) fn may_start_at(toks: &[Tok<'_>], k: usize, text: &str) -> bool {
    may_start(&toks[k]) && may_start_after(toks, k, text)
}

/// [`may_start_at`] at a token that [`may_start`].
#[inline(never)]
fn may_start_after(toks: &[Tok<'_>], k: usize, text: &str) -> bool {
    let t = &toks[k];
    if t.kind != Kind::Word || t.hot {
        return true;
    }
    for n in &toks[k + 1..] {
        match n.kind {
            Kind::Punct('\'' | '-') => {}
            Kind::Word if n.lex.is_empty() && !n.head && is_starter(n.norm) => {}
            Kind::Word => return may_be_read(n, text),
            _ => return true,
        }
    }
    true
}

/// Whether some rule may match word token `n`: a lexicon word or holiday head, one of the
/// grammar's own words ([`is_grammar_word`]), a Roman numeral (`le XIXe siècle`) or an ordinal
/// in `-ème`.
fn may_be_read(n: &Tok<'_>, text: &str) -> bool {
    !n.lex.is_empty()
        || n.head
        || is_grammar_word(n.norm)
        || n.norm.ends_with("eme")
        || (n.upper && matches!(text.as_bytes()[n.start], b'I' | b'V' | b'X' | b'L'))
}

/// Whether the word before `at` (past blanks) is a form of a verb of calling (`appeler`,
/// `composer`, `contacter`, `joindre`): `a appelé le 18` dials a number, it names no day.
/// Read in the text, as [`time_unit_after`].
pub(crate) fn calling_verb_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end_matches([' ', '\u{a0}', '\u{202f}', '\t']);
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    ["appel", "compos", "contact", "joindr", "joign", "rappel"].iter().any(|p| word.starts_with(p))
}

/// Whether the word after `at` (past blanks) is a unit of time of day: `h`, `heure(s)`, `min`.
/// Read in the text, not in the tokens (the window of a search may end before it), so these
/// words need not be in [`is_grammar_word`].
pub(crate) fn time_unit_after(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("").trim_start_matches([' ', '\u{a0}', '\u{202f}', '\t']);
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    matches!(word.as_str(), "h" | "heure" | "heures" | "hrs" | "min" | "minutes")
}

word_set! {
    /// The words the grammar (`grammar.rs`) compares tokens with, folded: every word of its string
    /// literals (a test reads them from its source, so a rule with a new word fails it until the
    /// word is added here).
    is_grammar_word, GRAMMAR_WORDS:
        "a" | "alentours" | "alors" | "an" | "annee" | "annees" | "ans" | "apres" | "article"
        | "articles" | "au" | "aujourd" | "auparavant" | "automne" | "autour" | "autre" | "aux"
        | "avant" | "avec" | "bilan" | "blesses" | "budget" | "c" | "campagne" | "ce" | "cela"
        | "centaines" | "ces" | "cet" | "cette" | "chantent" | "chapitre" | "chaque" | "ci"
        | "cinqu" | "code" | "contre" | "courant" | "cours" | "cuvee" | "d" | "dans" | "de"
        | "debut" | "deja" | "demain" | "depuis" | "dernier" | "derniere" | "dernieres" | "derniers"
        | "des" | "deux" | "dollar" | "dollars" | "du" | "durant" | "e" | "ecoule" | "ecoulee"
        | "ecoulees" | "ecoules" | "edition" | "election" | "elections" | "eleves" | "elle"
        | "elles" | "eme" | "emplois" | "en" | "end" | "enfants" | "entre" | "entreprises"
        | "environ" | "er" | "et" | "ete" | "etudiants" | "euro" | "europeennes" | "euros"
        | "exemplaires" | "exercice" | "familles" | "femmes" | "fin" | "fois" | "foyers" | "francs"
        | "gendarmes" | "h" | "habitants" | "heures" | "hier" | "hiver" | "hommes" | "horizon"
        | "hui" | "huit" | "ici" | "ieme" | "il" | "ils" | "j" | "jour" | "journee" | "jours"
        | "jusqu" | "kg" | "kilometres" | "km" | "l" | "la" | "le" | "legislatives" | "lendemain"
        | "lendemains" | "les" | "litres" | "livres" | "logements" | "lors" | "m" | "mais"
        | "manifestants" | "membres" | "meme" | "metres" | "mi" | "milieu" | "millesime"
        | "milliards" | "milliers" | "millions" | "minutes" | "moins" | "mois" | "moment" | "morts"
        | "mots" | "municipales" | "n" | "nd" | "nde" | "nos" | "nuit" | "numero" | "on" | "ou"
        | "page" | "pages" | "par" | "partir" | "passe" | "passee" | "passees" | "passes"
        | "pendant" | "personnes" | "peu" | "plus" | "points" | "policiers" | "postes" | "pour"
        | "precedent" | "precedente" | "premier" | "premiers" | "pres" | "presidentielle" | "primaire"
        | "printemps" | "prochain" | "prochaine" | "prochaines" | "prochains" | "promotion" | "puis"
        | "qu" | "quand" | "quart" | "quatr" | "quatre" | "que" | "quelque" | "qui" | "quinzaine"
        | "quinze" | "quoi" | "re" | "recensement" | "regionales" | "rentree" | "route" | "rue"
        | "s" | "saint" | "sainte" | "saison" | "salaries" | "sans" | "selon" | "semaine"
        | "semaines" | "semestre" | "senatoriales" | "siecle" | "soldats" | "suit" | "suivant"
        | "suivante" | "suivantes" | "suivants" | "sur" | "surlendemain" | "tard" | "tonnes" | "tot"
        | "tous" | "trimestre" | "trois" | "un" | "une" | "veille" | "venir" | "vers" | "victimes"
        | "vient" | "voitures" | "voix" | "week" | "weekend" | "y" | "ya"
}

#[cfg(test)]
mod window_tests {
    use super::windows_with;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// Jumping over a window's matches gives the windows of reading every match.
        #[test]
        fn jumping_matches_every_match(
            text in "(cet|en|été|ÉTÉ|Cet|l’été|mars|lundi|Noël|saint|3|2017| |  |\u{a0}|\n|, |\\. |x{20}|le){0,80}"
        ) {
            proptest::prop_assert_eq!(windows_with(&text, true), windows_with(&text, false));
        }
    }

    #[test]
    fn jump_stops_at_a_spaced_trigger_across_a_window_end() {
        // The window of "3" would end at the space inside "cet été" (byte 64): a match runs
        // across it, so the search goes on match by match there, and that match extends the
        // window over the whole phrase.
        let text = format!("3{} cet été {}", "x".repeat(59), "y".repeat(70));
        let got = windows_with(&text, true);
        let end_of_phrase = text.find("été").map(|k| k + "été".len());
        assert!(got.first().is_some_and(|w| Some(w.1) >= end_of_phrase), "input {text:?}: {got:?}");
        assert!(super::lexicon().may_straddle(&text, 64));
        assert_eq!(got, windows_with(&text, false));
    }
}

#[cfg(test)]
mod letter_tests {
    use super::is_letter;

    #[test]
    fn latin1_letters_agree_with_unicode() {
        for c in ('\u{80}'..='\u{17F}').chain('\u{1FF0}'..='\u{2080}') {
            assert_eq!(is_letter(c), c.is_alphabetic(), "input {c:?}");
        }
    }

    proptest::proptest! {
        /// The Latin-1 shortcut answers as the Unicode tables do, for any character.
        #[test]
        fn is_letter_matches_is_alphabetic(c in proptest::char::any()) {
            proptest::prop_assert_eq!(is_letter(c), c.is_alphabetic());
        }
    }
}

#[cfg(test)]
mod gate_tests {
    use super::{is_grammar_word, tokenize, Kind};

    /// The string literals of `grammar.rs` outside comments.
    fn grammar_literals() -> Vec<String> {
        let mut out = Vec::new();
        for line in include_str!("grammar.rs").lines() {
            let mut chars = line.chars().peekable();
            let mut lit: Option<String> = None;
            while let Some(c) = chars.next() {
                match (&mut lit, c) {
                    (None, '/') if chars.peek() == Some(&'/') => break,
                    (None, '"') => lit = Some(String::new()),
                    (Some(s), '"') => {
                        out.push(std::mem::take(s));
                        lit = None;
                    }
                    (Some(s), '\\') => {
                        s.push(' ');
                        chars.next();
                    }
                    (Some(s), c) => s.push(c),
                    (None, _) => {}
                }
            }
        }
        out
    }

    /// A shape filter lets through every word of its list, whatever its bytes.
    #[test]
    fn shape_filter_keeps_its_words() {
        let words = ["a", "", "ete", "élu", "ÉTÉ", "x1", "abcdefghijklmnopqrstuvwxyz", "tard"];
        let filter = super::ShapeFilter::of(&words);
        for w in words {
            assert!(filter.may_hold(w), "input {w:?}");
        }
        assert!(!filter.may_hold("b") && !filter.may_hold("tarz") && !filter.may_hold("etf"));
        for w in ["a", "alentours", "ya", "weekend", "re", "cinqu"] {
            assert!(super::GRAMMAR_WORDS.may_hold(w) && is_grammar_word(w), "input {w:?}");
        }
    }

    /// Every word the grammar compares tokens with is a grammar word, a lexicon word or a
    /// holiday head: `may_start_at` lets it follow a starter word.
    #[test]
    fn grammar_words_cover_the_grammar_literals() {
        let lits = grammar_literals();
        assert!(lits.len() > 300, "only {} literals read", lits.len());
        let mut folds = String::new();
        for lit in &lits {
            for t in tokenize(lit, 0, lit.len(), &mut folds) {
                if t.kind == Kind::Word {
                    assert!(
                        is_grammar_word(t.norm) || !t.lex.is_empty() || t.head,
                        "{:?} (in the literal {lit:?} of grammar.rs) is missing from is_grammar_word",
                        t.norm
                    );
                }
            }
        }
    }
}
