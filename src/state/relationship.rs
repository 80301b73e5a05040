//! What a profile shows about the viewer's relationship with an account: the marks
//! ("Follows you", "Requested", "Muted", "Blocked", …) and the main button (follow, unfollow,
//! cancel request, unblock). Pure: derived from a [`Relationship`] and tested here.

use crate::model::misc::Relationship;

/// The main relationship button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Primary {
    Follow,
    FollowBack,
    Unfollow,
    /// A follow request to a locked account is waiting; pressing withdraws it.
    CancelRequest,
    Unblock,
}

impl Primary {
    pub fn label(self) -> &'static str {
        match self {
            Primary::Follow => "Follow",
            Primary::FollowBack => "Follow back",
            Primary::Unfollow => "Unfollow",
            Primary::CancelRequest => "Cancel request",
            Primary::Unblock => "Unblock",
        }
    }

    /// The account endpoint it calls (`POST /api/v1/accounts/:id/<verb>`).
    pub fn verb(self) -> &'static str {
        match self {
            Primary::Follow | Primary::FollowBack => "follow",
            Primary::Unfollow | Primary::CancelRequest => "unfollow",
            Primary::Unblock => "unblock",
        }
    }

    /// Whether the button shows the "on" style (you follow or asked to).
    pub fn is_engaged(self) -> bool {
        matches!(self, Primary::Unfollow | Primary::CancelRequest)
    }
}

/// The relationship as the profile shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationshipView {
    pub primary: Primary,
    /// Short marks, most important first.
    pub marks: Vec<&'static str>,
}

pub fn derive(rel: &Relationship) -> RelationshipView {
    let primary = if rel.blocking {
        Primary::Unblock
    } else if rel.following {
        Primary::Unfollow
    } else if rel.requested {
        Primary::CancelRequest
    } else if rel.followed_by {
        Primary::FollowBack
    } else {
        Primary::Follow
    };
    let marks = [
        (rel.followed_by, "Follows you"),
        (rel.requested_by, "Wants to follow you"),
        (rel.requested && !rel.following, "Requested"),
        (rel.blocking, "Blocked"),
        (rel.blocked_by, "Blocks you"),
        (rel.muting, "Muted"),
        (rel.domain_blocking, "Domain blocked"),
    ]
    .into_iter()
    .filter_map(|(on, mark)| on.then_some(mark))
    .collect();
    RelationshipView { primary, marks }
}

/// What a press of `primary` will most likely change, shown before the server answers
/// (its answer then replaces it). A follow of a `locked` account becomes a request.
pub fn optimistic(rel: &Relationship, primary: Primary, locked: bool) -> Relationship {
    let mut next = rel.clone();
    match primary {
        Primary::Follow | Primary::FollowBack => {
            next.following = !locked;
            next.requested = locked;
        }
        Primary::Unfollow | Primary::CancelRequest => {
            next.following = false;
            next.requested = false;
            next.notifying = false;
        }
        Primary::Unblock => next.blocking = false,
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Relationship {
        let list: Vec<Relationship> =
            serde_json::from_str(include_str!("../../tests/fixtures/relationships.json"))
                .expect("fixture decodes");
        list.into_iter().next().expect("one relationship")
    }

    #[test]
    fn mutual_follow_offers_unfollow_and_says_follows_you() {
        let view = derive(&fixture());
        assert_eq!(view.primary, Primary::Unfollow);
        assert_eq!(view.marks, ["Follows you"]);
    }

    #[test]
    fn a_pending_request_can_be_cancelled() {
        let rel = Relationship {
            requested: true,
            ..Default::default()
        };
        let view = derive(&rel);
        assert_eq!(view.primary, Primary::CancelRequest);
        assert_eq!(view.primary.verb(), "unfollow");
        assert_eq!(view.marks, ["Requested"]);
    }

    #[test]
    fn blocking_wins_over_following_and_marks_stack() {
        let rel = Relationship {
            following: true,
            blocking: true,
            muting: true,
            followed_by: true,
            ..Default::default()
        };
        let view = derive(&rel);
        assert_eq!(view.primary, Primary::Unblock);
        assert_eq!(view.marks, ["Follows you", "Blocked", "Muted"]);
    }

    #[test]
    fn strangers_get_follow_and_followers_get_follow_back() {
        assert_eq!(derive(&Relationship::default()).primary, Primary::Follow);
        assert!(derive(&Relationship::default()).marks.is_empty());
        let follower = Relationship {
            followed_by: true,
            ..Default::default()
        };
        assert_eq!(derive(&follower).primary, Primary::FollowBack);
    }

    #[test]
    fn following_a_locked_account_becomes_a_request() {
        let rel = Relationship::default();
        let locked = optimistic(&rel, Primary::Follow, true);
        assert!(locked.requested && !locked.following);
        assert_eq!(derive(&locked).primary, Primary::CancelRequest);
        let open = optimistic(&rel, Primary::Follow, false);
        assert!(open.following && !open.requested);
        let undone = optimistic(&locked, Primary::CancelRequest, true);
        assert_eq!(derive(&undone).primary, Primary::Follow);
    }
}
