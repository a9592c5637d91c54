"""Finding Epson devices: mDNS browsing, an optional range probe, and the simulator's advert.

mDNS (facts/epson-web-config.md "Finding devices"): `_ipp._tcp`, `_printer._tcp` and
`_pdl-datastream._tcp` are browsed together with python-zeroconf; only Epson devices are kept
(TXT `usb_MFG=EPSON`, or `ty`/`product` naming EPSON) and one device's records are merged
across services (by UUID, else the MAC at the UUID's tail or in TXT, else the address), so a
device seen through two services is reported once. Results stream as they arrive
(`browse(on_device=...)`); the browse stops after `timeout` seconds or when cancelled.
`interface` restricts everything to one interface address (tests use 127.0.0.1 only).

Where multicast does not cross (VLANs), `probe_range` tries a range the user typed (at most
256 addresses) with bounded concurrency and short timeouts, recognising Web Config by the
`<meta name="Author" content="SEIKO EPSON">` of its status page. It never sends credentials;
the certificate is not checked there because nothing is sent and the result is only a hint —
the wizard's contact with the chosen device pins the certificate as usual.

`Advertiser` announces a simulated printer on loopback (the `sim --advertise` option).
`BackgroundDiscovery` runs `browse` on a thread of its own (for the wizard: the UI loop is
never involved and Cancel works at any moment). No Qt here.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import re
import ssl
import threading
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, urlsplit

from app.errors import InvalidAddress

SERVICE_TYPES = ("_ipp._tcp.local.", "_printer._tcp.local.", "_pdl-datastream._tcp.local.")
DEFAULT_TIMEOUT = 3.0
MAX_RANGE = 256
PROBE_CONCURRENCY = 32
PROBE_CONNECT_TIMEOUT = 0.8
PROBE_TIMEOUT = 2.5
STATUS_PAGE = "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP"
_EPSON_META = re.compile(
    r"""<meta\s+name\s*=\s*["']?author["']?\s+content\s*=\s*["']?seiko epson""", re.IGNORECASE
)
_TITLE = re.compile(r"<title>\s*([^<]*?)\s*</title>", re.IGNORECASE)
_MAC = re.compile(r"([0-9a-f]{12})$", re.IGNORECASE)


@dataclass
class Device:
    """One device found; `to_event()` gives the `device` event's fields (DESIGN.md)."""

    address: str
    model: str | None = None
    firmware: str | None = None
    uuid: str | None = None
    admin_url: str | None = None
    source: str = "mdns"
    mac: str | None = None
    services: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        if self.uuid:
            return "uuid:" + self.uuid.lower()
        if self.mac:
            return "mac:" + self.mac
        return "addr:" + self.address

    @property
    def contact_address(self) -> str:
        """What to type in the wizard: the admin URL's origin when it names a port of its own
        (a simulator, a device behind a port forward), else the address."""
        if self.admin_url:
            try:
                parts = urlsplit(self.admin_url)
                port = parts.port
            except ValueError:
                return self.address  # a port out of range, a bracket left open
            usable = port is not None and 0 < port < 65536 and parts.scheme in ("http", "https")
            if usable and self._names(parts):
                host = f"[{self.address}]" if ":" in self.address else self.address
                return f"{parts.scheme}://{host}:{port}"
        return self.address

    def _names(self, parts: SplitResult) -> bool:
        """Whether the admin URL names this device's own address: a TXT record is anyone's
        to write, and only its port is taken, never another host to send the wizard to."""
        if parts.hostname is None:
            return False
        try:
            return ipaddress.ip_address(parts.hostname) == ipaddress.ip_address(self.address)
        except ValueError:
            return parts.hostname == self.address.lower()

    def to_event(self) -> dict[str, Any]:
        return {
            "address": self.address,
            "model": self.model,
            "firmware": self.firmware,
            "uuid": self.uuid,
            "admin_url": self.admin_url,
            "source": self.source,
        }

    def merge(self, other: Device) -> None:
        for name in ("model", "firmware", "uuid", "admin_url", "mac"):
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        if ":" in self.address and ":" not in other.address:  # prefer IPv4
            self.address = other.address
        self.services |= other.services


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    value = str(value).strip()
    return value or None


