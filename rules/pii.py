"""Personal data written into a manifest's free text (DAT013): French social security numbers
(NIR, with their key), IBANs (mod-97), French mobile numbers and personal e-mail addresses.

A scanner the data rules use, not a rule module; values are only ever shown masked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from charte_lint.api import string_values

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

_DIGIT = re.compile(r"[0-9]")
_CANDIDATE = re.compile(r"[0-9@]")  # what every detector below needs, found fast
# What every match of a detector below holds: an `@` (e-mail), the NIR's last eight digits, a
# mobile number's last nine, an IBAN's head. Slower to scan for than `_CANDIDATE`, so it is
# asked only of the texts with a digit or an `@`, and it rules out the dates and versions
# that most of them are.
_MAY_HOLD = re.compile(  # unrolled: a repeated group is slower to match
    r"@|\d{3}\s?\d{3}\s?\d\d|[67][\s.-]?\d\d[\s.-]?\d\d[\s.-]?\d\d[\s.-]?\d\d"
    r"|[A-Z][A-Z]\d\d ?[A-Z0-9]{4} ?[A-Z0-9]{4}"
)
_NIR_RE = re.compile(
    r"(?<![0-9A-Za-z])([1-478])\s?(\d{2})\s?(0[1-9]|1[0-2]|[2-9]\d)\s?(\d{2}|2[ABab])"
    r"\s?(\d{3})\s?(\d{3})\s?(\d{2})(?![0-9A-Za-z])"
)
_IBAN_RE = re.compile(r"(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_MOBILE_RE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[67](?:[\s.-]?\d{2}){4}(?!\d)"
)
_EMAIL_RE = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)
# A person's address: `prenom.nom`, `p.nom`, `jean-marc.nom_2`, with no service word in it.
_PERSON_LOCAL_RE = re.compile(r"^[a-z]+(?:-[a-z]+)?[._][a-z]+(?:-[a-z]+)?\d*$")
# fmt: off
_WEBMAIL_DOMAINS = frozenset((
    "aol.com", "bbox.fr", "free.fr", "gmail.com", "gmx.com", "gmx.fr", "googlemail.com",
    "hotmail.com", "hotmail.fr", "icloud.com", "laposte.net", "live.com", "live.fr", "me.com",
    "msn.com", "neuf.fr", "orange.fr", "outlook.com", "outlook.fr", "proton.me",
    "protonmail.com", "sfr.fr", "wanadoo.fr", "yahoo.com", "yahoo.fr",
))
_SERVICE_WORDS = frozenset((
    "accessibilite", "accueil", "achats", "admin", "administration", "affaires", "agence",
    "agences", "agents", "ai", "alertes", "algorithmes", "archives", "assemblees",
    "assistance", "billing", "bureau", "cabinet", "candidats", "careers", "catalogue", "ccas",
    "cil", "citoyennete", "civil", "client", "clients", "commercial", "communication",
    "compliance", "compta", "comptabilite", "conformite", "contact", "courrier", "cse",
    "culture", "data", "dechets", "direction", "donnees", "dpd", "dpo", "drh", "dsi",
    "economie", "education", "elections", "emploi", "enfance", "environnement", "equipe",
    "etat", "evenements", "events", "facturation", "finance", "finances", "formation", "gdpr",
    "hello", "help", "helpdesk", "hr", "humaines", "ia", "info", "infos", "it", "jeunesse",
    "jobs", "juridique", "legal", "logistique", "mairie", "marches", "marketing", "media",
    "medias", "mediation", "mobilite", "mobilites", "municipale", "newsletter", "no",
    "noreply", "notifications", "numerique", "office", "paie", "partenaires", "personnel",
    "police", "population", "presse", "prestations", "privacy", "projets", "publics",
    "qualite", "reclamations", "recrutement", "relations", "reply", "ressources", "rgpd", "rh",
    "rssi", "sales", "scolaire", "scolaires", "secretariat", "securite", "security", "service",
    "services", "si", "social", "sociale", "sport", "sports", "stationnement", "support",
    "team", "technique", "techniques", "transport", "transports", "urbanisme", "usagers",
    "ventes", "voirie", "webmaster",
))
# fmt: on
_IBAN_LENGTHS = {
    "AT": 20,
    "BE": 16,
    "CH": 21,
    "DE": 22,
    "ES": 24,
    "FR": 27,
    "GB": 22,
    "IE": 22,
    "IT": 27,
    "LU": 20,
    "MC": 27,
    "NL": 18,
    "PT": 25,
}  # fmt: skip
# Where a named address is expected: contact fields, and who approved a waiver.
CONTACT_FIELDS = re.compile(
    r"^/(?:organisation/dpo|uses/\d+/owner/contact|waivers/\d+/approved_by)$"
)


def _nir_is_valid(match: re.Match[str]) -> bool:
    sex, year, month, department, commune, order, key = match.groups()
    department = {"2A": "19", "2B": "18"}.get(department.upper(), department)
    number = int(sex + year + month + department + commune + order)
    return 97 - number % 97 == int(key)


def _iban_is_valid(text: str) -> bool:
    iban = text.replace(" ", "")
    expected = _IBAN_LENGTHS.get(iban[:2])
    if (expected is not None and len(iban) != expected) or not 15 <= len(iban) <= 34:
        return False
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _is_personal_email(address: str) -> bool:
    local, _, domain = address.lower().rpartition("@")
    if set(re.split(r"[._+-]", local)) & _SERVICE_WORDS:
        return False
    return domain in _WEBMAIL_DOMAINS or bool(_PERSON_LOCAL_RE.match(local))


def _mask(text: str, head: int, tail: int) -> str:
    """`text` with its letters and digits starred, except the first `head` and last `tail`."""
    positions = [i for i, char in enumerate(text) if char.isalnum()]
    hidden = set(positions[head : len(positions) - tail])
    return "".join("*" if i in hidden else char for i, char in enumerate(text))


def _mask_email(address: str) -> str:
    local, _, domain = address.rpartition("@")
    return f"{local[0]}***@{domain}"


def personal_data_in(text: str, email: bool = True) -> Iterator[tuple[str, str]]:
    """(kind, masked value) for each personal datum found in `text`: a NIR with a valid key, an
    IBAN with valid check digits, a French mobile number, a personal e-mail address."""
    if _DIGIT.search(text):
        for match in _NIR_RE.finditer(text):
            if _nir_is_valid(match):
                yield "nir", _mask(match.group(), 1, 2)
        for match in _IBAN_RE.finditer(text):
            if _iban_is_valid(match.group()):
                yield "iban", _mask(match.group(), 4, 2)
        for match in _MOBILE_RE.finditer(text):
            yield "mobile", _mask(match.group(), 2, 2)
    if email and "@" in text:
        for match in _EMAIL_RE.finditer(text):
            if _is_personal_email(match.group()):
                yield "email", _mask_email(match.group())


def candidates(manifest: Mapping[str, Any]) -> list[tuple[list[Any], str]]:
    """(path, text) for every string value of the manifest that could hold the personal data
    looked for (`_CANDIDATE`, then `_MAY_HOLD`), in document order. Paths, not JSON pointers:
    only a finding, or an `@` in a contact field, needs the pointer (`charte_lint.pointer.join`)."""
    may_hold = _MAY_HOLD.search
    return [found for found in string_values(manifest, _CANDIDATE.search) if may_hold(found[1])]
