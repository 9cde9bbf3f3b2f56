//! The canonical and typeset forms on French sentences, rule by rule, and their offset maps.

use depeche::typography::{canonical, typeset, Normalizer};
use depeche::Span;

// (input, canonical, typeset) — each row names the rule it pins.
const CASES: &[(&str, &str, &str)] = &[
    // Mojibake: UTF-8 read as Windows-1252, repaired before anything else.
    (
        "La mairie de BÃ©ziers a votÃ© le budget.",
        "La mairie de Béziers a voté le budget.",
        "La mairie de Béziers a voté le budget.",
    ),
    // Mojibake: three-byte apostrophe and guillemets with no-break spaces.
    ("Lâ€™Ã‰tat dit Â«Â\u{A0}nonÂ\u{A0}Â».", "L'État dit \"non\".", "L’État dit «\u{202F}non\u{202F}»."),
    // Mojibake: doubly encoded text.
    ("Le prÃƒÂ©fet", "Le préfet", "Le préfet"),
    // Mojibake: `à` whose 0xA0 byte became a space, another space after it.
    ("Il part Ã  Rennes demain.", "Il part à Rennes demain.", "Il part à Rennes demain."),
    // Mojibake: correct text with capitals that look like leads is never changed.
    ("SÃO PAULO et CHÂTEAU-THIERRY", "SÃO PAULO et CHÂTEAU-THIERRY", "SÃO PAULO et CHÂTEAU-THIERRY"),
    // Line breaks: CRLF and CR become LF, paragraphs kept.
    ("Titre\r\nChapeau\rTexte", "Titre\nChapeau\nTexte", "Titre\nChapeau\nTexte"),
    // Invisible characters: soft hyphen, word joiner, BOM and direction marks deleted.
    ("\u{FEFF}Le minis\u{AD}tre\u{2060} est par\u{200E}ti.", "Le ministre est parti.", "Le ministre est parti."),
    // NFC: decomposed accents composed.
    ("Le de\u{301}pute\u{301} de l'Ise\u{300}re", "Le député de l'Isère", "Le député de l’Isère"),
    // Ligatures: U+FB00–FB06 spelled out; œ and æ stay.
    (
        "Un eﬀort ﬁnal pour le cœur et l'ex æquo",
        "Un effort final pour le cœur et l'ex æquo",
        "Un effort final pour le cœur et l’ex æquo",
    ),
    // Spaces: every kind becomes U+0020 in canonical, runs collapse, lines trimmed.
    (
        "  Le\u{2009}conseil\t\tmunicipal \u{A0}se réunit.  ",
        "Le conseil municipal se réunit.",
        " Le\u{2009}conseil municipal\u{A0}se réunit. ",
    ),
    // Spaces: a lone no-break space between words is kept by typeset.
    ("la ville\u{A0}de Lille", "la ville de Lille", "la ville\u{A0}de Lille"),
    // Quote padding: unpadded guillemets gain U+202F in typeset; canonical has none.
    ("Il parle d'un «échec».", "Il parle d'un \"échec\".", "Il parle d’un «\u{202F}échec\u{202F}»."),
    // Quote padding: ordinary spaces inside guillemets.
    (
        "Elle juge « inacceptable » la décision.",
        "Elle juge \"inacceptable\" la décision.",
        "Elle juge «\u{202F}inacceptable\u{202F}» la décision.",
    ),
    // Quotes: straight double quotes by context.
    (
        "Le maire a lancé: \"On ne lâchera rien\".",
        "Le maire a lancé: \"On ne lâchera rien\".",
        "Le maire a lancé\u{A0}: «\u{202F}On ne lâchera rien\u{202F}».",
    ),
    // Quotes: padded straight quotes paired by alternation.
    (
        "Un \" plan social \" puis un \" accord \".",
        "Un \"plan social\" puis un \"accord\".",
        "Un «\u{202F}plan social\u{202F}» puis un «\u{202F}accord\u{202F}».",
    ),
    // Quotes: English curly quotes at top level.
    ("Il a parlé d'une “trahison”.", "Il a parlé d'une \"trahison\".", "Il a parlé d’une «\u{202F}trahison\u{202F}»."),
    // Quotes: second level becomes “…” without spaces.
    (
        "« Il m'a dit \"jamais\" hier », raconte-t-elle.",
        "\"Il m'a dit \"jamais\" hier\", raconte-t-elle.",
        "«\u{202F}Il m’a dit “jamais” hier\u{202F}», raconte-t-elle.",
    ),
    // Quotes: German-style „…“ is one pair.
    ("Le „Bundestag“ vote.", "Le \"Bundestag\" vote.", "Le «\u{202F}Bundestag\u{202F}» vote."),
    // Quotes: straight single quotes as quotation marks in a headline.
    (
        "Municipales: la gauche veut 'tout changer'",
        "Municipales: la gauche veut \"tout changer\"",
        "Municipales\u{A0}: la gauche veut «\u{202F}tout changer\u{202F}»",
    ),
    // Quotes: curly single quotes inside guillemets.
    (
        "« Le mot ‘crise’ revient », dit-il.",
        "\"Le mot \"crise\" revient\", dit-il.",
        "«\u{202F}Le mot “crise” revient\u{202F}», dit-il.",
    ),
    // Apostrophes: every look-alike between letters.
    (
        "aujourd'hui, l’avis, lʼaccord, d´abord, qu`il",
        "aujourd'hui, l'avis, l'accord, d'abord, qu'il",
        "aujourd’hui, l’avis, l’accord, d’abord, qu’il",
    ),
    // Punctuation: space before ; : ! ? removed in canonical, narrow or no-break in typeset.
    (
        "Pourquoi ? Parce que ; voilà : c'est fini !",
        "Pourquoi? Parce que; voilà: c'est fini!",
        "Pourquoi\u{202F}? Parce que\u{202F}; voilà\u{A0}: c’est fini\u{202F}!",
    ),
    // Punctuation: missing space inserted before ? ! ; : in typeset.
    (
        "Vraiment? Oui! Enfin: non;",
        "Vraiment? Oui! Enfin: non;",
        "Vraiment\u{202F}? Oui\u{202F}! Enfin\u{A0}: non\u{202F};",
    ),
    // Punctuation: U+202F before a colon becomes U+00A0.
    ("Verdict\u{202F}: relaxe", "Verdict: relaxe", "Verdict\u{A0}: relaxe"),
    // Punctuation: one space before a cluster, none inside it.
    ("Une amende de 500 euros ! ?", "Une amende de 500 euros!?", "Une amende de 500 euros\u{202F}!?"),
    // Punctuation: after a closing quote and a closing bracket.
    (
        "Il dit « non »! Lui (le maire)?",
        "Il dit \"non\"! Lui (le maire)?",
        "Il dit «\u{202F}non\u{202F}»\u{202F}! Lui (le maire)\u{202F}?",
    ),
    // Punctuation: after a unit sign that ends a number, as after a word.
    ("Hausse de 3 % !", "Hausse de 3%!", "Hausse de 3\u{202F}%\u{202F}!"),
    // Punctuation: not after an abbreviation's full stop.
    ("Tél. : 04 91 00 00 00", "Tél.: 04 91 00 00 00", "Tél. : 04 91 00 00 00"),
    // Punctuation: never in times, URLs or (?).
    (
        "À 9:45, voir http://exemple.fr/page?id=2 (?)",
        "À 9:45, voir http://exemple.fr/page?id=2 (?)",
        "À 9:45, voir http://exemple.fr/page?id=2 (?)",
    ),
    // Punctuation: a question mark ending a URL gets no space.
    ("Lire www.exemple.fr/faq?", "Lire www.exemple.fr/faq?", "Lire www.exemple.fr/faq?"),
    // Units: space between digit and % removed in canonical, U+202F in typeset.
    ("Une baisse de 4 % et de 2‰", "Une baisse de 4% et de 2‰", "Une baisse de 4\u{202F}% et de 2\u{202F}‰"),
    // Units: currencies and degrees.
    (
        "Le litre à 1,95 € et 30 °C à Nîmes, 12$",
        "Le litre à 1,95€ et 30°C à Nîmes, 12$",
        "Le litre à 1,95\u{202F}€ et 30\u{202F}°C à Nîmes, 12\u{202F}$",
    ),
    // Units: a degree sign not followed by C or F is left alone.
    ("un angle de 90 ° environ", "un angle de 90 ° environ", "un angle de 90 ° environ"),
    // Digit groups: existing separators become U+202F, never inserted.
    (
        "Plus de 2 300 000 visiteurs en 2024, code 75008",
        "Plus de 2 300 000 visiteurs en 2024, code 75008",
        "Plus de 2\u{202F}300\u{202F}000 visiteurs en 2024, code 75008",
    ),
    // Digit groups: a year followed by a count is not a group.
    (
        "En 2023 250 postes ont été supprimés.",
        "En 2023 250 postes ont été supprimés.",
        "En 2023 250 postes ont été supprimés.",
    ),
    // Digit groups: any kind of separator space.
    ("45\u{A0}000 manifestants", "45 000 manifestants", "45\u{202F}000 manifestants"),
    // Dashes: unified to - in canonical; ` - ` becomes ` – ` in typeset.
    ("Paris - Lyon, le match ‒ enfin − 3", "Paris - Lyon, le match - enfin - 3", "Paris – Lyon, le match ‒ enfin − 3"),
    // Dashes: a hyphen in a word or a dialogue dash at line start stays.
    ("- Vous venez ? dit-il.", "- Vous venez? dit-il.", "- Vous venez\u{202F}? dit-il."),
    // Ellipsis: … expanded in canonical, exactly three dots become … in typeset.
    ("Et puis… rien... ou presque....", "Et puis... rien... ou presque....", "Et puis… rien… ou presque...."),
    // Words: unaccented capitals, abbreviations and ordinals unchanged.
    (
        "ETATS-UNIS : M. Biden et le 1er ministre",
        "ETATS-UNIS: M. Biden et le 1er ministre",
        "ETATS-UNIS\u{A0}: M. Biden et le 1er ministre",
    ),
    // Already typeset text is a fixed point of typeset.
    (
        "«\u{202F}Oui\u{202F}», dit-elle\u{A0}: «\u{202F}enfin\u{202F}!\u{202F}»",
        "\"Oui\", dit-elle: \"enfin!\"",
        "«\u{202F}Oui\u{202F}», dit-elle\u{A0}: «\u{202F}enfin\u{202F}!\u{202F}»",
    ),
];

