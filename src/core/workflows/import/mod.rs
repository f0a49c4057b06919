//! Importing an indicator table (导入指标表) as units fill them: pasted out of Excel / WPS as
//! tab-separated text, the first sheet of an .xlsx or .xls file, or the indicator table of a Word
//! report (.docx, [`docx`]).
//!
//! The import never refuses a real table for one row. Columns are recognised by their many usual headers
//! ([`header`]), in any order, on one header row or two; blank 一级 / 二级 cells mean "same as above"
//! (merged cells), and a 一级 name met again later joins its group; names such as "部门决策（15分）" carry
//! their 分值; a 合计 / 总分 row (at the end or the top) is kept as the *stated* total and grade; the
//! 预算执行情况 block above the table becomes the funds and the execution-rate row ([`budget`]);
//! 加减分项 rows become the adjustments; notes under the table (评价结论, 存在问题, 改进措施) go to the
//! report text. Placeholder rows (`指标2`, `……`, a category with nothing after it) are left out, and a
//! row or cell that cannot be read is kept as text in an [`ImportNote`] that every check lists; the rest
//! imports. A table is refused only when no header can be found, or when it passes the size limits
//! ([`MAX_BYTES`], [`MAX_CELLS`]).
//!
//! ```
//! let tsv = "一级指标\t二级指标\t三级指标\t分值\t自评分\n产出\t数量\t完成量\t60\t60\n\t质量\t合格率\t40\t38\n合计\t\t\t100\t98\n";
//! let table = jixiao::core::import::parse_tsv(tsv).unwrap();
//! assert_eq!(table.indicators.len(), 1);
//! assert_eq!(table.stated_total.unwrap().to_string(), "98");
//! ```

pub mod budget;
mod document;
pub mod docx;
mod facts;
pub mod grid;
pub mod header;
pub mod html;
pub mod narrative;
pub mod pdf;
mod tasks;
mod tree;
mod tsv;
mod xlsx;

use crate::core::audit;
use crate::core::measure::Measure;
use crate::core::model::{
    Adjustments, Evaluation, EvaluationKind, ImportNote, ImportNoteKind, Indicator, ProjectBudget,
};
use crate::core::rule::ScoringRule;
pub use budget::BudgetBlock;
pub use document::{
    compound_format, document_cells, html_cells, office_format, read_document, DocumentRead,
    OfficeFormat, OpenedDocument, COMPOUND_FILE,
};
use header::Column;
use rust_decimal::Decimal;
use std::fmt;

/// Where an imported table goes (导入方式).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// A new evaluation of the table alone (undoable): the form of another unit or year.
    NewEvaluation,
    /// Only the current evaluation's indicator tree is replaced: an explicit choice for a whole form,
    /// the default for a bare tree.
    ReplaceTree,
}

/// Why a table was refused (only when no header is found, or it is too large).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Row, 1-based (0 when the whole table is at fault).
    pub row: usize,
    /// Column, 1-based (0 when not about one cell).
    pub column: usize,
    /// Chinese message.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column) {
            (0, _) => write!(f, "{}", self.message),
            (r, 0) => write!(f, "第 {r} 行：{}", self.message),
            (r, c) => write!(f, "第 {r} 行第 {c} 列：{}", self.message),
        }
    }
}

impl std::error::Error for ImportError {}

// Size limits: a text over MAX_BYTES, an .xlsx whose parts declare more than MAX_BYTES uncompressed, or a
// table of more than MAX_CELLS cells is refused with a Chinese message (a 1 MB .xlsx can expand to 170 MB).
/// Largest text, or total uncompressed size of an .xlsx, read (20 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Most cells read (200,000: a 2,000-row table of 100 columns).
pub const MAX_CELLS: usize = 200_000;

fn refuse(message: String) -> ImportError {
    ImportError {
        row: 0,
        column: 0,
        message,
    }
}

/// Runs a third-party reader, a panic in it (a damaged file it did not expect) becoming a refusal. Natively
/// (CLI, tests) the panic is caught here; in the browser's Word / Excel module it ends that module, which
/// the page drops and loads afresh (`ui::export_module`), the work untouched either way.
fn guarded<T>(what: &str, read: impl FnOnce() -> Result<T, ImportError>) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(refuse(format!(
            "{what}已损坏或结构不规范，无法读取；请用原软件另存为 .xlsx / .docx 后再打开"
        )))
    })
}

