"""What the intake card sends: its form id and the answers, checked against the profile."""

from __future__ import annotations

from typing import Literal

from services.forms.bounds import FormId, FormInputs


class IntakeSubmission(FormInputs):
    """The intake card's data: its form id, plus every input (checked against the profile)."""

    form_id: FormId
    seen_suggestions: bool = False  # the form already showed similar solved problems


class IntakeFill(FormInputs):
    """ "Fill from BP Search": the form's inputs, and which input to look up (serial or company)."""

    form_id: FormId
    source: Literal["machine", "customer"]
