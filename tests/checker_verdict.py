# SPDX-License-Identifier: GPL-3.0-or-later
"""The verdict of one negative-test case of a checker script, as a TAP line.

A case passes when the checker accepted the input (exit 0, nothing said)
and nothing was expected, or when it rejected it (exit 1) with a message
containing the expected text.
"""

import subprocess
import sys


def run_checker(args):
    """Runs a checker script with this Python; returns the CompletedProcess."""
    return subprocess.run([sys.executable] + args, capture_output=True, text=True)


def tap_verdict(number, path, result, expected):
    """Prints the TAP line (and the checker's words when wrong); returns ok."""
    if expected is None:
        ok = result.returncode == 0 and result.stderr == ""
    else:
        ok = result.returncode == 1 and expected in result.stderr
    if not ok:
        for line in (result.stderr or "(no message)\n").splitlines():
            print(f"# {line}")
    print(f"{'ok' if ok else 'not ok'} {number} {path}")
    return ok
