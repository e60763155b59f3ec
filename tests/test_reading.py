"""Reading YAML: positions, duplicate keys, YAML 1.1 traps, hostile constructs."""

from __future__ import annotations

from conftest import SMALLEST, brief, lint

from charte_lint.manifest import read_manifest


def test_smallest_manifest_of_the_format_lints_clean():
    assert lint(SMALLEST) == []


def test_positions_of_scalars_and_collections():
    manifest = read_manifest("m.yaml", SMALLEST.encode())
    assert manifest.locate("/uses/0/data/personal") == (24, 17, 24, 22)
    # a collection is located at its key
    assert manifest.locate("/uses/0/data") == (23, 5, 23, 9)
    assert manifest.locate("/uses/0/purpose/beneficiaries/0") == (14, 23, 14, 28)
    # past what the file holds: the deepest part that exists
    assert manifest.locate("/uses/0/data/legal_basis")[:2] == (23, 5)
    assert manifest.locate("/organisation/name", on_key=True) == (4, 3, 4, 7)


def test_syntax_error_is_a_finding_at_its_line_and_column():
    findings = lint("""
        version: 1
        uses:
          - id: a
             name: b
        """)
    assert brief(findings) == [("CL001", 4, 10)]
    assert findings[0].message == (
        "YAML syntax error: mapping values are not allowed in this context"
    )


def test_unclosed_quote():
    findings = lint('version: 1\ncharter: "private\n')
    assert [f.code for f in findings] == ["CL001"]
    assert findings[0].line == 3


def test_duplicate_key_names_the_first_line_and_keeps_the_first_value():
    text = SMALLEST.replace(
        "      personal: false\n", "      personal: false\n      personal: true\n"
    )
    findings = lint(text)
    assert brief(findings) == [("CL002", 25, 7)]
    assert findings[0].message == (
        "duplicate key `personal`: it is already defined on line 24, and YAML tools silently "
        "keep only one of the two values"
    )
    assert findings[0].pointer == "/uses/0/data/personal"
    assert read_manifest("m", text.encode()).data["uses"][0]["data"]["personal"] is False


def test_yaml11_boolean_where_a_boolean_is_expected_is_a_warning():
    findings = lint(SMALLEST.replace("personal: false", "personal: no"))
    assert brief(findings) == [("CL003", 24, 17)]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "`no` is read as the boolean false by YAML 1.1 but as text by YAML 1.2: write `false` "
        'for a boolean, or quote it ("no") for text'
    )


def test_yaml11_boolean_where_text_is_expected_says_to_quote_it():
    text = SMALLEST.replace(
        "      approved: copilot-business\n", "      approved: copilot-business\n      region: NO\n"
    )
    findings = lint(text)
    assert brief(findings) == [("CL103", 21, 15)]
    assert findings[0].message == (
        '`uses[0].tool.region` must be text, but `NO` is read as false by YAML 1.1: quote it ("NO")'
    )
    french = lint(text, lang="fr")
    assert french[0].message == (
        "`uses[0].tool.region` doit être du texte, mais `NO` est lu comme false en YAML 1.1 : "
        'le mettre entre guillemets ("NO")'
    )


def test_yaml11_octal_and_on():
    text = SMALLEST.replace("  name: Exemple SAS\n", "  name: Exemple SAS\n  agents: 0061\n")
    findings = lint(text)
    assert brief(findings) == [("CL003", 5, 11)]
    assert findings[0].message == (
        '`0061` is read as the number 49 by YAML 1.1 (octal or base 60): quote it ("0061") '
        "if you mean text"
    )
    assert read_manifest("m", text.encode()).data["organisation"]["agents"] == 49


def test_quoted_values_are_not_traps():
    assert lint(SMALLEST.replace("personal: false", 'personal: "false"'))[0].code == "CL103"
    text = SMALLEST.replace(
        "      approved: copilot-business\n",
        '      approved: copilot-business\n      region: "NO"\n',
    )
    assert lint(text) == []


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    findings = lint("\n".join(lines) + "\n")
    assert brief(findings) == [("CL004", 1, 1)]
    assert findings[0].message == (
        "aliases would expand this file's 91 values into 490329064: the file is refused "
        "(an alias bomb?)"
    )


def test_recursive_alias_is_refused():
    findings = lint("a: &a [1, *a]\n")
    assert [f.code for f in findings] == ["CL004"]
    assert findings[0].message == (
        "an alias refers to a value that contains it: the file is refused"
    )


def test_small_aliases_and_merge_keys_are_allowed():
    text = SMALLEST.replace(
        "    work:\n      impact: none\n", "    work: &work\n      impact: none\n"
    )
    assert lint(text) == []
    merged = read_manifest("m", b"base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n")
    assert merged.data["derived"] == {"y": 3, "x": 1}
    assert merged.locate("/derived/x") == (1, 14, 1, 15)


def test_deep_nesting_is_refused():
    flow = "a: " + "[" * 200 + "]" * 200 + "\n"
    findings = lint(flow)
    assert [f.code for f in findings] == ["CL005"]
    assert findings[0].message == "values are nested more than 64 levels deep: the file is refused"
    block = "".join("  " * depth + f"k{depth}:\n" for depth in range(100)) + "  " * 100 + "x\n"
    assert [f.code for f in lint(block)] == ["CL005"]


def test_unknown_tags_are_never_applied():
    findings = lint('version: 1\ncharter: !!python/object/apply:os.system ["echo pwned"]\n')
    assert ("CL006", 2, 10) in brief(findings)
    tagged = next(f for f in findings if f.code == "CL006")
    assert tagged.message == (
        "the tag `!!python/object/apply:os.system` is not allowed: a manifest holds plain "
        "data, and the tag was not applied"
    )
    assert read_manifest("m", b"a: !custom 3\n").data == {"a": "3"}


def test_several_documents():
    findings = lint("version: 1\n---\nversion: 1\n")
    assert brief(findings) == [("CL001", 2, 1)]
    assert findings[0].message == (
        "the file holds several YAML documents (`---`): a manifest is one document"
    )


def test_empty_file_and_top_level_scalar_or_list():
    empty = lint("")
    assert brief(empty) == [("CL103", 1, 1)]
    assert empty[0].message.startswith("the file is empty")
    assert lint("# only a comment\n")[0].message.startswith("the file is empty")
    listing = lint("- a\n- b\n")
    assert brief(listing) == [("CL103", 1, 1)]
    assert listing[0].message == "the manifest must be a mapping of keys, not a list"
    assert lint("hello\n")[0].message == "the manifest must be a mapping of keys, not text"


def test_nul_bytes_and_invalid_utf8():
    nul = lint(SMALLEST.replace("Exemple SAS", "Exemple\x00SAS"))
    assert brief(nul) == [("CL001", 4, 16)]
    assert nul[0].message == (
        "YAML syntax error: control characters (such as NUL bytes) are not allowed"
    )
    from charte_lint.engine import lint_source

    broken = lint_source(b"version: 1\ncharter: \xff\xfe private\n")
    assert [(f.code, f.line) for f in broken] == [("CL001", 2)]


def test_utf16_with_bom_is_read():
    from charte_lint.engine import lint_source

    raw = SMALLEST.encode("utf-16")
    assert raw.startswith(b"\xff\xfe")
    assert lint_source(raw) == []
