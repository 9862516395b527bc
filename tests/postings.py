"""Small postings the CLI and pre-commit tests share (the project's own text)."""

# Three structure warnings: S101 at 1:3 (the title), S103 at 3:4 (after Responsibilities),
# S201 at 8:4 (the empty Benefits heading).
FLAWED = """\
# Care Coordinator

## Responsibilities

- Meet clients at intake.
- Track referrals.

## Benefits

## How to apply

Send a resume.
"""

CLEAN = """\
# Care Coordinator

Lakeside Clinic is hiring a care coordinator to help older adults arrange home visits, \
transport and follow-up appointments after a hospital stay.

## Responsibilities

- Meet clients at intake.

## Qualifications

- Two years of care coordination.

## Pay and benefits

- $48,000 to $55,000 a year.
"""
