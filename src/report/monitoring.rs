//! The 绩效运行监控表 as the form is printed (the 136号 practice's columns): the project, its funds with
//! the period's 执行数, 执行率, 全年预计执行数 and the budget's light; per 三级 the 年度指标值, 1—N 月 完成值,
//! 全年预计完成值, 完成目标可能性, the light, 偏差原因 (the categories as ☑ / ☐ and the words) and 纠偏措施;
//! then a short 监控情况 written from the data (the lights, the red and yellow rows with their reasons and
//! measures) and the signature block.

use super::score_table::{leaf_rows, plain_name, stage_form_title};
use super::{signature, Block, Figure, FormCell, FormTable, Report};
use crate::core::assess::Assessment;
use crate::core::lights::{Light, LightResult};
use crate::core::model::{target_value, CauseKind, Evaluation, Indicator};
use crate::core::number::{fmt_score, percent};
use rust_decimal::Decimal;

/// Relative column widths: row labels, 一级, 二级, 三级, 年度指标值, 完成值, 全年预计, 可能性, 预警, 偏差原因,
/// 纠偏措施.
const WIDTHS: [usize; 11] = [8, 7, 8, 13, 9, 8, 8, 7, 6, 15, 12];

/// "2025年度项目支出绩效运行监控表（1—7月）".
pub(super) fn title(e: &Evaluation) -> String {
    let period = e.monitoring.unwrap_or_default().label();
    stage_form_title(e, &format!("绩效运行监控表（{period}）"))
}

/// "☑经费保障 ☐制度保障 …" and the words; blank for a row with no deviation to explain (nothing ticked,
/// no words), so the boxes stand where they are used.
fn causes(leaf: &Indicator) -> String {
    let Some(m) = leaf
        .monitoring
        .as_ref()
        .filter(|m| !m.causes.is_empty() || !m.cause.trim().is_empty())
    else {
        return String::new();
    };
    let ticks: Vec<String> = CauseKind::ALL
        .iter()
        .map(|k| {
            let mark = if m.causes.contains(k) { '☑' } else { '☐' };
            format!("{mark}{}", k.label())
        })
        .collect();
    let words = m.cause.trim();
    if words.is_empty() {
        ticks.join(" ")
    } else {
        format!("{}\n{words}", ticks.join(" "))
    }
}

