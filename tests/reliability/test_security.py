"""Secrets stay secret, tokens stay on their origin, and no call waits forever.

* Logging (``MODELSLAB_LOG=debug``, or the standard ``logging`` tree) shows method, URL,
  status, timing and retries, and never a header, a token, a key or a password.
* Canaries: known secrets sent through every route, error and retry path never show in
  logs, reprs, exception texts or formatted tracebacks.
* A bearer token never travels over plain http:// off loopback, never follows a redirect,
  and TLS certificates are verified.
* Path parameters cannot change the route.
* A server that never answers, or answers a byte at a time, ends in ``APITimeoutError``.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import logging
import os
import re
import socket
import ssl
import subprocess
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from modelslab_agents import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncModelsLab,
    AuthenticationError,
    BatchError,
    EmailNotVerifiedError,
    InsecureTransportError,
    ModelsLab,
    ModelsLabError,
    NotFoundError,
    RetryEvent,
    ValidationError,
)
from modelslab_agents.testing import FakeControlPlane

from .conftest import OWNER_EMAIL, Recorder

PASSWORD = "canary-password-Qx7Jm2Vb"
NEW_PASSWORD = "canary-new-password-Zp4Wd8Lk"
NEWER_PASSWORD = "canary-newer-password-Hy3Tr6Ns"
WRONG_PASSWORD = "canary-wrong-password-Pc9Xe1Ga"
WRONG_RESET = "canary-wrong-reset-token-Ub5Rq0"
ECHO_TOKEN = "9|canary-echoed-token-Mv2Kx7Qp"
PROFILE = {"data": {"id": 5}, "error": None}


class Capture:
    """Everything the SDK could show a person: log lines, reprs, errors, tracebacks."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.errors: list[BaseException] = []

    def show(self, *values: Any) -> None:
        for value in values:
            self.texts += [repr(value), str(value)]

    def error(self, exc: BaseException) -> None:
        self.errors.append(exc)
        self.texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
        cause = exc.__cause__ or exc.__context__
        if cause is not None:
            self.texts += [str(cause), repr(cause)]

    async def expect(self, error: type[BaseException], call: Any) -> BaseException:
        with pytest.raises(error) as caught:
            await call
        self.error(caught.value)
        return caught.value

    def leaks(self, secrets: list[str], records: list[logging.LogRecord]) -> list[str]:
        texts = self.texts + [_record_text(r) for r in records]
        return sorted({s for s in secrets for text in texts if s in text})


def _record_text(record: logging.LogRecord) -> str:
    text = record.getMessage()
    if record.exc_info:
        text += "".join(traceback.format_exception(*record.exc_info))
    return text


# -- logging ------------------------------------------------------------------------

_LOGGED_FLOW = """
import anyio
from modelslab_agents import AsyncModelsLab, ModelsLabError
from modelslab_agents.testing import FakeControlPlane

fake = FakeControlPlane(seed=3)
fake.create_account("ada@example.com", {password!r})
token = fake.issue_token("ada@example.com")
print(token)

async def main():
    async with AsyncModelsLab(transport=fake.transport(), retry_backoff=0) as anon:
        session = await anon.auth.login("ada@example.com", {password!r})
        print(session.access_token.get_secret_value())
        client = anon.with_token(session.access_token)
        fake.inject_fault("server_error", status=503, retry_after=0, route="GET /me")
        await client.profile.get()
        key = await client.api_keys.create("logged")
        print(key.key.get_secret_value())
        try:
            await client.api_keys.get(987654)
        except ModelsLabError:
            pass

anyio.run(main)
"""


def test_debug_logging_from_the_environment_shows_requests_never_secrets() -> None:
    env = {**os.environ, "MODELSLAB_LOG": "debug"}
    for name in ("MODELSLAB_AGENT_TOKEN", "MODELSLAB_TOKEN", "MODELSLAB_BASE_URL"):
        env.pop(name, None)
    script = _LOGGED_FLOW.format(password=PASSWORD)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    secrets = [*done.stdout.split(), PASSWORD]
    assert len(secrets) == 4
    log = done.stderr
    base = "https://modelslab.com/api/agents/v1"
    assert f"POST {base}/auth/login -> 200 in " in log
    assert f"GET {base}/me -> 503 in " in log
    assert f"retrying GET {base}/me in 0.00 s (attempt 2 of 3): status 503" in log
    assert f"GET {base}/me -> 200 in " in log
    assert " ms (attempt 2)" in log
    assert f"GET {base}/api-keys/987654 -> 404 in " in log
    assert "DEBUG modelslab_agents" in log
    assert [s for s in secrets if s in log] == []
    assert "Bearer" not in log
    assert "authorization" not in log.lower()


