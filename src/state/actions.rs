//! Writes from views: each updates the status cache at once (optimistic), calls the API, and
//! lets the server's answer win — or puts the status back and says why in a toast. Views call
//! these, never `api` directly.
//!
//! The optimistic change itself is a pair of pure reducers, [`apply`] and [`reconcile`]
//! (revert is `apply` of the opposite), host-tested at the bottom of this file.

use std::collections::HashSet;

use leptos::prelude::*;

use super::{cache::StatusCache, session::Session, toasts::Toasts};
use crate::api::{self, ApiError, ErrorKind, statuses::StatusVerb};
use crate::model::Status;

/// A two-state interaction with a count or a mark on the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Toggle {
    Favourite,
    Reblog,
    Bookmark,
}

impl Toggle {
    fn flag(self, s: &mut Status) -> &mut Option<bool> {
        match self {
            Toggle::Favourite => &mut s.favourited,
            Toggle::Reblog => &mut s.reblogged,
            Toggle::Bookmark => &mut s.bookmarked,
        }
    }

    fn count(self, s: &mut Status) -> Option<&mut u64> {
        match self {
            Toggle::Favourite => Some(&mut s.favourites_count),
            Toggle::Reblog => Some(&mut s.reblogs_count),
            Toggle::Bookmark => None,
        }
    }

    fn get(self, s: &Status) -> Option<bool> {
        match self {
            Toggle::Favourite => s.favourited,
            Toggle::Reblog => s.reblogged,
            Toggle::Bookmark => s.bookmarked,
        }
    }

    /// Whether the toggle is on for `status`.
    pub fn is_on(self, status: &Status) -> bool {
        self.get(status) == Some(true)
    }

    fn failure(self, on: bool) -> &'static str {
        match (self, on) {
            (Toggle::Favourite, true) => "Could not favourite the post",
            (Toggle::Favourite, false) => "Could not remove the favourite",
            (Toggle::Reblog, true) => "Could not boost the post",
            (Toggle::Reblog, false) => "Could not undo the boost",
            (Toggle::Bookmark, true) => "Could not bookmark the post",
            (Toggle::Bookmark, false) => "Could not remove the bookmark",
        }
    }
}

/// The optimistic change: turns `toggle` to `on` and moves its count by one. A no-op when it
/// is already in that state, so a repeated call cannot count twice.
pub fn apply(status: &mut Status, toggle: Toggle, on: bool) {
    if toggle.is_on(status) == on {
        return;
    }
    *toggle.flag(status) = Some(on);
    if let Some(count) = toggle.count(status) {
        *count = if on {
            count.saturating_add(1)
        } else {
            count.saturating_sub(1)
        };
    }
}

/// Undoes [`apply`] after a failure.
pub fn revert(status: &mut Status, toggle: Toggle, on: bool) {
    apply(status, toggle, !on);
}

/// The server's copy wins; where it leaves a viewer flag out (older servers), the local one
/// is kept. `answer` may be a boost wrapper (`POST …/reblog`): its original is what counts.
pub fn reconcile(local: &Status, answer: Status) -> Status {
    let mut server = match answer.reblog {
        Some(inner) if inner.id == local.id => *inner,
        _ => answer,
    };
    for t in [Toggle::Favourite, Toggle::Reblog, Toggle::Bookmark] {
        let theirs = t.flag(&mut server);
        if theirs.is_none() {
            *theirs = t.get(local);
        }
    }
    server.pinned = server.pinned.or(local.pinned);
    server.muted = server.muted.or(local.muted);
    server
}

/// Provided by the compose area: opens a reply to the status with this id (mentions
/// prefilled). Without it, Reply opens the thread.
#[derive(Clone, Copy)]
pub struct OpenReply(pub Callback<String>);

/// Which (status, toggle) pairs have a request in flight, so buttons show pending state and
/// a second press waits.
#[derive(Clone, Copy)]
pub struct Pending(RwSignal<HashSet<(String, Toggle)>>);

