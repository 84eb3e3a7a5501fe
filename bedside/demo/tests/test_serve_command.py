"""``bedside serve`` runs Django's server without auto-reload (nothing is actually served here)."""

import pytest
from django.core.management import call_command

from bedside.demo.management.commands import serve


@pytest.fixture
def calls(monkeypatch):
    made = []
    monkeypatch.setattr(serve, "call_command", lambda *a, **k: made.append((a, k)))
    return made


def test_it_serves_on_localhost_port_8000_without_reloading(calls, settings, capsys):
    settings.DEBUG = True
    call_command("serve")
    assert calls == [(("runserver", "127.0.0.1:8000"), {"use_reloader": False})]
    assert "http://127.0.0.1:8000/" in capsys.readouterr().out


def test_without_debug_it_collects_static_files_first(calls, settings):
    settings.DEBUG = False
    call_command("serve", "0.0.0.0:8080")
    assert calls == [
        (("collectstatic",), {"interactive": False, "verbosity": 0}),
        (("runserver", "0.0.0.0:8080"), {"use_reloader": False}),
    ]
