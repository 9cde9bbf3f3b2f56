//! Character classes of French typography: quotation marks, space kinds, apostrophes, dashes,
//! ellipsis and invisible characters. Every other layer asks these functions rather than
//! listing code points of its own.

/// Whether a quotation mark opens, closes, or can do either (its role is read from context).
///
/// ```
/// use depeche::typography::{quote_mark, QuoteRole};
/// assert_eq!(quote_mark('»').map(|m| m.role), Some(QuoteRole::Closing));
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum QuoteRole {
    /// `«`, `“` (in French use), `„`, `‹`, `‘`.
    Opening,
    /// `»`, `”`, `›`.
    Closing,
    /// `"`, `'`, `‟`: direction from context.
    Ambiguous,
}

/// The nesting level a mark is normally used for in French copy.
///
/// ```
/// use depeche::typography::{quote_mark, QuoteLevel};
/// assert_eq!(quote_mark('‹').map(|m| m.level), Some(QuoteLevel::Second));
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum QuoteLevel {
    /// Double marks: `« »`, `“ ”`, `„`, `"`.
    First,
    /// Single marks: `‹ ›`, `‘ ’`, `'`, used inside a first-level quotation.
    Second,
}

/// A quotation mark: its role and level.
///
/// ```
/// use depeche::typography::{quote_mark, QuoteLevel, QuoteRole};
///
/// let m = quote_mark('«').unwrap();
/// assert_eq!((m.role, m.level), (QuoteRole::Opening, QuoteLevel::First));
/// assert_eq!(quote_mark('"').unwrap().role, QuoteRole::Ambiguous);
/// assert_eq!(quote_mark('a'), None);
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuoteMark {
    /// Opening, closing or ambiguous.
    pub role: QuoteRole,
    /// First or second level.
    pub level: QuoteLevel,
}

/// The quotation mark `c` is, if any.
///
/// `’` (U+2019) and `'` are listed as second-level closing/ambiguous marks because they can
/// close a `‘…’` or `'…'` quotation, but between letters they are apostrophes: see
/// [`is_apostrophe`]. `“` is an opening mark: French copy uses `“…”` (and German-style `„…“`
/// is rare); a `“` that closes a `„` is resolved by the quotation pairing, not here.
///
/// ```
/// use depeche::typography::{quote_mark, QuoteRole};
/// assert_eq!(quote_mark('„').map(|m| m.role), Some(QuoteRole::Opening));
/// assert_eq!(quote_mark('é'), None);
/// ```
pub const fn quote_mark(c: char) -> Option<QuoteMark> {
    use QuoteLevel::*;
    use QuoteRole::*;
    let (role, level) = match c {
        '«' => (Opening, First),
        '»' => (Closing, First),
        '“' => (Opening, First),
        '”' => (Closing, First),
        '„' => (Opening, First),
        '‟' => (Ambiguous, First),
        '"' | '＂' => (Ambiguous, First),
        '‹' => (Opening, Second),
        '›' => (Closing, Second),
        '‘' => (Opening, Second),
        '‚' => (Opening, Second),
        '’' => (Closing, Second),
        '\'' => (Ambiguous, Second),
        _ => return None,
    };
    Some(QuoteMark { role, level })
}

/// Whether `c` is a quotation mark of any kind (including `'` and `’`).
///
/// ```
/// use depeche::typography::is_quote_mark;
/// assert!(is_quote_mark('“') && is_quote_mark('\''));
/// assert!(!is_quote_mark('-'));
/// ```
pub const fn is_quote_mark(c: char) -> bool {
    quote_mark(c).is_some()
}

