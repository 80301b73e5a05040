//! A profile's data for views: the account (by id, or by `@user@host` through lookup), the
//! viewer's relationship with it, and the relationship actions (follow with its options,
//! unfollow, mute, block, domain block, endorse, report). Each action answers with the
//! server's relationship, which the view then shows.

use super::{relationship::Primary, session::Session};
use crate::api::{self, ApiError, ErrorKind, accounts};
use crate::model::{Account, Status, misc::Relationship};

fn client(session: &Session) -> Result<api::Client, ApiError> {
    session
        .client()
        .ok_or_else(|| ApiError::new(ErrorKind::Unauthorized))
}

fn checked<T>(session: &Session, r: Result<T, ApiError>) -> Result<T, ApiError> {
    if let Err(e) = &r {
        session.check(e);
    }
    r
}

/// The account for a route parameter: an id, or `@user@host` (looked up, which makes the
/// instance fetch an account it does not know yet).
pub async fn load_account(session: Session, key: String) -> Result<Account, ApiError> {
    let r = async {
        let client = client(&session)?;
        if key.starts_with('@') {
            accounts::lookup(&client, &key).await
        } else {
            accounts::get(&client, &key).await
        }
    }
    .await;
    checked(&session, r)
}

/// The viewer's relationship with account `id`.
pub async fn load_relationship(session: Session, id: String) -> Result<Relationship, ApiError> {
    let r = async {
        accounts::relationships(&client(&session)?, &[&id])
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| ApiError::new(ErrorKind::NotFound))
    }
    .await;
    checked(&session, r)
}

/// A pinned-first list for the Posts tab.
pub async fn load_pinned(session: Session, id: String) -> Result<Vec<Status>, ApiError> {
    let r = async { accounts::pinned(&client(&session)?, &id).await }.await;
    checked(&session, r)
}

/// Everything the relationship controls can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum RelationAction {
    Primary(Primary),
    /// Follow again with new options (notify on posts, show boosts).
    FollowOptions {
        reblogs: bool,
        notify: bool,
    },
    Mute {
        duration_secs: u32,
        notifications: bool,
    },
    Unmute,
    Block,
    Endorse(bool),
}

/// Runs `action` on account `id`; the server's relationship on success.
pub async fn relate(
    session: Session,
    id: String,
    current: Relationship,
    action: RelationAction,
) -> Result<Relationship, ApiError> {
    let r = async {
        let c = client(&session)?;
        match action {
            RelationAction::Primary(p) if p.verb() == "follow" => {
                accounts::follow(
                    &c,
                    &id,
                    current.showing_reblogs || !current.following,
                    current.notifying,
                )
                .await
            }
            RelationAction::Primary(p) => accounts::relate(&c, &id, p.verb(), &[]).await,
            RelationAction::FollowOptions { reblogs, notify } => {
                accounts::follow(&c, &id, reblogs, notify).await
            }
            RelationAction::Mute {
                duration_secs,
                notifications,
            } => accounts::mute(&c, &id, duration_secs, notifications).await,
            RelationAction::Unmute => accounts::relate(&c, &id, "unmute", &[]).await,
            RelationAction::Block => accounts::relate(&c, &id, "block", &[]).await,
            RelationAction::Endorse(true) => accounts::relate(&c, &id, "endorse", &[]).await,
            RelationAction::Endorse(false) => accounts::relate(&c, &id, "unendorse", &[]).await,
        }
    }
    .await;
    checked(&session, r)
}

/// Blocks every account of `domain`.
pub async fn block_domain(session: Session, domain: String) -> Result<(), ApiError> {
    let r = async { accounts::block_domain(&client(&session)?, &domain).await }.await;
    checked(&session, r)
}

/// Reports account `id` (with the chosen statuses) to its moderators.
pub async fn report(
    session: Session,
    id: String,
    status_ids: Vec<String>,
    category: String,
    comment: String,
) -> Result<(), ApiError> {
    let r =
        async { accounts::report(&client(&session)?, &id, &status_ids, &category, &comment).await }
            .await;
    checked(&session, r)
}

/// Recent statuses of `id`, to choose from in a report.
pub async fn recent_statuses(session: Session, id: String) -> Result<Vec<Status>, ApiError> {
    let r = async {
        Ok(api::timelines::page(
            &client(&session)?,
            &api::timelines::TimelineKind::Account(id, accounts::AccountFilter::WithReplies),
            None,
        )
        .await?
        .items)
    }
    .await;
    checked(&session, r)
}

/// A page of followers (`following == false`) or followed accounts; `link` continues.
pub async fn social_page(
    session: Session,
    id: String,
    following: bool,
    link: Option<String>,
) -> Result<api::Page<Account>, ApiError> {
    let r =
        async { accounts::social_page(&client(&session)?, &id, following, link.as_deref()).await }
            .await;
    checked(&session, r)
}
