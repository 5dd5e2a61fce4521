"""What BP Search's cards send back, typed and bounded."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from services.bp_search import Kind
from services.forms.bounds import ChoiceKey


class Pick(BaseModel):
    """A candidate's Open button: what it is, and the serial, customer ref or order number
    that finds it again (an id: never longer than a key)."""

    model_config = ConfigDict(extra="ignore")
    kind: Kind
    ref: ChoiceKey
