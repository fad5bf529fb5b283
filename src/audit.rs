//! The audit pack: everything a finance lead needs to show where a figure
//! came from, in one file. The page's "Download the audit pack" and the
//! `sfpc report` command write the same files from the same code.
//!
//! The pack is a ZIP archive, stored without compression: the files are
//! small, every spreadsheet and operating system opens a stored ZIP, and a
//! deflate encoder would add to the page's download. Format: PKWARE
//! APPNOTE.TXT 6.3.10, sections 4.3.7 (local header), 4.3.12 (central
//! directory) and 4.3.16 (end record); no ZIP64, so each file and the whole
//! archive stay under 4 GiB, far above anything written here.

use crate::appraisal::Appraisal;
use crate::format::{appraisal_to_json, scenario_to_json, uncertainty_to_json};
use crate::prices::PriceYear;
use crate::scenario::Scenario;
use crate::uncertainty::Uncertainty;

/// One file of the pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn pretty(value: &serde_json::Value) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(value).unwrap_or_default();
    text.push(b'\n');
    text
}

fn file(name: &str, bytes: Vec<u8>) -> PackFile {
    PackFile {
        name: name.to_owned(),
        bytes,
    }
}

/// Which figures each enabled programme's effects are: a named evidence set,
/// the defaults, or the user's own.
fn evidence_lines(scenario: &Scenario) -> String {
    scenario
        .enabled()
        .map(|p| {
            let used = crate::display::effects_used_text(p, scenario.price_year);
            format!("Effects, {}: {used}\r\n", p.programme.name())
        })
        .collect()
}

/// Where the figures come from: the price year and the statistics.
fn provenance_lines(scenario: &Scenario) -> String {
    let council = match (&scenario.council_code, &scenario.statistics_release) {
        (Some(code), Some(release)) => format!("Council statistics: {code}, {release}\r\n"),
        _ => String::new(),
    };
    format!(
        "Prices: {year}. Every money default is restated from its source's price year with {deflators}; figures you entered are taken as already in {year} prices.\r\n\
         {council}\
         {licence}\r\n",
        year = scenario.price_year,
        deflators = crate::prices::DEFLATOR_SOURCE,
        licence = crate::councils::LICENCE,
    )
}

/// What is in the pack, and how it was made: the first file a reader opens.
fn manifest(scenario: &Scenario, uncertainty: Option<&Uncertainty>) -> String {
    let simulation = match uncertainty {
        Some(u) => format!(
            "Uncertainty: {} simulated futures, seed {} (the same seed and draws give the same results).\r\n",
            u.config.draws, u.config.seed
        ),
        None => "Uncertainty: not run for this pack.\r\n".into(),
    };
    let uncertainty_line = if uncertainty.is_some() {
        "uncertainty.json    percentiles, probabilities, fan, histogram and tornado\r\n\
         decide.json         decide now or wait: expected losses, EVPI, what each figure is worth knowing first (EVPPI, with its method), the trial's worth, chances, as `sfpc decide` prints them\r\n\
         decide.txt          the same in words, with the method\r\n"
    } else {
        ""
    };
    format!(
        "SFPC cost-benefit calculator: audit pack\r\n\
         \r\n\
         Engine version: {version}\r\n\
         Appraisal: {context}\r\n\
         {simulation}\
         {evidence}\
         {provenance}\
         \r\n\
         scenario.json       every input, in scenario format {schema}, with where each council figure came from (open it in the calculator, or run `sfpc evaluate scenario.json`)\r\n\
         results.json        the appraisal, unrounded, as `sfpc evaluate` prints it\r\n\
         yearly-results.csv  the yearly results, for Excel (UTF-8, unrounded)\r\n\
         yearly-streams.csv  each benefit stream's saving by year, with who benefits\r\n\
         defaults.csv        every default figure as published (with its price year) and restated in {year} prices, with its range, unit, basis, source and grade\r\n\
         evidence-sets.csv   each model's evidence sets: the figure each gives each effect, and why\r\n\
         appraisal.xlsx      the appraisal as an Excel workbook whose formulas recompute it (change an input, every figure follows)\r\n\
         {uncertainty_line}\
         map-MODEL.svg       each model's map of England: every council's NPV with its own figures and this scenario's others (Open Innovations' hex map, MIT licence)\r\n",
        version = crate::display::ENGINE_VERSION,
        schema = crate::format::SCHEMA_VERSION,
        context = crate::display::appraisal_context(scenario),
        evidence = evidence_lines(scenario),
        provenance = provenance_lines(scenario),
        year = scenario.price_year,
    )
}

