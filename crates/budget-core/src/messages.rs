//! Every text the core writes, in French and English, in one table.
//!
//! [`Msg`] names a text; [`Msg::text`] gives it in a language and
//! [`Msg::fill`] puts the values into its `{name}` placeholders. Each message
//! is written once per language, here and nowhere else: the errors' `Display`
//! is the French text of this table ([`french_display!`]), their
//! `message(lang)` the text in `lang`. A test checks that both languages of
//! every message have the same placeholders.

use std::fmt::{self, Display, Write as _};

use crate::Lang;

/// Defines a text enum (`Msg`, `Figure`), its `ALL` and its `text` from
/// `Name { Key: "français", "English"; … }`.
macro_rules! messages {
    ($(#[$edoc:meta])* $name:ident { $($(#[$doc:meta])* $key:ident: $fr:expr, $en:expr;)* }) => {
        $(#[$edoc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$doc])* $key,)*
        }

        impl $name {
            /// Every text, in the order of the table (for the tests).
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The text in `lang`, placeholders unfilled.
            #[inline(always)]
            pub const fn text(self, lang: Lang) -> &'static str {
                match self {
                    $($name::$key => match lang {
                        Lang::Fr => $fr,
                        Lang::En => $en,
                    },)*
                }
            }
        }
    };
}

/// `Display` (the French text) and `std::error::Error` for types that have a
/// `message(&self, Lang) -> String`.
macro_rules! french_display {
    ($($ty:ty),* $(,)?) => {
        $(
            impl ::std::fmt::Display for $ty {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(&self.message($crate::Lang::Fr))
                }
            }

            impl ::std::error::Error for $ty {}
        )*
    };
}
pub(crate) use french_display;

impl Msg {
    /// The text in `lang` with each `{name}` replaced by its value. Values are
    /// put in once: a value that contains `{…}` stays as it is.
    #[inline(always)]
    pub fn fill(self, lang: Lang, values: &[(&str, &dyn Display)]) -> String {
        fill(self.text(lang), values)
    }
}

