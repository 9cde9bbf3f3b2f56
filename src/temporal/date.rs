//! [`Date`]: a civil (calendar) date, the crate's own type so that no dependency's date type
//! appears in the public API. Calendar arithmetic is done by `jiff` inside.

use core::fmt;
use core::str::FromStr;

use crate::error::{Error, ErrorKind, Result};

/// A day of the proleptic Gregorian calendar, years 1 to 9999.
///
/// It is the publication date of an article and the value of day-grain expressions.
///
/// ```
/// use depeche::{Date, Weekday};
///
/// let d: Date = "2017-01-26".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2017, 1, 26));
/// assert_eq!(d.weekday(), Weekday::Thursday);
/// assert_eq!(d.to_string(), "2017-01-26");
/// assert_eq!(d.add_days(7).to_string(), "2017-02-02");
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
pub struct Date {
    year: i16,
    month: i8,
    day: i8,
}

/// A day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 1 for Monday to 7 for Sunday.
    ///
    /// ```
    /// assert_eq!(depeche::Weekday::Sunday.number(), 7);
    /// ```
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The weekday numbered `n` (1 = Monday … 7 = Sunday), or `None`.
    ///
    /// ```
    /// assert_eq!(depeche::Weekday::from_number(1), Some(depeche::Weekday::Monday));
    /// ```
    pub const fn from_number(n: u8) -> Option<Weekday> {
        Some(match n {
            1 => Weekday::Monday,
            2 => Weekday::Tuesday,
            3 => Weekday::Wednesday,
            4 => Weekday::Thursday,
            5 => Weekday::Friday,
            6 => Weekday::Saturday,
            7 => Weekday::Sunday,
            _ => return None,
        })
    }
}

impl Date {
    /// The earliest date this type holds: 0001-01-01.
    pub const MIN: Date = Date { year: 1, month: 1, day: 1 };
    /// The latest date this type holds: 9999-12-31.
    pub const MAX: Date = Date { year: 9999, month: 12, day: 31 };

    /// A date from its parts.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDate`] if the year is outside 1–9999 or the day does not exist.
    ///
    /// ```
    /// use depeche::Date;
    /// assert!(Date::new(2016, 2, 29).is_ok());
    /// assert!(Date::new(2017, 2, 29).is_err());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date> {
        // The message is built only on failure: the date grammar probes many candidates.
        let fail = |reason: String| {
            Error::from(ErrorKind::InvalidDate { input: format!("{year:04}-{month:02}-{day:02}"), reason })
        };
        if !(1..=9999).contains(&year) {
            return Err(fail(format!("year {year} is outside 1-9999")));
        }
        if !(1..=12).contains(&month) {
            return Err(fail(format!("month {month} is out of range")));
        }
        let dim = days_in_month(year as i16, month as i8);
        if day == 0 || day > dim as u32 {
            return Err(fail(format!("day {day} is out of range for {year:04}-{month:02}")));
        }
        Ok(Date { year: year as i16, month: month as i8, day: day as i8 })
    }

    /// The year (1–9999).
    ///
    /// ```
    /// let d: depeche::Date = "2024-02-29".parse()?;
    /// assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub const fn year(self) -> i32 {
        self.year as i32
    }

    /// The month (1–12).
    ///
    /// ```
    /// assert_eq!(depeche::Date::new(2017, 1, 28)?.month(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub const fn month(self) -> u32 {
        self.month as u32
    }

    /// The day of the month (1–31).
    ///
    /// ```
    /// assert_eq!(depeche::Date::new(2017, 1, 28)?.day(), 28);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub const fn day(self) -> u32 {
        self.day as u32
    }

    pub(crate) fn to_jiff(self) -> jiff::civil::Date {
        jiff::civil::date(self.year, self.month, self.day)
    }

    pub(crate) fn from_jiff(d: jiff::civil::Date) -> Date {
        Date { year: d.year(), month: d.month(), day: d.day() }
    }

    /// The day of the week.
    ///
    /// ```
    /// use depeche::{Date, Weekday};
    /// assert_eq!(Date::new(2016, 11, 14)?.weekday(), Weekday::Monday);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn weekday(self) -> Weekday {
        let n = self.to_jiff().weekday().to_monday_one_offset() as u8;
        Weekday::from_number(n).unwrap_or(Weekday::Monday)
    }

    /// This date moved by `days` (negative: earlier), saturating at [`Date::MIN`] and
    /// [`Date::MAX`].
    ///
    /// ```
    /// use depeche::Date;
    /// assert_eq!(Date::new(2016, 3, 1)?.add_days(-1), Date::new(2016, 2, 29)?);
    /// assert_eq!(Date::MAX.add_days(1), Date::MAX);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn add_days(self, days: i64) -> Date {
        let span = jiff::Span::new().try_days(days.clamp(-4_000_000, 4_000_000));
        match span.and_then(|s| self.to_jiff().checked_add(s)) {
            Ok(d) => Date::from_jiff(d),
            Err(_) if days < 0 => Date::MIN,
            Err(_) => Date::MAX,
        }
    }

    /// Days from `self` to `other` (positive when `other` is later).
    ///
    /// ```
    /// use depeche::Date;
    /// assert_eq!(Date::new(2016, 12, 31)?.days_until(Date::new(2017, 1, 2)?), 2);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn days_until(self, other: Date) -> i64 {
        days_from_civil(other) - days_from_civil(self)
    }

    /// The ISO 8601 week-numbering year and week of this date.
    ///
    /// ```
    /// use depeche::Date;
    /// assert_eq!(Date::new(2017, 1, 1)?.iso_week(), (2016, 52));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn iso_week(self) -> (i32, u32) {
        let w = self.to_jiff().iso_week_date();
        (w.year() as i32, w.week() as u32)
    }

    /// Number of days in the month of this date.
    ///
    /// ```
    /// use depeche::Date;
    /// assert_eq!(Date::new(2016, 2, 10)?.days_in_month(), 29);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn days_in_month(self) -> u32 {
        days_in_month(self.year, self.month) as u32
    }
}

