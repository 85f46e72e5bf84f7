"""`make mutation`: mutmut over the modules that hold the product's rules, a score per module.

Run from the repository root: `.venv/bin/python tests/mutation/run.py [module.py ...]`.

mutmut works on a copy (its `mutants/` folder), so this script lays out a scratch folder outside
the working tree that links to the project, writes mutmut's configuration there and runs it,
once per group of modules in GROUPS below, each with its own tests: mutmut records which tests
reach each function, so each mutant runs only the selected tests that call the mutated function
(fastest first, stopping at the first failure).

A mutant is killed when a test fails (or it hangs past mutmut's timeout); it survives when every
test still passes, or when no test reaches it. docs/mutation.md keeps the scores and explains
each surviving mutant accepted as equivalent.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]

# The modules that hold the product's rules (issue 12), in groups that share their tests: each
# group is one mutmut run in its own scratch folder, with only the fast tests of its modules (no
# browser, no benchmark, no full demo build, no nine-language tree where a smaller test pins the
# rule). mutmut first runs a group's whole selection twice (which test reaches which function,
# then a clean run), so small selections keep a full run affordable. Each app's services and
# permissions modules join a group as they are written. A test may be a file or a pytest node id.
GROUPS = {
    "sanitiser": (["cms/sanitiser.py"], ["tests/cms/test_sanitiser.py"]),
    # The partner-matching ranking: pure, so its own tests reach every line.
    "partnering": (
        ["community/partnering/matching.py"],
        ["tests/community/partnering/test_matching.py"],
    ),
    "filters": (["cms/filters.py"], ["tests/cms/test_filters.py", "tests/cms/test_listings.py"]),
    "languages": (
        ["cms/i18n.py", "cms/language_switch.py"],
        [
            "tests/cms/test_i18n_helpers.py",
            "tests/cms/test_language_switch.py",
            "tests/cms/test_notice_phrases.py",
            "tests/cms/test_languages.py",
        ],
    ),
    "fallback": (
        ["cms/fallback.py"],
        ["tests/cms/test_languages.py::SourceFallbackTests", "tests/cms/test_links.py"],
    ),
    "sitemaps": (
        ["cms/sitemaps.py"],
        [
            "tests/cms/test_sitemap_rules.py",
            "tests/cms/test_sitemap_and_search.py",
            "tests/community/discussions/test_pages.py"
            "::test_sitemap_gives_each_public_thread_its_own_language_alternates",
        ],
    ),
    # Its PostgreSQL paths (the localised index) need DATABASE_URL set (docs/mutation.md).
    "search": (
        ["cms/search.py"],
        ["tests/cms/test_search_rules.py", "tests/cms/test_sitemap_and_search.py"],
    ),
    "visibility": (
        ["cms/visibility.py"],
        ["tests/cms/test_visibility_rules.py", "tests/cms/test_visibility_queries.py"],
    ),
    # The demo's helpers are unit-tested here; test_load_demo*.py build the whole demo (minutes).
    "demo": (["cms/demo/sync.py"], ["tests/cms/test_demo_sync.py"]),
    # The shared-cache counter behind the posting rate limit (atomic across processes).
    # Its tests across processes spawn workers of their own, which mutmut's runner cannot
    # follow; the windows are pinned by the posting gate's rules and the threads' test.
    "rate_limits": (
        ["cms/rate_limits.py"],
        [
            "tests/cms/test_rate_limit_windows.py",
            "tests/community/moderation/test_rules.py",
            "tests/cms/test_rate_limits.py"
            "::test_parallel_attempts_on_the_local_memory_cache_let_exactly_the_limit_through",
        ],
    ),
    "accounts": (
        ["community/members/adapters.py"],
        [
            "tests/community/members/test_accounts.py",
            "tests/community/members/test_account_emails.py",
            "tests/community/members/test_login_flows.py",
            "tests/community/members/test_mfa.py",
            "tests/community/members/test_rate_limits.py",
        ],
    ),
    "community": (
        [
            "community/members/permissions.py",
            "community/organisations/permissions.py",
            "community/ideas/permissions.py",
            "community/discussions/permissions.py",
            "community/discussions/posting.py",
            "community/workshops/permissions.py",
            "community/moderation/services.py",
            "community/notifications/services.py",
        ],
        [
            "tests/community/ideas/test_lifecycle.py",
            "tests/community/ideas/test_review.py",
            "tests/community/organisations/test_organisations.py",
            "tests/community/members/test_profiles.py",
            "tests/community/ideas/test_permission_rules.py",
            "tests/community/members/test_permission_rules.py",
            "tests/community/organisations/test_permission_rules.py",
            "tests/community/members/test_directory.py",
            "tests/community/discussions/test_permissions.py",
            "tests/community/discussions/test_permission_rules.py",
            "tests/community/discussions/test_posting.py",
            "tests/community/discussions/test_pages.py",
            "tests/community/discussions/test_event_spaces.py",
            "tests/community/workshops/test_permissions.py",
            "tests/community/workshops/test_flows.py",
            "tests/community/workshops/test_channels.py",
            "tests/community/moderation/test_moderation.py",
            "tests/community/moderation/test_rules.py",
            "tests/community/moderation/test_admin.py",
            "tests/community/notifications/test_notifications.py",
            "tests/community/notifications/test_rules.py",
            "tests/community/notifications/test_discussions.py",
        ],
    ),
    "events": (
        [
            "events/registrations/permissions.py",
            "events/registrations/services.py",
            "events/pages/caps.py",
        ],
        [
            "tests/events/pages/test_caps.py",
            "tests/events/registrations/test_organiser_permissions.py",
            "tests/events/registrations/test_join_link_privacy.py",
            "tests/events/registrations/test_registration_engine.py",
            "tests/events/registrations/test_registration_service_rules.py",
        ],
    ),
}
RULE_MODULES = [module for modules, _tests in GROUPS.values() for module in modules]

# Groups with code that only runs on PostgreSQL (the search index): run there when
# MUTATION_DATABASE_URL names a server that answers, on one worker (two forks would race for
# the same test database names); else on SQLite, where that code has "no tests". Not the
# default: each forked run migrates a new test database there, about 20 s a mutant against
# about 1 s on SQLite (docs/mutation.md runs just the index's mutants there).
POSTGRES_GROUPS = {"search"}

# What the copy needs besides the mutated packages (settings, templates, catalogues, ...).
ALSO_COPY = ["site", "templates", "static", "locale", "pytest.ini", "manage.py"]
PACKAGES = ["cms", "community", "events"]
KILLED = {"killed", "timeout"}


def say(text=""):
    sys.stdout.write(f"{text}\n")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="limit to these modules (default: all)")
    parser.add_argument(
        "--workdir",
        default=os.environ.get(
            "MUTATION_DIR", str(Path(tempfile.gettempdir()) / "osc-mutation" / ROOT.name)
        ),
        help="scratch folder, one subfolder per group (each wiped first)",
    )
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("MUTATION_JOBS", "2")))
    parser.add_argument(
        "--tests",
        nargs="+",
        help="run these tests (files or node ids) instead of the modules' groups' own",
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("MUTATION_DATABASE_URL", ""),
        help=f"a PostgreSQL URL for {', '.join(sorted(POSTGRES_GROUPS))} (default: SQLite)",
    )
    parser.add_argument(
        "--show-survivors", action="store_true", help="print the diff of every survivor"
    )
    return parser.parse_args()


def lay_out(workdir, modules, tests):
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    for name in PACKAGES + ALSO_COPY + ["tests"]:
        (workdir / name).symlink_to(ROOT / name)

    def lines(values):
        return "".join(f"\n    {value}" for value in values)

    (workdir / "setup.cfg").write_text(
        "[mutmut]\n"
        f"source_paths ={lines(PACKAGES)}\n"
        f"only_mutate ={lines(modules)}\n"
        f"also_copy ={lines(ALSO_COPY)}\n"
        f"pytest_add_cli_args_test_selection ={lines(tests)}\n"
        # The suite's own options come from pytest.ini; never a browser test here.
        "pytest_add_cli_args =\n    -m\n    not e2e and not benchmark\n    -p\n    no:xdist\n"
    )


def postgres_answers(url):
    """Whether a PostgreSQL server answers at `url` (its maintenance database, as Django's test
    runner uses it to create the test database)."""
    if not url:
        return False
    import psycopg  # noqa: PLC0415 - only needed when asked

    parts = urlsplit(url)
    try:
        psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError:
        return False
    return True


def mutmut(workdir, *args, log=None, env=None):
    command = [str(Path(sys.executable).parent / "mutmut"), *args]
    return subprocess.run(  # noqa: S603 - our own venv's mutmut, fixed arguments
        command,
        cwd=workdir,
        env=env,
        check=False,
        text=True,
        stdout=log or subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def statuses(workdir):
    """{mutant name: status} from `mutmut results --all`."""
    output = mutmut(workdir, "results", "--all", "true").stdout
    return dict(re.findall(r"^\s+(\S+): (.+)$", output, flags=re.MULTILINE))


def module_of(mutant_name):
    # cms.demo.sync.x_sync_page__mutmut_12 -> cms/demo/sync.py; methods are xǁClassǁname
    dotted = re.match(r"(.+?)\.x[_\u01c1]", mutant_name).group(1)
    return dotted.replace(".", "/") + ".py"


def score_table(results, modules):
    rows = []
    by_module = {module: Counter() for module in modules}
    for name, status in results.items():
        by_module.setdefault(module_of(name), Counter())[status] += 1
    for module in modules:
        counts = by_module[module]
        total = sum(counts.values())
        killed = sum(counts[status] for status in KILLED)
        percent = 100 * killed / total if total else 100.0
        rows.append((module, killed, total, percent, counts))
    return rows


def plan(modules, tests):
    """[(group, modules, tests)] to run: each named module with its group's tests (or `tests`)."""
    runs = []
    for group, (group_modules, group_tests) in GROUPS.items():
        chosen = [module for module in group_modules if module in modules]
        if chosen:
            selection = [t for t in tests or group_tests if (ROOT / t.split("::")[0]).is_file()]
            runs.append((group, chosen, selection))
    return runs


