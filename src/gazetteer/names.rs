//! From raw alias matches to mentions: role determiners and modifiers, role resolution at the
//! document's date, persons not in the gazetteer (first name + surname, title, apposition) and
//! later mentions of a surname.

use std::collections::HashMap;
use std::sync::Arc;

use super::matcher::{ascii_word_mask, ends_with_word, RawMatch, Target, HIGH};
use super::{EntityKind, Gender, Inner, Mention};
use crate::typography::{is_apostrophe, is_dash, is_word_char};
use crate::{Date, Span};

mod shapes;

/// What a modifier before a role says about the holder.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Modifier {
    /// Whoever holds the role at the date.
    None,
    /// `nouveau`, `futur`, `prochain`: the holder about to take office (or who just did).
    Incoming,
    /// `ancien`, `ex-`: the previous holder.
    Former,
}

/// Days after the date within which a term that starts makes its holder the "incoming" one
/// (a president-elect takes office about ten weeks after the election).
const INCOMING_DAYS: i64 = 92;
/// Days before the date within which a term that started still makes "nouveau" fit its holder.
const NEW_DAYS: i64 = 365;

/// The holder of a role (terms sorted by start) at `date` given the modifier.
pub(crate) fn holder(terms: &[(u32, Date, Option<Date>)], date: Option<Date>, m: Modifier) -> Option<u32> {
    let date = date?;
    let current =
        terms.iter().filter(|t| t.1 <= date && t.2.map_or(true, |to| date <= to)).max_by_key(|t| t.1).copied();
    match m {
        Modifier::None => current.map(|t| t.0),
        Modifier::Incoming => {
            let horizon = date.add_days(INCOMING_DAYS);
            let next = terms.iter().filter(|t| t.1 > date && t.1 <= horizon).min_by_key(|t| t.1);
            match next {
                Some(t) => Some(t.0),
                None => current.filter(|t| t.1.days_until(date) <= NEW_DAYS).map(|t| t.0),
            }
        }
        Modifier::Former => {
            let now = current.map(|t| t.0);
            terms
                .iter()
                .filter(|t| t.2.is_some_and(|to| to < date) && Some(t.0) != now)
                .max_by_key(|t| t.2)
                .map(|t| t.0)
        }
    }
}

#[derive(Clone, Debug)]
struct Draft {
    span: Span,
    kind: EntityKind,
    entity: Option<u32>,
    name: Option<Arc<str>>,
    gender: Option<Gender>,
    role: Option<u32>,
    /// A description of a person that is not a gazetteer role (`le préfet du Rhône`, in
    /// apposition to a name): nominal like a role.
    nominal: bool,
}

impl Draft {
    fn is_person_name(&self) -> bool {
        self.kind == EntityKind::Person && self.role.is_none()
    }

    fn has_referent(&self) -> bool {
        self.entity.is_some() || self.name.is_some()
    }
}

const INCOMING: &[&str] = &["nouveau", "nouvel", "nouvelle", "futur", "future", "prochain", "prochaine"];
const FORMER: &[&str] = &["ancien", "ancienne"];
const DETERMINERS: &[&str] = &["le", "la", "les", "son", "sa", "ses", "leur", "ce", "cet", "cette", "notre", "votre"];

/// Titles written before a name (`M. Dupont`, `Mme Leclerc`), with the gender they give.
const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("M.", Some(Gender::Masculine)),
    ("MM.", Some(Gender::Masculine)),
    ("Mme", Some(Gender::Feminine)),
    ("Mmes", Some(Gender::Feminine)),
    ("Mlle", Some(Gender::Feminine)),
    ("Mgr", Some(Gender::Masculine)),
    ("Me", None),
    ("Dr", None),
    ("Pr", None),
];

/// Lowercase nouns that introduce a person's name directly (`le général Lecointre`,
/// `la juge Dupuis`); the gender is the noun's own when it has one.
const TITLE_NOUNS: &[(&str, Option<Gender>)] = &[
    ("général", None),
    ("générale", Some(Gender::Feminine)),
    ("colonel", None),
    ("commandant", None),
    ("capitaine", None),
    ("lieutenant", None),
    ("amiral", None),
    ("maréchal", None),
    ("sergent", None),
    ("docteur", None),
    ("professeur", None),
    ("juge", None),
    ("procureur", None),
    ("procureure", Some(Gender::Feminine)),
    ("préfet", Some(Gender::Masculine)),
    ("préfète", Some(Gender::Feminine)),
    ("ministre", None),
    ("président", Some(Gender::Masculine)),
    ("présidente", Some(Gender::Feminine)),
    ("député", Some(Gender::Masculine)),
    ("députée", Some(Gender::Feminine)),
    ("sénateur", Some(Gender::Masculine)),
    ("sénatrice", Some(Gender::Feminine)),
    ("maire", None),
    ("chancelier", Some(Gender::Masculine)),
    ("chancelière", Some(Gender::Feminine)),
    ("roi", Some(Gender::Masculine)),
    ("reine", Some(Gender::Feminine)),
    ("prince", Some(Gender::Masculine)),
    ("princesse", Some(Gender::Feminine)),
    ("émir", Some(Gender::Masculine)),
    ("cheikh", Some(Gender::Masculine)),
    ("ayatollah", Some(Gender::Masculine)),
    ("imam", Some(Gender::Masculine)),
    ("cardinal", Some(Gender::Masculine)),
    ("pape", Some(Gender::Masculine)),
    ("abbé", Some(Gender::Masculine)),
    ("pasteur", None),
    ("rabbin", None),
    ("avocat", Some(Gender::Masculine)),
    ("avocate", Some(Gender::Feminine)),
    ("commissaire", None),
    ("gouverneur", None),
    ("candidat", Some(Gender::Masculine)),
    ("candidate", Some(Gender::Feminine)),
    ("porte-parole", None),
    ("secrétaire", None),
    ("ambassadeur", Some(Gender::Masculine)),
    ("ambassadrice", Some(Gender::Feminine)),
];

/// Words before a capitalised name that make it a place or an institution named after a person
/// (`rue Victor Hugo`, `lycée Jean Moulin`, `aéroport Charles de Gaulle`).
const PLACE_NOUNS: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "place",
    "quai",
    "allée",
    "impasse",
    "pont",
    "square",
    "parc",
    "jardin",
    "lycée",
    "collège",
    "école",
    "université",
    "hôpital",
    "clinique",
    "stade",
    "salle",
    "gare",
    "station",
    "aéroport",
    "porte",
    "musée",
    "fondation",
    "institut",
    "centre",
    "prix",
    "médaille",
    "théâtre",
    "cinéma",
    "rond-point",
    "opération",
    "plan",
    "loi",
    "affaire",
    "église",
    "cathédrale",
    "basilique",
    "mosquée",
    "synagogue",
    "porte-avions",
];

/// Lowercase particles inside a surname (`Charles de Gaulle`, `Ursula von der Leyen`).
const PARTICLES: &[&str] = &[
    "de", "du", "des", "van", "von", "der", "den", "da", "di", "del", "della", "dos", "das", "ben", "bin", "ibn", "al",
    "el", "le", "la",
];

/// [`is_word_char`] with a fast path for ASCII and the Latin letters of French text.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7F}' => false,
        'À'..='ÿ' => c != '×' && c != '÷',
        'Ā'..='ɏ' => true,
        _ => is_word_char(c),
    }
}

