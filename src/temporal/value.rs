//! The typed value of a temporal expression: a [`Period`] of the calendar or a [`Value::Range`]
//! of two, with their TIMEX3 spelling.

use core::fmt;

use super::date::write_padded;
use super::{Date, Grain};

/// A season of the northern hemisphere, as TIMEX3 names them.
///
/// ```
/// use depeche::temporal::Season;
/// assert_eq!(Season::Summer.timex(), "SU");
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Season {
    /// Le printemps (`SP`).
    Spring,
    /// L'été (`SU`).
    Summer,
    /// L'automne (`FA`).
    Autumn,
    /// L'hiver (`WI`), counted in the year it begins (December).
    Winter,
}

impl Season {
    /// The two-letter TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    ///
    /// ```
    /// assert_eq!(depeche::temporal::Season::Winter.timex(), "WI");
    /// ```
    pub const fn timex(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    /// The astronomical bounds used for arithmetic: (month, day) of the first and last days.
    const fn bounds(self) -> ((u32, u32), (u32, u32)) {
        match self {
            Season::Spring => ((3, 20), (6, 20)),
            Season::Summer => ((6, 21), (9, 22)),
            Season::Autumn => ((9, 23), (12, 20)),
            Season::Winter => ((12, 21), (3, 19)),
        }
    }
}

/// One period of the calendar, at one grain.
///
/// Decades and centuries are numbered as TIMEX3 writes them: the 1990s are decade `199`, the
/// XIXe siècle (1801–1900 by the book, 1800–1899 as newspapers use it) is century `18`.
///
/// ```
/// use depeche::temporal::Period;
/// use depeche::Date;
///
/// let day = Period::Day(Date::new(2017, 1, 26)?);
/// assert_eq!(day.to_string(), "2017-01-26");
/// assert_eq!(Period::Week { year: 2017, week: 4 }.to_string(), "2017-W04");
/// assert_eq!(Period::Decade(199).to_string(), "199");
/// assert_eq!(Period::Century(18).first_day(), Date::new(1800, 1, 1)?);
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Period {
    /// One day.
    Day(Date),
    /// An ISO 8601 week (Monday to Sunday) of an ISO week-numbering year.
    Week {
        /// ISO week-numbering year.
        year: i32,
        /// Week 1–53.
        week: u32,
    },
    /// A month of a year.
    Month {
        /// The year.
        year: i32,
        /// Month 1–12.
        month: u32,
    },
    /// A quarter (trimestre) of a year.
    Quarter {
        /// The year.
        year: i32,
        /// Quarter 1–4.
        quarter: u32,
    },
    /// A season of a year (winter: the one that begins in December of that year).
    Season {
        /// The year.
        year: i32,
        /// Which season.
        season: Season,
    },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (`199` for 1990–1999).
    Decade(i32),
    /// A century, by its first two digits (`18` for 1800–1899).
    Century(i32),
}

impl Period {
    /// The grain of the period.
    ///
    /// ```
    /// use depeche::temporal::{Grain, Period};
    /// assert_eq!(Period::Year(1991).grain(), Grain::Year);
    /// ```
    pub const fn grain(&self) -> Grain {
        match self {
            Period::Day(_) => Grain::Day,
            Period::Week { .. } => Grain::Week,
            Period::Month { .. } => Grain::Month,
            Period::Quarter { .. } => Grain::Quarter,
            Period::Season { .. } => Grain::Season,
            Period::Year(_) => Grain::Year,
            Period::Decade(_) => Grain::Decade,
            Period::Century(_) => Grain::Century,
        }
    }

    /// The first day of the period, clamped to [`Date::MIN`]..=[`Date::MAX`].
    ///
    /// ```
    /// use depeche::temporal::Period;
    /// use depeche::Date;
    /// assert_eq!(Period::Week { year: 2017, week: 1 }.first_day(), Date::new(2017, 1, 2)?);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn first_day(&self) -> Date {
        match *self {
            Period::Day(d) => d,
            Period::Week { year, week } => iso_week_monday(year, week),
            Period::Month { year, month } => ymd(year, month, 1),
            Period::Quarter { year, quarter } => ymd(year, quarter.clamp(1, 4) * 3 - 2, 1),
            Period::Season { year, season } => {
                let ((m, d), _) = season.bounds();
                ymd(year, m, d)
            }
            Period::Year(y) => ymd(y, 1, 1),
            Period::Decade(d) => ymd(d.saturating_mul(10), 1, 1),
            Period::Century(c) => ymd(c.saturating_mul(100), 1, 1),
        }
    }

