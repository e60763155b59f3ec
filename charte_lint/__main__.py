"""`python -m charte_lint` runs the command line."""

from charte_lint.cli import main

if __name__ == "__main__":
    main()
