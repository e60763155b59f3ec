"""Semantic search in the claims archive."""

from openai import OpenAI

client = OpenAI()


def embed(texts: list[str]) -> list[list[float]]:
    result = client.embeddings.create(model="text-embedding-3-small", input=texts)
    return [item.embedding for item in result.data]
