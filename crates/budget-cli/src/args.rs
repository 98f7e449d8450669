//! Command-line arguments, parsed by hand (three sub-commands and a handful of
//! options do not justify a parsing crate and its build time).

use budget_core::export::ScdlField;
use budget_core::number::{parse_amount, parse_cell, read_share, CellValue};
use budget_core::tranches;
use budget_core::{Decimal, Instalment, Share};

/// The French help text (`budget --help`).
pub const USAGE: &str = "\
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

budget check FICHIER
  Lit un tableau copié d'un tableur (TSV ou CSV) ou une convention enregistrée
  (JSON) et affiche tous les montants calculés (totaux par action, sous-totaux,
  total général, parts des financeurs, règle de cofinancement, taux de
  consommation, crédits non consommés, années, échéanciers) et toutes les
  incohérences (totaux déclarés faux, dépassements…). FICHIER « - » lit
  l'entrée standard.
  Plusieurs fichiers, ou un dossier (lu avec ses sous-dossiers : .xlsx, .xls,
  .ods, .csv, .tsv, .json ; les autres fichiers sont ignorés) : un bloc par
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
";

/// A command to run.
#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    Check(CheckArgs),
    Tranches(TranchesArgs),
    Export(ExportArgs),
    Eval { expression: String, json: bool },
}

#[derive(Debug, Default, PartialEq)]
pub struct CheckArgs {
    /// Files and folders (a folder is read recursively).
    pub files: Vec<String>,
    /// `--summary-csv`: where to write the summary.
    pub summary_csv: Option<String>,
    /// `--consolidate`: the conventions taken together.
    pub consolidate: bool,
    pub json: bool,
    /// As a fraction (60 → 0.6).
    pub state_max: Option<Decimal>,
    pub exempt: Vec<String>,
    /// Read the table the other way each guess of the reader offers.
    pub other_reading: bool,
}

/// The formats of `budget export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Json,
    Scdl,
}

#[derive(Debug, PartialEq)]
pub struct ExportArgs {
    pub file: String,
    pub format: ExportFormat,
    /// `None` or `-`: standard output.
    pub output: Option<String>,
    pub other_reading: bool,
    /// `--meta`: a JSON file of SCDL fields.
    pub meta_file: Option<String>,
    /// `--attribuant`.
    pub attribuant: Option<String>,
    /// The SCDL fields given as options: (field, value), in order.
    pub scdl: Vec<(ScdlField, String)>,
}

#[derive(Debug, PartialEq)]
pub struct TranchesArgs {
    pub amount: Decimal,
    pub schedule: Vec<Instalment>,
    pub paid: Option<Decimal>,
    pub achieved: Option<Achieved>,
    pub json: bool,
}

/// What was achieved, as given on the command line.
#[derive(Debug, PartialEq)]
pub enum Achieved {
    Spending(Decimal),
    Units { units: Decimal, unit_cost: Decimal },
}

/// A usage error, in French.
pub type UsageError = String;

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    if args
        .iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "-h" || a == "--help")
    {
        return Ok(Command::Help);
    }
    let Some((first, rest)) = args.split_first() else {
        return Err("aucune commande : check, export, tranches ou eval".into());
    };
    match first.as_str() {
        "-h" | "--help" | "help" | "aide" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "check" => parse_check(rest).map(Command::Check),
        "tranches" => parse_tranches(rest).map(Command::Tranches),
        "export" => parse_export(rest).map(Command::Export),
        "eval" => parse_eval(rest),
        other => Err(format!(
            "commande inconnue « {other} » : check, export, tranches ou eval"
        )),
    }
}

/// Takes the value of option `name` from `it`.
fn value<'a>(name: &str, it: &mut impl Iterator<Item = &'a String>) -> Result<&'a str, UsageError> {
    it.next()
        .map(String::as_str)
        .ok_or_else(|| format!("{name} attend une valeur"))
}

/// The value of option `name`: given inline (`--name=value`) or the next
/// argument (`--name value`).
fn option_value<'a>(
    name: &str,
    inline: Option<&str>,
    it: &mut impl Iterator<Item = &'a String>,
) -> Result<String, UsageError> {
    match inline {
        Some(v) => Ok(v.to_string()),
        None => value(name, it).map(str::to_string),
    }
}

/// `--name=value` or `--name value`.
fn split_option(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('=') {
        Some((name, v)) if name.starts_with("--") => (name, Some(v)),
        _ => (arg, None),
    }
}

