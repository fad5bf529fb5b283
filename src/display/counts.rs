//! Sentences about a count that the pages write, worded here so that no
//! script writes a plural: "1 council matches.", "3 councils match.".

/// A count and its noun, the noun plural (by `plural`) unless the count is 1:
/// "1 problem", "3 problems".
fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// The note under the price year when a new year restates the untouched
/// defaults: "12 default figures restated from 2024-25 into 2016-17 prices."
pub fn restated_defaults_note(count: usize, from_year: &str, to_year: &str) -> String {
    let figures = counted(count, "default figure", "default figures");
    format!("{figures} restated from {from_year} into {to_year} prices.")
}

/// What the page's live region says while the figures have errors: "1
/// problem with the figures; results not updated."
pub fn figure_problems(count: usize) -> String {
    let problems = counted(count, "problem", "problems");
    format!("{problems} with the figures; results not updated.")
}

/// The council picker's count of councils matching what was typed.
pub fn councils_matching(count: usize) -> String {
    let verb = if count == 1 { "matches" } else { "match" };
    format!("{} {verb}.", counted(count, "council", "councils"))
}

/// The every-council page's count of what its filters show: "Showing 15 of
/// 153 councils (45 rows: one a council and model)."
pub fn councils_shown(councils: usize, all: usize, rows: usize) -> String {
    let rows = counted(rows, "row", "rows");
    format!("Showing {councils} of {all} councils ({rows}: one a council and model).")
}

/// Saved scenarios the browser kept but this version cannot read.
pub fn unreadable_saved(count: usize) -> String {
    let (scenarios, they) = match count {
        1 => ("1 saved scenario".to_owned(), "it is"),
        n => (format!("{n} saved scenarios"), "they are"),
    };
    format!("{scenarios} could not be read, so {they} not shown.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(
            figure_problems(1),
            "1 problem with the figures; results not updated."
        );
        assert_eq!(
            figure_problems(2),
            "2 problems with the figures; results not updated."
        );
        assert_eq!(councils_matching(1), "1 council matches.");
        assert_eq!(councils_matching(0), "0 councils match.");
        assert_eq!(councils_matching(153), "153 councils match.");
        assert_eq!(
            councils_shown(15, 153, 1),
            "Showing 15 of 153 councils (1 row: one a council and model)."
        );
        assert_eq!(
            restated_defaults_note(1, "2024-25", "2016-17"),
            "1 default figure restated from 2024-25 into 2016-17 prices."
        );
        assert_eq!(
            unreadable_saved(1),
            "1 saved scenario could not be read, so it is not shown."
        );
        assert_eq!(
            unreadable_saved(3),
            "3 saved scenarios could not be read, so they are not shown."
        );
    }
}
