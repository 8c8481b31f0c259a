"""Generate a synthetic curriculum of N modules that passes `signpost check`.

Modules are spread over topics, bands and audiences, are of realistic size, hold
every block kind, and chain prerequisites within each topic and band, so that
navigation ordering is exercised at scale.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANDS = ["4-7", "8-10", "11-13", "14-17"]
YOUNG_TOPICS = ["trusted-adults", "feelings-and-consent", "privacy"]
OLDER_TOPICS = YOUNG_TOPICS + ["online-friendships", "games-and-chat", "livestreaming",
                               "images-and-consent", "reporting"]
TEEN_TOPICS = OLDER_TOPICS + ["sextortion", "deepfakes"]
DURATION = {"4-7": 30, "8-10": 45, "11-13": 45, "14-17": 50}

PARAGRAPH = (
    "Sam and Ria are friends. They like to play games and make videos. "
    "Sometimes a chat makes them feel worried. Then they stop and tell a trusted adult. "
    "It is never your fault if something online goes wrong. You can always ask for help."
)
FRONT = """---
id: {id}
title: {title}
audience: {audience}
{bands}topic: {topic}
duration: {duration}
summary: Lesson {n} helps us spot worries and tell a trusted adult.
objectives:
  - I can name a trusted adult.
  - I can say what to do when a chat feels wrong.
vocabulary:
  trusted adult {n}: A grown-up you know well who helps keep you safe.
  private {n}: Something that belongs only to you.
prerequisites: [{prerequisites}]
sources:
  - "UKCIS, Education for a Connected World (2020 edition)"
last_reviewed: 2026-11-01
---
"""
BODY = """
## Meet Sam and Ria

{paragraph}

{paragraph}

## What we can do

- Stop and think.
- Tell a trusted adult.
- Keep asking until someone helps.

::: activity "Sort the cards {n}" 10
Look at each card with your group.

1. A friend asks to play a game.
2. Someone asks you to keep a chat secret from your family.
3. A game gives you a new badge.

Put each card on the happy face or the worried face.
:::

::: discussion "Who could you tell?" 10
- Who are the adults you trust?
- What could you say to them?
:::

::: keypoints "Remember" 5
- It is never your fault.
- You can always tell a trusted adult.
:::

::: facilitator
Facilitator note {n}: print one card set for each table before lesson {n}. Agree the ground rules first.
Read each card aloud for children who find reading hard.
:::

::: answers
Answer note {n}: cards one and three are fine; card two is a worry to tell a trusted adult about.
:::

::: safeguarding
Safeguarding note {n}: a child may disclose during this activity.
Stay calm, listen, and tell your DSL the same day.
:::

::: family
Ask your child who they would tell if a chat made them worried.
:::
"""


def module_text(n: int, audience: str, band: str | None, topic: str, prerequisite: str | None) -> str:
    front = FRONT.format(
        id=f"synthetic-{n:05d}",
        title=f"Synthetic lesson {n}",
        audience=audience,
        bands=f"age_bands: [{band}]\n" if band else "",
        topic=topic,
        duration=DURATION.get(band or "", 30),
        n=n,
        prerequisites=prerequisite or "",
    )
    return front + BODY.format(n=n, paragraph=PARAGRAPH)


def plan(count: int) -> list[tuple[str, str | None, str]]:
    """(audience, band, topic) for each module: 70% children, 15% parents, 15% teachers."""
    rows: list[tuple[str, str | None, str]] = []
    for n in range(count):
        slot = n % 20
        if slot < 14:
            band = BANDS[slot % 4]
            topics = {"4-7": YOUNG_TOPICS, "8-10": OLDER_TOPICS}.get(band, TEEN_TOPICS)
            rows.append(("children", band, topics[(n // 4) % len(topics)]))
        elif slot < 17:
            rows.append(("parents", None, OLDER_TOPICS[n % len(OLDER_TOPICS)]))
        else:
            rows.append(("teachers", None, OLDER_TOPICS[n % len(OLDER_TOPICS)]))
    return rows


def generate(target: Path, count: int) -> Path:
    """A project folder at `target` with the shipped topics, regions, audiences and mkdocs.yml."""
    if target.exists():
        shutil.rmtree(target)
    (target / "curriculum").mkdir(parents=True)
    shutil.copy2(ROOT / "curriculum" / "topics.yml", target / "curriculum" / "topics.yml")
    shutil.copytree(ROOT / "curriculum" / "regions", target / "curriculum" / "regions")
    shutil.copytree(ROOT / "audiences", target / "audiences")
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    last_in_group: dict[tuple[str, str | None, str], str] = {}
    for n, (audience, band, topic) in enumerate(plan(count)):
        group = (audience, band, topic)
        prerequisite = last_in_group.get(group)
        folder = target / "curriculum" / topic
        folder.mkdir(exist_ok=True)
        module_id = f"synthetic-{n:05d}"
        (folder / f"{module_id}.md").write_text(
            module_text(n, audience, band, topic, prerequisite), encoding="utf-8"
        )
        last_in_group[group] = module_id
    return target
