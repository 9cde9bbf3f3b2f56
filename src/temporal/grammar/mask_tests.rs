//! Tests of the rule mask of `Parser::best_with` (a file of their own: the string literals of
//! `grammar.rs` are read by the gate's test as the grammar's words).

use super::*;

/// The bit of each rule of `best_with`.
const RULES: &[(&str, u32)] = &[
    ("r_relday", R_RELDAY),
    ("r_holiday", R_HOLIDAY),
    ("r_range", R_RANGE),
    ("r_fuzzy", R_FUZZY),
    ("r_quinzaine", R_QUINZAINE),
    ("r_modded", R_MODDED),
    ("r_day", R_DAY),
    ("r_weekday", R_WEEKDAY),
    ("r_ord_weekday", R_ORD_WEEKDAY),
    ("r_period_rel", R_PERIOD_REL),
    ("r_nth_week", R_NTH_WEEK),
    ("r_ago", R_AGO),
    ("r_last_n", R_LAST_N),
    ("r_month", R_MONTH),
    ("r_num_month", R_NUM_MONTH),
    ("r_year", R_YEAR),
    ("r_season", R_SEASON),
    ("r_century", R_CENTURY),
    ("r_quarter", R_QUARTER),
    ("r_decade", R_DECADE),
];

/// A sample lexicon entry of each kind, by variant name.
fn sample(variant: &str) -> Word {
    match variant {
        "Month" => Word::Month(3),
        "MonthAbbr" => Word::MonthAbbr(3),
        "Weekday" => Word::Weekday(Weekday::Monday),
        "WeekdayAbbr" => Word::WeekdayAbbr(Weekday::Monday),
        "Num" => Word::Num(3),
        "Ord" => Word::Ord(3),
        "Trigger" => Word::Trigger,
        other => panic!("unknown lexicon kind {other}"),
    }
}

/// The arguments of the `self.starts(…)` call of rule `name` in this file, read from its
/// source: the first-word list, the number flag, the lexicon kinds.
fn starts_of(src: &str, name: &str) -> Option<(Vec<String>, bool, Vec<String>)> {
    let body = &src[src.find(&format!("    fn {name}("))?..];
    let body = &body[..body[1..].find("\n    fn ").map_or(body.len(), |k| k + 1)];
    let at = body.find("self.starts(")? + "self.starts(".len();
    let (mut depth, mut args, mut cur) = (1, Vec::new(), String::new());
    for c in body[at..].chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            break;
        }
        if c == ',' && depth == 1 {
            args.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    args.push(cur);
    let lits = args[1].split('"').skip(1).step_by(2).map(str::to_string).collect();
    let kinds =
        args[3].split("Word::").skip(1).map(|k| k.chars().take_while(char::is_ascii_alphanumeric).collect()).collect();
    Some((lits, args[2].trim() == "true", kinds))
}

/// Every word, number flag and lexicon kind of a rule's `starts` test sets the rule's bit.
#[test]
fn masks_cover_the_starts_tests() {
    let src = include_str!("../grammar.rs");
    let mut read = 0;
    for &(name, bit) in RULES {
        let Some((words, num, kinds)) = starts_of(src, name) else { continue };
        read += 1;
        for w in &words {
            assert!(first_word_rules(w) & bit != 0, "{name}: first word {w:?} not in its mask");
        }
        if num {
            assert!(NUM_RULES & bit != 0, "{name}: numbers not in its mask");
        }
        for k in &kinds {
            assert!(lex_rules(&sample(k)) & bit != 0, "{name}: lexicon kind {k} not in its mask");
        }
    }
    assert_eq!(read, 17, "the starts tests read");
    // The rules without a `starts` test: a partial day (a number, a lexicon word, `le`, `ce`,
    // `1er`, `premier`), a holiday (`le`, `la`, `l`, a head), a numeric month, a Roman century.
    for w in ["le", "ce", "1er", "premier"] {
        assert!(first_word_rules(w) & R_DAY != 0, "{w}");
    }
    for w in ["le", "la", "l"] {
        assert!(first_word_rules(w) & R_HOLIDAY != 0, "{w}");
    }
    assert_eq!(NUM_RULES & (R_DAY | R_NUM_MONTH), R_DAY | R_NUM_MONTH);
}

