"""What keeps untrusted article text inert and the write endpoints closed to strangers.

* Every response carries a strict Content-Security-Policy: scripts only from this server (no inline
  script, no ``eval``), no plugins, no framing, forms post only here.
* Write endpoints need the server's token when it listens on anything but a loopback address, and refuse
  cross-site requests (a page on another site cannot make your browser post an upload).
* Request bodies of write endpoints are limited in size.
"""

from __future__ import annotations

import ipaddress
import secrets
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'; worker-src 'self' blob:")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
TOKEN_HEADER = "x-fulcrum-token"


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(18)


def token_ok(expected: str | None, given: str | None) -> bool:
    if expected is None:
        return True
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())


def same_origin(headers: Any) -> bool:
    """False for a request a browser marks as cross-site, or whose Origin is not this server."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == headers.get("host", "")
    return origin != "null"


class SecurityHeaders:
    """Pure ASGI middleware: adds the headers above, and caps write-request bodies at ``max_body``."""

    def __init__(self, app: ASGIApp, max_body: int, limited_prefixes: tuple[str, ...]) -> None:
        self.app = app
        self.max_body = max_body
        self.limited = limited_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in have]
            await send(message)

        if scope["method"] == "POST" and scope["path"].startswith(self.limited):
            length = dict(scope["headers"]).get(b"content-length")
            if length is not None and length.isdigit() and int(length) > self.max_body:
                await _too_large(send_with_headers, self.max_body)
                return
            seen = 0
            refused = False  # the body passed the limit: whatever the app answers, the client gets a 413
            answered = False

            async def counting_receive() -> Message:
                nonlocal seen, refused
                message = await receive()
                if message["type"] == "http.request":
                    seen += len(message.get("body", b""))
                    if seen > self.max_body:
                        refused = True
                        return {"type": "http.disconnect"}
                return message

            async def limited_send(message: Message) -> None:
                nonlocal answered
                if not refused:
                    await send_with_headers(message)
                elif not answered:  # the app's answer to the cut-off body ("error parsing the body") is replaced
                    answered = True
                    await _too_large(send_with_headers, self.max_body)

            await self.app(scope, counting_receive, limited_send)
            if refused and not answered:
                await _too_large(send_with_headers, self.max_body)
            return
        await self.app(scope, receive, send_with_headers)


async def _too_large(send: Send, limit: int) -> None:
    body = (f'{{"detail": "The upload is larger than the server\'s limit of {limit // (1024 * 1024)} MB: '
            f'upload fewer or smaller files, or start the server with a larger --max-upload-mb."}}').encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
