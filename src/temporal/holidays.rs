//! Well-known days, computed for any year: fixed dates (Noël, la Toussaint, le 14 Juillet),
//! Easter by the Gregorian computus and the feasts that hang on it (Ascension, Pentecôte),
//! and the "n-th weekday of a month" days (fête des pères).

use super::value::ymd;
use super::{Date, Weekday};

/// How a holiday named in `data/holidays.tsv` is computed.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Rule {
    /// Month and day.
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative: before).
    Easter(i32),
    /// The n-th (1-based; negative: from the end) weekday of a month.
    NthWeekday(i32, Weekday, u32),
    /// French Mother's Day: last Sunday of May, or the first Sunday of June when that Sunday
    /// is Pentecost (Code de l'action sociale, art. D215-1).
    MothersDay,
}

impl Rule {
    /// Parses the rule column of `holidays.tsv`: `fixed 12-25`, `easter 39`, `nth 3 7 6`,
    /// `mothers`.
    pub(crate) fn parse(s: &str) -> Option<Rule> {
        let mut it = s.split_whitespace();
        match it.next()? {
            "fixed" => {
                let (m, d) = it.next()?.split_once('-')?;
                Some(Rule::Fixed(m.parse().ok()?, d.parse().ok()?))
            }
            "easter" => Some(Rule::Easter(it.next()?.parse().ok()?)),
            "nth" => {
                let n: i32 = it.next()?.parse().ok()?;
                let wd = Weekday::from_number(it.next()?.parse().ok()?)?;
                let m: u32 = it.next()?.parse().ok()?;
                Some(Rule::NthWeekday(n, wd, m))
            }
            "mothers" => Some(Rule::MothersDay),
            _ => None,
        }
    }

    /// The day in `year`, or `None` outside years 1–9999.
    pub(crate) fn in_year(self, year: i32) -> Option<Date> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        match self {
            Rule::Fixed(m, d) => Date::new(year, m, d).ok(),
            Rule::Easter(off) => Some(easter(year).add_days(off as i64)).filter(|d| d.year() == year),
            Rule::NthWeekday(n, wd, m) => nth_weekday(year, m, wd, n),
            Rule::MothersDay => {
                let last = nth_weekday(year, 5, Weekday::Sunday, -1)?;
                if last == easter(year).add_days(49) {
                    Some(last.add_days(7))
                } else {
                    Some(last)
                }
            }
        }
    }
}

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub(crate) fn easter(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

/// The n-th `wd` of a month (n = -1: the last one).
pub(crate) fn nth_weekday(year: i32, month: u32, wd: Weekday, n: i32) -> Option<Date> {
    let first = Date::new(year, month, 1).ok()?;
    if n > 0 {
        let off = (wd.number() as i64 - first.weekday().number() as i64).rem_euclid(7);
        let d = first.add_days(off + 7 * (n as i64 - 1));
        (d.month() == month && d.year() == year).then_some(d)
    } else if n < 0 {
        let last = first.add_days(first.days_in_month() as i64 - 1);
        let off = (last.weekday().number() as i64 - wd.number() as i64).rem_euclid(7);
        let d = last.add_days(-off - 7 * (-n as i64 - 1));
        (d.month() == month && d.year() == year).then_some(d)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Easter Sundays checked against the published tables of the Gregorian calendar.
    const EASTER: &[(i32, u32, u32)] = &[
        (1818, 3, 22), // earliest possible date
        (1943, 4, 25), // latest possible date
        (2013, 3, 31),
        (2016, 3, 27),
        (2017, 4, 16),
        (2019, 4, 21),
        (2024, 3, 31),
        (2038, 4, 25),
    ];

    #[test]
    fn computus_matches_the_tables() {
        for &(y, m, d) in EASTER {
            assert_eq!(easter(y), Date::new(y, m, d).unwrap(), "Easter {y}");
        }
    }

    #[test]
    fn rules() {
        let cases: &[(Rule, i32, &str)] = &[
            (Rule::Easter(39), 2017, "2017-05-25"), // Ascension, Thursday
            (Rule::Easter(50), 2016, "2016-05-16"), // lundi de Pentecôte
            (Rule::NthWeekday(3, Weekday::Sunday, 6), 2017, "2017-06-18"), // fête des pères
            (Rule::MothersDay, 2016, "2016-05-29"), // last Sunday of May
            (Rule::MothersDay, 2024, "2024-05-26"),
            (Rule::MothersDay, 2015, "2015-05-31"), // Pentecost 2015-05-24: not moved
            (Rule::NthWeekday(-1, Weekday::Monday, 5), 2017, "2017-05-29"),
        ];
        for &(r, y, want) in cases {
            assert_eq!(r.in_year(y).map(|d| d.to_string()).as_deref(), Some(want), "{r:?} {y}");
        }
    }
}
