//! The table of planned amounts (Budget view): one row per action, groups
//! with their computed subtotals, the toolbar, page by page.

use super::cell::cell;
use super::pager::{page_data, pager_view, Page};
use super::*;

pub(super) fn action_row(
    grid: Grid,
    lang: Lang,
    line: Arc<ActionLine>,
    funders: usize,
) -> impl IntoView {
    let a = line.id;
    let mut cells = Vec::with_capacity(funders + 2);
    let empty = t(lang, Key::EmptyCell);
    cells.push(
        cell(
            grid,
            lang,
            a,
            0,
            if line.number.is_empty() {
                empty.to_string()
            } else {
                line.number.clone()
            },
            "bw-number",
            None,
            true,
        )
        .into_any(),
    );
    cells.push(
        cell(
            grid,
            lang,
            a,
            1,
            if line.title.is_empty() {
                empty.to_string()
            } else {
                line.title.clone()
            },
            "bw-title",
            None,
            false,
        )
        .into_any(),
    );
    let total = match &line.amounts {
        Ok(amounts) => {
            for (f, v) in amounts.by_funder.iter().enumerate() {
                let formula = line.formulas.get(f).cloned().flatten();
                let class = if formula.is_some() {
                    "bw-num bw-formula"
                } else {
                    "bw-num"
                };
                cells.push(
                    cell(
                        grid,
                        lang,
                        a,
                        f + 2,
                        format_eur(*v, lang),
                        class,
                        formula,
                        false,
                    )
                    .into_any(),
                );
            }
            view! { <td class="bw-num bw-total">{format_eur(amounts.total, lang)}</td> }.into_any()
        }
        Err(e) => {
            view! { <td class="bw-error" colspan=(funders + 1).to_string()>{e.message(lang)}</td> }
                .into_any()
        }
    };
    let selected = move || grid.is_active_row(a);
    view! {
        <tr id=format!("bw-row-{a}") class:bw-selected=selected>
            {cells}
            {total}
            {if line.incomplete {
                view! {
                    <td class="bw-num"></td>
                    <td class="bw-breach">{t(lang, Key::CoFinUnread)}</td>
                }
                .into_any()
            } else {
                co_financing_cells(lang, line.co_financing.as_ref()).into_any()
            }}
        </tr>
    }
}

/// The buttons of a group's heading row: move, rename, remove.
pub(super) fn group_tools(grid: Grid, lang: Lang, id: GroupId, name: String) -> impl IntoView {
    let ws = grid.ws;
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let input_id = format!("bw-group-name-{id}");
    let label = format!("{} {}", t(lang, Key::GroupNewName), quoted(lang, &name));
    let input_id2 = input_id.clone();
    let rename = move || {
        let value = document()
            .get_element_by_id(&input_id2)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value());
        if let Some(v) = value {
            ws.edit(|c| edit::rename_group(c, id, &v));
        }
        renaming.set(false);
    };
    let rename2 = rename.clone();
    let n1 = name.clone();
    let n2 = name.clone();
    let n3 = name.clone();
    let n4 = name.clone();
    view! {
        <span class="bw-row-tools">
            <Show when=move || renaming.get()>
                <label class="bw-visually-hidden" for=input_id.clone()>{label.clone()}</label>
                <input id=input_id.clone() type="text" value=n1.clone()
                    on:keydown={
                        let rename = rename.clone();
                        move |ev: ev::KeyboardEvent| match ev.key().as_str() {
                            "Enter" => rename(),
                            "Escape" => renaming.set(false),
                            _ => {}
                        }
                    } />
                <button type="button" on:click={ let rename = rename2.clone(); move |_| rename() }>{t(lang, Key::Ok)}</button>
                <button type="button" on:click=move |_| renaming.set(false)>{t(lang, Key::Cancel)}</button>
            </Show>
            <Show when=move || !renaming.get() && !confirming.get()>
                <button type="button" aria-label=format!("{} {}", t(lang, Key::GroupUp), quoted(lang, &n2))
                    on:click=move |_| ws.edit(|c| { edit::move_group(c, id, true); })>"↑"</button>
                <button type="button" aria-label=format!("{} {}", t(lang, Key::GroupDown), quoted(lang, &n3))
                    on:click=move |_| ws.edit(|c| { edit::move_group(c, id, false); })>"↓"</button>
                <button type="button" on:click=move |_| { renaming.set(true); focus_later(format!("bw-group-name-{id}")); }>
                    {t(lang, Key::Rename)}
                </button>
                <button type="button" on:click=move |_| confirming.set(true)>{t(lang, Key::Remove)}</button>
            </Show>
            <Show when=move || confirming.get()>
                <button type="button" class="bw-danger"
                    on:click=move |_| { confirming.set(false); ws.edit(|c| { edit::remove_group_and_actions(c, id); }); }>
                    {format!("{} {}", t(lang, Key::ConfirmRemoveGroup), quoted(lang, &n4))}
                </button>
                <button type="button" on:click=move |_| confirming.set(false)>{t(lang, Key::Cancel)}</button>
            </Show>
        </span>
    }
}

