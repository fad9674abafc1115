from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.rules.base import Problem, Rule, function_problem


class BridgeFunction(Rule):
    """A function is the only link between groups of functions that work together.

    In the collaboration graph (two functions are linked when both hold R, A or C on a
    common activity) a bridge is an articulation point: without it, the functions fall
    apart into groups that no longer work together. If that function is overloaded,
    absent or reorganised, the programme splits. Link the groups directly.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          IT: {name: Information Technology}
        activities:
          - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R}}
          - {id: sso, name: Configure single sign-on, raci: {IT: A/R, IC: C}}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          IT: {name: Information Technology}
        activities:
          - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R, IT: C}}
          - {id: sso, name: Configure single sign-on, raci: {IT: A/R, IC: C}}
    """

    code = "RACI011"
    name = "bridge-function"
    severity = "warning"
    subject = "function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        import networkx as nx

        graph = context.collaboration
        order = {fid: index for index, fid in enumerate(context.model.functions)}
        for fid in sorted(nx.articulation_points(graph), key=order.__getitem__):
            rest = graph.subgraph(node for node in graph if node != fid)
            groups = [
                sorted(group, key=order.__getitem__)
                for group in nx.connected_components(rest)
                if graph.degree(fid) and any(graph.has_edge(fid, node) for node in group)
            ]
            groups.sort(key=lambda group: order[group[0]])
            spelled = " | ".join(", ".join(group) for group in groups)
            yield function_problem(
                context.model.functions[fid],
                f"function '{fid}' is the only link between groups of functions ({spelled}): "
                "without it they no longer work together",
            )
