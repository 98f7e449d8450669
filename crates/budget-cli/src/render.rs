//! Text output, in French: every figure of a [`Report`] and every warning. No
//! figure is computed here; this only formats what the core computed.

use std::fmt::Write;

use budget_core::figures::{Consumption, ExecutedAmounts, FunderAmounts, Years};
use budget_core::money::{format_eur, format_number, format_percent};
use budget_core::read::{Assumption, CellError};
use budget_core::report::{ActionFigures, Report, ScheduleFigures, Totals};
use budget_core::tranches::{InstalmentAmount, ScheduleIssue, Settlement};
use budget_core::{Decimal, Lang, Share};

const FR: Lang = Lang::Fr;

fn eur(v: Decimal) -> String {
    format_eur(v, FR)
}

fn pct(ratio: Decimal) -> String {
    format_percent(ratio, 2, FR)
}

fn opt_eur(v: Option<Decimal>) -> String {
    v.map_or_else(|| "n.c.".to_string(), eur)
}

fn opt_pct(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), pct)
}

struct Out<'a> {
    text: String,
    names: Vec<&'a str>,
    /// Whether the amounts are split by funder; when not, only totals.
    split: bool,
}

/// What the reader guessed about the table, and the guesses the user
/// overruled with `--other-reading`.
pub struct ReadingNotes<'a> {
    pub assumptions: &'a [Assumption],
    pub overruled: &'a [Assumption],
}

