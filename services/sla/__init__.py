"""SLA time: the business-hours clock that due times and elapsed business minutes come from."""

from services.sla.clock import BusinessClock

__all__ = ["BusinessClock"]
