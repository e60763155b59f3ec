"""The built-in rule pack: one module per charter principle key.

It is registered like any third-party pack, through the `charte_lint.rules` entry-point group
(`builtin = "charte_lint.rules:RULES"` in pyproject.toml).
"""

from charte_lint.rules import work

RULES = [*work.RULES]
