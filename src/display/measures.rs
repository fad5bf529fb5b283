//! The appraisal's three net present values by name, declared once: every
//! card, table, sheet, chart axis and map legend calls the same figure by
//! the same words ("Council cashable net present value" had also been
//! "Cashable council net present value").

/// A measure: its key in the result format, and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measure {
    pub key: &'static str,
    pub label: &'static str,
}

pub const COUNCIL_NPV: Measure = Measure {
    key: "council_npv_gbp",
    label: "Council net present value",
};

pub const CASHABLE_NPV: Measure = Measure {
    key: "council_cashable_npv_gbp",
    label: "Council cashable net present value",
};

pub const PUBLIC_NPV: Measure = Measure {
    key: "public_npv_gbp",
    label: "Public-sector net present value",
};
