// Generated from the engine's structs (src/display/typescript.rs): do not edit.
// SFPC_WRITE_TYPES=1 cargo test -p sfpc-display writes it afresh.

/**
 * One problem with the input: where, and what is wrong.
 */
export type InputError = { 
/**
 * JSON path of the offending field, `scenario` for the whole document.
 */
path: string, 
/**
 * Lowercase, no full stop; says what was expected and what was got.
 */
message: string, };

/**
 * A table of display text, which the page writes into an HTML table as
 * text: its caption, headings and cells all come from here, so the page and
 * the command say the same (issue 15).
 */
export type TextTable = { caption: string, headings: Array<string>, rows: Array<Array<string>>, };

/**
 * One headline measure: its name, its figure rounded for display, and a
 * plain-English reading.
 */
export type Headline = { 
/**
 * Stable key for the page: `council_npv`, `council_cashable_npv`,
 * `public_npv`, `bcr`, `council_roi`, `payback`, `break_even`.
 */
key: string, label: string, figure: string, reading: string, };

/**
 * A group of the form in words: its total, and what else a reader needs
 * beside it (a stream's break-even, or that it is someone else's saving).
 */
export type GroupReading = { 
/**
 * The registry's group key: a stream's key, `cost_of_care` or `delivery`.
 */
key: string, label: string, 
/**
 * "£1,234,567 over 5 years, discounted (90% cashable)", or why nothing.
 */
total: string, note: string, };

/**
 * Text summaries of a programme's charts, for readers who cannot see them.
 */
export type ChartSummaries = { yearly_flows: string, cumulative_net: string, who_benefits: string, };

/**
 * The titles of a programme's charts (1, 2 and 8), each with its name.
 */
export type ChartTitles = { yearly_flows: string, cumulative_net: string, who_benefits: string, };

/**
 * One reading of the verdict: counting the grant, or leaving it out.
 */
export type Verdict = { 
/**
 * `with_grant` or `without_grant`.
 */
key: string, 
/**
 * The council's net present value on this reading, compact: "£3.1m".
 */
figure: string, 
/**
 * The sentence to quote.
 */
sentence: string, 
/**
 * What it depends on: "Counts the DfE grant (£1,200,000 in today's money); over 5 years".
 */
basis: string, 
/**
 * The label of the button that shows the other reading, if there is one.
 */
switch_label: string | null, };

/**
 * The verdicts of a programme (with the grant first; without it only where
 * there is a grant), and the appraisal period to offer instead.
 */
export type Verdicts = { readings: Array<Verdict>, 
/**
 * The other period a click switches to, and its button's label.
 */
other_horizon_years: number, other_horizon_label: string, };

/**
 * A figure's grade in words, for the page, the print and the results.
 */
export type FigureGrade = { path: string, 
/**
 * `measured`, `reported`, `assumed` or `yours`.
 */
grade: string, 
/**
 * "measured: randomised trial", "reported", "your figure".
 */
text: string, };

/**
 * Text summaries of the uncertainty charts, for readers who cannot see them.
 */
export type UncertaintySummaries = { fan: string, histogram: string, tornado: string, break_even: string, };

/**
 * A figure with its heading and what it means (the page's headline
 * cards' shape).
 */
export type Card = { key: string, label: string, figure: string, reading: string, };

/**
 * The choice from the draws alone, in words.
 */
export type DecisionWords = { cards: Array<Card>, verdict: string, acceptability_summary: string, acceptability_table: TextTable, payback_table: TextTable, };

/**
 * What is worth knowing, in words.
 */
export type ValueWords = { waiting: string, waiting_assumptions: string, evppi_summary: string, evppi_table: TextTable, };

/**
 * One figure of a set, as the page lists it.
 */
export type SetFigureText = { 
/**
 * The field's scenario path.
 */
path: string, label: string, figure: string, why: string, };

/**
 * A set for one programme: its name, description and figures.
 */
export type SetText = { key: string, label: string, description: string, figures: Array<SetFigureText>, };

/**
 * A note beside one field of the form.
 */
export type FieldNote = { 
/**
 * The field's scenario path.
 */
path: string, 
/**
 * "The council's own", "Derived", "The council's unit cost", "National".
 */
kind: string, text: string, 
/**
 * A plain warning: the figure makes its stream save nothing, or the
 * statistics could not give it.
 */
warning: boolean, };

/**
 * A council's figures in words: a summary, and a note for each field.
 */
export type CouncilReading = { summary: string, notes: Array<FieldNote>, warnings: Array<string>, };

/**
 * One row of the every-council table: display text, and what each column
 * sorts by (a number, or the text; `null` sorts last).
 */
export type CouncilRow = { code: string, programme: string, cells: Array<string>, sort: (number | string | null)[], 
/**
 * Each figure's kind, by field label: "Children on plans: the council's own".
 */
kinds: Array<string>, };
