//! The three SFPC models, each reduced to benefit streams and costs.
//!
//! Each model turns its parameters into [`Flows`]: one [`StreamFlow`] per
//! benefit stream it counts (its effect, and pounds per unit of effect, so
//! that break-even can be solved for), plus its costs. [`crate::appraisal`]
//! turns flows into years, present values and measures the same way for all
//! three. The registry ([`crate::registry`]) says who each stream benefits
//! and where each parameter comes from; this module has the arithmetic.
//!
//! Parameters are read through a [`Pick`] rather than directly, so that the
//! same code serves the central case (pick `value`), a tornado swing (pick
//! `low` or `high` for one parameter) and a Monte Carlo draw. Each parameter
//! is picked at most once per call, even when two streams use it.

use crate::registry::{Factor, Field, Payer, ProgrammeId, Step, StreamKey, StreamKind};
use crate::scenario::{Estimate, ProgrammeInputs};

/// Days in a year over days in a week: turns a weekly placement cost into a
/// yearly one (52.14 weeks).
pub(crate) const WEEKS_PER_YEAR: f64 = 365.0 / 7.0;

/// The placement mix: each placement's share of children in care, and its
/// weekly cost. A year of care for one child is Σ share × cost × 365/7.
pub const PLACEMENT_MIX: [(Field, Field); 4] = [
    (Field::ShareInHouseFoster, Field::InHouseFosterCostPerWeek),
    (Field::ShareAgencyFoster, Field::AgencyFosterCostPerWeek),
    (Field::ShareResidential, Field::ResidentialCostPerWeek),
    (Field::ShareKinshipOther, Field::KinshipOtherCostPerWeek),
];

/// Most streams a programme has.
pub const MAX_STREAMS: usize = 6;

/// Chooses the number to use for a parameter.
pub trait Pick {
    fn pick(&mut self, field: Field, estimate: Estimate) -> f64;
}

/// The central case: every parameter at its value.
pub struct Central;

impl Pick for Central {
    fn pick(&mut self, _field: Field, estimate: Estimate) -> f64 {
        estimate.value
    }
}

/// How a stream's yearly saving follows from its effect (see
/// [`crate::appraisal`] for the years).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StreamShape {
    /// saving_t = m_t × effect × `gbp_per_unit_effect`: the pounds a year at
    /// full effect per unit of effect (cohort × unit value).
    Yearly { gbp_per_unit_effect: f64 },
    /// avoided_k = m_k × `entries_per_year` × effect; each avoided entry
    /// saves `annual_cost_gbp` a year for `care_years` years.
    CareEntries {
        entries_per_year: f64,
        annual_cost_gbp: f64,
        care_years: f64,
    },
}

/// One benefit stream with its parameters chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StreamFlow {
    pub key: StreamKey,
    pub payer: Payer,
    pub effect_field: Field,
    /// The stream's effect: its saving is linear in it.
    pub effect: f64,
    pub cashable_fraction: f64,
    pub shape: StreamShape,
}

const NO_STREAM: StreamFlow = StreamFlow {
    key: StreamKey::FgcProcess,
    payer: Payer::CouncilChildrensServices,
    effect_field: Field::SavingPerFamily,
    effect: 0.0,
    cashable_fraction: 0.0,
    shape: StreamShape::Yearly {
        gbp_per_unit_effect: 0.0,
    },
};

/// One programme's yearly flows before ramp-up, deadweight and discounting.
#[derive(Clone, Debug, PartialEq)]
pub struct Flows<'a> {
    pub programme: ProgrammeId,
    streams: [StreamFlow; MAX_STREAMS],
    len: usize,
    pub setup_cost_gbp: f64,
    /// Running costs and staff lines, a year.
    pub running_cost_per_year_gbp: f64,
    /// Costs that grow with the programme's reach (Family Valued's
    /// conferences), at full ramp-up.
    pub volume_cost_per_year_gbp: f64,
    pub grant_by_year_gbp: &'a [f64],
    pub ramp_up_fraction: &'a [f64],
    pub deadweight_fraction: f64,
    pub optimism_bias_fraction: f64,
    /// The share added to every cost (format 4; 0 before).
    pub cost_optimism_bias_fraction: f64,
}

impl Flows<'_> {
    /// The streams counted, in the programme's order.
    pub fn streams(&self) -> &[StreamFlow] {
        &self.streams[..self.len]
    }

    pub fn stream(&self, key: StreamKey) -> Option<&StreamFlow> {
        self.streams().iter().find(|s| s.key == key)
    }
}

