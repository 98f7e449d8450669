//! Co-financing rule, executed spending and consumption, on the Creuse 2023
//! execution report typed by hand (no table reader involved).

mod support;
use support::d;

use budget_core::figures;
use budget_core::money::round_dp;
use budget_core::{Action, Amount, Convention, Decimal, Execution, FunderValue, Group, Part};

fn fv(funder: usize, value: &str) -> FunderValue {
    FunderValue {
        funder,
        value: d(value),
        formula: None,
    }
}

/// One action of the Creuse report: number, State planned, CD planned, State
/// executed, CD executed (planned = report 2021 + avenant 2022, added here).
fn creuse_action(number: &str, state: &str, cd: &str, ex_state: &str, ex_cd: &str) -> Action {
    let planned = |funder, value: &str| Amount {
        funder,
        year: None,
        part: Part::Base,
        value: d(value),
        formula: None,
    };
    Action {
        number: number.into(),
        planned: vec![planned(0, state), planned(1, cd)],
        execution: Execution {
            executed: vec![fv(0, ex_state), fv(1, ex_cd)],
            ..Execution::default()
        },
        ..Action::default()
    }
}

/// Creuse 2023 (report of 25 September 2023), planned = report + avenant:
/// action 5: State 24 600 + 85 639 = 110 239, CD 55 400 + 85 639 = 141 039;
/// action 4: State 16 233 + 16 233 = 32 466, CD the same;
/// action 6: State 10 000 + 1 000 = 11 000, CD the same;
/// action 8: State 38 648, CD 12 352 (State executed written 38 468);
/// action 11: State 10 715,50 + 7 115,50 = 17 831, CD 13 327.
fn creuse() -> Convention {
    Convention {
        actions: vec![
            creuse_action("5", "110239", "141039", "110239", "432803.59"),
            creuse_action("4", "32466", "32466", "32466", "69973.89"),
            creuse_action("6", "11000", "11000", "11000", "19749.25"),
            creuse_action("8", "38648", "12352", "38468", "12352"),
            creuse_action("11", "17831", "13327", "17831", "13327"),
        ]
        .into(),
        ..Convention::default()
    }
}

#[test]
fn consumption_rates_above_100_percent_are_normal() {
    let conv = creuse();
    // Action 5: 543 042,59 / 251 278 = 2,1611… → 216 %.
    let c = figures::action_consumption(&conv, 0).unwrap();
    assert_eq!(round_dp(c.rate.unwrap(), 2), d("2.16"));
    // State 110 239 / 110 239 = 100 %; CD 432 803,59 / 141 039 = 3,0686… → 306,87 %.
    assert_eq!(c.rate_by_funder[0], Some(Decimal::ONE));
    assert_eq!(round_dp(c.rate_by_funder[1].unwrap(), 4), d("3.0687"));
    // Action 4: 102 439,89 / 64 932 = 1,5776… → 158 %.
    let c = figures::action_consumption(&conv, 1).unwrap();
    assert_eq!(round_dp(c.rate.unwrap(), 2), d("1.58"));
    // Action 6: 30 749,25 / 22 000 = 1,3977… → 140 %.
    let c = figures::action_consumption(&conv, 2).unwrap();
    assert_eq!(round_dp(c.rate.unwrap(), 2), d("1.40"));
}

#[test]
fn remaining_and_unspent_state_credit() {
    let conv = creuse();
    // Action 8: State 38 648 planned, 38 468 executed → 180 unspent;
    // total 51 000 − 50 820 = 180 remaining.
    let c = figures::action_consumption(&conv, 3).unwrap();
    assert_eq!(c.unspent_state, Some(d("180")));
    assert_eq!(c.remaining, Some(d("180")));
    assert_eq!(
        c.remaining_by_funder,
        vec![Some(d("180")), Some(Decimal::ZERO)]
    );
    // Action 5: CD overspent by 432 803,59 − 141 039 = 291 764,59 → remaining −291 764,59,
    // nothing unspent; State spent exactly its plan → 0 unspent.
    let c = figures::action_consumption(&conv, 0).unwrap();
    assert_eq!(c.remaining_by_funder[1], Some(d("-291764.59")));
    assert_eq!(c.unspent_by_funder[1], Some(Decimal::ZERO));
    assert_eq!(c.unspent_state, Some(Decimal::ZERO));
}

