"""An expat parser that refuses what no spreadsheet program writes into a worksheet: DTDs and entities.

Like defusedxml, it stops an XML bomb before anything is expanded; both worksheet scans use it.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.parsers import expat


def guarded_parser(refuse: Callable[..., int]) -> expat.XMLParserType:
    """A new expat parser whose DTD and entity handlers call `refuse` (which raises)."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    return parser
