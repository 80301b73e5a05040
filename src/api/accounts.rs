//! Account endpoints: who the token belongs to, profiles, their statuses and social lists,
//! lookups, relationships and the relationship actions (follow, mute, block, …), reports.

use serde::de::IgnoredAny;

use super::{error::ApiError, http::Client, page::Page, query::encode_component};
use crate::model::{Account, Status, misc::Relationship};

/// `GET /api/v1/accounts/verify_credentials`: who the token belongs to.
pub async fn verify_credentials(client: &Client) -> Result<Account, ApiError> {
    client.get("/api/v1/accounts/verify_credentials").await
}

/// `GET /api/v1/accounts/:id`.
pub async fn get(client: &Client, id: &str) -> Result<Account, ApiError> {
    client
        .get(&format!("/api/v1/accounts/{}", encode_component(id)))
        .await
}

/// `GET /api/v1/accounts/lookup?acct=user@host`: an account the instance already knows.
pub async fn lookup(client: &Client, acct: &str) -> Result<Account, ApiError> {
    client
        .get(&format!(
            "/api/v1/accounts/lookup?acct={}",
            encode_component(acct.trim_start_matches('@'))
        ))
        .await
}

/// Which of a profile's statuses a tab shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountFilter {
    /// Posts and boosts, without replies.
    Posts,
    WithReplies,
    Media,
    Pinned,
}

/// The first page of `GET /api/v1/accounts/:id/statuses` for a tab (pure).
pub fn statuses_path(id: &str, filter: AccountFilter) -> String {
    let query = match filter {
        AccountFilter::Posts => "?exclude_replies=true",
        AccountFilter::WithReplies => "",
        AccountFilter::Media => "?only_media=true",
        AccountFilter::Pinned => "?pinned=true",
    };
    format!("/api/v1/accounts/{}/statuses{query}", encode_component(id))
}

/// Pinned statuses of a profile.
pub async fn pinned(client: &Client, id: &str) -> Result<Vec<Status>, ApiError> {
    Ok(client
        .get_page(&statuses_path(id, AccountFilter::Pinned))
        .await?
        .items)
}

/// The account's newest own statuses (replies included, boosts left out): where a post whose
/// answer was lost would be.
pub async fn newest_own_statuses(client: &Client, id: &str) -> Result<Vec<Status>, ApiError> {
    let path = format!(
        "{}?exclude_reblogs=true&limit=20",
        statuses_path(id, AccountFilter::WithReplies)
    );
    Ok(client.get_page(&path).await?.items)
}

/// `GET /api/v1/accounts/:id/followers` or `…/following`; `link` continues a page.
pub async fn social_page(
    client: &Client,
    id: &str,
    following: bool,
    link: Option<&str>,
) -> Result<Page<Account>, ApiError> {
    match link {
        Some(url) => client.get_page(url).await,
        None => {
            let which = if following { "following" } else { "followers" };
            client
                .get_page(&format!(
                    "/api/v1/accounts/{}/{which}",
                    encode_component(id)
                ))
                .await
        }
    }
}

/// `GET /api/v1/accounts/relationships?id[]=…`.
pub async fn relationships(client: &Client, ids: &[&str]) -> Result<Vec<Relationship>, ApiError> {
    let query: Vec<String> = ids
        .iter()
        .map(|id| format!("id[]={}", encode_component(id)))
        .collect();
    Ok(client
        .get_page(&format!(
            "/api/v1/accounts/relationships?{}",
            query.join("&")
        ))
        .await?
        .items)
}

/// `POST /api/v1/accounts/:id/<verb>` with form parameters; answers with the relationship.
pub async fn relate(
    client: &Client,
    id: &str,
    verb: &str,
    pairs: &[(&str, &str)],
) -> Result<Relationship, ApiError> {
    client
        .post_form(
            &format!("/api/v1/accounts/{}/{verb}", encode_component(id)),
            pairs,
        )
        .await
}

/// `POST /api/v1/accounts/:id/follow` with `reblogs` and `notify`.
pub async fn follow(
    client: &Client,
    id: &str,
    reblogs: bool,
    notify: bool,
) -> Result<Relationship, ApiError> {
    let flag = |b: bool| if b { "true" } else { "false" };
    relate(
        client,
        id,
        "follow",
        &[("reblogs", flag(reblogs)), ("notify", flag(notify))],
    )
    .await
}

/// `POST /api/v1/accounts/:id/mute`; `duration` in seconds, 0 = indefinitely.
pub async fn mute(
    client: &Client,
    id: &str,
    duration: u32,
    notifications: bool,
) -> Result<Relationship, ApiError> {
    let duration = duration.to_string();
    let notifications = if notifications { "true" } else { "false" };
    relate(
        client,
        id,
        "mute",
        &[("duration", &duration), ("notifications", notifications)],
    )
    .await
}

/// `POST /api/v1/domain_blocks` (`domain`); the answer is `{}`.
pub async fn block_domain(client: &Client, domain: &str) -> Result<(), ApiError> {
    client
        .post_form::<IgnoredAny>("/api/v1/domain_blocks", &[("domain", domain)])
        .await
        .map(|_| ())
}

/// `POST /api/v1/reports`: an account, optionally statuses, a category and a comment.
pub async fn report(
    client: &Client,
    account_id: &str,
    status_ids: &[String],
    category: &str,
    comment: &str,
) -> Result<(), ApiError> {
    let mut pairs = vec![
        ("account_id", account_id),
        ("category", category),
        ("comment", comment),
    ];
    pairs.extend(status_ids.iter().map(|s| ("status_ids[]", s.as_str())));
    client
        .post_form::<IgnoredAny>("/api/v1/reports", &pairs)
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_paths_carry_their_filters() {
        assert_eq!(
            statuses_path("7", AccountFilter::Posts),
            "/api/v1/accounts/7/statuses?exclude_replies=true"
        );
        assert_eq!(
            statuses_path("7", AccountFilter::Media),
            "/api/v1/accounts/7/statuses?only_media=true"
        );
        assert_eq!(
            statuses_path("a/b", AccountFilter::WithReplies),
            "/api/v1/accounts/a%2Fb/statuses"
        );
    }
}
