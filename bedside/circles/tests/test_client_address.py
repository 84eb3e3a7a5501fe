"""Behind a trusted reverse proxy the audit and the sign-in limit see the client, not the proxy;
a forwarded header from anyone else is ignored (it could be forged)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bedside.circles.client_address import client_address, parse_networks
from bedside.circles.models import AuditEvent
from conftest import PASSWORD

PROXY = "127.0.0.1"


@pytest.fixture
def behind_proxy(settings):  # type: ignore[no-untyped-def]
    settings.BEDSIDE_TRUSTED_PROXIES = parse_networks([PROXY, "10.1.0.0/16"])
    return settings


@pytest.mark.parametrize(
    "remote, forwarded, expected",
    [
        ("203.0.113.7", "", "203.0.113.7"),  # no proxy configured for this address
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),  # forged header from a client: ignored
        (PROXY, "198.51.100.1", "198.51.100.1"),
        (PROXY, "198.51.100.1, 10.1.2.3", "198.51.100.1"),  # through two trusted proxies
        (PROXY, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # the client's own prefix is skipped
        (PROXY, "not-an-address, 198.51.100.1", "198.51.100.1"),
        (PROXY, "198.51.100.1, garbage", PROXY),  # the proxy wrote garbage: trust nothing more
        (PROXY, "", PROXY),
        (PROXY, "2001:db8::5", "2001:db8::5"),
        ("", "198.51.100.1", None),
    ],
)
def test_the_client_address_is_read_from_the_right_past_trusted_proxies(
    behind_proxy, remote: str, forwarded: str, expected: str | None
) -> None:
    meta = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}
    assert client_address(meta) == expected


def test_a_bad_proxy_setting_names_the_entry() -> None:
    with pytest.raises(ValueError, match="'10.0.0.300' is not an IP address"):
        parse_networks(["127.0.0.1", "10.0.0.300"])


@pytest.mark.datalayer
def test_behind_the_proxy_one_guesser_does_not_lock_everybody_out(
    behind_proxy, personas, client
) -> None:
    behind_proxy.BEDSIDE_LOGIN_FAILURES_PER_IP = 3
    guesser = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for name in ("a", "b", "c"):
        client.post(reverse("login"), {"username": name, "password": "wrong 123"}, **guesser)
    refused = client.post(reverse("login"), {"username": "maya", "password": PASSWORD}, **guesser)
    assert "from this connection" in refused.content.decode()

    family = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    signed_in = client.post(reverse("login"), {"username": "maya", "password": PASSWORD}, **family)
    assert signed_in.status_code == 302
    assert AuditEvent.objects.get(action="login").ip == "198.51.100.20"
    assert set(AuditEvent.objects.filter(action="login.failed").values_list("ip", flat=True)) == {
        "198.51.100.66"
    }