pub fn provide_actions() {
    provide_context(Pending(RwSignal::new(HashSet::new())));
}

pub fn use_pending() -> Option<Pending> {
    use_context::<Pending>()
}

impl Pending {
    pub fn is(&self, id: &str, toggle: Toggle) -> bool {
        self.0.with(|s| s.contains(&(id.to_string(), toggle)))
    }
}

fn client(session: &Session) -> Result<api::Client, ApiError> {
    session
        .client()
        .ok_or_else(|| ApiError::new(ErrorKind::Unauthorized))
}

/// Favourite / boost / bookmark (or undo) status `id`: the cache changes at once, the
/// server's copy replaces it, a failure reverts it and shows why. `visibility` is the boost's.
pub async fn toggle(
    session: Session,
    cache: StatusCache,
    toasts: Toasts,
    id: String,
    toggle: Toggle,
    on: bool,
    visibility: Option<String>,
) {
    let pending = use_pending();
    let key = (id.clone(), toggle);
    if let Some(p) = pending {
        if p.0.with_untracked(|s| s.contains(&key)) {
            return;
        }
        p.0.update(|s| {
            s.insert(key.clone());
        });
    }
    cache.update(&id, |s| apply(s, toggle, on));
    let result = async {
        let client = client(&session)?;
        match (toggle, on) {
            (Toggle::Reblog, true) => {
                api::statuses::reblog(&client, &id, visibility.as_deref()).await
            }
            (Toggle::Reblog, false) => api::statuses::act(&client, &id, StatusVerb::Unreblog).await,
            (Toggle::Favourite, true) => {
                api::statuses::act(&client, &id, StatusVerb::Favourite).await
            }
            (Toggle::Favourite, false) => {
                api::statuses::act(&client, &id, StatusVerb::Unfavourite).await
            }
            (Toggle::Bookmark, true) => {
                api::statuses::act(&client, &id, StatusVerb::Bookmark).await
            }
            (Toggle::Bookmark, false) => {
                api::statuses::act(&client, &id, StatusVerb::Unbookmark).await
            }
        }
    }
    .await;
    // No clear answer: the server may have done it. Ask it how the post stands now.
    let result = match result {
        Err(e) if e.may_have_happened() => match client(&session) {
            Ok(client) => match api::statuses::get(&client, &id).await {
                Ok(now) if now.reblog.is_none() && toggle.get(&now) == Some(on) => Ok(now),
                _ => Err(e),
            },
            Err(_) => Err(e),
        },
        other => other,
    };
    match result {
        Ok(answer) => cache.update(&id, |s| *s = reconcile(s, answer)),
        Err(e) => {
            session.check(&e);
            cache.update(&id, |s| revert(s, toggle, on));
            toasts.error(format!("{}: {}", toggle.failure(on), e.user_message()));
        }
    }
    if let Some(p) = pending {
        p.0.update(|s| {
            s.remove(&key);
        });
    }
}

/// Mute/unmute the conversation, pin/unpin: the server's copy is stored, errors are told.
pub async fn status_verb(
    session: Session,
    cache: StatusCache,
    toasts: Toasts,
    id: String,
    verb: StatusVerb,
    done: &'static str,
) {
    let result = async { api::statuses::act(&client(&session)?, &id, verb).await }.await;
    match result {
        Ok(answer) => {
            cache.update(&id, |s| *s = reconcile(s, answer));
            toasts.info(done);
        }
        Err(e) => {
            session.check(&e);
            toasts.error(e.user_message());
        }
    }
}

/// Deletes an own status; `true` when it is gone.
pub async fn delete(session: Session, toasts: Toasts, id: String) -> bool {
    let result = async { api::statuses::delete(&client(&session)?, &id).await }.await;
    match result {
        Ok(_) => {
            toasts.info("Post deleted");
            true
        }
        Err(e) => {
            session.check(&e);
            toasts.error(format!("Could not delete the post: {}", e.user_message()));
            false
        }
    }
}