impl Out<'_> {
    fn line(&mut self, s: impl AsRef<str>) {
        self.text.push_str(s.as_ref());
        self.text.push('\n');
    }

    fn heading(&mut self, s: &str) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.line(s);
        self.line("=".repeat(s.chars().count()));
    }

    /// `État 93 507,00 € · Département 146 000,00 € · total 239 507,00 €`
    fn amounts(&self, a: &FunderAmounts) -> String {
        if !self.split {
            return eur(a.total);
        }
        let mut s = String::new();
        for (name, v) in self.names.iter().zip(&a.by_funder) {
            let _ = write!(s, "{name} {} · ", eur(*v));
        }
        let _ = write!(s, "total {}", eur(a.total));
        s
    }

    fn executed(&self, e: &ExecutedAmounts) -> String {
        if !self.split {
            return opt_eur(e.total);
        }
        let mut s = String::new();
        for (name, v) in self.names.iter().zip(&e.by_funder) {
            let _ = write!(s, "{name} {} · ", opt_eur(*v));
        }
        let _ = write!(s, "total {}", opt_eur(e.total));
        s
    }

    fn ratios(&self, r: &[Option<Decimal>]) -> String {
        let parts: Vec<String> = self
            .names
            .iter()
            .zip(r)
            .map(|(name, v)| format!("{name} {}", opt_pct(*v)))
            .collect();
        parts.join(" · ")
    }

    fn consumption(&mut self, c: &Consumption) {
        let mut s = format!("  Taux de consommation : {}", opt_pct(c.rate));
        if self.split {
            let _ = write!(s, " ({})", self.ratios(&c.rate_by_funder));
        }
        let _ = write!(s, " ; crédit restant {}", opt_eur(c.remaining));
        if let Some(u) = c.unspent_state {
            let _ = write!(s, " ; crédit État non consommé {}", eur(u));
        }
        self.line(s);
    }

    fn totals(&mut self, t: &Totals) {
        match &t.planned {
            Some(p) => {
                let line = format!("  Prévu : {}", self.amounts(p));
                self.line(line);
            }
            None => self.line("  Prévu : non calculable (voir les erreurs)"),
        }
        if let Some(parts) = &t.planned_by_part {
            if !parts.carry_over.total.is_zero() || !parts.amendment.total.is_zero() {
                let line = format!("    dont report N-1 : {}", self.amounts(&parts.carry_over));
                self.line(line);
                let line = format!("    dont avenant : {}", self.amounts(&parts.amendment));
                self.line(line);
            }
        }
        if let Some(shares) = &t.shares {
            let shares: Vec<Option<Decimal>> = shares.iter().copied().map(Some).collect();
            let line = format!("  Parts : {}", self.ratios(&shares));
            self.line(line);
        }
        self.split_or_own("Engagé", t.committed.as_ref(), t.committed_total);
        if let Some(e) = t.executed.as_ref().filter(|e| e.reported > 0) {
            let line = format!("  Exécuté : {}", self.executed(e));
            self.line(line);
            if let Some(c) = &t.consumption {
                self.consumption(c);
            }
        }
        self.split_or_own(
            "Report demandé",
            t.carry_over_requested.as_ref(),
            t.carry_over_total,
        );
        if let Some(r) = t.received_total {
            self.line(format!("  Reçu (recettes) : {}", eur(r)));
        }
    }

    /// One line per year (its amounts and the change from the year before),
    /// then the amounts of no year; each line after `indent`.
    fn years(&mut self, years: &Years, indent: &str) {
        for y in &years.by_year {
            let mut s = format!("{indent}{} : {}", y.year, self.amounts(&y.planned));
            if let Some(c) = &y.change {
                let sign = if c.absolute > Decimal::ZERO { "+" } else { "" };
                let _ = write!(
                    s,
                    " ; évolution depuis {} : {sign}{}",
                    c.from_year,
                    eur(c.absolute)
                );
                if let Some(rel) = c.relative {
                    let _ = write!(s, " ({sign}{})", pct(rel));
                }
            }
            self.line(s);
        }
        if let Some(w) = &years.without_year {
            let line = format!("{indent}sans année : {}", self.amounts(w));
            self.line(line);
        }
    }

    /// A figure given per funder, for the action as a whole, or both.
    fn split_or_own(&mut self, what: &str, split: Option<&FunderAmounts>, total: Option<Decimal>) {
        match (split, total) {
            (Some(s), Some(t)) if s.total == t => {
                let line = format!("  {what} : {}", self.amounts(s));
                self.line(line);
            }
            (Some(s), total) => {
                let line = format!("  {what} : {}", self.amounts(s));
                self.line(line);
                if let Some(t) = total {
                    self.line(format!("  {what}, total de l'action : {}", eur(t)));
                }
            }
            (None, Some(t)) if self.split => {
                self.line(format!(
                    "  {what} : {} (pour l'action, sans répartition par financeur)",
                    eur(t)
                ));
            }
            (None, Some(t)) => self.line(format!("  {what} : {}", eur(t))),
            (None, None) => {}
        }
    }

    fn action(&mut self, a: &ActionFigures) {
        let mut title = match (a.number.is_empty(), a.title.is_empty()) {
            (false, false) => format!("Action {} – {}", a.number, a.title),
            (false, true) => format!("Action {}", a.number),
            (true, false) => format!("Action – {}", a.title),
            (true, true) => "Action".to_string(),
        };
        if let Some(row) = a.source_row {
            let _ = write!(title, " (ligne {row})");
        }
        self.line(title);
        self.totals(&a.figures);
        if a.incomplete {
            self.line(
                "  Parts et cofinancement : non calculables, un montant prévu de l'action est illisible",
            );
        }
        if let Some(cf) = &a.co_financing {
            let share = opt_pct(cf.state_share);
            let max = pct(cf.max_share);
            let line = match (&cf.breach, cf.exempt) {
                _ if cf.state_share.is_none() => "  Cofinancement : aucun coût prévu".to_string(),
                (_, true) => {
                    format!("  Cofinancement : part de l'État {share}, action exemptée de la règle")
                }
                (None, false) => {
                    format!("  Cofinancement : part de l'État {share} ≤ {max} : règle respectée")
                }
                (Some(b), false) => {
                    let mut s = format!(
                        "  Cofinancement : part de l'État {share} > {max} : RÈGLE NON RESPECTÉE — excédent de l'État {}",
                        eur(b.state_excess)
                    );
                    if let Some(d) = b.departement_missing_cents {
                        let _ = write!(s, ", ou crédits du Département manquants {}", eur(d));
                    }
                    s
                }
            };
            self.line(line);
        }
    }

    fn schedule(&mut self, s: &ScheduleFigures) {
        self.line(format!("Échéancier « {} » : {}", s.name, eur(s.total)));
        if let Some(split) = &s.instalments {
            instalment_lines(self, split);
        }
        if let Some(st) = &s.settlement {
            settlement_lines(self, st);
        }
    }
}

