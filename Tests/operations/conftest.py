"""Fixtures of the operations suite (see operations_support.py)."""
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from operations_support import Cluster, DEFAULT_PORT, drop_database, fresh_database  # noqa: E402


@pytest.fixture(scope="session")
def second_cluster():
    """A second PostgreSQL cluster on loopback, started once for the suite."""
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def database(request):
    """A fresh database on the default cluster, dropped afterwards."""
    name = "portal_ops_" + re.sub(r"[^a-z0-9_]", "_", request.node.name.lower())[:40]
    url = fresh_database(DEFAULT_PORT, name)
    yield url
    drop_database(DEFAULT_PORT, name)