    /// The last day of the period (inclusive), clamped to [`Date::MIN`]..=[`Date::MAX`].
    ///
    /// ```
    /// use depeche::temporal::Period;
    /// use depeche::Date;
    /// assert_eq!(Period::Month { year: 2016, month: 2 }.last_day(), Date::new(2016, 2, 29)?);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn last_day(&self) -> Date {
        match *self {
            Period::Day(d) => d,
            Period::Week { year, week } => iso_week_monday(year, week).add_days(6),
            Period::Month { year, month } => month_last(year, month),
            Period::Quarter { year, quarter } => month_last(year, quarter.clamp(1, 4) * 3),
            Period::Season { year, season } => {
                let (_, (m, d)) = season.bounds();
                let y = if season == Season::Winter { year.saturating_add(1) } else { year };
                ymd(y, m, d)
            }
            Period::Year(y) => ymd(y, 12, 31),
            Period::Decade(d) => ymd(d.saturating_mul(10).saturating_add(9), 12, 31),
            Period::Century(c) => ymd(c.saturating_mul(100).saturating_add(99), 12, 31),
        }
    }

    /// Whether every day of the period lies in years 1–9999.
    pub(crate) fn is_valid(&self) -> bool {
        let ok = |y: i32| (1..=9999).contains(&y);
        match *self {
            Period::Day(_) => true,
            Period::Week { year, week } => ok(year) && (1..=weeks_in_iso_year(year)).contains(&week),
            Period::Month { year, month } => ok(year) && (1..=12).contains(&month),
            Period::Quarter { year, quarter } => ok(year) && (1..=4).contains(&quarter),
            Period::Season { year, season } => ok(year) && (season != Season::Winter || year < 9999),
            Period::Year(y) => ok(y),
            Period::Decade(d) => (1..=999).contains(&d),
            Period::Century(c) => (1..=99).contains(&c),
        }
    }

    /// This period moved by `n` of its own units (days, weeks, months …).
    pub(crate) fn shift(&self, n: i32) -> Period {
        match *self {
            Period::Day(d) => Period::Day(d.add_days(n as i64)),
            Period::Week { .. } => {
                let d = self.first_day().add_days(7 * n as i64);
                let (year, week) = d.iso_week();
                Period::Week { year, week }
            }
            Period::Month { year, month } => {
                let idx = year * 12 + month as i32 - 1 + n;
                Period::Month { year: idx.div_euclid(12), month: idx.rem_euclid(12) as u32 + 1 }
            }
            Period::Quarter { year, quarter } => {
                let idx = year * 4 + quarter as i32 - 1 + n;
                Period::Quarter { year: idx.div_euclid(4), quarter: idx.rem_euclid(4) as u32 + 1 }
            }
            Period::Season { year, season } => Period::Season { year: year + n, season },
            Period::Year(y) => Period::Year(y + n),
            Period::Decade(d) => Period::Decade(d + n),
            Period::Century(c) => Period::Century(c + n),
        }
    }
}

impl fmt::Display for Period {
    /// The TIMEX3 value of SCHEMA.md.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Field by field (`write_padded`), as `{year:04}-{month:02}` … would write them.
        match *self {
            Period::Day(d) => fmt::Display::fmt(&d, f),
            Period::Week { year, week } => {
                write_padded(f, year.into(), 4)?;
                f.write_str("-W")?;
                write_padded(f, week.into(), 2)
            }
            Period::Month { year, month } => {
                write_padded(f, year.into(), 4)?;
                f.write_str("-")?;
                write_padded(f, month.into(), 2)
            }
            Period::Quarter { year, quarter } => {
                write_padded(f, year.into(), 4)?;
                f.write_str("-Q")?;
                write_padded(f, quarter.into(), 1)
            }
            Period::Season { year, season } => {
                write_padded(f, year.into(), 4)?;
                f.write_str("-")?;
                f.write_str(season.timex())
            }
            Period::Year(y) => write_padded(f, y.into(), 4),
            Period::Decade(d) => write_padded(f, d.into(), 3),
            Period::Century(c) => write_padded(f, c.into(), 2),
        }
    }
}

