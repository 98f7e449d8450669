//! The funding chart: each funder's share of each group and of the whole.

use super::*;

/// One bar of the funding chart: a name and the shares of each funder.
#[derive(Clone, PartialEq)]
pub(super) struct FundingBar {
    label: String,
    total: Option<Decimal>,
    shares: Option<Vec<Decimal>>,
}

/// The bars of the funding chart (the groups, at most [`MAX_BARS`] of them,
/// then the whole convention) and, when some groups are drawn together, the
/// note that says so.
pub(super) fn funding_bars(lang: Lang, report: &Report) -> (Vec<FundingBar>, Option<String>) {
    let bar = |label: String, figures: &Totals| FundingBar {
        label,
        total: figures.planned.as_ref().map(|p| p.total),
        shares: figures.shares.clone(),
    };
    let blocks: Vec<(String, &Totals)> = report
        .ungrouped
        .iter()
        .map(|g| (t(lang, Key::NoGroup).to_string(), &g.figures))
        .chain(report.groups.iter().map(|g| (g.name.clone(), &g.figures)))
        .collect();
    let sizes: Vec<Option<Decimal>> = blocks
        .iter()
        .map(|(_, f)| f.planned.as_ref().map(|p| p.total))
        .collect();
    let shown = report::largest_items(&sizes, MAX_BARS);
    let mut bars: Vec<FundingBar> = shown
        .iter()
        .filter_map(|k| blocks.get(*k))
        .map(|(label, f)| bar(label.clone(), f))
        .collect();
    let others = blocks.len().saturating_sub(shown.len());
    let note = (others > 0).then(|| {
        // The others' amounts added up and split by the core; unknown when
        // one of them is.
        let planned = blocks
            .iter()
            .enumerate()
            .filter(|(k, _)| shown.binary_search(k).is_err())
            .map(|(_, (_, f))| f.planned.as_ref())
            .collect::<Option<Vec<_>>>()
            .and_then(|p| figures::aggregate(report.funders.len(), p).ok());
        bars.push(FundingBar {
            label: format!("{} ({})", t(lang, Key::ChOtherGroups), count(lang, others)),
            total: planned.as_ref().map(|p| p.total),
            shares: planned.and_then(|p| figures::shares(&p).ok().flatten()),
        });
        chart_note(lang, true, shown.len(), others)
    });
    bars.push(bar(t(lang, Key::ChOverall).to_string(), &report.grand));
    (bars, note)
}

/// Row height of the funding chart: name line, then the bar.
pub(super) const FUNDING_ROW: f64 = 54.0;
pub(super) const BAR_HEIGHT: f64 = 28.0;

