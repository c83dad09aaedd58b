"""Pledges linked to the projects that implement them and to the filing lines that mention them.

Both are worked out per government: a pledge of 금천구 is never linked to a project of 관악구,
however alike their names. Links are scored (0 to 1); a pair at or above ``LINK_THRESHOLD`` is a
link, and a reviewer's override (the ``pledge_link_overrides`` seed, applied in dbt) has the last
word. The threshold and the method were chosen on the labelled pairs of the seed filings
(``tests/unit/test_pledge_links.py`` prints precision and recall; the README has the comparison).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from orchestration.linking.korean import (MIN_TERM_LENGTH, Weights, bigrams, find_term, key_terms, letters,
                                         longest_shared, overlap)

# Chosen on the seeds' labelled pairs: the weakest true link scores 0.43, the best near-miss
# 0.16. 0.3 sits between them, nearer the near-misses, so that a true link whose names differ a
# little more than the seeds' do still clears it.
LINK_THRESHOLD = 0.3
# Pairs scoring below this are not worth a reviewer's time and are not kept at all.
CANDIDATE_FLOOR = 0.1
# What agreement between the pledge's 담당부서 and the project's department adds to the score.
DEPARTMENT_WEIGHT = 0.25
# A word in this many of a government's pledge titles is that government's vocabulary
# (그린녹지 in four titles), not the name of one pledge.
COMMON_IN_TITLES = 3


@dataclass(frozen=True)
class Pledge:
    pledge_id: str
    government_code: str
    document_id: str
    title: str
    department: str | None


@dataclass(frozen=True)
class Project:
    project_id: str
    government_code: str
    document_id: str
    name: str
    org_unit: str | None


@dataclass(frozen=True)
class ProjectMatch:
    pledge_id: str
    project_id: str
    score: float
    text_score: float
    same_department: bool
    method: str
    shared_text: str


@dataclass(frozen=True)
class Mention:
    pledge_id: str
    document_id: str
    line_number: int
    term: str
    method: str


def _by_government(items: Iterable) -> dict[str, list]:
    grouped = defaultdict(list)
    for item in items:
        grouped[item.government_code].append(item)
    return grouped


def _same_department(pledge: Pledge, project: Project) -> bool:
    return bool(pledge.department and project.org_unit) and letters(pledge.department) == letters(project.org_unit)


def match_projects(pledges: Iterable[Pledge], projects: Iterable[Project]) -> list[ProjectMatch]:
    """Every pledge–project pair of a government scoring at least ``CANDIDATE_FLOOR``. A pair
    is a candidate only when both print a run of at least ``MIN_TERM_LENGTH`` letters in common
    (미래직업체험관): names that share only a word (청년, 상점가, 반려) are about the same
    subject, not the same undertaking."""
    projects_by_government = _by_government(projects)
    matches = []
    for government, its_pledges in _by_government(pledges).items():
        its_projects = projects_by_government.get(government, [])
        if not its_projects:
            continue
        pledge_grams = {p.pledge_id: bigrams(p.title) for p in its_pledges}
        project_grams = {p.project_id: bigrams(p.name) for p in its_projects}
        weights = Weights.of([*pledge_grams.values(), *project_grams.values()])
        for pledge in its_pledges:
            for project in its_projects:
                a, b = pledge_grams[pledge.pledge_id], project_grams[project.project_id]
                if len(a & b) < MIN_TERM_LENGTH - 1:
                    continue
                shared = longest_shared(pledge.title, project.name)
                if len(shared) < MIN_TERM_LENGTH:
                    continue
                text_score = overlap(a, b, weights)
                same = _same_department(pledge, project)
                score = round((1 - DEPARTMENT_WEIGHT) * text_score + (DEPARTMENT_WEIGHT if same else 0.0), 4)
                if score >= CANDIDATE_FLOOR:
                    matches.append(ProjectMatch(pledge.pledge_id, project.project_id, score, round(text_score, 4), same,
                                                "bigram_idf+department" if same else "bigram_idf", shared))
    return matches


@dataclass(frozen=True)
class Line:
    government_code: str
    document_id: str
    line_number: int
    text: str


def find_mentions(pledges: Iterable[Pledge], lines: Iterable[Line],
                  place_names: dict[str, str] | None = None) -> list[Mention]:
    """Lines of the government's other filings that print one of a pledge's key terms
    (spacing ignored; a long term also with one syllable misprinted). ``place_names``: each
    government's short name (금천), which alone does not make a term distinctive."""
    place_names = place_names or {}
    lines_by_government = _by_government(lines)
    mentions = []
    for government, its_pledges in _by_government(pledges).items():
        its_lines = lines_by_government.get(government, [])
        if not its_lines:
            continue
        seen_in: dict[str, int] = defaultdict(int)
        place = letters(place_names.get(government, "")) or None
        for pledge in its_pledges:
            for word in set(key_terms(pledge.title, place=place)):
                seen_in[word] += 1
        common = frozenset(w for w, n in seen_in.items() if n >= COMMON_IN_TITLES)
        # Each term under its first and last bigram: a line that prints the term, or prints it
        # with one inner syllable changed, has one of the two, so most lines are passed over
        # after a few dictionary lookups.
        by_bigram: dict[str, list[tuple[int, int, Pledge, str]]] = defaultdict(list)
        for p_order, pledge in enumerate(its_pledges):
            for t_order, term in enumerate(key_terms(pledge.title, common, place)):
                for gram in {term[:2], term[-2:]}:
                    by_bigram[gram].append((p_order, t_order, pledge, term))
        for line in its_lines:
            text = letters(line.text)
            candidates = sorted({c for i in range(len(text) - 1) for c in by_bigram.get(text[i:i + 2], ())},
                                key=lambda c: c[:2])
            found = set()
            for _, _, pledge, term in candidates:
                if pledge.pledge_id in found or pledge.document_id == line.document_id:
                    continue
                method = find_term(term, text)
                if method:
                    found.add(pledge.pledge_id)
                    mentions.append(Mention(pledge.pledge_id, line.document_id, line.line_number, term, method))
    return mentions
