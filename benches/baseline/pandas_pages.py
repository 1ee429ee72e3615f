#!/usr/bin/env python3
"""Comparison baseline for mwm's benchmarks: the pandas + matplotlib + jinja2 way.

What an analyst without mwm would write to make the same report pages from the
same CSV files: pandas for the figures (SPEC 4.1 to 4.5), scipy for the t
statistics, matplotlib (Agg backend) for the charts, embedded inline as SVG,
and jinja2 (autoescape on) for one self-contained HTML page per project plus
an index page.

Usage:  python3 benches/baseline/pandas_pages.py INPUT_DIR OUTPUT_DIR

INPUT_DIR holds projects.csv, measures.csv, outputs.csv, outcomes.csv,
stories.csv and audit.csv as written by `mwm demo-data`. The script prints the
wall time it took (process start to last file written, imports included) and
the peak resident memory (ru_maxrss, KiB on Linux).

Tested with (see requirements.txt):
    Python 3.11.7, pandas==3.1.1, numpy==2.4.6, scipy==1.17.1,
    matplotlib==3.11.2, Jinja2==3.1.6 (MarkupSafe==3.0.3)
"""

import time

T_START = time.perf_counter()

import io  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from jinja2 import Environment, DictLoader, select_autoescape  # noqa: E402
from markupsafe import Markup  # noqa: E402
from scipy import stats  # noqa: E402

T_IMPORTED = time.perf_counter()

# --------------------------------------------------------------------------
# Constants from SPEC 1.1, 1.2 and 2.4
# --------------------------------------------------------------------------
PRINCIPLES = ["assets", "networks", "outcomes", "relationships", "enabling"]
PRINCIPLE_LABEL = {
    "assets": "Assets",
    "networks": "Networks",
    "outcomes": "Outcomes",
    "relationships": "Relationships",
    "enabling": "Enabling",
}
# Welsh labels are accepted as well (SPEC 2.4 "key or label, English or Welsh")
PRINCIPLE_ALIAS = {k: k for k in PRINCIPLES}
PRINCIPLE_ALIAS.update({v.lower(): k for k, v in PRINCIPLE_LABEL.items()})
PRINCIPLE_ALIAS.update(
    {"asedau": "assets", "rhwydweithiau": "networks", "canlyniadau": "outcomes",
     "perthnasoedd": "relationships", "galluogi": "enabling"}
)

SPECTRUM_STEP = {
    "coercion": 1, "protection": 1, "education": 2, "persuasion": 2,
    "information": 3, "consultation": 4, "participation": 5,
    "co-production": 6, "coproduction": 6, "involvement": 6,
}
STEP_BAND = {1: "doing to", 2: "doing to", 3: "doing for", 4: "doing for",
             5: "doing for", 6: "doing with"}
BANDS = ["doing to", "doing for", "doing with"]

ACHIEVED = {"yes": "achieved", "met": "achieved", "achieved": "achieved",
            "partly": "partly", "partially": "partly",
            "not yet": "not_yet", "no": "not_yet", "not met": "not_yet"}
TRUE_WORDS = {"yes", "y", "true", "1"}

BUILTIN_MEASURES = pd.DataFrame(
    [
        # measure, min, max, higher_is_better, sem, reliability, sd, mid, conversion
        ("SWEMWBS", 7, 35, True, 1.03, np.nan, np.nan, 3, "swemwbs"),
        ("WEMWBS", 14, 70, True, np.nan, 0.89, np.nan, 3, ""),
        ("ONS life satisfaction", 0, 10, True, np.nan, np.nan, np.nan, np.nan, ""),
        ("ONS worthwhile", 0, 10, True, np.nan, np.nan, np.nan, np.nan, ""),
        ("ONS happiness", 0, 10, True, np.nan, np.nan, np.nan, np.nan, ""),
        ("ONS anxiety", 0, 10, False, np.nan, np.nan, np.nan, np.nan, ""),
    ],
    columns=["measure", "min", "max", "higher_is_better", "sem", "reliability",
             "sd", "mid", "conversion"],
)
SWEMWBS_METRIC = dict(zip(range(7, 36), [
    7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88,
    17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03,
    26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00]))

MIN_CELL = 5
ALL = "ALL"

# Okabe-Ito palette (colour-blind safe); hatches so colour is never alone.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
             "#D55E00", "#F0E442", "#000000"]
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]

