"""Start-up: the profile's pipeline, stages and ticket properties exist in the HubSpot account.

A stage or property HubSpot lacks would have every ticket refused, so it stops start-up with a
sentence naming the profile key. HubSpot not answering does not: the bot starts, says so (log
and /readyz), queues its changes, and checks again until HubSpot answers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping

from services.clients.hubspot import HubSpotClient, HubSpotError, HubSpotRateLimited
from services.clients.hubspot import HubSpotUnavailable as Unavailable
from services.clients.hubspot.models import Pipeline
from services.clients.hubspot.ticket_setup import PropertyDefinition
from services.profile import Profile
from services.profile.statuses import DONE, TicketStatus
from services.sync.hubspot.translate import PRIORITY, section

log = logging.getLogger(__name__)


class HubSpotSetupError(Exception):
    """The HubSpot account does not fit the profile; the message says how."""


class AccountCheck:
    """Runs the check; `problem` says in words what stands in the way now (None: all well)."""

    def __init__(self, client: HubSpotClient, profile: Profile) -> None:
        self._client, self._profile = client, profile
        self.problem: str | None = "not checked yet"

    async def run(self) -> bool:
        """Check once: True when HubSpot answered; HubSpotSetupError when it refuses the setup."""
        try:
            pipelines = await self._client.ticket_setup.pipelines()
            properties = await self._client.ticket_setup.properties()
        except (Unavailable, HubSpotRateLimited) as error:
            self.problem = f"HubSpot could not be reached ({error}); checking again"
            log.warning("hubspot: %s; the bot runs and queues its changes meanwhile", self.problem)
            return False
        except HubSpotError as error:  # 401 (token), 403 (a scope missing), ...
            self.problem = f"HubSpot refused the start-up check: {error}"
            raise HubSpotSetupError(self.problem) from error
        problems = list(setup_problems(self._profile, pipelines, properties))
        if problems:
            self.problem = "; ".join(problems)
            raise HubSpotSetupError(self.problem)
        self.problem = None
        log.info("hubspot: the account's ticket pipeline and properties fit the profile")
        return True


def setup_problems(
    profile: Profile, pipelines: list[Pipeline], properties: Mapping[str, PropertyDefinition]
) -> Iterator[str]:
    """What in the profile's HubSpot keys the account lacks, one sentence each."""
    hub = section(profile)
    pipeline = next((p for p in pipelines if p.id == hub.pipeline), None)
    if pipeline is None:
        known = ", ".join(f"{p.id} ({p.label})" for p in pipelines) or "none"
        yield f'[hubspot] pipeline = "{hub.pipeline}": HubSpot has no such ticket pipeline' + (
            f" ({known})"
        )
    else:
        yield from _stage_problems(profile, pipeline)
    wanted = {"number_property": hub.number_property} | {
        f"properties.{name}": hub.property_of(name) or name for name in hub.properties
    }
    for key, name in wanted.items():
        spec = properties.get(name)
        if spec is None:
            yield f'[hubspot] {key} = "{name}": HubSpot has no ticket property {name}'
        elif spec.read_only:
            yield f'[hubspot] {key} = "{name}": HubSpot keeps {name} read-only'
        elif key != "number_property":
            yield from _option_problems(profile, key.removeprefix("properties."), spec)
    levels = properties.get(PRIORITY)
    for key, value in hub.priorities.items():
        if levels is not None and levels.choices is not None and value not in levels.choices:
            yield f'[hubspot.priorities] {key} = "{value}": HubSpot\'s {PRIORITY} has no {value}'


def _stage_problems(profile: Profile, pipeline: Pipeline) -> Iterator[str]:
    stages = {s.id: s for s in pipeline.stages}
    for status in profile.statuses:
        stage = stages.get(status.hubspot or "")
        where = f'[[statuses]] {status.key}: hubspot = "{status.hubspot}"'
        if stage is None:
            known = ", ".join(f"{s.id} ({s.label})" for s in pipeline.stages)
            yield f"{where}: pipeline {pipeline.label} has no such stage ({known})"
            continue
        closed = str(stage.metadata.get("ticketState", "")).upper() == "CLOSED"
        # Resolved may be either: some desks close on the fix, others wait for the customer.
        if status.role is TicketStatus.CLOSED and not closed:
            yield f"{where}: stage {stage.label} is open in HubSpot, and closed tickets go there"
        elif status.role not in DONE and closed:
            yield f"{where}: stage {stage.label} is closed in HubSpot, and open tickets go there"


def _option_problems(profile: Profile, field_id: str, spec: PropertyDefinition) -> Iterator[str]:
    if spec.choices is None:
        return
    mapped = section(profile).option_values(field_id)
    field = next((f for f in profile.intake if f.id == field_id), None)
    keys = {c.key for c in profile.choices_for(field)} if field is not None else set()
    wanted = set(mapped.values()) if mapped else keys
    if not wanted:
        yield f"[hubspot.properties] {field_id}: {spec.name} takes only its options, not text"
    for value in sorted(wanted - spec.choices):
        yield f"[hubspot.properties] {field_id}: {spec.name} has no option {value}"
