"""The address guard: which IP addresses a fetch may connect to.

A host is resolved once, every address in the answer is vetted, and the
connection is then made only to those vetted addresses. Nothing is sent to a
refused address, not even a TCP handshake, so a refusal reads the same
whether or not something listens there (the guard is no port scanner), and
a DNS answer cannot change between the check and the connect.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import TypeAlias

__all__ = ["AddressInfo", "BlockedAddressError", "blocked_category", "resolve_vetted"]

AddressInfo: TypeAlias = tuple[
    socket.AddressFamily,
    socket.SocketKind,
    int,
    str,
    tuple[str, int] | tuple[str, int, int, int] | tuple[int, bytes],
]
"""One entry of a :func:`socket.getaddrinfo` answer."""


def blocked_category(address: str) -> str | None:
    """Why *address* (an IP literal) must not be contacted, or None if public.

    IPv4-mapped IPv6 addresses are judged by the IPv4 address they carry.
    Anything not globally routable (e.g. 100.64.0.0/10, where some clouds put
    metadata services) is refused as "non-public".
    """
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


class BlockedAddressError(Exception):
    """A host resolved to an address the guard refuses."""

    def __init__(self, address: str, category: str) -> None:
        super().__init__(address, category)
        self.address = address
        self.category = category


def resolve_vetted(
    host: str, port: int, *, allow_private: bool, family: int = socket.AF_UNSPEC
) -> list[AddressInfo]:
    """Resolve *host* for a TCP connection and vet every address in the answer.

    Raises :class:`BlockedAddressError` if any address is refused (unless
    *allow_private*): a name that answers with one public and one private
    address could otherwise be steered to the private one. Resolution
    failures propagate as :class:`socket.gaierror`.
    """
    answer: list[AddressInfo] = list(socket.getaddrinfo(host, port, family, socket.SOCK_STREAM))
    if not allow_private:
        for *_, sockaddr in answer:
            address = str(sockaddr[0]).partition("%")[0]
            category = blocked_category(address)
            if category is not None:
                raise BlockedAddressError(address, category)
    return answer
