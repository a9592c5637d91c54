"""The Windows installer script compiles here (Debian's makensis), carries the version, and is
signed only when a certificate is configured (osslsigncode, a throw-away certificate).

The payload is a stand-in made of the product's own files: `make test` does not build the
PyInstaller bundle; `make installer-check` compiles the script with the Linux bundle as well.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build_installer  # noqa: E402
import metadata  # noqa: E402
import sign  # noqa: E402

pytestmark = pytest.mark.skipif(
    build_installer.find_makensis() is None,
    reason="makensis is not installed: `make installer-check` installs Debian's nsis",
)
CERT_PASSWORD = "installer-test-password"  # a throw-away test certificate's


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    """The product's files, with main.py standing in for the Linux bundle's executable."""
    folder = tmp_path / "payload"
    shutil.copytree(ROOT / "resources", folder / "_internal" / "resources")
    shutil.copy(ROOT / "main.py", folder / metadata.NAME)
    return folder


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed code-signing certificate: (.pfx with CERT_PASSWORD, .pem to verify)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Installer test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .sign(key, hashes.SHA256())
    )
    pfx, pem = tmp_path / "test.pfx", tmp_path / "test.pem"
    encryption = serialization.BestAvailableEncryption(CERT_PASSWORD.encode())
    pfx.write_bytes(pkcs12.serialize_key_and_certificates(b"test", key, cert, None, encryption))
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return pfx, pem


def _verify(exe: Path, pem: Path | None = None) -> subprocess.CompletedProcess[str]:
    ca = ["-CAfile", str(pem)] if pem else []
    return subprocess.run(
        ["osslsigncode", "verify", *ca, "-in", str(exe)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_script_compiles_into_an_installer_with_the_version(
    payload: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(sign.PFX, raising=False)
    exe = build_installer.build(payload, tmp_path / "out" / "setup.exe")
    data = exe.read_bytes()
    assert data[:2] == b"MZ"
    assert len(data) > 100_000
    # The version resource (VIAddVersionKey) holds UTF-16 strings.
    assert f"{metadata.version()}".encode("utf-16-le") in data
    assert "ProductVersion".encode("utf-16-le") in data
    assert metadata.DISPLAY_NAME.encode("utf-16-le") in data
    if shutil.which("osslsigncode"):
        assert _verify(exe).returncode != 0  # no signature without the variables


def test_signed_only_with_a_certificate_and_the_password_never_shown(
    payload: Path,
    tmp_path: Path,
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    if shutil.which("osslsigncode") is None:
        pytest.skip("osslsigncode is not installed: `make installer-check` installs it")
    pfx, pem = certificate
    monkeypatch.setenv(sign.PFX, str(pfx))
    monkeypatch.setenv(sign.PASSWORD, CERT_PASSWORD)
    exe = build_installer.build(payload, tmp_path / "out" / "signed-setup.exe")
    verified = _verify(exe, pem)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "Signature verification: ok" in verified.stdout
    # The password travels on osslsigncode's standard input, not in its command line.
    assert CERT_PASSWORD not in " ".join(sign._command(exe, tmp_path / "out.exe"))
    monkeypatch.setenv(sign.PASSWORD, "wrong-" + CERT_PASSWORD)
    with pytest.raises(sign.SigningError) as failure:
        sign.sign(exe)
    assert "osslsigncode could not sign" in str(failure.value)
    assert CERT_PASSWORD not in str(failure.value)
    assert CERT_PASSWORD not in capfd.readouterr().out


def test_without_a_certificate_nothing_is_signed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(sign.PFX, raising=False)
    target = tmp_path / "file.exe"
    target.write_bytes(b"MZ")
    assert sign.main([str(target)]) == 0
    assert "not signed (PRINTER_OAUTH_SIGN_PFX is not set)" in capsys.readouterr().out
    assert target.read_bytes() == b"MZ"
