"""What the command line tells its caller, as events.

With `--json` standard output carries only JSON objects, one per line, each with key `event`,
flushed at once so a caller can follow a run live. Without it the same events read as short
sentences. Nothing else in the command line writes to standard output.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Protocol, TextIO

from app.errors import WizardError


class Events(Protocol):
    def emit(self, event: str, **fields: Any) -> None: ...


class JsonEvents:
    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stdout

    def emit(self, event: str, **fields: Any) -> None:
        line = json.dumps({"event": event, **fields}, ensure_ascii=False, default=str)
        self._stream.write(line + "\n")
        self._stream.flush()


class TextEvents:
    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stdout

    def emit(self, event: str, **fields: Any) -> None:
        if event == "error":
            text = f"Error [{fields.get('code')}]: {fields.get('message')}"
            text += f"\n  Help topic: {fields.get('help_topic')}"
        elif event == "warning":
            text = f"Warning [{fields.get('code')}]: {fields.get('message')}"
        else:
            details = ", ".join(f"{key}: {value}" for key, value in fields.items())
            text = f"{event}: {details}" if details else event
        self._stream.write(text + "\n")
        self._stream.flush()


def for_output(json_mode: bool, stream: TextIO | None = None) -> Events:
    return JsonEvents(stream) if json_mode else TextEvents(stream)


def emit_error(events: Events, error: WizardError) -> int:
    """Report an error the one way every command does, and give the exit status for it."""
    events.emit("error", code=error.code, message=error.text, help_topic=error.help_topic)
    return error.exit_status
