//! Each yearly-saving stream's saving at full effect, as a formula over the
//! Inputs sheet's names: the stream's registry terms (`registry::Terms`),
//! which `crate::programmes` evaluates, written out (effect × pounds per
//! unit of effect). The test command recalculates the workbook in
//! LibreOffice and checks it against the engine.

use super::style::name;
use crate::registry::{ProgrammeId, StreamKey, StreamKind};

/// The formula (without `=`) for a yearly stream's saving a year at full
/// effect, written from the stream's registry terms; `None` for the
/// entries-to-care stream (its own rows) or a stream the programme does not
/// have.
pub fn full_effect(programme: ProgrammeId, stream: StreamKey) -> Option<String> {
    let spec = programme.spec().stream(stream)?;
    let StreamKind::YearlySaving(terms) = spec.kind else {
        return None;
    };
    Some(terms.render(spec.effect, |f| name(Some(programme), f), "(365/7)"))
}
