"""deploy/backup-tenant.sh then deploy/restore-tenant.sh into a fresh cluster: the town's data is there."""
import subprocess
import uuid

import pytest

from operations_support import ROOT, drop_database, fresh_database, portal, portal_env, psql, schema_of, tenants_directory


def script(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "deploy" / name), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def restore_target(second_cluster):
    name = f"portal_ops_restore_{uuid.uuid4().hex[:8]}"
    yield fresh_database(second_cluster.port, name)
    drop_database(second_cluster.port, name)


def test_backupOfOneTown_restoresIntoAFreshCluster_withItsData_andMigrateAdoptsIt(database, restore_target, tmp_path):
    env = portal_env(database, PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path)))
    assert portal(env, "migrate").returncode == 0
    assert portal(env, "seed-demo").returncode == 0
    schema = schema_of("cayres-pradelles")
    psql(database, f"INSERT INTO {schema}.news_items (title, body, published_on) VALUES ('Fête de l''école', 'x', current_date)")
    titles = psql(database, f"SELECT string_agg(title, '|' ORDER BY id) FROM {schema}.news_items")
    backup = tmp_path / "cayres.dump"

    saved = script("backup-tenant.sh", schema, str(backup), database)
    restored = script("restore-tenant.sh", str(backup), restore_target)

    assert saved.returncode == 0, saved.stderr
    assert restored.returncode == 0, restored.stderr
    assert psql(restore_target, f"SELECT string_agg(title, '|' ORDER BY id) FROM {schema}.news_items") == titles
    assert "Fête de l'école" in titles
    # Only that town: the other town's schema and the platform tables stayed behind.
    assert psql(restore_target, f"SELECT count(*) FROM pg_namespace WHERE nspname IN ('{schema_of('clermontais')}', 'platform')") == "0"
    # The restored schema remembers its migrations, so migrate only registers the town.
    target_env = portal_env(restore_target, PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path / "t2", ids=("cayres-pradelles",))))
    migrated = portal(target_env, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "cayres-pradelles: à jour" in migrated.stdout
    assert psql(restore_target, "SELECT id FROM platform.tenants") == "cayres-pradelles"


def test_restore_refusesToOverwriteAnExistingSchema(database, tmp_path):
    env = portal_env(database, PORTAL_TENANTS_DIR=str(tenants_directory(tmp_path)))
    assert portal(env, "migrate").returncode == 0
    backup = tmp_path / "cayres.dump"
    assert script("backup-tenant.sh", schema_of("cayres-pradelles"), str(backup), database).returncode == 0

    again = script("restore-tenant.sh", str(backup), database)

    assert again.returncode == 1
    assert "existe déjà" in again.stderr


def test_backup_ofAMissingSchema_failsWithoutLeavingAFile(database, tmp_path):
    backup = tmp_path / "none.dump"
    result = script("backup-tenant.sh", "t_nulle_part", str(backup), database)
    assert result.returncode == 1 and not backup.exists()


def test_setupPostgres_createsRoleAndDatabase_once(second_cluster):
    env = {"PGHOST": "127.0.0.1", "PGPORT": str(second_cluster.port), "PGUSER": "postgres", "PATH": "/usr/bin:/bin"}
    run = lambda: subprocess.run([str(ROOT / "deploy/setup-postgres.sh"), "portail_essai", "portail_essai"],
                                 env=env, capture_output=True, text=True, timeout=60)
    first, second = run(), run()
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "rôle portail_essai créé" in first.stdout and "déjà présent" in second.stdout
    url_line = next(line for line in first.stdout.splitlines() if line.startswith("PORTAL_DATABASE_URL="))
    url = url_line.split("=", 1)[1]
    assert psql(url, "SELECT current_user || ' ' || current_database()") == "portail_essai portail_essai"
    assert psql(url, "SELECT count(*) FROM pg_extension WHERE extname = 'pgcrypto'") == "1"
