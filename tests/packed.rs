//! The packed forms of an article's extraction and layout: encode → decode gives back
//! exactly what was extracted, and bytes that do not fit the text are rejected without a
//! panic.

use chrono::NaiveDate;
use proptest::prelude::*;

use dossier::article::packed::{PARTS, Packed, Part};
use dossier::corpus::{self, Input, Progress};
use dossier::extract::actors::{
    ActorKind, EntityType, Gender, LocalActor, Mention, MentionForm, Role,
};
use dossier::extract::events::{Event, EventKind};
use dossier::extract::quotes::{Method, Quote, QuoteKind};
use dossier::extract::time::{Granularity, Interval, Mod, Timex, TimexType};
use dossier::extract::{self, Doc, Extraction};
use dossier::layout::{Boilerplate, Layout, PackedLayout, Paragraph};
use dossier::span::Span;

#[test]
fn sample_articles_round_trip() {
    let articles = corpus::load(&Input::Sample, &Progress::default()).articles;
    assert_eq!(articles.len(), 4);
    for a in &articles {
        let layout = a.layout.decode();
        assert!(layout.paragraphs.len() > 5 && layout.sentences.len() > 10);
        assert_eq!(PackedLayout::encode(&layout), a.layout);
        let doc = Doc {
            text: &a.text,
            layout: &layout,
            published: a.date(),
        };
        let extracted = extract::extract(&doc);
        assert!(!extracted.mentions.is_empty() && !extracted.events.is_empty());
        assert_eq!(a.extraction(), extracted);
        assert_eq!(Packed::encode(&extracted, &a.text), a.packed);
        for part in PARTS {
            let n = match part {
                Part::Mentions => extracted.mentions.len(),
                Part::Actors => extracted.actors.len(),
                Part::Quotes => extracted.quotes.len(),
                Part::Timexes => extracted.timexes.len(),
                Part::Events => extracted.events.len(),
            };
            assert_eq!(a.count(part), n, "{part:?}");
        }
        assert_eq!(a.quotes().collect::<Vec<_>>(), extracted.quotes);
        assert_eq!(a.events().nth(1), extracted.events.get(1).cloned());
        assert!(a.validate().is_ok());
    }
}

#[test]
fn names_found_in_the_text_are_not_copied() {
    let text = "Marco Rubio met Sergiy Kyslytsya in Geneva on Sunday.";
    let actor = |name: &str| LocalActor {
        name: name.into(),
        kind: ActorKind::Person,
        roles: Box::new([]),
        gender: None,
        stands_for: None,
        affiliation: None,
    };
    let found = Extraction {
        actors: vec![actor("Sergiy Kyslytsya")],
        ..Extraction::default()
    };
    let absent = Extraction {
        actors: vec![actor("Andriy Yermak, head")],
        ..Extraction::default()
    };
    let (found_packed, absent_packed) =
        (Packed::encode(&found, text), Packed::encode(&absent, text));
    // Four part lengths, a count, the name's offset and length, and the flags and roles.
    assert_eq!(found_packed.bytes().len(), 4 + 1 + 2 + 2);
    assert_eq!(absent_packed.bytes().len(), 4 + 1 + 1 + 19 + 2);
    assert_eq!(found_packed.decode(text).unwrap(), found);
    assert_eq!(absent_packed.decode(text).unwrap(), absent);
}

