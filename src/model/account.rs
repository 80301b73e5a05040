//! Account and profile field. `display_name` and field names are plain text with
//! `:shortcodes:`; `note` and field values are HTML (sanitised by `content`).

use serde::Deserialize;

use super::id::{null_as_default, string_or_number};

use super::emoji::CustomEmoji;

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Account {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default)]
    pub username: String,
    pub acct: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub locked: bool,
    #[serde(default)]
    pub bot: Option<bool>,
    #[serde(default)]
    pub group: Option<bool>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub note: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub avatar: String,
    #[serde(default)]
    pub avatar_static: String,
    #[serde(default)]
    pub header: String,
    #[serde(default)]
    pub header_static: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub followers_count: u64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub following_count: u64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub statuses_count: u64,
    /// A date (`"2026-04-11"`), not a datetime.
    #[serde(default)]
    pub last_status_at: Option<String>,
    #[serde(default)]
    pub emojis: Vec<CustomEmoji>,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub moved: Option<Box<Account>>,
    /// Present on `verify_credentials` only (CredentialAccount).
    #[serde(default)]
    pub source: Option<AccountSource>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub value: String,
    #[serde(default)]
    pub verified_at: Option<String>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct AccountSource {
    #[serde(default)]
    pub privacy: Option<String>,
    #[serde(default)]
    pub sensitive: Option<bool>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub note: String,
}

impl Account {
    /// The name to show: the display name, or the username when it is blank.
    pub fn name(&self) -> &str {
        if self.display_name.trim().is_empty() {
            &self.username
        } else {
            &self.display_name
        }
    }

    pub fn is_bot(&self) -> bool {
        self.bot.unwrap_or(false)
    }
}
