//! Payment tranches, amount due and balance, from the payment terms of the
//! Vienne 2024 conventions.

mod support;
use support::d;

use budget_core::tranches::{self, ScheduleIssue};
use budget_core::{Achievement, Decimal, Instalment, Share};

fn amounts(total: &str, plan: &[Instalment]) -> Vec<Decimal> {
    tranches::instalments(d(total), plan)
        .unwrap()
        .iter()
        .map(|i| i.amount)
        .collect()
}

fn percents(values: &[&str]) -> Vec<Instalment> {
    values
        .iter()
        .map(|p| Instalment {
            share: if *p == "rest" {
                Share::Remainder
            } else {
                Share::Percent(d(p))
            },
            label: String::new(),
            date: None,
            adjusted: false,
        })
        .collect()
}

#[test]
fn seventy_thirty_of_the_vienne_aci_commitment() {
    // 70 % of 1 300 000 = 910 000; 30 % = 390 000.
    let plan = tranches::seventy_thirty_adjusted();
    assert_eq!(amounts("1300000", &plan), vec![d("910000"), d("390000")]);
    assert!(!plan[0].adjusted);
    assert!(plan[1].adjusted);
    assert!(plan[1].label.contains("tout ou partie des 30 %"));
}

#[test]
fn sixty_forty_of_the_france_travail_convention() {
    // Vienne 2024, France Travail: 60 % of 553 608 € = 332 164,80 € at signature,
    // balance 221 443,20 € after the final report (both written in the convention).
    let plan = tranches::sixty_forty();
    assert_eq!(
        amounts("553608", &plan),
        vec![d("332164.80"), d("221443.20")]
    );
    assert!(plan[0].label.contains("signature"));
}

#[test]
fn sixty_forty_of_100_000_01_rounds_the_advance_and_the_balance_takes_the_rest() {
    // 60 % of 100 000,01 = 60 000,006 → 60 000,01 (nearest cent);
    // balance 100 000,01 − 60 000,01 = 40 000,00 (40 % would be 40 000,004).
    let split = tranches::instalments(d("100000.01"), &tranches::sixty_forty()).unwrap();
    assert_eq!(split[0].exact, Some(d("60000.006")));
    assert_eq!(split[0].amount, d("60000.01"));
    assert_eq!(split[1].amount, d("40000.00"));
    assert!(split[1].takes_remainder);
}

#[test]
fn a_half_cent_rounds_away_from_zero() {
    // 70 % of 1 000,15 = 700,105 → 700,11 (banker's rounding would give 700,10);
    // the 30 % takes 1 000,15 − 700,11 = 300,04.
    assert_eq!(
        amounts("1000.15", &tranches::seventy_thirty_adjusted()),
        vec![d("700.11"), d("300.04")]
    );
}

#[test]
fn full_payment_at_signature() {
    assert_eq!(
        amounts("578633", &tranches::full_at_signature()),
        vec![d("578633")]
    );
}

#[test]
fn three_thirds_of_100_euros_with_a_remainder() {
    // 33,33 % + 33,33 % + the rest: 33,33 + 33,33 + 33,34 = 100,00, nothing to report.
    let plan = percents(&["33.33", "33.33", "rest"]);
    assert_eq!(
        amounts("100", &plan),
        vec![d("33.33"), d("33.33"), d("33.34")]
    );
    assert_eq!(tranches::validate(d("100"), &plan).unwrap(), vec![]);
}

#[test]
fn three_times_33_33_percent_does_not_add_up_and_says_so() {
    // 3 × 33,33 % = 99,99 %: the last instalment takes 100 − 66,66 = 33,34 so the
    // payments still add up to 100 €, and the schedule is flagged (0,01 € short).
    let plan = percents(&["33.33", "33.33", "33.33"]);
    assert_eq!(
        amounts("100", &plan),
        vec![d("33.33"), d("33.33"), d("33.34")]
    );
    assert_eq!(
        tranches::validate(d("100"), &plan).unwrap(),
        vec![ScheduleIssue::DoesNotAddUp {
            declared: d("99.99"),
            total: d("100"),
            difference: d("0.01")
        }]
    );
}

#[test]
fn a_remainder_in_the_middle_takes_the_rest() {
    // 1 000 € fixed, the rest, 10 % of 2 500 = 250: 1 000 + 1 250 + 250.
    let plan = vec![
        Instalment {
            share: Share::Fixed(d("1000")),
            label: "acompte".into(),
            date: None,
            adjusted: false,
        },
        Instalment {
            share: Share::Remainder,
            label: "solde".into(),
            date: None,
            adjusted: false,
        },
        Instalment {
            share: Share::Percent(d("10")),
            label: "retenue".into(),
            date: None,
            adjusted: false,
        },
    ];
    assert_eq!(amounts("2500", &plan), vec![d("1000"), d("1250"), d("250")]);
}

