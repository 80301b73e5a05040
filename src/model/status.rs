//! Status (a post), with the traps of the wire format: a boost is a wrapper whose `reblog`
//! holds the real post; `spoiler_text` is plain text; `quote` (4.4+) nests a full status one
//! level deep and a shallow reference below that; `filtered` tells which filters matched.

use serde::Deserialize;

use super::id::string_or_number;

use super::{
    account::Account, card::PreviewCard, emoji::CustomEmoji, media::MediaAttachment, poll::Poll,
};

#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub id: String,
    pub created_at: String,
    pub in_reply_to_id: Option<String>,
    pub in_reply_to_account_id: Option<String>,
    pub sensitive: bool,
    pub spoiler_text: String,
    pub visibility: Visibility,
    pub language: Option<String>,
    pub uri: String,
    pub url: Option<String>,
    pub replies_count: u64,
    pub reblogs_count: u64,
    pub favourites_count: u64,
    pub edited_at: Option<String>,
    pub favourited: Option<bool>,
    pub reblogged: Option<bool>,
    pub bookmarked: Option<bool>,
    pub pinned: Option<bool>,
    /// The viewer muted this conversation.
    pub muted: Option<bool>,
    pub content: String,
    pub filtered: Vec<FilterResult>,
    pub reblog: Option<Box<Status>>,
    pub application: Option<Application>,
    pub account: Account,
    pub media_attachments: Vec<MediaAttachment>,
    pub mentions: Vec<Mention>,
    pub tags: Vec<Tag>,
    pub emojis: Vec<CustomEmoji>,
    pub card: Option<PreviewCard>,
    pub poll: Option<Poll>,
    pub quote: Option<Quote>,
}

/// Who can see a status. Servers other than Mastodon add values (`local`, `list`,
/// `mutuals_only`); they are kept rather than failing the whole timeline.
#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    #[default]
    Public,
    Unlisted,
    Private,
    Direct,
    #[serde(other)]
    Other,
}

impl Visibility {
    pub fn label(&self) -> &'static str {
        match self {
            Visibility::Public => "Public",
            Visibility::Unlisted => "Quiet public",
            Visibility::Private => "Followers only",
            Visibility::Direct => "Private mention",
            Visibility::Other => "Limited",
        }
    }
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Application {
    pub name: String,
    #[serde(default)]
    pub website: Option<String>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Mention {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default)]
    pub username: String,
    pub url: String,
    pub acct: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Tag {
    pub name: String,
    #[serde(default)]
    pub url: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct FilterResult {
    pub filter: FilterSummary,
    #[serde(default)]
    pub keyword_matches: Option<Vec<String>>,
    #[serde(default)]
    pub status_matches: Option<Vec<String>>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct FilterSummary {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub expires_at: Option<String>,
    /// `warn`, `hide` or `blur` (4.4); unknown values are treated as `warn`.
    #[serde(default)]
    pub filter_action: String,
}

/// A quote (4.4+). The first level carries `quoted_status`; deeper levels only
/// `quoted_status_id` (ShallowQuote).
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Quote {
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub quoted_status: Option<Box<Status>>,
    #[serde(default)]
    pub quoted_status_id: Option<String>,
}

impl Status {
    /// The status to show: the boosted one for a boost wrapper, else itself.
    pub fn shown(&self) -> &Status {
        self.reblog.as_deref().unwrap_or(self)
    }

    /// The content-pipeline context for this status's own HTML.
    pub fn content_refs(&self) -> ContentRefs {
        ContentRefs {
            emojis: super::emoji::refs(&self.emojis),
            mentions: self
                .mentions
                .iter()
                .map(|m| crate::content::MentionRef {
                    url: m.url.clone(),
                    acct: m.acct.clone(),
                    id: m.id.clone(),
                })
                .collect(),
            tags: self
                .tags
                .iter()
                .map(|t| crate::content::TagRef {
                    name: t.name.clone(),
                    url: t.url.clone(),
                })
                .collect(),
            hide_quote_inline: self.quote.is_some(),
        }
    }
}

/// Owned inputs for [`crate::content::ContentContext`], built from one status.
pub struct ContentRefs {
    pub emojis: Vec<crate::content::EmojiRef>,
    pub mentions: Vec<crate::content::MentionRef>,
    pub tags: Vec<crate::content::TagRef>,
    pub hide_quote_inline: bool,
}

impl ContentRefs {
    pub fn context(&self) -> crate::content::ContentContext<'_> {
        crate::content::ContentContext {
            emojis: &self.emojis,
            mentions: &self.mentions,
            tags: &self.tags,
            hide_quote_inline: self.hide_quote_inline,
        }
    }
}
