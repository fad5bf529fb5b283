//! The audit pack: its files, and the ZIP archive that carries them.

use sfpc::audit::{audit_files, crc32, defaults_csv, zip, DosTime, PackFile};
use sfpc::prices::PriceYear;
use sfpc::uncertainty::{simulate, SimulationConfig};

fn u16_at(b: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Reads a stored ZIP the way an unzip tool does: from the end record, through
/// the central directory, to each local header and its data.
fn unzip(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
    let end = archive.len() - 22;
    assert_eq!(
        u32_at(archive, end),
        0x0605_4b50,
        "end of central directory"
    );
    let count = u16_at(archive, end + 10);
    let mut at = u32_at(archive, end + 16) as usize;
    let mut files = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(archive, at), 0x0201_4b50, "central header");
        assert_eq!(u16_at(archive, at + 10), 0, "stored");
        let crc = u32_at(archive, at + 16);
        let size = u32_at(archive, at + 24) as usize;
        let name_len = u16_at(archive, at + 28);
        let name = String::from_utf8(archive[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let local = u32_at(archive, at + 42) as usize;
        assert_eq!(u32_at(archive, local), 0x0403_4b50, "local header");
        assert_eq!(
            u32_at(archive, local + 14),
            crc,
            "local and central CRCs agree"
        );
        let data_at = local + 30 + u16_at(archive, local + 26);
        let data = archive[data_at..data_at + size].to_vec();
        assert_eq!(crc32(&data), crc, "{name}: CRC of the stored bytes");
        files.push((name, data));
        at += 46 + name_len;
    }
    files
}

#[test]
fn crc32_matches_the_standard_check_value() {
    // The CRC-32/ISO-HDLC check value (the catalogue of parametrised CRCs).
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn zip_round_trips_names_and_bytes_and_is_the_same_every_time() {
    let files = vec![
        PackFile {
            name: "a.txt".into(),
            bytes: b"hello".to_vec(),
        },
        PackFile {
            name: "£ données.csv".into(),
            bytes: vec![0, 255, 10, 13],
        },
    ];
    let archive = zip(&files, DosTime::FIXED);
    let back = unzip(&archive);
    assert_eq!(back.len(), 2);
    for (f, (name, bytes)) in files.iter().zip(&back) {
        assert_eq!(&f.name, name);
        assert_eq!(&f.bytes, bytes);
    }
    assert_eq!(
        zip(&files, DosTime::FIXED),
        archive,
        "a fixed stamp: reproducible"
    );
    // Dated: every header (local at 10, central at 12) carries the time and date.
    let when = DosTime::parse("2026-12-04T10:30:15").expect("a date");
    // 46 << 9 | 12 << 5 | 4; 10 << 11 | 30 << 5 | 7.
    assert_eq!(
        when,
        DosTime {
            date: 23_940,
            time: 21_447
        }
    );
    assert_eq!(DosTime::from_unix_seconds(1_796_380_215), Some(when));
    assert_eq!(
        DosTime::parse("2026-12-04"),
        Some(DosTime {
            date: 23_940,
            time: 0
        })
    );
    for bad in [
        "1979-12-31T00:00:00",
        "2026-13-01",
        "today",
        "2026-12-04T25:00",
    ] {
        assert_eq!(DosTime::parse(bad), None, "{bad}");
    }
    let dated = zip(&files, when);
    assert_eq!(u16::from_le_bytes([dated[10], dated[11]]), when.time);
    assert_eq!(u16::from_le_bytes([dated[12], dated[13]]), when.date);
    // 2 × (30 + 46 + name) + data + 22.
    let names = 5 + "£ données.csv".len();
    assert_eq!(archive.len(), 2 * 76 + 2 * names + 5 + 4 + 22);
}

#[test]
fn the_pack_holds_the_inputs_results_sources_and_how_they_were_made() {
    let scenario = sfpc::evidence::default_scenario().unwrap();
    let appraisal = sfpc::appraisal::appraise(&scenario);
    let config = SimulationConfig {
        draws: 1000,
        seed: 42,
    };
    let u = simulate(&scenario, config);
    let files = audit_files(&scenario, &appraisal, Some(&u));
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "README.txt",
            "scenario.json",
            "results.json",
            "yearly-results.csv",
            "yearly-streams.csv",
            "defaults.csv",
            "evidence-sets.csv",
            "appraisal.xlsx",
            "uncertainty.json",
            "decide.json",
            "decide.txt",
            "map-family-valued.svg",
            "map-family-safeguarding.svg",
            "map-no-wrong-door.svg",
        ]
    );
    let text = |i: usize| String::from_utf8(files[i].bytes.clone()).unwrap();
    let readme = text(0);
    assert!(readme.contains(&format!(
        "Engine version: {}",
        sfpc::display::ENGINE_VERSION
    )));
    assert!(
        readme.contains("1000 simulated futures, seed 42"),
        "{readme}"
    );
    // The scenario reads back as the same scenario.
    let back = sfpc::format::parse_scenario_json(&text(1)).unwrap();
    assert_eq!(back, scenario);
    let results: serde_json::Value = serde_json::from_str(&text(2)).unwrap();
    assert_eq!(
        results,
        sfpc::format::appraisal_to_json(&scenario, &appraisal)
    );
    assert_eq!(
        text(3),
        sfpc::export::yearly_results_csv(&scenario, &appraisal)
    );
    assert_eq!(
        text(4),
        sfpc::export::yearly_streams_csv(&scenario, &appraisal)
    );
    // The pack names the figures behind the effects, the prices and the
    // statistics' licence.
    assert!(
        readme.contains("Effects, Family Valued: evidence sets: the innovators' published claims and independent and trial evidence, which give the same figures for this model (also the calculator's defaults)"),
        "{readme}"
    );
    assert!(
        readme.contains("Effects, Family Safeguarding: the calculator's default effects"),
        "{readme}"
    );
    assert!(readme.contains("Prices: 2024-25."), "{readme}");
    assert!(readme.contains("Open Government Licence v3.0"), "{readme}");
    assert!(
        files[7].bytes.starts_with(b"PK\x03\x04"),
        "the workbook is an xlsx (a ZIP)"
    );
    let uncertainty: serde_json::Value = serde_json::from_str(&text(8)).unwrap();
    assert_eq!(uncertainty["simulation"]["seed"], 42);
    assert_eq!(uncertainty["simulation"]["draws"], 1000);
    // Decide now or wait: `sfpc decide`'s figures, and the same in words.
    let decide: serde_json::Value = serde_json::from_str(&text(9)).unwrap();
    for p in &u.programmes {
        let evpi = decide["programmes"][p.programme.key()]["evpi_gbp"].as_f64();
        assert_eq!(evpi, Some(p.decision.evpi_gbp));
    }
    assert!(
        text(10).contains("Expected loss if you adopt"),
        "{}",
        text(10)
    );
    assert!(readme.contains("decide.json"), "{readme}");

    let without = audit_files(&scenario, &appraisal, None);
    assert_eq!(without.len(), 8 + 3, "no uncertainty.json; a map a model");
    assert!(readme.contains("map-MODEL.svg"), "{readme}");
    assert!(String::from_utf8(without[0].bytes.clone())
        .unwrap()
        .contains("Uncertainty: not run"));
}

