//! dossier: a terminal explorer for news corpora.
//!
//! Data flows one way: [`ingest`] reads files into [`article::Article`]s (text kept byte for
//! byte, with layout and metadata), [`extract`] finds quotations, time expressions, actors
//! and events as spans, [`index`] builds corpus-level views, and the app renders them.
//! [`corpus`] runs the whole load; [`record`] is the `dossier extract` output schema.

pub mod app;
pub mod article;
pub mod atomic;
pub mod cache;
pub mod cli;
pub mod corpus;
pub mod crash;
pub mod extract;
pub mod fuzzing;
pub mod index;
pub mod ingest;
pub mod layout;
pub mod record;
pub mod review;
pub mod search;
pub mod segment;
pub mod span;
