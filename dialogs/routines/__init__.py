"""The team's routines, from the profile's [routines]: scheduled, and a command each.

States of one message a routine owes a customer (a status update, or the closing warning
that dialogs/closure/warning.py asks for):
    DUE        the cadence or the silence says the customer should hear from the team
    SENT       the system of record could send it: the desk sent it and put it on the timeline
    RETRYING   the system is down or throttling: nothing recorded, asked again next run
    HANDED     it cannot send (no conversation to answer, no system at all): the ticket's
               owner gets the text, to edit and send themselves (once per due message)
    CONFIRMED  the owner pressed Sent it: recorded as sent by hand; for the closing warning
               the close's countdown starts only now
The daily check (daily.py) and the weekly queue review (weekly.py) only tell people.
"""
