"""Every renderer: what the library's data looks like to people and programs.

One module per view (``load``, ``matrix``, ``graph``, ``whatif``, ``diff``,
``rebalance``), ``check/`` for the findings formats, ``report/`` for the report's
markdown and HTML; :mod:`raci.output.common` holds what they share. Only the text
renderers use rich.
"""