fn parse_check(args: &[String]) -> Result<CheckArgs, UsageError> {
    let mut out = CheckArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = split_option(arg);
        match name {
            "--json" => out.json = true,
            "--summary-csv" => out.summary_csv = Some(option_value(name, inline, &mut it)?),
            "--consolidate" => out.consolidate = true,
            "--other-reading" => out.other_reading = true,
            "--state-max" => {
                out.state_max = Some(state_max(&option_value(name, inline, &mut it)?)?)
            }
            "--exempt" => out.exempt.push(option_value(name, inline, &mut it)?),
            _ if name.starts_with('-') && name != "-" => {
                return Err(format!("option inconnue « {name} » pour check"))
            }
            _ => out.files.push(arg.clone()),
        }
    }
    if out.files.is_empty() {
        return Err("check attend un fichier ou un dossier : budget check tableau.tsv".into());
    }
    if out.consolidate && out.summary_csv.is_some() {
        return Err("--consolidate et --summary-csv ne vont pas ensemble".into());
    }
    if out.files.len() > 1 && out.files.iter().any(|f| f == "-") {
        return Err("l'entrée standard « - » se lit seule, sans autre fichier".into());
    }
    Ok(out)
}

fn parse_export(args: &[String]) -> Result<ExportArgs, UsageError> {
    let mut file: Option<String> = None;
    let (mut format, mut output, mut meta_file, mut attribuant) = (None, None, None, None);
    let mut other_reading = false;
    let mut scdl = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = split_option(arg);
        match name {
            "--format" | "-f" => {
                let f = option_value(name, inline, &mut it)?;
                format = Some(match f.to_lowercase().as_str() {
                    "csv" => ExportFormat::Csv,
                    "xlsx" => ExportFormat::Xlsx,
                    "json" => ExportFormat::Json,
                    "scdl" => ExportFormat::Scdl,
                    _ => {
                        return Err(format!(
                            "--format « {f} » inconnu : csv, xlsx, json ou scdl"
                        ))
                    }
                });
            }
            "-o" | "--output" => output = Some(option_value(name, inline, &mut it)?),
            "--other-reading" => other_reading = true,
            "--meta" => meta_file = Some(option_value(name, inline, &mut it)?),
            "--attribuant" => attribuant = Some(option_value(name, inline, &mut it)?),
            _ => {
                if let Some((_, field)) = crate::export::SCDL_FLAGS
                    .iter()
                    .find(|(flag, _)| *flag == name)
                {
                    scdl.push((*field, option_value(name, inline, &mut it)?));
                } else if name.starts_with('-') && name != "-" {
                    return Err(format!("option inconnue « {name} » pour export"));
                } else if file.is_some() {
                    return Err(format!("un seul fichier à la fois (« {arg} » en trop)"));
                } else {
                    file = Some(arg.clone());
                }
            }
        }
    }
    let format = format.ok_or("export attend --format csv, xlsx, json ou scdl")?;
    if format != ExportFormat::Scdl
        && (meta_file.is_some() || attribuant.is_some() || !scdl.is_empty())
    {
        return Err(
            "--meta, --attribuant et les champs SCDL ne servent qu'avec --format scdl".into(),
        );
    }
    if format == ExportFormat::Xlsx && output.as_deref().is_none_or(|o| o == "-") {
        return Err(
            "--format xlsx demande -o FICHIER.xlsx (un classeur ne s'écrit pas dans le terminal)"
                .into(),
        );
    }
    Ok(ExportArgs {
        file: file.ok_or("export attend un fichier : budget export tableau.tsv --format csv")?,
        format,
        output,
        other_reading,
        meta_file,
        attribuant,
        scdl,
    })
}

/// `60`, `60 %`, `60,5`, `0,6` → 0.60, 0.605, 0.6: the core's one reader of a
/// share ([`read_share`]), as the widget's settings read it.
fn state_max(text: &str) -> Result<Decimal, UsageError> {
    read_share(text).ok_or_else(|| {
        format!("--state-max attend une part entre 0 et 100 % : 50, 50 % ou 0,5 (« {text} »)")
    })
}

fn amount(name: &str, text: &str) -> Result<Decimal, UsageError> {
    match parse_amount(text) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(format!("{name} attend un montant")),
        Err(e) => Err(format!("{name} : {e}")),
    }
}

