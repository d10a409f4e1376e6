#!/usr/bin/env python3
"""Robustness sweep of the web console, run on demand against a running GridCare (never in the test suite).

Signs in as one user, crawls every console page that user can reach from the home page (links and htmx GETs, up to
--pages distinct pages, ids folded so that one order page stands for all), then posts every form it found again with
one field at a time set to a bad value (a word where a number goes, a negative, an empty value, an impossible date,
a 3,000-character text, a 20-digit number) and the other fields as the page filled them. It reports every answer of
500 or more and every page slower than --slow seconds. A GridCare must answer bad input with the form again (or a
4xx page), never a server error: qa/README.md says what it found.

  python3 qa/console-sweep.py http://localhost:8080 agent01 'the password' [--pages 800] [--slow 1.5]

It changes data (that is the point of posting forms): run it against a throw-away GridCare, such as a fresh
GRIDCARE_HOME with the demo company. Forms that sign out, change a password, or touch API tokens are skipped.
Needs Python 3 with requests (Debian: python3-requests).
"""
import argparse
import re
import sys
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import requests

SKIPPED_LINKS = re.compile(r"logout|/export|\.csv|\.xlsx|/download|/attachments/|/files/|/swagger|/v3/api-docs"
                           r"|/actuator|/webjars|/css/|/js/|/img/")
SKIPPED_FORMS = re.compile(r"logout|password|/login|/tokens")
BAD_VALUES = ("abc", "-1", "", "2026-13-45", "x" * 3000, "99999999999999999999")


class Page(HTMLParser):
    """The links and forms of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = set(), [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.add(a["href"])
        if a.get("hx-get"):
            self.links.add(a["hx-get"])
        if tag == "form":
            self._form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower(),
                          "fields": []}
            self.forms.append(self._form)
        if self._form is not None and tag in ("input", "textarea", "select") and a.get("name"):
            self._form["fields"].append((a["name"], a.get("type", tag), a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


class Console:
    def __init__(self, base, user, password):
        self.base, self.user, self.password = base.rstrip("/"), user, password
        self.http = requests.Session()
        self.csrf = None
        self.sign_in()

    def sign_in(self):
        page = self.http.get(self.base + "/login")
        token = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
        self.http.post(self.base + "/login", data={"username": self.user, "password": self.password, "_csrf": token})
        home = self.http.get(self.base + "/")
        if "/login" in home.url:
            sys.exit(f"cannot sign in as {self.user}")
        found = (re.search(r'name="_csrf" content="([^"]+)"', home.text)
                 or re.search(r'name="_csrf" value="([^"]+)"', home.text))
        self.csrf = found.group(1)


def crawl(console, limit, slow_after):
    seen, queue, forms, failures, slow = set(), ["/"], {}, [], []
    host = urlparse(console.base).netloc
    while queue and len(seen) < limit:
        path = queue.pop(0)
        key = re.sub(r"\d{3,}", "N", path.split("#")[0])
        if key in seen:
            continue
        seen.add(key)
        started = time.monotonic()
        try:
            response = console.http.get(console.base + path, timeout=60)
        except requests.RequestException as e:
            failures.append(("GET", path, str(e)))
            continue
        took = time.monotonic() - started
        if took > slow_after:
            slow.append((path, round(took, 2)))
        if response.status_code >= 500:
            failures.append(("GET", path, response.status_code))
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page = Page()
        page.feed(response.text)
        for link in page.links:
            target = urlparse(urljoin(console.base + path, link))
            if target.netloc != host:
                continue
            next_path = target.path + ("?" + target.query if target.query else "")
            if not SKIPPED_LINKS.search(next_path) and not next_path.startswith("/api/"):
                queue.append(next_path)
        for form in page.forms:
            action = urljoin(console.base + path, form["action"] or path)
            forms.setdefault((form["method"], re.sub(r"\d{3,}", "N", urlparse(action).path)),
                             (action, form["fields"], path))
    return len(seen), forms, failures, slow


def post_forms(console, forms):
    failures, sent, statuses = [], 0, {}
    for (method, _), (action, fields, source) in forms.items():
        if method != "post" or SKIPPED_FORMS.search(action):
            continue
        editable = [(n, t) for n, t, _ in fields if n != "_csrf" and t not in ("hidden", "submit", "button", "file")]
        for name, kind in editable:
            for bad in BAD_VALUES:
                data = [(n, console.csrf if n == "_csrf" else (bad if (n, t) == (name, kind) else v))
                        for n, t, v in fields]
                sent += 1
                try:
                    response = console.http.post(action, data=data, timeout=60)
                except requests.RequestException as e:
                    failures.append((action, name, bad[:20], str(e)))
                    continue
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code >= 500:
                    failures.append((action, name, bad[:20], response.status_code, source))
                if "/login" in response.url:
                    console.sign_in()
    return sent, statuses, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--pages", type=int, default=800)
    parser.add_argument("--slow", type=float, default=1.5)
    args = parser.parse_args()
    console = Console(args.base, args.user, args.password)
    pages, forms, page_failures, slow = crawl(console, args.pages, args.slow)
    print(f"{args.user}: {pages} pages, {len(forms)} forms; server errors on pages: {len(page_failures)}; "
          f"slower than {args.slow} s: {len(slow)}")
    for failure in page_failures:
        print("  page", failure)
    for page in slow:
        print("  slow", page)
    sent, statuses, failures = post_forms(console, forms)
    print(f"{args.user}: {sent} form posts, answers {dict(sorted(statuses.items()))}; server errors: {len(failures)}")
    seen = set()
    for failure in failures:
        key = (re.sub(r"\d+", "N", failure[0]), failure[1])
        if key not in seen:
            seen.add(key)
            print("  form", failure)
    return 1 if failures or page_failures else 0


if __name__ == "__main__":
    sys.exit(main())
