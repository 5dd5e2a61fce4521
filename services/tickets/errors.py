"""Refusals of the ticket domain and the repository's lost-update conflict."""


class TicketRuleError(Exception):
    """A command broke a rule of the support process; the message is meant for a person."""

    def __init__(self, message: str) -> None:
        """Keep the sentence to show, as is."""
        super().__init__(message)
        self.message = message


class StaleTicket(Exception):
    """A save found the ticket changed since it was read (its version moved on)."""

    def __init__(self, number: str, expected: int, found: int | None) -> None:
        """Record which ticket, the version the writer read and the one stored now."""
        now = f"it is at version {found} now" if found is not None else "it no longer exists"
        super().__init__(
            f"{number} was changed by someone else after it was read (read version {expected}, "
            f"{now}); reload it and try again."
        )
        self.number = number
        self.expected = expected
        self.found = found
