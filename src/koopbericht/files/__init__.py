"""The operating-system edge.

Safe writes to a temporary file moved into place (`atomic`), OS errors in German (`oserrors`),
paths as the user reads them (`paths`).
"""
