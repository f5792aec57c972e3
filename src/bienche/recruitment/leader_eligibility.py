"""Eligibility of a candidate for a leadership post (competitive selection of heads): the
post's standards from ``leadership_data``, each refusal naming the standard not met."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bienche.core.dating import q_valid_on
from bienche.core.errors import InvalidInput
from bienche.recruitment import messages as m
from bienche.recruitment.enums import Education, LeaderPost, PoliticalTheory, StateManagement
from bienche.recruitment.leadership_data import (
    POLITICAL_ORDER,
    POST_ORDER,
    POST_STANDARDS,
    STATE_MGMT_ORDER,
    post_type_of,
)
from bienche.staffing.models import Assignment
from bienche.staffing.ranks import group_at_least, rank_catalogue
from bienche.staffing.streamlining import retirement_date


@dataclass(frozen=True)
class LeaderFile:
    """What a candidate declares for a leadership post (the standards' inputs)."""

    personal_id: str
    birth_date: dt.date
    sex: str
    rank_code: str = ""
    years_in_field: int | None = None
    political_theory: str = ""
    state_management: str = ""
    current_post: str = ""
    internal: bool = True


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def standard_for(position_code: str) -> tuple[str, dict]:
    post = post_type_of(position_code)
    if post is None or post not in POST_STANDARDS:
        raise InvalidInput(m.LEADER_NO_STANDARD, field="position_code", position=position_code)
    return post, POST_STANDARDS[post]


def _label(choices: type, value: str) -> str:
    return str(dict(choices.choices).get(value, value)) if value else "—"


def _at_least(order: list[str], has: str, need: str) -> bool:
    return has in order and order.index(has) >= order.index(need)


def _check_rank(title: str, std: dict, f: LeaderFile) -> None:
    rank = rank_catalogue().get(f.rank_code) if f.rank_code else None
    if rank is None or not group_at_least(rank.group, std["min_group"]):
        raise InvalidInput(
            m.LEADER_RANK, field="rank_code", post=title, need=std["min_group"], has=f.rank_code
        )


def _check_training(title: str, std: dict, f: LeaderFile) -> None:
    if f.years_in_field is None or f.years_in_field < std["min_years_in_field"]:
        raise InvalidInput(
            m.LEADER_YEARS,
            field="years_in_field",
            post=title,
            need=std["min_years_in_field"],
            has=f.years_in_field if f.years_in_field is not None else 0,
        )
    if not _at_least(POLITICAL_ORDER, f.political_theory, std["political_theory"]):
        raise InvalidInput(
            m.LEADER_POLITICAL,
            field="political_theory",
            post=title,
            need=_label(PoliticalTheory, std["political_theory"]),
            has=_label(PoliticalTheory, f.political_theory),
        )
    if not _at_least(STATE_MGMT_ORDER, f.state_management, std["state_management"]):
        raise InvalidInput(
            m.LEADER_STATE_MGMT,
            field="state_management",
            post=title,
            need=_label(StateManagement, std["state_management"]),
            has=_label(StateManagement, f.state_management),
        )


def _check_age(title: str, std: dict, f: LeaderFile, on: dt.date) -> None:
    """At least one full term before the retirement age of the roadmap (exactly: allowed)."""
    retire = retirement_date(f.birth_date, f.sex)
    if add_years(on, std["term_years"]) > retire:
        raise InvalidInput(
            m.LEADER_AGE,
            field="birth_date",
            post=title,
            years=std["term_years"],
            on=on.strftime("%d/%m/%Y"),
            retire=retire.strftime("%d/%m/%Y"),
        )


def _roster_post(f: LeaderFile, unit_id: int, on: dt.date) -> str | None:
    """The leadership post the person holds on ``on`` in the unit (``None``: not there)."""
    a = (
        Assignment.objects.filter(person__personal_id=f.personal_id, unit_id=unit_id)
        .filter(q_valid_on(on))
        .select_related("position")
        .first()
    )
    if a is None:
        return None
    return (post_type_of(a.position.code) if a.position else None) or ""


def _check_origin(title: str, std: dict, f: LeaderFile, unit: tuple[int, str], on: dt.date) -> str:
    if not f.internal:
        if not std["external_allowed"]:
            raise InvalidInput(m.LEADER_EXTERNAL, field="internal", post=title)
        return f.current_post
    held = _roster_post(f, unit[0], on)
    if held is None:
        raise InvalidInput(m.LEADER_NOT_ON_ROSTER, field="internal", unit=unit[1])
    return max(f.current_post, held or "", key=POST_ORDER.index)


def check_leader_eligible(
    *, position_code: str, unit: tuple[int, str], on: dt.date, candidate: LeaderFile
) -> None:
    """Raise ``InvalidInput`` naming the first standard of the post the candidate misses;
    ``unit`` is the (id, code) of the post's unit, ``on`` the exam date."""
    post, std = standard_for(position_code)
    title = std["title"]
    if candidate.current_post not in POST_ORDER:
        raise InvalidInput(m.LEADER_ALREADY_HOLDS, field="current_post", has="?", post=title)
    held = _check_origin(title, std, candidate, unit, on)
    if std["first_appointment_only"] and POST_ORDER.index(held) >= POST_ORDER.index(post):
        raise InvalidInput(
            m.LEADER_ALREADY_HOLDS,
            field="current_post",
            has=_label(LeaderPost, held),
            post=title,
        )
    _check_rank(title, std, candidate)
    _check_training(title, std, candidate)
    _check_age(title, std, candidate, on)


def leader_standards() -> list[dict[str, object]]:
    """The posts' standards for display (registration form): labels, source, confidence."""
    labels = dict(Education.choices)
    return [
        {
            "post": post,
            "title": std["title"],
            "min_group": std["min_group"],
            "years": std["min_years_in_field"],
            "education": labels.get(std["education"], std["education"]),
            "political_theory": _label(PoliticalTheory, std["political_theory"]),
            "state_management": _label(StateManagement, std["state_management"]),
            "term_years": std["term_years"],
            "source": std["source"],
            "confidence": std["confidence"],
        }
        for post, std in POST_STANDARDS.items()
    ]


def post_allowance_h(position_code: str, on: dt.date) -> int:
    """The post's leadership allowance coefficient (hundredths) for Hà Nội on ``on``, from
    the pay parameters (``params/leadership_allowance.yaml``); 0 when not found there."""
    from bienche.rules.params import ParameterError, load

    post = post_type_of(position_code)
    code = POST_STANDARDS.get(post or "", {}).get("allowance_post")
    try:
        posts = load("leadership_allowance").at(on).value["posts"]
    except ParameterError:
        return 0
    return int(posts.get(code, {}).get("coef_h", {}).get("hanoi_hcmc", 0))