def run_group(workdir, modules, tests, jobs, database_url=None):
    """One mutmut run (on `database_url`, else the test settings' SQLite); returns
    ({mutant: status}, minutes)."""
    lay_out(workdir, modules, tests)
    env = {**os.environ, "DATABASE_URL": database_url} if database_url else None
    started = time.monotonic()
    log_path = workdir / "mutmut.log"
    with log_path.open("w") as log:
        run = mutmut(workdir, "run", "--max-children", str(jobs), log=log, env=env)
    minutes = (time.monotonic() - started) / 60
    results = statuses(workdir)
    if run.returncode != 0 or not results:
        say(log_path.read_text()[-4000:])
        sys.exit(f"mutmut failed (exit {run.returncode}); full log: {log_path}")
    return results, minutes


def main():
    args = parse_args()
    modules = args.modules or RULE_MODULES
    unknown = [module for module in modules if module not in RULE_MODULES]
    if unknown:
        sys.exit(f"Not a rule module (see GROUPS in {__file__}): {', '.join(unknown)}")
    root = Path(args.workdir)
    results, rows, timings = {}, [], []
    for group, group_modules, tests in plan(modules, args.tests):
        database, jobs, url = "SQLite", args.jobs, None
        if group in POSTGRES_GROUPS:
            if postgres_answers(args.postgres):
                database, jobs, url = "PostgreSQL", 1, args.postgres
            else:
                say(f"{group}: on SQLite, so its PostgreSQL-only code counts as 'no tests'")
        say(f"{group}: mutating {', '.join(group_modules)} ({len(tests)} test selections) ...")
        group_results, minutes = run_group(root / group, group_modules, tests, jobs, url)
        timings.append(
            (group, len(group_results), minutes, f"{database}, {jobs} job{'s' if jobs > 1 else ''}")
        )
        results.update(group_results)
        rows += score_table(group_results, group_modules)
        if args.show_survivors:
            for name in sorted(group_results):
                if group_results[name] not in KILLED:
                    say(mutmut(root / group, "show", name).stdout)

    total_minutes = sum(minutes for _g, _n, minutes, _d in timings)
    say(f"\nmutmut, {total_minutes:.1f} min in all\n")
    say(f"| {'module':<36} | killed / total | score | survived | no tests |")
    say(f"|{'-' * 38}|----------------|-------|----------|----------|")
    for module, killed, total, percent, counts in rows:
        say(
            f"| {module:<36} | {killed:>6} / {total:<5} | {percent:4.0f} % "
            f"| {counts['survived']:>8} | {counts['no tests']:>8} |"
        )
    say("\n| group | mutants | minutes | database |\n|---|---|---|---|")
    for group, count, minutes, database in timings:
        say(f"| {group} | {count} | {minutes:.1f} | {database} |")
    survivors = sorted(name for name, status in results.items() if status not in KILLED)
    root.mkdir(parents=True, exist_ok=True)
    (root / "scores.json").write_text(
        json.dumps(
            {
                "minutes": round(total_minutes, 1),
                "groups": {
                    g: {"mutants": n, "minutes": round(m, 1), "run": d} for g, n, m, d in timings
                },
                "modules": {m: {"killed": k, "total": t} for m, k, t, _p, _c in rows},
                "survivors": survivors,
            },
            indent=2,
        )
    )
    say(f"\n{len(survivors)} surviving mutants (details: {root}/scores.json)")
    for name in survivors:
        say(f"  {results[name]:<9} {name}")
    below = [module for module, _k, _t, percent, _c in rows if percent < 85]
    if below:
        say(f"\nBelow the 85 % target: {', '.join(below)}")


if __name__ == "__main__":
    main()
