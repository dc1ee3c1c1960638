//! Every quotation in the four bundled sample articles, with its speaker, checked by hand.

use dossier::article::Article;
use dossier::corpus::{self, Input, Progress};
use dossier::extract::quotes::{Method, QuoteKind};
use dossier::record::Record;

/// One expected quotation: the start of its text, the speaker as written, what a pronoun
/// speaker refers to, the cue, its kind, and whether the speaker was inferred.
struct Expected {
    starts: &'static str,
    speaker: Option<&'static str>,
    antecedent: Option<&'static str>,
    cue: Option<&'static str>,
    kind: QuoteKind,
    inferred: bool,
}

const fn q(
    starts: &'static str,
    speaker: &'static str,
    antecedent: Option<&'static str>,
    cue: &'static str,
    kind: QuoteKind,
    inferred: bool,
) -> Expected {
    Expected {
        starts,
        speaker: Some(speaker),
        antecedent,
        cue: Some(cue),
        kind,
        inferred,
    }
}

use QuoteKind::{Full, Partial, Title};

/// Newsmax: the U.N. resolution.
const NEWSMAX: &[Expected] = &[
    q(
        "\"a swift end\"",
        "The U.S. resolution",
        None,
        "calls",
        Partial,
        false,
    ),
    // In the same sentence as the previous one, with the same attribution.
    q(
        "\"the tragic loss of life",
        "The U.S. resolution",
        None,
        "calls",
        Partial,
        false,
    ),
    // "U.S. diplomats wrote in a note …, according to the Journal": the diplomats wrote it.
    q(
        "\"We have called on Ukraine",
        "U.S. diplomats",
        None,
        "wrote",
        Full,
        false,
    ),
    q(
        "\"Through support of this resolution",
        "Rubio",
        None,
        "said",
        Full,
        false,
    ),
    // "…," according to Reuters right after Rubio's quotation: Reuters relays Rubio's words.
    q(
        "\"This is our opportunity",
        "Rubio",
        None,
        "said",
        Full,
        true,
    ),
    q(
        "\"Russian responsibility",
        "Ukrainian Foreign Minister Andrii Sybiha",
        None,
        "writing",
        Full,
        false,
    ),
    // Russia's amendment "calling for … the "root causes"", a phrase Moscow uses.
    q(
        "\"root causes\"",
        "It",
        Some("Russia"),
        "calling",
        Partial,
        false,
    ),
];

/// European Conservative-style piece on the U.S. peace proposal.
const PROPOSAL: &[Expected] = &[
    q(
        "“fragile and consequential”",
        "one European diplomat",
        None,
        "described",
        Partial,
        false,
    ),
    // "Rubio delivered a stark message: … “We’re not going to drag this out …,” he said."
    q(
        "“We’re not going to drag this out",
        "he",
        Some("Rubio"),
        "said",
        Full,
        false,
    ),
    q(
        "“Every sovereign nation",
        "he",
        Some("Rubio"),
        "said",
        Full,
        false,
    ),
    // No cue of its own, right after Rubio's quotation in the same paragraph.
    q(
        "“Ukraine will have a right",
        "he",
        Some("Rubio"),
        "said",
        Full,
        true,
    ),
];

/// Al Jazeera: Rubio's year-end news conference and Umerov's statement.
const AL_JAZEERA: &[Expected] = &[
    // The headline: "Rubio says ‘progress but ways to go’".
    q(
        "‘progress but ways to go’",
        "Rubio",
        None,
        "says",
        Partial,
        false,
    ),
    q(
        "“What we are trying to figure out",
        "he",
        Some("Marco Rubio"),
        "said",
        Full,
        false,
    ),
    // A paragraph that is only a quotation, right after Rubio's: it continues him.
    q(
        "“I think we’ve made progress",
        "he",
        Some("Marco Rubio"),
        "said",
        Full,
        true,
    ),
    q(
        "“We are constructively minded",
        "Umerov",
        None,
        "said",
        Full,
        false,
    ),
    q(
        "“Ukraine’s security must be guaranteed",
        "he",
        Some("Umerov"),
        "added",
        Full,
        false,
    ),
    q(
        "“We don’t see surrender",
        "the US secretary of state",
        None,
        "said",
        Full,
        false,
    ),
];

