"""wasi-testsuite runtime adapter for Sharptime (`sharptime run`).

Load it with the upstream runner of WebAssembly/wasi-testsuite:

    python3 test-runner/wasi_test_runner.py -r /path/to/sharptime/tests/wasi-testsuite/sharptime.py \
        -t tests/assemblyscript/testsuite/ tests/c/testsuite/ tests/rust/testsuite/

The command comes from SHARPTIME (split like a shell would), e.g.
SHARPTIME="dotnet /path/to/Sharptime.Cli.dll" or SHARPTIME=/path/to/published/sharptime; by default the
`sharptime` on PATH. Sharptime has WASI preview 1 only, for the wasi:cli/command world.
"""

import os
import shlex
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Tuple

SHARPTIME = shlex.split(os.getenv("SHARPTIME", "sharptime"), posix=(os.name != "nt"))


def get_name() -> str:
    return "sharptime"


def get_version() -> str:
    # `sharptime --version` prints "sharptime X.Y.Z".
    result = subprocess.run(SHARPTIME + ["--version"], encoding="UTF-8", capture_output=True, check=True)
    return result.stdout.strip().split(" ")[-1]


def get_wasi_versions() -> List[str]:
    return ["wasm32-wasip1"]


def get_wasi_worlds() -> List[str]:
    return ["wasi:cli/command"]


def get_timeout_seconds() -> int:
    # The Rust tests are 2 MB modules compiled to IL and then by the .NET JIT at startup.
    return int(os.getenv("SHARPTIME_WASI_TIMEOUT_SECONDS", "30"))


def _dirs(third: Any) -> List[Tuple[str, str]]:
    # The runner has passed either the test's root directory (older runners: a path or None, to be
    # mounted as "/") or a list of (host path, guest path) pairs (newer runners).
    if third is None:
        return []
    if isinstance(third, (str, os.PathLike)):
        return [(str(third), "/")]
    return [(str(host), str(guest)) for host, guest in third]


def compute_argv(test_path: str,
                 args_env_dirs: Tuple[List[str], Dict[str, str], Any],
                 proposals: List[str],
                 wasi_world: str = "wasi:cli/command",
                 wasi_version: str = "wasm32-wasip1") -> List[str]:
    if wasi_version != "wasm32-wasip1":
        raise ValueError(f"sharptime supports wasm32-wasip1 only, not {wasi_version}")
    if wasi_world != "wasi:cli/command":
        raise ValueError(f"sharptime supports the wasi:cli/command world only, not {wasi_world}")
    if proposals:
        raise ValueError(f"sharptime does not support the WASI proposals {', '.join(proposals)}")
    args, env, third = args_env_dirs
    argv = SHARPTIME + ["run"]
    # The guest's environment is exactly these variables: sharptime passes none of its own by default.
    for key, value in env.items():
        argv += ["--env", f"{key}={value}"]
    for host, guest in _dirs(third):
        argv += ["--dir", f"{host}::{guest}"]
    # `--` keeps a module path that starts with '-' from being read as an option; the guest's arguments
    # follow the module and are never parsed by sharptime.
    argv += ["--", test_path]
    argv += args
    return argv


if __name__ == "__main__":
    # Runner versions that execute the adapter as a script (legacy adapters) query it with --version;
    # this adapter is a module, so it prints nothing when run and the runner loads it as one.
    pass
