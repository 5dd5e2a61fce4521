"""Refusals of the service-request domain and the repository's lost-update conflict."""


class ServiceRuleError(Exception):
    """A rule of process 6 was broken; the message is meant for a person."""

    def __init__(self, message: str) -> None:
        """Keep the sentence to show, as is."""
        super().__init__(message)
        self.message = message


class StaleRequest(Exception):
    """A save found the request changed since it was read (someone decided it meanwhile)."""

    def __init__(self, number: str, expected: int) -> None:
        """Record which request and the version the writer read."""
        super().__init__(f"{number} changed after version {expected} was read; reload it.")
        self.number = number
        self.expected = expected