/// Votes in the poll of status `status_id` and stores the server's updated poll.
pub async fn vote(
    session: Session,
    cache: StatusCache,
    status_id: &str,
    poll_id: &str,
    choices: &[usize],
) -> Result<(), ApiError> {
    let client = client(&session)?;
    match api::statuses::vote(&client, poll_id, choices).await {
        Ok(poll) => {
            cache.update(status_id, |s| s.poll = Some(poll));
            Ok(())
        }
        Err(e) => {
            session.check(&e);
            Err(e)
        }
    }
}

/// Fetches a poll's latest results into the cache.
pub async fn refresh_poll(
    session: Session,
    cache: StatusCache,
    status_id: &str,
    poll_id: &str,
) -> Result<(), ApiError> {
    let client = client(&session)?;
    let poll = api::statuses::poll(&client, poll_id)
        .await
        .inspect_err(|e| session.check(e))?;
    cache.update(status_id, |s| s.poll = Some(poll));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status() -> Status {
        serde_json::from_str(include_str!(
            "../../tests/fixtures/status_reply_mention.json"
        ))
        .expect("fixture decodes")
    }

    #[test]
    fn apply_turns_on_and_counts_once() {
        let mut s = status();
        s.favourited = Some(false);
        let before = s.favourites_count;
        apply(&mut s, Toggle::Favourite, true);
        assert_eq!(s.favourited, Some(true));
        assert_eq!(s.favourites_count, before + 1);
        apply(&mut s, Toggle::Favourite, true);
        assert_eq!(
            s.favourites_count,
            before + 1,
            "a repeat does not count twice"
        );
    }

    #[test]
    fn revert_restores_the_original() {
        for t in [Toggle::Favourite, Toggle::Reblog, Toggle::Bookmark] {
            let original = status();
            let on = !t.is_on(&original);
            let mut s = original.clone();
            apply(&mut s, t, on);
            assert_ne!(s, original, "{t:?} changed something");
            revert(&mut s, t, on);
            assert_eq!(s, original, "{t:?} reverted");
        }
    }

    #[test]
    fn undo_never_goes_below_zero() {
        let mut s = status();
        s.reblogged = Some(true);
        s.reblogs_count = 0;
        apply(&mut s, Toggle::Reblog, false);
        assert_eq!((s.reblogged, s.reblogs_count), (Some(false), 0));
    }

    #[test]
    fn the_server_copy_wins_on_reconcile() {
        let local = {
            let mut s = status();
            s.favourited = Some(false);
            s.favourites_count = 3;
            apply(&mut s, Toggle::Favourite, true);
            s
        };
        let mut server = status();
        server.favourited = Some(true);
        server.favourites_count = 10; // others favourited meanwhile
        server.bookmarked = None; // an older server leaves the flag out
        let mut local_marked = local.clone();
        local_marked.bookmarked = Some(true);
        let merged = reconcile(&local_marked, server);
        assert_eq!(merged.favourites_count, 10);
        assert_eq!(merged.favourited, Some(true));
        assert_eq!(
            merged.bookmarked,
            Some(true),
            "missing flags keep the local value"
        );
    }

    #[test]
    fn a_boost_answer_reconciles_through_its_original() {
        let local = status();
        let mut original = local.clone();
        original.reblogged = Some(true);
        original.reblogs_count = local.reblogs_count + 1;
        let mut wrapper = status();
        wrapper.id = "wrapper".into();
        wrapper.reblog = Some(Box::new(original.clone()));
        let merged = reconcile(&local, wrapper);
        assert_eq!(merged.id, local.id);
        assert_eq!(merged.reblogged, Some(true));
        assert_eq!(merged.reblogs_count, original.reblogs_count);
    }
}
