"""ACME's charte-lint policy: `POLICY` is the path of the configuration it ships."""

import os

POLICY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "charte-lint.yaml")
