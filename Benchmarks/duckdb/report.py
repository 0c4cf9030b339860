"""The national structure report (docs/formats.md §6, rules §6) computed by DuckDB over the rows
bodies-benchmarks exports: body rows, their holders, each unit's province and the mapping of the
63 provinces' codes onto the 34. Prints the load time, the warm query time (median and p95 of 20)
and checks every count against the product's report.json.

    pip install duckdb
    python3 Benchmarks/duckdb/report.py /tmp/duckrows [swift-warm-median-ms]
"""
import json
import statistics
import sys
import time

import duckdb

folder = sys.argv[1]
swift_ms = float(sys.argv[2]) if len(sys.argv) > 2 else None
db = duckdb.connect()
start = time.perf_counter()
for table in ["bodies", "people", "units", "provinces"]:
    db.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{folder}/{table}.csv', header=true, all_varchar=true)")
load = time.perf_counter() - start

QUERY = """
WITH seats AS (
    SELECT b.term, b.unit_code, p.gender, p.ethnicity, p.education, p.academic_title, u.province AS unit_province,
           CASE WHEN p.hometown = '' THEN NULL
                WHEN CAST(b.on_day AS DATE) >= DATE '2025-07-01' THEN coalesce(m.new, p.hometown)
                ELSE p.hometown END AS origin,
           year(CAST(b.on_day AS DATE)) - year(CAST(p.birth_date AS DATE))
             - CASE WHEN month(CAST(b.on_day AS DATE)) * 100 + day(CAST(b.on_day AS DATE))
                         < month(CAST(p.birth_date AS DATE)) * 100 + day(CAST(p.birth_date AS DATE)) THEN 1 ELSE 0 END AS age
    FROM bodies b JOIN people p USING (member_id) JOIN units u USING (unit_code) LEFT JOIN provinces m ON m.old = p.hometown
)
SELECT term, count(*) AS members, count(DISTINCT unit_code) AS bodies,
       count(*) FILTER (WHERE gender = 'nữ') AS women,
       count(*) FILTER (WHERE ethnicity <> 'Kinh') AS ethnicMinority,
       count(*) FILTER (WHERE education IN ('thạc sĩ', 'tiến sĩ', 'tiến sĩ khoa học')) AS mastersOrHigher,
       count(*) FILTER (WHERE academic_title IN ('gs', 'pgs')) AS professors,
       count(*) FILTER (WHERE age < 40) AS under40,
       count(*) FILTER (WHERE age BETWEEN 40 AND 50) AS from40To50,
       count(*) FILTER (WHERE age > 50) AS over50,
       count(*) FILTER (WHERE age <= 50) AS aged50OrUnder,
       count(*) FILTER (WHERE unit_province <> '' AND origin IS NOT NULL AND origin <> unit_province) AS notLocal
FROM seats GROUP BY term ORDER BY term DESC
"""

times = []
rows = None
for _ in range(21):
    start = time.perf_counter()
    rows = db.execute(QUERY).fetchall()
    times.append(time.perf_counter() - start)
warm = times[1:]
median = statistics.median(warm) * 1000
p95 = sorted(warm)[int(len(warm) * 0.95) - 1] * 1000

report = json.load(open(f"{folder}/report.json"))
now, before = rows[0], rows[1]
groups = ["women", "ethnicMinority", "mastersOrHigher", "professors", "under40", "from40To50", "over50", "aged50OrUnder", "notLocal"]
assert now[1] == report["members"] and before[1] == report["previousMembers"], (now, before)
assert now[2] == report["bodies"], (now[2], report["bodies"])
for index, group in enumerate(groups):
    assert now[3 + index] == report["groups"][group]["count"], (group, now[3 + index], report["groups"][group])
    assert before[3 + index] == report["groups"][group]["previousCount"], (group, before[3 + index], report["groups"][group])
print(f"DuckDB {duckdb.__version__}: load {load * 1000:.0f} ms; national report warm median {median:.1f} ms, p95 {p95:.1f} ms; every count equals the product's")
if swift_ms:
    print(f"ratio product / DuckDB (warm medians): {swift_ms / median:.2f}")
