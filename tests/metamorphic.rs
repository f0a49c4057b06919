//! The same table, laid out differently, gives the same findings. Every real table of
//! `tests/fixtures/real/` is rewritten in the small ways units vary one form — a numbering column in
//! front, a blank column, spacer rows, full-width digits, padded cells, a note under the table, the last
//! two columns swapped, trailing blank rows and columns — and must give the findings (code and field) of
//! the original. Generated, not hand-written variants: a new table in the corpus is rewritten too.

mod common;

use jixiao::core::import::parse_rows;

type Rows = Vec<Vec<String>>;

/// The row holding the indicator header (三级指标 / 指标名称), if any.
fn header_row(rows: &Rows) -> Option<usize> {
    rows.iter().position(|r| {
        r.iter()
            .any(|c| c.contains("三级指标") || c.contains("指标名称"))
    })
}

fn width(rows: &Rows) -> usize {
    rows.iter().map(Vec::len).max().unwrap_or(0)
}

/// A rewriting: its name and the table it makes.
type Rewriting = (&'static str, fn(&Rows) -> Rows);

/// The rewritings.
fn rewritings() -> Vec<Rewriting> {
    vec![
        (
            "a blank column in front (a paste starting at column B)",
            |rows| {
                rows.iter()
                    .map(|r| {
                        std::iter::once(String::new())
                            .chain(r.iter().cloned())
                            .collect()
                    })
                    .collect()
            },
        ),
        (
            "a numbering column 序号 in front of the indicator rows",
            |rows| {
                let header = header_row(rows).unwrap_or(usize::MAX);
                // Forms number the indicator rows, not the 总分 row or the remarks around it.
                let end = rows
                    .iter()
                    .enumerate()
                    .skip(header.saturating_add(1))
                    .find(|(_, r)| {
                        r.iter().find(|c| !c.trim().is_empty()).is_some_and(|c| {
                            [
                                "总分", "合计", "总计", "说明", "原因", "措施", "结论", "备注",
                            ]
                            .iter()
                            .any(|w| c.contains(w))
                        })
                    })
                    .map_or(rows.len(), |(i, _)| i);
                let mut n = 0;
                rows.iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let first = if i == header {
                            "序号".to_string()
                        } else if i > header && i < end && r.iter().any(|c| !c.trim().is_empty()) {
                            n += 1;
                            n.to_string()
                        } else {
                            String::new()
                        };
                        std::iter::once(first).chain(r.iter().cloned()).collect()
                    })
                    .collect()
            },
        ),
        (
            "blank spacer rows after the header and at the end",
            |rows| {
                let header = header_row(rows).unwrap_or(0);
                let mut out = Vec::new();
                for (i, r) in rows.iter().enumerate() {
                    out.push(r.clone());
                    if i == header {
                        out.push(vec![String::new(); r.len()]);
                    }
                }
                out.push(Vec::new());
                out.push(vec![String::new(); 3]);
                out
            },
        ),
        ("full-width digits in every cell", |rows| {
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            c.chars()
                                .map(|ch| match ch {
                                    '0'..='9' => {
                                        char::from_u32(ch as u32 - '0' as u32 + '０' as u32)
                                            .unwrap_or(ch)
                                    }
                                    other => other,
                                })
                                .collect()
                        })
                        .collect()
                })
                .collect()
        }),
        ("spaces around every cell's text", |rows| {
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            if c.is_empty() {
                                String::new()
                            } else {
                                format!(" {c} ")
                            }
                        })
                        .collect()
                })
                .collect()
        }),
        ("a note under the table", |rows| {
            let mut out = rows.clone();
            out.push(vec!["注：金额单位为万元；本表由单位自评填报。".to_string()]);
            out
        }),
        ("trailing blank columns on every row", |rows| {
            let w = width(rows) + 2;
            rows.iter()
                .map(|r| {
                    let mut r = r.clone();
                    r.resize(w, String::new());
                    r
                })
                .collect()
        }),
        (
            "header words with a year, letters and units in brackets",
            |rows| {
                let Some(header) = header_row(rows) else {
                    return rows.clone();
                };
                rows.iter()
                    .enumerate()
                    .map(|(i, r)| {
                        if i + 1 < header || i > header {
                            return r.clone();
                        }
                        r.iter()
                            .map(|c| match c.trim() {
                                "年度指标值" => "2023年度指标值（A）".to_string(),
                                "实际完成值" => "全年实际完成值（B）".to_string(),
                                "分值" => "分值（分）".to_string(),
                                "得分" => "得分（分）".to_string(),
                                other => other.to_string(),
                            })
                            .collect()
                    })
                    .collect()
            },
        ),
        (
            "the last two columns of the indicator part swapped",
            |rows| {
                let Some(mut header) = header_row(rows) else {
                    return rows.clone();
                };
                // A header on two rows starts on the row above (分值 / 得分 / 指标值 there).
                if header > 0
                    && rows[header - 1].iter().any(|c| {
                        ["分值", "得分", "指标值", "完成值"]
                            .iter()
                            .any(|w| c.contains(w))
                    })
                {
                    header -= 1;
                }
                let w = rows[header].len();
                if w < 2 {
                    return rows.clone();
                }
                rows.iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut r = r.clone();
                        if i >= header {
                            r.resize(w.max(r.len()), String::new());
                            r.swap(w - 1, w - 2);
                        }
                        r
                    })
                    .collect()
            },
        ),
    ]
}

fn findings(rows: &Rows) -> Result<Vec<String>, String> {
    parse_rows(rows)
        .map(|t| common::finding_keys(&t.into_evaluation()))
        .map_err(|e| e.to_string())
}

#[test]
fn the_same_table_laid_out_differently_gives_the_same_findings() {
    let tables = common::real_tables();
    assert!(tables.len() >= 30);
    let kinds = rewritings();
    assert!(kinds.len() >= 8);
    let mut failures = Vec::new();
    for (name, rows) in &tables {
        let expected = findings(rows).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (kind, rewrite) in &kinds {
            let got = findings(&rewrite(rows));
            if got.as_ref() != Ok(&expected) {
                failures.push(format!(
                    "{name} · {kind}: {:?}\n    expected {:?}",
                    got, expected
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rewritten tables differ:\n{}",
        failures.len(),
        tables.len() * kinds.len(),
        failures.join("\n")
    );
}
