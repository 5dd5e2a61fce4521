"""The processes, one package each; `desk_features` is the one list the app is built from.

Adding a process: its package (see the README's folder map) and one line below.
"""

from __future__ import annotations

from bot.commands import core
from bot.router import Feature


def desk_features() -> list[Feature]:
    """Every feature of the desk, in the order the help card lists them."""
    from dialogs.assignment.feature import feature as assignment_feature
    from dialogs.bp_search.feature import feature as bp_search_feature
    from dialogs.closure.feature import feature as closure_feature
    from dialogs.escalation.feature import feature as escalation_feature
    from dialogs.hubspot.feature import feature as hubspot_feature
    from dialogs.intake.feature import feature as intake_feature
    from dialogs.involvement.feature import feature as involvement_feature
    from dialogs.knowledge.feature import feature as knowledge_feature
    from dialogs.parts.feature import feature as parts_feature
    from dialogs.scorecard.feature import feature as scorecard_feature
    from dialogs.service.feature import feature as service_feature
    from dialogs.sla.feature import feature as sla_feature
    from dialogs.sync.feature import feature as sync_feature
    from dialogs.time_tracking.feature import feature as time_feature
    from dialogs.triage.feature import feature as triage_feature
    from dialogs.troubleshooting.feature import feature as troubleshooting_feature
    from dialogs.zendesk.feature import feature as zendesk_feature

    return [
        core,
        intake_feature,
        triage_feature,
        assignment_feature,
        troubleshooting_feature,
        involvement_feature,
        time_feature,
        escalation_feature,
        closure_feature,
        service_feature,
        parts_feature,
        knowledge_feature,
        bp_search_feature,
        scorecard_feature,
        sla_feature,
        sync_feature,
        zendesk_feature,
        hubspot_feature,
    ]
