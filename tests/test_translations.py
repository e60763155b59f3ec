"""The gettext catalogue: in step with the sources, complete, compiled; plurals; lazy loading.

When a test here fails after a text was added or changed, regenerate as CONTRIBUTING.md's
"Translating charte-lint" section says (pybabel extract, update, compile).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from babel.messages.extract import extract_from_dir  # Babel: in the `test` extra only
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from conftest import REPO, clean_env

from charte_lint.lazytext import Lazy, lazy
from charte_lint.messages import (
    LOCALE_DIR,
    clean,
    languages,
    nt,
    pick_language,
    summary,
    t,
    text,
)

KEYWORDS = {"t": (2,), "nt": (2, 3), "lazy": None, "N_": None}
"""The extraction keywords, as in CONTRIBUTING.md's `pybabel extract -k` options."""
POT = REPO / "charte_lint" / "locale" / "charte_lint.pot"


def _po(lang: str):
    with open(REPO / "charte_lint" / "locale" / lang / "LC_MESSAGES" / "charte_lint.po", "rb") as f:
        return read_po(f)


def _ids(catalog) -> set:
    return {message.id for message in catalog if message.id}


def test_the_template_is_extracted_from_the_current_sources():
    extracted = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO),
        method_map=[("charte_lint/**.py", "python")],
        keywords=KEYWORDS,
    ):
        extracted.add(message if isinstance(message, str) else tuple(message))
    with open(POT, "rb") as f:
        checked_in = _ids(read_po(f))
    assert extracted - checked_in == set(), (
        "texts missing from charte_lint.pot: run pybabel extract"
    )
    assert checked_in - extracted == set(), "texts no longer in the sources: run pybabel extract"


@pytest.mark.parametrize("lang", languages()[1:])
def test_every_catalogue_translates_every_text_of_the_template(lang):
    with open(POT, "rb") as f:
        template = _ids(read_po(f))
    catalog = _po(lang)
    assert template - _ids(catalog) == set(), f"run pybabel update, then translate ({lang})"
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"fuzzy translation in {lang}: {message.id!r}"
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms), f"empty translation in {lang}: {message.id!r}"
        assert len(forms) == (catalog.num_plurals if isinstance(message.id, tuple) else 1)


@pytest.mark.parametrize("lang", languages()[1:])
def test_the_compiled_catalogue_is_the_po_file_compiled(lang):
    with open(f"{LOCALE_DIR}/{lang}/LC_MESSAGES/charte_lint.mo", "rb") as f:
        compiled = read_mo(f)
    source = _po(lang)

    def content(catalog) -> dict:
        def plain(value):
            return tuple(value) if isinstance(value, (list, tuple)) else value

        return {plain(m.id): plain(m.string) for m in catalog if m.id and not m.fuzzy}

    assert content(compiled) == content(source), f"run pybabel compile ({lang})"
    assert compiled.plural_forms == source.plural_forms


def test_french_plurals_follow_the_french_rule():
    assert [nt("fr", "{n} error", "{n} errors", n).format(n=n) for n in (0, 1, 2)] == [
        "0 erreur",
        "1 erreur",
        "2 erreurs",
    ]
    assert [nt("en", "{n} error", "{n} errors", n).format(n=n) for n in (0, 1, 2)] == [
        "0 errors",
        "1 error",
        "2 errors",
    ]
    assert summary("fr", 1, 2, 3, 1) == "1 erreur, 2 avertissements, 3 info dans 1 fichier"
    assert summary("en", 1, 2, 3, 1) == "1 error, 2 warnings, 3 info in 1 file"
    assert clean("fr", 0) == "Aucun constat dans 0 fichier."
    assert clean("en", 0) == "No findings in 0 files."


def test_both_languages_in_one_process_and_unknown_texts_stay_english():
    assert (t("fr", "error"), t("en", "error"), t("fr", "error")) == ("erreur", "error", "erreur")
    assert t("fr", "a text no catalogue has") == "a text no catalogue has"


def test_lazy_texts_read_as_english_and_render_in_the_run_language():
    reason = lazy("`extends` names a missing file: {parent}", parent="base.yaml")
    assert isinstance(reason, str) and reason == "`extends` names a missing file: base.yaml"
    assert isinstance(reason, Lazy)
    assert text("fr", "config-error", location="c.yaml:1:1", reason=reason) == (
        "c.yaml:1:1 : configuration invalide : `extends` nomme un fichier absent : base.yaml"
    )
    assert text("fr", "unreadable", path="x", reason="Permission denied") == (
        "impossible de lire x : permission refusée"
    )
    assert text("en", "unreadable", path="x", reason="Permission denied") == (
        "cannot read x: Permission denied"
    )


def test_lazy_texts_survive_pickling_out_of_a_forked_worker():
    import pickle

    from charte_lint.config import ConfigError

    error = ConfigError("c.yaml", 2, 3, lazy("a configuration is a mapping of keys"))
    back = pickle.loads(pickle.dumps(error))
    assert (back.path, back.line, back.column, str(back)) == (
        "c.yaml",
        2,
        3,
        "c.yaml:2:3: a configuration is a mapping of keys",
    )
    assert back.reason.in_language("fr") == "une configuration est un bloc de clés"


def test_rule_pack_errors_have_a_french_text(tmp_path):
    from charte_lint.registry import RuleError, _load

    with pytest.raises(RuleError) as raised:
        _load("charte_lint.nowhere:RULES", "acme")
    assert str(raised.value).startswith("cannot load rule pack acme (charte_lint.nowhere:RULES)")
    assert raised.value.in_language("fr").startswith(
        "impossible de charger le paquet de règles acme (charte_lint.nowhere:RULES) : « "
    )


def test_a_language_is_any_catalogue_folder(monkeypatch, tmp_path):
    assert languages() == ("en", "fr")
    assert pick_language("fr") == "fr"
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    assert pick_language() == "fr"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert pick_language() == "en"
    import charte_lint.messages as messages

    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.setattr(messages, "LOCALE_DIR", str(tmp_path))
    assert messages.languages() == ("en", "de", "fr")
    assert pick_language() == "de"
    assert pick_language("../fr") == "de"  # a path is never a language


def _imported_after_run(*args: str, **env: str) -> set[str]:
    """The modules a console run imported, in a child process."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.__stderr__.write('MODULES ' + ' '.join(sys.modules)))\n"
        "from charte_lint.cli import main\n"
        f"main({list(args)!r})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=clean_env(**env),
        cwd=REPO / "examples" / "private-clean",
        check=False,
    )
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


def test_an_english_run_never_imports_gettext_nor_reads_a_catalogue():
    assert "gettext" not in _imported_after_run("ai-usage.yaml")
    assert "gettext" in _imported_after_run("ai-usage.yaml", LANG="fr_FR.UTF-8")