#[test]
fn consumption_of_the_whole() {
    let conv = creuse();
    // Planned: 251 278 + 64 932 + 22 000 + 51 000 + 31 158 = 420 368.
    // Executed: 543 042,59 + 102 439,89 + 30 749,25 + 50 820 + 31 158 = 758 209,73.
    let ex = figures::grand_executed(&conv).unwrap();
    assert_eq!(ex.total, Some(d("758209.73")));
    assert_eq!(ex.reported, 5);
    // State executed 110 239 + 32 466 + 11 000 + 38 468 + 17 831 = 210 004.
    assert_eq!(ex.by_funder[0], Some(d("210004")));
    let c = figures::grand_consumption(&conv).unwrap();
    // 758 209,73 / 420 368 = 1,80368… → 180,37 %.
    assert_eq!(round_dp(c.rate.unwrap(), 4), d("1.8037"));
    // State planned 110 239 + 32 466 + 11 000 + 38 648 + 17 831 = 210 184; unspent 180.
    assert_eq!(c.unspent_state, Some(d("180")));
}

#[test]
fn nothing_planned_means_no_rate_not_an_error() {
    // Vienne action 13 (PAMS, financed in 2025): 0 planned; say 500 spent.
    let conv = Convention {
        actions: vec![creuse_action("13", "0", "0", "500", "0")].into(),
        ..Convention::default()
    };
    let c = figures::action_consumption(&conv, 0).unwrap();
    assert_eq!(c.rate, None);
    assert_eq!(c.rate_by_funder, vec![None, None]);
    assert_eq!(c.remaining, Some(d("-500")));
    assert_eq!(figures::rate(d("500"), Decimal::ZERO), Ok(None));
}

#[test]
fn executed_total_alone_gives_the_total_but_not_the_split() {
    let mut conv = creuse();
    conv.actions[0].execution = Execution {
        executed_total: Some(d("543042.59")),
        ..Execution::default()
    };
    let ex = figures::action_executed(&conv, 0).unwrap();
    assert_eq!(ex.by_funder, vec![None, None]);
    assert_eq!(ex.total, Some(d("543042.59")));
    let c = figures::action_consumption(&conv, 0).unwrap();
    assert_eq!(round_dp(c.rate.unwrap(), 2), d("2.16"));
    assert_eq!(c.unspent_state, None);
    // The whole: the total is still known, the State's part no longer is.
    let grand = figures::grand_executed(&conv).unwrap();
    assert_eq!(grand.total, Some(d("758209.73")));
    assert_eq!(grand.by_funder[0], None);
}

#[test]
fn a_plan_without_execution_has_no_executed_figures() {
    let mut conv = creuse();
    for a in &mut conv.actions {
        a.execution = Execution::default();
    }
    let ex = figures::grand_executed(&conv).unwrap();
    assert_eq!((ex.total, ex.reported), (None, 0));
    let c = figures::grand_consumption(&conv).unwrap();
    assert_eq!((c.rate, c.unspent_state), (None, None));
}

#[test]
fn co_financing_breach_of_creuse_action_8() {
    let conv = creuse();
    // State 38 648 / 51 000 = 0,7578… > 50 %.
    let cf = figures::co_financing(&conv, 3).unwrap().unwrap();
    assert_eq!(round_dp(cf.state_share.unwrap(), 4), d("0.7578"));
    // Maximum 0,5 × 51 000 = 25 500; excess 38 648 − 25 500 = 13 148.
    assert_eq!(cf.state_max, d("25500"));
    let breach = cf.breach.unwrap();
    assert_eq!(breach.state_excess, d("13148"));
    // Département missing: 38 648 / 0,5 − 51 000 = 77 296 − 51 000 = 26 296
    // (then 38 648 / 77 296 = 50 % exactly).
    assert_eq!(breach.departement_missing, Some(d("26296")));
    assert_eq!(breach.departement_missing_cents, Some(d("26296")));
}

