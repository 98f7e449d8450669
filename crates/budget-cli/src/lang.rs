//! The language of the output: `--lang fr|en`, anywhere before `--`, else
//! `BUDGET_LANG`, else French.

use budget_core::messages::Msg;
use budget_core::Lang;

use crate::args::UsageError;

/// `fr`, `en` (case ignored; `en_GB.UTF-8` is `en`).
fn lang_of(code: &str) -> Option<Lang> {
    let code = code.trim().to_ascii_lowercase();
    let base = code.split(['_', '-', '.']).next().unwrap_or("");
    match base {
        "fr" | "francais" | "français" => Some(Lang::Fr),
        "en" | "english" | "anglais" => Some(Lang::En),
        _ => None,
    }
}

/// The language and the arguments without `--lang`; `env_lang` is
/// `BUDGET_LANG`. `--lang` wins over `BUDGET_LANG`, even a wrong one; after
/// `--` it is an argument like any other (`budget eval -- --lang`). A wrong
/// language is a usage error, told in the language known so far.
pub fn take(args: &[String], env_lang: Option<&str>) -> (Lang, Result<Vec<String>, UsageError>) {
    let mut env_error = None;
    let mut lang = match env_lang.map(str::trim).filter(|c| !c.is_empty()) {
        None => Lang::Fr,
        Some(code) => lang_of(code).unwrap_or_else(|| {
            env_error = Some(code.to_string());
            Lang::Fr
        }),
    };
    let mut rest: Vec<String> = Vec::with_capacity(args.len());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--" {
            rest.push(arg.clone());
            rest.extend(it.by_ref().cloned());
            break;
        }
        let code = match arg.strip_prefix("--lang") {
            Some("") => match it.next() {
                Some(code) => code,
                None => {
                    let e = Msg::CliOptionNeedsValue.fill(lang, &[("option", &"--lang")]);
                    return (lang, Err(e));
                }
            },
            Some(inline) if inline.starts_with('=') => inline.get(1..).unwrap_or(""),
            _ => {
                rest.push(arg.clone());
                continue;
            }
        };
        match lang_of(code) {
            Some(l) => {
                lang = l;
                env_error = None;
            }
            None => {
                return (
                    lang,
                    Err(Msg::CliUnknownLang.fill(lang, &[("lang", &code)])),
                )
            }
        }
    }
    match env_error {
        Some(code) => (
            lang,
            Err(Msg::CliUnknownLangEnv.fill(lang, &[("lang", &code)])),
        ),
        None => (lang, Ok(rest)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn where_the_language_comes_from() {
        assert_eq!(
            take(&args(&["eval", "1"]), None),
            (Lang::Fr, Ok(args(&["eval", "1"])))
        );
        assert_eq!(take(&args(&["eval", "1"]), Some("en_GB.UTF-8")).0, Lang::En);
        assert_eq!(
            take(&args(&["check", "--lang", "en", "t.tsv"]), Some("fr")),
            (Lang::En, Ok(args(&["check", "t.tsv"])))
        );
        assert_eq!(take(&args(&["--lang=EN", "eval", "1"]), None).0, Lang::En);
        // After --, --lang is part of the expression.
        assert_eq!(
            take(&args(&["eval", "--", "--lang", "en"]), None),
            (Lang::Fr, Ok(args(&["eval", "--", "--lang", "en"])))
        );
        // --language is not --lang.
        assert_eq!(
            take(&args(&["--language"]), None).1,
            Ok(args(&["--language"]))
        );
        assert!(take(&args(&["eval", "1", "--lang"]), None).1.is_err());
        assert_eq!(
            take(&args(&["eval", "1", "--lang", "de"]), None).1,
            Err("--lang « de » inconnu : fr ou en".to_string())
        );
        assert_eq!(
            take(&args(&["eval", "1"]), Some("de")).1,
            Err("BUDGET_LANG « de » inconnu : fr ou en".to_string())
        );
        assert!(take(&args(&["--lang", "fr", "eval", "1"]), Some("de"))
            .1
            .is_ok());
        assert_eq!(
            take(&args(&["--lang", "en", "--lang", "xx"]), None),
            (Lang::En, Err("--lang “xx” unknown: fr or en".to_string()))
        );
    }
}
