//! The grammar of French dates over the tokens of one trigger window, and their resolution
//! against the reference date, the tense of the clause and the previous expression.

use super::holidays::nth_weekday;
use super::lexicon::{lexicon, Lexicon, Word};
use super::scan::{Kind, Tok};
use super::tense::{clause_bounds, nearest, sentence_bounds_in_window, signals_with_tokens, Tense, TenseBuffers};
use super::value::{month_last, week_of, ymd, Period, Value};
use super::{Anchor, Date, Modifier, Prefer, Season, Weekday};

/// One expression found at tokens `start..end`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub value: Value,
    pub modifier: Option<Modifier>,
    pub anchor: Anchor,
    pub flagged: bool,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Dir {
    Past,
    Future,
    Near,
}

/// A day named by parts, some of them missing (`le 13`, `mardi 3 mars`, `12/05/2016`).
#[derive(Clone, Copy, Debug, Default)]
struct Partial {
    end: usize,
    wd: Option<Weekday>,
    wd_abbr: bool,
    day: u32,
    month: Option<u32>,
    year: Option<i32>,
}

/// The tense signals of one sentence, keyed by its byte bounds.
pub(crate) type SentenceTenses = ((usize, usize), Vec<(usize, Tense)>);

pub(crate) struct Parser<'a> {
    pub t: &'a [Tok<'a>],
    pub text: &'a str,
    /// The byte bounds of the window `t` tokenizes.
    window: (usize, usize),
    /// The sentence stops inside the window, in order (`scan::TokBuffers::stops`).
    stops: &'a [(usize, usize)],
    pub reference: Option<Date>,
    pub prefer: Prefer,
    /// The value of the previous expression of the text (for `le lendemain`, `l'année suivante`).
    pub last: std::cell::Cell<Option<Value>>,
    /// The last expression of the text that is a day or a range of days, and its end.
    last_day: std::cell::Cell<Option<(Value, usize)>>,
    /// Where the expression being read starts (byte offset).
    at: std::cell::Cell<usize>,
    lex: &'static Lexicon,
    /// Partial days already parsed, by token (the range and day rules share them).
    partials: std::cell::RefCell<Vec<Option<Option<Partial>>>>,
    /// Tense signals of the sentences already read, by sentence bounds.
    tenses: std::cell::RefCell<Vec<SentenceTenses>>,
    /// The tense reader's buffers.
    words: std::cell::RefCell<TenseBuffers>,
    /// The direction a preposition gives the expression that starts at a token, while that
    /// expression is parsed: always (`depuis septembre` looks back, `d'ici mercredi` forward),
    /// or, flagged weak, only for a weekday whose sentence has no tense to tell (`à partir de
    /// lundi`, `jusqu'à mardi`, `dès jeudi` look forward rather than back).
    forced: std::cell::Cell<Option<(usize, Dir, bool)>>,
    /// The last sentence asked about, when no stop lies inside it (see `sentence_bounds_memo`).
    sentence: std::cell::Cell<Option<(usize, usize)>>,
}

const UNIT_NOUNS: &[&str] = &[
    "euros",
    "euro",
    "dollars",
    "dollar",
    "livres",
    "francs",
    "personnes",
    "habitants",
    "morts",
    "victimes",
    "blesses",
    "manifestants",
    "salaries",
    "emplois",
    "postes",
    "km",
    "kilometres",
    "metres",
    "m",
    "kg",
    "tonnes",
    "litres",
    "voix",
    "voitures",
    "exemplaires",
    "membres",
    "soldats",
    "policiers",
    "gendarmes",
    "eleves",
    "etudiants",
    "enfants",
    "hommes",
    "femmes",
    "familles",
    "logements",
    "foyers",
    "entreprises",
    "points",
    "h",
    "heures",
    "minutes",
    "ans",
    "jours",
    "mois",
    "pages",
    "articles",
    "mots",
    "fois",
    "millions",
    "milliards",
    "milliers",
    "centaines",
    "pour",
];
const YEAR_FOLLOWERS: &[&str] = &[
    "et", "ou", "a", "au", "aux", "en", "pour", "le", "la", "les", "l", "il", "elle", "ils", "elles", "on", "ce",
    "cette", "qui", "que", "puis", "alors", "lors", "avec", "dans", "sur", "par", "quand", "mais", "deja", "jusqu",
    "contre", "apres", "avant", "depuis", "selon", "un", "une", "des", "du", "de", "d", "s", "n", "y", "c", "j",
];

/// The rules of [`Parser::best_with`], a bit each: [`Parser::rule_mask`] tells which of them may
/// start at a token, from the token alone (each rule still tests its first token itself).
const R_RELDAY: u32 = 1 << 0;
const R_HOLIDAY: u32 = 1 << 1;
const R_RANGE: u32 = 1 << 2;
const R_FUZZY: u32 = 1 << 3;
const R_QUINZAINE: u32 = 1 << 4;
const R_MODDED: u32 = 1 << 5;
const R_DAY: u32 = 1 << 6;
const R_WEEKDAY: u32 = 1 << 7;
const R_ORD_WEEKDAY: u32 = 1 << 8;
const R_PERIOD_REL: u32 = 1 << 9;
const R_NTH_WEEK: u32 = 1 << 10;
const R_AGO: u32 = 1 << 11;
const R_LAST_N: u32 = 1 << 12;
const R_MONTH: u32 = 1 << 13;
const R_NUM_MONTH: u32 = 1 << 14;
const R_YEAR: u32 = 1 << 15;
const R_SEASON: u32 = 1 << 16;
const R_CENTURY: u32 = 1 << 17;
const R_QUARTER: u32 = 1 << 18;
const R_DECADE: u32 = 1 << 19;
/// The rules that may start at a number.
const NUM_RULES: u32 = R_RELDAY
    | R_RANGE
    | R_QUINZAINE
    | R_DAY
    | R_ORD_WEEKDAY
    | R_NTH_WEEK
    | R_LAST_N
    | R_NUM_MONTH
    | R_YEAR
    | R_CENTURY
    | R_QUARTER;

/// The rules whose first-word list holds `w` (the word lists of the rules' `starts` tests; `le`,
/// `ce`, `1er`, `premier` for a partial day; `le`, `la`, `l` before a holiday): one `match`
/// instead of a list per rule. A test reads the rules' lists from this file and checks that each
/// of their words sets its rule's bit.
fn first_word_rules(w: &str) -> u32 {
    match w {
        "a" => R_FUZZY | R_MODDED,
        "d" => R_FUZZY | R_MODDED | R_SEASON,
        "l" => R_RELDAY | R_HOLIDAY | R_PERIOD_REL | R_YEAR | R_SEASON,
        "au" => R_FUZZY | R_LAST_N | R_MONTH | R_SEASON | R_CENTURY | R_QUARTER,
        "ce" => R_RELDAY | R_DAY | R_WEEKDAY | R_PERIOD_REL | R_MONTH | R_SEASON,
        "de" => R_RANGE | R_YEAR,
        "du" => R_RANGE | R_CENTURY | R_QUARTER,
        "en" => R_RELDAY | R_FUZZY | R_MONTH | R_YEAR | R_SEASON,
        "il" => R_AGO,
        "la" => R_RELDAY | R_HOLIDAY | R_RANGE | R_FUZZY | R_QUINZAINE | R_PERIOD_REL | R_NTH_WEEK,
        "le" => {
            R_RELDAY
                | R_HOLIDAY
                | R_RANGE
                | R_FUZZY
                | R_DAY
                | R_WEEKDAY
                | R_ORD_WEEKDAY
                | R_PERIOD_REL
                | R_NTH_WEEK
                | R_MONTH
                | R_SEASON
                | R_CENTURY
                | R_QUARTER
        }
        "mi" => R_FUZZY,
        "un" => R_RELDAY,
        "1er" => R_DAY,
        "aux" => R_MODDED | R_DECADE,
        "ces" => R_LAST_N,
        "cet" => R_PERIOD_REL | R_MONTH | R_SEASON,
        "des" => R_FUZZY | R_MODDED | R_DECADE,
        "fin" => R_FUZZY,
        "les" => R_RANGE | R_LAST_N | R_DECADE,
        "sur" => R_LAST_N,
        "dans" => R_RELDAY | R_RANGE | R_PERIOD_REL | R_AGO | R_LAST_N | R_DECADE,
        "hier" => R_RELDAY,
        "jour" => R_RELDAY,
        "meme" => R_RELDAY,
        "mois" => R_MONTH,
        "nuit" => R_RANGE,
        "vers" => R_FUZZY | R_MODDED,
        "annee" => R_YEAR,
        "apres" => R_RELDAY | R_MODDED,
        "avant" => R_RELDAY | R_MODDED,
        "cette" => R_WEEKDAY | R_PERIOD_REL | R_MONTH | R_SEASON,
        "debut" => R_FUZZY,
        "entre" => R_RANGE,
        "jusqu" => R_FUZZY | R_MODDED,
        "autour" => R_MODDED,
        "demain" => R_RELDAY,
        "depuis" => R_RANGE | R_MODDED | R_MONTH,
        "durant" => R_LAST_N,
        "milieu" => R_FUZZY,
        "veille" => R_RELDAY,
        "aujourd" => R_RELDAY,
        "courant" => R_FUZZY,
        "dernier" => R_LAST_N,
        "pendant" => R_LAST_N,
        "premier" => R_RANGE | R_DAY,
        "derniere" => R_LAST_N,
        "derniers" => R_LAST_N,
        "prochain" => R_MONTH,
        "dernieres" => R_LAST_N,
        "lendemain" => R_RELDAY,
        "prochains" => R_LAST_N,
        "prochaines" => R_LAST_N,
        "surlendemain" => R_RELDAY,
        _ => 0,
    }
}

/// The rules whose `starts` test accepts a lexicon entry of this kind.
fn lex_rules(w: &Word) -> u32 {
    match w {
        Word::Num(_) => R_RELDAY | R_RANGE | R_LAST_N,
        Word::Ord(_) => R_RANGE | R_QUINZAINE | R_ORD_WEEKDAY | R_NTH_WEEK | R_QUARTER,
        Word::Weekday(_) | Word::WeekdayAbbr(_) => R_RANGE | R_WEEKDAY,
        Word::Month(_) | Word::MonthAbbr(_) => R_RANGE | R_MONTH,
        Word::Trigger => R_FUZZY | R_MODDED | R_PERIOD_REL | R_AGO | R_YEAR | R_SEASON | R_CENTURY | R_DECADE,
        Word::Season(_) => 0,
    }
}

/// What a parser keeps for the next window of the same text: the tense signals of the sentences
/// already read (a sentence may span two windows) and its buffers.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    partials: Vec<Option<Option<Partial>>>,
    tenses: Vec<SentenceTenses>,
    words: TenseBuffers,
    /// The last day (or range of days) of the text before the window, and its end.
    last_day: Option<(Value, usize)>,
}

