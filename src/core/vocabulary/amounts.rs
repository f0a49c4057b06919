//! The unit's amounts (金额字段), once: each with its path in findings and forms, its full label (used
//! alone, e.g. 年初基本支出预算), its short label (used after 其中：, e.g. 基本支出) and a typed getter and
//! setter. The checks, the forms and the report all read labels from here.
//!
//! ```
//! use jixiao::core::amounts::{self, INCOME_FISCAL};
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! assert_eq!(INCOME_FISCAL.key, "accounts/income_fiscal");
//! assert_eq!((INCOME_FISCAL.get)(&e).unwrap().to_string(), "3086.64");
//! assert_eq!(amounts::ACCOUNTS.len(), 13);
//! ```

use crate::core::field::Field;
use crate::core::model::Evaluation;
use crate::core::path::FieldPath;
use rust_decimal::Decimal;

/// One amount of the evaluation, in 万元: a [`Field`] (its path as key, its full label, e.g.
/// 财政拨款收入) with the two more labels a report and a form need.
#[derive(Clone, Copy)]
pub struct Amount {
    /// The field: path (e.g. `accounts/income_fiscal`), full label, getter and setter.
    pub field: Field<Evaluation, Option<Decimal>>,
    /// Label after 其中：, e.g. 财政拨款收入 (the same when the full one reads well there).
    pub short: &'static str,
    /// Label in the form, where headings give the context (e.g. 其中：基本支出 under 年初预算).
    pub form: &'static str,
}

/// An amount is read as its field: `amount.label`, `(amount.get)(e)`.
impl std::ops::Deref for Amount {
    type Target = Field<Evaluation, Option<Decimal>>;

    fn deref(&self) -> &Self::Target {
        &self.field
    }
}

impl Amount {
    /// Its path in findings, e.g. `accounts/income_fiscal`.
    pub fn field_path(&self) -> FieldPath {
        FieldPath::registered(self.field.key)
    }
}

macro_rules! amount {
    ($name:ident, $path:literal, $label:literal, $short:literal, $form:literal, $($field:ident).+) => {
        #[doc = $label]
        pub const $name: Amount = Amount {
            field: Field {
                key: $path,
                label: $label,
                get: |e| e.$($field).+,
                set: |e, v| e.$($field).+ = v,
            },
            short: $short,
            form: $form,
        };
    };
}

