//! The three SFPC models, each reduced to the same yearly cash flows.
//!
//! Each model turns its own parameters into a [`Flows`]: the council's saving a
//! year at full effect, written as *headline effect × pounds per unit of effect*
//! (so that the break-even effect can be solved for), partner-agency savings,
//! and costs. [`crate::appraisal`] does the rest the same way for all three.
//!
//! Parameters are read through a `pick` function rather than directly, so that
//! the same code serves the central case (pick `value`), a tornado swing (pick
//! `low` or `high` for one parameter) and a Monte Carlo draw.

use crate::scenario::{Estimate, Implementation};

/// Days in a year over days in a week: turns a weekly placement cost into a
/// yearly one (52.14 weeks).
pub const WEEKS_PER_YEAR: f64 = 365.0 / 7.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProgrammeId {
    FamilyValued,
    FamilySafeguarding,
    NoWrongDoor,
}

impl ProgrammeId {
    pub const ALL: [ProgrammeId; 3] = [
        ProgrammeId::FamilyValued,
        ProgrammeId::FamilySafeguarding,
        ProgrammeId::NoWrongDoor,
    ];

    /// The key in scenario format 1 (`programmes.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            ProgrammeId::FamilyValued => "family_valued",
            ProgrammeId::FamilySafeguarding => "family_safeguarding",
            ProgrammeId::NoWrongDoor => "no_wrong_door",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ProgrammeId::FamilyValued => "Family Valued",
            ProgrammeId::FamilySafeguarding => "Family Safeguarding",
            ProgrammeId::NoWrongDoor => "No Wrong Door",
        }
    }

    /// The innovator council whose results the defaults start from.
    pub fn innovator(self) -> &'static str {
        match self {
            ProgrammeId::FamilyValued => "Leeds",
            ProgrammeId::FamilySafeguarding => "Hertfordshire",
            ProgrammeId::NoWrongDoor => "North Yorkshire",
        }
    }

    /// The parameter that carries the model's published effect, and the one
    /// the break-even analysis solves for.
    pub fn headline_effect(self) -> &'static str {
        match self {
            ProgrammeId::FamilyValued => "saving_per_family_gbp",
            ProgrammeId::FamilySafeguarding => "cp_plan_reduction",
            ProgrammeId::NoWrongDoor => "residential_time_reduction",
        }
    }
}

/// One programme's yearly cash flows before ramp-up, deadweight and discounting.
#[derive(Clone, Debug, PartialEq)]
pub struct Flows<'a> {
    /// The value of [`ProgrammeId::headline_effect`].
    pub headline_effect: f64,
    /// Council saving a year per unit of headline effect, at full effect.
    pub council_gbp_per_unit_effect: f64,
    /// Savings to police and NHS a year at full effect (not the council's).
    pub partner_benefit_per_year_gbp: f64,
    pub setup_cost_gbp: f64,
    pub running_cost_per_year_gbp: f64,
    /// Costs that grow with the programme's reach (Family Valued's
    /// conferences), at full ramp-up.
    pub volume_cost_per_year_gbp: f64,
    pub grant_by_year_gbp: &'a [f64],
    pub ramp_up_fraction: &'a [f64],
    pub deadweight_fraction: f64,
    pub optimism_bias_fraction: f64,
}

/// Chooses the number to use for a parameter, by its scenario-format key.
pub trait Pick {
    fn pick(&mut self, key: &'static str, estimate: Estimate) -> f64;
}

/// The central case: every parameter at its value.
pub struct Central;

impl Pick for Central {
    fn pick(&mut self, _key: &'static str, estimate: Estimate) -> f64 {
        estimate.value
    }
}

/// A model the appraisal can evaluate.
pub trait SavingsModel {
    fn id(&self) -> ProgrammeId;
    fn enabled(&self) -> bool;
    fn implementation(&self) -> &Implementation;
    /// The model's own parameters, as (scenario key, estimate), in form order.
    fn own_parameters(&self) -> Vec<(&'static str, Estimate)>;
    /// Every ranged parameter: the model's own, then the shared implementation ones.
    fn parameters(&self) -> Vec<(&'static str, Estimate)> {
        let mut all = self.own_parameters();
        all.extend(implementation_parameters(self.implementation()));
        all
    }
    /// The cash flows with each parameter chosen by `pick`.
    fn flows(&self, pick: &mut impl Pick) -> Flows<'_>;
}

/// The implementation parameters every model shares, as (key, estimate).
pub fn implementation_parameters(imp: &Implementation) -> [(&'static str, Estimate); 4] {
    [
        ("setup_cost_gbp", imp.setup_cost_gbp),
        ("running_cost_per_year_gbp", imp.running_cost_per_year_gbp),
        ("deadweight", imp.deadweight_fraction),
        ("optimism_bias", imp.optimism_bias_fraction),
    ]
}

/// Fills the shared part of [`Flows`]; the model supplies its own savings.
fn common_flows<'a>(
    imp: &'a Implementation,
    pick: &mut impl Pick,
    headline_effect: f64,
    council_gbp_per_unit_effect: f64,
) -> Flows<'a> {
    Flows {
        headline_effect,
        council_gbp_per_unit_effect,
        partner_benefit_per_year_gbp: 0.0,
        setup_cost_gbp: pick.pick("setup_cost_gbp", imp.setup_cost_gbp),
        running_cost_per_year_gbp: pick
            .pick("running_cost_per_year_gbp", imp.running_cost_per_year_gbp),
        volume_cost_per_year_gbp: 0.0,
        grant_by_year_gbp: &imp.grant_by_year_gbp,
        ramp_up_fraction: &imp.ramp_up_fraction,
        deadweight_fraction: pick.pick("deadweight", imp.deadweight_fraction),
        optimism_bias_fraction: pick.pick("optimism_bias", imp.optimism_bias_fraction),
    }
}

/// Family Valued (Leeds): restorative practice and family group conferences.
///
/// Saving a year = families holding an FGC × saving per family. The £755 saving
/// per family against business as usual is from the Leeds evaluation (Mason et
/// al., ICF for DfE, 2017), cited by the Innovation Unit. It is a net saving, so
/// the extra cost per conference defaults to 0; a council that enters a gross
/// saving enters the conference cost too.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyValued {
    pub enabled: bool,
    pub families_per_year: Estimate,
    pub saving_per_family_gbp: Estimate,
    pub cost_per_conference_gbp: Estimate,
    pub implementation: Implementation,
}

