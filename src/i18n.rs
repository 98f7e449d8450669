//! Every text the widget shows, in French (default) and English.
//!
//! One table: [`Key`] names a text and [`t`] gives it in a language. The `match`
//! is exhaustive, so a key without both translations does not compile.

use budget_core::Lang;

/// A text of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    Tagline,
    SwitchLanguage,
    PasteHeading,
    PasteLabel,
    PasteHint,
    LoadExample,
    Clear,
    NothingYet,
    ActionsCaption,
    ColNumber,
    ColTitle,
    ColTotal,
    NoGroup,
    GroupSubtotal,
    GrandTotal,
    TotalsCaption,
    ColFunder,
    ColAmount,
    ColShare,
    ErrorsHeading,
    ErrorsIntro,
    Row,
    Column,
    ActionsCount,
    CalcErrorHeading,
    IgnoredRows,
    ChecksHeading,
    ChecksNone,
    ChecksCount,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (fr, en) = match key {
        Key::AppTitle => ("Calculateur budgétaire de convention", "Convention budget calculator"),
        Key::Tagline => (
            "Collez le tableau financier d’une convention État–Département : totaux, sous-totaux et parts de chaque financeur, au centime près. Rien ne quitte votre navigateur.",
            "Paste the financial table of a State–Département convention: totals, subtotals and each funder’s part, exact to the cent. Nothing leaves your browser.",
        ),
        Key::SwitchLanguage => ("English", "Français"),
        Key::PasteHeading => ("Tableau des actions", "Table of actions"),
        Key::PasteLabel => ("Tableau à coller (depuis Excel, LibreOffice ou un fichier texte)", "Table to paste (from Excel, LibreOffice or a text file)"),
        Key::PasteHint => (
            "Copiez les lignes du tableau dans votre tableur puis collez-les ici, ou appuyez sur Ctrl+V n’importe où dans le calculateur. Les lignes « Sous total » et « TOTAL » sont vérifiées, jamais additionnées.",
            "Copy the rows of the table in your spreadsheet and paste them here, or press Ctrl+V anywhere in the calculator. “Sous total” and “TOTAL” rows are checked, never added.",
        ),
        Key::LoadExample => ("Essayer avec un exemple (Vienne 2024)", "Try an example (Vienne 2024)"),
        Key::Clear => ("Effacer", "Clear"),
        Key::NothingYet => ("Aucun tableau pour l’instant : collez-en un pour voir les totaux.", "No table yet: paste one to see the totals."),
        Key::ActionsCaption => ("Actions et sous-totaux calculés par financeur", "Actions and computed subtotals per funder"),
        Key::ColNumber => ("N°", "No."),
        Key::ColTitle => ("Intitulé", "Title"),
        Key::ColTotal => ("Total", "Total"),
        Key::NoGroup => ("Sans groupe", "No group"),
        Key::GroupSubtotal => ("Sous-total calculé", "Computed subtotal"),
        Key::GrandTotal => ("Total général calculé", "Computed grand total"),
        Key::TotalsCaption => ("Totaux par financeur", "Totals per funder"),
        Key::ColFunder => ("Financeur", "Funder"),
        Key::ColAmount => ("Montant", "Amount"),
        Key::ColShare => ("Part", "Share"),
        Key::ErrorsHeading => ("Cellules illisibles", "Unreadable cells"),
        Key::ErrorsIntro => (
            "Ces cellules n’ont pas été comptées ; tout le reste l’a été. Corrigez-les dans votre tableur puis collez à nouveau.",
            "These cells were not counted; everything else was. Fix them in your spreadsheet and paste again.",
        ),
        Key::Row => ("Ligne", "Row"),
        Key::Column => ("colonne", "column"),
        Key::ActionsCount => ("actions", "actions"),
        Key::CalcErrorHeading => ("Calcul impossible", "Calculation impossible"),
        Key::IgnoredRows => ("lignes ignorées", "rows ignored"),
        Key::ChecksHeading => ("Vérifications", "Checks"),
        Key::ChecksNone => (
            "Aucune incohérence : les totaux déclarés correspondent aux montants des actions.",
            "No inconsistency: the declared totals match the actions’ amounts.",
        ),
        Key::ChecksCount => ("incohérences", "inconsistencies"),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}