fn share_text(share: &Share) -> String {
    match share {
        Share::Percent(p) => format!("{}\u{A0}%", format_number(*p, p.normalize().scale(), FR)),
        Share::Fixed(x) => format!("montant fixe {}", eur(*x)),
        Share::Remainder => "reste".into(),
    }
}

fn instalment_lines(out: &mut Out<'_>, split: &[InstalmentAmount]) {
    for (i, t) in split.iter().enumerate() {
        let mut s = format!(
            "  Tranche {} — {} ({}) : {}",
            i.saturating_add(1),
            t.label,
            share_text(&t.share),
            eur(t.amount)
        );
        if let Some(date) = &t.date {
            let _ = write!(s, " le {date}");
        }
        if t.adjusted {
            s.push_str(" — ajustable au réalisé");
        }
        out.line(s);
    }
}

fn settlement_lines(out: &mut Out<'_>, s: &Settlement) {
    if let Some(a) = s.achieved {
        out.line(format!("  Réalisé : {}", eur(a)));
    }
    out.line(format!(
        "  Montant dû (réalisé plafonné à l'engagement de {}) : {}",
        eur(s.commitment),
        eur(s.due)
    ));
    out.line(format!("  Déjà versé : {}", eur(s.paid)));
    if s.refund > Decimal::ZERO {
        out.line(format!("  Trop-perçu à reverser : {}", eur(s.refund)));
    } else {
        out.line(format!("  Solde à verser : {}", eur(s.to_pay)));
    }
}