/// A small, fast hasher for short keys (first names, word lists, surnames): the bytes taken
/// eight at a time as little-endian integers, one multiplication each (a key of up to eight
/// bytes, most words, in one: its first and last four bytes, overlapping, or its first, middle
/// and last byte), then the high half of the state folded onto the low half, which indexes
/// the table.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHasher(u64);

const WORD_HASH_MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// `b[i..i + N]` as a little-endian integer (zero past the end).
#[inline]
fn le_bytes<const N: usize>(b: &[u8], i: usize) -> [u8; N] {
    b.get(i..i + N).and_then(|s| s.try_into().ok()).unwrap_or([0; N])
}

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    #[inline]
    fn write(&mut self, b: &[u8]) {
        let n = b.len();
        let mut h = self.0;
        let last = if n > 8 {
            let mut i = 0;
            while i + 8 < n {
                h = (h ^ u64::from_le_bytes(le_bytes(b, i))).wrapping_mul(WORD_HASH_MUL);
                i += 8;
            }
            u64::from_le_bytes(le_bytes(b, n - 8))
        } else if n >= 4 {
            u64::from(u32::from_le_bytes(le_bytes(b, 0))) << 32 | u64::from(u32::from_le_bytes(le_bytes(b, n - 4)))
        } else if n > 0 {
            u64::from(b[0]) << 16 | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1])
        } else {
            0
        };
        self.0 = (h ^ last ^ (n as u64).rotate_right(8)).wrapping_mul(WORD_HASH_MUL);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0 ^ u64::from(i)).wrapping_mul(WORD_HASH_MUL);
    }
}

/// `HashMap` with [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// The hash of `word`'s bytes by [`WordHasher`] alone (no `str` terminator, unlike the maps').
#[inline]
fn word_bits_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = WordHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Number of bits of [`FirstNames::bits`] (16 KiB): a few percent of them set by the built-in
/// first names, so most capitalised words, which are no first name, cost no map look-up.
const FIRST_NAME_BITS: usize = 1 << 17;

/// The first names as the names layer looks them up (as written and unaccented, see
/// [`super::GazetteerBuilder`]), with a bit set of their hashes before the map.
#[derive(Debug, Default)]
pub(crate) struct FirstNames {
    map: WordMap<String, Option<Gender>>,
    /// Bit `word_bits_hash(name) % FIRST_NAME_BITS` of every name (empty: no name).
    bits: Box<[u64]>,
}

impl FirstNames {
    pub(crate) fn insert(&mut self, name: String, gender: Option<Gender>) {
        if self.bits.is_empty() {
            self.bits = vec![0; FIRST_NAME_BITS / 64].into();
        }
        let h = word_bits_hash(&name) as usize % FIRST_NAME_BITS;
        self.bits[h / 64] |= 1 << (h % 64);
        self.map.insert(name, gender);
    }

    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&Option<Gender>> {
        let h = word_bits_hash(word) as usize % FIRST_NAME_BITS;
        if self.bits.get(h / 64).map_or(true, |&b| b & (1 << (h % 64)) == 0) {
            return None;
        }
        self.map.get(word)
    }

    #[inline]
    pub(crate) fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// What a word before a capitalised word says.
#[derive(Clone, Copy, Debug)]
enum Before {
    Title(Option<Gender>),
    Place,
}

/// Titles, title nouns and place nouns, by word.
fn before_words() -> &'static WordMap<&'static str, Before> {
    static MAP: std::sync::OnceLock<WordMap<&'static str, Before>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = WordMap::default();
        for &(w, g) in HONORIFICS.iter().chain(TITLE_NOUNS) {
            m.insert(w, Before::Title(g));
        }
        for &w in PLACE_NOUNS {
            m.insert(w, Before::Place);
        }
        m
    })
}

/// What `word` before a capitalised word says ([`before_words`]). Most words are none of
/// them: a table of (first byte, length) pairs answers them without hashing.
fn before_word(word: &str) -> Option<Before> {
    static SHAPES: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        let mut t = [0u32; 256];
        for w in before_words().keys() {
            t[usize::from(w.as_bytes()[0])] |= 1 << w.len().min(31);
        }
        t
    });
    let first = *word.as_bytes().first()?;
    if shapes[usize::from(first)] & (1 << word.len().min(31)) == 0 {
        return None;
    }
    before_words().get(word).copied()
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\u{A0}' || c == '\u{202F}' || c == '\u{2009}' || c == '\t'
}

/// End of the word starting at `i`: word characters, joined across an internal hyphen
/// (`Jean-Yves`, `al-Assad`) and across the apostrophe of the Breton letter `c’h`
/// (`Le Guivarc’h`, `Kerc’hoat`).
#[inline(always)]
fn word_end(text: &str, i: usize) -> usize {
    let e = word_end_plain(text, i);
    match breton_ch(text, i, e) {
        Some(h) => word_end(text, h),
        None => e,
    }
}

/// Where the `h` of a Breton `c’h` (or `c'h`) starts, when the word `text[i..e]` ends with that
/// `c` (after at least one other letter) and the apostrophe and `h` follow.
fn breton_ch(text: &str, i: usize, e: usize) -> Option<usize> {
    if e < i + 2 || !text[..e].ends_with('c') {
        return None;
    }
    let rest = &text[e..];
    let apostrophe = if rest.starts_with("’h") {
        '’'.len_utf8()
    } else if rest.starts_with("'h") {
        1
    } else {
        return None;
    };
    Some(e + apostrophe)
}

#[inline(always)]
fn word_end_plain(text: &str, i: usize) -> usize {
    // ASCII letters and digits first (most words): then the general loop from where they stop,
    // in the same state (the word so far ends there).
    let bytes = text.as_bytes();
    let mut j = i;
    // Eight at a time, then the tail.
    while let Some(group) = bytes.get(j..j + 8) {
        let x = u64::from_le_bytes(group.try_into().unwrap_or_default());
        let stop = !ascii_word_mask(x) & HIGH;
        if stop != 0 {
            j += (stop.trailing_zeros() / 8) as usize;
            break;
        }
        j += 8;
    }
    while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    match bytes.get(j) {
        None => return j,
        Some(&b) if b < 0x80 && b != b'-' => return j,
        Some(_) => {}
    }
    let Some(rest) = text.get(j..) else { return j };
    let mut end = j;
    let mut it = rest.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        if is_word(c) {
            end = j + k + c.len_utf8();
        } else if c == '-' || c == '\u{2010}' || c == '\u{2011}' {
            match it.peek() {
                Some(&(_, n)) if is_word(n) && end == j + k => continue,
                _ => break,
            }
        } else {
            break;
        }
    }
    end
}

/// The word after `end`, separated by blanks only (no line break, no punctuation).
fn next_word(text: &str, end: usize) -> Option<Span> {
    let rest = text.get(end..)?;
    let skip: usize = rest.chars().take_while(|&c| is_blank(c)).map(char::len_utf8).sum();
    if skip == 0 {
        return None;
    }
    let s = end + skip;
    let e = word_end(text, s);
    (e > s).then(|| Span::new(s, e))
}

