"""Résume un rapport d'audit pour les associés."""

import os
from pathlib import Path

from mistralai import Mistral

client = Mistral(api_key=os.environ["MISTRAL_API_KEY"])


def summarise(report: Path) -> str:
    reply = client.chat.complete(
        model="mistral-small-latest",
        messages=[
            {
                "role": "user",
                "content": "Résume les principaux constats :\n"
                + report.read_text(encoding="utf-8"),
            }
        ],
    )
    return reply.choices[0].message.content
