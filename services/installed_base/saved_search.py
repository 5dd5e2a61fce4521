"""A NetSuite saved-search export of machines (CSV, one row per machine with its customer and
site) read into the installed base's values, or refused with every bad row's line number.

Nothing is half-read: one bad row refuses the whole file, so an import loads all or nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from services.installed_base.export_columns import (
    COLUMNS,
    CONTACT_FIELDS,
    CellError,
    label_key,
    read_cell,
)
from services.installed_base.model import Contact, Customer, Machine, Site
from services.installed_base.records import search_key
from services.profile import Profile

MAX_ROWS = 250_000  # far above any installed base; a bigger file is not a machine export
MAX_PROBLEMS = 50  # told, of a file with more; the rest are counted


class ExportRefused(Exception):
    """The file cannot be loaded; `problems` says where and why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class MachineExport:
    """What a valid export holds, and where each record came from (for later refusals)."""

    customers: list[Customer] = field(default_factory=list)
    machines: list[Machine] = field(default_factory=list)
    line_of: dict[str, int] = field(default_factory=dict)  # a machine's ref -> its line
    has_contacts: bool = False  # the file has main-contact columns at all


def read_export(lines: Iterable[str], profile: Profile) -> MachineExport:
    """The export's customers and machines; ExportRefused naming every bad line."""
    reader = csv.reader(iter(lines))
    try:
        header = next(reader, None) or []
        columns = _columns(header)
        problems: list[str] = []
        rows: list[tuple[int, dict[str, Any]]] = []
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1  # a quoted value may span lines
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) == MAX_ROWS:
                raise ExportRefused([f"line {line}: more than {MAX_ROWS:,} machines in one file"])
            if len(cells) > len(header):
                problems.append(
                    f"line {line}: {len(cells)} values, but the header has {len(header)}"
                )
                continue
            values, trouble = _values(cells, columns, profile)
            problems += [f"line {line}: {what}" for what in trouble]
            rows.append((line, values))
    except csv.Error as error:  # a NUL byte, a quote never closed
        raise ExportRefused([f"line {reader.line_num}: not readable as CSV ({error})"]) from error
    export = _assemble(rows, problems)
    export.has_contacts = any(name in columns for name in CONTACT_FIELDS)
    if not rows and not problems:
        problems.append("the file holds no machines, only a header")
    if problems:
        told = problems[:MAX_PROBLEMS]
        more = len(problems) - len(told)
        raise ExportRefused(told + ([f"... and {more} more problems"] if more else []))
    return export


def _columns(header: list[str]) -> dict[str, int]:
    """{column name: position} of the header's known columns; refused if a required one lacks.

    Other columns are left alone: a saved search may show more than the import reads.
    """
    by_label = {label_key(column.label): name for name, column in COLUMNS.items()}
    found: dict[str, int] = {}
    for position, label in enumerate(header):
        name = by_label.get(label_key(label.lstrip("\ufeff")))
        if name in found:
            raise ExportRefused([f"line 1: the column {COLUMNS[name].label} comes twice"])
        if name is not None:
            found[name] = position
    missing = [c.label for n, c in COLUMNS.items() if c.required and n not in found]
    if missing:
        raise ExportRefused(
            [f"line 1: the header lacks {', '.join(missing)} (docs/installed-base.md lists the "
             "columns a machine export needs)"]
        )  # fmt: skip
    return found


def _values(
    cells: list[str], columns: dict[str, int], profile: Profile
) -> tuple[dict[str, Any], list[str]]:
    """One row's values by column name, and what is wrong with it."""
    values: dict[str, Any] = dict.fromkeys(COLUMNS)
    trouble: list[str] = []
    for name in COLUMNS:
        position = columns.get(name)
        text = cells[position] if position is not None and position < len(cells) else None
        try:
            values[name] = read_cell(name, text, profile)
        except CellError as error:
            trouble.append(str(error))
    if values["site_ref"] and not values["site"]:
        trouble.append(f"Site is empty, but Site Internal ID is {values['site_ref']}")
    if values["site"] and not values["site_ref"]:
        trouble.append(f"Site Internal ID is empty, but Site is '{values['site']}'")
    return values, trouble


def _assemble(rows: list[tuple[int, dict[str, Any]]], problems: list[str]) -> MachineExport:
    """Customers, sites and machines from the rows; the same ref must say the same each time."""
    export = MachineExport()
    serial_line: dict[str, int] = {}
    customers: dict[str, tuple[int, Customer]] = {}
    sites: dict[str, tuple[int, str, Site]] = {}
    for line, v in rows:
        if None in (v["ref"], v["serial"], v["model"], v["customer_ref"], v["customer"]):
            continue  # already refused for what it lacks
        key = search_key(v["serial"])
        if key in serial_line:
            problems.append(f"line {line}: serial {v['serial']} is also on line {serial_line[key]}")
        elif v["ref"] in export.line_of:
            problems.append(
                f"line {line}: Internal ID {v['ref']} is also on line {export.line_of[v['ref']]}"
            )
        serial_line.setdefault(key, line)
        contact = None
        if v["contact"]:
            contact = Contact(v["contact"], v["contact_email"], v["contact_phone"])
        customer = Customer(v["customer_ref"], v["customer"], main_contact=contact)
        first = customers.setdefault(customer.ref, (line, customer))
        if first[1] != customer:
            problems.append(f"line {line}: customer {customer.ref} differs from line {first[0]}")
        site = None
        if v["site_ref"]:
            site = Site(v["site_ref"], v["site"], v["site_state"], v["site_city"])
            seen = sites.setdefault(site.ref, (line, customer.ref, site))
            if seen[1:] != (customer.ref, site):
                problems.append(f"line {line}: site {site.ref} differs from line {seen[0]}")
        export.line_of.setdefault(v["ref"], line)
        export.machines.append(
            Machine(
                v["ref"], v["serial"], v["model"], customer.ref, customer.name, v["complexity"],
                site, v["install_date"], v["warranty_end"], v["contract_end"],
            )
        )  # fmt: skip
    site_lists: dict[str, list[Site]] = {}
    for _, owner, site in sites.values():
        site_lists.setdefault(owner, []).append(site)
    export.customers = [
        Customer(c.ref, c.name, tuple(site_lists.get(c.ref, ())), c.main_contact)
        for _, c in customers.values()
    ]
    return export
