//! Text output, in French or English: every figure of a [`Report`] and every
//! warning. No figure is computed here; this only formats what the core
//! computed, with the texts of the core's table ([`Msg`]).

use std::fmt::Write;

use budget_core::figures::{Consumption, ExecutedAmounts, FunderAmounts, Years};
use budget_core::messages::Msg;
use budget_core::money::{format_eur, format_number, format_percent};
use budget_core::read::{role_label, Assumption, CellError, ReportReading};
use budget_core::report::{ActionFigures, Report, ScheduleFigures, Totals};
use budget_core::tranches::{InstalmentAmount, ScheduleIssue, Settlement};
use budget_core::{Decimal, Lang, Share};

struct Out<'a> {
    text: String,
    names: Vec<&'a str>,
    /// Whether the amounts are split by funder; when not, only totals.
    split: bool,
    lang: Lang,
}

/// What the reader guessed about the table, and the guesses the user
/// overruled with `--other-reading`.
pub struct ReadingNotes<'a> {
    pub assumptions: &'a [Assumption],
    pub overruled: &'a [Assumption],
    /// The figures read from the text of a report, if it was one.
    pub report: Option<&'a ReportReading>,
}

impl Out<'_> {
    fn line(&mut self, s: impl AsRef<str>) {
        self.text.push_str(s.as_ref());
        self.text.push('\n');
    }

    /// `indent` then `msg` in the language of the output.
    fn say(&mut self, indent: &str, msg: Msg, values: &[(&str, &dyn std::fmt::Display)]) {
        let text = msg.fill(self.lang, values);
        self.text.push_str(indent);
        self.line(text);
    }

    fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang)
    }

    fn eur(&self, v: Decimal) -> String {
        format_eur(v, self.lang)
    }

    fn pct(&self, ratio: Decimal) -> String {
        format_percent(ratio, 2, self.lang)
    }

    fn opt_eur(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| self.t(Msg::CliNotKnown).to_string(), |v| self.eur(v))
    }

    fn opt_pct(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| "—".to_string(), |v| self.pct(v))
    }

    fn total(&self, amount: String) -> String {
        Msg::CliTotalAmount.fill(self.lang, &[("amount", &amount)])
    }

    fn heading(&mut self, s: &str) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.line(s);
        self.line("=".repeat(s.chars().count()));
    }

    /// The amounts read from the text of a report, each with its line and
    /// words, then those left for the user.
    fn report_text(&mut self, r: &Report, text: &ReportReading) {
        let lang = self.lang;
        let number = |id: Option<usize>| {
            id.and_then(|id| r.actions.iter().find(|a| a.id == id))
                .map(|a| Msg::CliReportFigureAction.fill(lang, &[("number", &a.number)]))
                .unwrap_or_default()
        };
        let count = text.figures.len();
        self.heading(&Msg::CliReportHeading.fill(lang, &[("count", &count)]));
        for f in &text.figures {
            let (meaning, action) = (role_label(lang, &f.role), number(f.action));
            self.say(
                "",
                Msg::CliReportFigure,
                &[
                    ("line", &f.line),
                    ("words", &f.words),
                    ("amount", &f.text),
                    ("meaning", &meaning),
                    ("action", &action),
                ],
            );
            if let Some((line, heading)) = &f.section {
                self.say(
                    "",
                    Msg::CliReportFigureSection,
                    &[("heading", heading), ("line", line)],
                );
            }
        }
        if text.uncertain.is_empty() {
            return;
        }
        let count = text.uncertain.len();
        self.heading(&Msg::CliUncertainHeading.fill(lang, &[("count", &count)]));
        for u in &text.uncertain {
            let action = number(u.action);
            self.say(
                "",
                Msg::CliUncertain,
                &[
                    ("line", &u.line),
                    ("amount", &u.text),
                    ("action", &action),
                    ("context", &u.context),
                ],
            );
            if let Some(role) = &u.suggestion {
                let meaning = role_label(lang, role);
                self.say("", Msg::CliUncertainSuggestion, &[("meaning", &meaning)]);
            }
        }
        self.say("", Msg::CliUncertainHint, &[]);
    }

    /// `État 93 507,00 € · Département 146 000,00 € · total 239 507,00 €`
    fn amounts(&self, a: &FunderAmounts) -> String {
        if !self.split {
            return self.eur(a.total);
        }
        let mut s = String::new();
        for (name, v) in self.names.iter().zip(&a.by_funder) {
            let _ = write!(s, "{name} {} · ", self.eur(*v));
        }
        s.push_str(&self.total(self.eur(a.total)));
        s
    }

    fn executed(&self, e: &ExecutedAmounts) -> String {
        if !self.split {
            return self.opt_eur(e.total);
        }
        let mut s = String::new();
        for (name, v) in self.names.iter().zip(&e.by_funder) {
            let _ = write!(s, "{name} {} · ", self.opt_eur(*v));
        }
        s.push_str(&self.total(self.opt_eur(e.total)));
        s
    }

    fn ratios(&self, r: &[Option<Decimal>]) -> String {
        let parts: Vec<String> = self
            .names
            .iter()
            .zip(r)
            .map(|(name, v)| format!("{name} {}", self.opt_pct(*v)))
            .collect();
        parts.join(" · ")
    }

    fn consumption(&mut self, c: &Consumption) {
        let rate = self.opt_pct(c.rate);
        let mut s = String::from("  ");
        s.push_str(&Msg::CliConsumptionRate.fill(self.lang, &[("rate", &rate)]));
        if self.split {
            let _ = write!(s, " ({})", self.ratios(&c.rate_by_funder));
        }
        let remaining = self.opt_eur(c.remaining);
        s.push_str(&Msg::CliRemaining.fill(self.lang, &[("amount", &remaining)]));
        if let Some(u) = c.unspent_state {
            s.push_str(&Msg::CliUnspentState.fill(self.lang, &[("amount", &self.eur(u))]));
        }
        self.line(s);
    }

    fn totals(&mut self, t: &Totals) {
        match &t.planned {
            Some(p) => {
                let amounts = self.amounts(p);
                self.say("  ", Msg::CliPlanned, &[("amounts", &amounts)]);
            }
            None => self.say("  ", Msg::CliPlannedUnknown, &[]),
        }
        if let Some(parts) = &t.planned_by_part {
            if !parts.carry_over.total.is_zero() || !parts.amendment.total.is_zero() {
                let amounts = self.amounts(&parts.carry_over);
                self.say("    ", Msg::CliOfWhichCarryOver, &[("amounts", &amounts)]);
                let amounts = self.amounts(&parts.amendment);
                self.say("    ", Msg::CliOfWhichAmendment, &[("amounts", &amounts)]);
            }
        }
        if let Some(shares) = &t.shares {
            let shares: Vec<Option<Decimal>> = shares.iter().copied().map(Some).collect();
            let shares = self.ratios(&shares);
            self.say("  ", Msg::CliShares, &[("shares", &shares)]);
        }
        let committed = self.t(Msg::CliCommitted);
        self.split_or_own(committed, t.committed.as_ref(), t.committed_total);
        if let Some(e) = t.executed.as_ref().filter(|e| e.reported > 0) {
            let amounts = self.executed(e);
            self.say("  ", Msg::CliExecuted, &[("amounts", &amounts)]);
            if let Some(c) = &t.consumption {
                self.consumption(c);
            }
        }
        let requested = self.t(Msg::CliCarryOverRequested);
        self.split_or_own(
            requested,
            t.carry_over_requested.as_ref(),
            t.carry_over_total,
        );
        if let Some(r) = t.received_total {
            let amount = self.eur(r);
            self.say("  ", Msg::CliReceived, &[("amount", &amount)]);
        }
    }

    /// One line per year (its amounts and the change from the year before),
    /// then the amounts of no year; each line after `indent`.
    fn years(&mut self, years: &Years, indent: &str) {
        for y in &years.by_year {
            let amounts = self.amounts(&y.planned);
            let mut s = indent.to_string();
            s.push_str(
                &Msg::CliYearLine.fill(self.lang, &[("year", &y.year), ("amounts", &amounts)]),
            );
            if let Some(c) = &y.change {
                let sign = if c.absolute > Decimal::ZERO { "+" } else { "" };
                let change = format!("{sign}{}", self.eur(c.absolute));
                s.push_str(
                    &Msg::CliChangeSince
                        .fill(self.lang, &[("year", &c.from_year), ("change", &change)]),
                );
                if let Some(rel) = c.relative {
                    let _ = write!(s, " ({sign}{})", self.pct(rel));
                }
            }
            self.line(s);
        }
        if let Some(w) = &years.without_year {
            let amounts = self.amounts(w);
            self.say(indent, Msg::CliWithoutYear, &[("amounts", &amounts)]);
        }
    }

    /// A figure given per funder, for the action as a whole, or both.
    fn split_or_own(&mut self, what: &str, split: Option<&FunderAmounts>, total: Option<Decimal>) {
        match (split, total) {
            (Some(s), Some(t)) if s.total == t => {
                let amounts = self.amounts(s);
                self.say(
                    "  ",
                    Msg::CliFigure,
                    &[("what", &what), ("amounts", &amounts)],
                );
            }
            (Some(s), total) => {
                let amounts = self.amounts(s);
                self.say(
                    "  ",
                    Msg::CliFigure,
                    &[("what", &what), ("amounts", &amounts)],
                );
                if let Some(t) = total {
                    let amount = self.eur(t);
                    let values: [(&str, &dyn std::fmt::Display); 2] =
                        [("what", &what), ("amount", &amount)];
                    self.say("  ", Msg::CliFigureActionTotal, &values);
                }
            }
            (None, Some(t)) if self.split => {
                let amount = self.eur(t);
                let values: [(&str, &dyn std::fmt::Display); 2] =
                    [("what", &what), ("amount", &amount)];
                self.say("  ", Msg::CliFigureActionOnly, &values);
            }
            (None, Some(t)) => {
                let amounts = self.eur(t);
                self.say(
                    "  ",
                    Msg::CliFigure,
                    &[("what", &what), ("amounts", &amounts)],
                );
            }
            (None, None) => {}
        }
    }

    fn action(&mut self, a: &ActionFigures) {
        let (number, title) = (&a.number, &a.title);
        let values: [(&str, &dyn std::fmt::Display); 2] = [("number", number), ("title", title)];
        let mut heading = match (a.number.is_empty(), a.title.is_empty()) {
            (false, false) => Msg::CliActionNumberTitle,
            (false, true) => Msg::CliActionNumber,
            (true, false) => Msg::CliActionTitle,
            (true, true) => Msg::CliAction,
        }
        .fill(self.lang, &values);
        if let Some(row) = a.source_row {
            heading.push_str(&Msg::CliAtRow.fill(self.lang, &[("row", &row)]));
        }
        self.line(heading);
        self.totals(&a.figures);
        if a.incomplete {
            self.say("  ", Msg::CliSharesIncomplete, &[]);
        }
        if let Some(cf) = &a.co_financing {
            let share = self.opt_pct(cf.state_share);
            let max = self.pct(cf.max_share);
            let lang = self.lang;
            let line = match (&cf.breach, cf.exempt) {
                _ if cf.state_share.is_none() => Msg::CliCoFinancingNoCost.text(lang).to_string(),
                (_, true) => Msg::CliCoFinancingExempt.fill(lang, &[("share", &share)]),
                (None, false) => {
                    Msg::CliCoFinancingKept.fill(lang, &[("share", &share), ("max", &max)])
                }
                (Some(b), false) => {
                    let excess = self.eur(b.state_excess);
                    let mut s = Msg::CliCoFinancingBroken.fill(
                        lang,
                        &[("share", &share), ("max", &max), ("excess", &excess)],
                    );
                    if let Some(d) = b.departement_missing_cents {
                        let amount = self.eur(d);
                        s.push_str(&Msg::CliDepartementMissing.fill(lang, &[("amount", &amount)]));
                    }
                    s
                }
            };
            self.text.push_str("  ");
            self.line(line);
        }
    }

    fn schedule(&mut self, s: &ScheduleFigures) {
        let total = self.eur(s.total);
        self.say(
            "",
            Msg::CliScheduleHeading,
            &[("name", &s.name), ("total", &total)],
        );
        if let Some(split) = &s.instalments {
            instalment_lines(self, split);
        }
        if let Some(st) = &s.settlement {
            settlement_lines(self, st);
        }
    }
}

