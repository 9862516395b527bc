"""schema.org JobPosting JSON-LD: built from a posting, and checked where a page embeds it.

``build`` makes the markup Google's job search reads from the posting's title, body (as
HTML), front matter (``date_posted``, ``valid_through``, ``employment_type``, ``company``,
``location``, ``salary``) and the text (pay range, place). ``validate`` checks a
JobPosting object against Google's required and recommended properties and value types
(Google Search Central, "Job posting (JobPosting) structured data",
https://developers.google.com/search/docs/appearance/structured-data/job-posting).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from typing import Any

from . import location as loc_mod
from . import pay as pay_mod
from .posting import Posting

REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
# jobLocation is required unless the job is fully remote (TELECOMMUTE with
# applicantLocationRequirements).
RECOMMENDED = ("baseSalary", "employmentType", "validThrough", "identifier", "directApply")
EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)
UNITS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)


@dataclass
class Problem:
    level: str  # "required", "recommended" or "value"
    message: str


# -- building ------------------------------------------------------------------------


def _date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _employment_types(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        if isinstance(v, str) and v.strip():
            out.append(re.sub(r"[\s-]+", "_", v.strip()).upper())
    return out


def _unmasked(posting: Posting, block: Any) -> str:
    """A block's clean text with masked e-mail addresses and URLs restored from the source."""
    text = block.text

    def restore(m: re.Match[str]) -> str:
        a, z = block.source_span(m.start(), m.end())
        original = posting.text[a:z]
        if len(original) == len(m.group()) and "\n" not in original and original.strip():
            return original
        return m.group()

    return re.sub(r" {2,}", restore, text)


def description_html(posting: Posting) -> str:
    """The body as HTML: headings as <h2>/<h3>, paragraphs as <p>, lists as <ul><li>."""
    parts: list[str] = []
    in_list = False
    for block in posting.blocks:
        if (
            block.kind == "heading"
            and posting.title_span
            and block.source_span() == posting.title_span
        ):
            continue
        if block.kind == "list_item":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{html.escape(_unmasked(posting, block).strip(), quote=False)}</li>")
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        text = html.escape(_unmasked(posting, block).strip(), quote=False)
        if block.kind == "heading":
            level = min(max(block.level, 2), 4)
            parts.append(f"<h{level}>{text}</h{level}>")
        else:
            parts.append(f"<p>{text}</p>")
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def _place(loc: loc_mod.Location) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if loc.city:
        address["addressLocality"] = loc.city
    if loc.region:
        address["addressRegion"] = loc.region
    if loc.country:
        address["addressCountry"] = loc.country
    return {"@type": "Place", "address": address}


