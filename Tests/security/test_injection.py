"""Every text field round-trips markup, quotes, SQL meta-characters and long Unicode: the page
shows exactly what was typed, as text, and its element structure is the one an ordinary value
gives (no element or attribute comes from the value)."""
from html.parser import HTMLParser

import pytest

from text_fields import FIELDS

PAYLOADS = {
    "script": "<script>alert('xss')</script>",
    "attribute breakout": "\"><img src=x onerror=alert(1)>'",
    "single quotes": "L'accueil d'O'Brien ''; --",
    "sql": "'; DROP TABLE news_items; -- \\ % _ $1 ; SELECT pg_sleep(5)",
    "template": "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}",
    "entities": "&amp; &lt;b&gt; &#x3C;script&#x3E; &unknown;",
    "unicode": "Élodie Ñúñez 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👧‍👦 \u202eRTL\u202c e\u0301 ﷺ " + "é" * 120,
}


class Page(HTMLParser):
    """The text of a page, and its skeleton: every element with its attribute names."""

    def __init__(self, html: bytes):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.skeleton = []
        self.feed(html.decode("utf-8"))

    def handle_starttag(self, tag, attrs):
        self.skeleton.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_data(self, data):
        self.text.append(data)


def fitted(payload: str, max_length: int) -> str:
    return payload if len(payload) <= max_length else payload[:max_length]


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=list(PAYLOADS))
def test_text_field_comes_back_escaped_and_intact(field, payload):
    value = fitted(payload, field.max_length)
    baseline_handle = field.write("Valeur ordinaire")
    try:
        baseline = Page(field.page(baseline_handle))
    finally:
        field.remove(baseline_handle)
    handle = field.write(value)
    try:
        page = Page(field.page(handle))
    finally:
        field.remove(handle)
    assert value in "".join(page.text), "the value is not shown intact"
    assert page.skeleton == baseline.skeleton, "the value changed the page's elements"


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_longest_unicode_value_fits_the_field(field):
    value = ("Àé😀" * field.max_length)[:field.max_length]
    handle = field.write(value)
    try:
        assert value in "".join(Page(field.page(handle)).text)
    finally:
        field.remove(handle)