def _mac(value: str | None) -> str | None:
    if not value:
        return None
    digits = re.sub(r"[^0-9a-fA-F]", "", value)
    match = _MAC.search(digits)
    return match.group(1).upper() if match and len(digits) >= 12 else None


def device_from_txt(
    properties: dict[Any, Any], addresses: Iterable[str], service: str = ""
) -> Device | None:
    """A device from one service record's TXT keys and addresses; None if not Epson."""
    txt = {(_text(k) or "").lower(): _text(v) for k, v in properties.items()}
    maker = (txt.get("usb_mfg") or "").upper()
    named = " ".join(filter(None, (txt.get("ty"), txt.get("product"))))
    if "EPSON" not in maker and "EPSON" not in named.upper():
        return None
    found = list(addresses)
    ipv4 = [a for a in found if ":" not in a]
    if not (ipv4 or found):
        return None
    model = txt.get("usb_mdl") or _model_name(txt.get("product")) or _model_name(txt.get("ty"))
    uuid = txt.get("uuid")
    return Device(
        address=(ipv4 or found)[0],
        model=model,
        firmware=txt.get("firmware") or txt.get("fw"),
        uuid=uuid,
        admin_url=txt.get("adminurl"),
        mac=_mac(uuid) or _mac(txt.get("mac")),
        services={service} if service else set(),
    )


def _model_name(value: str | None) -> str | None:
    """`ty`/`product` as Epson fills them: "EPSON WF-C5890 Series", "(EPSON ET-2850 Series)"."""
    if not value:
        return None
    value = value.strip().strip("()").strip()
    if value.upper().startswith("EPSON "):
        value = value[6:].strip()
    return value or None


class Merger:
    """Keeps one `Device` per physical device; `add` says whether it is new."""

    def __init__(self) -> None:
        self.devices: dict[str, Device] = {}
        self._aliases: dict[str, str] = {}

    def _keys(self, device: Device) -> list[str]:
        keys = []
        if device.uuid:
            keys.append("uuid:" + device.uuid.lower())
        if device.mac:
            keys.append("mac:" + device.mac)
        keys.append("addr:" + device.address)
        return keys

    def add(self, device: Device) -> tuple[Device, bool]:
        keys = self._keys(device)
        for key in keys[: 1 if device.uuid else len(keys)]:
            if key in self._aliases:
                known = self.devices[self._aliases[key]]
                if known.uuid and device.uuid and known.uuid.lower() != device.uuid.lower():
                    continue  # two devices behind one address (a simulator per port)
                known.merge(device)
                for alias in self._keys(known):
                    self._aliases.setdefault(alias, self._aliases[key])
                return known, False
        main = keys[0]
        self.devices[main] = device
        for alias in keys:
            self._aliases.setdefault(alias, main)
        return device, True


# --- mDNS -------------------------------------------------------------------------------------


def _zeroconf_options(interface: str | None) -> dict[str, Any]:
    from zeroconf import InterfaceChoice, IPVersion

    if not interface:
        return {"interfaces": InterfaceChoice.All}
    try:
        version = ipaddress.ip_address(interface).version
    except ValueError as exc:
        raise InvalidAddress(interface) from exc
    return {
        "interfaces": [interface],
        "ip_version": IPVersion.V4Only if version == 4 else IPVersion.V6Only,
    }


