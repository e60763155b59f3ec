"""The README's three user paths, run as each user would run them, end to end.

- a backend developer: `--init` in a git repository, the placeholders, the facts, pre-commit (the
  README's snippet, `pre-commit autoupdate`, `pre-commit install`), a commit blocked by TRN008;
- the DPO of a département: a manifest written by hand in French, linted and explained in French;
- a platform engineer: a policy package installed with pip from its directory, two repositories
  extending it, `--show-config`, and DAT002 for a tool the repository's registry does not approve.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import test_policy as policy
import test_precommit as precommit
from conftest import REPO, SCRIPT, SMALLEST, clean_env, invoke, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def _readme_section(heading: str) -> str:
    return README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


# --------------------------------------------------------------------------- the developer

APP = """\
import openai

client = openai.OpenAI()
"""
PLACEHOLDERS = (
    "ai-usage.yaml:8:9: CL106 [error] `organisation.name` is still the placeholder `TODO`: write "
    "the real value (name of the organisation) (placeholder)\n"
    "ai-usage.yaml:17:20: CL106 [error] `uses[0].owner.accountable` is still the placeholder "
    "`TODO`: write the real value (the named human (a role or a person) who answers for the "
    "decisions and content produced with this use) (placeholder)\n"
    "ai-usage.yaml:19:13: VAL001 [error] use `openai` gives a placeholder as `purpose.need` "
    "(`TODO`): describe the real need the use answers and who has it (need-placeholder)\n"
    "ai-usage.yaml:22:23: CL106 [error] `uses[0].purpose.beneficiaries[0]` is still the "
    "placeholder `TODO`: write one of `clients`, `staff`, `agents`, `residents`, `users`, "
    "`partners` (placeholder)\n"
    "ai-usage.yaml:34:17: CL106 [error] `uses[0].data.personal` is still the placeholder `TODO`: "
    "write true or false (personal data goes into the tool) (placeholder)\n"
)
FACTS = [  # what the developer writes in place of each placeholder of the starter
    ("  name: TODO  # TODO: the name of the organisation", "  name: Exemple SAS"),
    (
        "accountable: TODO  # TODO: the person or role who answers for this use",
        "accountable: Head of customer support",
    ),
    (
        "need: TODO  # TODO: the real need this use answers, and who has it",
        "need: Support agents read long tickets; a summary lets them answer faster.",
    ),
    ("beneficiaries: [TODO]", "beneficiaries: [staff]"),
    ("    # task: TODO", "    task: summarization"),
    ("    # audience: [TODO]", "    audience: [staff]"),
    (
        "personal: TODO  # TODO: true or false, whether personal data is sent to the tool",
        "personal: false",
    ),
    ("      # classification: TODO", "      classification: internal"),
    ("    # review:\n    #   last: TODO", "    review:\n      last: 2026-11-02"),
]
COHERE = "import os\nimport cohere\n\nco = cohere.Client()\n"


def test_backend_developer_path(hook_repo, tmp_path: Path):
    repo, rev, env = hook_repo
    shop = tmp_path / "shop"
    (shop / "team").mkdir(parents=True)
    (shop / "team" / "app.py").write_text(APP, encoding="utf-8")

    def run(*args: str, program: str = SCRIPT):
        return precommit._run(program, *args, cwd=shop, env=env)

    def git(*args: str) -> str:
        return precommit._git(*args, cwd=shop, env=env)

    git("init", "-q", "-b", "main")

    # 1. the starter, from the code
    done = run("--init")
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "",
        "charte-lint: wrote ./ai-usage.yaml from 2 pieces of evidence of 1 provider; complete "
        "every TODO, then run charte-lint\n",
    )
    starter = (shop / "ai-usage.yaml").read_text(encoding="utf-8")
    assert "  - id: openai\n" in starter
    assert "    code:\n      - team/app.py\n" in starter

    # 2. the starter does not lint clean: each placeholder is a finding
    done = run("-q", "--no-color", ".")
    assert (done.returncode, done.stdout, done.stderr) == (1, PLACEHOLDERS, "")

    # 3. the facts in place of the placeholders: clean
    manifest = starter
    for placeholder, fact in FACTS:
        assert manifest.count(placeholder) == 1, placeholder
        manifest = manifest.replace(placeholder, fact)
    assert [line for line in manifest.splitlines() if "TODO" in line.split("#")[0]] == []
    (shop / "ai-usage.yaml").write_text(manifest, encoding="utf-8")
    done = run("--no-color", ".")
    assert (done.returncode, done.stdout, done.stderr) == (0, "No findings in 1 file.\n", "")

    # 4. the README's pre-commit snippet, where charte-lint lives replaced, then autoupdate and
    # install, as the README says
    (snippet,) = [
        block
        for block in re.findall(r"```yaml\n(.*?)```", README, re.S)
        if block.startswith("repos:")
    ]
    config = snippet.replace("https://github.com/OWNER/charte-lint", str(repo))
    (shop / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    done = run("autoupdate", program=precommit.PRE_COMMIT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"rev: {rev} # " in (shop / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    done = run("install", program=precommit.PRE_COMMIT)
    assert (done.returncode, done.stdout) == (0, "pre-commit installed at .git/hooks/pre-commit\n")

    git("add", "-A")
    done = run("commit", "-q", "-m", "Summarise tickets with OpenAI, declared", program="git")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint\.+Passed$", done.stdout + done.stderr, re.M)

    # 5. undeclared AI use in a commit: blocked at the line, as the README shows it
    (shop / "team" / "bot.py").write_text(COHERE, encoding="utf-8")
    git("add", "team/bot.py")
    done = run("commit", "-q", "-m", "Rerank with Cohere", program="git")
    assert done.returncode == 1, done.stdout + done.stderr
    shown = re.search(r"```\n(team/bot\.py:2:1: TRN008 .*?)\n```", README, re.S).group(1)
    output = (done.stdout + done.stderr).splitlines()  # git passes on the hook's output
    start = output.index(shown.splitlines()[0])
    assert output[start : start + 4] == shown.splitlines()  # one finding, its other place
    assert git("log", "--format=%s") == "Summarise tickets with OpenAI, declared"


# --------------------------------------------------------------------------- the DPO

DEPARTEMENT = """\
# Inventaire des usages de l'IA du Département, tenu par la déléguée à la protection des données.
version: 1
charter: public
organisation:
  name: Département de la Haute-Vallée
  sector: public_body
  agents: 3400
  inhabitants: 420000
  dpo: dpo@haute-vallee.fr
