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

# The rest of the demo feed: (section, kind, author, headline, tags, standfirst). A brief's
# standfirst is its text. Items are dated back from now, except those in DATED_ITEMS.
OTHER_ITEMS = [
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Air defense shoots down 40 of 52 drones launched overnight",
        ["Air defense"],
        (
            "Russia launched 52 Shahed-type drones and two missiles at five oblasts; debris damaged"
            " homes in Kyiv and Odesa, the Air Force said."
        ),
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "EU agrees to open accession talks with Ukraine and Moldova",
        ["European Union"],
        (
            "Leaders meeting in Brussels backed the start of membership negotiations after "
            "Hungary's prime minister left the room for the vote."
        ),
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Ukraine's grid operator imports record power from Europe",
        ["Energy", "European Union"],
        (
            "Ukrenergo bought a record volume of electricity from EU neighbours as repairs to "
            "damaged thermal plants continue."
        ),
    ),
    (
        "opinion",
        "opinion",
        "oleksandra-kovalenko",
        "Why the Washington summit must speak plainly about membership",
        ["NATO"],
        (
            "Vague promises have cost Ukraine dearly since Bucharest in 2008. The alliance owes "
            "Kyiv a timetable, not another open door."
        ),
    ),
    (
        "ukraine",
        "brief",
        "dmytro-shevchuk",
        "Explosions reported in Kharkiv as air raid alert sounds",
        ["Air defense"],
        (
            "Several explosions were heard in Kharkiv shortly after an air raid alert was declared "
            "for the oblast, Mayor Ihor Terekhov said. Emergency services are at the scene."
        ),
    ),
    (
        "europe",
        "analysis",
        "martin-fornusek",
        "How Wiesbaden became the hub of Western military aid",
        ["Wiesbaden", "NATO", "Ukraine aid"],
        (
            "A U.S. Army garrison in the German spa town already coordinates deliveries to Ukraine."
            " NATO's new command would build on it."
        ),
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Reconstruction conference pledges billions for housing and energy",
        ["Reconstruction"],
        (
            "Donors and investors signed agreements on housing, power grids and water networks, "
            "with private money for the first time outweighing public grants."
        ),
    ),
    (
        "ukraine",
        "video",
        "anna-belokur",
        "Inside a Kharkiv school rebuilt underground",
        ["Reconstruction"],
        (
            "Three floors below a city street, 600 pupils attend lessons in a school built to keep "
            "classes going under shelling."
        ),
    ),
    (
        "news-feed",
        "brief",
        "oleksandra-kovalenko",
        "Zelensky signs law on anti-corruption court staffing",
        ["Corruption"],
        (
            "President Volodymyr Zelensky signed a law adding 25 judges to the High Anti-Corruption"
            " Court, which says its caseload has tripled since 2022."
        ),
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "Czech ammunition initiative delivers first shells of the year",
        ["Ukraine aid"],
        (
            "The first batch of artillery rounds bought from outside the EU under Prague's "
            "initiative has reached Ukrainian units, officials in Prague said."
        ),
    ),
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Donetsk Oblast: evacuation widened as front approaches Pokrovsk",
        ["Donetsk Oblast"],
        (
            "Families with children must now leave 14 more settlements around Pokrovsk, the "
            "regional governor said, as Russian forces press toward the city."
        ),
    ),
    (
        "business",
        "brief",
        "sofia-marchenko",
        "National Bank holds key rate at 13%",
        [],
        (
            "The National Bank of Ukraine kept its key policy rate at 13%, citing inflation that "
            "has picked up on higher food and energy prices."
        ),
    ),
    (
        "opinion",
        "opinion",
        "martin-fornusek",
        "Disinformation is a weapon; treat it like one",
        [],
        (
            "Russia's lies are planned, funded and aimed like artillery. Europe's answer is still a"
            " patchwork of fact-checks and good intentions."
        ),
    ),
    (
        "news-feed",
        "brief",
        "dmytro-shevchuk",
        "Power outages scheduled in Kyiv after overnight strike",
        ["Energy"],
        (
            "Kyiv residents face rolling blackouts of up to four hours today after a strike damaged"
            " a power facility, DTEK said, publishing schedules by district."
        ),
    ),
    (
        "europe",
        "brief",
        "martin-fornusek",
        "Stoltenberg: allies to fund Ukraine support for as long as necessary",
        ["Jens Stoltenberg", "NATO"],
        (
            "NATO Secretary General Jens Stoltenberg said he expects allies to agree a long-term "
            "pledge of military aid for Ukraine at the Washington summit."
        ),
    ),
    (
        "ukraine",
        "article",
        "yuliia-hrytsenko",
        "Photos: Kharkiv's metro stations become classrooms again",
        ["Reconstruction"],
        (
            "As autumn term begins, children in Kharkiv return to desks set up on metro platforms, "
            "the safest place in a city within range of Russian artillery."
        ),
    ),
    (
        "business",
        "analysis",
        "sofia-marchenko",
        "What frozen Russian assets could pay for, and what they cannot",
        ["Ukraine aid", "European Union"],
        (
            "The windfall profits on immobilised Russian reserves would cover a fraction of "
            "Ukraine's needs. Seizing the assets themselves is another matter."
        ),
    ),
    (
        "ukraine",
        "brief",
        "oleksandra-kovalenko",
        "Prisoner exchange returns 95 Ukrainian soldiers home",
        ["Prisoners of war"],
        (
            "Ninety-five Ukrainian soldiers, among them defenders of Mariupol, returned home in an "
            "exchange mediated by the United Arab Emirates, the Coordination Headquarters said."
        ),
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "Trump's NATO remarks alarm Baltic capitals",
        ["Donald Trump", "NATO"],
        (
            "Leaders in Tallinn, Riga and Vilnius called for faster defense spending after Donald "
            "Trump said he would not protect allies that fail to pay."
        ),
    ),
    (
        "news-feed",
        "video",
        "anna-belokur",
        "Ukraine This Week: Air defense after the winter",
        ["Air defense"],
        (
            "How Ukraine's air defense held through a winter of record attacks, and what the new "
            "Patriot and IRIS-T batteries change."
        ),
    ),
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Frontline medics train volunteers in tourniquet use",
        [],
        (
            "In Zaporizhzhia Oblast, combat medics teach civilians to stop bleeding in the minutes "
            "before an ambulance can reach them."
        ),
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Grain corridor exports rise for the third month",
        [],
        (
            "Ports in Odesa Oblast shipped more grain than in any month since the Black Sea Grain "
            "Initiative collapsed, the infrastructure ministry said."
        ),
    ),
    (
        "opinion",
        "opinion",
        "oleksandra-kovalenko",
        "Corrections make a newsroom stronger, not weaker",
        [],
        (
            "Every correction we publish is dated and kept under the story. Here is why owning our "
            "mistakes in public matters more in wartime."
        ),
    ),
    (
        "ukraine",
        "brief",
        "dmytro-shevchuk",
        "Shelling damages hospital in Kherson, no casualties reported",
        [],
        (
            "Russian shelling damaged the roof and windows of a hospital in Kherson overnight; "
            "patients had been moved to the basement, the regional administration said."
        ),
    ),
    (
        "europe",
        "brief",
        "martin-fornusek",
        "Poland opens new rail link to Lviv",
        ["European Union"],
        (
            "A European-gauge line from Przemyśl now runs directly into Lviv, cutting the journey "
            "time for passengers and freight, Poland's infrastructure ministry said."
        ),
    ),
    (
        "news-feed",
        "article",
        "oleksandra-kovalenko",
        "Parliament debates mobilization bill amendments",
        [],
        (
            "Lawmakers considered more than 4,000 amendments to the mobilization bill, including "
            "rules on demobilisation and deferrals for students."
        ),
    ),
    (
        "business",
        "brief",
        "sofia-marchenko",
        "IMF approves next tranche of support program",
        ["Reconstruction"],
        (
            "The IMF board approved the next disbursement of about $2.2 billion under Ukraine's "
            "Extended Fund Facility after its latest review."
        ),
    ),
    (
        "ukraine",
        "article",
        "yuliia-hrytsenko",
        "Odesa's port reopens its passenger terminal",
        [],
        (
            "For the first time since the full-scale invasion, ferries carry passengers from "
            "Odesa's marine terminal, on a route to Istanbul."
        ),
    ),
    (
        "europe",
        "analysis",
        "martin-fornusek",
        "Slovakia, Hungary and the limits of EU unanimity",
        ["European Union"],
        (
            "Two governments can stall sanctions and aid that the other 25 support. The treaties "
            "offer ways around them, each with a price."
        ),
    ),
    (
        "ukraine",
        "brief",
        "dmytro-shevchuk",
        "Drone strike hits oil depot in Russia's Bryansk Oblast",
        [],
        (
            "A drone strike set fire to an oil depot in Russia's Bryansk Oblast, the regional "
            "governor said; a source in Ukraine's security service said the attack was theirs."
        ),
    ),
    (
        "news-feed",
        "brief",
        "oleksandra-kovalenko",
        "Ukraine's п'ять нових законів: what changes in July",
        [],
        (
            "Five new laws take effect in July, from digital driving licences to higher fines for "
            "ignoring air raid alerts at work."
        ),
    ),
    (
        "business",
        "article",
        "sofia-marchenko",
        "Solar panels on every school: a city's energy plan",
        ["Energy"],
        (
            "Zhytomyr wants every school and clinic to make its own power by next winter, with "
            "batteries to ride out blackouts."
        ),
    ),
    (
        "opinion",
        "opinion",
        "martin-fornusek",
        "History will judge the summit by what it funds",
        ["NATO", "Ukraine aid"],
        (
            "Declarations are cheap. The Washington summit's test is whether the money for Ukraine "
            "is still there when the headlines move on."
        ),
    ),
    (
        "ukraine",
        "video",
        "anna-belokur",
        "Meet the engineers restoring Kyiv's heating plants",
        ["Energy"],
        (
            "At a combined heat and power plant hit six times, engineers race to restore heating "
            "before the first frost."
        ),
    ),
    (
        "europe",
        "article",
        "martin-fornusek",
        "Germany approves new Patriot battery for Ukraine",
        ["Air defense", "Ukraine aid"],
        (
            "Berlin will send a third Patriot air defense system from its own stocks, the defense "
            "ministry said, and pay for missiles from its partners."
        ),
    ),
    (
        "ukraine",
        "article",
        "dmytro-shevchuk",
        "Volunteers map unexploded ordnance in liberated villages",
        [],
        (
            "In Kharkiv Oblast, volunteers with drones and tablets mark mines and shells so that "
            "farmers know which fields are safe to plough."
        ),
    ),
    (
        "business",
        "brief",
        "sofia-marchenko",
        "Hryvnia steady as reserves reach record high",
        [],
        (
            "The hryvnia held steady against the dollar as the National Bank's international "
            "reserves rose to a record on foreign financing."
        ),
    ),
    (
        "news-feed",
        "brief",
        "oleksandra-kovalenko",
        "Air raid alert lifted across most of Ukraine",
        ["Air defense"],
        (
            "The nationwide air raid alert was lifted after more than three hours; alerts remain in"
            " effect in Kharkiv and Sumy oblasts."
        ),
    ),
    (
        "ukraine",
        "article",
        "yuliia-hrytsenko",
        "Kharkiv's theater returns to its main stage",
        [],
        (
            "After two years of performances in a basement, Kharkiv's drama theater plays its main "
            "stage again, with a shelter for the audience below."
        ),
    ),
    (
        "europe",
        "brief",
        "martin-fornusek",
        "EU foreign ministers meet in Brussels on sanctions package",
        ["European Union"],
        (
            "EU foreign ministers are discussing a new sanctions package targeting Russia's shadow "
            "fleet and the companies that help it avoid the oil price cap."
        ),
    ),
]

# Items whose text names a date are published then (Kyiv time): the seed article on
# 1 July 2024, as its text says, the items around the Washington summit of July 2024, and
# the two items the seed page showed, from the end of December 2025. By slug or headline.
DATED_ITEMS = {
    SEED_ARTICLE["slug"]: (2024, 7, 1, 21, 14),
    "russian-troops-shoot-dead-two-unarmed-ukrainian-pows-near-pokrovsk": (2025, 12, 29, 17, 40),
    "ukraine-this-week-the-moments-that-defined-2025": (2025, 12, 30, 19, 0),
    "EU agrees to open accession talks with Ukraine and Moldova": (2023, 12, 14, 19, 30),
    "Trump's NATO remarks alarm Baltic capitals": (2024, 2, 12, 11, 5),
    "Ukraine's п'ять нових законів: what changes in July": (2024, 6, 30, 9, 0),
    "Stoltenberg: allies to fund Ukraine support for as long as necessary": (2024, 7, 2, 15, 20),
    "How Wiesbaden became the hub of Western military aid": (2024, 7, 3, 18, 0),
    "Why the Washington summit must speak plainly about membership": (2024, 7, 5, 8, 30),
    "History will judge the summit by what it funds": (2024, 7, 12, 8, 0),
}

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
