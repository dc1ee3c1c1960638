//! A deterministic generator of news-like text for the benchmarks, so `cargo bench` runs on
//! a fresh machine: sentences drawn from a Zipf-distributed vocabulary (a few hundred common
//! English words and tens of thousands of generated rare words), person names, outlets, and
//! an index of articles with hand-placed actors, mentions, quotations and events.

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use dossier::app::catalog::Catalog;
use dossier::article::{Meta, Origin};
use dossier::extract::Extraction;
use dossier::extract::actors::{ActorKind, EntityType, LocalActor, Mention, MentionForm, Role};
use dossier::extract::events::{Event, EventKind};
use dossier::extract::quotes::{Method, Quote, QuoteKind};
use dossier::extract::time::{Granularity, Interval};
use dossier::index::Index;
use dossier::ingest::{self, Draft};
use dossier::span::Span;

const COMMON: &str = "the of and to a in that is for on said it with as was he by at from \
    his an be have has but are not they this who were been their more will would had its \
    after one about or which also we us there than president government minister officials \
    people war talks peace deal security ukraine russia united states country military \
    against over two new into talks week year could told support forces leaders state \
    should other between what while during last first because before under since agreement \
    plan meeting statement border region city state court election party vote economic \
    trade sanctions energy oil prices market bank budget health police attack troops \
    ceasefire negotiations diplomatic foreign national international european american \
    ministry spokesman envoy secretary council parliament republic democratic conference \
    reporters monday tuesday wednesday thursday friday saturday sunday january february \
    march april may june july august september october november december percent million \
    billion according added including however already still even just only very well";

const SYLLABLES: [&str; 24] = [
    "ka", "ro", "mi", "ten", "sa", "vo", "li", "der", "an", "to", "ne", "bru", "shi", "ga", "pol",
    "et", "ur", "zan", "fi", "mor", "de", "la", "qui", "ost",
];

/// A small, fast, deterministic random number generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Words with Zipf weights, and names.
pub struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
    /// Person names "First Last".
    pub names: Vec<String>,
    /// Outlet names.
    pub outlets: Vec<String>,
}

fn made_up(rng: &mut Rng, syllables: usize) -> String {
    (0..syllables)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

impl Vocabulary {
    /// A vocabulary of the common words plus `rare` generated words, and `names` names.
    pub fn new(rare: usize, names: usize) -> Vocabulary {
        let mut rng = Rng::new(7);
        let mut words: Vec<String> = COMMON.split_whitespace().map(String::from).collect();
        words.extend((0..rare).map(|_| {
            let n = 2 + rng.below(3);
            made_up(&mut rng, n)
        }));
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        let names = (0..names)
            .map(|_| {
                let (a, b) = (2 + rng.below(2), 2 + rng.below(3));
                format!(
                    "{} {}",
                    capitalised(&made_up(&mut rng, a)),
                    capitalised(&made_up(&mut rng, b))
                )
            })
            .collect();
        let outlets = (0..50)
            .map(|_| {
                let n = 2 + rng.below(2);
                format!("The {} Times", capitalised(&made_up(&mut rng, n)))
            })
            .collect();
        Vocabulary {
            words,
            cumulative,
            names,
            outlets,
        }
    }

    /// A word drawn by Zipf's law.
    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap();
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }

    /// A sentence of 6 to 40 words, capitalised, ending with a full stop.
    pub fn sentence(&self, rng: &mut Rng) -> String {
        let n = 6 + rng.below(35);
        let words: Vec<&str> = (0..n).map(|_| self.word(rng)).collect();
        format!("{}.", capitalised(&words.join(" ")))
    }
}

/// `n` quotations as the finder indexes them: text, speaker, source.
pub fn quotations(n: usize, vocabulary: &Vocabulary) -> Vec<(String, Option<usize>, usize)> {
    let mut rng = Rng::new(42);
    (0..n)
        .map(|_| {
            let text = format!("“{}”", vocabulary.sentence(&mut rng));
            let speaker = (rng.below(10) > 0).then(|| rng.below(vocabulary.names.len()));
            (text, speaker, rng.below(vocabulary.outlets.len()))
        })
        .collect()
}

/// A catalog of `articles` articles with `per_article` events each (every sentence starts
/// with an actor's name, is one event, and every other one holds a quotation), drawing
/// actors from `actors` names.
pub fn catalog(articles: usize, per_article: usize, actors: usize) -> Catalog {
    let vocabulary = Vocabulary::new(20_000, actors);
    let mut rng = Rng::new(1);
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut all = Vec::with_capacity(articles);
    for a in 0..articles {
        let mut text = String::new();
        let mut placed = Vec::new();
        for s in 0..per_article {
            let who = rng.below(actors);
            let name = &vocabulary.names[who];
            let start = text.len();
            text.push_str(name);
            let name_span = Span::new(start, text.len());
            let quoted = s % 2 == 0;
            if quoted {
                text.push_str(" said: ");
                let q = text.len();
                text.push_str(&format!("“{}”", vocabulary.sentence(&mut rng)));
                placed.push((
                    who,
                    name_span,
                    Span::new(start, text.len()),
                    Some(Span::new(q, text.len())),
                ));
            } else {
                text.push(' ');
                text.push_str(&vocabulary.sentence(&mut rng));
                placed.push((who, name_span, Span::new(start, text.len()), None));
            }
            text.push_str("\n\n");
        }
        let mut article = ingest::article(Draft {
            origin: Origin {
                path: PathBuf::from(format!("synthetic/{a:06}.txt")),
                record: None,
            },
            text,
            meta: Meta::default(),
        });
        let mut locals: Vec<usize> = placed.iter().map(|p| p.0).collect();
        locals.sort_unstable();
        locals.dedup();
        let local = |who: usize| locals.binary_search(&who).unwrap() as u32;
        let mut x = Extraction {
            actors: locals
                .iter()
                .map(|&who| LocalActor {
                    name: vocabulary.names[who].as_str().into(),
                    kind: ActorKind::Person,
                    roles: Box::new([Role {
                        title: "minister".into(),
                        span: Span::default(),
                        affiliation: None,
                    }]),
                    gender: None,
                    stands_for: None,
                    affiliation: None,
                })
                .collect(),
            ..Extraction::default()
        };
        for (i, &(who, name, sentence, quote)) in placed.iter().enumerate() {
            x.mentions.push(Mention {
                span: name,
                entity: EntityType::Person,
                actor: local(who),
                form: MentionForm::Full,
                possessive: false,
                title: None,
            });
            if let Some(q) = quote {
                x.quotes.push(Quote {
                    span: q,
                    parts: vec![q],
                    closed: true,
                    kind: QuoteKind::Full,
                    speaker: Some(name),
                    antecedent: None,
                    actor: Some(local(who)),
                    cue: None,
                    method: Method::Cue,
                    inferred: false,
                    group: 0,
                });
            }
            let day = base + Days::new(((a * 7 + i * 3) % 2000) as u64);
            let dated = (a + i) % 9 != 0;
            x.events.push(Event {
                span: quote.unwrap_or(sentence),
                kind: if quote.is_some() {
                    EventKind::Statement
                } else {
                    EventKind::Event
                },
                date: dated.then_some(Interval {
                    start: day,
                    end: day,
                }),
                value: dated.then(|| day.to_string().into()),
                granularity: dated.then_some(Granularity::Day),
                approximate: false,
                label: sentence,
                actors: vec![local(who)],
            });
        }
        article.set_extraction(&x);
        all.push(article);
    }
    Catalog::build(Index::build(all, Vec::new()))
}