fn share_text(share: &Share, lang: Lang) -> String {
    match share {
        Share::Percent(p) => {
            let number = format_number(*p, p.normalize().scale(), lang);
            Msg::CliPercent.fill(lang, &[("number", &number)])
        }
        Share::Fixed(x) => Msg::CliFixedAmount.fill(lang, &[("amount", &format_eur(*x, lang))]),
        Share::Remainder => Msg::CliRemainder.text(lang).into(),
    }
}

fn instalment_lines(out: &mut Out<'_>, split: &[InstalmentAmount]) {
    let lang = out.lang;
    for (i, t) in split.iter().enumerate() {
        let (share, amount) = (share_text(&t.share, lang), out.eur(t.amount));
        let mut s = String::from("  ");
        s.push_str(&Msg::CliInstalmentLine.fill(
            lang,
            &[
                ("n", &i.saturating_add(1)),
                ("label", &t.label),
                ("share", &share),
                ("amount", &amount),
            ],
        ));
        if let Some(date) = &t.date {
            s.push_str(&Msg::CliOnDate.fill(lang, &[("date", date)]));
        }
        if t.adjusted {
            s.push_str(Msg::CliAdjustable.text(lang));
        }
        out.line(s);
    }
}

fn settlement_lines(out: &mut Out<'_>, s: &Settlement) {
    if let Some(a) = s.achieved {
        let amount = out.eur(a);
        out.say("  ", Msg::CliAchieved, &[("amount", &amount)]);
    }
    let (commitment, due) = (out.eur(s.commitment), out.eur(s.due));
    out.say(
        "  ",
        Msg::CliDue,
        &[("commitment", &commitment), ("due", &due)],
    );
    let paid = out.eur(s.paid);
    out.say("  ", Msg::CliPaid, &[("amount", &paid)]);
    if s.refund > Decimal::ZERO {
        let amount = out.eur(s.refund);
        out.say("  ", Msg::CliRefund, &[("amount", &amount)]);
    } else {
        let amount = out.eur(s.to_pay);
        out.say("  ", Msg::CliToPay, &[("amount", &amount)]);
    }
}

