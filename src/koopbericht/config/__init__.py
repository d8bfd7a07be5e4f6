"""Settings of a working folder: koopbericht.toml (across years) and JAHR/vorlage.toml."""

from .load import CONFIG_FILE, load_settings
from .model import (
    Authority,
    Column,
    ColumnType,
    Contact,
    Department,
    OutputOptions,
    Partner,
    Settings,
    Vocabulary,
    match_key,
)
from .year import YEAR_FILE, Consultation, MasterData, YearSettings, load_year

__all__ = [
    "CONFIG_FILE",
    "YEAR_FILE",
    "Authority",
    "Column",
    "ColumnType",
    "Consultation",
    "Contact",
    "Department",
    "MasterData",
    "OutputOptions",
    "Partner",
    "Settings",
    "Vocabulary",
    "YearSettings",
    "load_settings",
    "load_year",
    "match_key",
]
