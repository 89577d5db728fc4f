"""The command line: one module per group of commands, the app assembled in
:mod:`navplan.cli.app`. Commands parse options, call the library, and hand
the result to a renderer; no rule of the plan lives here."""
