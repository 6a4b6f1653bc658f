"""Read-side queries and derived values (coverage, delivered totals, stocks against targets).

They read records and return pandas frames; they never write.
"""
