//! Every text the widget shows, in French (default) and English.
//!
//! One table: [`Key`] names a text and [`t`] gives it in a language. The `match`
//! is exhaustive, so a key without both translations does not compile.

use budget_core::Lang;

/// Defines [`Key`] and [`Key::ALL`], every key once.
macro_rules! keys {
    ($($key:ident,)*) => {
        /// A text of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key {
            $($key,)*
        }

        impl Key {
            /// Every key, in the order of the enum (for the tests of the table).
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }
    };
}

keys! {
    AppTitle,
    ViewLoading,
    ViewUnloaded,
    ExportUnloaded,
    ReaderUnavailable,
    WorkbenchUnloaded,
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
    CalcErrorHeading,
    IgnoredRows,
    ChecksHeading,
    ChecksNone,
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
    SheetsWorkerFailed,
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
    ScdlRequired,
    ScdlRefused,
    ScdlFieldOk,
    // table, tabs, history, settings
    PagerLabel,
    PagerPrevious,
    PagerNext,
    PagerActions,
    PagerOf,
    PagerSize,
    PasteSomeUnread,
    EditCell,
    EmptyCell,
    GroupNewName,
    Ok,
    Cancel,
    GroupUp,
    GroupDown,
    Rename,
    Remove,
    ConfirmRemoveGroup,
    NewGroupDefault,
    TableTools,
    AddAction,
    RemoveAction,
    MoveUp,
    MoveDown,
    NewGroupLabel,
    AddGroup,
    GridHint,
    GoToRow,
    TabBudget,
    TabExecution,
    TabTranches,
    TabYears,
    TabChecks,
    TabScenarios,
    TabSettings,
    ViewsLabel,
    Untitled,
    HistoryLabel,
    Undo,
    Redo,
    StartEmpty,
    NoExecution,
    ExecutedHint,
    SettingsIntro,
    SetTitle,
    SetTitleTaken,
    SetDepartement,
    SetYears,
    SetYearsBad,
    SetMaxShare,
    SetMaxShareBad,
    SetExemptions,
    SetExemptionsHint,
    // views: tranches, years, charts, scenarios
    TrHeading,
    TrIntro,
    TrNone,
    TrAddHeading,
    TrName,
    TrDefaultName,
    TrAction,
    TrNoAction,
    TrFindAction,
    TrPayer,
    TrNoPayer,
    TrTotal,
    TrTotalHint,
    TrAdd,
    TrAmountRequired,
    TrKeptPrevious,
    TrBadAmount,
    TrPresets,
    TrPreset6040,
    TrPreset7030,
    TrPreset100,
    TrAddInstalment,
    TrInstalment,
    TrKind,
    TrKindPercent,
    TrKindFixed,
    TrKindRemainder,
    TrRemainderNote,
    TrPercentValue,
    TrFixedValue,
    TrLabel,
    TrDate,
    TrAdjusted,
    TrRemoveInstalment,
    TrTableCaption,
    TrColLabel,
    TrAdjustedNote,
    TrIssues,
    TrNoIssue,
    TrExecutionHeading,
    TrTakeExecuted,
    TrPaid,
    TrAchievement,
    TrAchNone,
    TrAchSpending,
    TrAchUnits,
    TrSpending,
    TrUnits,
    TrUnitCost,
    TrSettlementNone,
    TrSettlementCaption,
    TrCommitment,
    TrAchieved,
    TrDue,
    TrPaidRow,
    TrToPay,
    TrRefund,
    TrRemove,
    TrConfirmRemove,
    TrCancel,
    YrHeading,
    YrNone,
    YrCaption,
    YrColYear,
    YrColChange,
    YrColChangePct,
    YrWithoutYear,
    YrActionsCaption,
    ChFundingHeading,
    ChOverall,
    ChOtherGroups,
    ChOtherActions,
    ChNoFunding,
    ChSeeTable,
    ChFundingDataCaption,
    ChGroup,
    ChConsumptionHeading,
    ChPlannedLegend,
    ChExecutedLegend,
    ChConsumptionCaption,
    CmpHeading,
    CmpIntro,
    CmpA,
    CmpB,
    CmpCurrent,
    CmpNothing,
    CmpGrandCaption,
    CmpGroupsCaption,
    CmpActionsCaption,
    CmpColDiff,
    CmpAbsent,
    CmpUnchanged,
    ConsHeading,
    ConsIntro,
    ConsPick,
    ConsNothing,
    ConsTooFew,
    ConsFundersCaption,
    ConsYearsCaption,
    ConsColYear,
    ConsWithoutYear,
    ConsNoYears,
    ConsPartsCaption,
    ConsColConvention,
    ConsColPart,
    ConsNotComputed,
    ConsRulesCaption,
    ConsColStateShare,
    ConsColStateMax,
    ConsColRule,
    ConsRuleMet,
    ConsRuleNone,
    // store: conventions, scenarios, share link
    LibHeading,
    LibIntro,
    LibNew,
    LibNone,
    LibOpen,
    LibOpened,
    LibRename,
    LibNewName,
    LibSaveName,
    LibNameTaken,
    LibDuplicate,
    LibDelete,
    LibDeleteQuestion,
    LibDeleteCurrent,
    LibDeleteConfirm,
    LibDeleted,
    LibRestore,
    LibChanged,
    LibEmpty,
    LibUnreadable,
    LibScenarioWord,
    LibListUnreadable,
    LibListRebuilt,
    LibListNotKept,
    LibConventionUnreadable,
    LibConventionStays,
    LibOtherTab,
    LibKeepAsNew,
    ShareHeading,
    ShareExplain,
    ShareBuild,
    ShareFailed,
    ShareLinkLabel,
    ShareCopy,
    ShareCopied,
    ShareSelected,
    SharedOffer,
    SharedQuestion,
    SharedAccept,
    SharedIgnore,
    SharedBroken,
    SharedNothingLost,
    GuessesHeading,
    GuessesIntro,
    ReportHeading,
    ReportIntro,
    ReportCaption,
    ColLine,
    ColWords,
    ColMeaning,
    ColAction,
    ReportFromSection,
    ReportChosen,
    MeaningOf,
    LeaveOut,
    UncertainHeading,
    UncertainIntro,
    UncertainTake,
    ChooseMeaning,
    NotSplit,
    NotApplicable,
    ReceivedCaption,
    ReceivedFrom,
    ReceivedAmount,
    ReceivedPlanned,
    ReceivedGap,
    ColCarryOver,
    ColInfo,
    YrChangeIn,
    YrColGroup,
    YrGroupsCaption,
    ColReading,
    ColReceived,
    CoFinUnread,
    ReadFromHeading,
    ReadGuessed,
    ReadChosen,
    // widget errors and notes with values ({…} filled by `fill`)
    LinkEmpty,
    LinkBadControl,
    LinkBadChar,
    LinkCut,
    LongLink,
    FetchUnreadable,
    FetchNoWindow,
    FetchNetwork,
    FetchRefused,
    LinkDamaged,
    LinkNotText,
    ChartNoteGroups,
    ChartNoteActions,
    CompareNoneChanges,
    CompareFirstChanged,
    CompareChanged,
    FoundBlank,
    FoundNone,
    FoundOne,
    FoundAll,
    FoundFirst,
    ChecksMore,
    CompareMore,
    ConsRuleBroken,
}

