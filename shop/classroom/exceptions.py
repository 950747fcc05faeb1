"""What the classroom refuses, each with a code from `ClassroomErrorCode`."""

from shop.core.errors import DomainError


class ClassroomRefused(DomainError):
    """A lesson, an answer sheet or a course change that cannot be recorded; nothing
    changed."""
