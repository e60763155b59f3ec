"""Routes each support ticket to a team."""

import anthropic

client = anthropic.Anthropic()


def route(ticket: str) -> str:
    reply = client.messages.create(
        model="claude-haiku-4-5",
        max_tokens=10,
        messages=[
            {
                "role": "user",
                "content": f"Team for this ticket (network, accounts, hardware): {ticket}",
            }
        ],
    )
    return reply.content[0].text.strip()
