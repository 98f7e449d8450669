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
    MappingHeading,
    MappingIntro,
    HeaderRowLabel,
    HeaderRowHint,
    ColumnsCaption,
    ColColumn,
    ColHeading,
    ColRole,
    RowsSummary,
    RowsDetails,
    ColRow,
    ColKind,
    ColContent,
    Confirm,
    UndoImport,
    RoleOf,
    FilesHeading,
    OpenFile,
    OpenFileHint,
    SaveJson,
    ExportCsv,
    ExportXlsx,
    StorageUnavailable,
    StorageFull,
    StorageFailed,
    StorageUnreadable,
    StorageKeptAs,
    DownloadUnreadable,
    Dismiss,
    OtherTabChanged,
    TakeTheirs,
    KeepMine,
    ColStateShare,
    ColCoFin,
    CoFinOk,
    CoFinExempt,
    CoFinBreach,
    CoFinOr,
    ExecutionCaption,
    ColPlanned,
    ColExecuted,
    ColRate,
    ColRemaining,
    ColUnspentState,
    ScdlHeading,
    ScdlIntro,
    ScdlAttribuant,
    ScdlNomAttribuant,
    ScdlIdAttribuant,
    ScdlDate,
    ScdlDecision,
    ScdlNomBeneficiaire,
    ScdlIdBeneficiaire,
    ScdlRna,
    ScdlNature,
    ScdlConditions,
    ScdlPeriode,
    ScdlUe,
    ScdlPourcentage,
    ScdlDispositif,
    ScdlRae,
    ScdlExport,
    ScdlBadPercent,
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
        Key::MappingHeading => ("Lecture du tableau", "How the table was read"),
        Key::MappingIntro => (
            "Vérifiez comment chaque colonne et chaque ligne a été comprise. Changez le sens d’une colonne ou la ligne d’en-tête si besoin : les totaux se mettent à jour. Validez, ou annulez l’import.",
            "Check how each column and row was understood. Change a column’s meaning or the header row if needed: the totals follow. Confirm, or undo the import.",
        ),
        Key::HeaderRowLabel => ("Ligne d’en-tête", "Header row"),
        Key::HeaderRowHint => ("0 si le tableau n’a pas d’en-tête", "0 if the table has no header"),
        Key::ColumnsCaption => ("Colonnes reconnues", "Columns as understood"),
        Key::ColColumn => ("Colonne", "Column"),
        Key::ColHeading => ("En-tête", "Heading"),
        Key::ColRole => ("Sens", "Meaning"),
        Key::RowsSummary => ("Lignes reconnues", "Rows as understood"),
        Key::RowsDetails => ("Voir chaque ligne", "See each row"),
        Key::ColRow => ("Ligne", "Row"),
        Key::ColKind => ("Comprise comme", "Understood as"),
        Key::ColContent => ("Contenu", "Content"),
        Key::Confirm => ("Valider la lecture", "Confirm"),
        Key::UndoImport => ("Annuler l’import", "Undo the import"),
        Key::RoleOf => ("Sens de la colonne", "Meaning of column"),
        Key::FilesHeading => ("Fichiers", "Files"),
        Key::OpenFile => ("Ouvrir un fichier", "Open a file"),
        Key::OpenFileHint => (
            "Excel (.xlsx, .xls), LibreOffice (.ods), CSV, TSV ou convention enregistrée (.json). Vous pouvez aussi déposer le fichier sur le calculateur. Le fichier est lu dans votre navigateur, il n’est envoyé nulle part.",
            "Excel (.xlsx, .xls), LibreOffice (.ods), CSV, TSV or a saved convention (.json). You can also drop the file on the calculator. The file is read in your browser and sent nowhere.",
        ),
        Key::SaveJson => ("Enregistrer la convention (.json)", "Save the convention (.json)"),
        Key::ExportCsv => ("Exporter pour Excel (.csv)", "Export for Excel (.csv)"),
        Key::ExportXlsx => ("Exporter l’annexe (.xlsx)", "Export the annex (.xlsx)"),
        Key::StorageUnavailable => (
            "Ce navigateur ne permet pas d’enregistrer votre travail ici : il sera perdu en fermant la page. Utilisez « Enregistrer la convention (.json) » pour le garder.",
            "This browser does not let the calculator keep your work: it will be lost when the page closes. Use “Save the convention (.json)” to keep it.",
        ),
        Key::StorageFull => (
            "L’espace de stockage du navigateur est plein : vos dernières modifications ne sont pas enregistrées. Vous pouvez continuer ; utilisez « Enregistrer la convention (.json) » pour les garder.",
            "The browser’s storage is full: your last changes are not kept. You can go on working; use “Save the convention (.json)” to keep them.",
        ),
        Key::StorageFailed => (
            "L’enregistrement automatique a échoué ; utilisez « Enregistrer la convention (.json) » pour garder votre travail.",
            "Autosave failed; use “Save the convention (.json)” to keep your work.",
        ),
        Key::StorageUnreadable => ("La convention enregistrée dans ce navigateur n’a pas pu être relue :", "The convention saved in this browser could not be read back:"),
        Key::StorageKeptAs => ("Son contenu est conservé sous la clé", "Its content is kept under the key"),
        Key::DownloadUnreadable => ("Télécharger la sauvegarde illisible", "Download the unreadable save"),
        Key::Dismiss => ("Fermer ce message", "Dismiss"),
        Key::OtherTabChanged => (
            "Cette convention a été modifiée dans un autre onglet. Rien n’a été écrasé : choisissez la version à garder.",
            "This convention was changed in another tab. Nothing was overwritten: choose which version to keep.",
        ),
        Key::TakeTheirs => ("Charger la version de l’autre onglet", "Load the other tab’s version"),
        Key::KeepMine => ("Garder la mienne", "Keep mine"),
        Key::ColStateShare => ("Part État", "State share"),
        Key::ColCoFin => ("Cofinancement", "Co-financing"),
        Key::CoFinOk => ("respecté", "complies"),
        Key::CoFinExempt => ("exempté", "exempt"),
        Key::CoFinBreach => ("dépassé : excédent État", "breached: State excess"),
        Key::CoFinOr => ("ou crédits Département manquants", "or Département money missing"),
        Key::ExecutionCaption => ("Exécution : dépenses réalisées et taux de consommation", "Execution: spending and consumption rates"),
        Key::ColPlanned => ("Prévu", "Planned"),
        Key::ColExecuted => ("Exécuté", "Executed"),
        Key::ColRate => ("Taux", "Rate"),
        Key::ColRemaining => ("Reste (prévu − exécuté)", "Remaining (planned − executed)"),
        Key::ColUnspentState => ("Crédit État non consommé", "Unspent State credit"),
        Key::ScdlHeading => ("Exporter pour l’open data (SCDL Subventions, .csv)", "Export for open data (SCDL Subventions, .csv)"),
        Key::ScdlIntro => ("Le format SCDL « Subventions » 2.1.1 demande des informations que la convention ne contient pas : complétez-les. Une ligne est écrite par action financée par l’attribuant.", "The SCDL “Subventions” 2.1.1 format asks for information the convention does not hold: fill it in. One row is written per action the attributing funder pays for."),
        Key::ScdlAttribuant => ("Financeur attribuant", "Attributing funder"),
        Key::ScdlNomAttribuant => ("Nom de l’attribuant (nomAttribuant)", "Attributing body’s name (nomAttribuant)"),
        Key::ScdlIdAttribuant => ("SIRET de l’attribuant, 14 chiffres (idAttribuant)", "Attributing body’s SIRET, 14 digits (idAttribuant)"),
        Key::ScdlDate => ("Date de la convention (dateConvention)", "Date of the convention (dateConvention)"),
        Key::ScdlDecision => ("Référence de la décision (referenceDecision)", "Reference of the decision (referenceDecision)"),
        Key::ScdlNomBeneficiaire => ("Nom du bénéficiaire (nomBeneficiaire)", "Beneficiary’s name (nomBeneficiaire)"),
        Key::ScdlIdBeneficiaire => ("SIRET du bénéficiaire (idBeneficiaire)", "Beneficiary’s SIRET (idBeneficiaire)"),
        Key::ScdlRna => ("RNA du bénéficiaire, W et 9 chiffres (rnaBeneficiaire)", "Beneficiary’s RNA, W and 9 digits (rnaBeneficiaire)"),
        Key::ScdlNature => ("Nature de l’aide (nature)", "Nature of the aid (nature)"),
        Key::ScdlConditions => ("Conditions de versement : unique ou échelonné (conditionsVersement)", "Payment terms: unique or échelonné (conditionsVersement)"),
        Key::ScdlPeriode => ("Dates ou période de versement, AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ (datesPeriodeVersement)", "Payment dates or period, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD (datesPeriodeVersement)"),
        Key::ScdlUe => ("Notification à l’Union européenne : oui ou non (notificationUE)", "Notified to the European Union: oui or non (notificationUE)"),
        Key::ScdlPourcentage => ("Part de la subvention pour ce bénéficiaire, de 0,01 à 1 (pourcentageSubvention)", "Share of the subsidy for this beneficiary, 0.01 to 1 (pourcentageSubvention)"),
        Key::ScdlDispositif => ("Dispositif d’aide (dispositifAide)", "Aid scheme (dispositifAide)"),
        Key::ScdlRae => ("Identifiant RAE, pour une aide aux entreprises (idRAE)", "RAE identifier, for aid to businesses (idRAE)"),
        Key::ScdlExport => ("Exporter le fichier SCDL (.csv)", "Export the SCDL file (.csv)"),
        Key::ScdlBadPercent => ("La part de la subvention n’est pas un nombre lisible.", "The share of the subsidy is not a readable number."),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// How a column's role is shown in the mapping preview.
