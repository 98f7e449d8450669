//! Charts drawn by the widget itself as inline SVG (no chart library):
//!
//! - [`FundingChart`]: each funder's share of each group and of the whole
//!   convention, one stacked bar per group and one for the whole;
//! - [`ConsumptionChart`]: executed against planned, one bar per action, with
//!   the consumption rate.
//!
//! Each chart is a `<figure>` with a `<figcaption>`; the SVG has `role="img"`
//! and an `aria-label` giving its text alternative, and the figures are also
//! given as text (legend and table), so nothing relies on colour alone and the
//! chart prints in black and white (outlines, patterns, labels).
//!
//! Every figure comes from [`budget_core::report::compute_figures`] (shared
//! with the other views through [`crate::summary::Figures`]) and is displayed
//! with [`budget_core::money`]; `f64` is used only for pixel geometry.

use budget_core::money::{format_eur, format_percent};
use budget_core::report::Report;
use budget_core::{Decimal, Lang};
use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::Workspace;
use crate::view_util::{
    dynamic, px, ratio_f64, rect, row, scale_f64, svg_text, table, td, td_num, th_col, th_row,
    TextStyle,
};

/// Width of the drawing (SVG user units); the SVG scales to its container.
const WIDTH: f64 = 640.0;

/// Fill of each funder (light, so that black text reads on them: contrast
/// above 9:1), in turn.
const FILLS: [&str; 6] = [
    "#9ecae1", "#fdd49e", "#c7e9c0", "#dadaeb", "#fcbba1", "#d9d9d9",
];

/// Pattern over the fill of each funder, in turn (none for the first), so
/// that the bars can be told apart in black and white.
const PATTERNS: [Option<&str>; 4] = [
    None,
    Some("url(#bw-pat-hatch)"),
    Some("url(#bw-pat-dots)"),
    Some("url(#bw-pat-cross)"),
];

/// Outline of the bars (the widget's ink colour).
const INK: &str = "#1d2733";

fn fill(funder: usize) -> &'static str {
    FILLS
        .get(funder % FILLS.len())
        .copied()
        .unwrap_or("#d9d9d9")
}

fn pattern(funder: usize) -> Option<&'static str> {
    PATTERNS.get(funder % PATTERNS.len()).copied().flatten()
}

/// Shortens a label drawn in the SVG (the full text is in the table).
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// "name : value" with the language's punctuation.
fn labelled(lang: Lang, name: &str, value: &str) -> String {
    match lang {
        Lang::Fr => format!("{name} : {value}"),
        Lang::En => format!("{name}: {value}"),
    }
}

/// The patterns of the funding chart.
fn pattern_defs() -> AnyView {
    view! {
        <defs>
            <pattern id="bw-pat-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="8" stroke=INK stroke-width="1.2" />
            </pattern>
            <pattern id="bw-pat-dots" width="6" height="6" patternUnits="userSpaceOnUse">
                <circle cx="3" cy="3" r="1.1" fill=INK />
            </pattern>
            <pattern id="bw-pat-cross" width="8" height="8" patternUnits="userSpaceOnUse">
                <line x1="0" y1="4" x2="8" y2="4" stroke=INK stroke-width="1" />
                <line x1="4" y1="0" x2="4" y2="8" stroke=INK stroke-width="1" />
            </pattern>
        </defs>
    }
    .into_any()
}

/// The shapes of a funder's segment: its fill, then its pattern over it.
fn funder_shapes(funder: usize, x: f64, y: f64, width: f64, height: f64) -> Vec<AnyView> {
    std::iter::once(rect(x, y, width, height, fill(funder), Some(INK)))
        .chain(pattern(funder).map(|p| rect(x, y, width, height, p, Some(INK))))
        .collect()
}

/// A legend entry: a small square drawn with `shapes`, then the text.
fn legend_item(shapes: Vec<AnyView>, text: String) -> AnyView {
    view! {
        <li>
            <svg class="bw-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                {shapes}
            </svg>
            {text}
        </li>
    }
    .into_any()
}

/// A chart: the figure, its caption, the drawing with its text alternative,
/// the legend and the table of the figures.
fn chart(
    class: &'static str,
    caption: String,
    height: f64,
    alt: String,
    drawing: Vec<AnyView>,
    legend: Vec<AnyView>,
    data: AnyView,
) -> AnyView {
    view! {
        <figure class=class>
            <figcaption>{caption}</figcaption>
            <svg
                class="bw-chart-svg"
                viewBox=format!("0 0 {} {}", px(WIDTH), px(height))
                role="img"
                aria-label=alt
            >
                {drawing}
            </svg>
            <ul class="bw-chart-legend">{legend}</ul>
            {data}
        </figure>
    }
    .into_any()
}

