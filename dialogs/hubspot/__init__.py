"""HubSpot as the system of record, inbound: its ticket webhooks and the catch-up sync."""
