"""Printer OAuth Wizard: the wizard, demo mode, the self-test, or a sub-command.

Kept tiny and import-light: the wizard must paint before qasync, msal and requests load.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app.cli import build_parser, run

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is not None:
        return run(args)
    if args.self_test:
        from ui.self_test import run as run_self_test

        return run_self_test()
    from ui.app import run as run_wizard

    return run_wizard(address=args.printer, language=args.language, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
