//! The workbook's formats, its defined names, and a small writer over a
//! worksheet that keeps the rust_xlsxwriter calls in one place.

use crate::registry::{Field, ProgrammeId, UnitKind};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Worksheet, XlsxError};

/// Money, as the issue asks: whole pounds, a minus sign for a loss.
pub const MONEY: &str = "£#,##0;-£#,##0";
pub const FRACTION: &str = "0.0%";
pub const COUNT: &str = "#,##0.0";
pub const RATIO: &str = "0.00";
/// Discount and restating factors, and years: four places show their steps.
pub const FACTOR: &str = "0.0000";

/// The formats every sheet uses.
pub struct Formats {
    pub title: Format,
    pub header: Format,
    pub bold: Format,
    /// Wrapped text: write it with [`Sheet::wrapped`], which sizes its row.
    pub text: Format,
    /// Text on one line, running on into empty cells to its right.
    pub plain: Format,
    pub note: Format,
    pub money: Format,
    pub money_bold: Format,
    pub fraction: Format,
    pub count: Format,
    pub ratio: Format,
    pub factor: Format,
    pub whole: Format,
    /// A length of time in years, to a tenth.
    pub years: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header,
            bold: Format::new().set_bold(),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            plain: Format::new().set_align(FormatAlign::Top),
            note: Format::new().set_italic().set_align(FormatAlign::Top),
            money: Format::new()
                .set_num_format(MONEY)
                .set_align(FormatAlign::Top),
            money_bold: Format::new()
                .set_num_format(MONEY)
                .set_bold()
                .set_align(FormatAlign::Top),
            fraction: Format::new()
                .set_num_format(FRACTION)
                .set_align(FormatAlign::Top),
            count: Format::new()
                .set_num_format(COUNT)
                .set_align(FormatAlign::Top),
            ratio: Format::new()
                .set_num_format(RATIO)
                .set_align(FormatAlign::Top),
            factor: Format::new()
                .set_num_format(FACTOR)
                .set_align(FormatAlign::Top),
            whole: Format::new()
                .set_num_format("0")
                .set_align(FormatAlign::Top),
            // Right-aligned, so that a payback in words ("not within the
            // period") stands apart from the percentage to its left.
            years: Format::new()
                .set_num_format("0.0")
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::Top),
        }
    }

    /// The format of a figure in a registry unit.
    pub fn unit(&self, kind: UnitKind) -> &Format {
        match kind {
            UnitKind::Money => &self.money,
            UnitKind::Fraction => &self.fraction,
            UnitKind::Count => &self.count,
            UnitKind::Years => &self.ratio,
        }
    }
}

/// The short prefix of a programme's defined names.
pub fn prefix(programme: ProgrammeId) -> &'static str {
    match programme {
        ProgrammeId::FamilyValued => "FV",
        ProgrammeId::FamilySafeguarding => "FS",
        ProgrammeId::NoWrongDoor => "NWD",
    }
}

/// The defined name of a parameter: `FS_cp_plan_reduction`; the appraisal
/// settings keep their keys (`discount_rate`).
pub fn name(programme: Option<ProgrammeId>, field: Field) -> String {
    match programme {
        Some(p) => format!("{}_{}", prefix(p), field.key()),
        None => field.key().to_owned(),
    }
}

/// The name of a list's entry for one year (1-based): `FV_grant_by_year_gbp_1`.
pub fn year_name(programme: ProgrammeId, field: Field, year: u32) -> String {
    format!("{}_{}", name(Some(programme), field), year)
}

/// The name of a programme-wide result: `FV_pv_costs`.
pub fn result_name(programme: ProgrammeId, what: &str) -> String {
    format!("{}_{what}", prefix(programme))
}

/// The settings' names that are not registry fields.
pub const COUNCIL: &str = "council_name";
pub const PRICE_YEAR: &str = "price_year";

/// A worksheet and its formats: every write goes through here, text always
/// as text (never read as a formula), formulas with no cached result, so
/// that Excel and LibreOffice both compute them when the file opens.
pub struct Sheet<'f> {
    pub ws: Worksheet,
    pub f: &'f Formats,
    /// Lines the tallest wrapped text of each row needs: spreadsheets do
    /// not size rows to wrapped text on opening, so the writer does.
    lines: std::collections::BTreeMap<u32, u32>,
}

pub type Written = Result<(), XlsxError>;

impl<'f> Sheet<'f> {
    pub fn new(name: &str, f: &'f Formats) -> Result<Sheet<'f>, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        // An empty cached result: the spreadsheet computes every formula on
        // opening (LibreOffice keeps a cached value rather than recompute).
        ws.set_formula_result_default("");
        ws.set_paper_size(9); // A4
        Ok(Sheet {
            ws,
            f,
            lines: Default::default(),
        })
    }

    /// Text wrapped in a column `width` characters wide, its row made tall
    /// enough (15 points a line).
    pub fn wrapped(&mut self, row: u32, col: u16, text: &str, width: f64) -> Written {
        let per_line = (width * 1.15).max(1.0) as usize;
        let lines = text.chars().count().div_ceil(per_line).max(1) as u32;
        let tallest = self.lines.entry(row).or_insert(1);
        if lines > *tallest {
            *tallest = lines;
            self.ws.set_row_height(row, 15 * lines)?;
        }
        let format = self.f.text.clone();
        self.text(row, col, text, &format)
    }

    pub fn text(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Written {
        self.ws
            .write_string_with_format(row, col, text, format)
            .map(|_| ())
    }

    pub fn number(&mut self, row: u32, col: u16, x: f64, format: &Format) -> Written {
        self.ws
            .write_number_with_format(row, col, x, format)
            .map(|_| ())
    }

    pub fn formula(&mut self, row: u32, col: u16, formula: &str, format: &Format) -> Written {
        self.ws
            .write_formula_with_format(row, col, Formula::new(formula), format)
            .map(|_| ())
    }

    /// A row of headings, bold with a rule under it.
    pub fn headings(&mut self, row: u32, headings: &[&str]) -> Written {
        for (col, h) in (0u16..).zip(headings) {
            self.ws
                .write_string_with_format(row, col, *h, &self.f.header)?;
        }
        Ok(())
    }

    pub fn widths(&mut self, widths: &[f64]) -> Written {
        for (col, w) in (0u16..).zip(widths) {
            self.ws.set_column_width(col, *w)?;
        }
        Ok(())
    }
}

/// `$C$5` (absolute) for a defined name or a reference across sheets.
pub fn absolute(sheet: &str, row: u32, col: u16) -> String {
    format!(
        "{}!{}",
        rust_xlsxwriter::utility::quote_sheet_name(sheet),
        rust_xlsxwriter::utility::row_col_to_cell_absolute(row, col)
    )
}

/// `C5`, relative, for formulas on the same sheet.
pub fn cell(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}
