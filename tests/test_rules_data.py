"""DAT001 personal-data-without-legal-basis, DAT002 tool-not-approved,
DAT003 no-approved-tools-registry, DAT004 legitimate-interests-public-body,
DAT005 special-data-without-basis, DAT006 dpia-missing, DAT007 dpia-pending,
DAT008 transfer-without-safeguard, DAT009 retention-missing, DAT010 processor-without-contract,
DAT011 vendor-trains-on-inputs, DAT012 training-on-inputs-unknown,
DAT013 personal-data-in-manifest, DAT014 criminal-data-private-body."""

from __future__ import annotations

import pytest
from conftest import brief, lint
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_harness import manifest_with, registry, run_rules, smallest, summary

from charte_lint.rules import pii

COPILOT = {
    "id": "copilot-business",
    "name": "GitHub Copilot Business",
    "vendor": "GitHub",
    "data": ["public", "internal"],
    "personal_data": False,
    "special_data": False,
}
LE_CHAT = {
    "id": "le-chat-pro",
    "name": "Mistral Le Chat Pro",
    "vendor": "Mistral AI",
    "data": ["public", "internal", "confidential"],
    "personal_data": True,
    "special_data": False,
    "regions": ["EU"],
}
ALBERT = {
    "id": "albert",
    "name": "Albert",
    "vendor": "DINUM",
    "data": [],
    "personal_data": True,
    "special_data": True,
    "regions": ["FR"],
}
POLICY = registry(COPILOT, LE_CHAT, ALBERT)

REPLIES = {
    "id": "reponses-clients",
    "name": "Brouillons de réponses aux réclamations",
    "purpose": {"need": "Answer the 600 monthly complaints within two working days."},
    "task": "drafting",
    "tool": {"name": "Mistral Le Chat Pro", "approved": "le-chat-pro", "region": "FR"},
    "data": {
        "personal": True,
        "categories": ["identity", "contact", "order history"],
        "classification": "confidential",
        "legal_basis": "contract",
    },
}


def _replies(**changes):
    return {**REPLIES, **changes}


# DAT001 -----------------------------------------------------------------------------------


def test_personal_data_without_legal_basis():
    data = {"personal": True, "categories": ["identity"], "classification": "confidential"}
    manifest = manifest_with(_replies(data=data))
    findings = run_rules(manifest, codes=["DAT001"])
    assert summary(findings) == [("DAT001", "/uses/0/data")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `reponses-clients` processes personal data (`data.personal: true`) without "
        "`data.legal_basis`: add the legal basis (GDPR, art. 6(1))"
    )
    french = run_rules(manifest, lang="fr", codes=["DAT001"])
    assert french[0].message == (
        "l'usage `reponses-clients` traite des données personnelles (`data.personal: true`) sans "
        "`data.legal_basis` : ajouter la base légale (RGPD, art. 6, 1)"
    )


def test_blank_legal_basis_is_reported_at_the_value():
    manifest = manifest_with(_replies(data={"personal": True, "legal_basis": " "}))
    assert summary(run_rules(manifest, codes=["DAT001"])) == [
        ("DAT001", "/uses/0/data/legal_basis")
    ]


def test_legal_basis_given_or_no_personal_data_is_silent():
    assert run_rules(manifest_with(REPLIES), codes=["DAT001"]) == []
    assert run_rules(smallest(), codes=["DAT001"]) == []
    no_personal = manifest_with({"data": {"personal": False, "classification": "secret"}})
    assert run_rules(no_personal, codes=["DAT001"]) == []


@pytest.mark.parametrize(
    "data",
    ["yes", 3, [True], {"personal": "true"}, {"personal": 1}, None],
)
def test_dat001_wrong_types_do_not_raise_nor_fire(data):
    assert run_rules(manifest_with({"data": data}), codes=["DAT001"]) == []


# DAT002 -----------------------------------------------------------------------------------


def test_tool_not_in_the_registry():
    manifest = manifest_with(_replies(tool={"name": "ChatGPT Plus", "vendor": "OpenAI"}))
    findings = run_rules(manifest, policy=POLICY, codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/tool/name")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `reponses-clients` sends personal data to `ChatGPT Plus`, which is not in the "
        "`approved_tools` registry: use an approved tool or have this one approved, then set "
        "`tool.approved`"
    )
    french = run_rules(manifest, policy=POLICY, lang="fr", codes=["DAT002"])
    assert french[0].message == (
        "l'usage `reponses-clients` envoie des données personnelles à `ChatGPT Plus`, qui ne "
        "figure pas dans le registre `approved_tools` : utiliser un outil autorisé ou faire "
        "autoriser celui-ci, puis renseigner `tool.approved`"
    )


