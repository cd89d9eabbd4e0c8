"""Faults on a private stack (its own PostgreSQL cluster and its own server, so the shared test
cluster and the suites' server are never disturbed): PostgreSQL restarted under load, and the
server killed with SIGKILL mid-load then restarted."""
import shutil
import threading
import time

import pytest

from private_stack import Stack, start_stack, stop_stack

POOL = 4
TOWN = "cayres-pradelles"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = start_stack(tmp_path_factory.mktemp("faults"), pool=POOL)
    yield stack
    stop_stack(stack)
    shutil.rmtree(stack.root, ignore_errors=True)


class Load(threading.Thread):
    """Keeps asking for pages until stopped, counting each status."""

    def __init__(self, stack: Stack, path: str):
        super().__init__(daemon=True)
        self.stack, self.path = stack, path
        self.stop = threading.Event()
        self.statuses = []

    def run(self):
        while not self.stop.is_set():
            self.statuses.append(self.stack.get(self.path)[0])


def until(condition, attempts: int = 600):
    """Polls `condition` (about 0.1 s apart) until it holds; fails if it never does."""
    for _ in range(attempts):
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("the condition never held")


def test_postgresql_restart_under_load_heals_without_restarting_the_server(stack):
    pid = stack.server.pid
    loads = [Load(stack, "/") for _ in range(4)] + [Load(stack, "/healthz")]
    for load in loads:
        load.start()
    until(lambda: all(load.statuses for load in loads))
    stack.cluster("restart")
    until(lambda: stack.get("/healthz", host="x")[0] == 200)
    for load in loads:
        load.stop.set()
        load.join(timeout=60)
    # While the database was away, pages said so (503) rather than failing in another way.
    assert {status for load in loads for status in load.statuses} <= {200, 503}
    # Each pooled connection broken by the restart fails at most one request, then the pool
    # replaces it: within that many failures, pages come back for good.
    failures, successes = 0, 0
    while successes < 2 * POOL:
        status, body = stack.get("/")
        if status == 200 and b"Cayres" in body:
            successes += 1
        else:
            assert status == 503
            # A generic French page: nothing about the database or the error leaks.
            assert "Service momentanément indisponible".encode() in body
            assert not any(word in body.lower() for word in (b"postgres", b"libpq", b"sqlstate", b"exception"))
            failures += 1
            successes = 0
            assert failures <= POOL, "the server does not heal its connections"
    assert stack.server.poll() is None and stack.server.pid == pid


def test_server_killed_mid_load_restarts_with_every_committed_row(stack):
    schema = stack.psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{TOWN}'").strip()
    committed = []
    stop = threading.Event()

    def write():
        # Each INSERT is its own committed transaction; only ids psql returned count as committed.
        while not stop.is_set() and len(committed) < 400:
            committed.append(int(stack.psql(
                f"INSERT INTO {schema}.news_items (title, body, published_on, pinned) "
                f"VALUES ('Coupure {len(committed)}', 'texte', current_date, true) RETURNING id")))

    writer = threading.Thread(target=write, daemon=True)
    load = Load(stack, "/")
    writer.start()
    load.start()
    until(lambda: len(load.statuses) >= 5 and len(committed) >= 5)
    stack.server.kill()
    stack.server.wait(timeout=30)
    load.stop.set()
    load.join(timeout=60)
    stop.set()
    writer.join(timeout=60)
    stack.start_server()
    stored = {int(x) for x in stack.psql(f"SELECT id FROM {schema}.news_items").split()}
    assert set(committed) <= stored
    status, body = stack.get("/")
    assert status == 200
    assert f"Coupure {len(committed) - 1}".encode() in body


def test_database_down_gives_a_generic_french_page_then_service_resumes(stack):
    stack.cluster("stop")
    try:
        status, body = stack.get("/")
        assert status == 503
        assert "Service momentanément indisponible".encode() in body
        assert not any(word in body.lower() for word in (b"postgres", b"libpq", b"sqlstate", b"exception", b"5432"))
        assert stack.get("/healthz", host="x")[0] == 503
    finally:
        stack.cluster("start")
    until(lambda: stack.get("/healthz", host="x")[0] == 200)
    until(lambda: stack.get("/")[0] == 200, attempts=4 * POOL)
