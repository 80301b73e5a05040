//! The composer's form: content warning, text with Mastodon's live counter, attachments
//! (pick, drop, paste), poll, visibility, language, sensitive flag, schedule, custom emoji, a
//! markdown preview where the server renders markdown, and Post with
//! its progress, error and Retry (same `Idempotency-Key`).

use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

use super::{
    composer_text::ComposerText,
    drafts_list::DraftsList,
    emoji_picker::EmojiPicker,
    markdown_preview::MarkdownPreview,
    media_tile::{MediaTile, UploadTile},
    poll_editor::PollEditor,
};
use crate::api::capabilities::Software;
use crate::components::common::{ErrorNotice, Icon, icon::IconName};
use crate::compose::{draft::DraftPoll, languages};
use crate::state::compose::{Upload, use_composer};

const VISIBILITY_LABELS: [(&str, &str); 4] = [
    ("public", "Public"),
    ("unlisted", "Quiet public"),
    ("private", "Followers only"),
    ("direct", "Private mention"),
];

pub(super) fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

#[component]
pub fn ComposerForm() -> impl IntoView {
    let c = use_composer();
    let caps = c.capabilities();
    let max = caps.max_characters as usize;
    let accept = caps.media.supported_mime_types.join(",");
    let scheduling = caps.software.is_mastodon_family()
        || matches!(caps.software, Software::Akkoma | Software::Pleroma);
    let markdown = caps.markdown;
    let text_ref = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(t) = text_ref.get() {
            // At the end: what was typed while the form loaded (or a reply's mention) goes on.
            let end = t.value().encode_utf16().count() as u32;
            let _ = t.focus();
            let _ = t.set_selection_range(end, end);
        }
    });
    let d = c.draft;
    let remaining = move || max as i64 - c.length() as i64;
    let is_edit = move || d.with(|d| d.editing_id.is_some());
    let button_label = move || match (
        c.sending.get(),
        is_edit(),
        d.with(|d| !d.scheduled_at.is_empty()),
    ) {
        (true, _, _) => "Posting…",
        (_, true, _) => "Save",
        (_, _, true) => "Schedule",
        _ => "Post",
    };
    let blocker = move || c.blocker();
    let on_drop = move |e: web_sys::DragEvent| {
        e.prevent_default();
        c.add_files(files_of(e.data_transfer().and_then(|t| t.files())));
    };
    let on_pick = move |e: web_sys::Event| {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            c.add_files(files_of(input.files()));
            input.set_value("");
        }
    };
    view! {
        <form class="composer-form" on:submit=move |e| { e.prevent_default(); c.send(); }
            on:dragover=|e: web_sys::DragEvent| e.prevent_default() on:drop=on_drop>
            <super::composer_head::ComposerHead />
            {move || d.with(|d| d.cw).then(|| view! {
                <input class="composer-cw" type="text" aria-label="Content warning" placeholder="Content warning"
                    prop:value=move || d.with(|d| d.spoiler_text.clone())
                    on:input=move |e| { let v = event_target_value(&e); c.change(|d| d.spoiler_text = v) } />
            })}
            <ComposerText text_ref=text_ref />
            {move || (markdown && d.with(|d| d.markdown && !d.text.trim().is_empty())).then(|| view! {
                <MarkdownPreview text=Signal::derive(move || d.with(|d| d.text.clone())) />
            })}
            <ul class="composer-media" aria-label="Attachments">
                <For each=move || d.with(|d| d.media.iter().enumerate().map(|(i, m)| (i, m.id.clone())).collect::<Vec<_>>())
                    key=|(i, id)| format!("{i}:{id}") let:item>
                    <MediaTile index=item.0 />
                </For>
                <For each=move || c.uploads.get() key=Upload::key let:upload>
                    <UploadTile upload=upload />
                </For>
            </ul>
            {move || d.with(|d| d.poll.is_some() && d.media.is_empty()).then(|| view! { <PollEditor /> })}
            <div class="composer-options">
                <label>"Visibility"
                    <select prop:value=move || d.with(|d| d.visibility.clone()) disabled=is_edit
                        on:change=move |e| { let v = event_target_value(&e); c.change(|d| d.visibility = v) }>
                        {VISIBILITY_LABELS.map(|(v, l)| view! { <option value=v selected=move || d.with(|d| d.visibility == v)>{l}</option> })}
                    </select>
                </label>
                <label>"Language"
                    <select on:change=move |e| { let v = event_target_value(&e); c.change(|d| d.language = v) }>
                        <option value="" selected=move || d.with(|d| d.language.is_empty())>"Not set"</option>
                        {languages::all().map(|(code, name)| view! {
                            <option value=code selected=move || d.with(|d| d.language == code)>{name}</option>
                        }).collect_view()}
                    </select>
                </label>
                {scheduling.then(|| view! {
                    <label>"Schedule"
                        <input type="datetime-local" disabled=is_edit prop:value=move || d.with(|d| d.scheduled_at.clone())
                            on:input=move |e| { let v = event_target_value(&e); c.change(|d| d.scheduled_at = v) } />
                    </label>
                })}
            </div>
            <div class="composer-toolbar">
                <label class="icon-button" title="Add images, video or audio">
                    <Icon name=IconName::Plus />
                    <span class="visually-hidden">"Add media"</span>
                    <input type="file" multiple=true accept=accept class="visually-hidden" on:change=on_pick />
                </label>
                <EmojiPicker text_ref=text_ref />
                <button type="button" class="chip" aria-pressed=move || d.with(|d| d.poll.is_some()).to_string()
                    disabled=move || d.with(|d| !d.media.is_empty())
                    on:click=move |_| c.change(|d| d.poll = if d.poll.is_some() { None } else { Some(DraftPoll::default()) })>"Poll"</button>
                <button type="button" class="chip" aria-pressed=move || d.with(|d| d.cw).to_string()
                    on:click=move |_| c.change(|d| d.cw = !d.cw)>"CW"</button>
                <label class="chip">
                    <input type="checkbox" prop:checked=move || d.with(|d| d.sensitive)
                        on:change=move |e| { let v = event_target_checked(&e); c.change(|d| d.sensitive = v) } />
                    "Sensitive"
                </label>
                {markdown.then(|| view! {
                    <label class="chip">
                        <input type="checkbox" prop:checked=move || d.with(|d| d.markdown)
                            on:change=move |e| { let v = event_target_checked(&e); c.change(|d| d.markdown = v) } />
                        "Markdown"
                    </label>
                })}
                <span class="composer-counter" class:is-over=move || remaining() < 0
                    aria-label=move || format!("{} characters left", remaining())>{remaining}</span>
                <button type="submit" class="button button-primary" aria-busy=move || c.sending.get().to_string()
                    disabled=move || c.sending.get() || blocker().is_some()>{button_label}</button>
            </div>
            {move || c.sending.get().then(|| view! {
                <div class="composer-progress" role="progressbar" aria-label="Sending"><span></span></div>
            })}
            {move || blocker().filter(|b| !b.is_empty()).map(|b| view! { <p class="composer-hint">{b}</p> })}
            {move || c.notice.get().map(|n| view! { <p class="composer-hint" role="status">{n}</p> })}
            {move || c.error.get().map(|message| view! {
                <ErrorNotice message=message on_retry=Callback::new(move |_| c.send()) />
            })}
            <DraftsList />
        </form>
    }
}
