"""What the intake card sends: its form id and the answers, checked against the profile."""

from __future__ import annotations

from services.forms.bounds import FormId, FormInputs


class IntakeSubmission(FormInputs):
    """The intake card's data: its form id, plus every input (checked against the profile)."""

    form_id: FormId
    seen_suggestions: bool = False  # the form already showed similar solved problems
