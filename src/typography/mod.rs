//! French typography: character classes, the canonical and typeset forms, mojibake repair, the
//! folded lookup key, and the offset maps that tie any transformed text back to the caller's
//! original bytes.
//!
//! This is the bottom layer: it uses nothing else in the crate, and every other layer may use
//! it.
//!
//! - [`canonical`]: the form for matching, search and deduplication (`"` quotes, `'`
//!   apostrophes, ordinary spaces, no space before `; : ! ?`).
//! - [`typeset`]: French conventions of the Imprimerie nationale (`«\u{202F}…\u{202F}»`, `’`,
//!   U+202F before `; ! ?`, U+00A0 before `:`, `…`).
//! - [`fold`]: the lowercase, accent-free lookup key of the gazetteer and the lexicons.
//! - [`Normalizer`]: the options of the two forms.
//!
//! ```
//! use depeche::typography::{canonical, typeset};
//! use depeche::Span;
//!
//! let original = "Le dÃ©putÃ© a rÃ©pondu : \"Non !\"";
//! assert_eq!(canonical(original).as_str(), "Le député a répondu: \"Non!\"");
//! let t = typeset(original);
//! assert_eq!(t.as_str(), "Le député a répondu\u{A0}: «\u{202F}Non\u{202F}!\u{202F}»");
//! let at = t.as_str().find("député").unwrap();
//! let span = t.map().to_original(Span::new(at, at + "député".len()));
//! assert_eq!(&original[span.range()], "dÃ©putÃ©");
//! ```
//!
//! # Guarantees
//!
//! Both forms never panic, are idempotent (`canonical(canonical(x)) == canonical(x)`, same for
//! [`typeset`]), and `canonical(typeset(x)) == canonical(x)`. Every spacing and glyph variant of
//! one quotation (`« Non »`, `«Non»`, `"Non"`, `“ Non ”` …) has the same canonical form. Letters
//! are never changed, removed or added outside the spans of repaired mojibake
//! ([`Normalized::repairs`]); line breaks are kept; the output is NFC. All of this is checked by
//! property tests on arbitrary strings and on French-news fragments.
//!
//! The [`OffsetMap`] of a form is monotone and lands on character boundaries of both texts.
//! Mapping a span of the output back gives a span of the original whose own form is that span's
//! text, for every span that is a run of whole whitespace-delimited tokens of the output, starts
//! and ends with a letter or a digit, holds no quotation mark (nor an apostrophe outside a
//! word), and whose original holds no `Ã`, composed or decomposed (the one mojibake repair that
//! looks at the rest of the text). Spans with quotation marks depend on the marks' pairing across the whole text, so a
//! piece taken alone may pair differently.

mod classes;
mod fold;
mod mojibake;
mod normalize;
mod offsets;
mod pairing;
mod prepass;

pub use classes::{
    classify, dash_kind, is_apostrophe, is_dash, is_ellipsis, is_invisible, is_line_break, is_quote_mark, is_space,
    is_word_char, quote_mark, space_kind, CharClass, DashKind, QuoteLevel, QuoteMark, QuoteRole, SpaceKind,
};
pub use fold::{fold, fold_key, Folded};
pub use normalize::{canonical, typeset, Normalized, Normalizer};
pub use offsets::{OffsetMap, OffsetMapBuilder};