@pytest.mark.anyio
async def test_the_logging_tree_at_debug_never_shows_a_secret(
    fake: FakeControlPlane, caplog: pytest.LogCaptureFixture
) -> None:
    # Every logger, the HTTP stack's included, over a real socket.
    caplog.set_level(logging.DEBUG)
    fake.create_account(OWNER_EMAIL, PASSWORD)
    with fake.serve() as base_url:
        async with AsyncModelsLab(base_url=base_url, retry_backoff=0) as anon:
            session = await anon.auth.login(OWNER_EMAIL, PASSWORD)
            client = anon.with_token(session.access_token)
            fake.inject_fault("drop_after", route="GET /api-keys")
            key = await client.api_keys.create("tree")
            await client.api_keys.list()
            with pytest.raises(AuthenticationError):
                await anon.auth.login(OWNER_EMAIL, WRONG_PASSWORD)
    assert key.key is not None
    token = session.access_token.get_secret_value()
    secrets = [token, key.key.get_secret_value(), PASSWORD, WRONG_PASSWORD]
    texts = [_record_text(r) for r in caplog.records]
    assert [s for s in secrets if any(s in t for t in texts)] == []
    assert not any("Bearer" in t for t in texts)
    sdk = [r.getMessage() for r in caplog.records if r.name == "modelslab_agents"]
    assert any(m.startswith(f"GET {base_url}/api-keys -> 200 in ") for m in sdk)
    assert any(m.startswith(f"retrying GET {base_url}/api-keys in ") for m in sdk)
    assert any(m.startswith(f"POST {base_url}/auth/login -> 401 in ") for m in sdk)


# -- canaries ---------------------------------------------------------------------------


