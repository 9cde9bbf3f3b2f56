//! Tables of quote constructions: pairing, kinds, cues, speaker mentions and their resolution,
//! through the public API only (no gazetteer mentions: names resolve through the text).

use depeche::gazetteer::{EntityKind, Gender};
use depeche::quotes::{MentionRef, QuoteExtractor, QuoteKind, Resolution};
use depeche::Span;

use QuoteKind::{Direct, Indirect, Partial};

// (text, quoted words, kind, speaker mention, resolved name) — each row names the rule it pins.
const CASES: &[(&str, &str, QuoteKind, &str, Option<&str>)] = &[
    // Subject before the cue, colon, guillemets.
    (
        "Le Kremlin a annoncé : « La rencontre aura lieu à Genève. »",
        "La rencontre aura lieu à Genève.",
        Direct,
        "Le Kremlin",
        Some("Kremlin"),
    ),
    // Inverted subject after the quote, role.
    (
        "« Nous irons jusqu'au bout », a déclaré le ministre de l'Intérieur.",
        "Nous irons jusqu'au bout",
        Direct,
        "le ministre de l'Intérieur",
        None,
    ),
    // Inverted clitic with -t-.
    (
        "Angela Merkel a parlé. « Rien n'est joué », estime-t-elle.",
        "Rien n'est joué",
        Direct,
        "elle",
        Some("Angela Merkel"),
    ),
    // Verbs of manner in the incise (`savourer`, `pester`, `rire`): they report the quotation.
    (
        "« Nous l'avons mérité », a savouré Luis Enrique en conférence de presse.",
        "Nous l'avons mérité",
        Direct,
        "Luis Enrique",
        Some("Luis Enrique"),
    ),
    (
        "« Encore un dossier perdu », peste l'avocat de la défense.",
        "Encore un dossier perdu",
        Direct,
        "l'avocat de la défense",
        None,
    ),
    (
        "Marie Curie a posé le tube. « Rien n'a explosé », rit-elle.",
        "Rien n'a explosé",
        Direct,
        "elle",
        Some("Marie Curie"),
    ),
    // A verb in a subordinate clause after the quotation is no incise: the cue is before it.
    (
        "Le ministre a promis d'en faire sa « priorité absolue », alors que la crise, selon les experts, menace l'industrie.",
        "priorité absolue",
        Partial,
        "Le ministre",
        None,
    ),
    // Inverted verb with a name.
    (
        "« Le dialogue reste ouvert », poursuit Angela Merkel.",
        "Le dialogue reste ouvert",
        Direct,
        "Angela Merkel",
        Some("Angela Merkel"),
    ),
    // Inverted auxiliary: a-t-il déclaré.
    (
        "Emmanuel Macron s'est exprimé. « Il faut tenir », a-t-il déclaré.",
        "Il faut tenir",
        Direct,
        "il",
        Some("Emmanuel Macron"),
    ),
    // Straight marks read from context.
    ("\"Nous verrons bien\", a lancé Jean Castex.", "Nous verrons bien", Direct, "Jean Castex", Some("Jean Castex")),
    // Curly English-style marks.
    (
        "“Le temps presse”, a prévenu la Commission européenne.",
        "Le temps presse",
        Direct,
        "la Commission européenne",
        Some("Commission"),
    ),
    // Partial: se dire.
    (
        "Le chef de l'État s'est dit « prêt à discuter sans conditions ».",
        "prêt à discuter sans conditions",
        Partial,
        "Le chef de l'État",
        None,
    ),
    // Partial: qualifier de, elided d'.
    (
        "Le président a qualifié son adversaire d'« homme sans parole ».",
        "homme sans parole",
        Partial,
        "Le président",
        None,
    ),
    // Partial with the cue after the quote, further in the sentence.
    (
        "Les deux pays vont « renforcer leur coopération » dans les mois à venir, a indiqué la présidence.",
        "renforcer leur coopération",
        Partial,
        "la présidence",
        None,
    ),
    // Apposition: the name, not the role.
    (
        "Sean Spicer, porte-parole de la Maison Blanche, a affirmé : « Les discussions avancent. »",
        "Les discussions avancent.",
        Direct,
        "Sean Spicer",
        Some("Sean Spicer"),
    ),
    // Several speakers.
    (
        "Poutine et Trump ont plaidé pour une « coopération réelle et durable ».",
        "coopération réelle et durable",
        Partial,
        "Poutine et Trump",
        Some("Poutine et Trump"),
    ),
    // Organisation service.
    (
        "« Aucune décision n'a été prise », a précisé le service de presse de l'Élysée.",
        "Aucune décision n'a été prise",
        Direct,
        "le service de presse de l'Élysée",
        Some("Élysée"),
    ),
    // selon after the quote.
    (
        "« Les troupes se retirent », selon l'état-major ukrainien.",
        "Les troupes se retirent",
        Direct,
        "l'état-major ukrainien",
        None,
    ),
    // Colon introduction without a reporting verb.
    (
        "Olaf Scholz a été clair : « Nous ne livrerons pas ces armes. »",
        "Nous ne livrerons pas ces armes.",
        Direct,
        "Olaf Scholz",
        Some("Olaf Scholz"),
    ),
    // Indirect with que; pronominal cue with feminine agreement.
    (
        "La ministre s'est inquiétée que les délais ne soient pas tenus.",
        "les délais ne soient pas tenus",
        Indirect,
        "La ministre",
        None,
    ),
    // Indirect: a present participle after a comma (`…, rappelant que`) reports for the
    // subject of the clause it hangs on.
    (
        "La sénatrice Claire Dumonteil a défendu l'amendement, rappelant que son groupe le porte depuis 2019.",
        "son groupe le porte depuis 2019",
        Indirect,
        "La sénatrice Claire Dumonteil",
        Some("Claire Dumonteil"),
    ),
    // Indirect: a fait savoir que.
    (
        "Matignon a fait savoir que le texte serait présenté en juin.",
        "le texte serait présenté en juin",
        Indirect,
        "Matignon",
        Some("Matignon"),
    ),
    // Colon introduction after a subject with two appositions and a verb that reports nothing:
    // the subject opening the clause speaks, not the speaker of the quotation before.
    (
        "Marie sourit. « C'est beau », dit-elle. Karim, 34 ans, boulanger dans le quartier, est plus réservé : « Les gens ont peur. »",
        "Les gens ont peur.",
        Direct,
        "Karim",
        Some("Karim"),
    ),
    // Indirect, closed by an inverted verb: the clause starts after the dateline.
    (
        "LYON, 4 mars 2024 (AFP) - Trois piscines municipales fermeront cet été, a annoncé la mairie.",
        "Trois piscines municipales fermeront cet été",
        Indirect,
        "la mairie",
        None,
    ),
    // Indirect: `selon X` in mid-sentence, followed by a participle's phrase with commas of its own.
    (
        "Les ventes ont reculé de 4 % en mars, selon la fédération, tirées vers le bas par l'habillement, surtout en province.",
        "Les ventes ont reculé de 4 % en mars",
        Indirect,
        "la fédération",
        None,
    ),
    // Indirect: a laissé entendre que (a verb phrase of the lexicon, its first word conjugated).
    (
        "Le gouverneur de la banque centrale a laissé entendre que les taux baisseraient en mars.",
        "les taux baisseraient en mars",
        Indirect,
        "Le gouverneur de la banque centrale",
        None,
    ),
    // Indirect: selon X, at the start.
    (
        "Selon l'Élysée, le sommet se tiendra à Nice en octobre.",
        "le sommet se tiendra à Nice en octobre",
        Indirect,
        "l'Élysée",
        Some("Élysée"),
    ),
    // Indirect: d'après X, at the end.
    (
        "Le cessez-le-feu a été violé dans la nuit, d'après l'armée israélienne.",
        "Le cessez-le-feu a été violé dans la nuit",
        Indirect,
        "l'armée israélienne",
        None,
    ),
    // Indirect: pour X, with a name.
    (
        "Pour Marine Tondelier, la réforme n'apporte aucune réponse aux jeunes.",
        "la réforme n'apporte aucune réponse aux jeunes",
        Indirect,
        "Marine Tondelier",
        Some("Marine Tondelier"),
    ),
    // Unlinked surname resolved through its first full mention.
    (
        "Giorgia Meloni arrive à Paris. Meloni a assuré : « L'Italie tiendra parole. »",
        "L'Italie tiendra parole.",
        Direct,
        "Meloni",
        Some("Giorgia Meloni"),
    ),
    // Title M. gives the gender of il; the feminine speaker is skipped.
    (
        "M. Bruno Retailleau a parlé après Mme Yaël Braun-Pivet. « Le texte est prêt », a-t-il ajouté.",
        "Le texte est prêt",
        Direct,
        "il",
        Some("Bruno Retailleau"),
    ),
    // Coordinated verb: the subject of the first verb.
    (
        "Le maire a salué les secours et dit espérer « un retour à la normale avant l'hiver ».",
        "un retour à la normale avant l'hiver",
        Partial,
        "Le maire",
        None,
    ),
    // Present participle: the subject of the governing clause.
    (
        "La directrice a défendu le projet, ajoutant qu'il était « le seul possible ».",
        "le seul possible",
        Partial,
        "La directrice",
        None,
    ),
    // Dialogue dash incise.
    (
        "« Nous resterons mobilisés — a promis la syndicaliste — jusqu'au retrait du texte. »",
        "Nous resterons mobilisés",
        Direct,
        "la syndicaliste",
        None,
    ), // A pronoun refers to the subject opening the sentence before, whatever its verb, through
    // an apposition (`X, porte-parole de …, ne décolère pas.`).
    (
        "Camille Fournier, porte-parole de l'association, ne décolère pas. « On nous a menti », estime-t-elle.",
        "On nous a menti",
        Direct,
        "elle",
        Some("Camille Fournier"),
    ),
    // … and to the name in apposition to a description, in the same sentence.
    (
        "Le maire de la ville, Paul Lemoine, a voulu calmer le jeu : « Personne ne sera oublié », a-t-il promis.",
        "Personne ne sera oublié",
        Direct,
        "il",
        Some("Paul Lemoine"),
    ),
    // Colon introduction: the subject of the introducing clause speaks, whatever its verb.
    (
        "L'historienne Claire Vasseur, de l'université de Lille, reste prudente : « Rien ne prouve ce lien. »",
        "Rien ne prouve ce lien.",
        Direct,
        "L'historienne Claire Vasseur",
        Some("Claire Vasseur"),
    ),
    // … a bare name before its verb, too.
    (
        "Claire Vasseur reste prudente : « Les archives sont muettes. »",
        "Les archives sont muettes.",
        Direct,
        "Claire Vasseur",
        Some("Claire Vasseur"),
    ),
    // After an elided article the noun's ending gives the gender: `l'avocat` is not the woman
    // who spoke before, and the extractor abstains from naming her.
    (
        "« Justice doit être rendue », a déclaré Mme Nadia Roux. L'avocat a dénoncé « un système opaque ».",
        "un système opaque",
        Partial,
        "L'avocat",
        None,
    ),
    // … nor is `l'avocate` the man who spoke before.
    (
        "« Nous ferons appel », a annoncé M. Paul Girard. L'avocate a dénoncé « une enquête bâclée ».",
        "une enquête bâclée",
        Partial,
        "L'avocate",
        None,
    ),
    // … while a gender that agrees links the description to the last named speaker.
    (
        "« Nous ferons appel », a annoncé M. Paul Girard. L'avocat a dénoncé « une enquête bâclée ».",
        "une enquête bâclée",
        Partial,
        "L'avocat",
        Some("Paul Girard"),
    ),
    // The antecedent of `qui` after an inverted subject is that subject, not the verb before it.
    (
        "\"Nous ferons appel\", a martelé Me Paul Girard, qui dénonce \"une enquête bâclée\".",
        "une enquête bâclée",
        Partial,
        "Me Paul Girard",
        Some("Paul Girard"),
    ),
    // A partial quotation with no cue in a sentence whose named subject opens it: the
    // subject's words, not the previous speaker's.
    (
        "« Le projet est enterré », a regretté le maire. Marie Lenoir, élue du quartier, a savouré « une victoire pour tous les habitants ».",
        "une victoire pour tous les habitants",
        Partial,
        "Marie Lenoir",
        Some("Marie Lenoir"),
    ),
    // A narrative infinitive (`Et d'ajouter :`) has the subject of the sentence before.
    (
        "Le maire, Paul Lemoine, a salué l'accord. Et d'ajouter : « Ce n'est qu'un début. »",
        "Ce n'est qu'un début.",
        Direct,
        "Paul Lemoine",
        Some("Paul Lemoine"),
    ),
    // An impersonal `on` speaks through the circle named after it.
    (
        "« Rien n'est décidé », glisse-t-on dans l'entourage du ministre.",
        "Rien n'est décidé",
        Direct,
        "l'entourage du ministre",
        None,
    ),
    // A name in apposition wins over a description whose capitalised word is an acronym for
    // an organisation (`Le délégué CFDT`), for the pronoun that follows.
    (
        "Le délégué CFDT, Yannick Morvan, ne décolère pas. « On nous a trahis », résume-t-il.",
        "On nous a trahis",
        Direct,
        "il",
        Some("Yannick Morvan"),
    ),
    // An incise whose inverted subject is followed by adverbials splits the quotation.
    (
        "« Nous tiendrons, a lancé le maire devant ses électeurs dimanche soir, et nous gagnerons. »",
        "Nous tiendrons",
        Direct,
        "le maire",
        None,
    ),
    // After a fronted adverbial, the name opening the sentence is the subject, before its two
    // appositions.
    (
        "À Lyon, Claire Vasseur, la présidente de l'association, élue en mars, avait appelé à manifester. « Nous étions des milliers », a-t-elle affirmé.",
        "Nous étions des milliers",
        Direct,
        "elle",
        Some("Claire Vasseur"),
    ),
    // A verb whose subject names nobody (`ce projet relève de`) does not speak: the source
    // opening the sentence (`Pour X,`) does.
    (
        "Pour la présidente de la région, Nadia Ferrand, ce projet relève du « mépris pur et simple ».",
        "mépris pur et simple",
        Partial,
        "Nadia Ferrand",
        Some("Nadia Ferrand"),
    ),
    // `des` after `selon` is the indefinite article, not `de` + `les`: the source is a noun
    // phrase, opening or closing the sentence.
    (
        "Selon des témoins, la manifestation s'est déroulée dans le calme.",
        "la manifestation s'est déroulée dans le calme",
        Indirect,
        "des témoins",
        None,
    ),
    (
        "Le pont sera rouvert à la circulation en juin, selon des sources préfectorales.",
        "Le pont sera rouvert à la circulation en juin",
        Indirect,
        "des sources préfectorales",
        None,
    ),
    // A statement with no cue after a sentence of its paragraph whose subject is named, behind
    // a fronted participle of questioning: that subject speaks, not the last speaker.
    (
        "« Le chantier avance », a assuré Marc Lefèvre. Interrogée sur le calendrier, Julie Marchand s'est montrée réservée. « Rien ne sera tranché avant l'automne. »",
        "Rien ne sera tranché avant l'automne.",
        Direct,
        "Julie Marchand",
        Some("Julie Marchand"),
    ),
    // A participle clause opening a sentence (`Nommé lundi par …,`) is no name: the pronoun
    // of the next quotation goes back to the person the description after it stands for.
    (
        "« Nous tiendrons le cap », a déclaré Hervé Gallien. Nommé lundi par le conseil, l'ancien directeur financier succède à Paul Ravel. « Je suis là pour accélérer », a-t-il ajouté.",
        "Je suis là pour accélérer",
        Direct,
        "il",
        Some("Hervé Gallien"),
    ),
    // A participle coordinated to an earlier one (`a réuni … et promis`) shares its auxiliary
    // and its subject.
    (
        "Le maire a réuni son conseil dans la soirée et promis une « réponse rapide ».",
        "réponse rapide",
        Partial,
        "Le maire",
        None,
    ),
    // With its reflexive pronoun, `exposer` is another verb (`s'exposer à`): the reporting verb
    // before the `que` clause speaks.
    (
        "La ministre Claire Vautrin a averti que le pays s'exposerait à des « sanctions lourdes ».",
        "sanctions lourdes",
        Partial,
        "La ministre Claire Vautrin",
        Some("Claire Vautrin"),
    ),
    // `Selon X,` before a clause with its own reporting verb and `que`: the clause's subject
    // speaks (the source vouches for the report).
    (
        "Selon Matignon, la porte-parole du gouvernement a indiqué à la presse que le texte serait retiré.",
        "le texte serait retiré",
        Indirect,
        "la porte-parole du gouvernement",
        None,
    ),
    // A fronted adverbial of time (`Mercredi soir,`) is passed over: the subject after its
    // comma is the antecedent of the next pronoun, not a capitalised headline before.
    (
        "Procès de Nantes : le verdict attendu\n\nMercredi soir, l'avocate générale, Odile Ferrand, a requis dix ans. « Rien ne justifie ce geste », a-t-elle lancé.",
        "Rien ne justifie ce geste",
        Direct,
        "elle",
        Some("Odile Ferrand"),
    ),
    // One capitalised word opening a headline (`Incendie à Lyon`) is no name: the pronoun finds
    // no antecedent and the extractor abstains.
    ("Incendie à Lyon\n\n« Tout a brûlé en une heure », a-t-il confié.", "Tout a brûlé en une heure", Direct, "il", None),
    // `Des` opening the sentence is the indefinite article of its subject.
    (
        "Des riverains ont affirmé que le chantier commençait avant l'aube.",
        "le chantier commençait avant l'aube",
        Indirect,
        "Des riverains",
        None,
    ),
    // A lapse of time between the inverted verb and its subject.
    (
        "« Le budget sera tenu », a assuré Marc Lefèvre. « Tenu, oui, mais serré », a nuancé quelques minutes plus tard Julie Marchand.",
        "Tenu, oui, mais serré",
        Direct,
        "Julie Marchand",
        Some("Julie Marchand"),
    ),
    (
        "« Rien n'est joué », a ajouté peu après la ministre.",
        "Rien n'est joué",
        Direct,
        "la ministre",
        None,
    ),
    // One name after a plural source is no apposition of it, and the apposition of the
    // clause's subject stays inside the clause.
    (
        "Selon des proches du maire, Paul Morel, son adjoint, pourrait lui succéder.",
        "Paul Morel, son adjoint, pourrait lui succéder",
        Indirect,
        "des proches du maire",
        None,
    ),
    // A capitalised adverb of manner opening a sentence is no name: the pronoun after it
    // refers to the man named before.
    (
        "« Merci à tous », a lancé Paul Morel. Visiblement ému, il a ensuite confié qu'il avait « pensé tout arrêter ».",
        "pensé tout arrêter",
        Partial,
        "il",
        Some("Paul Morel"),
    ),
    // A lead-in before a colon is a label, not the subject: the pronoun after it refers to
    // the subject of the clause after the colon.
    (
        "Pari tenu : la présidente du club, Julie Marchand, a couru le marathon. « J'ai souffert jusqu'au bout », a-t-elle avoué.",
        "J'ai souffert jusqu'au bout",
        Direct,
        "elle",
        Some("Julie Marchand"),
    ),
    // `l'un d'eux` after an inverted verb is its subject, a description of its own.
    (
        "Plusieurs élus ont quitté la salle. « Ce vote est une farce », a taclé l'un d'eux.",
        "Ce vote est une farce",
        Direct,
        "l'un d'eux",
        None,
    ),
    // A statement standing alone, whose owner the next sentence names through a noun of words.
    (
        "« Le chantier avance », a assuré Marc Lefèvre.\n\n« On ne construit pas une ville en un hiver. » La formule revient souvent dans la bouche de Julie Marchand, l'adjointe à l'urbanisme.",
        "On ne construit pas une ville en un hiver.",
        Direct,
        "Julie Marchand",
        Some("Julie Marchand"),
    ),
    (
        "« Nous reviendrons plus forts. » Ces mots sont ceux du capitaine rennais Paul Morel, blessé à la cheville.",
        "Nous reviendrons plus forts.",
        Direct,
        "Paul Morel",
        Some("Paul Morel"),
    ),
];

