//! The tokenizer through the public API, on French news copy written for these tests: every
//! span slices the input, kinds and folded keys are what the other layers rely on.

use depeche::text::{tokens, AbbreviationKind, Token, TokenKind};
use depeche::typography::QuoteRole;

fn visible(text: &str) -> Vec<(&str, TokenKind)> {
    tokens(text).filter(|t| !t.kind.is_blank()).map(|t| (t.text(text), t.kind)).collect()
}

// (input, expected visible tokens) — each row names the rule it pins.
const CASES: &[(&str, &[(&str, TokenKind)])] = &[
    // Elision with a typographic apostrophe before a capital.
    ("l’Élysée", &[("l’", TokenKind::Elision), ("Élysée", TokenKind::Word)]),
    // Elided conjunction before a vowel.
    ("lorsqu’il", &[("lorsqu’", TokenKind::Elision), ("il", TokenKind::Word)]),
    // Inverted clitic with euphonic t.
    (
        "Que compte-t-elle faire",
        &[
            ("Que", TokenKind::Word),
            ("compte", TokenKind::Word),
            ("-t-", TokenKind::Hyphen),
            ("elle", TokenKind::Clitic),
            ("faire", TokenKind::Word),
        ],
    ),
    // A compound with a clitic-like middle part stays whole.
    ("Aix-les-Bains", &[("Aix-les-Bains", TokenKind::Word)]),
    // A number with a narrow no-break space before its unit.
    ("12\u{202F}500\u{A0}€", &[("12\u{202F}500", TokenKind::Number), ("€", TokenKind::Symbol)]),
    // A dotless title before a name.
    ("Mme Borne", &[("Mme", TokenKind::Abbreviation(AbbreviationKind::Title)), ("Borne", TokenKind::Word)]),
    // The numéro sign.
    ("n° 7", &[("n°", TokenKind::Abbreviation(AbbreviationKind::Numeric)), ("7", TokenKind::Number)]),
    // An e-mail address at the end of a sentence.
    (
        "Écrire à redaction@estrepublicain.fr.",
        &[
            ("Écrire", TokenKind::Word),
            ("à", TokenKind::Word),
            ("redaction@estrepublicain.fr", TokenKind::Email),
            (".", TokenKind::Punctuation),
        ],
    ),
    // A URL inside parentheses.
    (
        "(https://www.assemblee-nationale.fr/dyn/16/textes)",
        &[
            ("(", TokenKind::Punctuation),
            ("https://www.assemblee-nationale.fr/dyn/16/textes", TokenKind::Url),
            (")", TokenKind::Punctuation),
        ],
    ),
    // An ordinal century in roman numerals.
    ("le XXe siècle", &[("le", TokenKind::Word), ("XXe", TokenKind::Ordinal), ("siècle", TokenKind::Word)]),
];

#[test]
fn token_table() {
    for &(input, want) in CASES {
        let got = visible(input);
        assert_eq!(got, want, "tokens({input:?}):\n expected {want:?}\n got {got:?}");
    }
}

#[test]
fn spans_slice_the_input() {
    let text = "MOSCOU, 28 janv. 2017 (AFP) - « Nous sommes prêts », a-t-il assuré. L’échange a duré 1\u{202F}h.";
    let all: Vec<Token> = tokens(text).collect();
    let rebuilt: String = all.iter().map(|t| t.text(text)).collect();
    assert_eq!(rebuilt, text, "tokens must tile {text:?}");
    let quotes: Vec<(&str, QuoteRole, u8)> = all
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::Quote { role, level } => Some((t.text(text), role, level)),
            _ => None,
        })
        .collect();
    assert_eq!(quotes, [("«", QuoteRole::Opening, 1), ("»", QuoteRole::Closing, 1)], "quotes of {text:?}");
    let abbr: Vec<&str> =
        all.iter().filter(|t| matches!(t.kind, TokenKind::Abbreviation(_))).map(|t| t.text(text)).collect();
    assert_eq!(abbr, ["janv."], "abbreviations of {text:?}");
}

#[test]
fn folded_keys() {
    let text = "QU’ÉTAIT-il État-major aujourd'hui Jean-Pierre";
    let mut buf = String::new();
    let keys: Vec<String> =
        tokens(text).filter(|t| !t.kind.is_blank()).map(|t| t.key(text, &mut buf).to_string()).collect();
    assert_eq!(keys, ["qu'", "etait", " ", "il", "etat major", "aujourd'hui", "jean pierre"], "keys of {text:?}");
}

#[test]
fn paragraph_breaks_reset_quotes() {
    // A quotation that runs over two paragraphs reopens its mark: the reopening mark is level 1.
    let text = "« Nous irons jusqu’au bout.\n\n« Rien ne nous arrêtera », a-t-il dit.";
    let levels: Vec<(QuoteRole, u8)> = tokens(text)
        .filter_map(|t| match t.kind {
            TokenKind::Quote { role, level } => Some((role, level)),
            _ => None,
        })
        .collect();
    assert_eq!(
        levels,
        [(QuoteRole::Opening, 1), (QuoteRole::Opening, 1), (QuoteRole::Closing, 1)],
        "quote levels of {text:?}"
    );
}
