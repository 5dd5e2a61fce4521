"""Process 5's rules: the request form, the owner's answer, and who owns parts requests."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from services.parts import PartsRuleError, QuoteLine, RequestType, check_answer, check_request
from services.parts.lines import MAX_LINES, parse_lines, price_cents, typed_lines
from services.parts.people import may_record_order, parts_owner
from tests.harness.domain import BESTPACK, bestpack_variant
from tests.harness.parts import open_request

QUOTE = {
    "request_type": "quote",
    "part_number": "4471-220",
    "quantity": "2",
    "serial_number": "SN-12345",
    "nc_tape_head": "true",
}
ANSWER = {
    "lines": "4471-220B; Encoder, 1024 ppr; 2; $1,204.5\n\n77-12; 1; 12.75",
    "lead_time": "3 weeks",
    "quote_number": "q-2201",
}


def request(**changes: Any):
    return check_request(BESTPACK, {**QUOTE, **changes})


def test_a_clean_quote_request_becomes_a_typed_draft():
    draft = request(ticket="bp-1001").draft
    assert draft is not None
    assert (draft.request_type, draft.quantity, draft.nc_tape_head) == (RequestType.QUOTE, 2, True)
    assert (draft.part_number, draft.serial_number, draft.ticket_number) == (
        "4471-220",
        "SN-12345",
        "bp-1001",
    )
    assert draft.subject == "Part 4471-220"


def test_a_description_identifies_the_part_when_there_is_no_part_number():
    draft = request(part_number="", description="Cutter holder, left side\nstamped 44-7").draft
    assert draft is not None and draft.subject == "Cutter holder, left side"
    refused = request(part_number="  ", description="")
    assert refused.draft is None
    assert refused.errors == {"part_number": "Give the part number, or describe the part."}


@pytest.mark.parametrize(
    ("quantity", "problem"),
    [
        ("0", "Quantity is a whole number from 1 to 100,000."),
        ("-3", "Quantity is a whole number from 1 to 100,000."),
        ("1.5", "Quantity is a whole number from 1 to 100,000."),
        ("100001", "Quantity is a whole number from 1 to 100,000."),
        ("lots", "Enter a number."),
    ],
)
def test_the_quantity_is_a_positive_whole_number(quantity, problem):
    assert request(quantity=quantity).errors == {"quantity": problem}


def test_the_serial_follows_the_intake_serial_field():
    assert request(serial_number="SN 1").errors == {
        "serial_number": "Serial numbers are 3–30 letters, digits or dashes."
    }
    assert request(serial_number="").errors == {
        "serial_number": "Machine serial number is required."
    }


def test_the_serial_follows_the_intake_field_in_that_role_whatever_its_id():
    def renamed(data):
        next(f for f in data["intake"] if f["id"] == "serial_number")["id"] = "nameplate"

    checked = check_request(bestpack_variant(renamed), {**QUOTE, "serial_number": "SN 1"})
    assert checked.errors == {"serial_number": "Serial numbers are 3–30 letters, digits or dashes."}


def test_an_order_status_needs_the_order_number_and_nothing_else():
    asked = {"request_type": "order_status", "quantity": "1"}
    assert check_request(BESTPACK, asked).errors == {
        "order_reference": "Give the order or quote number to look up."
    }
    draft = check_request(BESTPACK, {**asked, "order_reference": " so-1001 "}).draft
    assert draft is not None and draft.order_reference == "SO-1001"
    assert draft.part_number is None and draft.serial_number is None


def test_an_unknown_request_type_is_refused():
    assert request(request_type="bribe").errors == {
        "request_type": "Choose one of the options listed for What do you need?."
    }


def test_the_answer_needs_its_lines_lead_time_and_quote_number():
    checked = check_answer(BESTPACK, {})
    assert checked.answer is None
    assert checked.errors == {
        "lines": "Quote lines is required.",
        "lead_time": "Lead time is required.",
        "quote_number": "Quote number is required.",
    }
    answer = check_answer(BESTPACK, ANSWER).answer
    assert answer is not None
    assert answer.lines == (
        QuoteLine("4471-220B", 2, 120_450, "Encoder, 1024 ppr"),
        QuoteLine("77-12", 1, 1_275),
    )
    assert (answer.total_cents, answer.quote_number) == (242_175, "Q-2201")


def test_a_quote_of_two_parts_is_two_lines_and_its_total_is_computed():
    lines, problems = parse_lines("SC-0450; Sensor; 1; 186.40\nGK-12; Gasket kit; 1; 12.75")
    assert problems == []
    assert [line.total_cents for line in lines] == [18_640, 1_275]
    assert sum(line.total_cents for line in lines) == 19_915


def test_each_wrong_line_is_named_and_the_rest_is_not_lost():
    typed = "SC-0450; Sensor; 1; 186.40 + 12.75\nGK-12; two; 12.75\nbare words\nOK-1; 1; 5"
    checked = check_answer(BESTPACK, {**ANSWER, "lines": typed})
    assert checked.answer is None
    assert checked.errors == {
        "lines": "Line 1: enter the price in dollars, like 1234.50. "
        "Line 2: quantity is a whole number from 1 to 100,000. "
        "Line 3: write it as “part number; description; quantity; price each”, "
        "separated by semicolons."
    }


def test_a_quote_has_at_most_its_number_of_lines():
    too_many = "\n".join(f"P-{n}; 1; 1" for n in range(MAX_LINES + 1))
    assert parse_lines(too_many) == (
        (),
        [f"A quote has at most {MAX_LINES} lines; this one has {MAX_LINES + 1}."],
    )


def test_lines_read_back_as_they_are_shown():
    lines = (QuoteLine("4471-220B", 2, 120_450, "Encoder"), QuoteLine("77-12", 1, 5))
    assert parse_lines(typed_lines(lines)) == (lines, [])


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("twelve", "enter the price in dollars, like 1234.50"),
        ("0", "the price must be more than $0"),
        ("-5", "the price must be more than $0"),
        ("12.345", "give the price in dollars and cents (two decimals at most)"),
        ("20000000", "that price is above $10,000,000: check the decimal point"),
        ("NaN", "the price must be more than $0"),
    ],
)
def test_prices_are_dollars_and_cents(typed, problem):
    with pytest.raises(ValueError, match=re.escape(problem)):
        price_cents(typed)


@pytest.mark.parametrize(("typed", "cents"), [("12", 1200), ("$ 0.5", 50), ("1,000.05", 100005)])
def test_prices_read_as_people_type_them(typed, cents):
    assert price_cents(typed) == cents


def test_the_parts_owner_is_the_owner_of_process_five():
    assert parts_owner(BESTPACK).id == "ezechiel"


def test_without_a_parts_step_whoever_answers_parts_gets_the_requests():
    def no_parts_step(data):
        next(p for p in data["processes"] if p.get("role") == "parts").pop("role")

    assert parts_owner(bestpack_variant(no_parts_step)).id == "ezechiel"

    def nobody_answers(data):
        no_parts_step(data)
        next(r for r in data["roles"] if r["id"] == "parts_specialist")["capabilities"] = []

    assert parts_owner(bestpack_variant(nobody_answers)) is None


def test_a_parts_step_owned_by_someone_who_cannot_answer_is_refused_at_load():
    def allison_owns_parts(data):
        next(p for p in data["processes"] if p.get("role") == "parts")["owner"] = "allison"

    with pytest.raises(ValidationError, match="'allison' owns the 'parts' step"):
        bestpack_variant(allison_owns_parts)


def test_only_the_requester_or_a_parts_owner_records_the_customers_order():
    asked = open_request(requester_id="jordan")
    may_record_order(BESTPACK, "jordan", asked)
    may_record_order(BESTPACK, "ezechiel", asked)
    with pytest.raises(PartsRuleError, match="Only Jordan, who asked, or someone who answers"):
        may_record_order(BESTPACK, "kevin", asked)