REDACT = [
    re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    re.compile(r"(\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I),
]


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------
def read_inputs(folder: Path) -> dict:
    def rd(name, **kw):
        return pd.read_csv(folder / f"{name}.csv", **kw)

    projects = rd("projects", dtype=str, keep_default_na=False)
    measures = rd("measures")
    outputs = rd("outputs", dtype={"project_id": str}, parse_dates=["date"])
    outcomes = rd("outcomes", dtype={"project_id": str, "person_id": str},
                  parse_dates=["date"])
    stories = rd("stories", dtype={"project_id": str, "story_id": str},
                 keep_default_na=False)
    audit = rd("audit", dtype={"project_id": str}, parse_dates=["date"])
    return dict(projects=projects, measures=measures, outputs=outputs,
                outcomes=outcomes, stories=stories, audit=audit)


def measure_table(user: pd.DataFrame) -> pd.DataFrame:
    """Built-in measures overridden field by field by the measures table."""
    user = user.copy()
    if "higher_is_better" in user:
        user["higher_is_better"] = user["higher_is_better"].map(
            lambda v: np.nan if pd.isna(v) else str(v).strip().lower() in TRUE_WORDS)
    builtin = BUILTIN_MEASURES.assign(key=BUILTIN_MEASURES["measure"].str.lower())
    user = user.assign(key=user["measure"].str.strip().str.lower())
    merged = builtin.set_index("key")
    user = user.set_index("key")
    cols = [c for c in merged.columns if c in user.columns and c != "measure"]
    both = merged.index.intersection(user.index)
    for c in cols:
        merged.loc[both, c] = user.loc[both, c].where(user.loc[both, c].notna(),
                                                     merged.loc[both, c])
    new = user.loc[user.index.difference(merged.index)]
    table = pd.concat([merged, new.reindex(columns=merged.columns)])
    table["measure"] = table["measure"].fillna(user["measure"])
    table["conversion"] = table["conversion"].fillna("")
    table["dir"] = np.where(table["higher_is_better"].astype(bool), 1.0, -1.0)
    return table


# --------------------------------------------------------------------------
# Figures (SPEC 4)
# --------------------------------------------------------------------------
def financial_quarter(dates: pd.Series) -> pd.Series:
    fy = dates.dt.year - (dates.dt.month < 4)
    q = ((dates.dt.month - 4) % 12) // 3 + 1
    return fy.astype(str) + "-" + ((fy + 1) % 100).map("{:02d}".format) + " Q" + q.astype(str)


def outputs_summary(outputs: pd.DataFrame) -> pd.DataFrame:
    o = outputs.assign(period=financial_quarter(outputs["date"]))
    per_q = o.groupby(["project_id", "measure", "period"], as_index=False)["value"].sum()
    total = o.groupby(["project_id", "measure"], as_index=False)["value"].sum().assign(period="total")
    all_q = o.groupby(["measure", "period"], as_index=False)["value"].sum().assign(project_id=ALL)
    all_t = o.groupby("measure", as_index=False)["value"].sum().assign(project_id=ALL, period="total")
    return pd.concat([per_q, total, all_q, all_t], ignore_index=True)


def pair_outcomes(outcomes: pd.DataFrame, measures: pd.DataFrame) -> tuple:
    df = outcomes.assign(key=outcomes["measure"].str.strip().str.lower())
    df = df[df["key"].isin(measures.index)]
    swem = measures.loc[df["key"], "conversion"].to_numpy() == "swemwbs"
    df["score"] = df["score"].astype(float)
    df.loc[swem, "score"] = df.loc[swem, "score"].round().map(SWEMWBS_METRIC)
    df = df.sort_values(["project_id", "key", "person_id", "date"], kind="stable")
    g = df.groupby(["project_id", "key", "person_id"], sort=False)
    people = pd.DataFrame({
        "baseline": g["score"].first(),
        "followup": g["score"].last(),
        "n_dates": g["date"].nunique(),
    }).reset_index()
    paired = people[people["n_dates"] >= 2].copy()
    baseline_only = people[people["n_dates"] < 2].groupby(["project_id", "key"]).size()
    paired["d"] = paired["followup"] - paired["baseline"]
    paired["dir"] = measures.loc[paired["key"], "dir"].to_numpy()
    paired["dd"] = paired["dir"] * paired["d"]
    return paired, baseline_only


def measure_sem(paired: pd.DataFrame, measures: pd.DataFrame) -> pd.Series:
    base_sd = paired.groupby("key")["baseline"].std()
    sd_ref = measures["sd"].astype(float).fillna(base_sd)
    sem = measures["sem"].astype(float).fillna(
        sd_ref * np.sqrt(1 - measures["reliability"].astype(float)))
    return sem.where(np.isfinite(sem) & (sem > 0))


def paired_p(group: pd.DataFrame) -> float:
    if len(group) < 2 or group["d"].std() == 0:
        return np.nan
    return stats.ttest_rel(group["followup"], group["baseline"]).pvalue


def outcome_stats(paired, baseline_only, measures) -> pd.DataFrame:
    sem = measure_sem(paired, measures)
    thr = 1.96 * np.sqrt(2) * sem
    pooled = pd.concat([paired, paired.assign(project_id=ALL)], ignore_index=True)
    pooled["thr"] = thr.reindex(pooled["key"]).to_numpy()
    pooled["mid"] = measures["mid"].astype(float).reindex(pooled["key"]).to_numpy()
    pooled["improved"] = pooled["dd"] > 0
    pooled["rel_up"] = pooled["dd"] > pooled["thr"]
    pooled["rel_down"] = pooled["dd"] < -pooled["thr"]
    pooled["meaningful"] = pooled["dd"] >= pooled["mid"]

    g = pooled.groupby(["project_id", "key"])
    s = g.agg(n_paired=("d", "size"), mean_baseline=("baseline", "mean"),
              mean_followup=("followup", "mean"), mean_change=("d", "mean"),
              sd_change=("d", "std"), improved=("improved", "mean"),
              rel_up=("rel_up", "mean"), rel_down=("rel_down", "mean"),
              meaningful=("meaningful", "mean"))
    s["p_value"] = g[["d", "baseline", "followup"]].apply(paired_p)
    n = s["n_paired"]
    se = s["sd_change"] / np.sqrt(n)
    tcrit = stats.t.ppf(0.975, n - 1)
    s["ci_low"] = s["mean_change"] - tcrit * se
    s["ci_high"] = s["mean_change"] + tcrit * se
    dirs = measures["dir"].reindex(s.index.get_level_values("key")).to_numpy()
    ok = (n >= 2) & (s["sd_change"] > 0)
    s["effect_size"] = (dirs * s["mean_change"] / s["sd_change"]).where(ok)
    half = 1.96 * np.sqrt(1 / n + s["effect_size"] ** 2 / (2 * n))
    s["es_ci_low"] = s["effect_size"] - half
    s["es_ci_high"] = s["effect_size"] + half
    has_sem = thr.reindex(s.index.get_level_values("key")).notna().to_numpy()
    s["pct_improved"] = 100 * s["improved"]
    s["pct_reliable_improvement"] = (100 * s["rel_up"]).where(has_sem)
    s["pct_reliable_deterioration"] = (100 * s["rel_down"]).where(has_sem)
    s["pct_no_reliable_change"] = (100 - s["pct_reliable_improvement"]
                                   - s["pct_reliable_deterioration"])
    has_mid = measures["mid"].astype(float).reindex(
        s.index.get_level_values("key")).notna().to_numpy()
    s["pct_meaningful_improvement"] = (100 * s["meaningful"]).where(has_mid)

    bo_all = baseline_only.groupby(level="key").sum()
    bo = pd.concat([baseline_only,
                    pd.concat({ALL: bo_all}, names=["project_id"])])
    s["n_baseline_only"] = bo.reindex(s.index).fillna(0).astype(int)

    figure_cols = ["n_paired", "n_baseline_only", "mean_baseline", "mean_followup",
                   "mean_change", "sd_change", "ci_low", "ci_high", "p_value",
                   "effect_size", "es_ci_low", "es_ci_high", "pct_improved",
                   "pct_reliable_improvement", "pct_no_reliable_change",
                   "pct_reliable_deterioration", "pct_meaningful_improvement"]
    s["suppressed"] = n < MIN_CELL
    s[figure_cols] = s[figure_cols].astype(float).mask(s["suppressed"], axis=0)
    s = s.reset_index()
    s["measure"] = measures.loc[s["key"], "measure"].to_numpy()
    return s[["project_id", "key", "measure"] + figure_cols + ["suppressed"]]


def split_list(series: pd.Series) -> pd.Series:
    return series.fillna("").astype(str).str.split(r"\s*[;,]\s*")


def stories_summary(stories: pd.DataFrame) -> tuple:
    st = stories.copy()
    st["achieved_n"] = st["achieved"].str.strip().str.lower().map(ACHIEVED)
    st["quotable"] = st["consent"].str.strip().str.lower().isin(TRUE_WORDS)
    spec = st["spectrum"].str.strip().str.lower()
    st["step"] = spec.map(SPECTRUM_STEP)
    st["band"] = st["step"].map(STEP_BAND).where(st["step"].notna(),
                                                   spec.where(spec.isin(BANDS)))
    st["row"] = np.arange(len(st))

    tagged = st[["project_id", "row", "principles"]].assign(
        principle=split_list(st["principles"])).explode("principle")
    tagged["principle"] = tagged["principle"].str.lower().map(PRINCIPLE_ALIAS)
    tagged = tagged.dropna(subset=["principle"]).drop_duplicates(["row", "principle"])

    both = lambda df: pd.concat([df, df.assign(project_id=ALL)], ignore_index=True)  # noqa: E731
    st2, tagged2 = both(st), both(tagged)
    base = st2.groupby("project_id").agg(stories=("row", "size"), quotable=("quotable", "sum"))
    ach = pd.crosstab(st2["project_id"], st2["achieved_n"]).reindex(
        columns=["achieved", "partly", "not_yet"], fill_value=0)
    pri = pd.crosstab(tagged2["project_id"], tagged2["principle"]).reindex(
        columns=PRINCIPLES, fill_value=0)
    band = pd.crosstab(st2["project_id"], st2["band"]).reindex(columns=BANDS, fill_value=0)
    band.columns = [b.replace(" ", "_") for b in BANDS]
    step = pd.crosstab(st2["project_id"], st2["step"]).reindex(
        columns=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], fill_value=0)
    step.columns = [f"step_{i}" for i in range(1, 7)]
    summary = pd.concat([base, ach, pri, band, step], axis=1).fillna(0).astype(int)
    return summary, st


