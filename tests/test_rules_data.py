"""DAT001 personal-data-without-legal-basis, DAT002 tool-not-approved,
DAT003 no-approved-tools-registry."""

from __future__ import annotations

import pytest
from rule_harness import manifest_with, registry, run_rules, smallest, summary

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
        "`data.legal_basis`: add the GDPR Art. 6(1) legal basis"
    )
    french = run_rules(manifest, lang="fr", codes=["DAT001"])
    assert french[0].message == (
        "l'usage `reponses-clients` traite des données personnelles (`data.personal: true`) sans "
        "`data.legal_basis` : ajouter la base légale de l'art. 6(1) du RGPD"
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
