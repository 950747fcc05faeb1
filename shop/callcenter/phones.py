"""Cuban phone numbers as people say them, to the E.164 form addresses store."""

import re

COUNTRY_CODE = "53"
NATIONAL_DIGITS = 8  # mobiles 5XXXXXXX, landlines with their area code


def phone_normalise(text: str) -> str | None:
    """ "+53 5 123 4567", "53 51234567", "0053-5123-4567", "5123 4567" → "+5351234567";
    None when the text is not a Cuban number."""
    text = (text or "").strip()
    if not re.fullmatch(r"[+\d\s().\-/]{7,24}", text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        digits = digits if digits.startswith(COUNTRY_CODE) else ""
    elif digits.startswith("00" + COUNTRY_CODE):
        digits = digits[2:]
    elif len(digits) == NATIONAL_DIGITS:
        digits = COUNTRY_CODE + digits
    national = digits[len(COUNTRY_CODE) :]
    if not digits.startswith(COUNTRY_CODE) or len(national) != NATIONAL_DIGITS:
        return None
    return f"+{digits}"
