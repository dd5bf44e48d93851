"""Later commands register themselves here so ``cli.py`` stays small."""
from kamdesk import cli_io  # noqa: F401,E402
