"""Sanitization: escapes, controls, bidi and zero-width out; text and markup kept."""

from tui.ingest.sanitize import sanitize, sanitize_line


def test_csi_colour_codes_removed():
    assert sanitize("\x1b[1;31mred\x1b[0m text") == "red text"


def test_osc52_clipboard_write_removed_with_its_payload():
    assert sanitize("before\x1b]52;c;ZXZpbCBjb21tYW5k\x07after") == "beforeafter"


def test_osc_title_change_with_st_terminator_removed():
    assert sanitize("a\x1b]0;pwned title\x1b\\b") == "ab"


def test_unterminated_osc_is_cut_at_end_of_line_only():
    assert sanitize("a\x1b]52;c;AAAA\nnext line") == "a\nnext line"


def test_dcs_apc_pm_sos_strings_removed():
    text = "1\x1bPq#0;2\x1b\\2\x1b_apc\x1b\\3\x1b^pm\x1b\\4\x1bXsos\x1b\\5"
    assert sanitize(text) == "12345"


def test_two_char_and_charset_escapes_removed():
    assert sanitize("a\x1b7b\x1bcc\x1b(Bd\x1b=e") == "abcde"


def test_8bit_c1_sequences_removed():
    assert sanitize("x\x9b31my\x9d0;title\x07z") == "xyz"


def test_controls_removed_but_tab_and_newline_kept():
    assert sanitize("a\x00b\x07c\x08d\x7fe\tf\ng\x85h") == "abcde\tf\ng\nh"


def test_crlf_and_cr_become_newlines():
    assert sanitize("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


def test_bidi_controls_removed():
    assert sanitize("abc\u202edcba\u202c \u2066x\u2069 \u200eL\u200fR\u061c") == "abcdcba x LR"


def test_zero_width_characters_removed():
    assert sanitize("Ku\u200blu\u200cba\u200dyev\u2060\ufeff") == "Kulubayev"


def test_typographic_quotes_and_dashes_kept():
    text = "“Xi’an” — ‘Central Asia–China’ «ok» …"
    assert sanitize(text) == text


def test_rich_markup_is_kept_as_literal_text():
    text = "[bold red]Injected[/] [Update] [link=https://example.org]x[/link]"
    assert sanitize(text) == text


def test_nfc_after_removing_invisible_characters():
    # e + ZWSP + combining acute: once the ZWSP is gone the accent composes.
    assert sanitize("caf" + "e\u200b\u0301") == "caf\u00e9"


def test_sanitize_line_collapses_whitespace():
    assert sanitize_line("  A\ttitle\n over\u00a0two  lines\x1b[0m ") == "A title over two lines"
