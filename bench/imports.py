"""How long importing a large archive takes, and how much memory it needs.

Writes a WordPress export (WXR 1.2) of --posts generated posts (classic content with
[caption] and [embed], block-editor content, categories, tags, Co-Authors Plus
bylines, SEO fields, attachments) and a Ghost export of the same size, imports each
with its management command into a fresh database, then imports it again (which
must change nothing), and prints the wall time and the command's peak memory (its
maximum resident set size). Memory that stays flat from --posts 2000 to 10000 shows
the WordPress file is streamed.

    .venv/bin/python -m bench.imports --posts 10000
    BENCH_IMPORT_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine \
        .venv/bin/python -m bench.imports

The database (newsroom_import_bench unless BENCH_IMPORT_DATABASE_URL names another) is
dropped and created anew for each export.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_import_bench"
PARAGRAPH = (
    "Engineers worked through the night to restore power to homes across the left bank, "
    "the city administration said on Sunday, after the latest strike on the grid."
)
SECTIONS = ["Ukraine", "Europe", "World", "Business", "Opinion", "Culture"]
TAGS = [f"Topic {number}" for number in range(60)]
AUTHORS = [f"reporter{number}" for number in range(40)]


def wxr_item(number: int) -> str:
    section = SECTIONS[number % len(SECTIONS)]
    tags = "".join(
        f'<category domain="post_tag" nicename="topic-{tag}"><![CDATA[Topic {tag}]]></category>'
        for tag in (number % 60, (number * 7) % 60)
    )
    bylines = "".join(
        f'<category domain="author" nicename="cap-{login}"><![CDATA[{login}]]></category>'
        for login in (AUTHORS[number % 40], AUTHORS[(number + 3) % 40])
    )
    if number % 2:
        content = "\n\n".join([PARAGRAPH] * 6) + (
            f'\n\n[caption id="attachment_{number}" width="800"]<img src="https://old.example/'
            f'wp-content/uploads/2020/01/photo-{number}.jpg" alt="Photo {number}" /> Caption '
            f"{number}[/caption]\n\nhttps://www.youtube.com/watch?v=video{number}"
        )
    else:
        content = "".join(
            f"<!-- wp:paragraph -->\n<p>{PARAGRAPH}</p>\n<!-- /wp:paragraph -->\n\n"
            for _ in range(6)
        )
    status = ["publish"] * 8 + ["draft", "pending"]
    date = f"2020-01-{1 + number % 28:02d} 10:{number % 60:02d}:00"
    seo = f"<wp:meta_key>_yoast_wpseo_metadesc</wp:meta_key><wp:meta_value>Report {number}."
    return f"""<item>
<title><![CDATA[Generated report number {number} from the grid]]></title>
<link>https://old.example/2020/01/report-{number}/</link>
<dc:creator><![CDATA[{AUTHORS[number % 40]}]]></dc:creator>
<guid isPermaLink="false">https://old.example/?p={number}</guid>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[Standfirst of report {number}.]]></excerpt:encoded>
<wp:post_id>{number}</wp:post_id>
<wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name><![CDATA[report-{number}]]></wp:post_name>
<wp:status><![CDATA[{status[number % 10]}]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<category domain="category" nicename="{section.lower()}"><![CDATA[{section}]]></category>
{tags}{bylines}
<wp:postmeta>{seo}</wp:meta_value></wp:postmeta>
</item>
"""


def write_wordpress(path: Path, posts: int) -> None:
    with path.open("w") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Old site</title><link>https://old.example</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_site_url>https://old.example</wp:base_site_url>\n"
        )
        for login in AUTHORS:
            name = escape(login.replace("reporter", "Reporter "))
            out.write(
                f"<wp:author><wp:author_login>{login}</wp:author_login>"
                f"<wp:author_display_name>{name}</wp:author_display_name></wp:author>\n"
            )
        for number in range(1, posts + 1):
            out.write(wxr_item(number))
        out.write("</channel></rss>\n")


def write_ghost(path: Path, posts: int) -> None:
    rows = [
        {
            "id": f"{number:024x}",
            "title": f"Generated report number {number}",
            "slug": f"report-{number}",
            "html": "".join(f"<p>{PARAGRAPH}</p>" for _ in range(6)),
            "type": "post",
            "status": "published" if number % 10 else "draft",
            "visibility": "public",
            "published_at": f"2020-01-{1 + number % 28:02d}T10:00:00.000Z",
            "custom_excerpt": f"Standfirst of report {number}.",
        }
        for number in range(1, posts + 1)
    ]
    data = {
        "users": [
            {"id": f"u{n}", "name": f"Reporter {n}", "slug": f"reporter{n}"} for n in range(40)
        ],
        "tags": [
            {"id": f"t{n}", "name": name, "slug": f"topic-{n}"} for n, name in enumerate(TAGS)
        ],
        "posts": rows,
        "posts_authors": [
            {"post_id": row["id"], "author_id": f"u{(index + order) % 40}", "sort_order": order}
            for index, row in enumerate(rows)
            for order in (0, 1)
        ],
        "posts_tags": [
            {"post_id": row["id"], "tag_id": f"t{(index + order * 7) % 60}", "sort_order": order}
            for index, row in enumerate(rows)
            for order in (0, 1)
        ],
    }
    path.write_text(json.dumps({"db": [{"meta": {"version": "5.0.0"}, "data": data}]}))


def fresh_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def timed(command: list[str], env: dict) -> tuple[float, int, str]:
    """Wall seconds, peak memory in MiB (of this command alone) and its report's first line."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.monotonic()
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=output)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        output.seek(0)
        lines = output.read().splitlines()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("\n".join(lines[-20:]))
    summary = next(line for line in lines if line.startswith(("created", "unchanged", "updated")))
    return seconds, usage.ru_maxrss // 1024, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--only", choices=["wordpress", "ghost"])
    args = parser.parse_args()
    url = os.environ.get("BENCH_IMPORT_DATABASE_URL", DEFAULT_DATABASE)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1", "PAGE_CACHE_ENABLED": "0"}
    with tempfile.TemporaryDirectory() as folder:
        exports = {
            "wordpress": (Path(folder) / "export.xml", write_wordpress),
            "ghost": (Path(folder) / "export.json", write_ghost),
        }
        for source, (path, write) in exports.items():
            if args.only and source != args.only:
                continue
            write(path, args.posts)
            fresh_database(url)
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True
            )
            size = path.stat().st_size / 1024 / 1024
            print(f"{source}: {args.posts} posts, {size:.1f} MiB export", flush=True)
            command = [sys.executable, "manage.py", f"import_{source}", str(path), "-v0"]
            for run in ("first run", "second run"):
                seconds, peak, summary = timed(command, env)
                rate = args.posts / seconds
                print(
                    f"  {run}: {seconds:.0f} s ({rate:.0f} posts/s), peak memory of the "
                    f"command {peak} MiB; {summary}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
