//! Recognising boilerplate paragraphs: page furniture that is kept but not extracted from.

use crate::layout::Boilerplate;

/// Classifies one paragraph's text by the general rules for page furniture (navigation,
/// timestamps, comment widgets, copyright lines, credits). Header and tail metadata (bylines,
/// datelines, author biographies) are recognised by [`super::metadata`].
pub fn classify(para: &str) -> Option<Boilerplate> {
    let p = para.trim();
    if p.len() > 300 {
        return None;
    }
    let lower = p.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', ' ', '»', '›', '>']);
    if is_copyright(&lower) {
        return Some(Boilerplate::Copyright);
    }
    if is_credits(&lower) {
        return Some(Boilerplate::Credits);
    }
    if p.len() > 120 {
        return None;
    }
    if is_relative_timestamp(bare) {
        return Some(Boilerplate::Timestamp);
    }
    if COMMENT_LINES.contains(&bare) || is_comment_count(bare) {
        return Some(Boilerplate::Comments);
    }
    if NAVIGATION_LINES.contains(&bare)
        || NAVIGATION_PREFIXES.iter().any(|pre| bare.starts_with(pre))
        || is_item_list(bare)
        || is_crumbs(p)
    {
        return Some(Boilerplate::Navigation);
    }
    None
}

const NAVIGATION_LINES: &[&str] = &[
    "read more",
    "read entire article",
    "read the full article",
    "read full article",
    "continue reading",
    "recommended stories",
    "recommended",
    "related",
    "related stories",
    "related articles",
    "related content",
    "more stories",
    "top stories",
    "most read",
    "most popular",
    "advertisement",
    "sponsored",
    "share",
    "share this",
    "share this article",
    "share this story",
    "follow us",
    "subscribe",
    "skip to content",
    "skip to main content",
    "listen to this article",
    "print",
    "email",
    "end of list",
    "back to top",
    "trending",
];

const NAVIGATION_PREFIXES: &[&str] = &[
    "read more:",
    "related:",
    "see also:",
    "also read:",
    "more from ",
    "sign up for ",
    "subscribe to ",
    "click here to ",
    "follow us on ",
    "listen to this article",
    "watch:",
];

const COMMENT_LINES: &[&str] = &[
    "no comments",
    "post a comment",
    "leave a comment",
    "leave a reply",
    "comments",
    "add a comment",
    "show comments",
    "view comments",
    "join the conversation",
];

fn is_copyright(lower: &str) -> bool {
    lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright ")
        || lower.starts_with("copyright©")
        || (lower.contains("all rights reserved") && lower.len() < 200)
}

fn is_credits(lower: &str) -> bool {
    let l = lower.trim_start_matches('(');
    [
        "reporting by ",
        "writing by ",
        "editing by ",
        "additional reporting by ",
        "compiled by ",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// "3 hours ago", "5 mins ago", "3 hours ago 5" (with a trailing share or comment count).
fn is_relative_timestamp(bare: &str) -> bool {
    let mut words = bare.split_whitespace();
    let (Some(n), Some(unit), Some(ago)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let rest: Vec<&str> = words.collect();
    (n.bytes().all(|b| b.is_ascii_digit()) || n == "a" || n == "an")
        && [
            "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour",
            "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year",
            "years",
        ]
        .contains(&unit)
        && ago == "ago"
        && rest.len() <= 1
        && rest.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()))
}

/// "12 comments", "1 comment".
fn is_comment_count(bare: &str) -> bool {
    match bare.split_once(' ') {
        Some((n, w)) => {
            n.bytes().all(|b| b.is_ascii_digit()) && (w == "comments" || w == "comment")
        }
        None => false,
    }
}

/// "list of 3 items", "list of 3 itemsend of list".
fn is_item_list(bare: &str) -> bool {
    bare.strip_prefix("list of ").is_some_and(|rest| {
        let n = rest.split(' ').next().unwrap_or("");
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.contains("item")
    })
}

/// Section crumbs: "International | | | |", "Home > World > Europe".
fn is_crumbs(p: &str) -> bool {
    let seps = p.matches(['|', '>', '›', '»']).count();
    if seps < 2 {
        return false;
    }
    let words = p
        .split(['|', '>', '›', '»'])
        .flat_map(str::split_whitespace)
        .count();
    words <= seps + 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture() {
        use Boilerplate::*;
        for (line, kind) in [
            ("Read More:", Navigation),
            ("Recommended Stories", Navigation),
            ("list of 3 itemsend of list", Navigation),
            ("Read Entire Article", Navigation),
            ("International | | | |", Navigation),
            ("Home > World > Europe", Navigation),
            ("3 hours ago 5", Timestamp),
            ("No comments:", Comments),
            ("Post a Comment", Comments),
            ("© 2025 Newsmax. All rights reserved.", Copyright),
            ("Copyright 2016 The Associated Press.", Copyright),
            ("(Reporting by Jane Doe; Editing by John Roe)", Credits),
        ] {
            assert_eq!(classify(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn article_sentences_are_not_boilerplate() {
        for line in [
            "Terms of the proposal",
            "Read the room, he said, before you decide.",
            "Three hours ago, the talks collapsed.",
            "Officials said the list of 3 demands was final.",
            "Comments from the minister drew criticism.",
            "The vote was 5 | 4 in favour of the motion, officials said on Friday.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }
}