def test_not_registered_names_the_most_sensitive_data():
    special = _replies(
        tool={"name": "ChatGPT Plus"},
        data={"personal": True, "special": ["health"], "legal_basis": "consent"},
    )
    secret = {
        "id": "strategie",
        "tool": {"vendor": "Anthropic"},
        "data": {"personal": False, "classification": "secret"},
    }
    findings = run_rules(manifest_with(special, secret), policy=POLICY, codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/tool/name"), ("DAT002", "/uses/1/tool")]
    assert "sends special-category data (`data.special`) to `ChatGPT Plus`" in findings[0].message
    assert "sends `secret` data to `?`" in findings[1].message
    french = run_rules(manifest_with(special, secret), policy=POLICY, lang="fr", codes=["DAT002"])
    assert "envoie des données sensibles (`data.special`) à `ChatGPT Plus`" in french[0].message
    assert "envoie des données `secret` à `?`" in french[1].message


def test_unknown_registry_id_whatever_the_data():
    manifest = smallest()
    manifest["uses"][0]["tool"]["approved"] = "copilot-buisness"
    findings = run_rules(manifest, policy=POLICY, codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/tool/approved")]
    assert findings[0].message == (
        "use `code-assistant` declares `tool.approved: copilot-buisness`, which is not an id of "
        "the `approved_tools` registry: correct the id or have the tool approved"
    )
    french = run_rules(manifest, policy=POLICY, lang="fr", codes=["DAT002"])
    assert french[0].message == (
        "l'usage `code-assistant` déclare `tool.approved: copilot-buisness`, qui n'est pas un "
        "identifiant du registre `approved_tools` : corriger l'identifiant ou faire autoriser "
        "l'outil"
    )


def test_unknown_id_then_the_entry_found_by_name_is_checked():
    manifest = manifest_with(_replies(tool={"name": "GitHub Copilot Business", "approved": "gh"}))
    assert summary(run_rules(manifest, policy=POLICY, codes=["DAT002"])) == [
        ("DAT002", "/uses/0/tool/approved"),
        ("DAT002", "/uses/0/data/personal"),
        ("DAT002", "/uses/0/data/classification"),
    ]
    unknown_everywhere = manifest_with(_replies(tool={"name": "Gemini", "approved": "gemini"}))
    assert summary(run_rules(unknown_everywhere, policy=POLICY, codes=["DAT002"])) == [
        ("DAT002", "/uses/0/tool/approved")
    ]


def test_entry_not_approved_for_personal_data():
    manifest = manifest_with(
        _replies(
            tool={"name": "GitHub Copilot Business", "approved": "copilot-business"},
            data={"personal": True, "legal_basis": "contract", "classification": "internal"},
        )
    )
    findings = run_rules(manifest, policy=POLICY, codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/data/personal")]
    assert findings[0].message == (
        "use `reponses-clients` sends personal data to `GitHub Copilot Business`, which the "
        "registry does not approve for personal data (`personal_data: false`): use another tool "
        "or remove the personal data"
    )
    french = run_rules(manifest, policy=POLICY, lang="fr", codes=["DAT002"])
    assert french[0].message == (
        "l'usage `reponses-clients` envoie des données personnelles à `GitHub Copilot Business`, "
        "que le registre n'autorise pas pour des données personnelles (`personal_data: false`) : "
        "utiliser un autre outil ou retirer les données personnelles"
    )


def test_entry_not_approved_for_special_data():
    data = {**REPLIES["data"], "special": ["health"], "special_basis": "explicit_consent"}
    findings = run_rules(manifest_with(_replies(data=data)), policy=POLICY, codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/data/special")]
    assert findings[0].message == (
        "use `reponses-clients` sends special-category data (`data.special`) to `Mistral Le Chat "
        "Pro`, which the registry does not approve for them (`special_data: false`): use another "
        "tool or remove these data"
    )


def test_classification_not_in_the_entry_list():
    data = {**REPLIES["data"], "classification": "secret"}
    manifest = manifest_with(_replies(data=data))
    findings = run_rules(manifest, policy=POLICY, codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/data/classification")]
    assert findings[0].message == (
        "use `reponses-clients` sends `secret` data (`data.classification`) to `Mistral Le Chat "
        "Pro`, which the registry approves only for `public`, `internal`, `confidential` data: "
        "use another tool or send less sensitive data"
    )
    french = run_rules(manifest, policy=POLICY, lang="fr", codes=["DAT002"])
    assert french[0].message == (
        "l'usage `reponses-clients` envoie des données `secret` (`data.classification`) à "
        "`Mistral Le Chat Pro`, que le registre n'autorise que pour des données `public`, "
        "`internal`, `confidential` : utiliser un autre outil ou envoyer des données moins "
        "sensibles"
    )


def test_region_not_approved():
    tool = {"name": "Mistral Le Chat Pro", "approved": "le-chat-pro", "region": "US"}
    manifest = manifest_with(_replies(tool=tool))
    findings = run_rules(manifest, policy=POLICY, codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/tool/region")]
    assert findings[0].message == (
        "use `reponses-clients` has `Mistral Le Chat Pro` process its data in `US` "
        "(`tool.region`), where the registry approves it only in `EU`: choose an approved region"
    )
    french = run_rules(manifest, policy=POLICY, lang="fr", codes=["DAT002"])
    assert french[0].message == (
        "l'usage `reponses-clients` fait traiter ses données par `Mistral Le Chat Pro` en `US` "
        "(`tool.region`), alors que le registre ne l'autorise qu'en `EU` : choisir une région "
        "autorisée"
    )


@pytest.mark.parametrize(
    ("tool_id", "region", "flagged"),
    [
        ("le-chat-pro", "FR", False),  # EU covers its member states
        ("le-chat-pro", "EU", False),
        ("le-chat-pro", "fr", False),
        ("le-chat-pro", "EEA", True),  # wider than the EU
        ("le-chat-pro", "CH", True),
        ("albert", "FR", False),
        ("albert", "EU", True),  # wider than France
        ("copilot-business", "US", False),  # no regions listed: any region
    ],
)
def test_regions(tool_id, region, flagged):
    data = {"personal": False, "classification": "confidential"}
    policy = registry({**COPILOT, "data": []}) if tool_id == "copilot-business" else POLICY
    use = _replies(tool={"name": "x", "approved": tool_id, "region": region}, data=data)
    findings = run_rules(manifest_with(use), policy=policy, codes=["DAT002"])
    assert summary(findings) == ([("DAT002", "/uses/0/tool/region")] if flagged else [])


def test_approved_tools_are_silent():
    by_name = _replies(id="by-name", tool={"name": "mistral LE CHAT pro", "region": "DE"})
    albert = _replies(
        id="albert-courriers",
        tool={"name": "Albert", "approved": "albert", "region": "FR"},
        data={**REPLIES["data"], "special": ["health"], "special_basis": "public_interest"},
    )
    manifest = manifest_with(REPLIES, by_name, albert, charter="public")
    assert run_rules(manifest, policy=POLICY, codes=["DAT002"]) == []


def test_non_sensitive_data_to_an_unregistered_tool_is_silent():
    use = {"tool": {"name": "DeepL Pro"}, "data": {"personal": False, "classification": "internal"}}
    assert run_rules(manifest_with(use), policy=POLICY, codes=["DAT002"]) == []


def test_no_registry_configured_means_no_dat002():
    use = _replies(tool={"name": "ChatGPT Plus", "approved": "chatgpt"})
    assert run_rules(manifest_with(use), codes=["DAT002"]) == []


def test_empty_registry_approves_nothing():
    findings = run_rules(manifest_with(REPLIES), policy=registry(), codes=["DAT002"])
    assert summary(findings) == [("DAT002", "/uses/0/tool/approved")]
    plain = _replies(tool={"name": "Mistral Le Chat Pro"})
    assert summary(run_rules(manifest_with(plain), policy=registry(), codes=["DAT002"])) == [
        ("DAT002", "/uses/0/tool/name")
    ]


@pytest.mark.parametrize(
    "use",
    [
        _replies(tool="ChatGPT"),
        _replies(tool={"name": 3, "approved": 4}),
        _replies(tool={"name": ["x"], "approved": ["le-chat-pro"], "region": 33}),
        _replies(data={"personal": True, "special": "health", "classification": ["secret"]}),
        _replies(data={"personal": True, "special": [["health"]], "classification": {}}),
        _replies(data="yes"),
        _replies(tool=None, data=None),
    ],
)
def test_dat002_wrong_types_do_not_raise(use):
    run_rules(manifest_with(use), policy=POLICY, codes=["DAT002"])
    run_rules(manifest_with(use), policy=registry(), codes=["DAT002"])


# DAT003 -----------------------------------------------------------------------------------


def test_one_finding_for_all_unchecked_uses():
    confidential = {
        "id": "veille",
        "tool": {"name": "Perplexity Pro"},
        "data": {"personal": False, "classification": "confidential"},
    }
    manifest = manifest_with({"id": "code"}, REPLIES, confidential)
    findings = run_rules(manifest, codes=["DAT003"])
    assert summary(findings) == [("DAT003", "/uses/1/tool")]
    assert findings[0].severity == "info"
    assert findings[0].use == "reponses-clients"
    assert findings[0].message == (
        "no `approved_tools` registry is configured, so 2 uses sending personal or confidential "
        "data (the first is `reponses-clients`) could not be checked: add `approved_tools` to "
        "the organisation's configuration"
    )
    french = run_rules(manifest, lang="fr", codes=["DAT003"])
    assert french[0].message == (
        "aucun registre `approved_tools` n'est configuré : 2 usages qui envoient des données "
        "personnelles ou confidentielles (le premier est `reponses-clients`) n'ont pas pu être "
        "vérifiés ; ajouter `approved_tools` à la configuration de l'organisation"
    )


def test_single_unchecked_use_has_its_own_wording():
    manifest = manifest_with(REPLIES)
    findings = run_rules(manifest, codes=["DAT003"])
    assert findings[0].message == (
        "no `approved_tools` registry is configured, so use `reponses-clients`, which sends "
        "personal or confidential data, could not be checked: add `approved_tools` to the "
        "organisation's configuration"
    )
    french = run_rules(manifest, lang="fr", codes=["DAT003"])
    assert french[0].message == (
        "aucun registre `approved_tools` n'est configuré : l'usage `reponses-clients`, qui "
        "envoie des données personnelles ou confidentielles, n'a pas pu être vérifié ; ajouter "
        "`approved_tools` à la configuration de l'organisation"
    )


def test_use_without_tool_is_reported_at_the_use():
    use = {key: value for key, value in REPLIES.items() if key != "tool"}
    manifest = smallest(uses=[use])
    assert summary(run_rules(manifest, codes=["DAT003"])) == [("DAT003", "/uses/0")]


def test_dat003_silent_with_a_registry_or_without_sensitive_data():
    assert run_rules(manifest_with(REPLIES), policy=registry(), codes=["DAT003"]) == []
    assert run_rules(manifest_with(REPLIES), policy=POLICY, codes=["DAT003"]) == []
    assert run_rules(smallest(), codes=["DAT003"]) == []
    assert run_rules(smallest(uses="x"), codes=["DAT003"]) == []
    assert run_rules(smallest(uses=[3, None, "data"]), codes=["DAT003"]) == []


# DAT004 -----------------------------------------------------------------------------------

COURRIELS = {
    "id": "reponses-courriels",
    "name": "Brouillons de réponses aux courriels des usagers",
    "task": "drafting",
    "tool": {"name": "Albert API", "approved": "albert", "region": "FR"},
    "data": {
        "personal": True,
        "categories": ["identité", "contenu des messages"],
        "subjects": ["public"],
        "legal_basis": "legitimate_interests",
        "retention": "P6M",
    },
}


def test_public_body_on_legitimate_interests():
    manifest = manifest_with(COURRIELS, charter="public")
    manifest["organisation"] = {"name": "Ville de Saint-Aubin", "sector": "public_body"}
    findings = run_rules(manifest, codes=["DAT004"])
    assert summary(findings) == [("DAT004", "/uses/0/data/legal_basis")]
    assert findings[0].severity == "error"
    assert findings[0].charter == "S3"
    assert findings[0].message == (
        "use `reponses-courriels` of a public body relies on `legitimate_interests`, which is "
        "excluded for processing by public authorities in the performance of their tasks "
        "(GDPR, art. 6(1), second subparagraph): use `public_task` or `legal_obligation`"
    )
    french = run_rules(manifest, lang="fr", codes=["DAT004"])
    assert french[0].message == (
        "l'usage `reponses-courriels` d'un organisme public repose sur `legitimate_interests`, "
        "exclu pour les traitements des autorités publiques dans l'exécution de leurs missions "
        "(RGPD, art. 6, 1, second alinéa) : retenir `public_task` ou `legal_obligation`"
    )


def test_public_charter_without_sector_counts_as_public_body():
    manifest = manifest_with(COURRIELS, charter="public")
    assert summary(run_rules(manifest, codes=["DAT004"])) == [
        ("DAT004", "/uses/0/data/legal_basis")
    ]


@pytest.mark.parametrize(
    ("charter", "sector"),
    [("private", None), ("private", "private"), ("public", "private_public_service")],
)
def test_legitimate_interests_outside_public_bodies_is_silent(charter, sector):
    manifest = manifest_with(COURRIELS, charter=charter)
    if sector:
        manifest["organisation"]["sector"] = sector
    assert run_rules(manifest, codes=["DAT004"]) == []
    public_task = {**COURRIELS, "data": {**COURRIELS["data"], "legal_basis": "public_task"}}
    assert run_rules(manifest_with(public_task, charter="public"), codes=["DAT004"]) == []


# DAT005 -----------------------------------------------------------------------------------

SYNTHESES = {
    "id": "syntheses-apa",
    "name": "Synthèse des évaluations à domicile",
    "task": "summarization",
    "tool": {"name": "Albert API", "approved": "albert", "region": "FR"},
    "data": {
        "personal": True,
        "special": ["health", "criminal", "religious"],
        "subjects": ["vulnerable"],
        "legal_basis": "public_task",
        "retention": "P1Y",
    },
}


def test_special_data_without_art9_basis():
    findings = run_rules(manifest_with(SYNTHESES, charter="public"), codes=["DAT005"])
    assert summary(findings) == [("DAT005", "/uses/0/data")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `syntheses-apa` processes special-category data (`health, religious`) without "
        "`data.special_basis`: their processing is prohibited unless an exception applies "
        "(GDPR, art. 9(2)); declare it"
    )
    french = run_rules(manifest_with(SYNTHESES), lang="fr", codes=["DAT005"])
    assert french[0].message == (
        "l'usage `syntheses-apa` traite des données sensibles (`health, religious`) sans "
        "`data.special_basis` : leur traitement est interdit sauf exception (RGPD, art. 9, 2) ; "
        "la déclarer"
    )


def test_special_basis_given_or_criminal_data_only_is_silent():
    with_basis = {**SYNTHESES, "data": {**SYNTHESES["data"], "special_basis": "health_care"}}
    criminal = {**SYNTHESES, "id": "b", "data": {"personal": True, "special": ["criminal"]}}
    assert run_rules(manifest_with(with_basis, criminal), codes=["DAT005"]) == []
    assert run_rules(smallest(), codes=["DAT005"]) == []


# DAT006, DAT007 ---------------------------------------------------------------------------

PRESELECTION = {
    "id": "preselection",
    "name": "Présélection des candidatures",
    "status": "production",
    "task": "classification",
    "domain": ["employment"],
    "capabilities": ["scoring"],
    "tool": {"name": "Mistral AI API (La Plateforme)", "approved": "mistral-api"},
    "data": {
        "personal": True,
        "subjects": ["candidates"],
        "legal_basis": "legitimate_interests",
        "retention": "P2Y",
    },
    "decision": {"affects_individuals": True, "automation": "assist", "significant_effect": True},
}


def test_mandatory_dpia_missing():
    findings = run_rules(manifest_with(PRESELECTION), codes=["DAT006"])
    assert summary(findings) == [("DAT006", "/uses/0")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `preselection` requires a DPIA (profiling or scoring on which decisions with legal "
        "or significant effects are based (art. 35(3)(a)); profiling for human-resources "
        "management (CNIL list)): carry it out before the processing and set "
        "`assessments.dpia.status: done` (GDPR, art. 35)"
    )
    french = run_rules(manifest_with(PRESELECTION), lang="fr", codes=["DAT006"])
    assert french[0].message == (
        "l'usage `preselection` exige une AIPD (profilage ou notation fondant des décisions à "
        "effets juridiques ou importants (art. 35, 3, a)) ; profilage à des fins de gestion des "
        "ressources humaines (liste CNIL)) : la réaliser avant le traitement et indiquer "
        "`assessments.dpia.status: done` (RGPD, art. 35)"
    )


def test_mandatory_dpia_cannot_be_declared_not_required():
    dpia = {"status": "not_required", "reason": "Outil du fournisseur, déjà évalué."}
    use = {**PRESELECTION, "assessments": {"dpia": dpia}}
    assert summary(run_rules(manifest_with(use), codes=["DAT006"])) == [
        ("DAT006", "/uses/0/assessments/dpia/status")
    ]


def test_two_edpb_criteria_call_for_a_dpia_or_a_reason():
    use = {
        "id": "suivi-eleves",
        "name": "Aide à l'orientation des élèves",
        "task": "drafting",
        "data": {"personal": True, "subjects": ["minors"], "legal_basis": "public_task"},
        "assessments": {"pre_project": {"date": "2026-01-01"}},
    }
    findings = run_rules(manifest_with(use, charter="public"), codes=["DAT006"])
    assert summary(findings) == [("DAT006", "/uses/0/assessments")]
    assert findings[0].message == (
        "use `suivi-eleves` meets several EDPB criteria for a DPIA (vulnerable data subjects; "
        "innovative technology (generative AI or biometrics)): carry one out "
        "(`assessments.dpia`), or set `status: not_required` with the `reason` (GDPR, art. 35)"
    )
    no_reason = {**use, "assessments": {"dpia": {"status": "not_required"}}}
    findings = run_rules(manifest_with(no_reason), lang="fr", codes=["DAT006"])
    assert summary(findings) == [("DAT006", "/uses/0/assessments/dpia/status")]
    assert findings[0].message == (
        "l'usage `suivi-eleves` déclare son AIPD `not_required` sans raison (`reason`) alors "
        "qu'il réunit plusieurs critères du CEPD (personnes vulnérables ; technologie "
        "innovante (IA générative ou biométrie)) : écrire pourquoi aucune AIPD n'est nécessaire "
        "(RGPD, art. 35)"
    )
    reasoned = {
        **use,
        "assessments": {"dpia": {"status": "not_required", "reason": "Données pseudonymisées."}},
    }
    assert run_rules(manifest_with(reasoned), codes=["DAT006"]) == []


@pytest.mark.parametrize(
    "use",
    [
        # One criterion only: generative AI on clients' data.
        {"task": "drafting", "data": {"personal": True, "subjects": ["clients"]}},
        # No personal data.
        {"capabilities": ["scoring"], "domain": ["employment"], "data": {"personal": False}},
        # Done, or under way.
        {**PRESELECTION, "assessments": {"dpia": {"status": "done", "ref": "AIPD-1"}}},
        {**PRESELECTION, "assessments": {"dpia": {"status": "todo"}}},
    ],
)
def test_dpia_missing_is_silent(use):
    assert run_rules(manifest_with(use), codes=["DAT006"]) == []


def test_dpia_still_todo_in_production():
    use = {**PRESELECTION, "assessments": {"dpia": {"status": "todo"}}}
    findings = run_rules(manifest_with(use), codes=["DAT007"])
    assert summary(findings) == [("DAT007", "/uses/0/assessments/dpia/status")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `preselection` is in `production` while its DPIA is still `todo` (profiling or "
        "scoring on which decisions with legal or significant effects are based "
        "(art. 35(3)(a)); profiling for human-resources management (CNIL list)): the assessment "
        "comes before the processing (GDPR, art. 35); finish it and set `status: done`"
    )
    french = run_rules(manifest_with({**use, "status": "pilot"}), lang="fr", codes=["DAT007"])
    assert french[0].message == (
        "l'usage `preselection` est en `pilot` alors que son AIPD est encore `todo` (profilage "
        "ou notation fondant des décisions à effets juridiques ou importants (art. 35, 3, a)) ; "
        "profilage à des fins de gestion des ressources humaines (liste CNIL)) : l'analyse "
        "précède le traitement (RGPD, art. 35) ; la terminer et indiquer `status: done`"
    )


def test_dpia_todo_at_design_stage_or_without_trigger_is_silent():
    design = {**PRESELECTION, "status": "design", "assessments": {"dpia": {"status": "todo"}}}
    harmless = {
        "id": "b",
        "status": "production",
        "data": {"personal": True, "subjects": ["clients"]},
        "assessments": {"dpia": {"status": "todo"}},
    }
    assert run_rules(manifest_with(design, harmless), codes=["DAT007"]) == []


# DAT008 -----------------------------------------------------------------------------------


def _transfers(*transfers, region="FR"):
    data = {**REPLIES["data"], "transfers": list(transfers)}
    return _replies(data=data, tool={**REPLIES["tool"], "region": region})


def test_transfer_without_mechanism():
    manifest = manifest_with(_transfers({"country": "IN"}))
    findings = run_rules(manifest, codes=["DAT008"])
    assert summary(findings) == [("DAT008", "/uses/0/data/transfers/0")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `reponses-clients` transfers personal data to `IN` with no `mechanism`: name the "
        "transfer instrument (GDPR, art. 44 to 49: `adequacy`, `dpf`, `scc`, `bcr` or "
        "`derogation`)"
    )
    french = run_rules(manifest, lang="fr", codes=["DAT008"])
    assert french[0].message == (
        "l'usage `reponses-clients` transfère des données personnelles vers `IN` sans "
        "`mechanism` : indiquer l'instrument de transfert (RGPD, art. 44 à 49 : `adequacy`, "
        "`dpf`, `scc`, `bcr` ou `derogation`)"
    )


def test_wrong_transfer_mechanisms():
    manifest = manifest_with(
        _transfers(
            {"country": "US", "mechanism": "adequacy"},
            {"country": "MA", "mechanism": "adequacy"},
            {"country": "CH", "mechanism": "dpf"},
        )
    )
    findings = run_rules(manifest, codes=["DAT008"])
    assert summary(findings) == [
        ("DAT008", "/uses/0/data/transfers/0/mechanism"),
        ("DAT008", "/uses/0/data/transfers/1/mechanism"),
        ("DAT008", "/uses/0/data/transfers/2/mechanism"),
    ]
    assert findings[0].message == (
        "use `reponses-clients` relies on `adequacy` for `US`, where the adequacy decision covers "
        "only organisations certified under the Data Privacy Framework (GDPR, art. 44 to 49): "
        "declare `dpf` if the recipient is certified, `scc` otherwise"
    )
    assert findings[1].message == (
        "use `reponses-clients` relies on `adequacy` for `MA`, which has no adequacy decision in "
        "force on 2026-11-29 (GDPR, art. 44 to 49): use standard contractual clauses (`scc`) or "
        "another instrument"
    )
    assert findings[2].message == (
        "use `reponses-clients` declares `dpf` for `CH`, but the Data Privacy Framework only "
        "covers transfers to the United States (GDPR, art. 44 to 49): correct the mechanism"
    )


def test_region_outside_the_eea_without_transfer():
    manifest = manifest_with(_transfers(region="US"))
    findings = run_rules(manifest, codes=["DAT008"])
    assert summary(findings) == [("DAT008", "/uses/0/tool/region")]
    assert findings[0].message == (
        "use `reponses-clients` has its personal data processed in `US` (`tool.region`), with no "
        "entry for it in `data.transfers` and no adequacy decision in force on 2026-11-29 "
        "(GDPR, art. 44 to 49): declare the transfer and its mechanism"
    )


@pytest.mark.parametrize(
    "use",
    [
        _transfers({"country": "US", "mechanism": "dpf"}, region="US"),
        _transfers(
            {"country": "GB", "mechanism": "adequacy"}, {"country": "IN", "mechanism": "scc"}
        ),
        _transfers({"country": "DE"}, {"country": "NO"}, region="EEA"),
        _transfers(region="CH"),
        {"tool": {"name": "x", "region": "US"}, "data": {"personal": False}},
    ],
)
def test_lawful_transfers_are_silent(use):
    assert run_rules(manifest_with(use), codes=["DAT008"]) == []


# DAT009 -----------------------------------------------------------------------------------


def test_personal_data_without_retention():
    data = {key: value for key, value in REPLIES["data"].items() if key != "retention"}
    manifest = manifest_with(_replies(data=data))
    findings = run_rules(manifest, codes=["DAT009"])
    assert summary(findings) == [("DAT009", "/uses/0/data")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `reponses-clients` processes personal data without `data.retention`: state how long "
        "the tool and its logs keep them (an ISO 8601 duration such as `P30D`)"
    )
    french = run_rules(manifest, lang="fr", codes=["DAT009"])
    assert french[0].message == (
        "l'usage `reponses-clients` traite des données personnelles sans `data.retention` : "
        "indiquer combien de temps l'outil et ses journaux les conservent (une durée ISO 8601 "
        "comme `P30D`)"
    )


def test_retention_given_retired_or_no_personal_data_is_silent():
    with_retention = _replies(data={**REPLIES["data"], "retention": "P30D"})
    retired = {**REPLIES, "id": "old", "status": "retired"}
    assert run_rules(manifest_with(with_retention, retired), codes=["DAT009"]) == []
    assert run_rules(smallest(), codes=["DAT009"]) == []


# DAT010 -----------------------------------------------------------------------------------

NOTES = {
    "id": "comptes-rendus",
    "name": "Comptes rendus d'entretiens",
    "task": "summarization",
    "tool": {"name": "ChatGPT Plus", "vendor": "OpenAI", "hosting": "saas"},
    "data": {
        "personal": True,
        "subjects": ["clients"],
        "classification": "confidential",
        "legal_basis": "legitimate_interests",
        "retention": "P30D",
    },
}


def test_saas_with_personal_data_without_contract():
    findings = run_rules(manifest_with(NOTES), codes=["DAT010"])
    assert summary(findings) == [("DAT010", "/uses/0/tool")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `comptes-rendus` sends personal data to a `saas` tool without a signed processing "
        "agreement (`tool.contract: true`): sign the vendor's data processing agreement (GDPR, "
        "art. 28(3)) before sending any"
    )
    refused = {**NOTES, "tool": {**NOTES["tool"], "hosting": "private_cloud", "contract": False}}
    french = run_rules(manifest_with(refused), lang="fr", codes=["DAT010"])
    assert summary(french) == [("DAT010", "/uses/0/tool/contract")]
    assert french[0].message == (
        "l'usage `comptes-rendus` envoie des données personnelles à un outil `private_cloud` "
        "sans contrat de sous-traitance signé (`tool.contract: true`) : signer l'accord de "
        "traitement des données du fournisseur (RGPD, art. 28, 3) avant tout envoi"
    )


@pytest.mark.parametrize(
    "tool",
    [
        {"name": "ChatGPT Enterprise", "hosting": "saas", "contract": True},
        {"name": "Whisper", "hosting": "self_hosted"},
        {"name": "Inconnu"},
    ],
)
def test_contract_signed_or_not_a_processor_is_silent(tool):
    assert run_rules(manifest_with({**NOTES, "tool": tool}), codes=["DAT010"]) == []


# DAT011, DAT012 ---------------------------------------------------------------------------


def test_vendor_trains_on_personal_data():
    use = {**NOTES, "tool": {**NOTES["tool"], "trains_on_inputs": True}}
    findings = run_rules(manifest_with(use), codes=["DAT011", "DAT012"])
    assert summary(findings) == [("DAT011", "/uses/0/tool/trains_on_inputs")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `comptes-rendus` sends personal data to a SaaS tool whose vendor trains on inputs "
        "(`tool.trains_on_inputs: true`): turn training off (business plan or opt-out) or stop "
        "sending these data"
    )
    french = run_rules(manifest_with(use), lang="fr", codes=["DAT011"])
    assert french[0].message == (
        "l'usage `comptes-rendus` envoie des données personnelles à un outil SaaS dont le "
        "fournisseur s'entraîne sur les entrées (`tool.trains_on_inputs: true`) : désactiver "
        "l'entraînement (offre entreprise ou refus explicite) ou cesser d'envoyer ces données"
    )


def test_training_unknown_with_confidential_data():
    use = {**NOTES, "data": {"personal": False, "classification": "confidential"}}
    findings = run_rules(manifest_with(use), codes=["DAT011", "DAT012"])
    assert summary(findings) == [("DAT012", "/uses/0/tool")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `comptes-rendus` sends `confidential` data to a SaaS tool without saying whether the "
        "vendor trains on inputs: check the contract and set `tool.trains_on_inputs`"
    )
    french = run_rules(manifest_with(use), lang="fr", codes=["DAT012"])
    assert french[0].message == (
        "l'usage `comptes-rendus` envoie des données `confidential` à un outil SaaS sans "
        "indiquer si le fournisseur s'entraîne sur les entrées : vérifier le contrat et "
        "renseigner `tool.trains_on_inputs`"
    )


@pytest.mark.parametrize(
    "use",
    [
        {**NOTES, "tool": {**NOTES["tool"], "trains_on_inputs": False}},
        {**NOTES, "tool": {"name": "Albert", "hosting": "private_cloud"}},
        {**NOTES, "data": {"personal": False, "classification": "internal"}},
        {**NOTES, "status": "retired"},
    ],
)
def test_training_rules_are_silent(use):
    findings = run_rules(manifest_with(use), codes=["DAT011", "DAT012"])
    assert findings == []


# DAT013 -----------------------------------------------------------------------------------


def _nir(first13: str) -> str:
    number = int(first13.replace("2A", "19").replace("2B", "18"))
    return f"{first13}{97 - number % 97:02d}"


def _described(text, **extra):
    return manifest_with({"description": {"does": text}, **extra})


def test_social_security_number_in_a_description():
    nir = _nir("1850578006084")
    spaced = f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
    manifest = _described(f"Exemple testé : dossier {spaced}.")
    findings = run_rules(manifest, codes=["DAT013"])
    assert summary(findings) == [("DAT013", "/uses/0/description/does")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "this value holds a French social security number (NIR) (`1 ** ** ** *** *** 91`): "
        "personal data do not belong in the manifest, which is versioned and often published; "
        "remove it or name a role or a service instead"
    )
    assert spaced not in findings[0].message
    french = run_rules(manifest, lang="fr", codes=["DAT013"])
    assert french[0].message == (
        "cette valeur contient un numéro de sécurité sociale (NIR) (`1 ** ** ** *** *** 91`) : "
        "les données personnelles n'ont pas leur place dans le manifeste, versionné et souvent "
        "publié ; la retirer ou désigner plutôt une fonction ou un service"
    )


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (_nir("269052A001012"), "2************21"),
        (_nir("269052B001012"), "2************48"),
        ("IBAN FR76 3000 6000 0112 3456 7890 189", "FR76 **** **** **** **** **** *89"),
        ("RIB : FR7630006000011234567890189.", "FR76*********************89"),
        ("IBAN DE89 3704 0044 0532 0130 00", "DE89 **** **** **** **** 00"),
        ("Joindre Mme Leroy au 06 12 34 56 78 le soir", "06 ** ** ** 78"),
        ("portable : +33 7 81 22 33 44", "+33 * ** ** ** 44"),
        ("écrire à marie.leroy@exemple.fr", "m***@exemple.fr"),
        ("ou à mleroy1982@gmail.com", "m***@gmail.com"),
    ],
)
def test_each_kind_of_personal_data_is_found_and_masked(text, masked):
    findings = run_rules(_described(text), codes=["DAT013"])
    assert len(findings) == 1
    assert f"(`{masked}`)" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        _nir("1850578006084")[:-2] + "00",  # wrong key
        "FR76 3000 6000 0112 3456 7890 188",  # wrong check digits
        "Standard de la mairie : 02 41 00 00 00",  # a landline
        "Commande n° 0612345678901",  # a longer number
        "Écrire à contact@exemple.fr, dpo@exemple.fr, rgpd@ville.fr ou equipe-rh@exemple.fr",
        "Support : support.client@exemple.fr, no-reply@exemple.fr, service.rh@ville.fr",
        "Services : etat.civil@ville.fr, affaires.scolaires@ville.fr, ressources.humaines@x.fr",
        "Version 2.1 du 12 mars 2026, 1 500 appels par mois",
    ],
)
def test_service_contacts_and_ordinary_numbers_are_silent(text):
    assert run_rules(_described(text), codes=["DAT013"]) == []


def test_contact_fields_may_hold_a_named_address():
    manifest = _described("Rien de personnel.", owner={"accountable": "DSI", "contact": "a.b@c.fr"})
    manifest["organisation"]["dpo"] = "jeanne.martin@exemple.fr"
    assert run_rules(manifest, codes=["DAT013"]) == []
    manifest["organisation"]["name"] = "jeanne.martin@gmail.com"
    assert summary(run_rules(manifest, codes=["DAT013"])) == [("DAT013", "/organisation/name")]


def test_keys_with_special_characters_give_valid_pointers():
    manifest = _described("x")
    manifest["uses"][0]["risks"] = [{"risk": "fuite", "mitigation": "06 12 34 56 78"}]
    manifest["uses"][0]["a/b~c"] = "06 12 34 56 78"
    assert summary(run_rules(manifest, codes=["DAT013"])) == [
        ("DAT013", "/uses/0/risks/0/mitigation"),
        ("DAT013", "/uses/0/a~1b~0c"),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([pii._NIR_RE, pii._IBAN_RE, pii._MOBILE_RE, pii._EMAIL_RE]).flatmap(
        st.from_regex
    )
)
def test_the_prefilter_keeps_every_text_a_detector_matches(text):
    # DAT013 runs its detectors only on the texts `_MAY_HOLD` keeps: it must keep every text
    # in which any detector's pattern matches, valid or not, whatever surrounds it.
    assert pii._MAY_HOLD.search(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("2026-06-15", False),
        ("code-assistant-00000", False),
        ("Version 2.1 du 12 mars 2026, 1 500 appels par mois", False),
        ("P30D", False),
        ("ISO 27001", False),
        ("a@b", True),
        ("06 12 34 56 78", True),
        ("1850578006084", True),
        ("FR76 3000 6000", True),
    ],
)
def test_the_prefilter_rules_out_dates_and_versions(text, kept):
    assert bool(pii._MAY_HOLD.search(text)) is kept


# DAT014 -----------------------------------------------------------------------------------

SCREENING = {
    "id": "verification-dossiers",
    "name": "Vérification des dossiers des intérimaires",
    "task": "extraction",
    "data": {
        "personal": True,
        "special": ["criminal"],
        "subjects": ["candidates"],
        "legal_basis": "legitimate_interests",
        "retention": "P6M",
    },
}


def test_criminal_data_in_a_private_organisation():
    findings = run_rules(manifest_with(SCREENING), codes=["DAT014"])
    assert summary(findings) == [("DAT014", "/uses/0/data/special")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `verification-dossiers` processes data on criminal convictions or offences "
        "(`criminal`) in a private organisation: this is allowed only under the control of "
        "official authority or where a law authorises it with safeguards (GDPR, art. 10); check "
        "that one does, or remove these data"
    )
    french = run_rules(manifest_with(SCREENING), lang="fr", codes=["DAT014"])
    assert french[0].message == (
        "l'usage `verification-dossiers` traite des données relatives aux condamnations pénales "
        "ou aux infractions (`criminal`) dans un organisme privé : ce n'est permis que sous le "
        "contrôle de l'autorité publique ou si une loi l'autorise avec des garanties (RGPD, "
        "art. 10) ; vérifier qu'une loi l'autorise, ou retirer ces données"
    )
    positions = lint(
        """\
        version: 1
        charter: private
        organisation:
          name: Intérim Nord SAS
        uses:
          - id: verification
            name: Vérification des dossiers
            status: production
            owner:
              accountable: Directrice des agences
            purpose:
              need: Vérifier les dossiers plus vite.
            tool:
              name: Outil interne
              hosting: self_hosted
            data:
              personal: true
              special: [criminal]
              legal_basis: legitimate_interests
              retention: P6M
            review:
              last: 2026-10-01
        """
    )
    assert [item for item in brief(positions) if item[0] == "DAT014"] == [("DAT014", 18, 7)]


@pytest.mark.parametrize(
    ("charter", "sector"),
    [("public", None), ("public", "public_body"), ("private", "private_public_service")],
)
def test_criminal_data_in_public_bodies_is_silent(charter, sector):
    manifest = manifest_with(SCREENING, charter=charter)
    if sector:
        manifest["organisation"]["sector"] = sector
    assert run_rules(manifest, codes=["DAT014"]) == []
    without = {**SCREENING, "data": {**SCREENING["data"], "special": ["health"]}}
    assert run_rules(manifest_with(without), codes=["DAT014"]) == []


# Positions --------------------------------------------------------------------------------

POSITIONS = """\
version: 1
charter: public
organisation:
  name: Département de la Haute-Vallée
  sector: public_body
uses:
  - id: syntheses
    name: Synthèse des évaluations
    status: production
    owner:
      accountable: Directrice de l'autonomie
    purpose:
      need: Rédiger plus vite les synthèses de visite.
    description:
      how: "Exemple testé : 2 69 05 2A 001 012 21"
    tool:
      name: Plateforme de synthèse
      hosting: saas
      region: US
      trains_on_inputs: true
    task: summarization
    data:
      personal: true
      special: [health]
      subjects: [vulnerable]
      legal_basis: legitimate_interests
      transfers:
        - country: IN
    assessments:
      dpia:
        status: todo
    review:
      last: 2026-10-01
  - id: orientation
    name: Aide à l'orientation
    status: pilot
    owner:
      accountable: Directeur de l'éducation
    purpose:
      need: Préparer les entretiens d'orientation.
    tool:
      name: Albert API
      hosting: saas
      contract: true
    task: drafting
    data:
      personal: true
      subjects: [minors]
      legal_basis: public_task
      retention: P1Y
    review:
      last: 2026-10-01
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code.startswith("DAT") and f.code > "DAT003"]
    assert sorted(brief(findings)) == [
        ("DAT004", 26, 20),
        ("DAT005", 22, 5),
        ("DAT006", 34, 5),
        ("DAT007", 31, 17),
        ("DAT008", 19, 15),
        ("DAT008", 28, 11),
        ("DAT009", 22, 5),
        ("DAT010", 16, 5),
        ("DAT011", 20, 25),
        ("DAT012", 41, 5),
        ("DAT013", 15, 12),
    ]