const LABEL: TextStyle = TextStyle {
    size: 14,
    bold: false,
    centred: false,
    halo: false,
};

/// One bar of the funding chart: a name and the shares of each funder.
struct FundingBar {
    label: String,
    total: Option<Decimal>,
    shares: Option<Vec<Decimal>>,
}

fn funding_bars(lang: Lang, report: &Report) -> Vec<FundingBar> {
    let mut bars: Vec<FundingBar> = report
        .ungrouped
        .iter()
        .map(|g| FundingBar {
            label: t(lang, Key::NoGroup).to_string(),
            total: g.figures.planned.as_ref().map(|p| p.total),
            shares: g.figures.shares.clone(),
        })
        .chain(report.groups.iter().map(|g| FundingBar {
            label: g.name.clone(),
            total: g.figures.planned.as_ref().map(|p| p.total),
            shares: g.figures.shares.clone(),
        }))
        .collect();
    bars.push(FundingBar {
        label: t(lang, Key::ChOverall).to_string(),
        total: report.grand.planned.as_ref().map(|p| p.total),
        shares: report.grand.shares.clone(),
    });
    bars
}

/// Row height of the funding chart: name line, then the bar.
const FUNDING_ROW: f64 = 54.0;
const BAR_HEIGHT: f64 = 28.0;

/// The shapes of the funding chart: per bar, its name and its segments.
fn funding_drawing(lang: Lang, bars: &[FundingBar]) -> Vec<AnyView> {
    let mut out = vec![pattern_defs()];
    for (k, bar) in bars.iter().enumerate() {
        let top = FUNDING_ROW * k as f64;
        let bar_y = top + 20.0;
        out.push(svg_text(0.0, top + 14.0, LABEL, clip(&bar.label, 80)));
        let mut x = 0.0;
        for (f, share) in bar.shares.iter().flatten().enumerate() {
            if share.is_zero() {
                continue;
            }
            let w = (ratio_f64(*share) * WIDTH).min(WIDTH - x).max(0.0);
            out.extend(funder_shapes(f, x, bar_y, w, BAR_HEIGHT));
            if w >= 56.0 {
                out.push(svg_text(
                    x + w / 2.0,
                    bar_y + BAR_HEIGHT / 2.0 + 5.0,
                    TextStyle {
                        size: 13,
                        bold: false,
                        centred: true,
                        halo: true,
                    },
                    format_percent(*share, 1, lang),
                ));
            }
            x += w;
        }
    }
    out
}

fn funding_figure(lang: Lang, report: &Report) -> AnyView {
    let Some(grand_shares) = report.grand.shares.clone() else {
        return view! { <p class="bw-empty">{t(lang, Key::ChNoFunding)}</p> }.into_any();
    };
    let names: Vec<String> = report.funders.iter().map(|f| f.name.clone()).collect();
    let overall: Vec<String> = names
        .iter()
        .zip(grand_shares.iter())
        .map(|(name, share)| labelled(lang, name, &format_percent(*share, 2, lang)))
        .collect();
    let alt = format!(
        "{}. {}. {}",
        labelled(
            lang,
            t(lang, Key::ChFundingHeading),
            t(lang, Key::ChOverall)
        ),
        overall.join(", "),
        t(lang, Key::ChSeeTable)
    );
    let bars = funding_bars(lang, report);
    let legend = overall
        .into_iter()
        .enumerate()
        .map(|(f, text)| {
            let amount = report
                .grand
                .planned
                .as_ref()
                .map(|p| format!(" ({})", format_eur(p.funder(f), lang)))
                .unwrap_or_default();
            legend_item(
                funder_shapes(f, 0.5, 0.5, 15.0, 15.0),
                format!("{text}{amount}"),
            )
        })
        .collect();
    let mut head = vec![th_col(t(lang, Key::ChGroup).into(), false)];
    head.extend(names.iter().map(|n| th_col(n.clone(), true)));
    head.push(th_col(t(lang, Key::ColTotal).into(), true));
    let body = bars
        .iter()
        .map(|bar| {
            let mut cells = vec![th_row(bar.label.clone(), "", 1)];
            cells.extend((0..names.len()).map(|f| {
                td_num(
                    bar.shares
                        .as_ref()
                        .and_then(|s| s.get(f))
                        .map(|s| format_percent(*s, 2, lang))
                        .unwrap_or_else(|| "—".into()),
                )
            }));
            cells.push(td_num(
                bar.total
                    .map(|v| format_eur(v, lang))
                    .unwrap_or_else(|| "—".into()),
            ));
            row("", cells)
        })
        .collect();
    let data = table(
        "bw-chart-data",
        t(lang, Key::ChFundingDataCaption).into(),
        head,
        body,
        Vec::new(),
    );
    chart(
        "bw-chart bw-funding-chart",
        t(lang, Key::ChFundingHeading).into(),
        FUNDING_ROW * bars.len() as f64 + 4.0,
        alt,
        funding_drawing(lang, &bars),
        legend,
        data,
    )
}

