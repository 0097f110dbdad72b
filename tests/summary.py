"""Prints the closing line of a test run, "N passed, N failed", counting the
individual TAP test cases in meson's test logs (testlog.json files given as
arguments). A test program that failed without a failing TAP line (a crash,
a sanitizer abort) counts as one failure. An argument that is not JSON is
read as plain TAP output (the fuzz run's)."""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    if not path.endswith(".json"):
        with open(path, encoding="utf-8") as tap:
            output = tap.read()
        passed += len(re.findall(r"^ok \d+", output, re.M))
        failed += len(re.findall(r"^not ok \d+", output, re.M))
        continue
    with open(path, encoding="utf-8") as log:
        for line in log:
            entry = json.loads(line)
            output = entry.get("stdout", "")
            skips = len(re.findall(r"^ok \d+.*# SKIP", output, re.M))
            oks = len(re.findall(r"^ok \d+", output, re.M)) - skips
            not_oks = len(re.findall(r"^not ok \d+", output, re.M))
            passed += oks
            skipped += skips
            failed += not_oks
            if entry.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and not_oks == 0:
                failed += 1
summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
