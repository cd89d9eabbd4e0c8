"""The nginx site and the systemd unit of deploy/ are accepted by the tools that will load them."""
import re
import subprocess

from operations_support import ROOT


def test_nginxSite_passesNginxConfigTest(tmp_path):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test",
                    "-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
                   check=True, capture_output=True)
    site = (ROOT / "deploy/nginx-portail-famille.conf").read_text().replace("/etc/ssl/portail-famille", str(tmp_path))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(f"""
        pid {tmp_path}/nginx.pid;
        error_log {tmp_path}/error.log;
        events {{}}
        http {{ include {tmp_path}/site.conf; }}
    """)
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_upstreamPorts_matchTheUnitsInstanceConvention():
    site = (ROOT / "deploy/nginx-portail-famille.conf").read_text()
    unit = (ROOT / "deploy/portail-famille@.service").read_text()
    assert len(re.findall(r"^\s*server 127\.0\.0\.1:\d+", site, re.M)) >= 2
    assert "PORTAL_LISTEN=127.0.0.1:%i" in unit


def test_systemdUnit_isAcceptedBySystemdAnalyze(tmp_path):
    unit = tmp_path / "portail-famille@8080.service"
    text = (ROOT / "deploy/portail-famille@.service").read_text().replace("%i", "8080")
    text = text.replace("/opt/portail-famille/portal", "/bin/true").replace("/usr/bin/env PORTAL_LISTEN=127.0.0.1:8080 ", "")
    text = text.replace("EnvironmentFile=/etc/portail-famille/portail-famille.env", "").replace("User=portail", "User=root").replace("Group=portail", "Group=root")
    text = text.replace("WorkingDirectory=/opt/portail-famille", "WorkingDirectory=/")
    unit.write_text(text)
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
    assert "portail-famille@8080.service:" not in result.stderr, result.stderr