pub fn role_label(lang: Lang, role: &budget_core::read::ColumnRole) -> String {
    use budget_core::read::{ColumnRole as R, FunderRef};
    use budget_core::Part;
    let fr = lang == Lang::Fr;
    let funder = |f: &FunderRef| match f {
        FunderRef::State => (if fr { "État" } else { "State" }).to_string(),
        FunderRef::Departement => "Département".to_string(),
        FunderRef::Other(name) => name.clone(),
    };
    let pick = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    match role {
        R::Ignored => pick("Ignorée", "Ignored"),
        R::Number => pick("N° de l’action", "Action number"),
        R::Title => pick("Intitulé", "Title"),
        R::Group => pick("Groupe (axe, mesure, volet)", "Group (axe, mesure, volet)"),
        R::BudgetLine => pick("Ligne budgétaire", "Budget line"),
        R::Service => pick("Service", "Service"),
        R::Comments => pick("Commentaires", "Comments"),
        R::Planned {
            funder: f,
            part,
            year,
        } => {
            let what = match (part, fr) {
                (Part::Base, true) => "Prévu",
                (Part::Base, false) => "Planned",
                (Part::CarryOver, true) => "Report N-1",
                (Part::CarryOver, false) => "Carry-over",
                (Part::Amendment, true) => "Avenant",
                (Part::Amendment, false) => "Amendment",
            };
            match year {
                Some(y) => format!("{what} {y} — {}", funder(f)),
                None => format!("{what} — {}", funder(f)),
            }
        }
        R::PlannedTotal => pick(
            "Total prévu (déclaré, vérifié)",
            "Planned total (declared, checked)",
        ),
        R::Committed(f) => format!("{} — {}", pick("Engagé", "Committed"), funder(f)),
        R::Executed(f) => format!("{} — {}", pick("Exécuté", "Executed"), funder(f)),
        R::ExecutedTotal => pick(
            "Total exécuté (déclaré, vérifié)",
            "Executed total (declared, checked)",
        ),
        R::ToCarryOver(f) => format!("{} — {}", pick("À reporter", "To carry over"), funder(f)),
        R::Rate => pick(
            "Taux de consommation (déclaré, vérifié)",
            "Consumption rate (declared, checked)",
        ),
        R::YearTotal(y) => format!(
            "{} {y} ({})",
            pick("Total", "Total"),
            pick("déclaré, vérifié", "declared, checked")
        ),
    }
}

/// How a row was understood, in the mapping preview.
pub fn row_kind_label(lang: Lang, kind: &budget_core::read::RowKind) -> &'static str {
    use budget_core::read::RowKind as K;
    let (fr, en) = match kind {
        K::Header => ("en-tête", "header"),
        K::Action(_) => ("action", "action"),
        K::GroupHeading(_) => ("groupe", "group"),
        K::Subtotal { .. } => ("sous-total déclaré", "declared subtotal"),
        K::GrandTotal { .. } => ("total déclaré", "declared total"),
        K::Empty => ("vide", "empty"),
        K::Ignored => ("ignorée", "ignored"),
    };
    if lang == Lang::Fr {
        fr
    } else {
        en
    }
}
