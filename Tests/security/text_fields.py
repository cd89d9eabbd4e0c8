"""Every text field a family or staff member can fill, and how to write it then read it back
on a page. Test files iterate FIELDS; a feature that adds a form appends its fields here
(writing through the form once it exists, the way a user would)."""
import os
import subprocess
from dataclasses import dataclass
from typing import Callable

from portal_live import PORT, http_get

DB = os.environ.get("PORTAL_DATABASE_URL", "")


def psql(sql: str, **variables: str) -> str:
    """Runs SQL with psql variables (`:'name'` in the text quotes a value safely)."""
    command = ["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", DB]
    for name, value in variables.items():
        command += ["-v", f"{name}={value}"]
    return subprocess.run(command, input=sql, check=True, capture_output=True, text=True).stdout


def schema_of(tenant: str) -> str:
    return psql("SELECT schema_name FROM platform.tenants WHERE id = :'t'", t=tenant).strip()


@dataclass(frozen=True)
class TextField:
    name: str
    max_length: int
    write: Callable[[str], object]      # stores the value, returns a handle
    page: Callable[[object], bytes]      # the page that shows it
    remove: Callable[[object], None]


TOWN = "cayres-pradelles"


def _news_write(column: str) -> Callable[[str], object]:
    def write(value: str) -> object:
        title, body = ("Titre ordinaire", "Texte ordinaire.")
        title, body = (value, body) if column == "title" else (title, value)
        return int(psql(f"INSERT INTO {schema_of(TOWN)}.news_items (title, body, published_on, pinned) "
                        "VALUES (:'title', :'body', current_date, true) RETURNING id", title=title, body=body))
    return write


def _home(_handle: object) -> bytes:
    status, _, body = http_get(f"{TOWN}.localhost:{PORT}", "/")
    assert status == 200
    return body


def _news_remove(handle: object) -> None:
    psql(f"DELETE FROM {schema_of(TOWN)}.news_items WHERE id = :'id'", id=str(handle))


FIELDS = [
    # Actualités are written by staff (issue 8 brings the form); until then, through the database.
    TextField("news title", 200, _news_write("title"), _home, _news_remove),
    TextField("news body", 20000, _news_write("body"), _home, _news_remove),
]