impl SavingsModel for FamilyValued {
    fn id(&self) -> ProgrammeId {
        ProgrammeId::FamilyValued
    }
    fn enabled(&self) -> bool {
        self.enabled
    }
    fn implementation(&self) -> &Implementation {
        &self.implementation
    }
    fn own_parameters(&self) -> Vec<(&'static str, Estimate)> {
        vec![
            ("families_per_year", self.families_per_year),
            ("saving_per_family_gbp", self.saving_per_family_gbp),
            ("cost_per_conference_gbp", self.cost_per_conference_gbp),
        ]
    }
    fn flows(&self, pick: &mut impl Pick) -> Flows<'_> {
        let families = pick.pick("families_per_year", self.families_per_year);
        let saving = pick.pick("saving_per_family_gbp", self.saving_per_family_gbp);
        let conference = pick.pick("cost_per_conference_gbp", self.cost_per_conference_gbp);
        Flows {
            volume_cost_per_year_gbp: families * conference,
            ..common_flows(&self.implementation, pick, saving, families)
        }
    }
}

/// Family Safeguarding (Hertfordshire): multidisciplinary teams with adult
/// specialists.
///
/// Saving a year = children on child protection plans × reduction × cost of a
/// child's plan for a year. The 60% reduction is the Innovation Unit's figure;
/// the first evaluation (Forrester et al. 2017) found 30%. Police and NHS
/// savings per family worked with (£114 and £213) are derived from the same
/// evaluation's first-year totals over its 940 families; they are public-sector
/// benefits outside the council.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilySafeguarding {
    pub enabled: bool,
    pub children_on_cp_plans: Estimate,
    pub cp_plan_reduction: Estimate,
    pub cost_per_cp_plan_year_gbp: Estimate,
    pub families_per_year: Estimate,
    pub police_saving_per_family_gbp: Estimate,
    pub nhs_saving_per_family_gbp: Estimate,
    pub implementation: Implementation,
}

impl SavingsModel for FamilySafeguarding {
    fn id(&self) -> ProgrammeId {
        ProgrammeId::FamilySafeguarding
    }
    fn enabled(&self) -> bool {
        self.enabled
    }
    fn implementation(&self) -> &Implementation {
        &self.implementation
    }
    fn own_parameters(&self) -> Vec<(&'static str, Estimate)> {
        vec![
            ("children_on_cp_plans", self.children_on_cp_plans),
            ("cp_plan_reduction", self.cp_plan_reduction),
            ("cost_per_cp_plan_year_gbp", self.cost_per_cp_plan_year_gbp),
            ("families_per_year", self.families_per_year),
            (
                "police_saving_per_family_gbp",
                self.police_saving_per_family_gbp,
            ),
            ("nhs_saving_per_family_gbp", self.nhs_saving_per_family_gbp),
        ]
    }
    fn flows(&self, pick: &mut impl Pick) -> Flows<'_> {
        let children = pick.pick("children_on_cp_plans", self.children_on_cp_plans);
        let reduction = pick.pick("cp_plan_reduction", self.cp_plan_reduction);
        let plan_cost = pick.pick("cost_per_cp_plan_year_gbp", self.cost_per_cp_plan_year_gbp);
        let families = pick.pick("families_per_year", self.families_per_year);
        let police = pick.pick(
            "police_saving_per_family_gbp",
            self.police_saving_per_family_gbp,
        );
        let nhs = pick.pick("nhs_saving_per_family_gbp", self.nhs_saving_per_family_gbp);
        Flows {
            partner_benefit_per_year_gbp: families * (police + nhs),
            ..common_flows(&self.implementation, pick, reduction, children * plan_cost)
        }
    }
}

