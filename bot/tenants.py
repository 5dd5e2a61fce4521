"""The tenant gate: activities from tenants the bot does not serve are refused first."""

from __future__ import annotations

import logging

from botbuilder.schema import Activity

log = logging.getLogger(__name__)


def tenant_of(activity: Activity) -> str | None:
    """The Entra tenant Teams says the activity comes from (channelData.tenant.id)."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant")
    if isinstance(tenant, dict) and isinstance(tenant.get("id"), str):
        return tenant["id"].strip().lower()
    return None


class TenantGate:
    """Accepts the allowed tenants' activities; any tenant when none is configured."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self._allowed = allowed

    def allows(self, activity: Activity) -> bool:
        """Whether this activity's tenant may use the bot; refusals are logged once each."""
        if not self._allowed:
            return True
        tenant = tenant_of(activity)
        if tenant in self._allowed:
            return True
        log.warning(
            "activity refused: tenant not allowed",
            extra={"event": "tenant_refused", "tenant": (tenant or "none")[:64]},
        )
        return False
