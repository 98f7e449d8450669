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
//! with the other views through [`crate::state::summary::Figures`]) and is displayed
//! with [`budget_core::money`]; `f64` is used only for pixel geometry.

mod consumption;
mod funding;

pub use consumption::ConsumptionChart;
pub use funding::FundingChart;

use std::sync::Arc;

use budget_core::figures::{self, rate};
use budget_core::money::{format_eur, format_percent};
use budget_core::report::{self, Report, Totals};
use budget_core::{Decimal, Lang};
use leptos::html;
use leptos::prelude::*;

use crate::state::Workspace;
use crate::ui::i18n::{chart_note, count, t, t_any, Key};
use crate::ui::view_util::{
    dynamic, px, ratio_f64, rect, scale_f64, svg_text, td, td_num, th_col, th_row, TextStyle,
};

/// Widest drawing (SVG user units, one per CSS pixel at most): the SVG
/// scales to its container, up to 48rem.
pub(super) const MAX_WIDTH: f64 = 640.0;
/// Narrowest drawing: below, the SVG shrinks with its text.
pub(super) const MIN_WIDTH: f64 = 280.0;

/// The width to draw a chart whose figure is `container` CSS pixels wide
/// (0: not laid out, hidden): the container's width in steps of 40, between
/// [`MIN_WIDTH`] and [`MAX_WIDTH`], so that the text keeps its size on a
/// narrow screen or in a narrow column of a host page instead of shrinking
/// with the drawing (14 units were 8 pixels on a 390-pixel phone).
pub(super) fn drawing_width(container: f64) -> f64 {
    if container <= 0.0 {
        return MAX_WIDTH;
    }
    ((container / 40.0).floor() * 40.0).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// How many characters of a label fit across a drawing `width` wide (80 at
/// 640, about 8 units a character at 14 units).
pub(super) fn label_chars(width: f64) -> usize {
    (width / 8.0) as usize
}

/// Fill of each funder (light, so that black text reads on them: contrast
/// above 9:1), in turn.
pub(super) const FILLS: [&str; 6] = [
    "#9ecae1", "#fdd49e", "#c7e9c0", "#dadaeb", "#fcbba1", "#d9d9d9",
];

/// Pattern over the fill of each funder, in turn (none for the first), so
/// that the bars can be told apart in black and white.
pub(super) const PATTERNS: [Option<&str>; 4] = [
    None,
    Some("url(#bw-pat-hatch)"),
    Some("url(#bw-pat-dots)"),
    Some("url(#bw-pat-cross)"),
];

/// Outline of the bars (the widget's ink colour).
pub(super) const INK: &str = "#1d2733";

pub(super) fn fill(funder: usize) -> &'static str {
    FILLS
        .get(funder % FILLS.len())
        .copied()
        .unwrap_or("#d9d9d9")
}

pub(super) fn pattern(funder: usize) -> Option<&'static str> {
    PATTERNS.get(funder % PATTERNS.len()).copied().flatten()
}

/// Shortens a label drawn in the SVG (the full text is in the table).
pub(super) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// "name : value" with the language's punctuation.
pub(super) fn labelled(lang: Lang, name: &str, value: &str) -> String {
    format!("{name}{}{value}", crate::ui::i18n::colon(lang))
}

