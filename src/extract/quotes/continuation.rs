//! Speakers for quotations with no cue of their own: a quotation standing alone after one by
//! X in the same paragraph (`"…," Rubio said. "…"`), before one by X (`"…" "…," he said`), or
//! in the paragraph after one by X or after a lead-in ending in a colon (`Whitfield
//! continued:`) continues X.

use crate::extract::quotes::Method;
use crate::extract::quotes::context::{Context, Place};
use crate::extract::quotes::phrase;
use crate::extract::quotes::speaker::{self, Frame, quote_ends_sentence};
use crate::extract::quotes::tokens::Tokens;
use crate::ingest::metadata::is_outlet;

/// A quotation's attribution while it is being filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The frame found, if any.
    pub frame: Option<Frame>,
    /// True when the speaker was taken from another quotation.
    pub inferred: bool,
}

/// True when the quotation at token `q` stands alone: nothing of its sentence before it, and
/// nothing after it but the end of its sentence.
fn stands_alone(t: &Tokens, q: usize) -> bool {
    if speaker::clause_start(t, q) != q {
        return false;
    }
    let next = q + 1;
    next >= t.len()
        || t.ends_sentence(next)
        || t.is_quote(next)
        || (quote_ends_sentence(t, q) && t.is_capitalised(next))
}

fn inherit(from: &Attribution) -> Attribution {
    Attribution {
        frame: from.frame.map(|f| Frame {
            method: Method::Continuation,
            ..f
        }),
        inferred: true,
    }
}

/// Fills in the attributions of quotations that have none, in text order; `places` are the
/// pieces of each quotation.
pub fn fill(ctx: &Context, places: &[Vec<Place>], out: &mut [Attribution]) {
    // For each quotation, the next one in its paragraph with an attribution of its own.
    let mut next_direct = vec![None; out.len()];
    for i in (0..out.len()).rev() {
        if let Some(k) = i.checked_add(1).filter(|&k| k < out.len()) {
            let same_para = places[k][0].para == places[i][0].para;
            if same_para {
                next_direct[i] = if out[k].frame.is_some() {
                    Some(k)
                } else {
                    next_direct[k]
                };
            }
        }
    }
    for i in 0..out.len() {
        let first = places[i][0];
        let prev_same = i
            .checked_sub(1)
            .filter(|&j| places[j].last().is_some_and(|p| p.para == first.para));
        if let Some(f) = out[i].frame {
            // "…," according to Reuters after a quotation by X: Reuters relays X's words.
            let relayed = f.method == Method::According && is_outlet(f.speaker.text(ctx.text));
            if let Some(j) = prev_same.filter(|&j| relayed && out[j].frame.is_some()) {
                out[i] = inherit(&out[j]);
            }
            continue;
        }
        let t = ctx.tokens(first.para);
        let q = ctx.token_of(first);
        if let Some(j) = prev_same.filter(|&j| out[j].frame.is_some()) {
            let prev = ctx.token_of(*places[j].last().unwrap_or(&first));
            // A quotation in the same sentence as the previous one shares its attribution;
            // one opening a sentence continues the previous speaker.
            let same_sentence = prev < q
                && !quote_ends_sentence(&t, prev)
                && (prev + 1..q).all(|k| !t.ends_sentence(k));
            if same_sentence || speaker::clause_start(&t, q) == q {
                out[i] = Attribution {
                    inferred: !same_sentence,
                    ..inherit(&out[j])
                };
                continue;
            }
        }
        if !stands_alone(&t, q) {
            continue;
        }
        if let Some(k) = next_direct[i] {
            out[i] = inherit(&out[k]);
            continue;
        }
        if q != 0 {
            // "Ghazala Khan says she received a call. “She called me …”": the speaker of the
            // sentence before, in the same paragraph.
            let from = speaker::clause_start(&t, q.saturating_sub(1));
            if let Some(&speaker) = phrase::speech_subjects(&t, from, q).first() {
                out[i] = Attribution {
                    frame: Some(Frame {
                        speaker,
                        cue: None,
                        method: Method::Continuation,
                    }),
                    inferred: true,
                };
            }
            continue;
        }
        if first.para == 0 {
            continue;
        }
        let before = first.para - 1;
        if let Some(frame) = speaker::lead_in(&ctx.tokens(before)) {
            out[i] = Attribution {
                frame: Some(frame),
                inferred: false,
            };
            continue;
        }
        let previous = i
            .checked_sub(1)
            .filter(|&j| places[j].last().is_some_and(|p| p.para == before));
        if let Some(j) = previous.filter(|&j| out[j].frame.is_some()) {
            out[i] = inherit(&out[j]);
        }
    }
}