async def browse(
    on_device: Callable[[Device], Any] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    interface: str | None = None,
    service_types: Iterable[str] = SERVICE_TYPES,
) -> list[Device]:
    """Browse for `timeout` seconds; `on_device(device)` is called once per device as soon as
    it is known. Cancelling the task stops at once and closes every socket."""
    from zeroconf import IPVersion, ServiceStateChange
    from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

    merger = Merger()
    found: list[Device] = []
    lookups: set[asyncio.Task[None]] = set()
    azc = AsyncZeroconf(**_zeroconf_options(interface))

    async def resolve(service_type: str, name: str) -> None:
        info = AsyncServiceInfo(service_type, name)
        if not await info.async_request(azc.zeroconf, 1500):
            return
        addresses = info.parsed_addresses(IPVersion.V4Only) + info.parsed_addresses(
            IPVersion.V6Only
        )
        device = device_from_txt(info.properties or {}, addresses, service_type)
        if device is None:
            return
        device, new = merger.add(device)
        if new:
            found.append(device)
            if on_device is not None:
                result = on_device(device)
                if isinstance(result, Awaitable):
                    await result

    def changed(
        zeroconf: Any, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is ServiceStateChange.Removed:
            return
        task = asyncio.get_running_loop().create_task(resolve(service_type, name))
        lookups.add(task)
        task.add_done_callback(lookups.discard)

    browser = AsyncServiceBrowser(azc.zeroconf, list(service_types), handlers=[changed])
    try:
        await asyncio.sleep(timeout)
    finally:
        for task in list(lookups):
            task.cancel()
        with contextlib.suppress(BaseException):
            await asyncio.gather(*lookups, return_exceptions=True)
        await _closed(browser, azc)
    return found


async def _closed(browser: Any, azc: Any) -> None:
    """Close the browser and every socket, even when cancelled again meanwhile; then let the
    transports' close callbacks run before a caller's `asyncio.run` closes the loop."""
    interrupted = False
    try:  # sockets still being wrapped (cancelled at once) would escape the close
        await azc.zeroconf.async_wait_for_start(timeout=3)
    except asyncio.CancelledError:
        interrupted = True
    except Exception:  # noqa: S110 - not started: closing below is all there is to do
        pass
    for close in (browser.async_cancel, azc.async_close):
        try:
            await close()
        except asyncio.CancelledError:
            interrupted = True
    for _ in range(3):
        await asyncio.sleep(0)
    if interrupted:
        raise asyncio.CancelledError


class BackgroundDiscovery:
    """`browse` (or, given `probe`, `probe_range` of that range) on a thread of its own.
    `on_device` and `on_done` are called on that thread (a Qt caller forwards them with a
    queued signal); `cancel()` stops it at any moment."""

    def __init__(
        self,
        on_device: Callable[[Device], None],
        on_done: Callable[[], None] | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        interface: str | None = None,
        probe: str | None = None,
        http_port: int = 80,
    ) -> None:
        self._probe = probe
        self._http_port = http_port
        self._on_device = on_device
        self._on_done = on_done
        self._timeout = timeout
        self._interface = interface
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[Any] | None = None
        self._cancelled = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="discovery", daemon=True)

    def start(self) -> BackgroundDiscovery:
        self._thread.start()
        return self

    def _run(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._task = asyncio.current_task()
            self._ready.set()
            if self._cancelled.is_set():
                return
            with contextlib.suppress(asyncio.CancelledError):
                if self._probe is not None:
                    await probe_range(self._probe, self._deliver, http_port=self._http_port)
                else:
                    await browse(self._deliver, timeout=self._timeout, interface=self._interface)

        try:
            asyncio.run(main())
        finally:
            self._ready.set()
            if self._on_done is not None:
                self._on_done()

    def _deliver(self, device: Device) -> None:
        if not self._cancelled.is_set():
            self._on_device(device)

    def cancel(self) -> None:
        self._cancelled.set()
        self._ready.wait(5)
        loop, task = self._loop, self._task
        if loop is not None and task is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended
                loop.call_soon_threadsafe(task.cancel)

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


# --- the simulator's advertisement ------------------------------------------------------------


class Advertiser:
    """Announce one simulated printer over mDNS on loopback only (`interfaces=[127.0.0.1]`):
    `_ipp._tcp` and `_printer._tcp` with Epson's TXT keys; `stop()` unregisters."""

    def __init__(self, printer: Any, *, interface: str = "127.0.0.1") -> None:
        self.printer = printer
        self.interface = interface
        self._zc: Any = None
        self._infos: list[Any] = []
        self._registering: Any = None

    def records(self) -> list[Any]:
        import socket

        from zeroconf import ServiceInfo

        spec = self.printer.spec
        mac = spec.mac.replace(":", "").upper()
        port = self.printer.https_port
        uuid = f"cfe92100-67c4-11d4-{port:04x}-{mac}".lower()
        product = f"(EPSON {spec.name})"
        properties = {
            "txtvers": "1",
            "usb_MFG": "EPSON",
            "usb_MDL": spec.name,
            "ty": f"EPSON {spec.name}",
            "product": product,
            "UUID": uuid,
            "adminurl": f"{self.printer.https_url}/PRESENTATION/BONJOUR",
            "TLS": "1.2",
            "Scan": "T",
            "Fax": "T" if spec.fax else "F",
            "note": "",
        }
        host = f"{spec.device_name}-{port}.local."
        instance = f"EPSON {spec.name} {spec.device_name}-{port}"
        return [
            ServiceInfo(
                service_type,
                f"{instance}.{service_type}",
                addresses=[socket.inet_aton(self.interface)],
                port=service_port,
                properties=properties,
                server=host,
            )
            for service_type, service_port in (
                ("_ipp._tcp.local.", 631),
                ("_printer._tcp.local.", 515),
            )
        ]

    def start(self, *, wait: bool = False) -> Advertiser:
        """Register both services; the announcements go on in zeroconf's thread (about
        0.5 s) unless `wait`."""
        from zeroconf import IPVersion, Zeroconf

        made: list[Any] = []
        # Made on a thread without an event loop, zeroconf runs its own loop thread; made on a
        # running loop (the wizard's qasync loop), it would share that loop and block it.
        maker = threading.Thread(
            target=lambda: made.append(
                Zeroconf(interfaces=[self.interface], ip_version=IPVersion.V4Only)
            ),
            name="advertiser-start",
        )
        maker.start()
        maker.join()
        if not made:
            raise OSError("mDNS could not start on " + self.interface)
        zc = self._zc = made[0]
        self._infos = infos = self.records()

        async def register_all() -> None:
            # No probing (RFC 6762 8.1, ~1 s): the names carry the HTTPS port, unique on this
            # host, and only loopback hears them. The announcements start at once.
            announced = [
                await zc.async_register_service(i, cooperating_responders=True) for i in infos
            ]
            await asyncio.gather(*announced)

        self._registering = asyncio.run_coroutine_threadsafe(register_all(), zc.loop)
        if wait:
            self.wait_announced()
        return self

    def wait_announced(self, timeout: float = 15) -> None:
        try:
            self._registering.result(timeout)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        zc, self._zc = self._zc, None
        if zc is None:
            return
        registering = self._registering
        if registering is not None and not registering.done():
            registering.cancel()
            with contextlib.suppress(BaseException):
                registering.result(2)
        try:
            for info in self._infos:
                with contextlib.suppress(Exception):
                    zc.unregister_service(info)
        finally:
            self._infos = []
            zc.close()

    def __enter__(self) -> Advertiser:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


# --- the range probe --------------------------------------------------------------------------


_RANGE = re.compile(r"^\s*\d{1,3}(\.\d{1,3}){3}\s*(/\s*\d{1,2}|-\s*\d{1,3}(\.\d{1,3}){0,3})\s*$")


def looks_like_range(text: str) -> bool:
    """`a.b.c.d/n` or `a.b.c.d-e[.f.g.h]`: a range to probe, not an address to contact."""
    return bool(_RANGE.match(text))


def parse_range(text: str) -> list[str]:
    """`192.168.5.0/24`, `192.168.5.10-192.168.5.40` or `192.168.5.10-40`: at most 256
    addresses, else `invalid_address`."""
    text = text.strip()
    try:
        if "/" in text:
            network = ipaddress.ip_network(text, strict=False)
            if network.num_addresses > MAX_RANGE:
                raise InvalidAddress(text)
            hosts = list(network.hosts()) if network.num_addresses > 2 else list(network)
            return [str(host) for host in hosts]
        if "-" in text:
            first_text, last_text = (part.strip() for part in text.split("-", 1))
            first = ipaddress.ip_address(first_text)
            if "." not in last_text and ":" not in last_text:
                prefix = first_text.rsplit(".", 1)[0]
                last_text = f"{prefix}.{last_text}"
            last = ipaddress.ip_address(last_text)
            if last.version != first.version or int(last) < int(first):
                raise InvalidAddress(text)
            if int(last) - int(first) + 1 > MAX_RANGE:
                raise InvalidAddress(text)
            return [str(ipaddress.ip_address(n)) for n in range(int(first), int(last) + 1)]
        return [str(ipaddress.ip_address(text))]
    except ValueError as exc:
        raise InvalidAddress(text) from exc


async def _http_get(
    host: str, port: int, path: str, *, tls: bool, deadline: float
) -> tuple[int, dict[str, str], str]:
    loop = asyncio.get_running_loop()
    context: ssl.SSLContext | None = None
    if tls:
        # Reading a public status page only; no credentials are sent (module docstring).
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    connect = asyncio.open_connection(host, port, ssl=context)
    remaining = max(0.05, deadline - loop.time())
    reader, writer = await asyncio.wait_for(connect, min(PROBE_CONNECT_TIMEOUT, remaining))
    try:
        name = f"[{host}]" if ":" in host else host
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {name}:{port}\r\nUser-Agent: printer-oauth-wizard\r\n"
            "Accept: text/html\r\nConnection: close\r\n\r\n"
        )
        writer.write(request.encode("ascii"))
        await writer.drain()
        remaining = max(0.05, deadline - loop.time())
        raw = await asyncio.wait_for(reader.read(65536), remaining)
        while len(raw) < 65536 and loop.time() < deadline:
            more = await asyncio.wait_for(reader.read(65536), max(0.05, deadline - loop.time()))
            if not more:
                break
            raw += more
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(writer.wait_closed(), 0.2)
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    return status, headers, body.decode("utf-8", "replace")


