"""Widgets shared by pages (the device-code panel is reused by the mailbox page)."""