#[test]
fn co_financing_breach_of_creuse_action_11() {
    // State 10 715,50 + 7 115,50 = 17 831 of 31 158 = 57,23 % > 50 %:
    // excess 17 831 − 15 579 = 2 252; Département missing 35 662 − 31 158 = 4 504.
    let cf = figures::co_financing(&creuse(), 4).unwrap().unwrap();
    let breach = cf.breach.unwrap();
    assert_eq!(breach.state_excess, d("2252"));
    assert_eq!(breach.departement_missing, Some(d("4504")));
}

#[test]
fn exactly_half_is_within_the_rule() {
    // Creuse action 4: State 32 466 of 64 932 = 50 % exactly: no breach.
    let cf = figures::co_financing(&creuse(), 1).unwrap().unwrap();
    assert_eq!(cf.state_share, Some(d("0.5")));
    assert_eq!(cf.breach, None);
}

#[test]
fn a_higher_threshold_and_a_missing_amount_rounded_up_to_the_cent() {
    // With a 60 % maximum, action 8 still breaks the rule:
    // excess 38 648 − 0,6 × 51 000 = 38 648 − 30 600 = 8 048;
    // missing 38 648 / 0,6 − 51 000 = 64 413,333… − 51 000 = 13 413,333…
    // → 13 413,34 € (rounded up: 13 413,33 would leave 38 648 / 64 413,33 = 60,0000003 %).
    let mut conv = creuse();
    conv.settings.state_max_share = d("0.6");
    let breach = figures::co_financing(&conv, 3)
        .unwrap()
        .unwrap()
        .breach
        .unwrap();
    assert_eq!(breach.state_excess, d("8048"));
    assert_eq!(
        round_dp(breach.departement_missing.unwrap(), 6),
        d("13413.333333")
    );
    assert_eq!(breach.departement_missing_cents, Some(d("13413.34")));
    // And action 11 (57,23 %) now complies.
    assert_eq!(
        figures::co_financing(&conv, 4).unwrap().unwrap().breach,
        None
    );
}

#[test]
fn exempt_groups_and_actions() {
    // France Travail 2024: volets 1 and 3 are exempt from the co-financing rule.
    let mut conv = creuse();
    conv.groups = vec![
        Group {
            name: "Volet 1 – Préparer la mise en place de France Travail".into(),
            ..Group::default()
        },
        Group {
            name: "Volet 10".into(),
            ..Group::default()
        },
    ];
    conv.actions[3].group = Some(0); // action 8, in breach
    conv.actions[4].group = Some(1); // action 11, in breach
    conv.settings.exemptions = vec!["VOLET 1".into()];
    let cf = figures::co_financing(&conv, 3).unwrap().unwrap();
    assert!(cf.exempt);
    assert_eq!(cf.breach, None);
    // "Volet 1" does not exempt "Volet 10".
    assert!(!figures::is_exempt(&conv, 4));
    // An action number or title prefix, accents and case ignored.
    conv.actions[4].title = "Soutien à l'acquisition de matériels informatiques".into();
    conv.settings.exemptions = vec!["soutien a l'acquisition".into()];
    assert!(figures::is_exempt(&conv, 4));
    conv.settings.exemptions = vec!["11".into()];
    assert!(figures::is_exempt(&conv, 4));
    assert!(!figures::is_exempt(&conv, 3));
}

#[test]
fn no_state_funder_no_rule() {
    let mut conv = creuse();
    conv.funders = vec![
        budget_core::Funder::departement(),
        budget_core::Funder::other("CAF"),
    ];
    assert_eq!(figures::co_financing(&conv, 3).unwrap(), None);
}
