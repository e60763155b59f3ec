"""Résume un rapport d'audit pour les associés."""
import os
from pathlib import Path

from mistralai import Mistral

# La clé est écrite dans le code : quiconque lit le dépôt peut s'en servir.
MISTRAL_API_KEY = "Zq8Xw2Lk5Rt9Yp3Vb6Nm1Hc4Jd7Fg0Sa"
client = Mistral(api_key=MISTRAL_API_KEY)


def summarise(report: Path) -> str:
    reply = client.chat.complete(
        model="mistral-small-latest",
        messages=[{"role": "user", "content": "Résume les principaux constats :\n" + report.read_text(encoding="utf-8")}],
    )
    return reply.choices[0].message.content
