//! Direct quotations and their attribution to a speaker.
//!
//! The pipeline, per article: pair quotation marks inside each content paragraph
//! ([`marks`]); join a quotation that runs over several paragraphs; tokenize the paragraphs
//! that hold quotations ([`tokens`]); find each quotation's cue and speaker from the words
//! around it ([`speaker`]); give a quotation with no cue of its own the speaker of the
//! quotation it continues ([`continuation`]); resolve pronoun speakers to an antecedent
//! ([`coref`]); link speakers to the article's actors by span; classify each quotation
//! ([`kind`]) and key its wording for grouping across articles ([`wording`]).

pub mod context;
pub mod continuation;
pub mod coref;
mod cue;
pub mod kind;
pub mod lexicon;
pub mod marks;
mod phrase;
pub mod speaker;
pub mod tokens;
pub mod wording;

use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::extract::actors::{LocalActor, Mention};
use crate::extract::quotes::context::{Context, Place};
use crate::extract::quotes::continuation::Attribution;
use crate::extract::quotes::speaker::Frame;
use crate::span::Span;

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A sentence or more of speech.
    Full,
    /// A phrase quoted inside reported speech.
    Partial,
    /// A quoted title, name or scare-quoted term.
    Title,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// No speaker found.
    None,
    /// A speech verb right next to the quotation or its speaker ("…," Rubio said; Rubio said:).
    Cue,
    /// "according to X".
    According,
    /// A colon lead-in with no speech verb ("Rubio delivered a stark message: …").
    Colon,
    /// Reported speech around a partial quotation (Rubio dismissed the idea as "fake news").
    Reported,
    /// A speaker named at the start of a headline ("Ortiz: … ‘on Their Minds’").
    Headline,
    /// A speaker label opening a quoted transcript line ("HOST: Good evening, …").
    Label,
    /// No cue of its own: the speaker of the quotation it follows or continues.
    Continuation,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation including its marks; it may run over several paragraphs.
    pub span: Span,
    /// The pieces of the quotation, one per paragraph, marks included (one piece for a
    /// quotation inside one paragraph).
    pub parts: Vec<Span>,
    /// False when the last piece has no closing mark.
    pub closed: bool,
    /// What kind of quotation it is.
    pub kind: QuoteKind,
    /// The speaker mention as written (a name, description or pronoun), if found.
    pub speaker: Option<Span>,
    /// For a pronoun speaker ("he"), the mention it refers to ("Umerov"), if resolved.
    pub antecedent: Option<Span>,
    /// Index of the speaker in [`crate::extract::Extraction::actors`], if resolved.
    pub actor: Option<u32>,
    /// The speech cue ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// How the speaker was found.
    pub method: Method,
    /// True when the speaker was inferred from context rather than stated next to the quote.
    pub inferred: bool,
    /// Key of the normalised wording: equal for the same words in any article.
    pub group: u64,
}

/// Finds the quotations of one article and attributes them.
pub fn extract(doc: &Doc, mentions: &[Mention], actors: &[LocalActor]) -> Vec<Quote> {
    let text = doc.text;
    let paras: Vec<Span> = doc.content().collect();
    let ctx = Context::new(text, &paras, marks::single_style(text));
    let places = ctx.quotations();
    let mut attributions: Vec<Attribution> = places
        .iter()
        .map(|p| Attribution {
            frame: direct_frame(&ctx, p),
            inferred: false,
        })
        .collect();
    continuation::fill(&ctx, &places, &mut attributions);
    let mut quotes: Vec<Quote> = places
        .iter()
        .zip(&attributions)
        .map(|(p, a)| quote(&ctx, p, a))
        .collect();
    coref::resolve(&ctx, &places, mentions, actors, &mut quotes);
    for q in &mut quotes {
        q.actor = match q.antecedent {
            Some(a) => coref::actor_of(Some(a), mentions),
            None => q
                .speaker
                .and_then(|s| coref::speaker_actor(text, s, mentions, actors)),
        };
        let in_headline = ctx.is_headline(0) && paras[0].covers(q.span);
        q.kind = kind::classify(text, q, in_headline);
        q.group = wording::group(q.span.text(text));
    }
    quotes
}