/// The whole report as French text; `cell_errors` are the cells that could not
/// be read.
pub fn report(
    r: &Report,
    cell_errors: &[CellError],
    source: &str,
    reading: &ReadingNotes<'_>,
) -> String {
    let mut out = Out {
        text: String::new(),
        names: r.funders.iter().map(|f| f.name.as_str()).collect(),
        split: r.split,
    };
    let title = match (r.title.is_empty(), r.departement.is_empty()) {
        (false, false) => format!("{} — {}", r.title, r.departement),
        (false, true) => r.title.clone(),
        (true, false) => r.departement.clone(),
        (true, true) => source.to_string(),
    };
    out.heading(&format!("Convention : {title}"));
    let funders = if r.split {
        out.names.join(", ")
    } else {
        "aucun (montants non répartis par financeur)".to_string()
    };
    out.line(format!(
        "{} actions, {} groupes ; financeurs : {funders}",
        r.actions.len(),
        r.groups.len(),
    ));
    if r.split {
        let mut rule = format!(
            "Règle de cofinancement : part de l'État ≤ {} du coût de chaque action",
            pct(r.settings.state_max_share)
        );
        if !r.settings.exemptions.is_empty() {
            let _ = write!(rule, " ; exemptions : {}", r.settings.exemptions.join(", "));
        }
        out.line(rule);
    } else {
        out.line(
            "Parts des financeurs et règle de cofinancement : non applicables \
             (le tableau ne répartit pas ses montants entre financeurs)",
        );
    }
    if !reading.assumptions.is_empty() {
        out.heading("Lecture supposée");
        for a in reading.assumptions {
            out.line(format!("- {}", a.message(FR)));
            if a.has_alternative() {
                out.line(format!(
                    "  Autre lecture, avec --other-reading : {}",
                    a.alternative_label(FR)
                ));
            }
        }
    }
    if !reading.overruled.is_empty() {
        out.heading("Autre lecture appliquée (--other-reading)");
        for a in reading.overruled {
            out.line(format!(
                "- {}, au lieu de : {}",
                a.alternative_label(FR),
                a.message(FR)
            ));
        }
    }

    if !r.actions.is_empty() {
        out.heading("Actions");
        for a in &r.actions {
            out.action(a);
        }
    }
    if !r.groups.is_empty() || r.ungrouped.is_some() {
        out.heading("Sous-totaux par groupe");
        for g in r.groups.iter().chain(&r.ungrouped) {
            let name = if g.id.is_none() {
                "Actions sans groupe"
            } else {
                g.name.as_str()
            };
            out.line(format!("{name} ({} actions)", g.actions.len()));
            out.totals(&g.figures);
            if r.split && g.co_financing_breaches > 0 {
                out.line(format!(
                    "  Actions hors règle de cofinancement : {}",
                    g.co_financing_breaches
                ));
            }
        }
    }
    out.heading("Total général");
    out.totals(&r.grand);
    let breaches = r
        .actions
        .iter()
        .filter(|a| a.co_financing.as_ref().is_some_and(|c| c.breach.is_some()))
        .count();
    if r.split {
        out.line(format!(
            "  Actions hors règle de cofinancement : {breaches}"
        ));
    }
    if !r.received.is_empty() {
        out.heading("Recettes reçues");
        for x in &r.received {
            let mut s = format!("{} : {}", x.name, eur(x.amount));
            match (x.planned, x.difference) {
                (Some(p), Some(d)) => {
                    let _ = write!(s, " ; part prévue {} ; écart {}", eur(p), eur(d));
                }
                _ => s.push_str(" (le tableau ne prévoit pas de part de ce financeur à comparer)"),
            }
            out.line(s);
        }
    }

    if let Some(years) = &r.years {
        out.heading("Années");
        out.years(years, "");
        let groups: Vec<_> = r.groups.iter().filter(|g| g.years.is_some()).collect();
        if !groups.is_empty() {
            out.heading("Années par groupe");
            for g in groups {
                out.line(&g.name);
                if let Some(y) = &g.years {
                    out.years(y, "  ");
                }
            }
        }
        let actions: Vec<_> = r.actions.iter().filter(|a| a.years.is_some()).collect();
        if !actions.is_empty() {
            out.heading("Années par action");
            for a in actions {
                out.line(match (a.number.is_empty(), a.title.is_empty()) {
                    (false, false) => format!("{} – {}", a.number, a.title),
                    (false, true) => a.number.clone(),
                    _ => a.title.clone(),
                });
                if let Some(y) = &a.years {
                    out.years(y, "  ");
                }
            }
        }
    }
    if !r.schedules.is_empty() {
        out.heading("Échéanciers");
        for s in &r.schedules {
            out.schedule(s);
        }
    }
    out.heading(&format!("Avertissements ({})", r.warnings.len()));
    if r.warnings.is_empty() {
        out.line("Aucune incohérence trouvée.");
    }
    for w in &r.warnings {
        out.line(format!("- {}", w.message(FR)));
    }
    if !cell_errors.is_empty() {
        out.heading(&format!("Cellules illisibles ({})", cell_errors.len()));
        for e in cell_errors {
            out.line(format!("- {e}"));
        }
    }
    if !r.errors.is_empty() {
        out.heading(&format!("Calculs impossibles ({})", r.errors.len()));
        for e in &r.errors {
            out.line(format!("- {}", e.message));
        }
    }
    out.text
}

/// The instalments of `budget tranches`, their total, the settlement and
/// what is wrong with the schedule.
pub fn tranches(
    total: Decimal,
    split: &[InstalmentAmount],
    settlement: Option<&Settlement>,
    issues: &[ScheduleIssue],
) -> String {
    let mut out = Out {
        text: String::new(),
        names: Vec::new(),
        split: true,
    };
    out.line(format!("Montant : {}", eur(total)));
    instalment_lines(&mut out, split);
    if let Some(s) = settlement {
        settlement_lines(&mut out, s);
    }
    for issue in issues {
        out.line(format!("Attention : {}", issue.message(FR)));
    }
    out.text
}
