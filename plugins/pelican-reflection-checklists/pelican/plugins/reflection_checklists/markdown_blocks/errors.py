"""The one exception an author's mistake raises: it carries the line to fix."""

from ..errors import OwnerError


class AuthoringError(OwnerError):
    """A checklist block an author must fix; `line` is 1-based in the source file."""

    def __init__(self, line, message, path=None):
        self.line = line
        self.message = message
        self.path = path
        super().__init__(str(self))

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.path else f"line {self.line}"
        return f"{where}: {self.message}"
