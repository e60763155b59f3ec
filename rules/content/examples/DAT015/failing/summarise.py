"""Summarises an audit report for the partners."""
import os
from pathlib import Path

from mistralai import Mistral

# The key is written in the code: anyone who can read the repository can use it.
MISTRAL_API_KEY = "Zq8Xw2Lk5Rt9Yp3Vb6Nm1Hc4Jd7Fg0Sa"
client = Mistral(api_key=MISTRAL_API_KEY)


def summarise(report: Path) -> str:
    reply = client.chat.complete(
        model="mistral-small-latest",
        messages=[{"role": "user", "content": "Summarise the key findings:\n" + report.read_text(encoding="utf-8")}],
    )
    return reply.choices[0].message.content
