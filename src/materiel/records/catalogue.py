"""The item catalogue: codes such as ``ammo.artillery.155mm`` with units, values and aliases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base

#: Item categories, exactly those of the labelled announcement texts (ingest-eval/README.md).
CATEGORIES: tuple[str, ...] = (
    "artillery-ammunition",
    "artillery-system",
    "rocket-artillery-system",
    "rocket-artillery-ammunition",
    "air-defence-system",
    "air-defence-missile",
    "anti-tank-weapon",
    "main-battle-tank",
    "armoured-vehicle",
    "small-arms",
    "small-arms-ammunition",
    "drone",
    "aircraft",
    "helicopter",
    "naval",
    "vehicle",
    "demining",
    "medical",
    "other-military",
    "unspecified",
)


class Item(Base):
    __tablename__ = "item"

    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40), index=True)
    calibre: Mapped[str | None] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(30))
    unit_value: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    aliases: Mapped[list[Any]] = mapped_column(default=list)
