"""Date and time formats where Django's defaults read unnaturally to native readers
(`FORMAT_MODULE_PATH`); anything not set here falls back to Django's own locale formats."""
