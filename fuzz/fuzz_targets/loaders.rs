//! Fuzz target: see `dossier::fuzzing::loaders`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzzing::loaders(data));
