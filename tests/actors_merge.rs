//! Merging actors across a corpus, and the `dossier.toml` override file.

use std::fs;
use std::path::Path;

use dossier::corpus::{self, Input, Progress};
use dossier::extract::actors::ActorKind;
use dossier::index::Index;

/// Loads a folder of plain-text articles (name, text) with an optional `dossier.toml`.
fn corpus(articles: &[(&str, &str)], overrides: Option<&str>) -> (tempfile::TempDir, Index) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in articles {
        fs::write(dir.path().join(name), text).unwrap();
    }
    if let Some(o) = overrides {
        fs::write(dir.path().join("dossier.toml"), o).unwrap();
    }
    let index = corpus::load(
        &Input::Paths(vec![dir.path().to_path_buf()]),
        &Progress::default(),
    );
    (dir, index)
}

fn persons(index: &Index) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = index
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person && a.mentions > 0)
        .map(|a| (a.name.to_string(), a.articles))
        .collect();
    v.sort();
    v
}

const A: &str = "Secretary of State Marco Rubio met European officials in Paris on Thursday.\n\nThe talks lasted hours.";
const DONALD: &str = "President Donald Trump spoke on Monday.\n\nHe left early.";
const MELANIA: &str = "First lady Melania Trump visited a school on Tuesday.\n\nShe read a book.";
const B: &str = "Rubio said the talks would continue, and he warned that time was short.\n\nNo deal was reached.";

#[test]
fn a_surname_joins_the_only_person_who_bears_it() {
    let (_d, index) = corpus(&[("a.txt", A), ("b.txt", B)], None);
    assert_eq!(persons(&index), [("Marco Rubio".to_string(), 2)]);
}

#[test]
fn two_people_sharing_a_surname_are_never_merged_without_evidence() {
    let (_d, index) = corpus(
        &[
            ("a.txt", DONALD),
            ("b.txt", MELANIA),
            (
                "c.txt",
                "The plan was good, Trump said.\n\nOthers disagreed.",
            ),
        ],
        None,
    );
    assert_eq!(
        persons(&index),
        [
            ("Donald Trump".to_string(), 1),
            ("Melania Trump".to_string(), 1),
            ("Trump".to_string(), 1)
        ]
    );
}

#[test]
fn a_shared_role_tells_which_namesake_is_meant() {
    let (_d, index) = corpus(
        &[
            ("a.txt", DONALD),
            ("b.txt", MELANIA),
            (
                "c.txt",
                "President Trump said the plan was good.\n\nOthers disagreed.",
            ),
        ],
        None,
    );
    assert_eq!(
        persons(&index),
        [
            ("Donald Trump".to_string(), 2),
            ("Melania Trump".to_string(), 1)
        ]
    );
}

#[test]
fn transliterations_and_initials_merge() {
    let (_d, index) = corpus(
        &[
            (
                "a.txt",
                "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv.\n\nHe was firm.",
            ),
            (
                "b.txt",
                "Volodymyr Zelenskiy travelled to Berlin.\n\nHe met officials.",
            ),
            (
                "c.txt",
                "Zelensky said Ukraine would not give up territory.\n\nThe war goes on.",
            ),
        ],
        None,
    );
    assert_eq!(persons(&index), [("Volodymyr Zelenskyy".to_string(), 3)]);
}

#[test]
fn dotted_and_undotted_acronyms_and_full_names_merge() {
    let (_d, index) = corpus(
        &[
            (
                "a.txt",
                "The U.S. and the U.N. disagreed.\n\nNothing changed.",
            ),
            (
                "b.txt",
                "The United States and the United Nations met.\n\nNothing changed.",
            ),
            ("c.txt", "The US urged the UN to act.\n\nNothing changed."),
        ],
        None,
    );
    let us = &index.actors[index.actor_named("United States").unwrap() as usize];
    assert_eq!(us.articles, 3);
    let un = &index.actors[index.actor_named("United Nations").unwrap() as usize];
    assert_eq!(un.articles, 3);
    assert_eq!(un.kind, ActorKind::Organisation);
}

#[test]
fn an_acronym_joins_the_full_name_an_article_writes_it_with() {
    let (_d, index) = corpus(
        &[
            (
                "a.txt",
                "The International Energy Forum (IEF) met in Riyadh.\n\nPrices fell.",
            ),
            ("b.txt", "The IEF said demand would grow.\n\nPrices rose."),
            (
                "c.txt",
                "The Independent Electoral Forum met.\n\nNothing changed.",
            ),
        ],
        None,
    );
    let ief = &index.actors[index.actor_named("International Energy Forum").unwrap() as usize];
    assert_eq!(ief.articles, 2);
    assert!(ief.is_called("IEF"));
    // Same initials, no article writing them together: apart.
    let other = &index.actors[index.actor_named("Independent Electoral Forum").unwrap() as usize];
    assert!(!other.is_called("IEF"));
}

