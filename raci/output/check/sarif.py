"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists every rule raci has (the registry, then
``parse-error`` and ``schema-error``) with its documentation, so a viewer can explain a
result without raci at hand. Each result points at ``file:line:column`` through a
relative ``artifactLocation`` (``uriBaseId: %SRCROOT%``, the repository root, as GitHub
expects) and names its activity and function as logical locations.

``partialFingerprints`` hash the rule, the file, the subject ids and the message, never
the line, so an alert keeps its identity when unrelated lines move.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Literal, TypedDict

from raci import __version__
from raci.output.check.paths import artifact_uri, workspace_path
from raci.output.escape import json_text
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.engine import Report
    from raci.rules.catalogue import RuleDoc

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/raci-dev/raci"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "raciFindingHash/v1"

Level = Literal["error", "warning", "note"]
LEVELS: dict[str, Level] = {"error": "error", "warning": "warning", "info": "note"}


class Message(TypedDict):
    text: str


class MultiformatMessage(TypedDict):
    text: str
    markdown: str


class ReportingConfiguration(TypedDict):
    level: Level


class RuleProperties(TypedDict):
    tags: list[str]
    precision: str


class ReportingDescriptor(TypedDict):
    id: str
    name: str
    shortDescription: Message
    fullDescription: Message
    help: MultiformatMessage
    helpUri: str
    defaultConfiguration: ReportingConfiguration
    properties: RuleProperties


class ToolComponent(TypedDict):
    name: str
    version: str
    semanticVersion: str
    informationUri: str
    rules: list[ReportingDescriptor]


class Tool(TypedDict):
    driver: ToolComponent


class _ArtifactLocation(TypedDict):
    uri: str


class ArtifactLocation(_ArtifactLocation, total=False):
    uriBaseId: str


class Region(TypedDict):
    startLine: int
    startColumn: int


class PhysicalLocation(TypedDict):
    artifactLocation: ArtifactLocation
    region: Region


class LogicalLocation(TypedDict):
    name: str
    fullyQualifiedName: str
    kind: str


class _Location(TypedDict):
    physicalLocation: PhysicalLocation


class Location(_Location, total=False):
    logicalLocations: list[LogicalLocation]


class Result(TypedDict):
    ruleId: str
    ruleIndex: int
    level: Level
    message: Message
    locations: list[Location]
    partialFingerprints: dict[str, str]


class Invocation(TypedDict):
    executionSuccessful: bool
    exitCode: int


class Run(TypedDict):
    tool: Tool
    invocations: list[Invocation]
    columnKind: str
    results: list[Result]


SarifLog = TypedDict("SarifLog", {"$schema": str, "version": str, "runs": list[Run]})


def descriptor(doc: RuleDoc) -> ReportingDescriptor:
    """A rule's SARIF descriptor, all of it from the rule's class and docstring."""
    from raci.output.rules import explain_markdown, explain_text

    return {
        "id": doc.code,
        "name": doc.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.rationale},
        "help": {
            "text": explain_text(doc),
            "markdown": explain_markdown(doc, heading="##"),
        },
        "helpUri": f"{INFORMATION_URI}#rules",
        "defaultConfiguration": {"level": LEVELS[doc.severity]},
        "properties": {"tags": ["raci", "ownership", doc.subject], "precision": "very-high"},
    }


def fingerprint(finding: Finding) -> str:
    """Stable across runs and line moves: rule, file, subject ids and message."""
    parts = (
        finding.code,
        workspace_path(finding.file),
        finding.activity or "",
        finding.function or "",
        finding.message,
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def logical_locations(finding: Finding) -> list[LogicalLocation]:
    found: list[LogicalLocation] = []
    if finding.activity is not None:
        found.append(
            {
                "name": finding.activity,
                "fullyQualifiedName": f"activities/{finding.activity}",
                "kind": "activity",
            }
        )
    if finding.function is not None:
        found.append(
            {
                "name": finding.function,
                "fullyQualifiedName": f"functions/{finding.function}",
                "kind": "function",
            }
        )
    return found


def result(finding: Finding, index: dict[str, int]) -> Result:
    uri, relative = artifact_uri(finding.file)
    artifact: ArtifactLocation = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = SRCROOT
    location: Location = {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": finding.line, "startColumn": finding.column},
        }
    }
    logical = logical_locations(finding)
    if logical:
        location["logicalLocations"] = logical
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding)},
    }


def sarif_log(report: Report) -> SarifLog:
    from raci.rules.catalogue import all_docs

    rules = [descriptor(doc) for doc in all_docs()]
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "raci",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not report.input_error,
                        "exitCode": report.exit_code,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": [result(finding, index) for finding in report.findings],
            }
        ],
    }


def render(report: Report, medium: Medium = PLAIN) -> str:
    return json_text(sarif_log(report))
