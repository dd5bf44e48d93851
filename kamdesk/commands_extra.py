"""Later commands register themselves here so ``cli.py`` stays small."""
