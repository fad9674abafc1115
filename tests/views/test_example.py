"""The sample views in examples/views tell the story the README tells."""

from __future__ import annotations

from raci.views import merge_views
from tests.conftest import EXAMPLES
from tests.helpers import model_of


def test_the_sample_views_tell_the_ic_story() -> None:
    model = model_of(EXAMPLES / "ic-goes-it-alone.yaml")
    outcome = merge_views([EXAMPLES / "views"], model, "ic-goes-it-alone.yaml")
    found = {(f.rule, f.activity or f.function) for f in outcome.report.findings}
    assert found == {
        ("contested-accountable", "usage-policy-guidelines"),  # IC thinks HR owns it
        ("contested-accountable", "champions-network"),  # IC thinks OD owns adoption
        ("contested-accountable", "success-measurement"),
        ("contested-accountable", "launch-campaign"),
        ("contested-accountable", "network-branding"),
        ("unclaimed-activity", "onboarding-new-joiners"),  # HR does not claim it
        ("self-view-gap", "IC"),
        ("low-agreement", "champions-network"),
        ("low-agreement", "onboarding-new-joiners"),
    }
    hr = {
        seen.role: (seen.own, seen.others)
        for seen in outcome.merged.perception
        if seen.function == "HR"
    }
    assert hr["consulted"] == (0, 6)  # HR thinks nobody asked it
