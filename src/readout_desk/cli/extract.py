"""``readout-desk-cli parse FILE...``: draft records from published readouts' text.

Each file (plain text or a saved HTML page, in any common encoding) goes through the
extractor; the draft is printed laid out as a readout, or with ``--json`` in the import
format (so ``parse x.txt --json > x.json && add x.json`` files it), together with the
cross-check of every printed second time against the IANA rules. Nothing is saved.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readout_desk import paths
from readout_desk.cli.context import EXIT_OK, EXIT_USAGE, Context, UserError

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands
    from readout_desk.domain.extract import Draft

#: The user's own topics and aliases, read in addition to the curated list.
TOPIC_FILE_NAME = "topics.json"


def user_topic_file() -> Path:
    """Where the user's topic list lives (it need not exist)."""
    return paths.config_dir() / TOPIC_FILE_NAME


def _read(path: str) -> bytes:
    from readout_desk.domain.extract import MAX_INPUT_BYTES

    file = Path(path)
    if not file.exists():
        raise UserError(f"There is no file {path}.")
    if file.is_dir():
        raise UserError(f"{path} is a folder; give the readout files inside it.")
    try:
        size = file.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise UserError(f"{path} is {size / 1_048_576:.1f} MB; a readout is at most a few "
                            f"pages, so files over {MAX_INPUT_BYTES // 1_048_576} MB are not "
                            "read.")
        return file.read_bytes()
    except OSError as exc:
        raise UserError(f"{path} cannot be read: {exc.strerror}.") from None


def _check_dicts(draft: Draft) -> list[dict[str, Any]]:
    return [{"session": c.index, "kind": c.kind, "printed": c.printed, "computed": c.computed,
             "ok": c.ok, "message": c.message} for c in draft.checks]


def cmd_parse(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.domain import jsonformat, render
    from readout_desk.domain.extract import ExtractionError, TopicListError, extract

    topic_file = Path(args.topics) if args.topics else user_topic_file()
    if args.topics and not topic_file.exists():
        raise UserError(f"There is no topic file {args.topics}.")
    drafts = []
    failed = 0
    for name in args.files:
        try:
            draft = extract(_read(name), topic_file=topic_file)
        except UserError as exc:
            ctx.warn(f"readout-desk-cli: {exc}")
            failed += 1
            continue
        except ExtractionError as exc:
            ctx.warn(f"readout-desk-cli: {name}: {exc}")
            failed += 1
            continue
        except TopicListError as exc:
            raise UserError(f"The topic list cannot be used: {exc}.") from None
        drafts.append((name, draft))
    if args.json:
        doc = jsonformat.document([d.readout for _, d in drafts])
        doc["cross_check"] = [{"file": name, "sessions": _check_dicts(d),
                               "notes": list(d.notes)} for name, d in drafts]
        ctx.print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for n, (name, draft) in enumerate(drafts):
            if n:
                ctx.print("")
            ctx.print(f"== {name} (draft; nothing saved)")
            ctx.out.write(render.readout_text(draft.readout, ctx.home_zone))
            if draft.checks:
                ctx.print("Cross-check of printed times:")
                for c in draft.checks:
                    verdict = "agrees with the time-zone rules" if c.ok else c.message
                    ctx.print(f"  - session {c.index + 1} ({c.kind}): {c.printed}: {verdict}")
            else:
                ctx.print("Cross-check of printed times: no second time is printed.")
            for note in draft.notes:
                ctx.print(f"Note: {note}")
    if failed:
        return EXIT_USAGE
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the ``parse`` sub-command."""
    p = commands.add_parser(
        "parse", help="draft records from published readouts' text (nothing is saved)",
        description="Read each file (text or HTML) and print the draft readout it gives, "
                    "with the cross-check of printed times against the time-zone rules.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true",
                   help="print the drafts in the import JSON format, with a cross_check list")
    p.add_argument("--topics", metavar="FILE",
                   help=f"a topic list to use besides the curated one (default: "
                        f"{TOPIC_FILE_NAME} in the configuration folder)")
    p.set_defaults(handler=cmd_parse)
