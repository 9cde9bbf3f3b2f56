//! French temporal expressions: found in the text and resolved against a reference date (the
//! publication date), tense-aware.
//!
//! ```
//! use depeche::temporal::{DateResolver, Grain};
//! use depeche::Date;
//!
//! let text = "Les deux dirigeants ont convenu lundi de se revoir. Jeudi 26 janvier, le ministre \
//!             avait déjà évoqué le sujet ; le lendemain, il s'envolait pour Berlin.";
//! let found = DateResolver::new(Some(Date::new(2017, 1, 30)?)).find(text);
//! let got: Vec<(&str, String)> =
//!     found.iter().map(|e| (&text[e.span.range()], e.timex())).collect();
//! assert_eq!(got, [
//!     ("lundi", "2017-01-30".to_string()),          // past tense: the publication Monday
//!     ("Jeudi 26 janvier", "2017-01-26".to_string()),
//!     ("le lendemain", "2017-01-27".to_string()),   // the day after the previous date
//! ]);
//! assert_eq!(found[1].grain(), Grain::Day);
//! # Ok::<(), depeche::Error>(())
//! ```
//!
//! What it reads: absolute days (`le 1er février 2017`, `12/05/2016`, `jeudi 26 janvier` with
//! the year chosen so that the weekday agrees), months, years, decades (`les années 1990`),
//! centuries (`le XIXe siècle`), quarters, seasons; days relative to the publication date
//! (`hier`, `lundi dernier`, `la semaine prochaine`, `il y a trois jours`); days relative to the
//! story (`le lendemain`, `la veille`, `deux jours plus tard`); periods (`du 3 au 5 mars`,
//! `entre 2010 et 2018`) and fuzzy parts (`fin janvier`, `début 2017`, `mi-mars`); holidays
//! computed for any year (`Pâques`, `la Toussaint`, `la Pentecôte`).
//!
//! Bare weekdays and months (`lundi`, `en mars`) are resolved by the tense of the clause: past
//! or present means the most recent one (the reference day included), future the next one
//! (after the reference day). [`Prefer`] overrides this.
//!
//! Not dates: counts (`1 000 manifestants`), article numbers (`l'article 49.3`), scores
//! (`3 à 1`), ages (`une femme de 45 ans`), idioms (`du jour au lendemain`), schedules (`du
//! lundi au vendredi`) and times of day alone (`à 15 h`); `samedi soir` is Saturday. A weekday
//! that disagrees with its date is flagged ([`TemporalExpression::is_inconsistent`]), not
//! silently dropped.
//!
//! Owns [`Date`], the expression grammar and its resolution. Words are matched case- and
//! accent-insensitively on tokens that keep their offsets into the original text, so every span
//! slices the caller's string. The word lists live in `src/temporal/data/*.tsv` (month and
//! weekday names and abbreviations, number words, holidays with their computation rule).
//! Calendar arithmetic is done by `jiff` inside, never exposed.

mod date;
mod grammar;
mod holidays;
mod lexicon;
mod scan;
mod tense;
mod value;

pub use date::{Date, Weekday};
pub use value::{Period, Season, Value};

use crate::Span;

/// Which way a bare weekday, month, day or holiday (`lundi`, `en mars`, `le 12 mai`, `Noël`)
/// points when the text does not say.
///
/// - Weekdays: past is the most recent such day, the reference day included (a Monday
///   article saying "ont convenu lundi" means that day); future is the next one *after* the
///   reference day (Duckling's convention: "lundi" written on a Monday is the next Monday).
/// - Months, days of a month and holidays: past is the most recent one, the current one
///   included; future the next one, the current one included.
/// - With [`Prefer::Tense`] and no verb to decide, weekdays point back (news mostly reports)
///   and the others take the nearest occurrence.
/// - A preposition that gives the direction itself wins over all three: `depuis septembre`
///   looks back, `d'ici mercredi` forward.
///
/// ```
/// use depeche::temporal::{DateResolver, Prefer};
/// use depeche::Date;
///
/// let monday = Some(Date::new(2016, 11, 14)?);
/// let at = |p: Prefer, text: &str| DateResolver::new(monday).prefer(p).find(text)[0].timex();
/// assert_eq!(at(Prefer::Tense, "Ils ont convenu lundi de se revoir."), "2016-11-14");
/// assert_eq!(at(Prefer::Tense, "Il se rendra lundi à Berlin."), "2016-11-21");
/// assert_eq!(at(Prefer::Past, "Il se rendra lundi à Berlin."), "2016-11-14");
/// assert_eq!(at(Prefer::Future, "en mars"), "2017-03");
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Prefer {
    /// The verb's tense decides (passé composé, imparfait, futur, futur proche, "prévu").
    #[default]
    Tense,
    /// Always back in time.
    Past,
    /// Always forward in time.
    Future,
}

