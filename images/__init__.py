"""Images readers see: upload checks, clean storage, renditions, alt text and the picture tag.

Hero images and author photos use the same pieces: ImageUploadField and its
checks (uploads.py), a renditions record made once per upload (renditions.py),
the alt-text rule (alt_text.py) and {% picture %} (templatetags/images.py).
"""
