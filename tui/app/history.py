"""Browser-like history: where you were before following a link or opening an item."""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 100


@dataclass(frozen=True)
class Location:
    """A pane, the record shown in it, which side had the focus, the detail cursor."""

    pane: str
    key: str | None
    focus: str  # "list" | "detail" | "search"
    detail_index: int | None = None


class History:
    """A bounded back-stack of locations."""

    def __init__(self) -> None:
        self._stack: list[Location] = []

    def push(self, location: Location) -> None:
        if self._stack and self._stack[-1] == location:
            return
        self._stack.append(location)
        del self._stack[:-LIMIT]

    def pop(self) -> Location | None:
        return self._stack.pop() if self._stack else None

    def clear(self) -> None:
        self._stack.clear()

    def __len__(self) -> int:
        return len(self._stack)
