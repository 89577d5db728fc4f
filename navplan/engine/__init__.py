"""The scheduling engine: the working-day calendar, the dependency graph
(networkx), the forward and backward passes, and the questions asked of a
schedule. Imports only :mod:`navplan.plan`; never prints, never reads the clock."""