impl<'a> Flows<'a> {
    /// No streams and no costs yet: what [`flows_into`] starts from.
    pub fn empty(inputs: &'a ProgrammeInputs) -> Flows<'a> {
        Flows {
            programme: inputs.programme,
            streams: [NO_STREAM; MAX_STREAMS],
            len: 0,
            setup_cost_gbp: 0.0,
            running_cost_per_year_gbp: 0.0,
            volume_cost_per_year_gbp: 0.0,
            grant_by_year_gbp: &inputs.grant_by_year_gbp,
            ramp_up_fraction: &inputs.ramp_up_fraction,
            deadweight_fraction: 0.0,
            optimism_bias_fraction: 0.0,
            cost_optimism_bias_fraction: 0.0,
        }
    }

    /// Back to [`Flows::empty`], field by field: a draw reuses one `Flows`
    /// rather than building and moving a new one (in WebAssembly each such
    /// block copy is a call into the engine, and a draw made several).
    fn clear(&mut self, inputs: &'a ProgrammeInputs) {
        self.programme = inputs.programme;
        self.len = 0;
        self.setup_cost_gbp = 0.0;
        self.running_cost_per_year_gbp = 0.0;
        self.volume_cost_per_year_gbp = 0.0;
        self.grant_by_year_gbp = &inputs.grant_by_year_gbp;
        self.ramp_up_fraction = &inputs.ramp_up_fraction;
        self.deadweight_fraction = 0.0;
        self.optimism_bias_fraction = 0.0;
        self.cost_optimism_bias_fraction = 0.0;
    }
}

/// The flows of a programme's inputs, each parameter chosen by `pick`.
pub fn flows<'a>(inputs: &'a ProgrammeInputs, pick: &mut impl Pick) -> Flows<'a> {
    let mut out = Flows::empty(inputs);
    flows_into(inputs, pick, &mut Picked::default(), &mut out);
    out
}

/// What each field was picked as in one call of [`flows_into`], so a field
/// two streams share is drawn once: the value, if its bit is set in the
/// mask. Reused from draw to draw (only the mask is cleared).
#[derive(Clone, Debug)]
pub struct Picked {
    values: [f64; Field::COUNT],
}

impl Default for Picked {
    fn default() -> Self {
        Picked {
            values: [0.0; Field::COUNT],
        }
    }
}

/// [`flows`] into `out` (cleared first), with `picked` as scratch: the
/// simulation's draws reuse both.
pub fn flows_into<'a>(
    inputs: &'a ProgrammeInputs,
    pick: &mut impl Pick,
    picked: &mut Picked,
    out: &mut Flows<'a>,
) {
    out.clear(inputs);
    let mut b = Builder {
        inputs,
        pick,
        picked: &mut picked.values,
        picked_mask: 0,
        flows: out,
    };
    for step in inputs.programme.spec().steps {
        match *step {
            Step::Stream(key) => b.stream(key),
            Step::VolumeCost { count, unit_cost } => {
                b.flows.volume_cost_per_year_gbp = b.get(count) * b.get(unit_cost);
            }
            Step::Delivery => b.delivery(),
        }
    }
    b.finish();
}

// Each programme's steps (the registry's) pick format 1's parameters first,
// in format 1's order, and then those added since, so that a format-1
// scenario (whose new streams are left out, and whose new fields are fixed)
// draws exactly as it always has.

/// Builds a programme's [`Flows`], picking each parameter once.
struct Builder<'a, 'b, P: Pick> {
    inputs: &'a ProgrammeInputs,
    pick: &'b mut P,
    /// What each field was picked as in this call (see [`Picked`]): valid
    /// where its bit is set in `picked_mask`.
    picked: &'b mut [f64; Field::COUNT],
    picked_mask: u64,
    flows: &'b mut Flows<'a>,
}

impl<P: Pick> Builder<'_, '_, P> {
    #[inline]
    fn get(&mut self, field: Field) -> f64 {
        const _: () = assert!(Field::COUNT <= 64, "the picked mask has a bit a field");
        let (i, bit) = (field.index(), 1u64 << field.index());
        if self.picked_mask & bit == 0 {
            self.picked[i] = self.pick.pick(field, self.inputs.get(field));
            self.picked_mask |= bit;
        }
        self.picked[i]
    }

