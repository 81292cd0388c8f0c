"""The case window: fields, workflow actions, timeline, notes."""
