//! Words every part of the widget shares: the views of a convention (its
//! tabs), whether one is on screen or on paper, and the example table.

use leptos::prelude::*;

use crate::ui::i18n::Key;

/// The example shown by "Essayer avec un exemple": Vienne's 2024 annex.
pub const EXAMPLE_TABLE: &str = include_str!("../tests/fixtures/vienne-2024-solidarites.tsv");

/// Which view is on screen and whether the page is being printed. The views
/// that compute much (execution, tranches, years, comparison) only compute and
/// draw while shown or printed: a 10 000-action convention is not worked out
/// again by five hidden views on each edit. Their state (choices, forms) stays.
#[derive(Clone, Copy)]
pub struct Shown {
    pub current: RwSignal<View>,
    pub printing: RwSignal<bool>,
}

/// Whether view `v` is on screen or on paper (tracked). A view mounted on
/// its own, without the calculator around it, is always shown.
pub fn is_shown(v: View) -> bool {
    use_context::<Shown>().is_none_or(|s| s.printing.get() || s.current.get() == v)
}

/// Whether the page is being printed (tracked): tables are then drawn whole.
pub fn is_printing() -> bool {
    use_context::<Shown>().is_some_and(|s| s.printing.get())
}

/// The views of the convention, shown as tabs (all of them on paper).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Budget,
    Execution,
    Tranches,
    Years,
    Checks,
    Scenarios,
    Settings,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Budget,
        View::Execution,
        View::Tranches,
        View::Years,
        View::Checks,
        View::Scenarios,
        View::Settings,
    ];

    pub fn key(self) -> Key {
        match self {
            View::Budget => Key::TabBudget,
            View::Execution => Key::TabExecution,
            View::Tranches => Key::TabTranches,
            View::Years => Key::TabYears,
            View::Checks => Key::TabChecks,
            View::Scenarios => Key::TabScenarios,
            View::Settings => Key::TabSettings,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            View::Budget => "budget",
            View::Execution => "execution",
            View::Tranches => "tranches",
            View::Years => "annees",
            View::Checks => "verifications",
            View::Scenarios => "scenarios",
            View::Settings => "parametres",
        }
    }
}