def build(posting: Posting, config: Any = None) -> tuple[dict[str, Any], list[str]]:
    """(JobPosting JSON-LD, errors): each error names a required property that is missing
    and what in the posting would supply it."""
    meta = posting.meta
    errors: list[str] = []
    data: dict[str, Any] = {"@context": "https://schema.org/", "@type": "JobPosting"}
    if posting.title:
        data["title"] = posting.title.strip()
    else:
        errors.append("title: the posting has no title (front matter 'title' or a '# Heading')")
    desc = description_html(posting)
    if desc and re.sub(r"<[^>]+>", "", desc).strip() != (posting.title or "").strip():
        data["description"] = desc
    else:
        errors.append("description: the posting has no text besides its title")
    posted = _date(meta.get("date_posted"))
    if posted:
        data["datePosted"] = posted
    else:
        errors.append("datePosted: set 'date_posted' (YYYY-MM-DD) in front matter")
    through = _date(meta.get("valid_through"))
    if through:
        data["validThrough"] = through
    types = _employment_types(meta.get("employment_type"))
    if types:
        data["employmentType"] = types[0] if len(types) == 1 else types
        bad = [t for t in types if t not in EMPLOYMENT_TYPES]
        if bad:
            errors.append(
                f"employmentType: {', '.join(bad)} is not one of {', '.join(EMPLOYMENT_TYPES)}"
            )
    company = meta.get("company")
    employer = (config.get("employer", {}) if config is not None else {}) or {}
    name = company if isinstance(company, str) and company.strip() else employer.get("name")
    if isinstance(name, str) and name.strip():
        data["hiringOrganization"] = {"@type": "Organization", "name": name.strip()}
    else:
        errors.append(
            "hiringOrganization: set 'company' in front matter (or employer.name in config)"
        )
    locations, _ = loc_mod.of_posting(posting)
    remote = [loc for loc in locations if loc.remote]
    onsite = [loc for loc in locations if not loc.remote and (loc.city or loc.region)]
    if remote:
        data["jobLocationType"] = "TELECOMMUTE"
        countries = sorted({loc.country for loc in remote if loc.country})
        if countries:
            reqs = [{"@type": "Country", "name": c} for c in countries]
            data["applicantLocationRequirements"] = reqs[0] if len(reqs) == 1 else reqs
        elif not onsite:
            errors.append(
                "applicantLocationRequirements: a remote job needs the country applicants may "
                "live in ('location: Remote (US)')"
            )
    if onsite:
        places = [_place(loc) for loc in onsite]
        for loc in onsite:
            if not loc.country:
                errors.append(
                    f"jobLocation: no country for '{loc.phrase}'; write it as 'City, ST' or give "
                    "location as {city, state, country}"
                )
        data["jobLocation"] = places[0] if len(places) == 1 else places
    if not remote and not onsite:
        errors.append("jobLocation: set 'location' in front matter ('Denver, CO' or 'Remote (US)')")
    pay, _ = pay_mod.of_posting(posting)
    if pay is not None and pay.is_range and pay.minimum is not None:
        value: dict[str, Any] = {"@type": "QuantitativeValue"}
        if pay.minimum == pay.maximum:
            value["value"] = _num(pay.minimum)
        else:
            value["minValue"] = _num(pay.minimum)
            value["maxValue"] = _num(pay.maximum)
        if pay.unit:
            value["unitText"] = pay.unit
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": pay.currency or _currency_for(onsite or remote),
            "value": value,
        }
    return data, errors


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _currency_for(locations: list[loc_mod.Location]) -> str:
    countries = {loc.country for loc in locations}
    if countries == {"GB"}:
        return "GBP"
    if countries == {"CA"}:
        return "CAD"
    return "USD"


# -- reading and checking embedded markup --------------------------------------------

# A JSON-LD script: its opening tag, then the first "</script" after it. Found in one
# forward pass: each "<script" is matched only within its own tag (up to its ">", and a
# "<script" inside a tag is an attribute of it), and an opener that never closes ends the
# search instead of each later one scanning to the end of the page again.
SCRIPT_START = re.compile(r"<script\b", re.I)
SCRIPT_OPEN = re.compile(r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>", re.I)
SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)
TAG_END = re.compile(">")


def extract(page: str) -> list[tuple[int, Any, str | None]]:
    """(offset of the <script>, parsed JSON or None, error) for each JSON-LD script."""
    out: list[tuple[int, Any, str | None]] = []
    pos = 0
    while True:
        start = SCRIPT_START.search(page, pos)
        if start is None:
            break
        tag_end = TAG_END.search(page, start.end())
        if tag_end is None:
            break  # a tag that never ends
        gt = tag_end.start()
        m = SCRIPT_OPEN.match(page, start.start(), gt + 1)
        pos = gt + 1
        if m is None:
            continue  # another kind of script: its body is searched like any text
        close = SCRIPT_CLOSE.search(page, m.end())
        if close is None:
            break  # no "</script>" left: no later script closes either
        body = page[m.end() : close.start()]
        raw = html.unescape(body) if "&quot;" in body else body
        try:
            out.append((m.start(), json.loads(raw), None))
        except json.JSONDecodeError as e:
            out.append(
                (m.start(), None, f"not valid JSON: {e.msg} (line {e.lineno} of the script)")
            )
        except RecursionError:
            out.append((m.start(), None, "not valid JSON: nested too deeply"))
        except ValueError as e:  # a number of more than 4,300 digits, ...
            out.append((m.start(), None, f"not valid JSON: {e}"))
        pos = close.end()
    return out


