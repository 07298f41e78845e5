"""biblatex ``@article`` entries with ``entrysubtype = {newspaper}``."""

from __future__ import annotations

from tui.cite.keys import base_key
from tui.cite.names import Name
from tui.cite.source import Source

_LATEX = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
# babel/polyglossia names biblatex understands for ``langid``.
_LANGID = {"en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish", "tr": "turkish", "uk": "ukrainian"}


def latex_escape(text: str) -> str:
    """Escape LaTeX specials; non-ASCII stays as UTF-8 (biber reads it)."""
    return "".join(_LATEX.get(c, c) for c in text)


def _url(url: str) -> str:
    # url is a verbatim field: only what would break the braces needs encoding.
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _name(n: Name) -> str:
    if n.is_literal:
        return "{" + latex_escape(n.literal) + "}"  # braces: a body, not "Last, First"
    parts = [n.family] + ([n.suffix] if n.suffix else []) + ([n.given] if n.given else [])
    return latex_escape(", ".join(parts))


def entry(src: Source, key: str | None = None) -> str:
    """One entry. The title is double-braced so styles never recase it."""
    fields: list[tuple[str, str]] = []
    if src.authors:
        fields.append(("author", " and ".join(_name(n) for n in src.authors)))
    fields.append(("title", "{" + latex_escape(src.title) + "}"))
    if src.outlet:
        fields.append(("journaltitle", latex_escape(src.outlet)))
    if src.published:
        fields.append(("date", src.published.iso()))
    if src.url:
        fields.append(("url", _url(src.url)))
        fields.append(("urldate", src.access_date().iso()))
    if src.language in _LANGID:
        fields.append(("langid", _LANGID[src.language]))
    fields.append(("entrysubtype", "newspaper"))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@article{{{key or base_key(src)},\n{body}}}"
