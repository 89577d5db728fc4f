"""`navplan export mspdi`: the schedule as Microsoft Project XML (MSPDI)."""
