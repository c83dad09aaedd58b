"""Personal contact data (phone numbers, e-mail addresses, bank accounts, street addresses) masked
out of a line.

Candidate leaflets print the candidate's mobile number, e-mail, donation account and office
address. None of it may reach the lake or the marts, so every line is masked as it is read,
before anything is stored. Digits become ``#`` (the shape stays, so an auditor sees that a number
was there), e-mail addresses become ``[e-mail]``, and the value of a line labelled as an address
(``주소 :``, ``선거사무소 :``) becomes ``[주소]``. Line numbers do not change. Places named in
pledges and work plans (``고척로 27다길 56 주변 도로열선 설치``) are not anybody's address and stay.
"""

from __future__ import annotations

import re

MASK = "#"
EMAIL_MASK = "[e-mail]"
ADDRESS_MASK = "[주소]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Korean phone numbers start with 0 (010 mobile, 02 Seoul, 0xx regions, 070 internet lines).
_PHONE = re.compile(r"(?<![\d#-])0\d{1,2}[-.)\s]\s*\d{3,4}[-.\s]\d{4}(?![\d#])|(?<![\d#])01[016789]\d{7,8}(?![\d#])")
# Bank accounts: three or more dash-separated digit groups, the last long (100-0003-75746).
_ACCOUNT = re.compile(r"(?<![\d#-])\d{2,6}(?:-\d{2,7}){1,3}-\d{4,8}(?![\d#])")
_ADDRESS = re.compile(r"^(?P<label>[^:：]{0,20}(?:주\s*소|사\s*무\s*소|address)\s*[:：]\s*)(?P<value>\S.*?)(?P<end>\s*)$",
                      re.IGNORECASE)
# A masked run as it appears in stored text, so the number accounting can still count it.
MASKED_TOKEN = re.compile(r"#{2,}(?:[-.)\s]\s*#{2,})+|#{9,}")


def mask_contacts(line: str) -> str:
    line = _ADDRESS.sub(lambda m: m["label"] + ADDRESS_MASK + m["end"], line)
    line = _EMAIL.sub(EMAIL_MASK, line)
    line = _PHONE.sub(_mask_digits, line)
    return _ACCOUNT.sub(_mask_digits, line)


def _mask_digits(match: re.Match) -> str:
    return re.sub(r"\d", MASK, match.group(0))