#[test]
fn overrides_merge_split_rename_and_retype() {
    let overrides = r#"
[[merge]]
into = "Marco Rubio"
names = ["Secretary Marco"]

[[split]]
actor = "Marco Rubio"
alias = "Rubio"

[rename]
"Paris" = "Paris, France"

[retype]
"Paris, France" = "organisation"
"#;
    let (_d, index) = corpus(&[("a.txt", A), ("b.txt", B)], Some(overrides));
    assert!(index.problems.is_empty(), "{:?}", index.problems);
    // The split makes the surname-only article its own actor again.
    assert_eq!(
        persons(&index),
        [("Marco Rubio".to_string(), 1), ("Rubio".to_string(), 1)]
    );
    let paris = &index.actors[index.actor_named("Paris, France").unwrap() as usize];
    assert_eq!(paris.kind, ActorKind::Organisation);
}

#[test]
fn overrides_merge_two_actors_into_one() {
    let overrides = "[[merge]]\ninto = \"Marco Rubio\"\nnames = [\"Paris\"]\n";
    let (_d, index) = corpus(&[("a.txt", A)], Some(overrides));
    let rubio = &index.actors[index.actor_named("Marco Rubio").unwrap() as usize];
    assert!(rubio.is_called("Paris"));
    assert!(index.actors.iter().all(|a| a.name != "Paris"));
}

#[test]
fn a_bad_override_file_is_reported_and_the_corpus_still_loads() {
    let (dir, index) = corpus(&[("a.txt", A)], Some("[[merge]]\ninto = 3\n"));
    assert_eq!(index.articles.len(), 1);
    assert_eq!(index.problems.len(), 1);
    let p = &index.problems[0];
    assert_eq!(p.path, dir.path().join("dossier.toml"));
    assert!(p.message.contains("line 2"), "{}", p.message);
    assert!(Path::new(&p.path).ends_with("dossier.toml"));
    assert!(index.actor_named("Marco Rubio").is_some());
}

/// Articles naming people (some by surname alone, some sharing a surname), organisations
/// with their acronyms, places standing for governments and unnamed sources: more than the
/// merge decodes in one chunk.
fn many_articles() -> Vec<(String, String)> {
    let given = ["Anna", "Marco", "Peter", "Laura", "James", "Olga", "Ravi"];
    let surnames = [
        "Costa", "Rubio", "Novak", "Weber", "Hale", "Ito", "Silva", "Moreau",
    ];
    let bodies = [
        ("International Energy Forum", "IEF"),
        ("World Health Organization", "WHO"),
        ("Central Bank of Norway", "CBN"),
        ("Federal Aviation Administration", "FAA"),
    ];
    let places = ["Washington", "Paris", "Berlin", "Tokyo", "Madrid"];
    (0..1500)
        .map(|i| {
            let person = format!("{} {}", given[i % 7], surnames[i % 8]);
            let surname = surnames[(i / 3) % 8];
            let (body, acronym) = bodies[i % 4];
            let place = places[i % 5];
            let text = format!(
                "{person}, the director of the {body} ({acronym}), said on Monday that the \
                 talks in {place} would resume.\n\n\"We will not wait,\" {surname} told \
                 reporters. The {acronym} declined to comment, and {place} said it would \
                 respond, according to officials familiar with the matter.\n\nPresident \
                 {} {} met {person} on Tuesday.",
                given[(i + 3) % 7],
                surnames[(i * 5) % 8],
            );
            (format!("{i:04}.txt"), text)
        })
        .collect()
}

#[test]
fn the_merge_is_the_same_on_one_thread_and_on_several() {
    let articles = many_articles();
    let named: Vec<(&str, &str)> = articles
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let (_d, index) = corpus(&named, None);
    assert_eq!(index.articles.len(), 1500);
    let build_on = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| Index::build(index.articles.clone(), Vec::new()))
    };
    let one = build_on(1);
    // Every full name is one person, and the organisations are merged with their acronyms.
    assert!(persons(&one).iter().any(|(n, _)| n == "Anna Costa"));
    let forum = one.actor_named("International Energy Forum").unwrap();
    assert!(one.actors[forum as usize].is_called("IEF"));
    for threads in [2, 3] {
        let several = build_on(threads);
        assert_eq!(several.actors, one.actors, "{threads} threads");
        assert_eq!(several.actor_of, one.actor_of, "{threads} threads");
        assert_eq!(several.authors, one.authors, "{threads} threads");
    }
}
