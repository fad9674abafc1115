"""The model layer: bytes to a validated, positioned model, its settings and its graphs.

loader (bytes -> values + positions), schema and validation, scheme, model, findings,
config (settings layers), context and graph, metrics. Nothing here imports from the
layers above it (rules, capabilities, output, cli).
"""
