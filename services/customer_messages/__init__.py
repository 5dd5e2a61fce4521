"""Messages from the team to a customer: how the ticket's system of record can carry one.

`CustomerMessages` is the port: `route` says whether (and how) the desk can write to a
ticket's customer itself, `send` hands the text over. Zendesk sends a customer-visible note as
a public comment (the sync queue carries it); on HubSpot the message is queued too
(services.customer_messages.queued) and the sync worker replies in the ticket's conversation
thread (services.sync.hubspot.messages), a ticket without one being handed back to its owner;
the embedded desk has no way to reach a customer, so a person sends the text and says so
("Sent it").
"""

from services.customer_messages.desk import NoSending, PublicNotes
from services.customer_messages.port import CustomerMessages, MessageFailed, Route

__all__ = ["CustomerMessages", "MessageFailed", "NoSending", "PublicNotes", "Route"]
