//! Signed-in accounts: several, on one or many instances, one active per tab.
//!
//! Persisted in `localStorage` (the list, shared by tabs) and `sessionStorage` (which account
//! this tab shows). The list logic is pure and host-tested; [`Session`] wraps it in signals.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::storage::{self, Area};
use crate::api::{self, Client};

// index.html reads these two keys too (the early home request): change them together.
const ACCOUNTS_KEY: &str = "woolly.accounts";
const ACTIVE_KEY: &str = "woolly.active";

/// One signed-in account and what is needed to talk for it (and to revoke its token).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StoredAccount {
    pub origin: String,
    pub token: String,
    pub client_id: String,
    pub client_secret: String,
    pub id: String,
    pub acct: String,
    pub display_name: String,
    pub avatar: String,
    /// Set by a 401: the token no longer works; the account waits for a new sign-in.
    #[serde(default)]
    pub expired: bool,
}

impl StoredAccount {
    /// Unique across instances: the same account id can exist on two servers.
    pub fn key(&self) -> String {
        format!("{}@{}", self.id, self.origin)
    }

    /// `@alice@mastodon.social`.
    pub fn handle(&self) -> String {
        let authority = self.origin.split("://").nth(1).unwrap_or(&self.origin);
        crate::format::full_handle(&self.acct, authority)
    }
}

/// Adds or replaces (same key) an account, keeping the order people added them in.
pub fn upsert(list: &mut Vec<StoredAccount>, account: StoredAccount) {
    match list.iter_mut().find(|a| a.key() == account.key()) {
        Some(existing) => *existing = account,
        None => list.push(account),
    }
}

/// Which account a tab shows: its own choice if still signed in, else the first.
pub fn pick_active(list: &[StoredAccount], wanted: Option<&str>) -> Option<String> {
    wanted
        .filter(|k| list.iter().any(|a| a.key() == *k))
        .map(str::to_string)
        .or_else(|| list.first().map(StoredAccount::key))
}

#[derive(Clone, Copy)]
pub struct Session {
    accounts: RwSignal<Vec<StoredAccount>>,
    active_key: RwSignal<Option<String>>,
}

pub fn provide_session() -> Session {
    let accounts: Vec<StoredAccount> = storage::get(Area::Local, ACCOUNTS_KEY).unwrap_or_default();
    let wanted: Option<String> = storage::get(Area::Session, ACTIVE_KEY);
    let active = pick_active(&accounts, wanted.as_deref());
    let session = Session {
        accounts: RwSignal::new(accounts),
        active_key: RwSignal::new(active),
    };
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// The account this tab shows (reactive).
    pub fn active(&self) -> Option<StoredAccount> {
        let key = self.active_key.get()?;
        self.accounts
            .with(|list| list.iter().find(|a| a.key() == key).cloned())
    }

    pub fn accounts(&self) -> Vec<StoredAccount> {
        self.accounts.get()
    }

    /// An API client for the active account, unless it is signed out or expired.
    pub fn client(&self) -> Option<Client> {
        self.active()
            .filter(|a| !a.expired)
            .map(|a| Client::new(a.origin, Some(a.token)))
    }

    pub fn add(&self, account: StoredAccount) {
        let key = account.key();
        self.accounts.update(|list| upsert(list, account));
        self.persist();
        self.switch_to(&key);
    }

    pub fn switch_to(&self, key: &str) {
        self.active_key.set(Some(key.to_string()));
        storage::set(Area::Session, ACTIVE_KEY, &key);
    }

    /// A 401: keep the account (and its settings), but ask to sign in again.
    pub fn mark_expired(&self) {
        let Some(key) = self.active_key.get_untracked() else {
            return;
        };
        self.accounts.update(|list| {
            list.iter_mut()
                .filter(|a| a.key() == key)
                .for_each(|a| a.expired = true);
        });
        self.persist();
    }

    /// Routes an API error through the session: a 401 expires the active account.
    pub fn check(&self, error: &api::ApiError) {
        if error.kind == api::ErrorKind::Unauthorized {
            self.mark_expired();
        }
    }

    /// Revokes the token (best effort: older servers don't allow it from a browser) and
    /// forgets the account and its cached data.
    pub async fn log_out(&self, key: &str) {
        let account = self
            .accounts
            .with_untracked(|l| l.iter().find(|a| a.key() == key).cloned());
        if let Some(a) = account {
            let app = crate::model::oauth::RegisteredApp {
                name: String::new(),
                client_id: a.client_id.clone(),
                client_secret: a.client_secret.clone(),
                scopes: Vec::new(),
            };
            if let Err(e) = api::oauth::revoke(&a.origin, &app, &a.token).await {
                web_sys::console::warn_1(&format!("Token not revoked: {e}").into());
            }
        }
        super::offline_store::delete(&super::offline_store::home_key(key)).await;
        self.accounts.update(|list| list.retain(|a| a.key() != key));
        self.persist();
        let next = pick_active(&self.accounts.get_untracked(), None);
        match next {
            Some(k) => self.switch_to(&k),
            None => {
                self.active_key.set(None);
                storage::remove(Area::Session, ACTIVE_KEY);
            }
        }
    }

    fn persist(&self) {
        self.accounts
            .with_untracked(|list| storage::set(Area::Local, ACCOUNTS_KEY, list));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: &str, origin: &str) -> StoredAccount {
        StoredAccount {
            origin: origin.into(),
            token: format!("t-{id}"),
            client_id: "c".into(),
            client_secret: "s".into(),
            id: id.into(),
            acct: format!("user{id}"),
            display_name: String::new(),
            avatar: String::new(),
            expired: false,
        }
    }

    #[test]
    fn same_id_on_two_instances_are_two_accounts() {
        let mut list = Vec::new();
        upsert(&mut list, account("1", "https://a.social"));
        upsert(&mut list, account("1", "https://b.social"));
        upsert(
            &mut list,
            StoredAccount {
                token: "new".into(),
                ..account("1", "https://a.social")
            },
        );
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].token, "new");
    }

    #[test]
    fn active_falls_back_to_the_first_account() {
        let list = vec![
            account("1", "https://a.social"),
            account("2", "https://a.social"),
        ];
        assert_eq!(
            pick_active(&list, Some("2@https://a.social")).as_deref(),
            Some("2@https://a.social")
        );
        assert_eq!(
            pick_active(&list, Some("9@gone")).as_deref(),
            Some("1@https://a.social")
        );
        assert_eq!(pick_active(&[], None), None);
    }

    #[test]
    fn handle_includes_the_instance() {
        assert_eq!(
            account("1", "http://127.0.0.1:3000").handle(),
            "@user1@127.0.0.1:3000"
        );
    }
}
