"""Accessibility checks with axe-core, loaded from node_modules (never a CDN).

`npm ci` installs axe-core from the committed package-lock.json; the script is
injected into the page under test, run there, and its violations returned."""

from pathlib import Path

from django.conf import settings

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def axe_available():
    """Whether `npm ci` has installed axe-core."""
    return AXE_JS.is_file()


def axe_violations(page, *, include=None, options=None):
    """Run axe-core on `page` (or the part matched by the CSS selector
    `include`) and return its violations, a list of dicts as axe gives them.

    All of axe's default rules run (WCAG 2.x A and AA plus best practices);
    pass axe `options` to narrow them."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "([include, options]) => axe.run(include || document, options || {})",
        [include, options],
    )
    return result["violations"]


def describe(violations):
    """Violations as readable lines for an assertion message."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(
            f"    {' '.join(map(str, node['target']))}: {node['failureSummary']}"
            for node in violation["nodes"]
        )
    return "\n".join(lines)