fn too_many_cells() -> ImportError {
    refuse(format!(
        "表格超过 {} 个单元格，无法导入；请只复制指标表部分",
        MAX_CELLS
    ))
}

/// The table as understood.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ImportedTable {
    /// Header cells no column was recognised in, as printed (kept as text, named in the summary).
    pub unplaced: Vec<String>,
    /// The indicator tree (ids "1", "1.1", "1.1.1" …).
    pub indicators: Vec<Indicator>,
    /// The 加减分项 group, when the table has one.
    pub adjustments: Option<Adjustments>,
    /// The 合计 / 总分 row's score.
    pub stated_total: Option<Decimal>,
    /// The 合计 row's 分值.
    pub stated_points: Option<Decimal>,
    /// The grade printed on the 总分 row (优 / 良 / 中 / 差).
    pub stated_grade: Option<String>,
    /// Whether the table has 年度指标值 / 实际完成值 columns, a budget block or a title naming a
    /// project's form (a 项目支出 form), unless its title says 部门整体.
    pub project: bool,
    /// The 预算执行情况 block.
    pub budget: Option<BudgetBlock>,
    /// Rows left out or read with an assumption.
    pub notes: Vec<ImportNote>,
    /// What the table says of itself above the header: 单位, 主管部门, 项目名称, 年度.
    pub facts: TableFacts,
    /// Notes under the table: 评价结论, 存在问题 / 偏差原因, 改进措施.
    pub remarks: Remarks,
    /// A monitoring table (运行监控): the period's last month.
    pub monitoring: Option<u8>,
    /// A 部门整体 申报表's 年度主要任务.
    pub tasks: crate::core::model::AnnualTasks,
    /// 部门职责 as printed above the indicators.
    pub duties: String,
}

/// Facts printed above the indicator header.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TableFacts {
    /// 单位名称 / 实施单位.
    pub unit: String,
    /// 主管部门.
    pub parent: String,
    /// 项目名称.
    pub project_name: String,
    /// 年度.
    pub year: Option<i32>,
    /// The title says 部门整体.
    pub department: bool,
    /// The title names a project's form (…项目…绩效…表).
    pub project_title: bool,
    /// The title names a form of targets (绩效目标申报表, 绩效目标表, 目标批复表 / 审批表), not a
    /// self-evaluation or a monitoring table: the table opens in the target stage.
    pub target_title: bool,
    /// The row (0-based) where the form prints its label for the unit (单位名称, 实施单位 …).
    pub unit_label_row: Option<usize>,
    /// 项目期 / 建设周期 as printed.
    pub project_period: String,
    /// The title names a monitoring form (绩效监控表, 绩效运行监控表, 绩效目标执行监控表).
    pub monitoring_title: bool,
    /// The monitoring period's last month, from the title or a header above the indicators (1-6月执行数).
    pub monitoring_month: Option<u8>,
    /// 年度总体目标: 预期目标.
    pub goal: String,
    /// 年度总体目标: 实际完成情况.
    pub goal_actual: String,
}

/// Text rows under the table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Remarks {
    /// 评价结论.
    pub conclusion: String,
    /// 存在问题 / 偏差大或目标未完成原因分析.
    pub problems: String,
    /// 改进措施.
    pub suggestions: String,
}

/// Counts told to the user after an import.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Indicator rows read (leaves).
    pub rows: usize,
    /// Of them, rows whose figures give an inferred standard (评分复核).
    pub inferred: usize,
    /// Rows or cells kept as text (warnings).
    pub kept_as_text: usize,
    /// Placeholder rows left out.
    pub placeholders: usize,
    /// Header cells no column was recognised in (kept as text, not used in any check).
    pub unplaced: Vec<String>,
}

impl ImportSummary {
    /// "读入指标 12 行，其中 9 行由指标值推断评分标准；2 处无法识别，已作为文字保留；跳过空白占位行 3 行".
    pub fn sentence(&self) -> String {
        let mut text = format!("读入指标 {} 行", self.rows);
        if self.inferred > 0 {
            text.push_str(&format!("，其中 {} 行由指标值推断评分标准", self.inferred));
        }
        if self.kept_as_text > 0 {
            text.push_str(&format!(
                "；{} 处无法识别，已作为文字保留",
                self.kept_as_text
            ));
        }
        if self.placeholders > 0 {
            text.push_str(&format!("；跳过空白占位行 {} 行", self.placeholders));
        }
        if !self.unplaced.is_empty() {
            text.push_str(&format!(
                "；未识别的列：{}（作为文字保留，未参与核算）",
                self.unplaced.join("、")
            ));
        }
        text
    }
}

