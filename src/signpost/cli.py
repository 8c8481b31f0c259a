"""The `signpost` command line: one sub-command per file in `commands/`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import build, check, new, serve, translate
from .project import UsageError, checked_root

COMMANDS = {"check": check, "build": build, "new": new, "serve": serve,
            "translate": translate}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root", type=Path, default=argparse.SUPPRESS,
        help="the project folder holding curriculum/, audiences/ and mkdocs.yml "
        "(default: the nearest such folder at or above the current one)",
    )
    main = argparse.ArgumentParser(
        prog="signpost", parents=[common],
        description="Turn online-safety lesson modules into lesson sites, packs and guides.",
        epilog="exit codes: 0 clean, 1 problems found (or the build could not be made), "
        "2 usage error, 70 internal error (a bug in Signpost)",
    )
    verbs = main.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in COMMANDS.items():
        sub = verbs.add_parser(name, help=module.HELP, description=module.HELP,
                               parents=[common])
        module.add_arguments(sub)
    return main


# Exit codes: 0 clean, 1 problems found (or the build could not be made), 2 usage
# errors, 70 an internal error (a bug in Signpost, never the curriculum's fault).
INTERNAL_ERROR = 70
BUG_REPORT = ("this is a bug in Signpost, not in your curriculum: please report it with the "
              "command you ran and this line")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # exits 2 on a usage error
    try:
        args.root = checked_root(getattr(args, "root", None))
        return COMMANDS[args.command].run(args)
    except UsageError as problem:
        print(f"signpost {args.command}: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("signpost: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # a full or read-only disk, a folder that vanished
        where = f" {exc.filename}" if exc.filename else ""
        print(f"signpost: cannot read or write{where}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        print(f"signpost: internal error: {type(exc).__name__}: {exc}; {BUG_REPORT}",
              file=sys.stderr)
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
