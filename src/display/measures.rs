//! The appraisal's headline measures, declared once: each one's key, the
//! field of the result format that holds it, its name, how its figure is
//! formatted and its formula in the Excel workbook. Every card, table,
//! sheet, chart axis and map legend calls the same figure by the same words
//! ("Council cashable net present value" had also been "Cashable council
//! net present value"), and the workbook's Summary sheet is these
//! measures' columns.

/// How a measure's figure is formatted: in words by `display`, in a cell by
/// the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureFormat {
    /// Pounds.
    Money,
    /// A ratio of pounds to pounds (two decimals).
    Ratio,
    /// A share, shown as a percentage.
    Fraction,
    /// Years (one decimal).
    Years,
}

/// A headline measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measure {
    /// The headline's key (`headlines`, the page's cards).
    pub key: &'static str,
    /// The field of a programme's result (`format::results`) that holds it.
    pub result_key: &'static str,
    pub label: &'static str,
    /// What it is, for the page's method (its glossary).
    pub definition: &'static str,
    /// The workbook's column heading (with its unit where the cell has
    /// none of its own).
    pub sheet_heading: &'static str,
    pub format: MeasureFormat,
    /// The appraisal's definition (`crate::appraisal`) as a workbook
    /// formula over a model's present values on the Years sheet: `{name}`
    /// stands for the model's defined name for `name` (`FV_pv_costs`).
    pub formula: &'static str,
}

impl Measure {
    /// The formula for one model, `name_of` giving its defined names.
    pub fn formula_with(&self, name_of: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        let mut rest = self.formula;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            out.push_str(&rest[..open]);
            out.push_str(&name_of(&rest[open + 1..close]));
            rest = rest.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }
}

pub const COUNCIL_NPV: Measure = Measure {
    key: "council_npv",
    result_key: "council_npv_gbp",
    label: "Council net present value",
    definition: "the council's savings − costs + grant, discounted, over the appraisal period",
    sheet_heading: "Council net present value",
    format: MeasureFormat::Money,
    formula: "={pv_council_savings}-{pv_costs}+{pv_grant}",
};

pub const CASHABLE_NPV: Measure = Measure {
    key: "council_cashable_npv",
    result_key: "council_cashable_npv_gbp",
    label: "Council cashable net present value",
    definition: "the same, counting only the cashable share of each saving",
    sheet_heading: "Council cashable net present value",
    format: MeasureFormat::Money,
    formula: "={pv_cashable_savings}-{pv_costs}+{pv_grant}",
};

pub const PUBLIC_NPV: Measure = Measure {
    key: "public_npv",
    result_key: "public_npv_gbp",
    label: "Public-sector net present value",
    definition: "adds police and NHS savings, leaves out the grant",
    sheet_heading: "Public-sector net present value",
    format: MeasureFormat::Money,
    formula: "={pv_council_savings}+{pv_partner_savings}-{pv_costs}",
};

pub const BCR: Measure = Measure {
    key: "bcr",
    result_key: "bcr",
    label: "Benefit-cost ratio",
    definition: "discounted savings (council and partners) ÷ discounted costs",
    sheet_heading: "Benefit-cost ratio",
    format: MeasureFormat::Ratio,
    formula:
        "=IF({pv_costs}=0,\"no costs\",({pv_council_savings}+{pv_partner_savings})/{pv_costs})",
};

pub const COUNCIL_ROI: Measure = Measure {
    key: "council_roi",
    result_key: "council_roi",
    label: "Council return on investment",
    definition: "(discounted savings − the council's own discounted cost) ÷ its own cost",
    sheet_heading: "Council return on investment",
    format: MeasureFormat::Fraction,
    formula: "=IF(({pv_costs}-{pv_grant})>0,({pv_council_savings}-({pv_costs}-{pv_grant}))/({pv_costs}-{pv_grant}),\"fully grant-funded\")",
};

pub const PAYBACK: Measure = Measure {
    key: "payback",
    result_key: "payback_years",
    label: "Payback",
    definition:
        "when the council's running total of savings, costs and grant turns positive for good",
    sheet_heading: "Payback (years)",
    format: MeasureFormat::Years,
    formula: "=IF(ISNUMBER({payback_so_far}),{payback_so_far},\"not within the period\")",
};

/// The break-even effect, the cards' last, in the method's words.
pub const BREAK_EVEN_DEFINITION: (&str, &str) = (
    "Break-even",
    "the effect a saving would need for the council's net present value to be zero, the rest held",
);

/// The method's glossary: each headline measure's name and what it is, in
/// the cards' order, then the break-even effect.
pub fn glossary() -> Vec<(&'static str, &'static str)> {
    let mut entries: Vec<_> = HEADLINE_MEASURES
        .iter()
        .map(|m| (m.label, m.definition))
        .collect();
    entries.push(BREAK_EVEN_DEFINITION);
    entries
}

/// The decision panel's threshold field: the chance the council's net
/// present value clears the amount typed.
pub fn threshold_label() -> String {
    format!("{} of at least (£)", COUNCIL_NPV.label)
}

/// The headline measures with a formula, in the cards' and the Summary
/// sheet's order. (The break-even effect, the cards' last, is solved by the
/// model, not a formula over the present values.)
pub const HEADLINE_MEASURES: [Measure; 6] = [
    COUNCIL_NPV,
    CASHABLE_NPV,
    PUBLIC_NPV,
    BCR,
    COUNCIL_ROI,
    PAYBACK,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_names_the_models_present_values() {
        let named = |n: &str| format!("FV_{n}");
        assert_eq!(
            COUNCIL_NPV.formula_with(named),
            "=FV_pv_council_savings-FV_pv_costs+FV_pv_grant"
        );
        assert_eq!(
            PAYBACK.formula_with(named),
            "=IF(ISNUMBER(FV_payback_so_far),FV_payback_so_far,\"not within the period\")"
        );
        let keys: Vec<&str> = HEADLINE_MEASURES.iter().map(|m| m.key).collect();
        assert_eq!(
            keys,
            [
                "council_npv",
                "council_cashable_npv",
                "public_npv",
                "bcr",
                "council_roi",
                "payback"
            ]
        );
    }
}
