//! How a thread is laid out, pure and host-tested: ancestors in reply order, then the
//! focused status's replies as a tree. The focused author's own continuation (a self-thread)
//! comes first and stays flat; other replies nest one level per reply, down to a depth cap
//! below which a "Continue thread" row links to the deeper part.

use std::collections::{HashMap, HashSet};

use crate::model::Status;

/// What the layout needs of a status.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: String,
    pub parent: Option<String>,
    pub author: String,
}

impl From<&Status> for Node {
    fn from(s: &Status) -> Self {
        Node {
            id: s.id.clone(),
            parent: s.in_reply_to_id.clone(),
            author: s.account.id.clone(),
        }
    }
}

/// One row under the focused status.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A reply, nested `depth` levels (0 = a direct reply or the author's self-thread).
    Status { id: String, depth: usize },
    /// Replies below the depth cap: open the thread at `id` to read its `hidden` replies.
    More {
        id: String,
        depth: usize,
        hidden: usize,
    },
}

/// The ancestors as a reply chain from the root down to the focused status's parent. Servers
/// send them in that order; the chain is rebuilt in case one does not, and any status not on
/// the chain is kept (first, in the order received).
pub fn order_ancestors(focus_parent: Option<&str>, ancestors: &[Node]) -> Vec<String> {
    let by_id: HashMap<&str, &Node> = ancestors.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut chain = Vec::new();
    let mut seen = HashSet::new();
    let mut next = focus_parent;
    while let Some(id) = next {
        let Some(node) = by_id.get(id) else { break };
        if !seen.insert(id) {
            break;
        }
        chain.push(node.id.clone());
        next = node.parent.as_deref();
    }
    chain.reverse();
    let mut out: Vec<String> = ancestors
        .iter()
        .filter(|n| !seen.contains(n.id.as_str()))
        .map(|n| n.id.clone())
        .collect();
    out.extend(chain);
    out
}

/// The replies of `focus` as rows. `descendants` come in the server's order (oldest first
/// per branch); a reply whose parent is unknown is treated as a reply to the focus.
pub fn layout_descendants(focus: &Node, descendants: &[Node], max_depth: usize) -> Vec<Row> {
    let known: HashSet<&str> = descendants
        .iter()
        .map(|n| n.id.as_str())
        .chain([focus.id.as_str()])
        .collect();
    let mut children: HashMap<&str, Vec<&Node>> = HashMap::new();
    for n in descendants {
        let parent = n
            .parent
            .as_deref()
            .filter(|p| known.contains(p) && *p != n.id)
            .unwrap_or(&focus.id);
        children.entry(parent).or_default().push(n);
    }
    // Within a branch, the parent's author continuing comes first.
    let author: HashMap<&str, &str> = descendants
        .iter()
        .chain([focus])
        .map(|n| (n.id.as_str(), n.author.as_str()))
        .collect();
    for (parent, kids) in children.iter_mut() {
        let by = author.get(parent).copied().unwrap_or_default();
        kids.sort_by_key(|k| k.author != by);
    }
    let mut layout = Layout {
        children: &children,
        rows: Vec::new(),
        seen: HashSet::new(),
        max_depth,
    };
    // The focused author's self-thread: each next part is their first reply to the last.
    let mut chain = vec![focus.id.as_str()];
    while let Some(next) = children
        .get(chain[chain.len() - 1])
        .and_then(|k| k.iter().find(|n| n.author == focus.author))
    {
        if chain.contains(&next.id.as_str()) {
            break;
        }
        chain.push(&next.id);
    }
    layout.seen.extend(chain.iter().map(|s| s.to_string()));
    for id in &chain[1..] {
        layout.rows.push(Row::Status {
            id: id.to_string(),
            depth: 0,
        });
    }
    for id in &chain {
        for kid in children.get(id).into_iter().flatten() {
            layout.subtree(kid, 0);
        }
    }
    // Replies that hang off nothing reachable (a server glitch) still show, at the end.
    for n in descendants {
        layout.subtree(n, 0);
    }
    layout.rows
}

struct Layout<'a> {
    children: &'a HashMap<&'a str, Vec<&'a Node>>,
    rows: Vec<Row>,
    seen: HashSet<String>,
    max_depth: usize,
}

