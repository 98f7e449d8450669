//! The pages of a table: which actions a page shows, and the pager.

use super::budget_table::BlockKey;
use super::*;

impl GroupBlock {
    pub(super) fn key(&self) -> BlockKey {
        (self.id, self.name.clone())
    }
}

/// Where the page shown is among the pages of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Pager {
    pub(super) page: usize,
    pub(super) pages: usize,
    /// The positions of the first action shown and of the one after the last.
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) count: usize,
    /// Actions per page.
    pub(super) size: usize,
}

/// The part of the table shown: the actions of the page shown, the groups they
/// belong to (a group without actions shows on the last page), whether there
/// are other pages, and which cell takes the focus when none of the page has it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Page {
    pub(super) blocks: Vec<GroupBlock>,
    /// `None` on paper (the whole table) or when everything fits on a page of
    /// the smallest size.
    pub(super) pager: Option<Pager>,
    /// The first cell of the page, when the active cell is not on it.
    pub(super) refocus: Option<Option<(ActionId, usize)>>,
}

/// The page shown (tracks the page chosen and printing), once the grid knows
/// its columns and the order of the actions.
pub(super) fn page_data(grid: Grid, s: &Summary, columns: Vec<Column>) -> Page {
    grid.columns.set_value(columns);
    grid.order.set_value(Arc::clone(&s.order));
    let count = s.order.len();
    let size = grid.page_size.get().max(1);
    let pages = count.div_ceil(size).max(1);
    let page = grid.page.get().min(pages - 1);
    // On paper, the whole table (its headings repeat on each sheet).
    let printing = crate::words::is_printing();
    let (from, to) = if printing {
        (0, count)
    } else {
        (page * size, ((page + 1) * size).min(count))
    };
    let mut position = 0;
    let blocks: Vec<GroupBlock> = s
        .blocks
        .iter()
        .filter_map(|b| {
            let first = position;
            position += b.actions.len();
            let (lo, hi) = (from.max(first), to.min(position));
            let actions: Arc<[Arc<ActionLine>]> = if (lo, hi) == (first, position) {
                Arc::clone(&b.actions)
            } else {
                b.actions
                    .get(lo.saturating_sub(first)..hi.saturating_sub(first))
                    .map_or_else(|| Arc::from([]), Arc::from)
            };
            let keep =
                !actions.is_empty() || (b.actions.is_empty() && (printing || page == pages - 1));
            keep.then(|| GroupBlock {
                id: b.id,
                name: b.name.clone(),
                actions,
                subtotal: b.subtotal.clone(),
                executed: b.executed.clone(),
                consumption: b.consumption.clone(),
                carry_over: b.carry_over,
                received: b.received,
                figures: b.figures.clone(),
            })
        })
        .collect();
    // The first cell is in the tab order when no cell of the page is active.
    let on_page = grid.active.get_untracked().is_some_and(|(a, _)| {
        grid.order
            .with_value(|o| o.iter().position(|x| *x == a))
            .is_some_and(|p| (from..to).contains(&p))
    });
    let refocus = (!on_page).then(|| {
        blocks
            .iter()
            .flat_map(|b| b.actions.first())
            .next()
            .map(|a| (a.id, 0))
    });
    Page {
        blocks,
        pager: (count > PAGE_SIZES[0] && !printing).then_some(Pager {
            page,
            pages,
            from,
            to,
            count,
            size,
        }),
        refocus,
    }
}

/// The buttons going from one page of the table to the next.
pub(super) fn pager_view(grid: Grid, lang: Lang, p: Pager) -> impl IntoView {
    let Pager {
        page,
        pages,
        from,
        to,
        count,
        size,
    } = p;
    let size_id = format!("bw-page-size-{}", grid.prefix);
    let sizes = PAGE_SIZES
        .iter()
        .map(|&n| view! { <option value=n.to_string() selected={n == size}>{n.to_string()}</option> })
        .collect_view();
    view! {
        <nav class="bw-pager" aria-label=t(lang, Key::PagerLabel)>
            <button type="button" disabled={page == 0} on:click=move |_| grid.page.set(page.saturating_sub(1))>
                {t(lang, Key::PagerPrevious)}
            </button>
            <span>{format!("{} {} – {} {} {}", t(lang, Key::PagerActions), from + 1, to, t(lang, Key::PagerOf), count)}</span>
            <button type="button" disabled={page + 1 >= pages} on:click=move |_| grid.page.set(page + 1)>
                {t(lang, Key::PagerNext)}
            </button>
            <span class="bw-inline-field">
                <label for=size_id.clone()>{t(lang, Key::PagerSize)}</label>
                <select id=size_id on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                        grid.set_page_size(n);
                    }
                }>{sizes}</select>
            </span>
        </nav>
    }
}

/// The page shown and its pager, drawn at once (the execution table).
pub(super) fn page_of(
    grid: Grid,
    lang: Lang,
    s: &Summary,
    columns: Vec<Column>,
) -> (Vec<GroupBlock>, Option<AnyView>) {
    let page = page_data(grid, s, columns);
    if let Some(first) = page.refocus {
        grid.active.set(first);
    }
    let pager = page.pager.map(|p| pager_view(grid, lang, p).into_any());
    (page.blocks, pager)
}
