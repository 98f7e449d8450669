//! The words for what a column or an amount holds.

use super::*;

/// How a column's role (or the meaning of an amount of a report) is shown
/// to the user: `Report N-1 — État`, `Total prévu (déclaré, vérifié)`.
pub fn role_label(lang: Lang, role: &ColumnRole) -> String {
    use ColumnRole as R;
    let fr = lang == Lang::Fr;
    let funder = |f: &FunderRef| match f {
        FunderRef::State => (if fr { "État" } else { "State" }).to_string(),
        FunderRef::Departement => "Département".to_string(),
        FunderRef::Other(name) => name.clone(),
        FunderRef::Unsplit => (if fr { "sans répartition" } else { "not split" }).to_string(),
    };
    let pick = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    match role {
        R::Ignored => pick("Ignorée", "Ignored"),
        R::Number => pick("N° de l’action", "Action number"),
        R::Title => pick("Intitulé", "Title"),
        R::Group => pick("Groupe (axe, mesure, volet)", "Group (axe, mesure, volet)"),
        R::BudgetLine => pick("Ligne budgétaire", "Budget line"),
        R::Service => pick("Service", "Service"),
        R::Comments => pick("Commentaires", "Comments"),
        R::Planned {
            funder: f,
            part,
            year,
        } => {
            let what = match (part, fr) {
                (Part::Base, true) => "Prévu",
                (Part::Base, false) => "Planned",
                (Part::CarryOver, true) => "Report N-1",
                (Part::CarryOver, false) => "Carry-over",
                (Part::Amendment, true) => "Avenant",
                (Part::Amendment, false) => "Amendment",
            };
            match year {
                Some(y) => format!("{what} {y} — {}", funder(f)),
                None => format!("{what} — {}", funder(f)),
            }
        }
        R::PlannedTotal => pick(
            "Total prévu (déclaré, vérifié)",
            "Planned total (declared, checked)",
        ),
        R::Committed(f) => format!("{} — {}", pick("Engagé", "Committed"), funder(f)),
        R::Executed(f) => format!("{} — {}", pick("Exécuté", "Executed"), funder(f)),
        R::ExecutedTotal => pick(
            "Total exécuté (déclaré, vérifié)",
            "Executed total (declared, checked)",
        ),
        R::ToCarryOver(f) => format!("{} — {}", pick("À reporter", "To carry over"), funder(f)),
        R::Received(f) => format!("{} — {}", pick("Reçu (recette)", "Received"), funder(f)),
        R::Rate => pick(
            "Taux de consommation (déclaré, vérifié)",
            "Consumption rate (declared, checked)",
        ),
        R::YearTotal(y) => format!(
            "{} {y} ({})",
            pick("Total", "Total"),
            pick("déclaré, vérifié", "declared, checked")
        ),
    }
}
