//! Sentence and paragraph boundaries on French news copy written for these tests.

use depeche::text::{paragraphs, sentences, LineBreaks, Segmenter};

fn split(text: &str) -> Vec<&str> {
    sentences(text).iter().map(|s| &text[s.span.range()]).collect()
}

// (input, expected sentences) — each row names the rule it pins.
const CASES: &[(&str, &[&str])] = &[
    // Civility titles keep their dot.
    (
        "M. Barnier a reçu Mme Lagarde à Matignon. Ils ont parlé du budget.",
        &["M. Barnier a reçu Mme Lagarde à Matignon.", "Ils ont parlé du budget."],
    ),
    // Plural civility before two names.
    (
        "MM. Poutine et Trump se sont parlé samedi. L'appel a duré une heure.",
        &["MM. Poutine et Trump se sont parlé samedi.", "L'appel a duré une heure."],
    ),
    // A civility before a lowercase noun (« M. le maire »).
    (
        "M. le préfet a pris un arrêté. Il entre en vigueur lundi.",
        &["M. le préfet a pris un arrêté.", "Il entre en vigueur lundi."],
    ),
    // Titles with and without a dot.
    (
        "Le Pr. Delfraissy et le Dr Cohen ont témoigné. Mgr Ulrich était absent.",
        &["Le Pr. Delfraissy et le Dr Cohen ont témoigné.", "Mgr Ulrich était absent."],
    ),
    // Hyphenated initials and two initials.
    (
        "J.-B. Pontalis a longtemps publié chez Gallimard. J.K. Rowling aussi, en traduction.",
        &["J.-B. Pontalis a longtemps publié chez Gallimard.", "J.K. Rowling aussi, en traduction."],
    ),
    // A single initial before a surname.
    (
        "Le roman de G. Perec a été réédité. Il reste introuvable en librairie.",
        &["Le roman de G. Perec a été réédité.", "Il reste introuvable en librairie."],
    ),
    // Dotted acronyms before a lowercase verb.
    ("L'O.M.S. a donné l'alerte. La France a suivi.", &["L'O.M.S. a donné l'alerte.", "La France a suivi."]),
    // References: art., al., p., cf.
    (
        "Selon l'art. 16 al. 2 du règlement (cf. p. 34), le vote est secret. Le président l'a rappelé.",
        &["Selon l'art. 16 al. 2 du règlement (cf. p. 34), le vote est secret.", "Le président l'a rappelé."],
    ),
    // "etc." ends a sentence before a capital.
    (
        "Il a cité la santé, l'école, la sécurité, etc. Le débat a duré trois heures.",
        &["Il a cité la santé, l'école, la sécurité, etc.", "Le débat a duré trois heures."],
    ),
    // "etc." inside a sentence.
    (
        "La santé, l'école, etc. sont des priorités. Le budget suivra.",
        &["La santé, l'école, etc. sont des priorités.", "Le budget suivra."],
    ),
    // An era after av. J.-C. ends a sentence before a capital.
    (
        "La ville a été fondée en 52 av. J.-C. Les fouilles continuent.",
        &["La ville a été fondée en 52 av. J.-C.", "Les fouilles continuent."],
    ),
    // A month abbreviation before its year.
    (
        "Le décret du 3 févr. 2021 a été annulé. Le Conseil d'État a tranché.",
        &["Le décret du 3 févr. 2021 a été annulé.", "Le Conseil d'État a tranché."],
    ),
    // Numbers with dots and commas are no boundaries.
    (
        "L'inflation a atteint 4.9 % en mai, puis 5,2 % en juin. Environ 1.500 postes sont menacés.",
        &["L'inflation a atteint 4.9 % en mai, puis 5,2 % en juin.", "Environ 1.500 postes sont menacés."],
    ),
    // A number ends a sentence.
    (
        "Le mur est tombé en 1989. L'Allemagne a été réunifiée en 1990.",
        &["Le mur est tombé en 1989.", "L'Allemagne a été réunifiée en 1990."],
    ),
    // A unit abbreviation before a capital ends the sentence.
    (
        "La séance a été levée à 23 h. Elle reprendra demain.",
        &["La séance a été levée à 23 h.", "Elle reprendra demain."],
    ),
    // Ellipsis in dots before a capital ends the sentence.
    ("Le ministre a attendu... Personne n'est venu.", &["Le ministre a attendu...", "Personne n'est venu."]),
    // Ellipsis character before a lowercase word goes on.
    (
        "Le ministre a attendu… longtemps. Personne n'est venu.",
        &["Le ministre a attendu… longtemps.", "Personne n'est venu."],
    ),
    // A cut in a quotation is no boundary.
    (
        "« Nous voulons […] Une solution rapide », a-t-elle dit.",
        &["« Nous voulons […] Une solution rapide », a-t-elle dit."],
    ),
    // ?! ends a sentence.
    ("Une hausse de 40 %?! Les syndicats s'insurgent.", &["Une hausse de 40 %?!", "Les syndicats s'insurgent."]),
    // ! before a lowercase word goes on (an interjection inside the sentence).
    (
        "Hélas ! il était trop tard. Les secours sont arrivés.",
        &["Hélas ! il était trop tard.", "Les secours sont arrivés."],
    ),
    // A month abbreviation before a capital ends the sentence.
    ("Il est né le 3 sept. Sa mère était institutrice.", &["Il est né le 3 sept.", "Sa mère était institutrice."]),
    // A sentence inside a nested quotation, the whole closed by a comma incise, is one sentence.
    (
        "« Il m'a dit : “Je pars.” Puis il est sorti », raconte sa voisine. L'enquête continue.",
        &["« Il m'a dit : “Je pars.” Puis il est sorti », raconte sa voisine.", "L'enquête continue."],
    ),
    // Dialogue dashes start sentences.
    ("— Vous partez ? — Oui, demain.", &["— Vous partez ?", "— Oui, demain."]),
    // French spacing before ? and !.
    (
        "Faut-il s'inquiéter\u{202F}? Non\u{202F}! La Banque de France est confiante.",
        &["Faut-il s'inquiéter\u{202F}?", "Non\u{202F}!", "La Banque de France est confiante."],
    ),
    // An exclamation in a quotation followed by a comma incise is one sentence.
    (
        "« Nous ne reculerons pas ! », a lancé la Première ministre. La salle a applaudi.",
        &["« Nous ne reculerons pas ! », a lancé la Première ministre.", "La salle a applaudi."],
    ),
    // A question in a quotation followed by a lowercase incise is one sentence.
    (
        "« Qui paiera ? » s'est demandé le sénateur. Personne n'a répondu.",
        &["« Qui paiera ? » s'est demandé le sénateur.", "Personne n'a répondu."],
    ),
    // Sentences inside a quotation closed by a comma incise stay one sentence.
    (
        "« Le dialogue est rouvert. Nous verrons la suite », a déclaré le porte-parole. La réunion a été suspendue.",
        &[
            "« Le dialogue est rouvert. Nous verrons la suite », a déclaré le porte-parole.",
            "La réunion a été suspendue.",
        ],
    ),
    // A sentence ending inside a closing quote.
    (
        "Le maire a tranché : « Le marché restera ouvert. » Les commerçants sont soulagés.",
        &["Le maire a tranché : « Le marché restera ouvert. »", "Les commerçants sont soulagés."],
    ),
    // A sentence ending inside a straight closing quote.
    (
        "Elle a répondu : \"Je ne suis pas candidate.\" Le parti a pris acte.",
        &["Elle a répondu : \"Je ne suis pas candidate.\"", "Le parti a pris acte."],
    ),
    // A long quotation without incise splits into its sentences.
    (
        "Il a ajouté : « Le texte sera voté. Nous avons la majorité. »",
        &["Il a ajouté : « Le texte sera voté.", "Nous avons la majorité. »"],
    ),
    // Straight quotes with an incise.
    (
        "\"Nous ne paierons pas\", a répété le syndicat. La grève continue.",
        &["\"Nous ne paierons pas\", a répété le syndicat.", "La grève continue."],
    ),
    // A dateline stays with its first sentence.
    (
        "PARIS, 14 avr 2018 (AFP) - Les frappes ont visé trois sites. Moscou a protesté.",
        &["PARIS, 14 avr 2018 (AFP) - Les frappes ont visé trois sites.", "Moscou a protesté."],
    ),
    // A dateline with an abbreviated month.
    (
        "BRUXELLES, 3 oct. 2019 (AFP) - Les Vingt-Sept ont trouvé un accord. Londres se tait.",
        &["BRUXELLES, 3 oct. 2019 (AFP) - Les Vingt-Sept ont trouvé un accord.", "Londres se tait."],
    ),
    // A headline without final punctuation ends at its line break.
    (
        "Le Kremlin dément toute ingérence\nMoscou a démenti jeudi les accusations.",
        &["Le Kremlin dément toute ingérence", "Moscou a démenti jeudi les accusations."],
    ),
    // A caption and a credit line.
    (
        "Le président lors de son discours. © Photo AFP\nLe discours a duré une heure.",
        &["Le président lors de son discours.", "© Photo AFP", "Le discours a duré une heure."],
    ),
    // Bullet lines are sentences each.
    (
        "Les mesures :\n- gel des loyers\n- chèque énergie\n• aide aux étudiants",
        &["Les mesures :", "- gel des loyers", "- chèque énergie", "• aide aux étudiants"],
    ),
    // A numbered list keeps its numbers.
    (
        "1. La réforme des retraites\n2. Le budget de la défense",
        &["1. La réforme des retraites", "2. Le budget de la défense"],
    ),
    // A line continued in lowercase is the same sentence.
    ("Le gouvernement a annoncé\nune baisse des impôts.", &["Le gouvernement a annoncé\nune baisse des impôts."]),
    // Text with no punctuation at all is one sentence.
    ("les députés ont voté la loi sans débat", &["les députés ont voté la loi sans débat"]),
    // Spans are trimmed of white space of every kind.
    (
        "  \u{A0}Le Sénat a voté.\u{202F} \n\n\tLe texte part à l'Assemblée.  ",
        &["Le Sénat a voté.", "Le texte part à l'Assemblée."],
    ),
    // A lowercase sentence start after a period (a lost capital) still splits.
    (
        "Le stade a été rénové. à partir de lundi, il rouvre.",
        &["Le stade a été rénové.", "à partir de lundi, il rouvre."],
    ),
    // A parenthesis closed before the period.
    (
        "Il vient de Nancy (Meurthe-et-Moselle). Il a 42 ans.",
        &["Il vient de Nancy (Meurthe-et-Moselle).", "Il a 42 ans."],
    ),
    // A URL, an e-mail and a handle do not end sentences with their dots.
    (
        "Le rapport est sur www.senat.fr et sur lemonde.fr. Écrivez à contact@example.fr ou à @Senat. Merci.",
        &["Le rapport est sur www.senat.fr et sur lemonde.fr.", "Écrivez à contact@example.fr ou à @Senat.", "Merci."],
    ),
    // Company suffix before a lowercase verb.
    (
        "Le groupe Vivendi S.A. a racheté Prisma Media Ltd. en 2021. L'opération a été validée.",
        &["Le groupe Vivendi S.A. a racheté Prisma Media Ltd. en 2021.", "L'opération a été validée."],
    ),
];