def audit_summary(audit: pd.DataFrame) -> pd.DataFrame:
    a = audit.assign(principle=audit["principle"].str.strip().str.lower().map(PRINCIPLE_ALIAS))
    per_date = a.groupby(["project_id", "principle", "date"], as_index=False)["score"].mean()
    per_date = per_date.sort_values(["project_id", "principle", "date"])
    g = per_date.groupby(["project_id", "principle"])
    s = pd.DataFrame({
        "first_date": g["date"].first(), "first_score": g["score"].first(),
        "latest_date": g["date"].last(), "latest_score": g["score"].last(),
    })
    s["change"] = s["latest_score"] - s["first_score"]
    return s.reset_index()


def redact(text: str) -> str:
    for rx in REDACT:
        text = rx.sub("[removed]", text)
    return text


# --------------------------------------------------------------------------
# Charts: one matplotlib figure per chart, saved as inline SVG
# --------------------------------------------------------------------------
CHART_TIME = defaultdict(float)
CHART_COUNT = defaultdict(int)


def fig_to_svg(fig, title: str, desc: str, kind: str, t0: float) -> Markup:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype
    head, rest = svg.split(">", 1)
    esc = lambda s: str(Markup.escape(s))  # noqa: E731
    n = sum(CHART_COUNT.values())
    svg = (f'{head} role="img" aria-labelledby="chart{n}-t chart{n}-d">'
           f'<title id="chart{n}-t">{esc(title)}</title>'
           f'<desc id="chart{n}-d">{esc(desc)}</desc>{rest}')
    CHART_TIME[kind] += time.perf_counter() - t0
    CHART_COUNT[kind] += 1
    return Markup(svg)


