//! The gazetteer's public API on gazetteers built in the tests: matching rules (folding, whole
//! words, acronyms, elision, longest match), roles over time, persons not in the gazetteer,
//! errors on bad entries, and entries loaded with serde.

use depeche::gazetteer::{EntityKind, Entry, Gazetteer, Gender, Role, Term};
use depeche::{Date, ErrorKind};

fn date(s: &str) -> Date {
    s.parse().expect("test date")
}

/// A small gazetteer written for these tests (facts as of the dates used below).
fn small() -> Gazetteer {
    let mut b = Gazetteer::builder();
    b.entry(
        Entry::new("vladimir-poutine", "Vladimir Poutine", EntityKind::Person)
            .with_alias("Poutine")
            .with_gender(Gender::Masculine),
    )
    .entry(
        Entry::new("donald-trump", "Donald Trump", EntityKind::Person)
            .with_alias("Trump")
            .with_gender(Gender::Masculine),
    )
    .entry(Entry::new("barack-obama", "Barack Obama", EntityKind::Person).with_alias("Obama"))
    .entry(Entry::new("emmanuel-macron", "Emmanuel Macron", EntityKind::Person).with_alias("Macron"))
    .entry(Entry::new("angela-merkel", "Angela Merkel", EntityKind::Person).with_gender(Gender::Feminine))
    .entry(Entry::new("kremlin", "Kremlin", EntityKind::Organization))
    .entry(Entry::new("etats-unis", "États-Unis", EntityKind::Location))
    .entry(
        Entry::new("etat-islamique", "État islamique", EntityKind::Organization)
            .with_alias("EI")
            .with_alias("Daech")
            .with_alias("organisation État islamique"),
    )
    .entry(
        Entry::new("otan", "Organisation du traité de l'Atlantique nord", EntityKind::Organization).with_alias("~Otan"),
    )
    .role(
        Role::new("president-russie")
            .with_alias("président russe")
            .with_alias("chef de l'État russe")
            .with_term(Term::new("vladimir-poutine", date("2012-05-07"), None)),
    )
    .role(
        Role::new("president-etats-unis")
            .with_alias("président américain")
            .with_term(Term::new("barack-obama", date("2009-01-20"), Some(date("2017-01-20"))))
            .with_term(Term::new("donald-trump", date("2017-01-20"), Some(date("2021-01-20")))),
    )
    .role(Role::new("vice-president-etats-unis").with_alias("vice-président américain"))
    .role(Role::new("porte-parole-kremlin").with_alias("porte-parole du Kremlin"));
    b.build().expect("test gazetteer")
}

// (text, date, expected (mention text, entity id or None)) — each row names the rule it pins.
/// Expected mentions: (text of the span, entity id).
type Expected = &'static [(&'static str, Option<&'static str>)];

