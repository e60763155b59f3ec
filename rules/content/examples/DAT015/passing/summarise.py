"""Summarises an audit report for the partners."""
import os
from pathlib import Path

from mistralai import Mistral

# The key comes from the environment, set from the host's secret store.
MISTRAL_API_KEY = os.environ["MISTRAL_API_KEY"]
client = Mistral(api_key=MISTRAL_API_KEY)


def summarise(report: Path) -> str:
    reply = client.chat.complete(
        model="mistral-small-latest",
        messages=[{"role": "user", "content": "Summarise the key findings:\n" + report.read_text(encoding="utf-8")}],
    )
    return reply.choices[0].message.content
