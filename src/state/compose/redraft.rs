//! Delete & redraft: `DELETE /api/v1/statuses/:id` answers with the status's source `text`;
//! the status leaves every feed and the composer opens with its text, CW, visibility,
//! language, poll and media (the same media ids, which Mastodon lets a new post reuse).

use leptos::{prelude::*, task::spawn_local};

use super::{Composer, api_compose, opening::draft_of};
use crate::compose::draft::Draft;

impl Composer {
    /// Deletes the own status `status_id` and opens its content as a new draft.
    pub fn redraft(&self, status_id: &str) {
        let Some(s) = self.cache.get(status_id).map(|s| s.get_untracked()) else {
            return;
        };
        let Some(client) = self.session.client() else {
            return;
        };
        let c = *self;
        spawn_local(async move {
            match api_compose::delete(&client, &s.id).await {
                Ok(deleted) => {
                    c.feeds.remove_everywhere(&s.id);
                    let base = draft_of(&s);
                    let spoiler_text = deleted.spoiler_text.unwrap_or(base.spoiler_text);
                    c.start(Draft {
                        text: deleted.text.unwrap_or_default(),
                        cw: !spoiler_text.is_empty(),
                        spoiler_text,
                        in_reply_to_id: s.in_reply_to_id.clone(),
                        ..base
                    });
                    c.change(|_| {});
                }
                Err(e) => {
                    c.session.check(&e);
                    if let Some(t) = c.toasts {
                        t.error(format!("Could not delete the post: {}", e.user_message()));
                    }
                }
            }
        });
    }
}
