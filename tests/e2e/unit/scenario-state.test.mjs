// Unit tests of the calculator's state and the scenario it stands for
// (www/scenario-state.js) with the real engine (www/pkg/sfpc.js, built by
// scripts/build-web.sh), under node: no browser.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, * as engine from '../../../www/pkg/sfpc.js';
import initAnalysis, * as analysis from '../../../www/pkg/sfpc_analysis.js';
import {
  createState, resetTexts, buildScenario, changeStaffLines, staffPath, viewFrom, simulationScenario, valueFor, COMPARE,
} from '../../../www/scenario-state.js';
import { parseFigure } from '../../../www/scenario-text.js';
import { fieldReading } from '../../../www/field-readings.js';

let state;
before(async () => {
  await init({ module_or_path: readFileSync(new URL('../../../www/pkg/sfpc_bg.wasm', import.meta.url)) });
  await initAnalysis({ module_or_path: readFileSync(new URL('../../../www/pkg/sfpc_analysis_bg.wasm', import.meta.url)) });
});

function fresh() {
  state = createState();
  state.base = engine.defaultScenario();
  state.table = engine.defaultsTable();
  state.simDefaults = engine.simulationDefaults();
  resetTexts(state);
  return state;
}

test('the defaults typed back give the default scenario, as the engine reads it', () => {
  fresh();
  const built = buildScenario(state);
  assert.deepEqual(engine.normaliseScenario(built), engine.normaliseScenario(state.base));
  assert.equal(state.text.get('simulation.draws'), String(state.simDefaults.draws));
});

test('typed money and percentages reach the scenario as numbers; blank ends follow the value', () => {
  fresh();
  const path = 'programmes.family_valued.saving_per_family_gbp';
  state.text.set(path, '£1,200');
  state.text.set(`${path}.low`, '');
  state.text.set(`${path}.high`, '');
  assert.equal(valueFor(state, path), 1200);
  state.text.set(`${path}.high`, '1,500');
  assert.deepEqual(valueFor(state, path), { value: 1200, low: 1200, high: 1500 });
  state.text.set('appraisal.discount_rate', '3.5%');
  assert.equal(buildScenario(state).appraisal.discount_rate, 0.035);
});

test('a bad text reaches the engine as typed, and its error names the field', () => {
  fresh();
  state.text.set('programmes.family_valued.families_per_year', 'lots');
  assert.throws(() => engine.evaluate(buildScenario(state)), (errors) => Array.isArray(errors)
    && errors.some((e) => e.path.startsWith('programmes.family_valued.families_per_year')));
});

test('staff lines are added and removed with the texts below moved up', () => {
  fresh();
  const key = 'no_wrong_door';
  assert.equal(changeStaffLines(state, key), 0);
  assert.equal(changeStaffLines(state, key), 1);
  state.text.set(staffPath(key, 0, 'role'), 'Hub lead');
  state.text.set(staffPath(key, 1, 'role'), 'Outreach worker');
  state.text.set(staffPath(key, 1, 'fte'), '2');
  assert.equal(changeStaffLines(state, key, 0), 0);
  assert.deepEqual(buildScenario(state).programmes[key].staff, [{ role: 'Outreach worker', fte: 2, cost_per_fte_gbp: 0 }]);
  assert.equal(changeStaffLines(state, key, 0), -1);
  assert.equal(state.text.has(staffPath(key, 0, 'role')), false);
});

test('views from attributes and keys; the simulated scenario holds the model in view only', () => {
  fresh();
  assert.equal(viewFrom(state, 'No-Wrong-Door'), 'no_wrong_door');
  assert.equal(viewFrom(state, 'compare'), COMPARE);
  assert.equal(viewFrom(state, 'leeds'), null);
  state.view = 'family_safeguarding';
  const simulated = simulationScenario(state, buildScenario(state));
  assert.deepEqual(Object.entries(simulated.programmes).filter(([, p]) => p.enabled).map(([k]) => k), ['family_safeguarding']);
  assert.ok(Object.values(buildScenario(state).programmes).every((p) => p.enabled));
});

test('a value typed outside its range widens the range and says so; the range as typed is kept', () => {
  fresh();
  const path = 'programmes.family_valued.saving_per_family_gbp';
  state.text.set(`${path}.low`, '500');
  state.text.set(`${path}.high`, '960');
  state.text.set(path, '2000');
  state.typed.add(path);
  assert.deepEqual(valueFor(state, path), { value: 2000, low: 500, high: 2000 });
  assert.equal(fieldReading(state, path, analysis), 'Outside the range you had, so the range now runs from £500 to £2,000 for the uncertainty analysis.');
  assert.doesNotThrow(() => engine.evaluate(buildScenario(state)));
  state.text.set(path, '100');
  assert.deepEqual(valueFor(state, path), { value: 100, low: 100, high: 960 });
  state.text.set(path, '700');
  assert.deepEqual(valueFor(state, path), { value: 700, low: 500, high: 960 });
  assert.equal(fieldReading(state, path, analysis), '');
  assert.equal(state.text.get(`${path}.high`), '960');
});

test('a bare number above 1 in a fraction field is a percentage, and the page says how it read it', () => {
  fresh();
  const path = 'appraisal.discount_rate';
  state.text.set(path, '3.5');
  state.typed.add(path);
  assert.equal(buildScenario(state).appraisal.discount_rate, 0.035);
  assert.equal(fieldReading(state, path, analysis), 'Read as 3.5%.');
  state.text.set(path, '3.5%');
  assert.equal(fieldReading(state, path, analysis), '');
  const ramp = 'programmes.family_valued.ramp_up';
  state.text.set(ramp, '50,100');
  state.typed.add(ramp);
  assert.deepEqual(valueFor(state, ramp), [0.5, 1]);
  assert.equal(fieldReading(state, ramp, analysis), 'Read as 2 figures: 50%; 100%.');
});

test('a fraction shown by the engine as a percentage reads back as the same figure', () => {
  for (const x of [0.035, 0.6, 0.45, 0.07, 0.175, 0.15, 0.25, 0.9]) {
    assert.equal(parseFigure(engine.formatFigureInput('fraction', x), 'fraction'), x, String(x));
  }
});
