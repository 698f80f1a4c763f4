"""The demo newsroom: the seed article exactly as published, and the items around it."""

SECTIONS = [
    ("News Feed", "news-feed", "Every story as it happens."),
    ("Ukraine", "ukraine", "The war, politics and life in Ukraine."),
    ("Europe", "europe", "The continent's politics and security."),
    ("Business", "business", "Economy, energy, reconstruction and markets."),
    ("Opinion", "opinion", "Columns and commentary from our writers and guests."),
]

AUTHORS = [
    {
        "name": "Martin Fornusek",
        "slug": "martin-fornusek",
        "role": "Reporter",
        "short_bio": "Reporter covering international and regional politics.",
        "bio": (
            "<p>Martin Fornusek is a reporter for the Kyiv Independent, specializing in "
            "international and regional politics, history, and disinformation. Based in Lviv, "
            "Martin often reports on international politics, with a focus on analyzing "
            "developments related to Ukraine and Russia. His career in journalism began in 2021 "
            "after graduating from Masaryk University in Brno, Czechia, earning a Master's degree "
            "in Conflict and Democracy Studies. Martin has been invited to speak on Times Radio, "
            "France 24, Czech Television, and Radio Free Europe. He speaks English, Czech, and "
            "Ukrainian.</p>"
        ),
        "location": "Lviv",
        "languages": "English, Czech, Ukrainian",
        "x_handle": "MFornusek",
        "color": (52, 101, 164),
    },
    {
        "name": "Anna Belokur",
        "slug": "anna-belokur",
        "role": "Video Producer",
        "short_bio": "Host of Ukraine This Week.",
        "bio": (
            "<p>Anna Belokur hosts Ukraine This Week, the weekly video round-up of the war, "
            "politics and society. Before joining the newsroom she produced documentaries "
            "in Kyiv and Kharkiv.</p>"
        ),
        "location": "Kyiv",
        "languages": "Ukrainian, English",
        "color": (164, 52, 101),
    },
    {
        "name": "Oleksandra Kovalenko",
        "slug": "oleksandra-kovalenko",
        "role": "Editor",
        "short_bio": "News editor.",
        "bio": (
            "<p>Oleksandra Kovalenko is the news editor. She has covered Ukrainian politics "
            "since 2014 and edits the news feed from Kyiv.</p>"
        ),
        "location": "Kyiv",
        "languages": "Ukrainian, English, Polish",
        "color": (60, 140, 90),
    },
    {
        "name": "Dmytro Shevchuk",
        "slug": "dmytro-shevchuk",
        "role": "Reporter",
        "short_bio": "Reporter covering the front line and the defense industry.",
        "bio": (
            "<p>Dmytro Shevchuk reports on the front line, military aid and Ukraine's "
            "defense industry. He is based in Dnipro.</p>"
        ),
        "location": "Dnipro",
        "languages": "Ukrainian, English",
        "color": (140, 110, 40),
    },
    {
        "name": "Sofia Marchenko",
        "slug": "sofia-marchenko",
        "role": "Business Reporter",
        "short_bio": "Covers the economy, energy and reconstruction.",
        "bio": (
            "<p>Sofia Marchenko covers Ukraine's economy, energy system and reconstruction "
            "financing. She previously worked as an analyst at a Kyiv investment bank.</p>"
        ),
        "location": "Kyiv",
        "languages": "Ukrainian, English, German",
        "color": (90, 70, 150),
    },
    {
        "name": "Yuliia Hrytsenko",
        "slug": "yuliia-hrytsenko",
        "role": "Photographer",
        "short_bio": "Staff photographer.",
        "bio": "<p>Yuliia Hrytsenko is a staff photographer based in Kharkiv.</p>",
        "location": "Kharkiv",
        "languages": "Ukrainian, English",
        "color": (40, 120, 140),
    },
]

TAGS = [
    "NATO",
    "Ukraine aid",
    "Donald Trump",
    "Jens Stoltenberg",
    "Wiesbaden",
    "Prisoners of war",
    "Donetsk Oblast",
    "Energy",
    "European Union",
    "Air defense",
    "Reconstruction",
    "Corruption",
]