/// The whole report as text in `lang`; `cell_errors` are the cells that could
/// not be read.
pub fn report(
    r: &Report,
    cell_errors: &[CellError],
    source: &str,
    reading: &ReadingNotes<'_>,
    lang: Lang,
) -> String {
    let mut out = Out {
        text: String::new(),
        names: r.funders.iter().map(|f| f.name.as_str()).collect(),
        split: r.split,
        lang,
    };
    let title = match (r.title.is_empty(), r.departement.is_empty()) {
        (false, false) => format!("{} — {}", r.title, r.departement),
        (false, true) => r.title.clone(),
        (true, false) => r.departement.clone(),
        (true, true) => source.to_string(),
    };
    out.heading(&Msg::CliConventionHeading.fill(lang, &[("title", &title)]));
    let funders = if r.split {
        out.names.join(", ")
    } else {
        out.t(Msg::CliNoFunders).to_string()
    };
    out.say(
        "",
        Msg::CliCounts,
        &[
            ("actions", &r.actions.len()),
            ("groups", &r.groups.len()),
            ("funders", &funders),
        ],
    );
    if r.split {
        let max = out.pct(r.settings.state_max_share);
        let mut rule = Msg::CliRule.fill(lang, &[("max", &max)]);
        if !r.settings.exemptions.is_empty() {
            let list = r.settings.exemptions.join(", ");
            rule.push_str(&Msg::CliExemptions.fill(lang, &[("list", &list)]));
        }
        out.line(rule);
    } else {
        out.say("", Msg::CliRuleNotApplicable, &[]);
    }
    if !reading.assumptions.is_empty() {
        out.heading(out.t(Msg::CliReadingHeading));
        for a in reading.assumptions {
            out.line(format!("- {}", a.message(lang)));
            if a.has_alternative() {
                let label = a.alternative_label(lang);
                out.say("  ", Msg::CliOtherReading, &[("label", &label)]);
            }
        }
    }
    if !reading.overruled.is_empty() {
        out.heading(out.t(Msg::CliOverruledHeading));
        for a in reading.overruled {
            let (label, message) = (a.alternative_label(lang), a.message(lang));
            out.say(
                "- ",
                Msg::CliOverruled,
                &[("label", &label), ("message", &message)],
            );
        }
    }

    if let Some(text) = reading.report {
        out.report_text(r, text);
    }
    if !r.actions.is_empty() {
        out.heading(out.t(Msg::CliActionsHeading));
        for a in &r.actions {
            out.action(a);
        }
    }
    if !r.groups.is_empty() || r.ungrouped.is_some() {
        out.heading(out.t(Msg::CliGroupsHeading));
        for g in r.groups.iter().chain(&r.ungrouped) {
            let name = if g.id.is_none() {
                out.t(Msg::CliUngrouped)
            } else {
                g.name.as_str()
            };
            out.say(
                "",
                Msg::CliGroupLine,
                &[("name", &name), ("n", &g.actions.len())],
            );
            out.totals(&g.figures);
            if r.split && g.co_financing_breaches > 0 {
                out.say("  ", Msg::CliBreaches, &[("n", &g.co_financing_breaches)]);
            }
        }
    }
    out.heading(out.t(Msg::CliGrandTotal));
    out.totals(&r.grand);
    let breaches = r
        .actions
        .iter()
        .filter(|a| a.co_financing.as_ref().is_some_and(|c| c.breach.is_some()))
        .count();
    if r.split {
        out.say("  ", Msg::CliBreaches, &[("n", &breaches)]);
    }
    if !r.received.is_empty() {
        out.heading(out.t(Msg::CliReceivedHeading));
        for x in &r.received {
            let amount = out.eur(x.amount);
            let mut s = Msg::CliNamedAmount.fill(lang, &[("name", &x.name), ("amount", &amount)]);
            match (x.planned, x.difference) {
                (Some(p), Some(d)) => {
                    let (planned, difference) = (out.eur(p), out.eur(d));
                    s.push_str(
                        &Msg::CliReceivedPlanned
                            .fill(lang, &[("planned", &planned), ("difference", &difference)]),
                    );
                }
                _ => s.push_str(out.t(Msg::CliReceivedNoPlan)),
            }
            out.line(s);
        }
    }

    if let Some(years) = &r.years {
        out.heading(out.t(Msg::CliYearsHeading));
        out.years(years, "");
        let groups: Vec<_> = r.groups.iter().filter(|g| g.years.is_some()).collect();
        if !groups.is_empty() {
            out.heading(out.t(Msg::CliYearsByGroup));
            for g in groups {
                out.line(&g.name);
                if let Some(y) = &g.years {
                    out.years(y, "  ");
                }
            }
        }
        let actions: Vec<_> = r.actions.iter().filter(|a| a.years.is_some()).collect();
        if !actions.is_empty() {
            out.heading(out.t(Msg::CliYearsByAction));
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
        out.heading(out.t(Msg::CliSchedulesHeading));
        for s in &r.schedules {
            out.schedule(s);
        }
    }
    out.heading(&Msg::CliWarningsHeading.fill(lang, &[("n", &r.warnings.len())]));
    if r.warnings.is_empty() {
        out.say("", Msg::CliNoWarning, &[]);
    }
    for w in &r.warnings {
        out.line(format!("- {}", w.message(lang)));
    }
    if !cell_errors.is_empty() {
        out.heading(&Msg::CliUnreadableCellsHeading.fill(lang, &[("n", &cell_errors.len())]));
        for e in cell_errors {
            out.line(format!("- {}", e.message(lang)));
        }
    }
    if !r.errors.is_empty() {
        out.heading(&Msg::CliCalcErrorsHeading.fill(lang, &[("n", &r.errors.len())]));
        for e in &r.errors {
            // The core keeps the French text; the error itself, when there,
            // gives it in `lang`.
            let message = e
                .error
                .as_ref()
                .map_or_else(|| e.message.clone(), |c| c.message(lang));
            out.line(format!("- {message}"));
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
    lang: Lang,
) -> String {
    let mut out = Out {
        text: String::new(),
        names: Vec::new(),
        split: true,
        lang,
    };
    let amount = out.eur(total);
    out.say("", Msg::CliAmount, &[("amount", &amount)]);
    instalment_lines(&mut out, split);
    if let Some(s) = settlement {
        settlement_lines(&mut out, s);
    }
    for issue in issues {
        let issue = issue.message(lang);
        out.say("", Msg::CliWarning, &[("issue", &issue)]);
    }
    out.text
}
