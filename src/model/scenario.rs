//! A council's scenario as the model sees it: validated values, money in pounds
//! at one price year. Only `sfpc::format` builds these from user input, and it
//! checks every invariant stated here, so the model can take them as given.

pub use crate::estimate::Estimate;
use crate::prices::restating_factor;
pub use crate::prices::PriceYear;
use crate::registry::{
    default_before_format_4, DefaultValue, Field, ProgrammeId, StreamKey, UnitKind,
};

/// The streams a file of format `schema` does not have: those added since.
pub fn later_streams(programme: ProgrammeId, schema: u32) -> Vec<StreamKey> {
    programme
        .spec()
        .streams
        .iter()
        .filter(|s| s.since > schema)
        .map(|s| s.key)
        .collect()
}

pub use crate::registry::MAX_HORIZON_YEARS;

/// How the appraisal discounts and how far ahead it looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AppraisalSettings {
    /// 1 to [`MAX_HORIZON_YEARS`].
    pub horizon_years: u32,
    /// Real rate a year, 0 to 1. The Green Book rate is 0.035 for years 0 to 30.
    pub discount_rate: f64,
    /// Fixed by the scenario's format, so that a file keeps its figures.
    pub conventions: Conventions,
}

/// The appraisal's conventions. A scenario's format fixes which it gets:
/// formats 1 to 3 keep theirs, so that a file keeps its figures; format 4
/// has the Green Book's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conventions {
    /// Formats 1 to 3: an entry to care avoided saves a whole year of care
    /// in the year it is avoided; payback is when the undiscounted
    /// cumulative position turns positive for good.
    Format3,
    /// Format 4, the Green Book's: entries avoided during a year are
    /// avoided on average at its middle, so half a year of care is saved in
    /// that year; payback is when the discounted cumulative position turns
    /// positive for good.
    GreenBook,
}

impl Conventions {
    pub const ALL: [Conventions; 2] = [Conventions::GreenBook, Conventions::Format3];

    /// The key in the scenario format (`conventions`, format 4).
    pub fn key(self) -> &'static str {
        match self {
            Conventions::Format3 => "format_3",
            Conventions::GreenBook => "green_book",
        }
    }

    pub fn from_key(key: &str) -> Option<Conventions> {
        Conventions::ALL.into_iter().find(|c| c.key() == key)
    }

    /// When in its year an avoided entry would have started care: 0 at the
    /// start, 0.5 at the middle.
    pub fn entry_point_in_year(self) -> f64 {
        match self {
            Conventions::Format3 => 0.0,
            Conventions::GreenBook => 0.5,
        }
    }

    /// Whether payback is read off the discounted cumulative position.
    pub fn discounted_payback(self) -> bool {
        self == Conventions::GreenBook
    }
}

/// A post the programme adds: its running cost is `fte × cost_per_fte_gbp` a year.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffLine {
    pub role: String,
    pub fte: f64,
    pub cost_per_fte_gbp: f64,
}

/// One programme's inputs: every registry field of the programme, by key.
///
/// Invariants (checked by `sfpc::format`): every estimate satisfies its
/// field's rule; the ramp-up list has at least one entry; the placement
/// shares add up to 1; the excluded streams are the programme's own, once each.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeInputs {
    pub programme: ProgrammeId,
    pub enabled: bool,
    /// Indexed by [`Field::index`]; fields the programme does not have, and
    /// list fields, hold 0 and are never read.
    values: [Estimate; Field::COUNT],
    /// DfE grant received in each year; 0 past the list's end.
    pub grant_by_year_gbp: Vec<f64>,
    /// Fraction of full effect reached in each year; the last entry repeats.
    pub ramp_up_fraction: Vec<f64>,
    pub staff: Vec<StaffLine>,
    /// Streams the council has chosen not to count (a format-1 scenario
    /// leaves out every stream added since, so that it keeps its figures).
    pub excluded_streams: Vec<StreamKey>,
}

impl ProgrammeInputs {
    /// The programme with every field at its registry default, money
    /// restated in `price_year`'s prices.
    pub fn from_defaults(programme: ProgrammeId, price_year: PriceYear) -> ProgrammeInputs {
        let mut inputs = ProgrammeInputs {
            programme,
            enabled: true,
            values: [Estimate::fixed(0.0); Field::COUNT],
            grant_by_year_gbp: Vec::new(),
            ramp_up_fraction: vec![1.0],
            staff: Vec::new(),
            excluded_streams: Vec::new(),
        };
        for spec in programme.spec().params {
            let k = spec.restating(price_year);
            match (spec.field, spec.default) {
                (Field::GrantByYear, DefaultValue::List(v)) => {
                    inputs.grant_by_year_gbp = v.iter().map(|x| x * k).collect();
                }
                (Field::RampUp, DefaultValue::List(v)) => inputs.ramp_up_fraction = v.into(),
                (field, DefaultValue::Number(_)) => {
                    if let Some(e) = spec.default_estimate_in(price_year) {
                        inputs.set(field, e);
                    }
                }
                _ => {}
            }
        }
        inputs
    }