SEED_ARTICLE = {
    "slug": "nato-plans-to-establish-new-post-in-kyiv-trump-proof-ukraine-aid-wsj-reports",
    "title": "NATO plans to establish new post in Kyiv, 'Trump-proof' Ukraine aid, WSJ reports",
    "section": "news-feed",
    "kind": "article",
    "author": "martin-fornusek",
    "standfirst": "",
    "hero_alt": "Jens Stoltenberg speaking at a lectern with the NATO emblem behind him",
    "hero_caption": "NATO Secretary-General Jens Stoltenberg",
    "hero_credit": "",
    "tags": ["NATO", "Ukraine aid", "Donald Trump", "Jens Stoltenberg", "Wiesbaden"],
    "body": [
        "NATO plans to establish a senior representative post in Kyiv, as well as a new command "
        "in Germany to coordinate assistance for Ukraine, the Wall Street Journal (WSJ) reported "
        "on July 1, citing U.S. and allied officials.",
        "This is part of the alliance's effort to safeguard long-term aid for Ukraine should "
        "Donald Trump return to the White House after the U.S. presidential election later this "
        "year, the outlet wrote.",
        "Ex-President Trump, the Republican Party's presumptive nominee, has repeatedly "
        "criticized NATO and assistance for Kyiv.",
        "The new measures, which are expected to be announced at an upcoming NATO summit in "
        "Washington, will involve the new command center in Germany's Wiesbaden coordinating "
        "the flow of military equipment and the training of Ukrainian soldiers, the WSJ wrote.",
        "The steps should help better coordinate the assistance and bring the Ukrainian military "
        "closer to NATO standards.",
        "Allied leaders previously said that the July 9-11 Washington summit would contain "
        '"new language" on Ukraine\'s NATO prospects and focus on a roadmap toward its eventual '
        "membership.",
        'Ukraine also hopes to secure "guaranteed" military funding commitment from NATO allies. '
        "While no decision has been reached so far, outgoing NATO Secretary General Jens "
        "Stoltenberg proposed to provide Ukraine with at least 40 billion euros ($43 billion) in "
        'military support each year "for as long as necessary."',
    ],
}

# The two items the seed page shows in its "Read more" news feed block.
SEED_FEED_ITEMS = [
    {
        "slug": "russian-troops-shoot-dead-two-unarmed-ukrainian-pows-near-pokrovsk",
        "title": "Russian troops shoot dead two unarmed Ukrainian POWs near Pokrovsk",
        "kind": "brief",
        "section": "ukraine",
        "author": "dmytro-shevchuk",
        "tags": ["Prisoners of war", "Donetsk Oblast"],
        "standfirst": (
            "Russian troops shot dead two unarmed Ukrainian prisoners of war on Dec. 27 in the "
            "village of Shakhove near Pokrovsk in Donetsk Oblast, Ukraine’s Prosecutor General’s "
            "Office reported on Dec. 29, in what appeared to be at least the third reported case "
            "this month of captured Ukrainian soldiers being killed after being taken prisoner."
        ),
    },
    {
        "slug": "ukraine-this-week-the-moments-that-defined-2025",
        "title": "Ukraine This Week: The moments that defined 2025",
        "kind": "video",
        "section": "ukraine",
        "author": "anna-belokur",
        "tags": ["Corruption"],
        "video_url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "standfirst": (
            "In this year-end wrap-up of Ukraine This Week, the Kyiv Independent’s Anna Belokur "
            "looks back at the moments that defined 2025, the fourth year of Russia's full-scale "
            "invasion of Ukraine — from stalled peace efforts and escalating Russian attacks to "
            "mass anti-corruption protests and political upheaval at home."
        ),
    },
]

