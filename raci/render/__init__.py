"""Rendering of models for people and programs: load tables, matrices, graphs, what-ifs.

One module per view (``load``, ``matrix``, ``graph``, ``whatif``), each a small set of
``render_<format>`` functions over library data; :mod:`raci.render.common` holds what
they share (numbers, rich consoles, GFM cells, CSV). Only the text renderers use rich.
"""
