//! Entry points for the fuzz targets in `fuzz/` and for replaying their findings as
//! regression tests (`tests/fuzz_regressions.rs`). Each takes arbitrary bytes and panics only
//! when an invariant is broken.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use serde::de::DeserializeOwned;

use crate::app::catalog::Catalog;
use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use crate::app::{Action, App};
use crate::article::packed::Packed;
use crate::article::{Article, Meta, Origin};
use crate::corpus::{Progress, analyse};
use crate::index::{Index, Overrides, Views};
use crate::ingest::{Draft, decode, html, json, sample_drafts};
use crate::record::Record;

/// Analyses articles, builds the index, and checks every invariant.
fn check(drafts: Vec<Draft>) {
    let articles = analyse(drafts, &Progress::default());
    for article in &articles {
        if let Err(e) = article.validate() {
            panic!("invalid article: {e}");
        }
        let extraction = article.extraction();
        assert_eq!(
            Packed::encode(&extraction, &article.text),
            article.packed,
            "extraction round trip"
        );
        for pair in extraction.quotes.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "quotations overlap");
        }
        serde_json::to_string(&Record::of(article)).expect("record serialises");
    }
    let index = Index::build(articles, Vec::new());
    let keys: Vec<_> = index
        .timeline
        .iter()
        .map(|e| (e.date.is_none(), e.date.map(|d| d.start)))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "timeline not sorted");
}

fn draft(text: String, meta: Meta) -> Draft {
    Draft {
        origin: Origin {
            path: PathBuf::from("fuzz"),
            record: None,
        },
        text,
        meta,
    }
}

/// Text ingest and full extraction: bytes decoded as a text file, analysed and indexed.
pub fn ingest_text(data: &[u8]) {
    if let Ok(decoded) = decode::decode(data.to_vec()) {
        check(vec![draft(decoded.text, Meta::default())]);
    }
}

/// The JSON, JSON Lines and HTML loaders, then analysis of what they produce.
pub fn loaders(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut drafts = Vec::new();
    if let Ok(records) = json::parse_document(&text) {
        drafts.extend(records.into_iter().flatten().map(|r| draft(r.text, r.meta)));
    }
    for line in text.lines() {
        if let Ok(r) = json::parse_line(line) {
            drafts.push(draft(r.text, r.meta));
        }
    }
    let page = html::parse(&text);
    drafts.push(draft(page.text, Meta::default()));
    check(drafts);
}

/// The cache loader on arbitrary bytes: never panics, and whatever it accepts is valid.
pub fn cache_file(data: &[u8]) {
    if let Ok(Some(entries)) = crate::cache::read_from(data) {
        for entry in entries.values() {
            for article in &entry.articles {
                article
                    .validate()
                    .expect("accepted cache articles are valid");
            }
        }
    }
}

/// The review-file reader on arbitrary bytes: never panics, whatever it accepts is written
/// back and read again unchanged, and every item id reads back as written.
pub fn review_file(data: &[u8]) {
    use crate::review::{ItemKey, store};
    if let Ok(review) = store::parse(data) {
        let text = store::to_json(&review);
        let again = store::parse(text.as_bytes()).expect("a written review reads back");
        assert_eq!(again, review, "a review changes when written and read back");
    }
    if let Ok(s) = std::str::from_utf8(data) {
        assert_eq!(ItemKey::parse(s).to_string(), s, "an id changes when read");
    }
}

/// Stored views on arbitrary bytes, over the articles of the bundled sample corpus: whatever
/// [`Views::fit`] accepts must serve the explorer without panicking (every pane drawn, rows
/// stepped through and chosen, the source and finder opened). The bytes are the views'
/// lists one after the other, each encoded as the views file stores it (see
/// [`views_input`]); the file's framing and checksums, which a fuzzer cannot forge, are
/// left out. True when the views were accepted (and served).
pub fn views_file(data: &[u8]) -> bool {
    let Some(views) = decode_views(data) else {
        return false;
    };
    let articles = sample_articles();
    if views.fit(articles).is_err() {
        return false;
    }
    let index = Index::with_views(articles.to_vec(), Vec::new(), Overrides::default(), views);
    explore(index);
    true
}

/// The input of [`views_file`] that holds the views of `index`.
pub fn views_input(index: &Index) -> Vec<u8> {
    let mut out = Vec::new();
    let mut put = |bytes: postcard::Result<Vec<u8>>| out.extend(bytes.expect("views encode"));
    put(postcard::to_stdvec(&index.actors));
    put(postcard::to_stdvec(&index.actor_of));
    put(postcard::to_stdvec(&index.authors));
    put(postcard::to_stdvec(&index.steps_applied));
    put(postcard::to_stdvec(&index.timeline));
    put(postcard::to_stdvec(&index.entry_of));
    put(postcard::to_stdvec(&index.quote_groups));
    put(postcard::to_stdvec(&index.quote_group_of));
    out
}

/// The views' lists decoded one after the other, as [`views_input`] writes them.
fn decode_views(mut data: &[u8]) -> Option<Views> {
    fn next<T: DeserializeOwned>(data: &mut &[u8]) -> Option<T> {
        let (value, rest) = postcard::take_from_bytes(data).ok()?;
        *data = rest;
        Some(value)
    }
    let data = &mut data;
    Some(Views {
        actors: next(data)?,
        actor_of: next(data)?,
        authors: next(data)?,
        steps_applied: next(data)?,
        timeline: next(data)?,
        entry_of: next(data)?,
        quote_groups: next(data)?,
        quote_group_of: next(data)?,
    })
}

/// The sample corpus's articles, analysed once.
fn sample_articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| analyse(sample_drafts(), &Progress::default()))
}

/// Opens `index` in the explorer and uses every pane: each drawn, its rows stepped through
/// and chosen, the source pane's items visited, the finder and help opened.
fn explore(index: Index) {
    let size = Rect::new(0, 0, 100, 30);
    let mut app = App::new(size, Theme { color: true }, Keymap::default());
    app.update(Action::Loaded(Arc::new(Catalog::build(index))));
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).expect("terminal");
    let mut draw = |app: &mut App| {
        terminal.draw(|f| app.render(f)).expect("frame drawn");
    };
    for pane in [
        Action::FocusTimeline,
        Action::FocusActors,
        Action::FocusSource,
    ] {
        app.update(pane);
        draw(&mut app);
        for action in [
            Action::Down,
            Action::Choose,
            Action::NextItem,
            Action::Bottom,
            Action::Choose,
            Action::PrevItem,
            Action::ToggleSort,
            Action::PageUp,
            Action::Clear,
        ] {
            app.update(action);
            draw(&mut app);
        }
    }
    for action in [Action::OpenFinder, Action::Insert('a'), Action::Down] {
        app.update(action);
        draw(&mut app);
    }
    app.update(Action::Close);
    app.update(Action::OpenHelp);
    draw(&mut app);
}