    /// The programme as a file older than format 4 had it: its fields at
    /// format 3's defaults ([`default_before_format_4`]), restated in
    /// `price_year`'s prices, and format 4's streams left out.
    pub fn from_format3_defaults(programme: ProgrammeId, price_year: PriceYear) -> ProgrammeInputs {
        let mut inputs = ProgrammeInputs::from_defaults(programme, price_year);
        for spec in programme.spec().params {
            if let Some((e, prices)) = default_before_format_4(spec.field) {
                let k = match (spec.unit.kind, prices.year()) {
                    (UnitKind::Money, Some(from)) => {
                        restating_factor(from, price_year).unwrap_or(1.0)
                    }
                    _ => 1.0,
                };
                inputs.set(
                    spec.field,
                    Estimate::ranged(e.low * k, e.value * k, e.high * k),
                );
            }
        }
        inputs.excluded_streams = later_streams(programme, 3);
        inputs
    }

    pub fn get(&self, field: Field) -> Estimate {
        self.values[field.index()]
    }

    pub fn set(&mut self, field: Field, estimate: Estimate) {
        self.values[field.index()] = estimate;
    }

    pub fn includes(&self, stream: StreamKey) -> bool {
        !self.excluded_streams.contains(&stream)
    }
}

/// Where a council figure comes from: the four kinds a council's figures
/// are (see the README's "Your council's figures").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureKind {
    /// A count from the council's own published statistics.
    Own,
    /// A council count × a stated, sourced ratio.
    Derived,
    /// The council's own weekly unit cost, restated into the scenario's prices.
    UnitCost,
    /// A published national figure (or an assumption), the same for every council.
    National,
}

impl FigureKind {
    pub const ALL: [FigureKind; 4] = [
        FigureKind::Own,
        FigureKind::Derived,
        FigureKind::UnitCost,
        FigureKind::National,
    ];

    /// The key in the scenario format.
    pub fn key(self) -> &'static str {
        match self {
            FigureKind::Own => "own",
            FigureKind::Derived => "derived",
            FigureKind::UnitCost => "unit_cost",
            FigureKind::National => "national",
        }
    }

    pub fn from_key(key: &str) -> Option<FigureKind> {
        FigureKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// In words, for tables: "the council's own".
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::Own => "the council's own",
            FigureKind::Derived => "derived",
            FigureKind::UnitCost => "the council's unit cost",
            FigureKind::National => "national",
        }
    }
}

/// Longest source text a council figure may carry.
pub const MAX_SOURCE_CHARS: usize = 1000;

/// One council figure's kind and source, as the scenario records it.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSource {
    pub programme: ProgrammeId,
    pub field: Field,
    pub kind: FigureKind,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub council: String,
    /// DfE's new LA code of the council, when its statistics were used.
    pub council_code: Option<String>,
    /// The release of the statistics the council's figures come from.
    pub statistics_release: Option<String>,
    pub price_year: PriceYear,
    pub appraisal: AppraisalSettings,
    /// The programmes present, in the order of [`ProgrammeId::ALL`]; absent
    /// ones are left out.
    pub programmes: Vec<ProgrammeInputs>,
    /// Fields the input left out, which took their registry default.
    pub defaulted: Vec<(ProgrammeId, Field)>,
    /// Where the council's figures came from (format 3); empty without a council.
    pub council_figures: Vec<FigureSource>,
}

impl Scenario {
    /// The programmes to appraise.
    pub fn enabled(&self) -> impl Iterator<Item = &ProgrammeInputs> {
        self.programmes.iter().filter(|p| p.enabled)
    }

