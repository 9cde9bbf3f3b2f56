//! The alias matcher: a byte trie of the alias patterns over the match stream of
//! [`super::fold`], walked from the word starts whose first word (or first two words) could
//! start an alias, with whole-word and case checks on the original text.
//!
//! Semantics (what the naive oracle in the tests implements): fold the text; at every folded
//! position from left to right, take the longest alias key that is spelled there and is
//! *accepted* (whole word in the folded text and in the original, case rule of the alias); report
//! it and go on after its end, or else go on at the next position.

use std::collections::HashMap;

use super::fold::{
    fold, fold_ascii, fold_latin, fold_latin2, is_word_byte, quick_class, with_folded, CharClass, CharFold, FoldedText,
    MARK,
};
use super::names::is_word;
use crate::typography::is_dash;
use crate::Span;

/// What an alias points to.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Target {
    /// An entry, by index.
    Entity(u32),
    /// A role, by index.
    Role(u32),
}

#[derive(Clone, Debug)]
pub(crate) struct AliasTarget {
    pub(crate) target: Target,
    /// `Some(alias)` when the alias only matches as written (acronyms).
    pub(crate) exact: Option<Box<str>>,
}

#[derive(Clone, Debug)]
pub(crate) struct Key {
    pub(crate) folded: Box<[u8]>,
    /// Most recently given first: the first one whose case rule holds wins.
    pub(crate) targets: Vec<AliasTarget>,
}

/// A raw alias match on the original text.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct RawMatch {
    pub(crate) span: Span,
    pub(crate) target: Target,
}

/// Why an alias cannot be used.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) enum AliasError {
    Empty,
    BadStart,
}

/// A folded alias key and its case rule.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) struct CompiledAlias {
    pub(crate) key: Vec<u8>,
    pub(crate) exact: Option<Box<str>>,
}

/// Whether an alias written this way is an acronym (at most five characters, letters all
/// capitals, at least one letter): those match case-sensitively by default.
fn is_acronym(alias: &str) -> bool {
    let n = alias.chars().count();
    n <= 5 && alias.chars().any(char::is_alphabetic) && !alias.chars().any(char::is_lowercase)
}

/// Folds an alias into its key; `~` prefix forces case-insensitive, `=` case-sensitive.
pub(crate) fn compile_alias(alias: &str) -> Result<CompiledAlias, AliasError> {
    let alias = alias.trim();
    let (body, exact) = if let Some(rest) = alias.strip_prefix('~') {
        (rest.trim(), false)
    } else if let Some(rest) = alias.strip_prefix('=') {
        (rest.trim(), true)
    } else {
        (alias, is_acronym(alias))
    };
    let f = fold(body);
    let mut key = f.folded;
    while key.last() == Some(&b' ') {
        key.pop();
    }
    let lead = key.iter().take_while(|&&b| b == b' ').count();
    key.drain(..lead);
    match key.first() {
        None => Err(AliasError::Empty),
        Some(&b) if !is_word_byte(b) => Err(AliasError::BadStart),
        Some(_) => Ok(CompiledAlias { key, exact: exact.then(|| body.into()) }),
    }
}

/// The compiled matcher.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    /// The trie of the stream patterns, walked from each candidate word start.
    trie: Trie,
    /// The node after the word-start marker and one more byte, by that byte (`u32::MAX`: none).
    second: Box<[u32]>,
    keys: Vec<Key>,
    /// Per pattern: the keys with the same stream (itself first).
    same_stream: Vec<Vec<u32>>,
    /// Per pattern: whether it is one word (all word bytes after the marker) and the only key
    /// with that stream.
    plain: Vec<bool>,
    /// Bit set of the hashes of the first words of the keys (see [`first_word`]), indexed by
    /// the top bits of the hash.
    first_words: Box<[u64]>,
    /// 64 minus the number of bits of the index into `first_words`.
    shift: u32,
    /// The same for the first words of the keys of one word (see [`Matcher::find_lazy`]).
    one_word: Box<[u64]>,
    /// The same for the first two words of the keys of two words or more (see [`pair`]).
    pairs: Box<[u64]>,
    /// The first words of one to seven ASCII letters and digits of the keys, as a
    /// little-endian group (see [`WordHash`]), with the trie node after them, by open addressing
    /// on the top bits of the word's hash (`(0, _)`: empty).
    first_nodes: Box<[(u64, u32)]>,
    /// 64 minus the number of bits of the index into `first_nodes`.
    first_shift: u32,
}

/// Whether the hash `h` (all 64 bits) is in the bit set `set` indexed by its top bits.
#[inline]
fn in_set(set: &[u64], shift: u32, h: u64) -> bool {
    let h = h >> shift;
    set.get((h >> 6) as usize).is_some_and(|w| w & (1 << (h & 63)) != 0)
}

fn add_to_set(set: &mut [u64], shift: u32, h: u64) {
    let h = h >> shift;
    if let Some(w) = set.get_mut((h >> 6) as usize) {
        *w |= 1 << (h & 63);
    }
}

