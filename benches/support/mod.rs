//! Shared benchmark support: the corpus of articles, generated text, CPU time measurement.
//! Each benchmark includes this module and uses part of it.

#![allow(dead_code)]

pub mod corpus;
pub mod cpu;
pub mod synthetic;
