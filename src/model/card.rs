//! Link preview cards (2.6+), with their optional `authors[]` (4.3+).

use serde::Deserialize;

use super::account::Account;

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct PreviewCard {
    pub url: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub provider_name: String,
    #[serde(default)]
    pub author_name: String,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_description: Option<String>,
    #[serde(default)]
    pub width: Option<f64>,
    #[serde(default)]
    pub height: Option<f64>,
    #[serde(default)]
    pub blurhash: Option<String>,
    #[serde(default)]
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