/// Per byte: whether it is an ASCII letter, digit or hyphen (the bytes of a word read backwards
/// by [`prev_word`] and [`shapes::token_before`] before their non-ASCII fallback).
pub(crate) const ASCII_WORD_OR_HYPHEN: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i as u8 == b'-';
        i += 1;
    }
    t
};

/// The word (or `M.`-like abbreviation with its dot) before `start`, separated by blanks only.
fn prev_word(text: &str, start: usize) -> Option<Span> {
    let before = text.get(..start)?;
    // ASCII blanks and word bytes byte by byte; from the first non-ASCII byte on, the general
    // char loop takes over where the byte loop stopped.
    let bytes = before.as_bytes();
    let mut t = bytes.len();
    while t > 0 && matches!(bytes[t - 1], b' ' | b'\t') {
        t -= 1;
    }
    let trimmed = match t.checked_sub(1).map(|k| bytes[k]) {
        Some(b) if b >= 0x80 => before[..t].trim_end_matches(is_blank),
        _ => &before[..t],
    };
    if trimmed.len() == before.len() {
        return None;
    }
    let core = trimmed.strip_suffix('.').unwrap_or(trimmed);
    let cb = core.as_bytes();
    let mut s = cb.len();
    while s > 0 && ASCII_WORD_OR_HYPHEN[usize::from(cb[s - 1])] {
        s -= 1;
    }
    if s > 0 && cb[s - 1] >= 0x80 {
        s = core[..s].char_indices().rev().take_while(|&(_, c)| is_word(c) || c == '-').last().map_or(s, |(i, _)| i);
    }
    if s == cb.len() {
        return None;
    }
    Some(Span::new(s, trimmed.len()))
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() >= 2
}

/// The determiner and modifier before a role phrase starting at `start`: the new start of the
/// mention and the modifier. Never goes back before `floor` (the end of the previous mention).
fn role_prefix(text: &str, start: usize, floor: usize) -> (usize, Modifier) {
    let mut s = start;
    let mut modifier = Modifier::None;
    let before = &text[..start];
    // `ex-président`: the hyphen is glued.
    if let Some(c) = before.chars().next_back() {
        if c == '-' || is_dash(c) {
            let head = &before[..before.len() - c.len_utf8()];
            if ends_with_word(head, "ex") && head.len() - 2 >= floor {
                s = head.len() - 2;
                modifier = Modifier::Former;
            }
        }
    }
    if modifier == Modifier::None {
        if let Some(w) = prev_word(text, s).filter(|w| w.start >= floor) {
            let word = &text[w.range()];
            if in_list(word, INCOMING) {
                s = w.start;
                modifier = Modifier::Incoming;
            } else if in_list(word, FORMER) {
                s = w.start;
                modifier = Modifier::Former;
            }
        }
    }
    // `l'` glued by an apostrophe.
    let before = &text[..s];
    if let Some(c) = before.chars().next_back() {
        if is_apostrophe(c) {
            let head = &before[..before.len() - c.len_utf8()];
            if ends_with_word(head, "l") && head.len() > floor {
                return (head.len() - 1, modifier);
            }
        }
    }
    if let Some(w) = prev_word(text, s).filter(|w| w.start >= floor) {
        if in_list(&text[w.range()], DETERMINERS) {
            s = w.start;
        }
    }
    (s, modifier)
}

/// Whether `word` lower-cased is in `list` (lowercase ASCII words without `k`), without
/// allocating: the only non-ASCII character whose lowercase is ASCII is the Kelvin sign (`k`;
/// a test checks it), so comparing ASCII case-insensitively is the same.
fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether `[s, e)` overlaps a draft (drafts sorted by start, without overlap).
fn overlapping(drafts: &[Draft], s: usize, e: usize) -> std::ops::Range<usize> {
    let lo = drafts.partition_point(|d| d.span.end <= s);
    let hi = drafts.partition_point(|d| d.span.start < e);
    lo..hi.max(lo)
}

/// [`overlapping`] for a caller that visits spans left to right: `lo` is its cursor, the
/// first draft that ends after `s`, moved forward here. Two binary searches per capitalised
/// word over a megabyte of drafts missed the cache at every step.
fn overlapping_from(drafts: &[Draft], lo: &mut usize, s: usize, e: usize) -> std::ops::Range<usize> {
    while drafts.get(*lo).is_some_and(|d| d.span.end <= s) {
        *lo += 1;
    }
    let n = drafts.get(*lo..).unwrap_or_default().iter().take_while(|d| d.span.start < e).count();
    *lo..*lo + n
}

/// The words of `s` joined by single spaces.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(is_blank).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The words of a name, on the stack (one name per capitalised word that may start one):
/// at most six, since [`name_words`] may add a particle and the word after it to four words.
#[derive(Clone, Copy, Debug)]
struct NameWords {
    buf: [Span; 6],
    len: usize,
}

impl NameWords {
    fn push(&mut self, w: Span) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = w;
            self.len += 1;
        }
    }
}

impl std::ops::Deref for NameWords {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        &self.buf[..self.len]
    }
}

/// A capitalised name sequence from `first`: capitalised words and particles, blank-separated,
/// at most five words (six when the fifth is a particle). Returns the words.
/// Words that open sentences rather than continue a name after an initial (`Kévin D. Le
/// lendemain, …`).
const SENTENCE_STARTERS: &[&str] = &[
    "Le", "La", "Les", "L", "Un", "Une", "Il", "Elle", "Ils", "Elles", "On", "Ce", "Cette", "Ces", "Mais", "Et",
    "Puis", "Selon", "Pour", "Dans", "En", "Au", "Aux", "Du", "Des", "De", "Son", "Sa", "Ses", "Leur", "Lors",
    "Depuis", "Après", "Avant", "Si", "Quand", "Alors", "Ainsi",
];

/// The words of the name starting with `first`: capitalised words and particles; with
/// `initials` (the first word is a known first name), an initial and its dot as well.
fn name_words(text: &str, first: Span, initials: bool) -> NameWords {
    let mut words = NameWords { buf: [first; 6], len: 1 };
    let mut end = first.end;
    while words.len() < 5 {
        let Some(w) = next_word(text, end) else { break };
        let word = &text[w.range()];
        if is_capitalized(word) {
            words.push(w);
            end = w.end;
            continue;
        }
        // An initial with its dot after the first name: the surname of an anonymised person in
        // court and crime reporting (`Kévin D.`), or a middle initial (`Paul J. Martin`) when a
        // name, not the next sentence, follows.
        // (Not `M.`, the title of the next name: `… Guy Hosneld M. Hosneld`.)
        let initial = word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()) && word != "M";
        if initials && initial && text[w.end..].starts_with('.') {
            words.push(Span::new(w.start, w.end + 1));
            end = w.end + 1;
            match next_word(text, end) {
                Some(n) if is_capitalized(&text[n.range()]) && !SENTENCE_STARTERS.contains(&&text[n.range()]) => {
                    continue
                }
                _ => break,
            }
        }
        // A particle counts only when a capitalised word follows it.
        let particle = PARTICLES.contains(&word) || word.starts_with("al-") || word.starts_with("el-");
        if particle && word.contains('-') && word.rsplit('-').next().is_some_and(is_capitalized) {
            words.push(w);
            end = w.end;
            continue;
        }
        if particle {
            if let Some(n) = next_word(text, w.end) {
                if is_capitalized(&text[n.range()]) {
                    words.push(w);
                    words.push(n);
                    end = n.end;
                    continue;
                }
            }
        }
        break;
    }
    words
}