uses:
  - id: assistant-solidarites
    name: Assistant en ligne des solidarités
    status: production
    owner:
      team: Direction des solidarités
      accountable: Directrice générale adjointe des solidarités
    purpose:
      need: Les habitants posent chaque mois 3 000 questions sur le RSA et l'APA, souvent le soir.
      beneficiaries: [residents]
      benefits: Une réponse à toute heure ; les travailleurs sociaux gardent les cas complexes.
    description:
      does: Répond aux questions générales sur les aides sociales du Département.
      does_not: N'instruit aucune demande et ne décide d'aucune aide.
    tool:
      name: Albert API
      vendor: DINUM
      hosting: private_cloud
      region: FR
      trains_on_inputs: false
      contract: true
    task: rag_qa
    audience: [public]
    capabilities: [chatbot]
    data:
      personal: true
      subjects: [public]
      classification: internal
      retention: P3M
    decision:
      affects_individuals: false
    review:
      last: 2026-10-15
"""
USE = "    11 |   - id: assistant-solidarites\n       |     ^^^^^^^^^^^^^^^^^^^^^^^^^\n"
FRENCH_FINDINGS = (
    "ai-usage.yaml:11:5: COO002 [info] l'usage `assistant-solidarites` est en production pour "
    "des clients, le public ou des décisions sur des personnes, sans `cooperation.shared_in` ni "
    "`cooperation.lessons` : dire où sa pratique est partagée (production-use-not-shared)\n"
    + USE
    + "ai-usage.yaml:11:5: INC001 [avertissement] l'usage `assistant-solidarites` s'adresse au "
    "public (`audience: public`, `status: production`) sans `inclusion.accessibility` : déclarer "
    "son état de conformité (référentiel : RGAA) et l'adresse de sa déclaration "
    "d'accessibilité (public-service-without-accessibility)\n"
    + USE
    + "ai-usage.yaml:11:5: INC003 [avertissement] l'usage `assistant-solidarites` "
    "(`status: production`) s'adresse au public et n'a pas d'`inclusion.alternative` : indiquer "
    "le canal humain ou non numérique que les personnes peuvent utiliser à la place "
    "(public-service-without-alternative)\n"
    + USE
    + "ai-usage.yaml:11:5: TRN001 [erreur] l'usage `assistant-solidarites` est un agent "
    "conversationnel pour `public` sans `interaction.disclosure` : ajouter le texte qui annonce, "
    "dès le premier échange, que l'interlocuteur est une IA (règlement IA, art. 50, 1) "
    "(chatbot-without-disclosure)\n"
    + USE
    + "ai-usage.yaml:11:5: VIG001 [avertissement] l'usage `assistant-solidarites` "
    "(`status: production`) n'a pas d'`assessments.pre_project` : consigner l'évaluation de ses "
    "opportunités, de ses risques et de son impact réel pour le service public "
    "(pre-project-assessment-missing)\n"
    + USE
    + "ai-usage.yaml:24:5: DAT003 [info] aucun registre `approved_tools` n'est configuré : "
    "l'usage `assistant-solidarites`, qui envoie des données personnelles ou confidentielles, n'a "
    "pas pu être vérifié ; ajouter `approved_tools` à la configuration de l'organisation "
    "(no-approved-tools-registry)\n"
    "    24 |     tool:\n"
    "       |     ^^^^\n"
    "ai-usage.yaml:34:5: DAT001 [erreur] l'usage `assistant-solidarites` traite des données "
    "personnelles (`data.personal: true`) sans `data.legal_basis` : ajouter la base légale "
    "(RGPD, art. 6, 1) (personal-data-without-legal-basis)\n"
    "    34 |     data:\n"
    "       |     ^^^^\n"
    "\n"
    "2 erreurs, 3 avertissements, 2 info dans 1 fichier\n"
)


def test_dpo_path(tmp_path: Path):
    inventaire = tmp_path / "inventaire"
    (inventaire / ".git").mkdir(parents=True)  # the top of the DPO's repository
    (inventaire / "ai-usage.yaml").write_text(DEPARTEMENT, encoding="utf-8")
    section = _readme_section("Pour les DPO et les juristes")
    assert "`charte-lint --lang fr .`" in section and "`charter: public`" in section

    done = invoke("--lang", "fr", "--no-color", ".", cwd=inventaire)
    assert (done.code, done.out, done.err) == (1, FRENCH_FINDINGS, "")

    # the two errors fixed, in French again: the warnings do not fail the run
    fixed = DEPARTEMENT.replace(
        "    capabilities: [chatbot]\n",
        "    capabilities: [chatbot]\n    interaction:\n      disclosure: Vous échangez avec un "
        "assistant automatisé ; un agent vous répond au 01 23 45 67 89.\n",
    ).replace("      retention: P3M\n", "      retention: P3M\n      legal_basis: public_task\n")
    (inventaire / "ai-usage.yaml").write_text(fixed, encoding="utf-8")
    done = invoke("--lang", "fr", "--no-color", "-q", ".", cwd=inventaire)
    assert (done.code, done.err) == (0, "")
    assert [line.split(" [")[0] for line in done.out.splitlines()] == [
        "ai-usage.yaml:11:5: COO002",
        "ai-usage.yaml:11:5: INC001",
        "ai-usage.yaml:11:5: INC003",
        "ai-usage.yaml:11:5: VIG001",
        "ai-usage.yaml:24:5: DAT003",
    ]

    # a rule explained in French: its sections, its principle, its references
    done = invoke("--explain", "TRN001", "--lang", "fr", "--no-color", cwd=inventaire)
    assert (done.code, done.err) == (0, "")
    assert done.out.startswith(
        "TRN001 chatbot-without-disclosure\n\n"
        "Un agent conversationnel ouvert aux clients ou au public doit annoncer qu'il est une IA."
        "\n\nPrincipe : `transparency` (P2 / S2)\nSévérité par défaut : erreur\n\n"
        "## Ce que fait la règle\n"
    )
    assert re.findall(r"^## .*$", done.out, re.M) == [
        "## Ce que fait la règle",
        "## Pourquoi c'est important",
        "## Exemple",
        "## Comment corriger",
        "## Faits lus et calendrier juridique",
        "## Références",
    ]
    assert done.out.endswith(
        "## Références\n- Charte P2 Transparence et explicabilité / S2 Transparence\n"
        "- Règlement (UE) 2024/1689 (AI Act), art. 50(1)\n"
    )
    assert "\nEn échec :\n```yaml\n" in done.out and "\nConforme :\n```yaml\n" in done.out


# --------------------------------------------------------------------------- the platform engineer

PAYMENTS = "extends: policy:acme\n"
SUPPORT = """\
extends: policy:acme
approved_tools:
  - id: internal-llm
    name: ACME internal LLM
    data: [public, internal]
