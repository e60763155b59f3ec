"""Résume un rapport d'audit pour les associés."""

from pathlib import Path


def summarise(report: Path) -> str:
    # Pas encore écrit : renvoie les premiers paragraphes, aucun modèle n'est appelé.
    return "\n\n".join(report.read_text(encoding="utf-8").split("\n\n")[:3])
