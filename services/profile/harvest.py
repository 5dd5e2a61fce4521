"""The profile's optional [harvest] section: which Harvest project and task time goes to.

Credentials stay in the settings (HARVEST_*); this says where a ticket's time is booked. The
first of these that fits a ticket wins: a [[harvest.projects]] entry for its customer (the
ticket's company: a customer's own project is where its contract is billed), then one for its
application (the answer to `application_field`), then `default`. Whether the ids exist is
Harvest's to say: a wrong one comes back as a refusal told to whoever logged the time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, PositiveInt, model_validator

from services.forms.bounds import LINE
from services.profile.base import Frozen, Slug, duplicates
from services.profile.errors import Problem
from services.profile.forms import FieldKind

if TYPE_CHECKING:
    from services.profile.models import Profile

Name = Annotated[str, Field(min_length=1, max_length=LINE)]


class HarvestTarget(Frozen):
    """A Harvest project and one of its tasks, by id (Harvest's Projects and Tasks pages)."""

    project_id: PositiveInt
    task_id: PositiveInt


class HarvestProject(HarvestTarget):
    """[[harvest.projects]]: the project and task for one customer or one application."""

    customer: Name | None = None  # the ticket's company, as typed at intake (any case)
    # An answer to [harvest] application_field: a choice's key, or the start of a typed answer.
    application: Name | None = None

    @model_validator(mode="after")
    def _one_match(self) -> HarvestProject:
        if (self.customer is None) == (self.application is None):
            raise ValueError("name exactly one of customer or application")
        return self


class HarvestSection(Frozen):
    """[harvest]: the default project and task, and the customers' and applications' own."""

    default: HarvestTarget
    application_field: Slug | None = None  # the intake field whose answer names the application
    projects: tuple[HarvestProject, ...] = ()

    def target_for(self, answers: Mapping[str, object], company: str | None) -> HarvestTarget:
        """Where a ticket's time goes: its customer's project, its application's, else default.

        An application matches its answer exactly or followed by more words ("Kinetic Request
        CE" matches "Kinetic Request CE 6.1": a version typed after it), the longest name first.
        """
        customer = _folded(company)
        for project in self.projects:
            if customer and project.customer and _folded(project.customer) == customer:
                return project
        application = _folded(answers.get(self.application_field or ""))
        named = [p for p in self.projects if p.application and _names(p.application, application)]
        if named:
            return max(named, key=lambda p: len(p.application or ""))
        return self.default


def _names(name: str, answer: str) -> bool:
    folded = _folded(name)
    return bool(answer) and (answer == folded or answer.startswith(f"{folded} "))


def _folded(value: object) -> str:
    return value.strip().casefold() if isinstance(value, str) else ""


def harvest_problems(p: Profile) -> Iterator[Problem]:
    """The application field must be an intake field, and a choice field's key each application;
    a customer or an application may be named once."""
    section = p.harvest
    if section is None:
        return
    fields = {f.id: f for f in p.intake}
    field = fields.get(section.application_field or "")
    if section.application_field and field is None:
        loc = ("harvest", "application_field")
        yield Problem(loc, f"'{section.application_field}' is not an intake field id")
    keys = {c.key for c in field.choices} if field and field.kind is FieldKind.CHOICE else None
    for i, project in enumerate(section.projects):
        if project.application is None:
            continue
        loc = ("harvest", "projects", i, "application")
        if section.application_field is None:
            yield Problem(loc, "set [harvest] application_field: the intake field it answers")
        elif keys and project.application not in keys:
            yield Problem(loc, f"'{project.application}' is not a choice of '{field.id}'")
    named = [(i, x.customer or "") for i, x in enumerate(section.projects) if x.customer]
    yield from _once(named, "customer")
    named = [(i, x.application or "") for i, x in enumerate(section.projects) if x.application]
    yield from _once(named, "application")


def _once(named: list[tuple[int, str]], key: str) -> Iterator[Problem]:
    for problem in duplicates(("harvest", "projects"), key, (n for _, n in named), key):
        index = named[int(problem.loc[2])][0]  # the position among all projects, not these
        yield Problem(("harvest", "projects", index, key), problem.message)
