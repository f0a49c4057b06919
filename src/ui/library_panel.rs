//! 指标库 panel: search the built-in library and the unit's own ("我的指标库"), browse by framework,
//! insert an entry — or its whole group — at the row last focused in the table (else at its place in
//! the framework). Keyboard: ↑ / ↓ choose, Enter inserts the entry, Shift+Enter its group, Esc closes.
//! The unit's own library is kept in the browser beside the autosave and handed on as a JSON file.
//!
//! The searching is the core's ([`crate::core::library::search_both`]); the panel is its search bar,
//! the results, the chosen entry's details and the unit's own library, each a component over [`Shelf`].

use super::files::download_bytes;
use super::state::Workbench;
use crate::core::edit::EditScope;
use crate::core::library::{
    entries_from, frameworks_both, group_in, insert_entry, insert_group, search_both, Library,
    LibraryEntry, LIBRARY_VERSION, MY_FRAMEWORK,
};
use crate::core::number::fmt_score;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// How many results are listed at once (the rest: narrow the search).
const SHOWN: usize = 40;

/// The autosave's side record of the unit's own library.
const MINE: &str = "library";

/// The unit's own library, as kept in the browser (empty when none or unreadable).
fn load_mine(state: Workbench) -> Library {
    let Workbench { document: doc, .. } = state;
    doc.read_aside(MINE)
        .and_then(|text| Library::parse(&text).ok())
        .unwrap_or_else(|| Library {
            library_version: LIBRARY_VERSION,
            name: MY_FRAMEWORK.into(),
            entries: Vec::new(),
        })
}

/// What the panel's parts share: the unit's library, the search, the results and the one chosen.
#[derive(Clone, Copy)]
struct Shelf {
    state: Workbench,
    mine: RwSignal<Library>,
    query: RwSignal<String>,
    framework: RwSignal<String>,
    highlight: RwSignal<usize>,
    hits: Memo<Vec<LibraryEntry>>,
}

impl Shelf {
    fn new(state: Workbench) -> Self {
        let mine = RwSignal::new(load_mine(state));
        let query = RwSignal::new(String::new());
        let framework = RwSignal::new(String::new());
        let hits = Memo::new(move |_| {
            let (q, f) = (query.get(), framework.get());
            mine.with(|m| search_both(m, &f, &q).into_iter().cloned().collect())
        });
        Shelf {
            state,
            mine,
            query,
            framework,
            highlight: RwSignal::new(0),
            hits,
        }
    }

    /// Keeps the unit's library in the browser (a full store is told) and shows it.
    fn keep_mine(self, library: Library) {
        if let Err(message) = self.state.document.write_aside(MINE, &library.to_json()) {
            self.state.notices.tell(true, message);
        }
        self.mine.set(library);
    }

    /// Inserts result `index` (with its whole group) at the chosen row, one undo step, and says so.
    fn insert(self, index: usize, whole_group: bool) {
        let state = self.state;
        let Some(entry) = self.hits.with_untracked(|h| h.get(index).cloned()) else {
            return;
        };
        let at = state.navigator.selected.get_untracked();
        let group = if whole_group {
            self.mine.with_untracked(|m| group_in(m, &entry))
        } else {
            Vec::new()
        };
        let mut inserted = None;
        state.document.edit(EditScope::Whole, |e| {
            inserted = if whole_group {
                insert_group(e, &group.iter().collect::<Vec<_>>(), at.as_deref())
            } else {
                insert_entry(e, &entry, at.as_deref())
            };
        });
        state.document.seal();
        let what = if whole_group {
            let name = entry.path.last().cloned().unwrap_or_default();
            format!("“{name}”组（{} 项）", group.len())
        } else {
            format!("“{}”", entry.indicator.name)
        };
        match inserted {
            Some(_) => state.notices.tell(
                false,
                format!("已从指标库插入{what}，可撤销；插入后即为普通指标行，可随意修改。"),
            ),
            None => state.notices.tell(
                true,
                "未能插入：请先在指标表中点选一行，或清除选择后按框架位置插入。",
            ),
        }
    }
}

/// The name of the row new entries go to, for the panel's "插入位置".
fn place_text(state: Workbench) -> String {
    let Workbench {
        document: doc,
        navigator: nav,
        ..
    } = state;
    let at = nav.selected.get();
    match at.and_then(|id| {
        doc.evaluation
            .with(|e| e.indicator(&id).map(|n| n.name.clone()))
    }) {
        Some(name) => format!("插入位置：“{name}”处（同级之后，或其下级）"),
        None => "插入位置：按所属框架（找到或新建对应的一级、二级指标）".into(),
    }
}

