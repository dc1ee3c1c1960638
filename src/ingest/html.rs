//! Reading a news article out of an HTML page: main text, headline, date, authors, outlet.
//!
//! A small tolerant tokenizer (no DOM): scripts, styles, navigation, asides, footers and forms
//! are dropped; the text of `<article>` is preferred, then `<main>`, then `<body>`.

use chrono::NaiveDate;

use crate::ingest::dateline;

/// What was read from an HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// From `og:title`, `<h1>`, or `<title>`.
    pub title: Option<String>,
    /// From `article:published_time`, other date meta tags, or the first `<time datetime>`.
    pub date: Option<NaiveDate>,
    /// From `<meta name="author">` or `article:author`.
    pub authors: Vec<String>,
    /// From `og:site_name`.
    pub source: Option<String>,
    /// From `<link rel="canonical">` or `og:url`.
    pub url: Option<String>,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "svg", "iframe",
    "button", "select", "object", "head", "menu", "dialog",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "pre",
    "figcaption",
    "figure",
    "dd",
    "dt",
    "dl",
    "hr",
    "body",
    "td",
    "th",
];

/// Elements with no end tag.
const VOID: &[&str] = &[
    "br", "img", "meta", "link", "hr", "input", "area", "base", "col", "embed", "source", "track",
    "wbr", "param",
];

/// Elements whose content is raw text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "template",
];

/// Open elements deeper than this are not tracked (keeps pathological nesting linear).
const MAX_DEPTH: usize = 512;

/// Reads an HTML page.
pub fn parse(html: &str) -> Page {
    let mut page = Page::default();
    let mut stack: Vec<String> = Vec::new();
    let mut texts = [Text::default(), Text::default(), Text::default()];
    let (mut og_title, mut h1, mut title, mut time_date) = (None, String::new(), None, None);
    let mut in_h1 = false;
    let mut pos = 0;
    let b = html.as_bytes();
    while pos < b.len() {
        let Some(lt) = html[pos..].find('<').map(|i| i + pos) else {
            push_text(&mut texts, &stack, &html[pos..], in_h1.then_some(&mut h1));
            break;
        };
        push_text(&mut texts, &stack, &html[pos..lt], in_h1.then_some(&mut h1));
        let Some(tag) = read_tag(html, lt) else {
            // A lone '<': text.
            push_text(&mut texts, &stack, "<", in_h1.then_some(&mut h1));
            pos = lt + 1;
            continue;
        };
        pos = tag.end;
        let name = tag.name.as_str();
        if tag.closing {
            if let Some(i) = stack.iter().rposition(|n| n == name) {
                stack.truncate(i);
            }
            if name == "h1" {
                in_h1 = false;
            }
            if BLOCKS.contains(&name) {
                texts.iter_mut().for_each(Text::end_paragraph);
            }
            continue;
        }
        match name {
            "meta" => read_meta(&tag, &mut page, &mut og_title),
            "link" if attr(&tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                page.url = attr(&tag, "href").map(str::to_string);
            }
            "time" if time_date.is_none() => {
                time_date = attr(&tag, "datetime").and_then(dateline::parse_field);
            }
            "h1" if h1.is_empty() => in_h1 = true,
            _ => {}
        }
        if RAW.contains(&name) {
            let close = find_end_tag(html, pos, name);
            if name == "title" && title.is_none() {
                title = Some(clean_inline(&decode_entities(&html[pos..close])));
            }
            pos = html[close..]
                .find('>')
                .map_or(html.len(), |i| close + i + 1);
            continue;
        }
        if BLOCKS.contains(&name) {
            texts.iter_mut().for_each(Text::end_paragraph);
        }
        if !VOID.contains(&name) && !tag.self_closing && stack.len() < MAX_DEPTH {
            stack.push(tag.name);
        }
    }
    let texts = texts.map(Text::finish);
    page.text = texts
        .iter()
        .find(|t| t.len() >= 200)
        .or_else(|| texts.iter().find(|t| !t.is_empty()))
        .cloned()
        .unwrap_or_default();
    let h1 = clean_inline(&h1);
    page.title = og_title
        .or((!h1.is_empty()).then_some(h1))
        .or(title.filter(|t| !t.is_empty()));
    page.date = page.date.or(time_date);
    page
}

/// Paragraph text being assembled, with whitespace collapsed.
#[derive(Default)]
struct Text {
    done: Vec<String>,
    current: String,
}

impl Text {
    fn end_paragraph(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        self.done.join("\n\n")
    }
}

