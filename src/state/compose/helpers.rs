//! Writing helpers: the instance's custom emoji (fetched once per instance and kept), and the
//! autocomplete under the caret — `:emoji` from that list, `@mention` and `#hashtag` through
//! `/api/v2/search` (debounced; an answer to an older query is dropped).

use std::{collections::HashMap, time::Duration};

use leptos::{prelude::*, task::spawn_local};

use super::{Composer, api_compose};
use crate::compose::autocomplete::{self as ac, Token, TokenKind};
use crate::model::CustomEmoji;

const SEARCH_DELAY: Duration = Duration::from_millis(250);
const EMOJI_SUGGESTIONS: usize = 8;

/// One entry of the autocomplete listbox.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What replaces the typed word (`@acct`, `#tag`, `:code:`).
    pub replacement: String,
    /// A second line (display name, uses).
    pub detail: String,
    /// An avatar or emoji image (checked by the view).
    pub image: Option<String>,
}

/// Autocomplete and emoji state, part of [`Composer`].
#[derive(Clone, Copy)]
pub struct Helpers {
    /// Custom emoji per instance origin (absent until fetched).
    emojis: RwSignal<HashMap<String, Vec<CustomEmoji>>>,
    loading_emojis: StoredValue<Option<String>>,
    /// The word being completed and its suggestions (empty list = closed).
    pub token: RwSignal<Option<Token>>,
    pub suggestions: RwSignal<Vec<Suggestion>>,
    /// The highlighted suggestion.
    pub active: RwSignal<usize>,
    /// Whether the custom-emoji picker is open.
    pub picker: RwSignal<bool>,
    seq: StoredValue<u32>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Helpers {
    pub fn new() -> Self {
        Helpers {
            emojis: RwSignal::new(HashMap::new()),
            loading_emojis: StoredValue::new(None),
            token: RwSignal::new(None),
            suggestions: RwSignal::new(Vec::new()),
            active: RwSignal::new(0),
            picker: RwSignal::new(false),
            seq: StoredValue::new(0),
            timer: StoredValue::new(None),
        }
    }
}

impl Default for Helpers {
    fn default() -> Self {
        Self::new()
    }
}

fn emoji_image(e: &CustomEmoji, animate: bool) -> String {
    let r = e.to_ref();
    if animate { r.url } else { r.static_url }
}

impl Composer {
    fn origin(&self) -> String {
        self.session.active().map(|a| a.origin).unwrap_or_default()
    }

    /// The active instance's custom emoji (tracked); `None` until fetched.
    pub fn emojis(&self) -> Option<Vec<CustomEmoji>> {
        let origin = self.origin();
        self.helpers.emojis.with(|m| m.get(&origin).cloned())
    }

    /// Fetches the instance's custom emoji once (kept for the session).
    pub fn load_emojis(&self) {
        let origin = self.origin();
        let known = self
            .helpers
            .emojis
            .with_untracked(|m| m.contains_key(&origin));
        if known || self.helpers.loading_emojis.get_value().as_deref() == Some(origin.as_str()) {
            return;
        }
        let Some(client) = self.session.client() else {
            return;
        };
        self.helpers.loading_emojis.set_value(Some(origin.clone()));
        let c = *self;
        spawn_local(async move {
            let result = api_compose::custom_emojis(&client).await;
            c.helpers.loading_emojis.set_value(None);
            match result {
                Ok(list) => {
                    c.helpers.emojis.update(|m| {
                        m.insert(origin, list);
                    });
                    if let Some(t) = c.helpers.token.get_untracked() {
                        c.complete(t);
                    }
                }
                Err(e) => c.session.check(&e),
            }
        });
    }

    /// The text changed or the caret moved to byte `caret`: opens, updates or closes the
    /// autocomplete.
    pub fn caret_moved(&self, text: &str, caret: usize) {
        match ac::token_at(text, caret) {
            Some(t) if Some(&t) != self.helpers.token.get_untracked().as_ref() => {
                self.helpers.token.set(Some(t.clone()));
                self.complete(t);
            }
            Some(_) => {}
            None => self.close_suggestions(),
        }
    }

    /// Closes the listbox (Escape, blur, or nothing to complete).
    pub fn close_suggestions(&self) {
        self.helpers.seq.update_value(|s| *s += 1);
        if let Some(h) = self.helpers.timer.get_value() {
            h.clear();
        }
        self.helpers.token.set(None);
        if self.helpers.suggestions.with_untracked(|s| !s.is_empty()) {
            self.helpers.suggestions.set(Vec::new());
        }
    }

