"""The fake HubSpot's ticket setup, and its checks of ticket and note properties.

From HubSpot's CRM tickets, pipelines v3, properties v3 and notes references: a new account's
"Support Pipeline" (id "0") with its four stages "1" New, "2" Waiting on contact, "3" Waiting
on us, "4" Closed (metadata ticketState OPEN/CLOSED); HubSpot's own ticket properties
(hs_ticket_priority LOW/MEDIUM/HIGH/URGENT, hs_ticket_category PRODUCT_ISSUE/BILLING_ISSUE/
FEATURE_REQUEST/GENERAL_INQUIRY, the read-only ones HubSpot sets) plus the custom ones a test
adds. A value HubSpot would refuse gets its 400: {"category": "VALIDATION_ERROR", "message":
"Property values were not valid: [...]"}, each item naming the property and the error
(PROPERTY_DOESNT_EXIST, INVALID_OPTION, READ_ONLY_VALUE).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.harness.fake_hubspot_store import Refusal

PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"]
CATEGORIES = ["PRODUCT_ISSUE", "BILLING_ISSUE", "FEATURE_REQUEST", "GENERAL_INQUIRY"]
DEFAULT_STAGES = [("1", "New", "OPEN"), ("2", "Waiting on contact", "OPEN"),
                  ("3", "Waiting on us", "OPEN"), ("4", "Closed", "CLOSED")]  # fmt: skip
READ_ONLY = ("hs_object_id", "createdate", "hs_lastmodifieddate", "closed_date")
NOTE_PROPERTIES = ("hs_note_body", "hs_timestamp", "hubspot_owner_id", "hs_attachment_ids")
NOTE_LIMIT = 65_536


def _definition(name: str, options: list[str] | None, read_only: bool = False) -> dict[str, Any]:
    """A property as GET /crm/v3/properties/tickets lists it."""
    choices = [
        {"label": v.replace("_", " ").title(), "value": v, "displayOrder": i, "hidden": False}
        for i, v in enumerate(options or [])
    ]
    return {
        "name": name, "label": name.replace("_", " ").capitalize(),
        "groupName": "ticketinformation",
        "type": "enumeration" if options else "string",
        "fieldType": "select" if options else "text", "options": choices,
        "readOnlyValue": read_only, "archived": False, "calculated": False,
        "hasUniqueValue": False, "hidden": False,
    }  # fmt: skip


def _defaults() -> dict[str, dict[str, Any]]:
    """HubSpot's own ticket properties (the ones the bot may touch, and the read-only ones)."""
    plain = ("subject", "content", "hs_pipeline", "hs_pipeline_stage", "hubspot_owner_id")
    found = [
        *(_definition(name, None) for name in (*plain, "source_type")),
        _definition("hs_ticket_priority", PRIORITIES),
        _definition("hs_ticket_category", CATEGORIES),
        *(_definition(name, None, read_only=True) for name in READ_ONLY),
    ]
    return {p["name"]: p for p in found}


