"""Faults on a private stack (its own PostgreSQL cluster and its own server, so the shared test
cluster and the suites' server are never disturbed): PostgreSQL restarted under load, and the
server killed with SIGKILL mid-load then restarted."""
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from portal_live import split_responses

REPO = Path(__file__).resolve().parents[2]
CLUSTER = REPO / "deploy" / "local-cluster.sh"
BINARY = os.environ.get("PORTAL_BIN", str(REPO / ".build" / "debug" / "portal"))
POOL = 4
TOWN = "cayres-pradelles"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stack:
    """A cluster, a migrated and seeded database, and a server on free ports."""

    def __init__(self, root: Path):
        self.root = root
        self.pg_dir = root / "pg"
        self.pg_port = free_port()
        self.port = free_port()
        self.url = f"postgresql://portal@127.0.0.1:{self.pg_port}/portal_faults"
        self.server = None
        self.env = dict(os.environ, PORTAL_DATABASE_URL=self.url, PORTAL_LISTEN=f"127.0.0.1:{self.port}",
                        PORTAL_DB_POOL=str(POOL), PORTAL_WORKERS="8", PORTAL_MAIL_DIR=str(root / "mail"))

    def cluster(self, action: str, *extra: str):
        subprocess.run([str(CLUSTER), action, str(self.pg_dir), str(self.pg_port), *extra],
                       check=True, capture_output=True, timeout=120)

    def psql(self, sql: str) -> str:
        return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", self.url, "-c", sql],
                              check=True, capture_output=True, text=True, timeout=60).stdout

    def start_server(self):
        log = open(self.root / "server.log", "ab")
        self.server = subprocess.Popen([BINARY, "serve"], env=self.env, stdout=log, stderr=log)
        for _ in range(300):
            assert self.server.poll() is None, (self.root / "server.log").read_text()
            if self.get("/healthz", host="x")[0] == 200:
                return
            time.sleep(0.1)
        raise AssertionError("the private server never answered /healthz")

    def get(self, path: str, host: str = f"{TOWN}.localhost") -> tuple[int, bytes]:
        """(status, body), or (0, b"") when nothing could be read."""
        request = f"GET {path} HTTP/1.1\r\nHost: {host}:{self.port}\r\nConnection: close\r\n\r\n".encode()
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=20) as sock:
                sock.sendall(request)
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
        except OSError:
            return 0, b""
        responses = split_responses(data) if data else []
        return (responses[0][0], responses[0][2]) if responses else (0, b"")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = Stack(tmp_path_factory.mktemp("faults"))
    stack.cluster("start")
    stack.cluster("createdb", "portal_faults")
    for command in ("migrate", "seed-demo"):
        subprocess.run([BINARY, command], env=stack.env, check=True, capture_output=True, timeout=120)
    stack.start_server()
    yield stack
    if stack.server and stack.server.poll() is None:
        stack.server.terminate()
        stack.server.wait(timeout=30)
    stack.cluster("stop")
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
