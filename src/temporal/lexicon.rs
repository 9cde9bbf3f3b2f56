//! The word lists of the grammar (`data/lexicon.tsv`, `data/holidays.tsv`), parsed once, and the
//! trigger matcher that finds the places where a date may start.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{dfa::DFA, Anchored, MatchKind};

use super::holidays::Rule;
use super::Weekday;

/// What a word of the lexicon is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Word {
    Month(u32),
    MonthAbbr(u32),
    Weekday(Weekday),
    WeekdayAbbr(Weekday),
    Num(u32),
    Ord(i32),
    Season(super::Season),
    Trigger,
}

#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Entries by folded word, and whether the word begins a holiday phrase: the tokenizer's
    /// single lookup per word.
    ///
    /// The second flag: the word may anchor a date (a holiday head, or an entry other than a
    /// number or an ordinal word), what `scan::is_hot` asks of every token.
    words: HashMap<String, (Vec<Word>, bool, bool), Fnv>,
    /// Holiday phrases (folded words) with their rule, longest first.
    pub(crate) holidays: Vec<(Vec<String>, Rule)>,
    /// The holiday phrases by the [`word_key`] of their first word: (key, the indices in
    /// `holidays` of the phrases whose first word has it, in order), sorted by key. The holiday
    /// rule reads only the phrases of its word's key (a binary search), then compares the word.
    pub(crate) holiday_keys: Vec<(u32, Vec<usize>)>,
    /// First words of the holiday phrases (the grammar reads the tokens' `head` flag instead).
    #[cfg(test)]
    pub(crate) holiday_heads: std::collections::HashSet<String, Fnv>,
    pub(crate) triggers: Option<Triggers>,
    /// The same patterns behind `aho_corasick`'s own search: the definition [`Triggers::find`]
    /// reproduces (a proptest compares them).
    #[cfg(test)]
    pub(crate) triggers_ac: Option<aho_corasick::AhoCorasick>,
    /// For each byte `b` that may begin a whitespace character, the ASCII-lowercased beginnings
    /// `p[..k]` of the trigger patterns `p` whose byte `k` is `b`: the matches that could run
    /// across a position holding `b` (see [`Lexicon::may_straddle`]).
    straddles: Vec<Vec<Vec<u8>>>,
    /// By key length (31 for 31 and more) and first letter (`a` … `z`, 26 for any other first
    /// byte), the last letters of the keys of `words`: bit 0 for `a` … bit 25 for `z`, bit 26 for
    /// any other last byte. A conservative filter.
    first_letters: Box<[[u32; 27]; 32]>,
}

/// Whether `b` may begin a whitespace character: ASCII whitespace, or the lead byte of U+0085,
/// U+00A0 (C2), U+1680 (E1), U+2000…U+205F (E2) or U+3000 (E3).
fn whitespace_lead(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// The index of a byte in [`Lexicon::first_letters`] (and in the word-shape filters of `scan`):
/// `a` … `z` 0 … 25, any other byte 26.
pub(crate) const LETTER_INDEX: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = b - b'a';
        b += 1;
    }
    t
};

/// The filter cell of a key: its length bucket, its first letter's index and its last letter's
/// bit.
#[inline]
fn key_shape(key: &str) -> (usize, usize, u32) {
    let letter = |b: Option<&u8>| b.map_or(26, |&b| LETTER_INDEX[b as usize] as usize);
    let bytes = key.as_bytes();
    (key.len().min(31), letter(bytes.first()), 1 << letter(bytes.last()))
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

pub(crate) fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(build)
}

impl Lexicon {
    #[cfg(test)]
    pub(crate) fn get(&self, folded: &str) -> &[Word] {
        self.words.get(folded).map_or(&[], |(w, _, _)| w.as_slice())
    }

    /// Whether a trigger match could start before `at` and run across it: some pattern `p` with
    /// `p[..k]` equal to `text[at - k..at]` and `p[k]` to the byte at `at` (ASCII case
    /// ignored, as the automaton does). At a whitespace, only the patterns with a space (`cet
    /// été`, `en été`) can.
    pub(crate) fn may_straddle(&self, text: &str, at: usize) -> bool {
        let bytes = text.as_bytes();
        let Some(&b) = bytes.get(at) else { return false };
        if !whitespace_lead(b) {
            // Only the lists of these bytes are kept: assume the worst.
            return true;
        }
        self.straddles[b.to_ascii_lowercase() as usize]
            .iter()
            .any(|pre| at >= pre.len() && bytes[at - pre.len()..at].eq_ignore_ascii_case(pre))
    }

