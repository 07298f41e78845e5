"""Hand-made article records for tests that must not depend on the ingest parser."""

from __future__ import annotations

from tui.ingest.source import content_hash


def make_article(
    article_id: str,
    title: str,
    paragraphs: list[str],
    *,
    outlet: str | None = "Test Wire",
    published: str | None = "2024-01-15",
    officials: list[dict] | None = None,
) -> dict:
    """An article record in the store's shape; headings are lines starting with '# '."""
    paras = [
        {"n": i, "kind": "heading" if p.startswith("# ") else "para", "text": p.removeprefix("# ")}
        for i, p in enumerate(paragraphs, 1)
    ]
    body = "\n".join(p["text"] for p in paras)
    return {
        "id": article_id,
        "title": title,
        "outlet": outlet,
        "url": f"https://example.test/{article_id}",
        "published": published,
        "authors": [],
        "language": "en",
        "paragraphs": paras,
        "raw": body,
        "content_hash": content_hash(paras),
        "source_path": None,
        "facts": {"officials": officials or [], "events": []},
    }
