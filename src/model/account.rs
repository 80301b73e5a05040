//! Account and profile field. `display_name` and field names are plain text with
//! `:shortcodes:`; `note` and field values are HTML (sanitised by `content`).

use serde::Deserialize;

use super::id::null_as_default;

use super::emoji::CustomEmoji;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Account {
    pub id: String,
    pub username: String,
    pub acct: String,
    pub display_name: String,
    pub locked: bool,
    pub bot: Option<bool>,
    pub group: Option<bool>,
    pub created_at: Option<String>,
    pub note: String,
    pub url: Option<String>,
    pub avatar: String,
    pub avatar_static: String,
    pub header: String,
    pub header_static: String,
    pub followers_count: u64,
    pub following_count: u64,
    pub statuses_count: u64,
    /// A date (`"2026-04-11"`), not a datetime.
    pub last_status_at: Option<String>,
    pub emojis: Vec<CustomEmoji>,
    pub fields: Vec<Field>,
    pub moved: Option<Box<Account>>,
    /// Present on `verify_credentials` only (CredentialAccount).
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
