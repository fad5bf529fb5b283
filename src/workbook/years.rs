//! The Years sheet: each model's appraisal as formulas, years across, in the
//! method's order, so an auditor can follow a row from the Inputs sheet to
//! the net present value: the effect multiplier, each stream's saving, who
//! receives it, the costs, the grant, the council's net, discounting,
//! running totals and payback. The last column holds present values
//! (Σ discount factor × the row), each with a defined name the Summary reads.

use super::inputs::staff_names;
use super::streams::full_effect;
use super::style::{absolute, cell, name, result_name, year_name, Sheet, Written};
use crate::programmes::PLACEMENT_MIX;
use crate::registry::{Field, ProgrammeId, StreamKind, StreamSpec};
use crate::scenario::{Conventions, ProgrammeInputs, Scenario};
use rust_xlsxwriter::{Workbook, XlsxError};

pub const SHEET: &str = "Years";
const FIRST_YEAR_COL: u16 = 2;
const T_ROW: u32 = 2;
const GROWTH_ROW: u32 = 3;
const DF_ROW: u32 = 4;

/// A block's writer: its rows, the horizon and the names it defines.
struct Block<'s, 'f> {
    s: &'s mut Sheet<'f>,
    row: u32,
    horizon: u16,
    programme: ProgrammeId,
    names: Vec<(String, String)>,
    conventions: Conventions,
}

impl Block<'_, '_> {
    fn n(&self, field: Field) -> String {
        name(Some(self.programme), field)
    }

    fn pv_col(&self) -> u16 {
        FIRST_YEAR_COL + self.horizon
    }

    /// The years' cells of a row, as `C7:G7` (`C$5:G$5` with the row fixed).
    fn span(&self, row: u32, fixed: bool) -> String {
        let at = if fixed { cell_row_fixed } else { cell };
        format!("{}:{}", at(row, FIRST_YEAR_COL), at(row, self.pv_col() - 1))
    }

    fn label(&mut self, text: &str, note: &str) -> Written {
        let f = self.s.f;
        self.s.text(self.row, 0, text, &f.plain)?;
        if !note.is_empty() {
            self.s.text(self.row, self.pv_col() + 1, note, &f.note)?;
        }
        Ok(())
    }

    /// A row of yearly formulas, `year(col, t)` giving each (without `=`).
    fn yearly(
        &mut self,
        text: &str,
        note: &str,
        money: bool,
        year: impl Fn(u16, u16) -> String,
    ) -> Result<u32, XlsxError> {
        self.label(text, note)?;
        let f = self.s.f;
        let format = if money { &f.money } else { &f.factor };
        for t in 0..self.horizon {
            let col = FIRST_YEAR_COL + t;
            let formula = format!("={}", year(col, t));
            self.s.formula(self.row, col, &formula, format)?;
        }
        self.row += 1;
        Ok(self.row - 1)
    }

    /// The present value of a row in the last column, named if asked.
    fn pv(&mut self, row: u32, what: Option<&str>) -> Written {
        let f = self.s.f;
        let formula = format!(
            "=SUMPRODUCT({},{})",
            self.span(DF_ROW, true),
            self.span(row, false)
        );
        self.s
            .formula(row, self.pv_col(), &formula, &f.money_bold)?;
        if let Some(what) = what {
            let target = absolute(SHEET, row, self.pv_col());
            self.names.push((result_name(self.programme, what), target));
        }
        Ok(())
    }

    /// A constant in column B (a year at full effect): money, or a count.
    fn constant(
        &mut self,
        text: &str,
        note: &str,
        formula: &str,
        money: bool,
    ) -> Result<u32, XlsxError> {
        self.label(text, note)?;
        let f = self.s.f;
        let format = if money { &f.money } else { &f.count };
        self.s
            .formula(self.row, 1, &format!("={formula}"), format)?;
        self.row += 1;
        Ok(self.row - 1)
    }

    /// A yearly-saving stream: its saving at full effect, then m_t × that.
    fn yearly_stream(&mut self, stream: &StreamSpec, m_row: u32) -> Result<u32, XlsxError> {
        let full = full_effect(self.programme, stream.key).unwrap_or_else(|| "0".into());
        let note = format!("Column B: the saving a year at full effect ({}). Each year: effect multiplier × column B.", stream.payer.label());
        self.label(stream.label, &note)?;
        let f = self.s.f;
        self.s.formula(self.row, 1, &format!("={full}"), &f.money)?;
        let row = self.row;
        for t in 0..self.horizon {
            let col = FIRST_YEAR_COL + t;
            let formula = format!("={}*$B${}", cell_row_fixed(m_row, col), row + 1);
            self.s.formula(row, col, &formula, &f.money)?;
        }
        self.row += 1;
        Ok(row)
    }