/// The size of the period an expression denotes.
///
/// ```
/// use depeche::temporal::{DateResolver, Grain};
/// let found = DateResolver::new(None).find("Au XIXe siècle, puis dans les années 1990.");
/// let grains: Vec<Grain> = found.iter().map(|e| e.grain()).collect();
/// assert_eq!(grains, [Grain::Century, Grain::Decade]);
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Grain {
    /// A day (`le 28 janvier`).
    Day,
    /// An ISO week, Monday to Sunday (`la semaine prochaine`).
    Week,
    /// A month (`en mars`).
    Month,
    /// A quarter (`le premier trimestre`).
    Quarter,
    /// A season (`au printemps 2017`).
    Season,
    /// A year (`en 1991`).
    Year,
    /// A decade (`les années 1990`).
    Decade,
    /// A century (`le XIXe siècle`).
    Century,
}

impl Grain {
    /// The lowercase name used in SCHEMA output.
    ///
    /// ```
    /// assert_eq!(depeche::temporal::Grain::Decade.as_str(), "decade");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
        }
    }
}

/// A qualifier of the period: `fin janvier` is the end of January, `depuis 2014` after 2014,
/// `vers 1850` about 1850.
///
/// ```
/// use depeche::temporal::{DateResolver, Modifier};
/// let found = DateResolver::new(None).find("Vers 1850, puis d'ici à 2030.");
/// let mods: Vec<Option<Modifier>> = found.iter().map(|e| e.modifier()).collect();
/// assert_eq!(mods, [Some(Modifier::Approx), Some(Modifier::Before)]);
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Modifier {
    /// The beginning of the period (`début 2017`).
    Start,
    /// Its middle (`mi-mars`).
    Mid,
    /// Its end (`fin janvier`).
    End,
    /// About then (`vers 1850`, `il y a 200 ans`).
    Approx,
    /// Up to the period (`d'ici à 2030`, `avant le 15 mars`).
    Before,
    /// From the period on (`depuis 2014`, `à partir du 8 mars`).
    After,
}

impl Modifier {
    /// The lowercase name used in SCHEMA output.
    ///
    /// ```
    /// assert_eq!(depeche::temporal::Modifier::Approx.as_str(), "approx");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "start",
            Modifier::Mid => "mid",
            Modifier::End => "end",
            Modifier::Approx => "approx",
            Modifier::Before => "before",
            Modifier::After => "after",
        }
    }
}

/// How an expression was resolved.
///
/// ```
/// use depeche::temporal::{Anchor, DateResolver};
/// use depeche::Date;
///
/// let text = "Le traité a été signé le 3 mars 2015. Le lendemain, hier encore, rien.";
/// let found = DateResolver::new(Some(Date::new(2017, 6, 1)?)).find(text);
/// let anchors: Vec<Anchor> = found.iter().map(|e| e.anchor()).collect();
/// assert_eq!(anchors, [Anchor::Absolute, Anchor::Previous, Anchor::Document]);
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Anchor {
    /// The text gives the whole date (`le 14 juillet 1789`, `en 1991`).
    Absolute,
    /// Resolved against the reference (publication) date: `hier`, `lundi`, `le 28 janvier`.
    Document,
    /// Resolved against the previous date of the text: `le lendemain`, `deux jours plus tard`.
    Previous,
}

/// A temporal expression found in a text, resolved.
///
/// ```
/// use depeche::temporal::{DateResolver, Grain, Modifier, Period, Value};
/// use depeche::Date;
///
/// let text = "La réforme entrera en vigueur fin janvier.";
/// let found = DateResolver::new(Some(Date::new(2017, 1, 10)?)).find(text);
/// assert_eq!(found.len(), 1);
/// let e = &found[0];
/// assert_eq!(&text[e.span.range()], "fin janvier");
/// assert_eq!(e.value(), Value::Period(Period::Month { year: 2017, month: 1 }));
/// assert_eq!((e.timex(), e.grain(), e.modifier()), ("2017-01".to_string(), Grain::Month, Some(Modifier::End)));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TemporalExpression {
    /// Where it lies in the original text (UTF-8 byte offsets).
    pub span: Span,
    value: Value,
    modifier: Option<Modifier>,
    anchor: Anchor,
    inconsistent: bool,
}

