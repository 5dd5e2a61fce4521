"""Profile-defined forms: answers checked on the server exactly as the card checks them."""

from services.forms.answers import FormCheck, check_answers

__all__ = ["FormCheck", "check_answers"]