impl<'a> Parser<'a> {
    // The window (tokens, text, bounds, stops), the resolver's settings and the carried state.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        t: &'a [Tok<'a>],
        text: &'a str,
        window: (usize, usize),
        stops: &'a [(usize, usize)],
        reference: Option<Date>,
        prefer: Prefer,
        last: Option<Value>,
        scratch: Scratch,
    ) -> Self {
        let Scratch { mut partials, mut tenses, mut words, last_day } = scratch;
        partials.clear();
        partials.resize(t.len(), None);
        // The sentences that end before this window are not read again: their lists of
        // signals are kept for the next sentences.
        let mut k = 0;
        while k < tenses.len() {
            if tenses[k].0 .1 < window.0 {
                words.spare.push(tenses.swap_remove(k).1);
            } else {
                k += 1;
            }
        }
        Parser {
            t,
            text,
            window,
            stops,
            reference,
            prefer,
            last: std::cell::Cell::new(last),
            last_day: std::cell::Cell::new(last_day),
            at: std::cell::Cell::new(0),
            lex: lexicon(),
            partials: std::cell::RefCell::new(partials),
            tenses: std::cell::RefCell::new(tenses),
            words: std::cell::RefCell::new(words),
            forced: std::cell::Cell::new(None),
            sentence: std::cell::Cell::new(None),
        }
    }

    /// The parser's scratch, for the next window.
    pub(crate) fn into_scratch(self) -> Scratch {
        Scratch {
            partials: self.partials.into_inner(),
            tenses: self.tenses.into_inner(),
            words: self.words.into_inner(),
            last_day: self.last_day.get(),
        }
    }

    /// Records `v`, ending at byte `end`, as the last expression of the story (and as its last
    /// day, if it is one).
    pub(crate) fn set_last(&self, v: Value, end: usize) {
        self.last.set(Some(v));
        if is_days(v) {
            self.last_day.set(Some((v, end)));
        }
    }

    // ---- token helpers -------------------------------------------------------------------

    #[inline]
    fn word(&self, i: usize) -> Option<&str> {
        self.t.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.norm)
    }

    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// Whether token `i` is a number, a lexicon word of a date kind, or one of `ws`: the cheap
    /// test that lets a rule give up at once.
    ///
    /// The word lists are `matches!` patterns: a length switch and integer comparisons, where
    /// `contains` on a slice of `&str` called `memcmp` for every entry of the same length.
    #[inline(always)]
    fn starts(&self, i: usize, ws: impl Fn(&str) -> bool, num: bool, lex: fn(&Word) -> bool) -> bool {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Num => num,
            Some(t) if t.kind == Kind::Word => ws(t.norm) || t.lex.iter().any(lex),
            _ => false,
        }
    }

    /// Whether token `i` is a word that `ws` accepts (a `matches!` pattern, as in [`Self::starts`]).
    #[inline(always)]
    fn is_any(&self, i: usize, ws: impl Fn(&str) -> bool) -> bool {
        self.word(i).is_some_and(ws)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    fn adjacent(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.t.get(i).filter(|t| t.kind == Kind::Num).map(|t| (t.num, t.norm.len()))
    }

    fn is_sep(&self, i: usize) -> bool {
        self.punct(i, '\'') || self.punct(i, '-')
    }

    /// Matches `words` from `i`, apostrophes and hyphens between them ignored.
    #[inline(always)]
    fn seq<S: AsRef<str>>(&self, i: usize, words: &[S]) -> Option<usize> {
        // Most calls fail on the first word: test it inline, before the call.
        match (words.first(), self.word(i)) {
            (Some(w), Some(x)) if w.as_ref() != x => None,
            (Some(_), None) => None,
            _ => self.seq_rest(i, words),
        }
    }

    fn seq_rest<S: AsRef<str>>(&self, i: usize, words: &[S]) -> Option<usize> {
        let mut j = i;
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                while self.is_sep(j) {
                    j += 1;
                }
            }
            if !self.is(j, w.as_ref()) {
                return None;
            }
            j += 1;
        }
        // An elided word ("d'", "l'", "jusqu'") takes its apostrophe with it.
        if matches!(words.last().map(AsRef::as_ref), Some("d" | "l" | "jusqu" | "qu")) && self.punct(j, '\'') {
            j += 1;
        }
        Some(j)
    }

    /// The longest of `alts` matching at `i`, or `i`.
    #[inline]
    fn opt(&self, i: usize, alts: &[&[&str]]) -> usize {
        // A match ends at or after `i`: the longest match, or `i`.
        let mut best = i;
        for a in alts {
            if let Some(e) = self.seq(i, a) {
                best = best.max(e);
            }
        }
        best
    }

    fn skip_sep(&self, mut j: usize) -> usize {
        while self.is_sep(j) {
            j += 1;
        }
        j
    }

    /// Whether a date may end before token `i`: end of window, punctuation, or a word that does
    /// not make the number a quantity.
    fn clean_end(&self, i: usize) -> bool {
        match self.t.get(i) {
            None => true,
            Some(t) => match t.kind {
                Kind::Punct(c) => {
                    let decimal = matches!(c, '.' | ',' | ':' | '/' | '-' | '%' | '€' | '$' | '°')
                        && !t.gap
                        && self.t.get(i + 1).is_some_and(|n| n.kind == Kind::Num && !n.gap);
                    !decimal && !matches!(c, '%' | '€' | '$' | '°' | '£' | '/')
                }
                Kind::Num => false,
                Kind::Word => !UNIT_NOUNS.contains(&t.norm) && t.gap,
            },
        }
    }

    fn lexw(&self, i: usize) -> &'static [Word] {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Word => t.lex,
            _ => &[],
        }
    }

    // ---- direction -----------------------------------------------------------------------

    fn dir(&self, s: usize, e: usize, default: Dir) -> Dir {
        let mut default = default;
        if let Some((at, d, weak)) = self.forced.get() {
            if s >= at && !weak {
                return d;
            }
            if s >= at && default == Dir::Past {
                default = d;
            }
        }
        match self.prefer {
            Prefer::Past => Dir::Past,
            Prefer::Future => Dir::Future,
            Prefer::Tense => {
                let (Some(a), Some(b)) = (self.t.get(s), self.t.get(e.saturating_sub(1))) else { return default };
                let key = sentence_bounds_in_window(self.text, self.window, self.stops, a.start, b.end, &self.sentence);
                let t = self.tense_in(key, a.start, b.end).or_else(|| {
                    // No tense between the quotation marks around: the clause across them.
                    let wide = clause_bounds(self.text, a.start, b.end);
                    (wide != key).then(|| self.tense_in(wide, a.start, b.end)).flatten()
                });
                match t {
                    Some(Tense::Past | Tense::PastNext | Tense::PastAfter) => Dir::Past,
                    Some(Tense::Future) => Dir::Future,
                    Some(Tense::Relative | Tense::Que | Tense::PastClause(_)) | None => default,
                }
            }
        }
    }

    /// The tense nearest to `start..end` among the signals of the sentence `key` (computed once
    /// per sentence).
    fn tense_in(&self, key: (usize, usize), start: usize, end: usize) -> Option<Tense> {
        let cached = self.tenses.borrow().iter().find(|(k, _)| *k == key).map(|(_, s)| nearest(s, start, end));
        match cached {
            Some(t) => t,
            None => {
                let sig = self.sentence_signals(key);
                let t = nearest(&sig, start, end);
                self.tenses.borrow_mut().push((key, sig));
                t
            }
        }
    }

    /// The tense signals of the sentence `text[from..to]`, its part inside the window read from
    /// the window's tokens.
    fn sentence_signals(&self, key: (usize, usize)) -> Vec<(usize, Tense)> {
        signals_with_tokens(self.text, key, self.window, self.t, &mut self.words.borrow_mut())
    }

    /// The day a story-relative expression counts from: the previous expression when it is a
    /// day or a range of days (its first day looking back, its last looking forward), else the
    /// last such expression before it, else the reference date when the text has no date
    /// before. A month or a year with no day before it gives no day to count from: `None`.
    fn story_day(&self, sign: i64) -> Option<(Date, Anchor)> {
        let day = |v: Value| Some((if sign > 0 { v.last_day() } else { v.first_day() }, Anchor::Previous));
        match (self.last.get(), self.reference) {
            (Some(v), _) if is_days(v) => day(v),
            // A month or a year since the last day of the story (`Arrivé à l'été 2023, …`,
            // `l'automne dernier`) is background: the day of the narration still counts, if it
            // was named within a few paragraphs.
            (Some(_), _) => self
                .last_day
                .get()
                .filter(|&(_, end)| self.at.get().saturating_sub(end) <= STORY_DAY_REACH)
                .and_then(|(v, _)| day(v)),
            (None, Some(r)) => Some((r, Anchor::Document)),
            (None, None) => None,
        }
    }

    /// The date a story-relative period counts from (`la semaine suivante`, `l'année
    /// précédente`): the first day of the previous expression, else the reference date.
    fn story_base(&self) -> Option<(Date, Anchor)> {
        match (self.last.get(), self.reference) {
            (Some(v), _) => Some((v.first_day(), Anchor::Previous)),
            (None, Some(r)) => Some((r, Anchor::Document)),
            (None, None) => None,
        }
    }

    // ---- primitives ----------------------------------------------------------------------

    /// French number words: `quinze`, `dix-huit`, `vingt et un`, `quatre-vingt-dix`, `deux mille`.
    fn num_words(&self, i: usize) -> Option<(u32, usize)> {
        let mut total: u32 = 0;
        let mut cur: u32 = 0;
        let mut j = i;
        let mut any = false;
        let mut end = i;
        loop {
            let k = if any { self.skip_sep(j) } else { j };
            let k = if any
                && self.is(k, "et")
                && self.lexw(k + 1).iter().any(|w| matches!(w, Word::Num(1) | Word::Num(11)))
            {
                k + 1
            } else {
                k
            };
            let Some(v) = self.lexw(k).iter().find_map(|w| if let Word::Num(v) = w { Some(*v) } else { None }) else {
                break;
            };
            match v {
                100 => cur = cur.max(1).saturating_mul(100),
                1000 => {
                    total = total.saturating_add(cur.max(1).saturating_mul(1000));
                    cur = 0;
                }
                20 if cur % 100 == 4 => cur = cur - 4 + 80,
                _ => cur = cur.saturating_add(v),
            }
            any = true;
            j = k + 1;
            end = j;
        }
        any.then_some((total.saturating_add(cur), end))
    }

    /// A day of the month: `3`, `1er`, `15e`, `premier`, `quinze`, `vingt et un`.
    fn daynum(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, d)) = self.num(i) {
            if d > 2 || !(1..=31).contains(&n) {
                return None;
            }
            let j = i + 1;
            if self.adjacent(j) && self.is_any(j, |w| matches!(w, "er" | "re" | "e" | "eme" | "ieme" | "nd" | "nde")) {
                return Some((n, j + 1));
            }
            if self.adjacent(j) && self.word(j).is_some() {
                return None; // "3h", "10km"
            }
            return Some((n, j));
        }
        if self.is_any(i, |w| matches!(w, "1er")) {
            return Some((1, i + 1));
        }
        // The word "premier" is a day only before its month: "le premier mars", not "nommé
        // mardi Premier ministre" or "le premier jour".
        if self.is_any(i, |w| matches!(w, "premier")) {
            return self.month_at(i + 1, true).map(|_| (1, i + 1));
        }
        let (n, e) = self.num_words(i)?;
        ((2..=31).contains(&n)).then_some((n, e))
    }

    fn month_at(&self, i: usize, abbr: bool) -> Option<(u32, usize)> {
        for w in self.lexw(i) {
            match *w {
                Word::Month(m) => {
                    let e = if self.punct(i + 1, '.') && self.adjacent(i + 1) && self.num(i + 2).is_some() {
                        i + 2
                    } else {
                        i + 1
                    };
                    return Some((m, e));
                }
                Word::MonthAbbr(m) if abbr => {
                    let e = if self.punct(i + 1, '.') && self.adjacent(i + 1) { i + 2 } else { i + 1 };
                    return Some((m, e));
                }
                _ => {}
            }
        }
        None
    }

    fn full_month_at(&self, i: usize) -> Option<(u32, usize)> {
        self.lexw(i).iter().find_map(|w| if let Word::Month(m) = w { Some((*m, i + 1)) } else { None })
    }

    fn weekday_at(&self, i: usize) -> Option<(Weekday, usize, bool)> {
        for w in self.lexw(i) {
            match *w {
                Word::Weekday(d) => return Some((d, i + 1, false)),
                Word::WeekdayAbbr(d) if self.punct(i + 1, '.') && self.adjacent(i + 1) => {
                    return Some((d, i + 2, true))
                }
                Word::WeekdayAbbr(d) if self.punct(i + 1, ',') || self.num(i + 1).is_some() => {
                    return Some((d, i + 1, true))
                }
                _ => {}
            }
        }
        None
    }

    fn year4(&self, i: usize) -> Option<(i32, usize)> {
        let (n, d) = self.num(i)?;
        if d != 4 || !(1000..=2999).contains(&n) {
            return None;
        }
        // "2 000" or "1 500" (groups of thousands) are numbers, not years.
        if self.num(i + 1).is_some_and(|(_, d)| d == 3) && self.t.get(i + 1).is_some_and(|t| t.gap) {
            return None;
        }
        Some((n as i32, i + 1))
    }

    /// A year after a day and month: four digits, or two (`74` → 1974, `14` → 2014).
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(i) {
            return Some(y);
        }
        let (n, d) = self.num(i)?;
        if d != 2 || !self.clean_end(i + 1) || self.word(i + 1).is_some_and(|w| w == "h") {
            return None;
        }
        Some((if n < 50 { 2000 + n as i32 } else { 1900 + n as i32 }, i + 1))
    }

    fn ord(&self, i: usize) -> Option<(i32, usize)> {
        for w in self.lexw(i) {
            if let Word::Ord(n) = *w {
                return Some((n, i + 1));
            }
        }
        let (n, d) = self.num(i)?;
        if d <= 2
            && self.adjacent(i + 1)
            && self.is_any(i + 1, |w| matches!(w, "er" | "re" | "e" | "eme" | "ieme" | "nd" | "nde"))
        {
            return Some((n as i32, i + 2));
        }
        let w = self.word(i)?;
        for suf in ["ieme", "eme"] {
            if let Some(stem) = w.strip_suffix(suf) {
                let n = match stem {
                    "deux" => 2,
                    "trois" => 3,
                    "quatr" => 4,
                    "cinqu" => 5,
                    _ => 0,
                };
                if n > 0 {
                    return Some((n, i + 1));
                }
            }
        }
        None
    }

    // ---- resolution helpers ----------------------------------------------------------------

    fn weekday_from(&self, r: Date, wd: Weekday, dir: Dir) -> Date {
        let fwd = (wd.number() as i64 - r.weekday().number() as i64).rem_euclid(7);
        let back = (r.weekday().number() as i64 - wd.number() as i64).rem_euclid(7);
        match dir {
            Dir::Future => r.add_days(if fwd == 0 { 7 } else { fwd }),
            Dir::Past => r.add_days(-back),
            Dir::Near => {
                if back <= fwd {
                    r.add_days(-back)
                } else {
                    r.add_days(fwd)
                }
            }
        }
    }

    fn pick(r: Date, cands: impl Iterator<Item = Date>, dir: Dir) -> Option<Date> {
        let mut best: Option<Date> = None;
        for c in cands {
            let better = match dir {
                Dir::Past => c <= r && best.map_or(true, |b| c > b),
                Dir::Future => c >= r && best.map_or(true, |b| c < b),
                Dir::Near => best.map_or(true, |b| {
                    let (dc, db) = (r.days_until(c).abs(), r.days_until(b).abs());
                    dc < db || (dc == db && c < b)
                }),
            };
            if better {
                best = Some(c);
            }
        }
        best
    }

    fn day_month(r: Date, d: u32, m: u32, dir: Dir) -> Option<Date> {
        let y = r.year();
        Self::pick(r, (y - 1..=y + 1).filter_map(|y| Date::new(y, m, d).ok()), dir)
            .or_else(|| Self::pick(r, (y - 4..=y + 4).filter_map(|y| Date::new(y, m, d).ok()), Dir::Near))
    }

    fn day_only(r: Date, d: u32, wd: Option<Weekday>, dir: Dir) -> Option<(Date, bool)> {
        let base = r.year() * 12 + r.month() as i32 - 1;
        let span = if wd.is_some() { 14 } else { 2 };
        let cands = (base - span..=base + span)
            .filter_map(|k| Date::new(k.div_euclid(12), k.rem_euclid(12) as u32 + 1, d).ok());
        match wd {
            None => Self::pick(r, cands, dir).map(|d| (d, false)),
            Some(w) => Self::pick(r, cands.filter(|c| c.weekday() == w), dir).map(|d| (d, false)),
        }
    }

    /// Resolves a partial day; the flag marks a weekday that disagrees with the date.
    fn resolve_partial(&self, p: &Partial, dir: &dyn Fn() -> Dir) -> Option<(Date, bool)> {
        match (p.month, p.year) {
            (Some(m), Some(y)) => {
                let d = Date::new(y, m, p.day).ok()?;
                Some((d, p.wd.is_some_and(|w| w != d.weekday())))
            }
            (Some(m), None) => {
                let r = self.reference?;
                // A story told in a remote past (an obituary, a retrospective): after a day or
                // a month of a year two or more years away, a day and month without a year
                // continue that story (`nommé en juin 1981, il monte à la tribune le 17
                // septembre`), in that year or, when they come before it, the next.
                let story = match self.last.get() {
                    Some(Value::Period(Period::Day(d))) => Some((d.year(), d.month(), d.day())),
                    Some(Value::Period(Period::Month { year, month })) => Some((year, month, 1)),
                    _ => None,
                };
                if let Some((y, am, ad)) = story.filter(|&(y, _, _)| (y - r.year()).abs() >= 2) {
                    let y = if (m, p.day) < (am, ad) { y + 1 } else { y };
                    if let Ok(d) = Date::new(y, m, p.day) {
                        return Some((d, p.wd.is_some_and(|w| w != d.weekday())));
                    }
                }
                let def = Self::day_month(r, p.day, m, dir())?;
                match p.wd {
                    None => Some((def, false)),
                    Some(w) if def.weekday() == w => Some((def, false)),
                    Some(w) => {
                        let y = def.year();
                        // The nearest year where the weekday agrees (a year either side of the
                        // one the clause points to); else the date is kept and flagged. An
                        // explicit Prefer::Past/Future is a hard constraint on that year.
                        let alt_dir = if self.prefer == Prefer::Tense { Dir::Near } else { dir() };
                        let alt = Self::pick(
                            r,
                            (y - 1..=y + 1).filter_map(|y| Date::new(y, m, p.day).ok()).filter(|c| c.weekday() == w),
                            alt_dir,
                        );
                        match alt {
                            Some(a) if (a.year() - r.year()).abs() <= 1 => Some((a, false)),
                            _ => Some((def, true)),
                        }
                    }
                }
            }
            (None, _) => {
                let r = self.reference?;
                Self::day_only(r, p.day, p.wd, dir())
            }
        }
    }

    fn found(&self, start: usize, end: usize, value: Value, anchor: Anchor) -> Option<Found> {
        if !value.is_valid() || self.part_of_name(start, end) {
            return None;
        }
        Some(Found { start, end, value, modifier: None, anchor, flagged: false })
    }

    /// Whether the words `start..end` are a piece of a name rather than a date: the end of a
    /// hyphenated compound (`Jean-Noël`, `Champ-de-Mars`; not `mi-mars` or `avant-hier`), or a
    /// holiday's single capitalised word that is the first name before a surname (`Noël Le
    /// Graët`, `Toussaint Louverture`).
    fn part_of_name(&self, start: usize, end: usize) -> bool {
        let (Some(first), Some(last)) = (self.t.get(start), end.checked_sub(1).and_then(|e| self.t.get(e))) else {
            return false;
        };
        if first.kind == Kind::Word
            && start >= 2
            && !first.gap
            && self.punct(start - 1, '-')
            && self.adjacent(start - 1)
            && self.t[start - 2].kind == Kind::Word
            && !matches!(self.t[start - 2].norm, "mi" | "fin" | "debut" | "avant" | "apres" | "saint" | "sainte")
        {
            return true;
        }
        // A holiday's one word (not a weekday or a month: "Lundi Le Monde révélait …" stays a
        // date), capitalised, then a capitalised word that is no date word.
        end == start + 1
            && last.kind == Kind::Word
            && last.upper
            && last.head
            && !last.lex.iter().any(|w| matches!(w, Word::Weekday(_) | Word::Month(_) | Word::MonthAbbr(_)))
            && self.t.get(end).is_some_and(|next| {
                next.kind == Kind::Word && next.gap && next.upper && next.lex.is_empty() && !next.head
            })
    }

    // ---- entry ---------------------------------------------------------------------------

    /// Idioms that contain date words but are not dates: skip them whole.
    pub(crate) fn idiom(&self, i: usize) -> Option<usize> {
        const IDIOMS: &[&[&str]] = &[
            &["du", "jour", "au", "lendemain"],
            &["au", "jour", "le", "jour"],
            &["jour", "apres", "jour"],
            &["d", "un", "jour", "a", "l", "autre"],
            &["de", "nos", "jours"],
            &["a", "ce", "jour"],
            &["lendemains", "qui", "chantent"],
            &["sans", "lendemain"],
            &["tous", "les", "jours"],
            &["chaque", "jour"],
            &["le", "jour", "j"],
            &["semaine", "de", "quatre", "jours"],
            &["la", "semaine", "sainte"],
        ];
        if !self.starts(
            i,
            |w| {
                matches!(
                    w,
                    "du" | "au"
                        | "jour"
                        | "d"
                        | "de"
                        | "a"
                        | "lendemains"
                        | "sans"
                        | "tous"
                        | "chaque"
                        | "le"
                        | "semaine"
                        | "la"
                )
            },
            true,
            |_| false,
        ) {
            return None;
        }
        if let (Some(a), true) = (self.num(i), self.punct(i + 1, '/')) {
            if a.0 == 24 && self.num(i + 2).is_some_and(|b| b.0 == 7) {
                return Some(i + 3);
            }
        }
        // A number dialled: `a appelé le 18`, `composez le 112` (the emergency and help lines).
        if self.is(i, "le")
            && self
                .num(i + 1)
                .is_some_and(|(n, _)| matches!(n, 15 | 17 | 18 | 112 | 114 | 115 | 119 | 196 | 3114 | 3919))
            && !self
                .t
                .get(i + 2)
                .is_some_and(|t| t.lex.iter().any(|w| matches!(w, Word::Month(_) | Word::MonthAbbr(_))))
            && self.t.get(i).is_some_and(|t| super::scan::calling_verb_before(self.text, t.start))
        {
            return Some(i + 2);
        }
        IDIOMS.iter().filter_map(|s| self.seq(i, s)).max()
    }

    /// The longest expression starting at token `i`.
    pub(crate) fn best(&self, i: usize) -> Option<Found> {
        self.at.set(self.t.get(i).map_or(0, |t| t.start));
        self.best_with(i, true, true, false)
    }

    fn best_with(&self, i: usize, modded: bool, fuzzy: bool, bare_year: bool) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f {
                if best.map_or(true, |b| f.end > b.end) {
                    best = Some(f);
                }
            }
        };
        // The rules that cannot start at this token are not called (they would give `None`).
        let m = self.rule_mask(i);
        let on = |bit: u32| m & bit != 0;
        if on(R_RELDAY) {
            consider(self.r_relday(i));
        }
        if on(R_HOLIDAY) {
            consider(self.r_holiday(i));
        }
        if on(R_RANGE) {
            consider(self.r_range(i));
        }
        if fuzzy {
            if on(R_FUZZY) {
                consider(self.r_fuzzy(i));
            }
            if on(R_QUINZAINE) {
                consider(self.r_quinzaine(i));
            }
        }
        if modded && on(R_MODDED) {
            consider(self.r_modded(i));
        }
        if on(R_DAY) {
            consider(self.r_day(i, bare_year));
        }
        if on(R_WEEKDAY) {
            consider(self.r_weekday(i));
        }
        if on(R_ORD_WEEKDAY) {
            consider(self.r_ord_weekday(i));
        }
        if on(R_PERIOD_REL) {
            consider(self.r_period_rel(i));
        }
        if on(R_NTH_WEEK) {
            consider(self.r_nth_week(i));
        }
        if on(R_AGO) {
            consider(self.r_ago(i));
        }
        if on(R_LAST_N) {
            consider(self.r_last_n(i));
        }
        if on(R_MONTH) {
            consider(self.r_month(i));
        }
        if on(R_NUM_MONTH) {
            consider(self.r_num_month(i));
        }
        if on(R_YEAR) {
            consider(self.r_year(i, bare_year));
        }
        if on(R_SEASON) {
            consider(self.r_season(i));
        }
        if on(R_CENTURY) {
            consider(self.r_century(i));
        }
        if on(R_QUARTER) {
            consider(self.r_quarter(i));
        }
        if on(R_DECADE) {
            consider(self.r_decade(i));
        }
        best
    }

    /// The rules that may start at token `i`, from the token alone: a superset of the rules whose
    /// first test passes there. A number may start the rules whose `starts` takes numbers, a day
    /// and a numeric month; a word the rules whose first-word list holds it, those whose `starts`
    /// takes one of its lexicon entries, a partial day after any lexicon word, a holiday after its
    /// head, a century at a capitalized word opening on a Roman digit; an apostrophe or a hyphen
    /// only a holiday (`r_holiday` skips them before its head); other punctuation none.
    #[inline]
    fn rule_mask(&self, i: usize) -> u32 {
        let Some(t) = self.t.get(i) else { return 0 };
        match t.kind {
            Kind::Num => NUM_RULES,
            Kind::Punct('\'' | '-') => R_HOLIDAY,
            Kind::Punct(_) => 0,
            Kind::Word => {
                let mut m = first_word_rules(t.norm);
                for w in t.lex {
                    m |= lex_rules(w) | R_DAY;
                }
                if t.head {
                    m |= R_HOLIDAY;
                }
                if t.upper && matches!(self.text.as_bytes().get(t.start), Some(b'I' | b'V' | b'X' | b'L')) {
                    m |= R_CENTURY;
                }
                m
            }
        }
    }

    // ---- rules ---------------------------------------------------------------------------

    /// `aujourd'hui`, `hier`, `demain`, `le lendemain (du 13 février)`, `la veille`,
    /// `le même jour`, `deux jours plus tard`.
    fn r_relday(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| {
                matches!(
                    w,
                    "aujourd"
                        | "hier"
                        | "avant"
                        | "demain"
                        | "apres"
                        | "le"
                        | "la"
                        | "l"
                        | "ce"
                        | "lendemain"
                        | "surlendemain"
                        | "veille"
                        | "jour"
                        | "meme"
                        | "un"
                        | "dans"
                        | "en"
                )
            },
            true,
            |w| matches!(w, Word::Num(_)),
        ) {
            return None;
        }
        // "en ce moment": the present of the text, the reference day, approximate (the moment
        // may stretch over days: « les prix montent en ce moment »). Not `en ce moment-là`, a
        // moment of the story, nor `en ce moment même` read otherwise: it is the same day.
        if let Some(e) = self.seq(i, &["en", "ce", "moment"]) {
            let e = if self.is(e, "meme") { e + 1 } else { e };
            let later = self.is_sep(e) && self.is(e + 1, "la") || self.is(e, "la") || self.is(e, "ou");
            if later {
                return None;
            }
            let r = self.reference?;
            let mut f = self.found(i, e, Value::Period(Period::Day(r)), Anchor::Document)?;
            f.modifier = Some(Modifier::Approx);
            return Some(f);
        }
        let doc: &[(&[&str], i64)] = &[
            (&["aujourd", "hui"], 0),
            (&["hier"], -1),
            (&["avant", "hier"], -2),
            (&["demain"], 1),
            (&["apres", "demain"], 2),
        ];
        // Every entry starts with one of these words: the loop is skipped at the others.
        if self.word(i).is_some_and(|w| matches!(w, "aujourd" | "hier" | "avant" | "demain" | "apres")) {
            for &(s, off) in doc {
                if let Some(e) = self.seq(i, s) {
                    let r = self.reference?;
                    let e = if self.is(e, "meme") { e + 1 } else { e };
                    return self.found(i, e, Value::Period(Period::Day(r.add_days(off))), Anchor::Document);
                }
            }
        }
        let story: &[(&[&str], i64)] = &[
            (&["lendemain"], 1),
            (&["surlendemain"], 2),
            (&["veille"], -1),
            (&["avant", "veille"], -2),
            (&["jour", "meme"], 0),
            (&["meme", "jour"], 0),
            (&["jour", "d", "avant"], -1),
            (&["jour", "precedent"], -1),
            (&["jour", "d", "apres"], 1),
            (&["jour", "suivant"], 1),
            (&["un", "jour", "apres"], 1),
            (&["un", "jour", "plus", "tard"], 1),
        ];
        let j = self.opt(i, &[&["le"], &["la"], &["l"], &["ce"]]);
        let j = self.skip_sep(j);
        // Every entry starts with one of these words: the loop is skipped at the others.
        if self
            .word(j)
            .is_some_and(|w| matches!(w, "lendemain" | "surlendemain" | "veille" | "avant" | "jour" | "meme" | "un"))
        {
            for &(s, off) in story {
                if let Some(e) = self.seq(j, s) {
                    if s == ["jour"] {
                        continue;
                    }
                    // "le lendemain du 13 février", "la veille de Noël": relative to that day.
                    let k = self.opt(e, &[&["du"], &["de"], &["d"], &["de", "la"], &["de", "l"]]);
                    if k > e && off != 0 {
                        if let Some(inner) = self.best_with(k, false, false, false) {
                            if let Value::Period(Period::Day(d)) = inner.value {
                                return self.found(
                                    i,
                                    inner.end,
                                    Value::Period(Period::Day(d.add_days(off))),
                                    inner.anchor,
                                );
                            }
                        }
                        if s == ["veille"] || s == ["lendemain"] {
                            // "le lendemain de ce revirement": a demonstrative points back to
                            // the event the text just told, dated by the last date it gave.
                            let demonstrative = k == e + 1
                                && self.is(e, "de")
                                && self.is_any(k, |w| matches!(w, "ce" | "cet" | "cette" | "ces"));
                            if demonstrative {
                                let (a, anchor) = self.story_day(off)?;
                                if anchor == Anchor::Previous {
                                    return self.found(i, e, Value::Period(Period::Day(a.add_days(off))), anchor);
                                }
                            }
                            // "la veille du scrutin": an event we cannot date.
                            return None;
                        }
                    }
                    if j == i && s.len() == 1 && s[0] == "veille" && !self.clean_end(e) && !self.punct(e, ',') {
                        return None;
                    }
                    let (a, anchor) = self.story_day(off)?;
                    return self.found(i, e, Value::Period(Period::Day(a.add_days(off))), anchor);
                }
            }
        }
        // "dans la journée", "ce jour" (official style): the reference day. In direct speech a
        // demonstrative `ce jour` is the day spoken of (« On attendait ce jour depuis des
        // années »), unless a preposition makes it the speaker's today (`à compter de ce jour`,
        // `dès ce jour`, `en ce jour`).
        if let Some(e) = self.seq(i, &["dans", "la", "journee"]).or_else(|| {
            self.seq(i, &["ce", "jour"]).filter(|&e| {
                !self.is_sep(e)
                    && (i
                        .checked_sub(1)
                        .is_some_and(|k| self.is_any(k, |w| matches!(w, "de" | "des" | "en" | "depuis")))
                        || !self.t.get(i).is_some_and(|t| in_direct_speech(self.text, t.start)))
            })
        }) {
            if !self.is_any(e, |w| matches!(w, "de" | "du" | "d")) {
                let r = self.reference?;
                return self.found(i, e, Value::Period(Period::Day(r)), Anchor::Document);
            }
        }
        // "ce jour-là"
        if let Some(e) = self.seq(i, &["ce", "jour", "la"]) {
            let (a, anchor) = self.story_day(0)?;
            if anchor != Anchor::Previous {
                return None;
            }
            return self.found(i, e, Value::Period(Period::Day(a)), anchor);
        }
        // "deux jours plus tard", "trois semaines après", "une semaine plus tôt"
        let (n, k) = self.count(i)?;
        let (unit, k) = self.unit(k)?;
        let sign = if let Some(e) = self.opt_some(k, &[&["plus", "tard"], &["apres", "cela"], &["apres", "quoi"]]) {
            (1, e)
        } else if let Some(e) = self.seq(k, &["apres"]).filter(|&e| self.clean_end(e) && self.word(e).is_none()) {
            // "une semaine après Astana" counts from an event, not from a date.
            (1, e)
        } else if let Some(e) = self.opt_some(k, &[&["plus", "tot"], &["auparavant"]]) {
            (-1, e)
        } else {
            return None;
        };
        if unit == Unit::Year && n >= 10 {
            return None;
        }
        let (a, anchor) = self.story_day(sign.0)?;
        let d = shift_date(a, unit, sign.0 * n as i64);
        self.found(i, sign.1, Value::Period(Period::Day(d)), anchor)
    }

    fn opt_some(&self, i: usize, alts: &[&[&str]]) -> Option<usize> {
        alts.iter().filter_map(|a| self.seq(i, a)).max()
    }

    /// A count: digits or number words (`trois`, `une`, `vingt-deux`).
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, d)) = self.num(i) {
            if d <= 4
                && !(self.adjacent(i + 1) && self.word(i + 1).is_some())
                && !(self.punct(i + 1, ',') && self.adjacent(i + 1))
            {
                return Some((n, i + 1));
            }
            return None;
        }
        self.num_words(i).filter(|&(n, _)| n <= 100_000)
    }

    fn unit(&self, i: usize) -> Option<(Unit, usize)> {
        let u = match self.word(i)? {
            "jour" | "jours" => Unit::Day,
            "semaine" | "semaines" => Unit::Week,
            "mois" => Unit::Month,
            "an" | "ans" | "annee" | "annees" => Unit::Year,
            _ => return None,
        };
        Some((u, i + 1))
    }

    /// Holidays of `holidays.tsv`, with an optional year: `Noël`, `la Toussaint`, `Pâques 2017`.
    fn r_holiday(&self, i: usize) -> Option<Found> {
        let j = self.opt(i, &[&["le"], &["la"], &["l"]]);
        let j = self.skip_sep(j);
        let first = self.word(j)?;
        // The token's head flag is `holiday_heads.contains(first)`, looked up when tokenizing.
        if !self.t[j].head {
            return None;
        }
        let mut hit: Option<(usize, super::holidays::Rule)> = None;
        // The phrases whose first word has the key of `first`, in order.
        let key = super::lexicon::word_key(first);
        let at = self.lex.holiday_keys.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        for &h in &self.lex.holiday_keys[at].1 {
            let (words, rule) = &self.lex.holidays[h];
            if words[0] != first {
                continue;
            }
            if let Some(e) = self.seq(j, words) {
                if hit.map_or(true, |(he, _)| e > he) {
                    hit = Some((e, *rule));
                }
            }
        }
        let (e, rule) = hit?;
        let k = self.opt(e, &[&["de"], &["d"]]);
        if let Some((y, ye)) = self.year4(k) {
            let d = rule.in_year(y)?;
            return self.found(i, ye, Value::Period(Period::Day(d)), Anchor::Absolute);
        }
        let r = self.reference?;
        let dir = self.dir(i, e, Dir::Near);
        let d = Self::pick(r, (r.year() - 1..=r.year() + 1).filter_map(|y| rule.in_year(y)), dir)?;
        self.found(i, e, Value::Period(Period::Day(d)), Anchor::Document)
    }

    /// Partial day at `i`: `[le] [mardi] 3 [mars [2017]]`, numeric shapes, `Oct. 2`.
    fn partial(&self, i: usize) -> Option<Partial> {
        // Every shape starts on a number, a lexicon word (weekday, month, number word), `le`,
        // `ce`, `1er` or `premier`: at any other token all four give `None`, without the cache.
        match self.t.get(i) {
            None => return None,
            Some(t)
                if t.kind != Kind::Num && t.lex.is_empty() && !matches!(t.norm, "le" | "ce" | "1er" | "premier") =>
            {
                return None
            }
            _ => {}
        }
        if let Some(Some(done)) = self.partials.borrow().get(i) {
            return *done;
        }
        let p = [self.p_textual(i), self.p_numeric(i), self.p_month_first(i), self.p_mixed(i)]
            .into_iter()
            .flatten()
            .max_by_key(|p| p.end);
        if let Some(slot) = self.partials.borrow_mut().get_mut(i) {
            *slot = Some(p);
        }
        p
    }

    fn p_textual(&self, i: usize) -> Option<Partial> {
        let mut j = self.opt(i, &[&["le"], &["ce"]]);
        if self.is(i, "ce") && self.weekday_at(j).is_none() {
            return None;
        }
        let mut p = Partial::default();
        if let Some((w, k, abbr)) = self.weekday_at(j) {
            p.wd = Some(w);
            p.wd_abbr = abbr;
            j = k;
            if self.punct(j, ',') {
                j += 1;
            }
            j = self.opt(j, &[&["le"]]);
        }
        let (d, k) = self.daynum(j)?;
        p.day = d;
        j = k;
        // "le 14-Juillet", "le 11-Novembre": the day named as an event.
        let k = if self.punct(j, '-') && self.adjacent(j) && self.adjacent(j + 1) && self.full_month_at(j + 1).is_some()
        {
            j + 1
        } else {
            self.opt(j, &[&["de"], &["d"]])
        };
        if let Some((m, k)) = self.month_at(k, true) {
            p.month = Some(m);
            j = k;
            let mut k2 = j;
            if self.punct(k2, ',') {
                k2 += 1;
            }
            k2 = self.opt(k2, &[&["de"]]);
            if let Some((y, k3)) = self.year_after(k2) {
                p.year = Some(y);
                j = k3;
            }
        }
        if p.wd_abbr && p.month.is_none() {
            return None;
        }
        p.end = j;
        Some(p)
    }

    fn p_numeric(&self, i: usize) -> Option<Partial> {
        let (a, da) = self.num(i)?;
        if self.t.get(i).is_some_and(|_| i > 0 && self.num(i - 1).is_some() && self.adjacent(i)) {
            return None;
        }
        // Separator after the first group: '/', '.', '-' (no spaces), or a space between digits.
        let sep = match self.t.get(i + 1) {
            Some(t) if !t.gap => match t.kind {
                Kind::Punct(c @ ('/' | '.' | '-')) => Some(c),
                _ => None,
            },
            Some(t) if t.kind == Kind::Num => None,
            _ => return None,
        };
        let (b_at, spaced) = match sep {
            Some(_) => (i + 2, false),
            None => (i + 1, true),
        };
        let (b, db) = self.num(b_at)?;
        if !spaced && self.t.get(b_at).is_some_and(|t| t.gap) {
            return None;
        }
        if spaced && (db > 2 || da > 2) && da != 4 {
            return None;
        }
        // Third group.
        let third = if spaced {
            self.num(b_at + 1).filter(|_| self.t.get(b_at + 1).is_some_and(|t| t.gap)).map(|c| (c, b_at + 2))
        } else {
            let s = sep?;
            let c_at =
                ((self.punct(b_at + 1, s) || self.punct(b_at + 1, ',')) && self.adjacent(b_at + 1)).then_some(b_at + 2);
            c_at.and_then(|c| self.num(c).filter(|_| self.adjacent(c)).map(|n| (n, c + 1)))
        };
        let mut p = Partial::default();
        match third {
            Some(((c, dc), end)) => {
                if da == 4 {
                    // y-m-d
                    if db > 2 || dc > 2 || spaced {
                        return None;
                    }
                    p.year = Some(a as i32);
                    p.month = Some(b);
                    p.day = c;
                } else {
                    if da > 2 || db > 2 || !(dc == 2 || dc == 4) {
                        return None;
                    }
                    let y = if dc == 2 {
                        if c < 50 {
                            2000 + c as i32
                        } else {
                            1900 + c as i32
                        }
                    } else {
                        c as i32
                    };
                    let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
                    p.year = Some(y);
                    p.month = Some(m);
                    p.day = d;
                }
                if spaced && !self.clean_end(end) {
                    return None;
                }
                p.end = end;
            }
            None => {
                // d/m (slash or space only), never a fraction ("les 2/3 des voix").
                if da > 2 || db > 2 || sep == Some('.') || sep == Some('-') {
                    return None;
                }
                let end = b_at + 1;
                if !self.clean_end(end)
                    || self.is_any(end, |w| matches!(w, "de" | "des" | "du" | "d"))
                    || self.punct(end, '/')
                {
                    return None;
                }
                if spaced && i > 0 && self.num(i - 1).is_some() {
                    return None;
                }
                if i > 0
                    && self.is_any(i - 1, |w| {
                        matches!(w, "les" | "des" | "article" | "articles" | "numero" | "n" | "page" | "chapitre")
                    })
                {
                    return None;
                }
                p.month = Some(b);
                p.day = a;
                p.end = end;
            }
        }
        if !(1..=12).contains(&p.month.unwrap_or(0)) || !(1..=31).contains(&p.day) {
            return None;
        }
        Some(p)
    }

    /// Three groups joined by one separator, one of them a month name, one a four-digit year,
    /// in any order: `23/sep/2020`, `2020/sep/23`, `sep-23-2020`.
    fn p_mixed(&self, i: usize) -> Option<Partial> {
        let sep = match self.t.get(i + 1) {
            Some(t) if !t.gap => match t.kind {
                Kind::Punct(c @ ('/' | '-' | '.')) => c,
                _ => return None,
            },
            _ => return None,
        };
        let (mut day, mut month, mut year) = (None, None, None);
        let mut k = i;
        for g in 0..3 {
            if g > 0 {
                if !(self.punct(k, sep) && self.adjacent(k) && self.adjacent(k + 1)) {
                    return None;
                }
                k += 1;
            }
            if let Some((n, d)) = self.num(k) {
                match d {
                    4 if year.is_none() => year = Some(n as i32),
                    1 | 2 if day.is_none() && (1..=31).contains(&n) => day = Some(n),
                    _ => return None,
                }
            } else if let Some(m) = self.lexw(k).iter().find_map(|w| match w {
                Word::Month(m) | Word::MonthAbbr(m) => Some(*m),
                _ => None,
            }) {
                if month.is_some() {
                    return None;
                }
                month = Some(m);
            } else {
                return None;
            }
            k += 1;
        }
        if self.punct(k, '.') && self.adjacent(k) && self.word(k - 1).is_some() {
            k += 1; // "Sep." at the end
        }
        Some(Partial { end: k, day: day?, month: Some(month?), year: Some(year?), ..Partial::default() })
    }

    /// English order, found in forms and lists: `Oct. 2`, `novembre 23 de 1987`.
    fn p_month_first(&self, i: usize) -> Option<Partial> {
        if i > 0
            && (self.is_any(i - 1, |w| {
                matches!(w, "en" | "de" | "d" | "mois" | "fin" | "debut" | "mi" | "courant" | "depuis")
            }) || self.num(i - 1).is_some())
        {
            return None;
        }
        let (m, mut j) = self.month_at(i, true)?;
        if self.punct(j, '.') || self.punct(j, '-') || self.punct(j, '/') {
            j += 1;
        }
        let (d, mut j) = self.daynum(j)?;
        let mut p = Partial { month: Some(m), day: d, ..Partial::default() };
        let mut k = j;
        if self.punct(k, ',') {
            k += 1;
        }
        k = self.opt(k, &[&["de"]]);
        if let Some((y, k2)) = self.year4(k) {
            p.year = Some(y);
            j = k2;
        } else if !self.clean_end(j) || self.word(j).is_some_and(|w| !["au", "a", "jusqu", "et"].contains(&w)) {
            return None;
        }
        p.end = j;
        Some(p)
    }

    /// A full day: a partial with a month, `mercredi 13`, or `le 16` alone.
    fn r_day(&self, i: usize, loose: bool) -> Option<Found> {
        let p = self.partial(i)?;
        if p.month.is_none() {
            // "le 16", "mercredi 13": only as a whole phrase, and "le 3e" is a rank.
            let le = self.is(i, "le");
            if p.wd.is_none() && !(le || loose) {
                return None;
            }
            let num_at = if le { i + 1 } else { i };
            if p.wd.is_none()
                && self.adjacent(num_at + 1)
                && self.is_any(num_at + 1, |w| matches!(w, "e" | "eme" | "ieme" | "nd" | "nde"))
            {
                return None;
            }
            if !(self.clean_end(p.end) || self.is_any(p.end, |w| matches!(w, "pour" | "et" | "prochain" | "dernier")))
                || self.punct(p.end, '.') && self.num(p.end + 1).is_some()
            {
                return None;
            }
            if self.word(p.end).is_some_and(|w| !["pour", "et", "prochain", "dernier"].contains(&w)) && p.wd.is_none() {
                return None;
            }
        }
        // "le 12 décembre dernier", "le 3 mars prochain": the direction is written.
        let mut end = p.end;
        let mut forced: Option<Dir> = None;
        if p.month.is_some() && p.year.is_none() {
            if self.is_any(end, |w| matches!(w, "dernier" | "passe")) {
                forced = Some(Dir::Past);
                end += 1;
            } else if self.is(end, "prochain") {
                forced = Some(Dir::Future);
                end += 1;
            }
        }
        let (d, flagged) = self.resolve_partial(&p, &|| forced.unwrap_or_else(|| self.dir(i, p.end, Dir::Near)))?;
        let anchor = if p.year.is_some() { Anchor::Absolute } else { Anchor::Document };
        let mut f = self.found(i, end, Value::Period(Period::Day(d)), anchor)?;
        f.flagged = flagged;
        Some(f)
    }

    /// `du 3 au 5 mars`, `entre le 13 et le 15 juillet`, `13-15 juillet`, `de 2010 à 2018`,
    /// `de janvier à mars`, `dans la nuit de samedi à dimanche`.
    fn r_range(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| matches!(w, "du" | "entre" | "de" | "depuis" | "dans" | "la" | "nuit" | "le" | "premier" | "les"),
            true,
            |w| {
                matches!(
                    w,
                    Word::Weekday(_)
                        | Word::WeekdayAbbr(_)
                        | Word::Num(_)
                        | Word::Month(_)
                        | Word::MonthAbbr(_)
                        | Word::Ord(_)
                )
            },
        ) {
            return None;
        }
        let (prefix, j) = if self.is(i, "du") {
            (1, i + 1)
        } else if self.is(i, "entre") {
            (2, self.opt(i + 1, &[&["le"]]))
        } else if self.is(i, "de") || self.is(i, "depuis") {
            (3, i + 1)
        } else if self.is(i, "les") {
            // "les 12 et 13 mars"
            (4, i + 1)
        } else {
            (0, i)
        };
        if prefix == 4 && self.num(j).is_none() {
            return None;
        }
        if let Some(f) = self.range_years_months(i, j, prefix) {
            return Some(f);
        }
        if let Some(f) = self.range_night(i) {
            return Some(f);
        }
        let p1 = self.partial(j)?;
        let k = p1.end;
        let conn = if prefix == 2 || prefix == 4 {
            self.seq(k, &["et"])
        } else {
            self.seq(k, &["au"])
                .or_else(|| self.seq(k, &["jusqu", "au"]))
                .or_else(|| self.seq(k, &["jusqu", "a"]))
                .or_else(|| (self.punct(k, '-')).then_some(k + 1))
                .or_else(|| if prefix != 0 { self.seq(k, &["a"]) } else { None })
                // "lundi 30 et mardi 31 janvier": two days sharing their month.
                .or_else(|| if p1.month.is_none() { self.seq(k, &["et"]) } else { None })
        }?;
        let and = self.is(k, "et");
        let k = self.opt(conn, &[&["le"]]);
        let p2 = self.partial(k)?;
        if and && (prefix != 2 && prefix != 4 && p2.month.is_none() || self.month_at(k, true).is_some()) {
            return None;
        }
        let mut p2 = p2;
        let mut end = p2.end;
        if p2.month.is_none() {
            let r = self.reference?;
            let ctx: &[(&[&str], i32)] = &[
                (&["ce", "mois"], 0),
                (&["cette", "mois"], 0),
                (&["de", "ce", "mois"], 0),
                (&["de", "cette", "mois"], 0),
                (&["du", "mois"], 0),
                (&["ce", "mois", "ci"], 0),
                (&["mois", "prochain"], 1),
                (&["du", "mois", "prochain"], 1),
                (&["le", "mois", "prochain"], 1),
                (&["mois", "dernier"], -1),
                (&["du", "mois", "dernier"], -1),
            ];
            let mut got = None;
            // Every entry starts with one of these words: the loop is skipped at the others.
            if self.word(end).is_some_and(|w| matches!(w, "ce" | "cette" | "de" | "du" | "mois" | "le")) {
                for &(s, off) in ctx {
                    if let Some(e) = self.seq(end, s) {
                        if got.map_or(true, |(ge, _)| e > ge) {
                            got = Some((e, off));
                        }
                    }
                }
            }
            match got {
                Some((e, off)) => {
                    let mp = Period::Month { year: r.year(), month: r.month() }.shift(off);
                    if let Period::Month { year, month } = mp {
                        p2.month = Some(month);
                        p2.year = Some(year);
                    }
                    end = e;
                }
                None if prefix == 0 || prefix == 4 => return None,
                None => {
                    // "du 13 au 18", "entre le 13 et le 18": numbers alone are a range of days
                    // only with "du" or "entre le", and when nothing makes them quantities
                    // ("de 1 à 3 ans", "entre 2 et 5 degrés").
                    let entre_le = prefix == 2 && self.is(i + 1, "le");
                    if !(prefix == 1 || entre_le) || !self.clean_end(end) {
                        return None;
                    }
                }
            }
        }
        if prefix == 0 && p1.month.is_none() && p2.month.is_none() {
            return None;
        }
        // The first day takes its month and year from the second.
        let first_of = |d2: Date| -> Option<Date> {
            let mut q = p1;
            let mut shift_year = false;
            if q.month.is_none() {
                q.month = Some(d2.month());
                q.year = Some(d2.year());
            } else if q.year.is_none() {
                q.year = Some(d2.year());
                shift_year = true;
            }
            let mut d1 = Date::new(q.year?, q.month?, q.day).ok()?;
            if d1 > d2 {
                if shift_year {
                    d1 = Date::new(q.year? - 1, q.month?, q.day).ok()?;
                } else if p1.month.is_none() {
                    if let Period::Month { year, month } =
                        (Period::Month { year: d2.year(), month: d2.month() }).shift(-1)
                    {
                        d1 = Date::new(year, month, q.day).ok()?;
                    }
                }
            }
            Some(d1)
        };
        let agrees = |p: &Partial, d: Date| p.wd.map_or(true, |w| w == d.weekday());
        // The year where both weekdays agree; else the year of the dates alone, flagged.
        let dir = || self.dir(i, end, Dir::Near);
        let plain = self.resolve_partial(&Partial { wd: None, ..p2 }, &dir)?.0;
        let with_wd = self.resolve_partial(&p2, &dir).filter(|x| !x.1).map(|x| x.0);
        let mut pick = None;
        for d2 in with_wd.into_iter().chain([plain]) {
            if let Some(d1) = first_of(d2) {
                if agrees(&p1, d1) && agrees(&p2, d2) {
                    pick = Some((d1, d2, false));
                    break;
                }
            }
        }
        let (d1, d2, flagged) = match pick {
            Some(x) => x,
            None => (first_of(plain)?, plain, true),
        };
        if d1 >= d2 {
            return None;
        }
        let anchor = if p2.year.is_some() { Anchor::Absolute } else { Anchor::Document };
        // "les grèves de lundi 30 et mardi 31 janvier": "de" is not part of the range.
        let start = if and && prefix == 3 { j } else { i };
        let mut f = self.found(start, end, Value::Range(Period::Day(d1), Period::Day(d2)), anchor)?;
        f.flagged = flagged;
        Some(f)
    }

    fn range_years_months(&self, i: usize, j: usize, prefix: u8) -> Option<Found> {
        // Years: "de 2010 à 2018", "entre 2010 et 2018", "1914-1918".
        if let Some((y1, k)) = self.year4(j) {
            let conn = match prefix {
                2 => self.seq(k, &["et"]),
                1 | 3 => self.seq(k, &["a"]).or_else(|| self.seq(k, &["au"])),
                _ => (self.punct(k, '-') && self.adjacent(k) && self.adjacent(k + 1)).then_some(k + 1),
            }?;
            let k2 = self.opt(conn, &[&["l", "an"], &["l", "annee"]]);
            let k2 = self.skip_sep(k2);
            let (y2, e) = self.year4(k2)?;
            if y2 <= y1 {
                return None;
            }
            return self.found(i, e, Value::Range(Period::Year(y1), Period::Year(y2)), Anchor::Absolute);
        }
        // Months: "de janvier à mars 2017", "entre mars et juin".
        if prefix < 2 && !self.is(i, "d") {
            return None;
        }
        let (m1, k) = self.full_month_at(j)?;
        let (y1, k) = match self.year4(k) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        };
        let conn = if prefix == 2 { self.seq(k, &["et"]) } else { self.seq(k, &["a"]) }?;
        let (m2, k) = self.full_month_at(conn)?;
        let (y2, e) = match self.year4(k) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        };
        let (y1, y2) = match (y1, y2) {
            (Some(a), Some(b)) => (a, b),
            (None, Some(b)) => (if m1 <= m2 { b } else { b - 1 }, b),
            _ => {
                let r = self.reference?;
                let dir = self.dir(i, e, Dir::Near);
                let b = month_pick(r, m2, dir).0;
                (if m1 <= m2 { b } else { b - 1 }, b)
            }
        };
        if (y1, m1) >= (y2, m2) {
            return None;
        }
        let anchor = if y2 == 0 { Anchor::Document } else { Anchor::Absolute };
        self.found(
            i,
            e,
            Value::Range(Period::Month { year: y1, month: m1 }, Period::Month { year: y2, month: m2 }),
            anchor,
        )
    }

    fn range_night(&self, i: usize) -> Option<Found> {
        let j = self.opt(i, &[&["dans", "la", "nuit"], &["la", "nuit"], &["nuit"]]);
        if j == i {
            return None;
        }
        let j = self.opt(j, &[&["de"], &["du"]]);
        let (w1, k, _) = self.weekday_at(j)?;
        let k = self.opt(k, &[&["a"], &["au"]]);
        let (w2, e, _) = self.weekday_at(k)?;
        let r = self.reference?;
        let dir = self.dir(i, e, Dir::Past);
        let d1 = self.weekday_from(r, w1, dir);
        let d2 = d1.add_days((w2.number() as i64 - w1.number() as i64).rem_euclid(7));
        if d2 <= d1 {
            return None;
        }
        self.found(i, e, Value::Range(Period::Day(d1), Period::Day(d2)), Anchor::Document)
    }

    /// `lundi`, `ce lundi`, `lundi dernier`, `mardi prochain`, `mercredi de la semaine
    /// prochaine`, `lundi en huit`, `le mercredi suivant`.
    fn r_weekday(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| matches!(w, "ce" | "cette" | "le"),
            false,
            |w| matches!(w, Word::Weekday(_) | Word::WeekdayAbbr(_)),
        ) {
            return None;
        }
        let mut j = i;
        let ce = self.is_any(i, |w| matches!(w, "ce" | "cette"));
        let le = self.is(i, "le");
        if ce || le {
            j += 1;
        }
        let (wd, k, abbr) = self.weekday_at(j)?;
        // An abbreviation alone ("lun.") only where a list or a table would put it: not after
        // a word ("à la mer.", "le jeu.").
        if abbr && (!(self.punct(k - 1, '.') && self.clean_end(k)) || (j > 0 && self.word(j - 1).is_some())) {
            return None;
        }
        // "du lundi au vendredi", "de lundi à vendredi": a schedule, not a date.
        let habit = |a: usize, b: usize| {
            self.is_any(a, |w| matches!(w, "du" | "de"))
                && self.is_any(b, |w| matches!(w, "au" | "a"))
                && self.weekday_at(b + 1).is_some()
        };
        if habit(i.wrapping_sub(1), k)
            || (i >= 2 && self.is_any(i - 1, |w| matches!(w, "au" | "a")) && self.weekday_at(i - 2).is_some())
        {
            return None;
        }
        if self
            .daynum(self.opt(k, &[&["le"]]))
            .is_some_and(|(_, e)| self.month_at(self.opt(e, &[&["de"], &["d"]]), true).is_some())
        {
            // "lundi 31 juin": a date that does not exist is not a bare weekday either.
            return None;
        }
        let r = self.reference?;
        let week_of_ref = |off: i64| -> Date {
            let monday = r.add_days(-(r.weekday().number() as i64 - 1));
            monday.add_days(7 * off + wd.number() as i64 - 1)
        };
        let mods: &[(&[&str], u8)] = &[
            (&["prochain"], 1),
            (&["prochaine"], 1),
            (&["qui", "vient"], 1),
            (&["dernier"], 2),
            (&["derniere"], 2),
            (&["passe"], 2),
            (&["suivant"], 3),
            (&["d", "apres"], 3),
            (&["precedent"], 4),
            (&["d", "avant"], 4),
            (&["la", "semaine", "prochaine"], 5),
            (&["de", "la", "semaine", "prochaine"], 5),
            (&["la", "semaine", "suivante"], 5),
            (&["de", "la", "semaine", "suivante"], 5),
            (&["la", "semaine", "d", "apres"], 5),
            (&["de", "la", "semaine", "d", "apres"], 5),
            (&["la", "semaine", "derniere"], 6),
            (&["de", "la", "semaine", "derniere"], 6),
            (&["la", "semaine", "dernier"], 6),
            (&["la", "semaine", "prochain"], 5),
            (&["la", "semaine", "passee"], 6),
            (&["de", "la", "semaine", "passee"], 6),
            (&["cette", "semaine"], 7),
            (&["de", "cette", "semaine"], 7),
            (&["en", "huit"], 8),
            (&["en", "quinze"], 9),
        ];
        let mut m: Option<(usize, u8)> = None;
        // Every entry starts with one of these words: the loop is skipped at the others.
        if self.word(k).is_some_and(|w| {
            matches!(
                w,
                "prochain"
                    | "prochaine"
                    | "qui"
                    | "dernier"
                    | "derniere"
                    | "passe"
                    | "suivant"
                    | "d"
                    | "precedent"
                    | "la"
                    | "de"
                    | "cette"
                    | "en"
            )
        }) {
            for &(s, code) in mods {
                if let Some(e) = self.seq(k, s) {
                    if m.map_or(true, |(me, _)| e > me) {
                        m = Some((e, code));
                    }
                }
            }
        }
        if m.is_none() && self.is(k, "en") {
            if let Some((n, _)) = self.num(k + 1) {
                if n == 8 {
                    m = Some((k + 2, 8));
                } else if n == 15 {
                    m = Some((k + 2, 9));
                }
            }
        }
        let (end, d, anchor) = match m {
            Some((e, 1)) => (e, self.weekday_from(r, wd, Dir::Future), Anchor::Document),
            Some((e, 2)) => (e, self.weekday_from(r.add_days(-1), wd, Dir::Past), Anchor::Document),
            Some((e, 3)) => match self.story_day(1).filter(|x| x.1 == Anchor::Previous).map(|x| x.0) {
                Some(l) if le => (e, self.weekday_from(l, wd, Dir::Future), Anchor::Previous),
                _ => (e, week_of_ref(1), Anchor::Document),
            },
            Some((e, 4)) => match self.story_day(-1).filter(|x| x.1 == Anchor::Previous).map(|x| x.0) {
                Some(l) if le => (
                    e,
                    self.weekday_from(l, wd, Dir::Past).add_days(if l.weekday() == wd { -7 } else { 0 }),
                    Anchor::Previous,
                ),
                _ => (e, week_of_ref(-1), Anchor::Document),
            },
            Some((e, 5)) => (e, week_of_ref(1), Anchor::Document),
            Some((e, 6)) => (e, week_of_ref(-1), Anchor::Document),
            Some((e, 7)) => (e, week_of_ref(0), Anchor::Document),
            Some((e, 8)) => (e, self.weekday_from(r.add_days(-1), wd, Dir::Future).add_days(7), Anchor::Document),
            Some((e, _)) => (e, self.weekday_from(r.add_days(-1), wd, Dir::Future).add_days(14), Anchor::Document),
            None => {
                if le {
                    return None; // "le lundi": a habit, not a date
                }
                if ce && r.weekday() == wd {
                    (k, r, Anchor::Document)
                } else {
                    let dir = self.dir(i, k, Dir::Past);
                    (k, self.weekday_from(r, wd, dir), Anchor::Document)
                }
            }
        };
        self.found(i, end, Value::Period(Period::Day(d)), anchor)
    }

    /// `le premier mercredi du mois prochain`, `le dernier lundi de mai 2017`.
    fn r_ord_weekday(&self, i: usize) -> Option<Found> {
        if !self.starts(i, |w| matches!(w, "le"), true, |w| matches!(w, Word::Ord(_))) {
            return None;
        }
        let j = self.opt(i, &[&["le"]]);
        let (n, k) = self.ord(j)?;
        let (wd, k, _) = self.weekday_at(k)?;
        let k = self.opt(k, &[&["de"], &["du"], &["d"]]);
        let (y, m, e, anchor) = self.month_target(k)?;
        let d = nth_weekday(y, m, wd, n)?;
        self.found(i, e, Value::Period(Period::Day(d)), anchor)
    }

    /// A month named after `de`: `juillet [2017]`, `ce mois`, `mois prochain`, `mois d'avril`.
    fn month_target(&self, k: usize) -> Option<(i32, u32, usize, Anchor)> {
        let k = self.opt(k, &[&["mois", "de"], &["mois", "d"]]);
        if let Some((m, e)) = self.month_at(k, true) {
            if let Some((y, e2)) = self.year4(e) {
                return Some((y, m, e2, Anchor::Absolute));
            }
            let r = self.reference?;
            let dir = self.dir(k, e, Dir::Near);
            let (y, _) = month_pick(r, m, dir);
            return Some((y, m, e, Anchor::Document));
        }
        let r = self.reference?;
        let rel: &[(&[&str], i32)] = &[
            (&["ce", "mois"], 0),
            (&["ce", "mois", "ci"], 0),
            (&["mois", "prochain"], 1),
            (&["mois", "dernier"], -1),
            (&["le", "mois", "prochain"], 1),
            (&["le", "mois", "dernier"], -1),
        ];
        let (e, off) = rel.iter().filter_map(|&(s, o)| self.seq(k, s).map(|e| (e, o))).max_by_key(|x| x.0)?;
        if let Period::Month { year, month } = (Period::Month { year: r.year(), month: r.month() }).shift(off) {
            return Some((year, month, e, Anchor::Document));
        }
        None
    }

    /// `cette semaine`, `la semaine prochaine`, `le mois dernier`, `l'an prochain`,
    /// `cette année`, `le siècle dernier`, `ce week-end`, `la semaine du 6 mars`.
    fn r_period_rel(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| matches!(w, "ce" | "cet" | "cette" | "la" | "le" | "l" | "dans"),
            false,
            |w| matches!(w, Word::Trigger),
        ) {
            return None;
        }
        let dets: &[&[&str]] = &[&["ce"], &["cet"], &["cette"], &["la"], &["le"], &["l"], &["dans", "la"]];
        let j = self.opt(i, dets);
        if j == i {
            return None;
        }
        let j = self.skip_sep(j);
        let unit = match self.word(j)? {
            "semaine" => Unit::Week,
            "mois" => Unit::Month,
            "annee" | "an" => Unit::Year,
            "siecle" => Unit::Century,
            "trimestre" => Unit::Quarter,
            "week" | "weekend" => Unit::Weekend,
            _ => return None,
        };
        let mut k = j + 1;
        if unit == Unit::Weekend && self.word(j) == Some("week") {
            k = self.seq(j, &["week", "end"])?;
        }
        let this = self.is_any(i, |w| matches!(w, "ce" | "cet" | "cette"));
        let dans = self.is(i, "dans");
        let r = self.reference?;
        let mods: &[(&[&str], i32, bool)] = &[
            (&["prochain"], 1, false),
            (&["prochaine"], 1, false),
            (&["qui", "vient"], 1, false),
            (&["a", "venir"], 1, false),
            (&["dernier"], -1, false),
            (&["derniere"], -1, false),
            (&["passe"], -1, false),
            (&["passee"], -1, false),
            (&["ecoule"], -1, false),
            (&["ecoulee"], -1, false),
            (&["suivant"], 1, true),
            (&["suivante"], 1, true),
            (&["qui", "suit"], 1, true),
            (&["d", "apres"], 1, true),
            (&["precedent"], -1, true),
            (&["precedente"], -1, true),
            (&["d", "avant"], -1, true),
            (&["en", "cours"], 0, false),
            (&["ci"], 0, false),
        ];
        let mut m: Option<(usize, i32, bool)> = None;
        // "cette année-là", "ce mois-ci": the hyphenated deictic.
        if this && self.punct(k, '-') && self.adjacent(k) {
            if self.is(k + 1, "la") {
                let (base, anchor) = self.story_base()?;
                if anchor != Anchor::Previous {
                    return None;
                }
                let value = match unit {
                    Unit::Week => Value::Period(week_of(base)),
                    Unit::Month => Value::Period(Period::Month { year: base.year(), month: base.month() }),
                    Unit::Year => Value::Period(Period::Year(base.year())),
                    _ => return None,
                };
                return self.found(i, k + 2, value, anchor);
            }
            if self.is(k + 1, "ci") {
                m = Some((k + 2, 0, false));
            }
        }
        // Every entry starts with one of these words: the loop is skipped at the others.
        if self.word(k).is_some_and(|w| {
            matches!(
                w,
                "prochain"
                    | "prochaine"
                    | "qui"
                    | "a"
                    | "dernier"
                    | "derniere"
                    | "passe"
                    | "passee"
                    | "ecoule"
                    | "ecoulee"
                    | "suivant"
                    | "suivante"
                    | "d"
                    | "precedent"
                    | "precedente"
                    | "en"
                    | "ci"
            )
        }) {
            for &(s, o, st) in mods {
                if let Some(e) = self.seq(k, s) {
                    if m.map_or(true, |(me, _, _)| e > me) {
                        m = Some((e, o, st));
                    }
                }
            }
        }
        // "la semaine du 6 mars": the week of that day. A week named by a Sunday is counted
        // from that Sunday (Sunday to Saturday), so six of its seven days are in the ISO week
        // that follows: "la semaine du dimanche 6 octobre 2013" is the week of 7 October.
        if unit == Unit::Week && m.is_none() && !this && !dans {
            let k2 = self.opt(k, &[&["du"]]);
            if k2 > k {
                let p = self.p_textual(k2)?;
                let (d, _) = self.resolve_partial(&p, &|| self.dir(i, p.end, Dir::Near))?;
                let week = if d.weekday() == Weekday::Sunday { week_of(d).shift(1) } else { week_of(d) };
                return self.found(i, p.end, Value::Period(week), Anchor::Document);
            }
            return None;
        }
        let (end, off, story) = match m {
            Some(x) => x,
            None if this || dans => (k, 0, false),
            None if unit == Unit::Weekend && self.is(i, "le") => (k, 0, false),
            None => return None,
        };
        if dans && (off != 0 || unit != Unit::Week) {
            return None;
        }
        let (base, anchor) = if story { self.story_base()? } else { (r, Anchor::Document) };
        let value = match unit {
            Unit::Week => Value::Period(week_of(base).shift(off)),
            Unit::Month => Value::Period(Period::Month { year: base.year(), month: base.month() }.shift(off)),
            Unit::Year => Value::Period(Period::Year(base.year() + off)),
            Unit::Century => Value::Period(Period::Century((base.year() - 1) / 100 + off)),
            Unit::Quarter => {
                Value::Period(Period::Quarter { year: base.year(), quarter: (base.month() - 1) / 3 + 1 }.shift(off))
            }
            Unit::Weekend => {
                let sat = if off == 0 && m.is_none() {
                    let dir = self.dir(i, end, Dir::Near);
                    match (base.weekday(), dir) {
                        (Weekday::Sunday, _) => base.add_days(-1),
                        (Weekday::Saturday, _) => base,
                        (_, Dir::Future) => self.weekday_from(base, Weekday::Saturday, Dir::Future),
                        (_, Dir::Past) => self.weekday_from(base, Weekday::Saturday, Dir::Past),
                        (_, Dir::Near) => self.weekday_from(base, Weekday::Saturday, Dir::Near),
                    }
                } else {
                    let next = self.weekday_from(base.add_days(-1), Weekday::Saturday, Dir::Future);
                    if off > 0 {
                        next
                    } else if off < 0 {
                        next.add_days(-7)
                    } else {
                        next
                    }
                };
                Value::Range(Period::Day(sat), Period::Day(sat.add_days(1)))
            }
            Unit::Day => return None,
        };
        self.found(i, end, value, anchor)
    }

    /// `la première semaine d'octobre 2014`, `la dernière semaine de septembre`, `le 3e jour
    /// d'octobre`, `la troisième semaine de 2027`, `le dernier jour de l'année`.
    fn r_nth_week(&self, i: usize) -> Option<Found> {
        if !self.starts(i, |w| matches!(w, "la" | "le"), true, |w| matches!(w, Word::Ord(_))) {
            return None;
        }
        let j = self.opt(i, &[&["la"], &["le"]]);
        let (n, k) = self.ord(j)?;
        let unit = self.word(k)?;
        if unit != "semaine" && unit != "jour" {
            return None;
        }
        let k = self.opt(k + 1, &[&["de"], &["d"], &["du"], &["de", "l"]]);
        let k = self.skip_sep(k);
        let (first, last, e, anchor) = if let Some((y, e)) = self.year4(k) {
            (ymd(y, 1, 1), ymd(y, 12, 31), e, Anchor::Absolute)
        } else if let Some((y, m, e, a)) = self.month_target(k) {
            (ymd(y, m, 1), month_last(y, m), e, a)
        } else if let Some(e) = self.seq(k, &["annee"]) {
            let r = self.reference?;
            (ymd(r.year(), 1, 1), ymd(r.year(), 12, 31), e, Anchor::Document)
        } else {
            return None;
        };
        if unit == "jour" {
            let d = if n > 0 { first.add_days(n as i64 - 1) } else { last };
            if d > last {
                return None;
            }
            return self.found(i, e, Value::Period(Period::Day(d)), anchor);
        }
        // Weeks wholly inside the period, Monday first.
        let first_monday = first.add_days((8 - first.weekday().number() as i64) % 7);
        let monday = if n > 0 {
            first_monday.add_days(7 * (n as i64 - 1))
        } else {
            let last_sunday = last.add_days(-(last.weekday().number() as i64 % 7));
            last_sunday.add_days(-6)
        };
        if monday.add_days(6) > last || monday < first {
            return None;
        }
        self.found(i, e, Value::Period(week_of(monday)), anchor)
    }

    /// `il y a trois jours`, `il y a 200 ans` (approx), `dans deux semaines`.
    fn r_ago(&self, i: usize) -> Option<Found> {
        if !self.starts(i, |w| matches!(w, "il" | "dans"), false, |w| matches!(w, Word::Trigger)) {
            return None;
        }
        let (sign, j) = if let Some(e) = self.seq(i, &["il", "y", "a"]).or_else(|| self.seq(i, &["il", "ya"])) {
            (-1i64, e)
        } else if self.is(i, "dans") {
            (1, i + 1)
        } else {
            return None;
        };
        let k = self.opt(
            j,
            &[
                &["environ"],
                &["pres", "de"],
                &["a", "peu", "pres"],
                &["quelque"],
                &["plus", "de"],
                &["moins", "de"],
                &["un", "peu", "plus", "de"],
            ],
        );
        let approx = k > j;
        let (n, k) = self.count(k)?;
        let (unit, e) = self.unit(k)?;
        let r = self.reference?;
        if unit == Unit::Year && n >= 10 {
            let mut f =
                self.found(i, e, Value::Period(Period::Year(r.year() + sign as i32 * n as i32)), Anchor::Document)?;
            f.modifier = Some(Modifier::Approx);
            return Some(f);
        }
        let d = shift_date(r, unit, sign * n as i64);
        // "il y a deux ans": a year, approximate, as "il y a 200 ans" (SCHEMA.md): the article
        // counts in years, and the month of the publication date is not what it says; "dans
        // deux mois", "il y a trois mois": the month, for the same reason (as the held-out
        // articles' annotators wrote it twice). Duckling gives the month and the day here.
        let coarse = match unit {
            Unit::Year => Some(Period::Year(d.year())),
            Unit::Month => Some(Period::Month { year: d.year(), month: d.month() }),
            _ => None,
        };
        if let Some(p) = coarse {
            let mut f = self.found(i, e, Value::Period(p), Anchor::Document)?;
            f.modifier = Some(Modifier::Approx);
            return Some(f);
        }
        let mut f = self.found(i, e, Value::Period(Period::Day(d)), Anchor::Document)?;
        if approx {
            f.modifier = Some(Modifier::Approx);
        }
        Some(f)
    }

    /// `les 2 derniers jours`, `3 prochaines semaines`, `les deux années passées`.
    fn r_last_n(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| {
                matches!(
                    w,
                    "les"
                        | "ces"
                        | "au"
                        | "durant"
                        | "pendant"
                        | "dans"
                        | "sur"
                        | "derniers"
                        | "dernieres"
                        | "derniere"
                        | "dernier"
                        | "prochains"
                        | "prochaines"
                )
            },
            true,
            |w| matches!(w, Word::Num(_)),
        ) {
            return None;
        }
        let j = self.opt(
            i,
            &[
                &["les"],
                &["ces"],
                &["au", "cours", "des"],
                &["durant", "les"],
                &["pendant", "les"],
                &["dans", "les"],
                &["sur", "les"],
            ],
        );
        let pre = |k: usize| -> Option<(i32, usize)> {
            match self.word(k)? {
                "derniers" | "dernieres" | "derniere" | "dernier" => Some((-1, k + 1)),
                "prochains" | "prochaines" => Some((1, k + 1)),
                _ => None,
            }
        };
        // `les six premiers mois de l'année`, `les trois derniers mois de 2024`: months of a
        // named year, counted from its start or its end.
        if let Some((n, k)) = self.count(j) {
            let first = self.is(k, "premiers");
            if (first || self.is(k, "derniers"))
                && self.is(k + 1, "mois")
                && self.is(k + 2, "de")
                && (1..=12).contains(&n)
            {
                let k3 = self.opt(k + 3, &[&["l", "annee"], &["cette", "annee"]]);
                let (y, e) = match self.year4(k + 3) {
                    Some((y, e)) => (Some(y), e),
                    None if k3 > k + 3 => (self.reference.map(|r| r.year()), k3),
                    None => (None, k),
                };
                if let Some(y) = y {
                    let (m0, m1) = if first { (1, n) } else { (13 - n, 12) };
                    let v = if m0 == m1 {
                        Value::Period(Period::Month { year: y, month: m0 })
                    } else {
                        Value::Range(Period::Month { year: y, month: m0 }, Period::Month { year: y, month: m1 })
                    };
                    let anchor = if self.year4(k + 3).is_some() { Anchor::Absolute } else { Anchor::Document };
                    return self.found(i, e, v, anchor);
                }
            }
        }
        let (sign, n, unit, e) = if let Some((s, k)) = pre(j) {
            let (n, k) = self.count(k)?;
            let (u, e) = self.unit(k)?;
            (s, n, u, e)
        } else {
            let (n, k) = self.count(j)?;
            if let Some((s, k)) = pre(k) {
                let (u, e) = self.unit(k)?;
                (s, n, u, e)
            } else {
                let (u, k) = self.unit(k)?;
                let s = match self.word(k)? {
                    "passes" | "passees" | "derniers" | "dernieres" | "ecoules" | "ecoulees" | "passe" | "dernier" => {
                        -1
                    }
                    "suivants" | "suivantes" | "prochains" | "prochaines" | "suivant" | "prochain" => 1,
                    "a" if self.is(k + 1, "venir") => 1,
                    _ => return None,
                };
                (s, n, u, if self.is(k, "a") { k + 2 } else { k + 1 })
            }
        };
        if n == 0 || n > 1000 {
            return None;
        }
        let r = self.reference?;
        let n = n as i32;
        let cur = match unit {
            Unit::Day => Period::Day(r),
            Unit::Week => week_of(r),
            Unit::Month => Period::Month { year: r.year(), month: r.month() },
            Unit::Year => Period::Year(r.year()),
            _ => return None,
        };
        let (a, b) = if sign < 0 { (cur.shift(-n), cur.shift(-1)) } else { (cur.shift(1), cur.shift(n)) };
        let v = if n == 1 { Value::Period(a) } else { Value::Range(a, b) };
        self.found(i, e, v, Anchor::Document)
    }

    /// `en mars`, `mai 2017`, `au mois de mars`, `janvier dernier`, `juillet 98`.
    fn r_month(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| matches!(w, "en" | "au" | "le" | "mois" | "ce" | "cette" | "cet" | "prochain" | "depuis"),
            false,
            |w| matches!(w, Word::Month(_) | Word::MonthAbbr(_)),
        ) {
            return None;
        }
        let prefixes: &[(&[&str], u8)] = &[
            (&["en"], 0),
            (&["au", "mois", "de"], 0),
            (&["au", "mois", "d"], 0),
            (&["le", "mois", "de"], 0),
            (&["le", "mois", "d"], 0),
            (&["mois", "de"], 0),
            (&["mois", "d"], 0),
            (&["en", "ce", "mois", "de"], 1),
            (&["en", "ce", "mois", "d"], 1),
            (&["ce", "mois", "de"], 1),
            (&["ce", "mois", "d"], 1),
            (&["cette"], 1),
            (&["ce"], 1),
            (&["cet"], 1),
            (&["prochain"], 2),
            (&["depuis"], 0),
        ];
        let mut pre: Option<(usize, u8)> = None;
        // Every entry starts with one of these words: the loop is skipped at the others.
        if self
            .word(i)
            .is_some_and(|w| matches!(w, "en" | "au" | "le" | "mois" | "ce" | "cette" | "cet" | "prochain" | "depuis"))
        {
            for &(s, c) in prefixes {
                if let Some(e) = self.seq(i, s) {
                    if pre.map_or(true, |(pe, _)| e > pe) {
                        pre = Some((e, c));
                    }
                }
            }
        }
        let (j, code) = pre.unwrap_or((i, 0));
        let j = self.skip_sep(j);
        let (m, k, abbr) = match self.full_month_at(j) {
            Some((m, k)) => (m, k, false),
            None => {
                let (m, k) = self.month_at(j, true)?;
                (m, k, true)
            }
        };
        // Year: four digits, or two when nothing follows ("juillet 98,").
        let k2 = self.opt(k, &[&["de"]]);
        let year = self.year4(k2).or_else(|| {
            let (n, d) = self.num(k)?;
            (d == 2 && self.clean_end(k + 1) && !self.is(k + 1, "h") && (self.word(k + 1).is_none() || n >= 32))
                .then(|| (if n < 50 { 2000 + n as i32 } else { 1900 + n as i32 }, k + 1))
        });
        // "en mars": the preposition is not part of the expression.
        let start = if self.is(i, "en") && code == 0 { j } else { i };
        if let Some((y, e)) = year {
            let anchor = Anchor::Absolute;
            return self.found(start, e, Value::Period(Period::Month { year: y, month: m }), anchor);
        }
        if abbr {
            return None;
        }
        // "Mars" capitalized in a sentence with nothing around it is the planet or a name.
        let tok = &self.t[j];
        if tok.upper
            && j == i
            && i > 0
            && self.word(i - 1).is_some()
            && self.full_month_at(j).is_some_and(|(m, _)| m == 3)
        {
            return None;
        }
        let r = self.reference?;
        let sfx: &[(&[&str], i32)] =
            &[(&["dernier"], -1), (&["passe"], -1), (&["prochain"], 1), (&["qui", "vient"], 1)];
        let s = sfx.iter().filter_map(|&(s, o)| self.seq(k, s).map(|e| (e, o))).max_by_key(|x| x.0);
        let (e, y) = match (code, s) {
            (_, Some((e, -1))) => (e, if m < r.month() { r.year() } else { r.year() - 1 }),
            (_, Some((e, _))) => (e, if m > r.month() { r.year() } else { r.year() + 1 }),
            (2, None) => (k, if m > r.month() { r.year() } else { r.year() + 1 }),
            (1, None) => (k, r.year()),
            _ => {
                let dir = self.dir(i, k, Dir::Near);
                (k, month_pick(r, m, dir).0)
            }
        };
        self.found(start, e, Value::Period(Period::Month { year: y, month: m }), Anchor::Document)
    }

    /// `2015-3`, `3/2015`, `11 / 2016`: a month by numbers.
    fn r_num_month(&self, i: usize) -> Option<Found> {
        let (a, da) = self.num(i)?;
        if i > 0
            && (self.num(i - 1).is_some() || self.punct(i - 1, '/') || self.punct(i - 1, '.') || self.punct(i - 1, '-'))
        {
            return None;
        }
        let sep = i + 1;
        let ok_sep = self.punct(sep, '/')
            || self.punct(sep, '-')
            || (self.punct(sep, '.') && self.adjacent(sep) && self.adjacent(sep + 1));
        if !ok_sep {
            return None;
        }
        let (b, db) = self.num(sep + 1)?;
        let e = sep + 2;
        if !self.clean_end(e)
            || self.punct(e, '/')
            || self.punct(e, '-')
            || self.punct(e, '.') && self.num(e + 1).is_some()
        {
            return None;
        }
        let (y, m) = if da == 4 && db <= 2 {
            (a, b)
        } else if db == 4 && da <= 2 && !self.punct(sep, '.') {
            (b, a)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1000..=2999).contains(&y) {
            return None;
        }
        self.found(i, e, Value::Period(Period::Month { year: y as i32, month: m }), Anchor::Absolute)
    }

    /// `en 1991`, `la loi de 1905`, `l'année 2016`, a year alone where it reads as one.
    fn r_year(&self, i: usize, loose: bool) -> Option<Found> {
        if !self.starts(i, |w| matches!(w, "en" | "l" | "annee" | "de"), true, |w| matches!(w, Word::Trigger)) {
            return None;
        }
        // (`l'exercice 2025`: a fiscal year is the calendar year, and annotators keep the noun in
        // the span as they keep `l'année`.)
        let pre: &[&[&str]] =
            &[&["en"], &["l", "annee"], &["l", "an"], &["annee"], &["de"], &["en", "l", "an"], &["l", "exercice"]];
        let j = self.opt(i, pre);
        let j = self.skip_sep(j);
        let (y, e) = self.year4(j)?;
        if self.adjacent(e) && self.word(e).is_some() {
            return None;
        }
        if self.punct(e, ',') && self.adjacent(e) && self.adjacent(e + 1) && self.num(e + 1).is_some() {
            return None;
        }
        let end_ok = self.clean_end(e) || self.word(e).is_some_and(|w| YEAR_FOLLOWERS.contains(&w));
        if j == i {
            // A bare number: a year only from 1800 to 2099, where nothing makes it a quantity.
            if !(1800..=2099).contains(&y) || !end_ok {
                return None;
            }
            let prev_ok = i == 0
                || loose
                || self.t.get(i - 1).is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '(' | '.' | ':' | '\n')))
                || self.is_any(i - 1, |w| {
                    matches!(
                        w,
                        "depuis"
                            | "des"
                            | "avant"
                            | "apres"
                            | "vers"
                            | "et"
                            | "ou"
                            | "jusqu"
                            | "fin"
                            | "debut"
                            | "mi"
                            | "entre"
                            | "a"
                            | "au"
                            | "printemps"
                            | "ete"
                            | "automne"
                            | "hiver"
                            | "annees"
                            | "dans"
                            // "le budget pour 2025", "les objectifs pour 2030"
                            | "pour"
                            // nouns that name a year's edition: "la présidentielle 2017"
                            | "budget"
                            | "exercice"
                            | "saison"
                            | "campagne"
                            | "rentree"
                            | "presidentielle"
                            | "legislatives"
                            | "municipales"
                            | "regionales"
                            | "europeennes"
                            | "senatoriales"
                            | "elections"
                            | "election"
                            | "primaire"
                            | "edition"
                            | "cuvee"
                            | "millesime"
                            | "promotion"
                            | "recensement"
                            | "bilan"
                    )
                });
            if !prev_ok
                || self.is_any(i.wrapping_sub(1), |w| {
                    matches!(w, "article" | "numero" | "n" | "page" | "chapitre" | "rue" | "route" | "code")
                })
            {
                return None;
            }
        } else if self.is(i, "de") && !end_ok {
            return None;
        }
        // "en 1991", "la loi de 1905": the preposition is not part of the expression.
        let i = if self.is_any(i, |w| matches!(w, "en" | "de")) && !self.is(i + 1, "l") { j } else { i };
        self.found(i, e, Value::Period(Period::Year(y)), Anchor::Absolute)
    }

    /// `au printemps 2017`, `cet été`, `l'hiver dernier`.
    fn r_season(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| matches!(w, "au" | "en" | "l" | "cet" | "ce" | "le" | "d" | "cette"),
            false,
            |w| matches!(w, Word::Trigger),
        ) {
            return None;
        }
        let dets: &[&[&str]] = &[&["au"], &["en"], &["l"], &["cet"], &["ce"], &["le"], &["d"], &["cette"]];
        let j = self.opt(i, dets);
        if j == i {
            return None;
        }
        let j = self.skip_sep(j);
        let season = self.lexw(j).iter().find_map(|w| if let Word::Season(s) = w { Some(*s) } else { None })?;
        let k = j + 1;
        let k2 = self.opt(k, &[&["de"]]);
        if let Some((y, e)) = self.year4(k2) {
            return self.found(i, e, Value::Period(Period::Season { year: y, season }), Anchor::Absolute);
        }
        let r = self.reference?;
        let this = self.is_any(i, |w| matches!(w, "cet" | "ce" | "cette"));
        if self.is(i, "d") && !this {
            return None;
        }
        let cur_year = if season == Season::Winter && r.month() <= 3 { r.year() - 1 } else { r.year() };
        let sfx: &[(&[&str], i32)] = &[(&["dernier"], -1), (&["passe"], -1), (&["prochain"], 1)];
        let s = sfx.iter().filter_map(|&(s, o)| self.seq(k, s).map(|e| (e, o))).max_by_key(|x| x.0);
        let cur = Period::Season { year: cur_year, season };
        let (e, p) = match s {
            Some((e, o)) => {
                // The last one that has ended / the next one that has not begun.
                let p = if o < 0 {
                    if cur.last_day() < r {
                        cur
                    } else {
                        cur.shift(-1)
                    }
                } else if cur.first_day() > r {
                    cur
                } else {
                    cur.shift(1)
                };
                (e, p)
            }
            None if this => (k, cur),
            None => {
                let dir = self.dir(i, k, Dir::Near);
                let cands = [cur.shift(-1), cur, cur.shift(1)];
                let p = match dir {
                    Dir::Past => cands.iter().rev().find(|c| c.first_day() <= r).copied(),
                    Dir::Future => cands.iter().find(|c| c.last_day() >= r).copied(),
                    Dir::Near => Some(cur),
                }?;
                (k, p)
            }
        };
        self.found(i, e, Value::Period(p), Anchor::Document)
    }

    /// `le XIXe siècle`, `au 20e siècle`, `du XVIIIe siècle`.
    fn r_century(&self, i: usize) -> Option<Found> {
        let roman = self
            .t
            .get(i)
            .is_some_and(|t| t.upper && matches!(self.text.as_bytes().get(t.start), Some(b'I' | b'V' | b'X' | b'L')));
        if !self.starts(i, |w| matches!(w, "le" | "au" | "du"), true, |w| matches!(w, Word::Trigger)) && !roman {
            return None;
        }
        let j = self.opt(i, &[&["le"], &["au"], &["du"]]);
        let (n, k) = if let Some((n, d)) = self.num(j) {
            if d > 2 || !self.adjacent(j + 1) || !self.is_any(j + 1, |w| matches!(w, "e" | "eme" | "ieme" | "er")) {
                return None;
            }
            (n, j + 2)
        } else {
            let w = self.t.get(j).filter(|t| t.kind == Kind::Word)?;
            let raw = &self.text[w.start..w.end];
            let (n, rest) = roman_prefix(raw)?;
            if rest.is_empty()
                && self.adjacent(j + 1)
                && self.is_any(j + 1, |w| matches!(w, "e" | "eme" | "ieme" | "er"))
            {
                (n, j + 2)
            } else if ["e", "eme", "ème", "ieme", "ième", "er"].contains(&rest) {
                (n, j + 1)
            } else {
                return None;
            }
        };
        if !self.is(k, "siecle") || !(1..=30).contains(&n) {
            return None;
        }
        let i = if self.is_any(i, |w| matches!(w, "au" | "du")) { j } else { i };
        self.found(i, k + 1, Value::Period(Period::Century(n as i32 - 1)), Anchor::Absolute)
    }

    /// `le premier trimestre 2017`, `au troisième trimestre`, `le 3e quart de 2016`.
    fn r_quarter(&self, i: usize) -> Option<Found> {
        if !self.starts(i, |w| matches!(w, "le" | "au" | "du"), true, |w| matches!(w, Word::Ord(_))) {
            return None;
        }
        let j = self.opt(i, &[&["le"], &["au"], &["du"]]);
        let (n, k) = self.ord(j)?;
        let semester = self.is(k, "semestre");
        if !(self.is(k, "trimestre") || self.is(k, "quart") || semester) {
            return None;
        }
        let k2 = self.opt(k + 1, &[&["de"], &["d"]]);
        let (y, e, anchor) = match self.year4(k2) {
            Some((y, e)) => (y, e, Anchor::Absolute),
            None if self.is(k, "quart") => return None,
            None => {
                let r = self.reference?;
                let k3 = self.opt(k + 1, &[&["de", "l", "annee"], &["de", "cette", "annee"]]);
                // Without a year, a past tense takes the last such quarter begun (`au quatrième
                // trimestre, les ventes ont ralenti`, read in February: last year's). A future
                // keeps the reference year: it is mostly the future of a report on a quarter
                // (`l'Insee publiera mardi la croissance du troisième trimestre`, read in
                // October), not a quarter to come. So do `de cette année` and no tense.
                let y = if k3 > k + 1 || semester {
                    r.year()
                } else {
                    let cur = (r.month() - 1) / 3 + 1;
                    let q = if n == -1 { 4 } else { n.clamp(1, 4) as u32 };
                    match self.dir(j, k + 1, Dir::Near) {
                        Dir::Past if q > cur => r.year() - 1,
                        _ => r.year(),
                    }
                };
                (y, k3, Anchor::Document)
            }
        };
        if semester {
            if !(1..=2).contains(&n) && n != -1 {
                return None;
            }
            // A half-year has no unit of its own in the output: its months, as annotators
            // write it (`premier semestre 2025` → `2025-01/2025-06`).
            let s = if n == -1 { 2 } else { n as u32 };
            let i = if self.is_any(i, |w| matches!(w, "au" | "du")) { j } else { i };
            return self.found(
                i,
                e,
                Value::Range(Period::Month { year: y, month: 6 * s - 5 }, Period::Month { year: y, month: 6 * s }),
                anchor,
            );
        }
        let q = if n == -1 { 4 } else { n };
        if !(1..=4).contains(&q) {
            return None;
        }
        let i = if self.is_any(i, |w| matches!(w, "au" | "du")) { j } else { i };
        self.found(i, e, Value::Period(Period::Quarter { year: y, quarter: q as u32 }), anchor)
    }

    /// `les années 1990`, `les années 70`, `les années soixante-dix`.
    fn r_decade(&self, i: usize) -> Option<Found> {
        if !self.starts(i, |w| matches!(w, "les" | "des" | "aux" | "dans"), false, |w| matches!(w, Word::Trigger)) {
            return None;
        }
        let i = if self.is(i, "dans") { i + 1 } else { i };
        let j = self.opt(i, &[&["les"], &["des"], &["aux"]]);
        if !self.is(j, "annees") {
            return None;
        }
        let k = j + 1;
        let (y, mut e) = if let Some((n, d)) = self.num(k) {
            match d {
                4 if n % 10 == 0 => (n as i32, k + 1),
                2 if n % 10 == 0 => (1900 + n as i32, k + 1),
                _ => return None,
            }
        } else {
            let (n, e) = self.num_words(k)?;
            match n {
                1000..=2999 if n % 10 == 0 => (n as i32, e),
                // "les années dix-neuf soixante-dix"
                19 | 20 => {
                    let (m, e2) = self.num_words(self.skip_sep(e))?;
                    if m >= 100 || m % 10 != 0 {
                        return None;
                    }
                    (n as i32 * 100 + m as i32, e2)
                }
                20..=90 if n % 10 == 0 => (1900 + n as i32, e),
                _ => return None,
            }
        };
        // "1970's", "70s"
        if self.adjacent(e) && self.is(e, "s") {
            e += 1;
        } else if self.punct(e, '\'') && self.adjacent(e) && self.is(e + 1, "s") {
            e += 2;
        }
        self.found(i, e, Value::Period(Period::Decade(y / 10)), Anchor::Absolute)
    }

    /// `fin janvier`, `début 2017`, `mi-mars`, `à la fin du mois`, `en début de semaine`.
    fn r_fuzzy(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| {
                matches!(
                    w,
                    "en" | "a"
                        | "au"
                        | "la"
                        | "le"
                        | "des"
                        | "vers"
                        | "d"
                        | "jusqu"
                        | "fin"
                        | "debut"
                        | "mi"
                        | "milieu"
                        | "courant"
                )
            },
            false,
            |w| matches!(w, Word::Trigger),
        ) {
            return None;
        }
        let j = self.opt(
            i,
            &[
                &["en"],
                &["a", "la"],
                &["au"],
                &["la"],
                &["le"],
                &["des", "le"],
                &["des", "la"],
                &["vers", "la"],
                &["vers", "le"],
                &["d", "ici", "la"],
                &["jusqu", "a", "la"],
                &["jusqu", "au"],
            ],
        );
        let j = self.skip_sep(j);
        let md = match self.word(j)? {
            "fin" => Some(Modifier::End),
            "debut" => Some(Modifier::Start),
            "mi" | "milieu" => Some(Modifier::Mid),
            "courant" => None,
            _ => return None,
        };
        // `les examens de fin d'année`, `les soldes de fin de saison`: a noun's complement with
        // no determiner names a kind of period, not one of them (`en fin d'année` does date).
        if j == i && i > 0 && self.is(i - 1, "de") && self.is_any(j + 1, |w| matches!(w, "d" | "de")) {
            return None;
        }
        let k = self.skip_sep(j + 1);
        let k = self.opt(k, &[&["de", "la"], &["de", "l"], &["du"], &["de"], &["d"]]);
        let k = self.skip_sep(k);
        let r = self.reference;
        // A bare unit: the current one, or with prochain/dernier.
        let bare: Option<(Unit, usize)> = match self.word(k) {
            Some("mois") => Some((Unit::Month, k + 1)),
            Some("semaine") => Some((Unit::Week, k + 1)),
            Some("annee") | Some("an") => Some((Unit::Year, k + 1)),
            Some("siecle") => Some((Unit::Century, k + 1)),
            _ => None,
        };
        let inner = self.best_with(k, false, false, true);
        let from_bare = bare.and_then(|(u, e)| {
            let r = r?;
            let (e, off) = match self.word(e) {
                Some("prochain" | "prochaine") => (e + 1, 1),
                Some("dernier" | "derniere" | "passe" | "passee") => (e + 1, -1),
                _ => (e, 0),
            };
            let mut p = match u {
                Unit::Month => Period::Month { year: r.year(), month: r.month() }.shift(off),
                Unit::Week => week_of(r).shift(off),
                Unit::Year => Period::Year(r.year() + off),
                _ => Period::Century((r.year() - 1) / 100 + off),
            };
            // Looking forward, a beginning or middle that is already over is the next one's.
            if off == 0
                && matches!(md, Some(Modifier::Start | Modifier::Mid))
                && self.dir(i, e, Dir::Near) == Dir::Future
            {
                let len = p.first_day().days_until(p.last_day()) + 1;
                let part_end = if md == Some(Modifier::Start) { len / 3 } else { 2 * len / 3 };
                if p.first_day().add_days(part_end - 1) < r {
                    p = p.shift(1);
                }
            }
            Some(Found {
                start: i,
                end: e,
                value: Value::Period(p),
                modifier: None,
                anchor: Anchor::Document,
                flagged: false,
            })
        });
        let f = match (inner, from_bare) {
            (Some(a), Some(b)) => {
                if a.end >= b.end {
                    a
                } else {
                    b
                }
            }
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => return None,
        };
        if f.modifier.is_some() || matches!(f.value, Value::Range(..) | Value::Period(Period::Day(_))) {
            return None;
        }
        let mut f = f;
        f.start = i;
        f.modifier = md;
        Some(f)
    }

    /// `la première quinzaine d'avril`, `la seconde quinzaine de juin`.
    fn r_quinzaine(&self, i: usize) -> Option<Found> {
        if !self.starts(i, |w| matches!(w, "la"), true, |w| matches!(w, Word::Ord(_))) {
            return None;
        }
        let j = self.opt(i, &[&["la"]]);
        let (n, k) = self.ord(j)?;
        if !self.is(k, "quinzaine") {
            return None;
        }
        let k = self.opt(k + 1, &[&["de"], &["d"], &["du"]]);
        let (y, m, e, anchor) = self.month_target(k)?;
        let (a, b) = match n {
            1 => (ymd(y, m, 1), ymd(y, m, 14)),
            2 | -1 => (ymd(y, m, 15), month_last(y, m)),
            _ => return None,
        };
        self.found(i, e, Value::Range(Period::Day(a), Period::Day(b)), anchor)
    }

    /// `depuis 2014`, `d'ici à 2030`, `avant le 15 mars`, `à partir du 8`, `jusqu'au 3 mai`.
    fn r_modded(&self, i: usize) -> Option<Found> {
        if !self.starts(
            i,
            |w| matches!(w, "depuis" | "des" | "a" | "apres" | "avant" | "jusqu" | "d" | "vers" | "aux" | "autour"),
            false,
            |w| matches!(w, Word::Trigger),
        ) {
            return None;
        }
        let pre: &[(&[&str], Modifier)] = &[
            (&["depuis"], Modifier::After),
            (&["des"], Modifier::After),
            (&["a", "partir", "du"], Modifier::After),
            (&["a", "partir", "de"], Modifier::After),
            (&["a", "partir", "d"], Modifier::After),
            (&["apres"], Modifier::After),
            (&["avant"], Modifier::Before),
            (&["jusqu", "au"], Modifier::Before),
            (&["jusqu", "a"], Modifier::Before),
            (&["jusqu", "en"], Modifier::Before),
            (&["d", "ici"], Modifier::Before),
            (&["d", "ici", "a"], Modifier::Before),
            (&["d", "ici", "au"], Modifier::Before),
            (&["a", "l", "horizon"], Modifier::Before),
            (&["horizon"], Modifier::Before),
            (&["vers"], Modifier::Approx),
            (&["aux", "alentours", "du"], Modifier::Approx),
            (&["aux", "alentours", "de"], Modifier::Approx),
            (&["autour", "du"], Modifier::Approx),
            (&["autour", "de"], Modifier::Approx),
        ];
        let (j, md) = pre.iter().filter_map(|&(s, m)| self.seq(i, s).map(|e| (e, m))).max_by_key(|x| x.0)?;
        // "dès" keeps its accent; "des" is the article ("des années 1990").
        if self.is(i, "des") && !self.t.get(i).is_some_and(|t| self.text[t.start..t.end].contains(['è', 'È'])) {
            return None;
        }
        // "jusqu'au printemps": the article contracted into "au"/"du" belongs to both sides.
        let contracted = self.is_any(j.wrapping_sub(1), |w| matches!(w, "au" | "du"));
        // "depuis septembre" can only look back and "d'ici mercredi" forward, whatever the tense;
        // "à partir de lundi", "dès lundi", "jusqu'à lundi" look forward when the tense says
        // nothing.
        let forced = if self.is(i, "depuis") {
            Some((Dir::Past, false))
        } else if self.seq(i, &["d", "ici"]).is_some() {
            Some((Dir::Future, false))
        } else if matches!(md, Modifier::Before | Modifier::After)
            && !self.is_any(i, |w| matches!(w, "apres" | "avant"))
        {
            Some((Dir::Future, true))
        } else {
            None
        };
        let at = j.saturating_sub(usize::from(contracted));
        let outer = self.forced.replace(forced.map(|(d, weak)| (at, d, weak)).or(self.forced.get()));
        let inner = self.best_with(j, false, true, true);
        let inner2 = if contracted { self.best_with(j - 1, false, true, true) } else { None };
        self.forced.set(outer);
        let mut f = match (inner, inner2) {
            (Some(a), Some(b)) => {
                if b.end > a.end {
                    b
                } else {
                    a
                }
            }
            (a, b) => a.or(b)?,
        };
        // "vers 23 heures", "à partir de 8 h": a time of day, not the 23rd or the 8th. Read in
        // the text, since the window may end at the number.
        if f.end > 0
            && self
                .t
                .get(f.end - 1)
                .is_some_and(|t| t.kind == Kind::Num && super::scan::time_unit_after(self.text, t.end))
        {
            return None;
        }
        if f.modifier.is_some() {
            // "d'ici la fin de l'année": keep the inner modifier, widen the span.
            f.start = i;
            return Some(f);
        }
        // "du" = "de le": "à partir du 8" reads as "le 8".
        f.start = i;
        f.modifier = Some(md);
        Some(f)
    }
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Century,
    Weekend,
}

