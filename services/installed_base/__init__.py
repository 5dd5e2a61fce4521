"""BP Search's data: customers, their sites and machines, sales orders, and the CRM's view.

model.py holds the values; port.py the two ports (InstalledBase: NetSuite or the bot's
database; CustomerDirectory: HubSpot, or nothing). services.app_services picks implementations.
"""

from services.installed_base.model import (
    Company,
    Contact,
    Customer,
    Deal,
    Machine,
    SalesOrder,
    Site,
    SourceUnavailable,
)
from services.installed_base.port import CustomerDirectory, InstalledBase

__all__ = [
    "Company",
    "Contact",
    "Customer",
    "CustomerDirectory",
    "Deal",
    "InstalledBase",
    "Machine",
    "SalesOrder",
    "Site",
    "SourceUnavailable",
]