    fn includes(&self, stream: StreamKey) -> bool {
        self.inputs.includes(stream)
    }

    /// Adds a stream; its cashable share is picked in [`Self::finish`].
    fn push(&mut self, key: StreamKey, effect: f64, shape: StreamShape) {
        let Some(spec) = self.inputs.programme.spec().stream(key) else {
            return;
        };
        if self.flows.len < MAX_STREAMS {
            self.flows.streams[self.flows.len] = StreamFlow {
                key,
                payer: spec.payer,
                effect_field: spec.effect,
                effect,
                cashable_fraction: 0.0,
                shape,
            };
            self.flows.len += 1;
        }
    }

    /// A stream the scenario includes, worked out by its kind: a yearly
    /// saving by its registry [`Terms`] (its parameters picked in their
    /// order, then the product taken left to right), or children kept out
    /// of care.
    fn stream(&mut self, key: StreamKey) {
        let Some(spec) = self.inputs.programme.spec().stream(key) else {
            return;
        };
        let terms = match spec.kind {
            StreamKind::YearlySaving(terms) => terms,
            StreamKind::EntriesToCareAvoided => return self.care_entries(),
        };
        if !self.includes(key) {
            return;
        }
        for &field in terms.picks {
            self.get(field);
        }
        let mut per_unit: Option<f64> = None;
        for factor in terms.per_unit {
            let x = match *factor {
                Factor::Field(f) => self.get(f),
                Factor::Less(a, b) => self.get(a) - self.get(b),
                Factor::WeeksPerYear => WEEKS_PER_YEAR,
            };
            per_unit = Some(per_unit.map_or(x, |product| product * x));
        }
        let effect = self.get(spec.effect);
        self.yearly(key, effect, per_unit.unwrap_or(1.0));
    }

    fn yearly(&mut self, key: StreamKey, effect: f64, gbp_per_unit_effect: f64) {
        self.push(
            key,
            effect,
            StreamShape::Yearly {
                gbp_per_unit_effect,
            },
        );
    }

    /// Children kept out of care: avoided entries a year = m_t × the council's
    /// entries a year × the target group's share × reduction, each saving a
    /// year's cost of care (the placement mix: Σ share × weekly cost × 365/7)
    /// less the support the child gets at home instead (format 4's offset,
    /// 0 before) for `care_years` years.
    fn care_entries(&mut self) {
        if !self.includes(StreamKey::CareEntries) {
            return;
        }
        let entries = self.get(Field::CouncilEntriesToCare) * self.get(Field::TargetGroupShare);
        let reduction = self.get(Field::CareEntryReduction);
        let care_years = self.get(Field::CareYears);
        let mut weekly = 0.0;
        for (share, cost) in PLACEMENT_MIX {
            weekly += self.get(share) * self.get(cost);
        }
        let instead = self.get(Field::EdgeOfCareCostPerYear);
        let shape = StreamShape::CareEntries {
            entries_per_year: entries,
            annual_cost_gbp: weekly * WEEKS_PER_YEAR - instead,
            care_years,
        };
        self.push(StreamKey::CareEntries, reduction, shape);
    }

    /// Set-up, running costs (with staff lines), deadweight and optimism bias
    /// on benefits and on costs.
    ///
    /// Set-up and running costs are per team or hub: the service's units
    /// less those repurposed from provision already paid for (a format-1 or
    /// format-2 scenario has one unit and none repurposed, so `× 1`: the
    /// same bits).
    fn delivery(&mut self) {
        let setup = self.get(Field::SetupCost);
        let running = self.get(Field::RunningCost);
        let new_units = self.get(Field::ServiceUnits) - self.get(Field::RepurposedUnits);
        self.flows.setup_cost_gbp = new_units * setup;
        let running = new_units * running;
        let staff = self
            .inputs
            .staff
            .iter()
            .fold(-0.0, |sum, line| sum + line.fte * line.cost_per_fte_gbp);
        self.flows.running_cost_per_year_gbp = running + staff;
        self.flows.deadweight_fraction = self.get(Field::Deadweight);
        self.flows.optimism_bias_fraction = self.get(Field::OptimismBias);
        self.flows.cost_optimism_bias_fraction = self.get(Field::CostOptimismBias);
    }

