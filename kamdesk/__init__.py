"""KAMDesk: the key-account manager's offline desktop workspace."""

__version__ = "0.1.0"
