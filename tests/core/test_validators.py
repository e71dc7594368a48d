import pytest
from django.core.exceptions import ValidationError

from core.validators import (
    validate_bsn,
    validate_kvk_nummer,
    validate_rsin,
    validate_vestigingsnummer,
)


@pytest.mark.parametrize("bsn", ["999993653", "999990019", "111222333", "123456782"])
def test_valid_bsn(bsn):
    validate_bsn(bsn)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "999993654",
            "Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.",
        ),
        (
            "123456789",
            "Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.",
        ),
        (
            "000000000",
            "Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.",
        ),
        ("12345678", "Een BSN bestaat uit 9 cijfers; u vulde er 8 in."),
        ("1234567890", "Een BSN bestaat uit 9 cijfers; u vulde er 10 in."),
        ("12345678a", "Een BSN bestaat alleen uit cijfers."),
        ("", "Een BSN bestaat alleen uit cijfers."),
    ],
)
def test_invalid_bsn_messages(value, message):
    with pytest.raises(ValidationError) as exc:
        validate_bsn(value)
    assert exc.value.messages == [message]


def test_rsin():
    validate_rsin("002220647")
    with pytest.raises(ValidationError) as exc:
        validate_rsin("002220648")
    assert exc.value.messages == [
        "Dit RSIN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers."
    ]


def test_kvk_nummer():
    validate_kvk_nummer("68750110")
    for bad in ("6875011", "687501100", "6875011a", "68.75.01.10", ""):
        with pytest.raises(ValidationError) as exc:
            validate_kvk_nummer(bad)
        assert exc.value.messages == [
            "Een KvK-nummer bestaat uit precies 8 cijfers, zonder spaties of punten."
        ]


def test_vestigingsnummer():
    validate_vestigingsnummer("000012345678")
    with pytest.raises(ValidationError, match="12 cijfers"):
        validate_vestigingsnummer("12345")
