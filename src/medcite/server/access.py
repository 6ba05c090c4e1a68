"""Who may reach the server: the Host allow-list, the optional bearer token, and exposure.

- **Host allow-list.** A browser page on another site can point its own host name at 127.0.0.1
  (DNS rebinding) and then read this server as if it were same-origin; the only thing that gives it
  away is the ``Host`` header. Requests whose Host is not localhost, 127.0.0.1, [::1], the bound
  address or a configured name get 400.
- **Bearer token.** With ``MEDCITE_API_TOKEN`` set, every ``/v1/`` request needs
  ``Authorization: Bearer <token>`` (compared in constant time, never logged); the web page and its
  static files stay public (the page sends the token it was given in a ``#token=`` link).
- **Exposure.** Binding to anything but a loopback address needs an explicit ``expose``; then one
  line says what is reachable and whether a token protects it.
"""

from __future__ import annotations

import hmac
import ipaddress
import socket

from starlette.types import ASGIApp, Receive, Scope, Send

from medcite.errors import InputError
from medcite.server.middleware import send_error
from medcite.server.schemas import ErrorCode, ErrorDetail, ServerSettings

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", ""})
PROTECTED_PREFIX = "/v1/"


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, expose: bool) -> None:
    """Refuse a non-loopback bind unless ``expose`` says it is meant."""
    if not expose and not is_loopback(host):
        raise InputError(
            f"--host {host} makes the API, the web page and stored answers reachable from other "
            "machines; add --expose to mean it (and set MEDCITE_API_TOKEN to require a token), "
            "or serve on 127.0.0.1"
        )


def bind_names(host: str) -> tuple[str, ...]:
    """Host names the bound address answers to: the address itself, or this machine's name
    when bound to every interface."""
    name = host.strip().strip("[]").lower()
    if name in WILDCARD_BINDS:
        return (socket.gethostname().lower(),)
    return (name,)


def with_bind_address(settings: ServerSettings, host: str) -> ServerSettings:
    """``settings`` whose allowed hosts include the names of the bound address."""
    extra = tuple(n for n in bind_names(host) if n not in settings.allowed_hosts)
    return settings.model_copy(update={"allowed_hosts": (*settings.allowed_hosts, *extra)})


def api_token(settings: ServerSettings) -> str:
    """The configured token, or "" when the API is open."""
    return settings.api_token.get_secret_value() if settings.api_token is not None else ""


def exposure_line(host: str, port: int, settings: ServerSettings) -> str:
    """One line: what a non-loopback bind makes reachable, and whether a token protects it."""
    guard = (
        "protected by MEDCITE_API_TOKEN (the page: open it as /#token=<token>)"
        if api_token(settings)
        else "NOT protected by a token (set MEDCITE_API_TOKEN)"
    )
    live = "live sources allowed" if settings.allow_live else "local index only"
    if settings.allow_llm:
        live += "; the language model allowed (questions go to its endpoint)"
    hosts = ", ".join(allowed_host_names(settings))
    return (
        f"exposed on {host}:{port}: the API (/v1/), the web page and stored answers (by full id) "
        f"are reachable from other machines, {guard}; {live}; Host names answered: {hosts}"
    )


def allowed_host_names(settings: ServerSettings) -> tuple[str, ...]:
    names = [*LOCAL_HOSTS, *(h.strip().strip("[]").lower() for h in settings.allowed_hosts)]
    return tuple(dict.fromkeys(n for n in names if n))


def host_name(header: str) -> str:
    """The host part of a ``Host`` header (without port or IPv6 brackets), lower-cased."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


class HostCheckMiddleware:
    """400 for a ``Host`` header that names none of the allowed hosts (``*`` allows all)."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = frozenset(allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        if host_name(_header(scope, b"host")) in self.allowed:
            await self.app(scope, receive, send)
            return
        message = (
            "this server does not answer to the host name in this request (a protection against "
            "DNS rebinding); open it as http://localhost:<port>/, or start it with "
            "--allowed-host NAME (MEDCITE_SERVER_ALLOWED_HOSTS) for the name you use"
        )
        await send_error(send, 400, ErrorDetail(code=ErrorCode.HOST_NOT_ALLOWED, message=message))


class BearerTokenMiddleware:
    """401 for a ``/v1/`` request without ``Authorization: Bearer <token>``."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(PROTECTED_PREFIX):
            await self.app(scope, receive, send)
            return
        given = _header(scope, b"authorization").encode("latin-1")
        if hmac.compare_digest(given, self.expected):
            await self.app(scope, receive, send)
            return
        message = (
            "this server requires a token: send 'Authorization: Bearer <token>' "
            "(the web page: open it as /#token=<token>)"
        )
        detail = ErrorDetail(code=ErrorCode.UNAUTHORIZED, message=message)
        await send_error(send, 401, detail, headers=[(b"www-authenticate", b"Bearer")])
