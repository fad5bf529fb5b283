//! The TypeScript types of what `display` hands the page, generated from
//! these structs (ts-rs, at test time only: the builds carry none of it) and
//! checked in as `www/engine-types.d.ts`, which the page's modules import in
//! their JSDoc and `tsc --strict` checks. This test fails when a struct and
//! the file disagree; `SFPC_WRITE_TYPES=1 cargo test -p sfpc-display`
//! writes the file afresh.

use super::yearly::ChartTitles;
use super::*;
use crate::errors::InputError;
use ts_rs::{Config, TS};

/// One type's declaration, exported, with its doc comment.
fn declaration<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().unwrap_or_default();
    format!("{docs}export {}\n", T::decl(cfg))
}

/// The file's text: every type the page reads, in a fixed order.
fn file_text() -> String {
    let cfg = Config::default();
    let types = [
        declaration::<InputError>(&cfg),
        declaration::<TextTable>(&cfg),
        declaration::<Headline>(&cfg),
        declaration::<GroupReading>(&cfg),
        declaration::<ChartSummaries>(&cfg),
        declaration::<ChartTitles>(&cfg),
        declaration::<Verdict>(&cfg),
        declaration::<Verdicts>(&cfg),
        declaration::<FigureGrade>(&cfg),
        declaration::<UncertaintySummaries>(&cfg),
        declaration::<Card>(&cfg),
        declaration::<DecisionWords>(&cfg),
        declaration::<ValueWords>(&cfg),
        declaration::<SetFigureText>(&cfg),
        declaration::<SetText>(&cfg),
        declaration::<FieldNote>(&cfg),
        declaration::<CouncilReading>(&cfg),
        declaration::<CouncilRow>(&cfg),
    ];
    format!(
        "// Generated from the engine's structs (src/display/typescript.rs): do not edit.\n\
         // SFPC_WRITE_TYPES=1 cargo test -p sfpc-display writes it afresh.\n\n{}",
        types.join("\n")
    )
}

#[test]
fn the_page_types_are_the_structs() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/engine-types.d.ts");
    let text = file_text();
    if std::env::var_os("SFPC_WRITE_TYPES").is_some() {
        std::fs::write(&path, &text).expect("www/engine-types.d.ts written");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        text.contains("export type TextTable = { caption: string,"),
        "{text}"
    );
    assert_eq!(
        on_disk, text,
        "www/engine-types.d.ts differs from the structs: SFPC_WRITE_TYPES=1 cargo test -p sfpc-display"
    );
}