/// Whether the panel is open (provided by the indicator table, whose button toggles it).
#[derive(Clone, Copy)]
pub struct LibraryOpen(pub RwSignal<bool>);

/// The panel, while it is open (the table shows it only then: its code and the built-in library arrive
/// with its chunk).
#[component]
pub fn LibraryPanel() -> impl IntoView {
    let LibraryOpen(open) = expect_context::<LibraryOpen>();
    let state = Workbench::from_context();
    let nav = state.navigator;
    let shelf = Shelf::new(state);
    view! {
            <section class="jx-library" data-testid="library-panel" aria-label="指标库">
                <SearchBar shelf=shelf open=open/>
                <p class="jx-muted">
                    <span data-testid="library-place">{move || place_text(state)}</span>
                    <Show when=move || nav.selected.with(Option::is_some)>
                        " "<button type="button" class="jx-linkish" data-testid="library-place-clear"
                            on:click=move |_| nav.selected.set(None)>"改为按框架位置"</button>
                    </Show>
                    "　↑↓ 选择 · Enter 插入该指标 · Shift+Enter 插入整组 · Esc 关闭"
                </p>
                <Results shelf=shelf/>
                <Detail shelf=shelf/>
                <MyLibrary shelf=shelf/>
            </section>
    }
}

/// The search box (it takes the keyboard when the panel opens) and the framework to browse.
#[component]
fn SearchBar(shelf: Shelf, open: RwSignal<bool>) -> impl IntoView {
    let search = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search.get() {
            let _ = input.focus();
        }
    });
    let Shelf {
        query,
        framework,
        highlight,
        hits,
        mine,
        ..
    } = shelf;
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let count = hits.with_untracked(|h| h.len().min(SHOWN));
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                highlight.update(|i| *i = (*i + 1).min(count.saturating_sub(1)));
            }
            "ArrowUp" => {
                ev.prevent_default();
                highlight.update(|i| *i = i.saturating_sub(1));
            }
            "Enter" => {
                ev.prevent_default();
                shelf.insert(highlight.get_untracked(), ev.shift_key());
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    let frameworks = move || mine.with(frameworks_both);
    view! {
        <div class="jx-library-bar">
            <input type="search" class="jx-input" data-testid="library-search" placeholder="搜索指标库：名称、关键词、评分标准…"
                aria-label="搜索指标库" aria-controls="jx-library-results" node_ref=search
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); highlight.set(0); }
                on:keydown=on_keydown/>
            <select data-testid="library-framework" aria-label="按框架浏览"
                on:change=move |ev| { framework.set(event_target_value(&ev)); highlight.set(0); }>
                <option value="">"全部框架"</option>
                {move || frameworks().into_iter().map(|f| view! { <option value=f.clone()>{f.clone()}</option> }).collect_view()}
            </select>
            <button type="button" class="jx-icon" aria-label="关闭指标库" on:click=move |_| open.set(false)>"✕"</button>
        </div>
    }
}

/// The results (the first [`SHOWN`]), the chosen one highlighted, each with its insert buttons.
#[component]
fn Results(shelf: Shelf) -> impl IntoView {
    let Shelf {
        hits, highlight, ..
    } = shelf;
    view! {
        <ul class="jx-library-results" id="jx-library-results" role="listbox" data-testid="library-results">
            {move || hits.with(|h| h.iter().take(SHOWN).enumerate().map(|(i, e)| {
                let points = if e.indicator.points.is_zero() { "分值自定".to_string() } else { format!("{}分", fmt_score(e.indicator.points)) };
                let place = format!("{} / {}", e.framework, e.path.join(" / "));
                view! {
                    <li role="option" data-testid="library-entry" class="jx-library-entry"
                        class:jx-library-current=move || highlight.get() == i
                        aria-selected=move || (highlight.get() == i).to_string()
                        on:mouseenter=move |_| highlight.set(i)>
                        <div class="jx-library-head">
                            <strong>{e.indicator.name.clone()}</strong>
                            <span class="jx-muted">{place}" · "{points}" · "{e.indicator.rule.label()}</span>
                            <button type="button" class="jx-btn" data-testid="library-insert" on:click=move |_| shelf.insert(i, false)>"插入"</button>
                            <button type="button" class="jx-btn" data-testid="library-insert-group" on:click=move |_| shelf.insert(i, true)>"插入整组"</button>
                        </div>
                    </li>
                }
            }).collect_view())}
        </ul>
        {move || {
            let n = hits.with(Vec::len);
            (n > SHOWN).then(|| view! { <p class="jx-muted">{format!("共 {n} 条，仅列出前 {SHOWN} 条：请输入更多关键词。")}</p> })
        }}
    }
}

