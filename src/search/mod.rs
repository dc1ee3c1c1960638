//! The quotation finder: query syntax ([`query`]), words and word matching ([`words`]), the
//! inverted index over quotations ([`index`]), the matcher that narrows candidates through
//! the index before ranking them ([`matcher`]), and match positions for display
//! ([`highlight`]).
//!
//! Everything here is pure and synchronous; the app runs a [`Searcher`] on a worker thread.

pub mod highlight;
pub mod index;
pub mod matcher;
pub mod query;
pub mod words;

pub use index::{Fields, QuoteIndex};
pub use matcher::{Control, Found, Hit, LIMIT, Searcher, Texts};
pub use query::Query;
