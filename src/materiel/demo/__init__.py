"""The synthetic demo scenario: one recipient, two dozen donors, a year of pledges and
deliveries, stocks, production lines, funds and meetings — seeded and reproducible, calibrated
on public figures where they exist (docs/data-sources.md). All figures are synthetic."""

from materiel.demo.generate import DemoPlan, build_plan, source_label
from materiel.demo.load import DemoSummary, has_demo_records, load_demo

__all__ = ["DemoPlan", "DemoSummary", "build_plan", "has_demo_records", "load_demo", "source_label"]
