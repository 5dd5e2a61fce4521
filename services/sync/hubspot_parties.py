"""Who a HubSpot ticket is from: the contact and company HubSpot associates with it.

A ticket HubSpot logs from an e-mail to support is associated with the sender's contact and,
through it, their company (associations v4). The primary company wins (HubSpot's "Primary"
association type), else the first; tickets have one contact in practice, the first is taken.
Values are clipped to what the ticket's columns hold, so a long name never refuses a filing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from services.clients.hubspot import Association, HubSpotClient
from services.db.schema import tickets

CONTACT_PROPERTIES = ("firstname", "lastname", "email", "phone")


@dataclass(frozen=True)
class Parties:
    """The ticket's contact and company as HubSpot has them (None where it has none)."""

    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    company: str | None = None

    def __bool__(self) -> bool:
        return any((self.contact_name, self.contact_email, self.contact_phone, self.company))

    def words(self) -> str:
        """ "Dana Lee <dana@acme.example> at Acme Packaging", as far as known."""
        contact = self.contact_name or ""
        if self.contact_email:
            contact = f"{contact} <{self.contact_email}>".strip()
        return " at ".join(x for x in (contact, self.company) if x)


async def read_parties(
    client: HubSpotClient, ticket_id: str, patience: float | None = None
) -> Parties:
    """The ticket's contact and company, read through its associations (each call waiting on
    a rate limit at most `patience` seconds; None: the client's own)."""
    crm = client.crm
    contacts = await crm.associations("tickets", ticket_id, "contacts", 1, patience)
    companies = await crm.associations("tickets", ticket_id, "companies", 10, patience)
    parties = Parties()
    if contacts:
        found = await crm.batch_read("contacts", [contacts[0].to_id], CONTACT_PROPERTIES, patience)
        if found:
            person = found[0]
            name = " ".join(p for p in (person.get("firstname"), person.get("lastname")) if p)
            parties = Parties(name or None, person.get("email"), person.get("phone"))
    chosen = _primary(companies)
    if chosen is not None:
        company = await crm.read("companies", chosen, ("name",), patience)
        if company is not None:
            parties = replace(parties, company=company.get("name"))
    return _fitted(parties)


def _primary(associations: list[Association]) -> str | None:
    """The primary company's id (HubSpot labels that association type "Primary"), else the
    first's."""
    for association in associations:
        if any((kind.label or "").casefold() == "primary" for kind in association.types):
            return association.to_id
    return associations[0].to_id if associations else None


def _fitted(parties: Parties) -> Parties:
    """Each value clipped to its column's length, blanks as None."""
    values = {}
    for name in ("contact_name", "contact_email", "contact_phone", "company"):
        value = " ".join((getattr(parties, name) or "").split())
        limit = getattr(tickets.c[name].type, "length", None) or len(value)
        values[name] = value[:limit] or None
    return Parties(**values)
