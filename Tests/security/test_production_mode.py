"""In production (PORTAL_ENVIRONMENT=production) the development helpers do not exist: the mail
viewer under /_dev/ and the PayFiP simulator's host answer as unknown pages, on a server of its
own started in that mode."""
import shutil

import pytest

from private_stack import start_stack, stop_stack

TOWN = "cayres-pradelles.localhost"


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    root = tmp_path_factory.mktemp("production")
    stack = start_stack(root, pool=2, environment="production")
    yield stack
    stop_stack(stack)
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("path", ["/_dev/mail", "/_dev/mail/1.eml", "/_dev/", "/_dev/mail?a=famille"])
def test_development_mailbox_is_not_found(production, path):
    status, body = production.get(path, host=TOWN)
    assert status == 404
    assert "Courriels envoyés".encode() not in body


@pytest.mark.parametrize("path", ["/", "/tpa/paiement.web", "/tpa/paiement.web/resultat"])
def test_payfip_simulator_host_is_an_unknown_portal(production, path):
    status, body = production.get(path, host="payfip.localhost")
    assert status == 404
    assert "Portail introuvable".encode() in body


def test_the_same_server_serves_the_town(production):
    # The 404s above are the mode's doing, not a server that serves nothing.
    status, body = production.get("/", host=TOWN)
    assert status == 200 and "Cayres".encode() in body
