//! Entry point of the widget: installs the panic hook and mounts the calculator.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(budget_widget::App);
}
