"""Widgets of the explorer: the virtual record list, the panes and the detail views."""