    pub fn programme(&self, id: ProgrammeId) -> Option<&ProgrammeInputs> {
        self.programmes.iter().find(|p| p.programme == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventions_and_kinds_by_their_keys() {
        for c in Conventions::ALL {
            assert_eq!(Conventions::from_key(c.key()), Some(c));
        }
        assert_eq!(
            Conventions::from_key("green_book"),
            Some(Conventions::GreenBook)
        );
        assert_eq!(
            Conventions::from_key("format_3"),
            Some(Conventions::Format3)
        );
        assert_eq!(Conventions::from_key("x"), None);
        assert_eq!(Conventions::GreenBook.entry_point_in_year(), 0.5);
        assert_eq!(Conventions::Format3.entry_point_in_year(), 0.0);
        assert!(Conventions::GreenBook.discounted_payback());
        assert!(!Conventions::Format3.discounted_payback());
        let keys: Vec<&str> = FigureKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys, ["own", "derived", "unit_cost", "national"]);
        for k in FigureKind::ALL {
            assert_eq!(FigureKind::from_key(k.key()), Some(k));
        }
        assert_eq!(FigureKind::from_key("guessed"), None);
        assert_eq!(FigureKind::Own.label(), "the council's own");
        assert_eq!(FigureKind::UnitCost.label(), "the council's unit cost");
        assert_eq!(FigureKind::Derived.label(), "derived");
        assert_eq!(FigureKind::National.label(), "national");
    }

    #[test]
    fn defaults_are_restated_and_later_streams_left_out() {
        let y16 = PriceYear::starting(2016);
        let y24 = PriceYear::starting(2024);
        let in_2016 = ProgrammeInputs::from_defaults(ProgrammeId::FamilyValued, y16);
        let in_2024 = ProgrammeInputs::from_defaults(ProgrammeId::FamilyValued, y24);
        // £755 is in 2016-17 prices; a share is not money.
        assert_eq!(
            in_2016.get(Field::SavingPerFamily),
            Estimate::ranged(0.0, 755.0, 960.0)
        );
        let k = 100.0 / 76.0754;
        assert_eq!(
            in_2024.get(Field::SavingPerFamily),
            Estimate::ranged(0.0, 755.0 * k, 960.0 * k)
        );
        assert_eq!(
            in_2016.get(Field::Deadweight),
            in_2024.get(Field::Deadweight)
        );
        assert!(in_2024.enabled && in_2024.excluded_streams.is_empty());
        // The lists: the grant restated like any money, the ramp-up as it is.
        let list = |field| match ProgrammeId::FamilyValued
            .spec()
            .param(field)
            .unwrap()
            .default
        {
            DefaultValue::List(v) => v.to_vec(),
            DefaultValue::Number(_) => panic!("{field:?} is a list"),
        };
        let grant = ProgrammeId::FamilyValued
            .spec()
            .param(Field::GrantByYear)
            .unwrap();
        let k = grant.restating(y24);
        let restated: Vec<f64> = list(Field::GrantByYear).iter().map(|x| x * k).collect();
        assert_eq!(in_2024.grant_by_year_gbp, restated);
        // (No model has a default grant: the list is empty, so a council enters its own.)
        assert_eq!(in_2024.ramp_up_fraction, list(Field::RampUp));
        assert_ne!(in_2024.ramp_up_fraction, [1.0]);
        // Every stream is counted unless left out.
        let spec = ProgrammeId::FamilyValued.spec();
        assert!(spec.streams.iter().all(|s| in_2024.includes(s.key)));
        let later = later_streams(ProgrammeId::FamilyValued, 1);
        assert!(!later.is_empty());
        let expected: Vec<StreamKey> = spec
            .streams
            .iter()
            .filter(|s| s.since > 1)
            .map(|s| s.key)
            .collect();
        assert_eq!(later, expected);
        assert!(later_streams(ProgrammeId::FamilyValued, 99).is_empty());
        let old = ProgrammeInputs::from_format3_defaults(ProgrammeId::FamilyValued, y24);
        assert_eq!(
            old.excluded_streams,
            later_streams(ProgrammeId::FamilyValued, 3)
        );
        assert!(old.excluded_streams.iter().all(|s| !old.includes(*s)));
    }

    #[test]
    fn a_scenario_finds_its_programmes() {
        let mut s = crate::defaults::default_scenario_model();
        assert_eq!(s.enabled().count(), 3);
        s.programmes[1].enabled = false;
        let on: Vec<ProgrammeId> = s.enabled().map(|p| p.programme).collect();
        assert_eq!(on, [ProgrammeId::ALL[0], ProgrammeId::ALL[2]]);
        assert_eq!(
            s.programme(ProgrammeId::NoWrongDoor).map(|p| p.programme),
            Some(ProgrammeId::NoWrongDoor)
        );
        s.programmes.pop();
        assert!(s.programme(ProgrammeId::ALL[2]).is_none());
    }

    #[test]
    fn a_file_before_format_4_starts_from_format_3s_defaults_restated() {
        let y24 = PriceYear::starting(2024);
        let old = ProgrammeInputs::from_format3_defaults(ProgrammeId::FamilyValued, y24);
        // £533 a week in about 2016-17's prices, and its range's ends likewise.
        let k = 100.0 / 76.0754;
        assert_eq!(
            old.get(Field::InHouseFosterCostPerWeek),
            Estimate::ranged(396.0 * k, 533.0 * k, 646.0 * k)
        );
        // A share is not restated.
        assert_eq!(old.get(Field::FgcProcessCashable), Estimate::fixed(0.25));
        let now = ProgrammeInputs::from_defaults(ProgrammeId::FamilyValued, y24);
        assert_ne!(
            now.get(Field::InHouseFosterCostPerWeek),
            old.get(Field::InHouseFosterCostPerWeek)
        );
        // A field format 4 left as it was keeps its default.
        assert_eq!(
            old.get(Field::FamiliesPerYear),
            now.get(Field::FamiliesPerYear)
        );
    }
}