    fn show(&self, list: Vec<Suggestion>) {
        self.helpers.active.set(0);
        self.helpers.suggestions.set(list);
    }

    fn complete(&self, token: Token) {
        self.helpers.seq.update_value(|s| *s += 1);
        if let Some(h) = self.helpers.timer.get_value() {
            h.clear();
        }
        if token.kind == TokenKind::Emoji {
            self.load_emojis();
            let animate = !crate::components::common::prefers_reduced_motion();
            let list = self.helpers.emojis.with_untracked(|m| {
                m.get(&self.origin())
                    .map(|l| {
                        ac::matching(l, &token.query, EMOJI_SUGGESTIONS)
                            .into_iter()
                            .map(|e| Suggestion {
                                replacement: format!(":{}:", e.shortcode),
                                detail: String::new(),
                                image: Some(emoji_image(e, animate)),
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            });
            self.show(list);
            return;
        }
        let seq = self.helpers.seq.get_value();
        let c = *self;
        let handle = set_timeout_with_handle(move || c.search(token, seq), SEARCH_DELAY).ok();
        self.helpers.timer.set_value(handle);
    }

    fn search(&self, token: Token, seq: u32) {
        let Some(client) = self.session.client() else {
            return;
        };
        let c = *self;
        spawn_local(async move {
            let kind = match token.kind {
                TokenKind::Hashtag => "hashtags",
                _ => "accounts",
            };
            let result = api_compose::search(&client, &token.query, kind).await;
            if c.helpers.seq.get_value() != seq {
                return; // the person typed on: a newer query is on its way
            }
            match result {
                Ok(found) => {
                    let list = match token.kind {
                        TokenKind::Hashtag => found
                            .hashtags
                            .into_iter()
                            .map(|h| Suggestion {
                                replacement: format!("#{}", h.name),
                                detail: String::new(),
                                image: None,
                            })
                            .collect(),
                        _ => found
                            .accounts
                            .into_iter()
                            .map(|a| Suggestion {
                                replacement: format!("@{}", a.acct),
                                detail: a.display_name,
                                image: Some(a.avatar_static).filter(|s| !s.is_empty()),
                            })
                            .collect(),
                    };
                    c.show(list);
                }
                Err(e) => {
                    c.session.check(&e);
                    c.show(Vec::new());
                }
            }
        });
    }

    /// Escape inside the composer: closes the listbox or the picker if one is open (returns
    /// true), so only a second Escape closes the composer.
    pub fn escape_helper(&self) -> bool {
        if self.helpers.suggestions.with_untracked(|s| !s.is_empty()) {
            self.close_suggestions();
            true
        } else if self.helpers.picker.get_untracked() {
            self.helpers.picker.set(false);
            true
        } else {
            false
        }
    }

    /// Moves the highlight by `delta` (wrapping).
    pub fn move_active(&self, delta: i32) {
        let n = self.helpers.suggestions.with_untracked(Vec::len) as i32;
        if n > 0 {
            self.helpers
                .active
                .update(|a| *a = (*a as i32 + delta).rem_euclid(n) as usize);
        }
    }

    /// Puts suggestion `index` in place of the word being typed; returns the new caret as a
    /// UTF-16 offset for the textarea.
    pub fn accept(&self, index: usize) -> Option<usize> {
        let token = self.helpers.token.get_untracked()?;
        let s = self
            .helpers
            .suggestions
            .with_untracked(|l| l.get(index).cloned())?;
        let caret = token.start + 1 + token.query.len();
        let mut at = 0;
        self.change(|d| {
            let (text, pos) = ac::replace(&d.text, token.start, caret, &s.replacement);
            at = ac::utf16_offset(&text, pos);
            d.text = text;
        });
        self.close_suggestions();
        Some(at)
    }

    /// Inserts `:shortcode:` at UTF-16 caret `units` (the picker); returns the new caret.
    pub fn insert_emoji(&self, units: usize, shortcode: &str) -> usize {
        let mut at = 0;
        self.change(|d| {
            let caret = ac::byte_offset(&d.text, units);
            let (text, pos) = ac::insert_shortcode(&d.text, caret, shortcode);
            at = ac::utf16_offset(&text, pos);
            d.text = text;
        });
        at
    }
}
