"""The account plan editor and the batch PDF export dialog."""