    /// Children kept out of care: entries avoided each year, the child-years
    /// of care they would have spent (each for `care_years`, the last part
    /// pro rata), and a year of care's cost.
    fn care_stream(&mut self, stream: &StreamSpec, m_row: u32) -> Result<u32, XlsxError> {
        let entries = format!(
            "{}*{}*{}",
            self.n(Field::CouncilEntriesToCare),
            self.n(Field::TargetGroupShare),
            self.n(Field::CareEntryReduction)
        );
        let entries_row = self.constant(
            "Entries to care avoided a year at full effect",
            "Council's entries to care × target-group share × reduction.",
            &entries,
            false,
        )?;
        let mix: Vec<String> = PLACEMENT_MIX
            .iter()
            .map(|(share, cost)| format!("{}*{}", self.n(*share), self.n(*cost)))
            .collect();
        let annual = format!(
            "({})*(365/7)-{}",
            mix.join("+"),
            self.n(Field::EdgeOfCareCostPerYear)
        );
        let annual_row = self.constant(
            "A year of care for one child, less the support at home",
            "Σ placement share × weekly cost, × 365/7 weeks, less the support a child kept out of care still gets a year.",
            &annual,
            true,
        )?;
        let avoided = self.yearly(
            "Entries avoided in the year",
            "Effect multiplier × entries avoided a year at full effect.",
            false,
            |col, _| format!("{}*$B${}", cell_row_fixed(m_row, col), entries_row + 1),
        )?;
        let care_years = self.n(Field::CareYears);
        // When in its year an entry would have started care: 0 (formats 1
        // to 3) or ½ (the Green Book's mid-year convention).
        let start = self.conventions.entry_point_in_year();
        let note = format!("Σ over years k up to this one: entries avoided in year k × the part of their care in this year: MEDIAN(0, {}, care years) in year k, MEDIAN(0, 1, care years − (t − k − {start})) after (care from {start} of the way through year k).", 1.0 - start);
        let child_years = self.yearly(
            "Child-years of care avoided in the year",
            &note,
            false,
            |_, t| {
                (0..=t)
                    .map(|k| {
                        let avoided = cell(avoided, FIRST_YEAR_COL + k);
                        if k == t {
                            format!("{avoided}*MEDIAN(0,{},{care_years})", 1.0 - start)
                        } else {
                            format!(
                                "{avoided}*MEDIAN(0,1,{care_years}-{})",
                                f64::from(t - k) - start
                            )
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("+")
            },
        )?;
        let note = format!("A year of care × child-years ({}).", stream.payer.label());
        let saving = self.yearly(stream.label, &note, true, |col, _| {
            format!("$B${}*{}", annual_row + 1, cell(child_years, col))
        })?;
        let horizon = self.horizon;
        let after: Vec<String> = (0..horizon)
            .map(|k| {
                format!(
                    "{}*MAX(0,{care_years}-{})",
                    cell(avoided, FIRST_YEAR_COL + k),
                    f64::from(horizon - k) - start
                )
            })
            .collect();
        let formula = format!("$B${}*({})", annual_row + 1, after.join("+"));
        self.constant(
            "Of which after the appraisal period (reported, not counted)",
            "Care the avoided entries would still have needed after the last year.",
            &formula,
            true,
        )?;
        Ok(saving)
    }

    fn sum_rows(
        &mut self,
        text: &str,
        rows: &[u32],
        weights: &[Option<String>],
        what: &str,
    ) -> Result<u32, XlsxError> {
        let row = self.yearly(text, "", true, |col, _| {
            if rows.is_empty() {
                return "0".into();
            }
            rows.iter()
                .zip(weights)
                .map(|(r, w)| match w {
                    Some(w) => format!("{w}*{}", cell(*r, col)),
                    None => cell(*r, col),
                })
                .collect::<Vec<_>>()
                .join("+")
        })?;
        self.pv(row, Some(what))?;
        Ok(row)
    }

    fn write(&mut self, inputs: &ProgrammeInputs) -> Written {
        let f = self.s.f;
        self.s.text(self.row, 0, self.programme.name(), &f.bold)?;
        self.row += 1;
        let p = self.programme;
        let ramp = self.yearly("Ramp-up", "From the Inputs sheet.", false, |_, t| {
            year_name(p, Field::RampUp, u32::from(t) + 1)
        })?;
        let credited = format!(
            "((1-{})*(1-{}))",
            self.n(Field::Deadweight),
            self.n(Field::OptimismBias)
        );
        let m_row = self.yearly(
            "Effect multiplier",
            "Ramp-up × (1 − deadweight) × (1 − optimism bias).",
            false,
            |col, _| format!("{}*{credited}", cell(ramp, col)),
        )?;
        let (mut council, mut partners, mut cashable) = (Vec::new(), Vec::new(), Vec::new());
        for stream in p.spec().streams.iter().filter(|s| inputs.includes(s.key)) {
            let row = match stream.kind {
                StreamKind::YearlySaving(_) => self.yearly_stream(stream, m_row)?,
                StreamKind::EntriesToCareAvoided => self.care_stream(stream, m_row)?,
            };
            self.pv(row, None)?;
            if stream.payer.is_council() {
                council.push(row);
                cashable.push(Some(self.n(stream.cashable)));
            } else {
                partners.push(row);
            }
        }
        let plain = vec![None; council.len().max(partners.len())];
        let savings = self.sum_rows(
            "Savings to the council",
            &council,
            &plain,
            "pv_council_savings",
        )?;
        self.sum_rows(
            "Savings to others (police, NHS)",
            &partners,
            &plain,
            "pv_partner_savings",
        )?;
        self.sum_rows(
            "Cashable savings to the council",
            &council,
            &cashable,
            "pv_cashable_savings",
        )?;
        // Set-up and running costs are per team or hub, less those
        // repurposed from provision already paid for.
        let new_units = format!(
            "({}-{})",
            self.n(Field::ServiceUnits),
            self.n(Field::RepurposedUnits)
        );
        let setup = format!("{new_units}*{}", self.n(Field::SetupCost));
        let setup_row = self.yearly(
            "Set-up cost",
            "New teams or hubs × set-up cost of one; first year only.",
            true,
            |_, t| {
                if t == 0 {
                    setup.clone()
                } else {
                    "0".into()
                }
            },
        )?;
        let staff: Vec<String> = (0..inputs.staff.len())
            .map(|i| {
                let (fte, cost) = staff_names(p, i);
                format!("{fte}*{cost}")
            })
            .collect();
        let running = format!("{new_units}*{}", self.n(Field::RunningCost));
        let running = if staff.is_empty() {
            running
        } else {
            format!("{running}+({})", staff.join("+"))
        };
        let running_row = self.yearly(
            "Running cost and staff",
            "New teams or hubs × running cost of one a year + Σ FTE × cost of an FTE.",
            true,
            |_, _| running.clone(),
        )?;
        let mut cost_rows = vec![setup_row, running_row];
        if p == ProgrammeId::FamilyValued {
            let volume = format!(
                "({}*{})",
                self.n(Field::FamiliesPerYear),
                self.n(Field::CostPerConference)
            );
            cost_rows.push(self.yearly(
                "Conferences",
                "Ramp-up × families × extra cost per conference.",
                true,
                |col, _| format!("{}*{volume}", cell(ramp, col)),
            )?);
        }
        let bias = format!("(1+{})", self.n(Field::CostOptimismBias));
        let costs = self.sum_rows(
            "Costs, with optimism bias on costs",
            &cost_rows,
            &vec![Some(bias); cost_rows.len()],
            "pv_costs",
        )?;
        let grant = self.yearly(
            "DfE grant",
            "From the Inputs sheet: 0 after its last year.",
            true,
            |_, t| year_name(p, Field::GrantByYear, u32::from(t) + 1),
        )?;
        self.pv(grant, Some("pv_grant"))?;
        let net = self.yearly(
            "Council net",
            "Savings to the council − costs + grant.",
            true,
            |col, _| {
                format!(
                    "{}-{}+{}",
                    cell(savings, col),
                    cell(costs, col),
                    cell(grant, col)
                )
            },
        )?;
        self.pv(net, Some("pv_council_net"))?;
        let discounted = self.yearly(
            "Discounted council net",
            "Discount factor × council net.",
            true,
            |col, _| format!("{}*{}", cell_row_fixed(DF_ROW, col), cell(net, col)),
        )?;
        self.running_total(
            "Cumulative council net",
            "Running total, not discounted.",
            net,
        )?;
        let cumulative = self.row - 1;
        self.running_total(
            "Cumulative discounted council net",
            "Running total of the discounted council net.",
            discounted,
        )?;
        let cumulative_discounted = self.row - 1;
        // Payback, as `appraisal::payback_years`: the last year the running
        // total crosses from below 0, plus the part of that year it took;
        // "not yet" while the running total is below 0. Format 4 reads it
        // off the discounted running total.
        let (cumulative, net, which) = if self.conventions.discounted_payback() {
            (cumulative_discounted, discounted, "discounted ")
        } else {
            (cumulative, net, "")
        };
        let payback = self.row;
        let note = format!("Where the cumulative {which}net crosses 0 for good: year t + the share of that year's {which}net it took. Each year's flow spread evenly over the year.");
        self.yearly("Paid back after (years), so far", &note, false, |col, t| {
            let cum = cell(cumulative, col);
            if t == 0 {
                return format!("IF({cum}<0,\"not yet\",0)");
            }
            let before = cell(cumulative, col - 1);
            format!(
                "IF({cum}<0,\"not yet\",IF({before}<0,{}+(-{before})/{},{}))",
                cell_row_fixed(T_ROW, col),
                cell(net, col),
                cell(payback, col - 1)
            )
        })?;
        let last = absolute(SHEET, payback, self.pv_col() - 1);
        self.names.push((result_name(p, "payback_so_far"), last));
        self.row += 1;
        Ok(())
    }

    /// A running total of `of`'s row.
    fn running_total(&mut self, text: &str, note: &str, of: u32) -> Written {
        let row = self.row;
        self.yearly(text, note, true, |col, t| {
            if t == 0 {
                cell(of, col)
            } else {
                format!("{}+{}", cell(row, col - 1), cell(of, col))
            }
        })?;
        Ok(())
    }
}

/// A cell with its row fixed (`C$5`), for rows every formula reads.
fn cell_row_fixed(row: u32, col: u16) -> String {
    let c = cell(row, col);
    let split = c.find(|ch: char| ch.is_ascii_digit()).unwrap_or(c.len());
    format!("{}${}", &c[..split], &c[split..])
}

pub fn write(workbook: &mut Workbook, s: &mut Sheet, scenario: &Scenario) -> Result<(), XlsxError> {
    let f = s.f;
    let horizon = scenario.appraisal.horizon_years as u16;
    s.text(
        0,
        0,
        "Each model, year by year: every figure is a formula over the Inputs sheet",
        &f.title,
    )?;
    s.text(1, 1, "At full effect", &f.header)?;
    for t in 0..horizon {
        let col = FIRST_YEAR_COL + t;
        s.text(1, col, &crate::display::year_label(t as u32), &f.header)?;
        s.number(T_ROW, col, f64::from(t), &f.whole)?;
        let growth = if t == 0 {
            "=1".to_owned()
        } else {
            format!("={}*(1+discount_rate)", cell(GROWTH_ROW, col - 1))
        };
        s.formula(GROWTH_ROW, col, &growth, &f.factor)?;
        s.formula(
            DF_ROW,
            col,
            &format!("=1/{}", cell(GROWTH_ROW, col)),
            &f.factor,
        )?;
    }
    let pv_col = FIRST_YEAR_COL + horizon;
    s.text(1, pv_col, "Present value", &f.header)?;
    s.text(1, pv_col + 1, "How it is worked out", &f.header)?;
    s.text(
        T_ROW,
        0,
        "Green Book year t (0 is the first year)",
        &f.plain,
    )?;
    s.text(GROWTH_ROW, 0, "Growth (1 + discount rate)^t", &f.plain)?;
    s.text(
        DF_ROW,
        0,
        "Discount factor 1 ÷ (1 + discount rate)^t",
        &f.plain,
    )?;
    let mut row = DF_ROW + 2;
    let mut names = Vec::new();
    for inputs in scenario.enabled() {
        let mut block = Block {
            s,
            row,
            horizon,
            programme: inputs.programme,
            names: Vec::new(),
            conventions: scenario.appraisal.conventions,
        };
        block.write(inputs)?;
        row = block.row + 1;
        names.append(&mut block.names);
    }
    for (name, target) in names {
        workbook.define_name(&name, &format!("={target}"))?;
    }
    let mut widths = vec![46.0, 14.0];
    widths.extend(std::iter::repeat_n(13.0, horizon as usize));
    widths.extend([15.0, 60.0]);
    s.widths(&widths)?;
    s.ws.set_freeze_panes(2, 2)?;
    s.ws.set_landscape().set_print_fit_to_pages(1, 0);
    s.ws.set_repeat_rows(0, 1)?;
    Ok(())
}