#[test]
fn bytes_that_do_not_fit_the_text_are_rejected() {
    let text = "“We will not give up,” Umerov said.";
    let x = Extraction {
        mentions: vec![Mention {
            span: Span::new(27, 33),
            entity: EntityType::Person,
            actor: 0,
            form: MentionForm::Partial,
            possessive: false,
            title: None,
        }],
        actors: vec![LocalActor {
            name: "Umerov".into(),
            kind: ActorKind::Person,
            roles: Box::new([]),
            gender: Some(Gender::Male),
            stands_for: None,
            affiliation: None,
        }],
        ..Extraction::default()
    };
    let packed = Packed::encode(&x, text);
    assert!(packed.check(text).is_ok());
    // The same bytes against a shorter text: the mention's span is past its end.
    assert!(packed.check("Umerov said.").is_err());
    // A span cut inside the opening mark (a three-byte character).
    let inside = Extraction {
        mentions: vec![Mention {
            span: Span::new(1, 5),
            ..x.mentions[0].clone()
        }],
        ..x.clone()
    };
    assert!(Packed::encode(&inside, text).check(text).is_err());
    // A mention of a local actor that does not exist.
    let orphan = Extraction {
        actors: Vec::new(),
        ..x.clone()
    };
    assert!(Packed::encode(&orphan, text).check(text).is_err());
    // Every truncation of the bytes.
    let bytes = packed.bytes();
    for len in 0..bytes.len() {
        let cut = Packed::from_bytes(bytes[..len].into());
        assert!(len == 0 || cut.check(text).is_err(), "cut at {len}");
        assert_eq!(cut.decode(text).is_ok(), len == 0);
    }
}

/// A text of ASCII letters, spaces, newlines and multi-byte characters.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z .,é“”—\n]{0,120}"
}

/// Spans of `text` on character boundaries.
fn span(text: &str) -> impl Strategy<Value = Span> + use<> {
    let bounds: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let n = bounds.len();
    (0..n, 0..n).prop_map(move |(a, b)| Span::new(bounds[a.min(b)], bounds[a.max(b)]))
}

/// A string: a piece of the text (stored by reference) or any other.
fn string(text: &str) -> impl Strategy<Value = String> + use<> {
    let owned = text.to_string();
    prop_oneof![
        span(text).prop_map(move |s| s.text(&owned).to_string()),
        "[a-zé ]{0,12}",
    ]
}

fn interval() -> impl Strategy<Value = Interval> {
    let day = |n: i32| NaiveDate::from_num_days_from_ce_opt(n).unwrap();
    (600_000..800_000i32, 0..4000i32).prop_map(move |(start, len)| Interval {
        start: day(start),
        end: day(start + len),
    })
}

/// Indices of local actors, when there are `actors`.
fn actor(actors: usize) -> impl Strategy<Value = u32> {
    0..actors.max(1) as u32
}

/// At most `max` items, none when there is no actor for them to refer to.
fn up_to(actors: usize, max: usize) -> std::ops::Range<usize> {
    0..if actors == 0 { 1 } else { max }
}

fn local_actor(text: &str) -> impl Strategy<Value = LocalActor> + use<> {
    let role = (string(text), span(text), proptest::option::of(string(text))).prop_map(
        |(title, span, affiliation)| Role {
            title: title.into(),
            span,
            affiliation: affiliation.map(Into::into),
        },
    );
    (
        string(text),
        prop::sample::select(vec![
            ActorKind::Person,
            ActorKind::Organisation,
            ActorKind::Place,
            ActorKind::Unnamed,
            ActorKind::Other,
        ]),
        prop::collection::vec(role, 0..3),
        proptest::option::of(prop::sample::select(vec![Gender::Male, Gender::Female])),
        proptest::option::of(string(text)),
        proptest::option::of(string(text)),
    )
        .prop_map(
            |(name, kind, roles, gender, stands_for, affiliation)| LocalActor {
                name: name.into(),
                kind,
                roles: roles.into(),
                gender,
                stands_for: stands_for.map(Into::into),
                affiliation: affiliation.map(Into::into),
            },
        )
}

fn mention(text: &str, actors: usize) -> impl Strategy<Value = Mention> + use<> {
    (
        span(text),
        prop::sample::select(vec![
            EntityType::Person,
            EntityType::Organisation,
            EntityType::Location,
            EntityType::Misc,
        ]),
        actor(actors),
        prop::sample::select(vec![
            MentionForm::Full,
            MentionForm::Partial,
            MentionForm::Acronym,
            MentionForm::Name,
            MentionForm::Metonym,
            MentionForm::Description,
        ]),
        any::<bool>(),
        proptest::option::of(span(text)),
    )
        .prop_map(|(span, entity, actor, form, possessive, title)| Mention {
            span,
            entity,
            actor,
            form,
            possessive,
            title,
        })
}

