"""Renderers: lesson sites (MkDocs docs trees), the landing page, print documents."""
