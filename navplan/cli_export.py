"""`navplan export`: the schedule written to files (xlsx first)."""