#[test]
fn constructions() {
    let extractor = QuoteExtractor::new();
    for &(text, quoted, kind, mention, name) in CASES {
        let quotes = extractor.extract(text, &[], &[]);
        let q = quotes.iter().find(|q| &text[q.span.range()] == quoted);
        let got: Vec<(&str, QuoteKind, Option<&str>)> = quotes
            .iter()
            .map(|q| (&text[q.span.range()], q.kind, q.speaker.as_ref().map(|s| &text[s.span.range()])))
            .collect();
        let q = q.unwrap_or_else(|| panic!("input {text:?}: expected quote {quoted:?}, got {got:?}"));
        assert_eq!(q.kind, kind, "input {text:?}: kind");
        let s = q.speaker.as_ref().unwrap_or_else(|| panic!("input {text:?}: no speaker, got {got:?}"));
        assert_eq!(&text[s.span.range()], mention, "input {text:?}: speaker mention");
        assert_eq!(s.name.as_deref(), name, "input {text:?}: resolved name");
        // Every span slices the input.
        assert!(q.cue.as_ref().map_or(true, |c| c.span.get(text).is_some()));
    }
}

// (text, quoted words that must not be reported) — titles, slogans, scare quotes.
const NOT_QUOTES: &[(&str, &str)] = &[
    ("Il l'a confié au « Parisien » dimanche.", "Parisien"), // newspaper after au
    ("Le film « Intouchables » ressort en salles.", "Intouchables"), // film title
    ("L'opération « Barkhane » a pris fin en 2022.", "Barkhane"), // operation name
    ("Ce « séisme » politique inquiète la majorité.", "séisme"), // scare quote, no cue
    ("Les manifestants scandaient le slogan « on ne lâche rien ».", "on ne lâche rien"), // slogan
    ("Elle a lu “Le Monde” ce matin.", "Le Monde"),          // newspaper after a determiner-like verb object
    ("C'est aujourd'hui l'heure d'y aller.", "heure"),       // apostrophes are not quotes
    // A title followed by its publication details in brackets.
    (
        "Le prix est allé à Paul Durand pour « Les Heures creuses de la ville » (Gallimard).",
        "Les Heures creuses de la ville",
    ),
    // A title followed by its author's first name and surname.
    (
        "Révélé par « Le Chant des marées et la Ville », d'Amélie Sorel, il tourne encore.",
        "Le Chant des marées et la Ville",
    ),
];

