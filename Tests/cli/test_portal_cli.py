"""The `portal` command as an operator uses it: rules, tenant check, migrate."""
import json
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PORTAL = os.environ.get("PORTAL_BIN", str(ROOT / ".build" / "debug" / "portal"))


def portal(*args, env=None):
    return subprocess.run([PORTAL, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120)


EXPLAIN = ["rules", "explain", "--tenant", "cayres-pradelles", "--activity", "alsh-mercredi", "--unit", "journee"]


def test_explain_refuses_a_wednesday_booked_after_the_five_day_deadline():
    run = portal(*EXPLAIN, "--date", "2026-01-14", "--now", "2026-01-10T10:00:00+01:00", "--action", "book")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "allowed": False,
        "rule": "booking.calendarDaysBefore(5)",
        "deadline": "2026-01-09T23:59:59+01:00",
        "opensAt": None,
        "surchargeCents": None,
        "message": "Réservation close depuis le vendredi 9 janvier 2026 à 23 h 59 (délai : 5 jours calendaires avant la date).",
    }


def test_explain_allows_the_same_booking_a_second_before_the_deadline():
    run = portal(*EXPLAIN, "--date", "2026-01-14", "--now", "2026-01-09T23:59:59+01:00", "--action", "book")
    assert run.returncode == 0, run.stderr
    decision = json.loads(run.stdout)
    assert decision["allowed"] is True
    assert decision["deadline"] == "2026-01-09T23:59:59+01:00"


@pytest.mark.parametrize("args,message", [
    (["rules", "explain", "--tenant", "atlantide", "--activity", "a", "--unit", "u", "--date", "2026-01-14",
      "--now", "2026-01-10T10:00:00+01:00", "--action", "book"], "collectivité inconnue"),
    ([*EXPLAIN[:5], "piscine", "--unit", "journee", "--date", "2026-01-14", "--now", "2026-01-10T10:00:00+01:00",
      "--action", "book"], "piscine"),
    ([*EXPLAIN[:7], "soiree", "--date", "2026-01-14", "--now", "2026-01-10T10:00:00+01:00", "--action", "book"], "soiree"),
    ([*EXPLAIN, "--date", "14/01/2026", "--now", "2026-01-10T10:00:00+01:00", "--action", "book"], "date invalide"),
    ([*EXPLAIN, "--date", "2026-01-14", "--now", "demain", "--action", "book"], "instant invalide"),
    ([*EXPLAIN, "--date", "2026-01-14", "--now", "2026-01-10T10:00:00+01:00", "--action", "garder"], "book ou cancel"),
])
def test_explain_answers_bad_input_with_exit_2_and_a_french_error(args, message):
    run = portal(*args)
    assert run.returncode == 2
    assert message in run.stderr
    assert run.stdout == ""


def test_calendar_lists_running_days_with_deadlines_and_outings():
    run = portal("rules", "calendar", "--tenant", "cayres-pradelles", "--activity", "alsh-vacances",
                 "--from", "2026-02-05", "--to", "2026-02-12")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    # Zone A winter holidays start on Sunday 8 February: the first running day is Monday 9.
    assert lines[0].startswith("2026-02-09")
    assert "réservation ≤ 2026-02-04T23:59:59+01:00" in lines[0]
    assert all(not line.startswith(("2026-02-05", "2026-02-06", "2026-02-07", "2026-02-08")) for line in lines)


def test_tenant_check_passes_on_the_shipped_files():
    run = portal("tenant", "check")
    assert run.returncode == 0, run.stderr
    assert "cayres-pradelles: ok" in run.stdout


def test_tenant_check_reports_every_error_with_file_and_path(tmp_path):
    shutil.copy(ROOT / "tenants" / "cayres-pradelles.json", tmp_path / "cayres-pradelles.json")
    config = json.loads((tmp_path / "cayres-pradelles.json").read_text())
    config["activities"][0]["units"][0]["capacity"] = 0
    config["branding"]["primaryColor"] = "bleu"
    (tmp_path / "cayres-pradelles.json").write_text(json.dumps(config))
    run = portal("tenant", "check", env={"PORTAL_TENANTS_DIR": str(tmp_path)})
    assert run.returncode == 1
    assert "cayres-pradelles.json: activities[0].units[0].capacity: must be a positive integer" in run.stderr
    assert "cayres-pradelles.json: branding.primaryColor:" in run.stderr


def test_serve_refuses_to_start_on_an_invalid_tenant_file_naming_it(tmp_path):
    (tmp_path / "cassee.json").write_text("{ pas du json")
    run = portal("serve", env={"PORTAL_TENANTS_DIR": str(tmp_path), "PORTAL_LISTEN": "127.0.0.1:0"})
    assert run.returncode == 1
    assert "cassee.json" in run.stderr


def test_migrate_is_idempotent_with_one_line_per_town():
    run = portal("migrate")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    towns = sorted(p.stem for p in (ROOT / "tenants").glob("*.json"))
    assert [line.split(":")[0] for line in lines] == ["platform", *towns]
    assert all(line.endswith("à jour") for line in lines)


def test_purge_reports_what_it_deleted_in_french_and_succeeds():
    run = portal("purge")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Supprimé : ")
    assert "session(s)" in run.stdout and "courriel(s) envoyé(s)" in run.stdout
