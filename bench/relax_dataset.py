#!/usr/bin/env python3
"""Copies a takt dataset with resource capacities and supply quantities multiplied by a factor.

Used by bench/plan_scaling.sh to compare planning a saturated factory with a loose one.
Usage: relax_dataset.py SRC DST FACTOR
"""
import csv
from decimal import Decimal
import shutil
import sys
from pathlib import Path

SCALED = {  # file -> columns to multiply
    "resources.csv": ["capacity_per_day"],
    "resource_calendar.csv": ["capacity_per_day"],
    "supply.csv": ["qty"],
}


def scale(value: str, factor: int) -> str:
    if value.strip() == "":
        return value
    return str(Decimal(value) * factor)


def main() -> None:
    src, dst, factor = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    for name, columns in SCALED.items():
        path = dst / name
        if not path.exists():
            continue
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
            header = rows[0].keys() if rows else []
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(header), lineterminator="\n")
            writer.writeheader()
            for row in rows:
                for column in columns:
                    row[column] = scale(row[column], factor)
                writer.writerow(row)


if __name__ == "__main__":
    main()
