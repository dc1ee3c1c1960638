//! The `dossier` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    cap_malloc_arenas();
    dossier::cli::main()
}

/// Caps glibc's malloc arenas at one per core, unless `MALLOC_ARENA_MAX` says otherwise.
///
/// glibc gives threads arenas of their own, up to eight per core. Memory that the indexing
/// threads free stays in their arenas, where the thread that builds the corpus views next
/// cannot reuse it: at 100,000 articles on two cores that left the cold peak about 25 MB
/// higher and less steady (README, "Performance"). One arena per core keeps one per indexing
/// thread, so their allocations do not contend.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn cap_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let cap = libc::c_int::try_from(cores).unwrap_or(libc::c_int::MAX);
    // SAFETY: `mallopt` sets a tuning parameter of glibc's allocator and takes no pointers.
    // glibc marks it MT-unsafe (it must not race with other threads' allocations); this runs
    // first in `main`, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, cap);
    }
}

/// Other allocators keep their defaults.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn cap_malloc_arenas() {}
