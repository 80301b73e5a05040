//! Direct conversations of the active account: the list (unread first as the server orders
//! it, newest activity on top), paging, live updates from the stream, and marking one read
//! when it is opened.

use leptos::{prelude::*, task::spawn_local};

use super::{cache::StatusCache, paging::Paging, session::Session};
use crate::api::conversations as api;
use crate::model::misc::Conversation;

#[derive(Clone, Copy)]
pub struct Conversations {
    pub list: RwSignal<Vec<Conversation>>,
    pub paging: Paging,
    session: Session,
    cache: StatusCache,
}

pub fn provide_conversations(session: Session, cache: StatusCache) -> Conversations {
    let c = Conversations {
        list: RwSignal::new(Vec::new()),
        paging: Paging::default(),
        session,
        cache,
    };
    provide_context(c);
    let key = Memo::new(move |_| session.active().map(|a| a.key()));
    Effect::new(move |_| {
        let _ = key.get();
        c.reset();
    });
    c
}

pub fn use_conversations() -> Conversations {
    expect_context::<Conversations>()
}

/// Puts a changed conversation on top, replacing its older copy.
pub fn upsert_top(list: &mut Vec<Conversation>, c: Conversation) {
    list.retain(|x| x.id != c.id);
    list.insert(0, c);
}

impl Conversations {
    fn reset(&self) {
        self.list.set(Vec::new());
        self.paging.reset();
    }

    pub fn is_loaded(&self) -> bool {
        self.paging.is_loaded()
    }

    pub fn load_more(&self) {
        let Some(client) = self.session.client() else {
            return;
        };
        let Some(link) = self.paging.begin() else {
            return;
        };
        let this = *self;
        spawn_local(async move {
            match api::list(&client, link.as_deref()).await {
                Ok(page) => {
                    let empty = page.items.is_empty();
                    for s in page.items.iter().filter_map(|c| c.last_status.clone()) {
                        this.cache.insert(s);
                    }
                    this.list.update(|all| {
                        for c in page.items {
                            if !all.iter().any(|x| x.id == c.id) {
                                all.push(c);
                            }
                        }
                    });
                    this.paging.finish(page.next, empty);
                }
                Err(e) => this.paging.fail(this.session, e),
            }
        });
    }

    /// A conversation from the stream.
    pub fn on_live(&self, c: Conversation) {
        if let Some(s) = c.last_status.clone() {
            self.cache.insert(s);
        }
        if self.paging.is_loaded() {
            self.list.update(|l| upsert_top(l, c));
        }
    }

    pub fn catch_up(&self) {
        if self.paging.is_loaded() {
            self.reset();
            self.load_more();
        }
    }

    /// Marks a conversation read (optimistically; the server's copy wins).
    pub fn mark_read(&self, id: String) {
        let Some(client) = self.session.client() else {
            return;
        };
        self.list.update(|l| {
            if let Some(c) = l.iter_mut().find(|c| c.id == id) {
                c.unread = false;
            }
        });
        let session = self.session;
        spawn_local(async move {
            if let Err(e) = api::read(&client, &id).await {
                session.check(&e);
            }
        });
    }
}
