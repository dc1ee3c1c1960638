//! The corpus the pipeline benchmarks read, as JSON Lines records.
//!
//! With `DOSSIER_BENCH_CORPUS` set to a JSON Lines file (gzip-compressed when its name ends in
//! `.gz`), for example the 10,000-article Reuters sample, its records are used, replicated
//! with distinct ids (`ID#2`, `ID#3`, …) to reach larger sizes. Without it, a deterministic
//! generator writes news-like articles (bylines, titles, named people with roles, quotations,
//! dates, organisations and places), so `cargo bench` runs on a fresh clone.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use dossier::article::{Article, Origin};
use dossier::extract::Doc;
use dossier::ingest::{self, Draft, json};
use dossier::layout::Layout;
use serde_json::{Value, json};

use super::synthetic::Rng;

/// JSON Lines records of news articles, and where they came from.
pub struct Corpus {
    /// One JSON object per article.
    pub lines: Vec<String>,
    /// Where the records came from ("reuters_10k.jsonl.gz ×3", "generated").
    pub name: String,
}

impl Corpus {
    /// `articles` records: the `DOSSIER_BENCH_CORPUS` file replicated as needed, else
    /// generated ones.
    pub fn new(articles: usize) -> Corpus {
        match std::env::var_os("DOSSIER_BENCH_CORPUS") {
            Some(path) => replicated(Path::new(&path), articles),
            None => Corpus {
                lines: (0..articles).map(generated).collect(),
                name: "generated".into(),
            },
        }
    }

    /// The first records holding at most `bytes` bytes of text (at least one record).
    pub fn up_to_bytes(bytes: usize) -> Corpus {
        let mut n = bytes / 4000 + 1;
        let mut corpus = Corpus::new(n);
        while corpus.text_bytes() < bytes && n < MOST_RECORDS {
            n *= 2;
            corpus = Corpus::new(n);
        }
        let mut total = 0;
        let keep = corpus
            .lines
            .iter()
            .take_while(|l| {
                total += text_len(l);
                total <= bytes
            })
            .count();
        corpus.lines.truncate(keep.max(1));
        corpus
    }

    /// The records as drafts, as `dossier` reads them from a JSON Lines file.
    pub fn drafts(&self) -> Vec<Draft> {
        self.lines
            .iter()
            .enumerate()
            .map(|(n, line)| {
                let record = json::parse_line(line).expect("benchmark records are valid");
                Draft {
                    origin: Origin {
                        path: "bench.jsonl".into(),
                        record: Some(n + 1),
                    },
                    text: record.text,
                    meta: record.meta,
                }
            })
            .collect()
    }

    /// The records as articles with metadata and layout, not yet extracted.
    pub fn articles(&self) -> Vec<Article> {
        self.drafts().into_iter().map(ingest::article).collect()
    }

    /// Bytes of article text.
    pub fn text_bytes(&self) -> usize {
        self.lines.iter().map(|l| text_len(l)).sum()
    }

    /// A one-line description: articles, megabytes of text, origin.
    pub fn describe(&self) -> String {
        format!(
            "{} articles, {:.1} MB of text ({})",
            self.lines.len(),
            self.text_bytes() as f64 / 1e6,
            self.name
        )
    }

    /// Writes the records into `dir` as `shards` JSON Lines files of consecutive records.
    pub fn write_shards(&self, dir: &Path, shards: usize) {
        fs::create_dir_all(dir).expect("cannot create the benchmark corpus folder");
        let per = self.lines.len().div_ceil(shards.max(1)).max(1);
        for (i, chunk) in self.lines.chunks(per).enumerate() {
            let file = File::create(dir.join(format!("shard-{i:03}.jsonl")))
                .expect("cannot write the benchmark corpus");
            let mut out = BufWriter::new(file);
            for line in chunk {
                writeln!(out, "{line}").expect("cannot write the benchmark corpus");
            }
            out.flush().expect("cannot write the benchmark corpus");
        }
    }
}

/// Most records read or generated for [`Corpus::up_to_bytes`].
const MOST_RECORDS: usize = 100_000;

fn text_len(line: &str) -> usize {
    serde_json::from_str::<Value>(line)
        .ok()
        .and_then(|v| v.get("text")?.as_str().map(str::len))
        .unwrap_or(0)
}

/// The articles of the `DOSSIER_BENCH_CORPUS` file, once (not replicated), as many as hold at
/// most `bytes` bytes of text (at least one); `None` when the variable is not set. For the
/// extractor benchmarks, which generate their own text otherwise.
pub fn file_articles(bytes: usize) -> Option<Vec<Article>> {
    let path = std::env::var_os("DOSSIER_BENCH_CORPUS")?;
    let mut lines = records(Path::new(&path));
    let mut total = 0;
    let keep = lines
        .iter()
        .take_while(|l| {
            total += text_len(l);
            total <= bytes
        })
        .count();
    lines.truncate(keep.max(1));
    let name = String::new();
    Some(Corpus { lines, name }.articles())
}