#[test]
fn not_quotations() {
    let extractor = QuoteExtractor::new();
    for &(text, words) in NOT_QUOTES {
        let quotes = extractor.extract(text, &[], &[]);
        let got: Vec<&str> = quotes.iter().map(|q| &text[q.span.range()]).collect();
        assert!(!got.iter().any(|g| g.contains(words)), "input {text:?}: {words:?} reported; got {got:?}");
    }
}

#[test]
fn split_quote_has_one_speaker() {
    let text = "« Ce vote est une victoire, a estimé Clémence Guetté, mais le combat continue. »";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(&text[q[0].span.range()], "Ce vote est une victoire");
    assert_eq!(&text[q[1].span.range()], "mais le combat continue.");
    assert_eq!(q[0].other_half, Some(1));
    assert_eq!(q[1].other_half, Some(0));
    for x in &q {
        assert_eq!(x.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Clémence Guetté"));
    }
}

#[test]
fn multi_paragraph_quotation_is_one() {
    let text = "La ministre a détaillé son plan : « D'abord, nous simplifierons.\n\n« Ensuite, nous investirons.\n\n« Enfin, nous évaluerons. »\n\nLa séance a été levée.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        &text[q[0].span.range()],
        "D'abord, nous simplifierons.\n\n« Ensuite, nous investirons.\n\n« Enfin, nous évaluerons."
    );
    assert_eq!(q[0].marks.len(), 4);
}