/// The text of `key` in `lang`.
/// Inlined, so that a caller naming its key holds only that key's two texts
/// and the first load does not hold the whole table; [`t_any`] is the one
/// copy for keys known only when the code runs.
#[inline(always)]
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
        Key::CalcErrorHeading => ("Calcul impossible", "Calculation impossible"),
        Key::IgnoredRows => ("lignes ignorées", "rows ignored"),
        Key::ChecksHeading => ("Vérifications", "Checks"),
        Key::ChecksNone => (
            "Aucune incohérence : les totaux déclarés correspondent aux montants des actions.",
            "No inconsistency: the declared totals match the actions’ amounts.",
        ),
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
        Key::SheetsWorkerFailed => (
            "le lecteur de classeurs n’a pas pu démarrer",
            "the workbook reader could not start",
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
        Key::ScdlIdAttribuant => ("SIRET de l’attribuant (idAttribuant)", "Attributing body’s SIRET (idAttribuant)"),
        Key::ScdlDate => ("Date de la convention (dateConvention)", "Date of the convention (dateConvention)"),
        Key::ScdlDecision => ("Référence de la décision (referenceDecision)", "Reference of the decision (referenceDecision)"),
        Key::ScdlNomBeneficiaire => ("Nom du bénéficiaire (nomBeneficiaire)", "Beneficiary’s name (nomBeneficiaire)"),
        Key::ScdlIdBeneficiaire => ("SIRET du bénéficiaire (idBeneficiaire)", "Beneficiary’s SIRET (idBeneficiaire)"),
        Key::ScdlRna => ("N° RNA du bénéficiaire (rnaBeneficiaire)", "Beneficiary’s RNA number (rnaBeneficiaire)"),
        Key::ScdlNature => ("Nature de l’aide (nature)", "Nature of the aid (nature)"),
        Key::ScdlConditions => ("Conditions de versement (conditionsVersement)", "Payment terms (conditionsVersement)"),
        Key::ScdlPeriode => ("Dates ou période de versement (datesPeriodeVersement)", "Payment dates or period (datesPeriodeVersement)"),
        Key::ScdlUe => ("Notification à la Commission européenne (notificationUE)", "Notified to the European Commission (notificationUE)"),
        Key::ScdlPourcentage => ("Part de la subvention pour ce bénéficiaire (pourcentageSubvention)", "Share of the subsidy for this beneficiary (pourcentageSubvention)"),
        Key::ScdlDispositif => ("Dispositif d’aide (dispositifAide)", "Aid scheme (dispositifAide)"),
        Key::ScdlRae => ("Identifiant RAE, pour une aide aux entreprises (idRAE)", "RAE identifier, for aid to businesses (idRAE)"),
        Key::ScdlExport => ("Exporter le fichier SCDL (.csv)", "Export the SCDL file (.csv)"),
        Key::ScdlRequired => ("À remplir : ce champ est obligatoire.", "To fill in: this field is required."),
        Key::ScdlRefused => ("Le fichier SCDL n’est pas écrit, rien d’invalide n’est publié. À reprendre :", "The SCDL file is not written: nothing invalid is published. To put right:"),
        Key::ScdlFieldOk => ("Forme juste.", "Right form."),
        // table, tabs, history, settings
        Key::PagerLabel => ("Pages du tableau", "Table pages"),
        Key::PagerPrevious => ("Page précédente", "Previous page"),
        Key::PagerNext => ("Page suivante", "Next page"),
        Key::PagerActions => ("Actions", "Actions"),
        Key::PagerOf => ("sur", "of"),
        Key::PagerSize => ("Actions par page", "Actions per page"),
        Key::PasteSomeUnread => ("Ces cellules collées n’ont pas pu être lues et sont restées telles quelles :", "These pasted cells could not be read and were left as they were:"),
        Key::EditCell => ("Modifier la cellule (Entrée pour valider, Échap pour annuler)", "Edit the cell (Enter to confirm, Escape to cancel)"),
        Key::EmptyCell => ("—", "—"),
        Key::GroupNewName => ("Nouveau nom du groupe", "New name of the group"),
        Key::Ok => ("Valider", "OK"),
        Key::Cancel => ("Annuler", "Cancel"),
        Key::GroupUp => ("Monter le groupe", "Move up the group"),
        Key::GroupDown => ("Descendre le groupe", "Move down the group"),
        Key::Rename => ("Renommer", "Rename"),
        Key::Remove => ("Supprimer", "Remove"),
        Key::ConfirmRemoveGroup => ("Confirmer la suppression du groupe et de ses actions", "Confirm removing the group and its actions"),
        Key::NewGroupDefault => ("Nouveau groupe", "New group"),
        Key::TableTools => ("Outils du tableau", "Table tools"),
        Key::AddAction => ("Ajouter une action", "Add an action"),
        Key::RemoveAction => ("Supprimer l’action sélectionnée", "Remove the selected action"),
        Key::MoveUp => ("Monter l’action", "Move the action up"),
        Key::MoveDown => ("Descendre l’action", "Move the action down"),
        Key::NewGroupLabel => ("Nom du nouveau groupe", "Name of the new group"),
        Key::AddGroup => ("Ajouter un groupe", "Add a group"),
        Key::GridHint => ("Cliquez sur une cellule ou utilisez les flèches ; Entrée ou la saisie directe pour modifier, Entrée pour valider, Tab pour passer à droite, Échap pour annuler, Suppr pour vider. Ctrl+V colle un bloc copié d’un tableur à partir de la cellule choisie. Les montants se tapent en français ou en anglais, et les calculs sont permis (=534,82*12). Ctrl+Z annule, Ctrl+Y rétablit.", "Click a cell or use the arrows; Enter or just typing edits, Enter confirms, Tab goes right, Escape cancels, Delete empties. Ctrl+V pastes a block copied from a spreadsheet from the chosen cell. Amounts may be typed in French or English, and calculations are allowed (=534.82*12). Ctrl+Z undoes, Ctrl+Y redoes."),
        Key::GoToRow => ("Aller à la ligne", "Go to the row"),
        Key::TabBudget => ("Budget", "Budget"),
        Key::TabExecution => ("Exécution", "Execution"),
        Key::TabTranches => ("Tranches", "Tranches"),
        Key::TabYears => ("Années", "Years"),
        Key::TabChecks => ("Vérifications", "Checks"),
        Key::TabScenarios => ("Scénarios", "Scenarios"),
        Key::TabSettings => ("Paramètres", "Settings"),
        Key::ViewLoading => ("Chargement de la vue…", "Loading the view…"),
        Key::ViewUnloaded => (
            "Cette vue n’a pas pu être chargée (réseau coupé lors de la première visite ?). Rechargez la page une fois connecté : elle sera ensuite disponible hors ligne.",
            "This view could not be loaded (network cut on the first visit?). Reload the page once online: it will then be available offline.",
        ),
        Key::ExportUnloaded => (
            "Cet export n’a pas pu être chargé (réseau coupé lors de la première visite ?). Rechargez la page une fois connecté : il sera ensuite disponible hors ligne.",
            "This export could not be loaded (network cut on the first visit?). Reload the page once online: it will then be available offline.",
        ),
        Key::ReaderUnavailable => (
            "Le calculateur n’a pas pu charger le lecteur de vos conventions enregistrées (réseau coupé ?). Rechargez la page une fois connecté : rien n’a été modifié.",
            "The calculator could not load the reader of your saved conventions (network cut?). Reload the page once online: nothing was changed.",
        ),
        Key::WorkbenchUnloaded => (
            "Le lecteur de tableaux n’a pas pu être chargé (réseau coupé lors de la première visite ?) : rien n’a été lu. Rechargez la page une fois connecté, puis recommencez : il sera ensuite disponible hors ligne.",
            "The table reader could not be loaded (network cut on the first visit?): nothing was read. Reload the page once online, then try again: it will then be available offline.",
        ),
        Key::ViewsLabel => ("Vues de la convention", "Views of the convention"),
        Key::Untitled => ("Convention sans titre", "Untitled convention"),
        Key::HistoryLabel => ("Historique des modifications", "Change history"),
        Key::Undo => ("Annuler", "Undo"),
        Key::Redo => ("Rétablir", "Redo"),
        Key::StartEmpty => ("Vous pouvez aussi saisir le tableau à la main.", "You can also type the table by hand."),
        Key::ExecutedHint => ("Saisissez ici les montants exécutés de chaque financeur, avec les mêmes touches que le tableau Budget (flèches, Entrée, Tab, Échap, Suppr, Ctrl+V pour un bloc, Ctrl+Z pour annuler). Une case vide veut dire : pas encore de montant exécuté connu.", "Type each funder’s executed amounts here, with the same keys as the Budget table (arrows, Enter, Tab, Escape, Delete, Ctrl+V for a block, Ctrl+Z to undo). An empty cell means: no executed amount known yet."),
        Key::NoExecution => ("Le tableau ne contient pas encore de montants exécutés : saisissez-les ci-dessous ou collez un rapport d’exécution (colonnes « consommés », « exécuté » ou « réalisé ») pour voir les taux de consommation.", "The table holds no executed amounts yet: type them below or paste an execution report (columns “consommés”, “exécuté” or “réalisé”) to see the consumption rates."),
        Key::SettingsIntro => ("Ces réglages sont enregistrés avec la convention. Chaque champ est pris en compte en le quittant.", "These settings are saved with the convention. Each field applies when you leave it."),
        Key::SetTitle => ("Titre de la convention", "Title of the convention"),
        Key::SetTitleTaken => (
            "Une autre convention de « Mes conventions » porte déjà ce titre : donnez-en un autre à celle-ci pour les distinguer dans la liste.",
            "Another convention in “My conventions” already has this title: give this one another to tell them apart in the list.",
        ),
        Key::SetDepartement => ("Département", "Département"),
        Key::SetYears => ("Années couvertes (2024, 2025 ou 2024-2027)", "Years covered (2024, 2025 or 2024-2027)"),
        Key::SetYearsBad => ("des années de 1900 à 2200 sont attendues, séparées par des virgules, ou un intervalle comme 2024-2027", "years from 1900 to 2200 are expected, separated by commas, or a range like 2024-2027"),
        Key::SetMaxShare => ("Part maximale de l’État (règle de cofinancement)", "Maximum State share (co-financing rule)"),
        Key::SetMaxShareBad => ("une part de 0 à 100 % est attendue (50, 50 % ou 0,5)", "a share from 0 to 100% is expected (50, 50% or 0.5)"),
        Key::SetExemptions => ("Exemptions de la règle de cofinancement", "Exemptions from the co-financing rule"),
        Key::SetExemptionsHint => ("Une par ligne : nom d’un groupe, ou numéro ou début de l’intitulé d’une action (majuscules et accents ignorés).", "One per line: a group’s name, or an action’s number or the start of its title (case and accents ignored)."),
        // views: tranches, years, charts, scenarios
        Key::TrHeading => ("Échéanciers de paiement", "Payment schedules"),
        Key::TrIntro => ("Découpez un engagement en tranches (pourcentage, montant ou solde), arrondies au centime ; après exécution, voyez le montant dû et le solde à verser ou le trop-perçu à reverser.", "Split a commitment into instalments (percentage, amount or balance), rounded to the cent; after execution, see the amount due and the balance to pay or the over-payment to refund."),
        Key::TrNone => ("Aucun échéancier pour l’instant.", "No payment schedule yet."),
        Key::TrAddHeading => ("Ajouter un échéancier", "Add a payment schedule"),
        Key::TrName => ("Nom de l’échéancier", "Name of the schedule"),
        Key::TrDefaultName => ("Échéancier", "Schedule"),
        Key::TrAction => ("Action financée", "Action paid for"),
        Key::TrNoAction => ("— aucune —", "— none —"),
        Key::TrFindAction => (
            "Chercher l’action (numéro ou mot de l’intitulé)",
            "Find the action (number or word of the title)",
        ),
        Key::TrPayer => ("Financeur qui verse", "Funder who pays"),
        Key::TrNoPayer => ("— non précisé —", "— not given —"),
        Key::TrTotal => ("Montant de l’engagement (€)", "Amount committed (€)"),
        Key::TrTotalHint => ("Par exemple 553 608,00 ou un calcul =534,82*12. Choisir une action y met le montant prévu par le financeur qui verse.", "For example 553 608,00 or a calculation =534,82*12. Choosing an action puts in the amount planned by the funder who pays."),
        Key::TrAdd => ("Ajouter l’échéancier", "Add the schedule"),
        Key::TrAmountRequired => ("Indiquez un montant.", "Give an amount."),
        Key::TrKeptPrevious => ("La valeur précédente est conservée.", "The previous value is kept."),
        Key::TrBadAmount => ("Montant illisible", "Unreadable amount"),
        Key::TrPresets => ("Plans prêts à l’emploi :", "Ready-made plans:"),
        Key::TrPreset6040 => ("60 % puis 40 %", "60% then 40%"),
        Key::TrPreset7030 => ("70 % puis 30 % ajusté au réalisé", "70% then 30% adjusted to what was achieved"),
        Key::TrPreset100 => ("100 % à la signature", "100% at signature"),
        Key::TrAddInstalment => ("Ajouter une tranche", "Add an instalment"),
        Key::TrInstalment => ("Tranche", "Instalment"),
        Key::TrKind => ("Type de part", "Kind of share"),
        Key::TrKindPercent => ("pourcentage", "percentage"),
        Key::TrKindFixed => ("montant fixe", "fixed amount"),
        Key::TrKindRemainder => ("solde (reste du total)", "balance (rest of the total)"),
        Key::TrRemainderNote => ("Cette tranche prend le reste du total.", "This instalment takes the rest of the total."),
        Key::TrPercentValue => ("Pourcentage du total (%)", "Percentage of the total (%)"),
        Key::TrFixedValue => ("Montant (€)", "Amount (€)"),
        Key::TrLabel => ("Libellé ou événement déclencheur", "Label or triggering event"),
        Key::TrDate => ("Date", "Date"),
        Key::TrAdjusted => ("ajustée à la réalisation", "adjusted to what was achieved"),
        Key::TrRemoveInstalment => ("Supprimer la tranche", "Remove instalment"),
        Key::TrTableCaption => ("Tranches calculées au centime", "Instalments to the cent"),
        Key::TrColLabel => ("Libellé ou événement", "Label or event"),
        Key::TrAdjustedNote => ("ajustée au réalisé", "adjusted to what was achieved"),
        Key::TrIssues => ("Points à vérifier", "To check"),
        Key::TrNoIssue => ("Les tranches font exactement le total de l’échéancier.", "The instalments add up exactly to the schedule’s total."),
        Key::TrExecutionHeading => ("Après exécution", "After execution"),
        Key::TrTakeExecuted => (
            "Reprendre les dépenses exécutées de l’action par ce financeur",
            "Use this funder’s executed spending on the action",
        ),
        Key::TrPaid => ("Déjà versé (€)", "Already paid (€)"),
        Key::TrAchievement => ("Réalisation", "Achievement"),
        Key::TrAchNone => ("pas encore connue", "not known yet"),
        Key::TrAchSpending => ("dépenses réalisées", "actual spending"),
        Key::TrAchUnits => ("unités réalisées × coût unitaire", "units achieved × unit cost"),
        Key::TrSpending => ("Dépenses réalisées (€)", "Actual spending (€)"),
        Key::TrUnits => ("Unités réalisées (postes, mois, personnes…)", "Units achieved (posts, months, people…)"),
        Key::TrUnitCost => ("Coût unitaire (€)", "Unit cost (€)"),
        Key::TrSettlementNone => ("Indiquez ce qui a été versé ou réalisé pour calculer le montant dû et le solde.", "Give what was paid or achieved to compute the amount due and the balance."),
        Key::TrSettlementCaption => ("Solde après exécution", "Balance after execution"),
        Key::TrCommitment => ("Engagement", "Commitment"),
        Key::TrAchieved => ("Réalisé", "Achieved"),
        Key::TrDue => ("Montant dû (réalisé plafonné à l’engagement)", "Amount due (achievement capped at the commitment)"),
        Key::TrPaidRow => ("Déjà versé", "Already paid"),
        Key::TrToPay => ("Solde à verser", "Balance to pay"),
        Key::TrRefund => ("Trop-perçu à reverser", "Over-payment to refund"),
        Key::TrRemove => ("Supprimer l’échéancier", "Remove the schedule"),
        Key::TrConfirmRemove => ("Confirmer la suppression", "Confirm removal"),
        Key::TrCancel => ("Annuler", "Cancel"),
        Key::YrHeading => ("Années", "Years"),
        Key::YrNone => ("Cette convention n’a pas de montants par année : les colonnes d’années d’un tableau collé, comme « 2024 » ou « Subvention 2025 », sont lues comme des années.", "This convention has no amounts per year: year columns of a pasted table, such as “2024” or “Subvention 2025”, are read as years."),
        Key::YrCaption => ("Enveloppe par année et par financeur", "Envelope per year and per funder"),
        Key::YrColYear => ("Année", "Year"),
        Key::YrColChange => ("Évolution sur l’année précédente", "Change from the previous year"),
        Key::YrColChangePct => ("Évolution (%)", "Change (%)"),
        Key::YrWithoutYear => ("Sans année", "No year"),
        Key::YrActionsCaption => ("Total de chaque action par année", "Each action’s total per year"),
        Key::ChFundingHeading => ("Répartition du financement", "Funding split"),
        Key::ChOverall => ("ensemble de la convention", "whole convention"),
        Key::ChOtherGroups => ("Autres groupes", "Other groups"),
        Key::ChOtherActions => ("Autres actions", "Other actions"),
        Key::ChNoFunding => ("Rien n’est prévu : aucune répartition à montrer.", "Nothing is planned: no split to show."),
        Key::ChSeeTable => ("Le détail figure dans le tableau qui suit.", "The details are in the table below."),
        Key::ChFundingDataCaption => ("Part de chaque financeur, par groupe et pour l’ensemble", "Each funder’s share, per group and overall"),
        Key::ChGroup => ("Groupe", "Group"),
        Key::ChConsumptionHeading => ("Consommation des crédits par action", "Consumption of the credits per action"),
        Key::ChPlannedLegend => ("Prévu (barre claire encadrée)", "Planned (light outlined bar)"),
        Key::ChExecutedLegend => ("Exécuté (barre foncée)", "Executed (dark bar)"),
        Key::ChConsumptionCaption => ("Prévu, exécuté et taux de consommation par action", "Planned, executed and consumption rate per action"),
        Key::CmpHeading => ("Comparer deux scénarios", "Compare two scenarios"),
        Key::CmpIntro => ("Choisissez deux versions de la convention : chaque écart B − A est signalé par ▲ (hausse) ou ▼ (baisse).", "Choose two versions of the convention: each difference B − A is marked ▲ (up) or ▼ (down)."),
        Key::CmpA => ("Version A", "Version A"),
        Key::CmpB => ("Version B", "Version B"),
        Key::CmpCurrent => ("Convention en cours", "Current convention"),
        Key::CmpNothing => ("Aucune convention à comparer pour l’instant.", "No convention to compare yet."),
        Key::CmpGrandCaption => ("Total général par financeur", "Grand total per funder"),
        Key::CmpGroupsCaption => ("Sous-total de chaque groupe", "Each group’s subtotal"),
        Key::CmpActionsCaption => ("Total de chaque action", "Each action’s total"),
        // No-break spaces: a narrow column breaks before « (B », not inside it.
        Key::CmpColDiff => ("Écart (B\u{a0}−\u{a0}A)", "Difference (B\u{a0}−\u{a0}A)"),
        Key::CmpAbsent => ("absente", "absent"),
        Key::CmpUnchanged => ("inchangé", "unchanged"),
        Key::ConsHeading => ("Consolider des conventions", "Consolidate conventions"),
        Key::ConsIntro => ("Cochez deux conventions gardées ou plus pour les voir ensemble : totaux par financeur et par année, part de chaque convention et règle de cofinancement de chacune.", "Tick two or more kept conventions to see them together: totals per funder and per year, each convention’s part and the co-financing rule of each."),
        Key::ConsPick => ("Conventions à consolider", "Conventions to consolidate"),
        Key::ConsNothing => ("Cochez au moins deux conventions pour les voir ensemble.", "Tick at least two conventions to see them together."),
        Key::ConsTooFew => ("Il faut au moins deux conventions gardées dans ce navigateur (Mes conventions) pour les consolider.", "At least two conventions kept in this browser (My conventions) are needed to consolidate them."),
        Key::ConsFundersCaption => ("Totaux consolidés par financeur", "Consolidated totals per funder"),
        Key::ConsYearsCaption => ("Totaux consolidés par année", "Consolidated totals per year"),
        Key::ConsColYear => ("Année", "Year"),
        Key::ConsWithoutYear => ("Sans année", "Without a year"),
        Key::ConsNoYears => ("Aucune de ces conventions ne répartit ses montants par année.", "None of these conventions splits its amounts by year."),
        Key::ConsPartsCaption => ("Part de chaque convention", "Each convention’s part"),
        Key::ConsColConvention => ("Convention", "Convention"),
        Key::ConsColPart => ("Part du total", "Part of the whole"),
        Key::ConsNotComputed => ("non calculable (voir ses vérifications)", "cannot be computed (see its checks)"),
        Key::ConsRulesCaption => ("Règle de cofinancement de chaque convention", "Co-financing rule of each convention"),
        Key::ConsColStateShare => ("Part de l’État", "State share"),
        Key::ConsColStateMax => ("Part maximale de l’État par action", "Maximum State share per action"),
        Key::ConsColRule => ("Règle de cofinancement", "Co-financing rule"),
        Key::ConsRuleMet => ("respectée pour chaque action", "met for every action"),
        Key::ConsRuleNone => ("non applicable (montants non répartis par financeur)", "not applicable (amounts not split by funder)"),
        // store: conventions, scenarios, share link
        Key::LibHeading => ("Mes conventions", "My conventions"),
        Key::LibIntro => ("Les conventions gardées dans ce navigateur, et rien qu’ici. Celle qui est ouverte est enregistrée à chaque modification ; en ouvrir une autre la garde d’abord.", "The conventions kept in this browser, and only here. The open one is saved at each change; opening another keeps it first."),
        Key::LibNew => ("Nouvelle convention", "New convention"),
        Key::LibNone => ("Aucune convention gardée pour l’instant : collez un tableau, il sera gardé ici.", "No convention kept yet: paste a table and it will be kept here."),
        Key::LibOpen => ("Ouvrir", "Open"),
        Key::LibOpened => ("(ouverte)", "(open)"),
        Key::LibRename => ("Renommer", "Rename"),
        Key::LibNewName => ("Nouveau nom pour", "New name for"),
        Key::LibSaveName => ("Enregistrer le nom", "Save the name"),
        Key::LibNameTaken => (
            "Une autre convention de ce navigateur porte déjà ce nom : choisissez-en un autre.",
            "Another convention in this browser already has this name: choose another one.",
        ),
        Key::LibDuplicate => ("Dupliquer en scénario", "Duplicate as a scenario"),
        Key::LibDelete => ("Supprimer", "Delete"),
        Key::LibDeleteQuestion => ("Supprimer de ce navigateur", "Delete from this browser"),
        Key::LibDeleteCurrent => ("C’est la convention ouverte : le calculateur sera vidé.", "It is the open convention: the calculator will be emptied."),
        Key::LibDeleteConfirm => ("Oui, supprimer", "Yes, delete"),
        Key::LibDeleted => ("Supprimée de ce navigateur", "Deleted from this browser"),
        Key::LibRestore => ("Rétablir", "Restore"),
        Key::LibChanged => ("Modifiée le", "Changed on"),
        Key::LibEmpty => ("vide", "empty"),
        Key::LibUnreadable => ("illisible", "unreadable"),
        Key::LibScenarioWord => ("scénario", "scenario"),
        Key::LibListUnreadable => ("La liste de vos conventions n’a pas pu être lue :", "The list of your conventions could not be read:"),
        Key::LibListRebuilt => ("Elle a été reconstituée à partir des conventions gardées dans ce navigateur.", "It was rebuilt from the conventions kept in this browser."),
        Key::LibListNotKept => ("Elle n’a pas pu être mise de côté (stockage plein) : elle ne sera pas remplacée ; téléchargez-la.", "It could not be set aside (storage full): it will not be replaced; download it."),
        Key::LibConventionUnreadable => ("La convention gardée", "The kept convention"),
        Key::LibConventionStays => ("Elle reste dans ce navigateur telle quelle ; vous pouvez la télécharger.", "It stays in this browser as it is; you can download it."),
        Key::LibOtherTab => ("Une autre fenêtre de ce navigateur a ouvert une autre convention. Ce qui est affiché ici n’est plus suivi dans « Mes conventions » : ouvrez une convention de la liste, chargez la version de l’autre fenêtre, ou gardez celle-ci comme nouvelle convention.", "Another window of this browser opened another convention. What is shown here is no longer followed in “My conventions”: open a convention from the list, load the other window’s version, or keep this one as a new convention."),
        Key::LibKeepAsNew => ("Garder comme nouvelle convention", "Keep as a new convention"),
        Key::ShareHeading => ("Partager par un lien", "Share by link"),
        Key::ShareExplain => ("Le lien contient les données de la convention elles-mêmes, compressées. Elles ne sont jamais envoyées à un serveur : la partie du lien après « # » reste dans le navigateur. Toute personne qui a le lien peut lire la convention.", "The link holds the convention’s data itself, compressed. It is never sent to a server: the part of the link after “#” stays in the browser. Anyone with the link can read the convention."),
        Key::ShareBuild => ("Copier le lien de partage", "Copy the share link"),
        Key::ShareFailed => ("Le lien n’a pas pu être fabriqué :", "The link could not be made:"),
        Key::ShareLinkLabel => ("Lien de partage (lecture seule)", "Share link (read-only)"),
        Key::ShareCopy => ("Copier", "Copy"),
        Key::ShareCopied => ("Lien copié dans le presse-papiers.", "Link copied to the clipboard."),
        Key::ShareSelected => ("Copie automatique impossible : le lien est sélectionné, appuyez sur Ctrl+C pour le copier.", "Automatic copy impossible: the link is selected, press Ctrl+C to copy it."),
        Key::SharedOffer => ("Ce lien contient une convention partagée :", "This link holds a shared convention:"),
        Key::SharedQuestion => ("L’ajouter à « Mes conventions » et l’ouvrir ? La convention en cours reste gardée dans la liste.", "Add it to “My conventions” and open it? The current convention stays kept in the list."),
        Key::SharedAccept => ("Ouvrir comme nouvelle convention", "Open as a new convention"),
        Key::SharedIgnore => ("Ignorer", "Ignore"),
        Key::SharedBroken => ("Le lien de partage n’a pas pu être lu :", "The share link could not be read:"),
        Key::SharedNothingLost => ("Rien n’a été modifié.", "Nothing was changed."),
        Key::ReportHeading => ("Montants lus dans le texte d’un rapport", "Amounts read from the text of a report"),
        Key::ReportIntro => (
            "Le texte collé est celui d’un rapport : chaque montant est pris avec le sens que lui donnent les mots qui le précèdent (« Report Etat 2021 : 24 600 € »). Vérifiez chaque ligne ; changez un sens si besoin.",
            "The pasted text is a report’s: each amount is taken with the meaning the words before it give (“Report Etat 2021 : 24 600 €”). Check each line; change a meaning if needed.",
        ),
        Key::ReportCaption => ("Montants pris, avec leur ligne et les mots lus", "Amounts taken, with their line and the words read"),
        Key::ColLine => ("Ligne", "Line"),
        Key::ColWords => ("Mots lus", "Words read"),
        Key::ColMeaning => ("Sens", "Meaning"),
        Key::ColAction => ("Action", "Action"),
        Key::ReportFromSection => ("d’après « {heading} » (ligne {line})", "from “{heading}” (line {line})"),
        Key::ReportChosen => ("sens choisi", "meaning chosen"),
        Key::MeaningOf => ("Sens du montant {amount} de la ligne {line}", "Meaning of the amount {amount} on line {line}"),
        Key::LeaveOut => ("Laisser de côté", "Leave out"),
        Key::UncertainHeading => ("Montants au sens incertain : non comptés", "Amounts of uncertain meaning: not counted"),
        Key::UncertainIntro => (
            "Ces montants sont dans des phrases, ou leurs mots ne disent pas assez ce qu’ils sont. Ils ne sont comptés nulle part tant que vous ne leur donnez pas un sens.",
            "These amounts are in sentences, or their words do not say enough of what they are. They are counted nowhere until you give them a meaning.",
        ),
        Key::UncertainTake => ("Compter comme : {meaning}", "Count as: {meaning}"),
        Key::ChooseMeaning => ("— choisir un sens —", "— choose a meaning —"),
        Key::GuessesHeading => ("Ce que la lecture a supposé", "What the reading assumed"),
        Key::GuessesIntro => (
            "Le tableau ne le dit pas clairement : vérifiez, ou choisissez l’autre lecture.",
            "The table does not say it plainly: check it, or choose the other reading.",
        ),
        Key::NotSplit => (
            "Montants non répartis par financeur : les parts et la règle de cofinancement ne s’appliquent pas.",
            "Amounts not split by funder: shares and the co-financing rule do not apply.",
        ),
        Key::NotApplicable => ("non applicable", "not applicable"),
        Key::ReceivedCaption => ("Recettes reçues des financeurs", "Money received from funders"),
        Key::ReceivedFrom => ("De", "From"),
        Key::ReceivedAmount => ("Reçu", "Received"),
        Key::ReceivedPlanned => ("Part prévue", "Planned part"),
        Key::ReceivedGap => ("Écart (reçu − prévu)", "Difference (received − planned)"),
        Key::ColCarryOver => ("À reporter (demandé)", "To carry over (requested)"),
        Key::ColInfo => ("Service, commentaires", "Service, comments"),
        Key::YrChangeIn => ("Évolution", "Change"),
        Key::ColReading => ("Lecture", "Reading"),
        Key::ColReceived => ("Reçu (recettes)", "Received"),
        Key::CoFinUnread => ("non calculable : un montant est illisible", "unknown: an amount could not be read"),
        Key::ReadFromHeading => ("lue dans l’en-tête", "read from the heading"),
        Key::ReadGuessed => ("supposée", "assumed"),
        Key::ReadChosen => ("choisie", "chosen"),
        Key::YrColGroup => ("Groupe", "Group"),
        Key::YrGroupsCaption => ("Total de chaque groupe par année", "Each group’s total per year"),
        Key::LinkEmpty => ("le lien ne contient aucune donnée après « #c= »", "the link holds no data after “#c=”"),
        Key::LinkBadControl => ("caractère U+{code} inattendu en position {position} des données", "unexpected character U+{code} at position {position} of the data"),
        Key::LinkBadChar => ("caractère « {found} » inattendu en position {position} des données", "unexpected character “{found}” at position {position} of the data"),
        Key::LinkCut => ("les données sont coupées (lien incomplet ?)", "the data is cut short (incomplete link?)"),
        Key::LongLink => (
            "Ce lien fait {n} caractères : certaines messageries et certains logiciels de courriel coupent les liens aussi longs. Pour une grande convention, envoyez plutôt le fichier enregistré (.json).",
            "This link is {n} characters long: some messaging tools and mail programs cut links this long. For a big convention, send the saved file (.json) instead.",
        ),
        Key::FetchUnreadable => ("réponse illisible", "unreadable response"),
        Key::FetchNoWindow => ("pas de fenêtre", "no window"),
        Key::FetchNetwork => ("erreur réseau", "network error"),
        Key::FetchRefused => ("adresse refusée (seule une convention du même site peut être chargée)", "address refused (only a convention from the same site can be loaded)"),
        Key::LinkDamaged => ("les données sont abîmées (lien incomplet ou modifié ?)", "the data is damaged (incomplete or changed link?)"),
        Key::LinkNotText => ("les données ne sont pas du texte (lien modifié ?)", "the data is not text (changed link?)"),
        Key::ChartNoteGroups => ("Les {shown} groupes au plus gros montant prévu, dans l’ordre du tableau, puis les {others} autres ensemble.", "The {shown} groups with the largest planned amounts, in table order, then the other {others} together."),
        Key::ChartNoteActions => ("Les {shown} actions aux plus gros montants, dans l’ordre du tableau, puis les {others} autres ensemble.", "The {shown} actions with the largest amounts, in table order, then the other {others} together."),
        Key::CompareNoneChanges => ("Aucune des {total} actions ne change.", "None of the {total} actions changes."),
        Key::CompareFirstChanged => ("Seules les actions qui changent sont listées : les {max} premières des {changed} qui changent, sur {total}.", "Only the actions that change are listed: the first {max} of the {changed} that change, of {total}."),
        Key::CompareChanged => ("Seules les actions qui changent sont listées : {changed} sur {total}.", "Only the actions that change are listed: {changed} of {total}."),
        Key::FoundBlank => ("La liste montre les {max} premières des {total} actions : tapez un numéro ou un mot de l’intitulé pour trouver les autres.", "The list shows the first {max} of the {total} actions: type a number or a word of the title to find the others."),
        Key::FoundNone => ("Aucune action ne correspond.", "No action matches."),
        Key::FoundOne => ("1 action correspond : elle est dans la liste.", "1 action matches: it is in the list."),
        Key::FoundAll => ("{matching} actions correspondent : elles sont dans la liste.", "{matching} actions match: they are in the list."),
        Key::FoundFirst => ("{matching} actions correspondent : la liste montre les {max} premières.", "{matching} actions match: the list shows the first {max}."),
        Key::ChecksMore => ("Afficher les {n} autres incohérences", "Show the other {n} inconsistencies"),
        Key::CompareMore => ("Lister les {n} autres actions qui changent", "List the other {n} actions that change"),
        Key::ConsRuleBroken => ("non respectée pour {actions} sur {total}", "not met for {actions} of {total}"),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// [`t`] for a key known only when the code runs (a tab, a column of a
/// table): one copy of the table, in the chunks of the views that call it.
#[inline(never)]
pub fn t_any(lang: Lang, key: Key) -> &'static str {
    t(lang, key)
}

