"""A synthetic corpus of local-government filings, deterministic by seed, with the facts each holds.

The five kinds of the seed filings are written again for other governments (the government seed),
other years, other departments, projects, pledges and candidates, other amounts, and other table
layouts (tabs, aligned spaces, pipe rows, one cell per line, single spaces), with names spaced
inside (``기 획 예 산 과``) as real filings print them. Every total is computed from its parts, so a
filing adds up unless a test changes it on purpose.

Beside the filings the generator writes ``expected.jsonl``: per filing its kind, its government
and every fact of the tables its kind fills, in the lake's own terms (``FACT_FIELDS``). A
benchmark run checks that extraction gave exactly those facts, so a faster parser that reads less
is caught.

    .venv/bin/python -m benchmarks.corpus OUT_DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOVERNMENT_SEED = REPO / "dbt_project" / "seeds" / "governments.csv"

# The facts compared per lake table, by column. A kind claims its tables whole: extraction must
# give these rows and no others.
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "staffing": ("org_unit", "grade", "authorized", "current", "statement"),
    "department_budgets": ("org_unit", "category", "fiscal_year", "amount_krw"),
    "projects": ("org_unit", "seq", "project_name", "status"),
    "project_budgets": ("org_unit", "project_seq", "statement", "funding_source", "period_label", "amount_krw"),
    "pledges": ("pledge_code", "title", "strategy", "department"),
    "pledge_investments": ("pledge_code", "period_label", "amount_krw"),
    "candidates": ("name", "party", "ballot_number", "sex", "birth_date"),
    "candidate_finance": ("measure", "relation", "person", "statement", "amount_krw"),
    "news_claims": ("subject", "value", "unit"),
}
KIND_TABLES: dict[str, tuple[str, ...]] = {
    "work_plan": ("staffing", "department_budgets", "projects", "project_budgets"),
    "pledge_list": ("pledges",),
    "pledge_investment_plan": ("pledges", "pledge_investments"),
    "candidate_disclosure": ("candidates", "candidate_finance"),
    "news_article": ("news_claims",),
}
# Share of each kind in the corpus: per government and year one work plan, pledge list and
# investment plan; candidates and news are the many small filings.
KIND_WEIGHTS = {"work_plan": 0.15, "pledge_list": 0.15, "pledge_investment_plan": 0.15,
                "candidate_disclosure": 0.3, "news_article": 0.25}
LAYOUTS = ("tab", "aligned", "pipe")

BUREAUS = ("기획경제국", "행정관리국", "복지문화국", "도시환경국", "안전건설국", "주민생활국", "미래전략실")
DEPARTMENTS = ("기획예산과", "지역경제과", "일자리정책과", "재무과", "세무1과", "세무2과", "총무과", "자치행정과",
               "문화체육과", "교육지원과", "복지정책과", "가족정책과", "보건정책과", "환경과", "청소행정과",
               "공원녹지과", "교통행정과", "주차관리과", "도시계획과", "주거정비과", "건축과", "치수과", "도로과",
               "안전재난과", "민원여권과", "홍보전산과", "감사담당관", "스마트도시과")
TEAMS = ("정책기획팀", "예산팀", "성과관리팀", "운영지원팀", "시설관리팀", "협력사업팀", "조성팀", "안전점검팀",
         "복지지원팀", "문화예술팀", "교육협력팀", "교통안전팀", "보행환경팀", "도시재생팀", "민원처리팀", "징수팀")
GRADES = ("3급", "4급", "5급", "6급", "7급", "8급", "9급")
BUDGET_CATEGORIES = ("정책사업비", "행정운영경비", "재무활동비")
SUBJECTS = ("전통시장", "청년 일자리", "공영주차장", "어르신 돌봄", "공공도서관", "생활체육시설", "하천 산책로",
            "스마트 가로등", "마을버스 노선", "주민자치회", "지역화폐", "탄소중립 실천", "반려동물 문화",
            "창업지원센터", "골목상권", "보행환경", "어린이 놀이터", "재난안전 체계", "어린이 통학로",
            "평생학습", "공유재산", "지방세 체납", "민원 서비스", "위원회 운영", "노동자 권익")
ACTIONS = ("활성화 지원", "조성 및 운영", "확충 사업", "개선 추진", "체계 구축", "환경 정비", "서비스 강화",
           "시설 현대화", "관리 강화", "기반 마련")
PLEDGE_AREAS = (("지역개발", "살기 좋은 도시 기반"), ("교육문화", "배움과 문화가 있는 도시"),
                ("복지", "함께 돌보는 복지도시"), ("경제", "일자리가 넘치는 경제도시"),
                ("환경", "깨끗하고 푸른 환경도시"), ("안전", "안심하고 사는 안전도시"), ("행정", "소통하는 열린 행정"))
PARTIES = ("더불어민주당", "국민의힘", "조국혁신당", "개혁신당", "진보당", "무소속")
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("미주", "서연", "민준", "지호", "하은", "도윤", "수빈", "예준", "지우", "현우", "서윤", "건우", "유진", "태민")
OUTLETS = ("아시아통신", "지역일보", "시민신문", "행정뉴스", "나라경제")
LOCAL_PURSE = {"자치구": "구비", "시": "시비", "군": "군비"}


@dataclass(frozen=True)
class Government:
    code: str
    name: str
    full_name: str
    short_name: str
    kind: str
    parent_code: str
    parent_full_name: str


@dataclass
class Filing:
    path: str                # relative to the raw dir
    kind: str
    government_code: str
    text: str
    facts: dict[str, list[list]] = field(default_factory=dict)

    def expected(self) -> dict:
        return {"path": self.path, "kind": self.kind, "government_code": self.government_code,
                "facts": {table: self.facts.get(table, []) for table in KIND_TABLES[self.kind]}}


def load_governments(path: Path = GOVERNMENT_SEED) -> list[Government]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    upper = {row["government_code"]: row["full_name_ko"] for row in rows if row["level"] == "광역"}
    return [Government(row["government_code"], row["name_ko"], row["full_name_ko"], row["short_name_ko"], row["kind"],
                       row["parent_code"], upper[row["parent_code"]])
            for row in rows
            if row["level"] == "기초" and not row["valid_to"] and not row["valid_from"] and row["parent_code"] in upper]


# --- printing ---------------------------------------------------------------------------------

def money(value: int) -> str:
    return f"{value:,}"


def signed(value: int) -> str:
    return f"△{-value:,}" if value < 0 else f"{value:,}"


def hundredths(value: int) -> str:
    """An amount kept in hundredths (of 백만원), printed as filings do: 57,421.4 and 24,348."""
    whole, cents = divmod(value, 100)
    return f"{whole:,}" if cents == 0 else f"{whole:,}.{cents:02d}".rstrip("0")


def spaced(name: str, rng: random.Random) -> str:
    """A name as a table may print it: whole, or a space between every syllable."""
    return " ".join(name) if rng.random() < 0.3 else name


def table(rows: list[list[str]], layout: str) -> list[str]:
    if layout == "tab":
        return ["\t".join(row).rstrip("\t") if not row[-1] else "\t".join(row) for row in rows]
    if layout == "pipe":
        return ["| " + " | ".join(row) + " |" for row in rows]
    width = max(len(row) for row in rows)
    widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(width)]
    return ["   ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]


# --- the five kinds ----------------------------------------------------------------------------

def _project_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}"
        if name not in taken:
            taken.add(name)
            return name


def _staff(rng: random.Random) -> dict[str, tuple[int, int]]:
    counts = {"3급": (0, 0), "4급": (0, 0), "5급": (1, 1)}
    for grade, low, high in (("6급", 3, 9), ("7급", 3, 12), ("8급", 2, 10), ("9급", 1, 6)):
        authorized = rng.randint(low, high)
        counts[grade] = (authorized, max(0, authorized + rng.randint(-2, 2)))
    return counts


def _staff_row(label: str, counts: dict[str, tuple[int, int]]) -> list[str]:
    total = (sum(a for a, _ in counts.values()), sum(c for _, c in counts.values()))
    return [label, f"{total[0]} ({total[1]})", *(f"{a} ({c})" for a, c in counts.values())]


def _staff_facts(unit: str, counts: dict[str, tuple[int, int]], statement: str) -> list[list]:
    total = [unit, "total", sum(a for a, _ in counts.values()), sum(c for _, c in counts.values()), statement]
    return [total] + [[unit, grade, a, c, statement] for grade, (a, c) in counts.items()]


def work_plan(rng: random.Random, government: Government, year: int, layout: str) -> tuple[str, dict]:
    bureau = rng.choice(BUREAUS)
    departments = rng.sample(DEPARTMENTS, rng.randint(2, 6))
    purse = LOCAL_PURSE.get(government.kind, "구비")
    upper_purse = "도비" if government.parent_full_name.endswith("도") else "시비"
    facts: dict[str, list[list]] = {table: [] for table in KIND_TABLES["work_plan"]}
    staff = {d: _staff(rng) for d in departments}
    bureau_staff = {g: (sum(staff[d][g][0] for d in departments), sum(staff[d][g][1] for d in departments))
                    for g in GRADES}
    teams = {d: rng.sample(TEAMS, rng.randint(2, 5)) for d in departments}
    lines = ["", "", f"{year}년 주요업무계획", "", f"{year - 1}. 11.", "", government.full_name, "", "",
             bureau, "", *(f"- {d}" for d in departments), "", "I. 일반현황", "", "1 조직 및 인력", "",
             f"□ 조직현황 : {len(departments)}과 {sum(len(t) for t in teams.values())}팀", ""]
    authorized, current = (sum(a for a, _ in bureau_staff.values()), sum(c for _, c in bureau_staff.values()))
    lines += [f"□ 인력현황 : 정원 {authorized}명 [현원 {current}명]", "",
              f"정원(현원), (기준일 : {(year - 1) % 100}. 10월 말)", ""]
    lines += table([["부 서 명", "합 계", *GRADES], _staff_row(bureau, bureau_staff),
                    *(_staff_row(spaced(d, rng), staff[d]) for d in departments)], layout)
    facts["staffing"] += [[bureau, "total", authorized, current, "headline"]]
    facts["staffing"] += _staff_facts(bureau, bureau_staff, "summary_table")
    for d in departments:
        facts["staffing"] += _staff_facts(d, staff[d], "summary_table")

    budgets = {d: {c: (rng.randint(20_000, 9_000_000) if c == "정책사업비" else
                       rng.randint(20_000, 300_000) if c == "행정운영경비" else rng.choice((0, 0, 0, 15_000)),
                       0) for c in BUDGET_CATEGORIES} for d in departments}
    for d in departments:
        budgets[d] = {c: (now, max(0, now + rng.randint(-now // 3, now // 3))) for c, (now, _) in budgets[d].items()}
    rows = [["구 분", "", f"{year}년", f"{year - 1}년 (당초예산)", "증 감", "증감률(%)"]]

    def budget_row(label: str, sub: str, now: int, before: int) -> list[str]:
        rate = "0" if before == 0 else f"{(Decimal(now - before) * 100 / before).quantize(Decimal('0.01'))}"
        rate = rate.replace("-", "△ ") if rate.startswith("-") else rate
        return [label, sub, money(now), money(before), signed(now - before), rate]

    totals = [sum(v[i] for d in departments for v in budgets[d].values()) for i in (0, 1)]
    rows.append(budget_row("합 계", "", *totals))
    facts["department_budgets"] += [[bureau, "total", year, totals[0] * 1000], [bureau, "total", year - 1, totals[1] * 1000]]
    for d in departments:
        sums = [sum(v[i] for v in budgets[d].values()) for i in (0, 1)]
        rows.append(budget_row(spaced(d, rng), "계", *sums))
        facts["department_budgets"] += [[d, "total", year, sums[0] * 1000], [d, "total", year - 1, sums[1] * 1000]]
        for category, (now, before) in budgets[d].items():
            rows.append(budget_row("", category, now, before))
            facts["department_budgets"] += [[d, category, year, now * 1000], [d, category, year - 1, before * 1000]]
    lines += ["", "2 예산현황", "", "(단위: 천원)", ""] + table(rows, layout) + ["", ""]

    taken: set[str] = set()
    for d in departments:
        a, c = (sum(x for x, _ in staff[d].values()), sum(y for _, y in staff[d].values()))
        lines += [d, "", *(f"- {t}" for t in teams[d]), "", "일 반 현 황", "", f"조직현황 : {len(teams[d])}팀", "",
                  f"인력현황 : 정원 {a}명 [현원 {c}명]", "", f"정원(현원), (기준일 : {(year - 1) % 100}. 10월 말)", ""]
        lines += table([["인력현황", "합 계", *GRADES], _staff_row("정원(현원)", staff[d])], layout)
        facts["staffing"] += [[d, "total", a, c, "headline"]] + _staff_facts(d, staff[d], "unit_page")
        projects = [(_project_name(rng, taken), rng.choice(("신규", "계속"))) for _ in range(rng.randint(2, 6))]
        page = rng.randint(3, 30)
        rows = [["연번", "주요사업", "구분", "쪽"]]
        for seq, (name, status) in enumerate(projects, start=1):
            rows.append([str(seq), name, status, str(page)])
            facts["projects"].append([d, seq, name, status])
            page += rng.randint(2, 4)
        lines += ["", "주요사업 목록", ""] + table(rows, layout) + [""]
        for seq, (name, _) in enumerate(projects, start=1):
            lines += _project_section(rng, d, seq, name, year, layout, (upper_purse, purse), facts["project_budgets"])
    return "\n".join(lines) + "\n", facts


_NEEDS = ("주민 수요에 맞춘 {name} 필요", "관련 법령 개정에 따른 {name} 추진 필요", "현장 의견을 반영한 {name} 요구 증가")
_PLANS = ("추진단 구성 및 운영", "주민 설명회 개최", "관계 기관 협의", "실행계획 수립", "성과 점검 및 환류")


def _project_section(rng, department, seq, name, year, layout, purses, facts) -> list[str]:
    lines = ["□ 사업 필요성", "", *(f"- {n.format(name=name)}" for n in rng.sample(_NEEDS, 2)), "",
             "□ 사업개요", "", f"- 사업명 : {name}", f"- 사업기간 : {year}. 1. ~ 12.",
             f"- 추진부서 : {spaced(department, rng)}", "", "□ 추진계획", ""]
    for month, plan in enumerate(rng.sample(_PLANS, 3), start=rng.randint(1, 6)):
        lines.append(f"- {plan} : {year}. {month}.")
    lines.append("")
    if rng.random() < 0.1:
        facts.append([department, seq, "headline", None, f"{year}년", None])
        return lines + [f"□ {year}년 소요예산 : 비예산", ""]
    sources = ["국비", purses[0], purses[1]] if rng.random() < 0.4 else [purses[1]]
    years = [year, year + 1, year + 2]
    amounts = {s: [rng.randint(1, 900) * 100 if rng.random() < 0.8 or y == year else 0 for y in years] for s in sources}
    column_sums = [sum(amounts[s][i] for s in sources) for i in range(3)]
    lines += [f"□ {year}년 소요예산 : {money(column_sums[0])}천원", "", "(단위 : 천원)", ""]
    facts.append([department, seq, "headline", None, f"{year}년", column_sums[0] * 1000])
    rows = [["재원별", "합계", "연차별 소요자원", "", ""], ["", "", *(f"{y}년" for y in years)]]
    for label, values in [("계", column_sums)] + [(s, amounts[s]) for s in sources]:
        rows.append([label, money(sum(values)), *map(money, values)])
        facts.append([department, seq, "table", label, "합계", sum(values) * 1000])
        facts += [[department, seq, "table", label, f"{y}년", v * 1000] for y, v in zip(years, values)]
    return lines + table(rows, layout) + [""]


def pledge_list(rng: random.Random, government: Government, year: int, layout: str) -> tuple[str, dict]:
    areas = rng.sample(PLEDGE_AREAS, rng.randint(2, 5))
    taken: set[str] = set()
    rows, facts = [["추진전략", "관리번호", "공약명", "담당부서", "첨부파일"]], []
    for area, strategy in areas:
        for number in range(1, rng.randint(3, 9)):
            code, title, department = f"{area}-{number:02d}", _project_name(rng, taken), rng.choice(DEPARTMENTS)
            rows.append([strategy if number == 1 else "", code, title, department, ""])
            facts.append([code, title, strategy, department])
    header = [f"{government.full_name} 민선8기 공약사업", "", "공약 이행계획 목록", ""]
    body = _pipe_cells(rows) if layout == "pipe" else table(rows, layout)
    return "\n".join(header + body) + "\n", {"pledges": facts}


def _pipe_cells(rows: list[list[str]]) -> list[str]:
    """One cell per line, each ending in `` |``, as a web page copied to text prints a table; a
    strategy stands on the first row of its group only (a merged cell)."""
    return [f"{cell} |" if cell else "|" for row in rows for cell in (row if row[0] else row[1:])]


def pledge_investment_plan(rng: random.Random, government: Government, year: int, layout: str) -> tuple[str, dict]:
    start = year - 2
    periods = [f"{start}~{start + 1}", str(start + 2), str(start + 3), str(start + 4)]
    taken: set[str] = set()
    pledges, facts = [], {"pledges": [], "pledge_investments": []}
    for group in range(1, rng.randint(3, 6)):
        for item in range(1, rng.randint(2, 5)):
            code = f"{group}-{item}"
            subs = [(f"{code}-{n}", _project_name(rng, taken), _amounts(rng)) for n in range(1, rng.randint(1, 4))]
            values = [sum(s[2][i] for s in subs) for i in range(4)] if subs else _amounts(rng)
            pledges.append((code, _project_name(rng, taken), values))
            pledges += subs
    top = [p for p in pledges if p[0].count("-") == 1]
    total = [sum(p[2][i] for p in top) for i in range(4)]
    rows = [["공약사업", "총계", *periods], ["총 계", hundredths(sum(total)), *map(hundredths, total)]]
    facts["pledge_investments"] += _investment_facts(None, total, periods)
    for code, title, values in pledges:
        rows.append([f"{code}.{title}", hundredths(sum(values)), *map(hundredths, values)])
        facts["pledges"].append([code, title, None, None])
        facts["pledge_investments"] += _investment_facts(code, values, periods)
    office = {"자치구": "청장", "시": "장", "군": "수"}.get(government.kind, "장")
    lines = ["주 메뉴 바로가기 본문으로 바로가기", "", f"매니페스토(공약) {government.full_name}{office} "
             f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)} 입니다.", "", "공약투자계획", "", "연차별 투자계획", "",
             "민선8기 공약사업 투자계획을 연차별로 정리했습니다.", "", "(단위 : 백만원)"]
    if layout == "aligned":
        body = [" ".join(row) for row in rows]  # single spaces, as the seed's web page prints it
    else:
        body = table(rows, layout)
    return "\n".join(lines + body) + "\n", facts


def _amounts(rng: random.Random) -> list[int]:
    """Four periods in hundredths of 백만원; most whole, some with decimals."""
    return [rng.randint(0, 3000) * (100 if rng.random() < 0.8 else 1) + (0 if rng.random() < 0.8 else rng.randint(1, 99))
            for _ in range(4)]


def _investment_facts(code: str | None, values: list[int], periods: list[str]) -> list[list]:
    return [[code, "총계", sum(values) * 10_000]] + [[code, p, v * 10_000] for p, v in zip(periods, values)]


def candidate_disclosure(rng: random.Random, government: Government, year: int, layout: str) -> tuple[str, dict]:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    party, number, sex = rng.choice(PARTIES), str(rng.randint(1, 7)), rng.choice(("남", "여"))
    born = (rng.randint(1950, 1995), rng.randint(1, 12), rng.randint(1, 28))
    own, spouse = rng.randint(0, 900_000), rng.randint(0, 600_000)
    parents = [(who, rng.randint(1_000, 500_000)) for who in rng.sample(("부", "모"), rng.randint(1, 2))]
    children = [(who, rng.randint(1_000, 90_000)) for who in rng.sample(("장남", "장녀", "차남", "차녀"), rng.randint(1, 2))]
    assets_total = own + spouse + sum(v for _, v in parents) + sum(v for _, v in children)
    taxes = {r: rng.randint(0, 80_000) for r in ("본인", "배우자", "직계존속", "직계비속")}
    arrears = {r: (0 if rng.random() < 0.9 else rng.randint(1, 900)) for r in taxes}
    facts = {"candidates": [[name, party, number, sex, f"{born[0]:04d}-{born[1]:02d}-{born[2]:02d}"]],
             "candidate_finance": [["assets", "total", None, "printed", assets_total * 1000],
                                   ["assets", "본인", None, "printed", own * 1000],
                                   ["assets", "배우자", None, "printed", spouse * 1000]]}
    for relation, people in (("직계존속", parents), ("직계비속", children)):
        facts["candidate_finance"] += [["assets", relation, who, "printed", v * 1000] for who, v in people]
        facts["candidate_finance"].append(["assets", relation, None, "derived_sum", sum(v for _, v in people) * 1000])
    relations = [("계", "total")] + [("후보자" if r == "본인" else r, r) for r in taxes]
    for printed, relation in relations:
        paid = sum(taxes.values()) if relation == "total" else taxes[relation]
        owed = sum(arrears.values()) if relation == "total" else arrears[relation]
        facts["candidate_finance"] += [["tax_paid_5y", relation, None, "printed", paid * 1000],
                                       ["tax_arrears_total", relation, None, "printed", owed * 1000],
                                       ["tax_arrears_current", relation, None, "printed", owed * 1000]]
    lines = ["", f"{party}", f"{number} {name}", "", "# 후보자 정보 공개자료", "",
             f"{government.parent_full_name}의회의원선거({government.name} 제 {rng.randint(1, 4)}선거구)", "",
             "## 1. 인적사항", ""]
    layout = "tab" if layout == "aligned" else layout  # long free-text cells: no aligned copy of this page exists
    lines += table([["기호", "소속 정당명", "성명", "성별", "생년월일", "직업", "학 력", "경 력"],
                    [number, party, name, sex, f"{born[0]}.{born[1]:02d}.{born[2]:02d}. ({year - born[0]}세)",
                     "회사원", "한국대학교 행정학과 졸업", "(현)주민자치위원 (전)협의회 위원"]], layout)
    lines += ["", "## 2. 재산상황 및 병역사항", ""]
    lines += table([["재 산 상 황 (천원)", "", "", "", "", "병 역 사 항", "", ""],
                    ["계", "후보자", "배우자", "직계존속", "직계비속", "후보자", "배우자", "18세이상 직계비속"],
                    [money(assets_total), money(own), money(spouse), " ".join(f"{w}:{money(v)}" for w, v in parents),
                     " ".join(f"{w}:{money(v)}" for w, v in children), "군복무 마침" if sex == "남" else "병역의무 없음",
                     "-", "-"]], layout)
    lines += ["", "## 3. 세금 납부 · 체납실적 및 전과기록", ""]
    rows = [["최근 5년간 소득세 · 재산세 · 종합부동산세 납부 및 체납실적(천원)", "", "", "", "후 보 자 전과기록"],
            ["구분", "납세액", "체납내역", "", ""], ["", "", "체납액 누계", "현 체납액", ""]]
    for printed, relation in relations:
        paid = sum(taxes.values()) if relation == "total" else taxes[relation]
        owed = sum(arrears.values()) if relation == "total" else arrears[relation]
        rows.append([printed, money(paid), money(owed), money(owed), "해당 없음" if relation == "total" else ""])
    lines += table(rows, layout) + ["", "## 4. 소명서", "", f"주민 여러분과 함께 {government.name}의 내일을 열겠습니다.", ""]
    return "\n".join(lines) + "\n", facts


def news_article(rng: random.Random, government: Government, year: int, layout: str) -> tuple[str, dict]:
    new, total, main = rng.randint(20, 200), rng.randint(250, 700), rng.randint(20, 90)
    day = rng.randint(1, 20)
    lines = [f"[{rng.choice(OUTLETS)}] {government.full_name}는 {day}일부터 {day + 2}일까지 ‘{year}년 주요업무계획 보고회’를 "
             "열었다고 밝혔다.",
             f"구는 △주민 생활불편 해소 △민생경제 안정 등을 방점으로 {new}개의 신규사업을 포함해 총 {total}개의 사업계획을 "
             "보고했다.",
             f"올해 보고회는 총 {main}개 주요업무에 대한 부서별 발표로 진행됐다.",
             f"{government.name} 관계자는 “주민이 체감하는 변화를 만들겠다”고 말했다.", ""]
    facts = [["신규사업", str(new), "개"], ["사업계획", str(total), "개"], ["주요업무", str(main), "개"]]
    return "\n".join(lines), {"news_claims": facts}


def differences(expected: dict, kind: str | None, government_code: str | None,
                tables: dict[str, list[dict]]) -> list[str]:
    """What extraction gave that the filing does not hold, and what it missed; [] when exact.
    ``tables``: the lake records of one filing, by table."""
    problems = []
    if kind != expected["kind"]:
        problems.append(f"kind {kind!r}, expected {expected['kind']!r}")
    if government_code != expected["government_code"]:
        problems.append(f"government {government_code!r}, expected {expected['government_code']!r}")
    for table_name, rows in expected["facts"].items():
        columns = FACT_FIELDS[table_name]
        want = Counter(tuple(_plain(v) for v in row) for row in rows)
        got = Counter(tuple(_plain(record[c]) for c in columns) for record in tables.get(table_name, []))
        for row in want - got:
            problems.append(f"{table_name}: missing {dict(zip(columns, row))}")
        for row in got - want:
            problems.append(f"{table_name}: unexpected {dict(zip(columns, row))}")
    return problems


def _plain(value):
    """Dates as ISO text and numbers as ints, so JSON and Parquet values compare."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