@dataclass
class TicketSchema:
    """The ticket pipelines (id -> label and stages) and ticket properties of the account."""

    pipelines: dict[str, tuple[str, list[tuple[str, str, str]]]] = field(
        default_factory=lambda: {"0": ("Support Pipeline", list(DEFAULT_STAGES))}
    )
    properties: dict[str, dict[str, Any]] = field(default_factory=lambda: _defaults())

    def add_property(self, name: str, options: list[str] | None = None) -> None:
        """A custom ticket property (an enumeration when it has options)."""
        self.properties[name] = _definition(name, options)

    def add_stage(self, pipeline: str, stage_id: str, label: str, state: str = "OPEN") -> None:
        """A stage an admin added to a pipeline."""
        self.pipelines[pipeline][1].append((stage_id, label, state))

    def state_of(self, pipeline: str, stage_id: str) -> str | None:
        """OPEN or CLOSED for a stage of the pipeline; None when it has no such stage."""
        stages = self.pipelines.get(pipeline, ("", []))[1]
        return next((state for sid, _, state in stages if sid == stage_id), None)

    def listed(self) -> list[dict[str, Any]]:
        """GET /crm/v3/pipelines/tickets's results."""
        epoch = "2024-01-01T00:00:00Z"
        return [
            {"id": pid, "label": label, "displayOrder": order, "archived": False,
             "createdAt": epoch, "updatedAt": epoch,
             "stages": [{"id": sid, "label": slabel, "displayOrder": i, "archived": False,
                         "metadata": {"ticketState": state}, "createdAt": epoch,
                         "updatedAt": epoch}
                        for i, (sid, slabel, state) in enumerate(stages)]}
            for order, (pid, (label, stages)) in enumerate(self.pipelines.items())
        ]  # fmt: skip

    def check_ticket(self, properties: Any, current: dict[str, Any] | None = None) -> None:
        """Refuse (400) ticket properties HubSpot would refuse; `current`: the ticket's own."""
        _strings(properties)
        errors = []
        for name, value in properties.items():
            spec = self.properties.get(name)
            if spec is None:
                errors.append(_missing(name))
            elif spec["readOnlyValue"]:
                errors.append(_error(name, f"{name} is a read only property", "READ_ONLY_VALUE"))
            elif spec["options"] and value != "" and value not in _values(spec):
                allowed = ", ".join(_values(spec))
                words = f"{value} was not one of the allowed options: [{allowed}]"
                errors.append(_error(name, words, "INVALID_OPTION"))
        pipeline = properties.get("hs_pipeline") or (current or {}).get("hs_pipeline") or "0"
        stage = properties.get("hs_pipeline_stage")
        if pipeline not in self.pipelines:
            words = f"{pipeline} is not a valid pipeline"
            errors.append(_error("hs_pipeline", words, "INVALID_OPTION"))
        elif stage and self.state_of(pipeline, stage) is None:
            words = f"{stage} is not a valid pipeline stage of pipeline {pipeline}"
            errors.append(_error("hs_pipeline_stage", words, "INVALID_OPTION"))
        if errors:
            raise _invalid(errors)

    def check_note(self, properties: Any) -> None:
        """Refuse (400) note properties HubSpot would refuse; hs_timestamp is required."""
        _strings(properties)
        errors = [_missing(n) for n in properties if n not in NOTE_PROPERTIES]
        if len(properties.get("hs_note_body", "")) > NOTE_LIMIT:
            errors.append(_error("hs_note_body", "The value is too long", "INVALID_LENGTH"))
        if errors:
            raise _invalid(errors)
        if not properties.get("hs_timestamp"):
            raise Refusal(400, "VALIDATION_ERROR", "hs_timestamp is required to create a note")


def _values(spec: dict[str, Any]) -> list[str]:
    return [o["value"] for o in spec["options"]]


def _strings(properties: Any) -> None:
    if not isinstance(properties, dict):
        raise Refusal(400, "VALIDATION_ERROR", "Invalid input JSON: properties must be an object")
    for name, value in properties.items():
        if not isinstance(value, str):
            # HubSpot's schema types every property value as a string.
            words = f"Invalid input JSON: the value of {name} must be a string, not {value!r}"
            raise Refusal(400, "VALIDATION_ERROR", words)


def _error(name: str, message: str, error: str) -> dict[str, Any]:
    return {"isValid": False, "message": message, "error": error, "name": name,
            "localizedErrorMessage": message}  # fmt: skip


def _missing(name: str) -> dict[str, Any]:
    return _error(name, f'Property "{name}" does not exist', "PROPERTY_DOESNT_EXIST")


def _invalid(errors: list[dict[str, Any]]) -> Refusal:
    text = f"Property values were not valid: {json.dumps(errors)}"
    return Refusal(400, "VALIDATION_ERROR", text)
