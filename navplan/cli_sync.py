"""`navplan sync`: progress read back from a workbook into the plan file."""
