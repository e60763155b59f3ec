"""Summaries of claim declarations for the claims handlers (use `resume-sinistres`)."""

import os

from mistralai import Mistral

client = Mistral(api_key=os.environ["MISTRAL_API_KEY"])


def summarise(declaration: str) -> str:
    """A five-line summary of a claim declaration; the handler reads it next to the original."""
    response = client.chat.complete(
        model="mistral-small-latest",
        messages=[{"role": "user", "content": f"Résume en cinq lignes :\n{declaration}"}],
    )
    return response.choices[0].message.content
