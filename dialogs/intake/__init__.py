"""Process 1 of The BestPack Support Way, Ticket Intake & Triage: the intake half.

`new ticket` walks a person through the profile's intake form and files the ticket; triage
takes it from there (dialogs.triage).

States of an intake form:

    FORM_SENT ──File, with problems──> FORM_REFUSED ──File──> ...
        │  └──File, clean, similar solved problems found──> SUGGESTED ──File anyway──> FILED
        ├──File, clean──> FILED
        └──Cancel──> CANCELLED

    FORM_SENT     the intake card, with a fresh form id
    FORM_REFUSED  the same card, errors shown, every value kept
    SUGGESTED     published KB articles look like the description (process 7,
                  dialogs.knowledge): the same card with "Similar solved problems" on top,
                  every value kept; it files with "File anyway"
    FILED         one ticket per form id (a double click or a Teams retry finds the same
                  ticket); the triage card is posted (dialogs.triage.notices.post_triage_card)
                  and the form becomes a read-only summary, or, for a filer who triages, that
                  triage card itself (one card, not a summary and a copy)

A priority left empty follows the profile's rules on filing (a card cannot react to a toggle
by itself), and the filed card says so beside it; no subject: the description's summary.
    CANCELLED     the form says nothing was filed

Commands: `new ticket` (new, intake, open ticket).
Card verbs: intake.submit, intake.cancel.
"""
