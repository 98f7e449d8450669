//! Creuse 2023, execution report of the poverty convention (25 September 2023):
//! the table as pasted (`tests/fixtures/creuse-2023-execution.tsv`), read by the
//! table reader, with every expected figure worked out by hand from the report.

mod support;
use support::d;

use budget_core::checks::{Figure, WarningKind};
use budget_core::money::round_dp;
use budget_core::read::read_table;
use budget_core::report::{self, ActionFigures, Report};
use budget_core::{Decimal, Scope};

fn creuse() -> Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/creuse-2023-execution.tsv"
    );
    let r = read_table(&std::fs::read_to_string(path).unwrap());
    assert_eq!(r.errors, vec![], "every cell of the report is readable");
    report::compute(&r.convention)
}

/// The action with this number (the table lists 5, 4, 1, 2, 3, 6… in that order).
fn action<'a>(r: &'a Report, number: &str) -> &'a ActionFigures {
    r.actions.iter().find(|a| a.number == number).unwrap()
}

fn rate(a: &ActionFigures) -> Decimal {
    a.figures.consumption.as_ref().unwrap().rate.unwrap()
}

#[test]
fn action_5_planned_and_executed() {
    let r = creuse();
    let a = action(&r, "5");
    // State 24 600 + 85 639 = 110 239; CD 55 400 + 85 639 = 141 039; total 251 278.
    let planned = a.figures.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("110239"), d("141039")]);
    assert_eq!(planned.total, d("251278"));
    // Report N-1: 24 600 + 55 400 = 80 000; avenant: 85 639 × 2 = 171 278.
    let parts = a.figures.planned_by_part.as_ref().unwrap();
    assert_eq!(
        (parts.carry_over.total, parts.amendment.total),
        (d("80000"), d("171278"))
    );
    // Executed 110 239 + 432 803,59 = 543 042,59.
    assert_eq!(
        a.figures.executed.as_ref().unwrap().total,
        Some(d("543042.59"))
    );
}

#[test]
fn consumption_rates_of_the_report() {
    let r = creuse();
    // Action 5: 543 042,59 / 251 278 = 2,1611… → 216 %.
    assert_eq!(round_dp(rate(action(&r, "5")), 2), d("2.16"));
    // Action 4: 102 439,89 / 64 932 = 1,5776… → 158 %.
    assert_eq!(round_dp(rate(action(&r, "4")), 2), d("1.58"));
    // Action 6: 30 749,25 / 22 000 = 1,3977… → 140 %.
    assert_eq!(round_dp(rate(action(&r, "6")), 2), d("1.40"));
    // Action 1: 142 166,32 / 120 000 = 1,1847… → 118 %; action 2: 64 166,29 / 36 000 → 178 %.
    assert_eq!(round_dp(rate(action(&r, "1")), 2), d("1.18"));
    assert_eq!(round_dp(rate(action(&r, "2")), 2), d("1.78"));
    // So every rate the report declares is right to the whole percent: no rate warning.
    assert!(!r
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DeclaredRateMismatch));
}

#[test]
fn action_8_executed_total_and_state_slip() {
    let r = creuse();
    let a = action(&r, "8");
    // State planned 38 648, executed written 38 468: 180 unspent.
    let c = a.figures.consumption.as_ref().unwrap();
    assert_eq!(c.unspent_state, Some(d("180")));
    // "Consommation totale" 51 000 declared; parts 38 468 + 12 352 = 50 820.
    let w: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DeclaredMismatch)
        .collect();
    assert_eq!(w.len(), 1, "only action 8's executed total is wrong");
    assert_eq!(w[0].scope, Some(Scope::Action(7)));
    assert_eq!(w[0].figure, Some(Figure::ExecutedTotal));
    assert_eq!(
        (w[0].declared, w[0].computed, w[0].difference),
        (Some(d("51000")), Some(d("50820")), Some(d("180")))
    );
    assert_eq!(w[0].source_row, Some(9));
}

