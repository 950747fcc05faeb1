from enum import StrEnum


class ClassroomErrorCode(StrEnum):
    ANSWERS_MISSING = "answers_missing"
    CHECK_EMPTY = "check_empty"
    COURSE_NOT_PUBLISHED = "course_not_published"
    LESSONS_UNREAD = "lessons_unread"
    SLUG_TAKEN = "slug_taken"
