//! The temporal layer against tables of French sentences written for these tests, each resolved
//! against its own reference date (year ends, leap days, the reference falling on the weekday
//! named).

use depeche::temporal::{Anchor, DateResolver, Grain, Modifier, Period, Prefer, Value};
use depeche::{Date, Span};

const T: Prefer = Prefer::Tense;

/// (text, reference, prefer, expected [(span text, TIMEX3 value, modifier)]).
type Case = (&'static str, &'static str, Prefer, &'static [(&'static str, &'static str, Option<&'static str>)]);

const CASES: &[Case] = &[
    // day and month, year from the reference; the publication day itself
    ("Le décret a été publié le 28 janvier.", "2017-01-28", T, &[("le 28 janvier", "2017-01-28", None)]),
    // past tense: the most recent Monday, the publication day included
    ("Les deux dirigeants ont convenu lundi de se reparler.", "2016-11-14", T, &[("lundi", "2016-11-14", None)]),
    // futur simple: the next Thursday
    ("Le président se rendra jeudi à Berlin.", "2016-11-14", T, &[("jeudi", "2016-11-17", None)]),
    // futur simple on the weekday named: the next one, not the publication day
    ("La ministre se rendra lundi à Madrid.", "2016-11-14", T, &[("lundi", "2016-11-21", None)]),
    // futur proche
    ("Le conseil va examiner le texte mercredi.", "2016-11-14", T, &[("mercredi", "2016-11-16", None)]),
    // Prefer overrides the tense
    ("La ministre se rendra lundi à Madrid.", "2016-11-14", Prefer::Past, &[("lundi", "2016-11-14", None)]),
    ("Ils ont parlé lundi.", "2016-11-14", Prefer::Future, &[("lundi", "2016-11-21", None)]),
    // weekday + day + month agree: the year of the reference
    ("Le président avait tweeté jeudi 26 janvier.", "2017-01-28", T, &[("jeudi 26 janvier", "2017-01-26", None)]),
    // the weekday picks the year: 26 January 2017 is a Thursday, seen from the year before
    ("Le texte sera examiné jeudi 26 janvier.", "2016-12-31", T, &[("jeudi 26 janvier", "2017-01-26", None)]),
    // the weekday picks the year: 26 January was a Tuesday in 2016
    ("Elle était venue mardi 26 janvier.", "2017-01-28", T, &[("mardi 26 janvier", "2016-01-26", None)]),
    // ordinal day and year
    (
        "La loi est entrée en vigueur le 1er février 2017.",
        "2017-03-01",
        T,
        &[("le 1er février 2017", "2017-02-01", None)],
    ),
    // abbreviated month
    ("Match reporté au 14 avr 2018.", "2018-01-01", T, &[("14 avr 2018", "2018-04-14", None)]),
    // numeric dates, day first
    (
        "Arrêté du 12/05/2016 et circulaire du 05.09.2015.",
        "2017-01-01",
        T,
        &[("12/05/2016", "2016-05-12", None), ("05.09.2015", "2015-09-05", None)],
    ),
    // month and year
    ("Les travaux ont commencé en mai 2017.", "2018-01-01", T, &[("mai 2017", "2017-05", None)]),
    // years after "en" and "de"
    ("Le mur est tombé en 1989.", "2017-01-01", T, &[("1989", "1989", None)]),
    ("La loi de 1905 sépare les Églises et l'État.", "2017-01-01", T, &[("1905", "1905", None)]),
    // a full historical date
    ("La Bastille fut prise le 14 juillet 1789.", "2017-01-01", T, &[("le 14 juillet 1789", "1789-07-14", None)]),
    // relative days across the year end
    (
        "Il est parti hier, elle arrive demain et lui après-demain.",
        "2016-12-31",
        T,
        &[("hier", "2016-12-30", None), ("demain", "2017-01-01", None), ("après-demain", "2017-01-02", None)],
    ),
    (
        "Avant-hier, aujourd'hui : rien n'a changé.",
        "2016-03-01",
        T,
        &[("Avant-hier", "2016-02-28", None), ("aujourd'hui", "2016-03-01", None)],
    ),
    // "ce lundi" on a Monday is that day
    ("Le président a parlé ce lundi.", "2016-11-14", T, &[("ce lundi", "2016-11-14", None)]),
    // dernier / prochain exclude the reference day
    (
        "Il a démissionné lundi dernier, elle partira lundi prochain.",
        "2016-11-14",
        T,
        &[("lundi dernier", "2016-11-07", None), ("lundi prochain", "2016-11-21", None)],
    ),
    // weeks, months, years relative to the reference
    (
        "La semaine dernière et cette semaine.",
        "2016-11-14",
        T,
        &[("La semaine dernière", "2016-W45", None), ("cette semaine", "2016-W46", None)],
    ),
    ("Le mois prochain, tout changera.", "2016-12-31", T, &[("Le mois prochain", "2017-01", None)]),
    (
        "L'an dernier comme l'année prochaine.",
        "2017-01-28",
        T,
        &[("L'an dernier", "2016", None), ("l'année prochaine", "2018", None)],
    ),
    // il y a … across a leap day
    ("Il a été arrêté il y a trois jours.", "2016-03-01", T, &[("il y a trois jours", "2016-02-27", None)]),
    // il y a N ans, far back: a year, approximate
    ("Une amitié qui a commencé il y a 200 ans.", "2016-11-14", T, &[("il y a 200 ans", "1816", Some("approx"))]),
    // il y a N ans, close: still the year the article counts in, approximate
    ("Le club a été racheté il y a deux ans.", "2024-01-10", T, &[("il y a deux ans", "2022", Some("approx"))]),
    ("Elle avait été élue il y a un an.", "2025-03-14", T, &[("il y a un an", "2024", Some("approx"))]),
    // dans N ans: the same reading forward
    ("Le chantier s'achèvera dans trois ans.", "2016-11-07", T, &[("dans trois ans", "2019", Some("approx"))]),
    // dans / il y a N mois: the month, approximate (the article counts in months)
    ("Les travaux débuteront dans deux mois.", "2025-01-29", T, &[("dans deux mois", "2025-03", Some("approx"))]),
    ("Il a été élu il y a trois mois.", "2025-01-31", T, &[("il y a trois mois", "2024-10", Some("approx"))]),
    // "premier" spelled out is a day before its month
    ("La trêve commence le premier mars.", "2024-02-10", T, &[("le premier mars", "2024-03-01", None)]),
    // ... and not before "ministre": the weekday alone is the date
    ("Il a été nommé mardi Premier ministre.", "2024-01-10", T, &[("mardi", "2024-01-09", None)]),
    // "depuis" + month looks back, whatever the tense of the verb
    ("Le roman est en tête des ventes depuis septembre.", "2021-11-04", T, &[("depuis septembre", "2021-09", Some("after"))]),
    ("Le roman sera en tête des ventes depuis septembre.", "2021-11-04", T, &[("depuis septembre", "2021-09", Some("after"))]),
    // "d'ici" + weekday looks forward, even after a past participle
    ("Un accord est attendu d'ici mercredi.", "2017-06-20", T, &[("d'ici mercredi", "2017-06-21", Some("before"))]),
    // "à partir de", "jusqu'à" + weekday in a sentence with no tense: forward
    ("Les agriculteurs menacent de bloquer Paris à partir de lundi.", "2024-01-26", T,
        &[("à partir de lundi", "2024-01-29", Some("after"))]),
    ("La grève se poursuit jusqu'à mardi.", "2024-01-26", T, &[("jusqu'à mardi", "2024-01-30", Some("before"))]),
    // ... and back when the verb is past
    ("Ils ont bloqué la route à partir de lundi.", "2024-01-26", T, &[("à partir de lundi", "2024-01-22", Some("after"))]),
    // no tense between the quotation marks around the weekday: the clause across them decides
    ("La SNCF prévoit un trafic « très perturbé » mardi.", "2023-02-06", T, &[("mardi", "2023-02-07", None)]),
    // ... while the verb of a quotation does not decide for the narrative around it
    ("« Nous irons à Berlin », a déclaré lundi le ministre.", "2016-11-14", T, &[("lundi", "2016-11-14", None)]),
    // a holiday word at the end of a hyphenated first name is no date
    ("Jean-Noël Barrot a reçu jeudi son homologue.", "2024-03-15", T, &[("jeudi", "2024-03-14", None)]),
    // a holiday word as a first name before a surname is no date, Noël with a comma is
    ("Noël Mamère a voté contre. À Noël, la trêve sera respectée.", "2024-11-02", T,
        &[("Noël", "2024-12-25", None)]),
    // dans N semaines
    ("Le verdict tombera dans deux semaines.", "2016-12-31", T, &[("dans deux semaines", "2017-01-14", None)]),
    // open periods
    ("L'objectif doit être atteint d'ici à 2030.", "2017-01-01", T, &[("d'ici à 2030", "2030", Some("before"))]),
    ("Il vit à Lyon depuis 2014.", "2017-01-01", T, &[("depuis 2014", "2014", Some("after"))]),
    // story-relative: the day after the last date of the text
    (
        "Le sommet s'est ouvert le 3 mars 2015. Le lendemain, les négociations ont échoué.",
        "2017-01-01",
        T,
        &[("le 3 mars 2015", "2015-03-03", None), ("Le lendemain", "2015-03-04", None)],
    ),
    (
        "Le vote a eu lieu le 3 mars 2015 ; la veille, deux jours plus tard.",
        "2017-01-01",
        T,
        &[
            ("le 3 mars 2015", "2015-03-03", None),
            ("la veille", "2015-03-02", None),
            ("deux jours plus tard", "2015-03-04", None),
        ],
    ),
    // day ranges
    ("Le festival aura lieu du 3 au 5 mars.", "2017-01-10", T, &[("du 3 au 5 mars", "2017-03-03/2017-03-05", None)]),
    (
        "Le salon se tiendra entre le 13 et le 15 juillet.",
        "2017-01-10",
        T,
        &[("entre le 13 et le 15 juillet", "2017-07-13/2017-07-15", None)],
    ),
    (
        "Les soldes courront du 28 décembre au 3 janvier 2017.",
        "2016-11-01",
        T,
        &[("du 28 décembre au 3 janvier 2017", "2016-12-28/2017-01-03", None)],
    ),
    (
        "Ils ont été arrêtés dans la nuit de samedi à dimanche.",
        "2016-11-14",
        T,
        &[("dans la nuit de samedi à dimanche", "2016-11-12/2016-11-13", None)],
    ),
    // year ranges
    (
        "La guerre de 1914-1918 et le mandat de 2007 à 2012.",
        "2017-01-01",
        T,
        &[("1914-1918", "1914/1918", None), ("de 2007 à 2012", "2007/2012", None)],
    ),
    // fuzzy parts
    ("La réforme entrera en vigueur fin janvier.", "2017-01-10", T, &[("fin janvier", "2017-01", Some("end"))]),
    ("Le chantier commencera début 2017.", "2016-11-01", T, &[("début 2017", "2017", Some("start"))]),
    ("Le rapport sera rendu mi-mars.", "2017-01-10", T, &[("mi-mars", "2017-03", Some("mid"))]),
    ("Il sera élu à la fin de l'année.", "2017-01-10", T, &[("à la fin de l'année", "2017", Some("end"))]),
    // seasons, decades, centuries, quarters
    ("Les élections auront lieu au printemps 2017.", "2016-11-01", T, &[("au printemps 2017", "2017-SP", None)]),
    ("Le pays a changé dans les années 1990.", "2017-01-01", T, &[("les années 1990", "199", None)]),
    ("Un roman du XIXe siècle.", "2017-01-01", T, &[("XIXe siècle", "18", None)]),
    ("Les ventes du premier trimestre ont reculé.", "2017-05-02", T, &[("premier trimestre", "2017-Q1", None)]),
    // a participle clause opening the sentence dates what it holds, whatever the tense after it
    ("Blessé samedi à Nantes, le gardien sera absent six semaines.", "2025-03-10", T, &[("samedi", "2025-03-08", None)]),
    // the first or last N months of a named year are those months
    ("Les ventes ont reculé sur les six premiers mois de l'année.", "2025-07-31", T, &[("sur les six premiers mois de l'année", "2025-01/2025-06", None)]),
    ("Les trois derniers mois de 2024 ont été durs.", "2025-07-31", T, &[("Les trois derniers mois de 2024", "2024-10/2024-12", None)]),
    // a fiscal year is the calendar year, the noun kept in the span as for `l'année`
    ("La marge a reculé sur l'exercice 2024.", "2025-02-20", T, &[("l'exercice 2024", "2024", None)]),
    // a half-year is its months (no semester unit in the output)
    ("Le chiffre d'affaires a progressé au premier semestre 2025.", "2025-07-31", T, &[("premier semestre 2025", "2025-01/2025-06", None)]),
    ("Les marges se redresseront au second semestre.", "2025-07-31", T, &[("second semestre", "2025-07/2025-12", None)]),
    // holidays, computed
    ("Il sera de retour pour Noël.", "2016-11-14", T, &[("Noël", "2016-12-25", None)]),
    ("Les fidèles ont célébré Pâques.", "2017-05-01", T, &[("Pâques", "2017-04-16", None)]),
    ("Les cimetières étaient fleuris pour la Toussaint.", "2016-11-14", T, &[("la Toussaint", "2016-11-01", None)]),
    ("Le pont de l'Ascension 2017 sera long.", "2016-11-14", T, &[("l'Ascension 2017", "2017-05-25", None)]),
    ("Le défilé aura lieu le 14 Juillet.", "2017-01-28", T, &[("le 14 Juillet", "2017-07-14", None)]),
    // "samedi soir" is Saturday
    ("Les manifestants se sont rassemblés samedi soir.", "2016-11-14", T, &[("samedi", "2016-11-12", None)]),
    // leap day, seen from the next year
    ("Le 29 février, il avait annoncé sa candidature.", "2017-03-10", T, &[("Le 29 février", "2016-02-29", None)]),
    // the weekday after the reference (Duckling's convention for "prochain")
    ("Rendez-vous mercredi prochain.", "2013-02-12", T, &[("mercredi prochain", "2013-02-13", None)]),
    // a weekday of next week
    (
        "Il reviendra mardi de la semaine prochaine.",
        "2013-02-12",
        T,
        &[("mardi de la semaine prochaine", "2013-02-19", None)],
    ),
    // the n-th weekday of a month
    (
        "Le conseil se réunit le premier mercredi du mois prochain.",
        "2013-02-12",
        T,
        &[("le premier mercredi du mois prochain", "2013-03-06", None)],
    ),
    // a written direction after day and month
    ("Le texte a été voté le 12 décembre dernier.", "2017-01-28", T, &[("le 12 décembre dernier", "2016-12-12", None)]),
    // two days joined by "et" make a range
    (
        "Les 12 et 13 mars, la grève paralysera le pays.",
        "2017-01-28",
        T,
        &[("Les 12 et 13 mars", "2017-03-12/2017-03-13", None)],
    ),
    // an ISO date
    ("Le registre indique 2015-03-03 comme date d'effet.", "2017-01-28", T, &[("2015-03-03", "2015-03-03", None)]),
    // a two-digit year after the month
    ("Les grèves de mai 68 ont marqué le pays.", "2017-01-28", T, &[("mai 68", "1968-05", None)]),
    // a range of months
    (
        "Les travaux dureront de janvier à mars 2018.",
        "2017-11-02",
        T,
        &[("de janvier à mars 2018", "2018-01/2018-03", None)],
    ),
    // the last n units
    (
        "Les prix ont grimpé ces deux derniers mois.",
        "2017-01-28",
        T,
        &[("ces deux derniers mois", "2016-11/2016-12", None)],
    ),
    // the first full week of a month
    (
        "La première semaine d'octobre 2014 a été pluvieuse.",
        "2017-01-28",
        T,
        &[("La première semaine d'octobre 2014", "2014-W41", None)],
    ),
    // `ce jour` in the writer's words (official style): the publication day …
    ("La préfecture a confirmé ce jour la fermeture du site.", "2024-03-26", T, &[("ce jour", "2024-03-26", None)]),
    // … and in speech after a preposition that makes it the speaker's today
    (
        "« Je quitte mes fonctions à compter de ce jour », a-t-il écrit.",
        "2024-03-26",
        T,
        &[("ce jour", "2024-03-26", None)],
    ),
    // a number before `heures` is a time of day, even after `vers` and when the window of
    // the search ends at the number
    (
        "Le jugement est attendu vendredi.\n\nLes faits remontent au 2 mars 2020. Ce soir-là, vers 22 heures, le feu a pris.",
        "2021-11-25",
        T,
        &[("vendredi", "2021-11-26", None), ("2 mars 2020", "2020-03-02", None)],
    ),
    // `que prévu`, `comme prévu` compare with a plan: no future (the past tense decides)
    ("Les ventes ont mieux résisté que prévu lundi.", "2023-09-20", T, &[("lundi", "2023-09-18", None)]),
    ("Comme prévu, le conseil s'est réuni au printemps.", "2023-09-20", T, &[("au printemps", "2023-SP", None)]),
    // `le lendemain de ce …`: the demonstrative points back to the event just told, dated by
    // the last date of the text …
    (
        "Le conseil a voté le 12 mai. La maire a démissionné le lendemain de ce vote.",
        "2023-06-01",
        T,
        &[("le 12 mai", "2023-05-12", None), ("le lendemain", "2023-05-13", None)],
    ),
    // a month or a year named since the story's last day is background: `la veille` still
    // counts from that day
    (
        "La finale a eu lieu samedi. Arrivé à l'été 2023, l'entraîneur a tout changé. La veille, il avait promis un match serré.",
        "2025-06-01",
        T,
        &[("samedi", "2025-05-31", None), ("l'été 2023", "2023-SU", None), ("La veille", "2025-05-30", None)],
    ),
    // `avant de` + infinitive is a sequence of actions: its date is the story's day
    (
        "Moscou avait suspendu l'accord fin octobre, avant de le reprendre le 2 novembre. Ankara s'était félicité le lendemain.",
        "2022-11-09",
        T,
        &[("fin octobre", "2022-10", Some("end")), ("le 2 novembre", "2022-11-02", None), ("le lendemain", "2022-11-03", None)],
    ),
    // … but with no date before, or after an article (`du scrutin`), the event is not dated
    ("La maire a démissionné le lendemain de ce vote.", "2023-06-01", T, &[]),
    ("La maire a démissionné le lendemain du vote.", "2023-06-01", T, &[]),
    // a trigger phrase that runs across the end of a search window (`cet été` cut after `cet`
    // by the window of the dateline's date) extends the window
    (
        "LYON, 4 mars 2024 (AFP) - Trois piscines de la ville fermeront cet été.",
        "2024-03-04",
        T,
        &[("4 mars 2024", "2024-03-04", None), ("cet été", "2024-SU", None)],
    ),
    // a reporting incise after a comma with its subject ends the sentence: it dates what
    // follows it, not the future clause it reports …
    (
        "La ville rouvrira ses piscines dès l'été, a annoncé la mairie.",
        "2024-03-06",
        T,
        &[("dès l'été", "2024-SU", Some("after"))],
    ),
    // … but a main verb after an apposition's comma is the verb of the whole sentence
    (
        "Élue dimanche à Lisbonne, la nouvelle présidente, Ana Costa, a prévenu ses électeurs que tout serait difficile.",
        "2023-12-11",
        T,
        &[("dimanche", "2023-12-10", None)],
    ),
    // a relative clause has its own tense: the main clause's past does not reach past `qui`
    // (present: the nearest 19 November, ten days ahead)
    (
        "Les ministres ont discuté mercredi de l'accord, qui expire le 19 novembre, a annoncé le Kremlin.",
        "2022-11-09",
        T,
        &[("mercredi", "2022-11-09", None), ("le 19 novembre", "2022-11-19", None)],
    ),
    // … and a relative clause in the past is read in the past
    (
        "Il a salué l'accord, qui avait été signé le 19 novembre.",
        "2022-11-09",
        T,
        &[("le 19 novembre", "2021-11-19", None)],
    ),
    // a year after `pour`: what a budget or a target is for
    (
        "Le gouvernement a présenté son projet de budget pour 2025.",
        "2024-10-10",
        T,
        &[("2025", "2025", None)],
    ),
    // "la semaine du <jour>": the ISO week of that day (Monday 2 March 2026: week 10) …
    (
        "Le procès s'ouvrira la semaine du 2 mars.",
        "2026-01-15",
        T,
        &[("la semaine du 2 mars", "2026-W10", None)],
    ),
    // … or of a Wednesday in it …
    (
        "Les négociations reprendront la semaine du 4 mars.",
        "2026-01-15",
        T,
        &[("la semaine du 4 mars", "2026-W10", None)],
    ),
    // … but a week named by a Sunday runs from that Sunday: six of its days are in the next
    // ISO week (Sunday 1 March 2026 names week 10, not week 9)
    (
        "Les négociations reprendront la semaine du dimanche 1er mars.",
        "2026-01-15",
        T,
        &[("la semaine du dimanche 1er mars", "2026-W10", None)],
    ),
    // a Saturday stays in its own week (Saturday 7 March 2026: week 10)
    (
        "Le salon fermera la semaine du 7 mars.",
        "2026-01-15",
        T,
        &[("la semaine du 7 mars", "2026-W10", None)],
    ),
    // across a year end: Sunday 28 December 2025 names the week of Monday 29 December, which
    // is ISO week 1 of 2026
    (
        "La trêve durera la semaine du 28 décembre.",
        "2025-12-01",
        T,
        &[("la semaine du 28 décembre", "2026-W01", None)],
    ),
    // "-là": the period of the previous expression
    (
        "Le 11 septembre 2001, tout a basculé. Cette année-là, la guerre a commencé.",
        "2017-01-28",
        T,
        &[("Le 11 septembre 2001", "2001-09-11", None), ("Cette année-là", "2001", None)],
    ),
    // a month gives no day to count from: "deux jours plus tard" abstains
    (
        "Fin décembre, Washington a expulsé 35 diplomates. Deux jours plus tard, Moscou a répondu.",
        "2017-01-28",
        T,
        &[("Fin décembre", "2016-12", Some("end"))],
    ),
    // "la veille" of a range is the day before its first day
    (
        "Ils ont été arrêtés dans la nuit de samedi à dimanche ; la veille, la police avait été alertée.",
        "2016-11-14",
        T,
        &[("dans la nuit de samedi à dimanche", "2016-11-12/2016-11-13", None), ("la veille", "2016-11-11", None)],
    ),
    // the accent tells the participle: "sont arrivés" is past
    ("Les renforts sont arrivés le 1er février.", "2017-01-28", T, &[("le 1er février", "2016-02-01", None)]),
    // the weekend, seen from a Saturday, and the one before
    (
        "Il neigera ce week-end. Le week-end dernier, il a plu.",
        "2017-01-28",
        T,
        &[("ce week-end", "2017-01-28/2017-01-29", None), ("Le week-end dernier", "2017-01-21/2017-01-22", None)],
    ),
    // the contracted article belongs to the modifier and to the season
    (
        "La mission durera jusqu'au printemps prochain.",
        "2017-01-28",
        T,
        &[("jusqu'au printemps prochain", "2017-SP", Some("before"))],
    ),
    // a day written as an event name
    ("Le défilé du 14-Juillet aura lieu sous la pluie.", "2017-01-28", T, &[("14-Juillet", "2017-07-14", None)]),
    // two days sharing their month
    (
        "Les grèves de lundi 30 et mardi 31 janvier ont paralysé le pays.",
        "2017-01-28",
        T,
        &[("lundi 30 et mardi 31 janvier", "2017-01-30/2017-01-31", None)],
    ),
    // the last weekday of a month
    (
        "Le conseil se réunira le dernier lundi de mai.",
        "2017-01-28",
        T,
        &[("le dernier lundi de mai", "2017-05-29", None)],
    ),
    // a year followed by a comma and a count
    ("En 2016, 1 200 personnes ont été tuées.", "2017-01-28", T, &[("2016", "2016", None)]),
    // holidays with their year, computed: Easter and the feasts that hang on it
    (
        "Pâques 2024, l'Ascension 2016 et le lundi de Pentecôte 2017.",
        "2017-01-28",
        T,
        &[
            ("Pâques 2024", "2024-03-31", None),
            ("l'Ascension 2016", "2016-05-05", None),
            ("le lundi de Pentecôte 2017", "2017-06-05", None),
        ],
    ),
    // the n-th Sunday and the French Mother's Day rule
    (
        "La fête des pères 2017 et la fête des mères 2016.",
        "2017-01-28",
        T,
        &[("La fête des pères 2017", "2017-06-18", None), ("la fête des mères 2016", "2016-05-29", None)],
    ),
    // the US Thanksgiving (fourth Thursday of November), also written in two words
    (
        "Les Américains fêtent Thanksgiving ; le jour de thanks giving 2010, la dinde coûtait cher.",
        "2016-11-07",
        T,
        &[("Thanksgiving", "2016-11-24", None), ("le jour de thanks giving 2010", "2010-11-25", None)],
    ),
    // a story in a remote past: after a month of 1981, a day and month without a year are of
    // 1981 (the next year when they come before it); a year alone sets no such story
    (
        "Nommé en juin 1981, il monte à la tribune le 17 septembre, puis part le 2 mars. Élu en 2017, il a parlé le 3 février.",
        "2024-02-09",
        T,
        &[
            ("juin 1981", "1981-06", None),
            ("le 17 septembre", "1981-09-17", None),
            ("le 2 mars", "1982-03-02", None),
            ("2017", "2017", None),
            ("le 3 février", "2024-02-03", None),
        ],
    ),
    // a trigger near the end of another trigger's window extends it: the expression after it
    // is read whole
    (
        "Le bénéfice atteint 1\u{202f}457 millions d'euros. Nous visons au moins autant l'an prochain, sans relâcher l'effort.",
        "2025-02-20",
        T,
        &[("l'an prochain", "2026", None)],
    ),
    // a quarter without a year under a past tense is the last such quarter begun; under a
    // future, the reference year's (the future of a report on it)
    (
        "Au quatrième trimestre, les ventes ont ralenti ; l'Insee publiera le chiffre du premier trimestre.",
        "2025-02-20",
        T,
        &[("quatrième trimestre", "2024-Q4", None), ("premier trimestre", "2025-Q1", None)],
    ),
    // a plan since changed (`initialement prévue`) is no future signal; a promise (`a promis de`) is
    (
        "En annonçant le 3 février le report du scrutin, initialement prévu le 25 février, il a promis de réunir les partis du 3 au 7 avril.",
        "2024-03-26",
        T,
        &[
            ("le 3 février", "2024-02-03", None),
            ("le 25 février", "2024-02-25", None),
            ("du 3 au 7 avril", "2024-04-03/2024-04-07", None),
        ],
    ),
    // `le 18` after a verb of calling is a date when a month follows; `en fin d'année` dates
    (
        "Il a appelé le 18 mars son avocat ; le verdict tombera en fin d'année.",
        "2024-05-02",
        T,
        &[("le 18 mars", "2024-03-18", None), ("en fin d'année", "2024", Some("end"))],
    ),
    // `en ce moment` is the present of the text: the reference day, approximate …
    ("Les prix montent en ce moment, selon l'Insee.", "2024-02-29", T, &[("en ce moment", "2024-02-29", Some("approx"))]),
    // … `même` included; `en ce moment-là` is a moment of the story, not today
    (
        "Il est en ce moment même à Berlin. En ce moment-là, il dormait.",
        "2024-12-31",
        T,
        &[("en ce moment même", "2024-12-31", Some("approx"))],
    ),
    // the day before a holiday
    ("Ils ont dîné la veille de Noël.", "2017-01-28", T, &[("la veille de Noël", "2016-12-24", None)]),
    // a year named after an election
    ("La présidentielle 2017 s'annonce serrée.", "2017-01-28", T, &[("2017", "2017", None)]),
    // "des" is the article, "dès" the modifier
    (
        "La musique des années 1990 revient ; dès 2018, la salle rouvrira.",
        "2017-01-28",
        T,
        &[("des années 1990", "199", None), ("dès 2018", "2018", Some("after"))],
    ),
    // "ce" before a weekday and its date
    ("Il s'exprimera ce dimanche 29 janvier.", "2017-01-28", T, &[("ce dimanche 29 janvier", "2017-01-29", None)]),
    // a date under "depuis" is background: "la veille" counts from the main event
    ("Ils se sont parlé samedi, une première depuis l'investiture le 20 janvier. La veille, il avait reçu Theresa May.", "2017-01-29", T,
        &[("samedi", "2017-01-28", None), ("le 20 janvier", "2017-01-20", None), ("La veille", "2017-01-27", None)]),
    // numbers and a month name joined by one separator, in any order
    ("Formulaire daté 23/sep/2020, archivé 2020-sept-24.", "2017-01-28", T,
        &[("23/sep/2020", "2020-09-23", None), ("2020-sept-24", "2020-09-24", None)]),
    // a no-break space inside the expression
    ("L'entretien a eu lieu le\u{a0}28 janvier.", "2017-01-30", T, &[("le\u{a0}28 janvier", "2017-01-28", None)]),
];