    /// The entries of a folded word, whether it begins a holiday phrase and whether it may anchor
    /// a date (a holiday head or an entry other than a number or an ordinal word), in one lookup.
    ///
    /// Most words of a text are in neither: a word whose length, first and last letters no key
    /// has is answered by [`Lexicon::first_letters`] without hashing it.
    ///
    /// The filter is inlined into the tokenizer (most words stop there); the hash lookup is not.
    #[inline]
    pub(crate) fn lookup(&self, folded: &str) -> (&[Word], bool, bool) {
        let (bucket, first, bit) = key_shape(folded);
        if self.first_letters[bucket][first] & bit == 0 {
            return (&[], false, false);
        }
        self.lookup_hashed(folded)
    }

    #[inline(never)]
    fn lookup_hashed(&self, folded: &str) -> (&[Word], bool, bool) {
        self.words.get(folded).map_or((&[], false, false), |(w, head, hot)| (w.as_slice(), *head, *hot))
    }
}

/// A word's length, first and last bytes in one number: two words with different keys differ
/// (one comparison instead of a string comparison; equal keys still need the string one).
#[inline]
pub(crate) fn word_key(w: &str) -> u32 {
    let b = w.as_bytes();
    ((b.len().min(0xFFFF) as u32) << 16)
        | (u32::from(b.first().copied().unwrap_or(0)) << 8)
        | u32::from(b.last().copied().unwrap_or(0))
}

/// Lowercase, without diacritics, `œ` spelled out: the key the lexicon is matched on.
pub(crate) fn fold_word(s: &str) -> String {
    fold_cow(s).into_owned()
}

/// [`fold_word`] without allocating for words that are already lowercase ASCII.
pub(crate) fn fold_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    if fold_append(s, &mut out) {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Appends the folded form of `s` to `out` and returns `true`, or returns `false` (and appends
/// nothing) when `s` is already folded (lowercase ASCII). The tokenizer and the tense reader fold
/// every capitalized or accented word of a window into one reused buffer this way instead of
/// allocating a `String` per word.
pub(crate) fn fold_append(s: &str, out: &mut String) -> bool {
    if s.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    fold_unfolded(s, s.is_ascii(), out);
    true
}

/// Appends the folded form of `s` to `out`, `s` being known not to be lowercase ASCII and
/// `ascii` telling whether it is ASCII (the word scanner notes both): [`fold_append`] without
/// reading the word again to find out.
#[inline]
pub(crate) fn fold_unfolded(s: &str, ascii: bool, out: &mut String) {
    if ascii {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        fold_slow_into(s, out);
    }
}

#[cfg(test)]
fn fold_slow(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_slow_into(s, &mut out);
    out
}

fn fold_slow_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // ASCII lowercases to one ASCII character; only the backquote is mapped.
            out.push(if b == b'`' { '\'' } else { char::from(b.to_ascii_lowercase()) });
            i += 1;
            continue;
        }
        let c = if b == 0xC3 && i + 1 < bytes.len() {
            // U+00C0..U+00FF (`À` … `ÿ`), the accented letters of French: decoded and folded by
            // a table (one ASCII letter for most of them).
            let k = (bytes[i + 1] & 0x3F) as usize;
            i += 2;
            if LATIN1_FOLD_BYTE[k] != 0 {
                out.push(char::from(LATIN1_FOLD_BYTE[k]));
                continue;
            }
            if let Some(f) = LATIN1_FOLD[k] {
                out.push_str(f);
                continue;
            }
            char::from(0xC0 + k as u8)
        } else {
            let Some(c) = s[i..].chars().next() else { break };
            i += c.len_utf8();
            c
        };
        if let Some(f) = fold_known(c) {
            out.push_str(f);
        } else {
            for l in c.to_lowercase() {
                match fold_known(l) {
                    Some(f) => out.push_str(f),
                    None => out.push(l),
                }
            }
        }
    }
}

