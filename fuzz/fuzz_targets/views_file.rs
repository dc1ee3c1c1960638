//! Fuzz target: see `dossier::fuzzing::views_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dossier::fuzzing::views_file(data);
});
