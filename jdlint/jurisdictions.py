"""Pay transparency laws as data: where each applies, from when to when, to whom, and what
it requires.

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
  counties: []             # only these counties ("Westchester": "Westchester County, NY")
  effective: 2021-01-01    # in force from this date
  enforced: 2027-01-01     # in force earlier, but enforced only from this date
  until: 2023-09-17        # no longer applied from this date (superseded, lapsed)
  min_employees: 1         # employers with fewer employees are not covered
  remote: true             # also covers fully remote jobs open to residents of the place
  currency: CAD            # the currency and pay period of the law's amounts
  period: year
  disclose: ad             # ad (pay in the posting), before-interview, before-employment
  requires: [range, benefits, deadline, {max_width: 50000}]
  since: {deadline: 2024-01-01}   # a requirement added later than the law
  source: https://...
```

The dates are compared with the posting's own date (front matter ``date_posted``), else
today. ``requires`` takes:

- ``range``: a minimum and a maximum, or one fixed rate;
- ``minimum``: the minimum pay (a range, a fixed rate, or an open "from EUR 2,800" figure);
- ``benefits``: a general description of benefits; ``deadline``: when applications close;
- ``max_width: N``: a range no wider than N (in ``currency`` per ``period``);
- ``exempt_above: N``: no pay requirement when the pay, or the top of the range, is over N;
- ``ai_disclosure``: a statement that AI screens, assesses or selects applicants, where the
  employer uses it (config ``employer: {ai_screening: true}``);
- ``vacancy_status``: whether the posting is for an existing vacancy;
- ``collective_agreement``: a reference to the collective agreement that applies (config
  ``employer: {collective_agreement: false}`` for an employer with none);
- ``commission_statement``: for a job paid only by commission, saying so meets ``range``;
- ``description``: the job description (a posting that states no duties lacks it).

A law with ``disclose`` other than ``ad`` asks for pay later than the posting: it is never
a C101 error, and C102 (info) names it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError
from .location import Location

REQUIREMENTS = (
    "range",
    "minimum",
    "benefits",
    "deadline",
    "max_width",
    "exempt_above",
    "ai_disclosure",
    "vacancy_status",
    "collective_agreement",
    "commission_statement",
    "description",
)
# Requirements written as a mapping with an amount: {max_width: 50000}.
AMOUNTS = ("max_width", "exempt_above")
DISCLOSE = ("ad", "before-interview", "before-employment")
PERIODS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
_KEYS = {
    "id",
    "name",
    "law",
    "country",
    "region",
    "cities",
    "counties",
    "effective",
    "enforced",
    "until",
    "min_employees",
    "remote",
    "currency",
    "period",
    "disclose",
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
    counties: tuple[str, ...] = ()
    enforced: dt.date | None = None
    until: dt.date | None = None
    currency: str | None = None
    period: str | None = None
    disclose: str = "ad"
    amounts: tuple[tuple[str, float], ...] = ()
    note: str = ""

    @property
    def local(self) -> bool:
        """A city or county law, not a state's or a country's."""
        return bool(self.cities or self.counties)

    def covers(self, loc: Location) -> bool:
        if loc.country and loc.country != self.country:
            return False
        if loc.remote:
            if (loc.country or "US") != self.country:
                return False
            if self.region is None and not self.local:
                return True  # a country's law covers a remote job in that country
            if loc.region:
                # Remote from one state only: its laws, and a city's that reaches remote work.
                return loc.region == self.region and (not self.local or self.remote)
            # A fully remote job open across the country may be filled from here, unless
            # the posting says it is not open in this state.
            return self.remote and self.region not in loc.excluded
        if self.region is None:
            return loc.country == self.country and not self.local
        if loc.region != self.region:
            return False
        if self.local:
            return bool(loc.city) and (
                _norm(loc.city) in {_norm(c) for c in self.cities}
                or _norm(loc.city).removesuffix(" county") in {_norm(c) for c in self.counties}
            )
        return True

    def required(self, when: dt.date) -> tuple[str, ...]:
        dates = dict(self.since)
        return tuple(r for r in self.requires if dates.get(r, self.effective) <= when)

    def amount(self, requirement: str) -> float | None:
        return dict(self.amounts).get(requirement)

    @property
    def applies_from(self) -> dt.date:
        """The first day a posting is reported for breaking this law (C101)."""
        return max(self.effective, self.enforced or self.effective)


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


def _requires(raw: Any, at: str) -> tuple[tuple[str, ...], tuple[tuple[str, float], ...]]:
    """``requires`` as names, and the amounts of those written {max_width: 50000}."""
    names: list[str] = []
    amounts: list[tuple[str, float]] = []
    kinds = ", ".join(REQUIREMENTS)
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{at}: 'requires' lists {kinds}")
    for item in raw:
        if isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
            if key not in AMOUNTS:
                raise ConfigError(f"{at}: only {', '.join(AMOUNTS)} take an amount, not {key!r}")
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{at}: {key} is a positive amount, not {value!r}")
            names.append(key)
            amounts.append((key, float(value)))
        elif item in AMOUNTS:
            raise ConfigError(f"{at}: {item} needs an amount ({{{item}: 50000}})")
        elif item in REQUIREMENTS:
            names.append(item)
        else:
            raise ConfigError(f"{at}: 'requires' lists {kinds}, not {item!r}")
    return tuple(names), tuple(amounts)


def _names(item: dict[str, Any], key: str, at: str) -> tuple[str, ...]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise ConfigError(f"{at}: '{key}' is a list of names")
    return tuple(value)


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
        requires, amounts = _requires(item["requires"], at)
        since = item.get("since") or {}
        if not isinstance(since, dict) or not all(k in requires for k in since):
            raise ConfigError(f"{at}: 'since' maps a requirement it lists to the date it starts")
        size = item.get("min_employees", 1)
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ConfigError(f"{at}: 'min_employees' is a whole number")
        disclose = item.get("disclose", "ad")
        if disclose not in DISCLOSE:
            raise ConfigError(f"{at}: 'disclose' is one of {', '.join(DISCLOSE)}")
        period = item.get("period")
        if period is not None and str(period).upper() not in PERIODS:
            raise ConfigError(f"{at}: 'period' is one of {', '.join(p.lower() for p in PERIODS)}")
        currency = item.get("currency")
        if amounts and not currency:
            raise ConfigError(f"{at}: an amount ({amounts[0][0]}) needs the law's 'currency'")
        effective = _date(item["effective"], f"{at} effective")
        enforced = _date(item["enforced"], f"{at} enforced") if item.get("enforced") else None
        until = _date(item["until"], f"{at} until") if item.get("until") else None
        if until is not None and until <= effective:
            raise ConfigError(f"{at}: 'until' is after 'effective'")
        if enforced is not None and enforced < effective:
            raise ConfigError(f"{at}: 'enforced' is not before 'effective'")
        region = item.get("region")
        out.append(
            Jurisdiction(
                id=jid,
                name=str(item["name"]),
                law=str(item["law"]),
                country=str(item["country"]).upper(),
                region=str(region).upper() if region else None,
                cities=_names(item, "cities", at),
                effective=effective,
                min_employees=size,
                remote=bool(item.get("remote", False)),
                requires=requires,
                since=tuple((k, _date(v, f"{at} since.{k}")) for k, v in since.items()),
                source=str(item.get("source", "")),
                counties=_names(item, "counties", at),
                enforced=enforced,
                until=until,
                currency=str(currency).upper() if currency else None,
                period=str(period).upper() if period else ("YEAR" if amounts else None),
                disclose=disclose,
                amounts=amounts,
                note=str(item.get("note", "")),
            )
        )
    return out


@dataclass
class Match:
    """A law that covers the posting's place, and whether it binds this posting."""

    jurisdiction: Jurisdiction
    location: Location
    # "applies"; "not-yet" (not in force on the posting's date); "not-enforced" (in force,
    # enforced later); "too-small" (employer under the threshold)
    status: str


def match(
    table: list[Jurisdiction], locations: list[Location], when: dt.date, employer_size: int | None
) -> list[Match]:
    """Every law that covers one of the locations on ``when``, with its status. A city law
    and its state's law are both listed: each has its own requirements. A law that ended
    before ``when`` (``until``) is left out."""
    out: list[Match] = []
    for j in table:
        if j.until is not None and when >= j.until:
            continue
        loc = next((loc for loc in locations if j.covers(loc)), None)
        if loc is None:
            continue
        if employer_size is not None and employer_size < j.min_employees:
            status = "too-small"
        elif j.effective > when:
            status = "not-yet"
        elif j.enforced is not None and j.enforced > when:
            status = "not-enforced"
        else:
            status = "applies"
        out.append(Match(j, loc, status))
    return out