#[test]
fn canonical_table() {
    for &(input, want, _) in CASES {
        let got = canonical(input);
        assert_eq!(got.as_str(), want, "canonical({input:?})");
    }
}

#[test]
fn typeset_table() {
    for &(input, _, want) in CASES {
        let got = typeset(input);
        assert_eq!(got.as_str(), want, "typeset({input:?})");
    }
}

#[test]
fn table_invariants() {
    for &(input, c, t) in CASES {
        assert_eq!(canonical(c).as_str(), c, "canonical is idempotent on {c:?}");
        assert_eq!(typeset(t).as_str(), t, "typeset is idempotent on {t:?}");
        assert_eq!(canonical(t).as_str(), c, "canonical(typeset({input:?}))");
    }
}

#[test]
fn single_quotes_option() {
    let strict = Normalizer::new().straight_single_quotes(false);
    // With the option off, straight single quotes are left alone unless between letters.
    assert_eq!(strict.canonical("Il veut 'tout changer'").as_str(), "Il veut 'tout changer'");
    assert_eq!(strict.typeset("l'idée 'folle'").as_str(), "l’idée 'folle'");
    // Unpaired single quotes are never quotation marks.
    assert_eq!(canonical("les 'bleus ont gagné").as_str(), "les 'bleus ont gagné");
}

