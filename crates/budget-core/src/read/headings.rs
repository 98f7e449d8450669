//! Naming the columns: each heading's role ([`classify_header`]), then the
//! choices that depend on the whole table ([`column_roles`]: amounts naming
//! no funder, the title column, a table without headings).

use super::*;

/// Words of no weight when deciding whether a year is what a heading is about.
pub(super) const STOP_WORDS: [&str; 19] = [
    "de", "du", "des", "d", "l", "la", "le", "les", "en", "pour", "au", "aux", "et", "part",
    "annee", "exercice", "sur", "par", "a",
];

/// Other funders recognised by name in a heading.
pub(super) const NAMED_FUNDERS: [(&str, &str); 11] = [
    ("caf", "CAF"),
    ("msa", "MSA"),
    ("fse", "FSE"),
    ("feder", "FEDER"),
    ("ars", "ARS"),
    ("cpam", "CPAM"),
    ("cnaf", "CNAF"),
    ("epci", "EPCI"),
    ("region", "Région"),
    ("commune", "Communes"),
    ("communes", "Communes"),
];

/// A heading, folded and cut into words, ready to be matched.
pub(super) struct Heading {
    /// Folded text, trimmed.
    pub(super) folded: String,
    /// Folded text without blanks: for `(a)`, `(a+b+c)`.
    pub(super) compact: String,
    /// Alphanumeric words of the folded text.
    pub(super) words: Vec<String>,
    /// ` word word … ` with single spaces, for phrase matching on word boundaries.
    pub(super) spaced: String,
}

impl Heading {
    pub(super) fn new(text: &str) -> Self {
        let folded = fold(text.trim());
        let compact: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let spaced = format!(" {} ", words.join(" "));
        Self {
            folded,
            compact,
            words,
            spaced,
        }
    }

    pub(super) fn has_word(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }

    pub(super) fn any_word(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.has_word(w))
    }

    pub(super) fn any_prefix(&self, prefixes: &[&str]) -> bool {
        self.words
            .iter()
            .any(|w| prefixes.iter().any(|p| w.starts_with(p)))
    }

    /// Whether the words contain `phrase` (words separated by single spaces).
    pub(super) fn has_phrase(&self, phrase: &str) -> bool {
        self.spaced.contains(&format!(" {phrase} "))
    }

    pub(super) fn any_phrase(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.has_phrase(p))
    }

    /// The column letter of the annex: `A - …`, `(B)`, `F) …`.
    pub(super) fn code_letter(&self) -> Option<char> {
        let mut chars = self.folded.chars();
        let first = chars.next()?;
        let after = chars.find(|c| !c.is_whitespace());
        if ('a'..='f').contains(&first) && matches!(after, Some('-' | '–' | '—' | ')' | '.' | ':'))
        {
            return Some(first);
        }
        ('a'..='f').find(|l| self.compact.contains(&format!("({l})")))
    }

    /// The funders a heading names, without repeats.
    pub(super) fn funders(&self) -> Vec<FunderRef> {
        let code = self.code_letter();
        let mut found = Vec::new();
        let mut add = |f: FunderRef| {
            if !found.contains(&f) {
                found.push(f);
            }
        };
        if self.has_word("etat")
            || self.any_phrase(&["participations directes", "participation directe"])
            || code == Some('a')
        {
            add(FunderRef::State);
        }
        if self.any_word(&["cd", "departement", "cg"])
            || self.has_phrase("conseil departemental")
            || code == Some('b')
        {
            add(FunderRef::Departement);
        }
        if self.any_phrase(&[
            "autres financeurs",
            "autre financeur",
            "autres financements",
            "autres partenaires",
        ]) || code == Some('c')
        {
            add(FunderRef::Other("Autres financeurs".into()));
        }
        for (word, name) in NAMED_FUNDERS {
            if self.has_word(word) {
                add(FunderRef::Other(name.into()));
            }
        }
        found
    }

    /// The year a short heading is about (`2024`, `Subvention 2019`, `Etat 2025`);
    /// `None` when a year only dates a longer heading ("… pour la convention 2024").
    pub(super) fn year(&self) -> Option<i32> {
        let is_year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        let mut years = self
            .words
            .iter()
            .filter(|w| is_year(w))
            .filter_map(|w| w.parse::<i32>().ok())
            .filter(|y| (1990..=2100).contains(y));
        let year = years.next()?;
        if years.next().is_some() {
            return None;
        }
        let others = self
            .words
            .iter()
            .filter(|w| !is_year(w) && !STOP_WORDS.contains(&w.as_str()))
            .count();
        (others <= 3).then_some(year)
    }

    /// Words that are nothing but the year (and stop words).
    pub(super) fn is_bare_year(&self) -> bool {
        self.words.iter().all(|w| {
            (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                || STOP_WORDS.contains(&w.as_str())
                || w == "montant"
                || w == "montants"
        })
    }
}

