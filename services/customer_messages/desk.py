"""Customer messages on the ticket system itself: Zendesk's public comments, or no way at all."""

from __future__ import annotations

from services.customer_messages.port import MessageFailed, Route
from services.tickets.model import Ticket


class NoSending:
    """The embedded desk: it keeps tickets, not a mailbox, so a person sends every message."""

    async def route(self, ticket: Ticket) -> Route:
        """Never: the desk has no way to reach a customer."""
        return Route(
            None,
            "this desk keeps its tickets itself and has no way to write to customers, "
            "so the message is yours to send",
        )

    async def send(self, ticket: Ticket, text: str, route: Route) -> str | None:
        """Refused: nothing here can send."""
        raise MessageFailed("this desk cannot send messages to customers", retry=False)


class PublicNotes:
    """A system of record that e-mails a customer-visible note to the requester (Zendesk): the
    recorded note is queued as a public comment, so sending is recording it."""

    def __init__(self, system: str) -> None:
        self._system = system  # its name, for the timeline: "Zendesk"

    async def route(self, ticket: Ticket) -> Route:
        """By public comment, when the ticket has someone to e-mail it to."""
        if not (ticket.contact_email or ticket.external_id):
            return Route(
                None, f"{ticket.number} has no customer e-mail address for {self._system} to use"
            )
        return Route(f"a public comment in {self._system}")

    async def send(self, ticket: Ticket, text: str, route: Route) -> str | None:
        """Nothing to do now: the customer-visible note the caller records is the comment."""
        return None
