"""Runs against the Microsoft 365 Agents Playground; opt-in with PLAYGROUND=1."""
