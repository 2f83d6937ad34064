"""Word lists for the demo data: German names, cities, streets, firms and texts.

Plain data, no logic. Frequent names come first; the generator weights by
rank so "Müller" is common and "Nowak" rare, as in a real customer file.
"Guido" is deliberately missing from the first names: exactly one fixed
person carries it (see `demo_fixed`), so the inbox's name hint is unique.
"""

from __future__ import annotations

FEMALE_FIRST = (
    "Anna", "Maria", "Sabine", "Petra", "Monika", "Ursula", "Claudia", "Susanne",
    "Andrea", "Stefanie", "Julia", "Nicole", "Katharina", "Christina", "Sandra",
    "Birgit", "Heike", "Martina", "Gabriele", "Karin", "Elisabeth", "Renate",
    "Brigitte", "Ingrid", "Helga", "Erika", "Gisela", "Christa", "Christine",
    "Barbara", "Angelika", "Ute", "Kerstin", "Silke", "Anja", "Tanja", "Melanie",
    "Nadine", "Katrin", "Simone", "Daniela", "Jessica", "Sarah", "Laura", "Lisa",
    "Lena", "Hannah", "Leonie", "Lea", "Sophie", "Marie", "Emma", "Mia", "Johanna",
    "Franziska", "Jana", "Vanessa", "Jennifer", "Carina", "Annika", "Svenja",
    "Jasmin", "Kathrin", "Bärbel", "Jutta", "Doris", "Margarete", "Hildegard",
    "Irmgard", "Gertrud", "Anneliese", "Rosemarie", "Marion", "Beate", "Cornelia",
    "Dagmar", "Elke", "Manuela", "Iris", "Yvonne", "Nina", "Miriam", "Eva",
    "Charlotte", "Clara", "Greta", "Paula", "Frieda", "Ida", "Ella", "Luisa",
    "Amelie", "Emilia", "Merle", "Antje", "Wiebke", "Inga", "Maren", "Chantal",
    "Zeynep", "Ayşe", "Natalia", "Olga", "Agnieszka",
)  # fmt: skip

MALE_FIRST = (
    "Thomas", "Michael", "Andreas", "Peter", "Stefan", "Christian", "Wolfgang",
    "Klaus", "Jürgen", "Frank", "Markus", "Martin", "Uwe", "Hans", "Werner",
    "Bernd", "Dieter", "Horst", "Manfred", "Gerhard", "Ralf", "Helmut", "Heinz",
    "Matthias", "Alexander", "Karl", "Sven", "Jörg", "Rainer", "Günter", "Dirk",
    "Holger", "Torsten", "Oliver", "Tobias", "Daniel", "Sebastian", "Jan",
    "Florian", "Dennis", "Patrick", "Marco", "Tim", "Jens", "Kai", "Lars", "Björn",
    "Sören", "Niklas", "Lukas", "Jonas", "Leon", "Felix", "Maximilian", "Paul",
    "Ben", "Finn", "Elias", "Noah", "Luca", "Moritz", "Philipp", "Julian", "David",
    "Fabian", "Simon", "Benjamin", "Marcel", "Kevin", "Dominik", "Johannes",
    "Georg", "Friedrich", "Wilhelm", "Ernst", "Walter", "Kurt", "Rolf", "Volker",
    "Norbert", "Detlef", "Hartmut", "Reinhard", "Joachim", "Ulrich", "Achim",
    "Axel", "Carsten", "Heiko", "Olaf", "Udo", "Armin", "Bernhard", "Erwin",
    "Hermann", "Otto", "Emil", "Anton", "Henrik", "Malte", "Ole", "Till", "Hannes",
    "Vincent", "Konstantin", "Max", "Mehmet", "Ahmet", "Piotr", "Dmitri", "René",
)  # fmt: skip

LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
    "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein",
    "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
    "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause",
    "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
    "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang",
    "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich",
    "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
    "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm",
    "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger",
    "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber",
    "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel",
    "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff",
    "Pfeiffer", "Lindner", "Ernst", "Hübner", "Kramer", "Franz", "Schütz", "Wendt",
    "Ebert", "Kolb", "Brinkmann", "Hansen", "Petersen", "Jansen", "Janssen",
    "Thiele", "Barth", "Reuter", "Kessler", "Sander", "Nagel", "Dittrich", "Ulrich",
    "Marx", "Fritz", "Haupt", "Lindemann", "Wiese", "Gerlach", "Schweizer",
    "Büttner", "Rieger", "Kurz", "Vetter", "Mertens", "Hein", "Brand", "Lüdtke",
    "Wilhelm", "Schilling", "Böttcher", "Knoll", "Bock", "Riedel", "Frey", "Blum",
    "Meyer-Heinze", "Schmidt-Hollmann", "von Berg", "Nowak", "Kowalski", "Yilmaz",
    "Kaya", "Öztürk", "Nguyen", "Popescu", "Petrović",
)  # fmt: skip

# City, area code (without 0), first and last postcode, rough weight (population).
CITIES = (
    ("Berlin", "30", 10115, 14199, 36),
    ("Hamburg", "40", 20095, 22769, 18),
    ("München", "89", 80331, 81929, 15),
    ("Köln", "221", 50667, 51149, 11),
    ("Frankfurt am Main", "69", 60306, 60599, 8),
    ("Stuttgart", "711", 70173, 70629, 6),
    ("Düsseldorf", "211", 40210, 40629, 6),
    ("Leipzig", "341", 4103, 4357, 6),
    ("Dortmund", "231", 44135, 44388, 6),
    ("Essen", "201", 45127, 45359, 6),
    ("Bremen", "421", 28195, 28779, 6),
    ("Dresden", "351", 1067, 1328, 6),
    ("Hannover", "511", 30159, 30669, 5),
    ("Nürnberg", "911", 90402, 90491, 5),
    ("Bochum", "234", 44787, 44894, 4),
    ("Wuppertal", "202", 42103, 42399, 4),
    ("Bielefeld", "521", 33602, 33739, 3),
    ("Bonn", "228", 53111, 53229, 3),
    ("Münster", "251", 48143, 48167, 3),
    ("Mannheim", "621", 68159, 68309, 3),
    ("Karlsruhe", "721", 76131, 76229, 3),
    ("Augsburg", "821", 86150, 86199, 3),
    ("Wiesbaden", "611", 65183, 65207, 3),
    ("Mainz", "6131", 55116, 55131, 2),
    ("Freiburg im Breisgau", "761", 79098, 79117, 2),
    ("Kiel", "431", 24103, 24159, 2),
    ("Rostock", "381", 18055, 18147, 2),
    ("Erfurt", "361", 99084, 99099, 2),
    ("Magdeburg", "391", 39104, 39130, 2),
    ("Potsdam", "331", 14467, 14482, 2),
    ("Regensburg", "941", 93047, 93059, 2),
    ("Würzburg", "931", 97070, 97084, 1),
    ("Heidelberg", "6221", 69115, 69126, 1),
    ("Darmstadt", "6151", 64283, 64297, 1),
    ("Ulm", "731", 89073, 89081, 1),
    ("Lübeck", "451", 23552, 23570, 1),
    ("Oldenburg", "441", 26121, 26135, 1),
    ("Osnabrück", "541", 49074, 49090, 1),
    ("Göttingen", "551", 37073, 37085, 1),
    ("Kassel", "561", 34117, 34134, 1),
    ("Saarbrücken", "681", 66111, 66133, 1),
    ("Koblenz", "261", 56068, 56077, 1),
    ("Trier", "651", 54290, 54296, 1),
    ("Erlangen", "9131", 91052, 91058, 1),
    ("Ingolstadt", "841", 85049, 85057, 1),
    ("Passau", "851", 94032, 94036, 1),
    ("Rosenheim", "8031", 83022, 83026, 1),
    ("Konstanz", "7531", 78462, 78467, 1),
    ("Tübingen", "7071", 72070, 72076, 1),
)

