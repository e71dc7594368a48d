"""Validation of Dutch identifiers: BSN and RSIN (elfproef), KvK-nummer, vestigingsnummer.
Messages are Dutch and say what to fix."""

from django.core.exceptions import ValidationError


def _elfproef(value: str) -> bool:
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and any(digits)


def _check_nine_digits(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value.isdigit():
        raise ValidationError(f"Een {label} bestaat alleen uit cijfers.", code="invalid")
    if len(value) != 9:
        raise ValidationError(
            f"Een {label} bestaat uit 9 cijfers; u vulde er {len(value)} in.", code="invalid"
        )
    return value


def validate_bsn(value: str) -> None:
    value = _check_nine_digits(value, "BSN")
    if not _elfproef(value):
        raise ValidationError(
            "Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.",
            code="elfproef",
        )


def validate_rsin(value: str) -> None:
    value = _check_nine_digits(value, "RSIN")
    if not _elfproef(value):
        raise ValidationError(
            "Dit RSIN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.",
            code="elfproef",
        )


def validate_kvk_nummer(value: str) -> None:
    value = (value or "").strip()
    if not value.isdigit() or len(value) != 8:
        raise ValidationError(
            "Een KvK-nummer bestaat uit precies 8 cijfers, zonder spaties of punten.",
            code="invalid",
        )


def validate_vestigingsnummer(value: str) -> None:
    value = (value or "").strip()
    if not value.isdigit() or len(value) != 12:
        raise ValidationError(
            "Een vestigingsnummer bestaat uit precies 12 cijfers.", code="invalid"
        )


def is_valid_bsn(value: str) -> bool:
    try:
        validate_bsn(value)
    except ValidationError:
        return False
    return True
