"""Pulling a team in on a ticket: its people become helpers, the specialist stays the owner.

The pure command (services.involvement.rules) decides who is added and refuses in words;
HelperRepository stores the helpers with the ticket's timeline entry in one transaction and
finds the tickets a person helps on.
"""

from services.involvement.model import Helper, Involvement
from services.involvement.repository import HelperRepository
from services.involvement.rules import involve

__all__ = ["Helper", "HelperRepository", "Involvement", "involve"]
