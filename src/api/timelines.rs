//! Timelines: home, local, federated, hashtag and list, each a first page path plus
//! `Link`-header paging.

use super::{error::ApiError, http::Client, page::Page, query::encode_component};
use crate::model::Status;

/// Which timeline. Its first page's path is pure, so routes and tests can use it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TimelineKind {
    Home,
    Local,
    Federated,
    Tag(String),
    List(String),
    /// A profile's statuses (one tab of it).
    Account(String, super::accounts::AccountFilter),
}

impl TimelineKind {
    pub fn first_page_path(&self) -> String {
        match self {
            TimelineKind::Home => "/api/v1/timelines/home".into(),
            TimelineKind::Local => "/api/v1/timelines/public?local=true".into(),
            TimelineKind::Federated => "/api/v1/timelines/public".into(),
            TimelineKind::Tag(tag) => format!("/api/v1/timelines/tag/{}", encode_component(tag)),
            TimelineKind::List(id) => format!("/api/v1/timelines/list/{}", encode_component(id)),
            TimelineKind::Account(id, filter) => super::accounts::statuses_path(id, *filter),
        }
    }
}

/// Statuses per page: Mastodon's maximum, so a long read needs fewer round trips.
pub const PAGE_SIZE: u32 = 40;

impl TimelineKind {
    /// The first page's path with `limit`.
    pub fn first_page_with_limit(&self) -> String {
        let path = self.first_page_path();
        let sep = if path.contains('?') { '&' } else { '?' };
        format!("{path}{sep}limit={PAGE_SIZE}")
    }
}

/// The first page and its body text (kept for a warm start).
pub async fn first_page_and_text(
    client: &Client,
    kind: &TimelineKind,
) -> Result<(Page<Status>, String), ApiError> {
    client
        .get_page_and_text(&kind.first_page_with_limit())
        .await
}

/// One page: the first when `link` is `None`, else the `Link` URL to follow.
pub async fn page(
    client: &Client,
    kind: &TimelineKind,
    link: Option<&str>,
) -> Result<Page<Status>, ApiError> {
    match link {
        Some(url) => client.get_page(url).await,
        None => client.get_page(&kind.first_page_with_limit()).await,
    }
}
