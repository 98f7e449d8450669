//! The tab list of the views and their panels (WAI-ARIA tabs).

use budget_core::Lang;
use leptos::ev;
use leptos::prelude::*;

use crate::ui::focus::focus_later;
use crate::ui::i18n::{t, t_any, Key};
use crate::words::View;

/// The tab list: arrows, Home and End move between tabs (WAI-ARIA tabs).
pub fn tab_list(lang: RwSignal<Lang>, current: RwSignal<View>) -> impl IntoView {
    let tabs = View::ALL
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let on_key = move |ev: ev::KeyboardEvent| {
                let n = View::ALL.len();
                let to = match ev.key().as_str() {
                    "ArrowRight" => (i + 1) % n,
                    "ArrowLeft" => (i + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                ev.prevent_default();
                current.set(View::ALL[to]);
                focus_later(format!("bw-tab-{}", View::ALL[to].slug()));
            };
            view! {
                <button
                    type="button"
                    role="tab"
                    id=format!("bw-tab-{}", v.slug())
                    aria-controls=format!("bw-panel-{}", v.slug())
                    aria-selected=move || (current.get() == v).to_string()
                    tabindex=move || if current.get() == v { "0" } else { "-1" }
                    on:click=move |_| current.set(v)
                    on:keydown=on_key
                >
                    {move || t_any(lang.get(), v.key())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="bw-tabs" role="tablist" aria-label=move || t(lang.get(), Key::ViewsLabel)>
            {tabs}
        </div>
    }
}

/// A tab panel, hidden when another tab is chosen (but printed).
pub fn panel(current: RwSignal<View>, v: View, body: AnyView) -> impl IntoView {
    view! {
        <section
            role="tabpanel"
            class="bw-panel"
            id=format!("bw-panel-{}", v.slug())
            aria-labelledby=format!("bw-tab-{}", v.slug())
            hidden=move || current.get() != v
        >
            {body}
        </section>
    }
}
