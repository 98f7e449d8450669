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
//! Every figure comes from [`budget_core::report::compute`] and is displayed
//! with [`budget_core::money`]; `f64` is used only for pixel geometry.

use budget_core::money::{format_eur, format_percent};
use budget_core::report::{self, Report};
use budget_core::{Decimal, Lang};
use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::Workspace;
use crate::view_util::{ratio_f64, scale_f64};

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

fn px(v: f64) -> String {
    format!("{v:.2}")
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
fn pattern_defs() -> impl IntoView {
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
}

/// A small square in a funder's fill and pattern, for the legend.
fn swatch(funder: usize) -> impl IntoView {
    view! {
        <svg class="bw-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="15" height="15" fill=fill(funder) stroke=INK />
            {pattern(funder).map(|p| view! { <rect x="0.5" y="0.5" width="15" height="15" fill=p stroke=INK /> })}
        </svg>
    }
}

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

fn funding_svg(lang: Lang, bars: &[FundingBar], alt: String) -> impl IntoView {
    let height = FUNDING_ROW * bars.len() as f64 + 4.0;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(k, bar)| {
            let top = FUNDING_ROW * k as f64;
            let bar_y = top + 20.0;
            let mut x = 0.0;
            let segments = bar
                .shares
                .iter()
                .flatten()
                .enumerate()
                .filter(|(_, s)| !s.is_zero())
                .map(|(f, share)| {
                    let w = (ratio_f64(*share) * WIDTH).min(WIDTH - x).max(0.0);
                    let x0 = x;
                    x += w;
                    let label = (w >= 56.0).then(|| {
                        view! {
                            <text
                                x=px(x0 + w / 2.0)
                                y=px(bar_y + BAR_HEIGHT / 2.0 + 5.0)
                                text-anchor="middle"
                                font-size="13"
                                fill="#000"
                                stroke="#fff"
                                stroke-width="3"
                                paint-order="stroke"
                            >
                                {format_percent(*share, 1, lang)}
                            </text>
                        }
                    });
                    view! {
                        <rect x=px(x0) y=px(bar_y) width=px(w) height=px(BAR_HEIGHT) fill=fill(f) stroke=INK stroke-width="1" />
                        {pattern(f).map(|p| view! {
                            <rect x=px(x0) y=px(bar_y) width=px(w) height=px(BAR_HEIGHT) fill=p stroke=INK stroke-width="1" />
                        })}
                        {label}
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text x="0" y=px(top + 14.0) font-size="14" fill="#000">{clip(&bar.label, 80)}</text>
                    {segments}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="bw-chart-svg"
            viewBox=format!("0 0 {} {}", WIDTH, px(height))
            role="img"
            aria-label=alt
        >
            {pattern_defs()}
            {rows}
        </svg>
    }
}

fn funding_figure(lang: Lang, report: &Report) -> AnyView {
    let Some(grand_shares) = report.grand.shares.clone() else {
        return view! { <p class="bw-empty">{t(lang, Key::ChNoFunding)}</p> }.into_any();
    };
    let names: Vec<String> = report.funders.iter().map(|f| f.name.clone()).collect();
    let grand_amounts = report.grand.planned.clone();
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
    let legend = names
        .iter()
        .enumerate()
        .map(|(f, name)| {
            let share = grand_shares.get(f).copied().unwrap_or_default();
            let amount = grand_amounts
                .as_ref()
                .map(|p| format!(" ({})", format_eur(p.funder(f), lang)))
                .unwrap_or_default();
            view! {
                <li>
                    {swatch(f)}
                    {format!("{}{amount}", labelled(lang, name, &format_percent(share, 2, lang)))}
                </li>
            }
        })
        .collect_view();
    let funder_headers = names
        .iter()
        .map(|n| view! { <th scope="col" class="bw-num">{n.clone()}</th> })
        .collect_view();
    let data_rows = bars
        .iter()
        .map(|bar| {
            let cells = names
                .iter()
                .enumerate()
                .map(|(f, _)| {
                    let text = bar
                        .shares
                        .as_ref()
                        .and_then(|s| s.get(f))
                        .map(|s| format_percent(*s, 2, lang))
                        .unwrap_or_else(|| "—".into());
                    view! { <td class="bw-num">{text}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{bar.label.clone()}</th>
                    {cells}
                    <td class="bw-num">{bar.total.map(|v| format_eur(v, lang)).unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="bw-chart bw-funding-chart">
            <figcaption>{t(lang, Key::ChFundingHeading)}</figcaption>
            {funding_svg(lang, &bars, alt)}
            <ul class="bw-chart-legend">{legend}</ul>
            <div class="bw-scroll">
                <table class="bw-chart-data">
                    <caption>{t(lang, Key::ChFundingDataCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::ChGroup)}</th>
                            {funder_headers}
                            <th scope="col" class="bw-num">{t(lang, Key::ColTotal)}</th>
                        </tr>
                    </thead>
                    <tbody>{data_rows}</tbody>
                </table>
            </div>
        </figure>
    }
    .into_any()
}

/// Each funder's share of each group and of the whole convention, as stacked
/// bars, with a legend (names, shares, amounts) and the figures in a table.
#[component]
pub fn FundingChart(ws: Workspace) -> impl IntoView {
    let report = Memo::new(move |_| ws.convention.with(|c| c.as_ref().map(report::compute)));
    move || {
        let lang = ws.lang.get();
        report.with(|r| r.as_ref().map(|r| funding_figure(lang, r)))
    }
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
    let height = CONSUMPTION_ROW * bars.len() as f64 + 4.0;
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
    let rows = bars
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let top = CONSUMPTION_ROW * k as f64;
            let bar_y = top + 18.0;
            let planned_w = scale_f64(b.planned, largest) * CONSUMPTION_BARS;
            let executed_w = scale_f64(b.executed, largest) * CONSUMPTION_BARS;
            let label = clip(format!("{} {}", b.number, b.title).trim(), 80);
            view! {
                <g>
                    <text x="0" y=px(top + 13.0) font-size="13" fill="#000">{label}</text>
                    <rect x="0" y=px(bar_y) width=px(planned_w) height="24" fill="#eef1f4" stroke=INK stroke-width="1" />
                    <rect x="0" y=px(bar_y + 7.0) width=px(executed_w) height="10" fill="#0d5c63" />
                    <text x=px(CONSUMPTION_BARS + 10.0) y=px(bar_y + 17.0) font-size="14" font-weight="bold" fill="#000">
                        {rate_text(lang, b.rate)}
                    </text>
                </g>
            }
        })
        .collect_view();
    let data_rows = bars
        .iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row" class="bw-number">{b.number.clone()}</th>
                    <td>{b.title.clone()}</td>
                    <td class="bw-num">{format_eur(b.planned, lang)}</td>
                    <td class="bw-num">{format_eur(b.executed, lang)}</td>
                    <td class="bw-num">{rate_text(lang, b.rate)}</td>
                </tr>
            }
        })
        .collect_view();
    Some(
        view! {
            <figure class="bw-chart bw-consumption-chart">
                <figcaption>{t(lang, Key::ChConsumptionHeading)}</figcaption>
                <svg
                    class="bw-chart-svg"
                    viewBox=format!("0 0 {} {}", WIDTH, px(height))
                    role="img"
                    aria-label=alt
                >
                    {rows}
                </svg>
                <ul class="bw-chart-legend">
                    <li>
                        <svg class="bw-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                            <rect x="0.5" y="0.5" width="15" height="15" fill="#eef1f4" stroke=INK />
                        </svg>
                        {t(lang, Key::ChPlannedLegend)}
                    </li>
                    <li>
                        <svg class="bw-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                            <rect x="0" y="5" width="16" height="6" fill="#0d5c63" />
                        </svg>
                        {t(lang, Key::ChExecutedLegend)}
                    </li>
                </ul>
                <div class="bw-scroll">
                    <table class="bw-chart-data">
                        <caption>{t(lang, Key::ChConsumptionCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(lang, Key::ColNumber)}</th>
                                <th scope="col">{t(lang, Key::ColTitle)}</th>
                                <th scope="col" class="bw-num">{t(lang, Key::ColPlanned)}</th>
                                <th scope="col" class="bw-num">{t(lang, Key::ColExecuted)}</th>
                                <th scope="col" class="bw-num">{t(lang, Key::ColRate)}</th>
                            </tr>
                        </thead>
                        <tbody>{data_rows}</tbody>
                    </table>
                </div>
            </figure>
        }
        .into_any(),
    )
}

/// Executed against planned for each action with execution figures, and the
/// consumption rate; nothing when the convention has no execution figures.
#[component]
pub fn ConsumptionChart(ws: Workspace) -> impl IntoView {
    let report = Memo::new(move |_| ws.convention.with(|c| c.as_ref().map(report::compute)));
    move || {
        let lang = ws.lang.get();
        report.with(|r| r.as_ref().and_then(|r| consumption_figure(lang, r)))
    }
}
