"""The one exception an author's mistake raises: it carries the line to fix."""

from ..errors import OwnerError


class AuthoringError(OwnerError):
    """A block an author must fix; `line` is 1-based in the source file.

    The source scan reads a whole file before it stops, so one error may carry the file's
    other mistakes too (`also`, in line order): `mistakes` lists them all, each to be
    reported (and counted) once.
    """

    def __init__(self, line, message, path=None, also=()):
        self.line = line
        self.message = message
        self.path = path
        self.also = list(also)
        super().__init__(str(self))

    @property
    def mistakes(self):
        return [self, *self.also]

    def __str__(self):
        return "\n".join(f"{self.path}:{mistake.line}: {mistake.message}" if self.path
                         else f"line {mistake.line}: {mistake.message}" for mistake in self.mistakes)
