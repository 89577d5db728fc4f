"""Output: each module lays out one kind of output (terminal tables, JSON/CSV,
workbooks, iCalendar, MS Project XML, reports) from what the core computed.
:mod:`navplan.render.labels` holds the words they share and imports no rich."""