#[test]
fn continuation_has_lower_confidence() {
    let text = "« Nous ne reculerons pas », a déclaré Fabien Roussel. « La bataille ne fait que commencer. »";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 2, "{q:?}");
    let (a, b) = (&q[0], &q[1]);
    assert_eq!(b.speaker.as_ref().map(|s| s.resolution), Some(Resolution::Continuation));
    assert_eq!(b.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Fabien Roussel"));
    assert!(b.confidence < a.confidence, "{} !< {}", b.confidence, a.confidence);
}

#[test]
fn abstains_without_speaker() {
    let text = "Le texte a été adopté.\n\n« Une page se tourne. »";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn mentions_resolve_roles_and_pronouns() {
    let text = "Le président russe a appelé Donald Trump. « La coopération est possible », a-t-il dit.";
    let mentions = [
        MentionRef {
            span: Span::new(0, 19),
            kind: EntityKind::Person,
            entity_id: Some("vladimir-poutine"),
            name: Some("Vladimir Poutine"),
            gender: Some(Gender::Masculine),
            nominal: true,
        },
        MentionRef {
            span: Span::new(30, 42),
            kind: EntityKind::Person,
            entity_id: Some("donald-trump"),
            name: Some("Donald Trump"),
            gender: Some(Gender::Masculine),
            nominal: false,
        },
    ];
    assert_eq!(&text[mentions[0].span.range()], "Le président russe");
    assert_eq!(&text[mentions[1].span.range()], "Donald Trump");
    let q = QuoteExtractor::new().extract(text, &[], &mentions);
    let s = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(&text[s.span.range()], "il");
    assert_eq!(s.resolution, Resolution::Pronoun);
    // Without a subject speaking before, the pronoun takes the last person named as a subject:
    // none here spoke, so the extractor abstains from naming a referent rather than guessing.
    assert!(s.entity_id.is_none() || s.entity_id.as_deref() == Some("vladimir-poutine"));
}

#[test]
fn demonstratives_name_the_person_named_last() {
    fn person(text: &str, name: &'static str, gender: Gender) -> MentionRef<'static> {
        let start = text.find(name).expect("name in text");
        MentionRef {
            span: Span::new(start, start + name.len()),
            kind: EntityKind::Person,
            entity_id: None,
            name: Some(name),
            gender: Some(gender),
            nominal: false,
        }
    }
    // `Celle-ci` is the woman named last, not the man named after her.
    let text = "Angela Merkel a reçu Emmanuel Macron. Celle-ci a salué « un signal important ».";
    let mentions =
        [person(text, "Angela Merkel", Gender::Feminine), person(text, "Emmanuel Macron", Gender::Masculine)];
    let q = QuoteExtractor::new().extract(text, &[], &mentions);
    let s = q[0].speaker.as_ref().unwrap_or_else(|| panic!("input {text:?}: no speaker"));
    assert_eq!(&text[s.span.range()], "Celle-ci", "input {text:?}");
    assert_eq!(s.name.as_deref(), Some("Angela Merkel"), "input {text:?}");
    // `Ce dernier`, the subject of its sentence, is then who a pronoun refers to.
    let text = "Le maire a reçu Paul Girard. Ce dernier a obtenu un délai. « Nous tiendrons parole », a-t-il déclaré.";
    let mentions = [person(text, "Paul Girard", Gender::Masculine)];
    let q = QuoteExtractor::new().extract(text, &[], &mentions);
    let s = q[0].speaker.as_ref().unwrap_or_else(|| panic!("input {text:?}: no speaker"));
    assert_eq!(&text[s.span.range()], "il", "input {text:?}");
    assert_eq!(s.name.as_deref(), Some("Paul Girard"), "input {text:?}");
}

#[test]
fn impersonal_on_without_a_circle_names_nobody() {
    // Not the previous speaker by continuation: `on` names nobody.
    let text = "« Le budget sera tenu », a promis Paul Lemoine. « Rien n'est décidé », glisse-t-on.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    let q = q.iter().find(|q| &text[q.span.range()] == "Rien n'est décidé").expect("quotation found");
    assert!(q.speaker.is_none(), "input {text:?}: {:?}", q.speaker);
}

#[test]
fn user_verbs() {
    let e = QuoteExtractor::builder().verb("pester", "er", "qdi").build().expect("valid verb");
    let text = "« Encore un retard », peste le maire.";
    let q = e.extract(text, &[], &[]);
    assert_eq!(q[0].cue.as_ref().map(|c| c.lemma.as_str()), Some("pester"));
    assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.range()]), Some("le maire"));
    assert!(QuoteExtractor::builder().verb("pester", "ir", "q").build().is_err());
}

