"""The organisation's register of AI uses and its publications."""