async def probe_address(
    host: str, *, http_port: int = 80, timeout: float = PROBE_TIMEOUT
) -> Device | None:
    """One address: the status page over HTTP (following one redirect to HTTPS); a Device
    when it is Epson Web Config, else None. Never raises for network trouble."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        status, headers, body = await _http_get(
            host, http_port, STATUS_PAGE, tls=False, deadline=deadline
        )
        origin = f"http://{host}:{http_port}" if http_port != 80 else f"http://{host}"
        if status in (301, 302, 303, 307, 308) and headers.get("location", "").startswith(
            "https://"
        ):
            target = urlsplit(headers["location"])
            tls_port = target.port or 443  # only the port: the probe stays on this address
            status, headers, body = await _http_get(
                host, tls_port, target.path or STATUS_PAGE, tls=True, deadline=deadline
            )
            origin = f"https://{host}:{tls_port}" if tls_port != 443 else f"https://{host}"
    except (OSError, TimeoutError, ValueError, IndexError, ssl.SSLError):
        return None
    if status != 200 or not _EPSON_META.search(body):
        return None
    title = _TITLE.search(body)
    model, firmware, mac = _model_name(title.group(1)) if title else None, None, None
    try:  # the status page names model and firmware; read with the driver's own reader
        from app.printers.epson.html import Page
        from app.printers.epson.reading import device_info

        info = device_info(Page(body, origin + STATUS_PAGE))
        model, firmware, mac = info.model or model, info.firmware, _mac(info.mac)
    except Exception:  # noqa: S110 - a page the reader does not know: the title will do
        pass
    return Device(
        address=host,
        model=model,
        firmware=firmware,
        mac=mac,
        admin_url=origin + "/PRESENTATION/BONJOUR",
        source="probe",
    )


async def probe_range(
    text_or_addresses: str | list[str],
    on_device: Callable[[Device], Any] | None = None,
    *,
    http_port: int = 80,
    concurrency: int = PROBE_CONCURRENCY,
    timeout: float = PROBE_TIMEOUT,
    probe: Callable[..., Awaitable[Device | None]] | None = None,
) -> list[Device]:
    """Probe every address of a range (at most 256), `concurrency` at a time at most."""
    addresses = (
        parse_range(text_or_addresses)
        if isinstance(text_or_addresses, str)
        else list(text_or_addresses)
    )
    if len(addresses) > MAX_RANGE:
        raise InvalidAddress(f"{len(addresses)} addresses")
    probe = probe or probe_address
    limit = asyncio.Semaphore(max(1, concurrency))
    found: list[Device] = []

    async def one(address: str) -> None:
        async with limit:
            device = await probe(address, http_port=http_port, timeout=timeout)
        if device is not None:
            found.append(device)
            if on_device is not None:
                on_device(device)

    await asyncio.gather(*(one(address) for address in addresses))
    return found
