"""One-page help posters: for a classroom wall (each learner site's band) or a fridge
(parents), in A4 and Letter, with the region's help for those readers.

Same help as the site's "Get help" page (regions.help_channels), the site's picture, big
numbers; never more than one page (tests/test_posters.py measures the PDFs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..i18n import N_, _, direction
from ..model import Curriculum, Site
from ..regions import help_channels, region_emergency
from ..render.pages import display_url
from ..render.pictures import help_scene, scene_svg
from ..render.styles import SCENE_STYLES
from .html import environment
from .look import data_uri, print_look
from .pdf import inline_only_fetcher

if TYPE_CHECKING:
    from .documents import PrintDocument

PAPERS = {"a4": "A4", "letter": "Letter"}
FIT_SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66)
POSTER_CHANNELS = 3  # what fits one page in type that reads from across a room
HEADLINES = {
    "4-7": N_("Feeling worried? Tell a grown-up you trust."),
    "parents": N_("Worried about a child? Help is there for you too."),
}
LEARNER_HEADLINE = N_("Worried about something online? You can get help.")
# The poster's middle box: whom to tell (children) or what to do first (parents).
TELL_YOUNG = (N_("Who can I tell?"),
              [N_("Mum, dad or the grown-up who looks after you"),
               N_("Your teacher or another grown-up at school"),
               N_("A grandparent, aunt or uncle"),
               N_("A grown-up at your club")],
              N_("If the first grown-up does not help, tell another one."))
TELL_OLDER = (N_("Who can I tell?"),
              [N_("A parent or carer"), N_("A teacher or the school counsellor"),
               N_("Another adult you trust"), N_("One of the services below")],
              N_("It is never too late to tell, and what happened is not your fault."))
FIRST_STEPS = (N_("What to do first"),
               [N_("Stay calm and listen"), N_("Tell them it is not their fault"),
                N_("Do not reply to or pay anyone making threats"),
                N_("Keep the messages: do not delete them"),
                N_("Report it and get advice from the services below")],
               N_("Never copy or forward an image of a child's body, even as evidence."))
# Inside the page margins, so the poster's frame fills the sheet.
FRAME_HEIGHTS = {"a4": "272mm", "letter": "254mm"}


def poster_sites(sites: list[Site]) -> list[Site]:
    """The sites with a poster: every learner site and the parents' site."""
    return [site for site in sites if site.learner or site.kind == "parents"]


def poster_path(site: Site, paper: str) -> str:
    return f"site/downloads/posters/{site.id}-{paper}.pdf"


def headline(site: Site) -> str:
    if site.kind == "parents":
        return HEADLINES["parents"]
    return HEADLINES.get(site.band or "", LEARNER_HEADLINE)


def help_poster(curriculum: Curriculum, site: Site, region_code: str, paper: str
                ) -> PrintDocument:
    from .documents import PrintDocument  # documents.py plans the posters: import late

    title = _("{site}: where to get help").format(site=site.title)
    html = fitted(lambda scale: poster_html(curriculum, site, region_code, paper,
                                            site.language, title, scale))
    return PrintDocument(poster_path(site, paper), title, site.language, html, weight=1)


def fitted(render_at: Callable[[float], str]) -> str:
    """The poster at the largest type that fits one page: a region's help varies in length
    (names, numbers, how many services), so each poster is measured by laying it out."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):  # no PDFs on this machine (see pdf.py): nothing to fit
        return render_at(1.0)
    for scale in FIT_SCALES:
        html = render_at(scale)
        if len(HTML(string=html, url_fetcher=inline_only_fetcher()).render().pages) == 1:
            return html
    return html


def poster_html(curriculum: Curriculum, site: Site, region_code: str, paper: str,
                language: str, title: str, scale: float = 1.0) -> str:
    region = curriculum.regions[region_code]
    own, worldwide = help_channels(curriculum, region_code, site, urgent=True)
    channels = own + worldwide
    emergency = next((c for c in channels if c.role == "emergency"), None)
    shown = [c for c in channels if c.role != "emergency"][:POSTER_CHANNELS]
    scene = help_scene()
    look = print_look(site)
    svg = scene_svg(scene, site.colour, with_characters=SCENE_STYLES.get(site.style, False))
    return environment.get_template("print/poster.html").render(
        language=language,
        title=title,
        headline=_(headline(site)),
        direction=direction(language),
        prompt=site.help_prompt,
        region=region,
        emergency=emergency.phone if emergency and emergency.phone else region_emergency(region),
        channels=shown,
        picture=data_uri(svg.encode("utf-8"), "image/svg+xml"),
        picture_alt=_(scene.alt),
        colour=site.colour,
        page_size=PAPERS[paper],
        frame_height=FRAME_HEIGHTS[paper],
        font_face=look["font_face"],
        font_family=look["font_family"] or "DejaVu Sans",
        language_font=look["language_font"],
        box=box(site),
        pt=lambda size: f"{size * scale:.1f}pt",
        young=site.band == "4-7",
        site_of=lambda url: display_url(url).split("/")[0],
        wide_picture=bool(SCENE_STYLES.get(site.style)),
    )


def box(site: Site) -> tuple[str, list[str], str]:
    """The middle box in the language being rendered."""
    heading, items, footnote = (FIRST_STEPS if site.kind == "parents"
                                else TELL_YOUNG if site.band == "4-7" else TELL_OLDER)
    return _(heading), [_(item) for item in items], _(footnote)