fn parse_tranches(args: &[String]) -> Result<TranchesArgs, UsageError> {
    let (mut total, mut schedule, mut paid, mut due, mut units, mut unit_cost) =
        (None, None, None, None, None, None);
    let mut json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = split_option(arg);
        match name {
            "--json" => json = true,
            "--amount" => total = Some(amount(name, &option_value(name, inline, &mut it)?)?),
            "--schedule" => schedule = Some(parse_schedule(&option_value(name, inline, &mut it)?)?),
            "--paid" => paid = Some(amount(name, &option_value(name, inline, &mut it)?)?),
            "--due" => due = Some(amount(name, &option_value(name, inline, &mut it)?)?),
            "--units" => units = Some(amount(name, &option_value(name, inline, &mut it)?)?),
            "--unit-cost" => unit_cost = Some(amount(name, &option_value(name, inline, &mut it)?)?),
            _ => return Err(format!("argument inconnu « {arg} » pour tranches")),
        }
    }
    let achieved = match (due, units, unit_cost) {
        (Some(d), None, None) => Some(Achieved::Spending(d)),
        (None, Some(units), Some(unit_cost)) => Some(Achieved::Units { units, unit_cost }),
        (None, None, None) => None,
        (Some(_), _, _) => return Err("--due ou --units/--unit-cost, pas les deux".into()),
        _ => return Err("--units et --unit-cost vont ensemble".into()),
    };
    Ok(TranchesArgs {
        amount: total.ok_or("tranches attend --amount MONTANT")?,
        schedule: schedule.ok_or("tranches attend --schedule TRANCHES (par exemple 60,40)")?,
        paid,
        achieved,
        json,
    })
}

/// `60,40`, `33,33;33,33;reste`, `1000 €,reste`, or a ready-made schedule
/// (`60/40`, `70/30`, `100`).
pub fn parse_schedule(text: &str) -> Result<Vec<Instalment>, UsageError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.as_str() {
        "60/40" => return Ok(tranches::sixty_forty()),
        "70/30" => return Ok(tranches::seventy_thirty_adjusted()),
        "100" | "100%" => return Ok(tranches::full_at_signature()),
        _ => {}
    }
    let separator = if text.contains(';') { ';' } else { ',' };
    let items: Vec<&str> = text.split(separator).map(str::trim).collect();
    let count = items.len();
    let mut out = Vec::with_capacity(count);
    for (i, item) in items.into_iter().enumerate() {
        let n = i.saturating_add(1);
        let lower = item.to_lowercase();
        let share = if ["reste", "solde", "rest", "remainder", "*"].contains(&lower.as_str()) {
            Share::Remainder
        } else if lower.ends_with('€') || lower.ends_with("eur") {
            Share::Fixed(amount("--schedule", item)?)
        } else {
            match parse_cell(item) {
                Ok(CellValue::Percent(r)) => Share::Percent(
                    r.checked_mul(Decimal::ONE_HUNDRED)
                        .ok_or("--schedule : pourcentage trop grand")?,
                ),
                Ok(CellValue::Amount { value, .. }) => Share::Percent(value),
                _ => return Err(format!("--schedule : tranche {n} illisible « {item} »")),
            }
        };
        let label = match (&share, n == count) {
            (Share::Remainder, _) => "Solde".to_string(),
            (_, true) if count > 1 => format!("Tranche {n} (solde)"),
            _ => format!("Tranche {n}"),
        };
        out.push(Instalment {
            share,
            label,
            date: None,
            adjusted: false,
        });
    }
    Ok(out)
}

