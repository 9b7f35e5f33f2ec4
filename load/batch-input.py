#!/usr/bin/env python3
"""Writes a batch input file of N projects (every 50th row bad) as CSV (Dutch: ';' and decimal commas) or as .xlsx.
Standard library only: the .xlsx is a minimal workbook with inline strings.  Usage: batch-input.py N out.csv|out.xlsx"""
import sys, zipfile
from xml.sax.saxutils import escape

n, path = int(sys.argv[1]), sys.argv[2]
header = ["naam", "referentieproject", "start", "maanden", "fase", "deelnemers", "kosten", "eigenuren", "a.intensiteit", "id"]
refs = ["budgetcoaching", "huisbezoek-ouderen", "maatjesproject", "buurtbemiddeling", "jongerenwerk"]

def row(i):
    ref = refs[i % len(refs)]
    participants = str(20 + i % 180)
    cost = f"{30000 + (i * 37) % 90000},{i % 100:02d}"
    if i % 50 == 49:  # a bad row: no number of participants, and an unknown phase
        participants, phase = "veel", "later"
    else:
        phase = "plan"
    answer = "zoals-referentie" if ref == "budgetcoaching" else ""
    return [f"Project {i + 1}", ref, "2026-01-01", "12", phase, participants, cost, str(500 + i % 1000), answer, str(i + 1)]

if path.endswith(".csv"):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(";".join(header) + "\r\n")
        for i in range(n):
            f.write(";".join(row(i)) + "\r\n")
else:
    def cells(values):
        return "".join(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>' for v in values)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Projecten" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as s:
            s.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            s.write(f'<row>{cells(header)}</row>'.encode())
            for i in range(n):
                s.write(f'<row>{cells(row(i))}</row>'.encode())
            s.write(b"</sheetData></worksheet>")