def bar_chart(labels, values, title, xlabel, ylabel, kind, horizontal=False,
              size=(6, 3)):
    t0 = time.perf_counter()
    fig, ax = plt.subplots(figsize=size)
    colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(labels))]
    hatches = [HATCHES[i % len(HATCHES)] for i in range(len(labels))]
    if horizontal:
        bars = ax.barh(labels, values, color=colours, edgecolor="black", hatch=hatches)
        ax.invert_yaxis()
    else:
        bars = ax.bar(labels, values, color=colours[0], edgecolor="black")
        ax.tick_params(axis="x", labelrotation=45)
    ax.bar_label(bars, fontsize=7)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    desc = "; ".join(f"{lab}: {val:g}" for lab, val in zip(labels, values))
    return fig_to_svg(fig, title, desc, kind, t0)


def change_chart(row, title):
    """Baseline and follow-up means, with the mean change and its 95% CI."""
    t0 = time.perf_counter()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(6, 2.6),
                                   gridspec_kw={"width_ratios": [2, 1]})
    if row["suppressed"]:
        for ax in (ax1, ax2):
            ax.axis("off")
        ax1.text(0.5, 0.5, f"fewer than {MIN_CELL} people paired", ha="center",
                 va="center", transform=ax1.transAxes)
        desc = f"Suppressed: fewer than {MIN_CELL} people paired."
    else:
        vals = [row["mean_baseline"], row["mean_followup"]]
        bars = ax1.bar(["Baseline", "Follow-up"], vals, color=OKABE_ITO[:2],
                       edgecolor="black", hatch=["", "//"])
        ax1.bar_label(bars, fmt="%.1f", fontsize=7)
        ax1.set_ylabel("Mean score")
        ax1.spines[["top", "right"]].set_visible(False)
        if pd.notna(row["ci_low"]):
            ax2.errorbar([0], [row["mean_change"]],
                         yerr=[[row["mean_change"] - row["ci_low"]],
                               [row["ci_high"] - row["mean_change"]]],
                         fmt="o", color="black", capsize=4)
        else:
            ax2.plot([0], [row["mean_change"]], "o", color="black")
        ax2.axhline(0, color="grey", lw=0.8, ls="--")
        ax2.set_xticks([0], ["Mean change\n(95% CI)"])
        ax2.set_xlim(-1, 1)
        ax2.spines[["top", "right"]].set_visible(False)
        desc = (f"Baseline {vals[0]:.2f}, follow-up {vals[1]:.2f}, mean change "
                f"{row['mean_change']:.2f} (95% CI {row['ci_low']:.2f} to {row['ci_high']:.2f}).")
    fig.suptitle(title, fontsize=10)
    return fig_to_svg(fig, title, desc, "baseline/follow-up", t0)


