//! Fuzz target: see `dossier::fuzzing::ingest_text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzzing::ingest_text(data));
