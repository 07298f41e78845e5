"""Screens of the explorer: the main panes, help, filters and pickers."""
