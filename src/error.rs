//! The crate's one error type.
//!
//! Analysing text never fails: only construction (a gazetteer from data, a date from parts)
//! and explicit parsing return [`Result`]. The [`ErrorKind`] is matchable and may grow.

/// The error returned by constructors and parsers of this crate.
///
/// ```
/// use depeche::{Date, ErrorKind};
///
/// let err = "2017-02-30".parse::<Date>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InvalidDate { .. }));
/// assert_eq!(err.to_string(), "invalid date \"2017-02-30\": day 30 is out of range for 2017-02");
/// ```
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<ErrorKind>);

impl Error {
    /// What went wrong.
    ///
    /// ```
    /// use depeche::{Date, ErrorKind};
    ///
    /// let err = Date::new(2023, 2, 29).unwrap_err();
    /// match err.kind() {
    ///     ErrorKind::InvalidDate { reason, .. } => assert!(reason.contains("29")),
    ///     other => panic!("unexpected error {other}"),
    /// }
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Consumes the error and returns its kind.
    ///
    /// ```
    /// use depeche::{Date, ErrorKind};
    ///
    /// let kind = "2024-13-01".parse::<Date>().unwrap_err().into_kind();
    /// if let ErrorKind::InvalidDate { input, .. } = kind {
    ///     assert_eq!(input, "2024-13-01");
    /// } else {
    ///     panic!("expected an invalid date");
    /// }
    /// ```
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

/// The kinds of [`Error`]. Messages are lowercase and carry the offending values.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// A date that is not a valid proleptic Gregorian date in years 1–9999, or a string that is
    /// not `YYYY-MM-DD`.
    #[error("invalid date {input:?}: {reason}")]
    InvalidDate {
        /// The input as given (or its parts, formatted).
        input: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A gazetteer entry that cannot be used.
    #[error("gazetteer entry {index} ({name:?}): field {field}: {reason}")]
    InvalidEntry {
        /// Position of the entry in the order it was given to the builder.
        index: usize,
        /// The entry's canonical name or id, as given.
        name: String,
        /// The offending field.
        field: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// A line of a built-in or user data file (lexicon, gazetteer table) that cannot be read.
    #[error("{source_name} line {line}: {reason}")]
    InvalidData {
        /// Which file or table.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// Why it was rejected.
        reason: String,
    },
    /// A pattern automaton could not be built (too many or too long patterns).
    #[error("cannot build matcher: {reason}")]
    Matcher {
        /// The underlying reason.
        reason: String,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = core::result::Result<T, E>;