#[test]
fn co_financing_breaches_of_actions_8_and_11() {
    let r = creuse();
    let breaches: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::CoFinancingBreach)
        .collect();
    assert_eq!(breaches.len(), 2);
    // Action 8: State 38 648 / 51 000 = 75,8 % > 50 %:
    // excess 38 648 − 25 500 = 13 148; Département missing 38 648 / 0,5 − 51 000 = 26 296.
    let b8 = action(&r, "8")
        .co_financing
        .as_ref()
        .unwrap()
        .breach
        .as_ref()
        .unwrap();
    assert_eq!(
        (b8.state_excess, b8.departement_missing),
        (d("13148"), Some(d("26296")))
    );
    // Action 11: State 10 715,50 + 7 115,50 = 17 831 of 31 158 = 57,2 %:
    // excess 17 831 − 15 579 = 2 252; missing 35 662 − 31 158 = 4 504.
    let b11 = action(&r, "11")
        .co_financing
        .as_ref()
        .unwrap()
        .breach
        .as_ref()
        .unwrap();
    assert_eq!(
        (b11.state_excess, b11.departement_missing),
        (d("2252"), Some(d("4504")))
    );
    // Action 4 is exactly 50 % (32 466 of 64 932): within the rule.
    assert!(action(&r, "4")
        .co_financing
        .as_ref()
        .unwrap()
        .breach
        .is_none());
}

#[test]
fn raising_the_threshold_to_60_percent_leaves_action_8_only() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/creuse-2023-execution.tsv"
    );
    let mut conv = read_table(&std::fs::read_to_string(path).unwrap()).convention;
    conv.settings.state_max_share = d("0.6");
    let r = report::compute(&conv);
    // 57,2 % ≤ 60 % for action 11; 75,8 % > 60 % for action 8: excess 38 648 − 30 600 = 8 048.
    let b: Vec<_> = r
        .actions
        .iter()
        .filter_map(|a| {
            a.co_financing
                .as_ref()?
                .breach
                .as_ref()
                .map(|b| (a.number.as_str(), b))
        })
        .collect();
    assert_eq!(b.len(), 1);
    assert_eq!((b[0].0, b[0].1.state_excess), ("8", d("8048")));
}

#[test]
fn grand_totals_of_the_report() {
    let r = creuse();
    // Planned: sum of the "Budget total" column = 661 746, State and CD 330 873 each.
    let planned = r.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("330873"), d("330873")]);
    assert_eq!(planned.total, d("661746"));
    // Executed: State 330 873 − 180 = 330 693; CD 432 803,59 + 69 973,89 + 82 166,32 +
    // 46 166,29 + 12 000 + 19 749,25 + 1 789 + 12 352 + 21 500 + 7 400 + 13 327 = 719 227,34.
    let ex = r.grand.executed.as_ref().unwrap();
    assert_eq!(ex.by_funder, vec![Some(d("330693")), Some(d("719227.34"))]);
    assert_eq!(ex.total, Some(d("1049920.34")));
    assert_eq!(ex.reported, 11);
    // Rate 1 049 920,34 / 661 746 = 1,5866 → 158,66 %; State unspent 180.
    let c = r.grand.consumption.as_ref().unwrap();
    assert_eq!(round_dp(c.rate.unwrap(), 4), d("1.5866"));
    assert_eq!(c.unspent_state, Some(d("180")));
    // Report N-1 of the State: 24 600 + 16 233 + 50 000 + 3 000 + 10 000 + 10 715,50 = 114 548,50.
    assert_eq!(
        r.grand
            .planned_by_part
            .as_ref()
            .unwrap()
            .carry_over
            .by_funder[0],
        d("114548.50")
    );
}

#[test]
fn the_departement_spending_above_its_share_is_not_reported() {
    // In actions 5, 4, 1, 2, 6 the CD spent more than planned, in action 8
    // the State spent 180 € less: the CD's share of the spending is above its
    // share of the plan, the State's never is. Nothing to report: the three
    // inconsistencies are the executed total of action 8 (51 000 declared,
    // 50 820 computed) and the co-financing breaches of actions 8 and 11.
    let r = creuse();
    assert!(!r
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::ExecutedShareAbovePlanned));
    let mut found: Vec<(WarningKind, &str)> = r
        .warnings
        .iter()
        .map(|w| match w.scope {
            Some(Scope::Action(id)) => (w.kind, r.actions[id].number.as_str()),
            _ => panic!("{w:?}"),
        })
        .collect();
    found.sort_unstable_by_key(|(kind, number)| (*number, *kind as u8));
    assert_eq!(
        found,
        [
            (WarningKind::CoFinancingBreach, "11"),
            (WarningKind::DeclaredMismatch, "8"),
            (WarningKind::CoFinancingBreach, "8"),
        ],
        "{:#?}",
        r.warnings
    );
}