#[test]
fn defaults_csv_has_every_default_with_its_source() {
    let csv = defaults_csv(PriceYear::parse("2024-25").unwrap());
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + sfpc::evidence::all_params().count());
    assert!(lines[0].starts_with("\u{feff}Path,Figure,Published value,Source's price year,Restating factor,Value in 2024-25 prices,Low,High,Unit,Basis,Source"));
    // The FGC saving, published in 2016-17 prices, restated by 100 / 76.0754.
    let saving = lines
        .iter()
        .find(|l| l.starts_with("programmes.family_valued.saving_per_family_gbp,"))
        .unwrap();
    let cells: Vec<&str> = saving.split(',').collect();
    assert_eq!(cells[2], "755");
    assert_eq!(cells[3], "2016-17");
    let factor: f64 = cells[4].parse().unwrap();
    assert!((factor - 100.0 / 76.0754).abs() < 1e-12, "{saving}");
    let value: f64 = cells[5].parse().unwrap();
    assert!((value - 755.0 * 100.0 / 76.0754).abs() < 1e-9, "{saving}");
    let rate = lines
        .iter()
        .find(|l| l.starts_with("appraisal.discount_rate,"))
        .unwrap();
    assert!(
        rate.contains(",0.035,") && rate.contains("Green Book"),
        "{rate}"
    );
}
