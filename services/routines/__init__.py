"""The team's routines as the profile's [routines] sets them: the daily ticket check, the weekly
queue review and the status updates escalated tickets' customers are due (the closing warning
is the closure policy's, in services.tickets).

Each module reads tickets and says what is due; the dialogs tell people and send messages.
"""