/// The patterns of the funding chart.
pub(super) fn pattern_defs() -> AnyView {
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

/// A coordinate of a drawing. Compared and hashed by its bits, so that a
/// piece of a chart is drawn again only when its geometry changes (the
/// geometry is clamped: never NaN).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Px(f64);

impl Eq for Px {}

impl std::hash::Hash for Px {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

/// A shape of a drawing, as data: what it looks like decides whether it is
/// drawn again.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Shape {
    Rect {
        x: Px,
        y: Px,
        width: Px,
        height: Px,
        fill: &'static str,
        outlined: bool,
    },
    Text {
        x: Px,
        y: Px,
        style: TextStyle,
        text: String,
    },
}

impl Shape {
    fn rect(x: f64, y: f64, width: f64, height: f64, fill: &'static str, outlined: bool) -> Self {
        Shape::Rect {
            x: Px(x),
            y: Px(y),
            width: Px(width),
            height: Px(height),
            fill,
            outlined,
        }
    }

    fn text(x: f64, y: f64, style: TextStyle, text: String) -> Self {
        Shape::Text {
            x: Px(x),
            y: Px(y),
            style,
            text,
        }
    }

    fn view(&self) -> AnyView {
        match self {
            Shape::Rect {
                x,
                y,
                width,
                height,
                fill,
                outlined,
            } => rect(x.0, y.0, width.0, height.0, fill, outlined.then_some(INK)),
            Shape::Text { x, y, style, text } => svg_text(x.0, y.0, *style, text.clone()),
        }
    }
}

pub(super) fn shapes_view(shapes: &[Shape]) -> Vec<AnyView> {
    shapes.iter().map(Shape::view).collect()
}

/// The shapes of a funder's segment: its fill, then its pattern over it.
pub(super) fn funder_shapes(funder: usize, x: f64, y: f64, width: f64, height: f64) -> Vec<Shape> {
    std::iter::once(Shape::rect(x, y, width, height, fill(funder), true))
        .chain(pattern(funder).map(|p| Shape::rect(x, y, width, height, p, true)))
        .collect()
}

/// A cell of a chart's table of figures.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Cell {
    /// The row's header (`<th scope="row">`) with its class.
    Head(String, &'static str),
    Text(String),
    Number(String),
}

impl Cell {
    fn view(&self) -> AnyView {
        match self {
            Cell::Head(text, class) => th_row(text.clone(), class, 1),
            Cell::Text(text) => td(text.clone(), "", 1),
            Cell::Number(text) => td_num(text.clone()),
        }
    }
}

/// What a chart shows, as data: its caption, its drawing (one group of
/// shapes per bar), its legend and its table of figures. Bars and rows are
/// drawn keyed by what they show, so that a change redraws only the bars and
/// rows it changes: with a hundred groups, an edit redraws two bars, not the
/// whole chart.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Chart {
    class: &'static str,
    /// Whether its shapes use the hatch, dot and cross patterns.
    patterned: bool,
    caption: String,
    /// Said when the chart draws only its largest items (see [`MAX_BARS`]).
    note: Option<String>,
    /// Width of the drawing ([`drawing_width`]).
    width: f64,
    height: f64,
    alt: String,
    bars: Vec<Shapes>,
    legend: Vec<(Shapes, String)>,
    data_caption: String,
    head: Vec<(String, bool)>,
    rows: Vec<Cells>,
}

/// The shapes of a bar and the cells of a row, shared (not copied) between
/// the chart drawn before an edit and the one after it, and between a chart
/// and its keyed lists: an edit that changes two bars of a hundred copies
/// pointers for the others, and comparing them stops at the pointer.
type Shapes = Arc<[Shape]>;
type Cells = Arc<[Cell]>;

