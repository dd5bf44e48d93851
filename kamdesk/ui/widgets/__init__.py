"""Widgets several screens share (the customer picker, …): one copy each, so a picker
behaves the same in the log-contact dialog, the calendar and the plan editor."""
