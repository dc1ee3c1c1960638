//! Actors: people, organisations, places and unnamed sources mentioned in an article.
//!
//! The pipeline over the content paragraphs: [`tokens`] splits sentences (and lines) into
//! words; [`names`] finds runs of capitalised words; [`typing`] types them from the
//! [`gazetteer`], titles, given names, head words and context, then re-types weak guesses from
//! the article's strong ones; [`unnamed`] finds descriptions of unnamed sources and groups;
//! [`roles`] reads titles and appositions; [`cluster`] merges aliases into local actors and
//! sets each person's gender. [`alias`] holds the name keys shared with the corpus index;
//! [`wordlist`] the fixed word lists matched in any case.

pub mod alias;
pub mod cluster;
pub mod fasthash;
pub mod gazetteer;
pub mod names;
pub mod roles;
pub mod teams;
pub mod tokens;
pub mod typing;
pub mod unnamed;
pub mod wordlist;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::span::Span;

/// The named-entity type of a mention, as in the CoNLL scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Organisation,
    /// A place.
    #[serde(rename = "LOC")]
    Location,
    /// Anything else named: nationalities, events, products.
    #[serde(rename = "MISC")]
    Misc,
}

/// What kind of actor something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A named organisation (government, ministry, party, company, media, international body).
    Organisation,
    /// A named place.
    Place,
    /// An unnamed source or group ("a senior administration official", "European diplomats").
    Unnamed,
    /// Something else that can be named (events, documents, nationalities).
    Other,
}

impl ActorKind {
    /// The kind for a named entity type.
    pub fn of(entity: EntityType) -> ActorKind {
        match entity {
            EntityType::Person => ActorKind::Person,
            EntityType::Organisation => ActorKind::Organisation,
            EntityType::Location => ActorKind::Place,
            EntityType::Misc => ActorKind::Other,
        }
    }

    /// A short lower-case label ("person", "organisation", …).
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Place => "place",
            ActorKind::Unnamed => "unnamed",
            ActorKind::Other => "other",
        }
    }

    /// The kind for a label as written in `dossier.toml` (also accepts PER/ORG/LOC/MISC).
    pub fn parse(s: &str) -> Option<ActorKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" => Some(ActorKind::Person),
            "organisation" | "organization" | "org" => Some(ActorKind::Organisation),
            "place" | "location" | "loc" => Some(ActorKind::Place),
            "unnamed" => Some(ActorKind::Unnamed),
            "other" | "misc" => Some(ActorKind::Other),
            _ => None,
        }
    }
}

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A person's full name ("Marco Rubio").
    Full,
    /// Part of a person's name: surname or given name alone ("Rubio").
    Partial,
    /// An acronym ("NATO", "U.S.").
    Acronym,
    /// Any other name ("United Nations", "Kyiv" as a place).
    Name,
    /// A place standing for a government ("Washington", "the Kremlin").
    Metonym,
    /// A description of an unnamed source or group ("a US official with direct knowledge
    /// of the matter"). It may contain named mentions of its own ("US").
    Description,
}

/// One mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention's text span: the name without title or possessive "'s", or the whole
    /// description of an unnamed source.
    pub span: Span,
    /// Its entity type (an unnamed person or group is typed `Person`).
    pub entity: EntityType,
    /// Index of the actor in [`crate::extract::Extraction::actors`].
    pub actor: u32,
    /// How the mention names the actor.
    pub form: MentionForm,
    /// A possessive "'s" follows ("Trump's").
    pub possessive: bool,
    /// A title written right before the name ("Secretary" in "Secretary Rubio").
    pub title: Option<Span>,
}

/// A role or title an actor holds, and where it was stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role as written ("Secretary of State", "head of Kyiv's delegation").
    pub title: CompactString,
    /// Where the role was stated (title or apposition with the name).
    pub span: Span,
    /// The affiliation stated with it, canonical when known ("Ukraine" for "Ukrainian
    /// Foreign Minister", "Trump" for "Trump's son-in-law").
    pub affiliation: Option<CompactString>,
}