/// Sentences with numbers or date words that are not dates.
const NEGATIVES: &[&str] = &[
    "Plus de 1 000 manifestants ont défilé à Nantes.", // a count with a thousands separator
    "Le gouvernement a engagé l'article 49.3.",        // an article number with a dot
    "L'équipe de Lens s'est imposée 3 à 1.",           // a score
    "Une femme de 45 ans a été blessée.",              // an age
    "Il a changé d'avis du jour au lendemain.",        // the idiom
    "Le rendez-vous est fixé à 15 h.",                 // a time of day alone
    "Près de 2000 personnes ont manifesté.",           // a four-digit count
    "Les 2/3 des électeurs se sont abstenus.",         // a fraction
    "Sept personnes ont été interpellées.",            // "sept" the number
    "La sonde s'est posée sur la planète Mars.",       // the planet
    "Il mesure 1,85 m et pèse 80 kg.",                 // measures
    "Le numéro 17 a marqué deux fois.",                // a shirt number
    "Ils ont défilé au Champ-de-Mars.",                // a month ending a hyphenated place name
    "Le ministre Jean-Noël Barrot est arrivé.",        // a holiday ending a hyphenated first name
    "Noël Le Graët a démissionné.",                    // a holiday word as a first name
    "« Nous attendions ce jour depuis dix ans », dit-elle.", // `ce jour` in speech: the day spoken of
    "Il a payé sa voiture 2000 euros pour 2000 kilomètres.", // counts after `pour`
    "Mon voisin a appelé le 18 aussitôt.",             // an emergency number dialled
    "Composez le 112 en cas de danger.",               // the European emergency number
    "Elle passera ses examens de fin d'année.",        // a kind of period, not one of them
];

