// The benchmark's Squiggle model (squiggle-model.mjs) is the engine's model:
// with every range closed to its value, Squiggle's council and public-sector
// net present values equal the engine's central figures, so the speed the
// benchmark compares is of the same arithmetic (each stream's saving comes
// from the engine's own terms, `streamFormulas`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as squiggle, defaultEnvironment } from '@quri/squiggle-lang';
import { ROOT } from './support.mjs';
import { familySafeguarding, squiggleModel } from './squiggle-model.mjs';

const pkg = (file) => join(ROOT, 'www', 'pkg', file);

test('the Squiggle model with its ranges closed gives the engine\'s central figures', async () => {
  const engine = await import(pkg('sfpc.js'));
  await engine.default({ module_or_path: readFileSync(pkg('sfpc_bg.wasm')) });
  const analysis = await import(pkg('sfpc_analysis.js'));
  await analysis.default({ module_or_path: readFileSync(pkg('sfpc_analysis_bg.wasm')) });
  const scenario = familySafeguarding(engine);
  const fs = scenario.programmes.family_safeguarding;
  for (const [key, value] of Object.entries(fs)) {
    if (value && typeof value === 'object' && 'low' in value) fs[key] = { value: value.value, low: value.value, high: value.value };
  }
  const formulas = analysis.streamFormulas('family_safeguarding');
  assert.deepEqual(formulas.map((f) => f.key), ['cp_plans', 'police', 'nhs']);
  const code = squiggleModel(scenario, formulas);
  assert.match(code, /full = cp_plan_reduction\*\(children_on_cp_plans\*\(cost_per_cp_plan_year_gbp-child_in_need_case_work_cost_per_year_gbp\)\)/);
  // Every figure fixed, the values are numbers, not distributions: read them
  // as they are rather than their means.
  const fixed = code.replace(/\[mean\(councilNpv\), mean\(publicNpv\)\]$/, '[councilNpv, publicNpv]');
  assert.notEqual(fixed, code);
  const out = await squiggle(fixed, { environment: { ...defaultEnvironment, sampleCount: 100 } });
  assert.ok(out.result.ok, String(out.result.value));
  const [council, pub] = JSON.parse(out.result.value.result.toString());
  const central = engine.evaluate(scenario).result().programmes.family_safeguarding;
  assert.ok(Math.abs(council - central.council_npv_gbp) < 1e-6 * Math.abs(central.council_npv_gbp), `${council} against ${central.council_npv_gbp}`);
  assert.ok(Math.abs(pub - central.public_npv_gbp) < 1e-6 * Math.abs(central.public_npv_gbp), `${pub} against ${central.public_npv_gbp}`);
});
