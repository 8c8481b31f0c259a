"""The learner pack's what-I-know sheet (render/whatiknow.py builds it; print/what_i_know.html
lays it out on one sheet, both sides at most)."""

from __future__ import annotations

from typing import Any

from ..i18n import _
from ..model import Module, Site
from ..render.whatiknow import INTRODUCTION, SCALE, sheet


def what_i_know_context(site: Site, modules: list[Module]) -> dict[str, Any]:
    """Template values for a learner pack: its band's sheet (none for a site without a band)."""
    if not site.band:
        return {"what_i_know": None}
    return {"what_i_know": sheet(site.band, modules), "sheet": sheet(site.band, modules),
            "introduction": _(INTRODUCTION), "scale_words": [_(word) for word in SCALE]}