impl TemporalExpression {
    /// The TIMEX3 value of SCHEMA.md (`2017-01-26`, `2017-W04`, `2017-03-03/2017-03-05`, `199`,
    /// `18`).
    ///
    /// ```
    /// use depeche::temporal::DateResolver;
    /// let found = DateResolver::new(None).find("Le pays a changé dans les années 1990.");
    /// assert_eq!(found[0].timex(), "199");
    /// ```
    pub fn timex(&self) -> String {
        self.value.to_string()
    }

    /// The typed value.
    ///
    /// ```
    /// use depeche::temporal::{DateResolver, Period, Value};
    /// let found = DateResolver::new(None).find("Il est mort au XIXe siècle.");
    /// assert_eq!(found[0].value(), Value::Period(Period::Century(18)));
    /// ```
    pub fn value(&self) -> Value {
        self.value
    }

    /// The grain (of the start, for a range).
    ///
    /// ```
    /// use depeche::temporal::{DateResolver, Grain};
    /// let found = DateResolver::new(None).find("La loi de 1905 a été votée en décembre 1905.");
    /// assert_eq!(found[0].grain(), Grain::Year);
    /// assert_eq!(found[1].grain(), Grain::Month);
    /// ```
    pub fn grain(&self) -> Grain {
        self.value.grain()
    }

    /// The modifier, if any: `fin janvier` ends January, `depuis 2014` is after 2014.
    ///
    /// ```
    /// use depeche::temporal::{DateResolver, Modifier};
    /// let found = DateResolver::new(None).find("Il vit à Lyon depuis 2014.");
    /// assert_eq!(found[0].modifier(), Some(Modifier::After));
    /// ```
    pub fn modifier(&self) -> Option<Modifier> {
        self.modifier
    }

    /// How the value was anchored.
    ///
    /// ```
    /// use depeche::temporal::{Anchor, DateResolver};
    /// use depeche::Date;
    /// let found = DateResolver::new(Some(Date::new(2017, 1, 28)?)).find("Il est arrivé hier.");
    /// assert_eq!(found[0].anchor(), Anchor::Document);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// Whether the text names a weekday that disagrees with the date (`mardi 26 janvier 2017`,
    /// a Thursday). The value is the date as written, without the weekday.
    ///
    /// ```
    /// use depeche::temporal::DateResolver;
    /// let found = DateResolver::new(None).find("Rendez-vous mardi 26 janvier 2017.");
    /// assert_eq!(found[0].timex(), "2017-01-26");
    /// assert!(found[0].is_inconsistent());
    /// ```
    pub fn is_inconsistent(&self) -> bool {
        self.inconsistent
    }
}

/// Finds and resolves the temporal expressions of French text against a reference date.
///
/// Immutable and `Copy`; build one per document (its reference is the publication date).
/// Without a reference, only expressions that carry their own year are resolved.
///
/// ```
/// use depeche::temporal::{DateResolver, Prefer};
/// use depeche::Date;
///
/// let published = Date::new(2016, 11, 14)?; // a Monday
/// let text = "Les deux présidents ont convenu lundi de se parler. Ils se verront jeudi.";
/// let found = DateResolver::new(Some(published)).find(text);
/// let values: Vec<String> = found.iter().map(|e| e.timex()).collect();
/// assert_eq!(values, ["2016-11-14", "2016-11-17"]);
///
/// let future = DateResolver::new(Some(published)).prefer(Prefer::Past).find("Il viendra jeudi.");
/// assert_eq!(future[0].timex(), "2016-11-10");
/// # Ok::<(), depeche::Error>(())
/// ```
///
/// # Performance
///
/// One Aho-Corasick pass finds trigger words (month and weekday names, `hier`, `semaine` …,
/// digits); only windows of about a hundred bytes around them are tokenized and parsed. See
/// `docs/perf-temporal.md`.
#[derive(Clone, Copy, Debug)]
pub struct DateResolver {
    reference: Option<Date>,
    prefer: Prefer,
}