fn parse_eval(args: &[String]) -> Result<Command, UsageError> {
    let mut json = false;
    let mut parts: Vec<&str> = Vec::new();
    let mut verbatim = false;
    for arg in args {
        match arg.as_str() {
            "--" if !verbatim => verbatim = true,
            "--json" if !verbatim => json = true,
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        return Err("eval attend une expression : budget eval \"534,82*12\"".into());
    }
    Ok(Command::Eval {
        expression: parts.join(" "),
        json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn check_options() {
        let cmd = parse(&args(&[
            "check",
            "t.tsv",
            "--state-max",
            "60",
            "--exempt",
            "Volet 1",
            "--exempt=Volet 3",
            "--json",
        ]));
        assert_eq!(
            cmd,
            Ok(Command::Check(CheckArgs {
                files: vec!["t.tsv".into()],
                summary_csv: None,
                consolidate: false,
                json: true,
                state_max: Some(d("0.6")),
                exempt: vec!["Volet 1".into(), "Volet 3".into()],
                other_reading: false,
            }))
        );
        assert!(parse(&args(&["check"])).is_err());
        let Ok(Command::Check(many)) =
            parse(&args(&["check", "a", "dossier", "--summary-csv", "s.csv"]))
        else {
            panic!("two files are checked");
        };
        assert_eq!(many.files, ["a", "dossier"]);
        assert_eq!(many.summary_csv.as_deref(), Some("s.csv"));
        assert!(parse(&args(&["check", "a", "-"])).is_err());
        assert!(parse(&args(&["check", "a", "--state-max", "150"])).is_err());
        assert!(parse(&args(&["check", "a", "--state-max"])).is_err());
        assert!(parse(&args(&["check", "a", "--nope"])).is_err());
        // 60 % and 62,5 read as percentages too.
        assert_eq!(state_max("60 %"), Ok(d("0.6")));
        assert_eq!(state_max("62,5"), Ok(d("0.625")));
        // The widget's reading: a fraction is a fraction, not 0,5 %.
        assert_eq!(state_max("0,5"), Ok(d("0.5")));
        assert!(state_max("150").is_err());
    }

    #[test]
    fn export_options() {
        let cmd = parse(&args(&[
            "export",
            "t.tsv",
            "--format=scdl",
            "--meta",
            "m.json",
            "--id-attribuant",
            "130 007 917 00011",
            "-o",
            "out.csv",
        ]));
        assert_eq!(
            cmd,
            Ok(Command::Export(ExportArgs {
                file: "t.tsv".into(),
                format: ExportFormat::Scdl,
                output: Some("out.csv".into()),
                other_reading: false,
                meta_file: Some("m.json".into()),
                attribuant: None,
                scdl: vec![(ScdlField::IdAttribuant, "130 007 917 00011".into())],
            }))
        );
        assert!(parse(&args(&["export", "t.tsv"])).is_err());
        assert!(parse(&args(&["export", "t.tsv", "--format", "pdf"])).is_err());
        assert!(parse(&args(&["export", "t.tsv", "--format", "xlsx"])).is_err());
        assert!(parse(&args(&["export", "t.tsv", "--format", "xlsx", "-o", "-"])).is_err());
        assert!(parse(&args(&[
            "export", "t.tsv", "--format", "csv", "--nature", "x"
        ]))
        .is_err());
        assert!(parse(&args(&["export", "--format", "csv"])).is_err());
    }

    #[test]
    fn schedules() {
        let percents = |s: &str| -> Vec<Share> {
            parse_schedule(s)
                .unwrap()
                .into_iter()
                .map(|i| i.share)
                .collect()
        };
        assert_eq!(
            percents("60,40"),
            vec![Share::Percent(d("60")), Share::Percent(d("40"))]
        );
        assert_eq!(
            percents("33,33;33,33;reste"),
            vec![
                Share::Percent(d("33.33")),
                Share::Percent(d("33.33")),
                Share::Remainder
            ]
        );
        assert_eq!(
            percents("1 000 €, solde"),
            vec![Share::Fixed(d("1000")), Share::Remainder]
        );
        assert_eq!(
            percents("70 %,30 %"),
            vec![Share::Percent(d("70")), Share::Percent(d("30"))]
        );
        assert_eq!(
            parse_schedule("70/30").unwrap(),
            tranches::seventy_thirty_adjusted()
        );
        assert!(parse_schedule("60,abc").is_err());
    }

    #[test]
    fn tranches_options() {
        let cmd = parse(&args(&[
            "tranches",
            "--amount",
            "1 300 000,00 €",
            "--schedule",
            "70/30",
            "--paid",
            "910000",
            "--units",
            "202,5",
            "--unit-cost",
            "6 417,84",
        ]))
        .unwrap();
        let Command::Tranches(t) = cmd else {
            panic!("{cmd:?}")
        };
        assert_eq!(t.amount, d("1300000"));
        assert_eq!(t.paid, Some(d("910000")));
        assert_eq!(
            t.achieved,
            Some(Achieved::Units {
                units: d("202.5"),
                unit_cost: d("6417.84")
            })
        );
        assert!(parse(&args(&["tranches", "--schedule", "60,40"])).is_err());
        assert!(parse(&args(&[
            "tranches",
            "--amount",
            "12,5O",
            "--schedule",
            "60,40"
        ]))
        .is_err());
        assert!(parse(&args(&[
            "tranches",
            "--amount",
            "1",
            "--schedule",
            "60,40",
            "--units",
            "2"
        ]))
        .is_err());
    }

    #[test]
    fn eval_keeps_the_expression() {
        assert_eq!(
            parse(&args(&["eval", "--", "-5", "+3"])),
            Ok(Command::Eval {
                expression: "-5 +3".into(),
                json: false
            })
        );
        assert!(parse(&args(&["eval"])).is_err());
        assert!(parse(&args(&[])).is_err());
        assert!(parse(&args(&["frobnicate"])).is_err());
    }
}