/// Collects the import notes.
#[derive(Default)]
pub struct Reader {
    notes: Vec<ImportNote>,
}

impl Reader {
    /// Records a note on `row` (1-based) with the row's cells as text.
    pub fn note(&mut self, row: usize, cells: &[String], kind: ImportNoteKind, message: String) {
        let cells: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        self.notes.push(ImportNote {
            row,
            kind,
            cells: cells.join(" | "),
            message,
        });
    }
}

/// Words where a figure was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAFigure;

/// A figure cell: blank, a dash or "/" is `None`; a figure with a unit or operator is its value; words
/// are `Err`.
pub fn cell_number(text: &str) -> Result<Option<Decimal>, NotAFigure> {
    let trimmed = text.trim();
    if matches!(trimmed, "无" | "——" | "/" | "／" | "-" | "—" | "－") {
        return Ok(None);
    }
    match Measure::parse(trimmed) {
        Measure::Empty => Ok(None),
        Measure::Figure { value, .. } => Ok(Some(value)),
        _ => Err(NotAFigure),
    }
}

/// Parses a pasted indicator table.
pub fn parse_tsv(text: &str) -> Result<ImportedTable, ImportError> {
    parse_rows(&tsv::tsv_rows(text)?)
}

/// Parses the first worksheet of an .xlsx file (bytes). Merged cells read as blank below their first
/// row, i.e. "same as above".
pub fn parse_xlsx(bytes: &[u8]) -> Result<ImportedTable, ImportError> {
    parse_rows(&xlsx::xlsx_rows(bytes)?)
}

/// The cells of an .xlsx file's first worksheet as text (bounded by [`MAX_BYTES`] and [`MAX_CELLS`]).
pub fn xlsx_cells(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    xlsx::xlsx_rows(bytes)
}

/// Parses the table an Office file holds ([`document_cells`]).
pub fn parse_document(bytes: &[u8]) -> Result<ImportedTable, ImportError> {
    parse_rows(&document_cells(bytes)?)
}

