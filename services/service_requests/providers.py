"""Who goes on site: the profile's 3rd-party provider for the site's state, else BestPack staff."""

from __future__ import annotations

from services.profile import Capability, Person, Profile, Provider
from services.profile.base import US_STATES
from services.service_requests.errors import ServiceRuleError
from services.service_requests.model import Dispatch

# The words for in-house staff when a profile has no [service] section at all.
DEFAULT_IN_HOUSE = "in-house service staff"


def state_code(state: str) -> str:
    """A US state as its upper-case code ("nj" → "NJ"); refused when it is not one."""
    code = (state or "").strip().upper()
    if code not in US_STATES:
        raise ServiceRuleError(f"'{state}' is not a US state; pick the site's state.")
    return code


def dispatch_for(profile: Profile, state: str) -> Dispatch:
    """The provider serving `state` (profile.provider_for_state), or in-house staff."""
    code = state_code(state)
    in_house = profile.service.in_house if profile.service else DEFAULT_IN_HOUSE
    return Dispatch(code, profile.provider_for_state(code), in_house)


def provider(profile: Profile, key: str | None) -> Provider | None:
    """The provider stored on a request, by key; None for in-house or one since removed."""
    providers = profile.service.providers if profile.service else ()
    return next((p for p in providers if p.key == key), None)


def technicians(profile: Profile) -> tuple[Person, ...]:
    """Who can be scheduled on site: everyone who works tickets, in roster order."""
    return profile.people_with_capability(Capability.WORK_TICKETS)
