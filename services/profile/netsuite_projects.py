"""The profile's optional [bp_search.netsuite_projects]: how process 6's project is written as a
NetSuite project (REST record `job`) when [bp_search] projects = "netsuite".

The ids are the account's own (Setup > Accounting lists, Customization > Entity Fields): which
exist is NetSuite's to say, and a wrong one comes back as a refusal told to the approver.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from services.profile.base import Frozen

# A NetSuite internal id as REST takes it: digits, negative for the built-in list values.
NetSuiteId = Annotated[str, Field(pattern=r"^-?[0-9]{1,12}$")]
# A custom entity field's script id, e.g. "custentity_sd_billable".
EntityField = Annotated[str, Field(pattern=r"^custentity[a-z0-9_]{1,90}$")]


class NetSuiteProjects(Frozen):
    """The fields a new project gets besides its name, dates, customer and scope."""

    # OneWorld accounts: the subsidiary the project belongs to (required there, absent elsewhere).
    subsidiary: NetSuiteId | None = None
    # The project status (entityStatus) a new project starts in; None: NetSuite's default.
    status: NetSuiteId | None = None
    # The project expense type (projectExpenseType); None: NetSuite's default.
    expense_type: NetSuiteId | None = None
    # "netsuite": the account numbers projects itself (auto-generated project ids) and the card
    # shows that number; "request": the project id (entityId) is the request's number.
    numbering: Literal["netsuite", "request"] = "netsuite"
    # A checkbox field ticked for billable work, cleared for non-billable; None: the billing is
    # said in the project's comments only.
    billable_field: EntityField | None = None
