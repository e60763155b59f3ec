"""The built-in rule pack: one module per charter principle key.

It is registered like any third-party pack, through the `charte_lint.rules` entry-point group
(`builtin = "charte_lint.rules:RULES"` in pyproject.toml).
"""

from . import (
    cooperation,
    data,
    human,
    inclusion,
    security,
    sobriety,
    transparency,
    value,
    vigilance,
    work,
)

RULES = [
    *value.RULES,
    *transparency.RULES,
    *data.RULES,
    *human.RULES,
    *inclusion.RULES,
    *sobriety.RULES,
    *work.RULES,
    *security.RULES,
    *cooperation.RULES,
    *vigilance.RULES,
]
