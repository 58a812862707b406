"""Built pages lose the templates' blank lines and indentation, and nothing a reader sees."""
from __future__ import annotations

import pytest

from portal.site.whitespace import compact

pytestmark = pytest.mark.unit


def test_blank_lines_and_indentation_go_and_words_stay_apart():
    html = "<ul>\n    <li>satu</li>\n\n   \n    <li>dua\n      tiga</li>\n</ul>\n"
    assert compact(html) == "<ul>\n<li>satu</li>\n<li>dua\ntiga</li>\n</ul>\n"


def test_pre_and_textarea_are_kept_as_written():
    html = "<div>\n  <pre>a\n    b\n\n  c</pre>\n  <TEXTAREA>x\n   y</TEXTAREA>\n</div>"
    assert compact(html) == "<div>\n<pre>a\n    b\n\n  c</pre>\n<TEXTAREA>x\n   y</TEXTAREA>\n</div>"
