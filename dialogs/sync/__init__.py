"""Where the sync to the system of record stands, for managers (`sync status`)."""