impl Layout<'_> {
    fn subtree(&mut self, node: &Node, depth: usize) {
        if !self.seen.insert(node.id.clone()) {
            return;
        }
        self.rows.push(Row::Status {
            id: node.id.clone(),
            depth,
        });
        let kids = self
            .children
            .get(node.id.as_str())
            .cloned()
            .unwrap_or_default();
        if kids.is_empty() {
            return;
        }
        if depth >= self.max_depth {
            let hidden = self.count(&node.id);
            self.rows.push(Row::More {
                id: node.id.clone(),
                depth: depth + 1,
                hidden,
            });
            return;
        }
        for kid in kids {
            self.subtree(kid, depth + 1);
        }
    }

    /// How many replies are below `id` (each counted once); they are hidden, so marked seen.
    fn count(&mut self, id: &str) -> usize {
        let children = self.children;
        let mut stack = vec![id];
        let mut n = 0;
        while let Some(at) = stack.pop() {
            for kid in children.get(at).into_iter().flatten() {
                if self.seen.insert(kid.id.clone()) {
                    n += 1;
                    stack.push(&kid.id);
                }
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, parent: Option<&str>, author: &str) -> Node {
        Node {
            id: id.into(),
            parent: parent.map(Into::into),
            author: author.into(),
        }
    }

    fn ids(rows: &[Row]) -> Vec<(String, usize)> {
        rows.iter()
            .map(|r| match r {
                Row::Status { id, depth } => (id.clone(), *depth),
                Row::More { id, depth, hidden } => (format!("more:{id}:{hidden}"), *depth),
            })
            .collect()
    }

    #[test]
    fn the_author_self_thread_comes_first_and_flat() {
        let focus = node("f", None, "A");
        let desc = [
            node("r1", Some("f"), "B"),
            node("a1", Some("f"), "A"),
            node("r2", Some("a1"), "C"),
            node("a2", Some("a1"), "A"),
            node("a3", Some("a2"), "A"),
            node("r3", Some("r1"), "A"),
        ];
        let rows = layout_descendants(&focus, &desc, 5);
        let want = [
            ("a1", 0),
            ("a2", 0),
            ("a3", 0),
            ("r1", 0),
            ("r3", 1),
            ("r2", 0),
        ];
        assert_eq!(ids(&rows), want.map(|(i, d)| (i.to_string(), d)).to_vec());
    }

    #[test]
    fn deep_replies_stop_at_the_cap_with_a_count() {
        let focus = node("0", None, "A");
        let desc: Vec<Node> = (1..=6)
            .map(|i| {
                node(
                    &i.to_string(),
                    Some(&(i - 1).to_string()),
                    if i % 2 == 0 { "C" } else { "B" },
                )
            })
            .collect();
        let rows = layout_descendants(&focus, &desc, 2);
        assert_eq!(
            ids(&rows),
            [("1", 0), ("2", 1), ("3", 2), ("more:3:3", 3)]
                .map(|(i, d)| (i.to_string(), d))
                .to_vec()
        );
    }

    #[test]
    fn unknown_parents_and_cycles_do_not_lose_or_repeat_replies() {
        let focus = node("f", None, "A");
        let desc = [
            node("x", Some("gone"), "B"),
            node("y", Some("z"), "B"),
            node("z", Some("y"), "C"),
        ];
        let rows = layout_descendants(&focus, &desc, 5);
        assert_eq!(
            ids(&rows),
            [("x", 0), ("y", 0), ("z", 1)]
                .map(|(i, d)| (i.to_string(), d))
                .to_vec(),
            "each reply once, even in a cycle"
        );
    }

    fn fixture(name: &str) -> crate::model::misc::Context {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture exists");
        serde_json::from_str(&text).expect("fixture decodes")
    }

    #[test]
    fn real_context_from_mastodon_social() {
        let ctx = fixture("context_thread.json");
        let nodes: Vec<Node> = ctx.ancestors.iter().map(Node::from).collect();
        // The focused status (110446983926957470) replies to its one ancestor.
        assert_eq!(
            order_ancestors(Some("110446983178245440"), &nodes),
            ["110446983178245440"]
        );
        let focus = node("110446983926957470", Some("110446983178245440"), "43");
        let desc: Vec<Node> = ctx.descendants.iter().map(Node::from).collect();
        let rows = layout_descendants(&focus, &desc, 4);
        assert_eq!(
            rows,
            [Row::Status {
                id: "110446984249325790".into(),
                depth: 0
            }]
        );
    }

    #[test]
    fn real_context_from_an_old_server() {
        let ctx = fixture("old_server_context_old.json");
        let mut nodes: Vec<Node> = ctx.ancestors.iter().map(Node::from).collect();
        assert_eq!(
            order_ancestors(Some("5587057"), &nodes),
            ["5566577", "5587057"]
        );
        nodes.reverse();
        assert_eq!(
            order_ancestors(Some("5587057"), &nodes),
            ["5566577", "5587057"],
            "rebuilt from the reply chain when sent out of order"
        );
        let focus = node("5596683", Some("5587057"), "487");
        let desc: Vec<Node> = ctx.descendants.iter().map(Node::from).collect();
        assert_eq!(
            ids(&layout_descendants(&focus, &desc, 4)),
            [("5628083", 0), ("5740343", 0), ("5749848", 1)]
                .map(|(i, d)| (i.to_string(), d))
                .to_vec()
        );
        assert_eq!(
            ids(&layout_descendants(&focus, &desc, 0)),
            [("5628083", 0), ("5740343", 0), ("more:5740343:1", 1)]
                .map(|(i, d)| (i.to_string(), d))
                .to_vec()
        );
    }
}
