"""The address a request came from, also behind a reverse proxy.

Behind nginx or Caddy every request reaches Bedside from the proxy (often 127.0.0.1). Taken at
face value, the audit trail would say every read came from the proxy, and the per-address
sign-in limit would lock everybody out together once anyone guessed wrong 30 times. The proxy
names the real client in ``X-Forwarded-For``; that header is believed only when the request
comes from a proxy listed in ``BEDSIDE_TRUSTED_PROXIES``, and then read from the right,
skipping the trusted proxies, because anything further left was written by the client and can
be forged.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(items: Sequence[str]) -> list[Network]:
    """``["127.0.0.1", "10.0.0.0/8"]`` → networks; a ValueError names a bad entry."""
    networks: list[Network] = []
    for item in items:
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"{item!r} is not an IP address or network") from None
    return networks


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    networks: list[Network] = settings.BEDSIDE_TRUSTED_PROXIES
    return any(address in network for network in networks)


def client_address(meta: Mapping[str, Any]) -> str | None:
    """The client's address for this request's ``META``; None when there is none to tell."""
    remote = _address(str(meta.get("REMOTE_ADDR") or ""))
    if remote is None:
        return None
    if not _trusted(remote):
        return str(remote)
    hops = [h for h in str(meta.get("HTTP_X_FORWARDED_FOR") or "").split(",") if h.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage where an address should be: trust nothing further left
        if not _trusted(address):
            return str(address)
    return str(remote)
