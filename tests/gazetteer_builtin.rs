//! The built-in French-news gazetteer: it loads without error, and the referents every French
//! news reader expects are found (Poutine, Trump, Kremlin, Daesh …) in text written for these
//! tests.

use depeche::gazetteer::{EntityKind, Gazetteer};
use depeche::Date;

fn date(s: &str) -> Date {
    s.parse().expect("test date")
}

#[test]
fn builtin_data_builds_without_error() {
    if let Err(e) = Gazetteer::try_french_news() {
        panic!("built-in gazetteer: {e}");
    }
}

#[test]
fn builtin_is_large() {
    let g = Gazetteer::french_news();
    assert!(g.len() >= 1500, "only {} entries", g.len());
    assert!(g.role_count() >= 50, "only {} roles", g.role_count());
}

#[test]
fn send_sync_and_cheap_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Gazetteer>();
    assert_send_sync::<depeche::gazetteer::Mention>();
    let g = Gazetteer::french_news();
    let h = g.clone();
    assert_eq!(g.len(), h.len());
}

// (text, date, expected (mention text, entity id)) — the referents the issue names, and
// each row the rule it pins.
/// Expected mentions: (text of the span, entity id).
type Expected = &'static [(&'static str, Option<&'static str>)];

const CASES: &[(&str, &str, Expected)] = &[
    // surname alone, elided article before the acronym, organisation
    (
        "Poutine a reçu l'appel de Trump, selon le Kremlin, qui vise l'EI.",
        "2017-01-28",
        &[
            ("Poutine", Some("vladimir-poutine")),
            ("Trump", Some("donald-trump")),
            ("Kremlin", Some("kremlin")),
            ("EI", Some("etat-islamique")),
        ],
    ),
    // spelling variants of Daesh
    (
        "Daech, Daesh et l’organisation État islamique désignent le même groupe.",
        "2017-01-28",
        &[
            ("Daech", Some("etat-islamique")),
            ("Daesh", Some("etat-islamique")),
            ("organisation État islamique", Some("etat-islamique")),
        ],
    ),
    // a role spelled two ways, with determiner, resolved at the date
    (
        "Le chef de l'Etat russe et le président américain se sont parlé.",
        "2017-01-28",
        &[("Le chef de l'Etat russe", Some("vladimir-poutine")), ("le président américain", Some("donald-trump"))],
    ),
    // the same role a year earlier has another holder
    ("Le président américain a signé.", "2015-06-01", &[("Le président américain", Some("barack-obama"))]),
    // president-elect between election and inauguration, hyphenated or not
    (
        "Le président élu a répondu ; le président-élu a insisté.",
        "2016-11-14",
        &[("Le président élu", Some("donald-trump")), ("le président-élu", Some("donald-trump"))],
    ),
    // the spokesman of the Kremlin is a person, not the Kremlin
    ("Le porte-parole du Kremlin a démenti.", "2017-01-28", &[("Le porte-parole du Kremlin", Some("dmitri-peskov"))]),
    // fold variants of a country
    (
        "Les ETATS-UNIS, les Etats Unis et les États-Unis.",
        "2017-01-28",
        &[("ETATS-UNIS", Some("etats-unis")), ("Etats Unis", Some("etats-unis")), ("États-Unis", Some("etats-unis"))],
    ),
    // no acronym inside a word, no name inside a word
    ("Seize partisans du trumpisme.", "2017-01-28", &[]),
    // "président américain" is not found inside "vice-président américain" (its own role)
    ("Le vice-président américain a parlé.", "2017-01-28", &[("Le vice-président américain", Some("mike-pence"))]),
    // a role in predicate position names a function, not a person: after a copula …
    ("Il est devenu Premier ministre en 2017.", "2024-02-01", &[]),
    // … after `ne … que` with an adverb between (not the spokesman at the date)
    (
        "Gabriel Attal, qui n'était encore que porte-parole du gouvernement, a répondu.",
        "2024-02-01",
        &[("Gabriel Attal", Some("gabriel-attal"))],
    ),
    // … after a verb of appointment
    ("Elle pourrait être nommée Première ministre.", "2024-02-01", &[]),
    // … after a noun of office; an entity inside the role phrase is still named
    ("Il brigue le poste de Premier ministre.", "2024-02-01", &[]),
    (
        "L'élection du président de l'Assemblée nationale aura lieu jeudi.",
        "2024-02-01",
        &[("Assemblée nationale", Some("assemblee-nationale"))],
    ),
    // a role in apposition after a name is that person (not the previous holder at the date)
    (
        "Édouard Philippe, ancien Premier ministre, a répondu.",
        "2024-02-01",
        &[("Édouard Philippe", Some("edouard-philippe")), ("ancien Premier ministre", Some("edouard-philippe"))],
    ),
    // also with a definite article when the apposition closes …
    (
        "Édouard Philippe, l'ancien Premier ministre, a répondu.",
        "2024-02-01",
        &[("Édouard Philippe", Some("edouard-philippe")), ("l'ancien Premier ministre", Some("edouard-philippe"))],
    ),
    // … but not in a list, where the role is another person
    (
        "Emmanuel Macron, le Premier ministre et le ministre de l'Intérieur se sont réunis.",
        "2024-02-01",
        &[
            ("Emmanuel Macron", Some("emmanuel-macron")),
            ("le Premier ministre", Some("gabriel-attal")),
            ("le ministre de l'Intérieur", Some("gerald-darmanin")),
        ],
    ),
    // a role with its determiner is a mention even after a copula (`C'est le Premier ministre`)
    ("C'est le Premier ministre qui a tranché.", "2024-02-01", &[("le Premier ministre", Some("gabriel-attal"))]),
    // a place glued by a hyphen to a capitalised word no entry knows is the end of another
    // name (a district), not the place …
    ("Un bistrot du Vieux-Lyon a fermé.", "2021-12-06", &[]),
    // … but two names joined by a hyphen are two mentions, and a lowercase prefix is no name
    (
        "L'axe Paris-Berlin et les slogans anti-Trump.",
        "2021-12-06",
        &[("Paris", Some("paris")), ("Berlin", Some("berlin")), ("Trump", Some("donald-trump"))],
    ),
    // incoming holder before inauguration
    (
        "Le futur président américain a téléphoné.",
        "2016-11-14",
        &[("Le futur président américain", Some("donald-trump"))],
    ),
];