/// Each funder's share of each group and of the whole convention, as stacked
/// bars, with a legend (names, shares, amounts) and the figures in a table.
#[component]
pub fn FundingChart(ws: Workspace) -> impl IntoView {
    let report = crate::summary::Figures::of(ws).0;
    dynamic(move || {
        let lang = ws.lang.get();
        report
            .with(|r| r.as_ref().map(|r| funding_figure(lang, r)))
            .into_any()
    })
}

/// One action of the consumption chart.
struct ConsumptionBar {
    number: String,
    title: String,
    planned: Decimal,
    executed: Decimal,
    rate: Option<Decimal>,
}

fn consumption_bars(report: &Report) -> Vec<ConsumptionBar> {
    report
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
        .collect()
}

/// Row height of the consumption chart; width of the bars (the rate is
/// written after them).
const CONSUMPTION_ROW: f64 = 50.0;
const CONSUMPTION_BARS: f64 = 520.0;
/// The planned bar: light, outlined; the executed bar: dark, thinner.
const PLANNED_FILL: &str = "#eef1f4";
const EXECUTED_FILL: &str = "#0d5c63";

fn rate_text(lang: Lang, rate: Option<Decimal>) -> String {
    rate.map(|r| format_percent(r, 0, lang))
        .unwrap_or_else(|| "—".into())
}

fn consumption_figure(lang: Lang, report: &Report) -> Option<AnyView> {
    let bars = consumption_bars(report);
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
        "{}. {}. {}",
        t(lang, Key::ChConsumptionHeading),
        alt_items.join(", "),
        t(lang, Key::ChSeeTable)
    );
    let mut drawing = Vec::with_capacity(bars.len() * 4);
    for (k, b) in bars.iter().enumerate() {
        let top = CONSUMPTION_ROW * k as f64;
        let bar_y = top + 18.0;
        let label = clip(format!("{} {}", b.number, b.title).trim(), 80);
        drawing.push(svg_text(0.0, top + 13.0, LABEL, label));
        drawing.push(rect(
            0.0,
            bar_y,
            scale_f64(b.planned, largest) * CONSUMPTION_BARS,
            24.0,
            PLANNED_FILL,
            Some(INK),
        ));
        drawing.push(rect(
            0.0,
            bar_y + 7.0,
            scale_f64(b.executed, largest) * CONSUMPTION_BARS,
            10.0,
            EXECUTED_FILL,
            None,
        ));
        drawing.push(svg_text(
            CONSUMPTION_BARS + 10.0,
            bar_y + 17.0,
            TextStyle {
                size: 14,
                bold: true,
                centred: false,
                halo: false,
            },
            rate_text(lang, b.rate),
        ));
    }
    let legend = vec![
        legend_item(
            vec![rect(0.5, 0.5, 15.0, 15.0, PLANNED_FILL, Some(INK))],
            t(lang, Key::ChPlannedLegend).into(),
        ),
        legend_item(
            vec![rect(0.0, 5.0, 16.0, 6.0, EXECUTED_FILL, None)],
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
    .map(|(k, num)| th_col(t(lang, *k).into(), *num))
    .collect();
    let body = bars
        .iter()
        .map(|b| {
            row(
                "",
                vec![
                    th_row(b.number.clone(), "bw-number", 1),
                    td(b.title.clone(), "", 1),
                    td_num(format_eur(b.planned, lang)),
                    td_num(format_eur(b.executed, lang)),
                    td_num(rate_text(lang, b.rate)),
                ],
            )
        })
        .collect();
    let data = table(
        "bw-chart-data",
        t(lang, Key::ChConsumptionCaption).into(),
        head,
        body,
        Vec::new(),
    );
    Some(chart(
        "bw-chart bw-consumption-chart",
        t(lang, Key::ChConsumptionHeading).into(),
        CONSUMPTION_ROW * bars.len() as f64 + 4.0,
        alt,
        drawing,
        legend,
        data,
    ))
}

/// Executed against planned for each action with execution figures, and the
/// consumption rate; nothing when the convention has no execution figures.
#[component]
pub fn ConsumptionChart(ws: Workspace) -> impl IntoView {
    let report = crate::summary::Figures::of(ws).0;
    dynamic(move || {
        let lang = ws.lang.get();
        report
            .with(|r| r.as_ref().and_then(|r| consumption_figure(lang, r)))
            .into_any()
    })
}