def forest_plot(es: pd.DataFrame):
    t0 = time.perf_counter()
    es = es.sort_values(["measure", "project_id"], key=lambda c: c.str.lower())
    labels = (es["project_id"] + " · " + es["measure"]).tolist()
    y = np.arange(len(es))
    fig, ax = plt.subplots(figsize=(7, max(3, 0.16 * len(es) + 1)))
    measures = sorted(es["measure"].unique(), key=str.lower)
    markers = ["o", "s", "^", "D", "v", "P", "X", "*"]
    for i, m in enumerate(measures):
        sel = (es["measure"] == m).to_numpy()
        sub = es[sel]
        ax.errorbar(sub["effect_size"], y[sel],
                    xerr=[sub["effect_size"] - sub["es_ci_low"],
                          sub["es_ci_high"] - sub["effect_size"]],
                    fmt=markers[i % len(markers)], color=OKABE_ITO[i % len(OKABE_ITO)],
                    ms=3, lw=0.8, capsize=0, label=m)
    ax.axvline(0, color="grey", lw=0.8, ls="--")
    ax.set_yticks(y, labels, fontsize=5)
    ax.invert_yaxis()
    ax.set_xlabel("Effect size (Cohen's d_z, positive = improvement) with 95% CI")
    ax.set_title("Effect sizes by project and measure")
    ax.legend(fontsize=7, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    desc = f"{len(es)} project and measure effect sizes with 95% confidence intervals."
    return fig_to_svg(fig, "Effect sizes by project and measure", desc, "index forest plot", t0)


def outputs_by_project_chart(totals: pd.DataFrame):
    t0 = time.perf_counter()
    wide = totals.pivot(index="project_id", columns="measure", values="value").fillna(0)
    fig, ax = plt.subplots(figsize=(7, max(3, 0.14 * len(wide) + 1)))
    left = np.zeros(len(wide))
    for i, m in enumerate(wide.columns):
        ax.barh(wide.index, wide[m], left=left, color=OKABE_ITO[i % len(OKABE_ITO)],
                hatch=HATCHES[i % len(HATCHES)], edgecolor="black", lw=0.3, label=m)
        left += wide[m].to_numpy()
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=5)
    ax.set_xlabel("Total outputs (all quarters)")
    ax.set_title("Outputs by project")
    ax.legend(fontsize=7, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    desc = f"Stacked totals of {len(wide.columns)} output measures for {len(wide)} projects."
    return fig_to_svg(fig, "Outputs by project", desc, "index outputs by project", t0)


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------
CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#1a1a1a}
h1{font-size:1.8rem} h2{border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left} td.num{text-align:right}
figure{margin:1rem 0} figure svg{max-width:100%;height:auto}
.stats{display:flex;flex-wrap:wrap;gap:1rem} .stat{border:1px solid #ccc;padding:.5rem 1rem}
.stat dd{font-size:1.4rem;margin:0} blockquote{border-left:4px solid #009E73;margin:0;padding-left:1rem}
.muted{color:#666} @media print{body{max-width:none} h2{break-after:avoid} figure{break-inside:avoid}}
"""

BASE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{% endblock %}</title><style>{{ css }}</style></head>
<body><main>{% block body %}{% endblock %}</main>
<footer><p class="muted">Made with pandas, matplotlib and jinja2 (comparison baseline for mwm).</p></footer>
</body></html>"""

TABLE_MACRO = """{% macro table(caption, head, rows) -%}
<table><caption>{{ caption }}</caption><thead><tr>{% for h in head %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>{% for r in rows %}<tr>{% for c in r %}{% if loop.first %}<th scope="row">{{ c }}</th>{% else %}<td class="num">{{ c }}</td>{% endif %}{% endfor %}</tr>{% endfor %}</tbody></table>
{%- endmacro %}"""

PROJECT = """{% extends "base.html" %}{% from "macros.html" import table %}
{% block title %}{{ p.name }}: Measuring What Matters{% endblock %}
{% block body %}
<p><a href="../index.html">Portfolio</a></p>
<h1>{{ p.name }}</h1>
<p class="muted">{{ p.project_id }} · {{ p.organisation }}{% if p.funder %} · funded by {{ p.funder }}{% endif %}</p>
<section><h2>At a glance</h2><dl class="stats">
{% for label, value in headline %}<div class="stat"><dt>{{ label }}</dt><dd>{{ value }}</dd></div>{% endfor %}
</dl></section>
<section><h2>Outputs: activity delivered</h2>
{% for o in outputs %}<figure>{{ o.svg }}<figcaption>{{ o.measure }} per financial quarter</figcaption></figure>
{{ table(o.measure ~ " per quarter", ["Quarter", "Total"], o.rows) }}{% endfor %}
</section>
<section><h2>Outcomes: change from baseline to follow-up</h2>
{% for c in outcome_charts %}<figure>{{ c.svg }}<figcaption>{{ c.measure }}{% if c.indicative %} (indicative only: fewer than 30 people){% endif %}</figcaption></figure>{% endfor %}
{{ table("Outcome figures", ["Measure", "People paired", "Baseline only", "Mean baseline", "Mean follow-up", "Mean change (95% CI)", "p", "Effect size (95% CI)", "% improved", "% reliably improved", "% no reliable change", "% reliably deteriorated", "% meaningful improvement"], outcome_rows) }}
</section>
<section><h2>Co-production principles</h2>
<figure>{{ principle_svg }}<figcaption>Stories tagged with each principle</figcaption></figure>
{{ table("Principles", ["Principle", "Stories tagged", "Latest audit score (1-5)", "Audit change"], principle_rows) }}
</section>
<section><h2>Spectrum of engagement</h2>
<figure>{{ spectrum_svg }}<figcaption>Stories per step of the spectrum of engagement</figcaption></figure>
{{ table("Spectrum", ["Step or band", "Stories"], spectrum_rows) }}
</section>
<section><h2>Personal outcomes</h2>
{{ table("Stories", ["", "Stories", "Quotable", "Achieved", "Partly", "Not yet"], [story_counts]) }}
<ul>{% for q in quotes %}<li><figure><blockquote lang="{{ q.language }}"><p>{{ q.text }}</p></blockquote>
<figcaption>{{ q.teller }}{% if q.what_matters %}, on {{ q.what_matters }}{% endif %} ({{ q.achieved }})</figcaption></figure></li>{% endfor %}</ul>
</section>
<section><h2>Method</h2><p>Baseline is each person's earliest score, follow-up their latest; SWEMWBS raw totals are converted to metric scores first.
Confidence intervals use the t distribution; p values come from a two-sided paired t test; effect size is Cohen's d_z.
Figures for fewer than {{ min_cell }} people are not shown. Measures with fewer than 30 people are indicative only.</p></section>
{% endblock %}"""

INDEX = """{% extends "base.html" %}{% from "macros.html" import table %}
{% block title %}Portfolio: Measuring What Matters{% endblock %}
{% block body %}
<h1>Portfolio</h1>
<section><h2>At a glance</h2><dl class="stats">
{% for label, value in headline %}<div class="stat"><dt>{{ label }}</dt><dd>{{ value }}</dd></div>{% endfor %}
</dl></section>
<section><h2>Projects</h2>
<table><caption>Projects</caption><thead><tr><th>Project</th><th>Organisation</th><th>Funders</th><th class="num">Participants</th><th class="num">Stories</th><th class="num">Budget (£)</th></tr></thead><tbody>
{% for r in projects %}<tr><th scope="row"><a href="projects/{{ r.slug }}.html">{{ r.name }}</a></th><td>{{ r.organisation }}</td><td>{{ r.funder }}</td><td class="num">{{ r.participants }}</td><td class="num">{{ r.stories }}</td><td class="num">{{ r.budget }}</td></tr>{% endfor %}
</tbody></table></section>
<section><h2>Effect sizes</h2><figure>{{ forest_svg }}<figcaption>Forest plot of effect sizes per project and measure</figcaption></figure>
{{ table("Effect sizes", ["Project", "Measure", "People paired", "Effect size", "95% CI"], forest_rows) }}</section>
<section><h2>Outputs by project</h2><figure>{{ outputs_svg }}<figcaption>Total outputs per project, by measure</figcaption></figure>
{{ table("Outputs by project", ["Project"] + output_measures, output_rows) }}</section>
{% endblock %}"""


def fmt(x, nd=2):
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return ""
    return f"{x:,.{nd}f}"


def slugify(ids):
    slugs, seen = {}, defaultdict(int)
    for pid in sorted(ids):
        base = re.sub(r"[^0-9a-z]+", "-", pid.lower())
        seen[base] += 1
        slugs[pid] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return slugs


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def main(argv):
    if len(argv) != 3:
        sys.exit("usage: pandas_pages.py INPUT_DIR OUTPUT_DIR")
    src, out = Path(argv[1]), Path(argv[2])
    (out / "projects").mkdir(parents=True, exist_ok=True)
    (out / "data").mkdir(exist_ok=True)
    phase = {}

    t = time.perf_counter()
    d = read_inputs(src)
    measures = measure_table(d["measures"])
    phase["read CSVs"] = time.perf_counter() - t

    t = time.perf_counter()
    outs = outputs_summary(d["outputs"])
    paired, baseline_only = pair_outcomes(d["outcomes"], measures)
    oc = outcome_stats(paired, baseline_only, measures)
    stories, st = stories_summary(d["stories"])
    audit = audit_summary(d["audit"])
    participants = d["outcomes"].groupby("project_id")["person_id"].nunique()
    # tidy tables, as mwm writes them
    oc.drop(columns="key").to_csv(out / "data" / "outcomes_summary.csv", index=False)
    outs.to_csv(out / "data" / "outputs_summary.csv", index=False)
    stories.to_csv(out / "data" / "stories_summary.csv", index_label="project_id")
    audit.to_csv(out / "data" / "audit_summary.csv", index=False)
    phase["figures (pandas/scipy)"] = time.perf_counter() - t

    env = Environment(
        loader=DictLoader({"base.html": BASE, "macros.html": TABLE_MACRO,
                           "project.html": PROJECT, "index.html": INDEX}),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    project_tpl = env.get_template("project.html")
    render_time = 0.0

    projects = d["projects"]
    slugs = slugify(projects["project_id"])
    by_proj_outs = {k: v for k, v in outs[outs["period"] != "total"].groupby("project_id")}
    by_proj_oc = {k: v for k, v in oc.groupby("project_id")}
    by_proj_audit = {k: v.set_index("principle") for k, v in audit.groupby("project_id")}
    by_proj_st = {k: v for k, v in st.groupby("project_id")}

    t_pages = time.perf_counter()
    for p in projects.itertuples(index=False):
        pid = p.project_id
        po = by_proj_outs.get(pid, outs.iloc[:0])
        outputs_ctx = []
        for m, g in po.groupby("measure", sort=False):
            g = g.sort_values("period")
            outputs_ctx.append({
                "measure": m,
                "svg": bar_chart(g["period"].tolist(), g["value"].tolist(), m,
                                 "Financial quarter", "Total", "outputs per quarter"),
                "rows": [[q, fmt(v, 0)] for q, v in zip(g["period"], g["value"])],
            })
        outputs_ctx.sort(key=lambda o: o["measure"].lower())

        po_oc = by_proj_oc.get(pid, oc.iloc[:0]).sort_values(
            "measure", key=lambda c: c.str.lower())
        outcome_charts, outcome_rows = [], []
        for r in po_oc.to_dict("records"):
            outcome_charts.append({"measure": r["measure"],
                                   "indicative": r["suppressed"] or r["n_paired"] < 30,
                                   "svg": change_chart(r, r["measure"])})
            if r["suppressed"]:
                outcome_rows.append([r["measure"]] + [f"fewer than {MIN_CELL}"] + [""] * 11)
            else:
                outcome_rows.append([
                    r["measure"], fmt(r["n_paired"], 0), fmt(r["n_baseline_only"], 0),
                    fmt(r["mean_baseline"]), fmt(r["mean_followup"]),
                    f"{fmt(r['mean_change'])} ({fmt(r['ci_low'])} to {fmt(r['ci_high'])})",
                    fmt(r["p_value"], 3),
                    f"{fmt(r['effect_size'])} ({fmt(r['es_ci_low'])} to {fmt(r['es_ci_high'])})",
                    fmt(r["pct_improved"], 0), fmt(r["pct_reliable_improvement"], 0),
                    fmt(r["pct_no_reliable_change"], 0),
                    fmt(r["pct_reliable_deterioration"], 0),
                    fmt(r["pct_meaningful_improvement"], 0)])

        srow = stories.loc[pid] if pid in stories.index else pd.Series(0, index=stories.columns)
        plabels = [PRINCIPLE_LABEL[k] for k in PRINCIPLES]
        principle_svg = bar_chart(plabels, [int(srow[k]) for k in PRINCIPLES],
                                  "Stories by principle", "Stories", "",
                                  "stories by principle", horizontal=True, size=(6, 2.4))
        pa = by_proj_audit.get(pid)
        principle_rows = [[PRINCIPLE_LABEL[k], int(srow[k]),
                           fmt(pa.loc[k, "latest_score"]) if pa is not None and k in pa.index else "",
                           fmt(pa.loc[k, "change"]) if pa is not None and k in pa.index else ""]
                          for k in PRINCIPLES]
        step_labels = ["1 coercion", "2 education", "3 information", "4 consultation",
                       "5 participation", "6 co-production"]
        step_vals = [int(srow[f"step_{i}"]) for i in range(1, 7)]
        spectrum_svg = bar_chart(step_labels, step_vals, "Spectrum of engagement",
                                 "Stories", "", "spectrum", horizontal=True, size=(6, 2.6))
        spectrum_rows = [[lab, v] for lab, v in zip(step_labels, step_vals)] + \
            [[b, int(srow[b.replace(" ", "_")])] for b in BANDS]

        ps = by_proj_st.get(pid, st.iloc[:0])
        quotes = [{"text": redact(q.text), "what_matters": redact(q.what_matters),
                   "teller": q.teller or "someone", "language": q.language or "en",
                   "achieved": (q.achieved_n or "not recorded").replace("_", " ")}
                  for q in ps[ps["quotable"]].itertuples()]
        n_part = int(participants.get(pid, 0))
        headline = [
            ("Participants", n_part if n_part == 0 or n_part >= MIN_CELL else f"fewer than {MIN_CELL}"),
            ("Stories", int(srow["stories"])),
            ("Outputs recorded", fmt(po["value"].sum(), 0)),
            ("Budget", f"£{fmt(float(p.budget), 0)}" if p.budget != "" else "not given"),
        ]
        t = time.perf_counter()
        html = project_tpl.render(
            css=CSS, p=p._asdict(), headline=headline, outputs=outputs_ctx,
            outcome_charts=outcome_charts, outcome_rows=outcome_rows,
            principle_svg=principle_svg, principle_rows=principle_rows,
            spectrum_svg=spectrum_svg, spectrum_rows=spectrum_rows,
            story_counts=[pid, int(srow["stories"]), int(srow["quotable"]), int(srow["achieved"]),
                          int(srow["partly"]), int(srow["not_yet"])],
            quotes=quotes, min_cell=MIN_CELL)
        (out / "projects" / f"{slugs[pid]}.html").write_text(html, encoding="utf-8")
        render_time += time.perf_counter() - t
    phase["project pages (charts + render)"] = time.perf_counter() - t_pages

    t = time.perf_counter()
    es = oc[(oc["project_id"] != ALL) & oc["effect_size"].notna()]
    forest_svg = forest_plot(es)
    totals = outs[(outs["period"] == "total") & (outs["project_id"] != ALL)]
    outputs_svg = outputs_by_project_chart(totals)
    wide = totals.pivot(index="project_id", columns="measure", values="value").fillna(0)
    wide = wide[sorted(wide.columns, key=str.lower)]
    tr = time.perf_counter()
    index_html = env.get_template("index.html").render(
        css=CSS,
        headline=[("Projects", len(projects)), ("Participants", int(participants.sum())),
                  ("Stories", int(stories.loc[ALL, "stories"])),
                  ("Outputs recorded", fmt(totals["value"].sum(), 0))],
        projects=[{"slug": slugs[r.project_id], "name": r.name, "organisation": r.organisation,
                   "funder": r.funder, "participants": int(participants.get(r.project_id, 0)),
                   "stories": int(stories["stories"].get(r.project_id, 0)),
                   "budget": fmt(float(r.budget), 0) if r.budget != "" else ""}
                  for r in projects.itertuples()],
        forest_svg=forest_svg,
        forest_rows=[[r.project_id, r.measure, fmt(r.n_paired, 0), fmt(r.effect_size),
                      f"{fmt(r.es_ci_low)} to {fmt(r.es_ci_high)}"]
                     for r in es.sort_values(["measure", "project_id"]).itertuples()],
        outputs_svg=outputs_svg, output_measures=list(wide.columns),
        output_rows=[[pid] + [fmt(v, 0) for v in row] for pid, row in
                     zip(wide.index, wide.to_numpy())])
    (out / "index.html").write_text(index_html, encoding="utf-8")
    render_time += time.perf_counter() - tr
    phase["index page (charts + render)"] = time.perf_counter() - t

    wall = time.perf_counter() - T_START
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n_charts = sum(CHART_COUNT.values())
    print(f"projects: {len(projects)}, pages: {len(projects) + 1}, charts: {n_charts}")
    print(f"  imports: {T_IMPORTED - T_START:.2f} s")
    for k, v in phase.items():
        print(f"  {k}: {v:.2f} s")
    for k in sorted(CHART_TIME, key=CHART_TIME.get, reverse=True):
        print(f"    chart '{k}': {CHART_COUNT[k]} charts, {CHART_TIME[k]:.2f} s "
              f"({1000 * CHART_TIME[k] / CHART_COUNT[k]:.0f} ms each)")
    print(f"    jinja2 render + write: {render_time:.2f} s")
    print(f"wall time: {wall:.2f} s")
    print(f"peak memory (ru_maxrss): {maxrss} KiB")


if __name__ == "__main__":
    main(sys.argv)
