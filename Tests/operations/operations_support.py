"""Helpers of the operations suite: fresh databases, a second throw-away PostgreSQL cluster,
the `portal` command, and servers started on ports of their own."""
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("PORTAL_BIN", str(ROOT / ".build/debug/portal"))
DEFAULT_URL = os.environ.get("PORTAL_DATABASE_URL", "postgresql://portal@127.0.0.1:54320/portal_test")
DEFAULT_PORT = urllib.parse.urlparse(DEFAULT_URL).port or 5432


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(url: str, sql: str) -> str:
    return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def fresh_database(port: int, name: str) -> str:
    """An empty database owned by `portal` on the cluster at `port`; returns its URL."""
    admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    psql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if psql(admin, "SELECT 1 FROM pg_roles WHERE rolname = 'portal'") != "1":
        psql(admin, "CREATE ROLE portal LOGIN")
    psql(admin, f'CREATE DATABASE "{name}" OWNER portal')
    return f"postgresql://portal@127.0.0.1:{port}/{name}"


def drop_database(port: int, name: str) -> None:
    psql(f"postgresql://postgres@127.0.0.1:{port}/postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Cluster:
    """A throw-away PostgreSQL cluster in a temporary directory (deploy/local-cluster.sh)."""

    def __init__(self):
        self.directory = tempfile.mkdtemp(prefix="portal-cluster-")
        self.port = free_port()

    def start(self):
        subprocess.run([str(ROOT / "deploy/local-cluster.sh"), "start", self.directory, str(self.port)],
                       check=True, capture_output=True, text=True)
        return self

    def stop(self):
        subprocess.run([str(ROOT / "deploy/local-cluster.sh"), "stop", self.directory], capture_output=True)
        shutil.rmtree(self.directory, ignore_errors=True)


def portal_env(database_url: str, **extra: str) -> dict:
    env = dict(os.environ)
    env.update({"PORTAL_DATABASE_URL": database_url, "PORTAL_TENANTS_DIR": str(ROOT / "tenants"),
                "PORTAL_SQL_DIR": str(ROOT / "sql"), "PORTAL_ENVIRONMENT": "development",
                "PORTAL_BASE_DOMAINS": "localhost", "PORTAL_LISTEN": "127.0.0.1:8080"})
    for key in [k for k in env if k.startswith("PORTAL_CLUSTER_")]:
        del env[key]
    env.update(extra)
    return env


def portal(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=120)


def tenants_directory(tmp_path: Path, clusters: dict | None = None, ids=("cayres-pradelles", "clermontais")) -> Path:
    """Copies of shipped tenant files; `clusters` maps an id to the databaseCluster it names."""
    directory = tmp_path / "tenants"
    directory.mkdir(parents=True)
    for tenant in ids:
        data = json.loads((ROOT / "tenants" / f"{tenant}.json").read_text())
        if clusters and tenant in clusters:
            data["databaseCluster"] = clusters[tenant]
        (directory / f"{tenant}.json").write_text(json.dumps(data, ensure_ascii=False))
    return directory


def schema_of(tenant: str) -> str:
    return json.loads((ROOT / "tenants" / f"{tenant}.json").read_text())["schema"]


class Server:
    """`portal serve` on a port of its own; its standard output (request logs) goes to `log`."""

    def __init__(self, env: dict, log: Path):
        self.port = free_port()
        self.log = log
        self.env = dict(env, PORTAL_LISTEN=f"127.0.0.1:{self.port}")

    def __enter__(self):
        self.output = open(self.log, "w")
        self.process = subprocess.Popen([BIN, "serve"], env=self.env, stdout=self.output, stderr=subprocess.STDOUT)
        for _ in range(300):
            if self.process.poll() is not None:
                raise RuntimeError(f"server stopped at start-up: {self.log.read_text()}")
            with contextlib.suppress(OSError):
                if self.get("any", "/healthz")[0] == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError("server did not answer /healthz")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.output.close()

    def get(self, host: str, path: str = "/", headers: dict | None = None):
        """(status, headers, body text) of a GET with the given Host."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Host": host, **(headers or {})})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
        finally:
            connection.close()

    def town(self, tenant: str, path: str = "/"):
        return self.get(f"{tenant}.localhost:{self.port}", path)


class FormClient:
    """A person's browser reduced to what the forms need: a cookie jar, the CSRF field read from
    the page, and the pause a person takes before sending (the anti-robot timing)."""

    def __init__(self, subdomain: str):
        self.subdomain = subdomain
        self.cookies: dict = {}

    def _send(self, server, method, path, body=None):
        host = f"{self.subdomain}.localhost:{server.port}"
        headers = {"Host": host, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{host}"})
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, val = value.split(";", 1)[0].partition("=")
                    self.cookies[key] = val
            return response.status, response.read().decode()
        finally:
            connection.close()

    def get(self, server, path):
        return self._send(server, "GET", path)

    def submit(self, shown_by, sent_to, path, fields: dict):
        """Loads the form at `path` from one server and posts it, filled, to another (or the same)."""
        status, page = self.get(shown_by, path)
        assert status == 200, f"GET {path}: {status}"
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        time.sleep(2.2)
        return self._send(sent_to, "POST", path, urllib.parse.urlencode({"csrf": csrf, **fields}))
