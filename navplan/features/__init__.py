"""What people do with a schedule: record progress, start a plan, compare with
git history, report to the steering group, sum up a county, sync a workbook,
see their own work. Each is callable without the command line."""
