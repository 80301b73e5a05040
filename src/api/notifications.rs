//! Notifications: the flat v1 list (every server), grouped v2 (Mastodon 4.3+, with
//! `expand_accounts=partial_avatars`), the unread count, follow requests, the filtering
//! policy and notification requests.
//!
//! Mastodon's v2 `Link` URLs drop `expand_accounts`, so it is added back before following
//! one ([`with_param`]); the query building is pure and host-tested.

use super::{
    error::ApiError,
    http::Client,
    page::{Links, Page},
    query::encode_component,
};
use crate::model::{
    misc::Relationship,
    notification::{GroupedNotifications, Notification, NotificationPolicy, NotificationRequest},
};

/// What to list: only these types (empty = all), minus these.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotificationFilter {
    pub types: Vec<String>,
    pub exclude_types: Vec<String>,
}

impl NotificationFilter {
    /// `types[]=…&exclude_types[]=…` (empty when nothing is filtered).
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        for t in &self.types {
            parts.push(format!("types[]={}", encode_component(t)));
        }
        for t in &self.exclude_types {
            parts.push(format!("exclude_types[]={}", encode_component(t)));
        }
        parts.join("&")
    }
}

/// Adds `name=value` to a path or URL unless it already has `name`.
pub fn with_param(url: &str, name: &str, value: &str) -> String {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    if query
        .split('&')
        .any(|kv| kv.split('=').next() == Some(name))
    {
        return url.to_string();
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{name}={value}")
}

fn first_path(base: &str, filter: &NotificationFilter, extra: &str) -> String {
    let mut q: Vec<String> = Vec::new();
    let f = filter.query();
    if !f.is_empty() {
        q.push(f);
    }
    if !extra.is_empty() {
        q.push(extra.to_string());
    }
    if q.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", q.join("&"))
    }
}

/// `GET /api/v1/notifications`: the first page, or the `Link` URL `link`.
pub async fn list_v1(
    client: &Client,
    filter: &NotificationFilter,
    link: Option<&str>,
) -> Result<Page<Notification>, ApiError> {
    match link {
        Some(url) => client.get_page(url).await,
        None => {
            client
                .get_page(&first_path("/api/v1/notifications", filter, ""))
                .await
        }
    }
}

/// The v2 path (or `Link` URL) with `expand_accounts=partial_avatars` ensured.
pub fn v2_path(filter: &NotificationFilter, link: Option<&str>) -> String {
    match link {
        Some(url) => with_param(url, "expand_accounts", "partial_avatars"),
        None => first_path(
            "/api/v2/notifications",
            filter,
            "expand_accounts=partial_avatars",
        ),
    }
}

/// `GET /api/v2/notifications` (grouped), with its `Link` neighbours.
pub async fn list_v2(
    client: &Client,
    filter: &NotificationFilter,
    link: Option<&str>,
) -> Result<(GroupedNotifications, Links), ApiError> {
    client.get_with_links(&v2_path(filter, link)).await
}

#[derive(serde::Deserialize)]
struct Count {
    count: u64,
}

/// `GET /api/v2/notifications/unread_count` (Mastodon 4.3+): groups above the marker.
pub async fn unread_count(client: &Client) -> Result<u64, ApiError> {
    let c: Count = client.get("/api/v2/notifications/unread_count").await?;
    Ok(c.count)
}

/// `POST /api/v1/follow_requests/:account_id/authorize`.
pub async fn authorize(client: &Client, account_id: &str) -> Result<Relationship, ApiError> {
    let path = format!(
        "/api/v1/follow_requests/{}/authorize",
        encode_component(account_id)
    );
    client.post_form(&path, &[]).await
}

/// `POST /api/v1/follow_requests/:account_id/reject`.
pub async fn reject(client: &Client, account_id: &str) -> Result<Relationship, ApiError> {
    let path = format!(
        "/api/v1/follow_requests/{}/reject",
        encode_component(account_id)
    );
    client.post_form(&path, &[]).await
}

/// `GET /api/v2/notifications/policy` (Mastodon 4.3+).
pub async fn policy(client: &Client) -> Result<NotificationPolicy, ApiError> {
    client.get("/api/v2/notifications/policy").await
}

/// `GET /api/v1/notifications/requests`: notifications held back by the policy.
pub async fn requests(client: &Client) -> Result<Page<NotificationRequest>, ApiError> {
    client.get_page("/api/v1/notifications/requests").await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_urls_get_expand_accounts_back() {
        let link = "https://m.example/api/v2/notifications?types[]=mention&max_id=9";
        assert_eq!(
            v2_path(&NotificationFilter::default(), Some(link)),
            format!("{link}&expand_accounts=partial_avatars")
        );
        let kept =
            "https://m.example/api/v2/notifications?expand_accounts=partial_avatars&max_id=9";
        assert_eq!(v2_path(&NotificationFilter::default(), Some(kept)), kept);
    }

    #[test]
    fn first_pages_carry_the_filter() {
        let mentions = NotificationFilter {
            types: vec!["mention".into()],
            exclude_types: vec![],
        };
        assert_eq!(
            v2_path(&mentions, None),
            "/api/v2/notifications?types[]=mention&expand_accounts=partial_avatars"
        );
        assert_eq!(
            first_path("/api/v1/notifications", &NotificationFilter::default(), ""),
            "/api/v1/notifications"
        );
        let no_follows = NotificationFilter {
            types: vec![],
            exclude_types: vec!["follow".into(), "admin.sign_up".into()],
        };
        assert_eq!(
            no_follows.query(),
            "exclude_types[]=follow&exclude_types[]=admin.sign_up"
        );
    }
}