@pytest.mark.anyio
async def test_canaries_never_show_on_any_route_error_or_retry(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeControlPlane(require_email_verification=True, seed=23)
    seen = Capture()
    events: list[RetryEvent] = []
    secrets = [PASSWORD, NEW_PASSWORD, NEWER_PASSWORD, WRONG_PASSWORD, WRONG_RESET]
    email, invitee = "canary@example.com", "grace@example.com"
    fake.create_account(invitee, "grace-password-Wq8Zr3Lf", username="grace")
    grace_token = fake.issue_token(invitee)
    secrets.append(grace_token)
    recorder = Recorder(fake.transport())
    options: dict[str, Any] = {"retry_backoff": 0, "on_retry": events.append}
    async with AsyncModelsLab(transport=recorder, **options) as anon:
        seen.show(anon, anon.auth)
        signup = await anon.auth.signup(email, PASSWORD, name="Canary")
        seen.show(signup)
        await seen.expect(EmailNotVerifiedError, anon.auth.login(email, PASSWORD))
        await anon.auth.resend_verification(email)
        code = fake.outbox[-1].token
        secrets.append(code)
        await seen.expect(APIError, anon.auth.verify_email("000000-not-the-code"))
        fake.inject_fault("rate_limit", retry_after=0, route="POST /auth/verify-email")
        verified = await anon.auth.verify_email(code)
        secrets.append(verified.access_token.get_secret_value())
        seen.show(verified, verified.user)

        await seen.expect(AuthenticationError, anon.auth.login(email, WRONG_PASSWORD))
        fake.inject_fault("malformed", route="POST /auth/login")
        await seen.expect(ModelsLabError, anon.auth.login(email, PASSWORD))
        fake.inject_fault("truncated", route="POST /auth/login")
        await seen.expect(ModelsLabError, anon.auth.login(email, PASSWORD))
        fake.inject_fault("drop_after", route="POST /auth/login")
        await seen.expect(APIConnectionError, anon.auth.login(email, PASSWORD))
        session = await anon.auth.login(email, PASSWORD, device_name="canary")
        client = anon.with_token(session.access_token)
        seen.show(session, client, client.with_options(timeout=5), client.profile)

        fake.inject_fault("server_error", status=500, route="GET /me")
        fake.inject_fault("drop_before", route="GET /me")
        seen.show(await client.profile.get())
        fake.inject_fault("html_error", status=502, route="POST /api-keys")
        await seen.expect(APIError, client.api_keys.create("canary"))
        fake.inject_fault("drop_after", route="POST /api-keys")
        await seen.expect(APIConnectionError, client.api_keys.create("canary-dropped"))
        key = await client.api_keys.create("canary", notes="shown once")
        seen.show(key, await client.api_keys.get(key.id), await client.api_keys.list())
        seen.show(await client.tokens.list(), await client.api_keys.update(key.id, notes="x"))

        invitation = await client.teams.invite(invitee, role="admin")
        seen.show(invitation, await client.teams.list())
        grace = anon.with_token(grace_token)
        await grace.teams.accept_invite(fake.outbox[-1].token)
        switched = await grace.tokens.switch_account("canary")
        secrets.append(switched.access_token.get_secret_value())
        seen.show(switched, grace)

        batch = await client.map(client.api_keys.get, [key.id, 424242])
        seen.show(batch, *batch)
        try:
            batch.raise_for_errors()
        except BatchError as exc:
            seen.error(exc)

        await seen.expect(
            ValidationError, client.profile.update_password(WRONG_PASSWORD, NEW_PASSWORD)
        )
        await anon.auth.forgot_password(email)
        reset_token = fake.outbox[-1].token
        secrets.append(reset_token)
        await seen.expect(APIError, anon.auth.reset_password(email, WRONG_RESET, NEW_PASSWORD))
        fake.inject_fault(
            "server_error", status=503, retry_after=0, route="POST /auth/reset-password"
        )
        await anon.auth.reset_password(email, reset_token, NEW_PASSWORD)
        await seen.expect(AuthenticationError, anon.auth.login(email, PASSWORD))
        again = await anon.auth.login(email, NEW_PASSWORD)
        secrets.append(again.access_token.get_secret_value())
        client = anon.with_token(again.access_token)
        fake.inject_fault("server_error", status=500, route="PATCH /me/password", count=3)
        await seen.expect(APIError, client.profile.update_password(NEW_PASSWORD, NEWER_PASSWORD))
        fake.clear_faults()  # the attempts this route makes after a 500 are not the point
        await client.profile.update_password(NEW_PASSWORD, NEWER_PASSWORD)
        await client.auth.logout()
        await seen.expect(AuthenticationError, client.profile.get())

    seen.show(*events)
    # Every token and key the server sent, including answers the client could not read.
    for answer in recorder.answers:
        secrets += [m.decode() for m in _SECRET_FIELD.findall(answer) if b"*" not in m]
    secrets += [k["key"] for k in fake.api_keys_of(email)]
    assert len(events) >= 4
    assert len(seen.errors) >= 14
    assert seen.leaks(secrets, caplog.records) == []
    assert not any("Bearer " in _record_text(r) for r in caplog.records)


_SECRET_FIELD = re.compile(rb'"(?:access_token|token|key|api_key)":"([^"]{8,})"')


def _echo_handler(status: int, body: Any, content_type: str = "application/json") -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(body, bytes):
            return httpx.Response(status, content=body, headers={"content-type": content_type})
        return httpx.Response(status, json=body)

    return handler


_ECHOES = [
    pytest.param(
        422,
        {
            "data": None,
            "error": {
                "code": "validation_error",
                "message": f"{PASSWORD} is wrong for {ECHO_TOKEN}",
                "details": {"password": [f"not {PASSWORD}"], "token": [ECHO_TOKEN]},
            },
        },
        id="validation-envelope",
    ),
    pytest.param(401, {"message": f"Unauthenticated: {ECHO_TOKEN}"}, id="bare-message"),
    pytest.param(400, {"error": f"bad password {PASSWORD}"}, id="legacy-string"),
    pytest.param(
        200,
        {"data": None, "error": {"code": "rate_limited", "message": f"slow down {ECHO_TOKEN}"}},
        id="error-in-a-200",
    ),
    pytest.param(500, {"message": f"trace: Authorization: Bearer {ECHO_TOKEN}"}, id="500"),
    pytest.param(
        502,
        f"<html><title>proxy error for {ECHO_TOKEN}</title></html>".encode(),
        id="html-502",
    ),
    pytest.param(
        200,
        f"<html><title>welcome {ECHO_TOKEN}</title></html>".encode(),
        id="html-200",
    ),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("status", "body"), _ECHOES)
async def test_secrets_a_server_echoes_are_masked(
    status: int, body: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    login, profile = Capture(), Capture()
    transport = httpx.MockTransport(_echo_handler(status, body, "text/html"))
    async with AsyncModelsLab(ECHO_TOKEN, transport=transport, retry_backoff=0) as client:
        await login.expect(ModelsLabError, client.auth.login("ada@example.com", PASSWORD))
        # GET /me carries no password: only the token is the SDK's to mask there.
        await profile.expect(ModelsLabError, client.profile.get())
    assert login.leaks([ECHO_TOKEN, PASSWORD], caplog.records) == []
    assert profile.leaks([ECHO_TOKEN], []) == []


# -- the token's origin -------------------------------------------------------------------

INSECURE = [
    "http://api.example.com/api/agents/v1",
    "http://10.0.0.5/api/agents/v1",
    "http://0.0.0.0:8080/api/agents/v1",
    "http://127.0.0.1.nip.io/api/agents/v1",
    "http://[::ffff:a00:5]/api/agents/v1",
    "HTTP://MODELSLAB.COM/api/agents/v1",
]


@pytest.mark.parametrize("url", INSECURE)
def test_a_token_never_goes_over_plain_http_off_loopback(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder(httpx.MockTransport(lambda r: httpx.Response(200)))
    with pytest.raises(InsecureTransportError):
        AsyncModelsLab("1|tok", base_url=url, transport=recorder)
    with pytest.raises(InsecureTransportError):
        ModelsLab("1|tok", base_url=url, transport=recorder)
    safe = AsyncModelsLab("1|tok", base_url="https://api.example.com", transport=recorder)
    with pytest.raises(InsecureTransportError):
        safe.with_options(base_url=url)
    monkeypatch.setenv("MODELSLAB_BASE_URL", url)
    with pytest.raises(InsecureTransportError):
        AsyncModelsLab("1|tok", transport=recorder)
    assert recorder.sent == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/api/agents/v1", "http://localhost:9", "http://[::1]:9"],
)
async def test_loopback_and_the_opt_out_may_use_plain_http(url: str) -> None:
    recorder = Recorder(
        httpx.MockTransport(lambda r: httpx.Response(200, json={"data": {"id": 1}}))
    )
    async with AsyncModelsLab("1|tok", base_url=url, transport=recorder) as client:
        await client.profile.get()
    proxy = "http://proxy.internal:8080/api/agents/v1"
    async with AsyncModelsLab(
        "1|tok", base_url=proxy, transport=recorder, allow_insecure_http=True
    ) as client:
        await client.profile.get()
    assert [str(r.url) for r in recorder.sent][-1] == f"{proxy}/me"


def _redirecting(status: int, sent: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.host == "api.example.com":
            return httpx.Response(status, headers={"Location": "https://evil.example.net/me"})
        return httpx.Response(200, json={"data": {"id": 666, "name": "impostor"}})

    return httpx.MockTransport(handler)


@pytest.mark.anyio
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_redirects_to_another_origin_are_not_followed(status: int) -> None:
    sent: list[httpx.Request] = []
    async with AsyncModelsLab(
        "1|tok-redirect", base_url="https://api.example.com", transport=_redirecting(status, sent)
    ) as client:
        with pytest.raises(APIError) as caught:
            await client.profile.get()
    assert caught.value.status_code == status
    assert [r.url.host for r in sent] == ["api.example.com"]


@pytest.mark.anyio
async def test_redirects_are_not_followed_with_a_users_http_client_either() -> None:
    sent: list[httpx.Request] = []
    own = httpx.AsyncClient(transport=_redirecting(302, sent), follow_redirects=True)
    async with (
        own,
        AsyncModelsLab(
            "1|tok-redirect", base_url="https://api.example.com", http_client=own
        ) as client,
    ):
        with pytest.raises(APIError):
            await client.profile.get()
    assert not any("authorization" in r.headers for r in sent[1:])  # httpx strips it
    assert [r.url.host for r in sent] == ["api.example.com"]


# -- TLS ------------------------------------------------------------------------------


def test_tls_verification_is_on_by_default() -> None:
    client = AsyncModelsLab("1|tok")
    http = client._pool.client()
    context = http._transport._pool._ssl_context  # type: ignore[attr-defined]
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


@contextlib.contextmanager
def _tls_server(cert: Path, key: Path) -> Iterator[tuple[int, list[bytes]]]:
    """A loopback TLS server with a self-signed certificate; yields (port, bytes read)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    received: list[bytes] = []

    def handle(conn: socket.socket) -> None:
        with (
            contextlib.suppress(OSError, ssl.SSLError),
            conn,
            context.wrap_socket(conn, server_side=True) as tls,
        ):
            received.append(tls.recv(65536))

    with _listening(handle) as port:
        yield port, received


@contextlib.contextmanager
def _listening(handle: Callable[[socket.socket], None]) -> Iterator[int]:
    """Accept loopback connections, each handled in a thread, until the block ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            conn.settimeout(None)
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def _self_signed(directory: Path) -> tuple[Path, Path]:
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.mark.anyio
async def test_an_untrusted_certificate_stops_the_token_before_it_is_sent(
    tmp_path: Path,
) -> None:
    cert, key = _self_signed(tmp_path)
    with _tls_server(cert, key) as (port, received):
        async with AsyncModelsLab(
            "1|tok-tls", base_url=f"https://127.0.0.1:{port}", max_retries=0, timeout=5
        ) as client:
            with pytest.raises(APIConnectionError, match="never saw the request"):
                await client.profile.get()
    assert received == []  # the handshake failed: no request, no token


# -- path parameters ----------------------------------------------------------------------


class _SneakyId(int):
    """An int that formats itself as a path."""

    def __format__(self, spec: str) -> str:
        return "../me"

    def __str__(self) -> str:
        return "../me"


def _bad_ids() -> list[Any]:
    calls: list[tuple[str, Callable[[AsyncModelsLab], Any]]] = [
        ("key ../me", lambda c: c.api_keys.get("../me")),
        ("key 1/../../me", lambda c: c.api_keys.get("1/../../me")),
        ("key encoded", lambda c: c.api_keys.delete("1%2F..%2F..%2Fme")),
        ("key query", lambda c: c.api_keys.update("1?x=1", notes="n")),
        ("key digits", lambda c: c.api_keys.get("12")),
        ("key float", lambda c: c.api_keys.get(1.0)),
        ("key bool", lambda c: c.api_keys.get(True)),
        ("key zero", lambda c: c.api_keys.get(0)),
        ("key negative", lambda c: c.api_keys.delete(-1)),
        ("token ../", lambda c: c.tokens.revoke("../../me")),
        ("member #", lambda c: c.teams.remove("3#x")),
        ("member space", lambda c: c.teams.get(" 3")),
        ("member resend", lambda c: c.teams.resend_invite("3/../../../me")),
        ("invite traversal", lambda c: c.teams.accept_invite("../../../me")),
        (
            "invite uuid+path",
            lambda c: c.teams.accept_invite("12345678-1234-5678-1234-567812345678/../../me"),
        ),
        ("invite short", lambda c: c.teams.accept_invite("12345678-1234-5678-1234-56781234567")),
        ("invite non-hex", lambda c: c.teams.accept_invite("g2345678-1234-5678-1234-567812345678")),
        ("invite int", lambda c: c.teams.accept_invite(12345678)),
    ]
    return [pytest.param(call, id=name) for name, call in calls]


@pytest.mark.anyio
@pytest.mark.parametrize("call", _bad_ids())
async def test_path_parameters_cannot_change_the_route(
    call: Callable[[AsyncModelsLab], Any],
) -> None:
    recorder = Recorder(httpx.MockTransport(lambda r: httpx.Response(200)))
    async with AsyncModelsLab("1|tok", base_url="https://api.example.com", transport=recorder) as c:
        with pytest.raises(ValueError, match="must be"):
            await call(c)
    assert recorder.sent == []


@pytest.mark.anyio
async def test_an_int_subclass_cannot_change_the_route() -> None:
    recorder = Recorder(
        httpx.MockTransport(lambda r: httpx.Response(200, json={"data": {"id": 5}}))
    )
    async with AsyncModelsLab("1|tok", base_url="https://api.example.com", transport=recorder) as c:
        with contextlib.suppress(ValueError, TypeError):
            await c.api_keys.get(_SneakyId(5))
    assert [r.url.path for r in recorder.sent] in ([], ["/api-keys/5"])


@pytest.mark.anyio
@pytest.mark.parametrize(
    "written",
    [
        "{12345678-1234-5678-1234-567812345678}",
        "urn:uuid:12345678-1234-5678-1234-567812345678",
        "12345678123456781234567812345678",
        "12345678-1234-5678-1234-567812345678".upper(),
        uuid.UUID("12345678-1234-5678-1234-567812345678"),
    ],
)
async def test_invitation_ids_are_sent_in_canonical_form(written: Any) -> None:
    recorder = Recorder(httpx.MockTransport(lambda r: httpx.Response(200, json={"data": None})))
    async with AsyncModelsLab("1|tok", base_url="https://api.example.com", transport=recorder) as c:
        await c.teams.accept_invite(written)
    assert [r.url.path for r in recorder.sent] == [
        "/teams/invitations/12345678-1234-5678-1234-567812345678/accept"
    ]


# -- nothing waits forever ----------------------------------------------------------------


@contextlib.contextmanager
def _stuck_server(reply: Callable[[socket.socket], None]) -> Iterator[tuple[str, list[bytes]]]:
    """A loopback server that reads each request, then runs ``reply`` on the connection."""
    requests: list[bytes] = []
    done = threading.Event()

    def handle(conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            requests.append(conn.recv(65536))
            reply(conn)
            done.wait(30)

    try:
        with _listening(handle) as port:
            yield f"http://127.0.0.1:{port}/api/agents/v1", requests
    finally:
        done.set()


def _silent(conn: socket.socket) -> None:
    """Never answer."""


def _trickle(conn: socket.socket) -> None:
    """Answer headers, then one byte of the body every 0.1 s: no read ever times out."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
    )
    for _ in range(400):
        time.sleep(0.1)
        conn.sendall(b" ")


@pytest.mark.anyio
async def test_a_server_that_never_answers_times_out() -> None:
    with _stuck_server(_silent) as (base_url, requests):
        async with AsyncModelsLab("1|tok", base_url=base_url, timeout=0.2, retry_backoff=0) as c:
            with anyio.fail_after(10):
                with pytest.raises(APITimeoutError, match="may have acted"):
                    await c.api_keys.create("ci")  # not retried: it may have acted
                with pytest.raises(APITimeoutError):
                    await c.profile.get()  # retried, then given up
    assert len(requests) == 1 + 3


def test_a_server_that_never_answers_times_out_the_blocking_client_too() -> None:
    with (
        _stuck_server(_silent) as (base_url, requests),
        ModelsLab("1|tok", base_url=base_url, timeout=0.2, max_retries=0) as client,
    ):
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.profile.get()
        assert time.monotonic() - started < 5
    assert len(requests) == 1


@pytest.mark.anyio
async def test_a_server_that_trickles_its_answer_is_cut_off_by_total_timeout() -> None:
    with _stuck_server(_trickle) as (base_url, _):
        async with AsyncModelsLab(
            "1|tok", base_url=base_url, timeout=0.3, total_timeout=1.0, max_retries=0
        ) as client:
            with anyio.fail_after(2.5), pytest.raises(APITimeoutError):
                await client.profile.get()


@pytest.mark.anyio
async def test_not_found_on_a_fresh_account_is_not_a_leak(
    fake: FakeControlPlane, token: str
) -> None:
    # A control for the canaries: the same checks do see a secret that is shown.
    seen = Capture()
    async with AsyncModelsLab(token, transport=fake.transport()) as client:
        await seen.expect(NotFoundError, client.api_keys.get(31337))
        key = await client.api_keys.create("shown")
    assert key.key is not None
    seen.texts.append(f"oops {key.key.get_secret_value()}")
    assert seen.leaks([token, key.key.get_secret_value()], []) == [key.key.get_secret_value()]
