//! The Inputs sheet: every figure of the scenario, one row each, with its
//! range, unit, source's price year, basis and source. Each value cell has a
//! defined name (`FS_cp_plan_reduction`), and every formula in the workbook
//! reads those names: change a value here and every figure follows.
//!
//! Lists (the grant, the ramp-up) have a row a year of the appraisal period,
//! as the method reads them (the grant is 0 past its list's end; the
//! ramp-up's last entry repeats). A money default the scenario left as it
//! was reads its figure from the Prices sheet, so it follows the price year.

use super::prices::{self, PriceRow};
use super::style::{absolute, name, year_name, Sheet, Written, COUNCIL, PRICE_YEAR};
use crate::registry::{DefaultValue, Field, ParamSpec, ProgrammeId, Shape, APPRAISAL_PARAMS};
use crate::scenario::{Estimate, ProgrammeInputs, Scenario};
use rust_xlsxwriter::{Workbook, XlsxError};

pub const SHEET: &str = "Inputs";
const HEADINGS: [&str; 12] = [
    "Figure",
    "Model",
    "Value",
    "Low",
    "High",
    "Unit",
    "Source's price year",
    "Basis",
    "Defined name",
    "Source",
    "For this council: the council's own, derived, its unit cost or national, and where from",
    "Grade of the figure used: measured (and how), reported, assumed or yours",
];
/// Column widths, in characters: the label and the sources wrap within theirs.
const WIDTHS: [f64; 12] = [
    48.0, 18.0, 14.0, 12.0, 12.0, 22.0, 12.0, 11.0, 40.0, 80.0, 80.0, 40.0,
];

/// The names a staff line's figures have: `FV_staff_1_fte`.
pub fn staff_names(programme: ProgrammeId, line: usize) -> (String, String) {
    let base = format!("{}_{}", name(Some(programme), Field::Staff), line + 1);
    (format!("{base}_fte"), format!("{base}_cost_per_fte_gbp"))
}

/// The writer's place on the sheet, and the names it has defined.
struct Rows<'s, 'f> {
    s: &'s mut Sheet<'f>,
    row: u32,
    names: Vec<(String, String)>,
    prices: Vec<PriceRow>,
    /// Where each council figure came from, when a council was picked.
    council: &'s [crate::scenario::FigureSource],
    scenario: &'s Scenario,
}

impl Rows<'_, '_> {
    fn name_here(&mut self, name: String) {
        let target = absolute(SHEET, self.row, 2);
        self.s.text(self.row, 8, &name, &self.s.f.plain).ok();
        self.names.push((name, target));
    }

    /// The Prices row of a default, if the scenario's figure is still it.
    fn price_link(
        &self,
        programme: ProgrammeId,
        spec: &ParamSpec,
        entry: Option<usize>,
    ) -> Option<usize> {
        self.prices.iter().position(|r| {
            r.programme == Some(programme) && std::ptr::eq(r.spec, spec) && r.entry == entry
        })
    }

    /// A figure: the Prices sheet's restated default where the scenario's
    /// figure is exactly that, else the figure itself.
    fn figure(
        &mut self,
        col: u16,
        x: f64,
        link: Option<(usize, u16)>,
        default: Option<f64>,
        kind: crate::registry::UnitKind,
    ) -> Written {
        let f = self.s.f;
        match (link, default) {
            (Some((index, end)), Some(d)) if d.to_bits() == x.to_bits() => {
                let formula = format!("={}", prices::restated_cell(index, end));
                self.s.formula(self.row, col, &formula, f.unit(kind))
            }
            _ => self.s.number(self.row, col, x, f.unit(kind)),
        }
    }

    fn describe(&mut self, spec: &ParamSpec, model: &str) -> Written {
        let f = self.s.f;
        self.s.text(self.row, 1, model, &f.plain)?;
        self.s.text(self.row, 5, spec.unit.text, &f.plain)?;
        self.s
            .text(self.row, 6, &spec.price_year.text(), &f.plain)?;
        self.s.text(self.row, 7, spec.basis.label(), &f.plain)?;
        self.s.wrapped(self.row, 9, spec.source, WIDTHS[9])
    }

