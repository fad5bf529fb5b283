#!/usr/bin/env python3
"""Turns DfE's council tables (src/councils/data/, see its README) into the
Rust table the engine embeds (src/councils/table.rs). One command for a new
release:

    python3 scripts/councils.py            # rewrites table.rs
    python3 scripts/councils.py --check    # exits 1 if table.rs differs

DfE's symbols (c, x, z, u, k and the Interactive Tool's -) stay symbols: they
are never read as zero. A council is keyed by the code DfE's latest tables
use; the codes it had before (North Yorkshire's E10000023, the 2025 ONS codes
of Barnsley and Sheffield) are kept as its former codes, and a council that
was split (Cumbria, Northamptonshire) keeps its own entry, with its
successors named."""

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / 'src' / 'councils' / 'data'
TARGET = ROOT / 'src' / 'councils' / 'table.rs'
HEXMAP = DATA / 'hexmap' / 'england-upper-tier-councils-2020.hexjson'
HEXMAP_TARGET = ROOT / 'src' / 'councils' / 'hexmap.rs'
ENGLAND = 'E92000001'

CLA = 'dfe_children_looked_after_by_la_2019_2024.csv'
CPP_AT31 = 'd5_cpps_at31march_by_duration_2013_to_2025.csv'
CPP_START = 'd3_cpps_subsequent_plan_2013_to_2025.csv'
IN_NEED = 'b1_children_in_need_2013_to_2025.csv'
PLACEMENT = 'cla_placement_and_age_by_la_2020_2025.csv'
LAIT = 'lait_csc_subset_long.csv'
CODES = 'dfeR_la_codes_by_year_England.csv'

# The years the engine holds: children's statistics (years ending 31 March)
# and finance (financial years, by the year they start).
FIRST_YEAR, LAST_YEAR = 2019, 2025
FIRST_FINANCE, LAST_FINANCE = 2016, 2024

# Each YearStats field: (file, column or (cla_group, characteristic)).
CLA_FIELDS = [('under_18', 'children_under_18'), ('looked_after', 'looked_after_31_march'),
              ('started', 'started_in_year'), ('ceased', 'ceased_in_year')]
CIN_FIELDS = [('cp_plans', CPP_AT31, 'CPP_At31'), ('cp_starts', CPP_START, 'CPP_start'),
              ('in_need', IN_NEED, 'At31_episodes')]
PLACEMENT_FIELDS = [('placed', 'Placement', 'Total'),
                    ('fostered', 'Placement', 'Foster placements'),
                    ('childrens_homes', 'Placement', "Secure homes and children's homes"),
                    ('aged_10_to_15', 'Age group', '10 to 15 years'),
                    ('aged_16_and_over', 'Age group', '16 years and over')]
FINANCE_FIELDS = [('residential_weekly_gbp', 'RescareFinance'), ('fostering_weekly_gbp', 'FosteringFinance')]
FIELDS = [f for f, _ in CLA_FIELDS] + [f for f, _, _ in CIN_FIELDS] + [f for f, _, _ in PLACEMENT_FIELDS]

SYMBOLS = {'c': 'Suppressed', 'x': 'NotAvailable', 'z': 'NotApplicable', 'u': 'LowReliability',
           'k': 'BelowHalf', '-': 'Missing'}
# A year a file does not cover at all (the 2024 release has no 2025).
NOT_IN_RELEASE = 'NotInRelease'

# Councils split in two: their successors (DfE's lookups, see the README).
SPLITS = {'E10000006': ['E06000063', 'E06000064'], 'E10000021': ['E06000061', 'E06000062']}


def stat(text):
    text = text.strip()
    if text in SYMBOLS:
        return SYMBOLS[text]
    if text.isdigit():
        return f'Count({int(text)})'
    sys.exit(f'not a count or a DfE symbol: {text!r}')


def money(text):
    """The Interactive Tool's pounds: whole pounds (rounded to £5), or '-'."""
    text = text.strip()
    if text in SYMBOLS:
        return SYMBOLS[text]
    value = float(text)
    if value != int(value) or value < 0:
        sys.exit(f'not whole pounds: {text!r}')
    return f'Count({int(value)})'


def rows(name):
    with (DATA / name).open(encoding='utf-8') as f:
        return list(csv.DictReader(f))


