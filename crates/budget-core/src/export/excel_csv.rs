//! The CSV for French Excel ([`csv_excel_fr`]).

use super::*;

/// A CSV for French Excel: `;` between cells, UTF-8 with a BOM (so that Excel
/// does not take it for Windows-1252), CRLF line ends, amounts with a decimal
/// comma and no thousands separator (`93507,00`, so that Excel reads them as
/// numbers).
///
/// Rows: the convention's title (when it has one), the headings (number,
/// title, group, one column per funder, total), one row per action (the group
/// named on every row), a `Sous-total …` row after each group and a
/// `Total général` row (see the module documentation for the order and the
/// protection of text cells). A figure that cannot be computed (an overflow)
/// is written as `dépassement de capacité`, which the reader reports as an
/// unreadable amount.
pub fn csv_excel_fr(conv: &Convention) -> String {
    let funders = conv.funders.len();
    let amounts = |figures: Result<FunderAmounts, CalcError>| -> Vec<String> {
        match figures {
            Ok(f) => f
                .by_funder
                .iter()
                .chain(std::iter::once(&f.total))
                .map(|v| exact_amount(*v, ','))
                .collect(),
            Err(_) => vec!["dépassement de capacité".to_string(); funders + 1],
        }
    };
    let mut records: Vec<Vec<String>> = Vec::new();
    if !conv.title.trim().is_empty() {
        records.push(vec![protect(conv.title.trim())]);
    }
    let mut header = vec![
        NUMBER_HEADING.to_string(),
        TITLE_HEADING.to_string(),
        group_heading(conv).to_string(),
    ];
    header.extend((0..funders).map(|f| funder_heading(conv, f)));
    header.push(TOTAL_HEADING.to_string());
    records.push(header);

    let layout = Layout::new(conv);
    let action_row = |id: ActionId, group: &str| -> Vec<String> {
        let action = conv.actions.get(id);
        let mut row = vec![
            protect(action.map_or("", |a| a.number.trim())),
            protect(action.map_or("", |a| a.title.trim())),
            protect(group),
        ];
        row.extend(amounts(action_planned(conv, id)));
        row
    };
    for &id in &layout.ungrouped {
        records.push(action_row(id, ""));
    }
    for (group, actions) in &layout.groups {
        let name = conv.groups.get(*group).map_or("", |g| g.name.trim());
        for &id in actions {
            records.push(action_row(id, name));
        }
        let mut row = vec![
            String::new(),
            protect(&subtotal_label(conv, *group)),
            String::new(),
        ];
        row.extend(amounts(group_planned(conv, *group)));
        records.push(row);
    }
    let mut row = vec![String::new(), GRAND_TOTAL_LABEL.to_string(), String::new()];
    row.extend(amounts(grand_planned(conv)));
    records.push(row);

    let mut out = String::from('\u{FEFF}');
    out.push_str(&write_csv(&records, b';'));
    out
}