def job_postings(data: Any) -> list[dict[str, Any]]:
    """JobPosting objects in a JSON-LD document (top level, a list, or an @graph), in
    document order; walked without recursion, however deep the document."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t == "JobPosting" for t in types if isinstance(t, str)):
                found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return found


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and bool(_ISO_DATE.match(value.strip()))


def validate(job: dict[str, Any], today: dt.date | None = None) -> list[Problem]:
    """Google's required and recommended properties, and the types of their values."""
    out: list[Problem] = []
    for prop in REQUIRED:
        if job.get(prop) in (None, "", [], {}):
            out.append(Problem("required", f"JobPosting has no '{prop}', which Google requires"))
    remote = job.get("jobLocationType") == "TELECOMMUTE"
    if not job.get("jobLocation") and not (remote and job.get("applicantLocationRequirements")):
        what = (
            "'applicantLocationRequirements' (a remote job must name the country applicants may live in)"
            if remote
            else "'jobLocation' (or jobLocationType TELECOMMUTE with applicantLocationRequirements)"
        )
        out.append(Problem("required", f"JobPosting has no {what}, which Google requires"))
    for prop in RECOMMENDED:
        if prop not in job:
            out.append(
                Problem("recommended", f"JobPosting has no '{prop}', which Google recommends")
            )
    title, desc = job.get("title"), job.get("description")
    if title is not None and not isinstance(title, str):
        out.append(Problem("value", "'title' must be text"))
    if isinstance(desc, str) and isinstance(title, str) and desc.strip() == title.strip():
        out.append(Problem("value", "'description' must not be the same as the title"))
    elif desc is not None and not isinstance(desc, str):
        out.append(Problem("value", "'description' must be text (HTML)"))
    for prop in ("datePosted", "validThrough"):
        if prop in job and not _is_date(job[prop]):
            out.append(
                Problem("value", f"'{prop}' must be an ISO 8601 date, not {json.dumps(job[prop])}")
            )
    if today is not None and _is_date(job.get("validThrough")):
        try:
            through = dt.date.fromisoformat(job["validThrough"].strip()[:10])
        except ValueError:
            through = None
        if through is not None and through < today:
            out.append(
                Problem(
                    "value",
                    f"'validThrough' {through.isoformat()} has passed: Google does not allow expired postings",
                )
            )
    types = job.get("employmentType")
    if types is not None:
        for t in types if isinstance(types, list) else [types]:
            if t not in EMPLOYMENT_TYPES:
                out.append(
                    Problem(
                        "value",
                        f"'employmentType' {json.dumps(t)} is not one of {', '.join(EMPLOYMENT_TYPES)}",
                    )
                )
    if "jobLocationType" in job and job["jobLocationType"] != "TELECOMMUTE":
        out.append(Problem("value", "'jobLocationType' takes only the value TELECOMMUTE"))
    org = job.get("hiringOrganization")
    if (
        org is not None
        and not (isinstance(org, str) and org.strip())
        and not (isinstance(org, dict) and isinstance(org.get("name"), str) and org["name"].strip())
    ):
        out.append(Problem("value", "'hiringOrganization' must be an Organization with a 'name'"))
    locs = job.get("jobLocation")
    for place in locs if isinstance(locs, list) else ([locs] if locs else []):
        address = place.get("address") if isinstance(place, dict) else None
        if not isinstance(address, dict) or not address.get("addressCountry"):
            out.append(Problem("value", "'jobLocation' must have an address with 'addressCountry'"))
            break
    salary = job.get("baseSalary")
    if salary is not None:
        out += _salary_problems(salary)
    if "directApply" in job and not isinstance(job["directApply"], bool):
        out.append(Problem("value", "'directApply' must be true or false"))
    return out


def _salary_problems(salary: Any) -> list[Problem]:
    if not isinstance(salary, dict):
        return [Problem("value", "'baseSalary' must be a MonetaryAmount")]
    out = []
    if not isinstance(salary.get("currency"), str) or not re.fullmatch(
        r"[A-Z]{3}", salary["currency"]
    ):
        out.append(
            Problem("value", "'baseSalary.currency' must be a three-letter ISO 4217 code (USD)")
        )
    value = salary.get("value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return out
    if not isinstance(value, dict):
        return [*out, Problem("value", "'baseSalary.value' must be a QuantitativeValue")]
    nums = [value.get(k) for k in ("value", "minValue", "maxValue") if k in value]
    if not nums or not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in nums):
        out.append(
            Problem(
                "value",
                "'baseSalary.value' needs a number in 'value', or 'minValue' and 'maxValue'",
            )
        )
    elif "minValue" in value and "maxValue" in value and value["minValue"] > value["maxValue"]:
        out.append(Problem("value", "'baseSalary' minValue is more than maxValue"))
    if value.get("unitText") not in UNITS:
        out.append(
            Problem("value", f"'baseSalary.value.unitText' must be one of {', '.join(UNITS)}")
        )
    return out