/// Kinds of space.
///
/// ```
/// use depeche::typography::{space_kind, SpaceKind};
/// assert_eq!(space_kind('\u{A0}'), Some(SpaceKind::NoBreak));
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SpaceKind {
    /// U+0020.
    Ordinary,
    /// U+00A0 NO-BREAK SPACE: before `:` in French typesetting.
    NoBreak,
    /// U+202F NARROW NO-BREAK SPACE: before `; ! ?`, inside `« »`, digit groups.
    NarrowNoBreak,
    /// U+2009 THIN SPACE and U+200A HAIR SPACE.
    Thin,
    /// U+2007 FIGURE SPACE (digit-wide, no-break).
    Figure,
    /// U+0009 TAB.
    Tab,
    /// Any other Unicode space separator (U+1680, U+2000–U+2006, U+2008, U+205F, U+3000).
    Other,
}

impl SpaceKind {
    /// Whether a line may not break at this space.
    ///
    /// ```
    /// use depeche::typography::SpaceKind;
    /// assert!(SpaceKind::NarrowNoBreak.is_no_break());
    /// assert!(!SpaceKind::Thin.is_no_break());
    /// ```
    pub const fn is_no_break(self) -> bool {
        matches!(self, SpaceKind::NoBreak | SpaceKind::NarrowNoBreak | SpaceKind::Figure)
    }
}

/// The kind of space `c` is: a Unicode space separator (category Zs) or a tab. Line breaks are
/// not spaces here (see [`is_line_break`]).
///
/// ```
/// use depeche::typography::{space_kind, SpaceKind};
/// assert_eq!(space_kind('\u{202F}'), Some(SpaceKind::NarrowNoBreak));
/// assert_eq!(space_kind('\n'), None);
/// ```
pub const fn space_kind(c: char) -> Option<SpaceKind> {
    Some(match c {
        ' ' => SpaceKind::Ordinary,
        '\u{A0}' => SpaceKind::NoBreak,
        '\u{202F}' => SpaceKind::NarrowNoBreak,
        '\u{2009}' | '\u{200A}' => SpaceKind::Thin,
        '\u{2007}' => SpaceKind::Figure,
        '\t' => SpaceKind::Tab,
        '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}' | '\u{205F}' | '\u{3000}' => SpaceKind::Other,
        _ => return None,
    })
}

/// Whether `c` is a space of any kind (see [`space_kind`]).
///
/// ```
/// use depeche::typography::is_space;
/// assert!(is_space('\u{202F}') && is_space('\t'));
/// assert!(!is_space('\n'));
/// ```
pub const fn is_space(c: char) -> bool {
    space_kind(c).is_some()
}

/// Whether `c` ends a line: LF, CR, VT, FF, NEL, U+2028, U+2029.
///
/// ```
/// use depeche::typography::is_line_break;
/// assert!(is_line_break('\n') && is_line_break('\u{2029}'));
/// assert!(!is_line_break(' '));
/// ```
pub const fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `c` can serve as an apostrophe between letters: `'`, `’`, `ʼ` (U+02BC), `´`
/// (U+00B4), `` ` ``, `‘` (a frequent mistyping) and `＇`.
///
/// ```
/// use depeche::typography::is_apostrophe;
/// assert!(is_apostrophe('’') && is_apostrophe('\u{2BC}'));
/// assert!(!is_apostrophe('«'));
/// ```
pub const fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '´' | '`' | '‘' | '＇')
}

/// Kinds of dash.
///
/// ```
/// use depeche::typography::{dash_kind, DashKind};
/// assert_eq!(dash_kind('–'), Some(DashKind::En));
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DashKind {
    /// `-` U+002D HYPHEN-MINUS.
    HyphenMinus,
    /// U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN.
    Hyphen,
    /// U+2012 FIGURE DASH.
    Figure,
    /// U+2013 EN DASH: incises in French copy, ranges.
    En,
    /// U+2014 EM DASH: incises, dialogue.
    Em,
    /// U+2015 HORIZONTAL BAR.
    Bar,
    /// U+2212 MINUS SIGN.
    Minus,
}

