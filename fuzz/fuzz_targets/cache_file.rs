//! Fuzz target: see `dossier::fuzzing::cache_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzzing::cache_file(data));