#[test]
fn sentences_from_the_caller_are_used() {
    let text = "Le ministre a déclaré : « Oui. » Puis il est parti.";
    let sentences = [Span::new(0, 31), Span::new(32, 51)];
    let q = QuoteExtractor::new().extract(text, &sentences, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.range()]), Some("Le ministre"));
}

// (text, quoted words, speaker mention, resolved name) — constructions added after the
// held-out articles; each row names the rule it pins.
const MORE: &[(&str, &str, &str, Option<&str>)] = &[
    // A fronted adverbial of ten words before the subject of a sentence with no reporting verb.
    (
        "Au bout de la rue de l'Eglise, Gérard Lefebvre, retraité, contemple les sacs. Il dit avoir « appris à vivre avec la peur ».",
        "appris à vivre avec la peur",
        "Il",
        Some("Gérard Lefebvre"),
    ),
    // A verb coordinated after a completive clause shares the main verb's subject, not the
    // subject of the completive's own verb (`que l'Etat serait … et a annoncé`).
    (
        "Le préfet, Jacques Billant, est arrivé mardi après-midi. Il a assuré que l'Etat serait « aux côtés des sinistrés » et a annoncé que la procédure serait engagée.",
        "aux côtés des sinistrés",
        "Il",
        Some("Jacques Billant"),
    ),
    // The subject of a sentence with no reporting verb, for a later pronoun: a determiner and
    // a title before the name; a fronted present participle or adjective of presence.
    (
        "Le ministre Yannick Neuder a émis un avis. « Le statu quo n'est plus tenable », a-t-il assuré.",
        "Le statu quo n'est plus tenable",
        "il",
        Some("Yannick Neuder"),
    ),
    (
        "Présent au banc du gouvernement, le ministre Yannick Neuder a émis un avis. « Rien n'est joué », a-t-il assuré.",
        "Rien n'est joué",
        "il",
        Some("Yannick Neuder"),
    ),
    (
        "Défendant la motion, la sénatrice Martine Rouquier a pris la parole. « Ce texte est vide », a-t-elle lancé.",
        "Ce texte est vide",
        "elle",
        Some("Martine Rouquier"),
    ),
    // A parenthetical after a name (party, département, acronym) stands between the name and
    // its verb or apposition: it is passed over.
    (
        "Henri Castagné (LR, Lot) a déclaré : « Nous ne voulons rien imposer. »",
        "Nous ne voulons rien imposer.",
        "Henri Castagné",
        Some("Henri Castagné"),
    ),
    (
        "Le rapporteur, Henri Castagné (LR, Lot), a déclaré : « Nous ne voulons rien imposer. »",
        "Nous ne voulons rien imposer.",
        "Henri Castagné",
        Some("Henri Castagné"),
    ),
    (
        "Martine Rouquier (CRCE-K) a défendu la motion. « Ce texte est une occasion manquée », a-t-elle lancé.",
        "Ce texte est une occasion manquée",
        "elle",
        Some("Martine Rouquier"),
    ),
    // A name after a fronted adverbial, with no reporting verb, is the subject a later pronoun
    // refers to (`Jeudi,`, `D'ici là,`).
    (
        "Le film sortira en mai. Jeudi, Claire Vidal le présentera à Lyon. « Je suis émue », confie-t-elle.",
        "Je suis émue",
        "elle",
        Some("Claire Vidal"),
    ),
    (
        "Le film sortira en mai. D’ici là, Claire Vidal le présentera à Lyon. « Je suis émue », confie-t-elle.",
        "Je suis émue",
        "elle",
        Some("Claire Vidal"),
    ),
    // selon + stressed pronoun.
    ("Rachida Dati a pris la parole. « Tout est prêt », selon elle.", "Tout est prêt", "elle", Some("Rachida Dati")),
    // A dative between the inverted verb and its subject.
    (
        "« Nous négocions encore », a confié à l'AFP le porte-parole du syndicat.",
        "Nous négocions encore",
        "le porte-parole du syndicat",
        None,
    ),
    // A bare noun phrase before the colon.
    (
        "Le ministre de l'Intérieur : « Aucune zone ne sera abandonnée. »",
        "Aucune zone ne sera abandonnée.",
        "Le ministre de l'Intérieur",
        None,
    ),
    // The quotation in the paragraph after a sentence ending with a colon.
    // An incise inside one pair of marks, opened by an object pronoun, with a name in
    // apposition to its subject: the quotation is split around it.
    (
        "« Nous partageons votre inquiétude, lui a répondu la ministre, Claire Morel. Mais la loi ne suffira pas. »",
        "Mais la loi ne suffira pas.",
        "Claire Morel",
        Some("Claire Morel"),
    ),
    // `Pour X,` then a bare noun's phrase in apposition to X (no clause opens on a bare noun).
    (
        "Pour la géographe Anne Morel, professeure à l'université de Caen, la digue ne tiendra pas.",
        "la digue ne tiendra pas",
        "la géographe Anne Morel",
        Some("Anne Morel"),
    ),
    // A fronted adverbial opening the reported clause: its comma is no boundary.
    (
        "Le chercheur rappelle qu'il y a vingt ans, la crue n'atteignait jamais ce niveau.",
        "il y a vingt ans, la crue n'atteignait jamais ce niveau",
        "Le chercheur",
        None,
    ),
    // `Selon X,` then a participle's phrase in apposition to X: the reported clause follows it.
    (
        "Selon l'ONG, basée à Londres, des combattants ont attaqué un poste avant l'aube.",
        "des combattants ont attaqué un poste avant l'aube",
        "l'ONG",
        Some("ONG"),
    ),
    (
        "Le préfet Jean Martin a ajouté :\n\n« Les routes resteront fermées jusqu'à lundi. »",
        "Les routes resteront fermées jusqu'à lundi.",
        "Le préfet Jean Martin",
        Some("Jean Martin"),
    ),
];

