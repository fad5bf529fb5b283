"""Opens workbooks in LibreOffice (headless, through its UNO bridge),
recalculates them and reads back what tests/workbook.rs asks for.

Run with Debian's python3, which has the `uno` module (package python3-uno):

    /usr/bin/python3 tests/workbook/recalc.py < jobs.json > results.json

jobs.json is {"jobs": [{"file": "/abs/path.xlsx", "set": {"name": value},
"names": ["council_name"], "summary": {"sheet": "Summary", "first_row": 8,
"rows": 3, "cols": 6}}]}. For each job the file is opened, each named cell in
"set" is given its value (a number, or text), every formula is recalculated
(calculateAll), and the answer holds the Summary's cells (each {"value": x},
{"text": s} or {"error": code}), the named cells' content, every formula
cell in the workbook that is an error, and whether the file opened at all."""

import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

PIPE = f"sfpc_recalc_{os.getpid()}"
# com.sun.star.sheet.FormulaResult
VALUE, STRING, ERROR = 1, 2, 4


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(profile):
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         f"--accept=pipe,name={PIPE};urp;", f"-env:UserInstallation=file://{profile}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={PIPE};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if time.time() > deadline or office.poll() is not None:
                raise SystemExit("LibreOffice did not start")
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return office, desktop


def cell_content(cell):
    kind = cell.getType().value  # EMPTY, VALUE, TEXT, FORMULA
    answer = {"type": kind, "formula": cell.getFormula(), "string": cell.getString()}
    if kind == "FORMULA":
        result = cell.getPropertyValue("FormulaResultType2")
        if cell.getError() != 0 or result == ERROR:
            answer["error"] = cell.getError()
        elif result == STRING:
            answer["text"] = cell.getString()
        else:
            answer["value"] = cell.getValue()
    elif kind == "VALUE":
        answer["value"] = cell.getValue()
    elif kind == "TEXT":
        answer["text"] = cell.getString()
    return answer


def formula_errors(doc):
    """Every formula cell that evaluates to an error, as ranges ($Sheet.$A$1)."""
    found = []
    for sheet in doc.Sheets:
        ranges = sheet.queryFormulaCells(ERROR)
        if ranges.getCount():
            found.append(ranges.getRangeAddressesAsString())
    return found


def run(desktop, job):
    url = uno.systemPathToFileUrl(job["file"])
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", False)))
    if doc is None:
        return {"opened": False}
    try:
        for name, value in job.get("set", {}).items():
            cell = doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)
            if isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)
        doc.calculateAll()
        answer = {"opened": True, "errors": formula_errors(doc), "names": {}}
        for name in job.get("names", []):
            cell = doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)
            answer["names"][name] = cell_content(cell)
        summary = job.get("summary")
        if summary:
            sheet = doc.Sheets.getByName(summary["sheet"])
            answer["summary"] = [
                [cell_content(sheet.getCellByPosition(col, summary["first_row"] + r))
                 for col in range(summary["cols"] + 1)]
                for r in range(summary["rows"])
            ]
        return answer
    finally:
        doc.close(True)


def main():
    jobs = json.load(sys.stdin)["jobs"]
    with tempfile.TemporaryDirectory() as profile:
        office, desktop = start_office(profile)
        try:
            results = [run(desktop, job) for job in jobs]
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
