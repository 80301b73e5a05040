//! Remote HTML → an allow-listed node tree; custom emoji; mentions and hashtags.
//!
//! Owns everything between a status's `content` string (or an account's `note`, a field's
//! `value`, a plain-text display name) and the `Node` tree the renderer turns into DOM with
//! `createElement`/`createTextNode`/`setAttribute` — never `innerHTML`. Pure Rust: no DOM, no
//! signals, no clock; every input is a parameter, so it is tested on the host.
//!
//! Pipeline: `tokenizer` (tolerant tokens + entity decoding) → `sanitize` (allow-list, tree,
//! depth cap) using `links` (href safety, mention/hashtag matching) and `emoji` (shortcodes
//! in text only). `node` holds the output types. See docs/mastodon-api.md §5.

pub mod blurhash;
mod emoji;
pub(crate) mod entities;
mod links;
mod node;
mod sanitize;
mod tokenizer;

#[cfg(test)]
mod tests_sanitize;
#[cfg(test)]
mod tests_xss;

pub use emoji::emojify;
pub use node::{ContentContext, EmojiRef, LinkTarget, MentionRef, Node, Tag, TagRef, plain_text};
pub use sanitize::{MAX_DEPTH, sanitize};
