"""Statistics of the requests per collectivity: admin pages with charts, open-data CSV.

Computed only from what anonymisation keeps (collectivity, procedure, status, months,
processing time), so they read the same before and after it.
"""