/// The value of a temporal expression: one period, or a range of two (END inclusive).
///
/// ```
/// use depeche::temporal::{Period, Value};
/// use depeche::Date;
///
/// let v = Value::Range(Period::Day(Date::new(2017, 3, 3)?), Period::Day(Date::new(2017, 3, 5)?));
/// assert_eq!(v.to_string(), "2017-03-03/2017-03-05");
/// assert_eq!(v.last_day(), Date::new(2017, 3, 5)?);
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Value {
    /// A single period.
    Period(Period),
    /// From the first period to the second, both included.
    Range(Period, Period),
}

impl Value {
    /// The grain (of the start, for a range).
    ///
    /// ```
    /// use depeche::temporal::{Grain, Period, Value};
    /// assert_eq!(Value::Period(Period::Decade(199)).grain(), Grain::Decade);
    /// ```
    pub const fn grain(&self) -> Grain {
        match self {
            Value::Period(p) | Value::Range(p, _) => p.grain(),
        }
    }

    /// The first day covered.
    ///
    /// ```
    /// use depeche::temporal::{Period, Value};
    /// use depeche::Date;
    /// assert_eq!(Value::Period(Period::Year(1905)).first_day(), Date::new(1905, 1, 1)?);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn first_day(&self) -> Date {
        match self {
            Value::Period(p) | Value::Range(p, _) => p.first_day(),
        }
    }

    /// The last day covered (inclusive).
    ///
    /// ```
    /// use depeche::temporal::{Period, Value};
    /// use depeche::Date;
    /// assert_eq!(Value::Period(Period::Year(1905)).last_day(), Date::new(1905, 12, 31)?);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn last_day(&self) -> Date {
        match self {
            Value::Period(p) | Value::Range(_, p) => p.last_day(),
        }
    }

    pub(crate) fn is_valid(&self) -> bool {
        match self {
            Value::Period(p) => p.is_valid(),
            Value::Range(a, b) => a.is_valid() && b.is_valid() && a.first_day() <= b.last_day(),
        }
    }
}

impl fmt::Display for Value {
    /// The TIMEX3 value of SCHEMA.md (`START/END` for a range).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Period(p) => fmt::Display::fmt(p, f),
            Value::Range(a, b) => {
                fmt::Display::fmt(a, f)?;
                f.write_str("/")?;
                fmt::Display::fmt(b, f)
            }
        }
    }
}

/// A date from parts, clamped into the representable range (the day into its month).
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> Date {
    if year < 1 {
        return Date::MIN;
    }
    if year > 9999 {
        return Date::MAX;
    }
    let month = month.clamp(1, 12);
    let first = Date::new(year, month, 1).unwrap_or(Date::MIN);
    Date::new(year, month, day.clamp(1, first.days_in_month())).unwrap_or(first)
}

pub(crate) fn month_last(year: i32, month: u32) -> Date {
    let first = ymd(year, month, 1);
    ymd(year, month, first.days_in_month())
}

/// The Monday of ISO week `week` of ISO year `year` (clamped).
pub(crate) fn iso_week_monday(year: i32, week: u32) -> Date {
    if year < 1 {
        return Date::MIN;
    }
    let jan4 = ymd(year, 1, 4);
    let monday1 = jan4.add_days(-(jan4.weekday().number() as i64 - 1));
    monday1.add_days(7 * (week.max(1) as i64 - 1))
}

fn weeks_in_iso_year(year: i32) -> u32 {
    let dec28 = ymd(year, 12, 28);
    dec28.iso_week().1
}

