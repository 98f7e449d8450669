//! The consumption chart: executed against planned, one bar per action.

use super::*;
use budget_core::messages::FigureName;

/// One action of the consumption chart.
pub(super) struct ConsumptionBar {
    number: String,
    title: String,
    planned: Decimal,
    executed: Decimal,
    rate: Option<Decimal>,
}

/// The bars of the consumption chart (the actions with execution figures, at
/// most [`MAX_BARS`] of them) and, when some actions are drawn together, the
/// note that says so.
pub(super) fn consumption_bars(
    lang: Lang,
    report: &Report,
) -> (Vec<ConsumptionBar>, Option<String>) {
    let all: Vec<ConsumptionBar> = report
        .actions
        .iter()
        .filter_map(|a| {
            let executed = a.figures.executed.as_ref().and_then(|e| e.total)?;
            let planned = a.figures.planned.as_ref()?.total;
            Some(ConsumptionBar {
                number: a.number.clone(),
                title: a.title.clone(),
                planned,
                executed,
                rate: a.figures.consumption.as_ref().and_then(|c| c.rate),
            })
        })
        .collect();
    // The length of the longer of its two bars.
    let sizes: Vec<Option<Decimal>> = all
        .iter()
        .map(|b| Some(b.planned.max(b.executed)))
        .collect();
    let shown = report::largest_items(&sizes, MAX_BARS);
    if shown.len() == all.len() {
        return (all, None);
    }
    let others = all.len().saturating_sub(shown.len());
    let mut bars = Vec::with_capacity(shown.len() + 1);
    let mut rest = Vec::with_capacity(others);
    for (k, b) in all.into_iter().enumerate() {
        if shown.binary_search(&k).is_ok() {
            bars.push(b);
        } else {
            rest.push((b.planned, b.executed));
        }
    }
    // The others added up by the core, as every sum of several actions.
    let planned = figures::sum_known(rest.iter().map(|r| Some(r.0)), FigureName::OthersPlanned);
    let executed = figures::sum_known(rest.iter().map(|r| Some(r.1)), FigureName::OthersExecuted);
    // Too large to add up (overflow): no bar for the others.
    if let (Ok(Some(planned)), Ok(Some(executed))) = (planned, executed) {
        bars.push(ConsumptionBar {
            number: String::new(),
            title: format!("{} ({})", t(lang, Key::ChOtherActions), count(lang, others)),
            planned,
            executed,
            rate: rate(executed, planned).ok().flatten(),
        });
    }
    (bars, Some(chart_note(lang, false, shown.len(), others)))
}

/// Row height of the consumption chart; room left after the bars for the
/// rate (520 units of bars in a drawing of 640).
pub(super) const CONSUMPTION_ROW: f64 = 50.0;
pub(super) const RATE_ROOM: f64 = 120.0;
/// The planned bar: light, outlined; the executed bar: dark, thinner.
pub(super) const PLANNED_FILL: &str = "#eef1f4";
pub(super) const EXECUTED_FILL: &str = "#0d5c63";

pub(super) fn rate_text(lang: Lang, rate: Option<Decimal>) -> String {
    rate.map(|r| format_percent(r, 0, lang))
        .unwrap_or_else(|| "—".into())
}

/// The consumption chart of `report`; `None` without execution figures.
pub(super) fn consumption_chart(lang: Lang, report: &Report, width: f64) -> Option<Chart> {
    let (bars, note) = consumption_bars(lang, report);
    if bars.is_empty() {
        return None;
    }
    let largest = bars
        .iter()
        .flat_map(|b| [b.planned, b.executed])
        .max()
        .unwrap_or_default();
    let alt_items: Vec<String> = bars
        .iter()
        .map(|b| {
            format!(
                "{} {} {}",
                b.number,
                clip(&b.title, 40),
                rate_text(lang, b.rate)
            )
        })
        .collect();
    let alt = format!(
        "{}. {}. {}{}",
        t(lang, Key::ChConsumptionHeading),
        alt_items.join(", "),
        note.as_ref().map(|n| format!("{n} ")).unwrap_or_default(),
        t(lang, Key::ChSeeTable)
    );
    let drawing = bars
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let top = CONSUMPTION_ROW * k as f64;
            let bar_y = top + 18.0;
            let label = clip(
                format!("{} {}", b.number, b.title).trim(),
                label_chars(width),
            );
            vec![
                Shape::text(0.0, top + 13.0, LABEL, label),
                Shape::rect(
                    0.0,
                    bar_y,
                    scale_f64(b.planned, largest) * (width - RATE_ROOM),
                    24.0,
                    PLANNED_FILL,
                    true,
                ),
                Shape::rect(
                    0.0,
                    bar_y + 7.0,
                    scale_f64(b.executed, largest) * (width - RATE_ROOM),
                    10.0,
                    EXECUTED_FILL,
                    false,
                ),
                Shape::text(
                    width - RATE_ROOM + 10.0,
                    bar_y + 17.0,
                    TextStyle {
                        size: 14,
                        bold: true,
                        centred: false,
                        halo: false,
                    },
                    rate_text(lang, b.rate),
                ),
            ]
            .into()
        })
        .collect();
    let legend = vec![
        (
            vec![Shape::rect(0.5, 0.5, 15.0, 15.0, PLANNED_FILL, true)].into(),
            t(lang, Key::ChPlannedLegend).into(),
        ),
        (
            vec![Shape::rect(0.0, 5.0, 16.0, 6.0, EXECUTED_FILL, false)].into(),
            t(lang, Key::ChExecutedLegend).into(),
        ),
    ];
    let head = [
        (Key::ColNumber, false),
        (Key::ColTitle, false),
        (Key::ColPlanned, true),
        (Key::ColExecuted, true),
        (Key::ColRate, true),
    ]
    .iter()
    .map(|(k, num)| (t_any(lang, *k).to_string(), *num))
    .collect();
    let rows = bars
        .iter()
        .map(|b| {
            vec![
                Cell::Head(b.number.clone(), "bw-number"),
                Cell::Text(b.title.clone()),
                Cell::Number(format_eur(b.planned, lang)),
                Cell::Number(format_eur(b.executed, lang)),
                Cell::Number(rate_text(lang, b.rate)),
            ]
            .into()
        })
        .collect();
    Some(Chart {
        class: "bw-chart bw-consumption-chart",
        patterned: false,
        caption: t(lang, Key::ChConsumptionHeading).into(),
        note,
        width,
        height: CONSUMPTION_ROW * bars.len() as f64 + 4.0,
        alt,
        bars: drawing,
        legend,
        data_caption: t(lang, Key::ChConsumptionCaption).into(),
        head,
        rows,
    })
}

/// Executed against planned for each action with execution figures, and the
/// consumption rate; nothing when the convention has no execution figures.
#[component]
pub fn ConsumptionChart(ws: Workspace) -> impl IntoView {
    let report = crate::state::summary::Figures::of(ws).after_frame();
    let figure = NodeRef::new();
    let width = followed_width(figure);
    let model = Memo::new(move |_| {
        let (lang, width) = (ws.lang.get(), width.get());
        report.with(|r| r.as_ref().and_then(|r| consumption_chart(lang, r, width)))
    });
    chart_view(model, figure)
}