/// Adds a run of text to the buffers of the containers it is in (article, main, body).
fn push_text(texts: &mut [Text; 3], stack: &[String], raw: &str, h1: Option<&mut String>) {
    if raw.is_empty() || stack.iter().any(|n| SKIPPED.contains(&n.as_str())) {
        return;
    }
    let in_article = stack.iter().any(|n| n == "article");
    // A page-level header (outside <article>) is site furniture.
    if !in_article && stack.iter().any(|n| n == "header") {
        return;
    }
    let decoded = decode_entities(raw);
    let s = join_inline(&decoded);
    if let Some(h1) = h1 {
        h1.push_str(&decoded);
    }
    if in_article {
        texts[0].push_inline(&s);
    }
    if stack.iter().any(|n| n == "main") {
        texts[1].push_inline(&s);
    }
    texts[2].push_inline(&s);
}

/// Keeps one leading/trailing space marker so inline elements do not glue words together.
fn join_inline(s: &str) -> String {
    let mut out = String::new();
    if s.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    if s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
        out.push(' ');
    }
    out
}

impl Text {
    /// Appends inline text: words are kept, a boundary space is kept only when the source had one.
    fn push_inline(&mut self, s: &str) {
        if s.trim().is_empty() {
            if !s.is_empty() && !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            return;
        }
        if s.starts_with(' ') && !self.current.is_empty() && !self.current.ends_with(' ') {
            self.current.push(' ');
        }
        self.current.push_str(s.trim());
        if s.ends_with(' ') {
            self.current.push(' ');
        }
    }
}

fn clean_inline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A tag read at `<`.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    closing: bool,
    self_closing: bool,
    /// Offset just past the tag.
    end: usize,
}

fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Reads the markup at `lt` (which holds `<`). Comments, doctypes and processing instructions
/// come back as a closing tag with an empty name (ignored by the caller).
fn read_tag(html: &str, lt: usize) -> Option<Tag> {
    let rest = &html[lt + 1..];
    let skip = |end: usize| Tag {
        name: String::new(),
        attrs: Vec::new(),
        closing: true,
        self_closing: false,
        end,
    };
    if rest.starts_with("!--") {
        let end = rest.find("-->").map_or(html.len(), |i| lt + 1 + i + 3);
        return Some(skip(end));
    }
    if rest.starts_with('!') || rest.starts_with('?') {
        let end = rest.find('>').map_or(html.len(), |i| lt + 1 + i + 1);
        return Some(skip(end));
    }
    let (closing, body) = match rest.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, rest),
    };
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    let mut i = name_len;
    let bytes = body.as_bytes();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let key_len = body[i..]
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(body.len() - i);
        let key = body[i..i + key_len].to_ascii_lowercase();
        i += key_len.max(1);
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let q = bytes[i] as char;
                let close = body[i + 1..].find(q).map_or(body.len(), |k| i + 1 + k);
                value = decode_entities(&body[i + 1..close]);
                i = (close + 1).min(body.len());
            } else {
                let len = body[i..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(body.len() - i);
                value = decode_entities(&body[i..i + len]);
                i += len;
            }
        }
        attrs.push((key, value));
    }
    let offset = html.len() - body.len();
    Some(Tag {
        name,
        attrs,
        closing,
        self_closing,
        end: offset + i,
    })
}

/// Offset of the `</name` that ends a raw-text element starting at `from` (or the end of input).
fn find_end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(k) = html[i..].find("</") {
        let at = i + k;
        let candidate = &bytes[at + 2..(at + 2 + name.len()).min(bytes.len())];
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        i = at + 2;
    }
    html.len()
}

fn read_meta(tag: &Tag, page: &mut Page, og_title: &mut Option<String>) {
    let key = attr(tag, "property")
        .or_else(|| attr(tag, "name"))
        .or_else(|| attr(tag, "itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(content) = attr(tag, "content")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    match key.as_str() {
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "sailthru.date"
        | "parsely-pub-date"
            if page.date.is_none() || key == "article:published_time" =>
        {
            page.date = dateline::parse_field(content).or(page.date);
        }
        "og:title" => *og_title = Some(clean_inline(content)),
        "og:site_name" => page.source = Some(content.to_string()),
        "og:url" if page.url.is_none() => page.url = Some(content.to_string()),
        "author" | "article:author" | "dc.creator" | "byl" => {
            let name = content.trim_start_matches("By ").trim_start_matches("by ");
            if !name.starts_with("http") && !page.authors.iter().any(|a| a == name) {
                page.authors.push(name.to_string());
            }
        }
        _ => {}
    }
}

/// Decodes character references: numeric ones and the named ones common in news pages.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| entity(&after[..i]).map(|c| (c, i + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "szlig" => 'ß',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200c}',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry&#8217;s &ldquo;x&rdquo; &bogus; &#0;"),
            "Tom & Jerry’s “x” &bogus; &#0;"
        );
    }

    #[test]
    fn unclosed_and_odd_markup_does_not_panic() {
        for html in [
            "<",
            "<a",
            "<a href='x",
            "</",
            "<!--",
            "<script>",
            "<<>>",
            "<p>a<b>c",
            "&#xFFFFFFFF;",
        ] {
            let _ = parse(html);
        }
    }
}