#[test]
fn schedules_that_exceed_the_total_are_flagged() {
    // 120 %: out of range, and the only instalment takes the whole 1 000 anyway.
    let plan = percents(&["120"]);
    assert_eq!(amounts("1000", &plan), vec![d("1000")]);
    let issues = tranches::validate(d("1000"), &plan).unwrap();
    assert!(issues.contains(&ScheduleIssue::PercentOutOfRange {
        instalment: 1,
        percent: d("120")
    }));
    // 70 % + 40 % + the rest of 1 000: 700 + 400 = 1 100 > 1 000, the rest is −100.
    let plan = percents(&["70", "40", "rest"]);
    assert_eq!(amounts("1000", &plan), vec![d("700"), d("400"), d("-100")]);
    assert_eq!(
        tranches::validate(d("1000"), &plan).unwrap(),
        vec![ScheduleIssue::ExceedsTotal {
            allocated: d("1100"),
            total: d("1000")
        }]
    );
    // A fixed instalment above the total.
    let plan = vec![Instalment {
        share: Share::Fixed(d("1500")),
        label: String::new(),
        date: None,
        adjusted: false,
    }];
    assert!(tranches::validate(d("1000"), &plan).unwrap().contains(
        &ScheduleIssue::FixedAboveTotal {
            instalment: 1,
            amount: d("1500"),
            total: d("1000")
        }
    ));
}

#[test]
fn an_empty_schedule_pays_nothing_and_is_flagged() {
    assert_eq!(tranches::instalments(d("1000"), &[]).unwrap(), vec![]);
    assert_eq!(
        tranches::validate(d("1000"), &[]).unwrap(),
        vec![ScheduleIssue::Empty]
    );
}

#[test]
fn aci_balance_adjusted_to_the_posts_achieved() {
    // 202,5 posts × 6 417,84 € = 1 299 612,60 € (200 × 6 417,84 = 1 283 568;
    // 2,5 × 6 417,84 = 16 044,60). Due: min(1 299 612,60, 1 300 000) = 1 299 612,60.
    // After the 70 % advance of 910 000: balance 389 612,60 (part of the 30 %).
    let achieved = tranches::achieved_amount(&Achievement::Units {
        units: d("202.5"),
        unit_cost: d("6417.84"),
    })
    .unwrap();
    assert_eq!(achieved, d("1299612.60"));
    let s = tranches::settle(d("1300000"), Some(achieved), d("910000")).unwrap();
    assert_eq!(s.due, d("1299612.60"));
    assert_eq!(s.balance, d("389612.60"));
    assert_eq!(s.to_pay, d("389612.60"));
    assert_eq!(s.refund, Decimal::ZERO);
}

#[test]
fn achievement_above_the_commitment_is_capped() {
    // 210 posts × 6 417,84 = 1 347 746,40 > 1 300 000: due 1 300 000, balance 390 000.
    let achieved = tranches::achieved_amount(&Achievement::Units {
        units: d("210"),
        unit_cost: d("6417.84"),
    })
    .unwrap();
    let s = tranches::settle(d("1300000"), Some(achieved), d("910000")).unwrap();
    assert_eq!((s.due, s.balance), (d("1300000"), d("390000")));
}

#[test]
fn over_payment_is_a_refund() {
    // Only 120 posts: 120 × 6 417,84 = 770 140,80 due, 910 000 already paid:
    // balance 770 140,80 − 910 000 = −139 859,20, to refund (trop-perçu).
    let s = tranches::settle(d("1300000"), Some(d("770140.80")), d("910000")).unwrap();
    assert_eq!(s.balance, d("-139859.20"));
    assert_eq!(s.to_pay, Decimal::ZERO);
    assert_eq!(s.refund, d("139859.20"));
}

#[test]
fn amount_due_is_rounded_half_away_from_zero() {
    // 2,5 hours × 10,005 €/h = 25,0125 → 25,01; 0,5 × 0,05 = 0,025 → 0,03.
    assert_eq!(
        tranches::settle(d("100"), Some(d("25.0125")), Decimal::ZERO)
            .unwrap()
            .due,
        d("25.01")
    );
    assert_eq!(
        tranches::settle(d("100"), Some(d("0.025")), Decimal::ZERO)
            .unwrap()
            .due,
        d("0.03")
    );
    // Without an achievement, the whole commitment is due.
    assert_eq!(
        tranches::settle(d("100"), None, d("60")).unwrap().balance,
        d("40")
    );
}

#[test]
fn an_overflowing_split_is_an_error() {
    let plan = percents(&["60", "40"]);
    assert!(tranches::instalments(Decimal::MAX, &plan).is_err());
}