/// Draws the chart `model` gives (nothing while it gives none). The frame is
/// made once; the caption, legend and text alternative follow the model; bars
/// and table rows are keyed by their content and position.
pub(super) fn chart_view(model: Memo<Option<Chart>>, figure: NodeRef<html::Figure>) -> AnyView {
    let frame = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| (m.class, m.patterned))));
    dynamic(move || {
        let Some((class, patterned)) = frame.get() else {
            return ().into_any();
        };
        let field = move |f: fn(&Chart) -> String| move || model.with(|m| m.as_ref().map(f));
        // Each list keyed by position and content (see `keyed`): the legend
        // too, as an edit changes its amounts, not its swatches.
        let pieces = move |of: fn(&Chart) -> Vec<Piece>| {
            keyed(move || {
                model.with(|m| {
                    m.as_ref()
                        .map(|m| of(m).into_iter().enumerate().collect())
                        .unwrap_or_default()
                })
            })
        };
        let bars = pieces(|m| m.bars.iter().cloned().map(Piece::Bar).collect());
        let rows = pieces(|m| m.rows.iter().cloned().map(Piece::Row).collect());
        let legend = pieces(|m| {
            m.legend
                .iter()
                .cloned()
                .map(|(shapes, text)| Piece::Legend(shapes, text))
                .collect()
        });
        // Drawn again only when the headings change.
        let head = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.head.clone())));
        let head = move || {
            head.get().map(|head| {
                head.into_iter()
                    .map(|(text, num)| th_col(text, num))
                    .collect::<Vec<_>>()
            })
        };
        view! {
            <figure class=class node_ref=figure>
                <figcaption>{field(|m| m.caption.clone())}</figcaption>
                {move || model.with(|m| m.as_ref().and_then(|m| m.note.clone()).map(|note| view! { <p class="bw-hint">{note}</p> }))}
                <svg
                    class="bw-chart-svg"
                    viewBox=field(|m| format!("0 0 {} {}", px(m.width), px(m.height)))
                    role="img"
                    aria-label=field(|m| m.alt.clone())
                >
                    {patterned.then(pattern_defs)}
                    {bars}
                </svg>
                <ul class="bw-chart-legend">{legend}</ul>
                <div class="bw-scroll">
                    <table class="bw-chart-data">
                        <caption>{field(|m| m.data_caption.clone())}</caption>
                        <thead><tr>{head}</tr></thead>
                        <tbody>
                            {rows}
                        </tbody>
                    </table>
                </div>
            </figure>
        }
        .into_any()
    })
}

