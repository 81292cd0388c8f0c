"""Kill -9 at random points: forks a worker per kill point, kills it, then checks the store.

Run as a real subprocess by ``test_crash_kill.py`` (and ``make stress``)::

    python tests/reliability/crash_harness.py --scenario entry --points 30 --seed 1 --workdir DIR

The harness process imports the program once and forks one child per kill point, so a kill
point costs milliseconds instead of an interpreter start; the child is a real process and
is ended with ``SIGKILL`` at a random moment of its work (the delay is drawn from
``[0, 1.2 × the measured duration of one uninterrupted run]``). After each kill the
harness checks, in its own process:

* ``onestop check`` passes (the CLI's own code path; every ``--cli-every`` points also the
  real ``onestop`` console script in a fresh process);
* every case the child reported as committed (written to an append-only ledger only after
  the call that committed it returned) is still there, with its sync op and search entry;
* the scenario's own invariants (an import is all rows or none, an export file is complete
  or absent, a hub file under its final name is whole, a restored store is one of the two
  versions, never a mix).

It prints one JSON object with the counts; exit 0 when every check passed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("ONESTOP_PASSPHRASE", "시험용 암호 crash harness")
os.environ.setdefault("ONESTOP_USER", "김상담")
os.environ.setdefault("ONESTOP_AUTO_BACKUP", "0")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crash_scenarios import SCENARIOS, Scenario  # noqa: E402

from desktop import cli  # noqa: E402

ONESTOP = shutil.which("onestop", path=str(Path(sys.executable).parent)) or "onestop"


@dataclass
class Tally:
    """What happened at the kill points of one scenario."""

    scenario: str
    points: int = 0
    killed: int = 0
    completed: int = 0
    cli_checks: int = 0
    calibration_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)


def cli_check(path: Path) -> None:
    """``onestop check --json`` through the CLI's own main(); raises when it does not pass."""
    buffer, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(errors):
        code = cli.main(["--db", str(path), "--lang", "en", "check", "--json"])
    if code != 0:
        raise AssertionError(f"onestop check failed ({code}): {buffer.getvalue()} {errors.getvalue()}")
    report = json.loads(buffer.getvalue())
    if not report["ok"] or report["schema_version"] != report["expected_schema_version"]:
        raise AssertionError(f"onestop check: {report}")


def real_cli_check(path: Path) -> None:
    """The installed ``onestop check`` in a fresh process."""
    done = subprocess.run(
        [ONESTOP, "--db", str(path), "--lang", "en", "check"],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"ONESTOP_AUTO_BACKUP": "0"},
    )
    if done.returncode != 0:
        raise AssertionError(f"onestop check (process) failed: {done.stdout} {done.stderr}")


def run_child(work: Callable[[], None]) -> int:
    """Fork a child that runs ``work`` and exits 0 (3 on an error); returns its pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            work()
        except BaseException:  # noqa: BLE001 - report anything, then leave without cleanup
            traceback.print_exc()
            code = 3
        finally:
            os._exit(code)
    return pid


def wait_or_kill(pid: int, delay: float) -> tuple[bool, int]:
    """Sleep ``delay`` seconds, SIGKILL the child if it still runs; (killed, exit code)."""
    deadline = time.monotonic() + delay
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return False, os.waitstatus_to_exitcode(status)
        left = deadline - time.monotonic()
        if left <= 0:
            break
        time.sleep(min(left, 0.005))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    # It may have finished in the instant before the signal.
    return code == -signal.SIGKILL, code


def calibrate(scenario: Scenario, rounds: int = 3) -> float:
    """Seconds one uninterrupted child run takes (the longest of a few, after a warm-up run)."""
    longest = 0.0
    for i in range(rounds):
        scenario.before_point(-1 - i)
        started = time.monotonic()
        pid = run_child(lambda i=i: scenario.child(-1 - i))
        _, status = os.waitpid(pid, 0)
        if i:  # the first run warms caches (imports, reference files): not typical
            longest = max(longest, time.monotonic() - started)
        if os.waitstatus_to_exitcode(status) != 0:
            raise AssertionError(f"{scenario.name}: an uninterrupted run failed")
        scenario.after_point(-1 - i, killed=False)
        scenario.verify(-1 - i)
    return longest


def run_scenario(
    name: str, points: int, seed: int, workdir: Path, cli_every: int, template: Path | None = None
) -> Tally:
    rng = random.Random(seed)
    scenario = SCENARIOS[name](workdir / name, rng, template)
    scenario.prepare()
    tally = Tally(name)
    try:
        tally.calibration_seconds = round(calibrate(scenario), 3)
    except Exception as exc:  # noqa: BLE001
        tally.failures.append(f"calibration: {exc!r}")
        return tally
    window = max(tally.calibration_seconds * 1.2, 0.05)
    for i in range(points):
        scenario.before_point(i)
        pid = run_child(lambda i=i: scenario.child(i))
        killed, code = wait_or_kill(pid, rng.uniform(0.0, window))
        tally.points += 1
        if killed:
            tally.killed += 1
        elif code != 0:
            tally.failures.append(f"point {i}: the child failed on its own (exit {code})")
            continue
        else:
            tally.completed += 1
        try:
            scenario.after_point(i, killed=killed)
            for path in scenario.stores():
                cli_check(path)
                if cli_every and i % cli_every == 0:
                    real_cli_check(path)
                    tally.cli_checks += 1
            scenario.verify(i)
        except Exception as exc:  # noqa: BLE001 - collect every failure with its point
            tally.failures.append(f"point {i} ({'killed' if killed else 'completed'}): {exc!r}")
            if len(tally.failures) > 5:
                break
    try:
        scenario.finish()
        for path in scenario.stores():
            real_cli_check(path)
            tally.cli_checks += 1
    except Exception as exc:  # noqa: BLE001
        tally.failures.append(f"finish: {exc!r}")
    tally.extra = scenario.counts()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", action="append", choices=sorted(SCENARIOS), required=True)
    parser.add_argument("--points", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--cli-every", type=int, default=10, help="real `onestop check` every N points")
    parser.add_argument("--template", type=Path, help="an empty migrated store to copy (faster)")
    args = parser.parse_args(argv)
    results = [
        run_scenario(name, args.points, args.seed, args.workdir, args.cli_every, args.template)
        for name in args.scenario
    ]
    print(json.dumps([r.__dict__ for r in results], ensure_ascii=False))
    return 0 if not any(r.failures for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
