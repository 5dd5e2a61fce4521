"""Reading a NetSuite saved-search export of machines: NetSuite's own ways of writing values are
understood, and every bad row is refused with its line number and what is wrong."""

from __future__ import annotations

import io
from datetime import date

import pytest

from services.installed_base import Contact, Site
from services.installed_base.saved_search import ExportRefused, MachineExport, read_export
from tests.harness.domain import BESTPACK

HEADER = (
    "Internal ID,Serial Number,Model,Complexity,Install Date,Warranty End,Service Contract End,"
    "Customer Internal ID,Customer,Site Internal ID,Site,Site City,Site State,Main Contact,"
    "Main Contact Email,Main Contact Phone"
)
ERECTOR = (
    "4711,CE4-10421,BP-400 Case Erector,standard,5/3/2024,5/3/2025,2027-06-30,812,"
    "Harvest Valley Foods,55,Fresno plant,Fresno,CA,Dana Whitfield,dana@hv.example.com,"
    "+1 559 555 0142"
)
FORMER = "4712,TF5-20001,TF-500 Tray Former,Custom / complex machine,,,,812,Harvest Valley Foods,56,Modesto warehouse,Modesto,California,Dana Whitfield,dana@hv.example.com,+1 559 555 0142"  # noqa: E501


def read(*rows: str, header: str = HEADER) -> MachineExport:
    """The export of a file of a header and rows, read as the importer opens it."""
    text = "".join(f"{line}\r\n" for line in (header, *rows))
    return read_export(io.StringIO(text, newline=""), BESTPACK)


def refusal(*rows: str, header: str = HEADER) -> list[str]:
    """The problems a file of a header and rows is refused for."""
    with pytest.raises(ExportRefused) as refused:
        read(*rows, header=header)
    return refused.value.problems


def test_machines_with_their_customer_and_sites_as_netsuite_writes_them() -> None:
    export = read(ERECTOR, FORMER)

    erector, former = export.machines
    assert (erector.ref, erector.serial, erector.customer_ref) == ("4711", "CE4-10421", "812")
    assert erector.install_date == date(2024, 5, 3)  # M/D/YYYY, NetSuite's US default
    assert erector.contract_end == date(2027, 6, 30)  # ISO too
    assert erector.site == Site("55", "Fresno plant", "CA", "Fresno")
    assert former.complexity == "custom"  # the profile's label is read as its key
    assert former.site.state == "CA"  # the state's name is read as its code
    (customer,) = export.customers
    assert customer.name == "Harvest Valley Foods" and len(customer.sites) == 2
    assert customer.main_contact == Contact(
        "Dana Whitfield", "dana@hv.example.com", "+1 559 555 0142"
    )
    assert export.line_of == {"4711": 2, "4712": 3} and export.has_contacts


def test_only_the_required_columns_in_any_order_and_case_with_others_left_alone() -> None:
    header = (
        "\ufeffcustomer, Serial  Number,Saved Search Note,MODEL,Internal ID,Customer Internal ID"
    )
    export = read("Northwind Bottling,NC2-1,whatever,NC-2 Tape Head,9,813", header=header)

    (machine,) = export.machines
    assert (machine.serial, machine.model, machine.customer_name) == (
        "NC2-1", "NC-2 Tape Head", "Northwind Bottling",
    )  # fmt: skip
    assert machine.site is None and machine.complexity is None
    assert not export.has_contacts  # the stored contacts are then left as they are


def test_a_missing_required_column_is_named() -> None:
    (problem,) = refusal(ERECTOR, header=HEADER.replace("Serial Number,", "Serial,"))
    assert problem.startswith("line 1: the header lacks Serial Number")


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("CE4-10421", ""), "line 2: Serial Number is empty"),
        (("5/3/2024", "13/45/2024"), "line 2: Install Date '13/45/2024' is not a date"),
        (("standard", "complex"), "line 2: Complexity 'complex' is not one of the BestPack"),
        (("Fresno,CA", "Fresno,XX"), "line 2: Site State 'XX' is not a US state"),
        (("BP-400 Case Erector", "M" * 129), "line 2: Model is 129 characters long; at most 128"),
        (("55,Fresno plant", "55,"), "line 2: Site is empty, but Site Internal ID is 55"),
        (("+1 559 555 0142", "+1 559 555 0142,extra"), "line 2: 17 values, but the header has 16"),
    ],
)
def test_a_bad_row_is_refused_naming_its_line_and_what_is_wrong(change, said) -> None:
    problems = refusal(ERECTOR.replace(*change, 1), FORMER)
    assert len(problems) == 1 and problems[0].startswith(said), problems


def test_duplicates_and_disagreements_name_both_lines() -> None:
    twin = FORMER.replace("4712,TF5-20001", "4715,ce4-10421")  # line 2's serial, another case
    again = FORMER.replace("TF5-20001", "TF5-20002")  # Internal ID 4712 a second time
    renamed = FORMER.replace("4712,TF5-20001", "4713,TF5-20003").replace(",Harvest Valley", ",HV")
    moved = FORMER.replace("4712,TF5-20001", "4714,TF5-20004").replace("Modesto,Cal", "Reno,Cal")

    assert refusal(ERECTOR, twin, "", FORMER, again, renamed, moved) == [
        "line 3: serial ce4-10421 is also on line 2",
        "line 6: Internal ID 4712 is also on line 5",
        "line 7: customer 812 differs from line 2",
        "line 8: site 56 differs from line 3",
    ]


def test_a_quoted_value_over_two_lines_keeps_the_line_numbers_true() -> None:
    quoted = ERECTOR.replace("Fresno plant", '"Fresno plant\nline 3"')
    bad = FORMER.replace("TF5-20001", "")

    assert refusal(quoted, bad) == ["line 4: Serial Number is empty"]


def test_a_file_of_only_a_header_or_nothing_is_refused() -> None:
    assert refusal() == ["the file holds no machines, only a header"]
    with pytest.raises(ExportRefused, match="line 1: the header lacks Internal ID"):
        read_export([], BESTPACK)


def test_many_bad_rows_are_counted_past_the_first_fifty() -> None:
    problems = refusal(*(ERECTOR.replace("CE4-10421", "") for _ in range(60)))
    assert len(problems) == 51 and problems[-1] == "... and 10 more problems"
