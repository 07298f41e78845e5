"""``--csv`` output: one header row, lists joined with "; ", no spreadsheet formulas."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Sequence

from tui.cite.export import csv_cell
from tui.cite.sanitize import clean_text


def print_csv(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Write ``rows`` as CSV (UTF-8) to stdout."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_cell(clean_text(v) if isinstance(v, str) else v) for v in row])
    sys.stdout.buffer.write(buf.getvalue().encode("utf-8"))
    sys.stdout.flush()
