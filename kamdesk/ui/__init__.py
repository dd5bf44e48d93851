"""Qt only: windows, screens, item models, dialogs, tray and reminders."""
