"""Finding every app's actions, for the suite's rules about them."""

import importlib
import importlib.util
import pkgutil
from collections.abc import Iterator
from types import ModuleType

import storedesk


def action_modules() -> Iterator[ModuleType]:
    """Every app's ``actions`` module, or every module of its ``actions`` package."""
    for app in pkgutil.iter_modules(storedesk.__path__):
        name = f"storedesk.{app.name}.actions"
        if not app.ispkg or importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        yield module
        for submodule in pkgutil.iter_modules(getattr(module, "__path__", [])):
            yield importlib.import_module(f"{name}.{submodule.name}")