/// What a heading says, before looking at the other columns.
#[derive(Debug, PartialEq)]
pub(super) enum Guess {
    Role(ColumnRole),
    /// A heading that is only a year (`2024`): the State's amounts of that year,
    /// or the year's total when other columns give each funder's amount for it.
    BareYear(i32),
}

/// The role a heading names, on its own. Matching ignores case, accents and
/// punctuation; the most specific rule wins:
///
/// 1. descriptive columns: `commentaire`, `observations` → comments; `taux` →
///    rate; `ligne budgétaire` → budget line; `intitulé`, `libellé` → title;
///    `fiche action`, `n°`, `numéro` → number; `axe`, `mesure`, `volet`,
///    `programme` → group;
///    `direction`, `service` → service;
/// 2. execution: `recette(s)`, `encaissé`, `perçu`, `versement` of a funder
///    named → received; `à reporter`, `report demandé` → to carry over;
///    `engagé(s)` → committed; `consommé`, `exécuté`, `réalisé`, `mandaté` →
///    executed for the funder named, or the executed total (`Consommation
///    totale`);
/// 3. planned parts: `report` → carry-over, `avenant` → amendment, of the funder
///    named (the State's when none is);
/// 4. planned total: `budget global`, `budget total`, `coût total`, `(A+B+C)`,
///    column letter F;
/// 5. year columns, when the year is what a short heading is about: `Etat 2024`
///    → the State's 2024 amount, `Total 2024` → the year's total, `2024` alone →
///    see [`Guess::BareYear`];
/// 6. a funder named (`Etat`, `part Etat`, `participations directes`, `(A)`; `CD`,
///    `département`, `(B)`; `autres financeurs`, `(C)`, `CAF`, `MSA`, `FSE`…) →
///    its planned amount; two funders or `prévisionnel`, `prévu`, `montant
///    inscrit`, `conventionné`, `total` without a funder → planned total;
///    `subvention` → the State's amount; `montant` alone → planned total;
/// 7. last, the looser words: `action` → number, `dépense` → title.
///
/// Carry-over, commitment, to-carry-over and received columns naming no funder
/// are read as the State's: in these reports they are the State's credits. When
/// *no* heading of the table names a funder, [`column_roles`] reads them as the
/// action's own amounts instead (not split by funder).
pub(super) fn classify_header(text: &str) -> Guess {
    use ColumnRole as R;
    let h = Heading::new(text);
    if h.words.is_empty() {
        return Guess::Role(R::Ignored);
    }
    let funders = h.funders();
    let single = match funders.as_slice() {
        [f] => Some(f.clone()),
        _ => None,
    };
    let named_or_state = || single.clone().unwrap_or(FunderRef::State);
    let planned =
        |funder: FunderRef, part: Part, year: Option<i32>| R::Planned { funder, part, year };

    let role = if h.any_phrase(&[
        "centre de cout",
        "centre financier",
        "code activite",
        "domaine fonctionnel",
        "categorie de produit",
    ]) {
        // Codes of the State's budget (imputation), not amounts.
        R::Ignored
    } else if h.any_prefix(&["commentaire", "observation", "remarque"]) {
        R::Comments
    } else if h.has_word("taux") {
        R::Rate
    } else if h.has_phrase("ligne budgetaire") || h.has_word("imputation") {
        R::BudgetLine
    } else if h.any_prefix(&["intitule", "libelle", "designation"]) {
        R::Title
    } else if h.has_phrase("fiche action")
        || h.any_word(&["numero", "num", "no", "n"])
        || h.compact.starts_with("n°")
    {
        R::Number
    } else if h.any_word(&[
        "axe",
        "axes",
        "mesure",
        "mesures",
        "volet",
        "volets",
        "programme",
        "programmes",
    ]) {
        R::Group
    } else if funders.is_empty() && h.any_word(&["direction", "service", "services", "pilote"]) {
        R::Service
    } else if h.any_prefix(&["recette", "encaiss", "percu"])
        || (!funders.is_empty() && h.any_prefix(&["versement", "verse"]))
    {
        R::Received(named_or_state())
    } else if h.any_phrase(&["a reporter", "report demande", "reports demandes"]) {
        R::ToCarryOver(named_or_state())
    } else if h.any_prefix(&["engag"]) {
        R::Committed(named_or_state())
    } else if h.any_prefix(&["consomm", "execut", "realis", "mandat"]) {
        single.clone().map_or(R::ExecutedTotal, R::Executed)
    } else if h.any_word(&["report", "reports"]) {
        planned(named_or_state(), Part::CarryOver, None)
    } else if h.any_prefix(&["avenant"]) {
        planned(named_or_state(), Part::Amendment, None)
    } else if h.any_phrase(&["budget global", "budget total", "cout total", "cout global"])
        || h.compact.contains("a+b+c")
        || h.code_letter() == Some('f')
    {
        R::PlannedTotal
    } else if let Some(year) = h.year() {
        if let Some(funder) = single.clone() {
            planned(funder, Part::Base, Some(year))
        } else if funders.len() > 1 || h.any_word(&["total", "totaux", "budget", "cout", "global"])
        {
            R::YearTotal(year)
        } else if h.is_bare_year() {
            return Guess::BareYear(year);
        } else {
            planned(FunderRef::State, Part::Base, Some(year))
        }
    } else if let Some(funder) = single.clone() {
        planned(funder, Part::Base, None)
    } else if funders.len() > 1
        || h.has_phrase("montant inscrit")
        || h.any_prefix(&["previsionnel", "prevu", "conventionn", "inscrit"])
        || h.any_word(&["total", "totaux", "budget", "cout"])
    {
        R::PlannedTotal
    } else if h.any_word(&["subvention", "subventions", "dotation"]) {
        planned(FunderRef::State, Part::Base, None)
    } else if h.any_word(&["montant", "montants"]) {
        R::PlannedTotal
    } else if h.any_word(&["action", "actions", "fiche", "ref", "reference"]) {
        R::Number
    } else if h.any_prefix(&["depense"])
        || h.any_word(&[
            "titre",
            "objet",
            "operation",
            "operations",
            "projet",
            "projets",
        ])
    {
        R::Title
    } else {
        R::Ignored
    };
    Guess::Role(role)
}