/// The kind of dash `c` is, if any.
///
/// ```
/// use depeche::typography::{dash_kind, DashKind};
/// assert_eq!(dash_kind('—'), Some(DashKind::Em));
/// ```
pub const fn dash_kind(c: char) -> Option<DashKind> {
    Some(match c {
        '-' => DashKind::HyphenMinus,
        '\u{2010}' | '\u{2011}' => DashKind::Hyphen,
        '\u{2012}' => DashKind::Figure,
        '\u{2013}' => DashKind::En,
        '\u{2014}' => DashKind::Em,
        '\u{2015}' => DashKind::Bar,
        '\u{2212}' => DashKind::Minus,
        _ => return None,
    })
}

/// Whether `c` is a dash or hyphen of any kind.
///
/// ```
/// use depeche::typography::is_dash;
/// assert!(is_dash('-') && is_dash('\u{2212}'));
/// assert!(!is_dash('_'));
/// ```
pub const fn is_dash(c: char) -> bool {
    dash_kind(c).is_some()
}

/// Whether `c` is the one-character ellipsis `…` (U+2026).
///
/// ```
/// assert!(depeche::typography::is_ellipsis('…'));
/// assert!(!depeche::typography::is_ellipsis('.'));
/// ```
pub const fn is_ellipsis(c: char) -> bool {
    c == '…'
}

/// Whether `c` is invisible and carries nothing for reading: U+00AD SOFT HYPHEN, U+200B ZERO
/// WIDTH SPACE, U+2060 WORD JOINER, U+FEFF BOM, U+200E/U+200F direction marks. Both forms delete
/// them.
///
/// ```
/// assert!(depeche::typography::is_invisible('\u{AD}'));
/// ```
pub const fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}')
}

/// A character's class, as the tokenizer and the other layers see it.
///
/// ```
/// use depeche::typography::{classify, CharClass, DashKind};
/// assert_eq!(classify('—'), CharClass::Dash(DashKind::Em));
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CharClass {
    /// An alphabetic character (including combining marks that follow letters).
    Letter,
    /// A decimal digit.
    Digit,
    /// A space (not a line break).
    Space(SpaceKind),
    /// A line break.
    LineBreak,
    /// A quotation mark that is not also an apostrophe (`« » “ ” „ ‹ › "`).
    Quote(QuoteMark),
    /// An apostrophe or single quote (`' ’ ʼ ´ ‘`): its use is read from context.
    Apostrophe,
    /// A dash or hyphen.
    Dash(DashKind),
    /// `…`.
    Ellipsis,
    /// An invisible character (see [`is_invisible`]).
    Invisible,
    /// Other punctuation (`. , ; : ! ?` and brackets …).
    Punctuation,
    /// Anything else (symbols, emoji, controls).
    Other,
}

/// The class of `c`.
///
/// ```
/// use depeche::typography::{classify, CharClass};
/// assert_eq!(classify('é'), CharClass::Letter);
/// assert_eq!(classify('’'), CharClass::Apostrophe);
/// assert!(matches!(classify('«'), CharClass::Quote(_)));
/// ```
pub fn classify(c: char) -> CharClass {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => CharClass::Letter,
            '0'..='9' => CharClass::Digit,
            ' ' | '\t' => CharClass::Space(if c == ' ' { SpaceKind::Ordinary } else { SpaceKind::Tab }),
            '\n' | '\r' | '\u{0B}' | '\u{0C}' => CharClass::LineBreak,
            '\'' | '`' => CharClass::Apostrophe,
            '"' => CharClass::Quote(QuoteMark { role: QuoteRole::Ambiguous, level: QuoteLevel::First }),
            '-' => CharClass::Dash(DashKind::HyphenMinus),
            c if c.is_ascii_punctuation() => CharClass::Punctuation,
            _ => CharClass::Other,
        };
    }
    if is_apostrophe(c) {
        return CharClass::Apostrophe;
    }
    if let Some(q) = quote_mark(c) {
        return CharClass::Quote(q);
    }
    if let Some(k) = space_kind(c) {
        return CharClass::Space(k);
    }
    if is_line_break(c) {
        return CharClass::LineBreak;
    }
    if let Some(d) = dash_kind(c) {
        return CharClass::Dash(d);
    }
    if is_ellipsis(c) {
        return CharClass::Ellipsis;
    }
    if is_invisible(c) {
        return CharClass::Invisible;
    }
    if c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) {
        return CharClass::Letter;
    }
    if is_punctuation(c) {
        return CharClass::Punctuation;
    }
    CharClass::Other
}