/// The text of `key` in `lang` with each `{name}` replaced by its value in
/// `values`, in one pass, by the core's [`budget_core::messages::fill`] (a
/// name not given stays as written, which the tests catch).
#[inline(always)]
pub fn fill(lang: Lang, key: Key, values: &[(&str, &str)]) -> String {
    let values: Vec<(&str, &dyn std::fmt::Display)> = values
        .iter()
        .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
        .collect();
    budget_core::messages::fill(t(lang, key), &values)
}

#[cfg(test)]
use budget_core::messages::placeholders;

/// `text` between the quotation marks of `lang`: « text » in French,
/// “text” in English. User text stays text: the result goes into text nodes
/// and attribute values only.
pub fn quoted(lang: Lang, text: impl std::fmt::Display) -> String {
    let (open, close) = quote_marks(lang);
    format!("{open}{text}{close}")
}

/// The quotation marks of `lang`, with the spaces French puts inside them:
/// for text that is not a plain string (a title in bold, see [`quoted`]).
pub fn quote_marks(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => ("« ", " »"),
        Lang::En => ("\u{201C}", "\u{201D}"),
    }
}

/// What separates a statement from its explanation: " : " in French (a space
/// before the colon), ": " in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

/// A count of things, grouped as numbers are (`9 989`, `9,989`).
pub fn count(lang: Lang, n: usize) -> String {
    budget_core::money::format_number(budget_core::Decimal::from(n), 0, lang)
}

