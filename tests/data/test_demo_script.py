"""scripts/demo.sh on a machine without the sample corpora and without network: one line, exit 1.

The script runs from a copy of the repository's scripts/ whose setup.sh only activates this
interpreter's environment, so the test never installs anything and takes about a second.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .local_mirror import unused_port

ROOT = Path(__file__).resolve().parents[2]


def demo_copy(tmp_path: Path) -> Path:
    """``tmp/repo/scripts/demo.sh`` beside a setup.sh that puts this venv's ``bin`` first."""
    scripts = tmp_path / "repo" / "scripts"
    scripts.mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "demo.sh", scripts / "demo.sh")
    bin_dir = Path(sys.executable).parent
    (scripts / "setup.sh").write_text(f'export PATH="{bin_dir}:$PATH"\n')
    return scripts / "demo.sh"


def test_without_corpora_or_network_the_demo_says_in_one_line_how_to_get_the_data(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "corpora"
    empty.mkdir()
    env = {
        **os.environ,
        "MEDCITE_CORPORA": str(empty),
        "MEDCITE_DATA_MIRROR": f"http://127.0.0.1:{unused_port()}",
        "MEDCITE_INDEX": str(tmp_path / "index"),
    }

    done = subprocess.run(
        ["bash", str(demo_copy(tmp_path))],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    line = lines[0]
    assert line.startswith(f"demo: sample corpora not found in {empty}")
    assert "failed (cannot connect to 127.0.0.1" in line
    assert "medcite data fetch sample --dest DIR" in line
    assert "https://nlmpubs.nlm.nih.gov/projects/mesh/" in line
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "index").exists()  # nothing was ingested
