"""Settings: defaults < config.toml < environment < command line, each checked."""

from __future__ import annotations

import pytest

from app import config, paths
from app.errors import ConfigInvalid


def write_config(text: str) -> None:
    target = paths.ensure(paths.current().config_dir) / "config.toml"
    target.write_text(text, encoding="utf-8")


def test_defaults_come_from_the_shipped_file() -> None:
    settings = config.load()
    assert settings["printer.first_contact_timeout"] == 4.0
    assert settings["mailbox.client_id"] == ""
    assert settings.source("mailbox.client_id") == "default"


def test_layers_win_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    write_config('[printer]\nread_timeout = 7.5\npoll_interval = 2\n[ui]\nlanguage = "it"\n')
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_POLL_INTERVAL", "4")
    settings = config.load({"ui.language": "en"})
    assert settings["printer.read_timeout"] == 7.5
    assert settings.source("printer.read_timeout") == "config.toml"
    assert settings["printer.poll_interval"] == 4.0
    assert settings.source("printer.poll_interval") == "environment"
    assert settings["ui.language"] == "en"
    assert settings.source("ui.language") == "command line"


def test_environment_names_are_derived_from_keys() -> None:
    assert config.env_name("mailbox.client_id") == "PRINTER_OAUTH_MAILBOX_CLIENT_ID"


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ('[printer]\nread_timeout = "soon"\n', "printer.read_timeout"),
        ("[printer]\npoll_interval = 0.2\n", "printer.poll_interval"),
        ("[printer]\nread_timout = 3\n", "printer.read_timout"),
        ('[ui]\nlanguage = "klingon"\n', "ui.language"),
        ("[mailbox]\nclient_id = 42\n", "mailbox.client_id"),
        ("[printer]\nread_timeout = true\n", "printer.read_timeout"),
        ("[printer\n", "config.toml"),
    ],
)
def test_a_bad_value_names_the_setting(text: str, setting: str) -> None:
    write_config(text)
    with pytest.raises(ConfigInvalid) as caught:
        config.load()
    assert setting in caught.value.text
    assert caught.value.exit_status == 2


def test_one_setting_for_the_wizards_start_is_none_when_unset_or_unreadable() -> None:
    """The wizard reads its language before anything else: a damaged config.toml must not
    stop it from opening (its first step reports the file, as `config_invalid`)."""
    assert config.setting("ui.language") is None  # the shipped default is ""
    write_config('[ui]\nlanguage = "it"\n')
    assert config.setting("ui.language") == "it"
    write_config("[ui\n")
    assert config.setting("ui.language") is None


def test_a_bad_environment_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_COMMIT_TIMEOUT", "forever")
    with pytest.raises(ConfigInvalid, match=r"printer\.commit_timeout"):
        config.load()


def test_home_variable_moves_every_folder(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRINTER_OAUTH_HOME", str(tmp_path / "portable"))
    for folder in paths.current().all_dirs():
        assert folder.is_relative_to(tmp_path / "portable")


def test_without_the_home_variable_the_platform_folders_are_used(
    monkeypatch: pytest.MonkeyPatch, isolated_home
) -> None:
    monkeypatch.delenv("PRINTER_OAUTH_HOME")
    current = paths.current()
    assert not current.config_dir.is_relative_to(isolated_home)
    assert "PrinterOAuthWizard" in str(current.config_dir)
