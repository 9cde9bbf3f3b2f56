//! French typography: character classes, the folded lookup key, and the offset maps that tie any
//! transformed text back to the caller's original bytes.
//!
//! This is the bottom layer: it uses nothing else in the crate, and every other layer may use
//! it. See `../shared`-independent rules in the module docs of each function.

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