/// Whether a row looks like the headings: at least two cells are known headings.
pub(super) fn looks_like_header(row: &Row<'_>) -> bool {
    row.cells
        .iter()
        .filter(|c| !matches!(classify_header(c), Guess::Role(ColumnRole::Ignored)))
        .count()
        >= 2
}

pub(super) fn detect_header_row(grid: &[Row<'_>]) -> Option<usize> {
    grid.iter()
        .take(HEADER_SEARCH_ROWS)
        .find(|r| looks_like_header(r))
        .map(|r| r.number)
}

/// The role of every column: the caller's, else the heading's, with the choices
/// that depend on the other columns made last.
pub(super) fn column_roles(
    grid: &[Row<'_>],
    headers: &[String],
    width: usize,
    has_header: bool,
    data_start: usize,
    options: &ReadOptions,
) -> (Vec<ColumnRole>, Vec<Assumption>) {
    let overrides = options.columns.as_deref().unwrap_or_default();
    if !has_header && overrides.is_empty() {
        return guess_roles_from_content(grid, width, data_start);
    }
    let guesses: Vec<Guess> = (0..width)
        .map(|i| match overrides.get(i) {
            Some(role) => Guess::Role(role.clone()),
            None => classify_header(headers.get(i).map_or("", String::as_str)),
        })
        .collect();
    let dated_funder_years: Vec<i32> = guesses
        .iter()
        .filter_map(|g| match g {
            Guess::Role(ColumnRole::Planned { year: Some(y), .. }) => Some(*y),
            _ => None,
        })
        .collect();
    let mut roles: Vec<ColumnRole> = guesses
        .into_iter()
        .map(|g| match g {
            Guess::Role(role) => role,
            Guess::BareYear(y) if dated_funder_years.contains(&y) => ColumnRole::YearTotal(y),
            Guess::BareYear(y) => ColumnRole::Planned {
                funder: FunderRef::State,
                part: Part::Base,
                year: Some(y),
            },
        })
        .collect();
    // "Total Etat" next to "Report Etat" and "Avenant Etat" repeats their sum: it
    // is not another amount of the State (it would be counted twice).
    for i in 0..roles.len() {
        let Some(ColumnRole::Planned {
            funder,
            part: Part::Base,
            year: None,
        }) = roles.get(i)
        else {
            continue;
        };
        let detected = overrides.get(i).is_none();
        let says_total =
            Heading::new(headers.get(i).map_or("", String::as_str)).any_word(&["total", "totaux"]);
        let has_parts = roles.iter().enumerate().any(|(j, r)| {
            j != i && matches!(r, ColumnRole::Planned { funder: g, .. } if g == funder)
        });
        if detected && says_total && has_parts {
            if let Some(role) = roles.get_mut(i) {
                *role = ColumnRole::Ignored;
            }
        }
    }
    let mut assumptions = Vec::new();
    let header = |i: usize| headers.get(i).cloned().unwrap_or_default();
    let detected = |i: usize| overrides.get(i).is_none();
    let data: Vec<&Row<'_>> = grid.iter().filter(|r| r.number >= data_start).collect();
    if let Some(alternative) =
        unsplit_when_no_funder_is_named(&mut roles, headers, overrides, &data)
    {
        assumptions.push(Assumption {
            kind: AssumptionKind::Unsplit,
            columns: alternative
                .iter()
                .map(|(i, _)| (*i, header(i - 1)))
                .collect(),
            alternative,
            rows: Vec::new(),
            groups_from_subtotals: None,
            group_rows: None,
        });
    }
    // A table split by funder with a commitment or carry-over column that
    // names none (« Crédits engagés », « Report demandé »): the action's own
    // figure, not the State's.
    let split = !roles
        .iter()
        .any(|r| r.funder() == Some(&FunderRef::Unsplit));
    // Planned amounts of no funder in a table that names others (« Report
    // 2021 », « Subvention », « Avenant »): the State's, as in these reports,
    // but said.
    if split {
        let defaulted: Vec<(usize, ColumnRole)> = roles
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                detected(*i)
                    && matches!(
                        r,
                        ColumnRole::Planned {
                            funder: FunderRef::State,
                            ..
                        }
                    )
                    && !names_a_funder(headers, *i)
            })
            .filter_map(|(i, r)| match r {
                ColumnRole::Planned { part, year, .. } => Some((
                    i + 1,
                    ColumnRole::Planned {
                        funder: FunderRef::Departement,
                        part: *part,
                        year: *year,
                    },
                )),
                _ => None,
            })
            .collect();
        if !defaulted.is_empty() {
            assumptions.push(Assumption {
                kind: AssumptionKind::StateByDefault,
                columns: defaulted.iter().map(|(i, _)| (*i, header(i - 1))).collect(),
                alternative: defaulted,
                rows: Vec::new(),
                groups_from_subtotals: None,
                group_rows: None,
            });
        }
    }
    if split {
        for (i, role) in roles.iter_mut().enumerate() {
            if !detected(i) || names_a_funder(headers, i) {
                continue;
            }
            match role {
                ColumnRole::Committed(f) | ColumnRole::ToCarryOver(f) if *f == FunderRef::State => {
                    *f = FunderRef::Unsplit;
                }
                _ => {}
            }
        }
    }
    if !roles.contains(&ColumnRole::Title) {
        let data: Vec<&Row<'_>> = grid.iter().filter(|r| r.number >= data_start).collect();
        let found = (0..roles.len()).find(|&i| {
            detected(i)
                && matches!(roles.get(i), Some(ColumnRole::Ignored | ColumnRole::Number))
                && holds_titles(&data, i)
        });
        if let Some(i) = found {
            let before = roles.get(i).cloned().unwrap_or(ColumnRole::Ignored);
            if let Some(slot) = roles.get_mut(i) {
                *slot = ColumnRole::Title;
            }
            let alternative = match before {
                ColumnRole::Number => ColumnRole::Number,
                _ => ColumnRole::Ignored,
            };
            assumptions.push(Assumption {
                kind: AssumptionKind::TitleColumn,
                columns: vec![(i + 1, header(i))],
                alternative: vec![(i + 1, alternative)],
                rows: Vec::new(),
                groups_from_subtotals: None,
                group_rows: None,
            });
        }
    }
    (roles, assumptions)
}

