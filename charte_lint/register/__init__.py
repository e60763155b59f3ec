"""The organisation's register of AI uses and what it publishes from it."""