    /// The council figure's kind and source, where a council was picked.
    fn council_figure(&mut self, programme: ProgrammeId, field: Field) -> Written {
        let Some(figure) = self
            .council
            .iter()
            .find(|c| c.programme == programme && c.field == field)
        else {
            return Ok(());
        };
        let text = format!(
            "{}: {}",
            crate::display::kind_label(figure.kind),
            figure.source
        );
        self.s.wrapped(self.row, 10, &text, WIDTHS[10])
    }

    fn estimate(
        &mut self,
        programme: ProgrammeId,
        spec: &ParamSpec,
        e: Estimate,
        year: crate::prices::PriceYear,
    ) -> Written {
        let default = spec.default_estimate_in(year);
        let link = self.price_link(programme, spec, None);
        let kind = spec.unit.kind;
        self.figure(
            2,
            e.value,
            link.map(|i| (i, 0)),
            default.map(|d| d.value),
            kind,
        )?;
        if spec.shape == Shape::Ranged {
            self.figure(3, e.low, link.map(|i| (i, 1)), default.map(|d| d.low), kind)?;
            self.figure(
                4,
                e.high,
                link.map(|i| (i, 2)),
                default.map(|d| d.high),
                kind,
            )?;
        }
        Ok(())
    }

    /// A list, one row a year of the appraisal period.
    fn list(
        &mut self,
        inputs: &ProgrammeInputs,
        spec: &ParamSpec,
        horizon: u32,
        year: crate::prices::PriceYear,
    ) -> Written {
        let programme = inputs.programme;
        let (values, repeats): (&[f64], bool) = match spec.field {
            Field::GrantByYear => (&inputs.grant_by_year_gbp, false),
            _ => (&inputs.ramp_up_fraction, true),
        };
        let restated: Vec<f64> = match spec.default {
            DefaultValue::List(items) => items.iter().map(|x| x * spec.restating(year)).collect(),
            DefaultValue::Number(_) => Vec::new(),
        };
        for t in 0..horizon as usize {
            let x = match values.get(t) {
                Some(x) => *x,
                None if repeats => values.last().copied().unwrap_or(1.0),
                None => 0.0,
            };
            self.s.wrapped(
                self.row,
                0,
                &format!("{}: year {}", spec.label, t + 1),
                WIDTHS[0],
            )?;
            let link = values.get(t).and(self.price_link(programme, spec, Some(t)));
            self.figure(
                2,
                x,
                link.map(|i| (i, 0)),
                restated.get(t).copied(),
                spec.unit.kind,
            )?;
            self.describe(spec, programme.name())?;
            self.name_here(year_name(programme, spec.field, t as u32 + 1));
            self.row += 1;
        }
        Ok(())
    }

    fn staff(&mut self, inputs: &ProgrammeInputs, spec: &ParamSpec) -> Written {
        let f = self.s.f;
        if inputs.staff.is_empty() {
            self.s.text(
                self.row,
                0,
                &format!("{}: none listed", spec.label),
                &f.plain,
            )?;
            self.describe(spec, inputs.programme.name())?;
            self.row += 1;
        }
        for (i, line) in inputs.staff.iter().enumerate() {
            let (fte, cost) = staff_names(inputs.programme, i);
            let label = format!("Staff, post {}: {}", i + 1, line.role);
            for (what, x, name, format) in [
                ("FTE", line.fte, fte, &f.count),
                ("£ per FTE a year", line.cost_per_fte_gbp, cost, &f.money),
            ] {
                self.s
                    .wrapped(self.row, 0, &format!("{label}: {what}"), WIDTHS[0])?;
                self.s.number(self.row, 2, x, format)?;
                self.describe(spec, inputs.programme.name())?;
                self.name_here(name);
                self.row += 1;
            }
        }
        Ok(())
    }

