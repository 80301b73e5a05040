//! The app's routes as data: every in-app link is built here, so paths are spelled once and
//! host-tested. `app.rs` shows the page of each route; `state/location.rs` follows the address.

use crate::api::query::encode_component;

/// The sign-in bundle's page (`login.html`, a second binary): sign-in form and OAuth callback.
/// The main app's `/login` and `/callback` forward here with their query string.
pub const LOGIN_PAGE: &str = "/login.html";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Local,
    Federated,
    Notifications,
    Conversations,
    Tag(String),
    List(String),
    Status(String),
    Account(String),
    AccountWithReplies(String),
    AccountMedia(String),
    Followers(String),
    Following(String),
    Login,
    Callback,
}

impl Route {
    pub fn href(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Local => "/local".into(),
            Route::Federated => "/federated".into(),
            Route::Notifications => "/notifications".into(),
            Route::Conversations => "/conversations".into(),
            Route::Tag(tag) => format!("/tags/{}", encode_component(tag)),
            Route::List(id) => format!("/lists/{}", encode_component(id)),
            Route::Status(id) => format!("/statuses/{}", encode_component(id)),
            Route::Account(id) => format!("/accounts/{}", encode_component(id)),
            Route::AccountWithReplies(id) => {
                format!("/accounts/{}/with_replies", encode_component(id))
            }
            Route::AccountMedia(id) => format!("/accounts/{}/media", encode_component(id)),
            Route::Followers(id) => format!("/accounts/{}/followers", encode_component(id)),
            Route::Following(id) => format!("/accounts/{}/following", encode_component(id)),
            Route::Login => "/login".into(),
            Route::Callback => "/callback".into(),
        }
    }

    /// Parses an app path (no query string); `None` for unknown paths.
    pub fn parse(path: &str) -> Option<Route> {
        let path = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        let mut parts = path.trim_start_matches('/').splitn(2, '/');
        let first = parts.next()?;
        let rest = parts.next();
        let param = |r: Option<&str>| r.filter(|s| !s.is_empty() && !s.contains('/')).map(decode);
        Some(match (first, rest) {
            ("", None) => Route::Home,
            ("local", None) => Route::Local,
            ("federated", None) => Route::Federated,
            ("notifications", None) => Route::Notifications,
            ("conversations", None) => Route::Conversations,
            ("login", None) => Route::Login,
            ("callback", None) => Route::Callback,
            ("tags", r) => Route::Tag(param(r)?),
            ("lists", r) => Route::List(param(r)?),
            ("statuses", r) => Route::Status(param(r)?),
            ("accounts", Some(r)) if r.contains('/') => {
                let (id, tab) = r.split_once('/')?;
                let id = param(Some(id))?;
                match tab {
                    "with_replies" => Route::AccountWithReplies(id),
                    "media" => Route::AccountMedia(id),
                    "followers" => Route::Followers(id),
                    "following" => Route::Following(id),
                    _ => return None,
                }
            }
            ("accounts", r) => Route::Account(param(r)?),
            _ => return None,
        })
    }
}

fn decode(s: &str) -> String {
    crate::api::query::query_param(&format!("v={s}"), "v").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips() {
        let all = [
            Route::Home,
            Route::Local,
            Route::Federated,
            Route::Notifications,
            Route::Conversations,
            Route::Tag("rust lang/ü".into()),
            Route::List("42".into()),
            Route::Status("117020593473214477".into()),
            Route::Account("AM7iejUVqeZiIAYReK".into()),
            Route::Account("@bob@example.social".into()),
            Route::AccountWithReplies("7".into()),
            Route::AccountMedia("7".into()),
            Route::Followers("7".into()),
            Route::Following("7".into()),
            Route::Login,
            Route::Callback,
        ];
        for route in all {
            assert_eq!(
                Route::parse(&route.href()),
                Some(route.clone()),
                "{}",
                route.href()
            );
        }
    }

    #[test]
    fn unknown_and_malformed_paths_are_none() {
        assert_eq!(Route::parse("/nope"), None);
        assert_eq!(Route::parse("/tags/"), None);
        assert_eq!(Route::parse("/statuses/1/2"), None);
        assert_eq!(Route::parse("/accounts/1/nope"), None);
        assert_eq!(Route::parse("/local/"), Some(Route::Local));
    }
}