/// Whether `c` counts as part of a word (a letter, a digit or a combining mark) for whole-word
/// boundaries.
///
/// ```
/// use depeche::typography::is_word_char;
/// assert!(is_word_char('é') && is_word_char('7') && is_word_char('\u{301}'));
/// assert!(!is_word_char('’'));
/// ```
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
}

fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '¡' | '¿'
            | '§'
            | '¶'
            | '·'
            | '•'
            | '‧'
            | '‰'
            | '′'
            | '″'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '、'
            | '（'
            | '）'
            | '［'
            | '］'
    ) || ('\u{2016}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205E}').contains(&c)
        || ('\u{3001}'..='\u{3003}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    // (char, expected class) — each row names the rule it pins.
    const CASES: &[(char, CharClass)] = &[
        ('a', CharClass::Letter),                                 // ASCII letter
        ('É', CharClass::Letter),                                 // accented capital
        ('œ', CharClass::Letter),                                 // ligature letter stays a letter
        ('\u{301}', CharClass::Letter),                           // combining acute belongs to its word
        ('7', CharClass::Digit),                                  // digit
        ('\u{A0}', CharClass::Space(SpaceKind::NoBreak)),         // no-break space
        ('\u{202F}', CharClass::Space(SpaceKind::NarrowNoBreak)), // narrow no-break space
        ('\u{2009}', CharClass::Space(SpaceKind::Thin)),          // thin space
        ('\n', CharClass::LineBreak),                             // line feed
        ('\u{2029}', CharClass::LineBreak),                       // paragraph separator
        ('’', CharClass::Apostrophe),                             // typographic apostrophe
        ('\u{2BC}', CharClass::Apostrophe),                       // modifier letter apostrophe is not a letter here
        ('´', CharClass::Apostrophe),                             // acute accent typed as apostrophe
        ('—', CharClass::Dash(DashKind::Em)),                     // em dash incise
        ('\u{2212}', CharClass::Dash(DashKind::Minus)),           // minus sign
        ('…', CharClass::Ellipsis),                               // one-character ellipsis
        ('\u{AD}', CharClass::Invisible),                         // soft hyphen
        ('\u{FEFF}', CharClass::Invisible),                       // byte-order mark
        ('.', CharClass::Punctuation),                            // full stop
        ('•', CharClass::Punctuation),                            // bullet
        ('€', CharClass::Other),                                  // currency symbol
    ];

    #[test]
    fn classes() {
        for &(c, want) in CASES {
            assert_eq!(classify(c), want, "classify({c:?} U+{:04X})", c as u32);
        }
    }

    #[test]
    fn quote_marks() {
        let q = |c| quote_mark(c).map(|m| (m.role, m.level));
        assert_eq!(q('«'), Some((QuoteRole::Opening, QuoteLevel::First)));
        assert_eq!(q('»'), Some((QuoteRole::Closing, QuoteLevel::First)));
        assert_eq!(q('“'), Some((QuoteRole::Opening, QuoteLevel::First)));
        assert_eq!(q('”'), Some((QuoteRole::Closing, QuoteLevel::First)));
        assert_eq!(q('„'), Some((QuoteRole::Opening, QuoteLevel::First)));
        assert_eq!(q('‹'), Some((QuoteRole::Opening, QuoteLevel::Second)));
        assert_eq!(q('›'), Some((QuoteRole::Closing, QuoteLevel::Second)));
        assert_eq!(q('"'), Some((QuoteRole::Ambiguous, QuoteLevel::First)));
        assert_eq!(q('x'), None);
    }
}