impl DateResolver {
    /// A resolver for documents published on `reference` (or with no known date).
    ///
    /// ```
    /// use depeche::temporal::DateResolver;
    /// let r = DateResolver::new(None);
    /// assert!(r.find("Il est parti hier.").is_empty()); // nothing to resolve "hier" against
    /// assert_eq!(r.find("Il est né le 14 juillet 1789.")[0].timex(), "1789-07-14");
    /// ```
    pub const fn new(reference: Option<Date>) -> DateResolver {
        DateResolver { reference, prefer: Prefer::Tense }
    }

    /// The direction of bare weekdays and months.
    ///
    /// ```
    /// use depeche::temporal::{DateResolver, Prefer};
    /// use depeche::Date;
    /// let r = DateResolver::new(Some(Date::new(2013, 2, 12)?)).prefer(Prefer::Future);
    /// assert_eq!(r.find("lundi")[0].timex(), "2013-02-18");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub const fn prefer(self, prefer: Prefer) -> DateResolver {
        DateResolver { prefer, ..self }
    }

    /// Every resolved expression of `text`, in order, without overlaps.
    ///
    /// ```
    /// use depeche::temporal::DateResolver;
    /// use depeche::Date;
    /// let text = "Le festival aura lieu du 3 au 5 mars.";
    /// let found = DateResolver::new(Some(Date::new(2017, 1, 10)?)).find(text);
    /// assert_eq!(&text[found[0].span.range()], "du 3 au 5 mars");
    /// assert_eq!(found[0].timex(), "2017-03-03/2017-03-05");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn find(&self, text: &str) -> Vec<TemporalExpression> {
        let mut out = Vec::new();
        let mut last: Option<Value> = None;
        // Tense signals by sentence, shared by the windows (a sentence that spans several
        // windows is read once), and the parser's buffers.
        let mut scratch = grammar::Scratch::default();
        // The folded forms of the window's capitalized and accented words.
        let mut folds = String::new();
        // Buffers reused from window to window.
        let mut tok_bufs = scan::TokBuffers::default();
        let mut near: Vec<bool> = Vec::new();
        for (ws, we) in scan::windows(text) {
            let toks = scan::tokenize_into(text, ws, we, &mut folds, &mut tok_bufs);
            // Expressions start at most a few words before a trigger ("dans la nuit de samedi").
            near.clear();
            near.resize(toks.len(), false);
            let mut since_hot = usize::MAX;
            for k in (0..toks.len()).rev() {
                if scan::is_hot(&toks[k]) {
                    since_hot = 0;
                } else if !matches!(toks[k].kind, scan::Kind::Punct(_)) {
                    since_hot = since_hot.saturating_add(1);
                }
                near[k] = since_hot <= 7;
            }
            let p = grammar::Parser::new(
                &toks,
                text,
                (ws, we),
                &tok_bufs.stops,
                self.reference,
                self.prefer,
                last,
                std::mem::take(&mut scratch),
            );
            let mut i = 0;
            while i < toks.len() {
                let glued = || {
                    i > 0
                        && !toks[i].gap
                        && matches!(toks[i - 1].kind, scan::Kind::Num | scan::Kind::Punct('/' | '.' | '-' | ',' | ':'))
                        && (toks[i].kind == scan::Kind::Num || toks[i - 1].kind == scan::Kind::Num)
                };
                if matches!(toks[i].kind, scan::Kind::Punct(_))
                    || !near[i]
                    || glued()
                    || !scan::may_start_at(&toks, i, text)
                {
                    // Expressions start on a word or a number, not inside a bigger number.
                    i += 1;
                    continue;
                }
                if let Some(e) = p.idiom(i) {
                    i = e.max(i + 1);
                    continue;
                }
                match p.best(i) {
                    Some(f) if f.end > f.start && f.end <= toks.len() => {
                        let span = Span::new(toks[f.start].start, toks[f.end - 1].end);
                        if is_story_anchor(&toks, &f) {
                            p.set_last(f.value, span.end);
                        }
                        out.push(TemporalExpression {
                            span,
                            value: f.value,
                            modifier: f.modifier,
                            anchor: f.anchor,
                            inconsistent: f.flagged,
                        });
                        i = f.end;
                    }
                    _ => i += 1,
                }
            }
            last = p.last.get();
            scratch = p.into_scratch();
            tok_bufs.give_back(toks);
        }
        out
    }
}

