"""The register's HTML page (`charte_lint.register.page.render_page`): the page itself (escaping,
no asset, both languages, size and speed), then the page as a DPO uses it, opened from file:// in
Debian's Chromium driven by Selenium: the counts it shows, the filter, the selects, sorting by a
header (mouse and keyboard), the French switch, no console error, the page without JavaScript,
10,000 uses, and a screenshot kept as a CI artifact.

The register is built by the real builder from three invented repositories under
tests/data/register-page/ (40 uses), merged with a second fragment of one repository that
disagrees on a use (a conflict) and an older fragment of another (a stale, superseded fragment).
"""

from __future__ import annotations

import base64
import copy
import json
import os
import re
import shutil
import struct
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TODAY

from charte_lint.content import catalogue
from charte_lint.register.build import records_from_paths
from charte_lint.register.merge import merge
from charte_lint.register.page import labels, render_page

DATA = REPO / "tests" / "data" / "register-page"
REPOSITORIES = ("ville/aides-sociales", "exemple/plateforme", "northwick/services")
HOSTILE = 'Résumés <script>alert(1)</script><img src=x onerror="alert(2)">'
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
EN = labels()["en"]
FR = labels()["fr"]


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("repos")
    shutil.copytree(DATA, root, dirs_exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHARTE_LINT_TODAY", TODAY.isoformat())
        for name in ("GITHUB_WORKSPACE", "GITHUB_REPOSITORY", "CI_PROJECT_DIR", "CI_PROJECT_PATH"):
            patch.delenv(name, raising=False)
        patch.chdir(root)  # outside git, a repository is named by its folder
        built = records_from_paths(list(REPOSITORIES), today=TODAY)
        merged = _merged(built)
    _record(merged, "exemple/plateforme", "minimal-2")["use"]["name"] = HOSTILE
    return merged


def _merged(built: dict) -> dict:
    # a second fragment of ville/aides-sociales, of the same time, that disagrees on one use
    rival = copy.deepcopy(built)
    rival["uses"] = [copy.deepcopy(_record(built, "ville/aides-sociales", "high-1"))]
    rival["uses"][0]["use"]["status"] = "production"
    rival["sources"] = [s for s in built["sources"] if s["repository"] == "ville/aides-sociales"]
    # an older fragment of northwick/services: left out, listed as superseded
    old = copy.deepcopy(built)
    old["generated"] = "2026-08-01T00:00:00Z"
    old["uses"] = [r for r in old["uses"] if r["key"]["repository"] == "northwick/services"]
    old["sources"] = [s for s in old["sources"] if s["repository"] == "northwick/services"]
    return merge(
        [("site/fragments.json", built), ("ville/rerun.json", rival), ("northwick/old.json", old)],
        TODAY,
    )


def _record(document: dict, repository: str, use: str) -> dict:
    (found,) = [
        r
        for r in document["uses"]
        if r["key"]["repository"] == repository and r["key"]["use"] == use
    ]
    return found


def _statuses(document: dict) -> Counter:
    return Counter(r["use"]["status"] for r in document["uses"])


def _risks(document: dict) -> Counter:
    return Counter(r["classification"]["risk"] for r in document["uses"])


def _vendors(document: dict) -> Counter:
    return Counter(r["use"]["tool"].get("vendor", EN["undeclared"]) for r in document["uses"])


def _regions(document: dict) -> Counter:
    return Counter(r["use"]["tool"].get("region", EN["undeclared"]) for r in document["uses"])


# ---------------------------------------------------------------------------------------------
# The page as text


def test_the_test_register_is_what_the_page_tests_expect(document):
    """The numbers the browser tests compare with, from the real builder, pinned here once."""
    assert len(document["uses"]) == 40
    assert {r["key"]["organisation"] for r in document["uses"]} == {
        "Ville de Saint-Aubin",
        "Exemple SAS",
        "Borough of Northwick",
    }
    assert _statuses(document) == {
        "production": 16,
        "pilot": 9,
        "design": 5,
        "idea": 5,
        "retired": 5,
    }
    assert _risks(document) == {
        "minimal": 14,
        "outside_ai_act": 10,
        "limited": 8,
        "not_ai_system": 3,
        "high": 3,
        "prohibited": 2,
    }
    assert sum(r["findings"]["open"] for r in document["uses"]) == 140
    assert sum(r["review"]["overdue"] for r in document["uses"]) == 13
    assert [c["key"] for c in document["conflicts"]] == [
        {
            "organisation": "Ville de Saint-Aubin",
            "repository": "ville/aides-sociales",
            "use": "high-1",
        }
    ]
    assert [(s["key"]["repository"], s["reason"]) for s in document["stale"]] == [
        ("northwick/services", "superseded")
    ]


def test_every_manifest_string_is_escaped(document):
    page = render_page(document)
    assert "<script>alert" not in page
    assert "<img" not in page
    assert (
        "Résumés &lt;script&gt;alert(1)&lt;/script&gt;"
        "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    )
    # only the page's own two scripts: the labels' JSON and the code
    assert len(re.findall(r"<script\b", page)) == 2


def test_a_hostile_organisation_cannot_end_the_labels_json_or_an_attribute(document):
    hostile = copy.deepcopy(document)
    for record in hostile["uses"][:3]:
        record["key"]["organisation"] = '</script><script>alert(3)</script>"'
    hostile["stale"][0]["fragment"] = '"><b>x</b>'
    page = render_page(hostile)
    assert "<script>alert(3)" not in page
    assert "<b>x</b>" not in page
    assert page.count("</script>") == 2


def test_the_page_references_no_asset_and_no_network(document):
    page = render_page(document)
    assert not re.search(r"\b(https?|ftp|file|data):", page.replace("img-src data:", ""))
    assert _attributes(page) & {"src", "href", "srcset", "action", "formaction", "poster"} == set()
    assert _tags(page) >= {"html", "table", "th", "button", "script", "style"}
    assert _tags(page) & {"link", "img", "iframe", "object", "embed", "base", "form"} == set()
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def _parsed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _tags(page: str) -> set[str]:
    return _parsed(page).tags


def _attributes(page: str) -> set[str]:
    return _parsed(page).attributes


def test_the_page_carries_both_languages(document):
    page = render_page(document)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    carried = json.loads(
        re.search(
            r'<script type="application/json" id="labels">\n(.*?)\n</script>', page, re.S
        ).group(1)
    )
    assert set(carried) == {"en", "fr"}
    assert carried["fr"]["title"] == "Registre des usages de l'IA"
    assert carried["fr"]["principle.value"] == "P1 / S1 Une IA au service de la valeur"
    french = render_page(document, "fr")
    assert french.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert '<h1 data-t="title">Registre des usages de l&#x27;IA</h1>' in french
    assert (
        'data-t="shown_other" data-a="{&quot;shown&quot;: 40, &quot;total&quot;: 40}">'
        "40 sur 40 usages</p>" in french
    )
    assert render_page(document, "de").startswith('<!DOCTYPE html>\n<html lang="en">')


def test_the_labels_file_has_every_key_in_every_language():
    data = yaml.safe_load(
        (REPO / "charte_lint" / "content" / "register" / "page.yaml").read_text(encoding="utf-8")
    )
    assert set(data) == {"en", "fr"}
    assert set(data["en"]) == set(data["fr"])
    placeholders = {k: set(re.findall(r"\{(\w+)\}", v)) for k, v in data["en"].items()}
    assert placeholders == {k: set(re.findall(r"\{(\w+)\}", v)) for k, v in data["fr"].items()}


def test_every_row_is_in_the_html_without_javascript(document):
    page = render_page(document)
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert body.count("<tr ") == 40
    assert '<th scope="col" data-type="num" class="num"><span data-t="col.findings">' in page


def test_the_page_is_modest_in_size_and_holds_10000_uses(document):
    """Sizes only: the time to render is measured by bench/register.py, not by a test."""
    assert len(render_page(document).encode("utf-8")) < 100_000
    page = render_page(_many(document, 10_000))
    assert page.split("<tbody>", 1)[1].count("<tr ") == 10_000
    assert len(page.encode("utf-8")) < 8_000_000


def _many(document: dict, n: int) -> dict:
    """n records: the 40 real ones again and again, each under a use id of its own."""
    big = copy.deepcopy(document)
    base = document["uses"]
    big["uses"] = []
    for i in range(n):
        record = copy.copy(base[i % len(base)])
        record["key"] = {**record["key"], "use": f"{record['key']['use']}-{i}"}
        big["uses"].append(record)
    return big


# ---------------------------------------------------------------------------------------------
# The page in a real browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    yield from _chromium(tmp_path_factory.mktemp("chromium"), javascript=True)


def _chromium(profile: Path, javascript: bool):
    """Debian's Chromium through its chromedriver, both by explicit path so that Selenium
    Manager never looks for a browser on the network."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(
            "Chromium is needed for the register page's browser tests: "
            "apt-get install -y chromium chromium-driver (.ci/run installs it)",
            pytrace=False,
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_window_size(1280, 900)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page_file(document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "register.html"
    path.write_text(render_page(document), encoding="utf-8")
    return path


@pytest.fixture
def opened(browser, page_file):
    browser.get(page_file.as_uri())
    browser.get_log("browser")  # start each test with an empty console
    yield browser
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def _by(driver, css: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def _one(driver, css: str):
    (element,) = _by(driver, css)
    return element


def _chart(driver, name: str) -> dict[str, int]:
    texts = _by(driver, f"#chart-{name} .bars .bl")
    numbers = _by(driver, f"#chart-{name} .bars .bn")
    return {label.text: int(n.text) for label, n in zip(texts, numbers, strict=True)}


def _shown(driver) -> list[dict[str, str]]:
    """The table's displayed rows, in order, as column name -> text."""
    names = ["organisation", "repository", "use", "name", "status", "risk", "findings"]
    names += ["vendor", "region", "due"]
    rows = driver.execute_script(
        "return Array.from(document.querySelectorAll('#register tbody tr'))"
        ".filter(r => !r.hidden).map(r => Array.from(r.cells).map(c => c.innerText.trim()))"
    )
    return [dict(zip(names, row, strict=True)) for row in rows]


def test_the_counts_shown_are_the_documents(opened, document):
    driver = opened
    assert driver.title == "Register of AI uses"
    tiles = {
        t.get_attribute("id"): int(t.find_element("css selector", ".n").text)
        for t in _by(driver, ".tile")
    }
    assert tiles == {
        "tile-uses": 40,
        "tile-orgs": 3,
        "tile-repos": 3,
        "tile-high": 5,
        "tile-findings": 140,
        "tile-overdue": 13,
    }
    assert _chart(driver, "status") == {
        EN[f"status.{k}"]: n for k, n in _statuses(document).items()
    }
    assert _chart(driver, "risk") == {EN[f"risk.{k}"]: n for k, n in _risks(document).items()}
    assert _chart(driver, "vendor") == _vendors(document)
    assert _chart(driver, "vendor") == {
        "Mistral AI": 11,
        "Microsoft": 9,
        "Anthropic": 5,
        "DINUM": 5,
        "OpenAI": 5,
        "undeclared": 5,
    }
    assert _chart(driver, "region") == _regions(document)
    by_principle: Counter = Counter()
    for record in document["uses"]:
        by_principle.update(record["findings"]["by_principle"])
    shown = _chart(driver, "principles")
    # security and vigilance share a number in both versions of the charter, so a bar
    assert (
        shown["P8 / S9 Security and vigilance"]
        == by_principle["security"] + by_principle["vigilance"]
    )
    assert shown == {
        "P1 / S1 AI serving value": 38,
        "P2 / S2 Transparency and explainability": 3,
        "P3 / S3 Data protection": 17,
        "P4 / S5 Human control": 12,
        "P5 / S4 Inclusion and fairness": 16,
        # charter.yaml's own title (its flow mapping cuts "Better work, not substitution")
        f"P7 / S7 {catalogue()['principles']['work']['private']['title']['en']}": 1,
        "P8 / S9 Security and vigilance": 39,
        "P9 / S8 Cooperation and sharing of good practice": 14,
    }
    assert sum(shown.values()) == 140
    assert _chart(driver, "reviews") == {
        "Overdue": 13,
        "Due within 90 days": 8,
        "Due later": 13,
        "No review date": 6,
    }
    assert "add tool.vendor to the use" in _one(driver, "#chart-vendor .note").text
    assert _one(driver, "#count").text == "40 of 40 uses"
    assert len(_shown(driver)) == 40
    conflict = _one(driver, "#conflicts").text
    assert "Ville de Saint-Aubin / ville/aides-sociales / high-1" in conflict
    assert "Fields that differ: use.status" in conflict
    assert "northwick/old.json (2026-08-01T00:00:00Z): superseded by site/fragments.json" in (
        _one(driver, "#stale").text
    )


def test_a_hostile_name_is_shown_as_text_and_runs_nothing(opened):
    from selenium.common.exceptions import NoAlertPresentException

    (row,) = [r for r in _shown(opened) if r["use"] == "minimal-2" and "exemple" in r["repository"]]
    assert row["name"] == HOSTILE
    with pytest.raises(NoAlertPresentException):
        opened.switch_to.alert.text  # noqa: B018


def test_typing_in_the_filter_narrows_the_table(opened, document):
    query = _one(opened, "#q")
    query.send_keys("northwick")
    rows = _shown(opened)
    assert len(rows) == 10
    assert {r["organisation"] for r in rows} == {"Borough of Northwick"}
    assert _one(opened, "#count").text == "10 of 40 uses"
    query.clear()
    query.send_keys("MISTRAL")
    expected = {
        (r["key"]["repository"], r["key"]["use"])
        for r in document["uses"]
        if r["use"]["tool"].get("vendor") == "Mistral AI"
    }
    assert {(r["repository"], r["use"]) for r in _shown(opened)} == expected
    assert _one(opened, "#count").text == "11 of 40 uses"
    query.send_keys(" ville")  # every word must match
    assert len(_shown(opened)) == 4
    assert _one(opened, "#count").text == "4 of 40 uses"
    query.send_keys(" nothing-like-this")
    assert _shown(opened) == []
    assert _one(opened, "#count").text == "0 of 40 uses"
    assert _one(opened, "#empty").is_displayed()


def test_the_status_and_risk_selects_narrow_the_table(opened, document):
    from selenium.webdriver.support.ui import Select

    Select(_one(opened, "#fs")).select_by_value("retired")
    rows = _shown(opened)
    assert len(rows) == _statuses(document)["retired"] == 5
    assert {r["status"] for r in rows} == {"retired"}
    assert _one(opened, "#count").text == "5 of 40 uses"
    Select(_one(opened, "#fs")).select_by_value("")
    Select(_one(opened, "#fr")).select_by_value("high")
    rows = _shown(opened)
    assert [(r["repository"], r["use"]) for r in rows] == [
        ("ville/aides-sociales", "high-1"),
        ("ville/aides-sociales", "high-2"),
        ("ville/aides-sociales", "high-3"),
    ]
    assert {r["risk"] for r in rows} == {"high-risk (art. 6)"}
    _one(opened, "#q").send_keys("high-2")
    assert _one(opened, "#count").text == "1 of 40 uses"
    _one(opened, "#reset").click()
    assert _one(opened, "#count").text == "40 of 40 uses"
    assert _one(opened, "#q").get_attribute("value") == ""


def test_a_header_click_sorts_and_a_second_reverses(opened):
    findings = _header(opened, "col.findings")
    findings.click()
    numbers = [int(r["findings"]) for r in _shown(opened)]
    assert numbers == sorted(numbers)
    assert numbers[0] == 0 and numbers[-1] == 17
    assert _th(opened, "col.findings").get_attribute("aria-sort") == "ascending"
    findings.click()
    assert [int(r["findings"]) for r in _shown(opened)] == sorted(numbers, reverse=True)
    assert _th(opened, "col.findings").get_attribute("aria-sort") == "descending"
    _header(opened, "col.due").click()
    dues = [r["due"].split()[0] for r in _shown(opened)]
    dated = [d for d in dues if d != "undeclared"]
    assert dues == dated + ["undeclared"] * 6  # no date last
    assert dated == sorted(dated) and dated[0] == "2026-06-01"
    assert _th(opened, "col.findings").get_attribute("aria-sort") is None


def test_the_sort_buttons_work_from_the_keyboard(opened):
    from selenium.webdriver.common.keys import Keys

    risk = _header(opened, "col.risk")
    risk.send_keys(Keys.ENTER)  # a real <button>: focusable, Enter and Space press it
    risks = [r["risk"] for r in _shown(opened)]
    assert risks[:2] == ["prohibited practice (art. 5)"] * 2
    assert risks[-10:] == ["outside the AI Act"] * 10
    risk.send_keys(Keys.SPACE)
    assert [r["risk"] for r in _shown(opened)][:10] == ["outside the AI Act"] * 10


def _th(driver, key: str):
    return _one(driver, f'#register th:has([data-t="{key}"])')


def _header(driver, key: str):
    return _th(driver, key).find_element("css selector", "button")


def test_the_french_switch_shows_french(opened, document):
    driver = opened
    switch = _one(driver, '.switch button[data-lang="fr"]')
    assert switch.is_displayed() and switch.text == "Français"
    switch.click()
    assert driver.find_element("tag name", "html").get_attribute("lang") == "fr"
    assert switch.get_attribute("aria-pressed") == "true"
    assert _one(driver, "h1").text == "Registre des usages de l'IA"
    assert _one(driver, "#count").text == "40 sur 40 usages"
    assert [th.text for th in _by(driver, "#register th")][:3] == [
        "Organisation",
        "Dépôt",
        "Identifiant",
    ]
    assert _chart(driver, "status") == {
        FR[f"status.{k}"]: n for k, n in _statuses(document).items()
    }
    assert _chart(driver, "status")["en service"] == 16
    assert _chart(driver, "vendor")["non déclaré"] == 5
    assert "ajoutez tool.vendor à l'usage" in _one(driver, "#chart-vendor .note").text
    assert _one(driver, "#q").get_attribute("placeholder") == FR["filter.text_hint"]
    assert _one(driver, "label[for=fs]").text == "Statut"
    _one(driver, "#q").send_keys("northwick")
    assert _one(driver, "#count").text == "10 sur 40 usages"
    assert {r["risk"] for r in _shown(driver)} == {"hors du règlement sur l'IA"}
    _one(driver, '.switch button[data-lang="en"]').click()
    assert driver.find_element("tag name", "html").get_attribute("lang") == "en"
    assert _one(driver, "#count").text == "10 of 40 uses"


def test_the_page_opens_in_french_from_its_address(browser, page_file):
    browser.get(page_file.as_uri() + "#fr")
    assert browser.find_element("tag name", "html").get_attribute("lang") == "fr"
    assert _one(browser, "h1").text == "Registre des usages de l'IA"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_without_javascript_the_whole_table_shows(document, page_file, tmp_path):
    for driver in _chromium(tmp_path / "profile", javascript=False):
        driver.get(page_file.as_uri())
        rows = _by(driver, "#register tbody tr")
        assert len(rows) == 40 and all(r.is_displayed() for r in rows)
        assert not _one(driver, "#controls").is_displayed()
        assert not _one(driver, ".switch").is_displayed()
        assert _one(driver, "#count").text == "40 of 40 uses"
        assert "sorting and filtering need JavaScript" in _one(driver, "#uses").text


def test_10000_uses_filter_and_sort(browser, document, tmp_path):
    path = tmp_path / "big.html"
    path.write_text(render_page(_many(document, 10_000)), encoding="utf-8")
    browser.get(path.as_uri())
    assert _one(browser, "#count").text == "10000 of 10000 uses"
    browser.execute_script(
        """
        const q = document.getElementById('q');
        q.value = 'northwick';
        q.dispatchEvent(new Event('input'));
        document.querySelector('#register th:nth-child(7) button').click();
        """
    )
    assert _one(browser, "#count").text == "2500 of 10000 uses"
    assert _th(browser, "col.findings").get_attribute("aria-sort") == "ascending"
    shown = browser.execute_script(
        """
        return [...document.querySelectorAll('#register tbody tr')]
            .filter(row => !row.hidden).map(row => Number(row.cells[6].textContent));
        """
    )
    assert len(shown) == 2500 and shown == sorted(shown)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_a_screenshot_of_the_page_is_kept(opened, tmp_path):
    folder = Path(os.environ.get("CHARTE_LINT_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "register-page.png"
    metrics = opened.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = opened.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    target.write_bytes(base64.b64decode(shot["data"]))
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert 1200 <= width <= 1280 and height > 900
    assert len(data) > 50_000
