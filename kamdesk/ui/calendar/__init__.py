"""The Calendar screen: month grid, week agenda, day list and the task dialog."""
