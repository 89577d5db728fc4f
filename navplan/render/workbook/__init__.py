"""Workbooks: the countdown workbook and the portfolio workbook, described once as sheets
(sheet_model) and written as .xlsx (openpyxl) or .ods (odfpy)."""
