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

/// Defines [`Msg`], [`Msg::ALL`] and [`Msg::text`] from `Key: "français", "English";`.
macro_rules! messages {
    ($($(#[$doc:meta])* $key:ident: $fr:expr, $en:expr;)*) => {
        /// A text of the core.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$doc])* $key,)*
        }

        impl Msg {
            /// Every message, in the order of the table (for the tests).
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The text in `lang`, placeholders unfilled.
            #[inline(always)]
            pub const fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$key => match lang {
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
        "format de fichier non reconnu : « {name} » (formats lus : .xlsx, .xls, .ods, .csv, .tsv, .txt, .json)",
        "unrecognised file format: “{name}” (formats read: .xlsx, .xls, .ods, .csv, .tsv, .txt, .json)";
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
        "La ligne {row} (« {line} ») ressemble au texte d'un rapport : collez le tableau financier, ou recopiez ces montants dans un tableau.",
        "Row {row} (“{line}”) looks like the text of a report: paste the financial table, or copy these amounts into a table.";
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


    // The figures a calculation error names (crate::error CalcError `what`).
    WhatExecutedShare: "part de l'exécuté", "share of the executed amount";
    WhatPlannedShare: "part du prévu", "share of the planned amount";
    WhatScenarioGap: "écart entre scénarios", "gap between scenarios";
    WhatConsolidatedFunder: "total consolidé d'un financeur", "a funder's consolidated total";
    WhatConsolidated: "total consolidé", "consolidated total";
    WhatConventionShare: "part d'une convention", "a convention's share";
    WhatCell: "cellule", "cell";
    WhatStateShare: "part de l'État", "State share";
    WhatStateCap: "plafond de l'État", "State cap";
    WhatStateExcess: "excédent de l'État", "State excess";
    WhatNeededTotal: "total nécessaire", "total needed";
    WhatDepartementMissing: "part du Département manquante", "missing Département share";
    WhatConsumptionRate: "taux de consommation", "consumption rate";
    WhatRemaining: "crédit restant", "remaining credit";
    WhatReceived: "montant reçu", "amount received";
    WhatReceivedGap: "écart entre reçu et prévu", "gap between received and planned";
    WhatSharesTotal: "total pour les parts", "total for the shares";
    WhatFunderShare: "part d'un financeur", "a funder's share";
    WhatSharesSum: "somme des parts", "sum of the shares";
    WhatLastShare: "dernière part", "last share";
    WhatFundersTotal: "total des financeurs", "funders' total";
    WhatPlanned: "montant prévu", "planned amount";
    WhatSubtotal: "sous-total", "subtotal";
    WhatActionExecuted: "montant exécuté de l'action", "action's executed amount";
    WhatExecuted: "montant exécuté", "executed amount";
    WhatExecutedTotal: "total exécuté", "executed total";
    WhatCarryOver: "montant à reporter", "amount to carry over";
    WhatCommitted: "crédits engagés", "committed credits";
    WhatYearTotal: "total de l'année", "year's total";
    WhatYearlyChange: "évolution annuelle", "yearly change";
    WhatInstalment: "tranche", "instalment";
    WhatInstalmentsSum: "somme des tranches", "sum of the instalments";
    WhatBalance: "solde", "balance";
    WhatInstalmentsGap: "écart des tranches", "gap of the instalments";
    WhatUnitsCost: "unités × coût unitaire", "units × unit cost";

    WhatRate: "taux", "rate";
    WhatPlannedAmounts: "montants prévus", "planned amounts";
    WhatOthersPlanned: "prévu des autres actions", "planned for the other actions";
    WhatOthersExecuted: "réalisé des autres actions", "executed for the other actions";


    // Consolidation (crate::consolidate): the funders' names.
    ConsolidatedState: "État", "State";
    ConsolidatedDepartement: "Département", "Département";
    ConsolidatedUnsplit: "Montants non répartis", "Amounts not split by funder";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let (fr, en) = (msg.text(Lang::Fr), msg.text(Lang::En));
            assert!(!fr.trim().is_empty(), "{msg:?}: French text empty");
            assert!(!en.trim().is_empty(), "{msg:?}: English text empty");
            assert_eq!(placeholders(fr), placeholders(en), "{msg:?}");
        }
    }

    #[test]
    fn english_is_not_french_left_untranslated() {
        // « » are French quotation marks, and a space before « : » is French
        // typography: neither belongs in English.
        for msg in Msg::ALL {
            let en = msg.text(Lang::En);
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
