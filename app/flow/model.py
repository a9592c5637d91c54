"""The setup flow as data.

A step names the inputs it needs, its action, its next step and its undo. The wizard attaches a
page to each step and the command line answers the inputs from its arguments; both hand the
steps to one engine, so the order of the steps lives here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


class FlowDefinitionError(Exception):
    """A flow that names a step it does not have: a programming error, found at build time."""


class MissingInput(ValueError):  # noqa: N818 - reads as what is wrong, like KeyError
    """The caller advanced a step without an input it requires."""

    def __init__(self, step: str, names: list[str]) -> None:
        self.step = step
        self.names = names
        super().__init__(f"step {step!r} needs {', '.join(names)}")


class Context(Protocol):
    """What an action sees: the data collected so far, the services, and a way to report."""

    @property
    def data(self) -> Mapping[str, Any]: ...

    @property
    def services(self) -> Any: ...

    def emit(self, event: str, **fields: Any) -> None: ...

    def commit(self) -> None:
        """Mark the running step's writes as saved and verified: no undo from here on."""
        ...


Action = Callable[[Context], Awaitable[Mapping[str, Any] | None]]
Undo = Callable[[Context], Awaitable[None]]
Next = str | Callable[[Mapping[str, Any]], str | None] | None


@dataclass(frozen=True)
class Input:
    name: str
    required: bool = True
    secret: bool = False
    """Secret inputs (the admin password) are never shown back, logged or reported."""


@dataclass(frozen=True)
class Step:
    name: str
    inputs: tuple[Input, ...] = ()
    action: Action | None = None
    """Runs when the step is advanced; what it returns is merged into the flow's data."""
    next: Next = None
    """The following step: a name, a function of the data, or None where the flow ends."""
    undo: Undo | None = None
    """Puts the device back as it was before this step. It runs when this step fails or is
    cancelled and when a later step of the same transaction fails, so it must be safe to run
    after an action that did only part of its work, or none."""
    commits: bool = False
    """Completing this step ends the transaction: what came before can no longer be undone
    (the settings are saved and verified) and Back cannot cross it."""
    part: str | None = None
    """Tag added to every event the step emits (the fax step's events carry "part": "fax")."""

    def missing(self, data: Mapping[str, Any]) -> list[str]:
        return [i.name for i in self.inputs if i.required and data.get(i.name) in (None, "")]


@dataclass(frozen=True)
class Flow:
    name: str
    start: str
    steps: Mapping[str, Step] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.start not in self.steps:
            raise FlowDefinitionError(f"{self.name}: no start step {self.start!r}")
        for key, step in self.steps.items():
            if key != step.name:
                raise FlowDefinitionError(f"{self.name}: step {step.name!r} filed as {key!r}")
            if isinstance(step.next, str) and step.next not in self.steps:
                raise FlowDefinitionError(f"{self.name}: {key!r} leads to unknown {step.next!r}")

    @classmethod
    def of(cls, name: str, *steps: Step) -> Flow:
        """A flow whose first step is where it starts."""
        return cls(name, steps[0].name, {step.name: step for step in steps})

    def resolve_next(self, step: Step, data: Mapping[str, Any]) -> str | None:
        target = step.next(data) if callable(step.next) else step.next
        if target is not None and target not in self.steps:
            raise FlowDefinitionError(f"{self.name}: {step.name!r} chose unknown {target!r}")
        return target