/// The ISO week of a day.
pub(crate) fn week_of(d: Date) -> Period {
    let (year, week) = d.iso_week();
    Period::Week { year, week }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TIMEX formatting before `write_padded`: the format strings it replaces.
    fn timex_by_format(p: Period) -> String {
        match p {
            Period::Day(d) => format!("{d}"),
            Period::Week { year, week } => format!("{year:04}-W{week:02}"),
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Period::Season { year, season } => format!("{year:04}-{}", season.timex()),
            Period::Year(y) => format!("{y:04}"),
            Period::Decade(d) => format!("{d:03}"),
            Period::Century(c) => format!("{c:02}"),
        }
    }

    proptest::proptest! {
        /// Periods, valid or not (negative and five-digit years included), are written as the
        /// format strings wrote them; days as `{:04}-{:02}-{:02}`.
        #[test]
        fn timex_matches_the_format_strings(
            year in -12_000i32..12_000, n in 0u32..200, m in 1u32..=12, d in 1u32..=31, k in 0usize..4,
        ) {
            let season = [Season::Spring, Season::Summer, Season::Autumn, Season::Winter][k];
            for p in [
                Period::Week { year, week: n },
                Period::Month { year, month: n },
                Period::Quarter { year, quarter: n },
                Period::Season { year, season },
                Period::Year(year),
                Period::Decade(year / 10),
                Period::Century(year / 100),
            ] {
                proptest::prop_assert_eq!(p.to_string(), timex_by_format(p));
            }
            if let Ok(day) = Date::new(year, m, d) {
                let p = Period::Day(day);
                proptest::prop_assert_eq!(p.to_string(), format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()));
                let r = Value::Range(p, Period::Year(year));
                proptest::prop_assert_eq!(r.to_string(), format!("{}/{}", timex_by_format(p), timex_by_format(Period::Year(year))));
            }
        }
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    // (period, TIMEX3, first day, last day)
    const CASES: &[(Period, &str, &str, &str)] = &[
        (Period::Week { year: 2017, week: 4 }, "2017-W04", "2017-01-23", "2017-01-29"), // ISO week, Monday first
        (Period::Week { year: 2020, week: 53 }, "2020-W53", "2020-12-28", "2021-01-03"), // week 53 across the year
        (Period::Month { year: 2016, month: 2 }, "2016-02", "2016-02-01", "2016-02-29"), // leap February
        (Period::Quarter { year: 2017, quarter: 4 }, "2017-Q4", "2017-10-01", "2017-12-31"), // last quarter
        (Period::Season { year: 2016, season: Season::Winter }, "2016-WI", "2016-12-21", "2017-03-19"), // winter spans two years
        (Period::Year(1905), "1905", "1905-01-01", "1905-12-31"),                                       // a year
        (Period::Year(800), "0800", "0800-01-01", "0800-12-31"), // four digits always
        (Period::Decade(199), "199", "1990-01-01", "1999-12-31"), // the 1990s
        (Period::Century(18), "18", "1800-01-01", "1899-12-31"), // the XIXe siècle
    ];

    #[test]
    fn timex_and_bounds() {
        for &(p, timex, first, last) in CASES {
            assert_eq!(p.to_string(), timex, "{p:?}");
            assert_eq!((p.first_day(), p.last_day()), (d(first), d(last)), "{p:?}");
            assert!(p.is_valid(), "{p:?}");
        }
    }

    #[test]
    fn shift_crosses_years() {
        assert_eq!(Period::Month { year: 2016, month: 12 }.shift(1), Period::Month { year: 2017, month: 1 });
        assert_eq!(Period::Quarter { year: 2017, quarter: 1 }.shift(-1), Period::Quarter { year: 2016, quarter: 4 });
        assert_eq!(Period::Week { year: 2016, week: 52 }.shift(1), Period::Week { year: 2017, week: 1 });
    }

    #[test]
    fn invalid_periods() {
        for p in [
            Period::Year(0),
            Period::Year(10_000),
            Period::Month { year: 2017, month: 13 },
            Period::Week { year: 2017, week: 53 },
        ] {
            assert!(!p.is_valid(), "{p:?}");
        }
    }
}
