"""The one domain error type. Services raise it; every caller renders it the same way
(form error, problem+json, message)."""


class DomainError(Exception):
    """A business rule said no. `message` is Dutch and tells the user what to fix."""

    status = 400

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """The object does not exist, or the caller may not know that it exists."""

    status = 404

    def __init__(self, message: str = "Niet gevonden.", *, code: str = "not_found", field=None):
        super().__init__(message, code=code, field=field)


class NotAllowed(DomainError):
    """The caller may see the object but not do this with it."""

    status = 403

    def __init__(
        self,
        message: str = "U heeft geen rechten voor deze handeling.",
        *,
        code="permission_denied",
        field=None,
    ):
        super().__init__(message, code=code, field=field)


class Conflict(DomainError):
    """Somebody else changed the object first (a claim race, a double submit)."""

    status = 409

    def __init__(self, message: str, *, code: str = "conflict", field: str | None = None):
        super().__init__(message, code=code, field=field)
