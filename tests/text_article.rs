//! A whole scraped article, written for this test in the style of a regional daily relaying an
//! AFP dispatch: headline, standfirst, dateline, caption and credit, quotations with incises,
//! bullets, abbreviations, numbers. Every sentence and paragraph is pinned.

use depeche::text::{paragraphs, sentences, tokens, TokenKind};

const ARTICLE: &str = "\
Réforme des retraites : le gouvernement engage sa responsabilité\n\
\n\
La Première ministre a annoncé le recours au 49.3 jeudi, à l’issue d’une matinée de tractations.\n\
\n\
PARIS, 16 mars 2023 (AFP) - Mme Borne a engagé jeudi la responsabilité de son gouvernement sur la réforme des retraites, en vertu de l’art. 49 al. 3 de la Constitution. « Nous ne pouvons pas prendre le risque de voir 175 heures de débat parlementaire s’effondrer », a-t-elle déclaré devant les députés, sous les huées.\n\
La photo de l’hémicycle lors du discours. © Photo AFP\n\
Les oppositions ont aussitôt annoncé le dépôt de motions de censure. « C’est un aveu de faiblesse ! », a lancé un député LFI. M. Ciotti, président des Républicains, a laissé entendre que son groupe ne voterait pas de motion.\n\
\n\
Les principales mesures du texte :\n\
- recul de l’âge légal de 62 à 64 ans\n\
- accélération de la réforme Touraine\n\
\n\
Faut-il s’attendre à une dissolution\u{202F}? « Non », a répondu le porte-parole du gouvernement, qui a jugé l’hypothèse « prématurée ». Le texte sera considéré comme adopté si aucune motion n’obtient la majorité absolue, soit 287 voix.\n\
Selon un sondage publié mercredi, 68\u{A0}% des Français désapprouvent le recours à cet article... Les syndicats appellent à une nouvelle journée de mobilisation le 23 mars.";

const SENTENCES: &[(&str, usize)] = &[
    ("Réforme des retraites : le gouvernement engage sa responsabilité", 0),
    ("La Première ministre a annoncé le recours au 49.3 jeudi, à l’issue d’une matinée de tractations.", 1),
    (
        "PARIS, 16 mars 2023 (AFP) - Mme Borne a engagé jeudi la responsabilité de son gouvernement sur la réforme des retraites, en vertu de l’art. 49 al. 3 de la Constitution.",
        2,
    ),
    (
        "« Nous ne pouvons pas prendre le risque de voir 175 heures de débat parlementaire s’effondrer », a-t-elle déclaré devant les députés, sous les huées.",
        2,
    ),
    ("La photo de l’hémicycle lors du discours.", 3),
    ("© Photo AFP", 3),
    ("Les oppositions ont aussitôt annoncé le dépôt de motions de censure.", 4),
    ("« C’est un aveu de faiblesse ! », a lancé un député LFI.", 4),
    ("M. Ciotti, président des Républicains, a laissé entendre que son groupe ne voterait pas de motion.", 4),
    ("Les principales mesures du texte :", 5),
    ("- recul de l’âge légal de 62 à 64 ans", 6),
    ("- accélération de la réforme Touraine", 7),
    ("Faut-il s’attendre à une dissolution\u{202F}?", 8),
    ("« Non », a répondu le porte-parole du gouvernement, qui a jugé l’hypothèse « prématurée ».", 8),
    (
        "Le texte sera considéré comme adopté si aucune motion n’obtient la majorité absolue, soit 287 voix.",
        8,
    ),
    ("Selon un sondage publié mercredi, 68\u{A0}% des Français désapprouvent le recours à cet article...", 9),
    ("Les syndicats appellent à une nouvelle journée de mobilisation le 23 mars.", 9),
];

#[test]
fn article_sentences() {
    let got: Vec<(&str, usize)> = sentences(ARTICLE).iter().map(|s| (s.text(ARTICLE), s.paragraph)).collect();
    for (i, (g, w)) in got.iter().zip(SENTENCES).enumerate() {
        assert_eq!(g, w, "sentence {i}: expected {w:?}, got {g:?}");
    }
    assert_eq!(got.len(), SENTENCES.len(), "sentence count: expected {SENTENCES:#?}, got {got:#?}");
}

#[test]
fn article_paragraphs() {
    let p = paragraphs(ARTICLE);
    assert_eq!(p.len(), 10, "paragraphs: got {:#?}", p.iter().map(|s| &ARTICLE[s.range()]).collect::<Vec<_>>());
    assert_eq!(&ARTICLE[p[5].range()], "Les principales mesures du texte :");
}

#[test]
fn article_tokens() {
    let t: Vec<_> = tokens(ARTICLE).collect();
    let count = |k: TokenKind| t.iter().filter(|x| x.kind == k).count();
    // Two inverted clitics: a-t-elle, Faut-il.
    assert_eq!(count(TokenKind::Clitic), 2, "clitics");
    // l’issue, d’une, l’art., s’effondrer, l’hémicycle, C’est, l’âge, s’attendre, l’hypothèse, n’obtient.
    assert_eq!(count(TokenKind::Elision), 10, "elisions");
    // One blank line between each of the first paragraphs and the bullet block: four.
    assert_eq!(count(TokenKind::ParagraphBreak), 4, "paragraph breaks");
    let numbers: Vec<&str> = t.iter().filter(|x| x.kind == TokenKind::Number).map(|x| x.text(ARTICLE)).collect();
    assert_eq!(numbers, ["49.3", "16", "2023", "49", "3", "175", "62", "64", "287", "68", "23"], "numbers");
}