#[test]
fn more_constructions() {
    let extractor = QuoteExtractor::new();
    for &(text, quoted, mention, name) in MORE {
        let quotes = extractor.extract(text, &[], &[]);
        let got: Vec<(&str, Option<&str>)> =
            quotes.iter().map(|q| (&text[q.span.range()], q.speaker.as_ref().map(|s| &text[s.span.range()]))).collect();
        let q = quotes
            .iter()
            .find(|q| &text[q.span.range()] == quoted)
            .unwrap_or_else(|| panic!("input {text:?}: expected {quoted:?}, got {got:?}"));
        let s = q.speaker.as_ref().unwrap_or_else(|| panic!("input {text:?}: no speaker, got {got:?}"));
        assert_eq!(&text[s.span.range()], mention, "input {text:?}: speaker mention");
        assert_eq!(s.name.as_deref(), name, "input {text:?}: resolved name");
    }
}

/// The reported clause ends at a comma that opens a clause of its own, but runs on through a
/// last adjunct opened by a preposition (no comma, quotation or reporting word after it).
#[test]
fn indirect_runs_through_a_last_adjunct() {
    let extractor = QuoteExtractor::new();
    let text = "Le président de l'agence a rappelé que le vaccin restait réservé aux soignants, \
                après la pause décidée au printemps. La décision suivra.";
    let q = extractor.extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        &text[q[0].span.range()],
        "le vaccin restait réservé aux soignants, après la pause décidée au printemps"
    );
    // A clause of its own after the comma still ends it.
    let text = "Le maire a assuré que l'école rouvrirait, mais les parents restent inquiets.";
    let q = extractor.extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(&text[q[0].span.range()], "l'école rouvrirait");
    // So does an adjunct followed by another reporting clause.
    let text = "Le maire a assuré que l'école rouvrirait, après les travaux, a précisé son adjoint.";
    let q = extractor.extract(text, &[], &[]);
    assert!(q.iter().all(|q| !text[q.span.range()].contains("travaux")), "{q:?}");
}