/// The capitalised words of `text` (a word start whose first character is an uppercase
/// letter), in order.
#[inline(never)]
fn capitalized_words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            i = next_stop(bytes, i);
            if i >= bytes.len() {
                break;
            }
            let at = i;
            let c = match text.get(at..).and_then(|r| r.chars().next()) {
                Some(c) => c,
                None => {
                    i += 1;
                    continue;
                }
            };
            i += c.len_utf8();
            // U+0080..U+00BF (no-break space, `«`, `»`) and U+2000..U+206F (general
            // punctuation: `’`, dashes, narrow spaces) hold no capital: no table lookup.
            let punctuation = c < 'À' || ('\u{2000}'..='\u{206F}').contains(&c);
            if !(c.is_ascii_uppercase() || (!punctuation && c.is_uppercase())) {
                continue;
            }
            let after_word = match at.checked_sub(1).map(|k| bytes[k]) {
                Some(b) if b < 0x80 => b.is_ascii_alphanumeric(),
                _ => text[..at].chars().next_back().is_some_and(is_word),
            };
            if after_word {
                continue;
            }
            let e = word_end(text, at);
            i = e.max(i);
            return Some(Span::new(at, e));
        }
        None
    })
}

/// The first byte at or after `i` that may start a capital letter: an ASCII capital or a
/// non-ASCII lead byte, except `à`..`ÿ` (`C3 A0`..`C3 BF`: lowercase letters and `÷`, most of
/// the non-ASCII letters of French text), which are skipped whole. `bytes.len()` if none.
///
/// Eight bytes at a time (SWAR): per byte of a little-endian `u64`, exact masks (no carry
/// crosses a byte) of the ASCII capitals, of the bytes `C0`..`FF`, and of the `C3` bytes whose
/// next byte is `A0`..`FF` (read from the same word shifted by one byte). The tail, and what
/// follows a skipped `C3`, go through the byte loop; a test compares both with each other.
#[inline]
fn next_stop(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7F;
    loop {
        while let Some(chunk) = bytes.get(i..i + 9) {
            let mut w = [0; 8];
            w.copy_from_slice(&chunk[..8]);
            let x = u64::from_le_bytes(w);
            if x & HIGH == 0 {
                // Eight ASCII bytes (most groups): the capitals alone.
                let upper = (x + ONES * (0x80 - 0x41)) & !(x + ONES * (0x7F - 0x5A)) & HIGH;
                if upper != 0 {
                    return i + (upper.trailing_zeros() / 8) as usize;
                }
                i += 8;
                continue;
            }
            w.copy_from_slice(&chunk[1..]);
            let y = u64::from_le_bytes(w);
            let t = x & LOW7;
            // `A`..`Z`: at least 0x41 and not above 0x5A, high bit clear.
            let upper = (t + ONES * (0x80 - 0x41)) & !(t + ONES * (0x7F - 0x5A)) & !x & HIGH;
            // `C0`..`FF`: the two top bits set.
            let lead = x & (x << 1) & HIGH;
            // `C3` bytes (exact zero-byte test of `x ^ C3…`) before a byte `A0`..`FF`.
            let z = x ^ (ONES * 0xC3);
            let c3 = !(((z & LOW7) + LOW7) | z) & HIGH;
            let next_a0 = y & ((y << 1) | (y << 2)) & HIGH;
            let stop = upper | (lead & !(c3 & next_a0));
            if stop != 0 {
                return i + (stop.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        let rest = bytes.get(i..).unwrap_or_default();
        i += rest.iter().position(|&b| b.is_ascii_uppercase() || b >= 0xC0).unwrap_or(rest.len());
        if bytes.get(i) == Some(&0xC3) && bytes.get(i + 1).is_some_and(|&n| n >= 0xA0) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Every mention, from the raw matches.
pub(crate) fn mentions(inner: &Inner, text: &str, raw: &[RawMatch], date: Option<Date>) -> Vec<Mention> {
    let mut drafts: Vec<Draft> = Vec::with_capacity(raw.len());
    let mut floor = 0;
    // Roles in predicate position: not mentions, but what they contain may be.
    let mut functions: Vec<Span> = Vec::new();
    for r in raw {
        match r.target {
            Target::Entity(i) => {
                if inside_proper_compound(text, r.span.start, floor) {
                    floor = r.span.end;
                    continue;
                }
                let e = &inner.entities[i as usize];
                // A proper name found as one all-lowercase word is a common word that folds to
                // it (`le moustique tigre` is not `Tigré`); descriptions the data gives in
                // lowercase (`armée israélienne` for Tsahal) and names written lowercase
                // (`agence régionale de santé`) are not concerned.
                let surface = &text[r.span.range()];
                if e.name().starts_with(char::is_uppercase)
                    && !surface.contains(is_blank)
                    && !surface.chars().any(char::is_uppercase)
                {
                    floor = r.span.end;
                    continue;
                }
                drafts.push(Draft {
                    span: r.span,
                    kind: e.kind(),
                    entity: Some(i),
                    name: None,
                    gender: None,
                    role: None,
                    nominal: false,
                });
            }
            Target::Role(ri) => {
                let role = &inner.roles[ri as usize];
                let (start, modifier) = role_prefix(text, r.span.start, floor);
                if start == r.span.start && modifier == Modifier::None && names_a_function(text, start) {
                    functions.push(r.span);
                    floor = r.span.end;
                    continue;
                }
                let h = holder(&role.terms, date, modifier);
                drafts.push(Draft {
                    span: Span::new(start, r.span.end),
                    kind: role.kind,
                    entity: h,
                    name: None,
                    gender: None,
                    role: Some(ri),
                    nominal: false,
                });
            }
        }
        floor = r.span.end;
    }
    if !functions.is_empty() {
        inside_functions(inner, text, &functions, &mut drafts);
    }
    counterparts(inner, text, raw, date, &mut drafts);
    // The capitalised words of the text, for the names passes and the name shapes alike.
    // About one capitalised word per 45 bytes of news: one allocation instead of doublings.
    let mut capitalized: Vec<Span> = Vec::new();
    if inner.unlinked_names {
        capitalized.reserve(text.len() / 32);
        capitalized.extend(capitalized_words(text));
        unlinked(inner, text, &capitalized, &mut drafts);
    }
    appositions(text, &mut drafts);
    if inner.unlinked_names {
        shapes::by_head(text, &capitalized, &mut drafts);
        shapes::titled_appositions(text, &mut drafts);
    }
    drafts
        .into_iter()
        .map(|d| Mention {
            span: d.span,
            kind: d.kind,
            entity: d.entity.map(|i| inner.entities[i as usize].clone()),
            name: d.name,
            gender: d.gender,
            nominal: d.role.is_some() || d.nominal,
            role: d.role.map(|r| inner.roles[r as usize].id.clone()),
        })
        .collect()
}

/// Whether a match at `start` is the end of a capitalised compound no entry knows (`Lyon` in
/// `Vieux-Lyon`, `Denis` in `Saint-Denis`): glued by a hyphen to a capitalised word that is not
/// itself a match (`Paris-Berlin` is two matches: the previous one ends at the hyphen, at or
/// after `floor`). Lowercase prefixes (`anti-Trump`, `ex-URSS`) are no compound.
fn inside_proper_compound(text: &str, start: usize, floor: usize) -> bool {
    let Some(head) = text[..start].strip_suffix('-') else { return false };
    if floor == head.len() {
        return false;
    }
    let word_start = head.char_indices().rev().take_while(|&(_, c)| is_word(c)).last().map_or(head.len(), |(i, _)| i);
    head[word_start..].chars().next().is_some_and(char::is_uppercase)
}

/// `son homologue américain`, `son futur homologue russe`: the counterpart of the role last
/// named before, in the country the adjective names. After `le président russe`,
/// `son homologue américain` is read as `président américain`; the phrase is looked up among
/// the role aliases and resolved like one (with its determiner and modifier). Nothing is
/// reported when no role precedes or when the rebuilt phrase is not a role.
/// How far back (bytes) `son homologue` looks for the role it mirrors.
const COUNTERPART_REACH: usize = 5_000;

#[inline(never)]
fn counterparts(inner: &Inner, text: &str, raw: &[RawMatch], date: Option<Date>, drafts: &mut Vec<Draft>) {
    // One pass for `homologue` and `Homologue`.
    const TAIL: &str = "omologue";
    let mut found = Vec::new();
    // SIMD search (`omologue` cannot overlap itself: the same positions as `match_indices`).
    for tail in memchr::memmem::find_iter(text.as_bytes(), TAIL) {
        if tail == 0 || !matches!(text.as_bytes()[tail - 1], b'h' | b'H') {
            continue;
        }
        let at = tail - 1;
        let end = tail + TAIL.len();
        if text[..at].chars().next_back().is_some_and(is_word) {
            continue;
        }
        let Some(adj) = next_word(text, end) else { continue };
        let adjective = &text[adj.range()];
        if !adjective.chars().next().is_some_and(char::is_lowercase) || adjective.chars().count() < 4 {
            continue;
        }
        // The last role phrase before, within the few paragraphs a reader keeps in mind: its
        // words but the last (the nationality adjective). The raw matches are in text order and
        // do not overlap, so the candidates are found by two binary searches (a scan from the
        // end of the text was quadratic on long texts).
        let window = &raw
            [raw.partition_point(|r| r.span.end + COUNTERPART_REACH < at)..raw.partition_point(|r| r.span.start < at)];
        let Some(prev) = window.iter().rev().find(|r| r.span.end <= at && matches!(r.target, Target::Role(_))) else {
            continue;
        };
        let phrase = &text[prev.span.range()];
        let Some(cut) = phrase.rfind(is_blank) else { continue };
        let rebuilt = format!("{} {}", &phrase[..cut], adjective);
        let f = super::fold::fold(&rebuilt);
        let mut hits = Vec::new();
        inner.matcher.find_all(&rebuilt, &f, &mut hits);
        let [hit] = hits[..] else { continue };
        let Target::Role(ri) = hit.target else { continue };
        if hit.span != Span::new(0, rebuilt.len()) || !overlapping(drafts, at, adj.end).is_empty() {
            continue;
        }
        let floor = drafts.get(drafts.partition_point(|d| d.span.start < at).wrapping_sub(1)).map_or(0, |d| d.span.end);
        let (start, modifier) = role_prefix(text, at, floor);
        let role = &inner.roles[ri as usize];
        found.push(Draft {
            span: Span::new(start, adj.end),
            kind: role.kind,
            entity: holder(&role.terms, date, modifier),
            name: None,
            gender: None,
            role: Some(ri),
            nominal: false,
        });
    }
    if !found.is_empty() {
        drafts.extend(found);
        drafts.sort_by_key(|d| d.span.start);
    }
}

/// A role followed by a person's name, directly (`le président russe Vladimir Poutine`) or in
/// apposition (`la ministre des Armées, Florence Parly`), refers to that person; so does a role
/// in apposition after the name (`Amadou Ba, Premier ministre,`, `Édouard Philippe, ancien
/// Premier ministre`, `Michel Barnier, le Premier ministre, …`), whoever holds the role at the
/// date. After a name, a role with a definite article must close its apposition (a comma, a
/// full stop, a parenthesis), since `A, le Premier ministre et B` is a list; one with a
/// possessive or demonstrative (`Macron, son Premier ministre`) names someone else.
#[inline(never)]
fn appositions(text: &str, drafts: &mut [Draft]) {
    for i in 0..drafts.len().saturating_sub(1) {
        // (Most pairs are neither a role and a name nor a name and a role: no gap to read.)
        let (a, b) = (&drafts[i], &drafts[i + 1]);
        if !((a.role.is_some() && b.is_person_name()) || (a.is_person_name() && b.role.is_some())) {
            continue;
        }
        let gap = &text[drafts[i].span.end..drafts[i + 1].span.start];
        let gap = gap.trim_matches(is_blank);
        let (from, to) = if drafts[i].role.is_some() && drafts[i + 1].is_person_name() {
            if !(gap.is_empty() || gap == ",") {
                continue;
            }
            (i + 1, i)
        } else if drafts[i].is_person_name()
            && drafts[i].has_referent()
            && drafts[i + 1].role.is_some()
            && gap == ","
            && role_after_name_is_apposition(text, drafts[i + 1].span)
        {
            (i, i + 1)
        } else {
            continue;
        };
        let (entity, name, gender) = (drafts[from].entity, drafts[from].name.clone(), drafts[from].gender);
        let d = &mut drafts[to];
        d.entity = entity;
        d.name = name;
        d.gender = gender;
    }
}

/// Whether the role mention `span`, right after `Name,`, is in apposition to that name (see
/// [`appositions`]).
fn role_after_name_is_apposition(text: &str, span: Span) -> bool {
    let mention = &text[span.range()];
    let first = mention.split(|c: char| !is_word(c)).next().unwrap_or("");
    let glued_article = mention.len() > first.len()
        && first.eq_ignore_ascii_case("l")
        && mention[first.len()..].chars().next().is_some_and(is_apostrophe);
    if in_list(first, &["son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "ce", "cet", "cette"]) {
        return false;
    }
    if !(glued_article || in_list(first, &["le", "la", "les"])) {
        return true;
    }
    let after = text[span.end..].trim_start_matches(is_blank);
    after.is_empty() || after.starts_with([',', '.', ';', ')', '\n'])
}

/// Whether a role phrase starting at `start`, with no determiner, stands in predicate position
/// and so names a function rather than a person: after a copula or a verb of appointment
/// (`est devenu Premier ministre`, `n'était encore que porte-parole du gouvernement`, `pourrait
/// être nommé Premier ministre`, `en tant que président`) or after a noun of office (`le poste
/// de Premier ministre`, `l'élection du président de l'Assemblée`). A few adverbs may come
/// between (`alors`, `encore`, `déjà` …).
fn names_a_function(text: &str, start: usize) -> bool {
    // Word lists, lowercase, separated by spaces.
    const ADVERBS: &str = "alors encore deja déjà aussi toujours desormais désormais brièvement brievement pas plus \
        jamais seulement bientot bientôt ensuite officiellement finalement";
    const COPULAS: &str = "est était etait étaient etaient sont sera seront serait seraient fut furent soit être \
        etre été ete devient deviennent deviendra deviendrait devenir devenu devenue devenus devenues redevenu \
        redevenue redevient nommé nommée nommés nommées élu élue élus élues réélu réélue désigné désignée désignés \
        reconduit reconduite investi investie proclamé proclamée comme que";
    const OFFICES: &str = "poste postes fonction fonctions rôle role titre élection election";
    let listed = |list: &str, word: &str| list.split_ascii_whitespace().any(|w| w == word);
    let lower = |w: Span| text[w.range()].to_lowercase();
    let before = &text[..start];
    // `le poste d'ambassadeur`: `d'` is glued to the role.
    let glued_de = before
        .strip_suffix(is_apostrophe)
        .and_then(|h| h.strip_suffix(['d', 'D']))
        .filter(|h| !h.chars().next_back().is_some_and(is_word));
    if let Some(head) = glued_de {
        return prev_word(text, head.len()).is_some_and(|w| listed(OFFICES, &lower(w)));
    }
    let mut w = prev_word(text, start);
    for _ in 0..2 {
        match w {
            Some(x) if listed(ADVERBS, &lower(x)) => w = prev_word(text, x.start),
            _ => break,
        }
    }
    let Some(w) = w else { return false };
    let word = lower(w);
    if listed(COPULAS, &word) {
        return true;
    }
    matches!(word.as_str(), "de" | "du") && prev_word(text, w.start).is_some_and(|o| listed(OFFICES, &lower(o)))
}

/// The entities inside role phrases dropped as functions (`l'élection du président de
/// l'Assemblée nationale`: the Assemblée is still named), found after the role's first word.
fn inside_functions(inner: &Inner, text: &str, functions: &[Span], drafts: &mut Vec<Draft>) {
    let mut hits = Vec::new();
    for span in functions {
        let phrase = &text[span.range()];
        let skip = phrase.find(|c: char| !is_word(c)).unwrap_or(phrase.len());
        let rest = &phrase[skip..];
        hits.clear();
        inner.matcher.find_all(rest, &super::fold::fold(rest), &mut hits);
        for h in &hits {
            if let Target::Entity(i) = h.target {
                let at = span.start + skip;
                drafts.push(Draft {
                    span: Span::new(at + h.span.start, at + h.span.end),
                    kind: inner.entities[i as usize].kind(),
                    entity: Some(i),
                    name: None,
                    gender: None,
                    role: None,
                    nominal: false,
                });
            }
        }
    }
    drafts.sort_by_key(|d| d.span.start);
}

/// A referent known by its surname within a document: entity, display name, gender, and the
/// offset from which later mentions link to it.
type Known = (Option<u32>, Option<Arc<str>>, Option<Gender>, usize);

/// Surnames of the document: folded key → referent, and the first words of the surnames as
/// written (a cheap filter before folding a candidate).
///
/// The keys are [`crate::typography::fold_key`] as bytes, computed by the matcher's copy of the
/// fold in reused buffers ([`super::fold::with_folded`]: the same folded text, without the
/// allocations of an offset map and a `String` per lookup).
///
/// A surface added again (the same person named in full several times) changes nothing, since
/// the first referent of a key stays: `seen` skips its folding.
#[derive(Default)]
struct Surnames<'t> {
    keys: WordMap<Vec<u8>, Known>,
    first_words: WordMap<String, ()>,
    /// Per first byte of a word of `first_words`: bit `min(length, 31)` set (most capitalised
    /// words are no such word: no hashing).
    first_shapes: FirstShapes,
    seen: WordMap<&'t str, ()>,
}

/// [`crate::typography::fold_key`] of `surface`, as bytes, given to `f`.
fn with_key<R>(surface: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    super::fold::with_folded(surface, |folded| {
        let key = folded.folded.as_slice();
        let start = key.iter().position(|&b| b != b' ').unwrap_or(key.len());
        let end = key.iter().rposition(|&b| b != b' ').map_or(start, |i| i + 1);
        f(&key[start..end])
    })
}

/// See [`Surnames::first_shapes`].
struct FirstShapes([u32; 256]);

impl Default for FirstShapes {
    fn default() -> FirstShapes {
        FirstShapes([0; 256])
    }
}

impl<'t> Surnames<'t> {
    /// Whether `word` is the first word of a surname.
    #[inline]
    fn may_start(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&b| self.first_shapes.0[usize::from(b)] & (1 << word.len().min(31)) != 0)
            && self.first_words.contains_key(word)
    }

    fn add(&mut self, surface: &'t str, known: Known) {
        if self.seen.insert(surface, ()).is_some() {
            return;
        }
        let Some(first) = surface.split(is_blank).find(|w| !w.is_empty()) else { return };
        if !self.first_words.contains_key(first) {
            self.first_words.insert(first.to_string(), ());
            self.first_shapes.0[usize::from(first.as_bytes()[0])] |= 1 << first.len().min(31);
        }
        with_key(surface, |key| {
            if !self.keys.contains_key(key) {
                self.keys.insert(key.to_vec(), known);
            }
        });
    }

    fn get(&self, text: &str, words: &[Span]) -> Option<(usize, &Known)> {
        let first = &text[words.first()?.range()];
        if !self.may_start(first) {
            return None;
        }
        (1..=words.len().min(3)).rev().find_map(|n| {
            let e = words[n - 1].end;
            with_key(&text[words[0].start..e], |key| self.keys.get(key)).map(|k| (e, k))
        })
    }
}

/// Persons not in the gazetteer, then later mentions of any person's surname.
#[inline(never)]
fn unlinked<'t>(inner: &Inner, text: &'t str, capitalized: &[Span], drafts: &mut Vec<Draft>) {
    let mut surnames: Surnames<'t> = Surnames::default();
    // Surnames of gazetteer persons named in full (`Hillary Clinton` → `Clinton`).
    for d in drafts.iter().filter(|d| d.is_person_name() && d.entity.is_some()) {
        let surface = &text[d.span.range()];
        let Some(first) = surface.split(is_blank).find(|w| !w.is_empty()) else { continue };
        if !inner.firstnames.contains_key(first) {
            continue;
        }
        let rest = surface[first.len()..].trim_matches(is_blank);
        if !rest.is_empty() {
            surnames.add(rest, (d.entity, None, None, d.span.end));
        }
    }
    // Gazetteer drafts stay sorted; the ones a longer name covers are marked removed, the new
    // ones go to `added` (in text order) and everything is merged at the end.
    let mut removed = vec![false; drafts.len()];
    let mut added: Vec<Draft> = Vec::new();
    let mut resume = 0;
    let mut lo = 0;
    // Both passes below (new names, later surnames) visit the same capitalised words.
    for &w in capitalized {
        if w.start < resume {
            continue;
        }
        let word = &text[w.range()];
        // An initial (`J.`) is not a name by itself.
        if word.chars().next().map_or(0, char::len_utf8) == word.len() {
            continue;
        }
        // An acronym before a name is a party or a body, not the first word of the name (`le
        // député LFI Paul Vannier`): the name starts after it.
        // (A name written in capitals, `Mme LE PEN`, is no acronym before a name.)
        if (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase()) {
            let next = text[w.end..].trim_start_matches(is_blank);
            let next_word: &str = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            if next_word.chars().next().is_some_and(char::is_uppercase) && next_word.chars().any(char::is_lowercase) {
                continue;
            }
        }
        let prev = prev_word(text, w.start).map(|p| &text[p.range()]);
        let before = prev.and_then(before_word);
        if matches!(before, Some(Before::Place)) {
            continue;
        }
        // The part before the first hyphen (a byte loop: the words are short, `memchr` costs
        // more to set up).
        let first_part = word.as_bytes().iter().position(|&b| b == b'-').map_or(word, |k| &word[..k]);
        let firstname =
            inner.firstnames.get(word).copied().or_else(|| {
                (first_part.len() < word.len()).then(|| inner.firstnames.get(first_part).copied()).flatten()
            });
        let title = match before {
            Some(Before::Title(g)) => Some(g),
            _ => None,
        };
        // An apposition after a role: `le porte-parole du Kremlin, Dmitri Peskov`.
        let after_role = || {
            // (Most capitalised words follow an ASCII byte other than a comma, after ASCII
            // blanks: no apposition, without trimming char by char.)
            let bytes = text.as_bytes();
            let mut t = w.start;
            while t > 0 && matches!(bytes[t - 1], b' ' | b'\t') {
                t -= 1;
            }
            if t > 0 && bytes[t - 1] < 0x80 && bytes[t - 1] != b',' {
                return false;
            }
            let before = text[..w.start].trim_end_matches(is_blank);
            before.strip_suffix(',').is_some_and(|b| {
                let end = b.trim_end_matches(is_blank).len();
                let i = drafts.partition_point(|d| d.span.end < end);
                drafts.get(i).is_some_and(|d| d.role.is_some() && d.span.end == end)
            })
        };
        if firstname.is_none() && title.is_none() && !after_role() {
            continue;
        }
        let words = name_words(text, w, firstname.is_some());
        let need = if title.is_some() { 1 } else { 2 };
        if words.len() < need {
            continue;
        }
        let s = w.start;
        let e = words[words.len() - 1].end;
        // Only the first name may overlap a gazetteer match (`Florence Parly`); a person the
        // gazetteer knows stays as it is, unless it was matched by its surname alone after
        // another first name: a namesake (`Claude Chirac`, `Melania Trump`). Spellings of one
        // first name (`Vladimir`/`Volodymyr`, `Sergei`/`Sergueï`) share their first letter.
        let ov = overlapping_from(drafts, &mut lo, s, e);
        let namesake = |d: &Draft| {
            firstname.is_some()
                && d.span.start >= w.end
                && d.entity.is_some_and(|i| {
                    let own = inner.entities[i as usize].name();
                    own.split(is_blank).next().is_some_and(|f| f.chars().next() != word.chars().next())
                })
        };
        let blocked = drafts[ov.clone()].iter().zip(&removed[ov.clone()]).any(|(d, &gone)| {
            !gone
                && (d.is_person_name() && !namesake(d)
                    || d.span.start < s
                    || d.span.end > e
                    || d.span.start >= w.end && !(d.is_person_name() && namesake(d)))
        });
        if blocked {
            continue;
        }
        // A title before a surname already known (`M. Lefebvre` after `Marc Lefebvre`).
        let known = surnames.get(text, &words).filter(|(end, k)| *end == e && k.3 <= s).map(|(_, k)| k.clone());
        let draft = match known {
            Some((entity, name, gender, _)) => Draft {
                span: Span::new(s, e),
                kind: EntityKind::Person,
                entity,
                name,
                gender,
                role: None,
                nominal: false,
            },
            None => {
                let gender = title.flatten().or(firstname.flatten());
                let display: Arc<str> = squash(&text[s..e]).into();
                // Surname: the words after a known first name, else all of them; and the last
                // word alone.
                let tail = match words.get(1) {
                    Some(second) if firstname.is_some() => second.start,
                    _ => s,
                };
                surnames.add(&text[tail..e], (None, Some(display.clone()), gender, e));
                surnames.add(&text[words[words.len() - 1].range()], (None, Some(display.clone()), gender, e));
                Draft {
                    span: Span::new(s, e),
                    kind: EntityKind::Person,
                    entity: None,
                    name: Some(display),
                    gender,
                    role: None,
                    nominal: false,
                }
            }
        };
        for gone in &mut removed[ov] {
            *gone = true;
        }
        added.push(draft);
        resume = e;
    }
    if !surnames.keys.is_empty() {
        // Later bare surnames: checked against the gazetteer drafts and the names just found.
        let mut later: Vec<Draft> = Vec::new();
        let mut resume = 0;
        // Cursors: words come left to right, so the drafts that might cover one do too.
        let (mut j, mut k) = (0, 0);
        for &w in capitalized {
            if w.start < resume {
                continue;
            }
            while drafts.get(j).is_some_and(|d| d.span.end <= w.start) {
                j += 1;
            }
            while added.get(k).is_some_and(|d| d.span.end <= w.start) {
                k += 1;
            }
            let covered = |ds: &[Draft], i: usize| ds.get(i).is_some_and(|d| d.span.start <= w.start);
            if (covered(drafts, j) && !removed[j]) || covered(&added, k) {
                continue;
            }
            if !surnames.may_start(&text[w.range()]) {
                continue;
            }
            let words = name_words(text, w, false);
            let Some((e, (entity, name, gender, from))) = surnames.get(text, &words) else { continue };
            let free = removed[overlapping_from(drafts, &mut j, w.start, e)].iter().all(|&gone| gone)
                && overlapping_from(&added, &mut k, w.start, e).is_empty();
            if w.start < *from || !free {
                continue;
            }
            later.push(Draft {
                span: Span::new(w.start, e),
                kind: EntityKind::Person,
                entity: *entity,
                name: name.clone(),
                gender: *gender,
                role: None,
                nominal: false,
            });
            resume = e;
        }
        added.extend(later);
    }
    if added.is_empty() {
        return;
    }
    let mut keep = removed.iter();
    drafts.retain(|_| !keep.next().copied().unwrap_or(false));
    drafts.extend(added);
    drafts.sort_by_key(|d| d.span.start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn holders() {
        // Terms: A until 2017-01-20, B from 2017-01-20 (handover day), C from 2021-01-20.
        let terms = [
            (0, d("2009-01-20"), Some(d("2017-01-20"))),
            (1, d("2017-01-20"), Some(d("2021-01-20"))),
            (2, d("2021-01-20"), None),
        ];
        // (date, modifier, expected holder) — each row names the rule it pins.
        const CASES: &[(&str, Modifier, Option<u32>)] = &[
            ("2016-11-14", Modifier::None, Some(0)),     // in office
            ("2017-01-20", Modifier::None, Some(1)),     // handover day: incoming
            ("2016-11-14", Modifier::Incoming, Some(1)), // next term within three months
            ("2016-06-01", Modifier::Incoming, None),    // next term too far: abstain
            ("2017-03-01", Modifier::Incoming, Some(1)), // "nouveau" who just took office
            ("2018-03-01", Modifier::Former, Some(0)),   // previous holder
            ("2005-03-01", Modifier::Former, None),      // nobody before
        ];
        for &(date, m, want) in CASES {
            assert_eq!(holder(&terms, Some(d(date)), m), want, "date {date} modifier {m:?}");
        }
        assert_eq!(holder(&terms, None, Modifier::None), None, "no date: abstain");
    }

    // (text, role phrase start, expected mention) — each row names the rule it pins.
    const PREFIX: &[(&str, &str, &str, Modifier)] = &[
        ("Le président russe", "président", "Le président russe", Modifier::None), // determiner included
        ("du président russe", "président", "président russe", Modifier::None),    // contracted article left out
        ("l’ex-président américain", "président", "l’ex-président américain", Modifier::Former), // ex- and elided article
        ("son futur homologue", "homologue", "son futur homologue", Modifier::Incoming), // possessive and modifier
        ("l'ancienne chancelière", "chancelière", "l'ancienne chancelière", Modifier::Former), // elision before modifier
        ("la nouvelle Première ministre", "Première", "la nouvelle Première ministre", Modifier::Incoming), // feminine
    ];

    #[test]
    fn role_prefixes() {
        for &(text, at, want, m) in PREFIX {
            let start = text.find(at).unwrap();
            let (s, got_m) = role_prefix(text, start, 0);
            assert_eq!((&text[s..], got_m), (want, m), "input {text:?}");
        }
    }

    #[test]
    fn fast_word_test_agrees_with_typography() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word(c), is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn word_lists_compare_as_ascii() {
        // `in_list` compares ASCII case-insensitively instead of lower-casing.
        for c in (0x80..0x11_0000).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            assert!(!lower.is_ascii() || c == '\u{212A}', "{c:?} lowercases to ASCII {lower:?}");
        }
        for w in INCOMING.iter().chain(FORMER).chain(DETERMINERS) {
            assert!(w.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'), "{w}");
            assert!(in_list(&w.to_uppercase(), &[w]), "{w}");
        }
    }

    #[test]
    fn punctuation_ranges_hold_no_capital() {
        // The ranges that `capitalized_words` rejects without `char::is_uppercase`.
        for c in ('\u{80}'..'À').chain('\u{2000}'..='\u{206F}') {
            assert!(!c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn before_word_table_keeps_every_word() {
        for (&w, b) in before_words() {
            assert_eq!(format!("{:?}", before_word(w)), format!("{:?}", Some(b)), "{w}");
        }
        for w in ["", "de", "le", "M", "Mm", "rues", "présidents", "x"] {
            assert!(before_word(w).is_none(), "{w}");
        }
    }

    #[test]
    fn word_hasher_tells_short_keys_apart() {
        use std::hash::BuildHasher;
        let b = std::hash::BuildHasherDefault::<WordHasher>::default();
        let words = ["", "a", "b", "ab", "ba", "abc", "acb", "abcd", "abce", "abcdefgh", "abcdefgi", "abcdefghi"];
        let mut hashes: Vec<u64> = words.iter().map(|w| b.hash_one(w)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
    }

    #[test]
    fn capitalized_word_scan() {
        let text = "Hier, Jean-Yves Le Drian et l'Élysée (É) à New-York.";
        let got: Vec<&str> = capitalized_words(text).map(|s| &text[s.range()]).collect();
        assert_eq!(got, ["Hier", "Jean-Yves", "Le", "Drian", "Élysée", "É", "New-York"]);
    }

    /// The word end, char by char (the reference for the ASCII fast path of [`word_end`]).
    fn word_end_naive(text: &str, i: usize) -> usize {
        let e = word_end_naive_plain(text, i);
        match breton_ch(text, i, e) {
            Some(h) => word_end_naive(text, h),
            None => e,
        }
    }

    fn word_end_naive_plain(text: &str, i: usize) -> usize {
        let mut end = i;
        let mut it = text[i..].char_indices().peekable();
        while let Some((k, c)) = it.next() {
            if is_word(c) {
                end = i + k + c.len_utf8();
            } else if c == '-' || c == '\u{2010}' || c == '\u{2011}' {
                match it.peek() {
                    Some(&(_, n)) if is_word(n) && end == i + k => continue,
                    _ => break,
                }
            } else {
                break;
            }
        }
        end
    }

    /// The capitalised words, char by char (the reference for the byte skips of
    /// [`capitalized_words`]).
    fn capitalized_words_naive(text: &str) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for (at, c) in text.char_indices() {
            if out.last().is_some_and(|w| at < w.end) || !c.is_uppercase() {
                continue;
            }
            if text[..at].chars().next_back().is_some_and(is_word) {
                continue;
            }
            out.push(Span::new(at, word_end_naive(text, at)));
        }
        out
    }

    /// The previous word, char by char (the reference for the byte loops of [`prev_word`]).
    fn prev_word_naive(text: &str, start: usize) -> Option<Span> {
        let before = text.get(..start)?;
        let trimmed = before.trim_end_matches(is_blank);
        if trimmed.len() == before.len() {
            return None;
        }
        let core = trimmed.strip_suffix('.').unwrap_or(trimmed);
        let s = core.char_indices().rev().take_while(|&(_, c)| is_word(c) || c == '-').last().map(|(i, _)| i)?;
        Some(Span::new(s, trimmed.len()))
    }

    /// The stops of [`next_stop`], byte by byte.
    fn next_stop_naive(bytes: &[u8], mut i: usize) -> usize {
        loop {
            let rest = bytes.get(i..).unwrap_or_default();
            i += rest.iter().position(|&b| b.is_ascii_uppercase() || b >= 0xC0).unwrap_or(rest.len());
            if bytes.get(i) == Some(&0xC3) && bytes.get(i + 1).is_some_and(|&n| n >= 0xA0) {
                i += 2;
            } else {
                return i;
            }
        }
    }

    /// The fast scans find the same words as char-by-char scans, at every position of `text`.
    fn scans_agree(text: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(capitalized_words(text).collect::<Vec<_>>(), capitalized_words_naive(text));
        for (i, _) in text.char_indices() {
            prop_assert_eq!(word_end(text, i), word_end_naive(text, i), "at {} of {:?}", i, text);
        }
        for i in 0..=text.len() {
            prop_assert_eq!(prev_word(text, i), prev_word_naive(text, i), "at {} of {:?}", i, text);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        // The eight-byte skip stops where the byte loop stops, from every offset.
        #[test]
        fn next_stop_equals_byte_loop(text in "[a-zA-Z@\\[`{ éèàçÉÀÇÿ÷×Ωω«»’\u{A0}\u{202F}0-9.,]{0,40}") {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                prop_assert_eq!(next_stop(bytes, i), next_stop_naive(bytes, i), "at {} of {:?}", i, text);
            }
        }

        #[test]
        fn next_stop_equals_byte_loop_any(text in any::<String>()) {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                prop_assert_eq!(next_stop(bytes, i), next_stop_naive(bytes, i), "at {} of {:?}", i, text);
            }
        }

        // The same on longer ASCII words (the eight-byte steps of `word_end` and `prev_word`).
        #[test]
        fn fast_scans_equal_naive_long_words(text in "[a-zA-Z0-9\\-]{0,20}[ .,]{0,2}[a-zA-Z0-9é\\-]{0,20}[ \t]{0,2}[A-Za-z0-9]{0,12}") {
            scans_agree(&text)?;
        }

        // The fast scans find the same words as char-by-char scans.
        #[test]
        fn fast_scans_equal_naive(text in "[a-zA-Zéèàç \t\u{A0}\u{202F}ÉÀÇÿ÷Ωω\\-\u{2011}'’0-9.,]{0,30}") {
            scans_agree(&text)?;
        }
    }
}