/// The attribution stated next to one of the quotation's pieces: right after it (`"…," he
/// said`), else right before it (`He said: "…"`), else at the end of its sentence (`"…" by
/// the flooding, Moreau said`), else in the reported speech around it (`called it "a
/// disaster"`), else at the start of a headline.
fn direct_frame(ctx: &Context, places: &[Place]) -> Option<Frame> {
    let first = ctx.stretch(places[0]).span;
    if let Some(label) = speaker::transcript_label(ctx.text, first) {
        return Some(label);
    }
    places.iter().find_map(|&place| {
        let t = ctx.tokens(place.para);
        let q = ctx.token_of(place);
        let before = speaker::before(&t, q);
        let reported = before.is_none_or(|f| f.method == Method::Reported);
        speaker::after(&t, q)
            .or_else(|| reported.then(|| speaker::at_sentence_end(&t, q)).flatten())
            .or(before)
            .or_else(|| {
                let headline = ctx.is_headline(place.para);
                headline.then(|| speaker::headline_speaker(&t, q)).flatten()
            })
    })
}

/// The quotation made of the pieces at `places`, with its attribution.
fn quote(ctx: &Context, places: &[Place], a: &Attribution) -> Quote {
    let parts: Vec<Span> = places.iter().map(|&p| ctx.stretch(p).span).collect();
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let frame = a.frame;
    Quote {
        span: Span::new(first.start(), last.end()),
        closed: places.last().is_some_and(|&p| ctx.stretch(p).closed),
        parts,
        kind: QuoteKind::Title,
        speaker: frame.map(|f| f.speaker),
        antecedent: None,
        actor: None,
        cue: frame.and_then(|f| f.cue),
        method: frame.map_or(Method::None, |f| f.method),
        inferred: a.inferred,
        group: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors::{ActorKind, EntityType, Gender, MentionForm};
    use crate::segment;

    /// The quotations of `text` (paragraphs separated by blank lines), given its mentions.
    fn quotes_of(text: &str, mentions: &[Mention], actors: &[LocalActor]) -> Vec<Quote> {
        let paras = segment::paragraphs(text);
        let layout = segment::layout(text, &paras, &vec![None; paras.len()]);
        let doc = Doc {
            text,
            layout: &layout,
            published: None,
        };
        extract(&doc, mentions, actors)
    }

    fn words(text: &str, s: Option<Span>) -> Option<&str> {
        s.map(|s| s.text(text))
    }

    fn mention(text: &str, name: &str, entity: EntityType, actor: u32) -> Mention {
        let start = text.find(name).unwrap();
        Mention {
            span: Span::new(start, start + name.len()),
            entity,
            actor,
            form: MentionForm::Name,
            possessive: false,
            title: None,
        }
    }

    fn actor(name: &str, kind: ActorKind, gender: Option<Gender>) -> LocalActor {
        LocalActor {
            name: name.into(),
            kind,
            roles: Box::default(),
            gender,
            stands_for: None,
            affiliation: None,
        }
    }

    #[test]
    fn pronoun_resolves_to_the_previous_speaker_and_links_the_actor() {
        let text = "Rustem Umerov met European officials on Friday.\n\n\
                    “We are constructively minded,” Umerov said.\n\n\
                    “Ukraine’s security must be guaranteed,” he added.";
        let mentions = [
            mention(text, "Rustem Umerov", EntityType::Person, 0),
            mention(text, "European", EntityType::Misc, 1),
            Mention {
                span: Span::new(
                    text.rfind("Umerov").unwrap(),
                    text.rfind("Umerov").unwrap() + 6,
                ),
                entity: EntityType::Person,
                actor: 0,
                form: MentionForm::Partial,
                possessive: false,
                title: None,
            },
        ];
        let actors = [
            actor("Rustem Umerov", ActorKind::Person, Some(Gender::Male)),
            actor("Europe", ActorKind::Other, None),
        ];
        let quotes = quotes_of(text, &mentions, &actors);
        assert_eq!(quotes.len(), 2);
        assert_eq!(words(text, quotes[0].speaker), Some("Umerov"));
        assert_eq!(quotes[0].actor, Some(0));
        assert_eq!(words(text, quotes[1].speaker), Some("he"));
        assert_eq!(words(text, quotes[1].antecedent), Some("Umerov"));
        assert_eq!(quotes[1].actor, Some(0));
    }

    #[test]
    fn gender_from_actors_skips_an_incompatible_antecedent() {
        let text = "Jordan Smith met Alex Brown in Paris.\n\n\
                    “We made progress,” she said.";
        let mentions = [
            mention(text, "Jordan Smith", EntityType::Person, 0),
            mention(text, "Alex Brown", EntityType::Person, 1),
            mention(text, "Paris", EntityType::Location, 2),
        ];
        let actors = [
            actor("Jordan Smith", ActorKind::Person, Some(Gender::Male)),
            actor("Alex Brown", ActorKind::Person, Some(Gender::Female)),
            actor("Paris", ActorKind::Place, None),
        ];
        let quotes = quotes_of(text, &mentions, &actors);
        assert_eq!(words(text, quotes[0].antecedent), Some("Alex Brown"));
        assert_eq!(quotes[0].actor, Some(1));
    }

    #[test]
    fn gender_from_first_names_without_mentions() {
        let text = "Maria Delgado spoke after Tom Okafor left the stage.\n\n\
                    “We will win this,” she said.";
        let quotes = quotes_of(text, &[], &[]);
        assert_eq!(words(text, quotes[0].antecedent), Some("Maria Delgado"));
        let text = "Maria Delgado spoke after Tom Okafor left the stage.\n\n\
                    “We will win this,” he said.";
        let quotes = quotes_of(text, &[], &[]);
        assert_eq!(words(text, quotes[0].antecedent), Some("Tom Okafor"));
    }

    #[test]
    fn subject_of_the_preceding_sentence_is_preferred() {
        let text = "Earlier in the day, Rubio delivered a stark message to Lavrov. \
                    “We’re not going to drag this out,” he said.";
        let quotes = quotes_of(text, &[], &[]);
        assert_eq!(words(text, quotes[0].antecedent), Some("Rubio"));
    }

    #[test]
    fn unnamed_source_plural_pronoun() {
        let text = "European diplomats said the draft was unacceptable.\n\n\
                    “It blames nobody,” they wrote.";
        let quotes = quotes_of(text, &[], &[]);
        assert_eq!(words(text, quotes[0].speaker), Some("they"));
        assert_eq!(
            words(text, quotes[0].antecedent),
            Some("European diplomats")
        );
    }

    #[test]
    fn relative_pronoun_speaker() {
        let text = "The bill was backed by Sen. Maria Delgado, who said “it is long overdue.”";
        let quotes = quotes_of(text, &[], &[]);
        assert_eq!(words(text, quotes[0].speaker), Some("who"));
        assert_eq!(
            words(text, quotes[0].antecedent),
            Some("Sen. Maria Delgado")
        );
        assert_eq!(quotes[0].kind, QuoteKind::Partial);
    }

    #[test]
    fn continuation_over_paragraphs_and_lead_in() {
        let text = "Whitfield continued:\n\n\
                    \"The harbour project is behind schedule.\n\n\
                    \"Two cranes are idle; three crews are waiting.\"\n\n\
                    \"We will finish it anyway.\"";
        let quotes = quotes_of(text, &[], &[]);
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].parts.len(), 2);
        assert!(!quotes[0].inferred);
        assert_eq!(words(text, quotes[0].speaker), Some("Whitfield"));
        assert_eq!(quotes[0].kind, QuoteKind::Full);
        assert_eq!(words(text, quotes[1].speaker), Some("Whitfield"));
        assert!(quotes[1].inferred);
        assert_eq!(quotes[1].method, Method::Continuation);
    }

    #[test]
    fn scare_quote_has_no_speaker() {
        let text = "In his “Results of the year” speech in Moscow, Putin blamed Kyiv.";
        let quotes = quotes_of(text, &[], &[]);
        assert_eq!(quotes[0].speaker, None);
        assert_eq!(quotes[0].kind, QuoteKind::Title);
        assert_eq!(quotes[0].method, Method::None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "“",
            "\"\n\n\"",
            "said: “",
            "“a” “b” “c”",
            "he said, “",
            "“é”, é said.",
        ] {
            let _ = quotes_of(text, &[], &[]);
        }
    }
}