/// A group's block of the page shown: its heading row, the rows of its actions
/// on the page and its subtotal. Each row follows its own action's line: an
/// edit draws again the row that changed and the subtotal, not the block.
pub(super) fn group_rows(
    grid: Grid,
    lang: Lang,
    page: Memo<Page>,
    key: BlockKey,
    funders: usize,
) -> impl IntoView {
    let (id, name) = key.clone();
    let name = name.unwrap_or_else(|| t(lang, Key::NoGroup).to_string());
    let span = (funders + 5).to_string();
    let key = StoredValue::new(key);
    // Runs `f` on this block of the page shown (tracked).
    let with_block = move |f: &dyn Fn(&GroupBlock) -> Option<Arc<ActionLine>>| {
        key.with_value(|key| page.with(|p| p.blocks.iter().find(|b| b.key() == *key).and_then(f)))
    };
    let ids = move || {
        key.with_value(|key| {
            page.with(|p| {
                p.blocks
                    .iter()
                    .find(|b| b.key() == *key)
                    .map(|b| b.actions.iter().map(|a| a.id).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let subtotal = Memo::new(move |_| {
        key.with_value(|key| {
            page.with(|p| {
                p.blocks
                    .iter()
                    .find(|b| b.key() == *key)
                    .and_then(|b| b.subtotal.clone())
            })
        })
    });
    let has_subtotal = Memo::new(move |_| subtotal.with(Option::is_some));
    let subtotal_name = name.clone();
    let row = move |a: ActionId| {
        let line =
            Memo::new(move |_| with_block(&|b| b.actions.iter().find(|l| l.id == a).cloned()));
        move || line.get().map(|l| action_row(grid, lang, l, funders))
    };
    let tools = id.map(|id| group_tools(grid, lang, id, name.clone()));
    view! {
        <tbody>
            <tr class="bw-group">
                <th scope="colgroup" colspan=span>
                    <span class="bw-group-name">{name.clone()}</span>
                    {tools}
                </th>
            </tr>
            <For each=ids key=|a| *a children=row />
            {move || has_subtotal.get().then(|| {
                view! {
                    <tr class="bw-subtotal">
                        <th scope="row" colspan="2">{format!("{} — {}", t(lang, Key::GroupSubtotal), subtotal_name)}</th>
                        {crate::grid::cells::live_amount_cells(lang, subtotal, funders)}
                        <td></td>
                        <td></td>
                    </tr>
                }
            })}
        </tbody>
    }
}

/// The buttons acting on the active row and the groups.
pub(super) fn toolbar(grid: Grid, lang: Lang) -> impl IntoView {
    let ws = grid.ws;
    let active_action = move || grid.active.get().map(|(a, _)| a);
    let add_action = move |_| {
        let active = grid.active.get_untracked();
        let group = ws.convention.with_untracked(|c| {
            c.as_ref().and_then(|c| match active {
                Some((a, _)) => c.actions.get(a).and_then(|a| a.group),
                None => c.actions.last().and_then(|a| a.group),
            })
        });
        let after = active.map(|(a, _)| a).or_else(|| {
            ws.convention
                .with_untracked(|c| c.as_ref().and_then(|c| c.actions.len().checked_sub(1)))
        });
        if let Ok(a) = ws.try_edit::<_, ()>(|c| Ok(edit::insert_action(c, after, group))) {
            grid.start(a, 1, Some(String::new()));
        }
    };
    let remove_action = move |_| {
        if let Some((a, col)) = grid.active.get_untracked() {
            ws.edit(|c| {
                edit::remove_action(c, a);
            });
            let len = ws
                .convention
                .with_untracked(|c| c.as_ref().map_or(0, |c| c.actions.len()));
            if len == 0 {
                grid.active.set(None);
            } else {
                grid.go(a.min(len - 1), col);
            }
        }
    };
    let move_action = move |up: bool| {
        if let Some((a, col)) = grid.active.get_untracked() {
            let moved = ws.try_edit(|c| edit::move_action(c, a, up).ok_or(()));
            if let Ok(to) = moved {
                grid.go(to, col);
            }
        }
    };
    let new_group = RwSignal::new(String::new());
    let add_group = move || {
        let name = new_group.get_untracked();
        let name = if name.trim().is_empty() {
            t(ws.lang.get_untracked(), Key::NewGroupDefault).to_string()
        } else {
            name
        };
        if let Ok((_, a)) = ws.try_edit::<_, ()>(|c| Ok(edit::add_group(c, &name))) {
            new_group.set(String::new());
            grid.start(a, 1, Some(String::new()));
        }
    };
    view! {
        <div class="bw-toolbar" role="toolbar" aria-label=t(lang, Key::TableTools)>
            <button type="button" on:click=add_action>{t(lang, Key::AddAction)}</button>
            <button type="button" disabled=move || active_action().is_none() on:click=remove_action>
                {t(lang, Key::RemoveAction)}
            </button>
            <button type="button" disabled=move || active_action().is_none() on:click=move |_| move_action(true)>
                {t(lang, Key::MoveUp)}
            </button>
            <button type="button" disabled=move || active_action().is_none() on:click=move |_| move_action(false)>
                {t(lang, Key::MoveDown)}
            </button>
            <span class="bw-inline-field">
                <label for="bw-new-group">{t(lang, Key::NewGroupLabel)}</label>
                <input id="bw-new-group" type="text" prop:value=move || new_group.get()
                    on:input=move |ev| new_group.set(event_target_value(&ev))
                    on:keydown=move |ev: ev::KeyboardEvent| if ev.key() == "Enter" { add_group() } />
                <button type="button" on:click=move |_| add_group()>{t(lang, Key::AddGroup)}</button>
            </span>
        </div>
    }
}

/// What a block of the table is known by from one edit to the next: its group
/// and the group's name (`None`, `None` for the actions without a group).
pub(super) type BlockKey = (Option<GroupId>, Option<String>);

/// The editable table of actions with computed subtotals and grand total.
/// Drawn once (per language and funders); after an edit, only the rows,
/// subtotals and totals that changed are drawn again.
pub fn budget_table(grid: Grid, lang: Lang, summary: Memo<Option<Summary>>) -> impl IntoView {
    let head = Memo::new(move |_| {
        summary.with(|s| {
            s.as_ref()
                .map(|s| (s.funders.clone(), s.max_state_share, s.split))
                .unwrap_or_default()
        })
    });
    let grand = Memo::new(move |_| summary.with(|s| s.as_ref().map(|s| s.grand.clone())));
    let page = Memo::new(move |_| {
        summary.with(|s| {
            s.as_ref()
                .map(|s| {
                    let mut columns = vec![Column::Number, Column::Title];
                    columns.extend((0..s.funders.len()).map(Column::Planned));
                    page_data(grid, s, columns)
                })
                .unwrap_or_default()
        })
    });
    Effect::new(move |_| {
        if let Some(first) = page.with(|p| p.refocus) {
            grid.active.set(first);
        }
    });
    let pager = Memo::new(move |_| page.with(|p| p.pager));
    let table = move || {
        let (names, max_share, split) = head.get();
        let funders = names.len();
        let funder_headers = names
            .into_iter()
            .map(|f| view! { <th scope="col" class="bw-num">{f}</th> })
            .collect_view();
        let max_share = format_percent(max_share, 0, lang);
        let blocks =
            move || page.with(|p| p.blocks.iter().map(GroupBlock::key).collect::<Vec<_>>());
        view! {
            <table class="bw-actions-table bw-grid" aria-describedby="bw-grid-hint">
                <caption>{t(lang, Key::ActionsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColNumber)}</th>
                        <th scope="col">{t(lang, Key::ColTitle)}</th>
                        {funder_headers}
                        <th scope="col" class="bw-num">{t(lang, Key::ColTotal)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColStateShare)}</th>
                        <th scope="col">{if split {
                            format!("{} (≤ {max_share})", t(lang, Key::ColCoFin))
                        } else {
                            format!("{} ({})", t(lang, Key::ColCoFin), t(lang, Key::NotApplicable))
                        }}</th>
                    </tr>
                </thead>
                <For each=blocks key=|k| k.clone() children=move |k| group_rows(grid, lang, page, k, funders) />
                <tfoot>
                    <tr class="bw-grand">
                        <th scope="row" colspan="2">{t(lang, Key::GrandTotal)}</th>
                        {crate::grid::cells::live_amount_cells(lang, grand, funders)}
                        <td></td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        }
    };
    view! {
        {toolbar(grid, lang)}
        <p id="bw-grid-hint" class="bw-hint">{t(lang, Key::GridHint)}</p>
        {move || grid.message.get().map(|m| view! { <p class="bw-error" role="alert">{m}</p> })}
        {move || pager.get().map(|p| pager_view(grid, lang, p))}
        <div class="bw-scroll">{table}</div>
    }
}
