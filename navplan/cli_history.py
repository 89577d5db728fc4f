"""`navplan diff` and `navplan report`: what moved since a git revision, and the steering-group report."""