WRITERS = {"work_plan": work_plan, "pledge_list": pledge_list, "pledge_investment_plan": pledge_investment_plan,
           "candidate_disclosure": candidate_disclosure, "news_article": news_article}


def generate(n: int, seed: int = 2026) -> list[Filing]:
    """``n`` filings; the same ``n`` and ``seed`` give the same bytes."""
    rng = random.Random(seed)
    governments = load_governments()
    kinds, weights = zip(*KIND_WEIGHTS.items())
    filings = []
    for number in range(n):
        kind = rng.choices(kinds, weights)[0]
        government, year, layout = rng.choice(governments), rng.randint(2022, 2026), rng.choice(LAYOUTS)
        text, facts = WRITERS[kind](rng, government, year, layout)
        path = f"{government.code}/{year}/{kind}-{number:05d}.txt"
        code = government.parent_code if kind == "candidate_disclosure" else government.code
        filings.append(Filing(path, kind, code, text, facts))
    return filings


def write_corpus(directory: Path, n: int, seed: int = 2026) -> list[Filing]:
    """``directory/raw/...`` (the filings) and ``directory/expected.jsonl`` (their facts)."""
    filings = generate(n, seed)
    raw = directory / "raw"
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "expected.jsonl").open("w", encoding="utf-8") as expected:
        for filing in filings:
            target = raw / filing.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(filing.text, encoding="utf-8")
            expected.write(json.dumps(filing.expected(), ensure_ascii=False) + "\n")
    return filings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    filings = write_corpus(args.directory, args.n, args.seed)
    print(f"wrote {len(filings)} filings under {args.directory / 'raw'} and their facts in expected.jsonl")


if __name__ == "__main__":
    main()
