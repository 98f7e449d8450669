//! Reading any text never panics, and keeps a row for every row of the table.

use budget_core::read::{read_table, read_table_with, ColumnRole, ReadOptions};
use proptest::prelude::*;

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,300}") {
        let _ = read_table(&text);
    }

    #[test]
    fn never_panics_on_table_like_text(
        text in "([a-zA-Z0-9 éÉ°=/*%€,.;\"()+-]{0,12}[\t\n\r;,]){0,60}"
    ) {
        let r = read_table(&text);
        // Row numbers are 1, 2, 3… with no gap.
        for (i, row) in r.rows.iter().enumerate() {
            prop_assert_eq!(row.row, i + 1);
        }
        // Every error points at an existing row and column.
        for e in &r.errors {
            prop_assert!(e.row >= 1 && e.row <= r.rows.len());
            prop_assert!(e.column >= 1 && e.column <= r.columns.len());
        }
    }

    #[test]
    fn never_panics_with_options(
        text in "([0-9a-z ,]{0,6}[\t\n]){0,30}",
        header_row in proptest::option::of(0usize..40),
        n in 0usize..6,
    ) {
        let options = ReadOptions {
            header_row,
            columns: Some(vec![ColumnRole::ExecutedTotal; n]),
            groups_from_subtotals: None,
            group_rows: None,
            amounts: Vec::new(),
        };
        let _ = read_table_with(&text, &options);
    }
}
