"""How work finds the right person: issue types, machine complexity, routing and 3rd parties."""

from __future__ import annotations

from pydantic import Field

from services.profile.base import Email, Frozen, Slug, StateCode, Text


class IssueType(Frozen):
    """A kind of problem; `skills` are what whoever works it must hold (empty: triage decides)."""

    key: Slug
    label: Text
    description: str = ""
    skills: tuple[Slug, ...] = ()


class Complexity(Frozen):
    """A machine complexity class, e.g. standard or custom/complex."""

    key: Slug
    label: Text
    description: str = ""


class RoutingRule(Frozen):
    """Skills needed for an issue type on a complexity class (no complexity: any class)."""

    issue_type: Slug
    complexity: Slug | None = None
    skills: tuple[Slug, ...] = Field(min_length=1)
    note: str = ""


class Provider(Frozen):
    """A 3rd-party service provider and the US states it covers."""

    key: Slug
    name: Text
    states: tuple[StateCode, ...] = Field(min_length=1)
    contact_name: str = ""
    contact_email: Email | None = None
    notes: str = ""


class ServiceNetwork(Frozen):
    """Who does on-site work: 3rd parties by state, otherwise the in-house team."""

    in_house: Text
    providers: tuple[Provider, ...] = ()