/// The defaults table with its sources, as CSV: every parameter of the
/// registry, in form order, as published and restated in `price_year`'s
/// prices (value × restating factor).
pub fn defaults_csv(price_year: PriceYear) -> String {
    use crate::evidence::{all_params, path_of};
    use crate::export::{number_cell, text_cell, BYTE_ORDER_MARK};
    use crate::registry::DefaultValue;
    let mut out = String::from(BYTE_ORDER_MARK);
    out.push_str(&format!("Path,Figure,Published value,Source's price year,Restating factor,Value in {price_year} prices,Low,High,Unit,Basis,Source,Grade\r\n"));
    for (programme, row) in all_params() {
        let k = row.restating(price_year);
        let (published, value, low, high) = match row.default {
            DefaultValue::Number(e) => (
                number_cell(e.value),
                number_cell(e.value * k),
                number_cell(e.low * k),
                number_cell(e.high * k),
            ),
            DefaultValue::List(items) => {
                let list = |k: f64| {
                    let cells: Vec<String> = items.iter().map(|&x| number_cell(x * k)).collect();
                    text_cell(&cells.join("; "))
                };
                (list(1.0), list(k), String::new(), String::new())
            }
        };
        let cells = [
            text_cell(&path_of(programme, row)),
            text_cell(row.label),
            published,
            text_cell(&row.price_year.text()),
            number_cell(k),
            value,
            low,
            high,
            text_cell(row.unit.text),
            text_cell(row.basis.label()),
            text_cell(row.source),
            text_cell(&crate::display::grades_text(row.grades)),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Each enabled programme's evidence sets as CSV: the figure each set gives
/// each effect (in the scenario's prices), why, and whether the scenario uses
/// that set.
pub fn evidence_sets_csv(scenario: &Scenario) -> String {
    use crate::evidence_sets::{figure, matching, values, SetKey};
    use crate::export::{number_cell, text_cell, BYTE_ORDER_MARK};
    let mut out = String::from(BYTE_ORDER_MARK);
    out.push_str("Programme,Evidence set,Used,Path,Figure,Value,Why\r\n");
    for inputs in scenario.enabled() {
        let programme = inputs.programme;
        let used = matching(inputs, scenario.price_year);
        for set in SetKey::ALL {
            for v in values(set, programme) {
                let Some((field, x)) = figure(programme, &v, scenario.price_year) else {
                    continue;
                };
                let cells = [
                    text_cell(programme.name()),
                    text_cell(set.label()),
                    (if used.contains(&set) { "yes" } else { "no" }).to_owned(),
                    text_cell(&format!("programmes.{}.{}", programme.key(), field.key())),
                    text_cell(crate::display::parameter_label(programme, field)),
                    number_cell(x),
                    text_cell(v.why),
                ];
                out.push_str(&cells.join(","));
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// The workbook's name in the pack and beside `sfpc report`'s files.
pub const WORKBOOK: &str = "appraisal.xlsx";

/// The files of the audit pack, in the order a reader wants them.
pub fn audit_files(
    scenario: &Scenario,
    appraisal: &Appraisal,
    uncertainty: Option<&Uncertainty>,
) -> Vec<PackFile> {
    let mut files = vec![
        file("README.txt", manifest(scenario, uncertainty).into_bytes()),
        file("scenario.json", pretty(&scenario_to_json(scenario))),
        file(
            "results.json",
            pretty(&appraisal_to_json(scenario, appraisal)),
        ),
        file(
            "yearly-results.csv",
            crate::export::yearly_results_csv(scenario, appraisal).into_bytes(),
        ),
        file(
            "yearly-streams.csv",
            crate::export::yearly_streams_csv(scenario, appraisal).into_bytes(),
        ),
        file(
            "defaults.csv",
            defaults_csv(scenario.price_year).into_bytes(),
        ),
        file(
            "evidence-sets.csv",
            evidence_sets_csv(scenario).into_bytes(),
        ),
    ];
    // Only the workbook's own WebAssembly module carries its writer.
    #[cfg(any(not(target_arch = "wasm32"), feature = "web-workbook"))]
    match crate::workbook::workbook(scenario, appraisal, uncertainty) {
        Ok(bytes) => files.push(file(WORKBOOK, bytes)),
        Err(why) => files.push(file("appraisal.xlsx.txt", why.into_bytes())),
    }
    if let Some(u) = uncertainty {
        files.push(file(
            "uncertainty.json",
            pretty(&uncertainty_to_json(scenario, u)),
        ));
        let values = crate::value_of_information::for_simulated(scenario, u);
        let decide = crate::format::decide_to_json(scenario, u, &values, None, &[]);
        files.push(file("decide.json", pretty(&decide)));
        let words = crate::display::decide_table(u, &values).replace('\n', "\r\n");
        files.push(file("decide.txt", words.into_bytes()));
    }
    files.extend(council_maps(scenario));
    files
}

/// The size of the maps in the pack, in pixels.
pub const MAP_SIZE: (u32, u32) = (720, 820);

/// Each enabled model's map of England (`map-<model>.svg`): every council's
/// NPV with its own figures and this scenario's other figures, as `sfpc
/// batch` and the every-council page give them.
pub fn council_maps(scenario: &Scenario) -> Vec<PackFile> {
    use crate::councils::{self, map};
    let rows: Vec<_> = councils::current()
        .flat_map(|c| councils::appraise_council(scenario, c, None))
        .collect();
    scenario
        .enabled()
        .filter_map(|p| {
            let view = map::map_view(&rows, p.programme, map::MapMeasure::CouncilNpv);
            let svg = crate::charts::council_map_svg(&view, MAP_SIZE).ok()?;
            let name = format!("map-{}.svg", p.programme.key().replace('_', "-"));
            Some(file(&name, svg.into_bytes()))
        })
        .collect()
}

/// CRC-32 (ISO-HDLC, as ZIP uses), bitwise: the pack is small.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// When the files in an archive were written, in MS-DOS form (the ZIP
/// format's own: local time to two seconds, 1980 to 2107).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DosTime {
    pub date: u16,
    pub time: u16,
}

impl DosTime {
    /// 1980-01-01 00:00: a fixed stamp, so the same inputs give the same
    /// archive, byte for byte (the tests' archives).
    pub const FIXED: DosTime = DosTime {
        date: (1 << 5) | 1,
        time: 0,
    };

    /// From seconds since 1970 (UTC), as the command reads its clock;
    /// Howard Hinnant's days-to-civil algorithm.
    pub fn from_unix_seconds(seconds: u64) -> Option<DosTime> {
        let days = (seconds / 86_400) as i64;
        let rest = seconds % 86_400;
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        DosTime::parse(&format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            rest / 3600,
            rest / 60 % 60,
            rest % 60
        ))
    }

    /// From a local date and time, "2026-12-04T10:30:15" (seconds
    /// optional), as the page and the command give it; `None` for anything
    /// else or a year the format cannot hold.
    pub fn parse(text: &str) -> Option<DosTime> {
        let (date, time) = text.split_once('T').unwrap_or((text, "00:00:00"));
        let d: Vec<u32> = date
            .split('-')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        let mut t: Vec<u32> = time
            .split(':')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        t.resize(3, 0);
        let [year, month, day] = d[..] else {
            return None;
        };
        let (hour, minute, second) = (t[0], t[1], t[2]);
        let valid = (1980..=2107).contains(&year)
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
            && hour < 24
            && minute < 60
            && second < 60;
        if !valid {
            return None;
        }
        Some(DosTime {
            date: (((year - 1980) << 9) | (month << 5) | day) as u16,
            time: ((hour << 11) | (minute << 5) | (second / 2)) as u16,
        })
    }
}

fn put16(out: &mut Vec<u8>, x: u16) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}

/// The fields local and central headers share, from "version needed" on.
fn common_header(out: &mut Vec<u8>, f: &PackFile, when: DosTime) {
    put16(out, 20); // version needed: 2.0
    put16(out, 1 << 11); // flags: names are UTF-8
    put16(out, 0); // method: stored
    put16(out, when.time);
    put16(out, when.date);
    put32(out, crc32(&f.bytes));
    put32(out, f.bytes.len() as u32); // compressed size
    put32(out, f.bytes.len() as u32);
    put16(out, f.name.len() as u16);
    put16(out, 0); // extra field length
}

/// A stored (uncompressed) ZIP archive of `files`, each dated `when`.
pub fn zip(files: &[PackFile], when: DosTime) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for f in files {
        let offset = out.len() as u32;
        put32(&mut out, 0x0403_4b50);
        common_header(&mut out, f, when);
        out.extend_from_slice(f.name.as_bytes());
        out.extend_from_slice(&f.bytes);

        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // made by: 2.0, MS-DOS attributes
        common_header(&mut central, f, when);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(f.name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // disk with the central directory
    put16(&mut out, files.len() as u16);
    put16(&mut out, files.len() as u16);
    put32(&mut out, central.len() as u32);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    out
}
