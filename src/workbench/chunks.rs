//! The split points of the workbench's tabs and charts ([`crate::chunks`]):
//! the tranches, years and scenarios views have chunks of their own; the
//! others are in the `workbench` chunk with the workbench itself.
#![allow(unsafe_code)] // the extern blocks generated for each split point

use leptos::prelude::*;

use crate::chunks::split_fn;
use crate::state::Workspace;

split_fn!(
    tranches / preload_tranches,
    tranches,
    |ws: Workspace| -> AnyView {
        view! { <crate::views::tranches::TranchesView ws=ws /> }.into_any()
    }
);
split_fn!(years / preload_years, years, |ws: Workspace| -> AnyView {
    view! { <crate::views::years::YearsView ws=ws /> }.into_any()
});
split_fn!(
    settings / preload_settings,
    workbench,
    |ws: Workspace, title_taken: Signal<bool>| -> AnyView {
        view! { <crate::workbench::settings::SettingsView ws=ws title_taken=title_taken /> }
            .into_any()
    }
);
split_fn!(
    scenarios / preload_scenarios,
    scenarios,
    |ws: Workspace, library: crate::store::library::Library| -> AnyView {
        view! {
            <crate::store::library::LibraryPanel library=library />
            <crate::views::compare::CompareView ws=ws scenarios=library.scenarios />
            <crate::views::consolidate::ConsolidateView ws=ws scenarios=library.scenarios />
            <crate::store::share::ShareLink ws=ws />
        }
        .into_any()
    }
);
split_fn!(
    funding_chart / preload_funding_chart,
    workbench,
    |ws: Workspace| -> AnyView {
        view! { <crate::views::charts::FundingChart ws=ws /> }.into_any()
    }
);
split_fn!(
    consumption_chart / preload_consumption_chart,
    workbench,
    |ws: Workspace| -> AnyView {
        view! { <crate::views::charts::ConsumptionChart ws=ws /> }.into_any()
    }
);
split_fn!(checks / preload_checks, workbench, |ws: Workspace,
                                               go: Callback<
    budget_core::Scope,
>|
 -> AnyView {
    view! { <crate::workbench::results::ChecksView ws=ws go=go /> }.into_any()
});
split_fn!(
    execution / preload_execution,
    workbench,
    |ws: Workspace,
     grid: crate::grid::Grid,
     summary: Memo<Option<crate::state::summary::Summary>>|
     -> AnyView {
        view! { <crate::workbench::results::ExecutionView ws=ws grid=grid summary=summary /> }
            .into_any()
    }
);
split_fn!(
    mapping / preload_mapping,
    workbench,
    |ws: Workspace| -> AnyView {
        view! { <crate::workbench::mapping::MappingPanel ws=ws /> }.into_any()
    }
);
