//! The table of executed amounts (Execution view).

use super::cell::cell;
use super::pager::page_of;
use super::*;

/// Planned total, then each funder's executed amount (editable), then the
/// executed total, the rate, what remains and the unspent State credit.
pub(super) fn execution_figures(
    lang: Lang,
    planned: Option<budget_core::Decimal>,
    executed: Option<&budget_core::figures::ExecutedAmounts>,
    consumption: Option<&budget_core::figures::Consumption>,
    by_funder: AnyView,
    extra: Extra,
) -> impl IntoView {
    use crate::grid::cells::{opt_eur, opt_pct};
    view! {
        <td class="bw-num">{opt_eur(lang, planned)}</td>
        {by_funder}
        <td class="bw-num bw-total">{opt_eur(lang, executed.and_then(|e| e.total))}</td>
        <td class="bw-num">{opt_pct(lang, consumption.and_then(|c| c.rate))}</td>
        <td class="bw-num">{opt_eur(lang, consumption.and_then(|c| c.remaining))}</td>
        {extra.state.then(|| view! { <td class="bw-num">{opt_eur(lang, consumption.and_then(|c| c.unspent_state))}</td> })}
        {extra.carry.map(|c| view! { <td class="bw-num">{opt_eur(lang, c)}</td> })}
        {extra.received.map(|r| view! { <td class="bw-num">{opt_eur(lang, r)}</td> })}
        {extra.info.map(|i| view! { <td class="bw-info">{i}</td> })}
    }
}

/// The execution table's columns shown only when the table has them: the
/// unspent State credit (a convention split by funder, with a State), the
/// carry-over requested, the service and comments; with their content for
/// one row.
pub(super) struct Extra {
    pub(super) state: bool,
    pub(super) carry: Option<Option<budget_core::Decimal>>,
    pub(super) received: Option<Option<budget_core::Decimal>>,
    pub(super) info: Option<String>,
}

impl Extra {
    fn of(
        s: &Summary,
        (carry, received): (Option<budget_core::Decimal>, Option<budget_core::Decimal>),
        info: Option<String>,
    ) -> Self {
        Self {
            state: s.split && s.state.is_some(),
            carry: s.grand_carry_over.is_some().then_some(carry),
            received: s.grand_received.is_some().then_some(received),
            info: s.has_info.then(|| info.unwrap_or_default()),
        }
    }
}

/// Each funder's executed amount of a group or of the whole, not editable.
pub(super) fn executed_sums(
    lang: Lang,
    executed: Option<&budget_core::figures::ExecutedAmounts>,
    funders: usize,
) -> AnyView {
    (0..funders)
        .map(|f| {
            let v = executed.and_then(|e| e.by_funder.get(f).copied().flatten());
            view! { <td class="bw-num">{crate::grid::cells::opt_eur(lang, v)}</td> }
        })
        .collect_view()
        .into_any()
}

pub(super) fn executed_row(
    grid: Grid,
    lang: Lang,
    line: Arc<ActionLine>,
    funders: usize,
    extra: Extra,
) -> impl IntoView {
    let a = line.id;
    let by_funder = (0..funders)
        .map(|f| {
            let v = line
                .executed
                .as_ref()
                .and_then(|e| e.by_funder.get(f).copied().flatten());
            let shown = match v {
                Some(v) => format_eur(v, lang),
                None => t(lang, Key::EmptyCell).to_string(),
            };
            cell(grid, lang, a, f, shown, "bw-num", None, false).into_any()
        })
        .collect_view()
        .into_any();
    let selected = move || grid.is_active_row(a);
    view! {
        <tr id=format!("bw-xrow-{a}") class:bw-selected=selected>
            <th scope="row" class="bw-number">{line.number.clone()}</th>
            <td class="bw-title">{line.title.clone()}</td>
            {execution_figures(lang, line.amounts.as_ref().ok().map(|p| p.total), line.executed.as_ref(), line.consumption.as_ref(), by_funder, extra)}
        </tr>
    }
}

/// The Execution view's table: each funder's executed amount edited in place
/// like the Budget table, with the rates, remaining and unspent State credit
/// of each action, group and the whole.
pub fn execution_table(grid: Grid, lang: Lang, s: &Summary) -> impl IntoView {
    let funders = s.funders.len();
    let (blocks, pager) = page_of(grid, lang, s, (0..funders).map(Column::Executed).collect());
    let rows = blocks
        .into_iter()
        .map(|b| {
            let subtotal = b.subtotal.as_ref().map(|st| {
                let name = b.name.clone().unwrap_or_default();
                view! {
                    <tr class="bw-subtotal">
                        <th scope="row" colspan="2">{format!("{} — {}", t(lang, Key::GroupSubtotal), name)}</th>
                        {execution_figures(lang, st.as_ref().ok().map(|p| p.total), b.executed.as_ref(), b.consumption.as_ref(), executed_sums(lang, b.executed.as_ref(), funders), Extra::of(s, (b.carry_over, b.received), None))}
                    </tr>
                }
            });
            let actions = b
                .actions
                .iter()
                .map(|l| executed_row(grid, lang, Arc::clone(l), funders, Extra::of(s, (l.carry_over, l.received), Some(l.info.clone()))))
                .collect_view();
            view! { <tbody>{actions}{subtotal}</tbody> }
        })
        .collect_view();
    let funder_headers = s
        .funders
        .iter()
        .map(|f| view! { <th scope="col" class="bw-num">{format!("{} — {f}", t(lang, Key::ColExecuted))}</th> })
        .collect_view();
    view! {
        <p id="bw-executed-hint" class="bw-hint">{t(lang, Key::ExecutedHint)}</p>
        {move || grid.message.get().map(|m| view! { <p class="bw-error" role="alert">{m}</p> })}
        {pager}
        <div class="bw-scroll">
            <table class="bw-execution bw-grid" aria-describedby="bw-executed-hint">
                <caption>{t(lang, Key::ExecutionCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColNumber)}</th>
                        <th scope="col">{t(lang, Key::ColTitle)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColPlanned)}</th>
                        {funder_headers}
                        <th scope="col" class="bw-num">{t(lang, Key::ColExecuted)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColRate)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColRemaining)}</th>
                        {(s.split && s.state.is_some()).then(|| view! { <th scope="col" class="bw-num">{t(lang, Key::ColUnspentState)}</th> })}
                        {s.grand_carry_over.is_some().then(|| view! { <th scope="col" class="bw-num">{t(lang, Key::ColCarryOver)}</th> })}
                        {s.grand_received.is_some().then(|| view! { <th scope="col" class="bw-num">{t(lang, Key::ColReceived)}</th> })}
                        {s.has_info.then(|| view! { <th scope="col">{t(lang, Key::ColInfo)}</th> })}
                    </tr>
                </thead>
                {rows}
                <tfoot>
                    <tr class="bw-grand">
                        <th scope="row" colspan="2">{t(lang, Key::GrandTotal)}</th>
                        {execution_figures(lang, s.grand.as_ref().ok().map(|p| p.total), s.grand_executed.as_ref(), s.grand_consumption.as_ref(), executed_sums(lang, s.grand_executed.as_ref(), funders), Extra::of(s, (s.grand_carry_over, s.grand_received), None))}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
