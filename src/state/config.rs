//! Deployment configuration: an optional `/woolly-config.json` next to the app, e.g.
//! `{"default_instance": "mastodon.example"}` to prefill the sign-in form. The demo command
//! serves one pointing at the demo instance. Missing or malformed means "no configuration".

use serde::Deserialize;

#[derive(Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Config {
    #[serde(default)]
    pub default_instance: Option<String>,
}

pub async fn load() -> Config {
    let Ok(response) = gloo_net::http::Request::get("/woolly-config.json")
        .send()
        .await
    else {
        return Config::default();
    };
    if !response.ok() {
        return Config::default();
    }
    response.json().await.unwrap_or_default()
}