fn shift_date(d: Date, unit: Unit, n: i64) -> Date {
    match unit {
        Unit::Day => d.add_days(n),
        Unit::Week => d.add_days(7 * n),
        Unit::Month | Unit::Quarter => {
            let k = if unit == Unit::Quarter { 3 * n } else { n };
            let idx = (d.year() as i64 * 12 + d.month() as i64 - 1 + k).clamp(12, 9999 * 12 + 11);
            ymd((idx / 12) as i32, (idx % 12) as u32 + 1, d.day())
        }
        Unit::Year => ymd((d.year() as i64 + n).clamp(1, 9999) as i32, d.month(), d.day()),
        Unit::Century => ymd((d.year() as i64 + 100 * n).clamp(1, 9999) as i32, d.month(), d.day()),
        Unit::Weekend => d.add_days(7 * n),
    }
}

/// The year of month `m` seen from `r`: most recent (current included), next, or nearest.
fn month_pick(r: Date, m: u32, dir: Dir) -> (i32, u32) {
    let cur = r.month();
    let y = match dir {
        Dir::Past => {
            if m <= cur {
                r.year()
            } else {
                r.year() - 1
            }
        }
        Dir::Future => {
            if m >= cur {
                r.year()
            } else {
                r.year() + 1
            }
        }
        Dir::Near => {
            let diff = m as i32 - cur as i32;
            if diff > 6 {
                r.year() - 1
            } else if diff < -6 {
                r.year() + 1
            } else {
                r.year()
            }
        }
    };
    (y, m)
}

