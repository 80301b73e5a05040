//! Link preview cards (2.6+), with their optional `authors[]` (4.3+).

use serde::Deserialize;

use super::account::Account;

#[derive(Clone, Debug, PartialEq)]
pub struct PreviewCard {
    pub url: String,
    pub title: String,
    pub description: String,
    pub kind: String,
    pub provider_name: String,
    pub author_name: String,
    pub image: Option<String>,
    pub image_description: Option<String>,
    pub width: Option<f64>,
    pub height: Option<f64>,
    pub blurhash: Option<String>,
    pub authors: Vec<CardAuthor>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct CardAuthor {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub account: Option<Account>,
}
