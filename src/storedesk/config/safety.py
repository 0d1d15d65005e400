"""Checks that keep a production install from starting with development settings, and the
safe defaults of a development one."""

import socket

from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SECRET_KEY = "storedesk-development-key-never-use-in-production"  # noqa: S105  (refused in production)


def check_production_settings(*, secret_key: str, debug: bool, allowed_hosts: list[str]) -> None:
    """Refuse to start in production mode with settings that are only safe on a laptop."""
    problems = []
    if secret_key == DEVELOPMENT_SECRET_KEY:
        problems.append("SECRET_KEY is the development key; set a long random SECRET_KEY.")
    elif len(secret_key) < 40:
        problems.append("SECRET_KEY is shorter than 40 characters.")
    if debug:
        problems.append("DEBUG is on; production must run with DEBUG=false.")
    if not allowed_hosts:
        problems.append("ALLOWED_HOSTS is empty; list the host names Storedesk answers to.")
    if problems:
        raise ImproperlyConfigured(
            "Storedesk refuses to start in production mode: " + " ".join(problems)
        )


# Documentation addresses (RFC 5737, RFC 3849): connecting a UDP socket towards one sends
# nothing, yet tells which local address the machine's default route would use.
_ROUTE_PROBES = ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1"))


def machine_hosts() -> list[str]:
    """The host names a development install answers to: loopback, this machine's name, and
    the address other machines on the LAN reach it at. Anything else (a public name, a
    second network) is listed in ALLOWED_HOSTS."""
    hosts = ["127.0.0.1", "localhost", "[::1]"]
    name = socket.gethostname().lower()
    if name:
        hosts += [name, f"{name}.local"]
    for family, probe_address in _ROUTE_PROBES:
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((probe_address, 9))
                address = str(probe.getsockname()[0])
        except OSError:  # no route of that family: nothing to add
            continue
        hosts.append(f"[{address}]" if family == socket.AF_INET6 else address)
    return list(dict.fromkeys(hosts))