#[test]
fn builtin_mentions() {
    let g = Gazetteer::french_news();
    for &(text, d, want) in CASES {
        let mentions = g.mentions(text, Some(date(d)));
        let got: Vec<(&str, Option<&str>)> =
            mentions.iter().map(|m| (&text[m.span().range()], m.entity().map(|e| e.id()))).collect();
        assert_eq!(got, want, "input {text:?} at {d}");
    }
}

#[test]
fn role_without_known_holder_is_still_a_mention() {
    let g = Gazetteer::french_news();
    let text = "Le président russe a parlé.";
    // Before any term in the data: a person mention without entity.
    let m = g.mentions(text, Some(date("1950-01-01")));
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].kind(), EntityKind::Person);
    assert!(m[0].is_nominal());
    assert_eq!(m[0].entity(), None);
    // No date at all: abstain too.
    assert_eq!(g.mentions(text, None)[0].entity(), None);
}

/// (text, date, expected mentions: (text, kind, name, nominal)).
type Shaped = &'static [(&'static str, EntityKind, Option<&'static str>, bool)];

// Names no gazetteer holds, found by their shape (`src/gazetteer/data/shapes.tsv`); each row
// names the rule it pins.
const SHAPES: &[(&str, &str, Shaped)] = &[
    // a title phrase before a name, closed by its comma, is a mention of that person; the
    // place inside it gives way to the longer mention
    (
        "Le préfet de la Manche, Jacques Dubreuil, a signé l'arrêté.",
        "2023-05-10",
        &[
            ("Le préfet de la Manche", EntityKind::Person, Some("Jacques Dubreuil"), true),
            ("Jacques Dubreuil", EntityKind::Person, Some("Jacques Dubreuil"), false),
        ],
    ),
    // with an honorific between the comma and the name, and a possessive before the title
    (
        "« Il regrette », a plaidé son avocat, Me Paul Kervella.",
        "2023-05-10",
        &[
            ("son avocat", EntityKind::Person, Some("Paul Kervella"), true),
            ("Paul Kervella", EntityKind::Person, Some("Paul Kervella"), false),
        ],
    ),
    // after the name, between commas, without determiner
    (
        "Hélène Marchal, directrice de l'hôpital, a démenti.",
        "2023-05-10",
        &[
            ("Hélène Marchal", EntityKind::Person, Some("Hélène Marchal"), false),
            ("directrice de l'hôpital", EntityKind::Person, Some("Hélène Marchal"), true),
        ],
    ),
    // a possessive after the name names someone else: not read
    (
        "Hélène Marchal, son adjointe et le maire se sont réunis.",
        "2023-05-10",
        &[("Hélène Marchal", EntityKind::Person, Some("Hélène Marchal"), false)],
    ),
    // an acronym between a title and a name is the party, not the name's first word; a name
    // in capitals after a civility stays one
    (
        "Le député LFI Paul Vannier a interpellé Mme LEBRUN.",
        "2025-01-29",
        &[
            ("LFI", EntityKind::Organization, Some("La France insoumise"), false),
            ("Paul Vannier", EntityKind::Person, Some("Paul Vannier"), false),
            ("LEBRUN", EntityKind::Person, Some("LEBRUN"), false),
        ],
    ),
    // a proper name the text writes as one lowercase word is a common word folded to it; a
    // description the data gives in lowercase still names its entity
    (
        "Le moustique tigre inquiète l'armée israélienne.",
        "2023-05-10",
        &[("armée israélienne", EntityKind::Organization, Some("Tsahal"), false)],
    ),
    // a namesake: a surname the gazetteer knows after another first name is someone else; a
    // spelling of the same first name (same first letter) is the same person
    (
        "Claude Chirac a parlé de Jacques Chirac, puis Vladimir Zelensky de Michel Poutine.",
        "2023-05-10",
        &[
            ("Claude Chirac", EntityKind::Person, Some("Claude Chirac"), false),
            ("Jacques Chirac", EntityKind::Person, Some("Jacques Chirac"), false),
            ("Vladimir Zelensky", EntityKind::Person, Some("Volodymyr Zelensky"), false),
            ("Michel Poutine", EntityKind::Person, Some("Michel Poutine"), false),
        ],
    ),
    // sports and German politics: a club, its coach by role, a chancellor-designate by date
    (
        "Le futur chancelier a reçu le sélectionneur des Bleus avant le match contre l'Inter Milan.",
        "2025-03-10",
        &[
            ("Le futur chancelier", EntityKind::Person, Some("Friedrich Merz"), true),
            ("le sélectionneur des Bleus", EntityKind::Person, Some("Didier Deschamps"), true),
            ("Inter Milan", EntityKind::Organization, Some("Inter Milan"), false),
        ],
    ),
    // institutions named after a place, with their head; a qualifier is required for `cour`
    (
        "Il comparaîtra devant la cour d'appel de Rennes, puis devant le tribunal de Vannes.",
        "2023-05-10",
        &[
            ("cour d'appel de Rennes", EntityKind::Organization, Some("cour d'appel de Rennes"), false),
            ("tribunal de Vannes", EntityKind::Organization, Some("tribunal de Vannes"), false),
        ],
    ),
    // the police, gendarmerie and hospital bodies of a town (`centre` only with a qualifier:
    // `le centre de Lyon` is a part of the town)
    (
        "Le groupement de gendarmerie de la Drôme et le commissariat de Valence enquêtent.",
        "2023-05-10",
        &[
            (
                "groupement de gendarmerie de la Drôme",
                EntityKind::Organization,
                Some("groupement de gendarmerie de la Drôme"),
                false,
            ),
            ("commissariat de Valence", EntityKind::Organization, Some("commissariat de Valence"), false),
        ],
    ),
    (
        "Il a été conduit au centre hospitalier de Valence depuis le centre de Lyon.",
        "2023-05-10",
        &[
            ("centre hospitalier de Valence", EntityKind::Organization, Some("centre hospitalier de Valence"), false),
            ("Lyon", EntityKind::Location, Some("Lyon"), false),
        ],
    ),
    (
        "Il attendait dans la cour de Matignon.",
        "2023-05-10",
        &[("Matignon", EntityKind::Organization, Some("Matignon"), false)],
    ),
    // streets: with their head, directly or after `de la`; not a country after `de la`
    (
        "Le cortège est parti de la place de la Bastille vers la rue Oberkampf.",
        "2023-05-10",
        &[
            ("place de la Bastille", EntityKind::Location, Some("place de la Bastille"), false),
            ("rue Oberkampf", EntityKind::Location, Some("rue Oberkampf"), false),
        ],
    ),
    (
        "La place de la France en Europe a changé.",
        "2023-05-10",
        &[
            ("France", EntityKind::Location, Some("France"), false),
            ("Europe", EntityKind::Location, Some("Europe"), false),
        ],
    ),
    // a company after its head and one adjective of origin
    (
        "La start-up bretonne Ondalia recrute.",
        "2023-05-10",
        &[("Ondalia", EntityKind::Organization, Some("Ondalia"), false)],
    ),
    // a company after its head, without the head
    (
        "La start-up Quantalys a levé des fonds.",
        "2023-05-10",
        &[("Quantalys", EntityKind::Organization, Some("Quantalys"), false)],
    ),
];

#[test]
fn names_by_their_shape() {
    let g = Gazetteer::french_news();
    for &(text, d, want) in SHAPES {
        let got: Vec<(String, EntityKind, Option<String>, bool)> = g
            .mentions(text, Some(date(d)))
            .iter()
            .map(|m| {
                let name = m.name().map(str::to_string).or_else(|| m.entity().map(|e| e.name().to_string()));
                (text[m.span().range()].to_string(), m.kind(), name, m.is_nominal())
            })
            .collect();
        let want: Vec<(String, EntityKind, Option<String>, bool)> =
            want.iter().map(|&(t, k, n, nom)| (t.to_string(), k, n.map(str::to_string), nom)).collect();
        assert_eq!(got, want, "input {text:?}");
    }
}
