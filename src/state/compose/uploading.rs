//! Attachments: files picked, dropped or pasted are checked against the instance's limits,
//! uploaded to `/api/v2/media` with progress, and — when the server answers 202 with no
//! `url` yet — polled at `GET /api/v1/media/:id` until processed. A failed upload keeps its
//! file, so Retry does not ask for it again.

use leptos::{prelude::*, task::spawn_local};

use super::{Composer, Upload, api_compose};
use crate::api::{ApiError, ErrorKind, http::sleep};
use crate::compose::{draft::DraftMedia, rules};
use crate::model::MediaAttachment;

/// How long to wait for processing before giving up (polls every second).
const MAX_POLLS: u32 = 120;

impl Composer {
    /// Checks and uploads files; problems are shown as the composer's error.
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        let caps = self.capabilities();
        for file in files {
            let attached = self.draft.with_untracked(|d| d.media.len())
                + self.uploads.with_untracked(Vec::len);
            if let Some(p) =
                rules::validate_file(&file.type_(), file.size() as u64, attached, &caps)
            {
                self.error
                    .set(Some(format!("{}: {}", file.name(), p.message())));
                continue;
            }
            let local = self.next_local.get_value() + 1;
            self.next_local.set_value(local);
            self.files.update_value(|f| f.push((local, file)));
            self.start_upload(local);
        }
    }

    /// Uploads the kept file `local` again.
    pub fn retry_upload(&self, local: u32) {
        self.start_upload(local);
    }

    /// Forgets a failed upload.
    pub fn dismiss_upload(&self, local: u32) {
        self.uploads.update(|u| u.retain(|x| x.local() != local));
        self.files.update_value(|f| f.retain(|(l, _)| *l != local));
    }

    fn set_upload(&self, upload: Upload) {
        self.uploads.update(
            |list| match list.iter_mut().find(|u| u.local() == upload.local()) {
                Some(slot) => *slot = upload,
                None => list.push(upload),
            },
        );
    }

    fn start_upload(&self, local: u32) {
        let Some(file) = self
            .files
            .with_value(|f| f.iter().find(|(l, _)| *l == local).map(|(_, f)| f.clone()))
        else {
            return;
        };
        let Some(client) = self.session.client() else {
            return;
        };
        let name = file.name();
        self.set_upload(Upload::Sending {
            local,
            name: name.clone(),
            fraction: Some(0.0),
        });
        let c = *self;
        spawn_local(async move {
            let progress = {
                let name = name.clone();
                move |sent: f64, total: f64| {
                    let fraction = (total > 0.0).then(|| sent / total);
                    c.set_upload(Upload::Sending {
                        local,
                        name: name.clone(),
                        fraction,
                    });
                }
            };
            let result = async {
                let mut media = api_compose::upload_media(&client, &file, progress).await?;
                let mut polls = 0;
                while media.url.is_none() {
                    c.set_upload(Upload::Processing {
                        local,
                        name: name.clone(),
                    });
                    if polls == MAX_POLLS {
                        return Err(ApiError::new(ErrorKind::Timeout));
                    }
                    sleep(1_000).await;
                    media = api_compose::media(&client, &media.id).await?;
                    polls += 1;
                }
                Ok::<MediaAttachment, ApiError>(media)
            }
            .await;
            match result {
                Ok(media) => {
                    c.uploads.update(|u| u.retain(|x| x.local() != local));
                    c.files.update_value(|f| f.retain(|(l, _)| *l != local));
                    c.change(|d| {
                        d.media.push(DraftMedia {
                            id: media.id.clone(),
                            kind: media.kind.clone(),
                            preview_url: media.preview_url.clone().or(media.url.clone()),
                            description: media.description.clone().unwrap_or_default(),
                            focus: (0.0, 0.0),
                        })
                    });
                }
                Err(e) => {
                    c.session.check(&e);
                    c.set_upload(Upload::Failed {
                        local,
                        name,
                        message: e.user_message(),
                    });
                }
            }
        });
    }

    /// Removes attachment `index`.
    pub fn remove_media(&self, index: usize) {
        self.change(|d| {
            if index < d.media.len() {
                d.media.remove(index);
            }
        });
    }

    /// Moves attachment `index` one place left (`-1`) or right (`1`).
    pub fn move_media(&self, index: usize, delta: isize) {
        self.change(|d| {
            let to = index as isize + delta;
            if index < d.media.len() && (0..d.media.len() as isize).contains(&to) {
                d.media.swap(index, to as usize);
            }
        });
    }
}