/// What [`counted`] counts.
#[derive(Clone, Copy)]
pub enum Noun {
    Action,
    Inconsistency,
}

/// `n` actions or inconsistencies, the number grouped as numbers are, the
/// noun singular for one (and for none in French: « 0 action »): « 1 action »,
/// « 10 000 actions », “1 inconsistency”.
pub fn counted(lang: Lang, n: usize, noun: Noun) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    let word = match (noun, lang, singular) {
        (Noun::Action, _, true) => "action",
        (Noun::Action, _, false) => "actions",
        (Noun::Inconsistency, Lang::Fr, true) => "incohérence",
        (Noun::Inconsistency, Lang::Fr, false) => "incohérences",
        (Noun::Inconsistency, Lang::En, true) => "inconsistency",
        (Noun::Inconsistency, Lang::En, false) => "inconsistencies",
    };
    format!("{}\u{a0}{word}", count(lang, n))
}

/// The note of a chart that draws only the largest of its items one by one:
/// `shown` groups (or actions), then the `others` together.
pub fn chart_note(lang: Lang, groups: bool, shown: usize, others: usize) -> String {
    let key = if groups {
        Key::ChartNoteGroups
    } else {
        Key::ChartNoteActions
    };
    fill(
        lang,
        key,
        &[
            ("shown", &count(lang, shown)),
            ("others", &count(lang, others)),
        ],
    )
}