#[test]
fn map_slices_the_original() {
    let original = "Le dÃ©putÃ© a dit : « Non ! »\r\nPuis… plus rien.";
    for form in [canonical(original), typeset(original)] {
        let out = form.as_str();
        for word in ["député", "Non", "Puis", "plus rien"] {
            let at = out.find(word).unwrap();
            let span = form.map().to_original(Span::new(at, at + word.len()));
            let back = &original[span.range()];
            assert_eq!(canonical(back).as_str(), word, "{word:?} maps back to {back:?} in {out:?}");
        }
    }
    let c = canonical(original);
    assert_eq!(c.repairs(), &[Span::new(4, 8), Span::new(11, 15)]);
}

#[test]
fn unchanged_text_costs_one_segment() {
    let text = "Le conseil municipal a adopté le budget primitif. ".repeat(200);
    let c = canonical(&text);
    assert_eq!(c.as_str(), text.trim_end());
    assert!(c.map().segment_count() <= 3, "{} segments", c.map().segment_count());
    let plain = "Le conseil a vote. Il a dit non.";
    assert!(canonical(plain).map().is_identity());
}

#[test]
fn crafted_mojibake_chain_is_fast() {
    // Each round of repair completes one more unit: the rounds are capped.
    let text = format!("{}«", "Â".repeat(20_000));
    let start = std::time::Instant::now();
    let c = canonical(&text);
    assert!(c.as_str().len() < text.len());
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// Regression inputs found by `cargo fuzz` (fuzz/fuzz_targets/typography.rs): each must satisfy
/// the spec's invariants like any other text.
const FUZZ_REGRESSIONS: &[&str] = &[
    "\u{B}\t 8:'", // vertical tab is a line start for the fast path too
    "\u{C} 8:'",   // form feed likewise
    "a\u{2028} b", // Unicode line separator before a space
    "a\u{85} b",   // NEL before a space
];

#[test]
fn fuzz_regressions() {
    for &input in FUZZ_REGRESSIONS {
        let c = canonical(input);
        let t = typeset(input);
        assert_eq!(canonical(c.as_str()).as_str(), c.as_str(), "canonical not idempotent on {input:?}");
        assert_eq!(typeset(t.as_str()).as_str(), t.as_str(), "typeset not idempotent on {input:?}");
        assert_eq!(canonical(t.as_str()).as_str(), c.as_str(), "canonical(typeset(x)) != canonical(x) on {input:?}");
    }
}