/// An actor as seen in one article, with aliases merged within the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalActor {
    /// Canonical name within the article: the fullest name seen, the gazetteer's name for a
    /// known country, place or organisation, or the description of an unnamed source.
    pub name: CompactString,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// Roles seen in this article (most local actors have none; a boxed slice is two words
    /// where a `Vec` is three, which counts over hundreds of thousands of local actors).
    pub roles: Box<[Role]>,
    /// Grammatical gender, when known (from a title, a first name or a pronoun).
    pub gender: Option<Gender>,
    /// For a metonym ("Washington", "the Kremlin"): the country or body whose government it
    /// stands for ("United States", "Russia"). Rarely set, so boxed: two words, not three.
    pub stands_for: Option<Box<str>>,
    /// For an unnamed source or group: the affiliation stated ("United States" for "a US
    /// official"). Rarely set, so boxed.
    pub affiliation: Option<Box<str>>,
}

/// Grammatical gender of a person, for resolving pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
}

/// Finds the mentions and actors of one article. Mentions are in text order (an enclosing
/// description before the names inside it).
pub fn extract(doc: &Doc) -> (Vec<Mention>, Vec<LocalActor>) {
    let gaz = gazetteer::get();
    let text = doc.text;
    // About one token in five bytes of news text: sized once, not grown.
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut sentences = Vec::with_capacity(text.len() / 100);
    let mut scratch = Vec::new();
    for (_, p) in doc.layout.content_paragraphs() {
        for si in p.sentence_range() {
            let Some(&s) = doc.layout.sentences.get(si) else {
                continue;
            };
            // Each line of a sentence is read on its own: headlines, datelines and table
            // rows are lines.
            let mut start = s.start();
            for line in s.text(text).split_inclusive('\n') {
                let end = start + line.len();
                tokens::tokenize(text, start, end, &mut scratch);
                if !scratch.is_empty() {
                    sentences.push(names::Sentence::read(text, &scratch, toks.len()));
                    toks.extend_from_slice(&scratch);
                }
                start = end;
            }
        }
    }
    let mut buf = String::new();
    // Each capitalised token is looked up once: its entry, and whether it may open a name of
    // several words in any case.
    let mut opens_phrase = Vec::with_capacity(toks.len());
    let entries: Vec<&gazetteer::Entry> = toks
        .iter()
        .map(|t| {
            let (e, opens) = match t.is_upper() {
                true => gaz.lookup_opening(t.text(text), &mut buf),
                false => (None, false),
            };
            opens_phrase.push(opens);
            e.unwrap_or(&gazetteer::Entry::NONE)
        })
        .collect();
    let known = names::capitalised_words(text, &toks, &sentences, &entries);
    let finder = names::Finder {
        text,
        tokens: &toks,
        gaz,
        known: &known,
        entries: &entries,
    };
    let mut chunks = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        finder.chunks(si, s, &mut chunks, &mut buf);
    }
    let typer = typing::Typer {
        text,
        tokens: &toks,
        sentences: &sentences,
        gaz,
        entries: &entries,
        opens_phrase: &opens_phrase,
    };
    let mut found = Vec::new();
    for &c in &chunks {
        typer.type_chunk(c, &mut found, &mut buf);
    }
    let doc_types = typing::DocTypes::new(text, &found);
    let mut resolved = Vec::with_capacity(found.len());
    for mut f in found {
        doc_types.resolve(text, &mut f, &mut buf);
        if !doc_types.split_persons(text, &f, &mut resolved) {
            resolved.push(f);
        }
    }
    let mut found = resolved;
    found.sort_by_key(|f| (f.span.start, f.span.end));
    teams::Teams {
        text,
        tokens: &toks,
        sentences: &sentences,
        gaz,
    }
    .retype(&mut found);
    let role_finder = roles::RoleFinder {
        text,
        tokens: &toks,
        gaz,
    };
    let mut found_roles = Vec::with_capacity(found.len());
    let mut descriptions = Vec::new();
    for s in &sentences {
        unnamed::find(
            text,
            &toks,
            s.first,
            s.end,
            gaz,
            &mut descriptions,
            &mut buf,
        );
    }
    for f in &found {
        let s = &sentences[f.sentence];
        let mut r = Vec::new();
        role_finder.roles(f, s.first, s.end, &mut r, &mut buf);
        found_roles.push(r);
    }
    cluster::cluster(&cluster::Input {
        text,
        tokens: &toks,
        sentences: &sentences,
        found: &found,
        roles: &found_roles,
        descriptions: &descriptions,
        gaz,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Layout;
    use crate::segment;

    fn layout(text: &str) -> Layout {
        let paragraphs = segment::paragraphs(text);
        let marks = vec![None; paragraphs.len()];
        segment::layout(text, &paragraphs, &marks)
    }

    fn run(text: &str) -> (Vec<Mention>, Vec<LocalActor>) {
        let layout = layout(text);
        extract(&Doc {
            text,
            layout: &layout,
            published: None,
        })
    }

    /// (mention text, entity type, actor name) for the named mentions.
    fn named(text: &str) -> Vec<(String, EntityType, String)> {
        let (mentions, actors) = run(text);
        mentions
            .iter()
            .filter(|m| m.form != MentionForm::Description)
            .map(|m| {
                (
                    m.span.text(text).to_string(),
                    m.entity,
                    actors[m.actor as usize].name.to_string(),
                )
            })
            .collect()
    }

    fn actor<'a>(actors: &'a [LocalActor], name: &str) -> &'a LocalActor {
        actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no actor {name} in {actors:?}"))
    }

    use EntityType::{Location as LOC, Misc as MISC, Organisation as ORG, Person as PER};

    fn n(s: &str, t: EntityType, a: &str) -> (String, EntityType, String) {
        (s.to_string(), t, a.to_string())
    }

    #[test]
    fn title_affiliation_and_person() {
        let text = "Ukrainian Foreign Minister Andrii Sybiha reaffirmed Kyiv's position Saturday.";
        assert_eq!(
            named(text),
            [
                n("Ukrainian", MISC, "Ukraine"),
                n("Andrii Sybiha", PER, "Andrii Sybiha"),
                n("Kyiv", LOC, "Kyiv"),
            ]
        );
        let (_, actors) = run(text);
        let sybiha = actor(&actors, "Andrii Sybiha");
        assert_eq!(sybiha.roles[0].title, "Foreign Minister");
        assert_eq!(sybiha.roles[0].affiliation.as_deref(), Some("Ukraine"));
        assert_eq!(sybiha.gender, Some(Gender::Male));
        let kyiv = actor(&actors, "Kyiv");
        assert_eq!(kyiv.stands_for.as_deref(), Some("Ukraine"));
    }

    #[test]
    fn surnames_and_titles_join_the_full_name() {
        let text = "Secretary of State Marco Rubio confirmed the resolution. \"This is our opportunity,\" Rubio said. Secretary Rubio also held talks.";
        let names = named(text);
        assert!(
            names
                .iter()
                .all(|(_, t, a)| *t == PER && a == "Marco Rubio"),
            "{names:?}"
        );
        assert_eq!(names.len(), 3);
        let (mentions, actors) = run(text);
        assert_eq!(actors[0].roles[0].title, "Secretary of State");
        assert_eq!(mentions[2].title.map(|t| t.text(text)), Some("Secretary"));
    }

    /// (mention text, type) of the mentions of places and organisations.
    fn typed(text: &str) -> Vec<(String, EntityType)> {
        named(text)
            .into_iter()
            .filter(|(_, t, _)| *t != PER)
            .map(|(s, t, _)| (s, t))
            .collect()
    }

    #[test]
    fn cities_in_results_and_standings_are_teams() {
        let text = "Results on Saturday:\nLiverpool 3 Norwich 1\nStandings:\nLiverpool 5 4 1 0 12\n\nLiverpool extended their lead at the top after a win in Norwich.";
        assert_eq!(
            typed(text),
            [
                ("Liverpool".to_string(), ORG),
                ("Norwich".to_string(), ORG),
                ("Liverpool".to_string(), ORG),
                ("Liverpool".to_string(), ORG),
                // Where the match was played stays a place.
                ("Norwich".to_string(), LOC),
            ]
        );
    }

    #[test]
    fn fixtures_make_the_visitors_a_team_and_leave_the_venue_a_place() {
        assert_eq!(
            typed("Fixtures:\nBOSTON AT DENVER\n"),
            [("BOSTON".to_string(), ORG), ("DENVER".to_string(), LOC)]
        );
        assert_eq!(
            typed("Fixtures:\nJune 14 v Glasgow\n"),
            [("Glasgow".to_string(), ORG)]
        );
    }

    #[test]
    fn a_city_that_beat_another_is_a_team_but_countries_stay_places() {
        assert_eq!(
            typed("Leeds beat Bristol by three wickets. Germany beat France in the final."),
            [
                ("Leeds".to_string(), ORG),
                ("Bristol".to_string(), ORG),
                ("Germany".to_string(), LOC),
                ("France".to_string(), LOC),
            ]
        );
        // A dateline and ordinary news keep their places.
        assert_eq!(
            typed("LONDON 2025-12-19\nLondon police said 20 people were hurt."),
            [("LONDON".to_string(), LOC), ("London".to_string(), LOC)]
        );
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let text = "Donald Trump and Melania Trump arrived. Melania Trump waved to the crowd.";
        let (_, actors) = run(text);
        let people: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(people, ["Donald Trump", "Melania Trump"]);
        assert_eq!(actors[1].gender, Some(Gender::Female));
    }

    #[test]
    fn transliterations_possessives_and_acronyms_merge() {
        let text = "Volodymyr Zelenskyy spoke. Later Zelenskiy's office said the U.N. and the United Nations agreed with NATO, the North Atlantic Treaty Organization.";
        let names = named(text);
        assert_eq!(
            names,
            [
                n("Volodymyr Zelenskyy", PER, "Volodymyr Zelenskyy"),
                n("Zelenskiy", PER, "Volodymyr Zelenskyy"),
                n("U.N.", ORG, "United Nations"),
                n("United Nations", ORG, "United Nations"),
                n("NATO", ORG, "North Atlantic Treaty Organization"),
                n(
                    "North Atlantic Treaty Organization",
                    ORG,
                    "North Atlantic Treaty Organization"
                ),
            ]
        );
        let (mentions, _) = run(text);
        assert!(mentions[1].possessive);
        assert_eq!(mentions[1].form, MentionForm::Partial);
        assert_eq!(mentions[2].form, MentionForm::Acronym);
    }

    #[test]
    fn capitals_act_as_governments_or_stand_as_places() {
        let text = "On Friday, Washington formally asked Kyiv to withdraw its draft. Rubio spoke at a news conference in Washington.";
        let (mentions, actors) = run(text);
        let forms: Vec<(&str, MentionForm)> = mentions
            .iter()
            .filter(|m| m.entity == LOC)
            .map(|m| (m.span.text(text), m.form))
            .collect();
        assert_eq!(
            forms,
            [
                ("Washington", MentionForm::Metonym),
                ("Kyiv", MentionForm::Name),
                ("Washington", MentionForm::Name),
            ]
        );
        assert_eq!(
            actor(&actors, "Washington").stands_for.as_deref(),
            Some("United States")
        );
    }

    #[test]
    fn appositions_give_roles() {
        let text = "The head of Kyiv's delegation, Rustem Umerov, said Ukraine's partners would be involved. Steve Witkoff flew in. Witkoff, a property developer and long-time Trump associate, was appointed as special envoy.";
        let (_, actors) = run(text);
        let umerov = actor(&actors, "Rustem Umerov");
        assert_eq!(umerov.roles[0].title, "head of Kyiv's delegation");
        assert_eq!(umerov.roles[0].affiliation.as_deref(), Some("Ukraine"));
        let witkoff = actor(&actors, "Steve Witkoff");
        assert_eq!(
            witkoff.roles[0].title,
            "property developer and long-time Trump associate"
        );
    }

    #[test]
    fn lower_case_titles_and_possessive_relations() {
        let text = "White House envoy Steve Witkoff and Trump's son-in-law Jared Kushner held talks in Berlin.";
        let (_, actors) = run(text);
        let witkoff = actor(&actors, "Steve Witkoff");
        assert_eq!(witkoff.roles[0].title, "envoy");
        // The White House stands for the US government.
        assert_eq!(
            witkoff.roles[0].affiliation.as_deref(),
            Some("United States")
        );
        let kushner = actor(&actors, "Jared Kushner");
        assert_eq!(kushner.roles[0].title, "son-in-law");
        assert_eq!(kushner.roles[0].affiliation.as_deref(), Some("Trump"));
        assert_eq!(kushner.gender, Some(Gender::Male));
    }

    #[test]
    fn unnamed_sources_are_actors_with_their_affiliation() {
        let text = "\"But there are still concerns,\" said a US official with direct knowledge of the matter.";
        let (mentions, actors) = run(text);
        let d = mentions
            .iter()
            .find(|m| m.form == MentionForm::Description)
            .unwrap();
        assert_eq!(
            d.span.text(text),
            "a US official with direct knowledge of the matter"
        );
        let a = &actors[d.actor as usize];
        assert_eq!(a.kind, ActorKind::Unnamed);
        assert_eq!(a.affiliation.as_deref(), Some("United States"));
        // The name inside the description is a mention of its own.
        assert!(
            mentions
                .iter()
                .any(|m| m.span.text(text) == "US" && m.entity == LOC)
        );
    }

    #[test]
    fn all_caps_headline_and_dateline() {
        let text = "CRICKET - SOMERSET BEAT ESSEX AT HEADINGLEY.\nLEEDS 1996-08-30\nSomerset beat Essex by an innings at Headingley on Friday.";
        let names = named(text);
        let heads: Vec<&str> = names.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(
            heads,
            [
                "SOMERSET",
                "ESSEX",
                "HEADINGLEY",
                "LEEDS",
                "Somerset",
                "Essex",
                "Headingley"
            ]
        );
        assert_eq!(names[3].1, LOC);
    }

    #[test]
    fn ordinary_words_opening_a_sentence_are_not_names() {
        let names =
            named("Trailing by 213, Somerset got a solid start. In contrast, Ukraine refused.");
        let heads: Vec<&str> = names.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(heads, ["Somerset", "Ukraine"]);
    }

    #[test]
    fn organisation_and_place_words() {
        assert_eq!(
            named(
                "The Bank of England and the French Foreign Ministry met near the Yangtze River."
            ),
            [
                n("Bank of England", ORG, "Bank of England"),
                n("French Foreign Ministry", ORG, "French Foreign Ministry"),
                n("Yangtze River", LOC, "Yangtze River"),
            ]
        );
    }

    #[test]
    fn ampersands_join_company_names_and_abbreviations_end_them() {
        assert_eq!(
            named("JPMorgan Chase & Co. and Procter & Gamble Co. beat the No. 2 bank."),
            [
                n("JPMorgan Chase & Co.", ORG, "JPMorgan Chase & Co."),
                n("Procter & Gamble Co.", ORG, "Procter & Gamble Co."),
            ]
        );
    }

    #[test]
    fn hyphenated_names_split_into_their_parts() {
        assert_eq!(
            named(
                "Kirill Dmitriev and Steve Witkoff wrote the Witkoff-Dmitriev plan to end the Russia-Ukraine war."
            ),
            [
                n("Kirill Dmitriev", PER, "Kirill Dmitriev"),
                n("Steve Witkoff", PER, "Steve Witkoff"),
                n("Witkoff", PER, "Steve Witkoff"),
                n("Dmitriev", PER, "Kirill Dmitriev"),
                n("Russia", LOC, "Russia"),
                n("Ukraine", LOC, "Ukraine"),
            ]
        );
    }

    #[test]
    fn nothing_panics_on_odd_input() {
        for text in [
            "",
            "'s",
            "—“”",
            "A-",
            "-A",
            "Mr.",
            "U.S.-",
            "ÉÉÉ ÀÀ de la",
            "al-",
            "Secretary of",
            "\u{a0}Rubio\u{a0}",
        ] {
            let (mentions, actors) = run(text);
            for m in &mentions {
                assert!(text.get(m.span.start()..m.span.end()).is_some());
                assert!((m.actor as usize) < actors.len());
            }
        }
    }
}
