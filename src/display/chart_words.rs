//! The pages' charts by id, with the words each is shown with: its heading
//! and its data table's caption. Declared once: the page names each chart
//! figure not yet named from this list (`chartWords`, in the analysis
//! module; chart-view.js), so no script writes a chart's words. The first
//! view words its own: a programme's headings (`chart_titles`, from these),
//! the comparison's, and the engine's tables their captions.

/// A chart: `id` names its figure's elements (`{id}-chart`, `{id}-table`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartWords {
    pub id: &'static str,
    pub title: &'static str,
    pub caption: &'static str,
}

const fn words(id: &'static str, title: &'static str, caption: &'static str) -> ChartWords {
    ChartWords { id, title, caption }
}

pub const FLOWS: ChartWords = words(
    "flows",
    "Costs, grant and savings by year",
    "Costs, grant and savings by year",
);
pub const CUMULATIVE: ChartWords = words(
    "cumulative",
    "The council's cumulative net position",
    "Cumulative council net position at the end of each year",
);
pub const WHO: ChartWords = words(
    "who",
    "Who benefits",
    "Discounted savings by who receives them",
);
pub const COMPARISON: ChartWords = words(
    "comparison",
    "The three models side by side",
    "Headline results for each model",
);

/// Every chart of the calculator, in page order. (Each is a constant of
/// its own so that the first view, which words only the four above, links
/// only their words.)
pub const CHARTS: [ChartWords; 10] = [
    FLOWS,
    CUMULATIVE,
    WHO,
    words(
        "fan",
        "The range of the council's cumulative net position",
        "Cumulative council net position across simulated futures",
    ),
    words(
        "histogram",
        "How the council's net present value is spread",
        "Simulated futures by council net present value",
    ),
    words(
        "tornado",
        "Which figures matter most",
        "Council net present value with each figure at its low and its high",
    ),
    words(
        "evppi",
        "What is worth knowing before deciding",
        "What knowing each figure before deciding is worth",
    ),
    words(
        "acceptability",
        "The chance of clearing each amount",
        "Chance the council's net present value is above each amount",
    ),
    COMPARISON,
    words(
        "scenarios",
        "Cumulative council net position in each saved scenario",
        "Saved scenarios, and each one's difference from A",
    ),
];

/// A chart's heading for one programme: "Family Valued: who benefits".
/// (Its first letter lowered as ASCII: Unicode's case tables would add 8 KB
/// to the first view, and every heading starts with an ASCII letter.)
pub fn programme_title(name: &str, chart: &ChartWords) -> String {
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
