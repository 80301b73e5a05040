//! The notifications of the active account: grouped rows (v2 where the server has it, else
//! v1 grouped here), the filter (all / mentions, and types hidden), paging, the unread badge
//! (from `unread_count` or the marker), follow-request answers, live notifications from the
//! stream, and opt-in browser notifications while the tab is hidden.

use leptos::{prelude::*, task::spawn_local};

use super::{
    cache::StatusCache,
    login::cached_capabilities,
    markers::MarkerState,
    notification_groups::{Group, from_v2, group_v1, push_live, unread_above},
    paging::Paging,
    session::Session,
    storage::{self, Area},
};
use crate::api::{
    ApiError, Client, ErrorKind,
    markers::Timeline,
    notifications::{self as api, NotificationFilter},
};
use crate::model::notification::Notification;

const DESKTOP_KEY: &str = "woolly.desktop_notifications";

/// The filter tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    All,
    Mentions,
}

/// Types people can hide on the "All" tab, with their labels.
pub const HIDEABLE: [(&str, &str); 5] = [
    ("favourite", "Favourites"),
    ("reblog", "Boosts"),
    ("follow", "Follows"),
    ("poll", "Polls"),
    ("update", "Edits"),
];

#[derive(Clone, Copy)]
pub struct Notifications {
    pub groups: RwSignal<Vec<Group>>,
    pub paging: Paging,
    pub tab: RwSignal<Tab>,
    /// Types hidden on the "All" tab.
    pub hidden: RwSignal<Vec<String>>,
    /// Unread groups, for the badge.
    pub unread: RwSignal<u64>,
    /// Browser notifications are on (permission granted and the person opted in).
    pub desktop: RwSignal<bool>,
    /// Follow requests answered here: account id → accepted.
    pub answered: RwSignal<Vec<(String, bool)>>,
    /// `None` until known; `Some(false)` once v2 answered 404.
    grouped: StoredValue<Option<bool>>,
    session: Session,
    cache: StatusCache,
    markers: MarkerState,
}

pub fn provide_notifications(
    session: Session,
    cache: StatusCache,
    markers: MarkerState,
) -> Notifications {
    let n = Notifications {
        groups: RwSignal::new(Vec::new()),
        paging: Paging::default(),
        tab: RwSignal::new(Tab::All),
        hidden: RwSignal::new(Vec::new()),
        unread: RwSignal::new(0),
        desktop: RwSignal::new(
            storage::get::<bool>(Area::Local, DESKTOP_KEY).unwrap_or(false)
                && crate::state::desktop::permission_granted(),
        ),
        answered: RwSignal::new(Vec::new()),
        grouped: StoredValue::new(None),
        session,
        cache,
        markers,
    };
    provide_context(n);
    let key = Memo::new(move |_| session.active().map(|a| a.key()));
    Effect::new(move |_| {
        if key.get().is_some() {
            n.grouped.set_value(None);
            n.reset();
            n.refresh_unread();
        }
    });
    // Without `unread_count` (v1 servers), count from the loaded groups and the marker.
    Effect::new(move |_| {
        let marker = markers.notifications.get();
        let count = n.groups.with(|g| unread_above(g, marker.as_deref()));
        if n.grouped.get_value() == Some(false) && n.paging.is_loaded() {
            n.unread.set(count as u64);
        }
    });
    n
}

pub fn use_notifications() -> Notifications {
    expect_context::<Notifications>()
}

impl Notifications {
    fn filter(&self) -> NotificationFilter {
        match self.tab.get_untracked() {
            Tab::Mentions => NotificationFilter {
                types: vec!["mention".into()],
                exclude_types: vec![],
            },
            Tab::All => NotificationFilter {
                types: vec![],
                exclude_types: self.hidden.get_untracked(),
            },
        }
    }

    fn use_v2(&self, client: &Client) -> bool {
        self.grouped.get_value().unwrap_or_else(|| {
            cached_capabilities(client.origin()).is_none_or(|c| c.grouped_notifications)
        })
    }

    /// Forgets the list (filter or account changed); the page loads it again.
    pub fn reset(&self) {
        self.groups.set(Vec::new());
        self.paging.reset();
    }

    pub fn is_loaded(&self) -> bool {
        self.paging.is_loaded()
    }

