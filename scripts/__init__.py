"""Developer scripts that are not part of the bot (see each module's docstring)."""
