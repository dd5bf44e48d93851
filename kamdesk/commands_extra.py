"""Later commands register themselves here so ``cli.py`` stays small."""
from kamdesk import cli_io  # noqa: F401,E402
from kamdesk import cli_calendar  # noqa: F401,E402
from kamdesk import cli_tiers  # noqa: F401,E402
from kamdesk import cli_plans  # noqa: F401,E402