/// A reporting verb that governs a `que` clause and then a quotation introduced later in the
/// sentence gives both; a quotation hanging on another verb leaves the sentence to itself.
#[test]
fn indirect_and_quotation_of_one_verb() {
    let extractor = QuoteExtractor::new();
    let text = "L'entraîneur a reconnu que son équipe avait douté, avant de saluer son groupe : \
                « Personne ne nous attendait ici. »";
    let q = extractor.extract(text, &[], &[]);
    let got: Vec<(&str, QuoteKind)> = q.iter().map(|q| (&text[q.span.range()], q.kind)).collect();
    assert_eq!(
        got,
        [("son équipe avait douté", QuoteKind::Indirect), ("Personne ne nous attendait ici.", QuoteKind::Direct)]
    );
    let text = "Le député avait écrit que le décret était prêt, mais le ministre a déclaré qu'il était « trop tôt ».";
    let q = extractor.extract(text, &[], &[]);
    let got: Vec<&str> = q.iter().map(|q| &text[q.span.range()]).collect();
    assert_eq!(got, ["trop tôt"]);
}

#[test]
fn indirect_after_a_dative() {
    // A dative between the reporting verb and `que`.
    let text = "Le ministre a déclaré jeudi à l'AFP que la réforme serait votée avant l'été.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(&text[q[0].span.range()], "la réforme serait votée avant l'été");
    assert_eq!(q[0].kind, QuoteKind::Indirect);
    assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.range()]), Some("Le ministre"));
    // A relative `que` after an object is not reported speech.
    let text = "Le maire a annoncé la fermeture de l'usine que la région finançait.";
    assert!(QuoteExtractor::new().extract(text, &[], &[]).is_empty());
}

#[test]
fn indirect_closed_by_an_inverted_verb_alone() {
    // The only sentence of its paragraph: reported speech closed by `, a annoncé X.`
    let text = "Le trafic a repris normalement sur la ligne, a annoncé la SNCF.\n\nLa suite demain.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(&text[q[0].span.range()], "Le trafic a repris normalement sur la ligne");
    assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.range()]), Some("la SNCF"));
}

