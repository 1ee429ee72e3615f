#!/usr/bin/env python3
"""Write mwm's shipped sample input data under data/.

Run from the repository root:

    python3 scripts/make_sample_data.py

Requires Python 3.11 and (pinned):
    pip install openpyxl==3.1.5 odfpy==1.4.1

The output is deterministic: every random choice comes from random.Random(2024), nothing
depends on the clock, and the zip containers (xlsx, ods) get fixed timestamps, so two runs
give byte-identical files. The script deletes and rewrites only the files it owns (OWNED
below) and data/README.md, which it also writes (including the table of deliberately bad
rows, whose places are recorded while writing and checked by re-opening the files).

All people, organisations and contact details are fictional. Phone numbers come from
Ofcom's drama range (07700 900xxx), e-mail addresses use example.org / example.com.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import re
import shutil
import sys
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties
from odf.number import DateStyle, Day, Month, Year, Text as NText
from odf.table import Table, TableRow, TableCell
from odf.text import P

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

PORTFOLIO = "portfolio.xlsx"
WELSH_WB = "cylch-canu-caernarfon.xlsx"
ODS = "gwynedd-and-powys.ods"
CSV_DIR = "ceredigion-csv"
CSV_FILES = ["projects.csv", "outputs.csv", "outcomes.csv", "stories.csv", "audit.csv", "narrative.csv"]
OWNED = [PORTFOLIO, WELSH_WB, ODS, "README.md"] + [f"{CSV_DIR}/{f}" for f in CSV_FILES]

FIXED_TIME = (2025, 4, 1, 0, 0, 0)          # zip member timestamps
FIXED_ISO = "2025-04-01T00:00:00Z"          # docProps/core.xml created / modified

rng = random.Random(2024)

PRINCIPLES = ["assets", "networks", "outcomes", "relationships", "enabling"]
LABEL_EN = {"assets": "Assets", "networks": "Networks", "outcomes": "Outcomes",
            "relationships": "Relationships", "enabling": "Enabling"}
LABEL_CY = {"assets": "Asedau", "networks": "Rhwydweithiau", "outcomes": "Canlyniadau",
            "relationships": "Perthnasoedd", "enabling": "Galluogi"}

D = dt.date

# ---------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------
# file: where the project's data lives. "defined_in": which projects table holds its row.
PROJECTS = [
    dict(id="WRX-CHOIR", name="Singing for Memory Wrexham", name_cy="Canu er Cof Wrecsam",
         org="Wrexham Memory Friends CIO",
         funders=["National Lottery Community Fund", "Wrexham County Borough Council"],
         start=D(2023, 4, 1), end=D(2025, 3, 31), budget=24000, novelty=2,
         place="Wrexham", service="dementia choir for people living with dementia and their carers",
         desc="Weekly choir for people living with dementia and the people who care for them; members choose the songs "
              "and run the planning sessions.", file=PORTFOLIO),
    dict(id="SWA-CAFE", name="Sandfields Recovery Café", name_cy="Caffi Adferiad Sandfields",
         org="Swansea Bay Recovery Community CIC",
         funders=["Welsh Government", "Swansea Council", "National Lottery Community Fund"],
         start=D(2023, 4, 1), end=D(2025, 3, 31), budget=68500, novelty=4,
         place="Swansea (Sandfields)", service="recovery café for people in recovery from drugs and alcohol",
         desc="Peer-run café open five days a week for people in recovery; house rules written by members.",
         file=PORTFOLIO),
    dict(id="NPT-CARERS", name="Afan Young Carers Hub", name_cy="Hwb Gofalwyr Ifanc Afan",
         org="Afan Valley Carers Trust", funders=["Welsh Government", "BBC Children in Need"],
         start=D(2023, 4, 1), end=D(2025, 3, 31), budget=41250, novelty=3,
         place="Port Talbot and the Afan Valley", service="young carers group",
         desc="After-school group, trips and school awareness work by and for young carers aged 8 to 18.",
         file=PORTFOLIO),
    dict(id="CDF-GARDEN", name="Grangetown Growing Space", name_cy="Gardd Gymunedol Grangetown",
         org="Grangetown Community Garden Trust", funders=["National Lottery Community Fund", "Cardiff Council"],
         start=D(2023, 4, 1), end=D(2025, 3, 31), budget=15800, novelty=1,
         place="Cardiff (Grangetown)", service="community garden",
         desc="Community food garden on council land, run by a growers' committee.", file=PORTFOLIO),
    dict(id="MTY-SHED", name="Dowlais Men's Shed", name_cy="Sied Dynion Dowlais",
         org="Dowlais Men's Shed Association",
         funders=["Welsh Government", "Merthyr Tydfil County Borough Council"],
         start=D(2023, 5, 1), end=D(2025, 3, 31), budget=12300, novelty=2,
         place="Merthyr Tydfil (Dowlais)", service="men's shed",
         desc="Workshop space where men make, mend and talk; members run the money and the rules.", file=PORTFOLIO),
    dict(id="NWP-TENANTS", name="Pill Tenants' Voice", name_cy="Llais Tenantiaid Pill",
         org="Usk Valley Homes and Pill tenants", funders=["Usk Valley Homes"],
         start=D(2023, 4, 1), end=D(2025, 3, 31), budget=None, novelty=6,
         place="Newport (Pillgwenlly)", service="tenants' forum",
         desc="Tenants' forum with seats on the housing association's repairs panel; no separate budget, staff time in kind.",
         file=PORTFOLIO),
    dict(id="BLA-DIGI", name="Blaenau Digital Drop-in", name_cy="Galw Mewn Digidol Blaenau",
         org="Cymdeithas Gymunedol Stiniog", funders=["National Lottery Community Fund", "Cyngor Gwynedd"],
         start=D(2023, 9, 1), end=D(2025, 3, 31), budget=19900, novelty=3,
         place="Blaenau Ffestiniog (Gwynedd)", service="digital inclusion drop-in",
         desc="Weekly drop-in at the library where volunteers, many of them young people, help with phones, tablets and "
              "online services, in Welsh or English.", file=ODS),
    dict(id="LLD-PARENTS", name="New Parents Together Llandrindod", name_cy="Rhieni Newydd Gyda'n Gilydd Llandrindod",
         org="Powys Family Network", funders=["Powys Teaching Health Board"],
         start=D(2023, 10, 1), end=D(2025, 3, 31), budget=8750, novelty=5,
         place="Llandrindod Wells (Powys)", service="peer support for new parents",
         desc="Peer support group for parents of babies under one, with trained peer supporters.", file=ODS),
    dict(id="ABW-FOOD", name="Aberystwyth Food Co-op", name_cy="Co-op Bwyd Aberystwyth",
         org="Cwlwm Bwyd Ceredigion",
         funders=["National Lottery Community Fund", "Ceredigion County Council", "Welsh Government"],
         start=D(2023, 4, 1), end=D(2025, 3, 31), budget=33400, novelty=3,
         place="Aberystwyth (Ceredigion)", service="food co-op",
         desc="Members' food co-op: weekly bags of local and surplus food for a small subscription; members vote on spending.",
         file=CSV_DIR),
    dict(id="CAE-CANU", name="Caernarfon Singing Circle", name_cy="Cylch Canu Caernarfon",
         org="Cymdeithas Canu Cymunedol Arfon",
         funders=["National Lottery Community Fund", "Arts Council of Wales", "Cyngor Gwynedd"],
         start=D(2023, 4, 1), end=D(2025, 3, 31), budget="£18,500", novelty=4,
         place="Caernarfon (Gwynedd)", service="singing for lung health and loneliness (Welsh-medium)",
         desc="Cylch canu wythnosol drwy gyfrwng y Gymraeg i bobl sy'n byw efo cyflyrau'r ysgyfaint neu sy'n unig.",
         file=WELSH_WB),
]
PROJ = {p["id"]: p for p in PROJECTS}

# ---------------------------------------------------------------------------
# Measures sheet (portfolio.xlsx). Service-defined measures plus built-in overrides that
# fill only `principles`.
# ---------------------------------------------------------------------------
MEASURE_HEADERS = ["measure", "min", "max", "higher_is_better", "sem", "reliability", "sd", "mid",
                   "conversion", "principles", "label_cy", "source"]
MEASURE_ROWS = [
    ["Confidence", 1, 10, "yes", None, 0.8, 2.1, 2, None, "enabling;assets", "Hyder",
     "service's own question: 'How confident do you feel about doing the things that matter to you?' (1 to 10)"],
    ["Loneliness", 3, 9, "no", None, 0.72, 1.8, 1, None, "networks;relationships", "Unigrwydd",
     "UCLA 3-item loneliness scale, total 3 to 9 (Hughes et al. 2004)"],
    ["Feeling heard", 1, 5, "yes", None, None, None, 1, None, "relationships;enabling", "Teimlo fy mod yn cael fy nghlywed",
     "tenants' forum's own question: 'When you raise something, do you feel heard?' (1 to 5)"],
    ["SWEMWBS", None, None, None, None, None, None, None, None, "outcomes;enabling", None, None],
    ["WEMWBS", None, None, None, None, None, None, None, None, "outcomes;enabling", None, None],
    ["ONS life satisfaction", None, None, None, None, None, None, None, None, "outcomes", None, None],
    ["ONS worthwhile", None, None, None, None, None, None, None, None, "outcomes;assets", None, None],
    ["ONS happiness", None, None, None, None, None, None, None, None, "outcomes", None, None],
    ["ONS anxiety", None, None, None, None, None, None, None, None, "outcomes", None, None],
]

# Outcome generators: baseline mean, baseline sd, change mean, change sd, min, max (whole numbers).
# Change is in "better" direction already signed (negative for lower-is-better).
MEASURE_GEN = {
    "SWEMWBS": (20.5, 4.5, 1.8, 3.6, 7, 35),
    "WEMWBS": (42.0, 8.0, 3.6, 7.0, 14, 70),
    "ONS life satisfaction": (5.8, 2.0, 0.7, 1.8, 0, 10),
    "ONS worthwhile": (6.2, 2.0, 0.6, 1.7, 0, 10),
    "ONS happiness": (5.9, 2.2, 0.6, 2.0, 0, 10),
    "ONS anxiety": (5.2, 2.6, -0.8, 2.3, 0, 10),
    "Confidence": (4.6, 2.0, 1.5, 2.1, 1, 10),
    "Loneliness": (6.8, 1.5, -0.9, 1.4, 3, 9),
    "Feeling heard": (2.4, 1.0, 0.8, 1.0, 1, 5),
}

# Outcomes plan per project: people, measures, share with follow-up, share with a middle score,
# person id style.
OUTCOME_PLAN = {
    "WRX-CHOIR": dict(n=34, measures=["SWEMWBS", "Loneliness"], fu=0.80, mid=0.30, prefix="WRX-"),
    "SWA-CAFE": dict(n=52, measures=["SWEMWBS", "Confidence"], fu=0.70, mid=0.35, prefix="SWA-"),
    "NPT-CARERS": dict(n=41, measures=["SWEMWBS", "Confidence"], fu=0.85, mid=0.25, prefix="YC"),
    "CDF-GARDEN": dict(n=38, measures=["ONS life satisfaction", "ONS worthwhile", "ONS happiness", "ONS anxiety"],
                       fu=0.75, mid=0.0, prefix="GG-"),
    "MTY-SHED": dict(n=29, measures=["WEMWBS", "Loneliness"], fu=0.80, mid=0.30, prefix=None),   # numeric ids 101..
    "NWP-TENANTS": dict(n=24, measures=["ONS life satisfaction", "Feeling heard"], fu=0.75, mid=0.0, prefix="PTV"),
    "BLA-DIGI": dict(n=27, measures=["Confidence", "ONS life satisfaction"], fu=0.80, mid=0.20, prefix="BLA-"),
    "LLD-PARENTS": dict(n=14, measures=["SWEMWBS", "ONS anxiety"], fu=None, mid=0.0, prefix="LLD-"),  # 4 followed up
    "ABW-FOOD": dict(n=46, measures=["SWEMWBS", "ONS life satisfaction", "ONS anxiety"], fu=0.75, mid=0.0, prefix="ABW-"),
    "CAE-CANU": dict(n=31, measures=["WEMWBS", "Loneliness"], fu=0.85, mid=0.35, prefix="CAE-"),
}

# Outputs plan: (measure, principles keys, base monthly value, kind)
# kind: "int" whole numbers, "half" halves (hours), "kg" one decimal
OUTPUT_PLAN = {
    "WRX-CHOIR": [("Sessions delivered", "relationships;networks", 4.2, "int"),
                  ("People attending", "networks", 58, "int"),
                  ("Volunteer hours", "assets", 34, "half")],
    "SWA-CAFE": [("Café sessions", "relationships", 21, "int"),
                 ("Meals served", "outcomes", 1150, "int"),
                 ("Peer volunteer hours", "assets;enabling", 160, "half")],
    "NPT-CARERS": [("Group sessions", "relationships;networks", 8, "int"),
                   ("Young carers attending", "networks", 96, "int"),
                   ("School awareness sessions", "networks;enabling", 1.3, "int")],
    "CDF-GARDEN": [("Work days", "networks;assets", 6, "int"),
                   ("Volunteer hours", "assets", 120, "half"),
                   ("Produce harvested (kg)", "outcomes", 40, "kg")],
    "MTY-SHED": [("Shed sessions", "relationships", 12, "int"),
                 ("Men attending", "networks;relationships", 95, "int"),
                 ("Items made for the community", "assets;networks", 5, "int")],
    "NWP-TENANTS": [("Forum meetings", "relationships;enabling", 2, "int"),
                    ("Tenants attending", "networks", 31, "int"),
                    ("Repairs panel meetings", "relationships;enabling", 1, "int")],
    "BLA-DIGI": [("Drop-in sessions", "enabling", 4.3, "int"),
                 ("People helped", "enabling;outcomes", 37, "int"),
                 ("Devices loaned", "enabling;assets", 3, "int")],
    "LLD-PARENTS": [("Group sessions", "networks;relationships", 6, "int"),
                    ("Parents attending", "networks", 44, "int"),
                    ("Peer support contacts", "relationships;assets", 18, "int")],
    "ABW-FOOD": [("Food bags distributed", "outcomes", 260, "int"),
                 ("Volunteer hours", "assets;networks", 140, "half"),
                 ("Members' meetings", "relationships;enabling", 1, "int")],
    "CAE-CANU": [("Sesiynau canu", "relationships;outcomes", 4.2, "int"),
                 ("Pobl yn canu", "networks;relationships", 88, "int"),
                 ("Oriau gwirfoddoli", "assets", 26, "half")],
}

AUDIT_DATES = {
    "WRX-CHOIR": (D(2023, 6, 14), D(2024, 6, 12)),
    "SWA-CAFE": (D(2023, 5, 22), D(2024, 5, 20)),
    "NPT-CARERS": (D(2023, 7, 5), D(2024, 7, 3)),
    "CDF-GARDEN": (D(2023, 9, 16), D(2024, 9, 14)),
    "MTY-SHED": (D(2023, 6, 29), D(2024, 6, 27)),
    "NWP-TENANTS": (D(2023, 10, 4), D(2024, 10, 2)),
    "BLA-DIGI": (D(2023, 11, 9), D(2024, 11, 7)),
    "LLD-PARENTS": (D(2023, 11, 21), D(2024, 11, 19)),
    "ABW-FOOD": (D(2023, 6, 8), D(2024, 6, 6)),
    "CAE-CANU": (D(2023, 5, 16), D(2024, 5, 14)),
}
# ---------------------------------------------------------------------------
# Stories. Written by hand, one list per project.
# (title, text, what_matters, achieved, principles (keys), spectrum, consent, teller, language)
# consent: True / False / None (None = the cell is left empty, which mwm reads as "no")
# ---------------------------------------------------------------------------

STORIES = {
    "WRX-CHOIR": [
        ("He knows all the words",
         "My husband Alan was diagnosed two years ago and he'd more or less stopped talking. First Tuesday at the choir they did "
         "Calon Lân and he sang every word, all the verses. I had to go out into the corridor. I hadn't heard his voice like that in months.",
         "Something we can still do together", "yes", "relationships;assets", "co-production", True, "carer", "en"),
        (None, "I like the singing. I like the tea after. The lady with the red cardigan is my friend now.",
         "Friends", "yes", "networks", "participation", True, "citizen", "en"),
        ("The back row",
         "People think a choir is a nice little thing. For me it's the only ninety minutes in the week where I'm not watching Mum. "
         "I sit at the back with the other daughters and we talk about the stuff nobody else wants to hear - the pads, the night "
         "waking, the social worker who's changed three times since June. We set up a WhatsApp group after the Christmas concert "
         "and honestly that group got me through the winter.",
         "Not feeling on my own with it", "yes", "networks;relationships", "co-production", True, "carer", "en"),
        ("From teas to songs",
         "I came as a volunteer to help with the teas. After a few weeks they asked if I'd help the members choose the songs. "
         "Now we do a vote at the start of every term and I count the slips.",
         None, None, "enabling;relationships", "co-production", True, "volunteer", "en"),
        ("Better than a leaflet",
         "We used to hand people a leaflet about the choir at the memory clinic. Now two of the members come into clinic once a month "
         "and talk to newly diagnosed couples themselves. More people turn up, and frankly they explain it better than we did.",
         None, None, "assets;networks", "involvement", True, "professional", "en"),
        (None, "Some weeks it's too much. Dad gets agitated on the bus and we have to turn back at the Beast Market. I wish there was "
         "transport. I know they've asked the council but nothing yet.",
         "Getting there every week", "not yet", "outcomes", "consultation", False, "carer", "en"),
        ("Cael bod yn hi ei hun",
         "Mae Mam wedi siarad Cymraeg erioed, ond ers y salwch mae hi wedi colli bron y cwbl o'i Saesneg. Yn y côr mae 'na ddigon o "
         "ganeuon Cymraeg ac mae hi'n cael bod yn hi ei hun. Mae'r arweinydd yn gofyn iddi hi bob wythnos pa emyn mae hi isio.",
         "Cael byw yn Gymraeg", "yes", "outcomes;assets", "co-production", True, "carer", "cy"),
        (None, "Dwi'n cofio'r geiriau i gyd. Rhyfedd, de?", "Canu", "yes", "assets", "participation", True, "citizen", "cy"),
        ("Sound man",
         "I came along in the summer holidays with Nan because Mum made me. Didn't think I'd like it. Ended up doing the sound "
         "for the concert at St Giles and now I go most Tuesdays in the holidays.",
         None, None, "assets;networks", "participation", True, "family", "en"),
        ("The last half hour",
         "We tried. Geoff loved it at first but the noise in the hall started to upset him, so now we just go for the last half hour. "
         "The team were good about it, they found him a quieter chair by the door. It's not what it was but it's something.",
         "Geoff enjoying it without getting upset", "partly", "outcomes;relationships", "co-production", True, "carer", "en"),
        (None, "I don't remember what it's called but I go every week and I'm happy there.",
         "Being happy", "yes", "outcomes", "doing with", False, "citizen", "en"),
        ("Unlearning",
         "As the choir leader I had to unlearn a lot. I used to plan the whole set myself. Now the members run a planning session "
         "each half-term and they've picked songs I'd never have chosen: Tom Jones, a skipping rhyme from Rhos, Abba. Attendance went up.",
         None, None, "relationships;enabling", "co-production", True, "professional", "en"),
        (None, "After Dilys died I kept coming. Everyone said I should. I do the chairs now.",
         "Keeping the friends I'd made", "yes", "networks;relationships", "participation", False, "carer", "en"),
        ("The piano",
         "The hall told us we couldn't use the piano any more. The members wrote to the church council themselves, three letters, "
         "and went to the meeting. We've got it back.",
         None, None, "enabling;networks", "co-production", True, "volunteer", "en"),
        (None, "They come over to us after choir, twenty-odd of them. We've put a dementia friendly sign up and all the staff did the "
         "Dementia Friends session in the spring.",
         None, None, "networks", "information", True, "community", "en"),
        ("Power of attorney night",
         "The information evening about lasting power of attorney was useful, I'll give them that, but it was just someone talking "
         "at us for an hour with slides. I had questions about Mum's house and there wasn't time.",
         "Understanding the legal side", "partly", "outcomes", "information", True, "carer", "en"),
    ],

    "SWA-CAFE": [
        ("Coat off",
         "I hadn't left the flat except for my script for about eight months. My key worker walked me down here the first time and I "
         "sat by the door with my coat on for the whole hour. Second week I took the coat off. That sounds like nothing but it was everything.",
         "Getting out of the flat", "yes", "relationships;enabling", "participation", True, "citizen", "en"),
        ("Sunday dinner",
         "18 months clean on Friday. Cooked Sunday dinner here for 30 people last week. Never cooked for anyone in my life before.",
         "Staying clean and being useful", "yes", "assets;enabling", "co-production", True, "citizen", "en"),
        ("Tuesday shift",
         "I run the Tuesday peer shift now. If anyone wants to do a shift with me text me on 07700 900461. You don't need experience, "
         "you just need to have been there.",
         "Giving something back", "yes", "assets;networks", "co-production", True, "volunteer", "en"),
        (None, "Relapsed in November. Didn't come in for six weeks because I was ashamed. Mike came round and knocked the door. "
         "Nobody judged me when I came back. Still early days.",
         "Not being judged", "partly", "relationships", "co-production", False, "citizen", "en"),
        ("A sceptic",
         "Honestly I was sceptical. Our model is appointments and licence conditions. But the three people on my caseload who go to "
         "the café are the only three who've turned up to every appointment this year. I've stopped being sceptical.",
         None, None, "networks;outcomes", "participation", True, "professional", "en"),
        (None, "Food's good. Cheap. £1.50 for a full breakfast.", "A hot meal", "yes", "outcomes", "participation", True, "citizen", "en"),
        (None, "My son came home for Christmas for the first time in four years. He brought a cake he'd made at the café. I've still got the tin.",
         "Getting my son back", "yes", "relationships", "doing with", False, "family", "en"),
        ("We wrote the rules",
         "What I'd say to the funders is this. Every other service I've been in, somebody decides what's good for you and you either "
         "go along with it or you get kicked off. Here we had a meeting about the rules and we wrote them ourselves. No using on the "
         "premises, obviously, but also stuff like no talking about where to score, and nobody gets barred for a first slip, they get "
         "a chat and a brew. Because we wrote them, we stick to them. I've seen lads who'd have smashed a place up stick to those rules.",
         "Being treated like an adult", "yes", "relationships;enabling", "co-production", True, "citizen", "en"),
        (None, "Got my CSCS card through the café's link with the college. Starting on a site in Port Talbot Monday.",
         "A job", "yes", "networks;enabling", "participation", True, "citizen", "en"),
        (None, "Some people there aren't serious about recovery and it winds me up. I'd like a separate morning for people further on.",
         "Being with people further on in recovery", "not yet", "outcomes", "consultation", False, "citizen", "en"),
        ("Auntie Bev",
         "I lost my brother to heroin in 2019. Volunteering here is how I deal with that. The lads call me Auntie Bev and I tell them off "
         "for swearing.",
         None, None, "relationships;assets", "participation", True, "volunteer", "en"),
        (None, "Sorted my benefits out with the advice worker who comes in Thursdays. Been sanctioned twice before. This time she sat with me "
         "and we did the journal together, line by line.",
         "Sorting my money out", "yes", "networks;outcomes", "co-production", True, "citizen", "en"),
        ("Doesn't feel like a service",
         "We've started social prescribing into the café from the practice. The feedback from patients is that it doesn't feel like a "
         "service, which is exactly the point.",
         None, None, "networks", "participation", True, "professional", "en"),
        (None, "Still on the waiting list for detox. The café keeps me going while I wait but it's been five months now.",
         "Getting into detox", "not yet", "outcomes", "consultation", True, "citizen", "en"),
        ("I signed the petition",
         "There was a petition against it when it opened. I signed it, I'll be honest. Now I get my coffee there and I've done the "
         "naloxone training.",
         None, None, "networks;relationships", "information", True, "community", "en"),
        (None, "Reading group is good. Reading is still hard for me. Darren reads the bits out for me and doesn't make a thing of it.",
         "Reading a whole book", "partly", "assets;relationships", "participation", True, "citizen", "en"),
        (None, "It's the only place I don't feel watched.", "Feeling safe", "yes", "relationships", "doing with", False, "citizen", "en"),
    ],

    "NPT-CARERS": [
        (None, "I'm 14 and I look after my mam who has MS and my little brother. At school nobody knew. At the group everyone gets it, "
         "you don't have to explain why you're tired.",
         "People who understand", "yes", "networks;relationships", "participation", True, "citizen", "en"),
        ("The film",
         "We made a film about being a young carer and showed it to all the teachers at my school. Now I've got a card I can show if "
         "I'm late and I don't get a detention for it.",
         "Not getting detentions for being late", "yes", "enabling;networks", "co-production", True, "citizen", "en"),
        (None, "Dad drinks. I don't want to write about it.", "Things being better at home", "not yet", "outcomes", "participation",
         False, "citizen", "en"),
        ("A childhood",
         "I felt guilty for a long time that Ffion was doing so much for me. The group gave her a break, a trip to Oakwood, her own "
         "friends. They also asked what I needed, which nobody had done before, and now I've got carers two mornings a week so she "
         "can go to breakfast club like the other kids.",
         "Ffion having a childhood", "partly", "outcomes;networks", "co-production", True, "family", "en"),
        ("Llangrannog",
         "Residential to Llangrannog was the best thing I've ever done. I went on the zip wire and I didn't have to ring home once "
         "because Nan was covering.",
         "A break", "yes", "outcomes", "participation", True, "citizen", "en"),
        ("Most useful hour",
         "The young carers came into our staff INSET day and ran a session. It was the most uncomfortable and the most useful hour of "
         "training I've had in twenty years of teaching. We've changed our homework policy because of it.",
         None, None, "assets;enabling", "co-production", True, "professional", "en"),
        (None, "Pizza night!!! and Xbox", "Fun", "yes", "relationships", "participation", True, "citizen", "en"),
        ("Scared of them",
         "When social services came the first time they talked to Mum and then to me like I was in trouble. They kept saying "
         "safeguarding and I thought they were going to take me away. I didn't tell them anything for a year. The group worker came "
         "with me to the next meeting and it was different.",
         "Not being scared of social services", "partly", "relationships", "protection", False, "citizen", "en"),
        (None, "I was a young carer myself, I'm 22 now and I volunteer on Wednesdays. I tell them it does get easier, and that it's "
         "OK to be angry sometimes.",
         None, None, "assets;relationships", "participation", True, "volunteer", "en"),
        ("Curry",
         "I wanted to learn to cook proper meals not just pasta. We did a six week course. I made a curry for Mum and she cried "
         "(in a good way).",
         "Cooking proper meals", "yes", "enabling;assets", "participation", True, "citizen", "en"),
        (None, "My grades went up this year. Mr Hopkins from the hub helped me do a homework timetable around Dad's hospital days.",
         "Doing well in my GCSEs", "partly", "enabling", "co-production", True, "citizen", "en"),
        (None, "I still can't go out with my mates at weekends.", "Time with my friends", "not yet", "outcomes", "consultation",
         False, "citizen", "en"),
        (None, "Our Kieran is only nine. He does his sister's tube feeds. The group is the only time he's just a little boy.",
         "Kieran being a child", "yes", "outcomes", "participation", True, "family", "en"),
        ("The minibus",
         "They asked us what the hub should spend the grant on. We said a minibus so kids from up the valley can actually get there. "
         "They listened and now it picks us up from Glyncorrwg.",
         "Getting there", "yes", "networks;relationships", "co-production", True, "citizen", "en"),
        (None, "Referrals from schools doubled after the young carers did the assembly. We're finding young people a lot earlier.",
         None, None, "networks", "information", True, "professional", "en"),
        (None, "Sometimes I don't want to talk about caring. Sometimes I just want to play football. The hub lets me do that.",
         "Being normal", "yes", "assets", "doing with", False, "citizen", "en"),
    ],

    "CDF-GARDEN": [
        ("Chillies",
         "I am from Eritrea. In my village we grew everything. Here I live on the ninth floor. Now I have a bed in the garden and I grow "
         "the chillies my mother grew. People come and ask me how.",
         "Growing food like at home", "yes", "assets;networks", "co-production", True, "citizen", "en"),
        (None, "If anyone from round here wants to get involved come to the gate on a Saturday morning, it's by the railway bridge, "
         "CF11 6QX. Don't be shy, nobody will make you dig.",
         None, None, "networks", "participation", True, "volunteer", "en"),
        (None, "Doctor says my blood pressure's come down. I put it down to the digging.",
         "Getting healthier", "yes", "outcomes", "participation", True, "citizen", "en"),
        ("Too old for committees",
         "After I was made redundant from the Royal Mail I sat in front of the telly for the best part of a year. My daughter dragged me "
         "down to a work day. I didn't say a word to anyone, just barrowed woodchip for three hours. But I came back the week after, "
         "and the week after that. Now I'm on the committee and we're putting a bid in for a polytunnel. I keep telling them I'm too "
         "old for committees. They keep telling me tough.",
         "Something to get up for", "yes", "enabling;assets", "co-production", True, "citizen", "en"),
        ("Tomatos",
         "Dw i'n dod â'r plant yma ar ôl ysgol bob dydd Iau. Maen nhw wedi dysgu mwy am fwyd fan hyn nag yn unrhyw le arall. "
         "Mae Cerys yn bwyta tomatos nawr!",
         "Bod y plant yn deall o ble mae bwyd yn dod", "yes", "outcomes", "participation", True, "family", "cy"),
        (None, "There's a couple of people who treat the garden like it's theirs. New people get told off for doing it wrong. "
         "I stopped going for a bit.",
         "Feeling welcome", "not yet", "relationships", "consultation", False, "citizen", "en"),
        (None, "The primary school use the garden for Forest School now. Two of the growers run it with the teachers on Fridays.",
         None, None, "networks", "co-production", True, "community", "en"),
        ("Quiet corner",
         "I have anxiety and crowds are hard. The quiet corner they built with the sensory plants is where I sit. Nobody makes me join in. "
         "Some days I weed a bit. Some days I just sit.",
         "A quiet place outside", "yes", "outcomes;relationships", "co-production", True, "citizen", "en"),
        (None, "The council gave us the land on a five year lease. Negotiating that was six months of emails. Worth it.",
         None, None, "networks;enabling", "involvement", True, "volunteer", "en"),
        (None, "We got vandalised twice last summer. Both times half the street turned out to fix it the next morning.",
         "Keeping the garden going", "yes", "networks", "doing with", True, "community", "en"),
        (None, "Still waiting for a plot. There's a list of 40.", "My own plot", "not yet", "outcomes", "information", False,
         "citizen", "en"),
        (None, "We swapped seeds with the Somali women's group and the allotment society. I didn't know half my neighbours before.",
         "Knowing my neighbours", "yes", "networks", "participation", True, "citizen", "en"),
        ("Something to do with your hands",
         "I refer people who are isolated and who wouldn't go near a group. The garden works because there's a job to do with your "
         "hands. You can talk or not talk.",
         None, None, "networks;assets", "participation", True, "professional", "en"),
        (None, "Best strawberries in Cardiff.", "Good food", "yes", "outcomes", "participation", True, "citizen", "en"),
        (None, "I wanted to start a cooking session with the veg we grow. We had two sessions and then the kitchen at the church hall "
         "fell through. Trying again in the spring.",
         "Cooking with what we grow", "partly", "enabling", "co-production", True, "citizen", "en"),
        (None, "My husband does not like me going. But I go.", "Something for myself", "partly", "enabling", "participation", None,
         "citizen", "en"),
    ],

    "MTY-SHED": [
        ("Thirty-one years",
         "I did thirty-one years at Hoover's. When it shut I was 54 and nobody wanted me. The shed's given me a workbench again. "
         "I made my granddaughter a dolls' house for her birthday, with a little staircase.",
         "Working with my hands again", "yes", "assets", "co-production", True, "citizen", "en"),
        (None, "He used to just sit. Now he's out three mornings a week and comes home covered in sawdust talking about dovetail joints. "
         "I've got my husband back.",
         None, None, "outcomes", "doing with", True, "family", "en"),
        (None, "<b>The best bit</b> is the banter.<br>And the bacon rolls.", "A laugh", "yes", "relationships", "participation", True,
         "citizen", "en"),
        ("Over a brew",
         "The prostate cancer nurse came up the shed and did a talk and three of us went for the test after. One of the boys caught it "
         "early. Men don't talk about that stuff normally but we did, over a brew.",
         "Looking after my health", "yes", "networks;outcomes", "information", True, "citizen", "en"),
        (None, "My wife passed in March. I don't really want to talk about it but I come here and I'm not on my own.",
         "Not being on my own", "partly", "relationships", "participation", False, "citizen", "en"),
        (None, "We built twelve planters for the school and the bench by the bus stop. People say thanks now when they pass.",
         "Being useful to the community", "yes", "assets;networks", "co-production", True, "citizen", "en"),
        ("Get out of the way",
         "The men set the rules, run the money and decide what to build. My job is mostly to get out of the way and sort the insurance.",
         None, None, "relationships;enabling", "co-production", True, "professional", "en"),
        (None, "Wasn't keen. Thought it was for old men. I'm 41. Came for the welding course and stayed.",
         "Learning to weld", "yes", "enabling", "participation", True, "citizen", "en"),
        (None, "Some days my back's too bad to get up the hill. I miss it then.", "Getting there", "not yet", "outcomes",
         "consultation", False, "citizen", "en"),
        ("That door won't hang itself",
         "I was in the army 12 years. Came out, marriage went, ended up sofa surfing. The housing officer told me about the shed, "
         "probably just to get rid of me. First time I went Dai handed me a chisel and said that door won't hang itself. Didn't ask me "
         "a single question about myself for about a month. That's what I needed. Now I'm the one putting the kettle on for the new blokes.",
         "Somewhere to belong", "yes", "relationships;assets", "co-production", True, "citizen", "en"),
        (None, "Learnt to use the lathe.", "Using the lathe", "yes", "enabling", "participation", True, "citizen", "en"),
        (None, "The shed fixed 40 bikes for the kids on the estate over the summer holidays.", None, None, "networks", "doing with",
         True, "community", "en"),
        (None, "Asked for a session on computers and the universal credit journal. We had one. Need more.",
         "Doing my UC journal myself", "partly", "enabling;outcomes", "consultation", True, "citizen", "en"),
        (None, "I'm a retired joiner and I teach on Thursdays. I'm learning as much as they are, mostly about patience.",
         None, None, "assets;relationships", "participation", True, "volunteer", "en"),
        (None, "Dunno really. It's alright.", None, None, "relationships", "participation", False, "citizen", "en"),
        ("Gareth's bench",
         "My mate Gareth took his own life in 2022. We put a bench up in the shed garden for him. We talk about him. We talk about "
         "ourselves a bit more too, because of him.",
         "Remembering Gareth and looking after each other", "yes", "relationships;networks", "co-production", True, "citizen", "en"),
    ],

    "NWP-TENANTS": [
        ("Ten days not ten weeks",
         "For years we filled in the satisfaction survey and nothing changed. Now four tenants sit on the repairs panel with the "
         "housing association and we go through the contractor figures ourselves. Damp complaints get a visit in ten days now, not ten weeks.",
         "Damp sorted quicker", "yes", "relationships;enabling", "co-production", True, "citizen", "en"),
        (None, "It's uncomfortable being challenged by tenants in a meeting where you'd normally present a report and move on. "
         "It's made me better at my job.",
         None, None, "relationships", "co-production", True, "professional", "en"),
        ("Join us",
         "Anyone in Pill who wants to join the forum can email me at pilltenants@example.org or just come to the Wednesday meeting "
         "at the community centre, 6 o'clock.",
         "More tenants involved", "partly", "networks", "participation", True, "citizen", "en"),
        (None, "My mould is still there. Three visits. Photographs every time. Nothing done.", "Mould gone from the bedroom",
         "not yet", "outcomes", "consultation", False, "citizen", "en"),
        (None, "I'm disabled and the meetings used to be upstairs. I said so. They moved them. Small thing but nobody asked before.",
         "Getting in the room", "yes", "enabling;outcomes", "participation", True, "citizen", "en"),
        ("The play area stays",
         "When they consulted us on the estate plan in 2022 it was a 60-page PDF and a drop-in on a weekday at 11 in the morning. "
         "Nobody came, so they wrote down 'no objections'. This time the forum ran the consultation. We knocked doors in Urdu and "
         "Somali as well as English, we did it on a Saturday, we had face painting for the kids. Over 300 people gave their views. "
         "The plan changed. The play area stays.",
         "Keeping the play area", "yes", "networks;relationships", "co-production", True, "citizen", "en"),
        (None, "We got the bins sorted. Finally.", "A clean street", "yes", "outcomes", "participation", True, "citizen", "en"),
        (None, "The forum is the first people I talk to now about anything on the estate. They know more than we do.",
         None, None, "networks", "involvement", True, "community", "en"),
        (None, "It's the same five people at every meeting. It's a clique. They mean well but.", "Meetings open to everyone",
         "not yet", "relationships", "consultation", False, "citizen", "en"),
        (None, "I was scared to complain about my neighbour's dog in case of trouble. The forum helped me go the proper route with the "
         "housing officer and they sorted it without my name coming out.",
         "Feeling safe in my home", "yes", "outcomes;relationships", "doing for", True, "citizen", "en"),
        (None, "Did the training on reading a budget. I understand how the rent is set now. Still don't agree with it, mind.",
         "Understanding where my rent goes", "partly", "enabling", "information", True, "citizen", "en"),
        (None, "Senior management still see the forum as a box to tick for the regulator. The officers on the ground are different.",
         "Tenants' views changing decisions", "partly", "relationships", "consultation", False, "professional", "en"),
        ("He wore a tie",
         "My son is 17 and he came with me to the youth session. He's now on the panel picking the new youth worker. He wore a tie.",
         "My son having a say", "yes", "assets;enabling", "co-production", True, "family", "en"),
        (None, "The communal garden behind our block was a dumping ground. We applied to the Lottery ourselves, first bid any of us "
         "had ever written. Heard nothing yet.",
         "A garden for the block", "partly", "enabling;networks", "co-production", True, "citizen", "en"),
        (None, "Got a letter about the rent increase in English only. My mother reads only Bengali. I raised it at the forum and now "
         "every letter says you can ask for it in another language.",
         "Letters my mother can read", "yes", "outcomes", "consultation", True, "family", "en"),
    ],

    "BLA-DIGI": [
        ("Macsen",
         "Mi ges i iPad gan y mab Dolig dwytha a mi fuodd o yn y bocs tan fis Mawrth. Rŵan dwi'n gweld y wyrion yn Awstralia bob nos "
         "Sul ar FaceTime. Mi welis i fod Macsen wedi colli'i ddant cynta!",
         "Gweld y wyrion", "yes", "enabling;relationships", "participation", True, "citizen", "cy"),
        (None, "Dwi'n 82 a doeddwn i ddim isio bod yn niwsans. Ond mae'r bobl ifanc sy'n helpu mor amyneddgar. Maen nhw'n dangos yr "
         "un peth i mi bum gwaith a byth yn ochneidio.",
         "Peidio teimlo'n wirion", "yes", "relationships;assets", "participation", True, "citizen", "cy"),
        ("Gwirfoddoli",
         "Os dach chi isio help efo'ch ffôn, ffoniwch fi ar 07700 900872 neu dewch draw i'r llyfrgell fore Iau. Dwi wedi bod yn "
         "gwirfoddoli yma ers blwyddyn.",
         "Helpu pobl leol", "yes", "assets;networks", "co-production", True, "volunteer", "cy"),
        (None, "I run a B&B and I was doing all the bookings in a paper diary. Now I'm on the booking sites and I had my best summer "
         "since before Covid.",
         "Keeping the business going", "yes", "enabling", "participation", True, "citizen", "en"),
        (None, "Mae'r banc wedi cau yn y dre a does gen i ddim syniad sut i fancio ar-lein. Mae gen i ofn cael fy sgamio. Dwi wedi bod "
         "yma ddwywaith ond dwi'n dal ddim yn hyderus.",
         "Gwneud y bancio fy hun", "not yet", "enabling", "information", False, "citizen", "cy"),
        ("The whiteboard",
         "We host it in the library. At first we thought we'd be teaching. In practice the people who come set the agenda every week "
         "on the whiteboard: photos, prescriptions, scam texts, how to get the bus times. We just make sure someone's there who knows.",
         None, None, "relationships;outcomes", "co-production", True, "professional", "en"),
        ("Bara brith for WhatsApp",
         "I'm doing my Welsh Bacc and needed volunteering hours. Thought it'd be boring. Mrs Roberts taught me how to make bara brith "
         "in return for me showing her WhatsApp. Hers is better than my nain's, don't tell her.",
         None, None, "assets;relationships", "co-production", True, "volunteer", "en"),
        (None, "Dwi'n gallu archebu fy mhresgripsiwn ar yr ap rŵan. Dim mwy o giwio tu allan i'r feddygfa yn y glaw.",
         "Archebu presgripsiwn", "yes", "outcomes;enabling", "participation", True, "citizen", "cy"),
        (None, "Finally got the Universal Credit account working. Took four sessions.", "Sorting my UC", "yes", "enabling",
         "doing with", True, "citizen", "en"),
        (None, "I got scammed last year and lost £900. I came here to understand how it happened. I don't tell people in town.",
         "Not getting scammed again", "partly", "enabling;outcomes", "information", False, "citizen", "en"),
        ("Hanes y chwarel",
         "Mi ges i gyfrifiadur am ddim drwy'r cynllun ailgylchu. Dwi'n sgwennu hanes y chwarel i'r gymdeithas hanes rŵan, ac mae o i "
         "fyny ar y we i bawb ei ddarllen.",
         "Rhannu hanes y chwarel", "yes", "assets;networks", "co-production", True, "citizen", "cy"),
        (None, "Dad is 90. He sends me a photo of his dinner every day now so I know he's eating. I live in Bristol. It's a massive "
         "weight off.",
         "Knowing Dad's OK", "yes", "relationships", "participation", True, "family", "en"),
        (None, "Broadband up at Tanygrisiau is rubbish so I can only practise when I'm in the library. The drop-in can't fix that.",
         "Getting online at home", "not yet", "outcomes;networks", "consultation", True, "citizen", "en"),
        (None, "The chapel streams the Sunday service now for people who can't get out. Two of the drop-in regulars set it up.",
         None, None, "networks;assets", "co-production", True, "community", "en"),
        (None, "They're lovely but it's too noisy on Thursdays.", "Quieter sessions", "partly", "outcomes", "consultation", False,
         "citizen", "en"),
    ],

    "LLD-PARENTS": [
        ("That first winter",
         "I moved to Llandod six weeks before Alfie was born. Didn't know a soul. My partner works away. The group is the reason I "
         "didn't go under that first winter.",
         "Not being alone with a baby", "yes", "networks;relationships", "participation", True, "citizen", "en"),
        ("A walk round the lake",
         "I'm one of the peer supporters now. If you're struggling and don't fancy a group, email me on jess.parry@example.com and we "
         "can meet for a walk round the lake instead.",
         "Helping other mums", "yes", "assets;networks", "co-production", True, "volunteer", "en"),
        (None, "I had postnatal depression and I didn't tell the health visitor because I was scared they'd think I couldn't cope and "
         "take her. It was another mum at the group who said she'd been on sertraline and that it was OK to say. I told my GP the "
         "next week. I'm so much better now but I still think about how close it got.",
         "Getting help without being judged", "yes", "relationships;outcomes", "participation", False, "citizen", "en"),
        (None, "Dads are welcome too apparently, but I was the only one for months. Now there's four of us on a Saturday.",
         "Somewhere for dads", "partly", "networks", "participation", True, "citizen", "en"),
        ("Saturday feeds",
         "The parents asked for breastfeeding support at weekends. We'd never offered it because of staff rotas. Three of the peer "
         "supporters did the training and now they cover Saturdays.",
         None, None, "assets;enabling", "co-production", True, "professional", "en"),
        (None, "Got out of my pyjamas. Some weeks that's the win.", "Leaving the house", "yes", "outcomes", "participation", True,
         "citizen", "en"),
        ("Hwiangerddi",
         "Mae'n braf cael siarad Cymraeg efo mamau eraill. Dw i isio i Nel dyfu i fyny'n ddwyieithog, ac yn y grŵp mae 'na ganu "
         "Cymraeg bob wythnos. Dw i wedi ail-ddysgu hwiangerddi roeddwn i wedi'u hanghofio ers pan oeddwn i'n fach.",
         "Magu Nel yn Gymraeg", "yes", "outcomes;networks", "participation", True, "citizen", "cy"),
        (None, "It's in town and I'm out past Rhayader with no car. Went twice on the bus. Can't do it in winter.",
         "Getting to the group", "not yet", "outcomes", "consultation", None, "citizen", "en"),
        (None, "My son was born at 29 weeks. The other parents never made me feel like my worries were silly. One mum lent me all her "
         "preemie clothes.",
         "Worrying less", "partly", "relationships", "participation", True, "citizen", "en"),
        (None, "I'm a retired midwife. I make the teas and mostly keep my mouth shut unless I'm asked. Hardest thing I've ever done.",
         None, None, "relationships;assets", "doing with", True, "volunteer", "en"),
        ("Our leaflet",
         "We wrote the group's welcome leaflet ourselves because the council one was full of jargon and made it sound like a clinic.",
         "Other parents feeling welcome", "yes", "enabling;relationships", "co-production", True, "citizen", "en"),
        (None, "I found the sleep talk a bit preachy to be honest.", "Sleep", "partly", "outcomes", "education", False, "citizen", "en"),
        (None, "My wife came back from the group the first time and laughed properly, first time in months.", None, None,
         "relationships", "participation", True, "family", "en"),
        (None, "Back at work now but we've still got the WhatsApp and we meet at the park on Sundays.",
         "Friends for me and the baby", "yes", "networks", "participation", True, "citizen", "en"),
    ],

    "ABW-FOOD": [
        (None, "Pay £5 a week and take home a bag that would cost £20 in the supermarket. With two kids and my hours cut that's the "
         "difference between heating and eating.",
         "Enough food for the kids", "yes", "outcomes", "participation", True, "citizen", "en"),
        ("Pacio'r bagiau",
         "Dw i'n gwirfoddoli bob dydd Gwener yn pacio'r bagiau. Mae'n gwneud i mi deimlo'n rhan o'r dre eto ar ôl blwyddyn o fod yn sâl.",
         "Teimlo'n rhan o'r gymuned", "yes", "assets;networks", "co-production", True, "volunteer", "cy"),
        (None, "Anyone struggling in Penparcau can come to the hall, SY23 1QB, Thursday 4 till 6. No forms, no questions.",
         "Nobody going hungry", "partly", "networks", "participation", True, "volunteer", "en"),
        ("Stipend",
         "I'm a PhD student on a stipend that hasn't kept up with rent. I was embarrassed at first. Now I run the stall on Saturdays and "
         "half the volunteers are students.",
         "Eating properly", "yes", "assets;enabling", "co-production", True, "citizen", "en"),
        (None, "My partner doesn't know we use it. I collect when he's at work.", "Feeding the family", "yes", "outcomes",
         "participation", False, "citizen", "en"),
        ("Likes and dislikes",
         "What I like:\n- no means test\n- the veg is local\n- you can say what you want in the bag next week\n"
         "What I don't like:\n- the queue in the rain",
         "Fresh veg", "yes", "outcomes;relationships", "consultation", True, "citizen", "en"),
        (None, "Mae'r ffermwyr lleol yn rhoi'r llysiau sydd dros ben i ni. Does dim byd yn mynd yn wastraff. Fel 'na ddylai hi fod "
         "yng nghefn gwlad.",
         "Llai o wastraff", "yes", "networks", "co-production", True, "community", "cy"),
        ("Recipe cards",
         "We co-designed the recipe cards with members. They threw out our first draft, too many ingredients nobody had in. "
         "The new ones use what's in the bag that week.",
         None, None, "relationships;assets", "co-production", True, "professional", "en"),
        (None, "Lifesaver.", "Getting by", "yes", "outcomes", "participation", False, "citizen", "en"),
        ("The GF shelf",
         "I have coeliac disease and there's never anything gluten-free at the food bank. I asked at the members' meeting and now "
         "there's a GF shelf.",
         "Food I can actually eat", "yes", "outcomes;relationships", "co-production", True, "citizen", "en"),
        (None, "Dw i'n byw ar ben fy hun ers i Huw farw. Dydd Iau ydi'r unig ddiwrnod dw i'n siarad efo rhywun go iawn.",
         "Cwmni", "partly", "relationships", "participation", False, "citizen", "cy"),
        (None, "They helped me get the Warm Home Discount sorted as well. They've got a list of who to ring for everything.",
         "Help with bills", "yes", "networks", "information", True, "citizen", "en"),
        (None, "We vote on what to buy with the surplus. Last time it was a chest freezer. Democracy in action, over frozen peas.",
         None, None, "relationships;enabling", "co-production", True, "volunteer", "en"),
        (None, "I'd like to do the cooking sessions but they're at teatime when I've got the kids.", "Learning to cook cheap meals",
         "not yet", "enabling", "consultation", False, "citizen", "en"),
        (None, "We give them our day-old bread. Nice to know where it goes.", None, None, "networks", "participation", True,
         "community", "en"),
        ("Treasurer",
         "Started as a customer, now I'm the treasurer. I never thought anyone would trust me with money again after my bankruptcy.",
         "Being trusted", "yes", "relationships;assets", "co-production", True, "citizen", "en"),
    ],

    "CAE-CANU": [
        ("Alto",
         "Ers i mi golli Gwilym doeddwn i ddim yn mynd allan o'r tŷ ond i nôl negas. Mi ddoth Nerys drws nesa i fy nôl i un nos Fawrth "
         "a dwi heb golli'r un wythnos ers hynny. Dwi'n canu alto rŵan, pwy fasa'n meddwl.",
         "Mynd allan o'r tŷ", "yes", "relationships;networks", "participation", True, "citizen", "cy"),
        ("Allt y Maes",
         "Mae gen i COPD a dwi'n colli fy ngwynt yn hawdd. Mae'r ymarferion anadlu ar ddechrau pob sesiwn wedi gwneud mwy i mi na'r "
         "pwmp, dwi'n siŵr. Dwi'n gallu cerdded i fyny at y Maes heb stopio rŵan.",
         "Cerdded heb golli fy ngwynt", "yes", "outcomes;enabling", "co-production", True, "citizen", "cy"),
        (None, "Hwyl, canu a phanad. Be arall sydd isio?", "Cwmni", "yes", "relationships", "participation", True, "citizen", "cy"),
        ("Yma o Hyd",
         "Ni sy'n dewis y caneuon. Mi wnaethon ni bleidleisio i ganu Yma o Hyd yn y cyngerdd yn Galeri, a mi safodd pawb ar eu traed.",
         "Cael llais yn be dan ni'n ei wneud", "yes", "enabling;relationships", "co-production", True, "citizen", "cy"),
        (None, "Dwi'n mwynhau, ond dwi'n methu clywed yn iawn yn y cefn. Dwi wedi deud sawl gwaith ond does 'na ddim byd wedi newid eto.",
         "Clywed yr arweinydd", "not yet", "outcomes", "consultation", False, "citizen", "cy"),
        ("Llais Dafydd",
         "Mae fy ngŵr yn byw efo Parkinson's. Mae'r canu'n helpu'i lais o, medda'r therapydd iaith. A dwi'n cael awr i siarad efo "
         "gwragedd eraill sy'n gofalu. Dydi o ddim yn mynd i wella, dwi'n gwybod hynny, ond mae o'n dal i ganu.",
         "Cadw llais Dafydd", "partly", "outcomes;networks", "participation", True, "carer", "cy"),
        (None, "Dwi wedi bod yn arwain corau capel ers deugain mlynedd. Hwn ydi'r côr cynta lle dydw i ddim yn cael deud wrth bawb "
         "be i'w wneud. Mae o'n well côr o'r herwydd.",
         "Rhannu fy sgiliau", "yes", "assets;relationships", "co-production", True, "volunteer", "cy"),
        (None, "Roeddwn i'n isel iawn y gaeaf dwytha. Dwi ddim isio sôn mwy am y peth, ond mi oedd y cylch yn help.",
         "Teimlo'n well", "partly", "outcomes", "participation", False, "citizen", "cy"),
        ("Dysgwr",
         "Dysgwr ydw i. Dw i'n dod o Fanceinion yn wreiddiol. Mae canu yn Gymraeg yn haws na siarad! Mae pawb yn helpu fi efo'r "
         "geiriau, ac mae Glenys yn rhoi gwersi bach i fi dros baned.",
         "Dysgu Cymraeg", "yes", "assets;networks", "participation", True, "citizen", "cy"),
        (None, "Dw i'n nyrs resbiradol ac yn cyfeirio cleifion at y cylch. Mae'r rhai sy'n mynd yn dod i'r clinig yn fwy siriol ac yn "
         "fwy parod i siarad am eu triniaeth. Dwi wedi dechrau mynd fy hun ar ôl gwaith.",
         None, None, "networks;outcomes", "participation", True, "professional", "cy"),
        ("Y Clwb Rygbi",
         "Mi gollon ni'r neuadd pan gododd y rhent. Mi drefnodd yr aelodau bob dim eu hunain efo'r Clwb Rygbi, a rŵan dan ni'n canu "
         "yno am ddim ac yn cael peint wedyn.",
         "Lle i ganu", "yes", "enabling;networks", "co-production", True, "citizen", "cy"),
        (None, "Dwi'n dod â Nain bob wythnos. Mae hi'n ddynes wahanol ar ôl canu. Mae hi'n fy ffonio i ar nos Fercher i ddeud sut aeth "
         "hi, er 'mod i yno efo hi!",
         "Nain yn hapus", "yes", "relationships", "doing with", True, "family", "cy"),
        ("Phonetic words",
         "I moved here from Birmingham when I retired and felt like an outsider. The circle sings in Welsh and I was worried, but they "
         "printed the words out phonetically for me and nobody laughed. I've started Welsh lessons at Pontio.",
         "Feeling at home here", "yes", "networks;relationships", "participation", True, "citizen", "en"),
        (None, "Bit too much like chapel for me.", "Something that isn't religious", "not yet", "outcomes", "consultation", False,
         "citizen", "en"),
        (None, "My lung function test at Ysbyty Gwynedd was better in October than in March. The consultant asked what I'd changed. "
         "I said I'd joined a choir.",
         "Breathing better", "yes", "outcomes", "participation", True, "citizen", "en"),
        ("The bid",
         "They asked some of us to help write the funding bid. I'd never done anything like it, I left school at fifteen. We got the money.",
         "Keeping the circle going", "yes", "enabling;assets", "co-production", True, "carer", "en"),
    ],
}


# ---------------------------------------------------------------------------
# Generators
# ---------------------------------------------------------------------------

def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def add_days(d, n):
    return d + dt.timedelta(days=n)


def month_starts(start, end):
    y, m = start.year, start.month
    out = []
    while (y, m) <= (end.year, end.month):
        out.append(D(y, m, 1))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def person_label(pid, i):
    prefix = OUTCOME_PLAN[pid]["prefix"]
    if prefix is None:
        return 101 + i                     # MTY-SHED: whole-number ids typed as numbers
    if prefix in ("YC", "PTV"):
        return f"{prefix}{i + 1:02d}"
    return f"{prefix}{i + 1:03d}"


def gen_outcomes(pid):
    """Rows: dict(person, measure, date, score, role) with role baseline / middle / followup."""
    plan = OUTCOME_PLAN[pid]
    p = PROJ[pid]
    span = (p["end"] - p["start"]).days
    rows = []
    for i in range(plan["n"]):
        person = person_label(pid, i)
        if plan["fu"] is None:                       # LLD-PARENTS: only the first 4 people followed up
            has_fu = i in (1, 4, 8, 11)
        else:
            has_fu = rng.random() < plan["fu"]
        has_mid = has_fu and rng.random() < plan["mid"]
        last_base = span - 200 if has_fu else span - 14
        b = add_days(p["start"], rng.randint(5, last_base))
        f = m = None
        if has_fu:
            f = add_days(b, rng.randint(100, 320))
            f = min(f, add_days(p["end"], -2))
            if has_mid:
                m = add_days(b, int((f - b).days * rng.uniform(0.4, 0.6)))
        z = rng.gauss(0, 1)                          # person-level tendency to improve
        for meas in plan["measures"]:
            bm, bsd, cm, csd, lo, hi = MEASURE_GEN[meas]
            base = clamp(round(rng.gauss(bm, bsd)), lo, hi)
            rows.append(dict(person=person, measure=meas, date=b, score=base, role="baseline"))
            if has_fu:
                change = cm + csd * (0.6 * z + 0.8 * rng.gauss(0, 1))
                if m is not None:
                    mid = clamp(round(base + change * rng.uniform(0.3, 0.8) + rng.gauss(0, csd * 0.3)), lo, hi)
                    rows.append(dict(person=person, measure=meas, date=m, score=mid, role="middle"))
                fu = clamp(round(base + change), lo, hi)
                rows.append(dict(person=person, measure=meas, date=f, score=fu, role="followup"))
    # data-entry order: by date, then person, then measure as planned
    order = {m: k for k, m in enumerate(plan["measures"])}
    rows.sort(key=lambda r: (r["date"], str(r["person"]), order[r["measure"]]))
    return rows


def season_factor(pid, month):
    mo = month.month
    f = 1.0
    if mo == 8:
        f = 0.6
    elif mo == 12:
        f = 0.8
    elif mo == 1:
        f = 0.85
    return f


def gen_outputs(pid):
    """Rows: dict(date, measure, value (float or int), principles keys, notes)."""
    p = PROJ[pid]
    months = month_starts(p["start"], p["end"])
    rows = []
    for k, month in enumerate(months):
        growth = 0.8 + 0.4 * k / max(1, len(months) - 1)
        for measure, pr, base, kind in OUTPUT_PLAN[pid]:
            if kind == "kg":                         # produce: a growing season
                grow = {1: 0.05, 2: 0.05, 3: 0.1, 4: 0.3, 5: 0.6, 6: 1.1, 7: 1.7, 8: 2.0, 9: 1.8, 10: 1.1,
                        11: 0.4, 12: 0.1}[month.month]
                v = round(base * grow * growth * rng.uniform(0.8, 1.2), 1)
            else:
                v = base * season_factor(pid, month) * growth * rng.uniform(0.85, 1.15)
                if kind == "half":
                    v = round(v * 2) / 2
                    if v == int(v):
                        v = int(v)
                else:
                    v = max(0, int(round(v)))
            notes = None
            if measure in ("Sessions delivered", "Sesiynau canu") and month.month == 12:
                notes = "Christmas concert" if pid == "WRX-CHOIR" else "Cyngerdd Nadolig yn Galeri"
            if pid == "SWA-CAFE" and measure == "Café sessions" and month == D(2024, 2, 1):
                v = max(0, v - 6)
                notes = "Closed a week for the new kitchen"
            if pid == "MTY-SHED" and measure == "Items made for the community" and month == D(2024, 7, 1):
                v += 12
                notes = "Twelve planters for Pant school"
            rows.append(dict(date=month, measure=measure, value=v, principles=pr, notes=notes))
    return rows


def gen_audit(pid):
    rows = []
    base = {pr: rng.uniform(2.2, 3.6) for pr in PRINCIPLES}
    for k, date in enumerate(AUDIT_DATES[pid]):
        lift = {pr: (rng.uniform(0.1, 1.0) if k else 0.0) for pr in PRINCIPLES}
        for pr in PRINCIPLES:
            for item in (1, 2, 3):
                s = clamp(round(base[pr] + lift[pr] + rng.gauss(0, 0.6)), 1, 5)
                rows.append(dict(date=date, principle=pr, item=item, score=s))
    return rows


def gen_stories(pid, prefix):
    p = PROJ[pid]
    span = (p["end"] - p["start"]).days
    items = STORIES[pid]
    dates = sorted(add_days(p["start"], rng.randint(30, span - 5)) for _ in items)
    # stories are logged roughly in the order they were told; shuffle a copy so that
    # story order is not the order they are written in this file
    order = list(range(len(items)))
    rng.shuffle(order)
    rows = []
    for n, (idx, date) in enumerate(zip(order, dates), start=1):
        title, text, wm, ach, pr, sp, consent, teller, lang = items[idx]
        rows.append(dict(story_id=f"{prefix}{n:02d}", date=date, title=title, text=text, what_matters=wm,
                         achieved=ach, principles=pr, spectrum=sp, consent=consent, teller=teller, language=lang))
    return rows


def keys_list(pr, style):
    keys = pr.split(";")
    if style == "keys":
        return ";".join(keys)
    if style == "keys_space":
        return "; ".join(keys)
    if style == "labels":
        return ", ".join(LABEL_EN[k] for k in keys)
    if style == "labels_nl":
        return "\n".join(LABEL_EN[k] for k in keys)
    if style == "cy":
        return "; ".join(LABEL_CY[k] for k in keys)
    raise ValueError(style)


# ---------------------------------------------------------------------------
# Bookkeeping for the deliberately bad rows and the README
# ---------------------------------------------------------------------------
BAD = []       # dict(file, sheet, row, header, cell, value, problem)
NOTES = []     # other deliberate features worth telling (duplicates, blank rows)
COUNTS = {}    # (file, sheet) -> data rows written (after the header, blank rows included)


def cell_ref(col_index0, row1):
    return f"{get_column_letter(col_index0 + 1)}{row1}"


# ---------------------------------------------------------------------------
# Writers: xlsx
# ---------------------------------------------------------------------------

def xl_write_table(ws, top_row, left_col, headers, rows):
    """Write headers at (top_row, left_col) (1-based) and rows below. Returns the row number
    of each data row."""
    for j, h in enumerate(headers):
        ws.cell(row=top_row, column=left_col + j, value=h)
    row_numbers = []
    r = top_row
    for row in rows:
        r += 1
        row_numbers.append(r)
        if row is None:          # deliberate blank row
            continue
        for j, v in enumerate(row):
            if v is None or v == "":
                continue
            c = ws.cell(row=r, column=left_col + j, value=v)
            if isinstance(v, dt.date):
                c.number_format = "dd/mm/yyyy"
    for j, h in enumerate(headers):
        width = max(10, min(60, len(str(h)) + 4))
        ws.column_dimensions[get_column_letter(left_col + j)].width = width
    return row_numbers


def normalise_zip(path: Path):
    """Give every zip member a fixed timestamp and pin docProps/core.xml dates, so runs are
    byte-identical. Keeps member order and compression (ods needs `mimetype` first, stored)."""
    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_ISO.encode(), data)
            zi = zipfile.ZipInfo(info.filename, FIXED_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o600 << 16
            zi.create_system = 3
            out.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def new_workbook():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    fixed = dt.datetime(2025, 4, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "make_sample_data.py"
    wb.properties.lastModifiedBy = "make_sample_data.py"
    return wb


# ---------------------------------------------------------------------------
# Generate everything first (fixed order keeps the random stream stable)
# ---------------------------------------------------------------------------
STORY_PREFIX = {"WRX-CHOIR": "WRX-S", "SWA-CAFE": "SWA-S", "NPT-CARERS": "NPT-S", "CDF-GARDEN": "CDF-S",
                "MTY-SHED": "MTY-S", "NWP-TENANTS": "NWP-S", "BLA-DIGI": "BLA-S", "LLD-PARENTS": "LLD-S",
                "ABW-FOOD": "ABW-S", "CAE-CANU": "S"}
GEN = {}
for _p in PROJECTS:
    _id = _p["id"]
    GEN[_id] = dict(outputs=gen_outputs(_id), outcomes=gen_outcomes(_id), stories=gen_stories(_id, STORY_PREFIX[_id]),
                    audit=gen_audit(_id))

PORTFOLIO_IDS = [p["id"] for p in PROJECTS if p["file"] == PORTFOLIO]
ODS_IDS = [p["id"] for p in PROJECTS if p["file"] == ODS]


def fmt_funders(p):
    return "; ".join(p["funders"])


# ---------------------------------------------------------------------------
# portfolio.xlsx
# ---------------------------------------------------------------------------

def write_portfolio(path):
    f = PORTFOLIO
    wb = new_workbook()

    ws = wb.create_sheet("Instructions")
    lines = [
        "Co-production portfolio 2023-25: how to fill in this workbook",
        "",
        "One row per project in the Projects sheet. The projects whose data are kept in gwynedd-and-powys.ods are listed here too.",
        "Outputs: one row per project, month and output. Put the first day of the month in the date column.",
        "Outcomes: one score per row (person, measure, date). SWEMWBS is entered as the raw total (7 to 35).",
        "Stories: one personal outcome per row. Only quote a story when consent says yes.",
        "Audit: the co-production self-audit, three statements per principle, scored 1 (not yet) to 5 (always).",
        "Please format the ID columns as text so that leading zeros are kept.",
    ]
    for i, line in enumerate(lines, start=1):
        if line:
            ws.cell(row=i, column=1, value=line)
    ws.column_dimensions["A"].width = 110

    # Projects (portfolio + ods projects)
    ws = wb.create_sheet("Projects")
    headers = ["project_id", "name", "name_cy", "organisation", "funders", "start_date", "end_date", "budget",
               "novelty", "description"]
    rows = []
    for p in PROJECTS:
        if p["file"] not in (PORTFOLIO, ODS):
            continue
        rows.append([p["id"], p["name"], p["name_cy"], p["org"], fmt_funders(p), p["start"], p["end"], p["budget"],
                     p["novelty"], p["desc"]])
    xl_write_table(ws, 1, 1, headers, rows)
    COUNTS[(f, "Projects")] = len(rows)

    ws = wb.create_sheet("Measures")
    xl_write_table(ws, 1, 1, MEASURE_HEADERS, MEASURE_ROWS)
    COUNTS[(f, "Measures")] = len(MEASURE_ROWS)

    # Outputs
    ws = wb.create_sheet("Outputs")
    headers = ["project_id", "date", "measure", "value", "principles", "notes"]
    rows = []
    dup_at = None
    for pid in PORTFOLIO_IDS:
        style = rng.choice(["keys", "labels", "keys_space"])
        for r in GEN[pid]["outputs"]:
            date = r["date"]
            if pid == "CDF-GARDEN":
                date = date.strftime("%Y-%m")          # typed as text "2023-04"
            v = r["value"]
            if isinstance(v, int) and v >= 1000 and rng.random() < 0.5:
                v = f"{v:,}"                            # text such as "1,234"
            rows.append([pid, date, r["measure"], v, keys_list(r["principles"], style), r["notes"]])
            if pid == "MTY-SHED" and r["date"] == D(2024, 3, 1) and r["measure"] == "Men attending":
                rows.append(list(rows[-1]))             # pasted twice: an exact duplicate
                dup_at = len(rows)
    nums = xl_write_table(ws, 1, 1, headers, rows)
    COUNTS[(f, "Outputs")] = len(rows)
    NOTES.append(f"`{f}` › Outputs › rows {nums[dup_at - 2]} and {nums[dup_at - 1]}: the same MTY-SHED row "
                 f"(Men attending, March 2024) pasted twice. Not a problem: an exact duplicate, used once and "
                 f"counted under `duplicates`.")

    # Outcomes
    ws = wb.create_sheet("Outcomes")
    headers = ["project_id", "person_id", "measure", "date", "score"]
    rows = []
    bad_idx = None
    for pid in PORTFOLIO_IDS:
        for r in GEN[pid]["outcomes"]:
            score = r["score"]
            if (bad_idx is None and pid == "SWA-CAFE" and r["measure"] == "Confidence" and r["role"] == "middle"):
                score = "high"
                bad_idx = len(rows)
            rows.append([pid, r["person"], r["measure"], r["date"], score])
    nums = xl_write_table(ws, 1, 1, headers, rows)
    COUNTS[(f, "Outcomes")] = len(rows)
    BAD.append(dict(file=f, sheet="Outcomes", row=nums[bad_idx], header="score", cell=cell_ref(4, nums[bad_idx]),
                    value="high", problem="score is not a number (SWA-CAFE, Confidence, a middle score)"))

    # Stories
    ws = wb.create_sheet("Stories")
    headers = ["project_id", "story_id", "date", "title", "text", "what_matters", "achieved", "principles", "spectrum",
               "consent", "teller", "language"]
    rows = []
    blank_at = None
    for pid in PORTFOLIO_IDS:
        for k, s in enumerate(GEN[pid]["stories"]):
            style = rng.choice(["keys", "labels", "keys_space"])
            consent = {True: "yes", False: "no", None: None}[s["consent"]]
            date = s["date"]
            if pid == "NWP-TENANTS" and k % 3 == 0:
                date = f"{date.day}/{date.month}/{date.year}"      # typed as text, UK order
            rows.append([pid, s["story_id"], date, s["title"], s["text"], s["what_matters"], s["achieved"],
                         keys_list(s["principles"], style), s["spectrum"], consent, s["teller"], s["language"]])
        if pid == "NPT-CARERS":
            rows.append(None)                                       # a blank row between projects
            blank_at = len(rows)
    nums = xl_write_table(ws, 1, 1, headers, rows)
    ws.column_dimensions["E"].width = 80
    COUNTS[(f, "Stories")] = len(rows)
    NOTES.append(f"`{f}` › Stories › row {nums[blank_at - 1]} is left blank on purpose (counted under `blank`).")

    # Audit: the table starts at B2 (row 1 and column A empty), so the used range does not start at A1
    ws = wb.create_sheet("Audit")
    headers = ["project_id", "date", "principle", "item", "score"]
    rows = []
    bad_idx = None
    for pid in PORTFOLIO_IDS:
        use_labels = pid in ("SWA-CAFE", "MTY-SHED")
        for r in GEN[pid]["audit"]:
            pr = LABEL_EN[r["principle"]] if use_labels else r["principle"]
            score = r["score"]
            if pid == "CDF-GARDEN" and r["date"] == AUDIT_DATES[pid][1] and r["principle"] == "enabling" and r["item"] == 2:
                score = 6
                bad_idx = len(rows)
            rows.append([pid, r["date"], pr, r["item"], score])
    nums = xl_write_table(ws, 2, 2, headers, rows)
    COUNTS[(f, "Audit")] = len(rows)
    BAD.append(dict(file=f, sheet="Audit", row=nums[bad_idx], header="score", cell=cell_ref(5, nums[bad_idx]),
                    value="6", problem="audit score outside 1..5 (CDF-GARDEN, enabling item 2); this sheet's table "
                                       "starts at B2"))

    wb.save(path)
    normalise_zip(path)


# ---------------------------------------------------------------------------
# cylch-canu-caernarfon.xlsx: single-project layout, Welsh sheet names, title rows
# ---------------------------------------------------------------------------

# English translations the service gave for some Welsh stories (shown beneath the quote).
TRANSLATIONS = {
    "Ni sy'n dewis y caneuon. Mi wnaethon ni bleidleisio i ganu Yma o Hyd yn y cyngerdd yn Galeri, a mi safodd "
    "pawb ar eu traed.": "We choose the songs. We voted to sing Yma o Hyd at the concert in Galeri, and everyone "
                        "stood up.",
    "Hwyl, canu a phanad. Be arall sydd isio?": "Fun, singing and a cuppa. What more do you want?",
    "Mi gollon ni'r neuadd pan gododd y rhent. Mi drefnodd yr aelodau bob dim eu hunain efo'r Clwb Rygbi, a rŵan "
    "dan ni'n canu yno am ddim ac yn cael peint wedyn.": "We lost the hall when the rent went up. The members sorted "
    "everything out themselves with the Rugby Club, and now we sing there for free and have a pint afterwards.",
}


def write_welsh(path):
    f = WELSH_WB
    pid = "CAE-CANU"
    p = PROJ[pid]
    wb = new_workbook()

    def sheet(name, title, note, headers, rows):
        ws = wb.create_sheet(name)
        ws.cell(row=1, column=1, value=title)
        if note:
            ws.cell(row=2, column=1, value=note)
        nums = xl_write_table(ws, 3, 1, headers, rows)
        COUNTS[(f, name)] = len(rows)
        return ws, nums

    sheet("Prosiect", "Cylch Canu Caernarfon – manylion y prosiect", None,
          ["Project ID", "Project name", "name_cy", "Organisation", "Funded by", "Start date", "End date", "Budget",
           "Novelty", "Description"],
          [[pid, p["name"], p["name_cy"], p["org"], fmt_funders(p), p["start"], p["end"], p["budget"], p["novelty"],
            p["desc"]]])

    # The activities are named in Welsh; their English names (measure_en) are given on the
    # first row of each, so English pages can name them.
    english = {"Sesiynau canu": "Singing sessions", "Pobl yn canu": "People singing",
               "Oriau gwirfoddoli": "Volunteer hours"}
    named = set()
    rows = []
    for r in GEN[pid]["outputs"]:
        en = english[r["measure"]] if r["measure"] not in named else None
        named.add(r["measure"])
        rows.append([r["date"], r["measure"], r["value"], keys_list(r["principles"], "cy"), r["notes"], en])
    sheet("Allbynnau", "Cylch Canu Caernarfon – allbynnau 2023-25", "Un rhes i bob mis a phob mesur.",
          ["Date", "Activity", "Number", "Principles", "Notes", "Measure in English"], rows)

    rows = []
    bad_idx = None
    for r in GEN[pid]["outcomes"]:
        date = r["date"]
        if bad_idx is None and r["role"] == "middle" and r["date"].year == 2024 and r["date"].month in (2, 3):
            date = "31/02/2024"
            bad_idx = len(rows)
        rows.append([r["person"], r["measure"], date, r["score"]])
    if bad_idx is None:
        raise SystemExit("no middle score in Feb/Mar 2024 for CAE-CANU; change the seed handling")
    ws, nums = sheet("Canlyniadau", "Cylch Canu Caernarfon – canlyniadau 2023-25", None,
                     ["Participant ID", "Scale", "Date", "Total score"], rows)
    BAD.append(dict(file=f, sheet="Canlyniadau", row=nums[bad_idx], header="Date", cell=cell_ref(2, nums[bad_idx]),
                    value="31/02/2024", problem="not a real date (text cell; 31 February)"))

    rows = []
    for s in GEN[pid]["stories"]:
        consent = {True: "ie", False: "na", None: None}[s["consent"]]
        rows.append([s["story_id"], s["date"], s["title"], s["text"], s["what_matters"], s["achieved"],
                     keys_list(s["principles"], "keys"), s["spectrum"], consent, s["teller"], s["language"],
                     TRANSLATIONS.get(s["text"])])
    ws, _ = sheet("Straeon", "Cylch Canu Caernarfon – straeon", "Caniatâd: ie = cawn ddyfynnu, na = peidiwch â dyfynnu.",
                  ["Story ID", "Date", "Title", "Story", "What matters", "Achieved", "Principles", "Spectrum",
                   "OK to quote", "Role", "Language", "Translation"], rows)
    ws.column_dimensions["D"].width = 80

    rows = [[r["date"], LABEL_CY[r["principle"]], r["item"], r["score"]] for r in GEN[pid]["audit"]]
    sheet("Archwiliad", "Cylch Canu Caernarfon – hunanarchwiliad cyd-gynhyrchu", None,
          ["Date", "Principle", "Item", "Score"], rows)

    wb.save(path)
    normalise_zip(path)


# ---------------------------------------------------------------------------
# gwynedd-and-powys.ods
# ---------------------------------------------------------------------------

def write_ods(path):
    f = ODS
    doc = OpenDocumentSpreadsheet()
    ds = DateStyle(name="dmy")
    ds.addElement(Day(style="long"))
    ds.addElement(NText(text="/"))
    ds.addElement(Month(style="long"))
    ds.addElement(NText(text="/"))
    ds.addElement(Year(style="long"))
    doc.automaticstyles.addElement(ds)
    date_style = Style(name="cdate", family="table-cell", datastylename="dmy")
    doc.automaticstyles.addElement(date_style)

    def cell(v):
        if v is None or v == "":
            return TableCell()
        if isinstance(v, dt.date):
            c = TableCell(valuetype="date", datevalue=v.isoformat(), stylename=date_style)
            c.addElement(P(text=v.strftime("%d/%m/%Y")))
            return c
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            c = TableCell(valuetype="float", value=str(v))
            c.addElement(P(text=str(v)))
            return c
        c = TableCell(valuetype="string")
        for line in str(v).split("\n"):
            c.addElement(P(text=line))
        return c

    def table(name, headers, rows):
        t = Table(name=name)
        tr = TableRow()
        for h in headers:
            tr.addElement(cell(h))
        t.addElement(tr)
        for row in rows:
            tr = TableRow()
            for v in row:
                tr.addElement(cell(v))
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
        COUNTS[(f, name)] = len(rows)
        return list(range(2, len(rows) + 2))          # header is row 1

    rows = []
    for pid in ODS_IDS:
        for r in GEN[pid]["outputs"]:
            rows.append([pid, r["date"], r["measure"], r["value"], keys_list(r["principles"], "labels"), r["notes"]])
    table("outputs", ["project_id", "date", "output", "value", "principles", "notes"], rows)

    rows = []
    bad_idx = None
    for pid in ODS_IDS:
        for r in GEN[pid]["outcomes"]:
            score = r["score"]
            if pid == "LLD-PARENTS" and r["measure"] == "SWEMWBS" and r["role"] == "followup" and bad_idx is None:
                score = 36
                bad_idx = len(rows)
            rows.append([pid, r["person"], r["measure"], r["date"], score])
    nums = table("outcomes", ["project_id", "person_id", "instrument", "date", "score"], rows)
    BAD.append(dict(file=f, sheet="outcomes", row=nums[bad_idx], header="score", cell=cell_ref(4, nums[bad_idx]),
                    value="36", problem="SWEMWBS raw total outside 7..35 (LLD-PARENTS follow-up)"))

    rows = []
    bad_idx = None
    for pid in ODS_IDS:
        for s in GEN[pid]["stories"]:
            style = rng.choice(["labels", "labels", "labels_nl", "keys"])
            pr = keys_list(s["principles"], style)
            if s["text"].startswith("They're lovely but it's too noisy"):
                pr = "Outcomes, kindness"
                bad_idx = len(rows)
            consent = {True: "Y", False: "N", None: None}[s["consent"]]
            ach = s["achieved"]
            if ach == "yes" and rng.random() < 0.3:
                ach = "met"
            elif ach == "partly" and rng.random() < 0.5:
                ach = "partially"
            rows.append([pid, s["story_id"], s["date"], s["title"], s["text"], s["what_matters"], ach, pr,
                         s["spectrum"], consent, s["teller"], s["language"]])
    nums = table("stories", ["project_id", "story_id", "date", "title", "text", "what_matters", "achieved",
                             "principles", "spectrum", "consent to share", "teller", "language"], rows)
    BAD.append(dict(file=f, sheet="stories", row=nums[bad_idx], header="principles", cell=cell_ref(7, nums[bad_idx]),
                    value="Outcomes, kindness", problem="unknown principle \"kindness\" (BLA-DIGI story)"))

    rows = []
    for pid in ODS_IDS:
        for r in GEN[pid]["audit"]:
            rows.append([pid, r["date"], LABEL_EN[r["principle"]], r["item"], r["score"]])
    table("audit", ["project_id", "date", "principle", "item", "score"], rows)

    doc.save(str(path))
    normalise_zip(path)


# ---------------------------------------------------------------------------
# ceredigion-csv/
# ---------------------------------------------------------------------------

def text_date(d, style):
    if style == "iso":
        return d.isoformat()
    if style == "uk":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "uk2":
        return d.strftime("%d/%m/%y")
    raise ValueError(style)


def write_csv(path, headers, rows, delimiter=",", bom=False, crlf=False):
    """Write a CSV and return, for each data row, the line on which its record starts."""
    term = "\r\n" if crlf else "\n"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=term, quoting=csv.QUOTE_MINIMAL)
    w.writerow(headers)
    starts = []
    for row in rows:
        starts.append(buf.getvalue().count("\n") + 1)
        w.writerow(["" if v is None else v for v in row])
    data = buf.getvalue().encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return starts


def write_ceredigion(folder):
    pid = "ABW-FOOD"
    p = PROJ[pid]
    rel = f"{CSV_DIR}"
    folder.mkdir(parents=True, exist_ok=True)

    write_csv(folder / "projects.csv",
              ["id", "name", "name_cy", "organisation", "funded by", "start_date", "end_date", "budget", "novelty",
               "description"],
              [[pid, p["name"], p["name_cy"], p["org"], fmt_funders(p), text_date(p["start"], "uk"),
                text_date(p["end"], "uk"), p["budget"], p["novelty"], p["desc"]]])
    COUNTS[(f"{rel}/projects.csv", None)] = 1

    rows = []
    bad_idx = None
    for r in GEN[pid]["outputs"]:
        v = r["value"]
        pr = keys_list(r["principles"], "keys").replace(";", ", ")
        if r["measure"] == "Volunteer hours" and r["date"] == D(2024, 5, 1):
            v = "142,5"
            bad_idx = len(rows)
        welsh = {"Food bags distributed": "Bagiau bwyd a ddosbarthwyd", "Volunteer hours": "Oriau gwirfoddoli",
                 "Members' meetings": "Cyfarfodydd aelodau"}[r["measure"]]
        rows.append([r["date"].strftime("%Y-%m"), r["measure"], v, pr, r["notes"], welsh])
    starts = write_csv(folder / "outputs.csv", ["date", "activity", "count", "principles", "notes", "measure_cy"],
                       rows, delimiter=";")
    COUNTS[(f"{rel}/outputs.csv", None)] = len(rows)
    BAD.append(dict(file=f"{rel}/outputs.csv", sheet=None, row=starts[bad_idx], header="count", cell=None,
                    value="142,5", problem="decimal comma: not a number (a comma is only accepted between groups of "
                                            "three digits), never read as 1425 or 142.5"))

    rows = []
    styles = ["iso", "uk", "uk2"]
    for r in GEN[pid]["outcomes"]:
        rows.append([pid, r["person"], r["measure"], text_date(r["date"], rng.choice(styles)), r["score"]])
    write_csv(folder / "outcomes.csv", ["project_id", "client id", "instrument", "date", "value"], rows,
              bom=True, crlf=True)
    COUNTS[(f"{rel}/outcomes.csv", None)] = len(rows)

    rows = []
    stories = GEN[pid]["stories"]
    for s in stories:
        consent = {True: "yes", False: "no", None: None}[s["consent"]]
        rows.append([s["story_id"], text_date(s["date"], rng.choice(styles)), s["title"], s["text"], s["what_matters"],
                     s["achieved"], s["principles"], s["spectrum"], consent, s["teller"], s["language"]])
    # a later story typed in with an id already used (ABW-S03): the later row is excluded
    dup_id = stories[2]["story_id"]
    later = max(s["date"] for s in stories)
    rows.append([dup_id, text_date(later, "iso"), "Leeks", "Veg bag was great this week, loads of leeks. Made cawl.",
                 None, "yes", "outcomes", "participation", "yes", "citizen", "en"])
    bad_idx = len(rows) - 1
    starts = write_csv(folder / "stories.csv",
                       ["story_id", "date", "title", "narrative", "what_matters", "achieved", "principles", "spectrum",
                        "ok to quote", "role", "language"], rows)
    COUNTS[(f"{rel}/stories.csv", None)] = len(rows)
    BAD.append(dict(file=f"{rel}/stories.csv", sheet=None, row=starts[bad_idx], header="story_id", cell=None,
                    value=dup_id, problem=f"story_id already used in ABW-FOOD (line {starts[2]}); the later row is "
                                          f"excluded. A quoted story above it spans several lines, so line ≠ record number"))

    rows = [[pid, text_date(r["date"], "uk"), r["principle"], r["item"], r["score"]] for r in GEN[pid]["audit"]]
    write_csv(folder / "audit.csv", ["project_id", "date", "principle", "item", "score"], rows)
    COUNTS[(f"{rel}/audit.csv", None)] = len(rows)

    # The project's own words (SPEC 2.4 narrative): no project_id column (the single-project
    # rule supplies ABW-FOOD), headings in English and Welsh, one passage in each language
    # under "difference made", a heading of the service's own, and an undated row.
    rows = [
        ["about", "en", None, "The co-op is run by its members: about sixty households in and around "
         "Aberystwyth who pay a small subscription for a weekly bag of local and surplus food."],
        ["what we did", "en", "2024-03-31", "We packed bags every Thursday, opened a second pick-up point in "
         "Penparcau and ran a members' meeting each quarter to decide how surplus money is spent."],
        ["difference made", "en", "2025-03-31", "Members tell us they eat more vegetables and feel less alone; "
         "several now volunteer on packing day."],
        ["y gwahaniaeth", "cy", "2025-03-31", "Mae aelodau'n dweud eu bod yn bwyta mwy o lysiau ac yn teimlo'n "
         "llai unig; mae sawl un bellach yn gwirfoddoli ar ddiwrnod pacio."],
        ["challenges", "en", None, "Finding a cold store we can afford. Call Aled on 07700 900461 if you can help."],
        ["next steps", "en", "2025-03-31", "A third pick-up point in Llanbadarn, chosen by members' vote."],
        ["Thanks", "en", None, "To the growers of Ceredigion who sell us their surplus at cost."],
    ]
    write_csv(folder / "narrative.csv", ["heading", "language", "date", "text"], rows)
    COUNTS[(f"{rel}/narrative.csv", None)] = len(rows)


# ---------------------------------------------------------------------------
# Checks on what was generated (not on the files: see verify_files)
# ---------------------------------------------------------------------------

def paired_counts(pid):
    """Paired people per measure after the deliberately bad rows are taken out."""
    out = {}
    for meas in OUTCOME_PLAN[pid]["measures"]:
        dates = {}
        for r in GEN[pid]["outcomes"]:
            if r["measure"] == meas:
                dates.setdefault(r["person"], set()).add(r["date"])
        out[meas] = sum(1 for d in dates.values() if len(d) >= 2)
    if pid == "LLD-PARENTS":
        out["SWEMWBS"] -= 1
    return out


def verify_files():
    """Re-open every file written and check counts and the bad cells."""
    problems = []
    # bad cells are where BAD says
    for b in BAD:
        path = DATA / b["file"]
        if b["file"].endswith(".xlsx"):
            wb = openpyxl.load_workbook(path)
            v = wb[b["sheet"]][b["cell"]].value
            ok = str(v) == b["value"]
        elif b["file"].endswith(".ods"):
            from odf.opendocument import load
            from odf.table import Table as T, TableRow as TR, TableCell as TC
            doc = load(str(path))
            t = [x for x in doc.spreadsheet.getElementsByType(T) if x.getAttribute("name") == b["sheet"]][0]
            row = t.getElementsByType(TR)[b["row"] - 1]
            col = openpyxl.utils.column_index_from_string(re.sub(r"\d", "", b["cell"])) - 1
            c = row.getElementsByType(TC)[col]
            text = "\n".join(str(pp) for pp in c.getElementsByType(P))
            ok = text == b["value"]
            v = text
        else:
            lines = path.read_text(encoding="utf-8-sig").split("\n")
            line = lines[b["row"] - 1]
            rec = next(csv.reader([line], delimiter=";" if "outputs" in b["file"] else ","))
            hdr = next(csv.reader([lines[0]], delimiter=";" if "outputs" in b["file"] else ","))
            v = rec[hdr.index(b["header"])]
            ok = v == b["value"]
        if not ok:
            problems.append(f"bad row not where recorded: {b} (found {v!r})")
    return problems


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------

def md_escape(s):
    return str(s).replace("|", "\\|")


def write_readme(path):
    n_stories = sum(len(GEN[p["id"]]["stories"]) for p in PROJECTS)
    n_cy = sum(1 for p in PROJECTS for s in GEN[p["id"]]["stories"] if s["language"] == "cy")
    n_noconsent = sum(1 for p in PROJECTS for s in GEN[p["id"]]["stories"] if not s["consent"])
    L = []
    L.append("# Sample data for mwm")
    L.append("")
    L.append("Fictional but realistic input for `mwm`: ten co-production projects in Welsh public services and "
             "charities, kept the way projects really keep them, in four different shapes. Try:")
    L.append("")
    L.append("```")
    L.append("mwm check data/")
    L.append("mwm report data/ -o reports/ --lang both")
    L.append("```")
    L.append("")
    L.append("`mwm check data/` exits 0: the problems it lists are the deliberately bad rows below, which are excluded, "
             "plus warnings (for example measures with fewer than 30 paired people, ignored sheets and this README).")
    L.append("")
    L.append("Everything here is made by `python3 scripts/make_sample_data.py` (Python 3.11, `openpyxl==3.1.5`, "
             "`odfpy==1.4.1`), seeded with `random.Random(2024)`: running it again gives byte-identical files. "
             "Do not edit these files by hand; change the script. All people, organisations and contact details are "
             "fictional (phone numbers from Ofcom's drama range, e-mails at example.org / example.com).")
    L.append("")
    L.append("## Files")
    L.append("")
    L.append("| file | layout | projects | sheets (data rows after the header) |")
    L.append("|---|---|---|---|")

    def sheet_counts(file):
        return ", ".join(f"{s} {n}" for (f, s), n in COUNTS.items() if f == file)

    L.append(f"| `{PORTFOLIO}` | central workbook, header in row 1 (Audit: table starts at B2); `Instructions` is prose "
             f"and is skipped | {', '.join(PORTFOLIO_IDS)} (Projects also lists {', '.join(ODS_IDS)}) | "
             f"{sheet_counts(PORTFOLIO)} |")
    L.append(f"| `{WELSH_WB}` | single-project workbook: Welsh sheet names, a title row and a note or blank row above "
             f"the header (header in row 3), no project_id column outside `Prosiect` | CAE-CANU | {sheet_counts(WELSH_WB)} |")
    L.append(f"| `{ODS}` | OpenDocument, header in row 1, real date cells; projects defined in `{PORTFOLIO}` › Projects | "
             f"{', '.join(ODS_IDS)} | {sheet_counts(ODS)} |")
    csv_counts = ", ".join(f"{f.split('/')[-1]} {n}" for (f, s), n in COUNTS.items() if f.startswith(CSV_DIR))
    L.append(f"| `{CSV_DIR}/` | one CSV per table; `projects.csv` has one row, so the single-project rule supplies "
             f"ABW-FOOD to `outputs.csv` and `stories.csv` (no project_id column) | ABW-FOOD | {csv_counts} |")
    L.append("")
    L.append("CSV details: `outputs.csv` is separated by semicolons; `outcomes.csv` has a UTF-8 BOM and CRLF line "
             "ends; the others are comma-separated, LF. Dates in the CSVs are text: `2024-03-05`, `5/3/2024` and "
             "`05/03/24` mixed (outcomes, stories), `1/4/2023` (projects, audit) and `2024-03` (outputs).")
    L.append("")
    L.append("## Projects")
    L.append("")
    L.append("| project_id | name | place | kind of service | file | budget | novelty |")
    L.append("|---|---|---|---|---|---|---|")
    for p in PROJECTS:
        budget = "none given" if p["budget"] is None else (p["budget"] if isinstance(p["budget"], str) else f"£{p['budget']:,}")
        L.append(f"| {p['id']} | {md_escape(p['name'])} / {md_escape(p['name_cy'])} | {p['place']} | {p['service']} | "
                 f"`{p['file']}` | {budget} | {p['novelty']} |")
    L.append("")
    L.append("## What is in it")
    L.append("")
    all_months = sorted({r["date"] for p in PROJECTS for r in GEN[p["id"]]["outputs"]})
    L.append(f"- Outputs: one row per project, month and output measure, {all_months[0]:%B %Y} to "
             f"{all_months[-1]:%B %Y} ({len(all_months)} months; BLA-DIGI from September 2023, LLD-PARENTS from "
             f"October 2023, MTY-SHED from May 2023), tagged with principles (keys, English labels or Welsh labels).")
    L.append("- Outcomes, long format: SWEMWBS raw totals (7 to 35), WEMWBS, the four ONS personal well-being "
             "measures, and three measures defined in `portfolio.xlsx` › Measures: Confidence (1 to 10), Loneliness "
             "(UCLA 3-item, 3 to 9, lower is better) and Feeling heard (1 to 5). The Measures sheet also tags the "
             "built-in measures with principles (rows that fill only `principles`).")
    L.append("- Paired people (baseline and follow-up) per project and measure, after the bad rows are excluded:")
    L.append("")
    L.append("  | project_id | paired people per measure |")
    L.append("  |---|---|")
    for p in PROJECTS:
        pc = paired_counts(p["id"])
        L.append(f"  | {p['id']} | " + "; ".join(f"{m} {n}" for m, n in pc.items()) + " |")
    L.append("")
    L.append("  LLD-PARENTS has fewer than 5 paired people on every measure, so its outcome figures are suppressed "
             "at the default `min_cell` of 5.")
    L.append(f"- Stories (personal outcomes): {n_stories} stories, 14 to 17 per project, {n_cy} told in Welsh "
             f"(`language` cy), {n_noconsent} without consent (`no`, `N`, `na` or an empty cell). One of them is the "
             f"bad `kindness` row and `stories.csv` adds one duplicate-id row, so {n_stories - 1} are used. A few contain a "
             "phone number, an e-mail address or a postcode (to show redaction), one contains HTML tags (`<b>`, "
             "`<br>`), one has line breaks inside a quoted CSV field.")
    L.append("- Audit: two self-audits per project a year apart, 5 principles × 3 items, scores 1 to 5.")
    L.append("")
    L.append("Value conventions worth knowing:")
    L.append("")
    L.append("- Header aliases used: `funders`, `Funded by`, `Project ID`, `Project name`, `id` (projects.csv); "
             "`Activity`, `Number`, `output`, `activity`, `count` (outputs); `Participant ID`, `Scale`, `Total score`, "
             "`instrument`, `client id`, `value` (outcomes); `Story`, `narrative`, `OK to quote`, `ok to quote`, "
             "`consent to share`, `Role`, `role`, `What matters` (stories).")
    L.append("- Consent values: `yes`/`no`, `Y`/`N` (ods), `ie`/`na` (Welsh workbook), and a few empty cells (= no). "
             "Achieved: `yes`, `partly`, `not yet`, and `met` / `partially` in the ods.")
    L.append("- Principles lists: `networks;relationships`, `Networks, Relationships`, labels on separate lines "
             "(ods), `Perthnasoedd; Canlyniadau` (Welsh labels, Welsh workbook outputs and audit).")
    L.append("- Spectrum: terms of SPEC 1.2 (including `protection` and `education`) and a few band-only cells "
             "(`doing with`, `doing for`).")
    L.append("- Numbers: mostly numeric cells; some `Meals served` values are text like `1,234`; the Welsh "
             "workbook's budget is the text `£18,500`; NWP-TENANTS has no budget. MTY-SHED person ids are "
             "whole-number cells (101, 102, …) that must read as `101`, never `101.0`.")
    L.append("- Dates: date cells almost everywhere in the workbooks; CDF-GARDEN outputs are text `2023-04`; some "
             "NWP-TENANTS story dates are text `5/3/2024`.")
    L.append("")
    L.append("## Deliberately bad rows")
    L.append("")
    L.append("Each is a row problem: `mwm check` lists it, excludes the row and still exits 0 (`--strict` makes them "
             "errors). Row numbers are as the spreadsheet shows them (1-based, title rows counted); for CSV, the line "
             "on which the record starts.")
    L.append("")
    L.append("| file | sheet | row / line | column (cell) | value | problem |")
    L.append("|---|---|---|---|---|---|")
    for b in BAD:
        col = f"{b['header']} ({b['cell']})" if b["cell"] else b["header"]
        L.append(f"| `data/{b['file']}` | {b['sheet'] or '–'} | {b['row']} | {col} | `{md_escape(b['value'])}` | "
                 f"{md_escape(b['problem'])} |")
    L.append("")
    L.append("Other deliberate features (not problems):")
    L.append("")
    for n in NOTES:
        L.append(f"- {n}")
    L.append("")
    path.write_text("\n".join(L), encoding="utf-8")


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def clean():
    for rel in OWNED:
        fp = DATA / rel
        if fp.exists():
            fp.unlink()
    d = DATA / CSV_DIR
    if d.is_dir() and not any(d.iterdir()):
        d.rmdir()


def main():
    DATA.mkdir(exist_ok=True)
    clean()
    write_portfolio(DATA / PORTFOLIO)
    write_welsh(DATA / WELSH_WB)
    write_ods(DATA / ODS)
    write_ceredigion(DATA / CSV_DIR)
    write_readme(DATA / "README.md")

    problems = verify_files()
    n_stories = sum(len(GEN[p["id"]]["stories"]) for p in PROJECTS)
    if len(PROJECTS) < 8:
        problems.append("fewer than 8 projects")
    if n_stories < 150:
        problems.append(f"only {n_stories} stories")
    if max(paired_counts("LLD-PARENTS").values()) >= 5:
        problems.append("LLD-PARENTS has 5 or more paired people")
    for p in PROJECTS:
        if len({r["date"] for r in GEN[p["id"]]["audit"]}) != 2:
            problems.append(f"{p['id']}: not two audit dates")
    for msg in problems:
        print("PROBLEM:", msg, file=sys.stderr)
    for (f, s), n in COUNTS.items():
        print(f"{f}{' › ' + s if s else ''}: {n} rows")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