const CASES: &[(&str, &str, Expected)] = &[
    // case, accents, hyphens and spaces fold
    (
        "ETATS-UNIS, Etats Unis, États\u{A0}Unis",
        "2017-01-28",
        &[
            ("ETATS-UNIS", Some("etats-unis")),
            ("Etats Unis", Some("etats-unis")),
            ("États\u{A0}Unis", Some("etats-unis")),
        ],
    ),
    // whole words only: not inside a longer word
    ("Le trumpisme et les Trumps.", "2017-01-28", &[]),
    // an acronym is case-sensitive and never inside a word
    ("Seize otages de l'EI, pas de l'ei.", "2017-01-28", &[("EI", Some("etat-islamique"))]),
    // `~` makes an acronym case-insensitive
    ("L'OTAN, l'Otan.", "2017-01-28", &[("OTAN", Some("otan")), ("Otan", Some("otan"))]),
    // elided forms: the span leaves the article out
    (
        "d'Emmanuel Macron, qu’Angela Merkel",
        "2017-01-28",
        &[("Emmanuel Macron", Some("emmanuel-macron")), ("Angela Merkel", Some("angela-merkel"))],
    ),
    // longest match wins: the organisation, not the bare name inside it
    ("l'organisation État islamique", "2017-01-28", &[("organisation État islamique", Some("etat-islamique"))]),
    // the spokesman of the Kremlin is a person role, not the Kremlin
    ("le porte-parole du Kremlin", "2017-01-28", &[("le porte-parole du Kremlin", None)]),
    // a role and the name that follows it refer to the same person
    (
        "Le président russe Vladimir Poutine",
        "2017-01-28",
        &[("Le président russe", Some("vladimir-poutine")), ("Vladimir Poutine", Some("vladimir-poutine"))],
    ),
    // the role resolves at the document's date
    ("le président américain", "2016-11-14", &[("le président américain", Some("barack-obama"))]),
    ("le président américain", "2017-01-28", &[("le président américain", Some("donald-trump"))]),
    // handover day: the incoming holder
    ("le président américain", "2017-01-20", &[("le président américain", Some("donald-trump"))]),
    // "nouveau" before inauguration: the incoming holder
    ("le nouveau président américain", "2016-11-14", &[("le nouveau président américain", Some("donald-trump"))]),
    // "ancien" and "ex-": the previous holder
    ("l'ancien président américain", "2017-06-01", &[("l'ancien président américain", Some("barack-obama"))]),
    ("l’ex-président américain", "2017-06-01", &[("l’ex-président américain", Some("barack-obama"))]),
    // "président américain" is not found inside "vice-président américain"
    ("le vice-président américain", "2017-06-01", &[("le vice-président américain", None)]),
    // a counterpart is the role last named, in the adjective's country; "futur": incoming holder
    (
        "Le président russe a félicité son futur homologue américain.",
        "2016-11-14",
        &[("Le président russe", Some("vladimir-poutine")), ("son futur homologue américain", Some("donald-trump"))],
    ),
    (
        "Le président américain a appelé son homologue russe.",
        "2017-01-28",
        &[("Le président américain", Some("donald-trump")), ("son homologue russe", Some("vladimir-poutine"))],
    ),
    // no role named before: no counterpart
    ("Il a appelé son homologue russe.", "2017-01-28", &[]),
    // a role with no holder at the date is still a mention, without entity
    ("le président russe", "2001-01-01", &[("le président russe", None)]),
];

#[test]
fn matching_rules() {
    let g = small();
    for &(text, d, want) in CASES {
        let mentions = g.mentions(text, Some(date(d)));
        let got: Vec<(&str, Option<&str>)> =
            mentions.iter().map(|m| (&text[m.span().range()], m.entity().map(|e| e.id()))).collect();
        assert_eq!(got, want, "input {text:?} at {d}");
    }
}

// (text, expected (mention text, display name, gender)) — persons not in the gazetteer.
/// Expected unlinked mentions: (text of the span, display name, gender).
type Unlinked = &'static [(&'static str, &'static str, Option<Gender>)];

const UNLINKED: &[(&str, Unlinked)] = &[
    // first name + surname, then the surname alone
    (
        "Selon Gaël Kerhervé, chercheur, la crise durera. Kerhervé reste prudent.",
        &[
            ("Gaël Kerhervé", "Gaël Kerhervé", Some(Gender::Masculine)),
            ("Kerhervé", "Gaël Kerhervé", Some(Gender::Masculine)),
        ],
    ),
    // a title gives the gender; a later title before the surname links back
    (
        "Mme Claire Dubois a répondu. M. Arnoux, lui, s'est tu. Mme Dubois insiste.",
        &[
            ("Claire Dubois", "Claire Dubois", Some(Gender::Feminine)),
            ("Arnoux", "Arnoux", Some(Gender::Masculine)),
            ("Dubois", "Claire Dubois", Some(Gender::Feminine)),
        ],
    ),
    // a military title, a particle in the surname, the gender from the first name
    (
        "Le général Pierre de Villebois a démissionné.",
        &[("Pierre de Villebois", "Pierre de Villebois", Some(Gender::Masculine))],
    ),
    // a street named after a person is not a person (it is a place: see `streets_are_places`)
    ("Rendez-vous rue Victor Hugo, à midi.", &[]),
    // an initial after a title is not a name
    ("M. J. Martin a signé.", &[]),
    // a first name alone is not a name
    ("Bernard est venu.", &[]),
    // a first name and an initial with its dot: an anonymised person (court reporting), a
    // middle initial before a surname; not the title `M.` of the next name
    (
        "La cour juge Kévin D., 34 ans. Paul J. Vasseur témoigne. Décès de Yves Lagane M. Lagane avait 60 ans.",
        &[
            ("Kévin D.", "Kévin D.", Some(Gender::Masculine)),
            ("Paul J. Vasseur", "Paul J. Vasseur", Some(Gender::Masculine)),
            ("Yves Lagane", "Yves Lagane", Some(Gender::Masculine)),
            ("Lagane", "Yves Lagane", Some(Gender::Masculine)),
        ],
    ),
    // the Breton letter `c’h` keeps its apostrophe inside the surname (both apostrophes)
    (
        "Pour Yann Le Bourc’h, rien. M. Kerc'hoat a parlé.",
        &[
            ("Yann Le Bourc’h", "Yann Le Bourc’h", Some(Gender::Masculine)),
            ("Kerc'hoat", "Kerc'hoat", Some(Gender::Masculine)),
        ],
    ),
];