/// The note above the comparison of a long list of actions: only the
/// `changed` ones of `total` are listed, at most `max`.
pub fn compare_note(lang: Lang, changed: usize, total: usize, max: usize) -> String {
    let key = if changed == 0 {
        Key::CompareNoneChanges
    } else if changed > max {
        Key::CompareFirstChanged
    } else {
        Key::CompareChanged
    };
    let (c, n, m) = (count(lang, changed), count(lang, total), count(lang, max));
    fill(lang, key, &[("changed", &c), ("total", &n), ("max", &m)])
}

/// The note under the search field of an action select: how many of the
/// `total` actions hold the text typed (`blank`: nothing typed), the select
/// listing at most `max`.
pub fn found_actions(lang: Lang, blank: bool, matching: usize, total: usize, max: usize) -> String {
    let key = match matching {
        _ if blank => Key::FoundBlank,
        0 => Key::FoundNone,
        1 => Key::FoundOne,
        m if m <= max => Key::FoundAll,
        _ => Key::FoundFirst,
    };
    let (m, n, x) = (count(lang, matching), count(lang, total), count(lang, max));
    fill(lang, key, &[("matching", &m), ("total", &n), ("max", &x)])
}

/// The button showing the `n` warnings not listed yet.
pub fn checks_more(lang: Lang, n: usize) -> String {
    fill(lang, Key::ChecksMore, &[("n", &count(lang, n))])
}

