"""`portal migrate`, `portal tenant create|list|suspend|resume` and `portal config check`, as an operator types them."""
import re
import shutil

from operations_support import ROOT, FormClient, Server, portal, portal_env, psql, schema_of, tenants_directory


def broken_sql_directory(tmp_path, name: str, body: str):
    sql = tmp_path / "sql"
    shutil.copytree(ROOT / "sql", sql)
    (sql / "tenant" / name).write_text(body)
    return sql


def test_migrate_printsOneLinePerTown_andExitsNonZeroNamingOnlyTheTownThatFailed(database, tmp_path):
    # Fails in one schema only, so the other towns show they were migrated regardless.
    sql = broken_sql_directory(tmp_path, "999_fails_in_one_town.sql", f"""
        DO $$ BEGIN
            IF current_schema() = '{schema_of("clermontais")}' THEN RAISE EXCEPTION 'panne simulée'; END IF;
        END $$;""")
    env = portal_env(database, PORTAL_SQL_DIR=str(sql), PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path)))

    result = portal(env, "migrate")

    assert result.returncode != 0
    assert "Migration échouée pour : clermontais" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("platform: appliqué")
    assert [line.split(":")[0] for line in lines[1:]] == ["cayres-pradelles", "clermontais"]
    assert "appliqué" in lines[1] and "999_fails_in_one_town.sql" in lines[1]
    assert "échec" in lines[2] and "panne simulée" in lines[2]


def test_migrate_succeeds_andIsSafeToRunAgain(database, tmp_path):
    env = portal_env(database, PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path)))
    assert portal(env, "migrate").returncode == 0
    again = portal(env, "migrate")
    assert again.returncode == 0
    assert again.stdout.splitlines()[1:] == ["cayres-pradelles: à jour", "clermontais: à jour"]


def test_tenantCreate_printsAOneTimeLink_isIdempotent_andListShowsTheTown(database):
    env = portal_env(database)

    first = portal(env, "tenant", "create", str(ROOT / "tenants/val-de-lauze.json"))
    again = portal(env, "tenant", "create", str(ROOT / "tenants/val-de-lauze.json"))

    assert first.returncode == 0, first.stderr
    assert "créé" in first.stdout
    link = re.search(r"http://val-de-lauze\.localhost:8080/gestion/invitation/([A-Za-z0-9_-]{43})", first.stdout)
    assert link
    assert again.returncode == 0 and "déjà présent" in again.stdout
    second_link = re.search(r"/gestion/invitation/([A-Za-z0-9_-]{43})", again.stdout)
    assert second_link and second_link.group(1) != link.group(1)
    assert psql(database, "SELECT count(*) FROM platform.admin_invitations WHERE revoked_at IS NULL") == "1"
    listing = portal(env, "tenant", "list").stdout
    row = next(line for line in listing.splitlines() if line.startswith("val-de-lauze"))
    latest = sorted(path.name for path in (ROOT / "sql/tenant").glob("*.sql"))[-1]
    assert "val-de-lauze.localhost" in row and latest in row and row.endswith("ouverte")


def test_tenantCreate_withAnEmail_queuesTheInvitation_andAFailedCreateQueuesNothing(database, tmp_path):
    env = portal_env(database)
    created = portal(env, "tenant", "create", str(ROOT / "tenants/val-de-lauze.json"), "--email", "maire@example.fr")
    assert created.returncode == 0, created.stderr
    link = re.search(r"/gestion/invitation/([A-Za-z0-9_-]{43})", created.stdout).group(1)
    body = psql(database, "SELECT body FROM platform.outbox WHERE recipient = 'maire@example.fr' AND tenant_id = 'val-de-lauze'")
    assert link in body and "premier administrateur" in body

    broken = portal_env(database, PORTAL_SQL_DIR=str(broken_sql_directory(tmp_path, "999_broken.sql", "SELECT * FROM table_absente;")))
    failed = portal(broken, "tenant", "create", str(ROOT / "tenants/clermontais.json"), "--email", "elu@example.fr")
    assert failed.returncode == 1
    assert psql(database, "SELECT count(*) FROM platform.outbox WHERE recipient = 'elu@example.fr'") == "0"


def test_tenantCreate_thatFails_leavesNoSchema(database, tmp_path):
    sql = broken_sql_directory(tmp_path, "999_broken.sql", "SELECT * FROM table_absente;")
    env = portal_env(database, PORTAL_SQL_DIR=str(sql))

    result = portal(env, "tenant", "create", str(ROOT / "tenants/val-de-lauze.json"))

    assert result.returncode == 1
    assert "rien n'a été conservé" in result.stderr
    schema = schema_of("val-de-lauze")
    assert psql(database, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'") == "0"
    assert psql(database, "SELECT count(*) FROM platform.tenants") == "0"


def test_tenantCreate_ofAnInvalidFile_namesEachProblem(database, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "bad"}')
    result = portal(portal_env(database), "tenant", "create", str(bad))
    assert result.returncode == 1
    assert f"{bad}: " in result.stderr


def test_suspendAndResume_showInTheList(database, tmp_path):
    env = portal_env(database, PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path)))
    assert portal(env, "migrate").returncode == 0

    assert portal(env, "tenant", "suspend", "clermontais").returncode == 0
    assert portal(env, "tenant", "list").stdout.splitlines()[2].endswith("suspendue")
    assert portal(env, "tenant", "resume", "clermontais").returncode == 0
    assert portal(env, "tenant", "list").stdout.splitlines()[2].endswith("ouverte")
    unknown = portal(env, "tenant", "suspend", "nulle-part")
    assert unknown.returncode == 1 and "nulle-part" in unknown.stderr


def test_configCheck_listsEveryProblem_includingAClusterThatDoesNotAnswer(database):
    assert portal(portal_env(database), "config", "check").returncode == 0

    env = portal_env(database, PORTAL_LISTEN="nowhere", PORTAL_CLUSTER_EST_URL="postgresql://portal@127.0.0.1:9/x?connect_timeout=2")
    result = portal(env, "config", "check")
    assert result.returncode == 1
    assert "PORTAL_LISTEN: expected host:port, got nowhere" in result.stderr

    env = portal_env(database, PORTAL_CLUSTER_EST_URL="postgresql://portal@127.0.0.1:9/x?connect_timeout=2")
    result = portal(env, "config", "check")
    assert result.returncode == 1
    assert "PORTAL_CLUSTER_EST_URL: the database does not answer" in result.stderr


def test_newTown_firstAdministrator_acceptsTheInvitation_thenSignsIn(database, tmp_path):
    env = portal_env(database, PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path, ids=("val-de-lauze",))))
    created = portal(env, "tenant", "create", str(ROOT / "tenants/val-de-lauze.json"), "--email", "maire@example.fr")
    assert created.returncode == 0, created.stderr
    path = re.search(r"(/gestion/invitation/[A-Za-z0-9_-]{43})", created.stdout).group(1)
    with Server(env, tmp_path / "server.log") as server:
        admin = FormClient("val-de-lauze")
        fields = {"nom": "Dominique Maire", "courriel": "maire@example.fr",
                  "mot_de_passe": "Grand-chene-du-lavoir-42", "confirmation": "Grand-chene-du-lavoir-42"}
        status, _ = admin.submit(server, server, path, fields)
        assert status == 303
        # The link opens one door only.
        assert admin.get(server, path)[0] in (404, 410)
        status, _ = FormClient("val-de-lauze").submit(server, server, "/gestion/connexion",
                                                      {"courriel": "maire@example.fr", "mot_de_passe": "Grand-chene-du-lavoir-42"})
        assert status == 303
