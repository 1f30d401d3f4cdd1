#!/usr/bin/env python3
"""Rewrites known-failures.txt from a run of the whole spec testsuite.

Usage (from the repository root):
    dotnet run --project src/Sharptime.Cli -c Release -- wast --json /tmp/spec.json ../shared/spec-testsuite
    python3 tests/Sharptime.SpecTests/update-known-failures.py /tmp/spec.json

Whole-file entries (line 0) are kept as they are, and so are the reasons of entries that still fail; every
new failure of the run becomes one entry whose reason names the stage that disagreed (text parser, decoder, validator) and what it said. Review the diff:
a new entry is a regression unless the reason says why it is expected.
"""
import json
import re
import sys
from pathlib import Path

TABLE = Path(__file__).with_name("known-failures.txt")
POSITION = re.compile(r" at (offset 0x[0-9a-f]+|\S+:\d+(\(quote\))?:\d+:\d+|\S+:\d+:\d+)")


def reason(failure):
    actual = failure["actual"]
    expected = failure["expected"]
    if actual.startswith("the module decoded and validated"):
        stage = "validator accepts" if "invalid" in expected else "parser/decoder accepts"
        return f"{stage} it; expected {expected}"
    kind, _, message = actual.partition(": ")
    message = POSITION.sub("", message.strip('"'))[:160]
    stage = {
        "WatException": "text parser",
        "MalformedModuleException": "decoder",
        "InvalidModuleException": "validator",
    }.get(kind, "internal error " + kind)
    return f"{stage}: {message} (expected {expected})"


def main():
    report = json.loads(Path(sys.argv[1]).read_text())
    header, whole, reasons = [], [], {}
    for line in TABLE.read_text().splitlines():
        parts = line.split(None, 2)
        if not line.strip() or line.startswith("#"):
            if not whole:
                header.append(line)
        elif len(parts) == 3 and parts[1] == "0":
            whole.append(line)
        elif len(parts) == 3:
            reasons[(parts[0], int(parts[1]))] = parts[2]
    whole_files = {line.split()[0] for line in whole}
    entries = []
    for file in report["files"]:
        if file["file"] in whole_files:
            continue
        seen = set()
        for failure in file.get("failures", []):
            if failure["line"] in seen:
                continue
            seen.add(failure["line"])
            known = reasons.get((file["file"], failure["line"]))
            entries.append(f"{file['file']} {failure['line']} {known or reason(failure)}")
    while header and not header[-1].strip():
        header.pop()
    TABLE.write_text("\n".join(header + [""] + whole + [""] + entries) + "\n")
    print(f"{len(whole)} whole files, {len(entries)} commands")


if __name__ == "__main__":
    main()
