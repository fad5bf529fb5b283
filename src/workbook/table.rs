//! A table as a one-sheet workbook: the every-council page's download. Its
//! cells are values (figures as numbers, so a reader can sort and sum
//! them; words as text, never formulas), under a bold, frozen heading row
//! with a filter on it.

use super::style::{Formats, Sheet};
use rust_xlsxwriter::{Workbook, XlsxError};

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Blank,
}

fn build(sheet_name: &str, columns: &[String], rows: &[Vec<Cell>]) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut s = Sheet::new(sheet_name, &formats)?;
    let headings: Vec<&str> = columns.iter().map(String::as_str).collect();
    s.headings(0, &headings)?;
    for (row, cells) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(t) => s.text(row, col, t, &formats.plain)?,
                Cell::Number(x) => s.number(row, col, *x, &formats.plain)?,
                Cell::Blank => {}
            }
        }
    }
    let last_col = columns.len().saturating_sub(1) as u16;
    s.ws.set_freeze_panes(1, 0)?;
    s.ws.autofilter(0, 0, rows.len() as u32, last_col)?;
    let widths: Vec<f64> = columns
        .iter()
        .map(|c| (c.len() as f64).clamp(12.0, 40.0))
        .collect();
    s.widths(&widths)?;
    let mut workbook = Workbook::new();
    workbook.push_worksheet(s.ws);
    workbook.save_to_buffer()
}

/// The `.xlsx` bytes of a table.
pub fn table_workbook(
    sheet_name: &str,
    columns: &[String],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, String> {
    build(sheet_name, columns, rows).map_err(|e| format!("the workbook could not be written: {e}"))
}