/// The table of [`Matcher::first_node`]: every first word of one to seven ASCII bytes (all
/// letters and digits: the word bytes of the stream below 0x80) and its trie node, at most
/// half full.
fn first_nodes(trie: &Trie, patterns: &[Vec<u8>]) -> (Box<[(u64, u32)]>, u32) {
    let mut words: Vec<u64> = patterns
        .iter()
        .filter_map(|p| {
            let body = p.get(1..).unwrap_or_default();
            let (_, n) = first_word(body);
            let word = &body[..n];
            if !(1..=7).contains(&n) || word.iter().any(|&b| b >= 0x80) {
                return None;
            }
            let mut g = [0u8; 8];
            g[..n].copy_from_slice(word);
            Some(u64::from_le_bytes(g))
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    let size = (2 * words.len()).next_power_of_two().max(2);
    let shift = 64 - size.trailing_zeros();
    let mut table = vec![(0u64, 0u32); size];
    for v in words {
        let bytes = v.to_le_bytes();
        let word = bytes.iter().copied().take_while(|&b| b != 0);
        let Some(node) = std::iter::once(MARK).chain(word).try_fold(0, |node, b| trie.step(node, b)) else {
            continue;
        };
        let mut i = (v.wrapping_mul(HASH_MUL) >> shift) as usize;
        while table[i].0 != 0 {
            i = (i + 1) & (size - 1);
        }
        table[i] = (v, node);
    }
    (table.into(), shift)
}

/// The hash of two consecutive words, from their [`first_word`] hashes.
#[inline]
fn pair(h1: u64, h2: u64) -> u64 {
    (h1.rotate_left(29) ^ h2).wrapping_mul(HASH_MUL)
}

/// Bits in [`Matcher::first_words`] per key (about 5 % false positives), within these bounds
/// (2 KiB to 512 KiB: 32 KiB for the built-in gazetteer, in the L1 or L2 cache).
const BITS_PER_KEY: usize = 16;
const MIN_BITS: usize = 1 << 14;
const MAX_BITS: usize = 1 << 22;

/// The hash of the word that starts at `bytes[0]` (the maximal run of word bytes, see
/// [`is_word_byte`]) and the offset just after it.
///
/// An accepted key at a word start spells the same first word as the text there: the byte after
/// the key's first word is a separator (in the key, hence in the text) or the end of the key
/// (and then the text has no word byte after it either). So a word whose hash is not in the
/// key set starts no match, and the trie need not be walked from it.
const HASH_MUL: u64 = 0x517c_c1b7_2722_0a95;

/// Per ASCII byte: the folded byte when it is a word byte (letters lower-cased, digits), else 0.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() {
            t[i] = c.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// For [`Matcher::walk_simple`]: the character at original offset `j`, when it folds to one
/// byte on its own: `Some(Some((folded byte, word byte, length in the original)))`,
/// `Some(None)` at the end of the text, `None` for anything else.
#[inline]
fn simple_at(bytes: &[u8], j: usize) -> Option<Option<(u8, bool, usize)>> {
    let Some(&c) = bytes.get(j) else { return Some(None) };
    if c < 0x80 {
        let f = fold_ascii(c);
        if f == 0 {
            // Two collapsible spaces in a row: the second one folds to nothing.
            if bytes.get(j + 1).is_some_and(|&n| n < 0x80 && fold_ascii(n) == 0) {
                return None;
            }
            return Some(Some((b' ', false, 1)));
        }
        return Some(Some((f, is_word_byte(f), 1)));
    }
    // `À`..`ſ` are two bytes, lead 0xC3..=0xC5.
    if !(0xC3..=0xC5).contains(&c) {
        return None;
    }
    let c1 = *bytes.get(j + 1)?;
    let ch = char::from_u32((u32::from(c & 0x1F) << 6) | u32::from(c1 & 0x3F))?;
    match fold_latin(ch) {
        0 => None,
        l => Some(Some((l, true, 2))),
    }
}

/// The state of [`Matcher::find_lazy`] besides its position.
struct Scratch {
    cf: CharFold,
    walk: Walk,
    ends: Vec<(usize, usize)>,
    /// A word start that may begin keys of two words or more, its word's hash and its
    /// [`Matcher::first_node`] group (0: none).
    pending: Option<(usize, u64, u64)>,
}

/// The folded bytes of the original text from a word start, made as far as a trie walk asks.
#[derive(Debug, Default)]
struct Walk {
    /// Original offset of the next character to fold.
    next: usize,
    in_space: bool,
    folded: Vec<u8>,
    /// Per folded byte: whether it is a word byte of the stream.
    word: Vec<bool>,
    /// Per folded byte: the original end of the character it comes from.
    char_end: Vec<usize>,
    /// For [`Matcher::walk_simple`]: (folded end, pattern, original end) of the keys walked.
    simple_ends: Vec<(usize, usize, usize)>,
    /// For [`Matcher::walk_simple`]: the folded bytes walked (one per character).
    simple_folded: Vec<u8>,
}

impl Walk {
    fn reset(&mut self, ws: usize) {
        self.next = ws;
        self.in_space = false;
        self.folded.clear();
        self.word.clear();
        self.char_end.clear();
    }

    fn push(&mut self, b: u8, word: bool) {
        self.folded.push(b);
        self.word.push(word);
        self.char_end.push(self.next);
    }

    /// Folds characters until there is a byte at `k`: `Some(false)` at the end of the text,
    /// `None` on a [`CharClass::Mixed`] character.
    #[inline]
    fn ensure(&mut self, text: &str, k: usize, cf: &mut CharFold) -> Option<bool> {
        let bytes = text.as_bytes();
        while self.folded.len() <= k {
            let Some(&c) = bytes.get(self.next) else { return Some(false) };
            if c < 0x80 {
                let f = fold_ascii(c);
                self.next += 1;
                if f == 0 {
                    if !self.in_space {
                        self.in_space = true;
                        self.push(b' ', false);
                    }
                } else {
                    self.in_space = false;
                    self.push(f, is_word_byte(f));
                }
                continue;
            }
            let ch = text.get(self.next..)?.chars().next()?;
            self.next += ch.len_utf8();
            let l = fold_latin(ch);
            if l != 0 {
                self.in_space = false;
                self.push(l, true);
                continue;
            }
            match cf.fold(ch) {
                CharClass::Invisible => {}
                CharClass::Space => {
                    if !self.in_space {
                        self.in_space = true;
                        self.push(b' ', false);
                    }
                }
                CharClass::Empty => self.in_space = false,
                CharClass::Mixed => return None,
                class @ (CharClass::Word | CharClass::NonWord) => {
                    self.in_space = false;
                    for &b in cf.bytes() {
                        self.push(b, class == CharClass::Word);
                    }
                }
            }
        }
        Some(true)
    }
}

/// The hash of the word that starts at `bytes[0]` (see [`WordHash`]) and its length.
#[inline]
fn first_word(bytes: &[u8]) -> (u64, usize) {
    let mut h = WordHash::default();
    let mut n = 0;
    for &b in bytes {
        if !is_word_byte(b) {
            break;
        }
        h.push(b);
        n += 1;
    }
    (h.finish(), n)
}

/// The hash of a word's folded bytes: taken eight at a time as a little-endian `u64` (the last
/// group padded with zeros; a word byte is never 0), each group mixed in by a multiplication.
/// The scan hashes most words with one multiplication this way (see [`Matcher::word_hash`]).
#[derive(Clone, Copy, Debug, Default)]
struct WordHash {
    h: u64,
    /// The bytes of the group being filled, the first one lowest.
    acc: u64,
    /// Number of bytes in `acc` (0..8).
    n: u32,
}

impl WordHash {
    #[inline]
    fn push(&mut self, b: u8) {
        self.acc |= u64::from(b) << (8 * self.n);
        self.n += 1;
        if self.n == 8 {
            self.h = (self.h ^ self.acc).wrapping_mul(HASH_MUL);
            self.acc = 0;
            self.n = 0;
        }
    }

    /// Appends the `k` bytes (1..=8) of `v`, the first one lowest, zeros above them.
    #[inline]
    fn push_group(&mut self, v: u64, k: u32) {
        self.acc |= v << (8 * self.n);
        let t = self.n + k;
        if t >= 8 {
            self.h = (self.h ^ self.acc).wrapping_mul(HASH_MUL);
            self.acc = v.checked_shr(8 * (8 - self.n)).unwrap_or(0);
            self.n = t - 8;
        } else {
            self.n = t;
        }
    }

    #[inline]
    fn finish(self) -> u64 {
        if self.n == 0 {
            self.h
        } else {
            (self.h ^ self.acc).wrapping_mul(HASH_MUL)
        }
    }
}

pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// Per byte of `x`: `0x80` where it is an ASCII letter or digit, else 0 (exact: no carry
/// crosses a byte).
#[inline]
pub(crate) fn ascii_word_mask(x: u64) -> u64 {
    let x7 = x & LOW7;
    let y = x7 | (ONES * 0x20);
    let letter = (y + ONES * (0x80 - 0x61)) & !(y + ONES * (0x7F - 0x7A));
    let digit = (x7 + ONES * (0x80 - 0x30)) & !(x7 + ONES * (0x7F - 0x39));
    (letter | digit) & !x & HIGH
}

impl Matcher {
    /// A matcher with no key.
    pub(crate) fn empty() -> Matcher {
        Matcher {
            trie: Trie::new(&[]),
            second: vec![u32::MAX; 256].into(),
            keys: Vec::new(),
            same_stream: Vec::new(),
            plain: Vec::new(),
            first_words: Box::new([]),
            shift: 63,
            one_word: Box::new([]),
            pairs: Box::new([]),
            first_nodes: vec![(0, 0)].into(),
            first_shift: 63,
        }
    }

    /// Builds the trie over the keys (each key's pattern is its match stream).
    pub(crate) fn new(keys: Vec<Key>) -> Result<Matcher, String> {
        if keys.is_empty() {
            return Ok(Matcher::empty());
        }
        let patterns: Vec<Vec<u8>> =
            keys.iter().map(|k| fold(std::str::from_utf8(&k.folded).unwrap_or_default()).stream).collect();
        // Only walks anchored at word starts are run (see `find_all`): a plain trie, which
        // builds several times faster than an Aho–Corasick automaton (no failure transitions).
        let trie = Trie::new(&patterns);
        let mut by_pattern: HashMap<&[u8], Vec<u32>> = HashMap::with_capacity(patterns.len());
        for (i, p) in patterns.iter().enumerate() {
            by_pattern.entry(p.as_slice()).or_default().push(i as u32);
        }
        let same_stream = patterns.iter().map(|p| by_pattern.get(p.as_slice()).cloned().unwrap_or_default()).collect();
        let bits = (patterns.len() * BITS_PER_KEY).next_power_of_two().clamp(MIN_BITS, MAX_BITS);
        let shift = 64 - bits.trailing_zeros();
        let mut first_words = vec![0u64; bits / 64].into_boxed_slice();
        for p in &patterns {
            let (h, _) = first_word(p.get(1..).unwrap_or_default());
            let h = h >> shift;
            first_words[(h >> 6) as usize] |= 1 << (h & 63);
        }
        let second = trie.step(0, MARK).map_or_else(|| vec![u32::MAX; 256].into(), |n| trie.dense(n));
        let plain = patterns
            .iter()
            .zip(&same_stream)
            .map(|(p, same): (&Vec<u8>, &Vec<u32>)| same.len() == 1 && p.iter().skip(1).all(|&b| is_word_byte(b)))
            .collect();
        let mut one_word = vec![0u64; bits / 64].into_boxed_slice();
        let mut pairs = vec![0u64; bits / 64].into_boxed_slice();
        for p in &patterns {
            let body = p.get(1..).unwrap_or_default();
            let (h1, n1) = first_word(body);
            // The second word: after the separators that follow the first.
            let rest = &body[n1..];
            let gap = rest.iter().take_while(|&&b| !is_word_byte(b)).count();
            match rest.get(gap..).filter(|r| !r.is_empty()) {
                None => add_to_set(&mut one_word, shift, h1),
                Some(r) => add_to_set(&mut pairs, shift, pair(h1, first_word(r).0)),
            }
        }
        let (first_nodes, first_shift) = first_nodes(&trie, &patterns);
        Ok(Matcher {
            trie,
            second,
            keys,
            same_stream,
            plain,
            first_words,
            shift,
            one_word,
            pairs,
            first_nodes,
            first_shift,
        })
    }

    /// The trie node after the marker and the word of group `v` (1..=7 ASCII letters and
    /// digits, lower-cased), when some key starts with that word.
    #[inline]
    fn first_node(&self, v: u64) -> Option<u32> {
        let mask = self.first_nodes.len() - 1;
        let mut i = (v.wrapping_mul(HASH_MUL) >> self.first_shift) as usize & mask;
        loop {
            let &(key, node) = self.first_nodes.get(i)?;
            if key == v {
                return Some(node);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of distinct folded keys.
    pub(crate) fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// Appends every accepted match of `text` to `out`, in order.
    ///
    /// Scans the original text (see [`Matcher::find_lazy`]); a text with a character whose fold
    /// mixes word and non-word bytes is folded whole and searched with [`Matcher::find_all`].
    pub(crate) fn find(&self, text: &str, out: &mut Vec<RawMatch>) {
        let n = out.len();
        if !self.find_lazy(text, out) {
            out.truncate(n);
            with_folded(text, |f| self.find_all(text, f, out));
        }
    }

    /// [`Matcher::find_all`] without folding the text first: the original text is scanned word
    /// by word (ASCII bytes through a table, other characters through [`CharFold`]), each
    /// word's folded bytes hashed on the fly; only from a word whose hash is in the first-word
    /// set is the match stream rebuilt, lazily, as far as the trie walk goes. Returns `false`
    /// (with `out` partly filled) on a character of class [`CharClass::Mixed`].
    ///
    /// Why this is the same search: the stream of a folded text is a function of its characters
    /// taken left to right with one bit of state (inside a run of spaces); a word start is a
    /// word byte after a non-word byte; a match starts at the first byte of the character that
    /// starts its word (so its original start is that character's) and ends after a character
    /// (so its original end is that character's end, trailing removed characters excluded: what
    /// the offset map gives). After a match the next folded byte is not a word byte, so the scan
    /// goes on after the match's last character outside a word and outside a run of spaces.
    ///
    /// Second filter: an accepted key spells the same words as the text from its start (the
    /// separators too, which the walk checks), so a key of two words or more needs the text's
    /// next word to be its second word. A word that is the first word of no one-word key (by
    /// the `one_word` set: `le`, `la`, `de` start many keys, all longer) waits until the next
    /// word is hashed, and is walked from only if the pair is in the `pairs` set; that walk
    /// comes before anything is done with the next word, as in [`Matcher::find_all`].
    pub(crate) fn find_lazy(&self, text: &str, out: &mut Vec<RawMatch>) -> bool {
        if self.trie.step(0, MARK).is_none() {
            return true;
        }
        let bytes = text.as_bytes();
        let mut s = Scratch { cf: CharFold::new(), walk: Walk::default(), ends: Vec::new(), pending: None };
        let mut i = 0;
        // Whether the last folded byte is a word byte. (Runs of spaces need no state here:
        // a space is a non-word byte whether it is folded away or not.)
        let mut prev_word = false;
        while let Some(&c) = bytes.get(i) {
            // Find the next word start.
            if c < 0x80 {
                if ASCII_WORD[c as usize] == 0 {
                    prev_word = false;
                    i += 1;
                    continue;
                }
                if prev_word {
                    i += 1;
                    continue;
                }
                // A word start on an ASCII letter or digit. Most words of news text are a few
                // of them followed by an ASCII separator: one group of eight bytes, hashed
                // here, and most words start no key.
                if let Some(group) = bytes.get(i..i + 8) {
                    let x = u64::from_le_bytes(group.try_into().unwrap_or_default());
                    let k = (!ascii_word_mask(x) & HIGH).trailing_zeros() / 8;
                    if k < 8 && group[k as usize] < 0x80 {
                        // `k >= 1`: `c` is a letter or digit.
                        let v = (x | (ONES * 0x20)) & (u64::MAX >> (64 - 8 * k));
                        let h = v.wrapping_mul(HASH_MUL);
                        let j = i + k as usize;
                        if self.starts_no_walk(i, h, v, &mut s.pending) {
                            // `bytes[j]` is ASCII and no letter or digit: skipped too.
                            i = j + 1;
                            prev_word = false;
                            continue;
                        }
                        let Some(next) = self.word_at(text, i, h, j, v, &mut s, out) else { return false };
                        (i, prev_word) = next;
                        continue;
                    }
                }
            } else {
                let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) else { return false };
                let class = if fold_latin(ch) != 0 {
                    CharClass::Word
                } else {
                    quick_class(ch).unwrap_or_else(|| s.cf.fold(ch))
                };
                match class {
                    CharClass::Invisible | CharClass::Empty => {}
                    CharClass::Space | CharClass::NonWord => prev_word = false,
                    CharClass::Mixed => return false,
                    CharClass::Word => {
                        if !prev_word {
                            // A word start.
                            let Some(next) = self.word(text, i, &mut s, out) else { return false };
                            (i, prev_word) = next;
                            continue;
                        }
                    }
                }
                i += ch.len_utf8();
                continue;
            }
            let Some(next) = self.word(text, i, &mut s, out) else { return false };
            (i, prev_word) = next;
        }
        true
    }

    /// [`Matcher::word_at`] after hashing the word at the word start `ws`.
    #[inline(always)]
    fn word(&self, text: &str, ws: usize, s: &mut Scratch, out: &mut Vec<RawMatch>) -> Option<(usize, bool)> {
        let (h, j) = Self::word_hash(text, ws, &mut s.cf)?;
        if self.starts_no_walk(ws, h, 0, &mut s.pending) {
            return Some((j, true));
        }
        self.word_at(text, ws, h, j, 0, s, out)
    }

    /// What [`Matcher::word_at`] does for the words from which it walks nothing (most words),
    /// without a call: `true` when the word at `ws` of hash `h` neither completes a pair with
    /// the pending word nor starts a key of one word (it may become the pending word).
    #[inline(always)]
    fn starts_no_walk(&self, ws: usize, h: u64, v: u64, pending: &mut Option<(usize, u64, u64)>) -> bool {
        if let Some((_, ph, _)) = *pending {
            if in_set(&self.pairs, self.shift, pair(ph, h)) {
                return false;
            }
            *pending = None;
        }
        if !in_set(&self.first_words, self.shift, h) {
            return true;
        }
        if !in_set(&self.one_word, self.shift, h) {
            *pending = Some((ws, h, v));
            return true;
        }
        false
    }

    /// At the word start `ws` (original offset of its first character) of a word of hash `h`
    /// that ends at `j` (and of [`Matcher::first_node`] group `v`, or 0): if it may start a
    /// key, walks the trie. Returns where the scan goes on
    /// and whether it is inside a word there (the scan is never inside a run of spaces), or
    /// `None` to give up.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn word_at(
        &self,
        text: &str,
        ws: usize,
        h: u64,
        j: usize,
        v: u64,
        s: &mut Scratch,
        out: &mut Vec<RawMatch>,
    ) -> Option<(usize, bool)> {
        // A word that may start keys of two words or more only waits for the next word: the
        // walk from it is made only if the pair of words is in `pairs`.
        if let Some((pws, ph, pv)) = s.pending.take() {
            if in_set(&self.pairs, self.shift, pair(ph, h)) {
                if let Some((hit, resume)) = self.candidate(text, pws, pv, &mut s.cf, &mut s.walk, &mut s.ends)? {
                    out.push(hit);
                    return Some((resume, false));
                }
            }
        }
        if !in_set(&self.first_words, self.shift, h) {
            return Some((j, true));
        }
        if !in_set(&self.one_word, self.shift, h) {
            s.pending = Some((ws, h, v));
            return Some((j, true));
        }
        match self.candidate(text, ws, v, &mut s.cf, &mut s.walk, &mut s.ends)? {
            Some((hit, resume)) => {
                out.push(hit);
                Some((resume, false))
            }
            None => Some((j, true)),
        }
    }

    /// The hash of the word at the word start `ws` (see [`WordHash`]) and the offset just after
    /// it (the word: ASCII letters and digits, word characters, and removed characters), or
    /// `None` to give up. ASCII letters and digits go eight at a time: a word of news text is
    /// usually one group, lower-cased with one `or`.
    #[inline(always)]
    fn word_hash(text: &str, ws: usize, cf: &mut CharFold) -> Option<(u64, usize)> {
        let bytes = text.as_bytes();
        let mut h = WordHash::default();
        let mut j = ws;
        loop {
            if let Some(group) = bytes.get(j..j + 8) {
                let x = u64::from_le_bytes(group.try_into().ok()?);
                let stop = !ascii_word_mask(x) & HIGH;
                let k = stop.trailing_zeros() / 8;
                if k > 0 {
                    h.push_group((x | (ONES * 0x20)) & (u64::MAX >> (64 - 8 * k)), k);
                    j += k as usize;
                    if k == 8 {
                        continue;
                    }
                }
                // `group[k]` is not an ASCII letter or digit.
                if group[k as usize] < 0x80 {
                    return Some((h.finish(), j));
                }
            } else {
                match bytes.get(j) {
                    None => return Some((h.finish(), j)),
                    Some(&c) if c < 0x80 => {
                        let f = ASCII_WORD[c as usize];
                        if f == 0 {
                            return Some((h.finish(), j));
                        }
                        h.push(f);
                        j += 1;
                        continue;
                    }
                    Some(_) => {}
                }
            }
            // `À`..`ſ`: most accented letters of French, one ASCII letter each.
            if let (Some(&c0), Some(&c1)) = (bytes.get(j), bytes.get(j + 1)) {
                let l = fold_latin2(c0, c1);
                if l != 0 {
                    h.push(l);
                    j += 2;
                    continue;
                }
            }
            let ch = text.get(j..)?.chars().next()?;
            match quick_class(ch).unwrap_or_else(|| cf.fold(ch)) {
                CharClass::Word => {
                    for &b in cf.bytes() {
                        h.push(b);
                    }
                }
                CharClass::Invisible | CharClass::Empty => {}
                CharClass::Mixed => return None,
                CharClass::Space | CharClass::NonWord => return Some((h.finish(), j)),
            }
            j += ch.len_utf8();
        }
    }

    /// The trie walk and checks from a candidate word start `ws`: `Some(None)` when no key is
    /// accepted there, `Some(Some((match, resume offset)))`, or `None` to give up.
    #[inline(never)]
    fn candidate(
        &self,
        text: &str,
        ws: usize,
        v: u64,
        cf: &mut CharFold,
        walk: &mut Walk,
        ends: &mut Vec<(usize, usize)>,
    ) -> Option<Option<(RawMatch, usize)>> {
        match self.walk_simple(text, ws, v, &mut walk.simple_ends, &mut walk.simple_folded) {
            Some(found) => Some(found),
            None => self.walk_at(text, ws, cf, walk, ends),
        }
    }

    /// [`Matcher::walk_at`] on the original bytes themselves, while every character folds to
    /// one byte on its own: ASCII without two collapsible spaces in a row (lower-cased; spaces,
    /// tabs and hyphens as `' '`) and the letters `À`..`ſ` that fold to one ASCII letter.
    /// `None` when the walk or its checks reach anything else (then [`Matcher::walk_at`] does
    /// the work), else its answer.
    #[inline]
    fn walk_simple(
        &self,
        text: &str,
        ws: usize,
        v: u64,
        ends: &mut Vec<(usize, usize, usize)>,
        folded: &mut Vec<u8>,
    ) -> Option<Option<(RawMatch, usize)>> {
        let bytes = text.as_bytes();
        let trie = &self.trie;
        ends.clear();
        folded.clear();
        let mut node = 0;
        let mut k = 0;
        let mut j = ws;
        if v != 0 {
            // The first word in one look-up (an ASCII separator follows it).
            let Some(n) = self.first_node(v) else { return Some(None) };
            node = n;
            k = (8 - v.leading_zeros() / 8) as usize;
            j += k;
            folded.extend_from_slice(&v.to_le_bytes()[..k]);
            if let Some(p) = trie.pattern(node) {
                ends.push((k, p, j));
            }
        }
        // An ASCII letter or digit followed by another: its folded byte is the stream byte, and
        // no key is accepted after it (a word byte follows), so only the trie is stepped.
        while let (Some(&c), Some(&n)) = (bytes.get(j), bytes.get(j + 1)) {
            let f = ASCII_WORD[usize::from(c & 0x7F)];
            if c >= 0x80 || n >= 0x80 || f == 0 || ASCII_WORD[usize::from(n)] == 0 {
                break;
            }
            let child =
                if k == 0 { Some(self.second[usize::from(f)]).filter(|&n| n != u32::MAX) } else { trie.step(node, f) };
            let Some(child) = child else { return Some(None) };
            folded.push(f);
            node = child;
            k += 1;
            j += 1;
        }
        let mut cur = simple_at(bytes, j)?;
        while let Some((b, word, len)) = cur {
            let next = simple_at(bytes, j + len)?;
            let word_next = next.is_some_and(|(_, w, _)| w);
            let sb = if !word && word_next { MARK } else { b };
            let child =
                if k == 0 { Some(self.second[sb as usize]).filter(|&n| n != u32::MAX) } else { trie.step(node, sb) };
            let Some(child) = child else { break };
            folded.push(b);
            node = child;
            k += 1;
            j += len;
            cur = next;
            // A key followed by a word byte is never accepted.
            if !word_next {
                if let Some(p) = trie.pattern(node) {
                    ends.push((k, p, j));
                }
            }
        }
        for &(e, p, end) in ends.iter().rev() {
            for &key in &self.same_stream[p] {
                let key = &self.keys[key as usize];
                // The folded bytes (the stream has markers where they have separators).
                if !self.plain[p] && folded.get(..e) != Some(&*key.folded) {
                    continue;
                }
                if let Some(hit) = accept(text, None, false, key, 0, e, |_| Span::new(ws, end)) {
                    return Some(Some((hit, end)));
                }
            }
        }
        Some(None)
    }

    /// The trie walk and checks of [`Matcher::find_all`] from the word start `ws`, on the match
    /// stream rebuilt from the original text as far as needed: `Some(None)` when no key is
    /// accepted there, `Some(Some((match, resume offset)))`, or `None` to give up.
    fn walk_at(
        &self,
        text: &str,
        ws: usize,
        cf: &mut CharFold,
        walk: &mut Walk,
        ends: &mut Vec<(usize, usize)>,
    ) -> Option<Option<(RawMatch, usize)>> {
        let trie = &self.trie;
        walk.reset(ws);
        ends.clear();
        let mut node = 0;
        let mut k = 0;
        loop {
            if !walk.ensure(text, k, cf)? {
                break;
            }
            let b = walk.folded[k];
            let sb = if walk.word[k] {
                b
            } else if walk.ensure(text, k + 1, cf)? && walk.word[k + 1] {
                MARK
            } else if b >= 0x80 {
                0x02
            } else {
                b
            };
            let next =
                if k == 0 { Some(self.second[sb as usize]).filter(|&n| n != u32::MAX) } else { trie.step(node, sb) };
            let Some(next) = next else { break };
            node = next;
            k += 1;
            if let Some(p) = trie.pattern(node) {
                ends.push((k, p));
            }
        }
        for &(e, p) in ends.iter().rev() {
            let word_after = walk.ensure(text, e, cf)? && walk.word[e];
            let folded = if self.plain[p] { None } else { Some(walk.folded.as_slice()) };
            let end = walk.char_end[e - 1];
            for &key in &self.same_stream[p] {
                let to_original = |_| Span::new(ws, end);
                if let Some(hit) = accept(text, folded, word_after, &self.keys[key as usize], 0, e, to_original) {
                    return Some(Some((hit, end)));
                }
            }
        }
        Some(None)
    }

    /// Appends every accepted match of `text` (already folded as `f`) to `out`, in order.
    ///
    /// Every pattern starts with the word-start marker, so the leftmost-longest match is found
    /// by walking the trie anchored at each marker in turn, and only from the words that are the
    /// first word of some key (a bit set of their hashes, in cache): most words of a news text
    /// start no alias and cost one hash.
    pub(crate) fn find_all(&self, text: &str, f: &FoldedText, out: &mut Vec<RawMatch>) {
        let trie = &self.trie;
        let Some(after_mark) = trie.step(0, MARK) else { return };
        let hay = f.stream.as_slice();
        let mut pos = 0;
        let mut hint = 0;
        // (end, pattern) of every pattern that is a prefix of the stream at `start`.
        let mut ends: Vec<(usize, usize)> = Vec::new();
        while let Some(off) = hay.get(pos..).and_then(|h| h.iter().position(|&b| b == MARK)) {
            let start = pos + off;
            let (h, n) = first_word(&hay[start + 1..]);
            let h = h >> self.shift;
            if self.first_words.get((h >> 6) as usize).map_or(true, |w| w & (1 << (h & 63)) == 0) {
                pos = start + 1 + n;
                continue;
            }
            ends.clear();
            let mut node = after_mark;
            let mut i = start + 1;
            if let Some(next) = hay.get(i).map(|&b| self.second[b as usize]).filter(|&n| n != u32::MAX) {
                node = next;
                i += 1;
                if let Some(p) = trie.pattern(node) {
                    ends.push((i, p));
                }
            }
            while let Some(next) = hay.get(i).and_then(|&b| trie.step(node, b)) {
                node = next;
                i += 1;
                if let Some(p) = trie.pattern(node) {
                    ends.push((i, p));
                }
            }
            // The longest key at this start is usually accepted at once (with the keys whose
            // streams are equal to it: `d'Orsay`, `d Orsay`); after a rejection the shorter
            // keys at the same start are tried, longest first.
            let mut accepted = None;
            'ends: for &(end, p) in ends.iter().rev() {
                // stream[end] is folded[end - 1], the byte after the key.
                let word_after = hay.get(end).is_some_and(|&b| is_word_byte(b));
                // A key of word bytes only is spelled in the folded text exactly as its stream
                // is in the match stream (only non-word bytes become markers or fillers): no
                // need to compare the folded bytes again.
                let folded = if self.plain[p] { None } else { Some(f.folded.as_slice()) };
                for &k in &self.same_stream[p] {
                    let to_original = |span| f.map.to_original(span, &mut hint);
                    // Stream [start, end) is the separator plus the key: folded [start, end - 1).
                    if let Some(hit) =
                        accept(text, folded, word_after, &self.keys[k as usize], start, end - 1, to_original)
                    {
                        accepted = Some((hit, end));
                        break 'ends;
                    }
                }
            }
            match accepted {
                Some((hit, end)) => {
                    out.push(hit);
                    pos = end;
                }
                None => pos = start + 1,
            }
        }
    }
}

/// A byte trie over the stream patterns, in one array of `u32`: a node at offset `o` is its
/// number of transitions, its pattern (the one spelled by the path to it, the lowest index among
/// equal patterns, or `u32::MAX`), then its transitions as (byte, child offset) pairs sorted by
/// byte. Nodes are laid out depth first, a node's first child right after it: a walk reads
/// mostly consecutive memory.
#[derive(Clone, Debug, Default)]
struct Trie {
    repr: Vec<u32>,
}

impl Trie {
    /// The trie of `patterns`; the root is at offset 0.
    fn new(patterns: &[Vec<u8>]) -> Trie {
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        // Stable: equal patterns stay in index order.
        order.sort_by(|&a, &b| patterns[a as usize].cmp(&patterns[b as usize]));
        let at = |k: usize| &patterns[order[k] as usize];
        let mut repr: Vec<u32> = Vec::new();
        // (slot to patch with the node's offset, lo, hi, depth): the patterns `order[lo..hi]`
        // share their first `depth` bytes; the ones of exactly that length sort first.
        let mut stack: Vec<(Option<usize>, usize, usize, usize)> = vec![(None, 0, order.len(), 0)];
        let mut groups: Vec<(u8, usize, usize)> = Vec::new();
        while let Some((slot, mut lo, hi, depth)) = stack.pop() {
            let o = repr.len();
            if let Some(slot) = slot {
                repr[slot] = o as u32;
            }
            let mut pattern = u32::MAX;
            while lo < hi && at(lo).len() == depth {
                pattern = pattern.min(order[lo]);
                lo += 1;
            }
            groups.clear();
            while lo < hi {
                let b = at(lo)[depth];
                let mut e = lo + 1;
                while e < hi && at(e)[depth] == b {
                    e += 1;
                }
                groups.push((b, lo, e));
                lo = e;
            }
            repr.push(groups.len() as u32);
            repr.push(pattern);
            for &(b, _, _) in &groups {
                repr.push(u32::from(b));
                repr.push(0);
            }
            // Expand the children in byte order: the first one is written next.
            for (k, &(_, lo, e)) in groups.iter().enumerate().rev() {
                stack.push((Some(o + 3 + 2 * k), lo, e, depth + 1));
            }
        }
        Trie { repr }
    }

    /// The child of `node` by `b`.
    #[inline]
    fn step(&self, node: u32, b: u8) -> Option<u32> {
        let o = node as usize;
        let len = *self.repr.get(o)? as usize;
        let pairs = self.repr.get(o + 2..o + 2 + 2 * len)?;
        let b = u32::from(b);
        // Most nodes deep in a key have one child.
        if let [byte, child] = *pairs {
            return (byte == b).then_some(child);
        }
        if len <= 8 {
            let k = pairs.chunks_exact(2).position(|p| p[0] == b)?;
            return pairs.get(2 * k + 1).copied();
        }
        let (mut lo, mut hi) = (0, len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let x = *pairs.get(2 * mid)?;
            if x == b {
                return pairs.get(2 * mid + 1).copied();
            }
            if x < b {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        None
    }

    /// The child of `node` by every byte (`u32::MAX`: none), for a node every walk goes through.
    fn dense(&self, node: u32) -> Box<[u32]> {
        (0..=255u8).map(|b| self.step(node, b).unwrap_or(u32::MAX)).collect()
    }

    /// The pattern that ends at `node`.
    #[inline]
    fn pattern(&self, node: u32) -> Option<usize> {
        self.repr.get(node as usize + 1).filter(|&&p| p != u32::MAX).map(|&p| p as usize)
    }
}

/// Whether the key spelled at folded `[s, e)` is a match, and of which target.
///
/// The automaton guarantees a separator before `s` in the folded text; this checks the rest:
/// the folded bytes are the key's (separators may differ), the folded text has no word byte
/// right after, the original span is whole words, and the case rule of some target holds.
pub(crate) fn accept(
    text: &str,
    folded: Option<&[u8]>,
    word_after: bool,
    key: &Key,
    s: usize,
    e: usize,
    to_original: impl FnOnce(Span) -> Span,
) -> Option<RawMatch> {
    if word_after || folded.is_some_and(|f| f.get(s..e) != Some(&*key.folded)) {
        return None;
    }
    let span = to_original(Span::new(s, e));
    if !original_boundaries(text, span) {
        return None;
    }
    let surface = span.get(text)?;
    let t = key.targets.iter().find(|t| t.exact.as_deref().map_or(true, |a| a == surface))?;
    Some(RawMatch { span, target: t.target })
}

/// Whole-word check on the original text: no word character right before or after; a hyphen
/// glued to a word before the start makes the match the tail of a compound
/// (`vice-président américain`), unless the match starts with a capital (`anti-Trump`,
/// `Trump-Poutine`) or the compound is `ex-` (`l'ex-président`).
pub(crate) fn original_boundaries(text: &str, span: Span) -> bool {
    // ASCII on both sides other than a hyphen before (most matches): a letter or digit is the
    // only ASCII word character.
    let bytes = text.as_bytes();
    if text.is_char_boundary(span.start) && text.is_char_boundary(span.end) {
        let before = match span.start.checked_sub(1).and_then(|k| bytes.get(k)) {
            None => Some(true),
            Some(&b) if b < 0x80 && b != b'-' => Some(!b.is_ascii_alphanumeric()),
            Some(_) => None,
        };
        let after = match bytes.get(span.end) {
            None => Some(span.end == bytes.len()),
            Some(&b) if b < 0x80 => Some(!b.is_ascii_alphanumeric()),
            Some(_) => None,
        };
        if let (Some(before), Some(after)) = (before, after) {
            return before && after;
        }
    }
    original_boundaries_chars(text, span)
}

/// [`original_boundaries`] character by character.
fn original_boundaries_chars(text: &str, span: Span) -> bool {
    let (Some(before), Some(rest)) = (text.get(..span.start), text.get(span.start..)) else {
        return false;
    };
    if let Some(c) = before.chars().next_back() {
        if is_word(c) {
            return false;
        }
        if c == '-' || is_dash(c) {
            let head = &before[..before.len() - c.len_utf8()];
            if head.chars().next_back().is_some_and(is_word) {
                let capital = rest.chars().next().is_some_and(char::is_uppercase);
                if !capital && !ends_with_word(head, "ex") {
                    return false;
                }
            }
        }
    }
    if let Some(after) = text.get(span.end..) {
        if after.chars().next().is_some_and(is_word) {
            return false;
        }
    } else {
        return false;
    }
    true
}

/// Whether `s` ends with the whole word `word` (ASCII, any case).
pub(crate) fn ends_with_word(s: &str, word: &str) -> bool {
    let n = word.len();
    s.len() >= n
        && s.is_char_boundary(s.len() - n)
        && s[s.len() - n..].eq_ignore_ascii_case(word)
        && !s[..s.len() - n].chars().next_back().is_some_and(is_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typography::is_word_char;
    use proptest::prelude::*;

    fn matcher(aliases: &[&str]) -> Matcher {
        let mut keys: Vec<Key> = Vec::new();
        for (i, a) in aliases.iter().enumerate() {
            let c = compile_alias(a).unwrap();
            let t = AliasTarget { target: Target::Entity(i as u32), exact: c.exact };
            match keys.iter_mut().find(|k| *k.folded == *c.key) {
                Some(k) => k.targets.insert(0, t),
                None => keys.push(Key { folded: c.key.into(), targets: vec![t] }),
            }
        }
        Matcher::new(keys).unwrap()
    }

    /// The matcher as the gazetteer calls it (the scan of the original text).
    fn find(m: &Matcher, text: &str) -> Vec<(Span, Target)> {
        let mut out = Vec::new();
        m.find(text, &mut out);
        out.into_iter().map(|r| (r.span, r.target)).collect()
    }

    /// The search over the whole folded text, and whether the scan of the original text
    /// (without its fallback) finished.
    fn find_folded(m: &Matcher, text: &str) -> (Vec<(Span, Target)>, bool) {
        let f = fold(text);
        let mut out = Vec::new();
        m.find_all(text, &f, &mut out);
        let lazy = m.find_lazy(text, &mut Vec::new());
        (out.into_iter().map(|r| (r.span, r.target)).collect(), lazy)
    }

    /// The naive reference matcher: typography fold, every position, every key, longest wins.
    fn naive(m: &Matcher, text: &str) -> Vec<(Span, Target)> {
        let tf = crate::typography::fold(text);
        let folded = tf.as_str().as_bytes();
        let word_before = |p: usize| p > 0 && tf.as_str()[..p].chars().next_back().is_some_and(is_word_char);
        let word_after = |e: usize| tf.as_str().get(e..).and_then(|r| r.chars().next()).is_some_and(is_word_char);
        let mut out = Vec::new();
        let mut p = 0;
        while p < folded.len() {
            let mut best: Option<(usize, RawMatch)> = None;
            if tf.as_str().is_char_boundary(p) && !word_before(p) {
                for k in &m.keys {
                    let e = p + k.folded.len();
                    if e <= folded.len() && folded[p..e] == *k.folded {
                        let hit = accept(text, Some(folded), word_after(e), k, p, e, |span| tf.map().to_original(span));
                        if let Some(hit) = hit {
                            if best.as_ref().map_or(true, |(be, _)| e > *be) {
                                best = Some((e, hit));
                            }
                        }
                    }
                }
            }
            match best {
                Some((e, hit)) => {
                    out.push((hit.span, hit.target));
                    p = e;
                }
                None => p += 1,
            }
        }
        out
    }

    const ALIASES: &[&str] = &[
        "Trump",
        "Donald Trump",
        "EI",
        "État islamique",
        "président américain",
        "Etats-Unis",
        "Quai d'Orsay",
        "~Otan",
        "Le Monde",
        "Œuvre",
        "président",
    ];

    // (text, expected match texts) — each row names the rule it pins.
    const CASES: &[(&str, &[&str])] = &[
        ("Donald Trump", &["Donald Trump"]),       // longest wins
        ("le trumpisme de Trump", &["Trump"]),     // whole words only
        ("seize ans, l'EI", &["EI"]),              // acronym not inside a word; elision
        ("l'ei a dit", &[]),                       // acronyms are case-sensitive
        ("l’État Islamique", &["État Islamique"]), // case-insensitive name, typographic apostrophe
        ("ÉTATS UNIS et Etats\u{A0}-\u{A0}Unis", &["ÉTATS UNIS", "Etats\u{A0}-\u{A0}Unis"]), // fold variants
        ("le vice-président américain", &[]),      // hyphen before: compound tail
        ("l'ex-président américain", &["président américain"]), // ex- compounds are allowed
        ("la ligne anti-Trump", &["Trump"]),       // capitalised after a hyphen
        ("L'OTAN et l'Otan", &["OTAN", "Otan"]),   // ~ makes an acronym insensitive
        ("au Quai d’Orsay.", &["Quai d’Orsay"]),   // apostrophe variants inside an alias
        ("«\u{202F}Le Monde\u{202F}»", &["Le Monde"]), // quotes around
        ("président américains", &["président"]),  // falls back to a shorter accepted key
        ("Trump\u{301}", &[]),                     // a combining mark is part of the word
    ];

    #[test]
    fn cases() {
        let m = matcher(ALIASES);
        for &(text, want) in CASES {
            let got: Vec<&str> = find(&m, text).iter().map(|(s, _)| &text[s.range()]).collect();
            assert_eq!(got, want, "input {text:?}");
            assert_eq!(find(&m, text), naive(&m, text), "input {text:?} against the oracle");
        }
    }

    fn haystack() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => proptest::sample::select(ALIASES).prop_map(str::to_string),
            2 => "[a-zA-Zéèàç]{1,6}",
            3 => proptest::sample::select(&[" ", " ", "-", "'", "’", "\u{A0}", ", ", ". ", "«\u{202F}", "(", "\u{AD}", "œ", "É", "ﬁ", "\u{301}", "\n", "ex-", "vice-", "l'", "€"][..]).prop_map(str::to_string),
            1 => proptest::sample::select(&["ei", "EI", "Ei", "OTAN", "otan", "trumpisme", "PRÉSIDENT", "etats", "unis", "ETATS"][..]).prop_map(str::to_string),
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
    }

    /// The built-in gazetteer's matcher, and its keys as text (folded, so acronyms only match
    /// when written in capitals elsewhere in the haystack).
    fn builtin() -> (&'static Matcher, Vec<String>) {
        static G: std::sync::OnceLock<crate::gazetteer::Gazetteer> = std::sync::OnceLock::new();
        let g = G.get_or_init(crate::gazetteer::Gazetteer::french_news);
        let m = &g.inner.matcher;
        let keys = m.keys.iter().map(|k| String::from_utf8_lossy(&k.folded).into_owned()).collect();
        (m, keys)
    }

    // The one-look-up start of a walk lands where the trie walk over the word does.
    #[test]
    fn first_nodes_are_the_trie_nodes() {
        let (m, keys) = builtin();
        let mut checked = 0;
        for k in &keys {
            let stream = fold(k).stream;
            let body = &stream[1..];
            let (_, n) = first_word(body);
            if !(1..=7).contains(&n) || body[..n].iter().any(|&b| b >= 0x80) {
                continue;
            }
            let mut g = [0u8; 8];
            g[..n].copy_from_slice(&body[..n]);
            let want = stream[..=n].iter().try_fold(0, |node, &b| m.trie.step(node, b));
            assert!(want.is_some());
            assert_eq!(m.first_node(u64::from_le_bytes(g)), want, "key {k:?}");
            checked += 1;
        }
        assert!(checked > 1000, "{checked}");
        assert_eq!(m.first_node(u64::from_le_bytes(*b"zqxwk\0\0\0")), None);
        assert_eq!(Matcher::empty().first_node(u64::from(b'a')), None);
    }

    /// Haystacks of built-in keys (first words, whole keys, capitalised) and common words, so that
    /// the first-word prefilter sees words that start keys, words that do not, and two-word starts.
    fn builtin_haystack() -> impl Strategy<Value = String> {
        let (_, keys) = builtin();
        let n = keys.len();
        let key = (0..n).prop_map(move |i| builtin().1[i].clone());
        let piece = prop_oneof![
            3 => key.clone(),
            2 => key.clone().prop_map(|k| k.split(' ').next().unwrap_or_default().to_string()),
            1 => key.prop_map(|k| k.to_uppercase()),
            3 => proptest::sample::select(&["le", "la", "les", "l'", "de", "d’", "du", "des", "président", "ministre", "M.", "Mme", "ÉTATS", "x", "Trumpisme"][..]).prop_map(str::to_string),
            4 => proptest::sample::select(&[" ", " ", "-", "'", ", ", ". ", "«\u{202F}", "(", "\u{A0}", "\n"][..]).prop_map(str::to_string),
        ];
        proptest::collection::vec(piece, 0..10).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        // With thousands of keys (the first-word prefilter, the trie walk), the oracle still holds.
        #[test]
        fn builtin_matcher_equals_naive_oracle(text in builtin_haystack()) {
            let (m, _) = builtin();
            prop_assert_eq!(find(m, &text), naive(m, &text));
        }

        // The scan of the original text finds what the search of the folded text finds, and
        // needs no fallback on such text.
        #[test]
        fn builtin_scan_equals_folded_search(text in builtin_haystack()) {
            let (m, _) = builtin();
            let (want, lazy) = find_folded(m, &text);
            prop_assert!(lazy, "fell back on {:?}", text);
            prop_assert_eq!(find(m, &text), want);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn matcher_equals_naive_oracle(text in haystack()) {
            let m = matcher(ALIASES);
            prop_assert_eq!(find(&m, &text), naive(&m, &text));
        }

        #[test]
        fn spans_fold_to_the_alias(text in haystack()) {
            let m = matcher(ALIASES);
            for (span, target) in find(&m, &text) {
                let Target::Entity(i) = target else { unreachable!() };
                let got = span.get(&text).unwrap();
                let want = compile_alias(ALIASES[i as usize]).unwrap().key;
                let folded = crate::typography::fold_key(got);
                prop_assert_eq!(folded.as_bytes(), &want[..], "span {:?} of {:?}", span, text);
            }
        }

        // Same result as the search of the folded text, on any text (with the fallback).
        #[test]
        fn scan_equals_folded_search_any(text in any::<String>()) {
            let m = matcher(ALIASES);
            prop_assert_eq!(find(&m, &text), find_folded(&m, &text).0);
        }

        #[test]
        fn scan_equals_folded_search(text in haystack()) {
            let m = matcher(ALIASES);
            let (want, lazy) = find_folded(&m, &text);
            prop_assert!(lazy, "fell back on {:?}", text);
            prop_assert_eq!(find(&m, &text), want);
        }

        // The scan's hash of a word (eight bytes at a time where it can) is the hash of its
        // folded bytes, as the key sets are built.
        #[test]
        fn word_hash_is_the_hash_of_the_folded_word(w in "[a-zA-Z0-9éÉèœŒ\u{AD}\u{301}ßﬁα]{1,30}[ .,'’-]?[a-zé]{0,3}") {
            let f = fold(&w);
            let (want, n) = first_word(f.stream.get(1..).unwrap_or_default());
            if n > 0 {
                if let Some((h, _)) = Matcher::word_hash(&w, 0, &mut CharFold::new()) {
                    prop_assert_eq!(h, want, "{:?}", w);
                }
            }
        }

        // The ASCII shortcut of the whole-word check answers as the character loop.
        #[test]
        fn boundaries_shortcut_equals_char_loop(text in "[a-zA-Z0-9 \\-éÉ’«»\u{2011}\u{A0}.]{0,12}") {
            for a in 0..=text.len() + 1 {
                for b in a..=text.len() + 1 {
                    let span = Span::new(a, b);
                    prop_assert_eq!(original_boundaries(&text, span), original_boundaries_chars(&text, span), "{:?} {:?}", text, span);
                }
            }
        }

        #[test]
        fn never_panics(text in any::<String>()) {
            let m = matcher(ALIASES);
            let _ = find(&m, &text);
        }
    }
}
