//! Custom emoji, as listed in an entity's own `emojis[]` and in `/api/v1/custom_emojis`.

#[derive(Clone, Debug, PartialEq)]
pub struct CustomEmoji {
    pub shortcode: String,
    pub url: String,
    pub static_url: String,
    pub visible_in_picker: bool,
    pub category: Option<String>,
}

impl CustomEmoji {
    /// The reference the content pipeline needs; `static_url` falls back to `url` (some servers
    /// omit it).
    pub fn to_ref(&self) -> crate::content::EmojiRef {
        crate::content::EmojiRef {
            shortcode: self.shortcode.clone(),
            url: self.url.clone(),
            static_url: if self.static_url.is_empty() {
                self.url.clone()
            } else {
                self.static_url.clone()
            },
        }
    }
}

/// The content pipeline's view of a list of emoji.
pub fn refs(emojis: &[CustomEmoji]) -> Vec<crate::content::EmojiRef> {
    emojis.iter().map(CustomEmoji::to_ref).collect()
}