/// Whether an expression can anchor `le lendemain` and friends: a date of the narration, not a
/// background date inside "depuis …", "avant …", "après …" ("une première depuis l'investiture
/// le 20 janvier": the next "la veille" counts from the main event, not from the investiture).
fn is_story_anchor(toks: &[scan::Tok<'_>], f: &grammar::Found) -> bool {
    if matches!(f.modifier, Some(Modifier::Before | Modifier::After)) {
        return false;
    }
    for k in (f.start.saturating_sub(8)..f.start).rev() {
        match toks[k].kind {
            scan::Kind::Punct(',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '«' | '»') => return true,
            // (`avant de la reprendre le 2 novembre`, `après avoir signé le 3 mars`: a sequence
            // of actions, not a date set against another.)
            scan::Kind::Word
                if matches!(toks[k].norm, "avant" | "apres")
                    && toks.get(k + 1).is_some_and(|t| matches!(t.norm, "de" | "d" | "avoir" | "etre")) => {}
            scan::Kind::Word if matches!(toks[k].norm, "depuis" | "avant" | "apres" | "jusqu") => return false,
            _ => {}
        }
    }
    true
}

/// The repository's French texts, for the tests of the gates: the bench dispatches, the
/// fixtures, the date tests and the docs (their examples are dates in context).
#[cfg(test)]
pub(crate) fn repository_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("benches/data/depeches.txt"),
        root.join("tests/temporal.rs"),
        root.join("tests/temporal_props.rs"),
        root.join("README.md"),
    ];
    let mut dirs = vec![root.join("tests/fixtures"), root.join("docs")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = e.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.into_iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
}

#[cfg(test)]
mod gate_tests {
    use super::{grammar, repository_texts, scan, Date, Period, Prefer, Value};

    /// Every position that `find` skips for its next token ([`scan::may_start_at`] false where
    /// [`scan::may_start`] is true) is one where no rule and no idiom matches, whatever the
    /// previous expression.
    fn assert_gate_skips_nothing(text: &str) {
        let reference = Date::new(2017, 1, 28).ok();
        let day = reference.map(|d| Value::Period(Period::Day(d)));
        let mut folds = String::new();
        for (ws, we) in scan::windows(text) {
            let toks = scan::tokenize(text, ws, we, &mut folds);
            let stops = scan::stops(text, ws, we);
            for last in [None, day] {
                let p = grammar::Parser::new(
                    &toks,
                    text,
                    (ws, we),
                    &stops,
                    reference,
                    Prefer::Tense,
                    last,
                    grammar::Scratch::default(),
                );
                for i in 0..toks.len() {
                    if scan::may_start(&toks[i]) && !scan::may_start_at(&toks, i, text) {
                        let at = &text[toks[i].start..toks.get(i + 2).map_or(we, |t| t.end)];
                        assert_eq!(p.idiom(i), None, "idiom at {at:?}");
                        assert!(p.best(i).is_none(), "expression at {at:?}");
                    }
                }
            }
        }
    }

    /// The repository's French texts: the bench dispatches, the fixtures, the date tests and
    /// the docs (their examples are dates in context).
    #[test]
    fn gate_skips_no_expression_in_the_repository_texts() {
        let mut read = 0;
        for text in repository_texts() {
            assert_gate_skips_nothing(&text);
            read += text.len();
        }
        assert!(read > 100_000, "only {read} bytes read");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Word soups of starters, date words, grammar words and other words.
        #[test]
        fn gate_skips_no_expression_in_word_soup(
            words in proptest::collection::vec(
                "le|la|l'|les|a|à|de|d'|du|des|au|aux|en|dans|entre|depuis|avant|après|vers|il|y|\
                 fin|début|mi-|un|une|ce|cet|cette|sur|nuit|prochain|président|annoncé|débats|\
                 XIXe|XXIe|IVe|Vingt|deuxième|troisième|premier|première|une|trois|quinze|vingt|et|\
                 mille|cent|onze|dix-huit|quatre-vingt|deux|sept|ministre|siècle|trimestre|semaine|mois|an|\
                 année|jour|lendemain|veille|hier|demain|lundi|samedi|mars|janvier|sept|Noël|\
                 Toussaint|Pâques|printemps|été|week-end|dernier|prochaine|suivant|plus|tard|\
                 3|12|1er|2017|98|1990|,|\\.|/|-|«|»",
                0..40,
            )
        ) {
            assert_gate_skips_nothing(&words.join(" "));
        }
    }
}
