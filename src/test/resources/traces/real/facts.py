#!/usr/bin/env python3
"""Independent facts about Chrome Trace Event files, for tests to assert against.

Usage:
    python3 facts.py [--out FACTS.json] TRACE [TRACE ...] --span NAME [--span NAME ...]

Several TRACE files are treated as one input (the union of their events), as a viewer would
when opening them together. Files may be gzip-compressed (detected by magic bytes). The result is
printed and written to FACTS.json (default: <first TRACE>.facts.json).

Definitions:
  files            the TRACE paths, relative to the folder of FACTS.json
  totalEvents      len(traceEvents), summed over the files
  eventsByPhase    count of each "ph" letter
  distinctThreads  number of distinct (pid, tid) pairs over all events
  spans[].count    X events with that name + B/E pairs whose B has that name
  spans[].totalDurUs  sum of X "dur" plus (E.ts - B.ts) of those pairs, in trace units (microseconds)

B/E matching: events of each (pid, tid) are stably sorted by ts, then every E closes the most
recent open B on that thread. B events left open and E events with nothing open are counted but
contribute no duration.
"""

import argparse
import gzip
import json
import os
import sys
from collections import Counter, defaultdict
from decimal import Decimal


def load_events(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    doc = json.loads(data.decode("utf-8"), parse_float=Decimal)
    return doc["traceEvents"] if isinstance(doc, dict) else doc


def number(value):
    """Decimal or int to a JSON number without losing exactness for integral values."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def compute(paths, span_names, base):
    events = []
    for path in paths:
        events.extend(load_events(path))

    by_phase = Counter(e.get("ph") for e in events)
    threads = {(e.get("pid"), e.get("tid")) for e in events}

    span_count = Counter()
    span_dur = defaultdict(int)
    for e in events:
        if e.get("ph") == "X" and e.get("name") in span_names:
            span_count[e["name"]] += 1
            span_dur[e["name"]] += e.get("dur", 0)

    per_thread = defaultdict(list)
    for index, e in enumerate(events):
        if e.get("ph") in ("B", "E"):
            per_thread[(e.get("pid"), e.get("tid"))].append((e["ts"], index, e))
    open_at_end = 0
    unmatched_ends = 0
    pairs = 0
    for items in per_thread.values():
        items.sort(key=lambda item: (item[0], item[1]))
        stack = []
        for ts, _, e in items:
            if e["ph"] == "B":
                stack.append(e)
            elif stack:
                begin = stack.pop()
                pairs += 1
                if begin.get("name") in span_names:
                    span_count[begin["name"]] += 1
                    span_dur[begin["name"]] += ts - begin["ts"]
            else:
                unmatched_ends += 1
        open_at_end += len(stack)

    return {
        "files": [os.path.relpath(p, base) for p in paths],
        "totalEvents": len(events),
        "eventsByPhase": {ph: by_phase[ph] for ph in sorted(by_phase)},
        "distinctThreads": len(threads),
        "distinctProcesses": len({pid for pid, _ in threads}),
        "matchedBeginEndPairs": pairs,
        "unmatchedBegins": open_at_end,
        "unmatchedEnds": unmatched_ends,
        "spans": [
            {"name": n, "count": span_count[n], "totalDurUs": number(span_dur[n])} for n in span_names
        ],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("traces", nargs="+")
    parser.add_argument("--span", action="append", required=True, dest="spans")
    parser.add_argument("--out")
    args = parser.parse_args()
    out = args.out or args.traces[0] + ".facts.json"
    facts = compute(args.traces, args.spans, os.path.dirname(os.path.abspath(out)))
    text = json.dumps(facts, indent=2) + "\n"
    with open(out, "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