pub(super) fn monitoring_form(e: &Evaluation, a: &Assessment) -> Report {
    let label = FormCell::label;
    let value = |text: String, cols: usize| FormCell::value(text, cols);
    let period = e.monitoring.unwrap_or_default().label();
    let project = e.project.clone().unwrap_or_default();
    let lights = a.lights.as_ref();
    let light_of = |id: &str| -> Option<&LightResult> {
        lights.and_then(|l| l.indicators.iter().find(|x| x.id == id))
    };
    let mut rows: Vec<Vec<FormCell>> = vec![
        vec![label("项目名称", 1), value(project.name.clone(), 10)],
        vec![
            label("主管部门", 1),
            value(e.unit.parent_department.clone(), 4),
            label("实施单位", 2),
            value(e.unit.name.clone(), 4),
        ],
    ];
    // The funds: one row per line and the total, with the period's 执行数 and the year's forecast.
    let money = |v: Option<Decimal>| FormCell::value(Figure::amount(v), 1);
    let mut lines: Vec<(String, crate::core::model::FundLine)> = Vec::new();
    if let Some(total) = &project.stated_total {
        lines.push(("年度资金总额".into(), total.clone()));
    }
    for line in &project.funds {
        lines.push((format!("其中：{}", line.source), line.clone()));
    }
    if !lines.is_empty() {
        // The 136号 附件 columns: 年初预算数, 年度预算调整, 调整后预算, 1—N 月 执行数, 执行率 (of the adjusted
        // budget), 全年预计执行数, 预计结余 (调整后预算 − 全年预计), and the budget's light.
        let executed = format!("{period}执行数");
        let mut header = vec![
            label("项目资金（万元）", 1).down(lines.len() + 1),
            label("", 2),
        ];
        header.extend(
            [
                "年初预算数",
                "年度预算调整",
                "调整后预算",
                executed.as_str(),
                "执行率",
                "全年预计执行数",
                "预计结余",
                "预警",
            ]
            .map(|h| FormCell::label(h, 1)),
        );
        rows.push(header);
        let budget_light = lights
            .and_then(|l| l.budget.as_ref())
            .map(|b| b.light.label().to_string())
            .unwrap_or_default();
        for (i, (name, line)) in lines.iter().enumerate() {
            let budget = line.adjusted.or(line.initial);
            let rate = match (line.executed, budget) {
                (Some(x), Some(b)) => percent(x, b).map_or(Figure::Empty, Figure::Rate),
                _ => Figure::Empty,
            };
            // Differences of printed figures; none past Decimal's range.
            let change = match (line.initial, line.adjusted) {
                (Some(a), Some(b)) => b.checked_sub(a),
                _ => None,
            };
            let balance = match (budget, line.forecast) {
                (Some(b), Some(f)) => b.checked_sub(f),
                _ => None,
            };
            rows.push(vec![
                value(name.clone(), 2),
                money(line.initial),
                money(change),
                money(budget),
                money(line.executed),
                FormCell::value(rate, 1),
                money(line.forecast),
                money(balance),
                value(
                    if i == 0 {
                        budget_light.clone()
                    } else {
                        String::new()
                    },
                    1,
                ),
            ]);
        }
    }
    // 年度总体目标: as set at the start of the year, and what the period achieved of it.
    let (set, achieved) = (e.goals.annual.trim(), e.goals.annual_actual.trim());
    if !set.is_empty() || !achieved.is_empty() {
        rows.push(vec![
            label("年度总体目标", 1).down(2),
            label("年初设定目标", 5),
            FormCell::label(format!("{period}实际完成情况"), 5),
        ]);
        rows.push(vec![
            value(set.to_string(), 5),
            value(achieved.to_string(), 5),
        ]);
    }
    let leaves = leaf_rows(&e.indicators, plain_name);
    let mut header = vec![label("绩效指标", 1).down(leaves.len() + 1)];
    header.extend(
        [
            "一级指标".to_string(),
            "二级指标".into(),
            "三级指标".into(),
            "年度指标值".into(),
            format!("{period}完成值"),
            "全年预计完成值".into(),
            "完成目标可能性".into(),
            "预警".into(),
            "偏差原因".into(),
            "纠偏措施".into(),
        ]
        .map(|h| FormCell::label(h, 1)),
    );
    rows.push(header);
    for row in leaves {
        let mut cells = row.level_cells();
        let leaf = row.leaf;
        let m = leaf.monitoring.clone().unwrap_or_default();
        let done = if m.to_date_text.trim().is_empty() {
            m.to_date.map(fmt_score).unwrap_or_default()
        } else {
            m.to_date_text.trim().to_string()
        };
        cells.extend([
            value(row.name, 1),
            value(target_value(leaf), 1),
            value(done, 1),
            value(m.forecast.map(fmt_score).unwrap_or_default(), 1),
            value(m.likelihood.map_or("", |l| l.label()).to_string(), 1),
            value(
                light_of(&leaf.id).map_or(String::new(), |l| l.light.label().to_string()),
                1,
            ),
            value(causes(leaf), 1),
            value(m.measure.trim().to_string(), 1),
        ]);
        rows.push(cells);
    }
    let mut blocks = vec![Block::Form(FormTable {
        widths: WIDTHS.to_vec(),
        rows,
    })];
    blocks.extend(summary(e, a).into_iter().map(Block::Paragraph));
    blocks.extend(signature(e));
    // Eleven columns: landscape, as the finance systems print the 监控表.
    Report {
        title: title(e),
        blocks,
        landscape: true,
    }
}

/// 监控情况: the project's light and each light's count, then every red or yellow row with its reason
/// and measure, in the form's words.
fn summary(e: &Evaluation, a: &Assessment) -> Vec<String> {
    let Some(lights) = &a.lights else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let count = |l: Light| lights.indicators.iter().filter(|x| x.light == l).count();
    let budget = lights.budget.as_ref().map_or(String::new(), |b| {
        format!("预算执行{}（{}）；", b.light.label(), b.formula)
    });
    out.push(format!(
        "监控情况：截至{}，项目总体为{}。{budget}三级指标红灯 {} 个、黄灯 {} 个、绿灯 {} 个、蓝灯 {} 个。",
        lights.period.trim_start_matches("1—"),
        lights.project.map_or("无法判断", |l| l.label()),
        count(Light::Red),
        count(Light::Yellow),
        count(Light::Green),
        count(Light::Blue)
    ));
    for l in lights
        .indicators
        .iter()
        .filter(|l| matches!(l.light, Light::Red | Light::Yellow))
    {
        let Some(leaf) = e.indicator(&l.id) else {
            continue;
        };
        let m = leaf.monitoring.clone().unwrap_or_default();
        let cause = if m.cause.trim().is_empty() {
            "未说明偏差原因".to_string()
        } else {
            format!("偏差原因：{}", m.cause.trim())
        };
        let measure = if m.measure.trim().is_empty() {
            "未提出纠偏措施".to_string()
        } else {
            format!("纠偏措施：{}", m.measure.trim())
        };
        out.push(format!(
            "“{}”{}（{}）。{cause}；{measure}。",
            l.name,
            l.light.label(),
            l.formula
        ));
    }
    out
}
