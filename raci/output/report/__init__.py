"""The report's markdown and HTML renderers, its charts and its palette."""