fn is_leap(y: i16) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i16, m: i8) -> i8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

// Howard Hinnant's days_from_civil: exact, branch-light, no allocation.
fn days_from_civil(d: Date) -> i64 {
    let (y, m, dd) = (d.year as i64, d.month as i64, d.day as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `{:04}-{:02}-{:02}`, written from the digits in one piece (see `write_padded`): the
        // fields of a date are in range (year 1 to 9999).
        let mut out = *b"0000-00-00";
        let fields = [(self.year as i64, 0, 4), (self.month as i64, 5, 2), (self.day as i64, 8, 2)];
        for (n, at, width) in fields {
            if !(0..10_000).contains(&n) || width == 2 && n > 99 {
                return write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day);
            }
            let mut v = n;
            for d in out[at..at + width].iter_mut().rev() {
                *d = b'0' + (v % 10) as u8;
                v /= 10;
            }
        }
        match core::str::from_utf8(&out) {
            Ok(s) => f.write_str(s),
            Err(_) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// `n` as `{n:0width$}` writes it. Numbers of at most `width` digits (`width` ≤ 4: every field
/// of a TIMEX value) are written from their digits, without the formatter's integer padding:
/// the TIMEX values were most of the formatting of an analysis.
pub(crate) fn write_padded(f: &mut fmt::Formatter<'_>, n: i64, width: usize) -> fmt::Result {
    const LIMIT: [i64; 5] = [1, 10, 100, 1_000, 10_000];
    if width == 0 || width > 4 || !(0..LIMIT[width]).contains(&n) {
        return write!(f, "{n:0width$}");
    }
    let mut digits = [b'0'; 4];
    let mut v = n;
    for d in digits[..width].iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
    match core::str::from_utf8(&digits[..width]) {
        Ok(s) => f.write_str(s),
        Err(_) => write!(f, "{n:0width$}"),
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date> {
        let fail =
            |reason: &str| Error::from(ErrorKind::InvalidDate { input: s.to_string(), reason: reason.to_string() });
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(fail("expected YYYY-MM-DD"));
        }
        let num = |r: core::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d).map_err(|e| match e.into_kind() {
                ErrorKind::InvalidDate { reason, .. } => fail(&reason),
                other => Error::from(other),
            }),
            _ => Err(fail("expected YYYY-MM-DD")),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_until_agrees_with_add_days() {
        let base = Date::new(2000, 2, 28).unwrap();
        for n in [-800_000i64, -366, -1, 0, 1, 2, 365, 10_000] {
            let d = base.add_days(n);
            assert_eq!(base.days_until(d), n, "n={n} d={d}");
        }
    }

    #[test]
    fn parse_rejects_garbage() {
        for s in ["", "2017-1-01", "2017-13-01", "0000-01-01", "2017-02-29", "２０１７-01-01", "abcd-ef-gh"] {
            assert!(s.parse::<Date>().is_err(), "{s:?} should be rejected");
        }
    }
}
