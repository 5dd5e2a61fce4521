"""Process 1 of The BestPack Support Way, Ticket Intake & Triage: the intake half.

`new ticket` walks a person through the profile's intake form and files the ticket; triage
takes it from there (dialogs.triage).

States of an intake form:

    FORM_SENT ──File, with problems──> FORM_REFUSED ──File──> ...
        │  └──File, clean, a strong match, not urgent──> SUGGESTED ──File anyway──> FILED
        ├──File, clean──> FILED (weaker matches, or any for an urgent call, shown beside it)
        ├──Fill from BP Search──> FILLED ──File──> ... (as from FORM_SENT)
        └──Cancel──> CANCELLED

    FORM_SENT     the intake card, with a fresh form id; its serial number and company inputs
                  search BP Search as the person types (dialogs.intake.typeahead: datasets
                  bp.machines and bp.customers, answered through `application/search`)
    FILLED        the same card (same form id) with what the installed base knows about the
                  picked (or exactly typed) machine or customer, every other value kept and
                  a line saying what was filled; nothing found, or BP Search not answering
                  within [bp_search] timeout_seconds, brings the form back as it was, saying so
                  (dialogs.intake.fill)
    FORM_REFUSED  the same card, errors shown, every value kept
    SUGGESTED     a published KB article matches the call strongly (ranked search, several
                  meaningful terms, machine model and issue type counting: process 7,
                  services.knowledge.matching) and the call is neither urgent nor machine
                  down: the same card with "Similar solved problems" on top, every value
                  kept; it files with "File anyway", and holds a form only once
    FILED         one ticket per form id (a double click or a Teams retry finds the same
                  ticket), holding the machine's and customer's refs when they were picked in
                  BP Search and the installed base confirms them (none for typed text); the
                  triage card is posted (dialogs.triage.notices.post_triage_card)
                  and the form becomes a read-only summary, or, for a filer who triages, that
                  triage card itself (one card, not a summary and a copy); either shows any
                  weaker match (or the strong one of an urgent call) as "Solved problems that
                  may be related"

A priority left empty follows the profile's rules on filing (a card cannot react to a toggle
by itself), and the filed card says so beside it; no subject: the description's summary.
    CANCELLED     the form says nothing was filed

Commands: `new ticket` (new, intake, open ticket).
Card verbs: intake.submit, intake.fill, intake.cancel.
Typeaheads: bp.machines, bp.customers.
"""
