"""A stack of one's own for tests that break things or leave traces: a PostgreSQL cluster, a
migrated and seeded database and a server, on free ports, so the shared test cluster and the
suites' server are never disturbed."""
import os
import socket
import subprocess
import time
from pathlib import Path

from portal_live import split_responses

REPO = Path(__file__).resolve().parents[2]
CLUSTER = REPO / "deploy" / "local-cluster.sh"
BINARY = os.environ.get("PORTAL_BIN", str(REPO / ".build" / "debug" / "portal"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stack:
    """A cluster, a migrated and seeded database, and a server on free ports."""

    def __init__(self, root: Path, pool: int = 4, environment: str = "development", settings: dict | None = None):
        self.root = root
        self.pg_dir = root / "pg"
        self.pg_port = free_port()
        self.port = free_port()
        self.url = f"postgresql://portal@127.0.0.1:{self.pg_port}/portal_private"
        self.server = None
        self.env = dict(os.environ, PORTAL_DATABASE_URL=self.url, PORTAL_LISTEN=f"127.0.0.1:{self.port}",
                        PORTAL_DB_POOL=str(pool), PORTAL_WORKERS="8", PORTAL_MAIL_DIR=str(root / "mail"),
                        PORTAL_ENVIRONMENT=environment, **(settings or {}))

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

    def get(self, path: str, host: str = "cayres-pradelles.localhost") -> tuple[int, bytes]:
        """(status, body), or (0, b"") when nothing could be read."""
        status, _, body = self.fetch(path, host)
        return status, body

    def fetch(self, path: str, host: str) -> tuple[int, dict, bytes]:
        """(status, headers, body), or (0, {}, b"") when nothing could be read."""
        request = f"GET {path} HTTP/1.1\r\nHost: {host}:{self.port}\r\nConnection: close\r\n\r\n".encode()
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=20) as sock:
                sock.sendall(request)
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
        except OSError:
            return 0, {}, b""
        responses = split_responses(data) if data else []
        return responses[0] if responses else (0, {}, b"")


def start_stack(root: Path, pool: int = 4, environment: str = "development", settings: dict | None = None) -> Stack:
    """`settings`: more PORTAL_* variables for the server."""
    stack = Stack(root, pool=pool, environment=environment, settings=settings)
    stack.cluster("start")
    stack.cluster("createdb", "portal_private")
    for command in ("migrate", "seed-demo"):
        subprocess.run([BINARY, command], env=stack.env, check=True, capture_output=True, timeout=120)
    stack.start_server()
    return stack


def stop_stack(stack: Stack):
    if stack.server and stack.server.poll() is None:
        stack.server.terminate()
        stack.server.wait(timeout=30)
    stack.cluster("stop")