/// When no heading of the table names a funder (nor a column the user gave a
/// funder), the amounts the reader would have booked to the State by default
/// (`2024`, `CA 2023`, `Report`, `Montant à reporter`), or the planned total
/// (`Montant inscrit dans la convention`) when there is no other planned
/// column, are the actions' own: read as [`FunderRef::Unsplit`]. Returns the
/// columns changed (1-based) with the role they would otherwise have had.
pub(super) fn unsplit_when_no_funder_is_named(
    roles: &mut [ColumnRole],
    headers: &[String],
    overrides: &[ColumnRole],
    data: &[&Row<'_>],
) -> Option<Vec<(usize, ColumnRole)>> {
    use ColumnRole as R;
    let detected = |i: usize| overrides.get(i).is_none();
    let names_funder = roles.iter().enumerate().any(|(i, r)| match r.funder() {
        None | Some(FunderRef::Unsplit) => false,
        Some(_) => !detected(i) || names_a_funder(headers, i),
    });
    if names_funder {
        return None;
    }
    // Without a funder named, a column is money only when its heading or its
    // cells say so (« Montant… », « CP 2024 », « 12 000 € »): counts and
    // targets (« Cible 2024 » of an indicators table) are not euros.
    for (i, role) in roles.iter_mut().enumerate() {
        let candidate = matches!(
            role,
            R::Planned { .. }
                | R::PlannedTotal
                | R::YearTotal(_)
                | R::ExecutedTotal
                | R::Committed(_)
                | R::ToCarryOver(_)
        );
        if detected(i)
            && candidate
            && !holds_money(headers.get(i).map_or("", String::as_str), data, i)
        {
            *role = R::Ignored;
        }
    }
    let unsplit = |part: Part, year: Option<i32>| R::Planned {
        funder: FunderRef::Unsplit,
        part,
        year,
    };
    let state = |part: Part, year: Option<i32>| R::Planned {
        funder: FunderRef::State,
        part,
        year,
    };
    let mut changed: Vec<(usize, ColumnRole)> = Vec::new();
    // The planned amounts: those the State would have had by default…
    for (i, role) in roles.iter_mut().enumerate() {
        if let (true, R::Planned { funder, part, year }) = (detected(i), &*role) {
            if *funder == FunderRef::State {
                let (part, year) = (*part, *year);
                changed.push((i + 1, std::mem::replace(role, unsplit(part, year))));
            }
        }
    }
    // …else the planned total (montant inscrit dans la convention), else the
    // totals of each year.
    if !roles.iter().any(|r| matches!(r, R::Planned { .. })) {
        let total =
            (0..roles.len()).find(|&i| detected(i) && roles.get(i) == Some(&R::PlannedTotal));
        if let Some((i, role)) = total.and_then(|i| Some((i, roles.get_mut(i)?))) {
            *role = unsplit(Part::Base, None);
            changed.push((i + 1, state(Part::Base, None)));
        } else {
            for (i, role) in roles.iter_mut().enumerate() {
                if let (true, R::YearTotal(year)) = (detected(i), &*role) {
                    let year = Some(*year);
                    *role = unsplit(Part::Base, year);
                    changed.push((i + 1, state(Part::Base, year)));
                }
            }
        }
    }
    if changed.is_empty() {
        return None;
    }
    // An AP/CP schedule's « Reste à financer » (what no year's credit covers
    // yet) is the rest of the action's amount, of no year: with the years it
    // makes the declared AP.
    for (i, role) in roles.iter_mut().enumerate() {
        let rest = Heading::new(headers.get(i).map_or("", String::as_str)).any_phrase(&[
            "reste a financer",
            "reste a programmer",
            "reste a realiser",
            "reste a mandater",
        ]);
        if detected(i) && rest && *role == R::Ignored {
            changed.push((i + 1, R::Ignored));
            *role = unsplit(Part::Base, None);
        }
    }
    // The execution figures of the same actions: theirs too.
    for (i, role) in roles.iter_mut().enumerate() {
        if !detected(i) {
            continue;
        }
        let own = match &*role {
            R::Committed(FunderRef::State) => R::Committed(FunderRef::Unsplit),
            R::ToCarryOver(FunderRef::State) => R::ToCarryOver(FunderRef::Unsplit),
            R::ExecutedTotal => R::Executed(FunderRef::Unsplit),
            _ => continue,
        };
        changed.push((i + 1, std::mem::replace(role, own)));
    }
    changed.sort_by_key(|(i, _)| *i);
    Some(changed)
}

/// Whether the heading of column `i` (0-based) names a funder.
fn names_a_funder(headers: &[String], i: usize) -> bool {
    !Heading::new(headers.get(i).map_or("", String::as_str))
        .funders()
        .is_empty()
}

/// Whether column `i` holds money, by its heading (`Montant`, `Crédits`,
/// `Budget`, `Dépenses`, `CP 2024`, `Réalisé`, `€`…) or by its cells (an amount
/// written with `€`, `euros`, cents or thousands grouped: `12 000 €`,
/// `412 300,00`, `100 000`).
pub(super) fn holds_money(heading: &str, data: &[&Row<'_>], i: usize) -> bool {
    let h = Heading::new(heading);
    let named = heading.contains('€')
        || h.any_word(&[
            "montant",
            "montants",
            "budget",
            "budgets",
            "cp",
            "ap",
            "ca",
            "bp",
            "euros",
            "euro",
            "keur",
            "financement",
            "financements",
            "enveloppe",
            "subvention",
            "subventions",
            "dotation",
            "proposition",
            "propositions",
        ])
        || h.any_prefix(&[
            "credit",
            "depense",
            "recette",
            "cout",
            "prevu",
            "previsionnel",
            "realis",
            "engag",
            "mandat",
            "consomm",
            "execut",
            "report",
            "avenant",
            "conventionn",
            "inscrit",
        ]);
    if named && !h.has_phrase("centre de cout") {
        return true;
    }
    data.iter().map(|r| r.cell(i)).any(|c| {
        let lower = c.to_lowercase();
        let cents = c
            .rsplit_once(',')
            .is_some_and(|(_, d)| d.len() == 2 && d.chars().all(|x| x.is_ascii_digit()));
        // Thousands grouped (`100 000`): how amounts are written, not counts.
        let grouped = c
            .split([' ', '\u{a0}', '\u{202f}'])
            .skip(1)
            .any(|g| g.len() >= 3 && g.chars().take(3).all(|x| x.is_ascii_digit()));
        (c.contains('€') || lower.contains("euro") || cents || grouped)
            && matches!(parse_cell(c), Ok(CellValue::Amount { .. }))
    })
}

/// Whether the data cells of column `i` read as titles: mostly text that is
/// not an amount, with at least one cell of several words (numbers like `2.9`
/// or `A1` are not titles).
pub(super) fn holds_titles(data: &[&Row<'_>], i: usize) -> bool {
    let cells: Vec<&str> = data
        .iter()
        .map(|r| r.text(i))
        .filter(|c| !c.is_empty())
        .collect();
    let texts = cells
        .iter()
        .filter(|c| {
            !matches!(
                parse_cell(c),
                Ok(CellValue::Amount { .. } | CellValue::Percent(_))
            )
        })
        .count();
    let worded = cells
        .iter()
        .filter(|c| c.chars().count() > 6 && c.contains(char::is_whitespace))
        .count();
    !cells.is_empty() && texts * 2 > cells.len() && worded * 2 >= cells.len()
}

/// Roles for a table without headings, from what its cells hold: the first text
/// column is the title (after a first column of short labels, the number), and
/// the figure columns are, in order, the State's, the Département's, then other
/// funders' planned amounts. A guess for the user to check.
pub(super) fn guess_roles_from_content(
    grid: &[Row<'_>],
    width: usize,
    data_start: usize,
) -> (Vec<ColumnRole>, Vec<Assumption>) {
    let data: Vec<&Row<'_>> = grid.iter().filter(|r| r.number >= data_start).collect();
    let is_figure_column = |i: usize| {
        let cells: Vec<&str> = data
            .iter()
            .map(|r| r.cell(i))
            .filter(|c| !c.is_empty())
            .collect();
        !cells.is_empty()
            && cells.iter().all(|c| {
                matches!(
                    parse_cell(c),
                    Ok(CellValue::Amount { .. } | CellValue::NotAvailable)
                )
            })
    };
    let is_short_label_column = |i: usize| {
        let cells: Vec<&str> = data
            .iter()
            .map(|r| r.cell(i))
            .filter(|c| !c.is_empty())
            .collect();
        !cells.is_empty()
            && cells
                .iter()
                .all(|c| c.chars().count() <= 6 && !c.contains(char::is_whitespace))
    };
    let mut roles = vec![ColumnRole::Ignored; width];
    let mut figures = 0usize;
    let mut has_title = false;
    for (i, role) in roles.iter_mut().enumerate() {
        let text_column = !data.iter().all(|r| r.cell(i).is_empty()) && !is_figure_column(i);
        if i == 0 && is_short_label_column(0) && width > 1 {
            *role = ColumnRole::Number;
        } else if text_column && !has_title {
            *role = ColumnRole::Title;
            has_title = true;
        } else if is_figure_column(i) {
            let funder = match figures {
                0 => FunderRef::State,
                1 => FunderRef::Departement,
                _ => FunderRef::Other(format!("Colonne {}", i + 1)),
            };
            *role = ColumnRole::Planned {
                funder,
                part: Part::Base,
                year: None,
            };
            figures += 1;
        }
    }
    let amount_columns: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, ColumnRole::Planned { .. }))
        .map(|(i, _)| i + 1)
        .collect();
    let mut assumptions = Vec::new();
    if !amount_columns.is_empty() {
        // One amount per action: not split. Several: the mapping is where the
        // user says whose each one is.
        let alternative = match amount_columns.as_slice() {
            [only] => vec![(
                *only,
                ColumnRole::Planned {
                    funder: FunderRef::Unsplit,
                    part: Part::Base,
                    year: None,
                },
            )],
            _ => Vec::new(),
        };
        assumptions.push(Assumption {
            kind: AssumptionKind::FundersByPosition,
            columns: amount_columns.iter().map(|i| (*i, String::new())).collect(),
            alternative,
            rows: Vec::new(),
            groups_from_subtotals: None,
            group_rows: None,
        });
    }
    (roles, assumptions)
}
