//! The instalments and the settlement as the core computes them.

use super::*;

/// The instalments as computed by the core, to the cent, with their total.
pub(super) fn instalments_table(
    lang: Lang,
    name: &str,
    computed: Option<ScheduleFigures>,
) -> Option<AnyView> {
    let computed = computed?;
    let instalments: Vec<InstalmentAmount> = computed.instalments.clone()?;
    if instalments.is_empty() {
        return None;
    }
    let body = instalments
        .into_iter()
        .enumerate()
        .map(|(k, x)| {
            let label = if x.adjusted {
                format!("{} ({})", x.label, t(lang, Key::TrAdjustedNote))
            } else {
                x.label.clone()
            };
            row(
                "",
                vec![
                    th_row(k.saturating_add(1).to_string(), "", 1),
                    td(label, "", 1),
                    td(
                        x.date
                            .as_deref()
                            .map(|d| show_date(d, lang))
                            .unwrap_or_default(),
                        "",
                        1,
                    ),
                    td_num(share_text(&x.share, lang)),
                    td_num(format_eur(x.amount, lang)),
                ],
            )
        })
        .collect();
    let head = [
        (Key::ColNumber, false),
        (Key::TrColLabel, false),
        (Key::TrDate, false),
        (Key::ColShare, true),
        (Key::ColAmount, true),
    ]
    .iter()
    .map(|(k, num)| th_col(t_any(lang, *k).into(), *num))
    .collect();
    let total = row(
        "bw-total-row",
        vec![
            th_row(t(lang, Key::ColTotal).into(), "", 4),
            td_num(format_eur(computed.total, lang)),
        ],
    );
    Some(table(
        "bw-tr-table",
        format!("{} — {name}", t(lang, Key::TrTableCaption)),
        head,
        body,
        vec![total],
    ))
}

/// The amount due and the balance or refund, once something was paid or
/// achieved.
pub(super) fn settlement_table(lang: Lang, name: &str, settlement: Option<Settlement>) -> AnyView {
    let Some(s) = settlement else {
        return view! { <p class="bw-hint">{t(lang, Key::TrSettlementNone)}</p> }.into_any();
    };
    let line = |key: Key, value: Decimal, class: &'static str| {
        row(
            class,
            vec![
                th_row(t_any(lang, key).into(), "", 1),
                td_num(format_eur(value, lang)),
            ],
        )
    };
    let mut body = vec![line(Key::TrCommitment, s.commitment, "")];
    if let Some(a) = s.achieved {
        body.push(line(Key::TrAchieved, a, ""));
    }
    body.push(line(Key::TrDue, s.due, ""));
    body.push(line(Key::TrPaidRow, s.paid, ""));
    body.push(if s.refund > Decimal::ZERO {
        line(Key::TrRefund, s.refund, "bw-total-row bw-tr-refund")
    } else {
        line(Key::TrToPay, s.to_pay, "bw-total-row")
    });
    table(
        "bw-tr-settlement",
        format!("{} — {name}", t(lang, Key::TrSettlementCaption)),
        Vec::new(),
        body,
        Vec::new(),
    )
}
