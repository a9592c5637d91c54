"""The simulated Epson printer: its state, its life cycle and the API tests drive it by.

One `Printer` is one device on loopback, with an HTTP port (307 to HTTPS) and an HTTPS port
carrying its own self-signed certificate. What it stores survives `restart()`; sessions, the
setup token, tokens of a sign-in not yet saved, and the sign-ins themselves do not — as when
a real device reboots. The certificate is kept unless a new one is asked for.

Scenarios (DESIGN.md table; printer side), each firing where said and then never again,
except the two login ones, which hold for every attempt:
- `wrong-password`: every login answers "Incorrect user name or password." (no cookie).
- `locked-out`: every login answers "Try again later.".
- `session-expired`: the first session that is served a settings page dies right after
  it; a new login works.
- `restart-before-commit`: the first OK gets no answer (the connection closes) and the
  device restarts, down `restart_seconds`, back on the same ports; nothing saved.
- `commit-refused`: the first OK answers an error page; nothing saved.
- `verify-mismatch`: the first OK answers "Setup complete." but keeps the previous
  authentication method and sign-in (other fields are saved as written).
- `connection-test-fails`: the device cannot reach its SMTP server ("communication error").
- transport faults: see app/simulator/faults.py for exactly when they strike.
A hold (app/simulator/hold.py) keeps one request in flight until released.
With `nvram` (a folder), what a real device keeps across a power loss survives the process
too: the settings, written to the folder on every save, and the certificate. A simulator
killed and started again on the same ports with the same folder is the same device.
Outside scenarios, repeated wrong passwords lock the login for `lockout_seconds` after the
variant's threshold, as real firmware does.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.simulator import models, variants
from app.simulator.certs import KeyPair, self_signed_device
from app.simulator.faults import FaultPlan
from app.simulator.firmware import Microsoft, SignIn
from app.simulator.hold import Hold
from app.simulator.server import LoopbackServer
from app.simulator.settings import MailSettings, factory_email, factory_fax

PAGES = ("email", "fax")
NVRAM_SETTINGS = "settings.json"
SESSION_IDLE_SECONDS = 600.0
ONE_SHOT = ("session-expired", "restart-before-commit", "commit-refused", "verify-mismatch")


@dataclass(frozen=True)
class RequestRecord:
    """One request as the device saw it. `kind`: redirect, status, menu, login, settings,
    poll (a settings page re-read while its sign-in waits), set, test, other."""

    at: float
    method: str
    path: str
    kind: str
    fault: str | None = None


class Printer:
    """A simulated Epson device; see the module docstring for scenarios and restarts."""

    def __init__(
        self,
        model: str = models.DEFAULT_MODEL,
        *,
        variant: int = 0,
        scenario: str = "ok",
        language: str = "en",
        microsoft: Microsoft | None = None,
        latency_ms: int = 0,
        host: str = "127.0.0.1",
        http_port: int = 0,
        https_port: int = 0,
        folder: Path | None = None,
        fault_after_writes: int = 1,
        fault_count: int | None = None,
        restart_seconds: float = 1.5,
        lockout_seconds: float = 60.0,
        interface: str = "standard",
        model_name: str | None = None,
        serial: str | None = None,
        firmware: str | None = None,
        nvram: Path | None = None,
        hold: Hold | None = None,
    ) -> None:
        """`model_name`, `serial` and `firmware` replace the model's own: a unique serial is a
        unique admin password (the secret canary), markup in them is hostile device text.
        `nvram`: a folder that keeps the settings and the certificate across processes;
        `hold`: the request to keep in flight (app/simulator/hold.py)."""
        given = {"name": model_name, "serial": serial, "firmware": firmware}
        self._model = dataclasses.replace(
            models.get(model), **{key: value for key, value in given.items() if value is not None}
        )
        self.layout = variants.generate(variant)
        """The variant's draw (page ids, field names…), for tests that check the driver."""
        self.scenario = scenario
        self.language = language
        """The device's own language; a language cookie never changes it."""
        self.microsoft = microsoft
        self.latency = latency_ms / 1000
        self.host = host
        self.restart_seconds = restart_seconds
        self.lockout_seconds = lockout_seconds
        self.interface = interface if self._model.additional_network else "standard"
        self.nvram = nvram
        self.folder = nvram or folder or Path(tempfile.mkdtemp(prefix="printer-oauth-device-"))
        self.keypair: KeyPair = self._kept_keypair() or self_signed_device(
            self.folder, self._model.device_name
        )
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self.hold = hold
        self.last_write: str | None = None
        """What the latest write was, "sign_in" or "commit" (for the `verify` hold point)."""
        self.stored: dict[str, MailSettings] = self._kept_settings() or {
            "email": factory_email(self._model),
            "fax": factory_fax(),
        }
        self.persist()
        self.faults = FaultPlan(scenario, after_writes=fault_after_writes, count=fault_count)
        self.internal_errors: list[str] = []
        """Exceptions the pages hit (answered with an error page); tests expect none."""
        self.restarts = 0
        self._log: list[RequestRecord] = []
        self._fired: set[str] = set()
        self._ports = (http_port, https_port)
        self._servers: tuple[LoopbackServer, LoopbackServer] | None = None
        self._closed = False
        self._reset_volatile()

    # life cycle

    def start(self) -> Printer:
        from app.simulator.webconfig import WebConfigHandler

        self._closed = False
        self.stopping.clear()
        http = LoopbackServer(WebConfigHandler, host=self.host, port=self._ports[0])
        https = LoopbackServer(
            WebConfigHandler,
            host=self.host,
            port=self._ports[1],
            tls=self.keypair.server_context(),
        )
        for server in (http, https):
            server.server.printer = self  # type: ignore[attr-defined]
            server.start()
        self._servers = (http, https)
        self._ports = (http.port, https.port)
        return self

    def stop(self) -> None:
        """Switch off for good: a restart still under way does not switch it back on."""
        self._closed = True
        self._halt()

    def _halt(self) -> None:
        self.stopping.set()
        with self.lock:
            self._cancel_sign_ins()
            servers, self._servers = self._servers, None
        for server in servers or ():
            server.stop()

    def restart(self, *, new_certificate: bool = False, down_seconds: float = 0.0) -> None:
        """Power-cycle: volatile state lost, settings kept, same ports, same certificate
        unless `new_certificate`."""
        self._halt()
        with self.lock:
            self._reset_volatile()
            if new_certificate:
                folder = self.folder / f"certificate-{secrets.token_hex(4)}"
                self.keypair = self_signed_device(folder, self._model.device_name)
            self.restarts += 1
        time.sleep(down_seconds)
        if not self._closed:
            self.start()

    def restart_in_background(self) -> None:
        threading.Thread(
            target=self.restart,
            kwargs={"down_seconds": self.restart_seconds},
            name="sim-printer-restart",
            daemon=True,
        ).start()

    def __enter__(self) -> Printer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _kept_keypair(self) -> KeyPair | None:
        """The certificate a previous process of this device made, from its NVRAM folder."""
        if self.nvram is None:
            return None
        stem = self._model.device_name.lower()
        kept = KeyPair(self.nvram / f"{stem}.pem", self.nvram / f"{stem}.key")
        return kept if kept.cert_file.is_file() and kept.key_file.is_file() else None

    def _kept_settings(self) -> dict[str, MailSettings] | None:
        if self.nvram is None or not (self.nvram / NVRAM_SETTINGS).is_file():
            return None
        saved = json.loads((self.nvram / NVRAM_SETTINGS).read_text(encoding="utf-8"))
        return {page: MailSettings(**saved[page]) for page in PAGES}

    def persist(self) -> None:
        """Write the stored settings to NVRAM, whole or not at all (a power cut during the
        write leaves the previous file), as the device's own flash would."""
        if self.nvram is None:
            return
        with self.lock:
            saved = {page: dataclasses.asdict(self.stored[page]) for page in PAGES}
        target = self.nvram / NVRAM_SETTINGS
        partial = target.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as file:
            json.dump(saved, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, target)

    def _reset_volatile(self) -> None:
        self.sessions: dict[str, float] = {}
        self.setup_token = secrets.token_hex(16)
        self.sign_ins: dict[str, SignIn | None] = dict.fromkeys(PAGES)
        self.login_failures = 0
        self.locked_until = 0.0

    def _cancel_sign_ins(self) -> None:
        for page, sign_in in self.sign_ins.items():
            if sign_in is not None:
                sign_in.cancel()
            self.sign_ins[page] = None

    # what tests read

    @property
    def model(self) -> str:
        return self._model.name

    @property
    def model_id(self) -> str:
        return self._model.id

    @property
    def spec(self) -> models.Model:
        return self._model

    @property
    def variant(self) -> int:
        return self.layout.number

    @property
    def admin_password(self) -> str:
        return self._model.serial

    @property
    def device_name(self) -> str:
        return self._model.device_name

    @property
    def http_port(self) -> int:
        return self._ports[0]

    @property
    def https_port(self) -> int:
        return self._ports[1]

    @property
    def http_url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.http_port}"

    @property
    def https_url(self) -> str:
        return f"https://{_url_host(self.host)}:{self.https_port}"

    @property
    def fingerprint(self) -> str:
        return self.keypair.fingerprint()

    @property
    def cert_file(self) -> Path:
        return self.keypair.cert_file

    def settings(self, page: str = "email") -> dict[str, Any]:
        """The stored settings of `page` ("email" or "fax"), language-neutral, no secrets."""
        with self.lock:
            return self.stored[page].snapshot()

    def sign_in_state(self, page: str = "email") -> str | None:
        """The state of the sign-in waiting to be saved on `page`, or None."""
        with self.lock:
            sign_in = self.sign_ins[page]
            return sign_in.state if sign_in is not None else None

    def pending_code(self, page: str = "email") -> str | None:
        """The user code of the sign-in shown on `page` (tests approve it at the identity)."""
        with self.lock:
            sign_in = self.sign_ins[page]
            return sign_in.code.user_code if sign_in is not None and sign_in.code else None

    def requests(self, kinds: tuple[str, ...] | None = None) -> list[RequestRecord]:
        with self.lock:
            return [r for r in self._log if kinds is None or r.kind in kinds]

    def request_count(self, exclude: tuple[str, ...] = ("poll",)) -> int:
        """Requests made so far, leaving out `exclude` kinds (polls, by default)."""
        with self.lock:
            return sum(1 for r in self._log if r.kind not in exclude)

    def clear_requests(self) -> None:
        with self.lock:
            self._log.clear()

    @property
    def writes(self) -> int:
        return self.faults.writes

    # used by the pages

    def record(self, method: str, path: str, kind: str, fault: str | None = None) -> None:
        with self.lock:
            self._log.append(RequestRecord(time.time(), method, path, kind, fault))

    def fire_once(self, scenario: str) -> bool:
        """True the first time the running scenario `scenario` is due; never again after."""
        with self.lock:
            if self.scenario != scenario or scenario in self._fired:
                return False
            self._fired.add(scenario)
            return True

    def new_session(self) -> str:
        value = secrets.token_hex(16)
        self.sessions[value] = time.monotonic()
        return value

    def session_valid(self, value: str | None) -> bool:
        now = time.monotonic()
        last = self.sessions.get(value or "")
        if last is None or now - last > SESSION_IDLE_SECONDS:
            self.sessions.pop(value or "", None)
            return False
        self.sessions[value or ""] = now
        return True

    def rotate_token(self) -> None:
        self.setup_token = secrets.token_hex(16)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
