"""charte-lint: a linter for AI usage declarations (ai-usage.yaml).

Kept import-free on purpose: `charte-lint --version` and the one-file hot path must not
pay for modules they do not use.
"""

__version__ = "0.1.0"
