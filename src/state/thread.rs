//! A thread: the focused status with its ancestors and descendants, loaded into the cache and
//! laid out by [`super::thread_tree`]; and a status's edit history.

use super::{
    cache::StatusCache,
    session::Session,
    thread_tree::{Node, Row, layout_descendants, order_ancestors},
};
use crate::api::{self, ApiError, ErrorKind};
use crate::model::misc::StatusEdit;

/// Replies nest at most this deep; deeper ones are behind "Continue thread".
pub const MAX_DEPTH: usize = 4;

/// A thread, laid out in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadIds {
    pub ancestors: Vec<String>,
    pub focus: String,
    pub rows: Vec<Row>,
}

pub async fn load(session: Session, cache: StatusCache, id: String) -> Result<ThreadIds, ApiError> {
    let client = session
        .client()
        .ok_or_else(|| ApiError::new(ErrorKind::Unauthorized))?;
    let result = async {
        let status = api::statuses::get(&client, &id).await?;
        let context = api::statuses::context(&client, &id).await?;
        let focus_node = Node::from(&status);
        let ancestor_nodes: Vec<Node> = context.ancestors.iter().map(Node::from).collect();
        let descendant_nodes: Vec<Node> = context.descendants.iter().map(Node::from).collect();
        let ancestors = order_ancestors(focus_node.parent.as_deref(), &ancestor_nodes);
        let rows = layout_descendants(&focus_node, &descendant_nodes, MAX_DEPTH);
        let focus = cache.insert(status);
        for s in context.ancestors.into_iter().chain(context.descendants) {
            cache.insert(s);
        }
        Ok(ThreadIds {
            ancestors,
            focus,
            rows,
        })
    }
    .await;
    if let Err(e) = &result {
        session.check(e);
    }
    result
}

/// Every version of status `id`, oldest first.
pub async fn history(session: Session, id: String) -> Result<Vec<StatusEdit>, ApiError> {
    let client = session
        .client()
        .ok_or_else(|| ApiError::new(ErrorKind::Unauthorized))?;
    api::statuses::history(&client, &id)
        .await
        .inspect_err(|e| session.check(e))
}