#[test]
fn unlinked_persons() {
    let g = small();
    for &(text, want) in UNLINKED {
        let mentions = g.mentions(text, None);
        let got: Vec<(&str, &str, Option<Gender>)> = mentions
            .iter()
            .filter(|m| m.entity().is_none() && m.kind() == EntityKind::Person)
            .map(|m| (&text[m.span().range()], m.name().unwrap_or("-"), m.gender()))
            .collect();
        assert_eq!(got, want, "input {text:?}");
    }
}

#[test]
fn streets_are_places() {
    let text = "Rendez-vous rue Victor Hugo, à midi.";
    let m = small().mentions(text, None);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(&text[m[0].span().range()], "rue Victor Hugo");
    assert_eq!(m[0].kind(), EntityKind::Location);
}

#[test]
fn apposition_links_an_unknown_holder() {
    let g = small();
    let text = "Le porte-parole du Kremlin, Dmitri Peskov, a démenti.";
    let m = g.mentions(text, Some(date("2017-01-28")));
    let got: Vec<(&str, Option<&str>)> = m.iter().map(|m| (&text[m.span().range()], m.name())).collect();
    assert_eq!(got, [("Le porte-parole du Kremlin", Some("Dmitri Peskov")), ("Dmitri Peskov", Some("Dmitri Peskov"))]);
}

#[test]
fn spans_slice_the_input() {
    let g = small();
    let text = "«\u{202F}Le chef de l’État russe\u{202F}» a parlé à l'EI\u{AD}, à Trump et à M.\u{A0}Kerhervé.";
    for m in g.mentions(text, Some(date("2017-01-28"))) {
        let span = m.span();
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?}");
        assert!(!text[span.range()].is_empty(), "{span:?}");
    }
    for m in g.find_iter(text) {
        assert!(text.get(m.span().range()).is_some(), "{:?}", m.span());
    }
}

#[test]
fn user_entries_win_over_shared_aliases() {
    let mut b = Gazetteer::builder();
    b.entry(Entry::new("may-ville", "May", EntityKind::Location))
        .entry(Entry::new("theresa-may", "Theresa May", EntityKind::Person).with_alias("May"));
    let g = b.build().expect("gazetteer");
    let text = "May a parlé.";
    let m = g.mentions(text, None);
    assert_eq!(m[0].entity().map(|e| e.id()), Some("theresa-may"));
}

// (entry, expected error message) — each row names the rule it pins.
#[test]
fn invalid_entries() {
    let cases: Vec<(Vec<Entry>, Vec<Role>, &str)> = vec![
        // empty id
        (
            vec![Entry::new("", "Kremlin", EntityKind::Organization)],
            vec![],
            "gazetteer entry 0 (\"Kremlin\"): field id: id is empty",
        ),
        // empty name
        (
            vec![Entry::new("k", " ", EntityKind::Organization)],
            vec![],
            "gazetteer entry 0 (\"k\"): field name: name is empty",
        ),
        // duplicate id
        (
            vec![
                Entry::new("k", "Kremlin", EntityKind::Organization),
                Entry::new("k", "Kremlin", EntityKind::Organization),
            ],
            vec![],
            "gazetteer entry 1 (\"k\"): field id: duplicate id \"k\"",
        ),
        // an alias that folds to nothing
        (
            vec![Entry::new("k", "Kremlin", EntityKind::Organization).with_alias("—")],
            vec![],
            "gazetteer entry 0 (\"k\"): field aliases: alias \"—\" is empty once folded",
        ),
        // an alias that does not start with a letter or digit
        (
            vec![Entry::new("k", "Kremlin", EntityKind::Organization).with_alias("#Kremlin")],
            vec![],
            "gazetteer entry 0 (\"k\"): field aliases: alias \"#Kremlin\" does not start with a letter or a digit",
        ),
        // a term whose holder is unknown
        (
            vec![],
            vec![Role::new("r").with_alias("président russe").with_term(Term::new("nobody", date("2012-05-07"), None))],
            "gazetteer entry 0 (\"role r\"): field terms: holder \"nobody\" is not an entry id",
        ),
        // a term that ends before it starts
        (
            vec![Entry::new("p", "Vladimir Poutine", EntityKind::Person)],
            vec![Role::new("r").with_alias("président russe").with_term(Term::new(
                "p",
                date("2012-05-07"),
                Some(date("2008-05-07")),
            ))],
            "gazetteer entry 0 (\"role r\"): field terms: term of p ends before it starts",
        ),
    ];
    for (entries, roles, want) in cases {
        let err = Gazetteer::builder().entries(entries).roles(roles).build().expect_err(want);
        assert!(matches!(err.kind(), ErrorKind::InvalidEntry { .. }), "{err:?}");
        assert_eq!(err.to_string(), want);
    }
}

