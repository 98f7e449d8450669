//! Entry point of the widget: installs the panic hook and mounts the calculator
//! (into the host page's `<div data-budget-widget>`s, or the body: see `embed`).

fn main() {
    console_error_panic_hook::set_once();
    budget_widget::shell::embed::mount();
}
