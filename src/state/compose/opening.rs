//! Opening the composer on an existing status: a reply (mentions, CW and visibility per
//! [`crate::compose::rules::reply_prefill`]), a quote, or an edit (text from `/source`); and
//! the draft an existing status makes (edit, redraft).

use leptos::{prelude::*, task::spawn_local};

use super::{Composer, api_compose, rules};
use crate::compose::draft::{Draft, DraftMedia, DraftPoll};
use crate::model::Status;

impl Composer {
    /// Opens the composer replying to a cached status.
    pub fn reply(&self, status_id: &str) {
        let Some(parent) = self.cache.get(status_id).map(|s| s.get_untracked()) else {
            return;
        };
        let parent = parent.reblog.as_deref().cloned().unwrap_or(parent);
        let me = self.session.active().map(|a| a.acct).unwrap_or_default();
        let default_vis = self.default_visibility();
        let p = rules::reply_prefill(&parent, &me, &default_vis);
        self.start(Draft {
            cw: !p.spoiler_text.is_empty(),
            text: p.text,
            spoiler_text: p.spoiler_text,
            visibility: p.visibility,
            in_reply_to_id: Some(parent.id.clone()),
            reply_to_acct: Some(parent.account.acct.clone()),
            language: parent.language.clone().unwrap_or_default(),
            ..Draft::default()
        });
    }

    /// Opens the composer quoting a status (servers with quote posts).
    /// Whether `status` can be quoted here: the server has quote posts and the status is public
    /// or unlisted.
    pub fn can_quote(&self, status: &crate::model::Status) -> bool {
        use crate::model::Visibility;
        self.capabilities().quote_posts
            && matches!(status.visibility, Visibility::Public | Visibility::Unlisted)
    }

    pub fn quote(&self, status_id: &str) {
        let acct = self
            .cache
            .get(status_id)
            .map(|s| s.with_untracked(|s| s.account.acct.clone()));
        self.start(Draft {
            quote_id: Some(status_id.to_string()),
            reply_to_acct: acct,
            ..Draft::default()
        });
    }

    /// Opens the composer on an own status: its source text, CW, media and poll.
    pub fn edit(&self, status_id: &str) {
        let Some(s) = self.cache.get(status_id).map(|s| s.get_untracked()) else {
            return;
        };
        self.start(Draft {
            editing_id: Some(s.id.clone()),
            ..draft_of(&s)
        });
        let (c, id) = (*self, s.id.clone());
        let Some(client) = self.session.client() else {
            return;
        };
        c.loading.set(true);
        spawn_local(async move {
            match api_compose::source(&client, &id).await {
                Ok(src) => c.change(|d| {
                    d.text = src.text;
                    d.spoiler_text = src.spoiler_text;
                }),
                Err(e) => c.fail(&e),
            }
            c.loading.set(false);
        });
    }
}

/// A draft holding an existing status's CW, visibility, language, media (same ids) and poll.
pub(super) fn draft_of(s: &Status) -> Draft {
    let media = s
        .media_attachments
        .iter()
        .map(|m| DraftMedia {
            id: m.id.clone(),
            kind: m.kind.clone(),
            preview_url: m.preview_url.clone().or(m.url.clone()),
            description: m.description.clone().unwrap_or_default(),
            focus: m
                .meta
                .as_ref()
                .and_then(|x| x.focus)
                .map_or((0.0, 0.0), |f| (f.x, f.y)),
        })
        .collect();
    let poll = s.poll.as_ref().map(|p| DraftPoll {
        options: p.options.iter().map(|o| o.title.clone()).collect(),
        multiple: p.multiple,
        ..DraftPoll::default()
    });
    Draft {
        visibility: rules::visibility_of(s).to_string(),
        language: s.language.clone().unwrap_or_default(),
        sensitive: s.sensitive,
        cw: !s.spoiler_text.is_empty(),
        spoiler_text: s.spoiler_text.clone(),
        media,
        poll,
        ..Draft::default()
    }
}
