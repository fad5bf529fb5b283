//! The pages' charts by id: the words each is shown with (its heading and
//! its data table's caption) and what it is drawn from. Declared once: the
//! page names each chart figure not yet named from this list (`charts`, in
//! the analysis module) and draws each chart from its source
//! (chart-view.js), so no script lists the charts or writes their words.
//! The first view draws the four drawn from the appraisals (its own
//! `charts`) and words them: a programme's headings (`chart_titles`, from
//! these), the comparison's, and the engine's tables their captions.

/// What a chart is drawn from. The page holds each (its `state`) and hands
/// it to the module that draws charts from it: the first view's
/// `drawChart` the appraisals, the analysis module's `drawSimulationChart`
/// the simulation's and `drawScenarioComparison` the saved scenarios'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartSource {
    /// The appraisal of the model in view (the first view's `Report`).
    Appraisal,
    /// Every model's appraisal side by side (the same `Report`).
    Appraisals,
    /// The simulation of the model in view (`UncertaintyReport`).
    Simulation,
    /// The model in view's value of information, once worked out (the same
    /// `UncertaintyReport`).
    ValueOfInformation,
    /// The saved scenarios (`ScenarioComparison`).
    SavedScenarios,
}

impl ChartSource {
    /// The source's name for the page.
    pub const fn key(self) -> &'static str {
        match self {
            ChartSource::Appraisal => "appraisal",
            ChartSource::Appraisals => "appraisals",
            ChartSource::Simulation => "simulation",
            ChartSource::ValueOfInformation => "value_of_information",
            ChartSource::SavedScenarios => "saved_scenarios",
        }
    }
}

/// A chart: `id` names its figure's elements (`{id}-chart`, `{id}-table`);
/// its words; what it is drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartSpec {
    pub id: &'static str,
    pub title: &'static str,
    pub caption: &'static str,
    pub source: ChartSource,
}

const fn chart(
    id: &'static str,
    source: ChartSource,
    title: &'static str,
    caption: &'static str,
) -> ChartSpec {
    ChartSpec {
        id,
        title,
        caption,
        source,
    }
}

pub const FLOWS: ChartSpec = chart(
    "flows",
    ChartSource::Appraisal,
    "Costs, grant and savings by year",
    "Costs, grant and savings by year",
);
pub const CUMULATIVE: ChartSpec = chart(
    "cumulative",
    ChartSource::Appraisal,
    "The council's cumulative net position",
    "Cumulative council net position at the end of each year",
);
pub const WHO: ChartSpec = chart(
    "who",
    ChartSource::Appraisal,
    "Who benefits",
    "Discounted savings by who receives them",
);
pub const COMPARISON: ChartSpec = chart(
    "comparison",
    ChartSource::Appraisals,
    "The three models side by side",
    "Headline results for each model",
);

pub const FAN: ChartSpec = chart(
    "fan",
    ChartSource::Simulation,
    "The range of the council's cumulative net position",
    "Cumulative council net position across simulated futures",
);
pub const HISTOGRAM: ChartSpec = chart(
    "histogram",
    ChartSource::Simulation,
    "How the council's net present value is spread",
    "Simulated futures by council net present value",
);
pub const TORNADO: ChartSpec = chart(
    "tornado",
    ChartSource::Simulation,
    "Which figures matter most",
    "Council net present value with each figure at its low and its high",
);
pub const EVPPI: ChartSpec = chart(
    "evppi",
    ChartSource::ValueOfInformation,
    "What is worth knowing before deciding",
    "What knowing each figure before deciding is worth",
);
pub const ACCEPTABILITY: ChartSpec = chart(
    "acceptability",
    ChartSource::Simulation,
    "The chance of clearing each amount",
    "Chance the council's net present value is above each amount",
);
pub const SCENARIOS: ChartSpec = chart(
    "scenarios",
    ChartSource::SavedScenarios,
    "Cumulative council net position in each saved scenario",
    "Saved scenarios, and each one's difference from A",
);

/// Every chart of the calculator, in page order. (Each is a constant of
/// its own so that the first view, which words and draws only the four
/// drawn from the appraisals, links only theirs.)
pub const CHARTS: [ChartSpec; 10] = [
    FLOWS,
    CUMULATIVE,
    WHO,
    FAN,
    HISTOGRAM,
    TORNADO,
    EVPPI,
    ACCEPTABILITY,
    COMPARISON,
    SCENARIOS,
];

/// A chart's heading for one programme: "Family Valued: who benefits".
/// (Its first letter lowered as ASCII: Unicode's case tables would add 8 KB
/// to the first view, and every heading starts with an ASCII letter.)
pub fn programme_title(name: &str, chart: &ChartSpec) -> String {
    let mut title = format!("{name}: {}", chart.title);
    let first = name.len() + 2;
    if let Some(letter) = title.get_mut(first..first + 1) {
        letter.make_ascii_lowercase();
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_chart_is_listed_once_with_its_words() {
        let mut ids: Vec<&str> = CHARTS.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CHARTS.len());
        assert!(CHARTS
            .iter()
            .all(|c| c.title.starts_with(|ch: char| ch.is_ascii_uppercase())
                && !c.caption.is_empty()));
        assert_eq!(
            programme_title("No Wrong Door", &WHO),
            "No Wrong Door: who benefits"
        );
    }
}
