"""The global contact log screen (沟通记录)."""
