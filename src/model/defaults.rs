//! The default scenario and the registry's parameters in form order: what
//! every layer above starts from (the form, the defaults table, the
//! reproductions of published results), with no knowledge of any format.

use crate::registry::{DefaultValue, ParamSpec, ProgrammeId, APPRAISAL_PARAMS, DEFAULT_PRICE_YEAR};
use crate::scenario::{AppraisalSettings, PriceYear, ProgrammeInputs, Scenario};

/// The name the default scenario carries, so no one mistakes it for a real council.
pub const EXAMPLE_COUNCIL: &str = "Example council (assumed caseloads and costs)";

/// Every parameter with its programme (`None` for the appraisal settings),
/// in form order: the appraisal settings, then each programme's table.
pub fn all_params() -> impl Iterator<Item = (Option<ProgrammeId>, &'static ParamSpec)> {
    let settings = APPRAISAL_PARAMS.iter().map(|p| (None, p));
    let programmes = ProgrammeId::ALL
        .into_iter()
        .flat_map(|id| id.spec().params.iter().map(move |p| (Some(id), p)));
    settings.chain(programmes)
}

/// The JSON path of a parameter: `appraisal.discount_rate`,
/// `programmes.no_wrong_door.residential_time_reduction`.
pub fn path_of(programme: Option<ProgrammeId>, spec: &ParamSpec) -> String {
    match programme {
        None => format!("appraisal.{}", spec.field.key()),
        Some(id) => format!("programmes.{}.{}", id.key(), spec.field.key()),
    }
}

/// The row for a scenario path, if the registry has one.
pub fn default_for(path: &str) -> Option<&'static ParamSpec> {
    all_params()
        .find(|(programme, spec)| path_of(*programme, spec) == path)
        .map(|(_, spec)| spec)
}

/// The default scenario's price year.
pub fn default_price_year() -> PriceYear {
    PriceYear::parse(DEFAULT_PRICE_YEAR).unwrap_or(PriceYear::starting(2024))
}

/// The default scenario in `price_year`'s prices: all three programmes at
/// their registry defaults, restated, for the example council.
pub fn default_scenario_in(price_year: PriceYear) -> Scenario {
    let setting = |i: usize| match APPRAISAL_PARAMS[i].default {
        DefaultValue::Number(e) => e.value,
        DefaultValue::List(_) => 0.0,
    };
    Scenario {
        council: EXAMPLE_COUNCIL.into(),
        council_code: None,
        statistics_release: None,
        price_year,
        appraisal: AppraisalSettings {
            horizon_years: setting(0) as u32,
            discount_rate: setting(1),
            conventions: crate::scenario::Conventions::GreenBook,
        },
        programmes: ProgrammeId::ALL
            .map(|id| ProgrammeInputs::from_defaults(id, price_year))
            .into(),
        council_figures: Vec::new(),
        defaulted: Vec::new(),
    }
}

/// The default scenario, in the default price year.
pub fn default_scenario_model() -> Scenario {
    default_scenario_in(default_price_year())
}
