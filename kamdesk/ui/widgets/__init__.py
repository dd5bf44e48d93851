"""Widgets shared by several screens (tables of editable rows, pickers, date edits)."""