/// [`fold_known`] of U+00C0 + k for k in 0..64.
const LATIN1_FOLD: [Option<&str>; 64] = {
    let mut t = [None; 64];
    let mut k = 0;
    while k < 64 {
        if let Some(c) = char::from_u32(0xC0 + k as u32) {
            t[k] = fold_known(c);
        }
        k += 1;
    }
    t
};

/// [`LATIN1_FOLD`] where it is one ASCII byte, else 0.
const LATIN1_FOLD_BYTE: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut k = 0;
    while k < 64 {
        if let Some(f) = LATIN1_FOLD[k] {
            if f.len() == 1 {
                t[k] = f.as_bytes()[0];
            }
        }
        k += 1;
    }
    t
};

/// The folded form of the accented letters of French and of apostrophes, in both cases (the
/// same result as lowercasing first, without the Unicode case tables).
const fn fold_known(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ÿ' | 'Ÿ' => "y",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        '’' | '‘' | 'ʼ' | '`' | '´' => "'",
        _ => return None,
    })
}

/// Splits a phrase of the data files into folded words (apostrophes and hyphens separate).
pub(crate) fn phrase_words(s: &str) -> Vec<String> {
    fold_word(s)
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn build() -> Lexicon {
    let mut words: HashMap<String, Vec<Word>, Fnv> = HashMap::default();
    let mut trig: Vec<String> = Vec::new();
    for line in include_str!("data/lexicon.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(kind), Some(val)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let n: i64 = val.trim().parse().unwrap_or(0);
        let word = match kind {
            "month" => Word::Month(n as u32),
            "monthabbr" => Word::MonthAbbr(n as u32),
            "weekday" => Word::Weekday(Weekday::from_number(n as u8).unwrap_or(Weekday::Monday)),
            "wdabbr" => Word::WeekdayAbbr(Weekday::from_number(n as u8).unwrap_or(Weekday::Monday)),
            "num" => Word::Num(n as u32),
            "ord" => Word::Ord(n as i32),
            "season" => Word::Season(match val.trim() {
                "sp" => super::Season::Spring,
                "su" => super::Season::Summer,
                "fa" => super::Season::Autumn,
                _ => super::Season::Winter,
            }),
            _ => Word::Trigger,
        };
        // Number and ordinal words alone never make a date: they do not open the grammar.
        if !matches!(word, Word::Num(_) | Word::Ord(_) | Word::Season(super::Season::Summer)) {
            trig.push(form.to_string());
        }
        words.entry(fold_word(form)).or_default().push(word);
    }
    let mut holidays = Vec::new();
    for line in include_str!("data/holidays.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((phrase, rule)) = line.split_once('\t') else { continue };
        let Some(rule) = Rule::parse(rule) else { continue };
        let w = phrase_words(phrase);
        if let Some(first) = phrase.split([' ', '\'', '-']).next() {
            trig.push(first.to_string());
        }
        holidays.push((w, rule));
    }
    holidays.sort_by_key(|h| std::cmp::Reverse(h.0.len()));
    let mut holiday_keys: Vec<(u32, Vec<usize>)> = Vec::new();
    for (k, (w, _)) in holidays.iter().enumerate() {
        let key = word_key(w.first().map_or("", String::as_str));
        match holiday_keys.binary_search_by_key(&key, |(x, _)| *x) {
            Ok(at) => holiday_keys[at].1.push(k),
            Err(at) => holiday_keys.insert(at, (key, vec![k])),
        }
    }
    let holiday_heads: std::collections::HashSet<String, Fnv> =
        holidays.iter().filter_map(|(w, _)| w.first().cloned()).collect();
    // "l'été", "cet été": the season only opens the grammar with its determiner, as "a été"
    // is everywhere.
    for p in ["l'été", "l’été", "cet été", "en été", "d'été", "d’été"] {
        trig.push(p.to_string());
    }
    for d in '0'..='9' {
        trig.push(d.to_string());
    }
    let mut pats: Vec<String> = Vec::new();
    for t in trig {
        let cap: String = {
            let mut c = t.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => continue,
            }
        };
        for v in [fold_word(&t), t.to_lowercase(), t.to_uppercase(), cap] {
            if !pats.contains(&v) {
                pats.push(v);
            }
        }
    }
    let mut straddles: Vec<Vec<Vec<u8>>> = vec![Vec::new(); 256];
    for p in &pats {
        let p = p.as_bytes();
        for k in 1..p.len() {
            if whitespace_lead(p[k]) {
                let pre = p[..k].to_ascii_lowercase();
                let list = &mut straddles[p[k].to_ascii_lowercase() as usize];
                if !list.contains(&pre) {
                    list.push(pre);
                }
            }
        }
    }
    let triggers = Triggers::build(&pats);
    #[cfg(test)]
    let triggers_ac = aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&pats)
        .ok();
    let mut words: HashMap<String, (Vec<Word>, bool, bool), Fnv> =
        words.into_iter().map(|(k, v)| (k, (v, false, false))).collect();
    for h in &holiday_heads {
        words.entry(h.clone()).or_default().1 = true;
    }
    for (entries, head, hot) in words.values_mut() {
        *hot = *head || entries.iter().any(|w| !matches!(w, Word::Num(_) | Word::Ord(_)));
    }
    let mut first_letters = Box::new([[0u32; 27]; 32]);
    for key in words.keys() {
        let (bucket, first, bit) = key_shape(key);
        first_letters[bucket][first] |= bit;
    }
    Lexicon {
        words,
        holidays,
        holiday_keys,
        #[cfg(test)]
        holiday_heads,
        triggers,
        #[cfg(test)]
        triggers_ac,
        straddles,
        first_letters,
    }
}

/// The trigger patterns (ASCII case ignored, leftmost-longest), an Aho-Corasick DFA walked by
/// [`Triggers::find`].
///
/// `AhoCorasick::find` runs the same DFA through a generic search loop (about 20 instructions a
/// byte, the input's bounds and the automaton's fields read again at every byte); this loop
/// holds them in registers. The states and the match rules are the crate's: a match state
/// records the match ending there and the walk goes on (a longer match may follow) until the
/// dead state.
#[derive(Debug)]
pub(crate) struct Triggers {
    dfa: DFA,
    start: StateID,
}

impl Triggers {
    fn build(pats: &[String]) -> Option<Triggers> {
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // The search below follows no prefilter; with none, only the dead and the match
            // states are special.
            .prefilter(false)
            .build(pats)
            .ok()?;
        let start = dfa.start_state(Anchored::No).ok()?;
        // No empty pattern: the start state is no match (the search does not test it).
        (!dfa.is_match(start) && dfa.prefilter().is_none()).then_some(Triggers { dfa, start })
    }

    /// The leftmost-longest match of the patterns in `hay[at..]` (byte offsets into `hay`), as
    /// `AhoCorasick::find` over that span gives it.
    ///
    /// Out of line: inlined into `find`, the loop lost its registers to the caller's state.
    #[inline(never)]
    pub(crate) fn find(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let hay = hay.get(at..)?;
        let next = |sid: StateID, b: u8| dfa.next_state(Anchored::No, sid, b);
        let mut sid = self.start;
        let mut found = None;
        let mut i = 0;
        loop {
            // Up to the next special state: the dead state or a match state (not the start
            // state: no prefilter). Sixteen bytes a turn while sixteen are left (the loop's own
            // test was half of the instructions a byte), unrolled by the compiler.
            'special: loop {
                if let Some(chunk) = hay.get(i..i + 16) {
                    for (k, &b) in chunk.iter().enumerate() {
                        sid = next(sid, b);
                        if dfa.is_special(sid) {
                            i += k + 1;
                            break 'special;
                        }
                    }
                    i += 16;
                } else {
                    let Some(&b) = hay.get(i) else { return found };
                    sid = next(sid, b);
                    i += 1;
                    if dfa.is_special(sid) {
                        break;
                    }
                }
            }
            if dfa.is_dead(sid) {
                return found;
            }
            // Entered at the match's last byte (`i` is past it); a longer match may follow.
            let end = at + i;
            found = Some((end - dfa.pattern_len(dfa.match_pattern(sid, 0)), end));
        }
    }
}

/// FNV-1a: the lexicon's keys are short words, looked up for every token of a window; SipHash's
/// DoS resistance buys nothing on a fixed built-in table.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fnv;

#[derive(Debug)]
pub(crate) struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each holiday phrase's key is its first word's, and words with different keys differ.
    #[test]
    fn holiday_keys_follow_the_phrases() {
        let lex = lexicon();
        let mut listed: Vec<usize> = lex.holiday_keys.iter().flat_map(|(_, hs)| hs.iter().copied()).collect();
        listed.sort_unstable();
        assert_eq!(listed, (0..lex.holidays.len()).collect::<Vec<_>>(), "each phrase under one key");
        assert!(lex.holiday_keys.windows(2).all(|w| w[0].0 < w[1].0), "sorted by key");
        for (k, hs) in &lex.holiday_keys {
            assert!(hs.windows(2).all(|w| w[0] < w[1]), "in order");
            for &h in hs {
                assert_eq!(*k, word_key(&lex.holidays[h].0[0]), "{:?}", lex.holidays[h].0);
            }
        }
        let ws = ["", "a", "ab", "ba", "aba", "noel", "noël", "paques", "pâques", "saint", "sainte", "saints"];
        for a in ws {
            for b in ws {
                assert!(word_key(a) == word_key(b) || a != b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn data_files_parse_whole() {
        let lex = lexicon();
        assert!(lex.triggers.is_some(), "the trigger automaton must build");
        let data_lines = |s: &str| s.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(lex.holidays.len(), data_lines(include_str!("data/holidays.tsv")), "a holiday rule did not parse");
        let words: usize = lex.words.values().map(|(w, _, _)| w.len()).sum();
        assert_eq!(words, data_lines(include_str!("data/lexicon.tsv")), "a lexicon line did not parse");
    }

    // (written form, folded key)
    const FOLD: &[(&str, &str)] = &[
        ("Février", "fevrier"), // accent and capital
        ("AOÛT", "aout"),       // uppercase with circumflex
        ("Noël", "noel"),       // diaeresis
        ("lundi", "lundi"),     // already folded: borrowed
        ("Œuvre", "oeuvre"),    // ligature spelled out
    ];

    #[test]
    fn folding() {
        for &(w, want) in FOLD {
            assert_eq!(fold_word(w), want, "input {w:?}");
        }
    }

    #[test]
    fn lookup_gives_entries_and_holiday_heads() {
        const CASES: &[(&str, bool, bool)] = &[
            // a month: entries, no holiday
            ("janvier", true, false),
            // a holiday head that is no lexicon word
            ("toussaint", false, true),
            // a function word: neither
            ("maison", false, false),
        ];
        let lex = lexicon();
        for &(w, entries, head) in CASES {
            let (got, got_head, got_hot) = lex.lookup(w);
            let hot = got_head || got.iter().any(|e| !matches!(e, Word::Num(_) | Word::Ord(_)));
            assert_eq!(got_hot, hot, "input {w:?}: the hot flag");
            assert_eq!((!got.is_empty(), got_head), (entries, head), "input {w:?}: got {got:?} {got_head}");
            assert_eq!(got, lex.get(w), "input {w:?}: lookup and get disagree");
            assert_eq!(got_head, lex.holiday_heads.contains(w), "input {w:?}: head flag and set disagree");
        }
    }

    #[test]
    fn straddles_are_the_spaced_patterns() {
        // (text, position, a trigger may run across it)
        const CASES: &[(&str, usize, bool)] = &[
            // "cet été" runs across the space
            ("en cet été", 6, true),
            // "en été", capitalized
            ("En été", 2, true),
            // a word without a spaced pattern
            ("mardi prochain", 5, false),
            // the end of the text
            ("mardi", 5, false),
            // not a whitespace: assume the worst
            ("mardi", 2, true),
        ];
        for &(text, at, want) in CASES {
            assert_eq!(lexicon().may_straddle(text, at), want, "input {text:?} at {at}");
        }
    }

    #[test]
    fn filter_keeps_every_key() {
        let lex = lexicon();
        for (key, (entries, head, hot)) in &lex.words {
            assert_eq!(lex.lookup(key), (entries.as_slice(), *head, *hot), "input {key:?}");
        }
    }

    proptest::proptest! {
        /// The first-letter filter never hides an entry: lookup equals the bare map.
        #[test]
        fn lookup_matches_map(w in "[a-z1é'-]{0,14}") {
            let lex = lexicon();
            let bare = lex.words.get(w.as_str()).map_or((&[][..], false, false), |(e, h, t)| (e.as_slice(), *h, *t));
            proptest::prop_assert_eq!(lex.lookup(&w), bare);
        }
    }

    /// Every match of `AhoCorasick::find`, from every start, over `text`: the DFA walk gives it.
    fn triggers_agree(text: &str) -> Result<(), String> {
        let lex = lexicon();
        let (Some(t), Some(ac)) = (lex.triggers.as_ref(), lex.triggers_ac.as_ref()) else {
            return Err("the trigger automata must build".into());
        };
        for at in 0..=text.len() {
            let want = ac.find(aho_corasick::Input::new(text).span(at..text.len())).map(|m| (m.start(), m.end()));
            let got = t.find(text.as_bytes(), at);
            if got != want {
                return Err(format!("input {text:?} from {at}: got {got:?}, want {want:?}"));
            }
        }
        Ok(())
    }

    #[test]
    fn trigger_search_matches_aho_corasick() {
        for text in [
            "",
            "3",
            "Le 12 mars, lundi. L'été, cet été-là, en Été; LUNDI Mardi gras à la Saint-Sylvestre.",
            "devant Orban dans l'avant-veille savant-veille week-end weekends aujourd'hui",
            "FÉVRIER février Février fevrier févr. DÉC. Noël NOËL noel Pâques PÂQUES 1er 1re 2024",
        ] {
            if let Err(e) = triggers_agree(text) {
                panic!("{e}");
            }
        }
        for text in crate::temporal::repository_texts().iter().take(6) {
            let text: String = text.chars().take(3000).collect();
            if let Err(e) = triggers_agree(&text) {
                panic!("{e}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// The DFA walk finds what `AhoCorasick::find` finds, from every start.
        #[test]
        fn trigger_search_matches_aho_corasick_on_soup(
            words in proptest::collection::vec(
                "mars|Mars|MARS|mar|ma|lundi|lun|an|ans|dans|devant|été|ÉTÉ|cet|en|l|d|'|’|-|avant|veille|\
                 week|end|1er|1|2024|saint|Noël|noël|NOËL|Pâques|févr|février|FÉVRIER|x|é| |  |\n|\\.",
                0..30,
            )
        ) {
            let text: String = words.concat();
            proptest::prop_assert!(triggers_agree(&text).is_ok(), "{:?}", triggers_agree(&text));
        }
    }

    #[test]
    fn sept_is_a_number_and_a_month() {
        let kinds = lexicon().get("sept");
        assert!(kinds.contains(&Word::Num(7)) && kinds.contains(&Word::MonthAbbr(9)), "{kinds:?}");
    }

    /// The definition the fast `fold_slow` must reproduce: lowercase each character, then fold.
    fn fold_by_case_tables(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            for l in c.to_lowercase() {
                match fold_known(l) {
                    Some(f) => out.push_str(f),
                    None => out.push(l),
                }
            }
        }
        out
    }

    const FOLDS: &[(&str, &str)] = &[
        // accented capital at the start of a sentence
        ("Élysée", "elysee"),
        // ligature, both cases
        ("ŒUVRE", "oeuvre"),
        // backquote and typographic apostrophe
        ("aujourd’hui`", "aujourd'hui'"),
        // a letter outside French keeps its lowercase
        ("ŁÓDŹ", "łodź"),
    ];

    #[test]
    fn fold_table() {
        for &(input, want) in FOLDS {
            let got = fold_slow(input);
            assert_eq!(got, want, "input {input:?}: expected {want:?}, got {got:?}");
        }
    }

    #[test]
    fn fold_latin_chars_match_case_tables() {
        // Every character up to U+024F alone, and after a capital and before a lowercase ASCII.
        for c in '\u{0}'..='\u{24F}' {
            for s in [c.to_string(), format!("A{c}b")] {
                assert_eq!(fold_slow(&s), fold_by_case_tables(&s), "input {s:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The direct table gives what lowercasing with the Unicode tables then folding gives.
        #[test]
        fn fold_matches_case_tables(s in "\\PC{0,12}") {
            proptest::prop_assert_eq!(fold_slow(&s), fold_by_case_tables(&s));
        }
    }
}