    fn programme(
        &mut self,
        inputs: &ProgrammeInputs,
        horizon: u32,
        year: crate::prices::PriceYear,
    ) -> Written {
        let programme = inputs.programme;
        let f = self.s.f;
        self.row += 1;
        self.s.text(self.row, 0, programme.name(), &f.bold)?;
        self.row += 1;
        for spec in programme.spec().params {
            match spec.shape {
                Shape::List { .. } => self.list(inputs, spec, horizon, year)?,
                Shape::Staff => self.staff(inputs, spec)?,
                Shape::Ranged | Shape::Plain => {
                    self.s.wrapped(self.row, 0, spec.label, WIDTHS[0])?;
                    self.estimate(programme, spec, inputs.get(spec.field), year)?;
                    self.describe(spec, programme.name())?;
                    self.council_figure(programme, spec.field)?;
                    let grade = crate::display::figure_grade(self.scenario, inputs, spec.field);
                    let (_, text) = crate::display::grade_text(grade);
                    self.s.wrapped(self.row, 11, &text, WIDTHS[11])?;
                    self.name_here(name(Some(programme), spec.field));
                    self.row += 1;
                }
            }
        }
        let left_out: Vec<&str> = programme
            .spec()
            .streams
            .iter()
            .filter(|s| !inputs.includes(s.key))
            .map(|s| s.label)
            .collect();
        if !left_out.is_empty() {
            let text = format!("Savings not counted (your choice): {}", left_out.join("; "));
            self.s.text(self.row, 0, &text, &f.note)?;
            self.row += 1;
        }
        Ok(())
    }

    fn settings(&mut self, scenario: &Scenario) -> Written {
        let f = self.s.f;
        for (label, value, name) in [
            ("Council", scenario.council.clone(), COUNCIL),
            (
                "Price year (restates the defaults read from the Prices sheet)",
                scenario.price_year.to_string(),
                PRICE_YEAR,
            ),
        ] {
            self.s.text(self.row, 0, label, &f.plain)?;
            self.s.text(self.row, 2, &value, &f.plain)?;
            self.name_here(name.to_owned());
            self.row += 1;
        }
        for spec in APPRAISAL_PARAMS {
            let x = match spec.field {
                Field::HorizonYears => f64::from(scenario.appraisal.horizon_years),
                _ => scenario.appraisal.discount_rate,
            };
            let label = match spec.field {
                Field::HorizonYears => format!(
                    "{} (the Years sheet has a column a year; changing this adds none)",
                    spec.label
                ),
                _ => spec.label.to_owned(),
            };
            self.s.wrapped(self.row, 0, &label, WIDTHS[0])?;
            self.s.number(self.row, 2, x, f.unit(spec.unit.kind))?;
            self.describe(spec, "All")?;
            self.name_here(name(None, spec.field));
            self.row += 1;
        }
        Ok(())
    }
}

/// Writes the sheet and defines every name on the workbook.
pub fn write(workbook: &mut Workbook, s: &mut Sheet, scenario: &Scenario) -> Result<(), XlsxError> {
    s.headings(0, &HEADINGS)?;
    let mut rows = Rows {
        s,
        row: 1,
        names: Vec::new(),
        prices: prices::rows(scenario),
        council: &scenario.council_figures,
        scenario,
    };
    rows.settings(scenario)?;
    let horizon = scenario.appraisal.horizon_years;
    for inputs in scenario.enabled() {
        rows.programme(inputs, horizon, scenario.price_year)?;
    }
    for (name, target) in &rows.names {
        workbook.define_name(name, &format!("={target}"))?;
    }
    let s = rows.s;
    s.widths(&WIDTHS)?;
    s.ws.set_row_height(0, 30)?;
    s.ws.set_freeze_panes(1, 1)?;
    s.ws.set_landscape().set_print_fit_to_pages(1, 0);
    s.ws.set_repeat_rows(0, 0)?;
    Ok(())
}
