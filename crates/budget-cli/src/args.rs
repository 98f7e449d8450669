//! Command-line arguments, parsed by hand (three sub-commands and a handful of
//! options do not justify a parsing crate and its build time).

use budget_core::export::ScdlField;
use budget_core::messages::Msg;
use budget_core::number::{parse_amount, parse_cell, read_share, CellValue};
use budget_core::tranches;
use budget_core::{Decimal, Instalment, Lang, Share};

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

/// A usage error, in the language of the command.
pub type UsageError = String;

/// Parses the arguments after the program name; `env_lang` is `BUDGET_LANG`.
/// Returns the language of the output ([`crate::lang::take`]) and the command.
pub fn parse(args: &[String], env_lang: Option<&str>) -> (Lang, Result<Command, UsageError>) {
    let (lang, rest) = crate::lang::take(args, env_lang);
    (lang, rest.and_then(|rest| parse_command(&rest, lang)))
}

fn parse_command(args: &[String], lang: Lang) -> Result<Command, UsageError> {
    if args
        .iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "-h" || a == "--help")
    {
        return Ok(Command::Help);
    }
    let Some((first, rest)) = args.split_first() else {
        return Err(Msg::CliNoCommand.text(lang).into());
    };
    match first.as_str() {
        "-h" | "--help" | "help" | "aide" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "check" => parse_check(rest, lang).map(Command::Check),
        "tranches" => parse_tranches(rest, lang).map(Command::Tranches),
        "export" => parse_export(rest, lang).map(Command::Export),
        "eval" => parse_eval(rest, lang),
        other => Err(Msg::CliUnknownCommand.fill(lang, &[("command", &other)])),
    }
}

/// Takes the value of option `name` from `it`.
fn value<'a>(
    name: &str,
    it: &mut impl Iterator<Item = &'a String>,
    lang: Lang,
) -> Result<&'a str, UsageError> {
    it.next()
        .map(String::as_str)
        .ok_or_else(|| Msg::CliOptionNeedsValue.fill(lang, &[("option", &name)]))
}

/// The value of option `name`: given inline (`--name=value`) or the next
/// argument (`--name value`).
fn option_value<'a>(
    name: &str,
    inline: Option<&str>,
    it: &mut impl Iterator<Item = &'a String>,
    lang: Lang,
) -> Result<String, UsageError> {
    match inline {
        Some(v) => Ok(v.to_string()),
        None => value(name, it, lang).map(str::to_string),
    }
}

/// `--name=value` or `--name value`.
fn split_option(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('=') {
        Some((name, v)) if name.starts_with("--") => (name, Some(v)),
        _ => (arg, None),
    }
}

fn parse_check(args: &[String], lang: Lang) -> Result<CheckArgs, UsageError> {
    let mut out = CheckArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = split_option(arg);
        match name {
            "--json" => out.json = true,
            "--summary-csv" => out.summary_csv = Some(option_value(name, inline, &mut it, lang)?),
            "--consolidate" => out.consolidate = true,
            "--other-reading" => out.other_reading = true,
            "--state-max" => {
                out.state_max = Some(state_max(
                    &option_value(name, inline, &mut it, lang)?,
                    lang,
                )?)
            }
            "--exempt" => out.exempt.push(option_value(name, inline, &mut it, lang)?),
            _ if name.starts_with('-') && name != "-" => {
                return Err(
                    Msg::CliUnknownOption.fill(lang, &[("option", &name), ("command", &"check")])
                )
            }
            _ => out.files.push(arg.clone()),
        }
    }
    if out.files.is_empty() {
        return Err(Msg::CliCheckNeedsFile.text(lang).into());
    }
    if out.consolidate && out.summary_csv.is_some() {
        return Err(Msg::CliConsolidateAndSummary.text(lang).into());
    }
    if out.files.len() > 1 && out.files.iter().any(|f| f == "-") {
        return Err(Msg::CliStdinAlone.text(lang).into());
    }
    Ok(out)
}

