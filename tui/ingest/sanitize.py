"""Make untrusted text safe to store and show: no escapes, no hidden characters.

Text from the web may carry terminal escape sequences (colours, title changes,
OSC 52 clipboard writes), control characters, bidi overrides and zero-width
characters.  None of them is content; all of them can mislead a reader or a
terminal.  Rich/Textual markup such as ``[bold]`` is *kept*: it is literal text
here and the UI renders it literally.
"""

from __future__ import annotations

import re
import unicodedata

# String-type sequences run until a terminator (BEL or ST); unterminated ones
# are cut at the end of the line so a stray ESC ] cannot swallow the article.
#   ESC ] OSC   ESC P DCS   ESC X SOS   ESC ^ PM   ESC _ APC   and their 8-bit forms
_STRING_SEQ = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"
    r"[^\x07\x1b\x9c\n]*"
    r"(?:\x07|\x1b\\|\x9c)?"
)
# CSI: ESC [ or 8-bit 0x9B, parameters, intermediates, one final byte.
_CSI_SEQ = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]")
# Everything else that starts with ESC: intermediates then one final byte
# (ESC 7, ESC c, ESC ( B, ESC = ...).
_ESC_SEQ = re.compile(r"\x1b[ -/]*[0-~]")

# Page/line separators become newlines rather than disappearing, so the
# paragraphs they separate stay apart.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")

_INVISIBLE = re.compile(
    "["
    "\x00-\x08\x0e-\x1f\x7f-\x9f"  # C0 (except \t \n, handled above), DEL, C1
    "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"  # bidi embeddings/overrides/isolates/marks
    "\u200b-\u200d\u2060-\u2064\ufeff"  # zero-width space/joiners, word joiner, BOM
    "\u00ad\u180e"  # soft hyphen, Mongolian vowel separator: invisible, break search
    "\ud800-\udfff"  # lone surrogates (from surrogateescape) cannot be printed
    "\ufff9-\ufffb\ufffe\uffff"  # interlinear annotation controls, non-characters
    "]"
)


def sanitize(text: str) -> str:
    """Return ``text`` safe to store and display.

    Newlines are normalized to ``\\n``; terminal escape sequences, control
    characters (tabs and newlines kept), bidi controls and zero-width
    characters are removed; the result is NFC.  Typographic quotes, dashes and
    markup-looking brackets are kept.  Idempotent: ``sanitize(sanitize(t)) ==
    sanitize(t)``.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _STRING_SEQ.sub("", text)
    text = _CSI_SEQ.sub("", text)
    text = _ESC_SEQ.sub("", text)
    # Leftover ESC/C1 bytes of malformed sequences go with the other controls.
    text = _INVISIBLE.sub("", text)
    # NFC last: removing an invisible character can bring a base letter and a
    # combining mark together, and composing them afterwards keeps this idempotent.
    return unicodedata.normalize("NFC", text)


_WS = re.compile(r"\s+")


def sanitize_line(text: str) -> str:
    """Sanitize a metadata value to one line: all whitespace runs become one space."""
    return _WS.sub(" ", sanitize(text)).strip()


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces and tabs inside a line to one space and strip."""
    return re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text).strip()