#[test]
fn indirect_closed_by_an_inverted_verb_after_any_finite_verb() {
    // The clause before the comma has a verb that reports nothing (a future, a negation):
    // still a clause, not a subject with its apposition.
    const CASES: &[(&str, &str, &str)] = &[
        // Future third person plural.
        (
            "Les usines rouvriront progressivement dès la fin du mois, a précisé un porte-parole du groupe.",
            "Les usines rouvriront progressivement dès la fin du mois",
            "un porte-parole du groupe",
        ),
        // A copula, and the writer's comment after the inverted subject.
        (
            "Dans l'Ouest, la hausse des loyers reste modérée, a indiqué l'observatoire, grâce à la construction neuve.",
            "Dans l'Ouest, la hausse des loyers reste modérée",
            "l'observatoire",
        ),
        // Negation around a verb unknown to the lexicons.
        (
            "La France ne participera pas à cette mission, a indiqué un diplomate sous couvert d'anonymat.",
            "La France ne participera pas à cette mission",
            // The subject ends before a manner adverbial.
            "un diplomate",
        ),
        // `a-t-on appris auprès de X` (a day between them): the impersonal `on` learned the
        // clause from X, who speaks.
        (
            "La mairie a retiré son permis de construire, a-t-on appris mardi auprès de la préfecture.",
            "La mairie a retiré son permis de construire",
            "la préfecture",
        ),
        // `auprès des X`: the source keeps its `des`.
        (
            "Le festival a affiché complet pour la troisième année, a-t-on appris auprès des organisateurs.",
            "Le festival a affiché complet pour la troisième année",
            "des organisateurs",
        ),
    ];
    for &(text, clause, speaker) in CASES {
        let q = QuoteExtractor::new().extract(text, &[], &[]);
        assert_eq!(q.len(), 1, "input {text:?}: {q:?}");
        assert_eq!(&text[q[0].span.range()], clause, "input {text:?}");
        assert_eq!(q[0].kind, Indirect, "input {text:?}");
        assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.range()]), Some(speaker), "input {text:?}");
    }
    // A single quoted word inside the clause: the clause is the reported speech.
    let text = "Un accord « historique » sera signé lundi, a annoncé le ministère.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "input {text:?}: {q:?}");
    assert_eq!(&text[q[0].span.range()], "Un accord « historique » sera signé lundi", "input {text:?}");
    assert_eq!(q[0].kind, Indirect, "input {text:?}");
    // A trailing `d'après X` with an apposition after the name.
    let text = "Les travaux dureront deux ans, d'après Anne Dupont, architecte de la ville.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "input {text:?}: {q:?}");
    assert_eq!(&text[q[0].span.range()], "Les travaux dureront deux ans", "input {text:?}");
    assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.range()]), Some("Anne Dupont"), "input {text:?}");
    // A trailing source with an acronym in brackets and a relative clause on it.
    let text =
        "Le chantier durera deux ans, selon la Société du Grand Paris (SGP), dont le directeur doit s'exprimer lundi.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "input {text:?}: {q:?}");
    assert_eq!(&text[q[0].span.range()], "Le chantier durera deux ans", "input {text:?}");
    assert_eq!(
        q[0].speaker.as_ref().map(|s| &text[s.span.range()]),
        Some("la Société du Grand Paris"),
        "input {text:?}"
    );
    // A subject and its apposition before the comma are not a clause.
    let text = "Le directeur du site, Marc Olivier, a annoncé la fermeture.";
    assert!(QuoteExtractor::new().extract(text, &[], &[]).is_empty(), "input {text:?}");
}

#[test]
fn indirect_after_a_channel() {
    // A channel between the reporting verb and `que`.
    let text = "Le Kremlin a indiqué dans un communiqué que les discussions reprendraient lundi.";
    let q = QuoteExtractor::new().extract(text, &[], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(&text[q[0].span.range()], "les discussions reprendraient lundi");
    assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.range()]), Some("Le Kremlin"));
}

/// A mention that starts inside a noun phrase and runs past its end is the phrase's head: `La
/// Palme d'or` (an event) opening a sentence is no person for a later `elle`.
#[test]
fn mention_running_past_the_phrase() {
    let text =
        "Julie Morel présente son film. La Palme d’or est revenue à un autre. « J’y crois encore », confie-t-elle.";
    let start = text.find("Palme").unwrap_or(0);
    let mentions = [
        MentionRef {
            span: Span::new(0, "Julie Morel".len()),
            kind: EntityKind::Person,
            entity_id: None,
            name: Some("Julie Morel"),
            gender: Some(Gender::Feminine),
            nominal: false,
        },
        MentionRef {
            span: Span::new(start, start + "Palme d’or".len()),
            kind: EntityKind::Event,
            entity_id: Some("palme-d-or"),
            name: Some("Palme d'or"),
            gender: None,
            nominal: false,
        },
    ];
    let q = QuoteExtractor::new().extract(text, &[], &mentions);
    let got = q.iter().find(|q| &text[q.span.range()] == "J’y crois encore");
    let name = got.and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref());
    assert_eq!(name, Some("Julie Morel"), "input {text:?}: {q:?}");
}

/// A person's name after a complement that ends on a proper noun is in apposition to the
/// title (`la sénatrice du Val-de-Marne Martine Rouquier`); after a bare `de`, it is the
/// complement (`le fils de Jean Dupont` is not Jean Dupont).
#[test]
fn name_after_a_complement_ending_on_a_proper_noun() {
    let person = |text: &str, name: &'static str| {
        let start = text.find(name).unwrap_or(0);
        MentionRef {
            span: Span::new(start, start + name.len()),
            kind: EntityKind::Person,
            entity_id: None,
            name: Some(name),
            gender: None,
            nominal: false,
        }
    };
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "La sénatrice du Val-de-Marne Martine Rouquier a déclaré : « Ce texte est vide. »",
            "Martine Rouquier",
            Some("Martine Rouquier"),
        ),
        (
            "Le maire de Lyon Grégory Doucet a déclaré : « Ce texte est vide. »",
            "Grégory Doucet",
            Some("Grégory Doucet"),
        ),
        ("Le fils de Jean Dupont a déclaré : « Ce texte est vide. »", "Jean Dupont", None),
    ];
    for &(text, name, want) in rows {
        let q = QuoteExtractor::new().extract(text, &[], &[person(text, name)]);
        let got = q.first().and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref());
        assert_eq!(got, want, "input {text:?}: {q:?}");
    }
}