/// bne IntelliNews: the Rubio–Witkoff rift, from NBC's sources.
const INTELLINEWS: &[Expected] = &[
    q(
        "“It is so clear that Rubio",
        "One senior Trump administration official quoted by\u{a0}NBC",
        None,
        "said",
        Full,
        false,
    ),
    q(
        "“Some in the Trump administration",
        "one source",
        None,
        "told",
        Full,
        false,
    ),
    q(
        "“But there are still concerns",
        "a US official with direct knowledge of the matter",
        None,
        "said",
        Full,
        false,
    ),
    q("“two camps”", "Trump", None, "suggested", Partial, false),
    q("“fake news”", "Rubio", None, "dismissed", Partial, false),
];

fn samples() -> Vec<Article> {
    corpus::load(&Input::Sample, &Progress::default()).articles
}

fn check(article: &Article, expected: &[Expected]) {
    let text = &article.text;
    let quotes: Vec<_> = article.quotes().filter(|q| q.kind != Title).collect();
    let got: Vec<String> = quotes
        .iter()
        .map(|q| q.span.text(text).to_string())
        .collect();
    assert_eq!(quotes.len(), expected.len(), "quotations found: {got:#?}");
    for (q, e) in quotes.iter().zip(expected) {
        let quote = q.span.text(text);
        assert!(
            quote.starts_with(e.starts),
            "{quote:?} should start with {:?}",
            e.starts
        );
        let words = |s: Option<dossier::span::Span>| s.map(|s| s.text(text));
        assert_eq!(words(q.speaker), e.speaker, "speaker of {quote:?}");
        assert_eq!(words(q.antecedent), e.antecedent, "antecedent of {quote:?}");
        assert_eq!(words(q.cue), e.cue, "cue of {quote:?}");
        assert_eq!(q.kind, e.kind, "kind of {quote:?}");
        assert_eq!(q.inferred, e.inferred, "inferred for {quote:?}");
        assert_ne!(q.method, Method::None, "method of {quote:?}");
    }
}

#[test]
fn newsmax_quotations() {
    check(&samples()[0], NEWSMAX);
}

#[test]
fn proposal_quotations() {
    check(&samples()[1], PROPOSAL);
}

#[test]
fn al_jazeera_quotations() {
    check(&samples()[2], AL_JAZEERA);
}

#[test]
fn intellinews_quotations() {
    check(&samples()[3], INTELLINEWS);
}

#[test]
fn quoted_title_is_not_a_quotation() {
    let articles = samples();
    let a = &articles[2];
    let titles: Vec<&str> = a
        .quotes()
        .filter(|q| q.kind == Title)
        .map(|q| q.span.text(&a.text))
        .collect();
    assert_eq!(titles, ["“Results of the year”"]);
    let record = Record::of(a);
    assert!(
        record
            .quotes
            .iter()
            .all(|q| q.text != "“Results of the year”")
    );
}

#[test]
fn records_carry_kind_method_and_group() {
    let articles = samples();
    let record = Record::of(&articles[2]);
    let umerov = record
        .quotes
        .iter()
        .find(|q| q.text.starts_with("“Ukraine’s security"))
        .unwrap();
    assert_eq!(umerov.speaker.as_deref(), Some("he"));
    assert_eq!(umerov.antecedent.as_deref(), Some("Umerov"));
    assert_eq!(umerov.cue.as_deref(), Some("added"));
    assert_eq!(umerov.group.len(), 16);
    let json = serde_json::to_value(umerov).unwrap();
    assert_eq!(json["kind"], "full");
    assert_eq!(json["method"], "cue");
    assert_eq!(json["inferred"], false);
    let start = umerov.speaker_start.unwrap() as usize;
    let end = umerov.speaker_end.unwrap() as usize;
    assert_eq!(&articles[2].text[start..end], "he");
}

#[test]
fn speakers_link_to_their_actors() {
    let articles = samples();
    let actor_of = |a: usize, starts: &str| {
        let record = Record::of(&articles[a]);
        let q = record
            .quotes
            .iter()
            .find(|q| q.text.starts_with(starts))
            .unwrap_or_else(|| panic!("no quotation {starts:?}"));
        q.actor.clone()
    };
    // Pronouns through their antecedent, descriptions by role, names by their mention.
    assert_eq!(
        actor_of(1, "“We’re not going to drag this out").as_deref(),
        Some("Marco Rubio")
    );
    assert_eq!(
        actor_of(2, "“Ukraine’s security").as_deref(),
        Some("Rustem Umerov")
    );
    assert_eq!(
        actor_of(2, "“We don’t see surrender").as_deref(),
        Some("Marco Rubio")
    );
    assert_eq!(
        actor_of(0, "\"Through support").as_deref(),
        Some("Marco Rubio")
    );
    assert_eq!(
        actor_of(3, "“But there are still concerns").as_deref(),
        Some("a US official with direct knowledge of the matter")
    );
}
