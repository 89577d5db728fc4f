"""`navplan done`, `start` and `set`: progress and local changes written into the plan file."""
