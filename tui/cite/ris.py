"""RIS records (``TY  - NEWS``) as reference managers import them."""

from __future__ import annotations

from tui.cite.source import Source


def record(src: Source) -> str:
    """One record, ``TY`` first and ``ER`` last."""
    lines = [("TY", "NEWS")]
    lines += [("AU", n.inverted()) for n in src.authors]
    lines.append(("TI", src.title))
    if src.outlet:
        lines.append(("T2", src.outlet))
    if src.published:
        lines.append(("PY", str(src.published.year)))
        lines.append(("DA", src.published.iso("/")))
    if src.url:
        lines.append(("UR", src.url))
        lines.append(("Y2", src.access_date().iso("/")))
    if src.language:
        lines.append(("LA", src.language))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}" for tag, value in lines)
