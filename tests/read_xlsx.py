"""Reads an .xlsx file back with openpyxl, an independent reader, and prints what the
tests check as JSON: each sheet's name, frozen cell, filter, column widths and rows,
with dates as ISO dates (only real date cells) and each cell's fill colour.

    python3 tests/read_xlsx.py file.xlsx
"""

import datetime
import json
import sys

import openpyxl


def cell(c):
    value = c.value
    if isinstance(value, datetime.datetime):
        value = {"date": value.date().isoformat(), "format": c.number_format}
    fill = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
    return {"value": value, "fill": fill[-6:] if isinstance(fill, str) else None,
            "wrap": bool(c.alignment and c.alignment.wrap_text), "bold": bool(c.font and c.font.b)}


def main(path):
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        rows = [[cell(c) for c in row] for row in sheet.iter_rows()]
        sheets.append({
            "name": sheet.title,
            "frozen": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "widths": {k: v.width for k, v in sheet.column_dimensions.items()},
            "rows": rows,
        })
    print(json.dumps({"title": book.properties.title, "sheets": sheets}))


if __name__ == "__main__":
    main(sys.argv[1])