fn quote(text: &str, actors: usize) -> impl Strategy<Value = Quote> + use<> {
    let spans = (
        span(text),
        prop::collection::vec(span(text), 0..3),
        proptest::option::of(span(text)),
        proptest::option::of(span(text)),
        proptest::option::of(span(text)),
    );
    let rest = (
        any::<bool>(),
        prop::sample::select(vec![QuoteKind::Full, QuoteKind::Partial, QuoteKind::Title]),
        proptest::option::of(actor(actors)).prop_map(move |a| a.filter(|_| actors > 0)),
        prop::sample::select(vec![
            Method::None,
            Method::Cue,
            Method::According,
            Method::Colon,
            Method::Reported,
            Method::Headline,
            Method::Label,
            Method::Continuation,
        ]),
        any::<bool>(),
        any::<u64>(),
    );
    (spans, rest).prop_map(
        |(
            (span, parts, speaker, antecedent, cue),
            (closed, kind, actor, method, inferred, group),
        )| {
            Quote {
                span,
                parts,
                closed,
                kind,
                speaker,
                antecedent,
                actor,
                cue,
                method,
                inferred,
                group,
            }
        },
    )
}

fn granularity() -> impl Strategy<Value = Option<Granularity>> {
    proptest::option::of(prop::sample::select(vec![
        Granularity::Day,
        Granularity::Week,
        Granularity::Month,
        Granularity::Quarter,
        Granularity::Year,
        Granularity::Decade,
    ]))
}

fn timex(text: &str) -> impl Strategy<Value = Timex> + use<> {
    (
        span(text),
        prop::sample::select(vec![
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ]),
        "[0-9A-Z_-]{0,12}",
        proptest::option::of(interval()),
        granularity(),
        proptest::option::of(prop::sample::select(vec![
            Mod::Start,
            Mod::Mid,
            Mod::End,
            Mod::Approx,
            Mod::MoreThan,
            Mod::LessThan,
            Mod::EqualOrMore,
            Mod::EqualOrLess,
            Mod::OnOrAfter,
            Mod::OnOrBefore,
        ])),
        any::<bool>(),
    )
        .prop_map(
            |(span, kind, value, interval, granularity, modifier, closes_range)| Timex {
                span,
                kind,
                value: value.into(),
                interval,
                granularity,
                modifier,
                closes_range,
            },
        )
}

fn event(text: &str, actors: usize) -> impl Strategy<Value = Event> + use<> {
    (
        span(text),
        prop::sample::select(vec![
            EventKind::Publication,
            EventKind::Event,
            EventKind::Statement,
        ]),
        proptest::option::of(interval()),
        proptest::option::of("[0-9W/-]{0,21}"),
        granularity(),
        any::<bool>(),
        span(text),
        prop::collection::vec(actor(actors), up_to(actors, 4)),
    )
        .prop_map(
            |(span, kind, date, value, granularity, approximate, label, actors)| Event {
                span,
                kind,
                date,
                value: value.map(Into::into),
                granularity,
                approximate,
                label,
                actors,
            },
        )
}