fn check(text: &str, reference: &str, prefer: Prefer, want: &[(&str, &str, Option<&str>)]) {
    let r: Date = reference.parse().unwrap();
    let found = DateResolver::new(Some(r)).prefer(prefer).find(text);
    let got: Vec<(&str, String, Option<&str>)> =
        found.iter().map(|e| (&text[e.span.range()], e.timex(), e.modifier().map(|m| m.as_str()))).collect();
    let want: Vec<(&str, String, Option<&str>)> = want.iter().map(|&(a, b, c)| (a, b.to_string(), c)).collect();
    assert_eq!(
        got, want,
        "\ninput: {text:?} (reference {reference}, {prefer:?})\nexpected: {want:?}\ngot:      {got:?}"
    );
}

#[test]
fn cases() {
    for &(text, reference, prefer, want) in CASES {
        check(text, reference, prefer, want);
    }
}

#[test]
fn negatives() {
    for text in NEGATIVES {
        let found = DateResolver::new(Some(Date::new(2017, 1, 28).unwrap())).find(text);
        let got: Vec<&str> = found.iter().map(|e| &text[e.span.range()]).collect();
        assert!(got.is_empty(), "input: {text:?}: expected no date, got {got:?}");
    }
}

#[test]
fn without_reference_only_absolute_expressions() {
    let text = "Hier, le 3 mars 2015, comme en 1991 et lundi.";
    let found = DateResolver::new(None).find(text);
    let got: Vec<(&str, String, Anchor)> =
        found.iter().map(|e| (&text[e.span.range()], e.timex(), e.anchor())).collect();
    assert_eq!(
        got,
        [
            ("le 3 mars 2015", "2015-03-03".to_string(), Anchor::Absolute),
            ("1991", "1991".to_string(), Anchor::Absolute)
        ],
        "input {text:?}"
    );
}

