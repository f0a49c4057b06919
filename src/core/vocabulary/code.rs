//! Finding codes (检查代码): every check's stable code as a type, with the most serious severity it is
//! raised at, what it rests on ([`Basis`]) and a one-line explanation the UI shows beside a finding.
//!
//! On the wire (findings in the CLI's JSON, goldens, the desk's files) a code is its dotted text, e.g.
//! `accounts.income_sum`; in Rust it is a [`Code`], so a misspelt code does not compile.
//!
//! ```
//! use jixiao::core::check::{Basis, Code, Severity};
//! assert_eq!(Code::AccountsIncomeSum.as_str(), "accounts.income_sum");
//! assert_eq!("accounts.income_sum".parse::<Code>(), Ok(Code::AccountsIncomeSum));
//! assert_eq!(Code::AccountsIncomeSum.worst(), Severity::Error);
//! assert_eq!(Code::AccountsIncomeSum.basis(), Basis::Arithmetic);
//! assert!(Code::ScoreReason.explanation().contains("扣分原因"));
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How serious a finding is (严重程度).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 错误: the report would be wrong.
    Error,
    /// 警告: worth a look (rounding, ambiguity, missing score).
    Warning,
    /// 提示: cannot be verified, or for information.
    Info,
}

impl Severity {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// What a check rests on (依据).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The form's own figures: a total and its parts, a printed rate and its division.
    Arithmetic,
    /// A rule of a named official document (the text says which and what it says).
    Document(&'static str),
    /// What reviewers commonly require (a deduction has a reason, a score stays within its 分值).
    Practice,
    /// How the file was read (a note about the import, not about the report).
    Reading,
}

impl Basis {
    /// The Chinese label, with the document's words for [`Basis::Document`].
    pub fn label(self) -> &'static str {
        match self {
            Basis::Arithmetic => "数据勾稽",
            Basis::Document(text) => text,
            Basis::Practice => "评审通行要求",
            Basis::Reading => "文件读取说明",
        }
    }
}

/// The registry: variant = "wire text", most serious severity, basis, explanation.
macro_rules! codes {
    ($($variant:ident = $text:literal, $worst:ident, $basis:expr, $explain:literal;)*) => {
        /// A finding's code (检查代码).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $explain]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in the order of their text.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code's text, e.g. `accounts.income_sum`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// The most serious severity the code is raised at (a sum off by rounding is a warning,
            /// off by more an error: its worst is 错误).
            pub fn worst(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$worst,)*
                }
            }

            /// What the check rests on.
            pub fn basis(self) -> Basis {
                use Basis::*;
                match self {
                    $(Code::$variant => $basis,)*
                }
            }

            /// One line in Chinese: what is checked and why a reviewer cares.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$variant => $explain,)*
                }
            }
        }
    };
}

