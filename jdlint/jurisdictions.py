"""Pay transparency laws as data: where each applies, from when, to whom, and what it requires.

The table is the ``jurisdictions`` option of the pay-transparency rules in
``rules/compliance.yaml`` (a config can replace it: ``rules: {C101: {jurisdictions: [...]}}``).
Each entry:

```yaml
- id: colorado
  name: Colorado
  law: Equal Pay for Equal Work Act (C.R.S. 8-5-201)
  country: US
  region: CO               # a state or province code; omit for a country-wide law
  cities: []               # only these cities of the region (a city ordinance)
  effective: 2021-01-01    # in force from this date, compared with today
  min_employees: 1         # employers with fewer employees are not covered
  remote: true             # also covers fully remote jobs open to residents of the country
  requires: [range, benefits, deadline]
  since: {deadline: 2024-01-01}   # a requirement added later than the law
  source: https://...
```

``requires`` takes ``range`` (a minimum and a maximum, or one fixed rate), ``benefits``
(a general description of benefits) and ``deadline`` (the date applications close).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError
from .location import Location

REQUIREMENTS = ("range", "benefits", "deadline")
_KEYS = {
    "id",
    "name",
    "law",
    "country",
    "region",
    "cities",
    "effective",
    "min_employees",
    "remote",
    "requires",
    "since",
    "source",
    "note",
}


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name: str
    law: str
    country: str
    region: str | None
    cities: tuple[str, ...]
    effective: dt.date
    min_employees: int
    remote: bool
    requires: tuple[str, ...]
    since: tuple[tuple[str, dt.date], ...] = field(default=())
    source: str = ""

    def covers(self, loc: Location) -> bool:
        if loc.country and loc.country != self.country:
            return False
        if loc.remote:
            # A fully remote job open across the country may be filled from here.
            return self.remote and (loc.country or "US") == self.country and not self.cities
        if self.region and loc.region != self.region:
            return False
        if self.cities:
            return bool(loc.city) and _norm(loc.city) in {_norm(c) for c in self.cities}
        return bool(loc.region or not self.region)

    def required(self, today: dt.date) -> tuple[str, ...]:
        dates = dict(self.since)
        return tuple(r for r in self.requires if dates.get(r, self.effective) <= today)


def _norm(city: str) -> str:
    return " ".join(city.lower().replace(".", "").split())


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{where}: dates are written YYYY-MM-DD, not {value!r}")


def parse_table(raw: list[dict[str, Any]], where: str = "jurisdictions") -> list[Jurisdiction]:
    """Validate the table; errors name the entry."""
    out = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{at}: each jurisdiction is a mapping")
        unknown = set(item) - _KEYS
        if unknown:
            raise ConfigError(
                f"{at}: unknown key(s) {sorted(unknown)} (keys: {', '.join(sorted(_KEYS))})"
            )
        for key in ("id", "name", "law", "country", "effective", "requires"):
            if key not in item:
                raise ConfigError(f"{at}: '{key}' is required")
        jid = str(item["id"])
        at = f"{where} '{jid}'"
        if jid in seen:
            raise ConfigError(f"{at}: duplicate id")
        seen.add(jid)
        requires = item["requires"]
        if not isinstance(requires, list) or not all(r in REQUIREMENTS for r in requires):
            raise ConfigError(f"{at}: 'requires' lists {', '.join(REQUIREMENTS)}")
        since = item.get("since") or {}
        if not isinstance(since, dict) or not all(k in REQUIREMENTS for k in since):
            raise ConfigError(f"{at}: 'since' maps a requirement to the date it starts")
        cities = item.get("cities") or []
        if not isinstance(cities, list) or not all(isinstance(c, str) for c in cities):
            raise ConfigError(f"{at}: 'cities' is a list of city names")
        size = item.get("min_employees", 1)
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ConfigError(f"{at}: 'min_employees' is a whole number")
        region = item.get("region")
        out.append(
            Jurisdiction(
                id=jid,
                name=str(item["name"]),
                law=str(item["law"]),
                country=str(item["country"]).upper(),
                region=str(region).upper() if region else None,
                cities=tuple(cities),
                effective=_date(item["effective"], f"{at} effective"),
                min_employees=size,
                remote=bool(item.get("remote", False)),
                requires=tuple(requires),
                since=tuple((k, _date(v, f"{at} since.{k}")) for k, v in since.items()),
                source=str(item.get("source", "")),
            )
        )
    return out


@dataclass
class Match:
    """A law that covers the posting's place, and whether it binds this posting today."""

    jurisdiction: Jurisdiction
    location: Location
    status: str  # "applies", "not-yet" (not in force today), "too-small" (employer under threshold)


def match(
    table: list[Jurisdiction], locations: list[Location], today: dt.date, employer_size: int | None
) -> list[Match]:
    """Every law that covers one of the locations, with its status. A city law and its
    state's law are both listed: each has its own requirements."""
    out: list[Match] = []
    for j in table:
        loc = next((loc for loc in locations if j.covers(loc)), None)
        if loc is None:
            continue
        if j.effective > today:
            status = "not-yet"
        elif employer_size is not None and employer_size < j.min_employees:
            status = "too-small"
        else:
            status = "applies"
        out.append(Match(j, loc, status))
    return out
