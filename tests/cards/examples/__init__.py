"""Example inputs for every card builder: one module per card module, each with an EXAMPLES dict
of builder name to functions that build a card."""

from __future__ import annotations

import importlib
import pkgutil


def all_examples() -> dict[str, list]:
    """Every module's EXAMPLES, merged."""
    merged: dict[str, list] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, makers in module.EXAMPLES.items():
            merged.setdefault(name, []).extend(makers)
    return merged
