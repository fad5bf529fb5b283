// The benchmark's comparison model: Family Safeguarding's plans, police and
// NHS streams in Squiggle (@quri/squiggle-lang), each stream's saving its
// registry terms as the engine writes them (`analysis.streamFormulas`).
// bench.mjs times it; squiggle.test.mjs checks it is the engine's model.

/**
 * The Family Safeguarding-only default scenario, as the page would send it,
 * with the streams the Squiggle model has: plans, police and NHS (format 1's
 * model; children kept out of care is left out of both).
 */
export function familySafeguarding(page) {
  const s = page.defaultScenario();
  s.programmes.family_valued.enabled = false;
  s.programmes.no_wrong_door.enabled = false;
  s.programmes.family_safeguarding.excluded_streams = ['care_entries'];
  return s;
}

/**
 * The same model in Squiggle: each PERT as low + range × beta(α, β); each
 * stream's saving at full effect its registry terms as the engine writes
 * them (`analysis.streamFormulas`), so the model compared with is the
 * engine's own rather than a copy of it; and the engine's delivery: set-up
 * and running costs for each new unit, staff lines, optimism bias on costs
 * (which the hand-written model before 2026-12-05 left out: its mean was
 * £1.4m above the engine's), deadweight and optimism bias on benefits, the
 * ramp-up and the grant.
 */
export function squiggleModel(scenario, formulas) {
  const fs = scenario.programmes.family_safeguarding;
  const pert = (e) => (typeof e === 'number' || e.low === e.high ? String(typeof e === 'number' ? e : e.value)
    : `pert(${e.low}, ${e.value}, ${e.high})`);
  const years = scenario.appraisal.horizon_years;
  const rate = scenario.appraisal.discount_rate;
  const ramp = (t) => fs.ramp_up[Math.min(t, fs.ramp_up.length - 1)];
  const grant = (t) => fs.grant_by_year_gbp[t] ?? 0;
  const year = (t, partner) => `(${ramp(t)} * credited * (full${partner ? ' + partner' : ''}) - (${t === 0 ? 'setup + ' : ''}running) * costBias${partner ? '' : ` + ${grant(t)}`}) / ${(1 + rate) ** t}`;
  // The service's new units (teams less those repurposed) and its staff lines, as the engine's delivery.
  const units = `(${fs.service_units} - ${fs.repurposed_units})`;
  const staff = (fs.staff ?? []).reduce((sum, line) => sum + line.fte * line.cost_per_fte_gbp, 0);
  const sum = (partner) => Array.from({ length: years }, (_, t) => year(t, partner)).join(' + ');
  const streams = formulas.filter((f) => !(fs.excluded_streams ?? []).includes(f.key));
  const fields = [...new Set(streams.flatMap((f) => f.fields))];
  const total = (list) => list.map((f) => f.expression).join(' + ') || '0';
  return `pert(lo, mode, hi) = lo + (hi - lo) * beta(1 + 4 * (mode - lo) / (hi - lo), 1 + 4 * (hi - mode) / (hi - lo))
${fields.map((key) => `${key} = ${pert(fs[key])}`).join('\n')}
setup = ${units} * ${pert(fs.setup_cost_gbp)}
running = ${units} * ${pert(fs.running_cost_per_year_gbp)} + ${staff}
costBias = 1 + ${pert(fs.cost_optimism_bias)}
credited = (1 - ${pert(fs.deadweight)}) * (1 - ${pert(fs.optimism_bias)})
full = ${total(streams.filter((f) => f.council))}
partner = ${total(streams.filter((f) => !f.council))}
councilNpv = ${sum(false)}
publicNpv = ${sum(true)}
[mean(councilNpv), mean(publicNpv)]`;
}

