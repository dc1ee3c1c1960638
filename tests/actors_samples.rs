//! Actors of the four bundled sample articles, as the issue expects them.

use dossier::corpus::{self, Input, Progress};
use dossier::extract::actors::{ActorKind, Gender};
use dossier::index::{Actor, Index};

fn index() -> Index {
    corpus::load(&Input::Sample, &Progress::default())
}

fn actor<'a>(index: &'a Index, name: &str) -> &'a Actor {
    let id = index
        .actor_named(name)
        .unwrap_or_else(|| panic!("no actor {name}"));
    &index.actors[id as usize]
}

/// The roles of an actor as "title (affiliation)" strings.
fn roles(a: &Actor) -> Vec<String> {
    a.roles
        .iter()
        .map(|r| match &r.affiliation {
            Some(aff) => format!("{} ({aff})", r.title),
            None => r.title.to_string(),
        })
        .collect()
}

#[test]
fn one_marco_rubio_across_all_four_articles() {
    let index = index();
    let rubios: Vec<&Actor> = index
        .actors
        .iter()
        .filter(|a| a.name.contains("Rubio"))
        .collect();
    assert_eq!(
        rubios.len(),
        1,
        "{:?}",
        rubios.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    let rubio = rubios[0];
    assert_eq!(rubio.name, "Marco Rubio");
    assert_eq!(rubio.kind, ActorKind::Person);
    assert_eq!(rubio.articles, 4);
    assert!(rubio.roles.iter().any(|r| r.title == "Secretary of State"));
    assert!(roles(rubio).contains(&"Secretary of State (United States)".to_string()));
    assert_eq!(rubio.gender, Some(Gender::Male));
    assert!(rubio.aliases.contains(&"Rubio".into()));
    assert_eq!(
        rubio.first_seen.map(|d| d.to_string()).as_deref(),
        Some("2025-12-19")
    );
    assert_eq!(
        rubio.last_seen.map(|d| d.to_string()).as_deref(),
        Some("2025-12-23")
    );
}

#[test]
fn zelenskyy_and_zelenskiy_are_one_person() {
    let index = index();
    let z = actor(&index, "Volodymyr Zelenskyy");
    assert!(z.is_called("Volodymyr Zelenskiy"));
    assert!(z.is_called("Zelenskyy"));
    assert_eq!(z.articles, 2);
    assert!(roles(z).contains(&"President (Ukraine)".to_string()));
    assert_eq!(
        index
            .actors
            .iter()
            .filter(|a| a.name.contains("Zelensk"))
            .count(),
        1
    );
}

#[test]
fn the_actors_of_the_story_with_their_roles() {
    let index = index();
    let expected = [
        ("Steve Witkoff", "Special Envoy"),
        ("Jared Kushner", "son-in-law (Trump)"),
        ("Vladimir Putin", "President (Russia)"),
        ("Donald Trump", "President (United States)"),
        ("Rustem Umerov", "head of Kyiv’s delegation (Ukraine)"),
        ("Andrii Sybiha", "Foreign Minister (Ukraine)"),
        ("Pete Hegseth", "Secretary of War"),
        ("Sergei Lavrov", "Foreign Minister (Russia)"),
        (
            "Kirill Dmitriev",
            "head of Russia’s sovereign wealth fund (Russia)",
        ),
        ("Emmanuel Macron", "President (France)"),
        ("Keir Starmer", "Prime Minister (United Kingdom)"),
    ];
    for (name, role) in expected {
        let a = actor(&index, name);
        assert_eq!(a.kind, ActorKind::Person, "{name}");
        assert!(roles(a).iter().any(|r| r == role), "{name}: {:?}", roles(a));
    }
    assert!(actor(&index, "Steve Witkoff").is_called("Witkoff"));
    assert!(actor(&index, "Donald Trump").is_called("Trump"));
}

#[test]
fn unnamed_sources_and_groups() {
    let index = index();
    for name in [
        "U.S. diplomats",
        "European officials",
        "a US official with direct knowledge of the matter",
        "one source",
        "European diplomats",
    ] {
        let a = index
            .actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no unnamed source {name}"));
        assert_eq!(a.kind, ActorKind::Unnamed, "{name}");
    }
    let official = index
        .articles
        .iter()
        .flat_map(|a| a.actors())
        .find(|a| {
            a.name
                .starts_with("One senior Trump administration official")
        })
        .unwrap();
    assert_eq!(
        official.name,
        "One senior Trump administration official quoted by NBC"
    );
    assert_eq!(official.affiliation.as_deref(), Some("Trump"));
}

#[test]
fn authors_are_authors_not_actors_of_the_story() {
    let index = index();
    for (name, outlet) in [("Jim Thomas", "Newsmax"), ("Ben Aris", "bne IntelliNews")] {
        assert!(
            index.actor_named(name).is_none(),
            "{name} is no actor of the story"
        );
        let a = index.authors.iter().find(|a| a.name == name).unwrap();
        assert_eq!(a.mentions, 0, "{name}");
        assert_eq!(a.authored, 1, "{name}");
        assert_eq!(a.roles[0].title, "author");
        assert_eq!(a.roles[0].affiliation.as_deref(), Some(outlet));
        assert!(index.actor_rows().iter().all(|r| r.name != name));
        assert!(index.author_rows().iter().any(|r| r.name == name));
    }
}

#[test]
fn metonyms_point_to_what_they_stand_for() {
    let index = index();
    for (metonym, country) in [
        ("Washington", "United States"),
        ("Kyiv", "Ukraine"),
        ("Moscow", "Russia"),
        ("Kremlin", "Russia"),
    ] {
        let target = actor(&index, metonym).stands_for.expect(metonym);
        assert_eq!(index.actors[target as usize].name, country, "{metonym}");
    }
}

#[test]
fn acronyms_and_full_names_are_one_actor() {
    let index = index();
    let us = actor(&index, "United States");
    for alias in ["U.S.", "US", "United States"] {
        assert!(us.is_called(alias), "{alias}");
    }
    assert!(actor(&index, "United Nations").is_called("U.N."));
    assert!(actor(&index, "North Atlantic Treaty Organization").is_called("NATO"));
}

#[test]
fn items_of_an_actor() {
    let index = index();
    let id = index.actor_named("Marco Rubio").unwrap();
    let mentions = index.mentions_of(id);
    assert_eq!(mentions.len() as u32, index.actors[id as usize].mentions);
    for r in &mentions {
        let a = &index.articles[r.article as usize];
        let m = a.mentions().nth(r.item as usize).unwrap();
        assert!(m.span.text(&a.text).contains("Rubio"));
    }
    let with = &index.actors[id as usize].co_mentioned;
    let names: Vec<&str> = with
        .iter()
        .map(|&(i, _)| index.actors[i as usize].name.as_str())
        .collect();
    assert!(names.contains(&"Steve Witkoff"), "{names:?}");
}
