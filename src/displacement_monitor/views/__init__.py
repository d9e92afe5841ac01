"""Presentation helpers for the dashboard: plotly figures, highlighted text, table shapes, intake notices."""