codes! {
    AccountsBudgetSum = "accounts.budget_sum", Error, Arithmetic,
        "年初支出预算应等于基本支出与项目支出之和；不等说明预算数填写有误。";
    AccountsCarryover = "accounts.carryover", Error, Arithmetic,
        "年初结转结余＋本年收入－本年支出应等于年末结转结余，否则数据有误。";
    AccountsExecutionRate = "accounts.execution_rate", Error, Arithmetic,
        "所列预算执行率应等于本年支出÷全年预算数；未填全年预算数则无法核实。";
    AccountsExecutionRateTruncated = "accounts.execution_rate_truncated", Warning, Arithmetic,
        "所列预算执行率是截尾所得，按四舍五入应为另一数，请更正。";
    AccountsExpenseSum = "accounts.expense_sum", Error, Arithmetic,
        "本年支出应等于基本支出与项目支出之和；不等说明报表填写有误。";
    AccountsIncomeSum = "accounts.income_sum", Error, Arithmetic,
        "本年收入应等于财政拨款收入与其他收入之和；不等说明报表填写有误。";
    AccountsOverBudget = "accounts.over_budget", Error, Practice,
        "本年支出超过全年预算数，支出或预算数可能填错，需核实。";
    AccountsOverspent = "accounts.overspent", Error, Practice,
        "专项资金（警告）、“三公”经费（错误）实际支出超过预算，需核实。";
    AmountNegative = "amount.negative", Error, Practice,
        "金额不能为负数；出现负数多为填写错误。";
    AssetsSum = "assets.sum", Error, Arithmetic,
        "总资产应等于流动、固定、无形（及其他）资产之和；不等说明资产数有误。";
    AuditActualBlank = "audit.actual_blank", Info, Practice,
        "实际完成值未填却得满分，无法核实。";
    AuditDeflated = "audit.deflated", Warning, Arithmetic,
        "自评分低于指标值与完成值所支持的得分，请核实是否少打分。";
    AuditExecutionDeflated = "audit.execution_deflated", Warning, Arithmetic,
        "所列执行率得分低于按执行率计算的得分，已按计算值计分。";
    AuditExecutionInflated = "audit.execution_inflated", Error, Arithmetic,
        "所列执行率得分高于按执行率计算的得分，且超出容差。";
    AuditExecutionPoints = "audit.execution_points", Error, Practice,
        "预算执行率一项的分值占满全表总分，不可能正确（通常为 10 分），得分无法据此核算。";
    AuditExecutionTwice = "audit.execution_twice", Warning, Practice,
        "另有指标再次对预算执行率计分，同一事项重复计分。";
    AuditInflated = "audit.inflated", Error, Arithmetic,
        "自评分高于指标值与完成值所支持的得分且超出容差，可能多打分。";
    AuditLowExecution = "audit.low_execution", Info, Practice,
        "预算执行率低于设定下限，提示关注资金执行进度。";
    AuditNotMet = "audit.not_met", Info, Practice,
        "指标完成情况表中该项实际完成值未达到年度指标值。";
    AuditNotVerifiable = "audit.not_verifiable", Info, Practice,
        "年度指标值是数字而实际完成值是文字，无法核对是否达到。";
    AuditTextMetDeflated = "audit.text_met_deflated", Warning, Practice,
        "实际完成值与年度指标值相同即已达标，自评分却低于分值。";
    AuditTextNotMet = "audit.text_not_met", Warning, Practice,
        "实际完成值写“建设中”“未完成”等，尚未达标却打了满分。";
    AuditTwoSkins = "audit.two_skins", Warning, Practice,
        "预算执行率偏低而指标得分接近满分，资金与效益不匹配（两张皮）。";
    AuditShareOver100 = "audit.share_over_100", Warning, Arithmetic,
        "满意度、覆盖率、合格率一类指标是部分占全体的比例，指标值或完成值超过 100% 不可能。";
    AuditUnits = "audit.units", Warning, Practice,
        "年度指标值与实际完成值单位不同，无法核算得分，应统一单位。";
    AuditWeighted = "audit.weighted", Error, Arithmetic,
        "折算得分应等于权重×单项得分率；常见错误是权重重复折算。";
    BonusCapped = "bonus.capped", Info, Practice,
        "加分合计超过上限，按上限计分。";
    BonusLevel = "bonus.level", Error, Practice,
        "加分事项的嘉奖级别不在加分标准中，无法确定加分。";
    BonusSameWork = "bonus.same_work", Info, Practice,
        "同一项目工作已有加分，不累计加分，只取最高一项。";
    BonusWork = "bonus.work", Warning, Practice,
        "加分事项未填工作事项，无法判断是否重复加分。";
    BudgetAdjusted = "budget.adjusted", Warning, Practice,
        "年初预算数与全年（调整后）预算数相差一成以上，表中未说明调整原因；执行率只反映调整后的预算。";
    BudgetBreakdown = "budget.breakdown", Error, Arithmetic,
        "“按…分”各项之和与所列小计不符，或与预算数、执行数都不相符。";
    BudgetDoubleCount = "budget.double_count", Info, Practice,
        "“其中”各行重复列示总额的分值，只计一次，相加会重复计分。";
    BudgetRate = "budget.rate", Error, Arithmetic,
        "所列执行率与执行数÷预算数不符；常见是误用年初预算作分母。";
    BudgetRateTruncated = "budget.rate_truncated", Warning, Arithmetic,
        "所列执行率是截尾所得，按四舍五入应为另一数，请更正。";
    BudgetRateUnverifiable = "budget.rate_unverifiable", Info, Arithmetic,
        "缺少全年执行数或全年预算数，所列执行率无法核实。";
    BudgetScoreDeflated = "budget.score_deflated", Warning, Arithmetic,
        "执行率得分低于分值×执行率，请核实是否少计。";
    BudgetScoreInflated = "budget.score_inflated", Error, Arithmetic,
        "执行率得分高于分值×执行率，得分偏高。";
    BudgetTotalBelowPart = "budget.total_below_part", Error, Arithmetic,
        "年度资金总额小于其中某一项，总额或分项必有一处填错。";
    BudgetTotalSum = "budget.total_sum", Error, Arithmetic,
        "年度资金总额（年初、全年预算及执行数）应等于其中各项之和。";
    CompareGrowth = "compare.growth", Error, Arithmetic,
        "所列同比增长与两年文件数值算出的不符。";
    ComparePriorAmount = "compare.prior_amount", Warning, Arithmetic,
        "本年表所填上年数与上年文件不一致，两者必有一处有误。";
    ComparePriorMetric = "compare.prior_metric", Warning, Arithmetic,
        "业务指标所填上年值与上年文件不一致，需核对。";
    EvidenceMissing = "evidence.missing", Info, Practice,
        "按设置应有佐证的得分指标未附佐证材料，请补充或说明。";
    ImportAssumed = "import.assumed", Info, Reading,
        "导入时按某种假设读取（如未列分值按得分计），请确认是否正确。";
    ImportActualBound = "import.actual_bound", Warning, Practice,
        "实际完成值写成了“≥ / ≤”的范围，是指标值的写法而非实测结果，据此给出的得分缺少依据。";
    ImportBlank = "import.blank", Warning, Reading,
        "表中应填的分值或得分为空，导入时按空或得分处理，请核对。";
    ImportPlaceholder = "import.placeholder", Info, Reading,
        "导入时略去的空白占位行（如“指标2”“……”），未读入。";
    ImportRepeated = "import.repeated", Warning, Reading,
        "“其中”行重复列示上一行分值得分，只计一次，相加会重复计分。";
    ImportUnitConflict = "import.unit_conflict", Warning, Practice,
        "指标值自带的单位与计量单位列不一致（如“28.8万元”配“%”），或文字指标值配了数值单位，年终无法按此评判。";
    ImportUnreadable = "import.unreadable", Warning, Reading,
        "导入表中有无法识别的单元格或行，已作文字保留或未导入，请核对。";
    ImportUnscored = "import.unscored", Info, Reading,
        "表中既无分值也无得分，按指标完成情况表读入，只核对达标不评分。";
    MetricsBreakdownSum = "metrics.breakdown_sum", Error, Arithmetic,
        "业务指标按某口径的各分项之和应等于该指标本年值。";
    MetricsGrowth = "metrics.growth", Error, Arithmetic,
        "所列同比增长应等于（本年−上年）÷上年，重新计算不符。";
    MetricsGrowthUnverifiable = "metrics.growth_unverifiable", Info, Arithmetic,
        "缺少本年值或上年值，所列同比增长无法核实。";
    MonitorCarriedForecast = "monitor.carried_forecast", Warning, Practice,
        "实际完成值仍是进入年度自评时按监控的全年预计完成值预填的数，尚未按年末实际核实填写。";
    MonitorCertainMissed = "monitor.certain_missed", Warning, Practice,
        "运行监控时判断“确定能”完成的指标，年末未达到目标：偏差原因应说明监控之后发生了什么变化。";
    MonitorCauseMissing = "monitor.cause_missing", Error, Practice,
        "完成目标可能性为“有可能”或“完全不可能”时，须写明偏差原因（类别和说明）和纠偏措施。";
    MonitorDoubleDeviation = "monitor.double_deviation", Warning, Practice,
        "双偏离：预算执行与绩效目标完成进度相差两档（花了钱没有产出，或有产出却没花钱），请核实并说明。";
    MonitorForecastBelowTarget = "monitor.forecast_below_target", Warning, Practice,
        "全年预计完成值低于年度指标值，完成目标可能性却填“确定能”。";
    MonitorForecastMissing = "monitor.forecast_missing", Warning, Practice,
        "监控表须填全年预计执行数：据以判断年底能否执行完毕、是否需要调整预算。";
    MonitorForecastOverBudget = "monitor.forecast_over_budget", Error, Arithmetic,
        "全年预计执行数不能超过全年预算数（调整后预算）。";
    MonitorLightUnexplained = "monitor.light_unexplained", Error, Practice,
        "红灯、黄灯的指标须说明偏差原因并提出纠偏措施，否则监控表会被退回。";
    MonitorLikelihoodMismatch = "monitor.likelihood_mismatch", Warning, Practice,
        "红灯指标的完成目标可能性填“确定能”，与预警不符。";
    MonitorTargetLow = "monitor.target_low", Info, Practice,
        "运行监控时已为蓝灯（进度远超序时），年末又完成了目标：下一年度的目标宜相应提高。";
    MonitorRowBlank = "monitor.row_blank", Warning, Practice,
        "监控表中的指标既无年度指标值，也无1—N月完成情况：无从判断进度。";
    MonitorMeasureUnanswered = "monitor.measure_unanswered", Info, Practice,
        "运行监控时提出的纠偏措施，年末的偏差原因分析及改进措施中没有交代落实情况。";
    MonitorPastCeiling = "monitor.past_ceiling", Error, Arithmetic,
        "反向指标（≤）的1—N月累计值已超过全年指标值：全年目标已无法完成。";
    NarrativeRectificationMissing = "narrative.rectification_missing", Warning, Practice,
        "已带入上年存在问题却未填整改落实情况，应逐项说明整改结果。";
    PenaltyCapped = "penalty.capped", Info, Practice,
        "减分合计超过上限，按上限计分。";
    PenaltyNegative = "penalty.negative", Error, Practice,
        "减分不能为负数。";
    PenaltyReason = "penalty.reason", Error, Practice,
        "减分事项须说明扣分原因。";
    ProjectOverBudget = "project.over_budget", Error, Practice,
        "项目资金全年执行数超过预算数，需核实执行数或预算数。";
    ReportPlaceholder = "report.placeholder", Error, Practice,
        "报告文字中有无法识别的占位符，会原样显示在报告里。";
    ReviewUnreadable = "review.unreadable", Error, Reading,
        "批量复核时文件无法读取，问题清单以此列出原因。";
    RuleBadOtherwise = "rule.bad_otherwise", Error, Practice,
        "达标计分规则的未达标得分超出0至分值的范围。";
    RuleBadStep = "rule.bad_step", Error, Practice,
        "人工评判的评分步长必须大于0。";
    RuleInputMissing = "rule.input_missing", Info, Practice,
        "未填发生次数或指标值、实际完成值，无法按规则计分。";
    RuleMetricMissing = "rule.metric_missing", Info, Practice,
        "计分所需数据（如执行率、上年数）缺失，无法按规则计分。";
    RuleNegative = "rule.negative", Error, Practice,
        "每次扣分、免扣次数、发生次数或指标值不能为负。";
    RuleNoTier = "rule.no_tier", Error, Practice,
        "指标值不属于任何档次，无法计分。";
    RuleTierGap = "rule.tier_gap", Warning, Practice,
        "分档计分的档次不完整（空档、重叠或有取值未设档）。";
    RuleTierScore = "rule.tier_score", Error, Practice,
        "某档次的得分超出0至分值的范围。";
    ScoreBand = "score.band", Error, Practice,
        "自评分不在所选评判等级允许的分数范围内。";
    ScoreLevel = "score.level", Warning, Practice,
        "定性指标已评分但未选择定性等级。";
    ScoreMissing = "score.missing", Warning, Practice,
        "该指标尚未评分。";
    ScoreOverridden = "score.overridden", Info, Practice,
        "采用了人工调整分（已填理由），与规则计算值不同。";
    ScoreOverride = "score.override", Warning, Practice,
        "自评分与规则计算不一致且未填调整理由，已按计算值计分。";
    ScoreRange = "score.range", Error, Practice,
        "自评分超出0至分值的范围。";
    ScoreReason = "score.reason", Error, Practice,
        "得分低于分值，须说明扣分原因。";
    ScoreReasonAmount = "score.reason_amount", Error, Arithmetic,
        "扣分原因写明的扣分数应等于分值减得分，请更新原因。";
    ScoreStep = "score.step", Error, Practice,
        "自评分不是评分步长的整数倍。";
    StatedGrade = "stated.grade", Error, Document("财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）：90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差"),
        "报告所列等级应与按得分评定的等级一致。";
    StatedTotal = "stated.total", Error, Arithmetic,
        "报告所列总分应等于按各项得分计算的总分。";
    StatedTotalImpossible = "stated.total_impossible", Error, Arithmetic,
        "即使未填得分的指标全得满分，也达不到报告所列总分。";
    StatedTotalUnverifiable = "stated.total_unverifiable", Warning, Arithmetic,
        "有指标未填得分，报告所列总分无法核实。";
    TargetBelowPrior = "target.below_prior", Warning, Practice,
        "正向指标的目标值低于上年实际完成值：目标应不低于已达到的水平，除非说明了下降的原因。";
    TargetBenefitOnlySatisfaction = "target.benefit_only_satisfaction", Warning, Practice,
        "效益指标只有满意度：满意度另属一级指标，效益应写明项目带来的经济、社会、生态或可持续影响。";
    TargetBasisMissing = "target.basis_missing", Info, Practice,
        "每个三级指标宜写明指标值设定依据：计划标准、行业标准、历史标准或其他标准（财预〔2020〕10号所列的评价标准），年终评价据此判断目标是否合理。";
    TargetCostOverBudget = "target.cost_over_budget", Error, Arithmetic,
        "成本指标中的金额（元、万元）合计超过了年度资金总额：成本不能大于项目的全部资金。";
    TargetCostNotCeiling = "target.cost_not_ceiling", Warning, Practice,
        "成本指标是花费的上限，应写“≤”：只写金额或写“=”，看不出能否节约、超出多少算超支。";
    TargetCostFloor = "target.cost_floor", Warning, Practice,
        "成本指标是花费的上限，应写“≤”；写成“≥”或“>”便成了花费的下限。";
    TargetCostAsRate = "target.cost_as_rate", Warning, Practice,
        "成本指标反映花了多少钱（总成本、单位成本，以金额计），以百分比表示的“成本控制率 100%”之类不是成本。";
    TargetCostIsBudget = "target.cost_is_budget", Warning, Practice,
        "成本指标只是重述了项目资金总额，没有反映单位成本或各项成本的控制。";
    TargetCostZero = "target.cost_zero", Error, Practice,
        "成本指标的指标值为 0：项目安排了资金，成本不会为零，多为未填写的模板数值。";
    TargetDateOutsidePeriod = "target.date_outside_period", Warning, Practice,
        "时效指标的日期应在项目期（建设周期）之内。";
    TargetFundsAsResult = "target.funds_as_result", Warning, Practice,
        "资金到位率、预算执行率、支出金额说明花钱的情况，不是产出或效益，不宜作为产出或效益指标。";
    TargetLevel1Missing = "target.level1_missing", Error, Practice,
        "绩效目标应同时有产出指标和效益指标（88号文件附表的表式），缺一则目标不完整。";
    TargetLevel2Unknown = "target.level2_unknown", Warning, Practice,
        "二级指标不在所属一级指标的常用列表中（产出：数量、质量、时效、成本；效益：经济、社会、生态、可持续影响；满意度：服务对象满意度；成本单列时：经济、社会、生态环境成本）。";
    TargetMaybeLow = "target.maybe_low", Warning, Practice,
        "上年实际完成值超出目标 20% 以上，今年目标却未提高：目标可能偏低。";
    TargetMidTermExceeded = "target.mid_term_exceeded", Error, Practice,
        "年度指标是中期指标的分解：累计的数量或金额，年度指标值不应超过中期指标值。";
    TargetMidTermMissing = "target.mid_term_missing", Warning, Practice,
        "年度指标应从中期指标中分解而来：表中列有中期指标值，某一年度指标在中期指标中却没有。";
    TargetMisplaced = "target.misplaced", Warning, Practice,
        "三级指标的名称与其所在的二级指标不符（如验收合格率属于质量指标，而非效益指标）。";
    TargetNoSatisfaction = "target.no_satisfaction", Warning, Practice,
        "有服务对象的项目应设满意度指标；确无服务对象的，请在说明中写明。";
    TargetNameValueConflict = "target.name_value_conflict", Warning, Practice,
        "指标名称中写了目标数值（如“达标率100%”），与指标值不一致：两处应一致，数值宜只写在指标值中。";
    TargetOperatorMissing = "target.operator_missing", Warning, Practice,
        "定量指标值应写明指标性质（≥、≤ 或 =）：只写数字，看不出是下限、上限还是确数；成本指标应写“≤”。";
    TargetPercentOver100 = "target.percent_over_100", Error, Practice,
        "比率类指标（合格率、完成率、满意度等）的指标值不能超过100%。";
    TargetPeriodReversed = "target.period_reversed", Error, Arithmetic,
        "项目期的开始晚于结束。";
    TargetPlaceholder = "target.placeholder", Error, Practice,
        "三级指标的名称或指标值仍是模板占位（指标1、*、/、无等），申报前须填写实际内容。";
    TargetQuantifiedShare = "target.quantified_share", Info, Practice,
        "能量化的指标应尽量量化：定量指标（有数值的指标值）占三级指标的比例低于评分口径设定的比例（默认50%）。";
    TargetShareFloorAtFull = "target.share_floor_at_full", Warning, Practice,
        "部分占全体的比率（合格率、及时率、覆盖率、满意度等）不会超过 100%，“≥100%”只能是 100%，应写“=100%”。";
    TargetTaskBlank = "target.task_blank", Warning, Practice,
        "年度主要任务应写明任务名称、主要内容和预算金额（88号文件附2的表式）。";
    TargetTaskSum = "target.task_sum", Error, Arithmetic,
        "任务的预算金额总额应等于财政拨款与其他资金之和。";
    TargetTasksMissing = "target.tasks_missing", Info, Practice,
        "部门整体支出绩效目标申报表应列出年度主要任务及其预算金额（88号文件附2的表式），年度绩效指标据此设定。";
    TargetTasksOverBudget = "target.tasks_over_budget", Error, Arithmetic,
        "年度主要任务的预算金额合计超过了年度资金总额。";
    TargetTasksTotal = "target.tasks_total", Error, Arithmetic,
        "年度主要任务的金额合计应等于各任务预算金额之和。";
    TargetTimelinessBelowFull = "target.timeliness_below_full", Warning, Practice,
        "时效指标（按期完成率、及时率）的目标低于 100%，等于计划中就允许部分工作不按时完成。";
    TargetUnitMissing = "target.unit_missing", Warning, Practice,
        "定量指标值应有计量单位（人次、个、公里、万元、% 等），否则年终无从比较。";
    TargetUnitNumeric = "target.unit_numeric", Error, Reading,
        "计量单位一栏是数字而不是单位：多为 Excel 把日期或数字自动转换所致（如 44561 即 2021年12月31日）。";
    TargetUnrecordedChange = "target.unrecorded_change", Error, Document("财预〔2015〕88号《中央部门预算绩效目标管理办法》第二十八条：绩效目标确定后，一般不予调整。预算执行中因特殊原因确需调整的，应按照绩效目标管理要求和预算调整流程报批"),
        "批复后的指标值被改动却没有记录为目标调整：评价须以批复（或按程序调整）后的目标为准，调整应写明日期和原因。";
    TargetValueMissing = "target.value_missing", Error, Practice,
        "每个三级指标都应有指标值（定量指标写数值和单位，定性指标写可评判的等级），否则年终无从评价。";
    TextDeduction = "text.deduction", Error, Arithmetic,
        "正文所述扣分应等于附表中该指标分值减得分。";
    TextDeductionMissing = "text.deduction_missing", Warning, Practice,
        "附表中有扣分的指标，正文列出的扣分指标中却没有它。";
    TextDeductionUnknown = "text.deduction_unknown", Warning, Practice,
        "正文称某指标扣分，附表中却没有这一指标，请核对名称。";
    TextGrade = "text.grade", Error, Practice,
        "报告正文所述等级与附表所列等级不符。";
    TextTotal = "text.total", Error, Arithmetic,
        "报告正文所述得分与附表所列总分不符。";
    TextUnitYuan = "text.unit_yuan", Warning, Practice,
        "正文金额以“元”为单位，与其他金额（万元）不一致，未采用。";
    TreeId = "tree.id", Error, Practice,
        "指标编号为空或重复，无法唯一确定指标。";
    TreeName = "tree.name", Warning, Practice,
        "有指标未填写名称。";
    TreeNone = "tree.none", Info, Reading,
        "文件未包含评分表（指标体系），总分与等级无法核实。";
    TreePointsNegative = "tree.points_negative", Error, Practice,
        "指标分值不能为负。";
    TreePointsSum = "tree.points_sum", Error, Arithmetic,
        "上级指标分值应等于其下级指标分值合计。";
    TreePointsZero = "tree.points_zero", Warning, Practice,
        "该指标尚未设置分值。";
    TreeTotalPoints = "tree.total_points", Error, Document("财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）：总分一般设置为100分"),
        "一级指标分值合计应等于设定的总分值。";
}

impl Code {
    /// The area before the dot, e.g. `accounts` (how codes are grouped in listings).
    pub fn area(self) -> &'static str {
        self.as_str().split('.').next().unwrap_or("")
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text that names no code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    fn from_str(text: &str) -> Result<Code, UnknownCode> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| UnknownCode(text.to_string()))
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("未知的检查代码：{text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_its_text_and_has_an_explanation() {
        let mut texts: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        for code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(*code));
            assert!(code.as_str().contains('.'), "{code}");
            assert!(!code.explanation().is_empty(), "{code}");
        }
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), Code::ALL.len(), "two codes share a text");
        assert!("accounts.income".parse::<Code>().is_err());
    }
}
