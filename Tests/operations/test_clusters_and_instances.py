"""Towns spread over two PostgreSQL clusters, and several app processes sharing one database."""
import itertools
import uuid

import pytest

from operations_support import (DEFAULT_PORT, FormClient, Server, drop_database, fresh_database, portal, portal_env, psql,
                                schema_of, tenants_directory)


@pytest.fixture
def two_clusters(database, second_cluster, tmp_path):
    """cayres-pradelles on the default cluster, clermontais on `second`, both migrated."""
    name = f"portal_ops_second_{uuid.uuid4().hex[:8]}"
    second_url = fresh_database(second_cluster.port, name)
    tenants = tenants_directory(tmp_path, clusters={"clermontais": "second"})
    env = portal_env(database, PORTAL_TENANTS_DIR=str(tenants), PORTAL_CLUSTER_SECOND_URL=second_url,
                     PORTAL_STATUS_CACHE_SECONDS="0")
    yield env, database, second_url
    drop_database(second_cluster.port, name)


def test_migrate_putsEachTownsSchemaOnTheClusterItsFileNames(two_clusters):
    env, default_url, second_url = two_clusters

    result = portal(env, "migrate")

    assert result.returncode == 0, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "platform", "cayres-pradelles", "platform (second)", "clermontais"]
    count = "SELECT count(*) FROM pg_namespace WHERE nspname = '{}'"
    assert psql(default_url, count.format(schema_of("cayres-pradelles"))) == "1"
    assert psql(default_url, count.format(schema_of("clermontais"))) == "0"
    assert psql(second_url, count.format(schema_of("clermontais"))) == "1"
    assert psql(second_url, "SELECT id FROM platform.tenants") == "clermontais"
    listing = portal(env, "tenant", "list").stdout
    assert any(line.startswith("clermontais") and " second " in line for line in listing.splitlines())


def test_server_readsEachTownFromItsOwnCluster_andSuspendsPerCluster(two_clusters, tmp_path):
    env, default_url, second_url = two_clusters
    assert portal(env, "migrate").returncode == 0
    for url, tenant, title in [(default_url, "cayres-pradelles", "Nouvelles du cluster principal"),
                               (second_url, "clermontais", "Nouvelles du second cluster")]:
        psql(url, f"INSERT INTO {schema_of(tenant)}.news_items (title, body, published_on, pinned) "
                  f"VALUES ('{title}', 'x', current_date, true)")

    with Server(env, tmp_path / "server.log") as server:
        assert "Nouvelles du cluster principal" in server.town("cayres-pradelles")[2]
        status, _, body = server.town("clermontais")
        assert status == 200 and "Nouvelles du second cluster" in body and "cluster principal" not in body

        assert portal(env, "tenant", "suspend", "clermontais").returncode == 0
        assert server.town("clermontais")[0] == 503
        assert server.town("cayres-pradelles")[0] == 200
        metrics = server.get(f"operateur.localhost:{server.port}", "/metrics")[2]
        assert 'portal_db_pool_connections{cluster="second",state="idle"}' in metrics


class Instances:
    """Several `portal serve` processes on one database, asked in turn like nginx's upstream does.
    `next()` gives the instance for the next request, so a journey (sign in on one, continue on
    the other) reads as a list of steps whatever the number of instances."""

    def __init__(self, servers):
        self.servers = servers
        self._turn = itertools.cycle(servers)

    def next(self) -> Server:
        return next(self._turn)


@pytest.fixture
def instances(database, tmp_path):
    env = portal_env(database, PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path)), PORTAL_STATUS_CACHE_SECONDS="0")
    assert portal(env, "migrate").returncode == 0
    with Server(env, tmp_path / "a.log") as a, Server(env, tmp_path / "b.log") as b:
        yield env, Instances([a, b])


def test_twoInstances_seeTheSameData_whicheverAnswers(instances):
    env, pool = instances
    database = env["PORTAL_DATABASE_URL"]
    schema = schema_of("cayres-pradelles")
    for round_number in range(3):
        title = f"Annonce {round_number}"
        psql(database, f"INSERT INTO {schema}.news_items (title, body, published_on, pinned) "
                       f"VALUES ('{title}', 'x', current_date, true)")
        # Each new row is read through both instances, in turn.
        for _ in pool.servers:
            status, _, body = pool.next().town("cayres-pradelles")
            assert status == 200 and title in body
    for server in pool.servers:
        assert "tenant=cayres-pradelles method=GET route=/ status=200" in server.log.read_text()


def test_twoInstances_bothShowASuspension_andBothReopen(instances):
    env, pool = instances
    assert portal(env, "tenant", "suspend", "cayres-pradelles").returncode == 0
    assert [pool.next().town("cayres-pradelles")[0] for _ in range(4)] == [503] * 4
    assert portal(env, "tenant", "resume", "cayres-pradelles").returncode == 0
    assert [pool.next().town("cayres-pradelles")[0] for _ in range(4)] == [200] * 4



def test_aFamilySession_movesBetweenInstances(instances):
    env, pool = instances
    assert portal(env, "seed-demo").returncode == 0
    first, second = pool.next(), pool.next()
    family = FormClient("cayres-pradelles")
    # The form shown by one instance is sent to the other, then the session is used on both.
    status, _ = family.submit(first, second, "/connexion", {"courriel": "famille.martin@exemple.fr", "mot_de_passe": "Demo-famille-2026!"})
    assert status == 303, "sign-in through the second instance"
    for server in (first, second, first):
        status, page = family.get(server, "/mon-espace")
        assert status == 200 and "Martin" in page
