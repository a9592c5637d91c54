"""The setup flow as data, and the engine both the wizard and the command line drive."""

from app.flow.engine import FlowRunner, State
from app.flow.model import Flow, FlowDefinitionError, Input, MissingInput, Step

__all__ = ["Flow", "FlowDefinitionError", "FlowRunner", "Input", "MissingInput", "State", "Step"]