/// A text and an extraction of it: every span on its character boundaries, every actor
/// index in range.
fn extraction() -> impl Strategy<Value = (String, Extraction)> {
    (text(), 0..4usize).prop_flat_map(|(text, n)| {
        let parts = (
            prop::collection::vec(mention(&text, n), up_to(n, 8)),
            prop::collection::vec(local_actor(&text), n..=n),
            prop::collection::vec(quote(&text, n), 0..4),
            prop::collection::vec(timex(&text), 0..4),
            prop::collection::vec(event(&text, n), 0..4),
        );
        (Just(text), parts).prop_map(|(text, (mentions, actors, quotes, timexes, events))| {
            let x = Extraction {
                mentions,
                actors,
                quotes,
                timexes,
                events,
            };
            (text, x)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn encode_then_decode_gives_back_the_layout((text, layout) in layout()) {
        let packed = PackedLayout::encode(&layout);
        prop_assert!(packed.check(&text).is_ok());
        prop_assert_eq!(packed.decode(), layout.clone());
        prop_assert_eq!(packed.paragraph_count(), layout.paragraphs.len());
    }

    #[test]
    fn corrupt_layout_bytes_are_rejected_or_fit((text, layout) in layout(), at in any::<usize>(), byte in any::<u8>()) {
        let mut bytes = PackedLayout::encode(&layout).bytes().to_vec();
        let i = at % bytes.len();
        bytes[i] = byte;
        let packed = PackedLayout::from_bytes(bytes.into());
        // Never a panic; bytes that pass the check decode to a layout that fits the text.
        let decoded = packed.decode();
        if packed.check(&text).is_ok() {
            for p in &decoded.paragraphs {
                prop_assert!(dossier::extract::check::span(&text, p.span, "paragraph").is_ok());
                prop_assert!(p.sentence_range().end <= decoded.sentences.len());
            }
            for &s in &decoded.sentences {
                prop_assert!(dossier::extract::check::span(&text, s, "sentence").is_ok());
            }
            prop_assert_eq!(PackedLayout::encode(&decoded).check(&text), Ok(()));
        }
    }

    #[test]
    fn encode_then_decode_gives_back_the_extraction((text, x) in extraction()) {
        let packed = Packed::encode(&x, &text);
        prop_assert!(packed.check(&text).is_ok());
        prop_assert_eq!(packed.decode(&text).unwrap(), x.clone());
        prop_assert_eq!(packed.count(Part::Mentions), x.mentions.len());
        prop_assert_eq!(packed.count(Part::Events), x.events.len());
        let quotes: Vec<Quote> = packed.items(&text).collect();
        prop_assert_eq!(quotes, x.quotes);
    }

    #[test]
    fn corrupt_bytes_are_rejected_or_decode((text, x) in extraction(), at in any::<usize>(), byte in any::<u8>()) {
        let mut bytes = Packed::encode(&x, &text).bytes().to_vec();
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = byte;
        }
        let packed = Packed::from_bytes(bytes.into());
        // Never a panic: either the bytes are rejected, or they decode to an extraction
        // that fits the text.
        if packed.check(&text).is_ok() {
            let decoded = packed.decode(&text).unwrap();
            prop_assert!(dossier::extract::check::extraction(&decoded, &text).is_ok());
        } else {
            prop_assert!(packed.decode(&text).is_err());
        }
    }
}

/// A boilerplate line, then a paragraph of two sentences.
fn two_paragraphs() -> (&'static str, Layout) {
    let text = "Read More:\n\nKyiv said no. Talks end.\n";
    let paragraph = |span, boilerplate, first_sentence, sentence_count| Paragraph {
        span,
        boilerplate,
        first_sentence,
        sentence_count,
    };
    let layout = Layout {
        paragraphs: vec![
            paragraph(Span::new(0, 10), Some(Boilerplate::Navigation), 0, 1),
            paragraph(Span::new(12, 36), None, 1, 2),
        ],
        sentences: vec![Span::new(0, 10), Span::new(12, 25), Span::new(26, 36)],
    };
    (text, layout)
}

#[test]
fn a_layout_packs_to_deltas_and_lengths() {
    let (text, layout) = two_paragraphs();
    let packed = PackedLayout::encode(&layout);
    // Counts; sentences as (start after the previous end, zigzag-coded; length); paragraphs
    // as (start, length, boilerplate kind plus one, sentence count).
    let sentences = [0, 10, 4, 13, 2, 10];
    let paragraphs = [0, 10, 1, 1, 4, 24, 0, 2];
    assert_eq!(
        packed.bytes(),
        [&[2, 3][..], &sentences, &paragraphs].concat()
    );
    assert!(packed.check(text).is_ok());
    assert_eq!(packed.decode(), layout);
    assert_eq!((packed.paragraph_count(), packed.sentence_count()), (2, 3));
    assert_eq!(PackedLayout::default().bytes(), [0, 0]);
    let decoded = packed.decode();
    let sentence = |offset| {
        decoded
            .sentence_at(offset)
            .map(|i| (i, decoded.sentences[i].text(text)))
    };
    assert_eq!(sentence(0), Some((0, "Read More:")));
    assert_eq!(sentence(11), None);
    assert_eq!(sentence(24), Some((1, "Kyiv said no.")));
    assert_eq!(sentence(25), None);
    assert_eq!(sentence(26), Some((2, "Talks end.")));
    assert_eq!(sentence(36), None);
    // A paragraph whose sentences do not follow the previous one's gives its first.
    let mut apart = layout.clone();
    apart.paragraphs[1].first_sentence = 0;
    let packed = PackedLayout::encode(&apart);
    assert_eq!(packed.bytes()[12..], [4, 24, 0x80, 0, 2]);
    assert_eq!(packed.decode(), apart);
}

#[test]
fn a_layout_that_does_not_fit_the_text_is_rejected() {
    let (text, layout) = two_paragraphs();
    let packed = PackedLayout::encode(&layout);
    // Past the end of a shorter text, and inside a multi-byte character.
    assert!(packed.check("Read More:").is_err());
    assert!(
        packed
            .check("Read Mor“\n\nKyiv said no. Talks end.\n")
            .is_err()
    );
    // A paragraph whose sentences are missing.
    let mut missing = layout.clone();
    missing.paragraphs[1].sentence_count = 3;
    assert!(PackedLayout::encode(&missing).check(text).is_err());
    // Every truncation, and a byte more.
    let bytes = packed.bytes();
    for len in 0..bytes.len() {
        let cut = PackedLayout::from_bytes(bytes[..len].into());
        assert!(cut.check(text).is_err(), "cut at {len}");
    }
    let longer = PackedLayout::from_bytes([bytes, &[0]].concat().into());
    assert!(longer.check(text).is_err());
    // An article whose layout does not fit is rejected like a corrupt extraction.
    let mut article = corpus::load(&Input::Sample, &Progress::default())
        .articles
        .swap_remove(0);
    assert!(article.validate().is_ok());
    article.layout = PackedLayout::from_bytes(article.layout.bytes()[..20].into());
    assert!(article.validate().is_err());
}

/// A text and a layout of it: spans on its character boundaries, sentences in text order,
/// paragraphs in any order with any sentence ranges that exist.
fn layout() -> impl Strategy<Value = (String, Layout)> {
    (text(), 0..12usize).prop_flat_map(|(text, n)| {
        let sentences = prop::collection::vec(span(&text), n..=n).prop_map(|mut s| {
            s.sort_unstable();
            s
        });
        let kinds = vec![
            Boilerplate::Navigation,
            Boilerplate::Timestamp,
            Boilerplate::Comments,
            Boilerplate::Copyright,
            Boilerplate::Metadata,
            Boilerplate::AuthorBio,
            Boilerplate::RepeatedTitle,
            Boilerplate::Credits,
        ];
        let paragraph = (
            span(&text),
            proptest::option::of(prop::sample::select(kinds)),
            0..=n as u32,
            0..=n as u32,
        )
            .prop_map(move |(span, boilerplate, a, b)| Paragraph {
                span,
                boilerplate,
                first_sentence: a.min(b),
                sentence_count: a.max(b) - a.min(b),
            });
        (
            Just(text),
            sentences,
            prop::collection::vec(paragraph, 0..6),
        )
            .prop_map(|(text, sentences, paragraphs)| {
                (
                    text,
                    Layout {
                        paragraphs,
                        sentences,
                    },
                )
            })
    })
}
