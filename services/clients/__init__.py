"""Clients of outside systems (Zendesk, NetSuite, HubSpot): one module each, and nothing else.

A client speaks its vendor's HTTP API and nothing more; the port implementation that uses it
lives with its process (services/tickets, services/parts, ...), and services.app_services
picks that implementation. Every client is given AppServices.http, the app's one
httpx.AsyncClient, and never opens its own: one pool, one timeout policy, closed at shutdown.
"""