#[test]
fn typed_values_and_flags() {
    let r = Some(Date::new(2017, 1, 28).unwrap());
    let text = "Rendez-vous mercredi 26 janvier 2017, puis la semaine du 6 mars.";
    let found = DateResolver::new(r).find(text);
    assert_eq!(found.len(), 2, "{found:?}");
    // 26 January 2017 is a Thursday: the date is kept as written and flagged
    assert_eq!(found[0].value(), Value::Period(Period::Day(Date::new(2017, 1, 26).unwrap())));
    assert!(found[0].is_inconsistent());
    assert_eq!(found[0].anchor(), Anchor::Absolute);
    assert_eq!(found[1].value(), Value::Period(Period::Week { year: 2017, week: 10 }));
    assert_eq!(found[1].grain(), Grain::Week);
    assert!(!found[1].is_inconsistent());
}

#[test]
fn spans_slice_the_input() {
    let text = "« Le 3\u{202f}mars », écrit-il ; puis, fin\u{a0}2016, l’été dernier, l’an prochain.";
    let found = DateResolver::new(Some(Date::new(2017, 1, 28).unwrap())).find(text);
    assert!(!found.is_empty());
    for e in &found {
        let s: Span = e.span;
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
        assert!(!text[s.range()].trim().is_empty());
    }
    let mods: Vec<Option<Modifier>> = found.iter().map(|e| e.modifier()).collect();
    assert!(mods.contains(&Some(Modifier::End)), "{found:?}");
}

#[test]
fn resolver_is_send_sync_copy() {
    fn assert_all<T: Send + Sync + Copy>() {}
    assert_all::<DateResolver>();
}