/// The button listing the `n` changed actions not listed yet.
pub fn compare_more(lang: Lang, n: usize) -> String {
    fill(lang, Key::CompareMore, &[("n", &count(lang, n))])
}

/// What separates the items of a list: " ; " in French, "; " in English.
pub fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    }
}

/// A question mark after a word: " ?" in French, "?" in English.
pub fn question_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ?",
        Lang::En => "?",
    }
}

pub use budget_core::read::role_label;

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

#[cfg(test)]
mod typography_tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        assert!(Key::ALL.len() > 300, "every key is listed");
        for &key in Key::ALL {
            let (fr, en) = (t(Lang::Fr, key), t(Lang::En, key));
            assert!(!fr.trim().is_empty(), "{key:?} has no French text");
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert_eq!(
                placeholders(fr),
                placeholders(en),
                "{key:?}: placeholders differ"
            );
        }
    }

    #[test]
    fn a_text_with_values_is_filled_in_each_language() {
        let values = [("found", "é"), ("position", "12")];
        assert_eq!(
            fill(Lang::Fr, Key::LinkBadChar, &values),
            "caractère « é » inattendu en position 12 des données"
        );
        assert_eq!(
            fill(Lang::En, Key::LinkBadChar, &values),
            "unexpected character “é” at position 12 of the data"
        );
        assert_eq!(placeholders("{n} sur {total}, {}"), ["n", "total"]);
    }

    #[test]
    fn quotation_marks_and_colons_follow_the_language() {
        assert_eq!(quoted(Lang::Fr, "Axe 1"), "« Axe 1 »");
        assert_eq!(quoted(Lang::En, "Axe 1"), "\u{201C}Axe 1\u{201D}");
        assert_eq!(
            format!(
                "{}{}{}",
                quoted(Lang::En, "12,5O"),
                colon(Lang::En),
                "not read"
            ),
            "“12,5O”: not read"
        );
        assert_eq!(
            format!(
                "{}{}{}",
                quoted(Lang::Fr, "12,5O"),
                colon(Lang::Fr),
                "illisible"
            ),
            "« 12,5O » : illisible"
        );
        assert_eq!(
            format!("Supprimer{}", question_mark(Lang::Fr)),
            "Supprimer ?"
        );
        assert_eq!(format!("Delete{}", question_mark(Lang::En)), "Delete?");
    }

    #[test]
    fn counts_are_grouped_and_agree_with_their_number() {
        // French: singular for 0 and 1, thousands grouped by a narrow no-break
        // space; English: singular for 1 only, grouped by a comma. A no-break
        // space between the number and its noun.
        let cases = [
            (Lang::Fr, 0, Noun::Action, "0\u{a0}action"),
            (Lang::Fr, 1, Noun::Action, "1\u{a0}action"),
            (Lang::Fr, 2, Noun::Action, "2\u{a0}actions"),
            (Lang::Fr, 10_000, Noun::Action, "10\u{202f}000\u{a0}actions"),
            (Lang::En, 0, Noun::Action, "0\u{a0}actions"),
            (Lang::En, 1, Noun::Action, "1\u{a0}action"),
            (Lang::En, 10_000, Noun::Action, "10,000\u{a0}actions"),
            (Lang::Fr, 1, Noun::Inconsistency, "1\u{a0}incohérence"),
            (Lang::Fr, 3, Noun::Inconsistency, "3\u{a0}incohérences"),
            (Lang::En, 1, Noun::Inconsistency, "1\u{a0}inconsistency"),
            (Lang::En, 3, Noun::Inconsistency, "3\u{a0}inconsistencies"),
        ];
        for (lang, n, noun, expected) in cases {
            assert_eq!(counted(lang, n, noun), expected);
        }
    }
}