/// The non-empty lines of a JSON Lines file, gzip-compressed when its name ends in `.gz`.
fn records(path: &Path) -> Vec<String> {
    let file =
        File::open(path).unwrap_or_else(|e| panic!("DOSSIER_BENCH_CORPUS {}: {e}", path.display()));
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    BufReader::new(reader)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// `articles` records from a JSON Lines file, the file repeated as often as needed, each
/// repetition after the first with its ids suffixed `#2`, `#3`, ….
fn replicated(path: &Path, articles: usize) -> Corpus {
    let mut source = records(path);
    source.truncate(articles);
    assert!(!source.is_empty(), "{} holds no records", path.display());
    let mut lines = source.clone();
    let mut copy = 1;
    while lines.len() < articles {
        copy += 1;
        for line in source.iter().take(articles - lines.len()) {
            let mut value: Value = serde_json::from_str(line).expect("a JSON record");
            if let Some(obj) = value.as_object_mut() {
                let id = obj.get("id").and_then(Value::as_str).unwrap_or("record");
                let id = format!("{id}#{copy}");
                obj.insert("id".into(), Value::String(id));
            }
            lines.push(value.to_string());
        }
    }
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Corpus {
        lines,
        name: format!("{file_name} ×{copy}"),
    }
}

const PEOPLE: &[(&str, &str)] = &[
    ("Secretary of State", "Marco Rubio"),
    ("Ukrainian Foreign Minister", "Andrii Sybiha"),
    ("French President", "Emmanuel Macron"),
    ("Chief Executive", "Mary Barra"),
    ("Finance Minister", "Olaf Weber"),
    ("central bank Governor", "Elena Petrova"),
    ("Senator", "John Doe"),
    ("spokeswoman", "Jane Smith"),
];
const ORGS: &[&str] = &[
    "the International Monetary Fund",
    "the European Union",
    "NATO",
    "Deutsche Bank AG",
    "the Bank of England",
    "Ford Motor Co.",
    "the United Nations",
];
const PLACES: &[&str] = &[
    "Washington",
    "Kyiv",
    "Brussels",
    "Geneva",
    "the U.S.",
    "Tokyo",
];
const CITIES: &[&str] = &["WASHINGTON", "LONDON", "KYIV", "NEW YORK", "FRANKFURT"];
const DATES: &[&str] = &[
    "on Friday",
    "last week",
    "on December 23, 2025",
    "in the third quarter",
    "next month",
    "three years ago",
    "late Tuesday",
    "since April 2025",
];
const CLAIMS: &[&str] = &[
    "We have made progress, but we have a ways to go",
    "The hardest issues are always the last issues",
    "There is no deal until everything is agreed",
    "Markets will judge the plan on its details",
];
const PLAIN: &[&str] = &[
    "Shares fell 3.5 percent to $41.20 in early trading, the steepest drop in a year.",
    "About 2,000 workers went on strike, a union official said.",
    "The proposal, which critics called \"a disaster\", was discussed again, according to people familiar with the matter.",
    "Analysts expect growth of about 2 percent this year and 2.4 percent in 2027.",
    "He declined to comment on the report.",
];

/// Generated record `n`: a dated wire story of five to nine paragraphs.
fn generated(n: usize) -> String {
    let mut rng = Rng::new(n as u64 * 7919 + 11);
    let mut pick = |items: &[&'static str]| items[rng.below(items.len())];
    let (role, person) = PEOPLE[n % PEOPLE.len()];
    let surname = person.rsplit(' ').next().unwrap_or(person);
    let org = pick(ORGS);
    let place = pick(PLACES);
    let mut text = format!(
        "{} (Reuters) - {role} {person} said {} that {org} would review its plans for {place}.",
        pick(CITIES),
        pick(DATES),
    );
    let paragraphs = 5 + n % 5;
    for p in 0..paragraphs {
        text.push_str("\n\n");
        match (n + p) % 4 {
            0 => text.push_str(&format!(
                "\u{201c}{},\u{201d} {surname} told reporters in {} {}.",
                pick(CLAIMS),
                pick(PLACES),
                pick(DATES)
            )),
            1 => text.push_str(&format!(
                "Officials from {} met {} in {}, {} said. {}",
                pick(ORGS),
                pick(DATES),
                pick(PLACES),
                pick(ORGS),
                pick(PLAIN)
            )),
            2 => text.push_str(&format!(
                "\"{}.\" {} {} added {}, according to a senior official with direct knowledge of the matter.",
                pick(CLAIMS),
                PEOPLE[(n + p) % PEOPLE.len()].0,
                PEOPLE[(n + p) % PEOPLE.len()].1,
                pick(DATES)
            )),
            _ => text.push_str(pick(PLAIN)),
        }
    }
    let day = 1 + n % 28;
    json!({
        "id": format!("generated-{n}"),
        "title": format!("{person} says {org} to review plans"),
        "date": format!("2025-12-{day:02}"),
        "source": "Reuters",
        "text": text,
    })
    .to_string()
}

/// What the extractors read of each article, laid out as the matching one of `layouts`.
pub fn docs<'a>(articles: &'a [Article], layouts: &'a [Layout]) -> Vec<Doc<'a>> {
    articles
        .iter()
        .zip(layouts)
        .map(|(a, layout)| Doc {
            text: &a.text,
            layout,
            published: a.date(),
        })
        .collect()
}
