//! The preview for servers that accept `content_type=text/markdown` (GoToSocial, glitch-soc,
//! Akkoma). Rendering it with pulldown-cmark cost about 70 KB of gzipped WASM (measured on the
//! release build), far over the size budget, so the preview is plain text: the person's
//! paragraphs and line breaks as they will be sent; the server formats the Markdown.

/// `text` as paragraphs (split on blank lines) of lines, trailing spaces trimmed.
pub fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
