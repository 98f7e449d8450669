//! The « Mes conventions » panel and the notices of the kept conventions.

use super::*;
use crate::ui::focus::focus_later;

/// What the library has to tell: unreadable list or kept convention, full
/// storage, another tab. Put it near the autosave's messages.
#[component]
pub fn LibraryNotices(library: Library) -> impl IntoView {
    let lang = library.ws.lang;
    move || {
        let l = lang.get();
        library
            .notices
            .get()
            .into_iter()
            .map(|notice| {
                let dismissed = notice.clone();
                let dismiss = move |_| {
                    library.notices.update(|n| n.retain(|x| *x != dismissed));
                };
                let (message, raw) = match &notice {
                    Notice::ListUnreadable {
                        reason,
                        kept_as,
                        raw,
                    } => {
                        let kept = kept_as
                            .as_ref()
                            .map(|k| format!(" {} {}.", t(l, Key::StorageKeptAs), quoted(l, k)))
                            .unwrap_or_else(|| format!(" {}", t(l, Key::LibListNotKept)));
                        (
                            format!("{} {}.{kept} {}", t(l, Key::LibListUnreadable), reason.message(l), t(l, Key::LibListRebuilt)),
                            Some(raw.clone()),
                        )
                    }
                    Notice::ConventionUnreadable { name, reason, raw } => (
                        format!("{} {}{}{}. {}", t(l, Key::LibConventionUnreadable), quoted(l, name), colon(l), reason.message(l), t(l, Key::LibConventionStays)),
                        Some(raw.clone()),
                    ),
                    Notice::Full => (t(l, Key::StorageFull).to_string(), None),
                    Notice::Failed(e) => (format!("{} ({e})", t(l, Key::StorageFailed)), None),
                    Notice::OtherTab => (t(l, Key::LibOtherTab).to_string(), None),
                };
                let raw_button = raw.map(|raw| {
                    view! {
                        <button type="button" on:click=move |_| {
                            let _ = download("conventions-illisible.json", "application/json", raw.as_bytes());
                        }>{t(l, Key::DownloadUnreadable)}</button>
                    }
                });
                let keep_button = (notice == Notice::OtherTab).then(|| {
                    view! {
                        <button type="button" on:click=move |_| library.keep_as_new()>
                            {t(l, Key::LibKeepAsNew)}
                        </button>
                    }
                });
                view! {
                    <div class="bw-notice" role="alert">
                        <p>{message}</p>
                        <div class="bw-actions">
                            {raw_button}
                            {keep_button}
                            <button type="button" on:click=dismiss>{t(l, Key::Dismiss)}</button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}

/// What one line of the list is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Idle,
    Renaming,
    /// Asked to delete: waiting for the explicit confirmation.
    Deleting,
}

/// The value of the text field `id`.
fn field_value(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .map(|i| i.value())
}

/// One kept convention in the list.
#[component]
fn LibraryLine(
    library: Library,
    id: String,
    mode: RwSignal<Option<(String, Mode)>>,
) -> impl IntoView {
    let lang = library.ws.lang;
    let dom = format!("bw-lib-{id}");
    let entry = {
        let id = id.clone();
        Memo::new(move |_| library.index.with(|i| i.entry(&id).cloned()))
    };
    let is_current = {
        let id = id.clone();
        Memo::new(move |_| {
            !library.detached.get() && library.current.with(|c| c.as_deref() == Some(id.as_str()))
        })
    };
    let my_mode = {
        let id = id.clone();
        Memo::new(move |_| {
            mode.with(|m| match m {
                Some((i, m)) if *i == id => *m,
                _ => Mode::Idle,
            })
        })
    };
    let state = {
        let id = id.clone();
        Memo::new(move |_| {
            library.kept.with(|k| match k.get(&id) {
                Some(Kept::Empty) => Some(Key::LibEmpty),
                Some(Kept::Unreadable { .. }) => Some(Key::LibUnreadable),
                _ => None,
            })
        })
    };
    let name = Memo::new(move |_| {
        let l = lang.get();
        entry.with(|e| e.as_ref().map(|e| entry_name(l, e)).unwrap_or_default())
    });
    let details = move || {
        let l = lang.get();
        let updated = entry.with(|e| e.as_ref().map_or(0, |e| e.updated));
        let state = state
            .get()
            .map(|k| format!(" — {}", t(l, k)))
            .unwrap_or_default();
        format!(
            "{} {}{state}",
            t(l, Key::LibChanged),
            entry_date(l, updated)
        )
    };

    // The name typed is another convention's: said under the field.
    let taken = RwSignal::new(false);
    let buttons = {
        let (id, dom) = (id.clone(), dom.clone());
        move || {
            let l = lang.get();
            let name = name.get();
            let current = is_current.get();
            let id = id.clone();
            let dom = dom.clone();
            match my_mode.get() {
                Mode::Renaming => {
                    let input_id = format!("{dom}-nom");
                    let taken_id = format!("{dom}-nom-pris");
                    let taken_id2 = taken_id.clone();
                    let initial = entry.with_untracked(|e| {
                        e.as_ref()
                            .map(|e| e.name.trim().to_string())
                            .unwrap_or_default()
                    });
                    let save = {
                        let (id, input_id, dom) = (id.clone(), input_id.clone(), dom.clone());
                        move || {
                            let text = field_value(&input_id).unwrap_or_default();
                            if library.name_taken(&id, &text) {
                                taken.set(true);
                                focus_later(input_id.clone());
                                return;
                            }
                            taken.set(false);
                            library.rename(&id, &text);
                            mode.set(None);
                            focus_later(format!("{dom}-renommer"));
                        }
                    };
                    let cancel = {
                        let dom = dom.clone();
                        move || {
                            taken.set(false);
                            mode.set(None);
                            focus_later(format!("{dom}-renommer"));
                        }
                    };
                    let (save2, cancel2) = (save.clone(), cancel.clone());
                    view! {
                        <div class="bw-lib-rename">
                            <label for=input_id.clone()>{format!("{} {}", t(l, Key::LibNewName), quoted(l, &name))}</label>
                            <input
                                id=input_id
                                type="text"
                                value=initial
                                aria-invalid=move || taken.get().then_some("true")
                                aria-describedby=move || taken.get().then(|| taken_id.clone())
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                                    "Enter" => { ev.prevent_default(); save2(); }
                                    "Escape" => { ev.prevent_default(); cancel2(); }
                                    _ => {}
                                }
                            />
                            {move || taken.get().then(|| view! {
                                <p id=taken_id2.clone() class="bw-error" role="alert">{t(l, Key::LibNameTaken)}</p>
                            })}
                            <div class="bw-actions">
                                <button type="button" on:click=move |_| save()>{t(l, Key::LibSaveName)}</button>
                                <button type="button" on:click=move |_| cancel()>{t(l, Key::Cancel)}</button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                Mode::Deleting => {
                    let question = if current {
                        format!(
                            "{} {}{} {}",
                            t(l, Key::LibDeleteQuestion),
                            quoted(l, &name),
                            question_mark(l),
                            t(l, Key::LibDeleteCurrent)
                        )
                    } else {
                        format!(
                            "{} {}{}",
                            t(l, Key::LibDeleteQuestion),
                            quoted(l, &name),
                            question_mark(l)
                        )
                    };
                    let label = question.clone();
                    let keep_focus = format!("{dom}-supprimer");
                    view! {
                        <div class="bw-lib-confirm" role="group" aria-label=label>
                            <p>{question}</p>
                            <div class="bw-actions">
                                <button type="button" class="bw-danger" on:click=move |_| {
                                    mode.set(None);
                                    library.delete(&id);
                                    focus_later("bw-lib-heading".to_string());
                                }>{t(l, Key::LibDeleteConfirm)}</button>
                                <button type="button" id=format!("{dom}-garder") on:click=move |_| {
                                    mode.set(None);
                                    focus_later(keep_focus.clone());
                                }>{t(l, Key::Cancel)}</button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                Mode::Idle => {
                    let named = |key: Key| format!("{} {}", t(l, key), quoted(l, &name));
                    let (open_id, rename_id, dup_id, del_id) =
                        (id.clone(), id.clone(), id.clone(), id);
                    let (rename_focus, del_focus) = (format!("{dom}-nom"), format!("{dom}-garder"));
                    view! {
                        <div class="bw-actions">
                            {(!current).then(|| view! {
                                <button type="button" aria-label=named(Key::LibOpen) on:click=move |_| library.open(&open_id)>
                                    {t(l, Key::LibOpen)}
                                </button>
                            })}
                            <button type="button" id=format!("{dom}-renommer") aria-label=named(Key::LibRename) on:click=move |_| {
                                mode.set(Some((rename_id.clone(), Mode::Renaming)));
                                focus_later(rename_focus.clone());
                            }>{t(l, Key::LibRename)}</button>
                            <button type="button" aria-label=named(Key::LibDuplicate) on:click=move |_| library.duplicate(&dup_id)>
                                {t(l, Key::LibDuplicate)}
                            </button>
                            <button type="button" id=format!("{dom}-supprimer") aria-label=named(Key::LibDelete) on:click=move |_| {
                                mode.set(Some((del_id.clone(), Mode::Deleting)));
                                focus_later(del_focus.clone());
                            }>{t(l, Key::LibDelete)}</button>
                        </div>
                    }
                    .into_any()
                }
            }
        }
    };

    view! {
        <li
            class="bw-lib-item"
            class:bw-lib-current=move || is_current.get()
            aria-current=move || is_current.get().then_some("true")
        >
            <p class="bw-lib-name">
                <strong>{move || name.get()}</strong>
                {move || is_current.get().then(|| view! { " " <span class="bw-lib-badge">{t(lang.get(), Key::LibOpened)}</span> })}
            </p>
            <p class="bw-hint">{details}</p>
            {buttons}
        </li>
    }
}

/// « Mes conventions »: the conventions kept in this browser, to open, create,
/// rename, delete (confirmed) and duplicate as scenarios.
#[component]
pub fn LibraryPanel(library: Library) -> impl IntoView {
    let lang = library.ws.lang;
    // The line being renamed or deleted.
    let mode = RwSignal::new(None::<(String, Mode)>);
    let ids = Memo::new(move |_| {
        library.index.with(|i| {
            i.conventions
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="bw-library" aria-labelledby="bw-lib-heading">
            <h2 id="bw-lib-heading" tabindex="-1">{move || t(lang.get(), Key::LibHeading)}</h2>
            <p class="bw-hint">{move || t(lang.get(), Key::LibIntro)}</p>
            <div class="bw-actions">
                <button type="button" on:click=move |_| library.new_convention()>
                    {move || t(lang.get(), Key::LibNew)}
                </button>
            </div>
            <div class="bw-lib-deleted" role="status">
                {move || library.deleted.with(|d| d.as_ref().map(|d| {
                    let l = lang.get();
                    let message = format!("{}{}{}.", t(l, Key::LibDeleted), colon(l), quoted(l, entry_name(l, &d.entry)));
                    view! {
                        <div class="bw-notice">
                            <p>{message}</p>
                            <div class="bw-actions">
                                <button type="button" on:click=move |_| library.restore()>{t(l, Key::LibRestore)}</button>
                                <button type="button" on:click=move |_| library.deleted.set(None)>{t(l, Key::Dismiss)}</button>
                            </div>
                        </div>
                    }
                }))}
            </div>
            <Show
                when=move || ids.with(|i| !i.is_empty())
                fallback=move || view! { <p class="bw-empty">{move || t(lang.get(), Key::LibNone)}</p> }
            >
                <ul class="bw-lib-list" aria-labelledby="bw-lib-heading">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <LibraryLine library=library id=id mode=mode />
                    </For>
                </ul>
            </Show>
        </section>
    }
}
