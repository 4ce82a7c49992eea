"""The texts of the demo network: organisations, themes, people and ideas.

Plain data only; idealaari.demo turns it into rows through the services. Long texts are
written as wrapped blocks: summaries and needs are joined into one line, and bodies are
Markdown whose wrapped paragraph lines are joined again when loaded.

Ideas 1-30 are the ideas of the Finnish search relevance set (shared/search-eval/ideas.jsonl),
with their titles, bodies and tags unchanged, so on an empty database they keep their ids.
"""

from __future__ import annotations

# Organisations added next to the 23 reference areas:
# (key, name_fi, name_sv, name_en, kind). Areas are referred to by their reference code.
ORGANISATIONS: list[tuple[str, str, str, str, str]] = [
    ("tampere", "Tampereen kaupunki", "Tammerfors stad", "City of Tampere", "municipality"),
    ("oulu", "Oulun kaupunki", "Uleåborgs stad", "City of Oulu", "municipality"),
    ("jyvaskyla", "Jyväskylän kaupunki", "Jyväskylä stad", "City of Jyväskylä", "municipality"),
    ("porvoo", "Porvoon kaupunki", "Borgå stad", "City of Porvoo", "municipality"),
    ("arjen", "Arjen Voimavarat ry", "", "", "ngo"),
    ("ikaystava", "Ikäystävä ry", "", "", "ngo"),
    ("omaishoito", "Omaishoitajien Tuki ry", "", "", "ngo"),
    ("kohtaamo", "Monikielinen Kohtaamo ry", "", "", "ngo"),
    ("hoivadata", "Hoivadata Oy", "", "", "company"),
    ("etakaista", "Etäkaista Oy", "", "", "company"),
    ("kotivahti", "Kotivahti Oy", "", "", "company"),
    ("tuni", "Tampereen yliopisto", "Tammerfors universitet", "Tampere University", "university"),
    (
        "uef",
        "Itä-Suomen yliopisto",
        "Östra Finlands universitet",
        "University of Eastern Finland",
        "university",
    ),
    (
        "metropolia",
        "Metropolia Ammattikorkeakoulu",
        "Metropolia yrkeshögskola",
        "Metropolia University of Applied Sciences",
        "university",
    ),
    (
        "novia",
        "Yrkeshögskolan Novia",
        "Yrkeshögskolan Novia",
        "Novia University of Applied Sciences",
        "university",
    ),
    (
        "thl",
        "Terveyden ja hyvinvoinnin laitos",
        "Institutet för hälsa och välfärd",
        "Finnish Institute for Health and Welfare",
        "state",
    ),
    (
        "stm",
        "Sosiaali- ja terveysministeriö",
        "Social- och hälsovårdsministeriet",
        "Ministry of Social Affairs and Health",
        "state",
    ),
]

# Themes: (key, name_fi, name_sv, name_en). The first three are the options of the network's
# first theme vote (autumn 2021); the rest are themes the network has returned to since.
THEMES: list[tuple[str, str, str, str]] = [
    (
        "ennalt",
        "Ennaltaehkäisevien sosiaali- ja terveyspalvelujen kehittäminen",
        "Utveckling av förebyggande social- och hälsovårdstjänster",
        "Developing preventive social and health services",
    ),
    (
        "digi",
        "Sosiaali- ja terveydenhuollon digipalveluiden kehittäminen",
        "Utveckling av digitala tjänster inom social- och hälsovården",
        "Developing digital services in social and health care",
    ),
    (
        "monial",
        "Monialaisten palvelujen kehittäminen sosiaali- ja terveydenhuollossa",
        "Utveckling av multiprofessionella tjänster inom social- och hälsovården",
        "Developing multi-professional services in social and health care",
    ),
    (
        "innost",
        "Sote-ammattilaisten innostaminen innovaatiotoimintaan",
        "Att engagera social- och hälsovårdspersonal i innovationsverksamhet",
        "Inspiring social and health care professionals to innovate",
    ),
    (
        "tki",
        "TKI-toiminnan rakenteet hyvinvointialueilla",
        "Strukturer för FUI-verksamhet i välfärdsområdena",
        "Research, development and innovation structures in the wellbeing services counties",
    ),
    (
        "yhteis",
        "Yhteiskehittäminen asiakkaiden kanssa",
        "Samutveckling tillsammans med klienterna",
        "Co-development with clients",
    ),
    (
        "henkilosto",
        "Henkilöstön saatavuus ja työhyvinvointi",
        "Personaltillgång och välbefinnande i arbetet",
        "Staff availability and wellbeing at work",
    ),
    (
        "tekoaly",
        "Tekoäly ja tiedolla johtaminen",
        "Artificiell intelligens och kunskapsbaserad ledning",
        "Artificial intelligence and knowledge-based management",
    ),
]

ADMIN = "admin"
MODERATOR = "moderator"
CONTACT = "area_contact"
MEMBER = "member"

# People: (email, name, title, organisation key or area code, role, locale or None).
USERS: list[tuple[str, str, str, str, str, str | None]] = [
    # Platform operators and the coordination team
    ("admin@idealaari.example.fi", "Aino Lindqvist", "Idealaarin pääkäyttäjä", "thl", ADMIN, None),
    (
        "moderaattori@idealaari.example.fi",
        "Hanna Koskinen",
        "Verkostokoordinaattori, Innovaatio- ja strategiaverkosto",
        "pp",
        MODERATOR,
        None,
    ),
    (
        "mikko.heikkinen@thl.example.fi",
        "Mikko Heikkinen",
        "Kehittämispäällikkö, Innokylä",
        "thl",
        MODERATOR,
        None,
    ),
    (
        "sofia.gronroos@ovph.example.fi",
        "Sofia Grönroos",
        "Kehittämisasiantuntija, yhteiskehittäminen",
        "pohj",
        MODERATOR,
        "sv",
    ),
    # TKI contacts of the wellbeing areas
    ("tuomas.rautio@pohde.example.fi", "Tuomas Rautio", "TKIO-asiantuntija", "pp", CONTACT, None),
    ("eeva.lahtinen@pirha.example.fi", "Eeva Lahtinen", "TKI-asiantuntija", "pir", CONTACT, None),
    (
        "katariina.nieminen@varha.example.fi",
        "Katariina Nieminen",
        "Kehittämispäällikkö, TKI-yksikkö",
        "vs",
        CONTACT,
        None,
    ),
    (
        "antti.makela@hyvaks.example.fi",
        "Antti Mäkelä",
        "Innovaatioasiantuntija",
        "ks",
        CONTACT,
        None,
    ),
    (
        "riikka.turunen@siunsote.example.fi",
        "Riikka Turunen",
        "TKI-koordinaattori",
        "pk",
        CONTACT,
        None,
    ),
    (
        "jenni.virtanen@omahame.example.fi",
        "Jenni Virtanen",
        "Kehittämiskoordinaattori",
        "kh",
        CONTACT,
        None,
    ),
    (
        "johan.sundqvist@ovph.example.fi",
        "Johan Sundqvist",
        "FUI-koordinator (TKI-koordinaattori)",
        "pohj",
        CONTACT,
        "sv",
    ),
    ("marjo.kallio@lapha.example.fi", "Marjo Kallio", "TKI-päällikkö", "lappi", CONTACT, None),
    # Members in the wellbeing areas
    (
        "jasen@idealaari.example.fi",
        "Laura Mäkinen",
        "Sairaanhoitaja, kehittäjähoitaja",
        "pir",
        MEMBER,
        None,
    ),
    (
        "aleksi.heinonen@pirha.example.fi",
        "Aleksi Heinonen",
        "Psykologi, nuorten mielenterveyspalvelut",
        "pir",
        MEMBER,
        None,
    ),
    (
        "sanna.karkkainen@pohde.example.fi",
        "Sanna Kärkkäinen",
        "Sosiaalityöntekijä, jälkihuolto",
        "pp",
        MEMBER,
        None,
    ),
    (
        "emma.lindroos@varha.example.fi",
        "Emma Lindroos",
        "Asiakasosallisuuden koordinaattori",
        "vs",
        MEMBER,
        None,
    ),
    ("ville.laine@hel.example.fi", "Ville Laine", "Sosiaalityön kehittäjä", "hki", MEMBER, None),
    ("elina.saarinen@hus.example.fi", "Elina Saarinen", "Kehittäjäylilääkäri", "hus", MEMBER, None),
    (
        "niko.hamalainen@vakehyva.example.fi",
        "Niko Hämäläinen",
        "Kehittämisasiantuntija, sosiaali- ja kriisipäivystys",
        "vake",
        MEMBER,
        None,
    ),
    (
        "tiina.korhonen@keusote.example.fi",
        "Tiina Korhonen",
        "Digipalvelujen kehittämispäällikkö",
        "ku",
        MEMBER,
        None,
    ),
    (
        "maria.sjoberg@luvn.example.fi",
        "Maria Sjöberg",
        "Palvelupäällikkö, suun terveydenhuolto",
        "lu",
        MEMBER,
        "sv",
    ),
    (
        "henrik.lindholm@itauusimaa.example.fi",
        "Henrik Lindholm",
        "Kotihoidon kehittämiskoordinaattori",
        "itu",
        MEMBER,
        "sv",
    ),
    (
        "paivi.rantanen@sata.example.fi",
        "Päivi Rantanen",
        "Kotihoidon palvelupäällikkö",
        "sata",
        MEMBER,
        None,
    ),
    (
        "jussi.lehtonen@phhyky.example.fi",
        "Jussi Lehtonen",
        "Fysioterapeutti, kuntoutuksen kehittäjä",
        "ph",
        MEMBER,
        None,
    ),
    (
        "anu.karjalainen@kymenhva.example.fi",
        "Anu Karjalainen",
        "Terveydenhoitaja, neuvolatyön kehittäjä",
        "kym",
        MEMBER,
        None,
    ),
    (
        "kari.hakala@eksote.example.fi",
        "Kari Hakala",
        "Henkilöstön kehittämisen asiantuntija",
        "ek",
        MEMBER,
        None,
    ),
    (
        "satu.miettinen@esavo.example.fi",
        "Satu Miettinen",
        "Sosiaalialan kehittämiskoordinaattori",
        "es",
        MEMBER,
        None,
    ),
    (
        "olli.rasanen@pshyvinvointialue.example.fi",
        "Olli Räsänen",
        "Vastuullisuusasiantuntija",
        "ps",
        MEMBER,
        None,
    ),
    (
        "minna.hautala@hyvaep.example.fi",
        "Minna Hautala",
        "Hyvinvoinnin edistämisen suunnittelija",
        "ep",
        MEMBER,
        None,
    ),
    (
        "teemu.kangas@soite.example.fi",
        "Teemu Kangas",
        "Työhönvalmentaja, mielenterveyskuntoutus",
        "kp",
        MEMBER,
        None,
    ),
    (
        "leena.pulkkinen@kainuunhyvinvointialue.example.fi",
        "Leena Pulkkinen",
        "Hallintoylihoitaja",
        "kai",
        MEMBER,
        None,
    ),
    # Members in municipalities, NGOs, companies, universities and state agencies
    (
        "pekka.aaltonen@tampere.example.fi",
        "Pekka Aaltonen",
        "Hyvinvointikoordinaattori",
        "tampere",
        MEMBER,
        None,
    ),
    (
        "kirsi.jokinen@ouka.example.fi",
        "Kirsi Jokinen",
        "Nuorisopalvelujen kehittämispäällikkö",
        "oulu",
        MEMBER,
        None,
    ),
    (
        "markus.peltonen@jyvaskyla.example.fi",
        "Markus Peltonen",
        "Hyvinvoinnin edistämisen koordinaattori",
        "jyvaskyla",
        MEMBER,
        None,
    ),
    (
        "camilla.holmstrom@porvoo.example.fi",
        "Camilla Holmström",
        "Välfärdskoordinator (hyvinvointikoordinaattori)",
        "porvoo",
        MEMBER,
        "sv",
    ),
    (
        "janne.nurmi@arjenvoimavarat.example.fi",
        "Janne Nurmi",
        "Toiminnanjohtaja",
        "arjen",
        MEMBER,
        None,
    ),
    (
        "heli.manninen@omaishoitajientuki.example.fi",
        "Heli Manninen",
        "Järjestösuunnittelija",
        "omaishoito",
        MEMBER,
        None,
    ),
    (
        "amina.hassan@kohtaamo.example.fi",
        "Amina Hassan",
        "Kotoutumisen asiantuntija",
        "kohtaamo",
        MEMBER,
        None,
    ),
    (
        "lauri.koivisto@hoivadata.example.fi",
        "Lauri Koivisto",
        "Toimitusjohtaja",
        "hoivadata",
        MEMBER,
        None,
    ),
    (
        "veera.mattila@etakaista.example.fi",
        "Veera Mattila",
        "Asiakkuuspäällikkö, sote",
        "etakaista",
        MEMBER,
        "en",
    ),
    (
        "tommi.laaksonen@kotivahti.example.fi",
        "Tommi Laaksonen",
        "Tuotekehitysjohtaja",
        "kotivahti",
        MEMBER,
        None,
    ),
    (
        "helena.ojala@tuni.example.fi",
        "Helena Ojala",
        "Yliopistotutkija, terveystieteet",
        "tuni",
        MEMBER,
        None,
    ),
    (
        "petri.huttunen@uef.example.fi",
        "Petri Huttunen",
        "Professori, sosiaali- ja terveysjohtaminen",
        "uef",
        MEMBER,
        None,
    ),
    (
        "johanna.leinonen@metropolia.example.fi",
        "Johanna Leinonen",
        "Lehtori, hoitotyö",
        "metropolia",
        MEMBER,
        None,
    ),
    (
        "emilia.nystrom@novia.example.fi",
        "Emilia Nyström",
        "Forskare, TKI-asiantuntija",
        "novia",
        MEMBER,
        "sv",
    ),
]

