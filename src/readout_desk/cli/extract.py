"""``readout-desk-cli parse FILE...``: draft records from published readouts' text.

Each file (plain text or a saved HTML page, in any common encoding) goes through the
extractor; the draft is printed laid out as a readout, or with ``--json`` in the import
format (so ``parse x.txt --json > x.json && add x.json`` files it, its source kept), together
with the cross-check of every printed second time against the IANA rules. ``capture URL``
does the same for a web page (:mod:`readout_desk.capture`). Nothing is saved.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readout_desk import paths
from readout_desk.cli.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Context, UserError

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands
    from readout_desk.domain.extract import Draft
    from readout_desk.domain.records import Readout

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


def _print_drafts(ctx: Context, drafts: list[tuple[str, Draft, Readout]],
                  as_json: bool) -> None:
    """The drafts laid out as readouts with their cross-checks, or as an import document
    (with each readout's source and a ``cross_check`` list)."""
    from readout_desk.domain import jsonformat, render

    if as_json:
        doc = jsonformat.document([readout for _, _, readout in drafts])
        doc["cross_check"] = [{"file": name, "sessions": _check_dicts(d),
                               "notes": list(d.notes)} for name, d, _ in drafts]
        ctx.print(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for n, (name, draft, readout) in enumerate(drafts):
        if n:
            ctx.print("")
        ctx.print(f"== {name} (draft; nothing saved)")
        ctx.out.write(render.readout_text(readout, ctx.home_zone))
        if draft.checks:
            ctx.print("Cross-check of printed times:")
            for c in draft.checks:
                verdict = "agrees with the time-zone rules" if c.ok else c.message
                ctx.print(f"  - session {c.index + 1} ({c.kind}): {c.printed}: {verdict}")
        else:
            ctx.print("Cross-check of printed times: no second time is printed.")
        for note in draft.notes:
            ctx.print(f"Note: {note}")


def _lists(args: argparse.Namespace) -> tuple[Path, Path]:
    """The topic and kind lists to read besides the shipped ones."""
    topic_file = Path(args.topics) if args.topics else user_topic_file()
    if args.topics and not topic_file.exists():
        raise UserError(f"There is no topic file {args.topics}.")
    kind_file = Path(args.kinds) if args.kinds else paths.kind_file()
    if args.kinds and not kind_file.exists():
        raise UserError(f"There is no kind file {args.kinds}.")
    return topic_file, kind_file


def cmd_parse(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.domain import sources
    from readout_desk.domain.extract import ExtractionError, KindListError, TopicListError, extract

    topic_file, kind_file = _lists(args)
    drafts = []
    failed = 0
    for name in args.files:
        try:
            raw = _read(name)
            draft = extract(raw, topic_file=topic_file, kind_file=kind_file)
        except UserError as exc:
            ctx.warn(f"readout-desk-cli: {exc}")
            failed += 1
            continue
        except ExtractionError as exc:
            ctx.warn(f"readout-desk-cli: {name}: {exc}")
            failed += 1
            continue
        except (TopicListError, KindListError) as exc:
            raise UserError(f"The topic or kind list cannot be used: {exc}.") from None
        readout = sources.with_source(draft, raw, kind="file", name=Path(name).name)
        drafts.append((name, draft, readout))
    _print_drafts(ctx, drafts, args.json)
    if failed:
        return EXIT_USAGE
    return EXIT_OK


def cmd_capture(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.capture import CaptureError, capture
    from readout_desk.domain.extract import KindListError, TopicListError

    topic_file, kind_file = _lists(args)
    try:
        got = capture(args.url, topic_file=topic_file, kind_file=kind_file,
                      timeout=args.timeout)
    except CaptureError as exc:
        ctx.warn(f"readout-desk-cli: {exc}")
        return EXIT_FAILURE
    except (TopicListError, KindListError) as exc:
        raise UserError(f"The topic or kind list cannot be used: {exc}.") from None
    _print_drafts(ctx, [(got.page.url, got.draft, got.readout)], args.json)
    return EXIT_OK


def _list_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true",
                   help="print the drafts in the import JSON format (each with its source), "
                        "with a cross_check list")
    p.add_argument("--topics", metavar="FILE",
                   help=f"a topic list to use besides the curated one (default: "
                        f"{TOPIC_FILE_NAME} in the configuration folder)")
    p.add_argument("--kinds", metavar="FILE",
                   help="a list of kinds of meeting to use besides the shipped one "
                        "(default: kinds.json in the configuration folder)")


def register(commands: Commands) -> None:
    """Add the ``parse`` and ``capture`` sub-commands."""
    p = commands.add_parser(
        "parse", help="draft records from published readouts' text (nothing is saved)",
        description="Read each file (text or HTML) and print the draft readout it gives, "
                    "with the cross-check of printed times against the time-zone rules.")
    p.add_argument("files", nargs="+", metavar="FILE")
    _list_options(p)
    p.set_defaults(handler=cmd_parse)
    c = commands.add_parser(
        "capture", help="a draft record from a readout's web page (nothing is saved)",
        description="Fetch the web page at URL (the page only: no scripts, images or other "
                    "pages; http and https; at most 5 redirects and 5 MB), leave out its "
                    "navigation and print the draft readout read from it, keeping the page "
                    "as its source. With --json the output can be filed with `add`.")
    c.add_argument("url", metavar="URL")
    c.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="how long to wait for the page (default: 20)")
    _list_options(c)
    c.set_defaults(handler=cmd_capture)
