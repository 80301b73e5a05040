//! Turns the content pipeline's allow-listed tree into DOM through Leptos elements
//! (`createElement`/`createTextNode`/`setAttribute`) — remote HTML never reaches `innerHTML`.
//! External links open in a new tab with `rel="noopener noreferrer nofollow"`; mentions and
//! hashtags become in-app routes.

use leptos::{html, prelude::*};

use crate::content::{LinkTarget, Node, Tag};
use crate::routes::Route;

#[component]
pub fn RichContent(nodes: Vec<Node>) -> impl IntoView {
    render_nodes(nodes)
}

pub fn render_nodes(nodes: Vec<Node>) -> Vec<AnyView> {
    let animate = !super::prefers_reduced_motion();
    nodes.into_iter().map(|n| render_node(n, animate)).collect()
}

fn render_node(node: Node, animate: bool) -> AnyView {
    match node {
        Node::Text(text) => text.into_any(),
        Node::Emoji(emoji) => {
            let label = format!(":{}:", emoji.shortcode);
            let src = if animate { emoji.url } else { emoji.static_url };
            view! {
                <img class="emoji" src=src alt=label.clone() title=label draggable="false" />
            }
            .into_any()
        }
        Node::Element { tag, children } => {
            let kids: Vec<AnyView> = children
                .into_iter()
                .map(|c| render_node(c, animate))
                .collect();
            let (start, reversed, value) = match tag {
                Tag::Ol { start, reversed } => (start, reversed, None),
                Tag::Li { value } => (None, false, value),
                _ => (None, false, None),
            };
            if tag == Tag::Br {
                return view! { <br /> }.into_any();
            }
            html::custom(tag.name())
                .attr("start", start.map(|s| s.to_string()))
                .attr("reversed", reversed.then_some(""))
                .attr("value", value.map(|v| v.to_string()))
                .child(kids)
                .into_any()
        }
        Node::Link { target, children } => {
            let kids: Vec<AnyView> = children
                .into_iter()
                .map(|c| render_node(c, animate))
                .collect();
            match target {
                LinkTarget::External { href } => view! {
                    <a href=href.clone() title=href rel="noopener noreferrer nofollow" target="_blank">
                        {kids}
                    </a>
                }
                .into_any(),
                LinkTarget::Mention { acct, id, .. } => view! {
                    <a class="mention" href=Route::Account(id).href() title=format!("@{acct}")>
                        {kids}
                    </a>
                }
                .into_any(),
                LinkTarget::Hashtag { name } => view! {
                    <a class="hashtag" href=Route::Tag(name).href()>{kids}</a>
                }
                .into_any(),
            }
        }
    }
}
