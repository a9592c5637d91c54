"""Running a setup flow from the command line: inputs from arguments, events to stdout.

The command line is a second driver of the same flow the wizard drives: it answers each
step's inputs from the arguments, prints the steps' events, and turns the error that ends a
run into its exit status. Ctrl+C cancels through the flow, so the device is put back.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import signal
import sys
from collections.abc import Mapping
from typing import Any

from app.errors import EXIT_INPUT, EXIT_OK, WizardError
from app.events import Events, emit_error
from app.flow import Flow, FlowRunner, MissingInput

CLI_EVENTS = frozenset(
    {
        "connected",
        "logged_in",
        "device_code",
        "signed_in",
        "saved",
        "verified",
        "status",
        "mailbox_ok",
        "device",
        "warning",
        "error",
    }
)
"""DESIGN.md "Command line": the events `--json` may carry. Progress events the wizard
shows (state line, phases) stay out of the command line's output."""


MAX_STDIN_LINE = 4096
"""Bytes of standard input's first line read as the password: a real one is at most 64
characters; a stream without a newline is not read to its end."""


class UnreadableInput(ValueError):  # noqa: N818 - reads as what is wrong, like MissingInput
    """Standard input that is not text: reported as bad input (exit 2), never a traceback."""


def read_password(from_stdin: bool) -> str:
    """The admin password: from stdin's first line, else asked on a terminal, never argv."""
    if from_stdin:
        if sys.stdin is None:
            return ""
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream with no bytes beneath: decoded already
            return sys.stdin.readline(MAX_STDIN_LINE).rstrip("\r\n")
        line = buffer.readline(MAX_STDIN_LINE)
        try:
            return line.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            raise UnreadableInput("the password on standard input is not UTF-8 text") from None
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Administrator password: ")
    return ""


async def drive(
    flow: Flow,
    services: Any,
    events: Events,
    answers: Mapping[str, Mapping[str, Any]],
) -> int:
    def forward(event: str, fields: dict[str, Any]) -> None:
        if event in CLI_EVENTS:
            events.emit(event, **fields)

    runner = FlowRunner(flow, services=services, on_event=forward)
    loop = asyncio.get_running_loop()
    pending: set[asyncio.Task[None]] = set()

    def on_interrupt() -> None:
        task = loop.create_task(runner.cancel())
        pending.add(task)
        task.add_done_callback(pending.discard)

    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGINT, on_interrupt)
        loop.add_signal_handler(signal.SIGTERM, on_interrupt)
    try:
        while runner.current is not None:
            await runner.advance(**answers.get(runner.current, {}))
    except WizardError as error:
        return emit_error(events, error)
    except MissingInput as missing:
        print(f"missing input: {', '.join(missing.names)}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)
        await asyncio.gather(*pending, return_exceptions=True)
        services.close()
    return EXIT_OK
