"""Process 1 of The BestPack Support Way, Ticket Intake & Triage: the intake half.

`new ticket` walks a person through the profile's intake form and files the ticket; triage
takes it from there (dialogs.triage).

States of an intake form:

    FORM_SENT ──File, with problems──> FORM_REFUSED ──File──> ...
        │  └──File, clean, a strong match, not urgent──> SUGGESTED ──File anyway──> FILED
        ├──File, clean──> FILED (weaker matches, or any for an urgent call, shown beside it)
        └──Cancel──> CANCELLED

    FORM_SENT     the intake card, with a fresh form id
    FORM_REFUSED  the same card, errors shown, every value kept
    SUGGESTED     a published KB article matches the call strongly (ranked search, several
                  meaningful terms, machine model and issue type counting: process 7,
                  services.knowledge.matching) and the call is neither urgent nor machine
                  down: the same card with "Similar solved problems" on top, every value
                  kept; it files with "File anyway", and holds a form only once
    FILED         one ticket per form id (a double click or a Teams retry finds the same
                  ticket); the triage card is posted (dialogs.triage.notices.post_triage_card)
                  and the form becomes a read-only summary, or, for a filer who triages, that
                  triage card itself (one card, not a summary and a copy); either shows any
                  weaker match (or the strong one of an urgent call) as "Solved problems that
                  may be related"

A priority left empty follows the profile's rules on filing (a card cannot react to a toggle
by itself), and the filed card says so beside it; no subject: the description's summary.
    CANCELLED     the form says nothing was filed

Commands: `new ticket` (new, intake, open ticket).
Card verbs: intake.submit, intake.cancel.
"""
