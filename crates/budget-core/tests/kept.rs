//! The list of kept conventions (« Mes conventions »): its format read
//! defensively, ids, the migration of an old single save, scenario names.
//! Worked by hand in each test.

use budget_core::kept::{self as catalog, Entry, Index, IndexError};
use budget_core::Lang;

fn entry(id: &str, name: &str, updated: u64) -> Entry {
    Entry {
        id: id.into(),
        name: name.into(),
        updated,
    }
}

#[test]
fn an_index_is_read_and_what_loses_nothing_is_repaired() {
    let text = r#"{"version":1,"current":"zz","conventions":[
        {"id":"a1","name":"Vienne 2024","updated":1000},
        {"id":"b2","name":"","updated":2000},
        {"id":"a1","name":"doublon","updated":3000}]}"#;
    let index = catalog::parse_index(text).unwrap();
    // The second "a1" is dropped; "zz" names no entry, so nothing is current.
    assert_eq!(
        index.conventions,
        vec![entry("a1", "Vienne 2024", 1000), entry("b2", "", 2000)]
    );
    assert_eq!(index.current, None);
    // Written and read again: the same.
    assert_eq!(
        catalog::parse_index(&catalog::index_to_json(&index)).unwrap(),
        index
    );
}

#[test]
fn an_unreadable_index_is_refused_with_its_reason() {
    assert!(matches!(
        catalog::parse_index("{\"version\":1,\"conventions\":["),
        Err(IndexError::Syntax(_))
    ));
    assert_eq!(
        catalog::parse_index("{\"version\":2,\"conventions\":[]}"),
        Err(IndexError::TooNew(2))
    );
    assert_eq!(
        IndexError::TooNew(2).message(Lang::En),
        "list written in version 2 by a newer version of the calculator (this one reads up to version 1)"
    );
    assert_eq!(
        catalog::parse_index("{\"conventions\":[]}"),
        Err(IndexError::MissingVersion)
    );
    assert_eq!(
        catalog::parse_index("{\"version\":\"un\",\"conventions\":[]}"),
        Err(IndexError::BadVersion("\"un\"".into()))
    );
    assert_eq!(
        catalog::parse_index("[1, 2]"),
        Err(IndexError::MissingVersion)
    );
    // Well-formed, versioned, but not an index: the JSON reader's reason.
    assert!(matches!(
        catalog::parse_index("{\"version\":1,\"conventions\":3}"),
        Err(IndexError::Invalid(_))
    ));
    let no_id =
        catalog::parse_index(r#"{"version":1,"conventions":[{"id":"","name":"x"}]}"#).unwrap_err();
    assert_eq!(no_id, IndexError::MissingId("x".into()));
    assert_eq!(
        no_id.to_string(),
        "liste invalide : convention « x » sans identifiant"
    );
    assert_eq!(
        no_id.message(Lang::En),
        "invalid list: convention “x” without an id"
    );
    assert!(catalog::parse_index("{\"version\":2,\"conventions\":[]}")
        .unwrap_err()
        .to_string()
        .contains("version 2"));
}

#[test]
fn ids_are_the_time_in_base_36_made_unique() {
    let mut index = Index::default();
    // 35 = "z"; 36 = 1×36 + 0 = "10"; 46 655 = 36³ − 1 = "zzz".
    assert_eq!(catalog::new_id(&index, 35), "z");
    assert_eq!(catalog::new_id(&index, 46_655), "zzz");
    assert_eq!(index.add("A", 36), "10");
    assert_eq!(index.add("B", 36), "10-2");
    assert_eq!(index.add("C", 36), "10-3");
    assert_eq!(catalog::data_key("10-2"), "budget-widget:c:10-2");
    assert_eq!(catalog::id_of_key("budget-widget:c:10-2"), Some("10-2"));
    assert_eq!(catalog::id_of_key("budget-widget:convention"), None);
}

#[test]
fn an_old_single_save_becomes_the_first_current_entry() {
    let index = Index::migrated("Vienne 2024", 36);
    assert_eq!(index.conventions, vec![entry("10", "Vienne 2024", 36)]);
    assert_eq!(index.current.as_deref(), Some("10"));
    // Rebuilt from kept copies: in the order of their ids, once each.
    let rebuilt = Index::rebuilt(
        vec![
            ("b".into(), "Deux".into()),
            ("a".into(), "Un".into()),
            ("b".into(), "Deux".into()),
        ],
        7,
    );
    assert_eq!(
        rebuilt.conventions,
        vec![entry("a", "Un", 7), entry("b", "Deux", 7)]
    );
    assert_eq!(rebuilt.current, None);
    // Removing the current entry leaves nothing current.
    let mut index = index;
    assert_eq!(index.remove("10"), Some(entry("10", "Vienne 2024", 36)));
    assert_eq!(index.current, None);
    assert!(index.conventions.is_empty());
}

#[test]
fn a_scenario_is_named_after_its_base_with_the_next_free_number() {
    let word = "scénario";
    let untitled = "Convention sans titre";
    assert_eq!(
        catalog::scenario_name("Vienne 2024", ["Vienne 2024"], word, untitled),
        "Vienne 2024 — scénario 1"
    );
    let names = [
        "Vienne 2024",
        "Vienne 2024 — scénario 1",
        "Vienne 2024 — scénario 3",
        "Creuse — scénario 7",
    ];
    // 1 and 3 are taken for Vienne (Creuse's 7 does not count): 4.
    assert_eq!(
        catalog::scenario_name("Vienne 2024", names, word, untitled),
        "Vienne 2024 — scénario 4"
    );
    // A scenario's scenario is numbered on the same base.
    assert_eq!(
        catalog::scenario_name("Vienne 2024 — scénario 1", names, word, untitled),
        "Vienne 2024 — scénario 4"
    );
    assert_eq!(
        catalog::scenario_name("  ", [], word, untitled),
        "Convention sans titre — scénario 1"
    );
    // "bis" is not a number: part of the title.
    assert_eq!(
        catalog::scenario_name("X — scénario bis", [], word, untitled),
        "X — scénario bis — scénario 1"
    );
}

#[test]
fn a_removed_entry_is_put_back_at_its_place_or_at_the_end() {
    let mut index = Index::default();
    let a = index.add("A", 1);
    let b = index.add("B", 2);
    let c = index.add("C", 3);
    let names = |i: &Index| {
        i.conventions
            .iter()
            .map(|e| e.name.clone())
            .collect::<Vec<_>>()
    };
    let removed = index.remove(&b).expect("B listed");
    assert_eq!(names(&index), ["A", "C"]);
    index.put_back(1, removed);
    assert_eq!(names(&index), ["A", "B", "C"]);
    // The list grew shorter since: at the end.
    let removed = index.remove(&c).expect("C listed");
    index.remove(&a).expect("A listed");
    index.put_back(2, removed);
    assert_eq!(names(&index), ["B", "C"]);
}

#[test]
fn an_untitled_entry_is_shown_with_its_date() {
    assert_eq!(
        catalog::format_date(Lang::Fr, 2025, 3, 5, 14, 7),
        "05/03/2025 14:07"
    );
    assert_eq!(
        catalog::format_date(Lang::En, 2025, 3, 5, 14, 7),
        "2025-03-05 14:07"
    );
    assert_eq!(
        catalog::shown_name(" ", "Convention sans titre", "05/03/2025 14:07"),
        "Convention sans titre (05/03/2025 14:07)"
    );
    assert_eq!(
        catalog::shown_name(" Vienne ", "Convention sans titre", "x"),
        "Vienne"
    );
}