/// Parses rows of cells (from TSV or a spreadsheet).
pub fn parse_rows(table: &[Vec<String>]) -> Result<ImportedTable, ImportError> {
    let mut reader = Reader::default();
    let budget = budget::read(&mut reader, table);
    let from = budget.as_ref().map_or(0, |b| b.last_row + 1);
    let header = header::find(table, from).or_else(|| header::find(table, 0));
    let Some(header) = header else {
        // A 部门整体 申报表 cut before its indicators (or printed without them): its 年度主要任务 still
        // import, checked as targets.
        let tasks = tasks::tasks(table, table.len());
        if !tasks.is_empty() {
            let facts = facts::facts(table, table.len());
            facts::note_blank_unit(&facts, table, &mut reader);
            return Ok(ImportedTable {
                tasks,
                duties: tasks::duties(table, table.len()),
                facts,
                notes: reader.notes,
                ..ImportedTable::default()
            });
        }
        if let Some(budget) = budget {
            // A table that is only the budget block still imports.
            let facts = facts::facts(table, budget.last_row);
            facts::note_blank_unit(&facts, table, &mut reader);
            return Ok(ImportedTable {
                project: !facts.department,
                facts,
                budget: Some(budget),
                notes: reader.notes,
                ..ImportedTable::default()
            });
        }
        return Err(ImportError {
            row: 0,
            column: 0,
            message: "未找到指标表的表头：需要“一级指标”“二级指标”“三级指标”（或“指标名称”“绩效指标”）之一，以及“分值”“得分”“年度指标值”“实际完成值”等列名中的至少一个".into(),
        });
    };
    let facts = facts::facts(table, header.row);
    facts::note_blank_unit(&facts, table, &mut reader);
    // A 申报表 prints its funds as labels and amounts, without execution columns.
    let budget = match budget {
        None if facts.target_title => budget::read_labelled(table, header.row),
        budget => budget,
    };
    // A monitoring form: by its title, or by its own columns; the period from the title, the headers
    // above the indicators or the indicator header itself (半年度指标执行情况), else 1—7 月.
    let monitoring = (facts.monitoring_title
        || header.find(Column::ToDate).is_some()
        || header.find(Column::Likelihood).is_some())
    .then(|| {
        let header_month = (header.row.saturating_sub(1)..=header.row)
            .filter_map(|r| table.get(r))
            .flatten()
            .find_map(|c| header::monitoring_period(&header::normalise(c)).map(|(m, _)| m));
        facts.monitoring_month.or(header_month).unwrap_or(7)
    });
    let mut out = ImportedTable {
        monitoring,
        tasks: tasks::tasks(table, header.row),
        duties: tasks::duties(table, header.row),
        facts,
        budget,
        unplaced: header.unplaced.clone(),
        ..ImportedTable::default()
    };
    if header.repeated_block {
        // Two blocks side by side (中期 | 年度): only the first is read — never silently.
        reader.note(
            header.row + 1,
            &[],
            ImportNoteKind::Assumed,
            "表中并列两组指标（如中期与年度），只读取了左边第一组；右边一组作为文字保留，未参与检查".to_string(),
        );
    }
    if !header.unplaced.is_empty() {
        // Never dropped without a word: a column the reader cannot place is said, with what it means.
        reader.note(
            header.row + 1,
            &[],
            ImportNoteKind::Assumed,
            format!(
                "表头中的{}未能识别，这些列作为文字保留，未参与核算",
                header
                    .unplaced
                    .iter()
                    .map(|h| format!("“{h}”"))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        );
    }
    tree::Rows::new(&header, table, &mut reader).read(table, &mut out);
    if let Some(block) = &out.budget {
        if block.score.is_none() && block.points.is_some() {
            reader.note(
                block.last_row + 1,
                &[],
                ImportNoteKind::Blank,
                format!(
                    "预算执行率列有分值 {} 但得分未填",
                    crate::core::number::fmt_score(block.points.unwrap_or_default())
                ),
            );
        }
    }
    out.project = (header.find(Column::Target).is_some()
        || header.find(Column::Actual).is_some()
        || out.budget.is_some()
        || out.facts.project_title)
        && !out.facts.department;
    out.notes = reader.notes;
    out.notes.sort_by_key(|n| n.row);
    tree::finish(&mut out.indicators, "");
    Ok(out)
}

impl ImportedTable {
    /// Counts for the message after an import.
    pub fn summary(&self) -> ImportSummary {
        let leaves = crate::core::model::leaves(&self.indicators);
        let mut summary = ImportSummary {
            rows: leaves.len(),
            inferred: leaves.iter().filter(|n| audit::infer(n).is_some()).count(),
            unplaced: self.unplaced.clone(),
            ..ImportSummary::default()
        };
        for note in &self.notes {
            match note.kind {
                ImportNoteKind::Unreadable => summary.kept_as_text += 1,
                ImportNoteKind::Placeholder => summary.placeholders += 1,
                _ => {}
            }
        }
        summary
    }

    /// Puts the imported tree (budget, adjustments, stated figures, notes) into `evaluation`, keeping the
    /// rest.
    pub fn apply_to(self, evaluation: &mut Evaluation) {
        evaluation.indicators = self.indicators;
        evaluation.import_notes = self.notes;
        if let Some(budget) = self.budget {
            let project = evaluation
                .project
                .get_or_insert_with(ProjectBudget::default);
            project.funds = budget.funds;
            project.stated_total = budget.total;
            project.breakdowns = budget.breakdowns;
            if !self.facts.project_name.is_empty() {
                project.name = self.facts.project_name.clone();
            }
            if budget.points.is_some() || budget.score.is_some() {
                // The execution rate is scored as the first indicator, from the imported funds.
                let leaf = Indicator {
                    id: "0".into(),
                    name: "预算执行率".into(),
                    points: budget.points.unwrap_or(Decimal::TEN),
                    rule: ScoringRule::ExecutionRate,
                    score: budget.score,
                    ..Default::default()
                };
                evaluation.indicators.insert(0, leaf);
            }
        }
        if self.project {
            evaluation.kind = EvaluationKind::Project;
            if !self.facts.project_name.is_empty() {
                evaluation
                    .project
                    .get_or_insert_with(ProjectBudget::default)
                    .name = self.facts.project_name.clone();
            }
            if !self.facts.project_period.is_empty() {
                evaluation
                    .project
                    .get_or_insert_with(ProjectBudget::default)
                    .period = self.facts.project_period.clone();
            }
        }
        if self.facts.target_title {
            evaluation.stage = crate::core::model::Stage::Target;
        }
        if !self.tasks.is_empty() {
            evaluation.tasks = self.tasks;
        }
        if !self.duties.is_empty() {
            evaluation.unit.duties = self.duties;
        }
        if let Some(month) = self.monitoring {
            evaluation.stage = crate::core::model::Stage::Monitoring;
            evaluation.monitoring = Some(crate::core::model::MonitoringPeriod { month });
        }
        if let Some(adjustments) = self.adjustments {
            evaluation.adjustments = adjustments;
        }
        if self.stated_total.is_some() {
            evaluation.stated.total = self.stated_total;
        }
        if self.stated_grade.is_some() {
            evaluation.stated.grade = self.stated_grade;
        }
        if let Some(points) = self.stated_points {
            evaluation.settings.total_points = points;
        }
        let facts = self.facts;
        if !facts.unit.is_empty() {
            evaluation.unit.name = facts.unit;
        }
        if !facts.parent.is_empty() {
            evaluation.unit.parent_department = facts.parent;
        }
        if let Some(year) = facts.year {
            evaluation.unit.year = year;
        }
        if !facts.goal.is_empty() {
            evaluation.goals.annual = facts.goal;
        }
        if !facts.goal_actual.is_empty() {
            evaluation.goals.annual_actual = facts.goal_actual;
        }
        let remarks = self.remarks;
        for (text, slot) in [
            (remarks.conclusion, &mut evaluation.narrative.conclusion),
            (remarks.problems, &mut evaluation.narrative.problems),
            (remarks.suggestions, &mut evaluation.narrative.suggestions),
        ] {
            if !text.is_empty() {
                *slot = text;
            }
        }
    }

    /// Whether the table is a unit's whole form rather than a bare indicator tree: it carries its own
    /// budget block, a printed total or grade, or the facts above its header (unit, 主管部门, project,
    /// year). Such a table is another unit's (or another year's) evaluation: opened, it starts a new
    /// evaluation, so nothing one unit printed is checked against another's.
    pub fn is_whole_form(&self) -> bool {
        let facts = &self.facts;
        self.budget.is_some()
            || self.stated_total.is_some()
            || self.stated_grade.is_some()
            || !facts.unit.is_empty()
            || !facts.parent.is_empty()
            || !facts.project_name.is_empty()
            || facts.year.is_some()
    }

    /// How the table enters the current work unless the user chooses otherwise ([`Self::is_whole_form`]).
    pub fn default_target(&self) -> ImportTarget {
        if self.is_whole_form() {
            ImportTarget::NewEvaluation
        } else {
            ImportTarget::ReplaceTree
        }
    }

    /// Replaces only `evaluation`'s indicator tree (with the budget rows it scores, 加减分项 and import
    /// notes). What was printed about the old tree goes with it: the stated total and grade become the
    /// table's (none when it prints none); the unit, its texts, accounts and metrics stay.
    pub fn replace_tree_of(self, evaluation: &mut Evaluation) {
        let kept = (
            evaluation.unit.clone(),
            evaluation.goals.clone(),
            evaluation.narrative.clone(),
        );
        let project_name = evaluation.project.as_ref().map(|p| p.name.clone());
        evaluation.stated.total = None;
        evaluation.stated.grade = None;
        self.apply_to(evaluation);
        (evaluation.unit, evaluation.goals, evaluation.narrative) = kept;
        if let (Some(project), Some(name)) = (evaluation.project.as_mut(), project_name) {
            project.name = name;
        }
    }

    /// A whole evaluation made of the table alone (what `jixiao check table.tsv` checks).
    pub fn into_evaluation(self) -> Evaluation {
        let mut evaluation = Evaluation::empty(if self.project {
            EvaluationKind::Project
        } else {
            EvaluationKind::Department
        });
        self.apply_to(&mut evaluation);
        evaluation
    }
}