"""
INTERNAL = SMALLEST.replace("approved: copilot-business", "approved: internal-llm")


def test_platform_engineer_path(tmp_path: Path):
    # the organisation's policy, built and installed with pip from its directory
    shutil.copytree(
        REPO / "examples" / "org-policy",
        tmp_path / "org-policy",
        ignore=shutil.ignore_patterns("build", "*.egg-info"),
    )
    site = tmp_path / "site"
    policy._pip_install(tmp_path / "org-policy", site)
    env = clean_env(PYTHONPATH=str(site))
    policy_file = f"{site}/acme_charte_policy/charte-lint.yaml"

    # two repositories extend it; `support` adds a tool of its own, by id
    for name, config in (("payments", PAYMENTS), ("support", SUPPORT)):
        (tmp_path / name / ".git").mkdir(parents=True)
        (tmp_path / name / ".charte-lint.yaml").write_text(config, encoding="utf-8")
        (tmp_path / name / "ai-usage.yaml").write_text(INTERNAL, encoding="utf-8")

    done = run_cli("--show-config", cwd=tmp_path / "support", env=env)
    assert (done.code, done.err) == (0, "")
    assert done.out == (
        "Effective configuration for . (from .charte-lint.yaml):\n"
        '  approved_tools[copilot-business] = {"id": "copilot-business", "name": "GitHub Copilot '
        'Business", "vendor": "GitHub", "data": ["public", "internal"], "personal_data": false, '
        f'"regions": ["EU", "US"]}}  # {policy_file}:3 (policy:acme)\n'
        '  approved_tools[le-chat-pro] = {"id": "le-chat-pro", "name": "Mistral Le Chat Pro", '
        '"vendor": "Mistral AI", "data": ["public", "internal", "confidential"], '
        f'"personal_data": true, "regions": ["EU"]}}  # {policy_file}:9 (policy:acme)\n'
        '  approved_tools[internal-llm] = {"id": "internal-llm", "name": "ACME internal LLM", '
        '"data": ["public", "internal"]}  # .charte-lint.yaml:3\n'
        f'  max_model_tier.classification = "small"  # {policy_file}:16 (policy:acme)\n'
        "  models = {}  # default\n"
        '  review_every = "P1Y"  # default\n'
        "  max_file_size_mib = 32  # default\n"
        "  legal_dates = {}  # default\n"
        '  select = ["ALL"]  # default\n'
        "  ignore = []  # default\n"
        f'  severity.SOB002 = "error"  # {policy_file}:18 (policy:acme)\n'
        "  options = {}  # default\n"
        f'  fail_on = "warning"  # {policy_file}:19 (policy:acme)\n'
        "  exclude = []  # default\n"
    )

    # the same manifest: approved in `support`, not in `payments`, which only has the policy's
    done = run_cli("--no-color", ".", cwd=tmp_path / "support", env=env)
    assert (done.code, done.out, done.err) == (0, "No findings in 1 file.\n", "")
    done = run_cli("--no-color", "-q", ".", cwd=tmp_path / "payments", env=env)
    assert (done.code, done.err) == (1, "")
    assert done.out == (
        "ai-usage.yaml:20:17: DAT002 [error] use `code-assistant` declares "
        "`tool.approved: internal-llm`, which is not an id of the `approved_tools` registry: "
        "correct the id or have the tool approved (tool-not-approved)\n"
    )
    section = _readme_section("A platform engineer wiring 40 repositories")
    assert "`extends: policy:acme`" in section and "`DAT002 tool-not-approved`" in section
    assert "`charte-lint --show-config`" in section
