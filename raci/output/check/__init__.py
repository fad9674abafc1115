"""The formats of ``raci check``: each module's ``render(report, medium)`` turns a check
:class:`~raci.engine.Report` into text; :data:`raci.output.registry.RENDERERS` lists them.

Only ``text`` uses rich (and only when colour is wanted); every machine format is plain
text, so nothing is wrapped at the terminal's width.
"""
