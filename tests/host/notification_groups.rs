//! Notification groups from both sources over real responses: the v1 fallback groups like
//! Mastodon's `group_key`, and v2 groups find their full and partial accounts.

use woolly::api::decode::decode_list;
use woolly::model::notification::{GroupedNotifications, Notification};
use woolly::state::notification_groups::{
    Who, from_v2, group_key, group_v1, id_cmp, push_live, unread_above,
};

fn v1(text: &str) -> Vec<Notification> {
    decode_list(text).expect("v1 list").items
}

#[test]
fn an_old_server_page_groups_boosts_and_favourites_per_status() {
    // Mastodon 2.x: integer ids, no group_key; a mention, a follow, a boost and a favourite.
    let page = v1(include_str!(
        "../fixtures/old_server_notifications_v1_old_mixed_types.json"
    ));
    assert!(page.iter().all(|n| n.group_key.is_none()));
    let groups = group_v1(page);
    let kinds: Vec<&str> = groups.iter().map(|g| g.kind.as_str()).collect();
    assert_eq!(kinds, ["mention", "follow", "reblog", "favourite"]);
    assert_eq!(groups[2].key, "reblog-5855512");
    assert_eq!(groups[2].status_id.as_deref(), Some("5855512"));
    assert!(groups.iter().all(|g| g.count == 1));
}

#[test]
fn favourites_of_one_status_become_one_group_with_every_account() {
    let mut page = v1(include_str!(
        "../fixtures/old_server_notifications_v1_old_mixed_types.json"
    ));
    // Three favourites of the same status by two people, between other notifications.
    let fav = page[3].clone();
    let mut again = fav.clone();
    again.id = "2902700".into();
    again.account.id = "777".into();
    let mut third = fav.clone();
    third.id = "2902600".into();
    page.push(again);
    page.push(third);
    let groups = group_v1(page);
    let favs: Vec<_> = groups.iter().filter(|g| g.kind == "favourite").collect();
    assert_eq!(favs.len(), 1);
    assert_eq!(favs[0].count, 3);
    assert_eq!(favs[0].latest_id, "2902745");
    let ids: Vec<&str> = favs[0].accounts.iter().map(Who::id).collect();
    assert_eq!(ids, ["119209", "777"]);
    // A favourite of another status stays apart; mentions never group.
    assert_eq!(groups.len(), 4);
}

#[test]
fn the_servers_own_group_key_wins_and_ungrouped_stays_alone() {
    let signups = group_v1(v1(include_str!(
        "../fixtures/notifications_v1_admin_sign_up.json"
    )));
    assert_eq!(signups.len(), 1);
    assert_eq!((signups[0].count, signups[0].accounts.len()), (3, 3));
    assert_eq!(signups[0].key, "admin.sign_up-495997");
    let mentions = v1(include_str!(
        "../fixtures/notifications_v1_mentions_first3.json"
    ));
    assert_eq!(group_key(&mentions[0]), "ungrouped-550622655");
    assert_eq!(group_v1(mentions).len(), 3);
}

#[test]
fn v2_groups_find_full_and_partial_accounts() {
    let body: GroupedNotifications = serde_json::from_str(include_str!(
        "../fixtures/grouped_notifications_mixed_types_trimmed.json"
    ))
    .expect("v2");
    let groups = from_v2(&body);
    let reblog = groups
        .iter()
        .find(|g| g.kind == "reblog")
        .expect("reblog group");
    assert_eq!(reblog.count, 3);
    assert_eq!(reblog.accounts.len(), 3);
    assert!(matches!(reblog.accounts[0], Who::Full(_)));
    assert!(matches!(reblog.accounts[1], Who::Partial(_)));
    assert_eq!(groups[0].latest_id, "2291999");
    let fav: GroupedNotifications = serde_json::from_str(include_str!(
        "../fixtures/grouped_notifications_favourite_partial_avatars.json"
    ))
    .expect("v2 partial");
    let g = &from_v2(&fav)[0];
    assert_eq!((g.count, g.accounts.len()), (2, 2));
    assert!(!g.accounts[1].avatar().is_empty());
}

#[test]
fn a_live_notification_joins_its_group_on_top_and_counts_as_unread() {
    let mut groups = group_v1(v1(include_str!(
        "../fixtures/old_server_notifications_v1_old_mixed_types.json"
    )));
    let mut fav = v1(include_str!(
        "../fixtures/old_server_notifications_v1_old_mixed_types.json"
    ))
    .remove(3);
    fav.id = "2904490".into();
    fav.account.id = "555".into();
    push_live(&mut groups, fav.clone());
    assert_eq!(groups.len(), 4);
    assert_eq!((groups[0].kind.as_str(), groups[0].count), ("favourite", 2));
    assert_eq!(groups[0].accounts[0].id(), "555");
    // The same notification twice (stream + refetch) is not counted again.
    push_live(&mut groups, fav);
    assert_eq!(groups[0].count, 2);
    assert_eq!(unread_above(&groups, Some("2904487")), 1);
    assert_eq!(unread_above(&groups, None), 0);
    assert!(id_cmp("10", "9").is_gt() && id_cmp("a1", "a0").is_gt());
}
