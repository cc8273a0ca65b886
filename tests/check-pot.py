#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extracts the .pot from po/POTFILES.in as `meson compile signet-pot` does,
into a temporary file (the real target writes into the source tree), and
checks that every listed file gave at least one string: a file xgettext
cannot read (no ITS rules for its kind, a syntax error) gives none.

Usage: check-pot.py SOURCE_ROOT XGETTEXT
"""

import os
import re
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib') keywords and flags
GLIB_PRESET = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
]


def main():
    root, xgettext = sys.argv[1], sys.argv[2]
    potfiles = os.path.join(root, "po", "POTFILES.in")
    with open(potfiles, encoding="utf-8") as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "signet.pot")
        result = subprocess.run([xgettext, "--package-name=signet", f"--directory={root}",
                                 f"--files-from={potfiles}", f"--output={pot}"] + GLIB_PRESET,
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f"xgettext failed:\n{result.stderr}", file=sys.stderr)
            return 1
        with open(pot, encoding="utf-8") as f:
            text = f.read()

    referenced = set(re.findall(r"^#: (.*)$", text, flags=re.M))
    files_with_strings = {ref.rsplit(":", 1)[0] for line in referenced for ref in line.split()}
    problems = [f"{entry}: no translatable string extracted" for entry in listed
                if entry not in files_with_strings]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"# {text.count('msgid ') - 1} strings from {len(listed)} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
