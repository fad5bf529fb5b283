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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parameters_in_form_order_with_their_paths() {
        let all: Vec<_> = all_params().collect();
        assert_eq!(
            all.len(),
            APPRAISAL_PARAMS.len()
                + ProgrammeId::ALL
                    .iter()
                    .map(|id| id.spec().params.len())
                    .sum::<usize>()
        );
        assert!(all[..APPRAISAL_PARAMS.len()]
            .iter()
            .all(|(p, _)| p.is_none()));
        assert_eq!(all[APPRAISAL_PARAMS.len()].0, Some(ProgrammeId::ALL[0]));
        let rate = APPRAISAL_PARAMS[1];
        assert_eq!(
            path_of(None, &rate),
            format!("appraisal.{}", rate.field.key())
        );
        let (id, spec) = (
            ProgrammeId::NoWrongDoor,
            &ProgrammeId::NoWrongDoor.spec().params[0],
        );
        let path = path_of(Some(id), spec);
        assert_eq!(
            path,
            format!("programmes.no_wrong_door.{}", spec.field.key())
        );
        assert_eq!(default_for(&path).map(|p| p.field), Some(spec.field));
        assert!(default_for("programmes.no_wrong_door.nothing").is_none());
    }

    #[test]
    fn the_default_scenario() {
        assert_eq!(default_price_year().to_string(), DEFAULT_PRICE_YEAR);
        let s = default_scenario_in(PriceYear::starting(2016));
        assert_eq!(s.council, EXAMPLE_COUNCIL);
        assert_eq!(s.price_year, PriceYear::starting(2016));
        assert!(s.council_code.is_none() && s.council_figures.is_empty());
        let ids: Vec<ProgrammeId> = s.programmes.iter().map(|p| p.programme).collect();
        assert_eq!(ids, ProgrammeId::ALL);
        assert_eq!(
            s.appraisal.conventions,
            crate::scenario::Conventions::GreenBook
        );
        let number = |i: usize| match APPRAISAL_PARAMS[i].default {
            DefaultValue::Number(e) => e.value,
            DefaultValue::List(_) => f64::NAN,
        };
        assert_eq!(f64::from(s.appraisal.horizon_years), number(0));
        assert_eq!(s.appraisal.discount_rate, number(1));
        assert_eq!(s.appraisal.discount_rate, 0.035);
        assert_eq!(
            default_scenario_model(),
            default_scenario_in(default_price_year())
        );
    }
}