/// At every token of the repository's texts and of word soups, a rule whose bit the mask
/// leaves out finds nothing there.
fn assert_mask_skips_nothing(text: &str) {
    let reference = Date::new(2017, 1, 28).ok();
    let day = reference.map(|d| Value::Period(Period::Day(d)));
    let mut folds = String::new();
    for (ws, we) in super::super::scan::windows(text) {
        let toks = super::super::scan::tokenize(text, ws, we, &mut folds);
        let stops = super::super::scan::stops(text, ws, we);
        for last in [None, day] {
            let p = Parser::new(&toks, text, (ws, we), &stops, reference, Prefer::Tense, last, Scratch::default());
            for i in 0..=toks.len() {
                let m = p.rule_mask(i);
                let found = [
                    (R_RELDAY, p.r_relday(i)),
                    (R_HOLIDAY, p.r_holiday(i)),
                    (R_RANGE, p.r_range(i)),
                    (R_FUZZY, p.r_fuzzy(i)),
                    (R_QUINZAINE, p.r_quinzaine(i)),
                    (R_MODDED, p.r_modded(i)),
                    (R_DAY, p.r_day(i, true)),
                    (R_WEEKDAY, p.r_weekday(i)),
                    (R_ORD_WEEKDAY, p.r_ord_weekday(i)),
                    (R_PERIOD_REL, p.r_period_rel(i)),
                    (R_NTH_WEEK, p.r_nth_week(i)),
                    (R_AGO, p.r_ago(i)),
                    (R_LAST_N, p.r_last_n(i)),
                    (R_MONTH, p.r_month(i)),
                    (R_NUM_MONTH, p.r_num_month(i)),
                    (R_YEAR, p.r_year(i, true)),
                    (R_SEASON, p.r_season(i)),
                    (R_CENTURY, p.r_century(i)),
                    (R_QUARTER, p.r_quarter(i)),
                    (R_DECADE, p.r_decade(i)),
                ];
                for (bit, f) in found {
                    if m & bit == 0 {
                        let at = toks.get(i).map_or("", |t| &text[t.start..t.end]);
                        assert!(f.is_none(), "rule bit {bit:#x} left out at {at:?} in {:?}", &text[ws..we]);
                    }
                }
            }
        }
    }
}

#[test]
fn mask_skips_no_expression_in_the_repository_texts() {
    let mut read = 0;
    for text in crate::temporal::repository_texts() {
        assert_mask_skips_nothing(&text);
        read += text.len();
    }
    assert!(read > 100_000, "only {read} bytes read");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Word soups of starters, date words, grammar words and punctuation.
    #[test]
    fn mask_skips_no_expression_in_word_soup(
        words in proptest::collection::vec(
            "le|la|l'|les|a|à|de|d'|du|des|dès|au|aux|en|dans|entre|depuis|avant|après|vers|il|y|\
             fin|début|mi-|un|une|ce|cet|cette|sur|nuit|prochain|président|annoncé|\
             XIXe|XXIe|IVe|Vingt|deuxième|premier|première|trois|quinze|vingt|et|-|'|\
             siècle|trimestre|semaine|mois|an|année|années|jour|lendemain|veille|hier|demain|\
             lundi|lun\\.|samedi|mars|janv\\.|Noël|Toussaint|Pâques|Saint|printemps|été|week-end|\
             dernier|suivant|plus|tard|quinzaine|horizon|partir|ici|alentours|autour|\
             3|12|1er|2017|98|1990|03/2017|12/05/2016|,|\\.|/|«|»",
            0..30,
        )
    ) {
        assert_mask_skips_nothing(&words.join(" "));
    }
}

// (Not a test of the mask: here rather than in `grammar.rs` for the same reason.)
#[test]
fn roman_prefixes() {
    // (word, value and rest) — a smaller digit before a larger one is subtracted; C ends the
    // digits (no century is written that large).
    let rows: &[(&str, Option<(u32, &str)>)] = &[
        ("XIXe", Some((19, "e"))),     // IX: subtracted
        ("XXIe", Some((21, "e"))),     // added
        ("IVe", Some((4, "e"))),       // IV
        ("XLe", Some((40, "e"))),      // XL
        ("LXXX", Some((80, ""))),      // no suffix
        ("e", None),                   // no digit
        ("C", None),                   // C is not a digit here
        ("XCIXe", Some((10, "CIXe"))), // the digits stop at C
        ("LL", None),                  // 100: out of range
    ];
    for &(w, want) in rows {
        assert_eq!(roman_prefix(w), want, "{w}");
    }
}
