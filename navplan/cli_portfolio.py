"""`navplan portfolio`: every office of a county on one line each, sorted by risk."""