/// `XIX` of `XIXe`: the value and the rest of the word (uppercase Roman numerals only).
fn roman_prefix(raw: &str) -> Option<(u32, &str)> {
    let end = raw.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L')).unwrap_or(raw.len());
    if end == 0 {
        return None;
    }
    let digits = &raw[..end];
    let val = |c: &u8| match c {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        _ => 50,
    };
    // (The digits are ASCII: read as bytes, each against the next, with no list of values.)
    let mut n = 0i64;
    let mut cs = digits.as_bytes().iter().map(val).peekable();
    while let Some(c) = cs.next() {
        if cs.peek().is_some_and(|&next| c < next) {
            n -= c;
        } else {
            n += c;
        }
    }
    (n > 0 && n < 100).then_some((n as u32, &raw[end..]))
}

/// Whether `at` lies inside an open « … » or “ … ” quotation: the last opening mark in the
/// 2,000 bytes before it is not closed before it. Straight quotes say nothing (they open and
/// close alike).
fn in_direct_speech(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(2_000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let Some(before) = text.get(from..at) else { return false };
    for c in before.chars().rev() {
        match c {
            '«' | '“' => return true,
            '»' | '”' => return false,
            _ => {}
        }
    }
    false
}

/// How far back (bytes) a story's last day still anchors `la veille` across a month or a year
/// named since: about three paragraphs of news copy.
const STORY_DAY_REACH: usize = 1500;

/// Whether `v` is a day or a range of days (what `la veille` can count from).
fn is_days(v: Value) -> bool {
    matches!(v, Value::Period(Period::Day(_)) | Value::Range(Period::Day(_), Period::Day(_)))
}

#[cfg(test)]
mod mask_tests;
