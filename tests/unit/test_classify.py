import pytest

from orchestration.extract.classify import UNKNOWN, classify_government, classify_kind


@pytest.mark.parametrize(
    ("prefix", "kind", "government_code"),
    [
        ("000", "candidate_disclosure", "6110000"),  # 서울특별시의회의원선거 (구로구 제1선거구)
        ("001", "pledge_list", "3170000"),  # 금천구
        ("002", "pledge_investment_plan", "3600000"),  # 광주광역시 서구 (서구 alone is ambiguous)
        ("003", "news_article", "3170000"),
        ("004", "work_plan", "3170000"),
    ],
)
def test_seed_kinds_and_governments_come_from_content(prefix, kind, government_code, governments, seed_text):
    text = seed_text(prefix)
    detected, _ = classify_kind(text)
    assert detected == kind
    assert classify_government(text, detected, governments).code == government_code


def test_text_of_no_known_kind_is_unknown():
    kind, scores = classify_kind("회의록\n참석자 명단\n안건 1. 청사 관리 규정 개정\n")
    assert kind == UNKNOWN
    assert max(scores.values()) < 3


def test_ambiguous_district_needs_its_city(governments):
    assert governments.best("서구청은 오늘 발표했다") is None
    assert governments.best("대전광역시 서구청은 오늘 발표했다").code == "3660000"
    assert governments.best("부산 서구 주민").code == "3260000"
    assert governments.best("강서구 소식") is None  # 서울 and 부산 both have one; 서구 is not inside it
