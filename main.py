"""Printer OAuth Wizard: the wizard, demo mode, the self-test, or a sub-command.

Kept tiny and import-light: the wizard must paint before qasync, msal and requests load.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if not arguments:
        # A double-click: the wizard, without building the command line's parser and its
        # sub-commands first (a few milliseconds of the time to the first paint).
        return wizard()
    from app.cli import build_parser, run

    args = build_parser().parse_args(arguments)
    if args.command is not None:
        return run(args)
    if args.self_test:
        from ui.self_test import run as run_self_test

        return run_self_test()
    return wizard(address=args.printer, language=args.language, demo=args.demo)


def wizard(address: str | None = None, language: str | None = None, demo: bool = False) -> int:
    # Read before PySide6 loads: it reads the source of each module imported after it (the
    # import hook behind its `__feature__` options), a fraction of a millisecond each, and
    # neither the config's modules nor the first page's address parser need Qt.
    import app.printers.address  # noqa: F401 (imported for the reason above)
    from app import config

    chosen = language or config.setting("ui.language")
    from ui.app import run

    return run(address=address, language=chosen, demo=demo)


if __name__ == "__main__":
    sys.exit(main())