    /// Picks each stream's cashable share, last: a format-1 scenario's are
    /// fixed, so its draws are as they were.
    fn finish(&mut self) {
        let spec = self.inputs.programme.spec();
        for i in 0..self.flows.len {
            let key = self.flows.streams[i].key;
            if let Some(stream) = spec.stream(key) {
                self.flows.streams[i].cashable_fraction = self.get(stream.cashable);
            }
        }
    }
}

/// Every ranged parameter of a programme, in registry order, with its estimate.
pub fn ranged_parameters(inputs: &ProgrammeInputs) -> Vec<(Field, Estimate)> {
    inputs
        .programme
        .spec()
        .params
        .iter()
        .filter(|p| p.shape == crate::registry::Shape::Ranged)
        .map(|p| (p.field, inputs.get(p.field)))
        .filter(|(_, e)| !e.is_fixed())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prices::PriceYear;
    use crate::scenario::StaffLine;

    /// A programme at its defaults with `set` fixed at round figures.
    fn inputs(programme: ProgrammeId, set: &[(Field, f64)]) -> ProgrammeInputs {
        let mut inputs = ProgrammeInputs::from_defaults(programme, PriceYear::starting(2024));
        for &(field, x) in set {
            inputs.set(field, Estimate::fixed(x));
        }
        inputs
    }

    fn yearly(f: &Flows, key: StreamKey) -> (f64, f64) {
        match f.stream(key).expect("the stream").shape {
            StreamShape::Yearly {
                gbp_per_unit_effect,
            } => (f.stream(key).unwrap().effect, gbp_per_unit_effect),
            other => panic!("{key:?} is {other:?}"),
        }
    }

    const CARE: [(Field, f64); 11] = [
        (Field::CouncilEntriesToCare, 100.0),
        (Field::TargetGroupShare, 0.5),
        (Field::CareEntryReduction, 0.1),
        (Field::CareYears, 2.0),
        (Field::ShareInHouseFoster, 0.5),
        (Field::InHouseFosterCostPerWeek, 700.0),
        (Field::ShareAgencyFoster, 0.25),
        (Field::AgencyFosterCostPerWeek, 1400.0),
        (Field::ShareResidential, 0.125),
        (Field::ResidentialCostPerWeek, 5600.0),
        (Field::EdgeOfCareCostPerYear, 1000.0),
    ];

    const DELIVERY: [(Field, f64); 7] = [
        (Field::SetupCost, 10_000.0),
        (Field::RunningCost, 20_000.0),
        (Field::ServiceUnits, 3.0),
        (Field::RepurposedUnits, 1.0),
        (Field::Deadweight, 0.2),
        (Field::OptimismBias, 0.1),
        (Field::CostOptimismBias, 0.05),
    ];

    fn with(programme: ProgrammeId, own: &[(Field, f64)]) -> ProgrammeInputs {
        let mut all: Vec<(Field, f64)> = CARE.into();
        all.extend(DELIVERY);
        all.push((Field::ShareKinshipOther, 0.125));
        all.push((Field::KinshipOtherCostPerWeek, 350.0));
        all.extend_from_slice(own);
        inputs(programme, &all)
    }

    fn check_care_and_delivery(f: &Flows) {
        let care = f.stream(StreamKey::CareEntries).expect("care entries");
        assert_eq!(care.effect, 0.1);
        // 0.5 × 700 + 0.25 × 1,400 + 0.125 × 5,600 + 0.125 × 350 = £1,443.75 a week.
        assert_eq!(
            care.shape,
            StreamShape::CareEntries {
                entries_per_year: 50.0,
                annual_cost_gbp: 1443.75 * WEEKS_PER_YEAR - 1000.0,
                care_years: 2.0,
            }
        );
        // Two new units of three (one repurposed).
        assert_eq!(f.setup_cost_gbp, 20_000.0);
        assert_eq!(f.running_cost_per_year_gbp, 40_000.0);
        assert_eq!(f.deadweight_fraction, 0.2);
        assert_eq!(f.optimism_bias_fraction, 0.1);
        assert_eq!(f.cost_optimism_bias_fraction, 0.05);
    }

    #[test]
    fn family_valued_by_hand() {
        let i = with(
            ProgrammeId::FamilyValued,
            &[
                (Field::FamiliesPerYear, 100.0),
                (Field::SavingPerFamily, 755.0),
                (Field::CostPerConference, 50.0),
                (Field::FamiliesAtPreProceedings, 40.0),
                (Field::ProceedingsRateWithout, 0.5),
                (Field::ProceedingsReduction, 0.25),
                (Field::CostPerProceedings, 1000.0),
                (Field::CourtLegalAidCostPerProceedings, 2000.0),
            ],
        );
        let f = flows(&i, &mut Central);
        assert_eq!(yearly(&f, StreamKey::FgcProcess), (755.0, 100.0));
        assert_eq!(f.volume_cost_per_year_gbp, 5000.0);
        assert_eq!(yearly(&f, StreamKey::CareProceedings), (0.25, 20_000.0));
        // The courts' stream is linear in its cost of a case.
        assert_eq!(yearly(&f, StreamKey::CourtsLegalAid), (2000.0, 5.0));
        check_care_and_delivery(&f);
        let keys: Vec<StreamKey> = f.streams().iter().map(|s| s.key).collect();
        let spec: Vec<StreamKey> = i.programme.spec().streams.iter().map(|s| s.key).collect();
        assert_eq!(keys.len(), spec.len());
        for s in f.streams() {
            let stream = i.programme.spec().stream(s.key).unwrap();
            assert_eq!(s.cashable_fraction, i.get(stream.cashable).value);
            assert_eq!((s.payer, s.effect_field), (stream.payer, stream.effect));
        }
    }

    #[test]
    fn family_safeguarding_by_hand() {
        let mut i = with(
            ProgrammeId::FamilySafeguarding,
            &[
                (Field::ChildrenOnCpPlans, 200.0),
                (Field::CpPlanReduction, 0.3),
                (Field::CostPerCpPlanYear, 5000.0),
                (Field::CinCaseWorkCostPerYear, 1000.0),
                (Field::FamiliesPerYear, 940.0),
                (Field::PoliceSavingPerFamily, 114.0),
                (Field::NhsSavingPerFamily, 213.0),
            ],
        );
        i.staff = vec![
            StaffLine {
                role: "Adult mental health worker".into(),
                fte: 2.0,
                cost_per_fte_gbp: 50_000.0,
            },
            StaffLine {
                role: "Domestic abuse worker".into(),
                fte: 0.5,
                cost_per_fte_gbp: 40_000.0,
            },
        ];
        let f = flows(&i, &mut Central);
        assert_eq!(yearly(&f, StreamKey::CpPlans), (0.3, 200.0 * 4000.0));
        assert_eq!(yearly(&f, StreamKey::Police), (114.0, 940.0));
        assert_eq!(yearly(&f, StreamKey::Nhs), (213.0, 940.0));
        let mut g = f.clone();
        g.running_cost_per_year_gbp = 40_000.0;
        check_care_and_delivery(&g);
        // The staff lines add to the running cost: 2 × 50,000 + 0.5 × 40,000.
        assert_eq!(f.running_cost_per_year_gbp, 40_000.0 + 120_000.0);
        // A stream left out is not counted, and its fields are not picked.
        i.excluded_streams = vec![StreamKey::Police, StreamKey::CareEntries];
        let f = flows(&i, &mut Central);
        assert!(
            f.stream(StreamKey::Police).is_none() && f.stream(StreamKey::CareEntries).is_none()
        );
        assert!(f.stream(StreamKey::Nhs).is_some());
    }

    #[test]
    fn no_wrong_door_by_hand() {
        let i = with(
            ProgrammeId::NoWrongDoor,
            &[
                (Field::YoungPeopleInResidential, 10.0),
                (Field::ResidentialTimeReduction, 0.45),
                (Field::ResidentialCostPerWeek, 5600.0),
                (Field::AlternativeCostPerWeek, 1400.0),
                (Field::YoungPeopleWorkedWith, 300.0),
                (Field::ArrestsPerYoungPerson, 0.5),
                (Field::ArrestReduction, 0.4),
                (Field::CostPerArrest, 2000.0),
                (Field::AeAttendancesPerYoungPerson, 2.0),
                (Field::AeAttendanceReduction, 0.5),
                (Field::CostPerAeAttendance, 200.0),
                (Field::MissingEpisodesPerYoungPerson, 3.0),
                (Field::MissingEpisodeReduction, 0.25),
                (Field::CostPerMissingInvestigation, 1000.0),
            ],
        );
        let f = flows(&i, &mut Central);
        assert_eq!(
            yearly(&f, StreamKey::ResidentialWeeks),
            (0.45, 10.0 * WEEKS_PER_YEAR * 4200.0)
        );
        assert_eq!(yearly(&f, StreamKey::Police), (0.4, 300.0 * 0.5 * 2000.0));
        assert_eq!(yearly(&f, StreamKey::Nhs), (0.5, 300.0 * 2.0 * 200.0));
        assert_eq!(
            yearly(&f, StreamKey::MissingEpisodes),
            (0.25, 300.0 * 3.0 * 1000.0)
        );
        // The care stream here prices residential at the hub's figure.
        let care = f.stream(StreamKey::CareEntries).unwrap();
        assert_eq!(care.effect, 0.1);
        assert_eq!(f.setup_cost_gbp, 20_000.0);
    }

    /// Counts the picks of each field.
    struct Counting(Vec<Field>);

    impl Pick for Counting {
        fn pick(&mut self, field: Field, estimate: Estimate) -> f64 {
            self.0.push(field);
            estimate.high
        }
    }

    #[test]
    fn a_weekly_cost_is_a_yearly_one_over_365_over_7_weeks() {
        assert!((WEEKS_PER_YEAR - 52.142_857).abs() < 1e-6);
    }

    #[test]
    fn flows_reused_are_the_flows_of_their_inputs() {
        let y24 = PriceYear::starting(2024);
        let mut picked = Picked::default();
        let mut staffed = ProgrammeInputs::from_defaults(ProgrammeId::FamilySafeguarding, y24);
        staffed.staff.push(StaffLine {
            role: "Psychologist".into(),
            fte: 1.0,
            cost_per_fte_gbp: 60_000.0,
        });
        let mut conferences = ProgrammeInputs::from_defaults(ProgrammeId::FamilyValued, y24);
        conferences.set(Field::CostPerConference, Estimate::fixed(50.0));
        conferences.grant_by_year_gbp = vec![1000.0];
        let inputs = [
            conferences,
            staffed,
            ProgrammeInputs::from_defaults(ProgrammeId::NoWrongDoor, y24),
            ProgrammeInputs::from_defaults(ProgrammeId::FamilyValued, y24),
        ];
        let mut out = Flows::empty(&inputs[2]);
        let mut seen = Vec::new();
        for i in &inputs {
            flows_into(i, &mut Central, &mut picked, &mut out);
            let fresh = flows(i, &mut Central);
            // The slots past the streams counted may hold an earlier draw's.
            assert_eq!(out.streams(), fresh.streams(), "{:?}", i.programme);
            let costs = |f: &Flows| {
                (
                    f.programme,
                    f.setup_cost_gbp,
                    f.running_cost_per_year_gbp,
                    f.volume_cost_per_year_gbp,
                )
            };
            assert_eq!(costs(&out), costs(&fresh));
            let rest = |f: &Flows| {
                (
                    f.grant_by_year_gbp.to_vec(),
                    f.ramp_up_fraction.to_vec(),
                    [
                        f.deadweight_fraction,
                        f.optimism_bias_fraction,
                        f.cost_optimism_bias_fraction,
                    ],
                )
            };
            assert_eq!(rest(&out), rest(&fresh));
            seen.push(out.clone());
        }
        // Family Valued's conferences are a volume cost No Wrong Door has not.
        assert!(seen[0].volume_cost_per_year_gbp > 0.0);
        assert_eq!(seen[2].volume_cost_per_year_gbp, 0.0);
    }

    #[test]
    fn each_field_is_picked_once_and_the_pick_is_used() {
        for id in ProgrammeId::ALL {
            let mut i = ProgrammeInputs::from_defaults(id, PriceYear::starting(2024));
            i.set(Field::FamiliesPerYear, Estimate::ranged(1.0, 2.0, 3.0));
            let mut counting = Counting(Vec::new());
            let f = flows(&i, &mut counting);
            let mut seen = counting.0.clone();
            seen.sort_by_key(|f| f.index());
            seen.dedup();
            assert_eq!(seen.len(), counting.0.len(), "{id:?} picked a field twice");
            if let Some(fgc) = f.stream(StreamKey::FgcProcess) {
                assert_eq!(
                    fgc.shape,
                    StreamShape::Yearly {
                        gbp_per_unit_effect: 3.0
                    }
                );
            }
        }
        let ranged = ranged_parameters(&ProgrammeInputs::from_defaults(
            ProgrammeId::FamilyValued,
            PriceYear::starting(2024),
        ));
        assert!(ranged.iter().all(|(_, e)| !e.is_fixed()) && !ranged.is_empty());
    }
}
