"""Oriente chaque ticket de support vers une équipe."""

import anthropic

client = anthropic.Anthropic()


def route(ticket: str) -> str:
    reply = client.messages.create(
        model="claude-haiku-4-5",
        max_tokens=10,
        messages=[
            {
                "role": "user",
                "content": f"Équipe pour ce ticket (réseau, comptes, matériel): {ticket}",
            }
        ],
    )
    return reply.content[0].text.strip()