    /// Loads the first page, or the next older one.
    pub fn load_more(&self) {
        let Some(client) = self.session.client() else {
            return;
        };
        let Some(link) = self.paging.begin() else {
            return;
        };
        let this = *self;
        spawn_local(async move {
            let filter = this.filter();
            let result = this.fetch(&client, &filter, link.as_deref()).await;
            match result {
                Ok((groups, next)) => {
                    let empty = groups.is_empty();
                    this.groups.update(|all| {
                        for g in groups {
                            if !all
                                .iter()
                                .any(|x| x.key == g.key && x.latest_id == g.latest_id)
                            {
                                all.push(g);
                            }
                        }
                    });
                    this.paging.finish(next, empty);
                }
                Err(e) => this.paging.fail(this.session, e),
            }
        });
    }

    /// One page as groups, from v2 or (when the server has no v2) v1.
    async fn fetch(
        &self,
        client: &Client,
        filter: &NotificationFilter,
        link: Option<&str>,
    ) -> Result<(Vec<Group>, Option<String>), ApiError> {
        if self.use_v2(client) {
            match api::list_v2(client, filter, link).await {
                Ok((body, links)) => {
                    self.grouped.set_value(Some(true));
                    for s in body.statuses.iter().cloned() {
                        self.cache.insert(s);
                    }
                    return Ok((from_v2(&body), links.next));
                }
                Err(e) if e.kind == ErrorKind::NotFound && link.is_none() => {
                    self.grouped.set_value(Some(false));
                }
                Err(e) => return Err(e),
            }
        }
        let page = api::list_v1(client, filter, link).await?;
        for s in page.items.iter().filter_map(|n| n.status.clone()) {
            self.cache.insert(s);
        }
        Ok((group_v1(page.items), page.next))
    }

    /// Changes the tab or hidden types and reloads.
    pub fn set_filter(&self, tab: Tab, hidden: Vec<String>) {
        self.tab.set(tab);
        self.hidden.set(hidden);
        self.reset();
        self.load_more();
    }

    /// The badge count: `unread_count` where the server has it.
    pub fn refresh_unread(&self) {
        let Some(client) = self.session.client() else {
            return;
        };
        if !self.use_v2(&client) {
            return;
        }
        let this = *self;
        spawn_local(async move {
            match api::unread_count(&client).await {
                Ok(count) => this.unread.set(count),
                Err(e) if e.kind == ErrorKind::NotFound => this.grouped.set_value(Some(false)),
                Err(e) => this.session.check(&e),
            }
        });
    }

    /// The reader saw the list: the newest group becomes the marker, the badge clears.
    pub fn mark_read(&self) {
        let newest = self
            .groups
            .with_untracked(|g| g.first().map(|g| g.latest_id.clone()));
        self.unread.set(0);
        if let Some(id) = newest
            && self.markers.notifications.get_untracked().as_deref() != Some(id.as_str())
        {
            self.markers.save_now(Timeline::Notifications, id);
        }
    }

    /// A notification from the stream.
    pub fn on_live(&self, n: Notification) {
        if let Some(s) = n.status.clone() {
            self.cache.insert(s);
        }
        if self.desktop.get_untracked() {
            crate::state::desktop::show_if_hidden(&n);
        }
        let visible = match self.tab.get_untracked() {
            Tab::Mentions => n.kind == "mention",
            Tab::All => !self.hidden.with_untracked(|h| h.contains(&n.kind)),
        };
        if self.paging.is_loaded() && visible {
            self.groups.update(|g| push_live(g, n));
        }
        self.unread.update(|u| *u += 1);
    }

    /// Catch-up after the stream was lost: the badge, and the list if it is open.
    pub fn catch_up(&self) {
        self.refresh_unread();
        if self.paging.is_loaded() {
            self.reset();
            self.load_more();
        }
    }

    /// Accepts or rejects a follow request from the notification row.
    pub fn answer_follow_request(
        &self,
        account_id: String,
        accept: bool,
        error: RwSignal<Option<String>>,
    ) {
        let Some(client) = self.session.client() else {
            return;
        };
        let this = *self;
        spawn_local(async move {
            let result = if accept {
                api::authorize(&client, &account_id).await
            } else {
                api::reject(&client, &account_id).await
            };
            match result {
                Ok(_) => this.answered.update(|a| a.push((account_id, accept))),
                Err(e) => {
                    this.session.check(&e);
                    error.set(Some(e.user_message()));
                }
            }
        });
    }

    /// Turns browser notifications on (asking permission) or off.
    pub fn set_desktop(&self, on: bool) {
        storage::set(Area::Local, DESKTOP_KEY, &on);
        if !on {
            self.desktop.set(false);
            return;
        }
        let this = *self;
        spawn_local(async move {
            let granted = crate::state::desktop::request_permission().await;
            this.desktop.set(granted);
            storage::set(Area::Local, DESKTOP_KEY, &granted);
        });
    }
}
