"""Every text field round-trips markup, quotes, SQL meta-characters and long Unicode: each page
that shows it, to its author and to the other party, shows exactly what was typed, as text, and
its element structure is the one an ordinary value gives (no element or attribute comes from
the value)."""
import functools
from collections import Counter
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
    """The text of a page (with the values its form fields show), and its skeleton: every element
    with its attribute names."""

    def __init__(self, html: bytes):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.skeleton = []
        self.feed(html.decode("utf-8"))

    def handle_starttag(self, tag, attrs):
        self.skeleton.append((tag, tuple(sorted(name for name, _ in attrs))))
        # A form shows a stored value back in its field.
        values = dict(attrs)
        if tag == "input" and values.get("type") != "hidden" and values.get("value"):
            self.text.append(values["value"])

    def handle_data(self, data):
        self.text.append(data)


def fitted(payload: str, max_length: int) -> str:
    return payload if len(payload) <= max_length else payload[:max_length]


def shown(field, value: str) -> list[tuple[str, "Page"]]:
    """Writes the value, reads every page that shows it, and removes it whatever happens."""
    handle = field.write(value)
    try:
        return [(who, Page(body)) for who, body in field.pages(handle)]
    finally:
        field.remove(handle)


@functools.cache
def baseline(field) -> list[tuple[str, "Page"]]:
    """The pages with an ordinary value: once per field, the town being back as it was after each write."""
    return shown(field, "Valeur ordinaire")


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=list(PAYLOADS))
def test_text_field_comes_back_escaped_and_intact(field, payload):
    value = fitted(payload, field.max_length)
    pages = shown(field, value)
    assert len(pages) == len(baseline(field))
    for index, ((who, page), (_, ordinary)) in enumerate(zip(pages, baseline(field))):
        assert value in "".join(page.text), f"page {index} ({who}) does not show the value intact"
        # As multisets: a list sorted by name puts the value's row elsewhere, which is no injection.
        assert Counter(page.skeleton) == Counter(ordinary.skeleton), f"the value changed the elements of page {index} ({who})"


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_longest_unicode_value_fits_the_field(field):
    value = ("Àé😀" * field.max_length)[:field.max_length]
    for index, (who, page) in enumerate(shown(field, value)):
        assert value in "".join(page.text), f"page {index} ({who}) does not show the value intact"