fn parse_export(args: &[String], lang: Lang) -> Result<ExportArgs, UsageError> {
    let mut file: Option<String> = None;
    let (mut format, mut output, mut meta_file, mut attribuant) = (None, None, None, None);
    let mut other_reading = false;
    let mut scdl = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = split_option(arg);
        match name {
            "--format" | "-f" => {
                let f = option_value(name, inline, &mut it, lang)?;
                format = Some(match f.to_lowercase().as_str() {
                    "csv" => ExportFormat::Csv,
                    "xlsx" => ExportFormat::Xlsx,
                    "json" => ExportFormat::Json,
                    "scdl" => ExportFormat::Scdl,
                    _ => return Err(Msg::CliUnknownFormat.fill(lang, &[("format", &f)])),
                });
            }
            "-o" | "--output" => output = Some(option_value(name, inline, &mut it, lang)?),
            "--other-reading" => other_reading = true,
            "--meta" => meta_file = Some(option_value(name, inline, &mut it, lang)?),
            "--attribuant" => attribuant = Some(option_value(name, inline, &mut it, lang)?),
            _ => {
                if let Some(field) = crate::export::field_of_flag(name) {
                    scdl.push((field, option_value(name, inline, &mut it, lang)?));
                } else if name.starts_with('-') && name != "-" {
                    return Err(Msg::CliUnknownOption
                        .fill(lang, &[("option", &name), ("command", &"export")]));
                } else if file.is_some() {
                    return Err(Msg::CliOneFile.fill(lang, &[("file", arg)]));
                } else {
                    file = Some(arg.clone());
                }
            }
        }
    }
    let format = format.ok_or(Msg::CliExportNeedsFormat.text(lang))?;
    if format != ExportFormat::Scdl
        && (meta_file.is_some() || attribuant.is_some() || !scdl.is_empty())
    {
        return Err(Msg::CliScdlOnly.text(lang).into());
    }
    if format == ExportFormat::Xlsx && output.as_deref().is_none_or(|o| o == "-") {
        return Err(Msg::CliXlsxNeedsOutput.text(lang).into());
    }
    Ok(ExportArgs {
        file: file.ok_or(Msg::CliExportNeedsFile.text(lang))?,
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
fn state_max(text: &str, lang: Lang) -> Result<Decimal, UsageError> {
    read_share(text).ok_or_else(|| Msg::CliStateMax.fill(lang, &[("text", &text)]))
}

fn amount(name: &str, text: &str, lang: Lang) -> Result<Decimal, UsageError> {
    match parse_amount(text) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(Msg::CliOptionNeedsAmount.fill(lang, &[("option", &name)])),
        Err(e) => {
            Err(Msg::CliOptionError.fill(lang, &[("option", &name), ("error", &e.message(lang))]))
        }
    }
}

fn parse_tranches(args: &[String], lang: Lang) -> Result<TranchesArgs, UsageError> {
    let (mut total, mut schedule, mut paid, mut due, mut units, mut unit_cost) =
        (None, None, None, None, None, None);
    let mut json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = split_option(arg);
        match name {
            "--json" => json = true,
            "--amount" => {
                total = Some(amount(
                    name,
                    &option_value(name, inline, &mut it, lang)?,
                    lang,
                )?)
            }
            "--schedule" => {
                schedule = Some(parse_schedule(
                    &option_value(name, inline, &mut it, lang)?,
                    lang,
                )?)
            }
            "--paid" => {
                paid = Some(amount(
                    name,
                    &option_value(name, inline, &mut it, lang)?,
                    lang,
                )?)
            }
            "--due" => {
                due = Some(amount(
                    name,
                    &option_value(name, inline, &mut it, lang)?,
                    lang,
                )?)
            }
            "--units" => {
                units = Some(amount(
                    name,
                    &option_value(name, inline, &mut it, lang)?,
                    lang,
                )?)
            }
            "--unit-cost" => {
                unit_cost = Some(amount(
                    name,
                    &option_value(name, inline, &mut it, lang)?,
                    lang,
                )?)
            }
            _ => {
                return Err(Msg::CliUnknownArgument
                    .fill(lang, &[("argument", arg), ("command", &"tranches")]))
            }
        }
    }
    let achieved = match (due, units, unit_cost) {
        (Some(d), None, None) => Some(Achieved::Spending(d)),
        (None, Some(units), Some(unit_cost)) => Some(Achieved::Units { units, unit_cost }),
        (None, None, None) => None,
        (Some(_), _, _) => return Err(Msg::CliDueOrUnits.text(lang).into()),
        _ => return Err(Msg::CliUnitsTogether.text(lang).into()),
    };
    Ok(TranchesArgs {
        amount: total.ok_or(Msg::CliTranchesNeedsAmount.text(lang))?,
        schedule: schedule.ok_or(Msg::CliTranchesNeedsSchedule.text(lang))?,
        paid,
        achieved,
        json,
    })
}

/// `60,40`, `33,33;33,33;reste`, `1000 €,reste`, or a ready-made schedule
/// (`60/40`, `70/30`, `100`).
pub fn parse_schedule(text: &str, lang: Lang) -> Result<Vec<Instalment>, UsageError> {
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
            Share::Fixed(amount("--schedule", item, lang)?)
        } else {
            match parse_cell(item) {
                Ok(CellValue::Percent(r)) => Share::Percent(
                    r.checked_mul(Decimal::ONE_HUNDRED)
                        .ok_or(Msg::CliSchedulePercentTooLarge.text(lang))?,
                ),
                Ok(CellValue::Amount { value, .. }) => Share::Percent(value),
                _ => {
                    return Err(Msg::CliScheduleUnreadable.fill(lang, &[("n", &n), ("item", &item)]))
                }
            }
        };
        let label = match (&share, n == count) {
            (Share::Remainder, _) => Msg::CliLabelBalance.text(lang).to_string(),
            (_, true) if count > 1 => Msg::CliLabelLastInstalment.fill(lang, &[("n", &n)]),
            _ => Msg::CliLabelInstalment.fill(lang, &[("n", &n)]),
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

fn parse_eval(args: &[String], lang: Lang) -> Result<Command, UsageError> {
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
        return Err(Msg::CliEvalNeedsExpression.text(lang).into());
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

    // The parsers in French, as before `--lang`.
    fn parse(args: &[String]) -> Result<Command, UsageError> {
        super::parse(args, None).1
    }

    fn parse_schedule(text: &str) -> Result<Vec<Instalment>, UsageError> {
        super::parse_schedule(text, Lang::Fr)
    }

    fn state_max(text: &str) -> Result<Decimal, UsageError> {
        super::state_max(text, Lang::Fr)
    }

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
    fn language() {
        let (lang, cmd) = super::parse(&args(&["check", "--lang", "en", "t.tsv"]), Some("fr"));
        assert_eq!(lang, Lang::En);
        let Ok(Command::Check(c)) = cmd else {
            panic!("{cmd:?}")
        };
        assert_eq!(c.files, ["t.tsv"]);
        assert_eq!(
            super::parse(&args(&["--lang", "en", "check"]), None).1,
            Err("check needs a file or a folder: budget check table.tsv".to_string())
        );
        let labels: Vec<String> = super::parse_schedule("50,reste", Lang::En)
            .unwrap()
            .into_iter()
            .map(|i| i.label)
            .collect();
        assert_eq!(labels, ["Instalment 1", "Balance"]);
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
