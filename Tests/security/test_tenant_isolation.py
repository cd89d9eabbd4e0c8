"""Two towns with rows of the same ids: a request on one town's host never shows the other's."""
import os
import subprocess

import pytest

from portal_live import PORT, http_get

DB = os.environ.get("PORTAL_DATABASE_URL", "")


def psql(sql: str) -> str:
    return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", DB, "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def schema_of(tenant: str) -> str:
    return psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{tenant}'").strip()


@pytest.fixture
def same_ids_in_two_towns():
    towns = {"cayres-pradelles": "Secret de Cayres", "clermontais": "Secret du Clermontais"}
    for town, title in towns.items():
        psql(f"INSERT INTO {schema_of(town)}.news_items (id, title, body, published_on, pinned) "
             f"VALUES (990001, '{title}', 'texte', current_date, true)")
    yield towns
    for town in towns:
        psql(f"DELETE FROM {schema_of(town)}.news_items WHERE id = 990001")


def test_each_town_sees_only_its_own_rows_even_alternating(same_ids_in_two_towns):
    # Alternate A, B, A, B so that pooled connections serve both towns in turn.
    for _ in range(5):
        for town, title in same_ids_in_two_towns.items():
            status, _, body = http_get(f"{town}.localhost:{PORT}", "/")
            assert status == 200
            assert title.encode() in body
            for other, other_title in same_ids_in_two_towns.items():
                if other != town:
                    assert other_title.encode() not in body
