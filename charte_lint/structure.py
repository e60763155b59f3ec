"""The engine's own findings: YAML that cannot be trusted, and manifests that break the schema.

They are rules like any other for `--list-rules`, `--explain`, `--select` and severities, but the
engine produces them (their `check` does nothing); their codes start with CL, a prefix reserved
for charte-lint itself. They belong to no charter principle. Their texts and examples are in
`content/` beside this module, like any rule pack's.
"""

from __future__ import annotations

from charte_lint.api import Rule

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from charte_lint.api import Finding, RuleContext


def _produced_by_engine(ctx: RuleContext) -> Iterator[Finding]:
    return iter(())


def _engine_rule(code: str, name: str, severity: str) -> Rule:
    return Rule(code=code, name=name, principle=None, severity=severity, check=_produced_by_engine)


RULE_CRASH = _engine_rule("CL000", "rule-crash", "error")
SYNTAX_ERROR = _engine_rule("CL001", "syntax-error", "error")
DUPLICATE_KEY = _engine_rule("CL002", "duplicate-key", "error")
AMBIGUOUS_VALUE = _engine_rule("CL003", "yaml11-ambiguous-value", "warning")
ALIAS_LIMIT = _engine_rule("CL004", "alias-expansion", "error")
FILE_LIMIT = _engine_rule("CL005", "file-limit", "error")
UNKNOWN_TAG = _engine_rule("CL006", "unknown-tag", "error")
UNSUPPORTED_YAML = _engine_rule("CL007", "unsupported-yaml", "error")
MISSING_KEY = _engine_rule("CL101", "missing-key", "error")
UNKNOWN_KEY = _engine_rule("CL102", "unknown-key", "error")
WRONG_TYPE = _engine_rule("CL103", "wrong-type", "error")
INVALID_VALUE = _engine_rule("CL104", "invalid-value", "error")
DUPLICATE_USE_ID = _engine_rule("CL105", "duplicate-use-id", "error")
PLACEHOLDER = _engine_rule("CL106", "placeholder", "error")
EXPIRED_WAIVER = _engine_rule("CL201", "expired-waiver", "warning")
UNUSED_WAIVER = _engine_rule("CL202", "unused-waiver", "warning")
# Raised by an export in a published standard (charte_lint.register.exports), never by linting.
EXPORT_MISSING_FACT = _engine_rule("CL301", "export-missing-fact", "warning")
SUPPRESSION_WITHOUT_REASON = _engine_rule("CL901", "suppression-without-reason", "error")
UNUSED_SUPPRESSION = _engine_rule("CL902", "unused-suppression", "warning")

RULES = [
    RULE_CRASH,
    SYNTAX_ERROR,
    DUPLICATE_KEY,
    AMBIGUOUS_VALUE,
    ALIAS_LIMIT,
    FILE_LIMIT,
    UNKNOWN_TAG,
    UNSUPPORTED_YAML,
    MISSING_KEY,
    UNKNOWN_KEY,
    WRONG_TYPE,
    INVALID_VALUE,
    DUPLICATE_USE_ID,
    PLACEHOLDER,
    EXPIRED_WAIVER,
    UNUSED_WAIVER,
    EXPORT_MISSING_FACT,
    SUPPRESSION_WITHOUT_REASON,
    UNUSED_SUPPRESSION,
]

# What the reader (manifest.py) and the schema validator (schema.py) report -> (rule, message id).
READ_PROBLEMS: dict[str, tuple[Rule, str]] = {
    "syntax-error": (SYNTAX_ERROR, "default"),
    "multiple-documents": (SYNTAX_ERROR, "multiple-documents"),
    "duplicate-key": (DUPLICATE_KEY, "default"),
    "yaml11-boolean": (AMBIGUOUS_VALUE, "default"),
    "yaml11-number": (AMBIGUOUS_VALUE, "number"),
    "alias-expansion": (ALIAS_LIMIT, "default"),
    "recursive-alias": (ALIAS_LIMIT, "recursive"),
    "too-large": (FILE_LIMIT, "default"),
    "needs-node-tree": (FILE_LIMIT, "node-tree"),
    "too-deep": (FILE_LIMIT, "depth"),
    "unknown-tag": (UNKNOWN_TAG, "default"),
    "complex-key": (UNSUPPORTED_YAML, "default"),
    "bad-merge": (UNSUPPORTED_YAML, "bad-merge"),
}
SCHEMA_PROBLEMS: dict[str, tuple[Rule, str]] = {
    "missing-key": (MISSING_KEY, "default"),
    "unknown-key": (UNKNOWN_KEY, "default"),
    "unknown-key-suggest": (UNKNOWN_KEY, "suggest"),
    "wrong-type": (WRONG_TYPE, "default"),
    "empty": (WRONG_TYPE, "empty"),
    "trap": (WRONG_TYPE, "trap"),
    "not-allowed": (INVALID_VALUE, "default"),
    "not-const": (INVALID_VALUE, "const"),
    "not-allowed-suggest": (INVALID_VALUE, "suggest"),
    "bad-format": (INVALID_VALUE, "format"),
    "empty-text": (INVALID_VALUE, "empty-text"),
    "too-few-items": (INVALID_VALUE, "too-few-items"),
    "too-long": (INVALID_VALUE, "too-long"),
    "repeated-items": (INVALID_VALUE, "repeated-items"),
    "out-of-range": (INVALID_VALUE, "out-of-range"),
    "other": (INVALID_VALUE, "other"),
    "duplicate-use-id": (DUPLICATE_USE_ID, "default"),
}