# Headlines for the rest of the demo feed: (section, kind, author, headline, tags).
OTHER_ITEMS = [
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Air defense shoots down 40 of 52 drones launched overnight",
        ["Air defense"],
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "EU agrees to open accession talks with Ukraine and Moldova",
        ["European Union"],
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Ukraine's grid operator imports record power from Europe",
        ["Energy", "European Union"],
    ),
    (
        "opinion",
        "opinion",
        "oleksandra-kovalenko",
        "Why the Washington summit must speak plainly about membership",
        ["NATO"],
    ),
    (
        "ukraine",
        "brief",
        "dmytro-shevchuk",
        "Explosions reported in Kharkiv as air raid alert sounds",
        ["Air defense"],
    ),
    (
        "europe",
        "analysis",
        "martin-fornusek",
        "How Wiesbaden became the hub of Western military aid",
        ["Wiesbaden", "NATO", "Ukraine aid"],
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Reconstruction conference pledges billions for housing and energy",
        ["Reconstruction"],
    ),
    (
        "ukraine",
        "video",
        "anna-belokur",
        "Inside a Kharkiv school rebuilt underground",
        ["Reconstruction"],
    ),
    (
        "news-feed",
        "brief",
        "oleksandra-kovalenko",
        "Zelensky signs law on anti-corruption court staffing",
        ["Corruption"],
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "Czech ammunition initiative delivers first shells of the year",
        ["Ukraine aid"],
    ),
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Donetsk Oblast: evacuation widened as front approaches Pokrovsk",
        ["Donetsk Oblast"],
    ),
    ("business", "brief", "sofia-marchenko", "National Bank holds key rate at 13%", []),
    ("opinion", "opinion", "martin-fornusek", "Disinformation is a weapon; treat it like one", []),
    (
        "news-feed",
        "brief",
        "dmytro-shevchuk",
        "Power outages scheduled in Kyiv after overnight strike",
        ["Energy"],
    ),
    (
        "europe",
        "brief",
        "martin-fornusek",
        "Stoltenberg: allies to fund Ukraine support for as long as necessary",
        ["Jens Stoltenberg", "NATO"],
    ),
    (
        "ukraine",
        "article",
        "yuliia-hrytsenko",
        "Photos: Kharkiv's metro stations become classrooms again",
        ["Reconstruction"],
    ),
    (
        "business",
        "analysis",
        "sofia-marchenko",
        "What frozen Russian assets could pay for, and what they cannot",
        ["Ukraine aid", "European Union"],
    ),
    (
        "ukraine",
        "brief",
        "oleksandra-kovalenko",
        "Prisoner exchange returns 95 Ukrainian soldiers home",
        ["Prisoners of war"],
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "Trump's NATO remarks alarm Baltic capitals",
        ["Donald Trump", "NATO"],
    ),
    (
        "news-feed",
        "video",
        "anna-belokur",
        "Ukraine This Week: Air defense after the winter",
        ["Air defense"],
    ),
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Frontline medics train volunteers in tourniquet use",
        [],
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Grain corridor exports rise for the third month",
        [],
    ),
    (
        "opinion",
        "opinion",
        "oleksandra-kovalenko",
        "Corrections make a newsroom stronger, not weaker",
        [],
    ),
    (
        "ukraine",
        "brief",
        "dmytro-shevchuk",
        "Shelling damages hospital in Kherson, no casualties reported",
        [],
    ),
    (
        "europe",
        "brief",
        "martin-fornusek",
        "Poland opens new rail link to Lviv",
        ["European Union"],
    ),
    (
        "news-feed",
        "article",
        "oleksandra-kovalenko",
        "Parliament debates mobilization bill amendments",
        [],
    ),
    (
        "business",
        "brief",
        "sofia-marchenko",
        "IMF approves next tranche of support program",
        ["Reconstruction"],
    ),
    ("ukraine", "article", "yuliia-hrytsenko", "Odesa's port reopens its passenger terminal", []),
    (
        "europe",
        "analysis",
        "martin-fornusek",
        "Slovakia, Hungary and the limits of EU unanimity",
        ["European Union"],
    ),
    (
        "ukraine",
        "brief",
        "dmytro-shevchuk",
        "Drone strike hits oil depot in Russia's Bryansk Oblast",
        [],
    ),
    (
        "news-feed",
        "brief",
        "oleksandra-kovalenko",
        "Ukraine's п'ять нових законів: what changes in July",
        [],
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Solar panels on every school: a city's energy plan",
        ["Energy"],
    ),
    (
        "opinion",
        "opinion",
        "martin-fornusek",
        "History will judge the summit by what it funds",
        ["NATO", "Ukraine aid"],
    ),
    (
        "ukraine",
        "video",
        "anna-belokur",
        "Meet the engineers restoring Kyiv's heating plants",
        ["Energy"],
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "Germany approves new Patriot battery for Ukraine",
        ["Air defense", "Ukraine aid"],
    ),
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Volunteers map unexploded ordnance in liberated villages",
        [],
    ),
    ("business", "brief", "sofia-marchenko", "Hryvnia steady as reserves reach record high", []),
    (
        "news-feed",
        "brief",
        "oleksandra-kovalenko",
        "Air raid alert lifted across most of Ukraine",
        ["Air defense"],
    ),
    ("ukraine", "article", "yuliia-hrytsenko", "Kharkiv's theater returns to its main stage", []),
    (
        "europe",
        "brief",
        "martin-fornusek",
        "EU foreign ministers meet in Brussels on sanctions package",
        ["European Union"],
    ),
]

FILLER_PARAGRAPHS = [
    "Officials said the decision followed weeks of talks between Kyiv and its partners, and that "
    "further details would be announced in the coming days.",
    "Residents described a tense night, with air raid sirens sounding for several hours before "
    "the all-clear was given shortly after dawn.",
    "Analysts cautioned that the effect would depend on how quickly the measures are carried "
    "out, and on whether funding arrives on time.",
    "The ministry said it would publish a full report, including figures for each region, "
    "later this month.",
]