amount!(
    INITIAL_INCOME,
    "accounts/initial_income",
    "年初收入预算",
    "收入预算",
    "收入预算",
    accounts.initial_income
);
amount!(
    INITIAL_EXPENSE,
    "accounts/initial_expense",
    "年初支出预算",
    "支出预算",
    "支出预算",
    accounts.initial_expense
);
amount!(
    INITIAL_EXPENSE_BASIC,
    "accounts/initial_expense_basic",
    "年初基本支出预算",
    "基本支出",
    "其中：基本支出",
    accounts.initial_expense_basic
);
amount!(
    INITIAL_EXPENSE_PROJECT,
    "accounts/initial_expense_project",
    "年初项目支出预算",
    "项目支出",
    "其中：项目支出",
    accounts.initial_expense_project
);
amount!(
    ADJUSTED_BUDGET,
    "accounts/adjusted_budget",
    "全年预算数",
    "全年预算数（调整后）",
    "全年预算数（调整后）",
    accounts.adjusted_budget
);
amount!(
    INCOME_TOTAL,
    "accounts/income_total",
    "本年收入",
    "本年收入",
    "本年收入",
    accounts.income_total
);
amount!(
    INCOME_FISCAL,
    "accounts/income_fiscal",
    "财政拨款收入",
    "财政拨款收入",
    "其中：财政拨款收入",
    accounts.income_fiscal
);
amount!(
    INCOME_OTHER,
    "accounts/income_other",
    "其他收入",
    "其他收入",
    "其中：其他收入",
    accounts.income_other
);
amount!(
    EXPENSE_TOTAL,
    "accounts/expense_total",
    "本年支出",
    "本年支出",
    "本年支出",
    accounts.expense_total
);
amount!(
    EXPENSE_BASIC,
    "accounts/expense_basic",
    "基本支出",
    "基本支出",
    "其中：基本支出",
    accounts.expense_basic
);
amount!(
    EXPENSE_PROJECT,
    "accounts/expense_project",
    "项目支出",
    "项目支出",
    "其中：项目支出",
    accounts.expense_project
);
amount!(
    CARRYOVER_START,
    "accounts/carryover_start",
    "年初结转和结余",
    "年初结转和结余",
    "年初结转和结余",
    accounts.carryover_start
);
amount!(
    CARRYOVER_END,
    "accounts/carryover_end",
    "年末结转和结余",
    "年末结转和结余",
    "年末结转和结余",
    accounts.carryover_end
);
amount!(
    SPECIAL_FUNDS_BUDGET,
    "accounts/special_funds/budget",
    "专项资金预算",
    "专项资金预算",
    "专项资金预算",
    accounts.special_funds.budget
);
amount!(
    SPECIAL_FUNDS_ACTUAL,
    "accounts/special_funds/actual",
    "专项资金实际支出",
    "专项资金实际支出",
    "专项资金实际支出",
    accounts.special_funds.actual
);
amount!(
    THREE_PUBLIC_BUDGET,
    "accounts/three_public/budget",
    "“三公”经费预算",
    "“三公”经费预算",
    "“三公”经费预算",
    accounts.three_public.budget
);
amount!(
    THREE_PUBLIC_ACTUAL,
    "accounts/three_public/actual",
    "“三公”经费实际支出",
    "“三公”经费实际支出",
    "“三公”经费实际支出",
    accounts.three_public.actual
);
amount!(
    ASSETS_TOTAL,
    "unit/assets/total",
    "总资产",
    "总资产",
    "总资产",
    unit.assets.total
);
amount!(
    ASSETS_CURRENT,
    "unit/assets/current",
    "流动资产",
    "流动资产",
    "流动资产",
    unit.assets.current
);
amount!(
    ASSETS_FIXED,
    "unit/assets/fixed",
    "固定资产",
    "固定资产",
    "固定资产",
    unit.assets.fixed
);
amount!(
    ASSETS_INTANGIBLE,
    "unit/assets/intangible",
    "无形资产",
    "无形资产",
    "无形资产",
    unit.assets.intangible
);
amount!(
    ASSETS_OTHER,
    "unit/assets/other",
    "其他资产",
    "其他资产",
    "其他资产",
    unit.assets.other
);

amount!(
    PRIOR_EXPENSE_TOTAL,
    "accounts/prior/expense_total",
    "上年支出合计",
    "上年支出合计",
    "上年支出合计",
    accounts.prior.expense_total
);
amount!(
    PRIOR_CARRYOVER_END,
    "accounts/prior/carryover_end",
    "上年末结转和结余",
    "上年末结转和结余",
    "上年末结转和结余",
    accounts.prior.carryover_end
);
amount!(
    PRIOR_THREE_PUBLIC_ACTUAL,
    "accounts/prior/three_public_actual",
    "上年“三公”经费支出",
    "上年“三公”经费支出",
    "上年“三公”经费支出",
    accounts.prior.three_public_actual
);

/// Last year's figures (上年数) the 变动率 are computed from.
pub const PRIOR: [Amount; 3] = [
    PRIOR_EXPENSE_TOTAL,
    PRIOR_CARRYOVER_END,
    PRIOR_THREE_PUBLIC_ACTUAL,
];

/// The budget and accounts (预算与收支), in form order.
pub const ACCOUNTS: [Amount; 13] = [
    INITIAL_INCOME,
    INITIAL_EXPENSE,
    INITIAL_EXPENSE_BASIC,
    INITIAL_EXPENSE_PROJECT,
    ADJUSTED_BUDGET,
    INCOME_TOTAL,
    INCOME_FISCAL,
    INCOME_OTHER,
    EXPENSE_TOTAL,
    EXPENSE_BASIC,
    EXPENSE_PROJECT,
    CARRYOVER_START,
    CARRYOVER_END,
];

/// 专项资金 and “三公”经费, budget and actual.
pub const BUDGET_LINES: [Amount; 4] = [
    SPECIAL_FUNDS_BUDGET,
    SPECIAL_FUNDS_ACTUAL,
    THREE_PUBLIC_BUDGET,
    THREE_PUBLIC_ACTUAL,
];

/// The assets (资产).
pub const ASSETS: [Amount; 5] = [
    ASSETS_TOTAL,
    ASSETS_CURRENT,
    ASSETS_FIXED,
    ASSETS_INTANGIBLE,
    ASSETS_OTHER,
];
