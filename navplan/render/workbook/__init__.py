"""Workbooks: the countdown workbook and the portfolio workbook (openpyxl)."""