#[cfg(feature = "serde")]
#[test]
fn dataset_from_json() {
    let json = r#"{
        "entries": [
            {"id": "gael-kerherve", "name": "Gaël Kerhervé", "kind": "person", "gender": "masculine",
             "aliases": ["Kerhervé"], "external_ids": {}, "attributes": {"role": "chercheur"}},
            {"id": "cvl", "name": "coopérative du Val de Loue", "kind": "organization", "aliases": ["CVL"]}
        ],
        "roles": [
            {"id": "directeur-cvl", "aliases": ["directeur de la coopérative"],
             "terms": [{"holder": "gael-kerherve", "from": "2019-03-01"}]}
        ]
    }"#;
    use depeche::gazetteer::Dataset;

    let data: Dataset = serde_json::from_str(json).expect("dataset");
    let g = Gazetteer::builder().dataset(data).build().expect("gazetteer");
    let text = "Le directeur de la coopérative a vendu ; la CVL, pas la cvl, confirme.";
    let m = g.mentions(text, Some(date("2024-01-01")));
    let got: Vec<(&str, Option<&str>)> =
        m.iter().map(|m| (&text[m.span().range()], m.entity().map(|e| e.id()))).collect();
    assert_eq!(got, [("Le directeur de la coopérative", Some("gael-kerherve")), ("CVL", Some("cvl"))]);
    assert_eq!(g.entity("gael-kerherve").map(|e| e.attributes()["role"].as_str()), Some("chercheur"));
    // A bad kind is a serde error, with the position.
    let err =
        serde_json::from_str::<Dataset>(r#"{"entries": [{"id": "x", "name": "X", "kind": "planet"}]}"#).unwrap_err();
    assert!(err.to_string().contains("unknown variant `planet`"), "{err}");
}

mod properties {
    use depeche::gazetteer::Gazetteer;
    use depeche::Date;
    use proptest::prelude::*;

    /// Text made of the pieces the mention rules look at, glued in any order.
    fn fragments() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(
            &[
                "M.",
                "M. ",
                "Mme ",
                "le général ",
                "Jean-",
                "Jean",
                "Claire ",
                "Dubois",
                "de ",
                "l'",
                "l’",
                "ex-",
                "nouveau ",
                "ancien ",
                "président russe",
                "chef de l'État russe",
                "Le ",
                "la ",
                ", ",
                ". ",
                "\u{A0}",
                "\u{202F}",
                "É",
                "\u{301}",
                "\u{AD}",
                "-",
                "EI",
                "seize",
                "Poutine",
                "Trump",
                "Kremlin",
                "porte-parole du Kremlin",
                "rue ",
                "\n",
                "«\u{202F}",
                "œ",
                "ﬁ",
                " ",
            ][..],
        );
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        let g = Gazetteer::french_news();
        let mentions = g.mentions(text, Date::new(2017, 1, 28).ok());
        let mut last_end = 0;
        for m in &mentions {
            let span = m.span();
            prop_assert!(span.start < span.end, "empty span {:?} in {:?}", span, text);
            prop_assert!(text.get(span.range()).is_some(), "span {:?} off char boundaries in {:?}", span, text);
            prop_assert!(span.start >= last_end, "overlap or disorder at {:?} in {:?}", span, text);
            last_end = span.end;
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn mentions_are_ordered_disjoint_and_on_boundaries(text in fragments()) {
            check(&text)?;
        }

        #[test]
        fn mentions_never_panic(text in any::<String>()) {
            check(&text)?;
        }
    }
}
