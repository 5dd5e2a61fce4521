"""Zendesk to Teams (issue 13): its ticket events and the catch-up, applied and told."""
