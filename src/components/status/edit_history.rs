//! A status's edit history in a dialog: every version, newest first, each with its date and
//! what changed from the version before, word by word (added words marked, removed ones
//! struck through).

use leptos::prelude::*;

use crate::components::common::{EmojiText, ErrorNotice, modal::Modal};
use crate::content::{ContentContext, plain_text, sanitize};
use crate::format::{
    full_date, parse_datetime,
    word_diff::{Piece, diff_words},
};
use crate::model::{emoji::refs, misc::StatusEdit};
use crate::state::{session::use_session, thread};

fn text_of(edit: &StatusEdit) -> String {
    let emojis = refs(&edit.emojis);
    let ctx = ContentContext {
        emojis: &emojis,
        mentions: &[],
        tags: &[],
        hide_quote_inline: false,
    };
    plain_text(&sanitize(&edit.content, &ctx))
}

#[component]
pub fn EditHistory(id: String, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let versions = LocalResource::new(move || thread::history(session, id.clone()));
    let body = move || {
        versions.get().map(|r| match r {
            Err(e) => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
            Ok(list) => {
                let texts: Vec<String> = list.iter().map(text_of).collect();
                let total = list.len();
                list.iter()
                    .enumerate()
                    .rev()
                    .map(|(i, edit)| {
                        let when = parse_datetime(&edit.created_at)
                            .map(|t| full_date(t, 0))
                            .unwrap_or_default();
                        let label = if i == 0 {
                            "Original"
                        } else if i + 1 == total {
                            "Current"
                        } else {
                            "Edit"
                        };
                        let pieces = match i {
                            0 => vec![Piece::Same(texts[0].clone())],
                            _ => diff_words(&texts[i - 1], &texts[i]),
                        };
                        let cw = (!edit.spoiler_text.is_empty()).then(|| view! {
                            <p class="history-cw">"Content warning: " <EmojiText text=edit.spoiler_text.clone() emojis=refs(&edit.emojis) /></p>
                        });
                        view! {
                            <li class="history-version">
                                <p class="history-when"><strong>{label}</strong>" · " <time datetime=edit.created_at.clone()>{when}</time></p>
                                {cw}
                                <p class="history-text">
                                    {pieces.into_iter().map(|p| match p {
                                        Piece::Same(t) => t.into_any(),
                                        // Marks hug the words; the spacing after them stays plain.
                                        Piece::Added(t) => {
                                            let (word, gap) = t.split_at(t.trim_end().len());
                                            view! { <ins>{word.to_string()}</ins>{gap.to_string()} }.into_any()
                                        }
                                        Piece::Removed(t) => {
                                            let (word, gap) = t.split_at(t.trim_end().len());
                                            view! { <del>{word.to_string()}</del>{gap.to_string()} }.into_any()
                                        }
                                    }).collect::<Vec<_>>()}
                                </p>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
                    .into_any()
            }
        })
    };
    view! {
        <Modal title="Edit history" on_close=on_close>
            <ol class="history" aria-label="Versions, newest first">
                <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>{body}</Suspense>
            </ol>
        </Modal>
    }
}