def rust_text(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


class Table:
    def __init__(self):
        self.codes = rows(CODES)
        # Renamed or recoded councils: any code -> the code DfE's tables use
        # now, matched by name (North Yorkshire, Somerset, Buckinghamshire;
        # Barnsley and Sheffield's 2025 ONS codes, which DfE's tables do not use).
        self.councils = {}
        self.order = []

    def council(self, code, old_code, name, region):
        c = self.councils.get(code)
        if c is None:
            c = {'code': code, 'old_code': old_code, 'name': name, 'region': region,
                 'years': {}, 'finance': {}}
            self.councils[code] = c
        if old_code and old_code != 'z':
            c['old_code'] = old_code
        if region:
            c['region'] = region
        return c

    def canonical(self, code, name):
        """The code a council is held under: its latest DfE code."""
        return self.aliases.get(code, code)


def build():
    t = Table()
    cla = rows(CLA)
    # The latest code of each council name in the children-looked-after file.
    # A code is another name for the same council when the name and DfE's
    # 3-digit LA number are the same (North Yorkshire, Somerset), or when the
    # lookup gives a new code no number (Barnsley and Sheffield in 2025).
    # Dorset's 2019 county (835) is not today's Dorset (838): kept apart.
    latest_code = {}
    for r in sorted(cla, key=lambda r: int(r['year_ending_31_march'])):
        if r['la_code'] != ENGLAND:
            latest_code[(r['la_name'], r['old_la_code'])] = r['la_code']
    by_name = {name: code for (name, _), code in latest_code.items()}
    aliases = {}
    for r in cla:
        today = latest_code[(r['la_name'], r['old_la_code'])] if r['la_code'] != ENGLAND else ENGLAND
        if r['la_code'] != today:
            aliases[r['la_code']] = today
    for r in t.codes:
        today = latest_code.get((r['la_name'], r['old_la_code']))
        if r['old_la_code'] == 'z':
            today = by_name.get(r['la_name'])
        if today and r['new_la_code'] != today:
            aliases[r['new_la_code']] = today
    t.aliases = aliases

    def put(c, year, field, value, where):
        cells = c['years'].setdefault(year, {})
        if field in cells:
            sys.exit(f'two figures for {c["code"]} {year} {field} ({where})')
        cells[field] = value

    for r in cla:
        code = t.canonical(r['la_code'], r['la_name'])
        c = t.council(code, r['old_la_code'], r['la_name'], r['region'])
        for field, column in CLA_FIELDS:
            put(c, int(r['year_ending_31_march']), field, stat(r[column]), CLA)
    for field, name, column in CIN_FIELDS:
        for r in rows(name):
            year = int(r['time_period'])
            if r['geographic_level'] == 'Regional' or not FIRST_YEAR <= year <= LAST_YEAR:
                continue
            code = ENGLAND if r['geographic_level'] == 'National' else r['new_la_code']
            code = t.canonical(code, r['la_name'])
            c = t.council(code, r['old_la_code'], r['la_name'] or 'England', r['region_name'])
            put(c, year, field, stat(r[column]), name)
    wanted = {(group, ch): field for field, group, ch in PLACEMENT_FIELDS}
    for r in rows(PLACEMENT):
        field = wanted.get((r['cla_group'], r['characteristic']))
        year = int(r['time_period'])
        if field is None or r['geographic_level'] == 'Regional' or not FIRST_YEAR <= year <= LAST_YEAR:
            continue
        code = ENGLAND if r['geographic_level'] == 'National' else r['new_la_code']
        code = t.canonical(code, r['la_name'])
        c = t.council(code, r['old_la_code'], r['la_name'] or 'England', r['region_name'])
        put(c, year, field, stat(r['cla_31_march_number']), PLACEMENT)
    # The Interactive Tool names councils by their 3-digit number: join
    # through it, to the council that holds that number now.
    by_number = {}
    for c in t.councils.values():
        if c['old_code'] and c['old_code'] != 'z':
            current = LAST_YEAR in c['years'] or 2024 in c['years']
            if c['old_code'] not in by_number or current:
                by_number[c['old_code']] = c
    measures = {m: field for field, m in FINANCE_FIELDS}
    for r in rows(LAIT):
        field = measures.get(r['Short Desc'])
        if field is None:
            continue
        year = int(r['Years'][:4])
        if not FIRST_FINANCE <= year <= LAST_FINANCE:
            continue
        if r['LA and Regions'] == 'England':
            c = t.councils[ENGLAND]
        else:
            c = by_number.get(str(int(float(r['LA Number']))))
            if c is None:
                continue  # a region: the engine works regions out from councils
        cells = c['finance'].setdefault(year, {})
        if field in cells:
            sys.exit(f'two figures for {c["code"]} {year} {field} ({LAIT})')
        cells[field] = money(r['Values'])
    return t


def render(t):
    releases = {'under_18': range(2019, 2025), 'looked_after': range(2019, 2025),
                'started': range(2019, 2025), 'ceased': range(2019, 2025),
                'cp_plans': range(2013, 2026), 'cp_starts': range(2013, 2026), 'in_need': range(2013, 2026),
                'placed': range(2020, 2026), 'fostered': range(2020, 2026), 'childrens_homes': range(2020, 2026),
                'aged_10_to_15': range(2020, 2026), 'aged_16_and_over': range(2020, 2026)}

    def cell(c, year, field):
        value = c['years'].get(year, {}).get(field)
        if value is not None:
            return value
        if year not in releases[field]:
            return NOT_IN_RELEASE
        return 'NotApplicable'  # in the release, no row: the council did not exist

    def finance_cell(c, year, field):
        return c['finance'].get(year, {}).get(field, 'Missing')

    def body(c):
        years = []
        for y in range(FIRST_YEAR, LAST_YEAR + 1):
            fields = ', '.join(f'{f}: {cell(c, y, f)}' for f in FIELDS)
            years.append(f'YearStats {{ {fields} }}')
        finance = []
        for y in range(FIRST_FINANCE, LAST_FINANCE + 1):
            fields = ', '.join(f'{f}: {finance_cell(c, y, f)}' for f, _ in FINANCE_FIELDS)
            finance.append(f'UnitCosts {{ {fields} }}')
        former = sorted(code for code, today in t.aliases.items() if today == c['code'])
        successors = SPLITS.get(c['code'], [])
        return (f'Council {{\n        code: {rust_text(c["code"])},\n        old_code: {rust_text(c["old_code"])},\n'
                f'        name: {rust_text(c["name"])},\n        region: {rust_text(c["region"] or "")},\n'
                f'        other_codes: &[{", ".join(rust_text(x) for x in former)}],\n'
                f'        successors: &[{", ".join(rust_text(x) for x in successors)}],\n'
                f'        years: [\n            ' + ',\n            '.join(years) + ',\n        ],\n'
                f'        unit_costs: [\n            ' + ',\n            '.join(finance) + ',\n        ],\n    }')

    england = t.councils.pop(ENGLAND)
    england['region'] = ''
    ordered = sorted(t.councils.values(), key=lambda c: (c['name'], c['code']))
    sources = ', '.join([CLA, CPP_AT31, CPP_START, IN_NEED, PLACEMENT, LAIT, CODES])
    out = [
        f'// Generated by scripts/councils.py from {sources}: do not edit by hand.',
        '// See src/councils/README.md.',
        '',
        'use super::{Council, Stat::*, UnitCosts, YearStats};',
        '',
        '/// The first year of the children\'s statistics (years ending 31 March).',
        f'pub const FIRST_YEAR: u16 = {FIRST_YEAR};',
        '',
        '/// How many years of children\'s statistics each council has.',
        f'pub const YEARS: usize = {LAST_YEAR - FIRST_YEAR + 1};',
        '',
        '/// The first financial year of the unit costs (2016 for 2016-17).',
        f'pub const FIRST_FINANCE_YEAR: u16 = {FIRST_FINANCE};',
        '',
        '/// How many financial years of unit costs each council has.',
        f'pub const FINANCE_YEARS: usize = {LAST_FINANCE - FIRST_FINANCE + 1};',
        '',
        '/// England as a whole, as DfE publishes it.',
        'pub const ENGLAND: Council = ' + body(england).replace('\n    ', '\n') + ';',
        '',
        '/// Every council in the tables, by name (councils since merged or split too).',
        'pub const COUNCILS: &[Council] = &[',
        ',\n'.join('    ' + body(c) for c in ordered) + ',',
        '];',
        '',
    ]
    return '\n'.join(out), len(ordered)


# The 2020 hex map brought up to DfE's councils of today (the hexmap
# folder's README): councils recoded keep their hexagon; a council split in
# two gives its hexagon to its first successor and the second takes the
# first free neighbouring cell in the order given (odd-r rows, row numbers
# rising northwards).
HEX_RECODED = {'E10000002': 'E06000060', 'E10000023': 'E06000065', 'E10000027': 'E06000066'}
HEX_SPLIT = {
    'E10000021': ('E06000062', 'E06000061', ['NE', 'E', 'NW', 'SE', 'W', 'SW']),  # West keeps it; North to the north-east
    'E10000006': ('E06000063', 'E06000064', ['SE', 'E', 'SW', 'NE', 'W', 'NW']),  # Cumberland keeps it; Westmorland and Furness to the south-east
}


def neighbour(q, r, direction):
    """The neighbouring cell of an odd-r hex grid (odd rows shifted right)."""
    odd = r % 2
    steps = {'E': (1, 0), 'W': (-1, 0), 'NE': (odd, 1), 'NW': (odd - 1, 1), 'SE': (odd, -1), 'SW': (odd - 1, -1)}
    dq, dr = steps[direction]
    return q + dq, r + dr


def nearest_free(q, r, order, taken):
    """The free cell nearest (q, r): a neighbour in the order given, else the
    nearest free cell further out (Northamptonshire's cell has no free
    neighbour), ties broken by the order of the first step towards it."""
    ring, seen = [(q, r)], {(q, r)}
    while ring:
        found, following = [], []
        for cell in ring:
            for direction in order:
                n = neighbour(*cell, direction)
                if n in seen or not (-2 <= n[0] <= 20 and -2 <= n[1] <= 20):
                    continue
                seen.add(n)
                (following if n in taken else found).append(n)
                following.append(n)
        if found:
            return found[0]
        ring = following
    sys.exit(f'no free cell near {(q, r)}')


def hexmap(current_codes):
    """Every current council's cell: (code, q, r), by code."""
    with HEXMAP.open(encoding='utf-8') as f:
        hexes = json.load(f)['hexes']
    cells = {}
    for code, h in hexes.items():
        if code in HEX_SPLIT:
            continue
        cells[HEX_RECODED.get(code, code)] = (h['q'], h['r'])
    taken = set(cells.values())
    for code, (first, second, order) in HEX_SPLIT.items():
        q, r = hexes[code]['q'], hexes[code]['r']
        cells[first] = (q, r)
        cells[second] = nearest_free(q, r, order, taken)
        taken |= {(q, r), cells[second]}
    if set(cells) != set(current_codes):
        sys.exit(f'the map and the councils differ: {sorted(set(cells) ^ set(current_codes))}')
    if len(set(cells.values())) != len(cells):
        sys.exit('two councils share a cell')
    return sorted((code, q, r) for code, (q, r) in cells.items())


def render_hexmap(t):
    current = [c['code'] for c in t.councils.values() if c['code'] != ENGLAND
               and c['code'] not in SPLITS and c['years'].get(LAST_YEAR, {}).get('cp_plans') not in (None, 'NotApplicable')]
    rows = hexmap(current)
    body = '\n'.join(f'    Hex {{ code: {rust_text(code)}, q: {q}, r: {r} }},' for code, q, r in rows)
    return '\n'.join([
        f'// Generated by scripts/councils.py from {HEXMAP.name} (Open Innovations, MIT licence: see',
        '// src/councils/data/hexmap/LICENSE), brought up to today\'s councils: do not edit by hand.',
        '',
        'use super::map::Hex;',
        '',
        '/// Every council of today: its cell of the odd-r hex grid (rows rising northwards).',
        'pub const HEXES: &[Hex] = &[',
        body,
        '];',
        '',
    ]), len(rows)


def main():
    t = build()
    outputs = []
    hex_text, hexes = render_hexmap(t)
    text, n = render(t)
    outputs = [(TARGET, text, f'{n} councils and England'), (HEXMAP_TARGET, hex_text, f'{hexes} hexagons')]
    for target, text, what in outputs:
        name = target.relative_to(ROOT)
        if '--check' in sys.argv[1:]:
            if target.read_text(encoding='utf-8') != text:
                sys.exit(f'{name} is not what scripts/councils.py makes of the data: run it')
            print(f'{name} matches the data ({what})')
        else:
            target.write_text(text, encoding='utf-8')
            print(f'wrote {name}: {what}')


if __name__ == '__main__':
    main()
