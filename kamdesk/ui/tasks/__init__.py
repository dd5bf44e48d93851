"""The Tasks screen: every task, filtered and acted on in bulk."""