STREETS = (
    "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße",
    "Bergstraße", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße",
    "Friedrichstraße", "Goethestraße", "Schillerstraße", "Mozartstraße", "Am Markt",
    "Marktplatz", "Rosenweg", "Birkenweg", "Ahornweg", "Eichendorffstraße",
    "Beethovenstraße", "Kantstraße", "Lessingstraße", "Uhlandstraße",
    "Wilhelmstraße", "Poststraße", "Feldstraße", "Mühlenweg", "Parkstraße",
    "Sonnenstraße", "Blumenstraße", "Wiesenweg", "Talstraße", "Jahnstraße",
    "Kastanienallee", "Lindenallee", "Heinrich-Heine-Straße", "Bismarckstraße",
    "Kaiserstraße", "Rathausstraße", "Breite Straße", "Lange Straße", "Mittelweg",
    "Am Sportplatz", "Im Winkel", "An der Kirche", "Fichtenweg", "Tulpenweg",
    "Eschenweg", "Brunnenstraße", "Schloßstraße", "Hafenstraße", "Mühlstraße",
    "Kreuzstraße", "Luisenstraße", "Königstraße", "Bachstraße", "Amselweg",
    "Drosselweg", "Finkenweg", "Meisenweg", "Gutenbergstraße", "Robert-Koch-Straße",
)  # fmt: skip

BUSINESS_STREETS = (
    "Industriestraße", "Gewerbestraße", "Am Gewerbepark", "Hafenstraße",
    "Carl-Benz-Straße", "Werner-von-Siemens-Straße", "Max-Planck-Straße",
    "Robert-Bosch-Straße", "Otto-Hahn-Straße", "Im Technologiepark",
)  # fmt: skip

