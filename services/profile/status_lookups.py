"""A profile's lookups of priorities, SLA targets and statuses (and their roles)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.profile.statuses import TicketStatus

if TYPE_CHECKING:
    from services.profile.index import Index
    from services.profile.sla import Priority, SlaPolicy, SlaTarget
    from services.profile.statuses import Status


class StatusLookups:
    """Part of Profile: how urgent, how fast, and which status plays which role."""

    if TYPE_CHECKING:  # provided by Profile's fields and its validated index
        _ix: Index
        priorities: tuple[Priority, ...]
        sla: SlaPolicy

    def priority(self, key: str) -> Priority:
        """The priority with this key; KeyError if undefined."""
        return self._ix.priorities[key]

    @property
    def default_priority(self) -> Priority:
        """The priority a ticket gets when nothing suggests another."""
        return next(x for x in self.priorities if x.default)

    def sla_target(self, priority: str) -> SlaTarget:
        """SLA targets (business minutes) for a priority key; KeyError if undefined."""
        return self._ix.targets[priority]

    def status(self, key: str) -> Status:
        """The status with this key; KeyError if undefined."""
        return self._ix.statuses[key]

    def status_for(self, role: TicketStatus) -> Status:
        """The status playing `role`; KeyError if this profile does not use the role."""
        return self._ix.status_roles[TicketStatus(role)]

    @property
    def paused_roles(self) -> frozenset[TicketStatus]:
        """The roles of the statuses in which SLA clocks stop (`sla.paused_statuses`)."""
        return self._ix.paused_roles

    @property
    def auto_close_roles(self) -> frozenset[TicketStatus]:
        """The roles of the statuses a silent ticket closes from (`closure.auto_close_from`)."""
        return self._ix.auto_close_roles

    def clock_paused(self, status: TicketStatus | str) -> bool:
        """True if SLA clocks stop in `status`: a role, or else a key of this profile's statuses."""
        if not isinstance(status, TicketStatus):
            return status in self.sla.paused_statuses
        return status in self._ix.paused_roles
