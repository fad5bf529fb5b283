// Unit tests of the page's pure text handling (www/scenario-text.js,
// www/error-view.js's message helpers), under node: no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseNumber, parseList, parseFigure, listEntries, shownFigure, fieldPathOf, textAt, getAt, setAt, describeErrors,
} from '../../../www/scenario-text.js';
import { messageOf, uniqueByField, asErrors } from '../../../www/error-view.js';

test('numbers are read as a finance lead types them', () => {
  assert.equal(parseNumber('£1,200'), 1200);
  assert.equal(parseNumber('12%'), 0.12);
  assert.equal(parseNumber('1e3'), 1000);
  assert.equal(parseNumber('  7 '), 7);
  assert.equal(parseNumber('-£2,500.50'), -2500.5);
  assert.equal(parseNumber('.5'), 0.5);
});

test('what is not a number is passed on as typed, for the engine to name the field and why', () => {
  for (const text of ['', '   ', 'abc', '12..3', '1,2,3%x', '£', '%']) assert.equal(parseNumber(text), text);
});

test('lists split on semicolons, spaces or commas; a number written with thousands separators stays one number', () => {
  assert.deepEqual(parseList('0.5, 1'), [0.5, 1]);
  assert.deepEqual(parseList('1,200; 3,400'), [1200, 3400]);
  assert.deepEqual(parseList('1,200, 3,400'), [1200, 3400]);
  assert.deepEqual(parseList('1000000,500000'), [1000000, 500000]);
  assert.deepEqual(parseList('1,000,000 500,000'), [1000000, 500000]);
  assert.deepEqual(parseList('£1,000,000;£500,000.50'), [1000000, 500000.5]);
  assert.deepEqual(parseList('0.2,0.6,1'), [0.2, 0.6, 1]);
  assert.deepEqual(parseList('10% 20%'), [0.1, 0.2]);
  assert.deepEqual(parseList(''), []);
  assert.deepEqual(parseList('1, x'), [1, 'x']);
  assert.deepEqual(listEntries(' 1 ;  2,3 '), ['1', '2', '3']);
});

test('in a fraction field, "60", "60%" and "0.6" are the same figure; 1 and below are fractions', () => {
  for (const text of ['60', '60%', '0.6', ' 60 % ']) assert.equal(parseFigure(text, 'fraction'), 0.6, text);
  assert.equal(parseFigure('3.5', 'fraction'), 0.035);
  assert.equal(parseFigure('1', 'fraction'), 1);
  assert.equal(parseFigure('60', 'count'), 60);
  assert.equal(parseFigure('60', undefined), 60);
  assert.deepEqual(parseList('20 60 100', 'fraction'), [0.2, 0.6, 1]);
  assert.equal(parseFigure('x', 'fraction'), 'x');
});

test('figures the engine wrote are shown as the engine words them, and read back as the same figure', () => {
  const calls = [];
  const format = (kind, x) => {
    calls.push([kind, x]);
    return kind === 'fraction' ? `${x * 100}%` : `<${x}>`;
  };
  assert.equal(shownFigure('0.5, 1', 'fraction', format), '50%, 100%');
  assert.equal(shownFigure('3.254201680672269', 'years', format), '<3.254201680672269>');
  assert.equal(shownFigure('356.3', 'count', format), '356.3');
  assert.equal(shownFigure('992.4364512', 'money', format), '<992.4364512>');
  assert.equal(shownFigure('992.43', 'money', format), '992.43');
  assert.equal(shownFigure('Leeds', undefined, format), 'Leeds');
  assert.deepEqual(calls, [['fraction', 0.5], ['fraction', 1], ['years', 3.254201680672269], ['money', 992.4364512]]);
});

test('an error path belongs to its form field', () => {
  assert.equal(fieldPathOf('programmes.no_wrong_door.ramp_up[2]'), 'programmes.no_wrong_door.ramp_up');
  assert.equal(fieldPathOf('programmes.family_valued.saving_per_family_gbp.low'), 'programmes.family_valued.saving_per_family_gbp');
  assert.equal(fieldPathOf('price_year'), 'price_year');
});

test('scenario values become the texts the form shows, ranges at their ends', () => {
  const s = { a: { b: { value: 5, low: 4, high: 6 }, list: [0.5, 1], plain: 3 } };
  assert.equal(textAt(s, 'a.b'), '5');
  assert.equal(textAt(s, 'a.b.low'), '4');
  assert.equal(textAt(s, 'a.plain.high'), '');
  assert.equal(textAt(s, 'a.list'), '0.5, 1');
  setAt(s, 'a.plain', 7);
  assert.equal(getAt(s, 'a.plain'), 7);
  assert.equal(getAt(s, 'a.missing.deeper'), undefined);
});

test('error messages: one per field and problem, saying which end of a range', () => {
  const errors = [
    { path: 'x.value', message: 'must be at least 0, got -1' },
    { path: 'x.low', message: 'must be at least 0, got -1' },
    { path: 'x.high', message: 'must not be below value' },
  ];
  assert.deepEqual(uniqueByField(errors).map(messageOf), ['must be at least 0, got -1', 'high must not be below value']);
  assert.deepEqual(asErrors('boom'), [{ path: 'scenario', message: 'boom' }]);
  assert.equal(describeErrors([{ path: 'a', message: 'b' }]), 'a: b');
});