# Ideas. Keys: title, author (e-mail; the idea belongs to the author's organisation), phase,
# themes (theme keys), groups (TargetGroup values), tags, partners (PartnerRole values; given
# means the idea seeks partners), summary, need, body (Markdown). Optional: draft (never
# published), co_editors (added by the author), edits (later saves: by, and the fields that
# change: phase, summary, add_tags, partners), archived_by (e-mail).
IDEAS: list[dict] = [
    # 1-30: the search relevance set
    dict(
        title="Kotihoidon etäkäynnit videoyhteydellä",
        author="riikka.turunen@siunsote.example.fi",
        phase="testing",
        themes=["digi"],
        groups=["clients", "professionals"],
        tags=["kotihoito", "etäpalvelut"],
        partners=["researcher"],
        summary="""
Osa kotihoidon käynneistä tehdään videoyhteydellä asiakkaan kotiin. Kokeilussa on mukana
kolmesataa asiakasta Pohjois-Karjalan haja-asutusalueilla.
""",
        need="""
Kotihoidon hoitajien työajasta kuluu suuri osa ajamiseen pitkien välimatkojen takia, eikä
käyntejä riitä kaikille tarpeeksi usein.
""",
        body="""
Kotihoidon asiakkaille tarjotaan osa käynneistä videoyhteydellä. Etäkäynnit vapauttavat
hoitajien työaikaa ja vähentävät ajamista haja-asutusalueella. Kokeilussa mukana kolmesataa
asiakasta.
""",
        co_editors=["helena.ojala@tuni.example.fi"],
        edits=[
            dict(
                by="riikka.turunen@siunsote.example.fi",
                phase="learnings",
                add_tags=["haja-asutusalue"],
            ),
            dict(
                by="helena.ojala@tuni.example.fi",
                summary="""
Osa kotihoidon käynneistä tehdään videoyhteydellä asiakkaan kotiin. Puolen vuoden kokeilussa
kolmesataa asiakasta sai keskimäärin kaksi käyntiä viikossa etänä, ja hoitajien ajokilometrit
vähenivät neljänneksellä.
""",
            ),
        ],
    ),
    dict(
        title="Ikäihmisten kaatumisten ehkäisy liikuntaryhmillä",
        author="antti.makela@hyvaks.example.fi",
        phase="adoption",
        themes=["ennalt"],
        groups=["clients", "other_partners"],
        tags=["ennaltaehkäisy", "liikunta"],
        summary="""
Kotona asuville ikäihmisille järjestetään tasapainoa vahvistavia liikuntaryhmiä yhdessä
järjestöjen kanssa. Tavoitteena on vähentää kaatumisia ja niistä johtuvia sairaalajaksoja.
""",
        need="""
Kaatumiset ovat ikäihmisten yleisin tapaturma ja tavallinen syy sairaalahoitoon ja kotona
asumisen päättymiseen.
""",
        body="""
Ennaltaehkäisevä toimintamalli, jossa kotona asuville ikäihmisille järjestetään tasapainoa
vahvistavia liikuntaryhmiä yhdessä järjestöjen kanssa. Kaatumisten väheneminen säästää
sairaalahoitopäiviä.
""",
    ),
    dict(
        title="Matalan kynnyksen mielenterveyschat nuorille",
        author="aleksi.heinonen@pirha.example.fi",
        phase="concretising",
        themes=["digi", "ennalt"],
        groups=["clients", "professionals"],
        tags=["mielenterveys", "digipalvelut", "nuoret"],
        partners=["co_developer", "student"],
        summary="""
Nimetön, iltaisin avoinna oleva chat, jossa sairaanhoitajat ja psykologit vastaavat nuorten
kysymyksiin ja ohjaavat tarvittaessa oikeaan palveluun.
""",
        need="""
Nuoret eivät hakeudu mielenterveyspalveluihin ajoissa, koska kynnys soittaa tai varata aikaa
on korkea ja jonot ovat pitkiä.
""",
        body="""
Nuorille tarkoitettu nimetön chat-palvelu, jossa sairaanhoitajat ja psykologit vastaavat
iltaisin. Digipalvelu ohjaa tarvittaessa oikeaan mielenterveyspalveluun ilman jonottamista.
""",
        edits=[dict(by="eeva.lahtinen@pirha.example.fi", phase="testing", add_tags=["chat"])],
    ),
    dict(
        title="Perhekeskuksen monialainen ohjaus",
        author="katariina.nieminen@varha.example.fi",
        phase="adoption",
        themes=["monial"],
        groups=["clients", "professionals"],
        tags=["monialaiset palvelut", "lapsiperheet"],
        summary="""
Neuvola, varhaiskasvatus ja sosiaalityö toimivat perhekeskuksessa yhtenä tiiminä, jolloin
lapsiperhe saa avun yhdestä paikasta.
""",
        need="""
Lapsiperheitä siirretään palvelusta toiseen lähetteillä, ja sama tilanne joudutaan kertomaan
monta kertaa eri ammattilaisille.
""",
        body="""
Perhekeskuksessa neuvola, varhaiskasvatus ja sosiaalityö toimivat samassa tiimissä.
Lapsiperheet saavat avun yhdestä paikasta ilman lähetteitä.
""",
    ),
    dict(
        title="Tekoälyavusteinen kirjaaminen vastaanotolla",
        author="elina.saarinen@hus.example.fi",
        phase="testing",
        themes=["tekoaly", "digi"],
        groups=["professionals", "companies"],
        tags=["tekoäly", "kirjaaminen"],
        partners=["company", "researcher"],
        summary="""
Puheentunnistus ja tekoäly tekevät vastaanottokäynnistä kirjausluonnoksen, jonka lääkäri
tarkistaa ja hyväksyy. Tavoitteena on puolittaa kirjaamiseen kuluva aika.
""",
        need="""
Lääkärit käyttävät jopa kolmanneksen työajastaan kirjaamiseen, mikä on pois potilaan
kohtaamisesta.
""",
        body="""
Puheentunnistus ja tekoäly laativat vastaanottokäynnistä kirjauksen luonnoksen, jonka lääkäri
tarkistaa ja hyväksyy. Tavoitteena on vähentää kirjaamiseen kuluvaa aikaa puoleen.
""",
        co_editors=["lauri.koivisto@hoivadata.example.fi"],
    ),
    dict(
        title="Omaishoitajien vertaistukiryhmät verkossa",
        author="satu.miettinen@esavo.example.fi",
        phase="learnings",
        themes=["ennalt", "digi"],
        groups=["clients", "other_partners"],
        tags=["omaishoito", "järjestöt"],
        partners=["co_developer"],
        summary="""
Koulutettujen vapaaehtoisten ohjaamat vertaistukiryhmät kokoontuvat verkossa, joten
omaishoitaja voi osallistua lähtemättä kotoa.
""",
        need="""
Omaishoitajat eivät pääse kodin ulkopuolisiin vertaisryhmiin, koska hoidettavaa ei voi jättää
yksin.
""",
        body="""
Omaishoitajille tarkoitetut verkossa kokoontuvat vertaistukiryhmät, joita ohjaavat järjestöjen
koulutetut vapaaehtoiset. Ryhmät tukevat omaishoitajan jaksamista arjessa.
""",
    ),
    dict(
        title="Päihdepalvelujen jalkautuva työ",
        author="ville.laine@hel.example.fi",
        phase="learnings",
        themes=["monial"],
        groups=["clients", "professionals"],
        tags=["päihdetyö", "asunnottomuus"],
        summary="""
Päihdetyöntekijät jalkautuvat asunnottomien majoituspaikkoihin ja tarjoavat terveysneuvontaa
ja hoitoonohjausta paikan päällä.
""",
        need="""
Asunnottomat päihteiden käyttäjät eivät hakeudu palveluihin itse, ja heidän terveysongelmansa
pahenevat hoitamattomina.
""",
        body="""
Päihdetyöntekijät jalkautuvat asunnottomien majoituspaikkoihin ja tarjoavat terveysneuvontaa
sekä hoitoonohjausta. Yhteistyö kaupungin asumispalvelujen kanssa.
""",
    ),
    dict(
        title="Sairaanhoitajien rekrytointi ulkomailta",
        author="leena.pulkkinen@kainuunhyvinvointialue.example.fi",
        phase="concretising",
        themes=["henkilosto"],
        groups=["professionals"],
        tags=["henkilöstö", "rekrytointi"],
        partners=["co_developer", "other"],
        summary="""
Hyvinvointialue rekrytoi sairaanhoitajia ulkomailta ja huolehtii heidän kielikoulutuksestaan
ja perehdytyksestään vuodeosastoille.
""",
        need="""
Vuodeosastoilla on pysyvä sairaanhoitajapula, eikä alueella valmistuvia hoitajia riitä
tarpeeseen.
""",
        body="""
Hyvinvointialue rekrytoi sairaanhoitajia ulkomailta ja järjestää kielikoulutuksen sekä
perehdytyksen. Ratkaisu henkilöstöpulaan vuodeosastoilla.
""",
    ),
    dict(
        title="Opiskelijoiden harjoittelupaikkojen yhteinen haku",
        author="tuomas.rautio@pohde.example.fi",
        phase="selection",
        themes=["tki", "innost"],
        groups=["students", "professionals"],
        tags=["opiskelijat", "korkeakoulut"],
        partners=["student", "co_developer"],
        summary="""
Alueen kaikkien sote-opiskelijoiden harjoittelupaikat ja työyksiköiden tarjoamat
opinnäytetyöaiheet kootaan yhteen hakupalveluun.
""",
        need="""
Harjoittelupaikkoja haetaan nyt sähköpostilla ja puhelimella oppilaitos ja yksikkö kerrallaan,
eivätkä opinnäytetöiden aiheet löydä tekijöitään.
""",
        body="""
Ammattikorkeakoulujen sote-opiskelijoiden harjoittelupaikat haetaan yhdestä palvelusta koko
alueella. Samaan paikkaan kootaan myös opinnäytetöiden aiheet, joita työyksiköt tarjoavat.
""",
    ),
    dict(
        title="Etäkuntoutus aivoinfarktin jälkeen",
        author="jussi.lehtonen@phhyky.example.fi",
        phase="learnings",
        themes=["digi"],
        groups=["clients", "professionals"],
        tags=["kuntoutus", "etäpalvelut"],
        partners=["researcher"],
        summary="""
Aivoinfarktin sairastaneet jatkavat kuntoutusta kotona tabletin avulla, ja fysioterapeutti
seuraa harjoittelua etänä.
""",
        need="""
Kuntoutus katkeaa usein sairaalasta kotiutumisen jälkeen, koska matka kuntoutukseen on pitkä
ja käyntejä on liian harvoin.
""",
        body="""
Aivoinfarktin sairastaneet jatkavat kuntoutusta kotona tabletin avulla. Fysioterapeutti seuraa
harjoittelua etänä ja muuttaa ohjelmaa viikoittain. Etäkuntoutuksen tulokset ovat olleet
lupaavia.
""",
    ),
    dict(
        title="Lääkehoidon koneellinen annosjakelu",
        author="paivi.rantanen@sata.example.fi",
        phase="adoption",
        themes=["henkilosto"],
        groups=["clients", "professionals", "companies"],
        tags=["lääkehoito", "kotihoito"],
        summary="""
Kotihoidon asiakkaiden lääkkeet jaetaan apteekissa koneellisesti annospusseihin, mikä vähentää
lääkehoidon virheitä ja vapauttaa hoitajien aikaa.
""",
        need="""
Lääkkeiden jakaminen dosetteihin vie kotihoidossa paljon aikaa, ja käsin jakaessa sattuu
virheitä.
""",
        body="""
Kotihoidon asiakkaiden lääkkeet jaellaan apteekista koneellisesti annospusseihin. Lääkehoidon
virheet vähenevät ja hoitajien aikaa vapautuu asiakastyöhön.
""",
        archived_by="paivi.rantanen@sata.example.fi",
    ),
    dict(
        title="Ensihoidon ja sosiaalipäivystyksen yhteiset tehtävät",
        author="niko.hamalainen@vakehyva.example.fi",
        phase="testing",
        themes=["monial"],
        groups=["clients", "professionals"],
        tags=["ensihoito", "sosiaalipäivystys"],
        partners=["researcher"],
        summary="""
Ensihoito ja sosiaalipäivystys lähtevät yhdessä tehtäville, joissa asiakkaalla on sekä
terveydellinen että sosiaalinen hätä.
""",
        need="""
Ensihoito kuljettaa päivystykseen asiakkaita, joiden varsinainen tarve on sosiaalinen, eikä
päivystys pysty auttamaan heitä.
""",
        body="""
Ensihoito ja sosiaalipäivystys lähtevät yhdessä tehtäville, joissa on sekä terveydellinen että
sosiaalinen hätä. Monialainen yhteistyö vähentää turhia kuljetuksia.
""",
    ),
    dict(
        title="Asiakkaat mukaan palvelujen kehittämiseen",
        author="jenni.virtanen@omahame.example.fi",
        phase="adoption",
        themes=["yhteis"],
        groups=["clients", "professionals", "other_partners"],
        tags=["osallisuus", "asiakkaat"],
        summary="""
Asiakasraadit ja kokemusasiantuntijat osallistuvat säännöllisiin kehittämistyöpajoihin, ja
asiakkaiden osallisuus kirjataan jokaiseen hankesuunnitelmaan.
""",
        need="""
Palveluja kehitetään usein ilman niiden käyttäjiä, jolloin ratkaisut eivät vastaa asiakkaiden
todellisia tarpeita.
""",
        body="""
Asiakasraadit ja kokemusasiantuntijat osallistuvat palvelujen kehittämiseen säännöllisissä
työpajoissa. Asiakkaiden osallisuus kirjataan jokaisen hankkeen suunnitelmaan.
""",
    ),
    dict(
        title="Hyvinvointialueiden yhteinen innovaatioalusta",
        author="moderaattori@idealaari.example.fi",
        phase="ideation",
        themes=["tki", "innost"],
        groups=["professionals", "companies", "researchers", "students", "other_partners"],
        tags=["TKI", "verkosto"],
        partners=["co_developer", "researcher", "funder"],
        summary="""
Kansallinen alusta, jossa hyvinvointialueet jakavat kehittämisaihioitaan, hakevat kumppaneita
ja oppivat toisiltaan.
""",
        need="""
Samoja ratkaisuja kehitetään monella alueella rinnakkain, koska tieto toisten
kehittämistyöstä ei kulje alueiden välillä.
""",
        body="""
Kansallinen alusta, jossa alueet jakavat kehittämisaihioitaan, hakevat kumppaneita ja oppivat
toisiltaan. Alusta tukee yhteiskehittämisen kansallista mallia ja TKI-toimintaa.
""",
        edits=[
            dict(by="moderaattori@idealaari.example.fi", phase="selection"),
            dict(
                by="tuomas.rautio@pohde.example.fi",
                phase="concretising",
                summary="""
Kansallinen idealaari, jossa hyvinvointialueet jakavat kehittämisaihioitaan, hakevat
kumppaneita ja oppivat toisiltaan. Ensimmäistä versiota kokeillaan verkoston kanssa kevään
aikana.
""",
                add_tags=["yhteiskehittäminen", "idealaari"],
            ),
        ],
    ),
    dict(
        title="Lastensuojelun sijaisperheiden valmennus",
        author="marjo.kallio@lapha.example.fi",
        phase="testing",
        themes=["ennalt", "monial"],
        groups=["clients", "professionals", "other_partners"],
        tags=["lastensuojelu", "perheet"],
        partners=["researcher"],
        summary="""
Kokeneet sijaisvanhemmat toimivat uusien sijaisperheiden mentoreina valmennuksen aikana ja
ensimmäisen sijoitusvuoden ajan.
""",
        need="""
Sijoitukset katkeavat liian usein ensimmäisen vuoden aikana, mikä on lapselle raskas uusi
menetys.
""",
        body="""
Sijaisperheille uusi valmennusmalli, jossa kokeneet sijaisvanhemmat toimivat mentoreina.
Lastensuojelun sijoitusten katkeamiset vähenevät.
""",
    ),
    dict(
        title="Digitaalinen oirearvio ennen päivystystä",
        author="eeva.lahtinen@pirha.example.fi",
        phase="concretising",
        themes=["digi"],
        groups=["clients", "professionals", "companies"],
        tags=["päivystys", "digipalvelut"],
        partners=["company", "pilot_site"],
        summary="""
Asiakas täyttää verkossa oirearvion ennen päivystykseen lähtöä, ja kiireettömät asiat ohjataan
omalle terveysasemalle.
""",
        need="""
Päivystys ruuhkautuu asiakkaista, joiden vaiva voitaisiin hoitaa terveysasemalla seuraavana
arkipäivänä.
""",
        body="""
Asiakas täyttää oirearvion verkossa ennen kuin lähtee päivystykseen. Kiireettömät asiakkaat
ohjataan omalle terveysasemalle, ja päivystyksen ruuhkat helpottavat.
""",
    ),
    dict(
        title="Työhyvinvoinnin kehittäminen hoitotyössä",
        author="kari.hakala@eksote.example.fi",
        phase="learnings",
        themes=["henkilosto"],
        groups=["professionals"],
        tags=["työhyvinvointi", "henkilöstö"],
        summary="""
Hoitajat suunnittelevat työvuoronsa itse yhteisten pelisääntöjen puitteissa. Kokeilussa
seurataan sairauspoissaoloja ja työtyytyväisyyttä.
""",
        need="""
Vuorotyön kuormittavuus ja vähäiset vaikutusmahdollisuudet näkyvät sairauspoissaoloina ja
alalta lähtemisenä.
""",
        body="""
Työvuorosuunnittelu, jossa työntekijät vaikuttavat omiin vuoroihinsa. Työhyvinvoinnin
kehittäminen näkyy sairauspoissaolojen vähenemisenä.
""",
    ),
    dict(
        title="Ravitsemusneuvonta neuvolassa",
        author="anu.karjalainen@kymenhva.example.fi",
        phase="selection",
        themes=["ennalt"],
        groups=["clients", "professionals"],
        tags=["ennaltaehkäisy", "neuvola"],
        partners=["student"],
        summary="""
Ravitsemusterapeutti tukee neuvolan terveydenhoitajia lasten ylipainon ehkäisyssä jo
raskausajasta alkaen.
""",
        need="""
Lasten ylipaino on yleistynyt, eikä terveydenhoitajilla ole aina keinoja ottaa ravitsemusta
puheeksi perheiden kanssa.
""",
        body="""
Neuvolan terveydenhoitajat saavat ravitsemusterapeutin tuen lasten ylipainon ehkäisyyn.
Ennaltaehkäisevä työ alkaa jo raskausaikana.
""",
    ),
    dict(
        title="Muistisairaiden turvallinen asuminen kotona",
        author="henrik.lindholm@itauusimaa.example.fi",
        phase="testing",
        themes=["digi", "ennalt"],
        groups=["clients", "companies", "other_partners"],
        tags=["muistisairaudet", "turvateknologia"],
        partners=["company", "researcher"],
        summary="""
Liiketunnistimet ja ovihälyttimet auttavat muistisairasta asumaan turvallisesti kotona, ja
omainen saa ilmoituksen poikkeavasta tilanteesta.
""",
        need="""
Muistisairaat siirtyvät ympärivuorokautiseen hoitoon usein turvattomuuden vuoksi, vaikka
kotona asuminen onnistuisi oikealla tuella.
""",
        body="""
Liiketunnistimet ja ovihälyttimet auttavat muistisairasta asumaan kotona pidempään.
Ikäihmisten omaiset saavat ilmoituksen poikkeavasta tilanteesta.
""",
        co_editors=["tommi.laaksonen@kotivahti.example.fi"],
    ),
    dict(
        title="Sosiaalipalvelujen asiakasohjaus chatbotilla",
        author="tiina.korhonen@keusote.example.fi",
        phase="concretising",
        themes=["digi", "tekoaly"],
        groups=["clients", "professionals"],
        tags=["digipalvelut", "sosiaalityö"],
        partners=["company", "pilot_site"],
        summary="""
Chatbot neuvoo ympäri vuorokauden, mihin sosiaalipalveluun asiakas voi hakeutua, ja varaa
tarvittaessa ajan sosiaaliohjaajalle.
""",
        need="""
Asiakkaiden on vaikea tietää, mikä sosiaalipalvelu sopii heidän tilanteeseensa, ja
neuvontapuhelimen jonot ovat pitkiä.
""",
        body="""
Chatbot neuvoo ympäri vuorokauden, mihin sosiaalipalveluun asiakas voi hakeutua, ja varaa
tarvittaessa ajan sosiaaliohjaajalle. Osa kansallista digipalvelujen kehittämistä.
""",
    ),
    dict(
        title="Hammashoidon jonojen purkaminen palvelusetelillä",
        author="maria.sjoberg@luvn.example.fi",
        phase="adoption",
        themes=[],
        groups=["clients", "companies"],
        tags=["suun terveydenhuolto"],
        summary="""
Suun terveydenhuollon jonoja puretaan antamalla asiakkaille palveluseteli yksityisille
hammaslääkäreille.
""",
        need="Kiireettömään hammashoitoon jonotetaan yli hoitotakuun määräajan.",
        body="""
Suun terveydenhuollon pitkiä jonoja puretaan palvelusetelillä yksityisille hammaslääkäreille.
Hammashoidon hoitotakuu täyttyy.
""",
        archived_by="maria.sjoberg@luvn.example.fi",
    ),
    dict(
        title="Yksinäisyyden vähentäminen ikäihmisillä",
        author="minna.hautala@hyvaep.example.fi",
        phase="ideation",
        themes=["ennalt"],
        groups=["clients", "other_partners"],
        tags=["ennaltaehkäisy", "järjestöt"],
        partners=["co_developer", "student"],
        summary="""
Järjestöjen ystävätoiminta ja kunnan kulttuuripalvelut järjestävät ikäihmisille yhteistä
tekemistä yksinäisyyden ehkäisemiseksi.
""",
        need="""
Yksinäisyys heikentää ikäihmisten terveyttä ja toimintakykyä, eikä moni yksinäinen osallistu
nykyisiin ryhmiin.
""",
        body="""
Järjestöjen ystävätoiminta ja kunnan kulttuuripalvelut tarjoavat ikäihmisille yhteistä
tekemistä. Ennaltaehkäisevää työtä yksinäisyyttä vastaan.
""",
    ),
    dict(
        title="Etätulkkaus vastaanotoilla",
        author="niko.hamalainen@vakehyva.example.fi",
        phase="adoption",
        themes=["digi", "monial"],
        groups=["clients", "professionals"],
        tags=["tulkkaus", "maahanmuuttajat"],
        summary="""
Maahanmuuttajien vastaanottokäynneille tilataan tulkki videoyhteydellä, jolloin tulkkaus on
saatavilla myös harvinaisissa kielissä.
""",
        need="""
Paikan päälle tulevaa tulkkia ei saada kaikkiin kieliin, ja vastaanottoja perutaan tai
hoidetaan ilman tulkkia.
""",
        body="""
Maahanmuuttajien vastaanottokäynneille tilataan tulkki videoyhteydellä. Tulkkauksen saatavuus
paranee myös harvinaisissa kielissä.
""",
    ),
    dict(
        title="Vammaispalvelujen henkilökohtainen budjetti",
        author="johan.sundqvist@ovph.example.fi",
        phase="testing",
        themes=["monial", "yhteis"],
        groups=["clients", "professionals", "researchers"],
        tags=["vammaispalvelut"],
        partners=["researcher"],
        summary="""
Vammainen henkilö päättää itse, miten hänelle myönnetty henkilökohtainen budjetti käytetään
avustajiin ja palveluihin.
""",
        need="""
Vammaispalvelut myönnetään valmiina palvelupaketteina, jotka eivät aina vastaa asiakkaan omia
tavoitteita.
""",
        body="""
Vammainen henkilö päättää itse, miten hänelle myönnetty budjetti käytetään avustajiin ja
palveluihin. Kokeilu perustuu kansainvälisiin malleihin.
""",
    ),
    dict(
        title="Mielenterveyskuntoutujien työllistäminen",
        author="teemu.kangas@soite.example.fi",
        phase="learnings",
        themes=["monial"],
        groups=["clients", "companies", "other_partners"],
        tags=["mielenterveys", "työllisyys"],
        partners=["company"],
        summary="""
Yksilöllinen työhönvalmennus (IPS) auttaa mielenterveyskuntoutujia löytämään työpaikan
avoimilta työmarkkinoilta.
""",
        need="""
Mielenterveyskuntoutujista vain pieni osa on työssä, vaikka moni haluaisi töihin ja työ tukee
toipumista.
""",
        body="""
Yksilöllinen työhönvalmennus auttaa mielenterveyskuntoutujia avoimille työmarkkinoille.
Työllistäminen tukee toipumista.
""",
    ),
    dict(
        title="Lasten ja nuorten liikkumisen lisääminen",
        author="antti.makela@hyvaks.example.fi",
        phase="selection",
        themes=["ennalt", "monial"],
        groups=["clients", "professionals", "other_partners"],
        tags=["liikunta", "ennaltaehkäisy"],
        partners=["co_developer"],
        summary="""
Koulut ja liikuntaneuvonta tekevät yhteistyötä, jotta lapset liikkuisivat enemmän
koulupäivän aikana ja vapaa-ajalla.
""",
        need="""
Vain pieni osa lapsista ja nuorista liikkuu suositusten mukaisesti, ja liikkumattomuus näkyy
jo kouluterveydenhuollossa.
""",
        body="""
Koulujen ja liikuntaneuvonnan yhteinen malli lisää lasten liikkumista. Ennaltaehkäisevät
palvelut tavoittavat perheet koulun kautta.
""",
    ),
    dict(
        title="Terveydenhuollon hiilijalanjäljen pienentäminen",
        author="olli.rasanen@pshyvinvointialue.example.fi",
        phase="concretising",
        themes=[],
        groups=["professionals", "companies"],
        tags=["ympäristö", "hankinnat"],
        partners=["company", "researcher"],
        summary="""
Hankinnoissa suositaan kierrätettäviä tarvikkeita, ja anestesiakaasut vaihdetaan
vähäpäästöisempiin.
""",
        need="""
Terveydenhuollon osuus Suomen hiilijalanjäljestä on merkittävä, mutta päästöjä ei ole juuri
seurattu.
""",
        body="""
Hankinnoissa suositaan kierrätettäviä tarvikkeita, ja anestesiakaasut vaihdetaan
vähäpäästöisiin. Ympäristövastuu osaksi johtamista.
""",
    ),
    dict(
        title="Kotisairaalan laajentaminen",
        author="paivi.rantanen@sata.example.fi",
        phase="selection",
        themes=["monial", "digi"],
        groups=["clients", "professionals"],
        tags=["kotisairaala", "lääkehoito"],
        summary="""
Kotisairaala laajenee antamaan suonensisäiset lääkitykset ja antibioottihoidot asiakkaan
kotona etäseurannan tukemana.
""",
        need="""
Osa potilaista on osastolla vain suonensisäisen lääkityksen vuoksi, vaikka he voisivat olla
kotona.
""",
        body="""
Kotisairaala hoitaa suonensisäiset lääkitykset ja antibiootit asiakkaan kotona. Lääkehoidon
turvallisuus varmistetaan etäseurannalla.
""",
    ),
    dict(
        title="Potilastietojen yhteiskäyttö alueiden välillä",
        author="jenni.virtanen@omahame.example.fi",
        phase="ideation",
        themes=["digi", "tekoaly"],
        groups=["professionals", "other_partners"],
        tags=["tiedonhallinta"],
        partners=["co_developer"],
        summary="""
Potilastiedot siirtyvät sujuvasti hyvinvointialueelta toiselle, kun asiakas muuttaa, ja
tiedonhallinnan käytännöt sovitaan yhdessä.
""",
        need="""
Kun asiakas muuttaa toiselle alueelle, hänen tietonsa eivät aina ole uuden alueen
ammattilaisten käytössä.
""",
        body="""
Potilastiedot siirtyvät sujuvasti hyvinvointialueelta toiselle, kun asiakas muuttaa.
Tiedonhallinnan yhteiset käytännöt sovitaan kansallisesti.
""",
    ),
    dict(
        title="Palvelutarpeen arviointi yhdellä lomakkeella",
        author="satu.miettinen@esavo.example.fi",
        phase="concretising",
        themes=["monial", "digi"],
        groups=["clients", "professionals"],
        tags=["palvelutarve", "monialaiset palvelut"],
        partners=["pilot_site", "co_developer"],
        summary="""
Sosiaali- ja terveydenhuollon palvelutarpeen arviointi tehdään yhdellä yhteisellä
lomakkeella.
""",
        need="""
Asiakas joutuu kertomaan tilanteestaan moneen kertaan, kun sosiaalihuolto ja terveydenhuolto
arvioivat palvelutarpeen erikseen.
""",
        body="""
Sosiaali- ja terveydenhuollon palvelutarpeen arviointi tehdään yhdellä yhteisellä lomakkeella.
Asiakkaan ei tarvitse kertoa asioitaan moneen kertaan.
""",
    ),
    # 31-60: longer development drafts
    dict(
        title="Innovaatiolähettiläät jokaiseen työyksikköön",
        author="eeva.lahtinen@pirha.example.fi",
        phase="adoption",
        themes=["innost", "tki"],
        groups=["professionals"],
        tags=["innostaminen", "innovaatiotoiminta", "henkilöstö"],
        summary="""
Jokaiseen työyksikköön nimetään innovaatiolähettiläs, joka kerää työkavereiden
kehittämisideat ja vie ne eteenpäin TKI-yksikön tuella.
""",
        need="""
Hyvät ideat jäävät usein kahvihuoneeseen, koska ammattilaiset eivät tiedä, kenelle ideasta
kannattaa kertoa.
""",
        body="""
Pirkanmaan hyvinvointialueella on koulutettu vuoden aikana yli sata innovaatiolähettilästä.
Lähettiläs on tavallinen sote-ammattilainen – sairaanhoitaja, sosiaaliohjaaja tai
fysioterapeutti – joka käyttää kehittämiseen noin kaksi tuntia kuukaudessa.

Lähettiläs kokoaa yksikkönsä ideat, auttaa kuvaamaan ne ja tuo ne TKI-yksikön ideointipajaan.
Lupaavimmat ideat etenevät kokeiluiksi, ja ideoijat pääsevät itse mukaan kehittämään.

## Tavoitteet

- Jokaisessa työyksikössä on nimetty innovaatiolähettiläs
- Henkilöstön ideoihin vastataan kuukauden kuluessa
- Vähintään kymmenen ideaa etenee vuosittain kokeiluun

## Kokemuksia

Lähettiläiden mukaan tärkeintä on, että idean esittäjä saa palautteen. Jo tieto siitä, että
idea on luettu, lisää halua ideoida uudelleen.
""",
        co_editors=["jasen@idealaari.example.fi"],
        edits=[dict(by="jasen@idealaari.example.fi", add_tags=["innovaatiolähettiläät"])],
    ),
    dict(
        title="Asiakasraati digipalvelujen testaajaksi",
        author="emma.lindroos@varha.example.fi",
        phase="testing",
        themes=["yhteis", "digi"],
        groups=["clients", "professionals"],
        tags=["asiakasraati", "käytettävyys", "digipalvelut", "osallisuus"],
        partners=["researcher", "student"],
        summary="""
Vapaaehtoisista asiakkaista koottu raati testaa uudet digipalvelut ennen käyttöönottoa ja
kertoo, mikä toimii ja mikä ei.
""",
        need="""
Digipalveluja otetaan käyttöön kokeilematta niitä oikeiden käyttäjien kanssa, ja puutteet
huomataan vasta asiakaspalautteesta.
""",
        body="""
Varsinais-Suomen hyvinvointialueen asiakasraatiin on ilmoittautunut noin neljäkymmentä
eri-ikäistä asukasta. Raati kokoontuu kerran kuukaudessa joko verkossa tai sote-keskuksessa,
ja jokainen tapaaminen keskittyy yhteen palveluun.

Testaajat kokeilevat palvelua omilla laitteillaan ja kertovat ääneen, mitä ajattelevat.
Kehittäjät kirjaavat havainnot ja kertovat seuraavassa tapaamisessa, mitä muutettiin.

## Mitä on testattu

- Sähköisen ajanvarauksen uusi näkymä
- Oirearvioiden ohjeistus
- Lapsiperheiden chat-palvelu

## Mitä haemme

Haemme tutkijaa, joka auttaisi arvioimaan raadin vaikutusta palvelujen käytettävyyteen, sekä
opiskelijoita havainnoimaan testauksia.
""",
    ),
    dict(
        title="Tekoäly ajanvarauksen kohdentamisessa",
        author="jasen@idealaari.example.fi",
        phase="ideation",
        themes=["tekoaly", "digi"],
        groups=["clients", "professionals"],
        tags=["tekoäly", "ajanvaraus", "perusterveydenhuolto"],
        partners=["researcher", "company"],
        draft=True,
        summary="""
Luonnos: tekoäly ehdottaisi ajanvarauksessa, tarvitseeko asiakas lääkärin, hoitajan vai
fysioterapeutin vastaanoton.
""",
        need="""
Asiakkaita ohjautuu väärälle ammattilaiselle, ja uusintakäynnit kuormittavat ajanvarausta.
""",
        body="""
Terveysasemien ajanvarauksessa hoitaja arvioi puhelimessa, kenen vastaanotolle asiakas
ohjataan. Arvio vaihtelee hoitajasta toiseen, ja osa asiakkaista päätyy väärälle
ammattilaiselle.

Ideana on kokeilla, voisiko tekoäly ehdottaa sopivaa vastaanottoa asiakkaan kertomien oireiden
ja aiempien käyntien perusteella. Hoitaja tekisi aina lopullisen päätöksen.

## Avoimia kysymyksiä

- Mitä tietoja tekoäly saisi käyttää?
- Miten varmistetaan, ettei malli syrji mitään asiakasryhmää?
- Kuka vastaa virheestä?
""",
    ),
    dict(
        title="Omaishoitajan vapaapäivät joustavasti",
        author="heli.manninen@omaishoitajientuki.example.fi",
        phase="ideation",
        themes=["ennalt", "monial"],
        groups=["clients", "other_partners"],
        tags=["omaishoito", "jaksaminen", "järjestöt"],
        partners=["pilot_site", "co_developer"],
        summary="""
Omaishoitaja voisi pitää lakisääteiset vapaapäivänsä tunteina tai puolikkaina päivinä ja
valita sijaishoitajan itse.
""",
        need="""
Moni omaishoitaja jättää vapaansa pitämättä, koska tarjottu sijaishoito ei sovi hoidettavalle
eikä vapaata voi käyttää joustavasti.
""",
        body="""
Omaishoitajalla on oikeus vähintään kahteen vapaapäivään kuukaudessa, mutta suuri osa
vapaista jää käyttämättä. Yhdistyksemme kyselyyn vastanneista omaishoitajista yli puolet
kertoi, ettei pidä vapaitaan lainkaan.

Syyt ovat arkisia: hoidettava ei halua lähteä vieraaseen hoitopaikkaan, vapaa pitää hakea
viikkoja etukäteen eikä yksi kokonainen päivä vastaa tarvetta. Moni tarvitsisi mieluummin
muutaman tunnin viikossa omaan asiointiin tai harrastukseen.

## Ehdotus

- Vapaapäivät voi jakaa tunneiksi
- Sijaishoitaja tulee kotiin, ja hänet voi valita tutuista hoitajista
- Vapaan varaaminen onnistuu verkossa

## Mitä haemme

Haemme hyvinvointialuetta, joka kokeilisi mallia vuoden ajan, sekä omaishoitajia
kehittäjäryhmään.
""",
    ),
    dict(
        title="Etävastaanotot saariston asukkaille",
        author="katariina.nieminen@varha.example.fi",
        phase="testing",
        themes=["digi"],
        groups=["clients", "professionals"],
        tags=["etävastaanotto", "saaristo", "etäpalvelut", "kaksikielisyys"],
        partners=["company"],
        summary="""
Saariston terveyspisteisiin tuodaan etävastaanottolaitteet, joiden avulla hoitaja ja lääkäri
tutkivat asiakkaan yhdessä videoyhteyden välityksellä.
""",
        need="""
Saariston asukkaat matkustavat yhteysaluksella ja autolla koko päivän lääkärikäynnin vuoksi,
ja talvella yhteydet ovat epävarmoja.
""",
        body="""
Turun saaristossa lääkärikäynti tarkoittaa monelle asukkaalle koko päivän matkaa. Kokeilussa
Nauvon ja Korppoon terveyspisteisiin hankittiin etävastaanoton laitteisto, johon kuuluvat
digitaalinen stetoskooppi, otoskooppi ja ihokamera.

Hoitaja on asiakkaan kanssa paikan päällä, ja lääkäri osallistuu vastaanotolle videon
välityksellä mantereelta. Vastaanotto onnistuu myös ruotsiksi.

## Ensimmäiset tulokset

- Neljä viidestä käynnistä hoitui ilman matkaa mantereelle
- Asiakkaat antoivat vastaanotolle keskimäärin arvosanan 4,6/5
- Tekniset katkokset olivat harvinaisia, mutta yhteyden laatu vaihteli

Seuraavaksi laajennamme kokeilua kotihoidon asiakkaisiin ja etsimme yrityskumppania
laitteiden etähuoltoon.
""",
    ),
    dict(
        title="Opinnäytetöiden aihepankki hyvinvointialueen kanssa",
        author="johanna.leinonen@metropolia.example.fi",
        phase="selection",
        themes=["innost", "tki"],
        groups=["students", "professionals", "researchers"],
        tags=["opinnäytetyöt", "opiskelijat", "korkeakoulut", "työelämäyhteistyö"],
        partners=["pilot_site", "student"],
        summary="""
Hyvinvointialueen työyksiköt julkaisevat kehittämistarpeensa opinnäytetyöaiheina yhteisessä
aihepankissa, josta opiskelijat voivat valita ne.
""",
        need="""
Opinnäytetöiden aiheet syntyvät usein opiskelijan omasta kiinnostuksesta, eivätkä työelämän
todelliset kehittämistarpeet päädy opiskelijoiden tietoon.
""",
        body="""
Ammattikorkeakoulun sote-alan opiskelijat tekevät vuosittain satoja opinnäytetöitä. Moni
niistä olisi arvokkaampi, jos aihe tulisi suoraan työyksiköltä, jolla on todellinen
kehittämistarve.

Aihepankissa työyksikkö kuvaa tarpeensa lyhyesti: mikä ongelma on, mitä aineistoa on
saatavilla ja kuka ohjaa työtä työelämän puolelta. Opettaja tarkistaa, että aihe sopii
opinnäytetyöksi, ja opiskelija voi varata aiheen itselleen.

## Tavoitteet

- Sata työelämälähtöistä aihetta ensimmäisen lukuvuoden aikana
- Jokaiselle aiheelle nimetty ohjaaja työyksiköstä
- Valmiit työt esitellään yksiköissä ja kootaan idealaariin

## Mitä haemme

Haemme hyvinvointialueita ja järjestöjä, jotka haluavat tarjota aiheita, sekä opiskelijoita
kokeilemaan aihepankin ensimmäistä versiota.
""",
    ),
    dict(
        title="Jälkihuoltonuorten digitaalinen tuki",
        author="sanna.karkkainen@pohde.example.fi",
        phase="concretising",
        themes=["digi", "monial"],
        groups=["clients", "professionals"],
        tags=["lastensuojelu", "jälkihuolto", "nuoret", "mobiilisovellus"],
        partners=["co_developer", "student"],
        summary="""
Lastensuojelun jälkihuollossa oleville nuorille tehdään mobiilisovellus, jossa he voivat
pitää yhteyttä omaan työntekijäänsä ja vertaisiin.
""",
        need="""
Jälkihuollon nuoret jäävät usein yksin arjen asioiden kanssa, eikä virka-aikainen
puhelinyhteys tavoita heitä.
""",
        body="""
Lastensuojelun jälkihuolto tukee sijaishuollosta itsenäistyviä nuoria 25-vuotiaiksi asti.
Nuoret kertovat, että soittaminen tuntuu vaikealta ja että apua tarvittaisiin usein iltaisin,
kun toimisto on jo kiinni.

Suunnittelemme yhdessä nuorten kanssa mobiilisovellusta, jossa on viestiyhteys omaan
työntekijään, itsenäistymisen muistilista ja moderoitu vertaiskeskustelu.

## Kehittäjäryhmä

Kuusi jälkihuollossa olevaa nuorta osallistuu suunnitteluun kokemusasiantuntijoina, ja heille
maksetaan palkkio.

## Mitä haemme

- Toista hyvinvointialuetta kehittämään sovellusta kanssamme
- Muotoilun tai tietojenkäsittelyn opiskelijoita prototyypin tekoon
""",
    ),
    dict(
        title="Päihdetyön vertaisohjaajat päivystykseen",
        author="janne.nurmi@arjenvoimavarat.example.fi",
        phase="testing",
        themes=["monial", "yhteis"],
        groups=["clients", "professionals", "other_partners"],
        tags=["päihdetyö", "vertaistuki", "päivystys", "kokemusasiantuntijat"],
        partners=["pilot_site", "researcher"],
        summary="""
Koulutetut vertaisohjaajat, joilla on omaa kokemusta päihteistä toipumisesta, kohtaavat
päivystykseen tulevia päihdeasiakkaita ja tukevat hoitoon hakeutumista.
""",
        need="""
Päivystyksestä kotiutetaan päihdeasiakkaita ilman jatkohoitoa, ja samat asiakkaat palaavat
päivystykseen yhä uudelleen.
""",
        body="""
Yhdistyksemme on kouluttanut vertaisohjaajia jo kymmenen vuoden ajan. Kokeilussa
vertaisohjaaja päivystää iltaisin ja viikonloppuisin yhteispäivystyksessä, jonne hoitaja voi
kutsua hänet asiakkaan luvalla.

Vertaisohjaaja ei korvaa ammattilaista, mutta hän puhuu samaa kieltä kuin asiakas. Moni
asiakas on kertonut suostuneensa hoitoon vasta, kun joku oli itse käynyt saman läpi.

## Kokeilun mittarit

- Hoitoon ohjautuneiden asiakkaiden osuus
- Päivystyskäyntien määrä puolen vuoden seurannassa
- Henkilöstön ja asiakkaiden kokemukset

## Mitä haemme

Haemme toista päivystystä kokeilupaikaksi ja tutkijaa arvioimaan tuloksia.
""",
    ),
    dict(
        title="Selkokielinen palveluopas maahanmuuttajaperheille",
        author="amina.hassan@kohtaamo.example.fi",
        phase="concretising",
        themes=["monial", "ennalt"],
        groups=["clients", "other_partners"],
        tags=["maahanmuuttajat", "selkokieli", "palveluohjaus", "lapsiperheet"],
        partners=["co_developer", "funder"],
        summary="""
Selkosuomella ja kuudella muulla kielellä tehty opas kertoo maahanmuuttajaperheille, mistä
neuvola-, sosiaali- ja terveyspalveluja saa.
""",
        need="""
Maahanmuuttajaperheet eivät tunne suomalaista palvelujärjestelmää ja hakeutuvat apuun usein
vasta päivystyksen kautta.
""",
        body="""
Kohtaamispaikkamme perheet kysyvät meiltä viikoittain samoja asioita: miten neuvolaan pääsee,
mitä sosiaalityöntekijä tekee ja mihin soitetaan, kun lapsi sairastuu illalla.

Kokoamme vastaukset yhdessä perheiden kanssa selkokieliseksi oppaaksi. Opas julkaistaan
verkossa ja painettuna, ja siitä tehdään lyhyet videot arabiaksi, somaliksi, dariksi,
ukrainaksi, venäjäksi ja englanniksi.

## Tavoitteet

- Perheet löytävät oikean palvelun ilman päivystyskäyntiä
- Ammattilaiset voivat antaa oppaan asiakkaalle vastaanotolla
- Opas päivitetään yhdessä hyvinvointialueen kanssa kerran vuodessa

## Mitä haemme

Haemme hyvinvointialueelta yhteyshenkilöä tarkistamaan palvelutiedot ja rahoittajaa videoiden
tekoon.
""",
    ),
    dict(
        title="Itseohjautuvat kotihoidon tiimit",
        author="paivi.rantanen@sata.example.fi",
        phase="learnings",
        themes=["henkilosto", "monial"],
        groups=["clients", "professionals"],
        tags=["kotihoito", "itseohjautuvuus", "työhyvinvointi"],
        summary="""
Kotihoidon pienet tiimit suunnittelevat itse asiakaskäyntinsä, työvuoronsa ja yhteistyön
omaisten kanssa ilman erillistä toiminnanohjausta.
""",
        need="""
Keskitetty toiminnanohjaus pirstoo asiakkaan hoidon monelle hoitajalle, eivätkä hoitajat koe
voivansa vaikuttaa omaan työhönsä.
""",
        body="""
Kokeilu perustuu hollantilaiseen Buurtzorg-malliin. Kahdessa kotihoidon tiimissä 10–12
hoitajaa vastaa yhdessä noin viidenkymmenen asiakkaan hoidosta omalla alueellaan, ja tiimi
päättää itse, kuka käy kenenkin luona.

Vuoden kokeilun aikana asiakkaan luona kävi keskimäärin viisi eri hoitajaa kuukaudessa, kun
vertailutiimeissä määrä oli yli kymmenen. Sairauspoissaolot vähenivät, mutta itseohjautuvuus
vaati tiimeiltä alussa paljon tukea.

## Opittua

- Tiimi tarvitsee valmentajan ainakin ensimmäiseksi puoleksi vuodeksi
- Työvuorosuunnittelun pelisäännöt on sovittava yhdessä
- Asiakkaat ja omaiset arvostavat tuttuja hoitajia eniten
""",
    ),
    dict(
        title="Hyvinvointia tukevat kotikäynnit 75 vuotta täyttäneille",
        author="markus.peltonen@jyvaskyla.example.fi",
        phase="testing",
        themes=["ennalt"],
        groups=["clients", "other_partners"],
        tags=["ikäihmiset", "hyvinvoinnin edistäminen", "kotikäynnit", "ennaltaehkäisy"],
        partners=["co_developer"],
        summary="""
Kaupungin hyvinvointikoordinaattorit ja järjestöjen vapaaehtoiset käyvät 75 vuotta
täyttäneiden kotona keskustelemassa hyvinvoinnista ja kertomassa lähialueen toiminnasta.
""",
        need="""
Moni ikäihminen ei tiedä kaupungin ja järjestöjen toiminnasta, ja palvelutarve huomataan
vasta kriisissä.
""",
        body="""
Hyvinvointialue vastaa sote-palveluista, mutta kunnalla on edelleen vastuu asukkaiden
hyvinvoinnin ja terveyden edistämisestä. Jyväskylässä kokeillaan hyvinvointia tukevia
kotikäyntejä yhdessä Keski-Suomen hyvinvointialueen kanssa.

Käynnillä keskustellaan liikkumisesta, ravitsemuksesta, asumisesta ja sosiaalisista
suhteista. Käynnin tekijä kertoo lähialueen liikuntaryhmistä, kerhoista ja
vapaaehtoistoiminnasta, ja tarvittaessa hän ohjaa asukkaan hyvinvointialueen palveluihin.

## Tavoitteet

- Tavoitetaan vuosittain vähintään 60 % 75 vuotta täyttäneistä
- Kaatumisriski, yksinäisyys ja vajaaravitsemus tunnistetaan ajoissa
- Kaupungin ja hyvinvointialueen työnjako on selkeä
""",
    ),
    dict(
        title="Nuorisotyö ja koulupsykologit samaan tiimiin",
        author="kirsi.jokinen@ouka.example.fi",
        phase="selection",
        themes=["monial", "ennalt"],
        groups=["clients", "professionals"],
        tags=["nuoret", "nuorisotyö", "oppilashuolto", "mielenterveys"],
        partners=["co_developer", "researcher"],
        summary="""
Kaupungin nuorisotyöntekijät sekä hyvinvointialueen koulupsykologit ja -kuraattorit
muodostavat yläkouluihin yhteisen tiimin nuorten hyvinvoinnin tueksi.
""",
        need="""
Nuorten huolet näkyvät ensin vapaa-ajalla ja koulussa, mutta nuorisotyö ja oppilashuolto
toimivat erillään eri organisaatioissa.
""",
        body="""
Sote-uudistuksen jälkeen koulupsykologit ja -kuraattorit siirtyivät hyvinvointialueelle, kun
taas nuorisotyö ja koulut jäivät kaupungille. Yhteistyö on jäänyt yksittäisten työntekijöiden
varaan.

Ehdotamme kokeilua, jossa kolmessa yläkoulussa nuorisotyöntekijä, kuraattori ja psykologi
toimivat samassa tiimissä. He päivystävät yhdessä välitunneilla, suunnittelevat
ryhmätoimintaa ja sopivat, kuka tukee kutakin nuorta.

## Avoimia kysymyksiä

- Miten tietoja voi jakaa organisaatioiden välillä lainmukaisesti?
- Kuka johtaa tiimiä?

## Mitä haemme

Haemme hyvinvointialueelta kumppania ja tutkijaa, joka arvioisi mallin vaikutuksia nuorten
hyvinvointiin.
""",
    ),
    dict(
        title="Yhteiskehittämisen työkalupakki hyvinvointialueille",
        author="mikko.heikkinen@thl.example.fi",
        phase="adoption",
        themes=["yhteis", "tki"],
        groups=["professionals", "researchers", "other_partners"],
        tags=["yhteiskehittäminen", "menetelmät", "verkosto"],
        summary="""
Verkoston jäsenten kokoama työkalupakki kertoo, miten yhteiskehittämistä tehdään käytännössä.
""",
        need="""
Alueet keksivät yhteiskehittämisen käytäntöjä kukin erikseen, vaikka muualla on jo toimivia
malleja.
""",
        body="""
Innovaatio- ja strategiaverkostossa on toivottu kansallista yhteiskehittämisen mallia.
Työkalupakki on sen ensimmäinen konkreettinen osa: se kokoaa verkoston jäsenten hyviksi
havaitsemat menetelmät yhteen paikkaan.

Jokaisesta menetelmästä kerrotaan, mihin se sopii, kuinka paljon aikaa se vie ja mitä siitä
opittiin. Mukana on esimerkkejä hyvinvointialueilta, järjestöistä ja yrityksistä.

## Sisältö

- Asiakasraadin ja kokemusasiantuntijoiden mukaan ottaminen
- Ideointityöpajan pohja ja fasilitointiohje
- Kokeilun suunnittelupohja ja arviointimittarit
- Hyvän käytännön kuvaaminen Innokylään

Työkalupakki päivittyy verkkoklinikoiden ja kevätjuhlan tulosten pohjalta.
""",
        co_editors=["moderaattori@idealaari.example.fi"],
        edits=[
            dict(
                by="moderaattori@idealaari.example.fi",
                summary="""
Verkoston jäsenten kokoama työkalupakki kertoo, miten yhteiskehittämistä tehdään käytännössä:
menetelmät, pohjat ja esimerkit alueilta.
""",
                add_tags=["työkalut"],
            ),
            dict(by="mikko.heikkinen@thl.example.fi", add_tags=["innokylä"]),
        ],
    ),
    dict(
        title="TKI-toiminnan vaikuttavuuden mittaristo",
        author="petri.huttunen@uef.example.fi",
        phase="concretising",
        themes=["tki"],
        groups=["researchers", "professionals"],
        tags=["tki", "vaikuttavuus", "mittarit", "tutkimus"],
        partners=["pilot_site", "co_developer"],
        summary="""
Yliopisto kehittää yhdessä hyvinvointialueiden kanssa mittariston, jolla TKI-toiminnan
vaikutuksia palveluihin ja henkilöstöön voidaan seurata.
""",
        need="""
Hyvinvointialueet investoivat TKI-toimintaan, mutta sen hyötyjä on vaikea osoittaa
päättäjille.
""",
        body="""
Hyvinvointialueiden TKI-toiminta on vasta muotoutumassa, ja moni alue kysyy, miten toiminnan
tuloksia pitäisi mitata. Julkaisujen ja hankerahoituksen määrä kertoo vain osan totuudesta.

Kokoamme yhdessä alueiden kanssa mittariston, jossa on sekä määrällisiä että laadullisia
mittareita. Mittaristoa kokeillaan kahdella hyvinvointialueella vuoden ajan.

## Mittariston osa-alueet

- Käyttöön otetut uudet toimintamallit ja niiden leviäminen
- Henkilöstön osallistuminen kehittämiseen
- Yhteistyö korkeakoulujen, yritysten ja järjestöjen kanssa
- Asiakkaiden kokemat muutokset

## Mitä haemme

Haemme kahta hyvinvointialuetta kokeilupaikoiksi ja TKI-yhteyshenkilöitä kehittäjäryhmään.
""",
    ),
    dict(
        title="Puheentunnistus kotihoidon kirjaamisessa",
        author="lauri.koivisto@hoivadata.example.fi",
        phase="testing",
        themes=["tekoaly", "henkilosto"],
        groups=["professionals", "companies"],
        tags=["puheentunnistus", "kirjaaminen", "kotihoito", "tekoäly"],
        partners=["pilot_site", "researcher"],
        summary="""
Kotihoidon hoitaja sanelee käynnin havainnot puhelimeen, ja sovellus muuttaa sanelun
rakenteiseksi kirjaukseksi, jonka hoitaja tarkistaa.
""",
        need="""
Kotihoidon hoitajat kirjaavat käynnit usein vasta työpäivän lopuksi, jolloin tietoa unohtuu
ja ylitöitä kertyy.
""",
        body="""
Olemme kehittäneet suomenkielistä puheentunnistusta sote-alan sanastolle. Kotihoidon
sovelluksessa hoitaja sanelee havainnot heti käynnin jälkeen, ja sovellus jäsentää tekstin
kirjaamisen rakenteisiin.

Ensimmäisessä pilotissa kymmenen hoitajaa käytti sovellusta kuukauden ajan. Kirjaamiseen
kuluva aika lyheni keskimäärin kahdeksalla minuutilla käyntiä kohden.

## Seuraavat askeleet

- Laajempi pilotti kahdessa kotihoidon yksikössä
- Liittymä asiakastietojärjestelmään
- Tietosuojan ja tietoturvan arviointi yhdessä hyvinvointialueen kanssa

## Mitä haemme

Haemme kotihoidon yksiköitä pilottiin ja tutkijaa arvioimaan vaikutuksia kirjausten laatuun.
""",
    ),
    dict(
        title="Etävastaanotot saavutettaviksi ikäihmisille",
        author="veera.mattila@etakaista.example.fi",
        phase="ideation",
        themes=["digi"],
        groups=["clients", "companies"],
        tags=["etävastaanotto", "ikäihmiset", "saavutettavuus"],
        partners=["pilot_site", "researcher"],
        draft=True,
        summary="""
Etävastaanoton sovellus yksinkertaistetaan niin, että ikäihminen pääsee vastaanotolle yhdellä
painalluksella ilman tunnuksia.
""",
        need="""
Moni ikäihminen jättää etävastaanoton väliin, koska sovellukseen kirjautuminen ja laitteen
asetukset ovat liian vaikeita.
""",
        body="""
Asiakaspalautteemme mukaan yli 75-vuotiaiden etävastaanotoista joka viides jää toteutumatta
teknisten ongelmien vuoksi. Yleisimmät syyt ovat unohtunut salasana, mikrofonin asetukset ja
liian pieni teksti.

Suunnittelemme tablettiin yksinkertaisen näkymän, jossa on vain yksi iso painike. Vastaanotto
alkaa, kun hoitaja soittaa, eikä asiakkaan tarvitse kirjautua mihinkään.

## Mitä haemme

- Kotihoidon tai palveluasumisen yksikköä testipaikaksi
- Ikäihmisiä ja omaisia testaamaan prototyyppiä
- Tutkijaa arvioimaan ratkaisun saavutettavuutta
""",
    ),
    dict(
        title="Kokemusasiantuntijat sote-alan opetukseen",
        author="helena.ojala@tuni.example.fi",
        phase="learnings",
        themes=["yhteis", "innost"],
        groups=["students", "clients", "researchers"],
        tags=["kokemusasiantuntijat", "opetus", "osallisuus", "korkeakoulut"],
        partners=["co_developer"],
        summary="""
Kokemusasiantuntijat opettavat sote-alan opiskelijoita yhdessä opettajien kanssa, jotta
asiakkaan näkökulma tulee mukaan jo koulutuksessa.
""",
        need="""
Opiskelijat kohtaavat asiakkaan näkökulman vasta harjoittelussa, eikä opetuksessa kuulla
palveluja käyttäneiden kokemuksia.
""",
        body="""
Kokeilimme lukuvuoden ajan opetusmallia, jossa kokemusasiantuntija suunnittelee ja toteuttaa
opintojakson yhdessä opettajan kanssa. Mukana oli mielenterveys- ja päihdetyön sekä
vammaispalvelujen kokemusasiantuntijoita.

Opiskelijoiden palautteen mukaan kokemusasiantuntijan kertomus jäi mieleen paremmin kuin
yksikään luento. Kokemusasiantuntijat puolestaan kokivat, että heidän osaamistaan
arvostettiin.

## Opittua

- Kokemusasiantuntijalle maksetaan palkkio ja annetaan aikaa valmistautua
- Opettajan ja kokemusasiantuntijan yhteinen suunnittelu on tärkein onnistumisen edellytys
- Opiskelijat tarvitsevat turvallisen tilan kysyä vaikeitakin asioita

## Mitä haemme

Haemme muita korkeakouluja ja hyvinvointialueita levittämään mallia ja kehittämään
kokemusasiantuntijoiden koulutusta.
""",
    ),
    dict(
        title="Järjestöpiste sote-keskuksen aulaan",
        author="pekka.aaltonen@tampere.example.fi",
        phase="adoption",
        themes=["monial", "ennalt"],
        groups=["clients", "other_partners"],
        tags=["järjestöt", "palveluohjaus", "vertaistuki", "sote-keskus"],
        summary="""
Sote-keskusten auloissa toimii järjestöpiste, jossa järjestöjen vapaaehtoiset kertovat
vertaistuesta, harrastuksista ja muusta järjestöjen toiminnasta.
""",
        need="""
Ammattilaiset eivät tunne järjestöjen toimintaa, eikä asiakas löydä vertaistukea, vaikka
siitä olisi hänelle apua.
""",
        body="""
Tampereella järjestöpiste on toiminut kahdessa sote-keskuksessa kahden vuoden ajan, ja nyt
malli laajenee kaikkiin kaupungin sote-keskuksiin yhdessä Pirkanmaan hyvinvointialueen
kanssa.

Pisteessä päivystää viikoittain eri järjestöjä. Ammattilainen voi ohjata asiakkaan
vastaanoton jälkeen suoraan järjestöpisteeseen, ja järjestöt saavat tietoa siitä, mihin tukea
tarvitaan.

## Tuloksia

- Yli 60 järjestöä mukana vuorolistalla
- Noin 4 000 kohtaamista vuodessa
- Ammattilaiset tuntevat järjestöjen toiminnan aiempaa paremmin
""",
    ),
    dict(
        title="Kansainvälisesti rekrytoitujen hoitajien perehdytyspolku",
        author="leena.pulkkinen@kainuunhyvinvointialue.example.fi",
        phase="concretising",
        themes=["henkilosto"],
        groups=["professionals"],
        tags=["henkilöstö", "perehdytys", "rekrytointi", "kotoutuminen"],
        partners=["student", "co_developer"],
        summary="""
Ulkomailta rekrytoidut hoitajat saavat ensimmäiselle vuodelleen perehdytyspolun, jossa
kielikoulutus, työpaikkamentori ja kotoutumisen tuki kulkevat rinnakkain.
""",
        need="""
Osa ulkomailta rekrytoiduista hoitajista lähtee alueelta ensimmäisen vuoden aikana, koska
perehdytys ja kotoutumisen tuki jäävät puutteellisiksi.
""",
        body="""
Kainuun hyvinvointialue on rekrytoinut sairaanhoitajia ja lähihoitajia ulkomailta (ks. idea
*Sairaanhoitajien rekrytointi ulkomailta*). Kokemusten perusteella pelkkä kielikoulutus ei
riitä, vaan hoitajat tarvitsevat tukea myös työyhteisössä ja arjessa.

Perehdytyspolussa on neljä vaihetta ensimmäisestä työpäivästä vuoden kohdalla pidettävään
arviointiin. Jokaiselle uudelle hoitajalle nimetään työpaikkamentori, ja myös työyhteisö saa
koulutusta monikulttuurisesta työstä.

## Tavoitteet

- Yhdeksän kymmenestä rekrytoidusta jatkaa alueella vuoden jälkeen
- Selkosuomen käyttö vakiintuu perehdytyksessä
- Perheitä tuetaan asumisessa ja varhaiskasvatuksessa

## Mitä haemme

Haemme ammattikorkeakoulua kehittämään kielikoulutusta kanssamme ja opiskelijoita tekemään
perehdytysaineistoa.
""",
    ),
    dict(
        title="Neuropsykiatrinen valmennus verkossa perheille",
        author="riikka.turunen@siunsote.example.fi",
        phase="testing",
        themes=["digi", "ennalt"],
        groups=["clients", "professionals"],
        tags=["nepsy", "lapsiperheet", "verkkovalmennus", "ennaltaehkäisy"],
        partners=["researcher"],
        summary="""
Perheet, joiden lapsella on neuropsykiatrisia haasteita, saavat kymmenen viikon valmennuksen
verkossa ilman diagnoosia tai lähetettä.
""",
        need="""
Nepsy-perheet jonottavat tukea kuukausia, ja arjen haasteet ehtivät kasautua ennen kuin apua
saadaan.
""",
        body="""
Pohjois-Karjalassa perheet odottavat neuropsykiatrista valmennusta keskimäärin puoli vuotta.
Verkkovalmennus on matalan kynnyksen tukea, johon perhe voi ilmoittautua itse.

Valmennus koostuu viikoittaisista videoista, tehtävistä ja ryhmätapaamisista verkossa.
Valmentajana toimii koulutettu nepsy-valmentaja, ja vanhemmat voivat keskustella myös
keskenään.

## Tavoitteet

- Perheet saavat tukea ennen kuin tilanne kriisiytyy
- Lähetteet lastenpsykiatriaan vähenevät
- Valmennus tavoittaa myös haja-asutusalueiden perheet

## Mitä haemme

Haemme tutkijaa arvioimaan valmennuksen vaikuttavuutta.
""",
    ),
    dict(
        title="Ikäihmisten vajaaravitsemuksen seulonta kotihoidossa",
        author="henrik.lindholm@itauusimaa.example.fi",
        phase="selection",
        themes=["ennalt"],
        groups=["clients", "professionals"],
        tags=["ravitsemus", "kotihoito", "ikäihmiset", "ennaltaehkäisy"],
        partners=["student"],
        summary="""
Kotihoidon asiakkaiden ravitsemustila arvioidaan säännöllisesti MNA-testillä, ja
vajaaravitsemuksen riskissä olevat ohjataan ravitsemusterapeutille.
""",
        need="""
Vajaaravitsemus jää kotihoidossa usein huomaamatta, vaikka se heikentää toimintakykyä ja
lisää kaatumisia.
""",
        body="""
Itä-Uudellamaalla arviolta kolmasosa kotihoidon asiakkaista on vajaaravitsemuksen riskissä.
Seulontaa tehdään nyt satunnaisesti, eikä tulos aina johda toimenpiteisiin.

Ehdotamme mallia, jossa jokaisen asiakkaan ravitsemustila arvioidaan puolen vuoden välein.
Riskissä olevien asiakkaiden kanssa laaditaan ravitsemussuunnitelma, ja heidän painoaan
seurataan kuukausittain. Malli toimii molemmilla kotimaisilla kielillä.

## Mitä haemme

Haemme ravitsemusalan opiskelijoita tekemään opinnäytetyön seulontamallin käyttöönotosta.
""",
    ),
    dict(
        title="Työkykykoordinaattori pitkillä sairauslomilla oleville",
        author="minna.hautala@hyvaep.example.fi",
        phase="testing",
        themes=["ennalt", "monial"],
        groups=["clients", "other_partners"],
        tags=["työkyky", "työllisyys", "mielenterveys", "palveluohjaus"],
        partners=["co_developer"],
        summary="""
Työkykykoordinaattori tukee pitkällä sairauslomalla olevia työikäisiä paluussa työhön yhdessä
työterveyshuollon, työllisyyspalvelujen ja työnantajan kanssa.
""",
        need="""
Pitkä sairausloma pitkittyy usein siksi, ettei kukaan koordinoi paluuta työhön eri
toimijoiden välillä.
""",
        body="""
Työikäisten pitkät sairauslomat ovat yleistyneet erityisesti mielenterveyssyistä. Moni
asiakas kertoo, ettei tiedä, kuka häntä auttaa: työterveyshuolto, työllisyyspalvelut vai
hyvinvointialueen sosiaalityö.

Kokeilussa työkykykoordinaattori ottaa yhteyttä asiakkaaseen, kun sairausloma on jatkunut 60
päivää, ja kokoaa yhteen tarvittavat toimijat. Suunnitelma tehdään yhdessä asiakkaan kanssa.

## Tavoitteet

- Työhön paluu nopeutuu
- Asiakas tietää, kuka vastaa hänen asiastaan
- Toimijoiden työnjako selkeytyy
""",
    ),
    dict(
        title="Sosiaalihuollon kirjaamisen vertaismentorit",
        author="ville.laine@hel.example.fi",
        phase="learnings",
        themes=["digi", "henkilosto"],
        groups=["professionals"],
        tags=["kirjaaminen", "sosiaalityö", "kanta-palvelut", "vertaismentorointi"],
        summary="""
Kokeneet sosiaalityöntekijät mentoroivat kollegoitaan rakenteisessa kirjaamisessa
sosiaalihuollon Kanta-palveluihin liittymisen aikana.
""",
        need="""
Sosiaalihuollon asiakastiedot siirtyvät Kanta-palveluihin, ja työntekijät tarvitsevat tukea
uusiin kirjaamiskäytäntöihin.
""",
        body="""
Helsingin sosiaalipalveluissa koulutettiin kahdeksantoista kirjaamisen vertaismentoria, jotka
tukivat kollegoitaan sosiaalihuollon Kanta-liittymisen aikana. Mentorit pitivät
kirjaamisklinikoita ja vastasivat kysymyksiin verkossa.

Hanke päättyi suunnitellusti, ja kirjaamisen tuki on nyt osa tavallista perehdytystä.

## Opittua

- Vertaisen neuvo madalsi kynnystä kysyä
- Mentorit tarvitsevat tehtävään työaikaa
- Valmiit esimerkkikirjaukset olivat suosituin tuki
""",
        archived_by="ville.laine@hel.example.fi",
    ),
    dict(
        title="Tekoälyratkaisujen eettinen arviointimalli",
        author="emilia.nystrom@novia.example.fi",
        phase="ideation",
        themes=["tekoaly"],
        groups=["professionals", "researchers", "companies"],
        tags=["tekoäly", "etiikka", "hankinnat"],
        partners=["pilot_site", "co_developer"],
        draft=True,
        summary="""
Luonnos: lyhyt arviointimalli, jolla hyvinvointialue voi arvioida tekoälyratkaisun eettiset
riskit ennen hankintaa tai kokeilua.
""",
        need="""
Hyvinvointialueille tarjotaan tekoälyratkaisuja nopeaan tahtiin, mutta eettistä arviointia ei
tehdä järjestelmällisesti.
""",
        body="""
Tekoälyä kokeillaan sosiaali- ja terveydenhuollossa kirjaamisessa, ajanvarauksessa ja riskien
tunnistamisessa. Ratkaisujen eettinen arviointi jää usein tietosuojan tarkistuksen varaan.

Luonnostelemme yhdessä opiskelijoiden kanssa arviointimallia, joka on kaksikielinen ja mahtuu
muutamalle sivulle.

## Arvioitavat asiat

- Läpinäkyvyys: tietääkö asiakas, että tekoäly on mukana?
- Oikeudenmukaisuus: toimiiko ratkaisu yhtä hyvin kaikille asiakasryhmille?
- Vastuu: kuka tekee lopullisen päätöksen?
- Seuranta: miten virheet havaitaan käytössä?
""",
    ),
    dict(
        title="Tvåspråkig digital familjecentral",
        author="johan.sundqvist@ovph.example.fi",
        phase="concretising",
        themes=["digi", "monial"],
        groups=["clients", "professionals"],
        tags=["familjecentral", "tvåspråkighet", "perhekeskus", "digipalvelut"],
        partners=["co_developer"],
        summary="""
Familjecentralens tjänster samlas på en tvåspråkig webbplats med chatt, tidsbokning och
gruppverksamhet på svenska och finska.
""",
        need="""
Svenskspråkiga familjer i Österbotten får inte alltid digital service på sitt modersmål, och
informationen om familjecentralens tjänster är splittrad.
""",
        body="""
Österbottens välfärdsområde har en stor andel svenskspråkiga familjer, men många digitala
tjänster har först utvecklats på finska. Vi vill bygga en digital familjecentral där alla
tjänster finns på båda språken från början.

Den digitala familjecentralen samlar rådgivningens, familjearbetets och socialarbetets
tjänster på ett ställe. Familjerna kan chatta med en hälsovårdare, boka tid och delta i
grupper på nätet.

## Mål

- All service på svenska och finska från första dagen
- Familjerna hittar rätt tjänst utan att ringa runt
- Modellen kan användas av andra tvåspråkiga välfärdsområden

## Vi söker

Vi söker andra tvåspråkiga välfärdsområden som vill utveckla tjänsten tillsammans med oss.
""",
    ),
    dict(
        title="Digistöd för äldre på biblioteken",
        author="camilla.holmstrom@porvoo.example.fi",
        phase="testing",
        themes=["ennalt", "digi"],
        groups=["clients", "other_partners"],
        tags=["digistöd", "äldre", "digituki", "ikäihmiset", "kirjastot"],
        summary="""
Bibliotekets digistödjare hjälper äldre att använda välfärdsområdets e-tjänster, Omakanta och
videomottagningar på svenska och finska.
""",
        need="""
Många äldre vill använda digitala social- och hälsovårdstjänster men har ingen som visar hur
de fungerar.
""",
        body="""
Borgå stadsbibliotek har erbjudit digistöd i två år. Nu utvidgar vi stödet till social- och
hälsovårdens e-tjänster tillsammans med Östra Nylands välfärdsområde.

Digistödjarna är bibliotekspersonal och frivilliga som har fått utbildning i
välfärdsområdets tjänster. Stödet ges på tu man hand, utan tidsbokning, två dagar i veckan.

## Erfarenheter hittills

- Över 300 handledningar under det första halvåret
- De vanligaste frågorna gällde Omakanta och tidsbokning på nätet
- Många besökare kom tillbaka med en vän
""",
    ),
    dict(
        title="Kriisiajan psykososiaalisen tuen valmiusverkosto",
        author="niko.hamalainen@vakehyva.example.fi",
        phase="selection",
        themes=["monial"],
        groups=["professionals", "other_partners"],
        tags=["kriisityö", "varautuminen", "sosiaalipäivystys", "järjestöt"],
        partners=["co_developer"],
        summary="""
Hyvinvointialue, järjestöt ja seurakunnat sopivat etukäteen, miten psykososiaalista tukea
annetaan suuronnettomuuden tai muun kriisin jälkeen.
""",
        need="""
Kriisitilanteissa tukea tarjoaa moni taho, mutta työnjako, yhteystiedot ja johtaminen
sovitaan vasta tilanteen aikana.
""",
        body="""
Vantaan ja Keravan hyvinvointialueen sosiaali- ja kriisipäivystys koordinoi psykososiaalista
tukea. Suuronnettomuudessa tarvitaan kuitenkin myös järjestöjen ja seurakuntien
vapaaehtoisia.

Ehdotamme valmiusverkostoa, jonka toimijat harjoittelevat yhdessä kerran vuodessa ja joilla
on yhteinen hälytysjärjestelmä. Malli voisi levitä muille alueille, sillä varautuminen koskee
kaikkia hyvinvointialueita.

## Mitä haemme

- Hyvinvointialueita, joilla on jo vastaava verkosto
- Järjestöjä mukaan harjoituksiin
""",
    ),
    dict(
        title="Innovatiiviset hankinnat ja markkinavuoropuhelu",
        author="tuomas.rautio@pohde.example.fi",
        phase="ideation",
        themes=["tki"],
        groups=["companies", "professionals"],
        tags=["hankinnat", "yritysyhteistyö", "tki", "markkinavuoropuhelu"],
        partners=["company", "co_developer"],
        draft=True,
        summary="""
Luonnos: hyvinvointialue kuvaa ongelman ennen hankintaa ja kutsuu yritykset
markkinavuoropuheluun ideoimaan ratkaisuja.
""",
        need="""
Hankinnat määritellään usein valmiin ratkaisun pohjalta, jolloin uudet ja paremmat ratkaisut
eivät pääse kilpailemaan.
""",
        body="""
Hyvinvointialueen tarjouspyyntö kuvaa yleensä tarkasti, millainen tuote tai palvelu
halutaan. Innovatiivisessa hankinnassa kuvataan sen sijaan ongelma ja tavoiteltu lopputulos,
ja yritykset ehdottavat ratkaisuja.

Suunnittelemme mallia, jossa TKI-yksikkö ja hankintapalvelut valmistelevat yhdessä kaksi
pilottihankintaa vuodessa. Markkinavuoropuhelut ovat avoimia kaikille yrityksille.

## Tavoitteet

- Kaksi innovatiivista pilottihankintaa vuodessa
- Pk-yritykset osallistuvat aiempaa enemmän
- Hankinnoista opittu jaetaan verkostossa
""",
    ),
    dict(
        title="Tyypin 2 diabeteksen ryhmävalmennus verkossa",
        author="tiina.korhonen@keusote.example.fi",
        phase="testing",
        themes=["ennalt", "digi"],
        groups=["clients", "professionals"],
        tags=["diabetes", "elintapaohjaus", "ryhmävalmennus", "etäpalvelut"],
        partners=["researcher"],
        summary="""
Tyypin 2 diabetesta sairastavat osallistuvat kahdeksan viikon ryhmävalmennukseen verkossa,
ja sitä ohjaavat diabeteshoitaja ja ravitsemusterapeutti.
""",
        need="""
Vastaanottoaikoja ei riitä elintapaohjaukseen, eikä moni diabeetikko pääse työaikana
kasvokkain järjestettäviin ryhmiin.
""",
        body="""
Keski-Uudellamaalla on yli 20 000 tyypin 2 diabetesta sairastavaa. Kokeilussa
ryhmävalmennus siirrettiin verkkoon, ja ryhmät kokoontuvat iltaisin.

Valmennuksessa käsitellään ravitsemusta, liikuntaa, unta ja lääkehoitoa. Osallistujat
mittaavat verensokeriaan kotona ja jakavat kokemuksiaan keskustelupalstalla.

## Tavoitteet

- Pitkäaikaisverensokeri (HbA1c) laskee puolen vuoden seurannassa
- Osallistujat kokevat hallitsevansa sairauttaan paremmin
- Vastaanottokäynnit vähenevät

## Mitä haemme

Haemme tutkijaa arvioimaan tuloksia ja vertaamaan niitä kasvokkain toteutettuihin ryhmiin.
""",
    ),
    dict(
        title="Paperisten lähetteiden korvaaminen sähköisillä",
        author="marjo.kallio@lapha.example.fi",
        phase="adoption",
        themes=["digi"],
        groups=["professionals"],
        tags=["lähetteet", "sähköiset palvelut", "tiedonhallinta"],
        summary="""
Terveyskeskusten ja keskussairaalan väliset paperiset lähetteet ja faksit korvataan
sähköisillä lähetteillä.
""",
        need="""
Faksilla ja postitse kulkevat lähetteet viivästyvät ja katoavat, ja niiden käsittely vie
sihteereiltä paljon aikaa.
""",
        body="""
Lapin hyvinvointialueella osa lähetteistä kulki vielä faksilla, etenkin yksityisiltä
palveluntuottajilta. Kokeilussa kaikki lähetteet siirrettiin sähköiseen järjestelmään, ja
faksit poistettiin käytöstä.

Muutos on nyt tehty koko alueella, ja idea siirretään arkistoon. Kokemukset on kuvattu
Innokylään.

## Opittua

- Yksityisille palveluntuottajille tarvittiin oma ohjeistus
- Lähetteiden käsittelyaika lyheni keskimäärin kahdella päivällä
""",
        archived_by="moderaattori@idealaari.example.fi",
    ),
]
