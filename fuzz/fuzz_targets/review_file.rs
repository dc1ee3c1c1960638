//! Fuzz target: see `dossier::fuzzing::review_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzzing::review_file(data));