/// No Wrong Door (North Yorkshire): a residential hub and outreach for
/// adolescents.
///
/// Saving a year = young people in residential care × 365/7 weeks × reduction in
/// time in residential placements × (weekly residential cost − weekly cost of the
/// placement that replaces it). The 45% is the Innovation Unit's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct NoWrongDoor {
    pub enabled: bool,
    pub young_people_in_residential: Estimate,
    pub residential_time_reduction: Estimate,
    pub residential_cost_per_week_gbp: Estimate,
    pub alternative_cost_per_week_gbp: Estimate,
    pub implementation: Implementation,
}

impl SavingsModel for NoWrongDoor {
    fn id(&self) -> ProgrammeId {
        ProgrammeId::NoWrongDoor
    }
    fn enabled(&self) -> bool {
        self.enabled
    }
    fn implementation(&self) -> &Implementation {
        &self.implementation
    }
    fn own_parameters(&self) -> Vec<(&'static str, Estimate)> {
        vec![
            (
                "young_people_in_residential",
                self.young_people_in_residential,
            ),
            (
                "residential_time_reduction",
                self.residential_time_reduction,
            ),
            (
                "residential_cost_per_week_gbp",
                self.residential_cost_per_week_gbp,
            ),
            (
                "alternative_cost_per_week_gbp",
                self.alternative_cost_per_week_gbp,
            ),
        ]
    }
    fn flows(&self, pick: &mut impl Pick) -> Flows<'_> {
        let young = pick.pick(
            "young_people_in_residential",
            self.young_people_in_residential,
        );
        let reduction = pick.pick(
            "residential_time_reduction",
            self.residential_time_reduction,
        );
        let residential = pick.pick(
            "residential_cost_per_week_gbp",
            self.residential_cost_per_week_gbp,
        );
        let alternative = pick.pick(
            "alternative_cost_per_week_gbp",
            self.alternative_cost_per_week_gbp,
        );
        let gbp_per_unit = young * WEEKS_PER_YEAR * (residential - alternative);
        common_flows(&self.implementation, pick, reduction, gbp_per_unit)
    }
}

/// Any one of the three models, for code that handles them alike.
#[derive(Clone, Copy, Debug)]
pub enum Model<'a> {
    FamilyValued(&'a FamilyValued),
    FamilySafeguarding(&'a FamilySafeguarding),
    NoWrongDoor(&'a NoWrongDoor),
}

impl SavingsModel for Model<'_> {
    fn id(&self) -> ProgrammeId {
        match self {
            Model::FamilyValued(m) => m.id(),
            Model::FamilySafeguarding(m) => m.id(),
            Model::NoWrongDoor(m) => m.id(),
        }
    }
    fn enabled(&self) -> bool {
        match self {
            Model::FamilyValued(m) => m.enabled,
            Model::FamilySafeguarding(m) => m.enabled,
            Model::NoWrongDoor(m) => m.enabled,
        }
    }
    fn implementation(&self) -> &Implementation {
        match self {
            Model::FamilyValued(m) => &m.implementation,
            Model::FamilySafeguarding(m) => &m.implementation,
            Model::NoWrongDoor(m) => &m.implementation,
        }
    }
    fn own_parameters(&self) -> Vec<(&'static str, Estimate)> {
        match self {
            Model::FamilyValued(m) => m.own_parameters(),
            Model::FamilySafeguarding(m) => m.own_parameters(),
            Model::NoWrongDoor(m) => m.own_parameters(),
        }
    }
    fn flows(&self, pick: &mut impl Pick) -> Flows<'_> {
        match self {
            Model::FamilyValued(m) => m.flows(pick),
            Model::FamilySafeguarding(m) => m.flows(pick),
            Model::NoWrongDoor(m) => m.flows(pick),
        }
    }
}

impl crate::scenario::Programmes {
    /// Every programme present, in the order of [`ProgrammeId::ALL`].
    pub fn all(&self) -> impl Iterator<Item = Model<'_>> {
        let fv = self.family_valued.as_ref().map(Model::FamilyValued);
        let fs = self
            .family_safeguarding
            .as_ref()
            .map(Model::FamilySafeguarding);
        let nwd = self.no_wrong_door.as_ref().map(Model::NoWrongDoor);
        [fv, fs, nwd].into_iter().flatten()
    }

    /// The programmes to appraise.
    pub fn enabled(&self) -> impl Iterator<Item = Model<'_>> {
        self.all().filter(|m| m.enabled())
    }
}