# Firms: "<Nachname> <Branche> <Rechtsform>" or "<Region> <Branche> <Rechtsform>".
BRANCHES = (
    "Haustechnik", "Logistik", "Steuerberatung", "Bau", "Immobilien", "Elektrotechnik",
    "Autohaus", "Zahnarztpraxis", "Architekten", "Software", "Metallbau",
    "Gartenbau", "Dachdeckerei", "Druckerei", "Physiotherapie", "Rechtsanwälte",
    "Maschinenbau", "Medien", "Consulting", "Spedition", "Tischlerei", "Optik",
    "Sanitär", "Reisen", "Gastronomie", "Pflegedienst", "Feinkost", "Kältetechnik",
)  # fmt: skip
REGIONS = (
    "Nordlicht", "Rheinland", "Alpen", "Hanse", "Spree", "Elbe", "Main", "Isar",
    "Weser", "Mosel", "Harz", "Ostsee", "Nordsee", "Schwarzwald", "Bodensee", "Ruhr",
)  # fmt: skip
LEGAL_FORMS = ("GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "AG", "KG", "e.K.", "OHG")

FREEMAIL = (
    ("gmx.de", 20), ("web.de", 20), ("t-online.de", 14), ("gmail.com", 18),
    ("googlemail.com", 3), ("yahoo.de", 4), ("outlook.de", 4), ("hotmail.de", 3),
    ("freenet.de", 3), ("posteo.de", 2), ("icloud.com", 4), ("aol.com", 1),
    ("mail.de", 2), ("arcor.de", 2),
)  # fmt: skip
GENERIC_MAILBOXES = ("info", "info", "info", "office", "kontakt", "service", "mail", "buero")

TAGS = (
    "Altersvorsorge", "Baufinanzierung", "BU", "Riester", "Rürup", "ETF-Sparplan",
    "Kfz", "Hausrat", "Haftpflicht", "PKV", "Depot", "Bausparen", "Wohngebäude",
    "Pflege", "bAV",
)  # fmt: skip

# The advisor's own addresses (requests arrive on them).
ADVISOR_EMAILS = (
    "info@balschuweit-finanz.de",
    "m.balschuweit@balschuweit-finanz.de",
    "markus.balschuweit@gmx.de",
)
ADVISOR_PHONES = ("+492219876540", "+491719876543")

SUMMARIES_CALL_REACHED = (
    "Jahresgespräch Altersvorsorge vereinbart",
    "Rückfrage zur Kfz-Versicherung geklärt",
    "Beitragsanpassung PKV besprochen",
    "Termin für Depotcheck vereinbart",
    "Schadenmeldung Hausrat aufgenommen",
    "Angebot BU-Versicherung erläutert",
    "Fragen zur Baufinanzierung beantwortet",
    "Riester-Zulagenantrag besprochen",
    "Kündigungswunsch Lebensversicherung besprochen",
    "Sparplan erhöht (Auftrag)",
    "Umzug gemeldet, neue Anschrift aufgenommen",
    "Empfehlung erhalten: Kollege möchte Beratung",
)
SUMMARIES_CALL_MISSED = (
    "Nicht erreicht",
    "Auf Mailbox gesprochen, um Rückruf gebeten",
    "Besetzt, später erneut versuchen",
)
SUMMARIES_EMAIL_OUT = (
    "Angebot Wohngebäudeversicherung gesendet",
    "Unterlagen zur Depoteröffnung gesendet",
    "Beratungsprotokoll zugesandt",
    "Terminbestätigung gesendet",
    "Vergleich Kfz-Tarife gesendet",
)
SUMMARIES_EMAIL_IN = (
    "Frage zur Beitragsrechnung",
    "Unterlagen unterschrieben zurückgeschickt",
    "Neue Bankverbindung mitgeteilt",
    "Bitte um Terminverschiebung",
)
SUMMARIES_MESSAGE = (
    "Terminerinnerung per SMS",
    "Kurze Rückfrage zum Termin",
    "Foto vom Schaden geschickt",
    "Danke für die schnelle Hilfe",
)
SUMMARIES_MEETING = (
    "Beratungsgespräch Altersvorsorge (Protokoll)",
    "Jahresgespräch vor Ort",
    "Depotcheck im Büro",
    "Finanzierungsgespräch Eigentumswohnung",
    "Beratung Berufsunfähigkeit (Protokoll)",
)
SUMMARIES_LETTER = (
    "Jahresinformation versandt",
    "Vertragsunterlagen per Post",
    "Kündigungsbestätigung versandt",
    "Antrag zur Unterschrift gesendet",
)

FOLLOWUP_NOTES = {
    "callback": ("Rückruf zugesagt", "Rückruf wegen Angebot", "Rückruf: Frage zum Vertrag"),
    "follow_up": (
        "Angebot nachfassen",
        "Unterlagen anfordern",
        "Depotcheck vorbereiten",
        "Antrag nachhalten",
    ),
    "complaint_deadline": ("Beschwerde persönlich beantworten (Frist)",),
    "campaign_call": ("Telefonaktion: Check Altersvorsorge", "Telefonaktion: Kfz-Wechsel"),
}

CONSENT_HOW = (
    "schriftlich im Beratungsgespräch",
    "per E-Mail (Double-Opt-in)",
    "mündlich am Telefon, schriftlich bestätigt",
    "Kontaktformular der Website",
)

# Request texts per kind: (subject, body); "{first}" is the sender's first name.
REQUEST_TEXTS = {
    "order": (
        ("Auftrag Sparplan", "Bitte erhöhen Sie meinen ETF-Sparplan auf 250 € im Monat."),
        ("Depot", "Bitte kaufen Sie für mein Depot 2.000 € vom MSCI-World-ETF. Gruß {first}"),
        ("Kfz-Versicherung", "Ich möchte den Tarif mit Vollkasko abschließen."),
    ),
    "question": (
        ("Frage zur Lebensversicherung", "Wie hoch ist mein Rückkaufswert? Viele Grüße {first}"),
        ("Riester", "Lohnt sich Riester für mich noch? LG {first}"),
        ("Rechnung", "Warum ist der Beitrag gestiegen?"),
    ),
    "complaint": (
        (
            "Beschwerde",
            "Ich warte seit drei Wochen auf die Unterlagen. So geht das nicht weiter!",
        ),
        ("Schaden nicht reguliert", "Mein Wasserschaden ist immer noch nicht bezahlt."),
    ),
    "callback": (
        ("Rückruf", "Bitte rufen Sie mich zurück, es geht um die Hausratversicherung."),
        ("Rückrufbitte", "Bitte um Rückruf heute ab 17 Uhr. Danke, {first}"),
    ),
    "change_of_data": (
        ("Umzug", "Wir sind umgezogen, bitte die Anschrift ändern. Viele Grüße {first}"),
        ("Neue Bankverbindung", "Bitte buchen Sie künftig vom neuen Konto ab."),
    ),
}

# The request from an unknown number that only the name "Guido" can place.
GUIDO_BODY = "Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments. Gruß Guido"
