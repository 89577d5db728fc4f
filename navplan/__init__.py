"""navplan: a countdown planner for establishing NAV offices, built on NAV's
"Håndbok for etablering av NAV-kontor" (v2.0, 2007)."""

__version__ = "0.1.0"
