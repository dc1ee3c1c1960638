//! Where the memory of a loaded corpus goes: the peak heap of each loading stage and the live
//! heap after the load (counted by a global allocator), then the heap bytes held by each kind
//! of item, largest first.
//!
//!   cargo run --release --example memory_census FOLDER [CACHE_FILE]
//!
//! With CACHE_FILE the load reads and writes that cache (run twice: cold, then warm).
use std::alloc::{GlobalAlloc, Layout, System};
use std::mem::size_of;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use dossier::article::packed::{PARTS, Part};
use dossier::corpus::{self, Input, Progress, Stage};

/// The system allocator, counting live bytes, their peak and live allocations.
struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = NOW.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(n, Relaxed);
        COUNT.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        COUNT.fetch_sub(1, Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new > l.size() {
            let n = NOW.fetch_add(new - l.size(), Relaxed) + new - l.size();
            PEAK.fetch_max(n, Relaxed);
        } else {
            NOW.fetch_sub(l.size() - new, Relaxed);
        }
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mb(x: usize) -> String {
    format!("{:8.1} MB", x as f64 / 1e6)
}

/// Heap bytes owned by a string.
trait Heap {
    fn heap(&self) -> usize;
}
impl Heap for String {
    fn heap(&self) -> usize {
        self.capacity()
    }
}
impl Heap for compact_str::CompactString {
    fn heap(&self) -> usize {
        if self.is_heap_allocated() {
            self.capacity()
        } else {
            0
        }
    }
}
impl Heap for Box<str> {
    fn heap(&self) -> usize {
        self.len()
    }
}
impl<T: Heap> Heap for Option<T> {
    fn heap(&self) -> usize {
        self.as_ref().map_or(0, Heap::heap)
    }
}
fn s(x: &impl Heap) -> usize {
    x.heap()
}
fn v<T>(x: &Vec<T>) -> usize {
    x.capacity() * size_of::<T>()
}
/// A list of lists: the outer list and every inner one.
fn vv<T>(x: &Vec<Vec<T>>) -> usize {
    v(x) + x.iter().map(v).sum::<usize>()
}

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(folder) = args.next().map(PathBuf::from) else {
        eprintln!("usage: memory_census FOLDER [CACHE_FILE]");
        std::process::exit(2);
    };
    let cache = args.next().map(PathBuf::from);
    let progress = Progress::default();
    let (index, report, stages) = std::thread::scope(|scope| {
        let load = scope
            .spawn(|| corpus::load_with(&Input::Paths(vec![folder]), &progress, cache.as_deref()));
        // The peak of each stage: watched every millisecond, the peak reset at each change.
        let mut stages: Vec<(Stage, usize)> = Vec::new();
        let mut stage = progress.stage();
        while !load.is_finished() {
            std::thread::sleep(std::time::Duration::from_millis(1));
            let now = progress.stage();
            if now != stage {
                stages.push((stage, PEAK.swap(NOW.load(Relaxed), Relaxed)));
                stage = now;
            }
        }
        let (index, report) = load.join().expect("the load panicked");
        stages.push((stage, PEAK.load(Relaxed)));
        (index, report, stages)
    });
    println!("report: {report:?}");
    for (stage, peak) in &stages {
        println!("peak heap while {:<60} {}", stage.label(), mb(*peak));
    }
    let peak = stages.iter().map(|s| s.1).max().unwrap_or(0);
    println!("peak heap during load {}", mb(peak));
    // Each view built again on its own over the loaded articles: its working set is its peak
    // above the heap held before it (the whole loaded index).
    let above = |label: &str, build: &dyn Fn()| {
        let base = NOW.load(Relaxed);
        PEAK.store(base, Relaxed);
        build();
        println!(
            "working set of {label:<30} {}",
            mb(PEAK.load(Relaxed) - base)
        );
    };
    let overrides = dossier::index::Overrides::default();
    above("the actor merge", &|| {
        dossier::index::actors::merge(&index.articles, &overrides, &[]);
    });
    above("the timeline", &|| {
        dossier::index::timeline::build(&index.articles, &index.actor_of);
    });
    above("the quotation groups", &|| {
        dossier::index::quotes::group(&index.articles);
    });
    println!(
        "live heap after load   {}  ({} allocations)",
        mb(NOW.load(Relaxed)),
        COUNT.load(Relaxed)
    );
    let mut rows: Vec<(&str, usize, usize)> = Vec::new();
    let mut add = |name: &'static str, bytes: usize, n: usize| {
        if let Some(r) = rows.iter_mut().find(|r| r.0 == name) {
            r.1 += bytes;
            r.2 += n;
        } else {
            rows.push((name, bytes, n));
        }
    };
    add("articles vec", v(&index.articles), 1);
    for a in &index.articles {
        add("text", s(&a.text), 1);
        add("origin path", a.origin.path.capacity(), 1);
        let m = &a.meta;
        let meta = size_of::<dossier::article::Meta>()
            + s(&m.id)
            + m.title.as_ref().map_or(0, |t| s(&t.value))
            + v(&m.dates)
            + v(&m.authors)
            + m.authors.iter().map(|f| s(&f.value)).sum::<usize>()
            + m.source.as_ref().map_or(0, |t| s(&t.value))
            + s(&m.url);
        add("meta", meta, 1);
        add(
            "layout (packed)",
            a.layout.bytes().len(),
            a.layout.paragraph_count() + a.layout.sentence_count(),
        );
        for (name, part) in [
            ("mentions (packed)", Part::Mentions),
            ("local actors (packed)", Part::Actors),
            ("quotes (packed)", Part::Quotes),
            ("timexes (packed)", Part::Timexes),
            ("events (packed)", Part::Events),
        ] {
            add(name, a.packed.size(part), a.count(part));
        }
        add(
            "packed headers",
            a.packed.bytes().len() - PARTS.map(|p| a.packed.size(p)).iter().sum::<usize>(),
            1,
        );
    }
    add("problems", v(&index.problems), index.problems.len());
    for (name, list) in [
        ("corpus actors", &index.actors),
        ("authors", &index.authors),
    ] {
        add(name, v(list), list.len());
        for a in list {
            add("corpus actor names", s(&a.name), 1);
            add(
                "corpus actor aliases",
                v(&a.aliases) + a.aliases.iter().map(s).sum::<usize>(),
                a.aliases.len(),
            );
            add(
                "corpus actor roles",
                v(&a.roles)
                    + a.roles
                        .iter()
                        .map(|r| s(&r.title) + s(&r.affiliation))
                        .sum::<usize>(),
                a.roles.len(),
            );
            add("corpus actor locals", v(&a.locals), a.locals.len());
            add(
                "corpus actor co_mentioned",
                v(&a.co_mentioned),
                a.co_mentioned.len(),
            );
        }
    }
    add("actor_of", vv(&index.actor_of), index.actor_of.len());
    add("timeline", v(&index.timeline), index.timeline.len());
    add(
        "timeline sources+actors",
        index
            .timeline
            .iter()
            .map(|e| v(&e.sources) + v(&e.actors))
            .sum(),
        index.timeline.len(),
    );
    add("entry_of", vv(&index.entry_of), index.entry_of.len());
    add(
        "quote groups",
        v(&index.quote_groups)
            + index
                .quote_groups
                .iter()
                .map(|g| v(&g.quotes))
                .sum::<usize>(),
        index.quote_groups.len(),
    );
    add(
        "quote_group_of",
        vv(&index.quote_group_of),
        index.quote_group_of.len(),
    );
    add(
        "sources",
        v(&index.sources)
            + index
                .sources
                .iter()
                .map(|s| s.path.capacity())
                .sum::<usize>(),
        index.sources.len(),
    );
    let total: usize = rows.iter().map(|r| r.1).sum();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (name, bytes, n) in rows {
        println!("{name:40} {} {n:>10}", mb(bytes));
    }
    println!("{:40} {}", "total counted", mb(total));
    println!(
        "sizes: Article {} Mention {} LocalActor {} Role {} Quote {} Timex {} Event {} Actor {} Entry {}",
        size_of::<dossier::article::Article>(),
        size_of::<dossier::extract::actors::Mention>(),
        size_of::<dossier::extract::actors::LocalActor>(),
        size_of::<dossier::extract::actors::Role>(),
        size_of::<dossier::extract::quotes::Quote>(),
        size_of::<dossier::extract::time::Timex>(),
        size_of::<dossier::extract::events::Event>(),
        size_of::<dossier::index::Actor>(),
        size_of::<dossier::index::Entry>(),
    );
}
