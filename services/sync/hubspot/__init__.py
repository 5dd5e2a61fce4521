"""HubSpot tickets as the system of record: the sender, its translation, links and checks."""

SYSTEM = "hubspot"
