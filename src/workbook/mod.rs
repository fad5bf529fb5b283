//! The appraisal as an Excel workbook whose formulas recompute it, written
//! with rust_xlsxwriter (no hand-written XML):
//!
//! - **Summary**: the settings and each model's headline figures, formulas
//!   over the Years sheet, with the calculator's readings as text;
//! - **Inputs**: every figure, a defined name each (`FS_cp_plan_reduction`),
//!   the cells every formula reads;
//! - **Years**: each model year by year, in the method's order ([`years`]);
//! - **Prices**: the deflators and each default restated, as formulas;
//! - **Uncertainty** (when simulated): values, labelled as such;
//! - **Decide** (when simulated): expected losses, EVPI, EVPPI, the trial's
//!   worth and the chances, values too ([`decide`]);
//! - **Sources and method**.
//!
//! Text (a council's name, labels, roles) is always written as text, never
//! as a formula; there are no macros and no external links. Formulas carry
//! no cached result, so Excel and LibreOffice compute them on opening. The
//! test command recalculates the workbook in LibreOffice and checks every
//! headline against the engine (`tests/workbook.rs`).

mod decide;
mod inputs;
mod notes;
mod prices;
pub mod streams;
mod style;
pub mod summary;
mod table;
mod years;

use crate::appraisal::Appraisal;
use crate::scenario::Scenario;
use crate::uncertainty::Uncertainty;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};
use style::{Formats, Sheet};

pub use style::{name, result_name};
pub use table::{table_workbook, Cell};

/// The sheets, in order.
pub const SHEETS: [&str; 7] = [
    summary::SHEET,
    inputs::SHEET,
    years::SHEET,
    prices::SHEET,
    notes::UNCERTAINTY,
    decide::SHEET,
    notes::SOURCES,
];

fn build(
    scenario: &Scenario,
    appraisal: &Appraisal,
    uncertainty: Option<&Uncertainty>,
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let title = format!("SFPC cost-benefit appraisal: {}", scenario.council);
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_comment("Made by the SFPC cost-benefit calculator"),
    );
    let mut summary = Sheet::new(summary::SHEET, &formats)?;
    summary::write(&mut summary, scenario, appraisal)?;
    let mut inputs = Sheet::new(inputs::SHEET, &formats)?;
    inputs::write(&mut workbook, &mut inputs, scenario)?;
    let mut years = Sheet::new(years::SHEET, &formats)?;
    years::write(&mut workbook, &mut years, scenario)?;
    let mut prices = Sheet::new(prices::SHEET, &formats)?;
    prices::write(&mut prices, scenario)?;
    let mut sheets = vec![summary, inputs, years, prices];
    if let Some(u) = uncertainty {
        let mut sheet = Sheet::new(notes::UNCERTAINTY, &formats)?;
        notes::write_uncertainty(&mut sheet, u)?;
        sheets.push(sheet);
        let mut sheet = Sheet::new(decide::SHEET, &formats)?;
        let values = crate::value_of_information::for_simulated(scenario, u);
        decide::write(&mut sheet, u, &values)?;
        sheets.push(sheet);
    }
    let mut sources = Sheet::new(notes::SOURCES, &formats)?;
    notes::write_sources(&mut sources, scenario)?;
    sheets.push(sources);
    for sheet in sheets {
        workbook.push_worksheet(sheet.ws);
    }
    workbook.save_to_buffer()
}

/// The workbook's bytes (`.xlsx`), for a validated scenario and its
/// appraisal, with the simulation's figures when there are some.
pub fn workbook(
    scenario: &Scenario,
    appraisal: &Appraisal,
    uncertainty: Option<&Uncertainty>,
) -> Result<Vec<u8>, String> {
    build(scenario, appraisal, uncertainty)
        .map_err(|e| format!("the workbook could not be written: {e}"))
}