/// The width to draw a chart at ([`drawing_width`]), following the width of
/// its figure: measured in the frame after the figure is made and when the
/// window is resized (a phone turned, a host page's column narrowed). A
/// figure not laid out (in a hidden tab) keeps the last width.
pub(super) fn followed_width(figure: NodeRef<html::Figure>) -> RwSignal<f64> {
    let width = RwSignal::new(MAX_WIDTH);
    let measure = move || {
        let Some(el) = figure.get_untracked() else {
            return;
        };
        let container = f64::from(el.client_width());
        if container > 0.0 {
            let w = drawing_width(container);
            if w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if figure.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    width
}

/// A bar of a drawing or a row of a table of figures: one kind of keyed list
/// for both (each kind of list costs its own code in the bundle).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Piece {
    Bar(Shapes),
    Row(Cells),
    /// A legend entry: its swatch and its text.
    Legend(Shapes, String),
}

/// The pieces `items` gives, keyed by their position and content: a piece
/// is drawn again only when it changes.
pub(super) fn keyed(items: impl Fn() -> Vec<(usize, Piece)> + Send + Sync + 'static) -> AnyView {
    let items: std::sync::Arc<dyn Fn() -> Vec<(usize, Piece)> + Send + Sync> =
        std::sync::Arc::new(items);
    view! {
        <For
            each=move || items()
            key=|piece| piece.clone()
            children=|(_, piece)| match piece {
                Piece::Bar(shapes) => view! { <g>{shapes_view(&shapes)}</g> }.into_any(),
                Piece::Row(cells) => {
                    view! { <tr>{cells.iter().map(Cell::view).collect::<Vec<_>>()}</tr> }.into_any()
                }
                Piece::Legend(shapes, text) => legend_item(shapes_view(&shapes), text),
            }
        />
    }
    .into_any()
}

/// A legend entry: a small square drawn with `shapes`, then the text.
pub(super) fn legend_item(shapes: Vec<AnyView>, text: String) -> AnyView {
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

pub(super) const LABEL: TextStyle = TextStyle {
    size: 14,
    bold: false,
    centred: false,
    halo: false,
};

/// Most bars a chart draws one by one: beyond, the largest items and one bar
/// for the others ([`report::largest_items`]).
pub(super) const MAX_BARS: usize = 12;

#[cfg(test)]
mod tests {
    use super::consumption::*;
    use super::funding::*;
    use super::*;
    use budget_core::edit::{self, Column};
    use budget_core::read::read_table;
    use budget_core::report;

    /// Two axes (action 2's blank axis cell keeps it in axis 1); after the
    /// edit of action 2 (État 3 000 → 5 000), the bars taken again from the
    /// last drawing give the same chart as one drawn from nothing, in French
    /// and then in English: axis 1 now has État 50 000 + 5 000 = 55 000 of
    /// 50 000 + 50 000 + 5 000 + 18 000 = 123 000, 44,715… % → 44,72 %.
    #[test]
    fn bars_taken_again_give_the_chart_drawn_from_nothing() {
        let before = read_table(
            "N°\tIntitulé\tAxe\tPart Etat\tPart CD\n1\tMaraudes\tAxe 1\t50 000\t50 000\n2\tRéfugiés\t\t3 000\t18 000\n3\tSanté\tAxe 2\t1 000\t3 000\n",
        )
        .convention;
        let mut after = before.clone();
        edit::set_cell(&mut after, 1, Column::Planned(0), "5 000").unwrap();
        let (r1, r2) = (
            report::compute_figures(&before),
            report::compute_figures(&after),
        );
        let mut drawn = Vec::new();
        let first = funding_chart(Lang::Fr, &r1, MAX_WIDTH, &mut drawn).unwrap();
        assert_eq!(
            first,
            funding_chart(Lang::Fr, &r1, MAX_WIDTH, &mut Vec::new()).unwrap()
        );
        let again = funding_chart(Lang::Fr, &r2, MAX_WIDTH, &mut drawn).unwrap();
        assert_eq!(
            again,
            funding_chart(Lang::Fr, &r2, MAX_WIDTH, &mut Vec::new()).unwrap()
        );
        assert_ne!(again.rows[0], first.rows[0], "axis 1 changed");
        assert_eq!(again.rows[1], first.rows[1], "axis 2 did not");
        // Axis 2's bar and row are the ones drawn before, shared, not copies.
        assert!(Arc::ptr_eq(&again.bars[1], &first.bars[1]));
        assert!(Arc::ptr_eq(&again.rows[1], &first.rows[1]));
        assert!(!Arc::ptr_eq(&again.bars[0], &first.bars[0]));
        assert_eq!(
            again.rows[0][1],
            Cell::Number(format!("44,72{}%", '\u{a0}'))
        );
        let english = funding_chart(Lang::En, &r2, MAX_WIDTH, &mut drawn).unwrap();
        assert_eq!(
            english,
            funding_chart(Lang::En, &r2, MAX_WIDTH, &mut Vec::new()).unwrap()
        );
    }

    /// Fourteen axes, axis i with État i × 1 000 and CD 1 000: twelve bars
    /// at most, so the eleven largest (axes 4 to 14) one by one and axes 1–3
    /// together: État 1 000 + 2 000 + 3 000 = 6 000, CD 3 000, total 9 000,
    /// 66,67 % and 33,33 %; then the whole convention.
    #[test]
    fn a_chart_of_many_groups_draws_the_largest_and_the_others_together() {
        let mut table = String::from("N°\tIntitulé\tAxe\tPart Etat\tPart CD\n");
        for i in 1..=14 {
            table.push_str(&format!("{i}\tAction {i}\tAxe {i}\t{}\t1000\n", i * 1000));
        }
        let conv = read_table(&table).convention;
        let chart = funding_chart(
            Lang::Fr,
            &report::compute_figures(&conv),
            MAX_WIDTH,
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(chart.bars.len(), 13);
        assert_eq!(chart.rows.len(), 13);
        assert_eq!(chart.rows[0][0], Cell::Head("Axe 4".into(), ""));
        assert_eq!(chart.rows[10][0], Cell::Head("Axe 14".into(), ""));
        let pct = |s: &str| Cell::Number(format!("{s}{}%", '\u{a0}'));
        assert_eq!(
            chart.rows[11][..],
            [
                Cell::Head("Autres groupes (3)".into(), ""),
                pct("66,67"),
                pct("33,33"),
                Cell::Number(format!("9{}000,00{}€", '\u{202f}', '\u{a0}')),
            ]
        );
        let note = "Les 11 groupes au plus gros montant prévu, dans l’ordre du tableau, puis les 3 autres ensemble.";
        assert_eq!(chart.note.as_deref(), Some(note));
        assert!(chart.alt.contains(note));
        // Twelve axes: every one drawn, no note.
        let twelve: String = table.lines().take(13).map(|l| format!("{l}\n")).collect();
        let chart = funding_chart(
            Lang::Fr,
            &report::compute_figures(&read_table(&twelve).convention),
            MAX_WIDTH,
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(chart.rows.len(), 13);
        assert_eq!(chart.note, None);
    }

    /// Thirteen executed actions, action i planned i × 100 (État) and
    /// executed i × 50: the eleven largest (3 to 13) one by one, then actions
    /// 1 and 2 together: planned 300, executed 150, 50 %.
    #[test]
    fn a_consumption_chart_of_many_actions_draws_the_largest_and_the_others_together() {
        let mut table = String::from("N°\tIntitulé\tPart Etat\tDépenses exécutées part Etat\n");
        for i in 1..=13 {
            table.push_str(&format!("{i}\tAction {i}\t{}\t{}\n", i * 100, i * 50));
        }
        let conv = read_table(&table).convention;
        let chart =
            consumption_chart(Lang::En, &report::compute_figures(&conv), MAX_WIDTH).unwrap();
        assert_eq!(chart.rows.len(), 12);
        assert_eq!(chart.rows[0][0], Cell::Head("3".into(), "bw-number"));
        assert_eq!(
            chart.rows[11][1..],
            [
                Cell::Text("Other actions (2)".into()),
                Cell::Number("€300.00".into()),
                Cell::Number("€150.00".into()),
                Cell::Number("50%".into()),
            ]
        );
        assert_eq!(
            chart.note.as_deref(),
            Some("The 11 actions with the largest amounts, in table order, then the other 2 together.")
        );
    }

    /// The drawing follows its figure's width in steps of 40, from 280 to
    /// 640; a narrow drawing clips labels to fewer characters and shares
    /// its width: État 50 000 of 100 000 is 50 % of 360 = 180 units; the
    /// bars drawn for another width are not taken again.
    #[test]
    fn a_narrow_figure_gets_a_narrow_drawing_with_shorter_labels() {
        assert_eq!(drawing_width(0.0), 640.0);
        assert_eq!(drawing_width(1120.0), 640.0);
        assert_eq!(drawing_width(374.0), 360.0);
        assert_eq!(drawing_width(200.0), 280.0);
        assert_eq!((label_chars(640.0), label_chars(360.0)), (80, 45));
        let long = "x".repeat(60);
        let conv = read_table(&format!(
            "N°\tIntitulé\tAxe\tPart Etat\tPart CD\n1\tA\t{long}\t50 000\t50 000\n"
        ))
        .convention;
        let r = report::compute_figures(&conv);
        let mut drawn = Vec::new();
        let wide = funding_chart(Lang::Fr, &r, 640.0, &mut drawn).unwrap();
        let narrow = funding_chart(Lang::Fr, &r, 360.0, &mut drawn).unwrap();
        assert_eq!((wide.width, narrow.width), (640.0, 360.0));
        let label = |c: &Chart| match &c.bars[0][0] {
            Shape::Text { text, .. } => text.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(label(&wide), long);
        assert_eq!(label(&narrow), format!("{}…", "x".repeat(44)));
        let first_width = |c: &Chart| {
            c.bars[0]
                .iter()
                .find_map(|s| match s {
                    Shape::Rect { width, .. } => Some(width.0),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(first_width(&wide), 320.0);
        assert_eq!(first_width(&narrow), 180.0);
        // Consumption: bars over the width less 120 for the rate.
        let executed =
            read_table("N°\tIntitulé\tPart Etat\tDépenses exécutées part Etat\n1\tA\t100\t50\n")
                .convention;
        let chart =
            consumption_chart(Lang::Fr, &report::compute_figures(&executed), 360.0).unwrap();
        assert_eq!(first_width(&chart), 240.0);
    }
}
