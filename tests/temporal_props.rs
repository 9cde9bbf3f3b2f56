//! Invariants of the temporal layer, property-tested: no panic on any text or reference date,
//! valid values, weekday agreement, and relative expressions that move with the reference.

use depeche::temporal::{DateResolver, Period, Prefer, Value};
use depeche::{Date, Weekday};
use proptest::prelude::*;

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const WEEKDAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

fn any_date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        let first = Date::new(y, m, 1).unwrap();
        Date::new(y, m, d.min(first.days_in_month())).unwrap()
    })
}

fn inner_date() -> impl Strategy<Value = Date> {
    (3i32..=9990, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn prefer() -> impl Strategy<Value = Prefer> {
    prop_oneof![Just(Prefer::Tense), Just(Prefer::Past), Just(Prefer::Future)]
}

/// Text made of date words, numbers and punctuation, to reach deep into the grammar.
fn datey_text() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("le".to_string()),
        Just("du".to_string()),
        Just("au".to_string()),
        Just("entre".to_string()),
        Just("et".to_string()),
        Just("fin".to_string()),
        Just("début".to_string()),
        Just("mi-".to_string()),
        Just("depuis".to_string()),
        Just("il y a".to_string()),
        Just("dans".to_string()),
        Just("semaine".to_string()),
        Just("prochain".to_string()),
        Just("dernière".to_string()),
        Just("lendemain".to_string()),
        Just("XIXe siècle".to_string()),
        Just("les années".to_string()),
        Just("Pâques".to_string()),
        Just("l'an".to_string()),
        Just("cent".to_string()),
        Just("mille".to_string()),
        Just("quatre-vingt".to_string()),
        Just("vingt et un".to_string()),
        Just("la veille".to_string()),
        Just("ce jour-là".to_string()),
        Just("cette année-là".to_string()),
        Just("du".to_string()),
        Just("les".to_string()),
        Just("il y a".to_string()),
        Just("/".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just("\u{a0}".to_string()),
        (0usize..12).prop_map(|m| MONTHS[m].to_string()),
        (0usize..7).prop_map(|d| WEEKDAYS[d].to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "\\PC{0,6}",
    ];
    proptest::collection::vec(atoms, 0..14).prop_map(|v| v.join(" "))
}

fn check_valid(text: &str, found: &[depeche::temporal::TemporalExpression]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for e in found {
        prop_assert!(e.span.start < e.span.end && e.span.end <= text.len(), "{:?} in {text:?}", e.span);
        prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        prop_assert!(e.span.start >= prev_end, "overlap in {text:?}");
        prev_end = e.span.end;
        let v = e.value();
        prop_assert!(v.first_day() <= v.last_day(), "{v:?} in {text:?}");
        prop_assert!(!e.timex().is_empty());
        prop_assert_eq!(v.grain(), e.grain());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn no_panic_on_any_string(text in "\\PC{0,80}", r in any_date(), p in prefer()) {
        let found = DateResolver::new(Some(r)).prefer(p).find(&text);
        check_valid(&text, &found)?;
    }

    #[test]
    fn no_panic_on_date_words(text in datey_text(), r in any_date(), p in prefer()) {
        let found = DateResolver::new(Some(r)).prefer(p).find(&text);
        check_valid(&text, &found)?;
        let found = DateResolver::new(None).prefer(p).find(&text);
        check_valid(&text, &found)?;
    }

    #[test]
    fn weekday_day_month_agrees_or_is_flagged(wd in 0usize..7, d in 1u32..=31, m in 0usize..12, r in inner_date(), p in prefer()) {
        let text = format!("Rendez-vous {} {} {}.", WEEKDAYS[wd], d, MONTHS[m]);
        let found = DateResolver::new(Some(r)).prefer(p).find(&text);
        for e in &found {
            if let Value::Period(Period::Day(day)) = e.value() {
                prop_assert!(
                    day.weekday() == Weekday::from_number(wd as u8 + 1).unwrap() || e.is_inconsistent(),
                    "{text:?} -> {day} not flagged"
                );
                prop_assert_eq!((day.day(), day.month()), (d, m as u32 + 1), "{}", text);
            }
        }
        if Date::new(2016, m as u32 + 1, d).is_ok() {
            prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
        }
    }

    #[test]
    fn relative_days_move_with_the_reference(k in 0usize..8, r in inner_date(), n in -400i64..400) {
        const REL: &[&str] = &["hier", "demain", "aujourd'hui", "avant-hier", "après-demain", "il y a 3 jours", "dans 10 jours", "il y a une semaine"];
        let text = format!("Il l'a dit {}.", REL[k]);
        let a = DateResolver::new(Some(r)).find(&text);
        let b = DateResolver::new(Some(r.add_days(n))).find(&text);
        prop_assert_eq!(a.len(), 1, "{}", text);
        prop_assert_eq!(b.len(), 1, "{}", text);
        prop_assert_eq!(a[0].value().first_day().add_days(n), b[0].value().first_day(), "{}", text);
    }

    #[test]
    fn weekdays_move_by_weeks(wd in 0usize..7, r in inner_date(), w in -50i64..50, p in prefer()) {
        for form in ["{} dernier", "{} prochain", "{}", "ce {}", "{} de la semaine prochaine"] {
            let text = format!("La réunion a lieu {}.", form.replace("{}", WEEKDAYS[wd]));
            let a = DateResolver::new(Some(r)).prefer(p).find(&text);
            let b = DateResolver::new(Some(r.add_days(7 * w))).prefer(p).find(&text);
            prop_assert_eq!(a.len(), 1, "{}", text);
            prop_assert_eq!(a[0].value().first_day().add_days(7 * w), b[0].value().first_day(), "{}", text);
        }
    }
}