/// The chosen entry's explanation, standard, source and note.
#[component]
fn Detail(shelf: Shelf) -> impl IntoView {
    let Shelf {
        hits, highlight, ..
    } = shelf;
    move || {
        hits.with(|h| h.get(highlight.get()).cloned()).map(|e| view! {
            <div class="jx-library-detail" data-testid="library-detail">
                {(!e.indicator.description.is_empty()).then(|| view! { <p><b>"指标解释："</b>{e.indicator.description.clone()}</p> })}
                {(!e.indicator.criteria.is_empty()).then(|| view! { <p class="jx-pre"><b>"评分标准："</b>{e.indicator.criteria.clone()}</p> })}
                <p class="jx-muted">"来源："{e.source.clone()}" "
                    {(!e.source_url.is_empty()).then(|| view! { <a href=e.source_url.clone() target="_blank" rel="noopener noreferrer">{e.source_url.clone()}</a> })}
                </p>
                {(!e.note.is_empty()).then(|| view! { <p class="jx-muted">"说明："{e.note.clone()}</p> })}
            </div>
        })
    }
}

/// 我的指标库: the chosen row saved into it, handed on as a file, another unit's file merged in.
#[component]
fn MyLibrary(shelf: Shelf) -> impl IntoView {
    let Shelf { state, mine, .. } = shelf;
    let Workbench {
        document: doc,
        navigator: nav,
        notices,
        ..
    } = state;
    let save_row = move |_| {
        let Some(id) = nav.selected.get_untracked() else {
            notices.tell(
                true,
                "请先在指标表中点选要存入的一行（选中分组则存入其下全部指标）。",
            );
            return;
        };
        let entries = doc.evaluation.with_untracked(|e| entries_from(e, &id));
        if entries.is_empty() {
            notices.tell(true, "所选的行没有可存入的指标。");
            return;
        }
        let mut library = mine.get_untracked();
        let total = entries.len();
        let added = library.merge(entries);
        shelf.keep_mine(library);
        notices.tell(
            false,
            format!("已存入我的指标库：{total} 项（新增 {added} 项，其余为更新）。"),
        );
    };
    let export = move |_| {
        let text = mine.with_untracked(Library::to_json);
        if let Err(message) = download_bytes("我的指标库.json", text.as_bytes(), "application/json")
        {
            notices.tell(true, message);
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        let Some(file) = file else { return };
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                notices.tell(true, format!("无法读取“{name}”。我的指标库未改动。"));
                return;
            };
            match Library::parse(&text) {
                Ok(other) => {
                    let mut library = mine.get_untracked();
                    let total = other.entries.len();
                    let added = library.merge(other.entries);
                    shelf.keep_mine(library);
                    notices.tell(
                        false,
                        format!("已从“{name}”导入 {total} 项（新增 {added} 项）。"),
                    );
                }
                Err(e) => notices.tell(true, format!("“{name}”：{e}。我的指标库未改动。")),
            }
        });
    };
    view! {
        <div class="jx-library-mine">
            <span>{move || format!("我的指标库：{} 项", mine.with(|m| m.entries.len()))}</span>
            <button type="button" class="jx-btn" data-testid="library-save-row" on:click=save_row
                title="把指标表中选中的一行（或分组下的全部指标）连同评分规则存入我的指标库">"存入选中行"</button>
            <button type="button" class="jx-btn" data-testid="library-export" on:click=export>"导出我的指标库"</button>
            <label class="jx-btn jx-file-btn">
                "导入指标库…"
                <input type="file" class="jx-file-overlay" data-testid="library-import" accept=".json,application/json"
                    aria-label="选择指标库文件" on:change=import/>
            </label>
        </div>
    }
}

super::lazy::capability!(pub LIBRARY, library, "指标库", || view! { <LibraryPanel/> }.into_any());