/// `template` with each `{name}` of `values` replaced by its value, in one
/// pass; braces around any other name are kept as they are.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len().saturating_add(32));
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let named = from_brace.get(1..).and_then(|after| {
            let close = after.find('}')?;
            let name = after.get(..close)?;
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match named {
            Some((value, close)) => {
                // Writing into a String cannot fail.
                let _ = write!(out, "{value}");
                rest = from_brace.get(close.saturating_add(2)..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a text (lowercase ASCII names), sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .collect();
    out.sort_unstable();
    out
}

impl Display for Msg {
    /// The French text, placeholders unfilled (for debugging).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(Lang::Fr))
    }
}

messages! {
    /// A text of the core.
    Msg {
    // Calculations (crate::error).
    CalcOverflow: "dépassement de capacité : {what}", "overflow: {what}";
    CalcDivisionByZero: "division par zéro : {what}", "division by zero: {what}";

    // Calculations typed in a cell (crate::expr).
    ExprAt: "{kind} (caractère {position})", "{kind} (character {position})";
    ExprEmpty: "calcul vide", "empty calculation";
    ExprUnexpectedChar: "caractère inattendu « {char} »", "unexpected character “{char}”";
    ExprUnexpectedEnd:
        "le calcul s'arrête avant la fin (nombre attendu)",
        "the calculation stops before its end (a number is expected)";
    ExprMissingClosingParen: "parenthèse non fermée", "parenthesis not closed";
    ExprUnmatchedClosingParen:
        "parenthèse fermante en trop",
        "closing parenthesis without an opening one";
    ExprBadNumber: "nombre illisible « {text} »", "unreadable number “{text}”";
    ExprDivisionByZero: "division par zéro", "division by zero";
    ExprOverflow: "résultat trop grand", "result too large";
    ExprTooDeep:
        "calcul trop imbriqué (plus de {max} niveaux)",
        "calculation nested too deeply (more than {max} levels)";

    // Amounts read from a cell (crate::number): the whole message, then the
    // reason alone.
    NumberUnreadable: "« {text} » n'est pas un montant lisible", "“{text}” is not a readable amount";
    NumberSeveralDecimalSeparators:
        "« {text} » a plusieurs séparateurs décimaux",
        "“{text}” has several decimal separators";
    NumberBadGrouping:
        "« {text} » : séparateur de milliers mal placé",
        "“{text}”: misplaced thousands separator";
    NumberOutOfRange:
        "« {text} » a trop de chiffres pour être calculé exactement",
        "“{text}” has too many digits to be computed exactly";
    NumberUnexpectedPercent:
        "« {text} » : pourcentage inattendu, un montant est attendu",
        "“{text}”: unexpected percentage, an amount is expected";
    NumberSpreadsheetError:
        "« {text} » est une erreur du tableur d'origine",
        "“{text}” is an error of the source spreadsheet";
    NumberExpression: "calcul impossible : {reason}", "calculation impossible: {reason}";
    ReasonUnreadable: "montant illisible", "unreadable amount";
    ReasonSeveralDecimalSeparators: "plusieurs séparateurs décimaux", "several decimal separators";
    ReasonBadGrouping: "séparateur de milliers mal placé", "misplaced thousands separator";
    ReasonOutOfRange: "trop de chiffres pour un calcul exact", "too many digits for an exact calculation";
    ReasonUnexpectedPercent:
        "pourcentage inattendu, un montant est attendu",
        "unexpected percentage, an amount is expected";
    ReasonSpreadsheetError: "erreur du tableur d'origine", "error of the source spreadsheet";

    // Changes typed in the table (crate::edit).
    EditNoAction: "l'action n° {n} n'existe pas", "action {n} does not exist";
    EditNoFunder: "le financeur n° {n} n'existe pas", "funder {n} does not exist";
    EditPercent:
        "« {text} » : un montant est attendu, pas un pourcentage",
        "“{text}”: an amount is expected, not a percentage";
    EditSplit:
        "ce montant est la somme de {n} montants (années, report, avenant) : modifiez-les dans le tableur d'origine ou la vue Années",
        "this amount is the sum of {n} amounts (years, carry-over, amendment): change them in the source spreadsheet or the Years view";

    // Opening a file (crate::files).
    FileUnknown:
        "format de fichier non reconnu : « {name} » (formats lus : .xlsx, .xls, .ods, .csv, .tsv, .txt, .pdf, .json)",
        "unrecognised file format: “{name}” (formats read: .xlsx, .xls, .ods, .csv, .tsv, .txt, .pdf, .json)";
    FileSpreadsheet:
        "classeur {kind} illisible : fichier endommagé ou qui n'est pas un classeur complet ; ouvrez-le dans votre tableur et enregistrez-le de nouveau, ou copiez-collez le tableau (le lecteur de classeurs dit : {message})",
        "unreadable {kind} workbook: damaged file or not a complete workbook; open it in your spreadsheet and save it again, or copy and paste the table (the workbook reader says: {message})";
    FileProtected:
        "classeur {kind} protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-en une copie sans mot de passe et ouvrez cette copie (ou copiez-collez le tableau)",
        "{kind} workbook protected by a password: open it in your spreadsheet, save a copy without the password and open that copy (or copy and paste the table)";
    FileDamaged:
        "classeur {kind} illisible : fichier endommagé ou incomplet{detail}",
        "unreadable {kind} workbook: damaged or incomplete file{detail}";
    FileDamagedSheet: " (feuille « {sheet} »)", " (sheet “{sheet}”)";
    FileDamagedTooManyCells:
        " : une feuille annonce {announced} cellules, au-delà des {limit} que le calculateur lit",
        ": a sheet announces {announced} cells, more than the {limit} the calculator reads";
    FileDamagedLoopingChain: " (chaîne de secteurs en boucle)", " (looping chain of sectors)";
    FileNoSheet: "le classeur ne contient aucune feuille de calcul", "the workbook has no worksheet";
    FileTooLarge:
        "feuille « {sheet} » trop grande : plus de {limit} cellules (copiez-collez plutôt le tableau financier)",
        "sheet “{sheet}” too large: more than {limit} cells (copy and paste the financial table instead)";
    FileSpreadsheetsDisabled:
        "la lecture des classeurs {kind} n'est pas incluse dans cette version : enregistrez le tableau en CSV ou copiez-collez-le",
        "this version does not read {kind} workbooks: save the table as CSV or copy and paste it";
    FilePdf:
        "PDF illisible : fichier endommagé ou qui n'est pas un PDF complet ; ouvrez-le dans votre lecteur de PDF et copiez-collez le texte ou le tableau (le lecteur de PDF dit : {message})",
        "unreadable PDF: damaged file or not a complete PDF; open it in your PDF viewer and copy and paste the text or the table (the PDF reader says: {message})";
    FilePdfProtected:
        "PDF protégé par un mot de passe : ouvrez-le dans votre lecteur de PDF et copiez-collez le texte ou le tableau, ou enregistrez-en une copie sans mot de passe",
        "PDF protected by a password: open it in your PDF viewer and copy and paste the text or the table, or save a copy without the password";
    FileScannedPdf:
        "Ce PDF ne contient pas de texte : c'est sans doute un document scanné. Copiez les montants dans un tableau, ou passez-le d'abord par une reconnaissance de caractères (OCR).",
        "This PDF has no text: it is probably a scanned document. Copy the amounts into a table, or run it through optical character recognition (OCR) first.";
    FilePdfDisabled:
        "la lecture des PDF n'est pas incluse dans cette version : copiez-collez le texte du PDF ou le tableau",
        "this version does not read PDF files: copy and paste the text of the PDF or the table";
    FileNotATable: "ce fichier est une convention enregistrée, pas un tableau", "this file is a saved convention, not a table";

    // Loading a saved convention (crate::saved).
    LoadSyntax:
        "le fichier n'est pas un JSON valide (ligne {line}, colonne {column}) : {reason}",
        "the file is not valid JSON (line {line}, column {column}): {reason}";
    LoadNotAnObject:
        "le fichier ne contient pas une convention (un objet JSON est attendu)",
        "the file does not hold a convention (a JSON object is expected)";
    LoadMissingVersion:
        "numéro de version absent : ce fichier n'est pas une convention enregistrée",
        "no version number: this file is not a saved convention";
    LoadBadVersion: "numéro de version illisible : {found}", "unreadable version number: {found}";
    LoadTooNew:
        "convention enregistrée en version {found} par une version plus récente du calculateur ; celle-ci lit jusqu'à la version {supported}",
        "convention saved in version {found} by a newer version of the calculator; this one reads up to version {supported}";
    LoadMigration:
        "conversion depuis la version {from} impossible : {fault}",
        "conversion from version {from} impossible: {fault}";
    LoadInvalid:
        "convention invalide (ligne {line}, colonne {column}) : {reason}",
        "invalid convention (line {line}, column {column}): {reason}";
    LoadInvalidMigrated:
        "convention invalide (enregistrée en version {from}) : {reason}",
        "invalid convention (saved in version {from}): {reason}";
    LoadReaderUnavailable:
        "le lecteur des conventions enregistrées n'a pas pu être chargé (réseau coupé ?) ; rechargez la page une fois connecté",
        "the reader of saved conventions could not be loaded (network cut?); reload the page once online";
    LoadBadReference:
        "référence invalide : {what} n° {index} n'existe pas ({count} en tout)",
        "invalid reference: {what} no. {index} does not exist ({count} in all)";
    ReferencedFunder: "financeur", "funder";
    ReferencedGroup: "groupe", "group";
    ReferencedAction: "action", "action";
    MigrationUnreadable: "{field} illisible : {text}", "unreadable {field}: {text}";
    MigrationOutOfBounds: "{field} hors limites : {text}", "{field} out of bounds: {text}";

    // The list of kept conventions (crate::kept).
    IndexSyntax: "la liste n'est pas un JSON valide : {reason}", "the list is not valid JSON: {reason}";
    IndexTooNew:
        "liste écrite en version {found} par une version plus récente du calculateur (celle-ci lit jusqu'à la version {supported})",
        "list written in version {found} by a newer version of the calculator (this one reads up to version {supported})";
    IndexMissingVersion: "liste invalide : numéro de version absent", "invalid list: no version number";
    IndexBadVersion:
        "liste invalide : numéro de version illisible : {found}",
        "invalid list: unreadable version number: {found}";
    IndexMissingId:
        "liste invalide : convention « {name} » sans identifiant",
        "invalid list: convention “{name}” without an id";
    IndexInvalid: "liste invalide : {reason}", "invalid list: {reason}";
    IndexReaderUnavailable:
        "le lecteur de la liste n'a pas pu être chargé (réseau coupé ?) ; rechargez la page une fois connecté",
        "the reader of the list could not be loaded (network cut?); reload the page once online";

    // Payment schedules (crate::tranches): lower-case sentences ending with a full stop.
    ScheduleEmpty: "aucune tranche.", "no instalment.";
    SchedulePercentOutOfRange:
        "la tranche {instalment} est de {percent}, hors de 0 à 100 %.",
        "instalment {instalment} is {percent}, outside 0 to 100%.";
    ScheduleNegativeFixed:
        "la tranche {instalment} est négative ({amount}).",
        "instalment {instalment} is negative ({amount}).";
    ScheduleFixedAboveTotal:
        "la tranche {instalment} ({amount}) dépasse le total ({total}).",
        "instalment {instalment} ({amount}) is above the total ({total}).";
    ScheduleExceedsTotal:
        "les tranches avant le solde ({allocated}) dépassent le total ({total}) : le solde est négatif.",
        "the instalments before the balance ({allocated}) exceed the total ({total}): the balance is negative.";
    ScheduleDoesNotAddUp:
        "les tranches font {declared} pour un total de {total} : la dernière tranche prend l'écart ({difference}).",
        "the instalments add up to {declared} for a total of {total}: the last one takes the difference ({difference}).";
    ScheduleSeveralRemainders:
        "{count} tranches « solde » : seule la première prend le reste.",
        "{count} balance instalments: only the first takes the remainder.";
    ScheduleTotalNotInCents:
        "le total ({total}) n'est pas un nombre entier de centimes.",
        "the total ({total}) is not a whole number of cents.";

    // What the reader guessed or refused (crate::read).
    RefusedNoAmountColumn:
        "Le tableau a des en-têtes (ligne {row}) mais aucune colonne de montants en euros (« Montant », « État », « Crédits », « CP 2024 », « 12 000 € »…) : il n'a pas été lu. Si une colonne contient des montants, choisissez son sens dans la lecture du tableau.",
        "The table has headings (row {row}) but no column of amounts in euros (“Montant”, “État”, “Crédits”, “CP 2024”, “12 000 €”…): it was not read. If a column holds amounts, choose its meaning in how the table was read.";
    RefusedNoTable:
        "Rien dans ce texte ne ressemble à un tableau d'actions : ni ligne d'en-têtes (« Intitulé », « État », « Département », « Montant »…), ni colonne de montants. Il n'a pas été lu.",
        "Nothing in this text looks like a table of actions: no row of headings (“Intitulé”, “État”, “Département”, “Montant”…), no column of amounts. It was not read.";
    RefusedReportLine:
        "La ligne {row} (« {line} ») ressemble au texte d'un rapport, mais sans montant en euros : collez le tableau financier, ou les blocs « Fiche action » avec leurs montants (« Report Etat 2021 : 24 600 € »).",
        "Row {row} (“{line}”) looks like the text of a report, but without amounts in euros: paste the financial table, or the “Fiche action” blocks with their amounts (“Report Etat 2021: 24 600 €”).";
    GuessColumnWithoutHeading: "n° {column} (sans en-tête)", "no. {column} (no heading)";
    GuessHeading: "« {heading} »", "“{heading}”";
    GuessRowLabel: "« {label} » (ligne {row})", "“{label}” (row {row})";
    GuessUnsplit:
        "Aucun en-tête ne nomme un financeur (État, Département…) : les montants ({columns}) sont lus comme ceux de chaque action, sans répartition entre financeurs ; les parts et la règle de cofinancement ne s'appliquent pas.",
        "No heading names a funder (State, Département…): the amounts ({columns}) are read as each action's own, not split between funders; shares and the co-financing rule do not apply.";
    GuessTitleColumn:
        "Aucun en-tête ne désigne l'intitulé : la colonne {columns}, qui contient du texte, est lue comme l'intitulé des actions.",
        "No heading names the titles: the column {columns}, which holds text, is read as the actions' titles.";
    GuessFundersByPosition:
        "Le tableau n'a pas d'en-têtes : les colonnes de montants ({columns}) sont lues dans l'ordre comme l'État, le Département, puis les autres financeurs.",
        "The table has no headings: its amount columns ({columns}) are read in order as the State, the Département, then other funders.";
    GuessGroupsFromSubtotals:
        "Les lignes de total {rows} sont lues comme les sous-totaux des actions qui les précèdent : chacune forme un groupe, vérifié contre ses actions.",
        "The total rows {rows} are read as the subtotals of the actions above them: each forms a group, checked against its actions.";
    GuessGroupRowsWithSubtotal:
        "Lignes sans numéro dont les montants sont exactement la somme des lignes qui les suivent, lues comme le groupe de ces lignes avec son sous-total déclaré (et non comptées une seconde fois) : {rows}.",
        "Rows without a number whose amounts are exactly the sum of the rows below them, read as those rows' group with its declared subtotal (and not counted twice): {rows}.";
    GuessStateByDefault:
        "Les colonnes {columns} ne nomment pas de financeur : elles sont lues comme la part de l'État, comme dans les rapports de ces conventions.",
        "The columns {columns} name no funder: they are read as the State's, as in the reports of these conventions.";
    GuessAlignedColumns:
        "Le texte n'a ni tabulations ni séparateurs : ses {columns} colonnes ont été retrouvées d'après l'alignement de ses montants (un tableau copié d'un PDF). Vérifiez le sens donné à chaque colonne.",
        "The text has no tabs nor separators: its {columns} columns were found from the alignment of its amounts (a table copied from a PDF). Check the meaning given to each column.";
    GuessHeaderRowInside:
        "Des lignes du tableau contiennent des en-têtes et non des montants ; chacune ouvre un groupe : {rows}.",
        "Some rows hold headings, not amounts; each starts a group: {rows}.";
    OtherReadingUnsplit: "Lire ces montants comme la part de l'État", "Read these amounts as the State's";
    OtherReadingTitleAsNumber: "Lire cette colonne comme le n° des actions", "Read this column as the action numbers";
    OtherReadingIgnoreColumn: "Ne pas lire cette colonne", "Do not read this column";
    OtherReadingFundersByPosition: "Lire un seul montant par action, sans répartition", "Read one amount per action, not split";
    OtherReadingStateByDefault: "Lire ces colonnes comme la part du Département", "Read these columns as the Département's";
    OtherReadingGroupRows: "Lire ces lignes comme des actions", "Read these rows as actions";
    OtherReadingGroupsFromSubtotals: "Ignorer ces lignes de total", "Ignore these total rows";

    ReferencedItem: "élément", "item";

    // Inconsistencies (crate::checks): the figure a warning is about…
    FigurePlanned: "part {funder}", "{funder} share";
    FigurePlannedTotal: "total", "total";
    FigureExecuted: "exécuté {funder}", "{funder} executed";
    FigureExecutedTotal: "total exécuté", "executed total";
    FigureYear: "total {year}", "{year} total";
    FigureConsumptionRate: "taux de consommation", "consumption rate";
    FigureCommitted: "engagé {funder}", "{funder} committed";
    FigureCarryOverRequested: "report demandé {funder}", "{funder} carry-over requested";
    FigureCarryOverRequestedTotal: "report demandé", "carry-over requested";
    FigureStateShare: "part de l'État", "State share";
    FigureExecutedShare: "part {funder} de l'exécuté", "{funder} share of executed";
    /// « déclaré » agreeing with a masculine figure (« total déclaré »).
    Declared: "déclaré", "declared";
    /// « déclarée » agreeing with a feminine figure (« part … déclarée »).
    DeclaredFeminine: "déclarée", "declared";
    // …where it is…
    CheckAtSchedule: "Échéancier « {place} »", "Schedule “{place}”";
    CheckAtAction: "Action {place}", "Action {place}";
    CheckAtGrand: "Total général", "Grand total";
    CheckAtRow: "{at} (ligne {row})", "{at} (row {row})";
    // …and what is wrong.
    CheckDeclaredMismatch:
        "{at} : {what} {declared_word} {declared}, calculé {computed} (écart {difference}).",
        "{at}: {what} {declared_word} {declared}, computed {computed} (difference {difference}).";
    CheckDeclaredRateMismatch:
        "{at} : {what} {declared_word} {declared}, calculé {computed}.",
        "{at}: {what} {declared_word} {declared}, computed {computed}.";
    CheckExecutedShareAbovePlanned:
        "{at} : la part {funder} des dépenses exécutées ({executed}) dépasse sa part du budget prévu ({planned}).",
        "{at}: the {funder} share of executed spending ({executed}) is above its share of the plan ({planned}).";
    CheckNegativeAmount: "{at} : montant négatif ({what}) : {amount}.", "{at}: negative amount ({what}): {amount}.";
    CheckCoFinancingBreach:
        "{at} : l'État finance {state} au-delà du maximum autorisé ({max}) : excédent de {excess}{remedy}.",
        "{at}: the State funds {state}, above the maximum allowed ({max}): excess {excess}{remedy}.";
    CheckCoFinancingRemedy:
        ", ou {amount} de crédits du Département en plus pour respecter la règle",
        ", or {amount} more from the Département to comply";
    CheckEmptyGroup: "{at} : aucune action dans ce groupe.", "{at}: no action in this group.";
    CheckDuplicateNumberOfRow:
        "{at} : même numéro que l'action de la ligne {row}.",
        "{at}: same number as the action of row {row}.";
    CheckDuplicateNumber: "{at} : même numéro qu'une autre action.", "{at}: same number as another action.";
    CheckUnknownReference:
        "{at} : {thing} n° {n} inexistant, ignoré dans les calculs.",
        "{at}: {thing} no. {n} does not exist, left out of the figures.";
    CheckSchedule: "{at} : {issue}", "{at}: {issue}";
    CheckCarryOverAboveUnspent:
        "{at} : {what} {requested} pour un crédit non consommé de {unspent} (écart {difference}).",
        "{at}: {what} {requested} for an unspent credit of {unspent} (difference {difference}).";

    // A cell that could not be read (crate::read::CellError).
    CellAtColumn: "ligne {row}, colonne {column}", "row {row}, column {column}";
    CellAtHeading: "ligne {row}, colonne « {heading} »", "row {row}, column “{heading}”";
    CellError: "{at} : « {text} » — {reason}", "{at}: “{text}” — {reason}";


    // Exports (crate::export).
    ListSeparator: " ; ", "; ";
    ExportScdlRefused: "fichier SCDL impossible à produire : {issues}", "the SCDL file cannot be written: {issues}";
    ExportUnknownFunder:
        "financeur attribuant n° {index} inconnu (la convention en a {count})",
        "attributing funder no. {index} unknown (the convention has {count})";
    ExportNotSplit:
        "fichier SCDL impossible à produire : les montants du tableau ne sont pas répartis par financeur, on ne sait pas ce que verse l'attribuant (dites, dans la lecture du tableau, quelle colonne est la part de quel financeur)",
        "the SCDL file cannot be written: the table's amounts are not split by funder, so what the attributing funder gives is not known (say, in the reading of the table, which column is which funder's share)";
    ExportXlsx: "écriture du classeur impossible : {reason}", "the workbook cannot be written: {reason}";
    ScdlIssue: "{field} : {problem}", "{field}: {problem}";
    ScdlIssueInAction: "action {action}, {issue}", "action {action}, {issue}";
    ScdlMissing: "absent", "missing";
    ScdlInvalid: "« {value} » invalide ({expected})", "“{value}” is invalid ({expected})";
    ScdlExpectedSiretDigits: "SIRET de 14 chiffres attendu", "a SIRET of 14 digits is expected";
    ScdlExpectedSiretKey:
        "SIRET inexistant : sa clé de contrôle (formule de Luhn) est fausse",
        "no such SIRET: its check digit (Luhn formula) is wrong";
    ScdlExpectedDate: "date AAAA-MM-JJ attendue", "a date YYYY-MM-DD is expected";
    ScdlExpectedRna: "W suivi de 9 chiffres attendu", "W followed by 9 digits is expected";
    ScdlExpectedNature:
        "« aide en numéraire » et/ou « aide en nature » attendu",
        "“aide en numéraire” and/or “aide en nature” is expected";
    ScdlExpectedConditions:
        "« unique », « échelonné » ou une description de 256 caractères au plus",
        "“unique”, “échelonné” or a description of 256 characters at most";
    ScdlExpectedPeriod:
        "date AAAA-MM-JJ ou période AAAA-MM-JJ/AAAA-MM-JJ, du début à la fin, attendue",
        "a date YYYY-MM-DD or a period YYYY-MM-DD/YYYY-MM-DD, from start to end, is expected";
    ScdlExpectedRae: "5 caractères au plus", "5 characters at most";
    ScdlExpectedYesNo: "« oui » ou « non » attendu", "“oui” or “non” is expected";
    ScdlExpectedShare: "nombre entre 0.01 et 1 attendu", "a number between 0.01 and 1 is expected";
    ScdlExpectedShareNumber:
        "nombre attendu : 1, 0,45 ou 45 %",
        "a number is expected: 1, 0.45 or 45 %";
    ScdlExpectedText256: "256 caractères au plus", "256 characters at most";
    ScdlExpectedPositive: "montant positif attendu", "a positive amount is expected";
    ScdlFormatName: "Texte, obligatoire.", "Text, required.";
    ScdlFormatOptionalText: "Texte, facultatif.", "Text, optional.";
    ScdlFormatSiret:
        "SIRET : 14 chiffres (les espaces sont ôtés), clé de contrôle juste ; obligatoire.",
        "SIRET: 14 digits (blanks are removed), with a right check digit; required.";
    ScdlFormatSiretOrRna:
        "SIRET : 14 chiffres, clé de contrôle juste ; obligatoire sans n° RNA.",
        "SIRET: 14 digits, with a right check digit; required without an RNA number.";
    ScdlFormatRna:
        "W suivi de 9 chiffres, pour une association ; facultatif avec un SIRET.",
        "W followed by 9 digits, for an association; optional with a SIRET.";
    ScdlFormatDate: "Date AAAA-MM-JJ ; obligatoire.", "Date YYYY-MM-DD; required.";
    ScdlFormatNature:
        "« aide en numéraire », « aide en nature » ou les deux séparés par « ; » ; obligatoire.",
        "“aide en numéraire”, “aide en nature” or both separated by “;”; required.";
    ScdlFormatConditions:
        "« unique », « échelonné » ou une description de 256 caractères au plus ; obligatoire.",
        "“unique”, “échelonné” or a description of 256 characters at most; required.";
    ScdlFormatPeriod:
        "Date AAAA-MM-JJ ou période AAAA-MM-JJ/AAAA-MM-JJ (du début à la fin) ; obligatoire.",
        "Date YYYY-MM-DD or period YYYY-MM-DD/YYYY-MM-DD (from start to end); required.";
    ScdlFormatRae: "5 caractères au plus, pour une aide aux entreprises ; facultatif.", "5 characters at most, for aid to businesses; optional.";
    ScdlFormatYesNo: "« oui » ou « non » : l'aide a-t-elle été notifiée à la Commission européenne ? Obligatoire.", "“oui” or “non”: was the aid notified to the European Commission? Required.";
    ScdlFormatShare:
        "Part de la subvention qui va à ce bénéficiaire, de 0,01 à 1 (1 s'il est le seul ; 0,45 ou 45 % accepté) ; obligatoire.",
        "Share of the subsidy that goes to this beneficiary, from 0.01 to 1 (1 if it is the only one; 0.45 or 45 % accepted); required.";


    // Consolidation (crate::consolidate): the funders' names.
    ConsolidatedState: "État", "State";
    ConsolidatedDepartement: "Département", "Département";
    ConsolidatedUnsplit: "Montants non répartis", "Amounts not split by funder";
    // Command line (budget-cli): every text the `budget` command prints.
    // Its help (`budget --help`).
    CliUsage: "\
budget — calculateur des conventions budgétaires État–Département

Utilisation :
  budget check FICHIER… | DOSSIER [--json] [--summary-csv SYNTHÈSE.csv]
               [--consolidate] [--state-max PART] [--exempt LIBELLÉ]… [--other-reading]
  budget tranches --amount MONTANT --schedule TRANCHES [--paid MONTANT]
                  [--due MONTANT | --units N --unit-cost MONTANT] [--json]
  budget export FICHIER --format csv|xlsx|json|scdl [-o SORTIE] [--other-reading]
               [--meta META.json] [--attribuant FINANCEUR] [--id-attribuant SIRET]…
  budget eval EXPRESSION [--json]
  budget --help | --version
  Toutes les commandes prennent --lang fr|en (ou BUDGET_LANG=en) : la langue
  des textes, le français par défaut ; les clés JSON ne changent pas.

budget check FICHIER
  Lit un tableau copié d'un tableur (TSV ou CSV), un classeur, le texte d'un
  rapport ou un PDF, ou une convention enregistrée (JSON) et affiche tous les montants calculés (totaux par action, sous-totaux,
  total général, parts des financeurs, règle de cofinancement, taux de
  consommation, crédits non consommés, années, échéanciers) et toutes les
  incohérences (totaux déclarés faux, dépassements…). FICHIER « - » lit
  l'entrée standard.
  Plusieurs fichiers, ou un dossier (lu avec ses sous-dossiers : .xlsx, .xls,
  .ods, .csv, .tsv, .pdf, .json ; les autres fichiers sont ignorés) : un bloc par
  fichier, dans l'ordre des chemins, puis une synthèse (actions, totaux par
  financeur, part de l'État, actions hors règle, avertissements, cellules
  illisibles). Un fichier illisible est listé avec sa raison, les autres sont
  vérifiés (code 1).
    --summary-csv S        écrit la synthèse en CSV pour Excel (« ; », virgule
                           décimale)
    --consolidate          les conventions ensemble, au lieu d'un bloc par fichier :
                           totaux par financeur et par année, part de chaque
                           convention, règle de cofinancement de chacune
    --json                 sortie JSON, montants en chaînes décimales exactes
                           (plusieurs fichiers : un document, files et summary)
    --state-max P          part maximale de l'État (50 % par défaut) : 60, 60 % ou
                           0,6 disent la même chose
    --other-reading        lit autrement ce que la lecture a supposé (voir
                           « Lecture supposée ») : la solution proposée pour chacune
    --exempt L             exempte de la règle de cofinancement un groupe (par son
                           nom) ou une action (par son numéro ou le début de son
                           intitulé) ; majuscules et accents ignorés ; répétable

budget tranches
  Découpe un montant en tranches arrondies au centime (demi-centime arrondi
  en s'éloignant de zéro) ; la dernière tranche (ou la tranche « reste ») prend
  le reste, de sorte que les tranches font exactement le montant.
    --amount A             le montant (engagement), au format français accepté :
                           « 1 300 000,00 € »
    --schedule S           les tranches, séparées par des virgules : 60,40
                           (par des points-virgules si des pourcentages ont une
                           virgule décimale : 33,33;33,33;reste). Chaque tranche est
                           un pourcentage (60 ou 60 %), un montant fixe (1000 €)
                           ou « reste ». Modèles : 60/40 (avance à la signature,
                           solde après le bilan final), 70/30 (30 % ajustés au
                           réalisé), 100 (totalité à la signature)
    --paid X               déjà versé
    --due Y                réalisé (dépenses effectives) : le montant dû est
                           min(Y, A), puis solde = dû − versé (négatif : trop-perçu
                           à reverser)
    --units N --unit-cost C   réalisé en unités × coût unitaire (postes, mois…)
    --json                 sortie JSON

budget export FICHIER --format FORMAT
  Écrit les exports du calculateur, par le même code :
    --format csv           CSV pour Excel en français (« ; », virgule décimale)
    --format xlsx          classeur .xlsx présenté comme l'annexe financière
                           (demande -o : un classeur ne s'écrit pas dans le terminal)
    --format json          la convention enregistrée (.json), rouverte telle quelle
    --format scdl          le fichier open data SCDL « Subventions » 2.1.1 ; il n'est
                           jamais écrit invalide : ce qui manque est listé
    -o SORTIE              le fichier à écrire (sans -o, ou -o - : la sortie standard)
    --other-reading        lit le tableau autrement (voir budget check)
  Métadonnées SCDL, d'un fichier JSON (--meta, clés : les colonnes SCDL,
  { \"idAttribuant\": \"…\", … }, et attribuant) et/ou des options, qui l'emportent :
    --attribuant F         qui attribue les subventions : État, Département (par
                           défaut), le nom d'un financeur ou son numéro (1, 2…)
    --nom-attribuant T     --id-attribuant SIRET     --date-convention AAAA-MM-JJ
    --reference-decision T --nom-beneficiaire T      --id-beneficiaire SIRET
    --rna-beneficiaire W…  --nature « aide en numéraire » | « aide en nature »
    --conditions-versement unique | échelonné | description
    --dates-periode-versement AAAA-MM-JJ[/AAAA-MM-JJ]   --id-rae T
    --notification-ue oui|non    --pourcentage-subvention 1 (0,45 : 45 %)
    --dispositif-aide T

budget eval EXPRESSION
  Calcule exactement une expression : budget eval \"534,82*12\"

Codes de sortie :
  0  tout a été lu (des avertissements sont possibles) ;
  1  des cellules (ou l'expression, ou le fichier enregistré) n'ont pas pu être lues :
     chacune est listée, et tout ce qui a pu être lu est calculé et affiché ;
     pour export : l'export est refusé (cellules illisibles, champs SCDL absents ou
     invalides), chaque raison est listée et rien n'est écrit ;
  2  erreur d'utilisation (option inconnue, argument manquant, fichier introuvable).
", 
        "\
budget — calculator of the State–Département budget conventions

Usage:
  budget check FILE… | FOLDER [--json] [--summary-csv SUMMARY.csv]
               [--consolidate] [--state-max SHARE] [--exempt LABEL]… [--other-reading]
  budget tranches --amount AMOUNT --schedule INSTALMENTS [--paid AMOUNT]
                  [--due AMOUNT | --units N --unit-cost AMOUNT] [--json]
  budget export FILE --format csv|xlsx|json|scdl [-o OUTPUT] [--other-reading]
               [--meta META.json] [--attribuant FUNDER] [--id-attribuant SIRET]…
  budget eval EXPRESSION [--json]
  budget --help | --version
  Every command takes --lang fr|en (or BUDGET_LANG=en): the language of the
  texts, French by default; the JSON keys do not change.

budget check FILE
  Reads a table copied from a spreadsheet (TSV or CSV), a workbook, the text
  of a report or a PDF, or a saved convention (JSON) and prints every computed amount (totals per action, subtotals,
  grand total, funders' shares, co-financing rule, consumption rate, unspent
  credits, years, schedules) and every inconsistency (wrong declared totals,
  overruns…). FILE “-” reads the standard input.
  Several files, or a folder (read with its subfolders: .xlsx, .xls, .ods,
  .csv, .tsv, .pdf, .json; other files are skipped): one block per file, in the
  order of the paths, then a summary (actions, totals per funder, State
  share, actions outside the rule, warnings, unreadable cells). An unreadable
  file is listed with its reason, the others are checked (status 1).
    --summary-csv S        writes the summary as CSV for Excel (“;”, decimal
                           comma)
    --consolidate          the conventions together, instead of one block per
                           file: totals per funder and per year, each
                           convention's part, each one's co-financing rule
    --json                 JSON output, amounts as exact decimal strings
                           (several files: one document, files and summary)
    --state-max P          the State's maximum share (50 % by default): 60, 60 %
                           or 0,6 say the same
    --other-reading        reads otherwise what the reading assumed (see
                           “Assumed reading”): the solution offered for each
    --exempt L             exempts from the co-financing rule a group (by its
                           name) or an action (by its number or the start of its
                           title); case and accents ignored; repeatable

budget tranches
  Splits an amount into instalments rounded to the cent (half a cent rounded
  away from zero); the last instalment (or the “reste” one) takes the
  remainder, so that the instalments add up exactly to the amount.
    --amount A             the amount (commitment), French format accepted:
                           “1 300 000,00 €”
    --schedule S           the instalments, separated by commas: 60,40
                           (by semicolons if percentages have a decimal
                           comma: 33,33;33,33;reste). Each instalment is a
                           percentage (60 or 60 %), a fixed amount (1000 €)
                           or “reste”. Templates: 60/40 (advance at signature,
                           balance after the final report), 70/30 (30 % adjusted
                           to what was achieved), 100 (all at signature)
    --paid X               already paid
    --due Y                achieved (actual spending): the amount due is
                           min(Y, A), then balance = due − paid (negative:
                           overpayment to refund)
    --units N --unit-cost C   achieved as units × unit cost (posts, months…)
    --json                 JSON output

budget export FILE --format FORMAT
  Writes the calculator's exports, by the same code:
    --format csv           CSV for Excel in French (“;”, decimal comma)
    --format xlsx          .xlsx workbook laid out as the financial annex
                           (needs -o: a workbook is not written to the terminal)
    --format json          the saved convention (.json), reopened as it is
    --format scdl          the SCDL “Subventions” 2.1.1 open data file; it is
                           never written invalid: what is missing is listed
    -o OUTPUT              the file to write (without -o, or -o -: standard output)
    --other-reading        reads the table otherwise (see budget check)
  SCDL metadata, from a JSON file (--meta, keys: the SCDL columns,
  { \"idAttribuant\": \"…\", … }, and attribuant) and/or options, which win:
    --attribuant F         who attributes the subsidies: État, Département (by
                           default), a funder's name or its number (1, 2…)
    --nom-attribuant T     --id-attribuant SIRET     --date-convention YYYY-MM-DD
    --reference-decision T --nom-beneficiaire T      --id-beneficiaire SIRET
    --rna-beneficiaire W…  --nature “aide en numéraire” | “aide en nature”
    --conditions-versement unique | échelonné | description
    --dates-periode-versement YYYY-MM-DD[/YYYY-MM-DD]   --id-rae T
    --notification-ue oui|non    --pourcentage-subvention 1 (0,45: 45 %)
    --dispositif-aide T

budget eval EXPRESSION
  Computes an expression exactly: budget eval \"534,82*12\"

Exit status:
  0  everything was read (there may be warnings);
  1  some cells (or the expression, or the saved file) could not be read:
     each is listed, and everything that could be read is computed and printed;
     for export: the export is refused (unreadable cells, missing or invalid
     SCDL fields), each reason is listed and nothing is written;
  2  usage error (unknown option, missing argument, file not found).
";
    // Errors and notes on stderr (src/main.rs, args.rs, input.rs, export.rs).
    CliPrefix: "budget : {message}", "budget: {message}";
    CliAtFile: "{file} : {message}", "{file}: {message}";
    CliCannotWrite: "impossible d'écrire « {path} » : {reason}", "cannot write “{path}”: {reason}";
    CliCannotOpen: "impossible d'ouvrir « {path} » : {reason}", "cannot open “{path}”: {reason}";
    CliStdinUnreadable: "entrée standard illisible : {reason}", "unreadable standard input: {reason}";
    CliNotUtf8:
        "le fichier n'est pas en UTF-8 : lu comme Windows-1252 (export CSV d'Excel)",
        "the file is not in UTF-8: read as Windows-1252 (Excel's CSV export)";
    CliExportRefused: "export refusé, rien n'a été écrit :", "export refused, nothing was written:";
    CliExportUnreadableCell:
        "1 cellule illisible : l'export perdrait son montant",
        "1 unreadable cell: the export would lose its amount";
    CliExportUnreadableCells:
        "{n} cellules illisibles : l'export perdrait leurs montants",
        "{n} unreadable cells: the export would lose their amounts";
    CliEvalError: "« {expression} » : {error}", "“{expression}”: {error}";
    CliNoCommand: "aucune commande : check, export, tranches ou eval", "no command: check, export, tranches or eval";
    CliUnknownCommand:
        "commande inconnue « {command} » : check, export, tranches ou eval",
        "unknown command “{command}”: check, export, tranches or eval";
    CliUnknownLang: "--lang « {lang} » inconnu : fr ou en", "--lang “{lang}” unknown: fr or en";
    CliUnknownLangEnv: "BUDGET_LANG « {lang} » inconnu : fr ou en", "BUDGET_LANG “{lang}” unknown: fr or en";
    CliOptionNeedsValue: "{option} attend une valeur", "{option} needs a value";
    CliUnknownOption: "option inconnue « {option} » pour {command}", "unknown option “{option}” for {command}";
    CliUnknownArgument: "argument inconnu « {argument} » pour {command}", "unknown argument “{argument}” for {command}";
    CliCheckNeedsFile:
        "check attend un fichier ou un dossier : budget check tableau.tsv",
        "check needs a file or a folder: budget check table.tsv";
    CliConsolidateAndSummary:
        "--consolidate et --summary-csv ne vont pas ensemble",
        "--consolidate and --summary-csv do not go together";
    CliStdinAlone:
        "l'entrée standard « - » se lit seule, sans autre fichier",
        "the standard input “-” is read alone, without another file";
    CliUnknownFormat:
        "--format « {format} » inconnu : csv, xlsx, json ou scdl",
        "--format “{format}” unknown: csv, xlsx, json or scdl";
    CliOneFile: "un seul fichier à la fois (« {file} » en trop)", "one file at a time (“{file}” is one too many)";
    CliExportNeedsFormat: "export attend --format csv, xlsx, json ou scdl", "export needs --format csv, xlsx, json or scdl";
    CliScdlOnly:
        "--meta, --attribuant et les champs SCDL ne servent qu'avec --format scdl",
        "--meta, --attribuant and the SCDL fields only go with --format scdl";
    CliXlsxNeedsOutput:
        "--format xlsx demande -o FICHIER.xlsx (un classeur ne s'écrit pas dans le terminal)",
        "--format xlsx needs -o FILE.xlsx (a workbook is not written to the terminal)";
    CliExportNeedsFile:
        "export attend un fichier : budget export tableau.tsv --format csv",
        "export needs a file: budget export table.tsv --format csv";
    CliStateMax:
        "--state-max attend une part entre 0 et 100 % : 50, 50 % ou 0,5 (« {text} »)",
        "--state-max needs a share between 0 and 100%: 50, 50 % or 0,5 (“{text}”)";
    CliOptionNeedsAmount: "{option} attend un montant", "{option} needs an amount";
    CliOptionError: "{option} : {error}", "{option}: {error}";
    CliDueOrUnits: "--due ou --units/--unit-cost, pas les deux", "--due or --units/--unit-cost, not both";
    CliUnitsTogether: "--units et --unit-cost vont ensemble", "--units and --unit-cost go together";
    CliTranchesNeedsAmount: "tranches attend --amount MONTANT", "tranches needs --amount AMOUNT";
    CliTranchesNeedsSchedule:
        "tranches attend --schedule TRANCHES (par exemple 60,40)",
        "tranches needs --schedule INSTALMENTS (for example 60,40)";
    CliSchedulePercentTooLarge: "--schedule : pourcentage trop grand", "--schedule: percentage too large";
    CliScheduleUnreadable:
        "--schedule : tranche {n} illisible « {item} »",
        "--schedule: unreadable instalment {n} “{item}”";
    CliEvalNeedsExpression:
        "eval attend une expression : budget eval \"534,82*12\"",
        "eval needs an expression: budget eval \"534,82*12\"";
    CliMetaCannotRead:
        "impossible de lire les métadonnées « {path} » : {reason}",
        "cannot read the metadata “{path}”: {reason}";
    CliMetaBadJson: "{path} : JSON illisible : {reason}", "{path}: unreadable JSON: {reason}";
    CliMetaNotObject:
        "{path} : un objet JSON est attendu ({ \"idAttribuant\": \"…\", … })",
        "{path}: a JSON object is expected ({ \"idAttribuant\": \"…\", … })";
    CliMetaNotText:
        "{path}, « {key} » : un texte est attendu, pas {value}",
        "{path}, “{key}”: a text is expected, not {value}";
    CliMetaUnknownKey:
        "{path} : clé inconnue « {key} » (les colonnes SCDL : {columns}, et attribuant)",
        "{path}: unknown key “{key}” (the SCDL columns: {columns}, and attribuant)";
    CliNoDepartement:
        "le tableau n'a pas de colonne Département : dites qui attribue avec --attribuant (financeurs : {funders})",
        "the table has no Département column: say who attributes with --attribuant (funders: {funders})";
    CliUnknownAttribuant:
        "--attribuant « {name} » : aucun financeur de ce nom (financeurs : {funders})",
        "--attribuant “{name}”: no funder of that name (funders: {funders})";
    // Instalments typed with --schedule.
    CliLabelBalance: "Solde", "Balance";
    CliLabelLastInstalment: "Tranche {n} (solde)", "Instalment {n} (balance)";
    CliLabelInstalment: "Tranche {n}", "Instalment {n}";
    // Many files (src/many.rs).
    CliNoFileToRead: "aucun fichier à lire ({extensions}) dans {paths}", "no file to read ({extensions}) in {paths}";
    CliFolderUnreadable: "dossier illisible : {reason}", "unreadable folder: {reason}";
    CliProgress: "{done}/{total} fichiers…", "{done}/{total} files…";
    CliFileHeading: "Fichier {n}/{total} : {file}", "File {n}/{total}: {file}";
    CliFileUnreadable: "Fichier illisible : {reason}", "Unreadable file: {reason}";
    CliColFile: "Fichier", "File";
    CliColActions: "Actions", "Actions";
    CliColTotal: "Total", "Total";
    CliColStateShare: "Part de l'État", "State share";
    CliColOutsideRule: "Hors règle", "Outside the rule";
    CliColWarnings: "Avertissements", "Warnings";
    CliColUnreadableCells: "Cellules illisibles", "Unreadable cells";
    CliColReading: "Lecture", "Reading";
    CliColStateSharePercent: "Part de l'État (%)", "State share (%)";
    CliColOutsideRuleLong: "Actions hors règle de cofinancement", "Actions outside the co-financing rule";
    CliRowUnreadable: "illisible : {reason}", "unreadable: {reason}";
    CliRowRead: "lu", "read";
    CliSummaryTitle: "Synthèse : {files} fichiers", "Summary: {files} files";
    CliSummaryTitleOneUnreadable: "Synthèse : {files} fichiers, dont 1 illisible", "Summary: {files} files, 1 unreadable";
    CliSummaryTitleUnreadable:
        "Synthèse : {files} fichiers, dont {unreadable} illisibles",
        "Summary: {files} files, {unreadable} unreadable";
    CliConsolidationImpossible: "consolidation impossible : {reason}", "consolidation impossible: {reason}";
    CliConsolidationTitle: "Consolidation : {n} conventions", "Consolidation: {n} conventions";
    CliByYear: "Par année", "By year";
    CliByYearNone:
        "Par année : aucun de ces tableaux ne répartit ses montants par année",
        "By year: none of these tables splits its amounts by year";
    CliByConvention: "Par convention", "By convention";
    CliPartOfTotal: " ({part} du total)", " ({part} of the total)";
    CliPlannedUnknownSeeCheck: "Prévu : non calculable (voir budget check)", "Planned: cannot be computed (see budget check)";
    CliCoFinancingNotApplicable:
        "Cofinancement : non applicable (montants non répartis par financeur)",
        "Co-financing: not applicable (amounts not split by funder)";
    CliRuleKeptEach: "règle respectée pour chaque action", "rule kept for every action";
    CliRuleBrokenOne: "RÈGLE NON RESPECTÉE pour 1 action", "RULE NOT KEPT for 1 action";
    CliRuleBrokenMany: "RÈGLE NON RESPECTÉE pour {n} actions", "RULE NOT KEPT for {n} actions";
    CliConsolidationCoFinancing:
        "Cofinancement : part de l'État {share} (au plus {max} par action) : {rule}",
        "Co-financing: State share {share} (at most {max} per action): {rule}";
    CliUnreadableFiles: "Fichiers illisibles ({n})", "Unreadable files ({n})";
    CliFilesWithUnreadableCells: "Fichiers avec des cellules illisibles", "Files with unreadable cells";
    CliFileUnreadableCells:
        "{file} : {n} cellule(s) illisible(s), leurs montants manquent (voir budget check)",
        "{file}: {n} unreadable cell(s), their amounts are missing (see budget check)";
    // The report of `budget check` and `budget tranches` (src/render.rs).
    CliNotKnown: "n.c.", "n/a";
    CliTotalAmount: "total {amount}", "total {amount}";
    CliConsumptionRate: "Taux de consommation : {rate}", "Consumption rate: {rate}";
    CliRemaining: " ; crédit restant {amount}", "; remaining credit {amount}";
    CliUnspentState: " ; crédit État non consommé {amount}", "; unspent State credit {amount}";
    CliPlanned: "Prévu : {amounts}", "Planned: {amounts}";
    CliPlannedUnknown: "Prévu : non calculable (voir les erreurs)", "Planned: cannot be computed (see the errors)";
    CliOfWhichCarryOver: "dont report N-1 : {amounts}", "of which carried over from the year before: {amounts}";
    CliOfWhichAmendment: "dont avenant : {amounts}", "of which amendment: {amounts}";
    CliShares: "Parts : {shares}", "Shares: {shares}";
    CliCommitted: "Engagé", "Committed";
    CliExecuted: "Exécuté : {amounts}", "Executed: {amounts}";
    CliCarryOverRequested: "Report demandé", "Carry-over requested";
    CliReceived: "Reçu (recettes) : {amount}", "Received (revenue): {amount}";
    CliYearLine: "{year} : {amounts}", "{year}: {amounts}";
    CliChangeSince: " ; évolution depuis {year} : {change}", "; change since {year}: {change}";
    CliWithoutYear: "sans année : {amounts}", "no year: {amounts}";
    CliFigure: "{what} : {amounts}", "{what}: {amounts}";
    CliFigureActionTotal: "{what}, total de l'action : {amount}", "{what}, the action's total: {amount}";
    CliFigureActionOnly:
        "{what} : {amount} (pour l'action, sans répartition par financeur)",
        "{what}: {amount} (for the action, not split by funder)";
    CliActionNumberTitle: "Action {number} – {title}", "Action {number} – {title}";
    CliActionNumber: "Action {number}", "Action {number}";
    CliActionTitle: "Action – {title}", "Action – {title}";
    CliAction: "Action", "Action";
    CliAtRow: " (ligne {row})", " (row {row})";
    CliSharesIncomplete:
        "Parts et cofinancement : non calculables, un montant prévu de l'action est illisible",
        "Shares and co-financing: cannot be computed, a planned amount of the action is unreadable";
    CliCoFinancingNoCost: "Cofinancement : aucun coût prévu", "Co-financing: no planned cost";
    CliCoFinancingExempt:
        "Cofinancement : part de l'État {share}, action exemptée de la règle",
        "Co-financing: State share {share}, action exempted from the rule";
    CliCoFinancingKept:
        "Cofinancement : part de l'État {share} ≤ {max} : règle respectée",
        "Co-financing: State share {share} ≤ {max}: rule kept";
    CliCoFinancingBroken:
        "Cofinancement : part de l'État {share} > {max} : RÈGLE NON RESPECTÉE — excédent de l'État {excess}",
        "Co-financing: State share {share} > {max}: RULE NOT KEPT — State excess {excess}";
    CliDepartementMissing: ", ou crédits du Département manquants {amount}", ", or missing Département credits {amount}";
    CliScheduleHeading: "Échéancier « {name} » : {total}", "Schedule “{name}”: {total}";
    CliPercent: "{number}\u{A0}%", "{number}%";
    CliFixedAmount: "montant fixe {amount}", "fixed amount {amount}";
    CliRemainder: "reste", "remainder";
    CliInstalmentLine: "Tranche {n} — {label} ({share}) : {amount}", "Instalment {n} — {label} ({share}): {amount}";
    CliOnDate: " le {date}", " on {date}";
    CliAdjustable: " — ajustable au réalisé", " — adjustable to what is achieved";
    CliAchieved: "Réalisé : {amount}", "Achieved: {amount}";
    CliDue:
        "Montant dû (réalisé plafonné à l'engagement de {commitment}) : {due}",
        "Amount due (achieved, capped at the commitment of {commitment}): {due}";
    CliPaid: "Déjà versé : {amount}", "Already paid: {amount}";
    CliRefund: "Trop-perçu à reverser : {amount}", "Overpayment to refund: {amount}";
    CliToPay: "Solde à verser : {amount}", "Balance to pay: {amount}";
    CliConventionHeading: "Convention : {title}", "Convention: {title}";
    CliNoFunders: "aucun (montants non répartis par financeur)", "none (amounts not split by funder)";
    CliCounts:
        "{actions} actions, {groups} groupes ; financeurs : {funders}",
        "{actions} actions, {groups} groups; funders: {funders}";
    CliRule:
        "Règle de cofinancement : part de l'État ≤ {max} du coût de chaque action",
        "Co-financing rule: State share ≤ {max} of each action's cost";
    CliExemptions: " ; exemptions : {list}", "; exemptions: {list}";
    CliRuleNotApplicable:
        "Parts des financeurs et règle de cofinancement : non applicables (le tableau ne répartit pas ses montants entre financeurs)",
        "Funders' shares and co-financing rule: not applicable (the table does not split its amounts between funders)";
    CliReadingHeading: "Lecture supposée", "Assumed reading";
    CliOtherReading: "Autre lecture, avec --other-reading : {label}", "Other reading, with --other-reading: {label}";
    CliOverruledHeading: "Autre lecture appliquée (--other-reading)", "Other reading applied (--other-reading)";
    CliReportHeading: "Lu dans le texte d'un rapport ({count} montants)", "Read from the text of a report ({count} amounts)";
    CliReportFigure: "- ligne {line} : « {words} » {amount} → {meaning}{action}", "- line {line}: “{words}” {amount} → {meaning}{action}";
    CliReportFigureAction: " (action {number})", " (action {number})";
    CliReportFigureSection: "  d'après « {heading} » (ligne {line})", "  from “{heading}” (line {line})";
    CliUncertainHeading: "Montants au sens incertain, non comptés ({count})", "Amounts of uncertain meaning, not counted ({count})";
    CliUncertain: "- ligne {line} : {amount}{action} dans « {context} »", "- line {line}: {amount}{action} in “{context}”";
    CliUncertainSuggestion: "  sens probable : {meaning}", "  likely meaning: {meaning}";
    CliUncertainHint: "Pour les compter, donnez-leur un sens dans la lecture du widget, ou recopiez-les dans un tableau.", "To count them, give them a meaning in the widget's reading preview, or copy them into a table.";
    CliOverruled: "{label}, au lieu de : {message}", "{label}, instead of: {message}";
    CliActionsHeading: "Actions", "Actions";
    CliGroupsHeading: "Sous-totaux par groupe", "Subtotals by group";
    CliUngrouped: "Actions sans groupe", "Actions without a group";
    CliGroupLine: "{name} ({n} actions)", "{name} ({n} actions)";
    CliBreaches: "Actions hors règle de cofinancement : {n}", "Actions outside the co-financing rule: {n}";
    CliGrandTotal: "Total général", "Grand total";
    CliReceivedHeading: "Recettes reçues", "Revenue received";
    CliNamedAmount: "{name} : {amount}", "{name}: {amount}";
    CliReceivedPlanned: " ; part prévue {planned} ; écart {difference}", "; planned share {planned}; difference {difference}";
    CliReceivedNoPlan:
        " (le tableau ne prévoit pas de part de ce financeur à comparer)",
        " (the table plans no share of this funder to compare with)";
    CliYearsHeading: "Années", "Years";
    CliYearsByGroup: "Années par groupe", "Years by group";
    CliYearsByAction: "Années par action", "Years by action";
    CliSchedulesHeading: "Échéanciers", "Schedules";
    CliWarningsHeading: "Avertissements ({n})", "Warnings ({n})";
    CliNoWarning: "Aucune incohérence trouvée.", "No inconsistency found.";
    CliUnreadableCellsHeading: "Cellules illisibles ({n})", "Unreadable cells ({n})";
    CliCalcErrorsHeading: "Calculs impossibles ({n})", "Impossible calculations ({n})";
    CliAmount: "Montant : {amount}", "Amount: {amount}";
    CliWarning: "Attention : {issue}", "Warning: {issue}";
}
}

messages! {
    /// The figure a calculation names when it cannot be carried out
    /// ([`crate::CalcError`]): a table of its own, so that a message naming
    /// a figure known only at run time holds these texts and no others.
    FigureName {
    ExecutedShare: "part de l'exécuté", "share of the executed amount";
    PlannedShare: "part du prévu", "share of the planned amount";
    ScenarioGap: "écart entre scénarios", "gap between scenarios";
    ConsolidatedFunder: "total consolidé d'un financeur", "a funder's consolidated total";
    Consolidated: "total consolidé", "consolidated total";
    ConventionShare: "part d'une convention", "a convention's share";
    Cell: "cellule", "cell";
    StateShare: "part de l'État", "State share";
    StateCap: "plafond de l'État", "State cap";
    StateExcess: "excédent de l'État", "State excess";
    NeededTotal: "total nécessaire", "total needed";
    DepartementMissing: "part du Département manquante", "missing Département share";
    ConsumptionRate: "taux de consommation", "consumption rate";
    Remaining: "crédit restant", "remaining credit";
    Received: "montant reçu", "amount received";
    ReceivedGap: "écart entre reçu et prévu", "gap between received and planned";
    SharesTotal: "total pour les parts", "total for the shares";
    FunderShare: "part d'un financeur", "a funder's share";
    SharesSum: "somme des parts", "sum of the shares";
    LastShare: "dernière part", "last share";
    FundersTotal: "total des financeurs", "funders' total";
    Planned: "montant prévu", "planned amount";
    Subtotal: "sous-total", "subtotal";
    ActionExecuted: "montant exécuté de l'action", "action's executed amount";
    Executed: "montant exécuté", "executed amount";
    ExecutedTotal: "total exécuté", "executed total";
    CarryOver: "montant à reporter", "amount to carry over";
    Committed: "crédits engagés", "committed credits";
    YearTotal: "total de l'année", "year's total";
    YearlyChange: "évolution annuelle", "yearly change";
    Instalment: "tranche", "instalment";
    InstalmentsSum: "somme des tranches", "sum of the instalments";
    Balance: "solde", "balance";
    InstalmentsGap: "écart des tranches", "gap of the instalments";
    UnitsCost: "unités × coût unitaire", "units × unit cost";
    Rate: "taux", "rate";
    PlannedAmounts: "montants prévus", "planned amounts";
    OthersPlanned: "prévu des autres actions", "planned for the other actions";
    OthersExecuted: "réalisé des autres actions", "executed for the other actions";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of both tables: (its name, French, English).
    fn every_text() -> Vec<(String, &'static str, &'static str)> {
        let msgs = Msg::ALL
            .iter()
            .map(|m| (format!("{m:?}"), m.text(Lang::Fr), m.text(Lang::En)));
        let figures = FigureName::ALL.iter().map(|f| {
            (
                format!("FigureName::{f:?}"),
                f.text(Lang::Fr),
                f.text(Lang::En),
            )
        });
        msgs.chain(figures).collect()
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for (msg, fr, en) in every_text() {
            assert!(!fr.trim().is_empty(), "{msg:?}: French text empty");
            assert!(!en.trim().is_empty(), "{msg:?}: English text empty");
            assert_eq!(placeholders(fr), placeholders(en), "{msg:?}");
        }
    }

    #[test]
    fn english_is_not_french_left_untranslated() {
        // « » are French quotation marks, and a space before « : » is French
        // typography: neither belongs in English.
        for (msg, _, en) in every_text() {
            assert!(!en.contains('«') && !en.contains(" :"), "{msg:?}: {en}");
        }
    }

    #[test]
    fn fills_each_placeholder_once() {
        let filled = Msg::ExprBadNumber.fill(Lang::Fr, &[("text", &"{text} 1,5,3")]);
        assert_eq!(filled, "nombre illisible « {text} 1,5,3 »");
        assert_eq!(
            fill("{a} {b} {a} {c", &[("a", &1), ("b", &"x")]),
            "1 x 1 {c"
        );
        assert_eq!(fill("{}{unknown}", &[]), "{}{unknown}");
        assert_eq!(fill("fin {", &[]), "fin {");
    }
}
