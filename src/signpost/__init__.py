"""Signpost: online-safety lesson modules in, lesson sites, packs and guides out."""

__version__ = "0.1.0"