/// The shapes of the `k`-th bar of the funding chart: its name and its
/// segments.
pub(super) fn funding_bar_shapes(lang: Lang, k: usize, bar: &FundingBar, width: f64) -> Vec<Shape> {
    let top = FUNDING_ROW * k as f64;
    let bar_y = top + 20.0;
    let label = clip(&bar.label, label_chars(width));
    let mut out = vec![Shape::text(0.0, top + 14.0, LABEL, label)];
    let mut x = 0.0;
    for (f, share) in bar.shares.iter().flatten().enumerate() {
        if share.is_zero() {
            continue;
        }
        let w = (ratio_f64(*share) * width).min(width - x).max(0.0);
        out.extend(funder_shapes(f, x, bar_y, w, BAR_HEIGHT));
        if w >= 56.0 {
            out.push(Shape::text(
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
    out
}

/// The `k`-th bar of the funding chart and its row of the table, drawn for
/// `bar` in `lang`: what [`funding_chart`] can take again from one edit to
/// the next when neither changed (an edit changes one group's bar and the
/// overall one).
#[derive(Clone)]
pub(super) struct DrawnBar {
    lang: Lang,
    width: f64,
    bar: FundingBar,
    shapes: Shapes,
    row: Cells,
}

pub(super) fn funding_row(lang: Lang, funders: usize, bar: &FundingBar) -> Vec<Cell> {
    let mut cells = vec![Cell::Head(bar.label.clone(), "")];
    cells.extend((0..funders).map(|f| {
        Cell::Number(
            bar.shares
                .as_ref()
                .and_then(|s| s.get(f))
                .map(|s| format_percent(*s, 2, lang))
                .unwrap_or_else(|| "—".into()),
        )
    }));
    cells.push(Cell::Number(
        bar.total
            .map(|v| format_eur(v, lang))
            .unwrap_or_else(|| "—".into()),
    ));
    cells
}

/// The funding chart of `report`; `None` when nothing is funded. `drawn`
/// holds the bars drawn last time: those whose group, position and language
/// are the same are taken from it, and it is left holding this chart's.
pub(super) fn funding_chart(
    lang: Lang,
    report: &Report,
    width: f64,
    drawn: &mut Vec<DrawnBar>,
) -> Option<Chart> {
    let grand_shares = report.grand.shares.clone()?;
    let names: Vec<String> = report.funders.iter().map(|f| f.name.clone()).collect();
    let overall: Vec<String> = names
        .iter()
        .zip(grand_shares.iter())
        .map(|(name, share)| labelled(lang, name, &format_percent(*share, 2, lang)))
        .collect();
    let (bars, note) = funding_bars(lang, report);
    let alt = format!(
        "{}. {}. {}{}",
        labelled(
            lang,
            t(lang, Key::ChFundingHeading),
            t(lang, Key::ChOverall)
        ),
        overall.join(", "),
        note.as_ref().map(|n| format!("{n} ")).unwrap_or_default(),
        t(lang, Key::ChSeeTable)
    );
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
            (
                funder_shapes(f, 0.5, 0.5, 15.0, 15.0).into(),
                format!("{text}{amount}"),
            )
        })
        .collect();
    let mut head = vec![(t(lang, Key::ChGroup).to_string(), false)];
    head.extend(names.iter().map(|n| (n.clone(), true)));
    head.push((t(lang, Key::ColTotal).to_string(), true));
    let previous = std::mem::take(drawn);
    *drawn = bars
        .into_iter()
        .enumerate()
        .map(|(k, bar)| match previous.get(k) {
            Some(d) if d.lang == lang && d.width == width && d.bar == bar => d.clone(),
            _ => DrawnBar {
                lang,
                width,
                shapes: funding_bar_shapes(lang, k, &bar, width).into(),
                row: funding_row(lang, names.len(), &bar).into(),
                bar,
            },
        })
        .collect();
    Some(Chart {
        class: "bw-chart bw-funding-chart",
        patterned: true,
        caption: t(lang, Key::ChFundingHeading).into(),
        note,
        width,
        height: FUNDING_ROW * drawn.len() as f64 + 4.0,
        alt,
        bars: drawn.iter().map(|d| d.shapes.clone()).collect(),
        legend,
        data_caption: t(lang, Key::ChFundingDataCaption).into(),
        head,
        rows: drawn.iter().map(|d| d.row.clone()).collect(),
    })
}

/// Each funder's share of each group and of the whole convention, as stacked
/// bars, with a legend (names, shares, amounts) and the figures in a table;
/// a sentence when nothing is funded.
#[component]
pub fn FundingChart(ws: Workspace) -> impl IntoView {
    let report = crate::state::summary::Figures::of(ws).after_frame();
    // Whether there are figures, and whether anything is funded.
    let state = Memo::new(move |_| report.with(|r| r.as_ref().map(|r| r.grand.shares.is_some())));
    let drawn = StoredValue::new(Vec::new());
    let figure = NodeRef::new();
    let width = followed_width(figure);
    let model = Memo::new(move |_| {
        let (lang, width) = (ws.lang.get(), width.get());
        report.with(|r| {
            drawn.try_update_value(|d| r.as_ref().and_then(|r| funding_chart(lang, r, width, d)))
        })?
    });
    dynamic(move || match state.get() {
        None => ().into_any(),
        Some(false) => {
            view! { <p class="bw-empty">{move || t(ws.lang.get(), Key::ChNoFunding)}</p> }
                .into_any()
        }
        Some(true) => chart_view(model, figure),
    })
}
