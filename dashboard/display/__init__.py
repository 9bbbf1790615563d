"""Results as page-ready frames: one row per period or segment, columns named for people.

Engines return typed results (`GapSeries`, `KpiCells`, comparisons); pages need small tables
with readable headers and the chart frames the builders in `dashboard.charts` expect. Each
module here turns one engine's results into those, so pages stay wiring only.
"""
