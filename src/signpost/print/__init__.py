"""The print stage: learner packs, facilitator guides and the parents' guide, as PDF and HTML."""