#[test]
fn sentence_table() {
    for &(input, want) in CASES {
        let got = split(input);
        assert_eq!(got, want, "sentences({input:?}):\n expected {want:#?}\n got {got:#?}");
    }
}

#[test]
fn paragraph_indexes() {
    let text = "Le Kremlin dément\n\nMoscou a démenti jeudi. Washington maintient.\nLe Sénat enquête.";
    let got: Vec<(&str, usize)> = sentences(text).iter().map(|s| (&text[s.span.range()], s.paragraph)).collect();
    let want = [
        ("Le Kremlin dément", 0),
        ("Moscou a démenti jeudi.", 1),
        ("Washington maintient.", 1),
        ("Le Sénat enquête.", 2),
    ];
    assert_eq!(got, want, "paragraphs of {text:?}");
    let p: Vec<&str> = paragraphs(text).iter().map(|s| &text[s.range()]).collect();
    assert_eq!(p, ["Le Kremlin dément", "Moscou a démenti jeudi. Washington maintient.", "Le Sénat enquête."]);
}

#[test]
fn line_break_modes() {
    let text = "Le ministre a\nannoncé la réforme.\n- gel des loyers\nLe Sénat suivra.\n\nFin.";
    let got = |mode| -> Vec<(&str, usize)> {
        Segmenter::new()
            .line_breaks(mode)
            .sentences(text)
            .iter()
            .map(|s| (&text[s.span.range()], s.paragraph))
            .collect()
    };
    assert_eq!(
        got(LineBreaks::Auto),
        [("Le ministre a\nannoncé la réforme.", 0), ("- gel des loyers", 1), ("Le Sénat suivra.", 2), ("Fin.", 3)],
        "Auto"
    );
    assert_eq!(
        got(LineBreaks::Paragraph),
        [
            ("Le ministre a", 0),
            ("annoncé la réforme.", 1),
            ("- gel des loyers", 2),
            ("Le Sénat suivra.", 3),
            ("Fin.", 4)
        ],
        "Paragraph"
    );
    assert_eq!(
        got(LineBreaks::Wrap),
        [("Le ministre a\nannoncé la réforme.", 0), ("- gel des loyers\nLe Sénat suivra.", 0), ("Fin.", 1)],
        "Wrap"
    );
}

// (input, expected sentences) — degenerate inputs.
const BLANK: &[(&str, &[&str])] = &[
    ("", &[]),               // empty text
    (" ", &[]),              // a space only
    ("\n\n", &[]),           // blank lines only
    ("\u{A0}\u{202F}", &[]), // no-break spaces only
    ("...", &["..."]),       // punctuation only
    ("« »", &["« »"]),       // empty quotation
    ("Fin", &["Fin"]),       // one word
];

#[test]
fn empty_and_blank() {
    for &(text, want) in BLANK {
        let got = split(text);
        assert_eq!(got, want, "sentences({text:?})");
    }
}
