"""The texts of the demo network's engagement: discussions, partner offers, follows and polls.

Plain data only; idealaari.demo.engagement turns it into rows through the services. People are
named by the part of their e-mail address before the @ (unique among the demo users), ideas by
their title. `days` counts back from the day the data is loaded; on an idea younger than its
oldest event, the idea's events are squeezed into its lifetime in the same order.

Comments and replies take Markdown. Optional keys of a comment: replies (same keys, one level
deep), follow (the commenter follows the idea right after posting), deleted (the author removes
it that many minutes later), hidden (a moderator hides it: by, hours later, reason).
"""

from __future__ import annotations

# The idea with the liveliest discussion (the README mentions it).
LIVELIEST = "Tekoälyavusteinen kirjaaminen vastaanotolla"

DISCUSSIONS: list[dict] = [
    dict(
        idea="Tekoälyavusteinen kirjaaminen vastaanotolla",
        comments=[
            dict(
                by="tiina.korhonen",
                days=140,
                follow=True,
                body="""
Kiinnostava kokeilu! Miten potilaan suostumus puheen käsittelyyn on ratkaistu? Meillä
Keusotessa tietosuojavastaava kysyi tätä ensimmäisenä, kun vastaavaa ehdotettiin.
""",
                replies=[
                    dict(
                        by="elina.saarinen",
                        days=139,
                        body="""
Hyvä kysymys. Potilaalta kysytään lupa vastaanoton alussa, ja ääni poistetaan heti, kun
luonnos on tehty. Tietosuojan vaikutustenarviointi (DPIA) on tehty, ja jaan sen mielelläni:
laita viestiä.
""",
                    ),
                    dict(
                        by="lauri.koivisto",
                        days=138,
                        body="""
Tarkennuksena yrityksen puolelta: ääntä ei tallenneta pysyvästi missään vaiheessa, ja
käsittely tapahtuu EU:n alueella. Tekninen kuvaus löytyy meiltä, jos tietohallinto tarvitsee
sen hankinnan tueksi.
""",
                    ),
                ],
            ),
            dict(
                by="jussi.lehtonen",
                days=110,
                body="""
Toimisiko tämä myös fysioterapian vastaanotoilla? Meillä Päijät-Hämeessä kirjaaminen vie
terapeuteilta ison osan päivästä, ja kuntoutuksen rakenteiset kirjaukset ovat erilaisia kuin
lääkärillä.
""",
                replies=[
                    dict(
                        by="elina.saarinen",
                        days=109,
                        body="""
Kokeilu on nyt rajattu lääkärin vastaanottoon, mutta seuraavassa vaiheessa on tarkoitus
kokeilla hoitajien ja terapeuttien vastaanotoilla. Kirjataan tämä toiveeksi!
""",
                    ),
                ],
            ),
            dict(
                by="leena.pulkkinen",
                days=24,
                follow=True,
                body="""
Meillä Kainuussa kirjaamisen viiveet ovat iso ongelma. **Kuinka paljon aikaa luonnoksen
tarkistaminen vie käytännössä?** Jos se vie yhtä kauan kuin itse kirjoittaminen, hyöty jää
pieneksi.
""",
                replies=[
                    dict(
                        by="elina.saarinen",
                        days=22,
                        body="""
Ensimmäisten viikkojen perusteella tarkistus vie keskimäärin 1–2 minuuttia käyntiä kohden,
kun kirjoittamiseen kului aiemmin 6–8 minuuttia. Luvut tarkentuvat, kun aineistoa kertyy
lisää.
""",
                    ),
                ],
            ),
            dict(
                by="jasen",
                days=6,
                follow=True,
                body="""
Meillä Pirkanmaalla kokeiltiin keväällä puheentunnistusta sanelussa. Suurimmat haasteet
olivat:

- murteet ja nopea puhe
- lääketieteen lyhenteet
- taustamelu päivystyksen vastaanotoilla

Miten malli on opetettu tunnistamaan termit?
""",
                replies=[
                    dict(
                        by="lauri.koivisto",
                        days=5,
                        body="""
Malli on hienosäädetty suomenkielisellä kliinisellä aineistolla, ja HUS:n kokeilussa
sanastoa täydennetään viikoittain lääkärien palautteesta. Murteet ovat edelleen haaste,
joten teidän kokemuksenne kiinnostavat meitä kovasti!
""",
                    ),
                    dict(
                        by="elina.saarinen",
                        days=4,
                        body="""
Kiitos Laura! Voisitko kertoa teidän kokeilustanne seuraavassa verkkoklinikassa? Tästä
olisi hyötyä monelle alueelle.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Hyvinvointialueiden yhteinen innovaatioalusta",
        comments=[
            dict(
                by="sofia.gronroos",
                days=150,
                follow=True,
                body="""
Tärkeää, että alusta toimii myös ruotsiksi. Pohjanmaalla moni kehittäjä tekee työtään
ruotsiksi, ja kaksikielisyys pitää huomioida alusta asti.
""",
                replies=[
                    dict(
                        by="moderaattori",
                        days=149,
                        body="""
Ehdottomasti. Käyttöliittymä tehdään suomeksi, ruotsiksi ja englanniksi, ja ideoita voi
kirjoittaa millä näistä kielistä tahansa.
""",
                    ),
                ],
            ),
            dict(
                by="jenni.virtanen",
                days=100,
                deleted=12,
                body="""
Kanta-Hämeessä aihiot ovat Teams-kanavalla. Kysyn vielä tietohallinnosta, voiko ne viedä
alustalle.
""",
            ),
            dict(
                by="marjo.kallio",
                days=60,
                follow=True,
                body="""
Lapissa toivotaan erityisesti hakua, joka löytää aiemmat kokeilut, jottei samaa tehdä
uudelleen. Yhteistyö Innokylän kanssa olisi luontevaa.
""",
                replies=[
                    dict(
                        by="mikko.heikkinen",
                        days=58,
                        body="""
Innokylän puolelta olemme valmiita miettimään, miten toimintamallien kuvaukset kulkisivat
alustojen välillä ilman kaksoistyötä. Otetaan tämä seuraavan tapaamisen asialistalle.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Matalan kynnyksen mielenterveyschat nuorille",
        comments=[
            dict(
                by="kirsi.jokinen",
                days=130,
                follow=True,
                body="""
Oulussa nuorisopalvelujen verkkonuorisotyö on päivystänyt iltaisin vuosia. Nuoret
kirjoittavat usein vasta myöhään illalla, joten kannattaa harkita aukioloa kello 22 asti.
""",
                replies=[
                    dict(
                        by="aleksi.heinonen",
                        days=129,
                        body="""
Kiitos, tämä on hyvä tieto! Suunnittelimme aukioloksi 18–21, mutta katsotaan kävijämääriä
ensimmäisen kuukauden jälkeen ja jatketaan tarvittaessa.
""",
                    ),
                ],
            ),
            dict(
                by="niko.hamalainen",
                days=45,
                body="""
Miten toimitaan, jos chatissa tulee esiin akuutti itsetuhoisuus ja nuori on nimetön? Meillä
sosiaali- ja kriisipäivystyksessä on tähän selkeä toimintaohje, jonka voin jakaa.
""",
                replies=[
                    dict(
                        by="eeva.lahtinen",
                        days=44,
                        body="""
Kiitos Niko, se olisi todella arvokas! Laitatko sen minulle sähköpostilla, niin liitetään
se chatin ohjeistukseen.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Kotihoidon etäkäynnit videoyhteydellä",
        comments=[
            dict(
                by="paivi.rantanen",
                days=125,
                follow=True,
                body="""
Satakunnassa mietitään samaa. Miten muistisairaat asiakkaat ovat pärjänneet videoyhteyden
kanssa?
""",
                replies=[
                    dict(
                        by="riikka.turunen",
                        days=124,
                        body="""
Vaihtelevasti. Lievässä muistisairaudessa hyvin, kun laite on valmiiksi päällä ja omainen
auttaa alussa. Keskivaikeassa vaiheessa etäkäynnit eivät ole korvanneet kotikäyntejä.
""",
                    ),
                ],
            ),
            dict(
                by="leena.pulkkinen",
                days=18,
                follow=True,
                body="""
Kainuussa välimatkat ovat vielä pidempiä. Voisimmeko saada mallin teidän laitehankinnan
kilpailutusasiakirjoista?
""",
                replies=[
                    dict(
                        by="riikka.turunen",
                        days=17,
                        body="Totta kai, lähetän ne sinulle tällä viikolla.",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Digitaalinen oirearvio ennen päivystystä",
        comments=[
            dict(
                by="elina.saarinen",
                days=140,
                follow=True,
                body="""
HUS:n alueella oirearvioita on käytetty Omaolossa. Kannattaa katsoa, voisiko sen päälle
rakentaa, ettei tehdä rinnakkaista työkalua.
""",
                replies=[
                    dict(
                        by="eeva.lahtinen",
                        days=138,
                        body="""
Hyvä huomio. Selvitämme Omaolon oirearvioiden käytön ensin. Toiveena on, että ohjaus omalle
terveysasemalle veisi suoraan ajanvaraukseen.
""",
                    ),
                ],
            ),
            dict(
                by="katariina.nieminen",
                days=3,
                body="""
Varsinais-Suomessa kiinnostaa erityisesti saariston näkökulma: oirearvio voisi ohjata myös
etävastaanotolle eikä vain terveysasemalle.
""",
            ),
        ],
    ),
    dict(
        idea="Omaishoitajan vapaapäivät joustavasti",
        comments=[
            dict(
                by="satu.miettinen",
                days=150,
                body="""
Etelä-Savossa omaishoitajat ovat toivoneet juuri tätä. Vertaistukiryhmissä on kerätty
kokemuksia, joita voin tuoda mukaan kehittämiseen.
""",
                replies=[
                    dict(
                        by="heli.manninen",
                        days=147,
                        body="Ihanaa! Tehdään tämä yhdessä, hyväksyin kumppanuustarjouksesi.",
                    ),
                ],
            ),
            dict(
                by="paivi.rantanen",
                days=9,
                body="""
Miten sijaishoitajan valitseminen itse toimisi käytännössä? Tarvitaanko toimeksiantosopimus
jokaisen sijaisen kanssa?
""",
                replies=[
                    dict(
                        by="heli.manninen",
                        days=8,
                        body="""
Ajatuksena on palveluseteli, jolla omaishoitaja valitsee sijaisen hyväksyttyjen
palveluntuottajien listalta. Toimeksiantosopimus jokaisen sijaisen kanssa olisi liian
raskas.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Ensihoidon ja sosiaalipäivystyksen yhteiset tehtävät",
        comments=[
            dict(
                by="ville.laine",
                days=130,
                body="""
Helsingissä kokeiltiin vastaavaa yöaikaan. Suurin hyöty tuli iäkkäistä yksin asuvista,
jotka olisivat muuten päätyneet päivystykseen.
""",
                replies=[
                    dict(
                        by="niko.hamalainen",
                        days=129,
                        body="""
Kiinnostavaa! Oliko teillä yhteinen kirjaamisjärjestelmä, vai kirjasiko kumpikin omaansa?
""",
                    ),
                ],
            ),
            dict(
                by="sanna.karkkainen",
                days=60,
                hidden=dict(
                    by="moderaattori",
                    hours=3,
                    reason=(
                        "Kommentissa oli tunnistettavia tietoja asiakkaasta. Kirjoita "
                        "tapausesimerkit niin, ettei kukaan ole tunnistettavissa."
                    ),
                ),
                body="""
Esimerkki viime tiistailta: Kempeleessä asuva 82-vuotias rouva soittaa hätäkeskukseen
lähes joka ilta, koska pelkää olla yksin. Tytär asuu Oulussa eikä ehdi käydä.
""",
            ),
        ],
    ),
    dict(
        idea="Päihdetyön vertaisohjaajat päivystykseen",
        comments=[
            dict(
                by="niko.hamalainen",
                days=110,
                follow=True,
                body="""
Vantaa-Keravalla tämä kiinnostaa, tarjosin päivystystämme pilottipaikaksi. Meillä samat
asiakkaat palaavat päivystykseen viikoittain.
""",
            ),
            dict(
                by="elina.saarinen",
                days=50,
                body="""
HUS:n päivystyksissä tätä on toivottu. Miten vertaisohjaajien omasta jaksamisesta
huolehditaan?
""",
                replies=[
                    dict(
                        by="janne.nurmi",
                        days=49,
                        body="""
Vertaisohjaajat työskentelevät aina pareittain ja saavat työnohjausta kahden viikon välein.
Lisäksi päivystyksessä on nimetty yhteyshenkilö, jolle voi soittaa vuoron aikana.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Yhteiskehittämisen työkalupakki hyvinvointialueille",
        comments=[
            dict(
                by="emma.lindroos",
                days=140,
                follow=True,
                body="""
Asiakasraatien ohjeet olisivat hyvä lisä työkalupakkiin. Varhassa on tehty raatilaisten
perehdytysmateriaali, jonka voin jakaa.
""",
                replies=[
                    dict(
                        by="mikko.heikkinen",
                        days=139,
                        body="Kiitos Emma, lisätään se työkalupakin osioon *Asiakkaat mukaan*!",
                    ),
                ],
            ),
            dict(
                by="helena.ojala",
                days=40,
                body="""
Ehdotan uutta osiota yhteistutkijuudesta: miten asiakkaat ja ammattilaiset voivat olla
mukana myös tutkimuksen tekemisessä eikä vain kehittämisessä.
""",
            ),
        ],
    ),
    dict(
        idea="Innovaatiolähettiläät jokaiseen työyksikköön",
        comments=[
            dict(
                by="kari.hakala",
                days=100,
                body="""
Eksotessa innovaatiolähettiläitä on nyt 40. Ilman työaikaa moni lähettiläs on jäänyt
passiiviseksi. Miten tämä on ratkaistu Pirkanmaalla?
""",
                replies=[
                    dict(
                        by="jasen",
                        days=99,
                        body="""
Meillä lähettiläällä on kaksi tuntia kuukaudessa kehittämisaikaa, ja tapaamme TKI-yksikön
kanssa kerran kuussa verkossa. Esihenkilöiden tuki on ollut ratkaisevaa.
""",
                    ),
                ],
            ),
            dict(
                by="antti.makela",
                days=7,
                follow=True,
                body="""
Keski-Suomessa aloitetaan vastaava malli ensi vuonna. Saisimmeko teidän lähettiläiden
perehdytysmateriaalin?
""",
            ),
        ],
    ),
    dict(
        idea="Puheentunnistus kotihoidon kirjaamisessa",
        comments=[
            dict(
                by="henrik.lindholm",
                days=60,
                follow=True,
                body="""
Toimiiko sovellus myös ruotsiksi? Itä-Uudellamaalla noin kolmannes kotihoidon asiakkaista on
ruotsinkielisiä.
""",
                replies=[
                    dict(
                        by="lauri.koivisto",
                        days=59,
                        body="""
Ruotsinkielinen malli on testauksessa, ja kaksikielinen alue olisi meille erinomainen
pilottipaikka!
""",
                    ),
                ],
            ),
            dict(
                by="paivi.rantanen",
                days=3,
                body="""
Satakunnan kotihoidossa on kiinnostusta, tarjosin pilottipaikkaa. Kerrotko, millaisia
puhelimia hoitajat tarvitsevat?
""",
            ),
        ],
    ),
    dict(
        idea="Yksinäisyyden vähentäminen ikäihmisillä",
        comments=[
            dict(
                by="pekka.aaltonen",
                days=65,
                body="""
Tampereella kulttuuriluotsit ovat saaneet yksinäisiä ikäihmisiä mukaan kulttuuritapahtumiin.
Vapaaehtoinen luotsi lähtee mukaan ensimmäisille kerroille, ja se madaltaa kynnystä paljon.
""",
            ),
        ],
    ),
    dict(
        idea="Kansainvälisesti rekrytoitujen hoitajien perehdytyspolku",
        comments=[
            dict(
                by="amina.hassan",
                days=150,
                body="""
Kotoutumisessa tärkeää on myös perheen tukeminen: puoliso ja lapset tarvitsevat oman
polkunsa. Monikielinen Kohtaamo voi auttaa tässä.
""",
                replies=[],
            ),
            dict(
                by="kari.hakala",
                days=35,
                follow=True,
                body="""
Eksotessa työpaikkamentorit saivat lyhyen koulutuksen kulttuurien kohtaamisesta, ja se
kannatti. Materiaali on vapaasti käytettävissä.
""",
            ),
        ],
    ),
    dict(
        idea="Etäkuntoutus aivoinfarktin jälkeen",
        comments=[
            dict(
                by="riikka.turunen",
                days=90,
                body="""
Pohjois-Karjalassa etäkotihoidon laitteet ovat jo monen asiakkaan kotona. Voisiko samoja
tabletteja käyttää myös kuntoutukseen?
""",
                replies=[
                    dict(
                        by="jussi.lehtonen",
                        days=88,
                        body="""
Hyvä ajatus! Sovellus toimii selaimessa, joten samat laitteet käyvät.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Sosiaalipalvelujen asiakasohjaus chatbotilla",
        comments=[
            dict(
                by="satu.miettinen",
                days=80,
                body="""
Kuinka usein chatbotin palvelutietoja päivitetään? Sosiaalipalveluissa muutoksia tulee
usein.
""",
                replies=[
                    dict(
                        by="tiina.korhonen",
                        days=79,
                        body="""
Palvelutiedot haetaan suoraan Suomi.fi-palvelutietovarannosta, joten ne päivittyvät samalla
kun palvelukuvaus.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Palvelutarpeen arviointi yhdellä lomakkeella",
        comments=[
            dict(
                by="jenni.virtanen",
                days=100,
                body="Kanta-Hämeessä on sama tavoite. Käytättekö RAI-arviointia pohjana?",
                replies=[
                    dict(
                        by="satu.miettinen",
                        days=98,
                        body="""
RAI on mukana, ja sosiaalihuollon osuus perustuu asiakastietomallin rakenteisiin, jotta
tiedot siirtyvät Kantaan.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Ikäihmisten kaatumisten ehkäisy liikuntaryhmillä",
        comments=[
            dict(
                by="minna.hautala",
                days=55,
                body="""
Onko kaatumisten vähenemistä pystytty mittaamaan? Etelä-Pohjanmaalla pohditaan, miten
vaikuttavuutta kannattaisi seurata.
""",
                replies=[
                    dict(
                        by="antti.makela",
                        days=54,
                        body="""
Seuraamme kaatumisen vuoksi päivystykseen tulleita yli 65-vuotiaita. Kahdessa vuodessa
määrä on laskenut noin 12 prosenttia ryhmiin osallistuneiden alueilla.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Hyvinvointia tukevat kotikäynnit 75 vuotta täyttäneille",
        comments=[
            dict(
                by="heli.manninen",
                days=60,
                body="""
Omaishoitajat kannattaa huomioida käynneillä: monella 75-vuotiaalla on hoidettavanaan
puoliso, eikä hän itse tunnista olevansa omaishoitaja.
""",
            ),
        ],
    ),
    dict(
        idea="Järjestöpiste sote-keskuksen aulaan",
        comments=[
            dict(
                by="minna.hautala",
                days=30,
                follow=True,
                body="""
Tämä kiinnostaa Etelä-Pohjanmaalla! Onko teillä sopimuspohjaa järjestöjen kanssa?
""",
            ),
        ],
    ),
    dict(
        idea="Tvåspråkig digital familjecentral",
        comments=[
            dict(
                by="camilla.holmstrom",
                days=100,
                follow=True,
                body="""
Mycket intressant! I Borgå finns samma behov. Har ni tänkt samarbeta med föreningar som
redan ordnar familjeverksamhet på svenska?
""",
                replies=[
                    dict(
                        by="johan.sundqvist",
                        days=98,
                        body="Ja, vi har diskuterat med föreningar i regionen. Hör gärna av dig!",
                    ),
                ],
            ),
            dict(
                by="maria.sjoberg",
                days=12,
                body="""
Västra Nyland följer gärna pilotprojektet. Kan vi få ta del av utvärderingen när den är
klar?
""",
            ),
        ],
    ),
    dict(
        idea="Digistöd för äldre på biblioteken",
        comments=[
            dict(
                by="henrik.lindholm",
                days=50,
                body="""
Vi har liknande verksamhet i Lovisa. Frivilliga digistödjare behöver handledning, hur har ni
ordnat det?
""",
            ),
        ],
    ),
    dict(
        idea="Tyypin 2 diabeteksen ryhmävalmennus verkossa",
        comments=[
            dict(
                by="anu.karjalainen",
                days=45,
                body="""
Onko ryhmässä huomioitu raskausdiabetesta sairastaneet? Heillä on suuri riski sairastua
tyypin 2 diabetekseen myöhemmin.
""",
            ),
        ],
    ),
    dict(
        idea="Neuropsykiatrinen valmennus verkossa perheille",
        comments=[
            dict(
                by="aleksi.heinonen",
                days=30,
                body="""
Pirkanmaalla nepsy-valmennuksen jonot ovat pitkät. Kuinka moni perhe on keskeyttänyt
valmennuksen verkossa?
""",
                replies=[
                    dict(
                        by="riikka.turunen",
                        days=2,
                        body="""
Anteeksi hidas vastaus! Keskeyttäneitä on ollut noin 8 prosenttia, selvästi vähemmän kuin
lähiryhmissä.
""",
                    ),
                ],
            ),
        ],
    ),
    dict(
        idea="Jälkihuoltonuorten digitaalinen tuki",
        comments=[
            dict(
                by="kirsi.jokinen",
                days=90,
                body="""
Oulun nuoriso-ohjaajilla on kokemusta nuorten kohtaamisesta verkossa. Kysykää nuorilta
itseltään, mitä kanavia he oikeasti käyttävät, ennen kuin sovellus rakennetaan.
""",
            ),
            dict(
                by="aleksi.heinonen",
                days=20,
                deleted=5,
                body="Kysyn tätä vielä meidän jälkihuollon tiimiltä.",
            ),
        ],
    ),
    dict(
        idea="TKI-toiminnan vaikuttavuuden mittaristo",
        comments=[
            dict(
                by="tuomas.rautio",
                days=60,
                body="""
Tärkeää olisi, että perusmittarit ovat samat kaikilla alueilla, jotta vertailu on mahdollista.
Verkosto voisi sopia yhteisistä perusmittareista.
""",
                replies=[
                    dict(
                        by="petri.huttunen",
                        days=58,
                        body="""
Samaa mieltä. Ehdotamme viittä yhteistä perusmittaria ja lisäksi aluekohtaisia mittareita.
Luonnos tulee kommentoitavaksi tänne.
""",
                    ),
                ],
            ),
        ],
    ),
]

# Partner offers from members of other organisations. answer: accepted or declined by an
# editor of the idea (with an optional note); co_editor: the author then makes the accepted
# co-developer a co-editor; withdrawn: the member withdraws the offer that many days ago.
OFFERS: list[dict] = [
    dict(
        idea="Kotihoidon etäkäynnit videoyhteydellä",
        by="petri.huttunen",
        role="researcher",
        days=120,
        message="""
Itä-Suomen yliopiston sosiaali- ja terveysjohtamisen laitos voisi tehdä kokeilusta
kustannusvaikuttavuusarvion. Meillä on Joensuun kampuksella gradun tekijä, jota aihe
kiinnostaa.
""",
        answer=dict(status="accepted", by="riikka.turunen", days=118, note="Tervetuloa mukaan!"),
    ),
    dict(
        idea="Matalan kynnyksen mielenterveyschat nuorille",
        by="kirsi.jokinen",
        role="co_developer",
        days=128,
        message="""
Oulun nuorisopalveluilla on kokemusta nuorten verkkopäivystyksestä. Voisimme kehittää
chatin ohjausmallia yhdessä ja tuoda mukaan nuorisotyön näkökulman.
""",
        answer=dict(status="accepted", by="eeva.lahtinen", days=126, note=""),
    ),
    dict(
        idea="Matalan kynnyksen mielenterveyschat nuorille",
        by="johanna.leinonen",
        role="student",
        days=4,
        message="""
Kaksi Metropolian sairaanhoitajaopiskelijaa voisi tehdä opinnäytetyön chatin
käyttäjäkokemuksista kevään aikana.
""",
    ),
    dict(
        idea="Tekoälyavusteinen kirjaaminen vastaanotolla",
        by="helena.ojala",
        role="researcher",
        days=80,
        message="""
Tampereen yliopiston terveystieteiden yksikkö voisi tutkia, miten kirjaamisen laatu ja
lääkärien kuormitus muuttuvat kokeilun aikana.
""",
        answer=dict(status="accepted", by="elina.saarinen", days=76, note=""),
    ),
    dict(
        idea="Tekoälyavusteinen kirjaaminen vastaanotolla",
        by="veera.mattila",
        role="company",
        days=60,
        message="""
Etäkaista Oy:n videovastaanottoalustaan voisi liittää saman kirjaustoiminnon, jolloin
kokeilu laajenisi etävastaanotoille.
""",
        answer=dict(
            status="declined",
            by="elina.saarinen",
            days=55,
            note="""
Kiitos tarjouksesta! Kokeilussa on jo yrityskumppani, ja etävastaanotot ovat mukana vasta
seuraavassa vaiheessa. Palataan asiaan silloin.
""",
        ),
    ),
    dict(
        idea="Hyvinvointialueiden yhteinen innovaatioalusta",
        by="antti.makela",
        role="co_developer",
        days=119,
        message="Keski-Suomen TKI-yksikkö lähtee kehittämään alustaa ja sen aihioiden tuontia.",
        answer=dict(status="accepted", by="moderaattori", days=115, note="Mahtavaa, kiitos!"),
    ),
    dict(
        idea="Hyvinvointialueiden yhteinen innovaatioalusta",
        by="emilia.nystrom",
        role="researcher",
        days=10,
        message="""
Novian TKI-yksikkö voisi arvioida alustan käyttöä ja sitä, syntyykö sen kautta uusia
alueiden välisiä kumppanuuksia.
""",
    ),
    dict(
        idea="Digitaalinen oirearvio ennen päivystystä",
        by="tiina.korhonen",
        role="pilot_site",
        days=100,
        message="Keusote voi pilotoida oirearviota kahdella terveysasemalla ja päivystyksessä.",
        answer=dict(status="accepted", by="eeva.lahtinen", days=97, note=""),
    ),
    dict(
        idea="Digitaalinen oirearvio ennen päivystystä",
        by="katariina.nieminen",
        role="pilot_site",
        days=3,
        message="""
Varha olisi kiinnostunut pilotoimaan oirearviota saariston terveyspisteissä yhdessä
etävastaanottojen kanssa.
""",
    ),
    dict(
        idea="Muistisairaiden turvallinen asuminen kotona",
        by="emilia.nystrom",
        role="researcher",
        days=140,
        message="""
Novian tutkijat voisivat haastatella omaisia ja kotihoidon hoitajia siitä, miten
hälytykset vaikuttavat arkeen. Haastattelut onnistuvat ruotsiksi ja suomeksi.
""",
        answer=dict(status="accepted", by="henrik.lindholm", days=135, note="Tack, välkommen!"),
    ),
    dict(
        idea="Sosiaalipalvelujen asiakasohjaus chatbotilla",
        by="ville.laine",
        role="pilot_site",
        days=90,
        message="Helsingin sosiaalineuvonta voisi testata chatbotia yhdessä toimipisteessä.",
        answer=dict(
            status="declined",
            by="tiina.korhonen",
            days=86,
            note="""
Kiitos! Tässä vaiheessa pilotti rajataan Keski-Uudellemaalle, koska chatbotin palvelutiedot
ovat alueen omia. Levitysvaiheessa palaamme mielellämme asiaan.
""",
        ),
    ),
    dict(
        idea="Yksinäisyyden vähentäminen ikäihmisillä",
        by="camilla.holmstrom",
        role="co_developer",
        days=118,
        message="""
Porvoon kaupungin kirjasto- ja kulttuuripalvelut voisivat kehittää kanssanne kaksikielisiä
kohtaamispaikkoja ikäihmisille.
""",
        answer=dict(status="accepted", by="minna.hautala", days=112, note=""),
    ),
    dict(
        idea="Yksinäisyyden vähentäminen ikäihmisillä",
        by="johanna.leinonen",
        role="student",
        days=100,
        message="""
Sosionomiopiskelijoiden projektiryhmä voisi suunnitella ja kokeilla ryhmätoimintaa.
""",
        withdrawn=95,
    ),
    dict(
        idea="Mielenterveyskuntoutujien työllistäminen",
        by="tommi.laaksonen",
        role="company",
        days=110,
        message="""
Kotivahti Oy voi tarjota IPS-valmennettaville työpaikkoja laitteiden asennus- ja
tukitehtävistä. Meillä on kokemusta osa-aikaisista aloituksista.
""",
        answer=dict(status="accepted", by="teemu.kangas", days=104, note=""),
    ),
    dict(
        idea="Palvelutarpeen arviointi yhdellä lomakkeella",
        by="paivi.rantanen",
        role="pilot_site",
        days=70,
        message="Satakunnan kotihoito pilotoi lomaketta kahdessa kotihoidon tiimissä.",
        answer=dict(status="accepted", by="satu.miettinen", days=66, note=""),
    ),
    dict(
        idea="Palvelutarpeen arviointi yhdellä lomakkeella",
        by="jenni.virtanen",
        role="co_developer",
        days=14,
        message="Oma Häme haluaa kehittää lomakkeen sosiaalihuollon osiota kanssanne.",
    ),
    dict(
        idea="Omaishoitajan vapaapäivät joustavasti",
        by="satu.miettinen",
        role="co_developer",
        days=150,
        message="""
Etelä-Savon omaishoidon tuen tiimi voi tuoda mukaan vertaistukiryhmien kokemukset ja
kehittää palvelusetelimallia kanssanne.
""",
        answer=dict(status="accepted", by="heli.manninen", days=148, note=""),
        co_editor=dict(by="heli.manninen", days=147),
    ),
    dict(
        idea="Omaishoitajan vapaapäivät joustavasti",
        by="marjo.kallio",
        role="pilot_site",
        days=69,
        message="Lapin hyvinvointialue voisi kokeilla tuntiperusteisia vapaita kahdessa kunnassa.",
    ),
    dict(
        idea="Päihdetyön vertaisohjaajat päivystykseen",
        by="niko.hamalainen",
        role="pilot_site",
        days=110,
        message="Vantaa-Keravan yhteispäivystys voi olla pilottipaikka syksystä alkaen.",
        answer=dict(status="accepted", by="janne.nurmi", days=105, note=""),
    ),
    dict(
        idea="Selkokielinen palveluopas maahanmuuttajaperheille",
        by="pekka.aaltonen",
        role="funder",
        days=90,
        message="""
Tampereen kaupungin hyvinvointisuunnitelman määrärahasta voisimme rahoittaa oppaan
käännökset arabiaksi ja somaliksi.
""",
        answer=dict(
            status="accepted",
            by="amina.hassan",
            days=84,
            note="Kiitos, tämä mahdollistaa kaksi uutta kieliversiota!",
        ),
    ),
    dict(
        idea="TKI-toiminnan vaikuttavuuden mittaristo",
        by="katariina.nieminen",
        role="pilot_site",
        days=60,
        message="Varhan TKI-yksikkö voisi testata mittaristoa tämän vuoden hankkeilla.",
        answer=dict(
            status="declined",
            by="petri.huttunen",
            days=57,
            note="""
Kiitos kiinnostuksesta! Ensimmäisen vaiheen kolme pilottialuetta on jo valittu. Kutsumme
Varhan mukaan toiseen vaiheeseen ensi vuonna.
""",
        ),
    ),
    dict(
        idea="Puheentunnistus kotihoidon kirjaamisessa",
        by="paivi.rantanen",
        role="pilot_site",
        days=3,
        message="Satakunnan kotihoito voisi pilotoida sovellusta kahdessa tiimissä keväällä.",
    ),
    dict(
        idea="Puheentunnistus kotihoidon kirjaamisessa",
        by="henrik.lindholm",
        role="pilot_site",
        days=2,
        message="""
Itä-Uusimaa tarjoutuu pilottialueeksi ruotsinkieliselle mallille. Meillä on kaksikielisiä
kotihoidon tiimejä Loviisassa ja Porvoossa.
""",
    ),
    dict(
        idea="Neuropsykiatrinen valmennus verkossa perheille",
        by="helena.ojala",
        role="researcher",
        days=6,
        message="""
Tampereen yliopiston terveystieteiden yksikkö voisi arvioida valmennuksen vaikuttavuutta
perheiden arjessa. Aineistoksi sopisivat valmennuksen alku- ja loppukyselyt.
""",
    ),
    dict(
        idea="Sairaanhoitajien rekrytointi ulkomailta",
        by="janne.nurmi",
        role="other",
        days=39,
        message="""
Arjen Voimavarat ry voi kouluttaa vapaaehtoisia tukihenkilöiksi, jotka auttavat uusia
hoitajia ja heidän perheitään arjen asioissa.
""",
    ),
]

# Members who follow an idea, without commenting on it (days ago). Authors follow their ideas
# and accepted partners theirs automatically; commenters marked follow=True above follow too.
IDEA_FOLLOWS: list[tuple[str, str, int]] = [
    ("helena.ojala", "Kotihoidon etäkäynnit videoyhteydellä", 160),
    ("lauri.koivisto", "Tekoälyavusteinen kirjaaminen vastaanotolla", 150),
    ("tommi.laaksonen", "Muistisairaiden turvallinen asuminen kotona", 150),
    ("moderaattori", "Yhteiskehittämisen työkalupakki hyvinvointialueille", 150),
    ("jasen", "Innovaatiolähettiläät jokaiseen työyksikköön", 150),
    ("jasen", "Digitaalinen oirearvio ennen päivystystä", 90),
    ("niko.hamalainen", "Matalan kynnyksen mielenterveyschat nuorille", 46),
    ("paivi.rantanen", "Puheentunnistus kotihoidon kirjaamisessa", 70),
    ("elina.saarinen", "Päihdetyön vertaisohjaajat päivystykseen", 50),
    ("jenni.virtanen", "Hyvinvointialueiden yhteinen innovaatioalusta", 99),
    ("kari.hakala", "Innovaatiolähettiläät jokaiseen työyksikköön", 100),
    ("aleksi.heinonen", "Neuropsykiatrinen valmennus verkossa perheille", 30),
    ("johanna.leinonen", "Kansainvälisesti rekrytoitujen hoitajien perehdytyspolku", 60),
    ("mikko.heikkinen", "Hyvinvointialueiden yhteinen innovaatioalusta", 140),
    ("sofia.gronroos", "Tvåspråkig digital familjecentral", 100),
    ("tiina.korhonen", "Digitaalinen oirearvio ennen päivystystä", 120),
    ("veera.mattila", "Tekoälyavusteinen kirjaaminen vastaanotolla", 65),
    ("olli.rasanen", "Terveydenhuollon hiilijalanjäljen pienentäminen", 80),
    ("emma.lindroos", "Asiakasraati digipalvelujen testaajaksi", 40),
]

# Members who follow a theme (by theme key) or an organisation (by organisation key or area
# code). They follow from the start, so they heard of every new idea there.
THEME_FOLLOWS: list[tuple[str, str]] = [
    ("jasen", "innost"),
    ("jasen", "tekoaly"),
    ("tiina.korhonen", "digi"),
    ("minna.hautala", "ennalt"),
    ("lauri.koivisto", "tekoaly"),
    ("helena.ojala", "yhteis"),
    ("kari.hakala", "henkilosto"),
    ("petri.huttunen", "tki"),
    ("eeva.lahtinen", "tki"),
    ("amina.hassan", "monial"),
    ("mikko.heikkinen", "yhteis"),
    ("heli.manninen", "ennalt"),
]
ORGANISATION_FOLLOWS: list[tuple[str, str]] = [
    ("helena.ojala", "pir"),
    ("lauri.koivisto", "hus"),
    ("eeva.lahtinen", "tuni"),
    ("riikka.turunen", "uef"),
    ("petri.huttunen", "pk"),
    ("johan.sundqvist", "novia"),
    ("tommi.laaksonen", "itu"),
    ("janne.nurmi", "tampere"),
    ("moderaattori", "thl"),
]

# Ideas that get more votes than the rest (title: votes); the others get 0-3.
POPULAR: dict[str, int] = {
    "Hyvinvointialueiden yhteinen innovaatioalusta": 15,
    "Tekoälyavusteinen kirjaaminen vastaanotolla": 13,
    "Matalan kynnyksen mielenterveyschat nuorille": 11,
    "Kotihoidon etäkäynnit videoyhteydellä": 10,
    "Yhteiskehittämisen työkalupakki hyvinvointialueille": 9,
    "Omaishoitajan vapaapäivät joustavasti": 8,
    "Digitaalinen oirearvio ennen päivystystä": 7,
    "Innovaatiolähettiläät jokaiseen työyksikköön": 6,
    "Päihdetyön vertaisohjaajat päivystykseen": 6,
    "Ensihoidon ja sosiaalipäivystyksen yhteiset tehtävät": 5,
}
OTHER_VOTES = (0, 1, 1, 1, 2, 2, 2, 3)

# Theme polls. Times are counted from the moment the data is loaded.
THEME_OPTIONS = [
    "Ennaltaehkäisevien sosiaali- ja terveyspalvelujen kehittäminen",
    "Sosiaali- ja terveydenhuollon digipalveluiden kehittäminen",
    "Monialaisten palvelujen kehittäminen sosiaali- ja terveydenhuollossa",
]

CLOSED_POLL = dict(
    question="Mikä teema seuraavaan verkkoklinikkaan?",
    description="""
Edellisen verkkoklinikan osallistujat ehdottivat tulevien tilaisuuksien aiheita ja
priorisoivat niitä. Ehdotuksista koottiin kolme teemaa, joista voit äänestää omaa
suosikkiasi. Eniten ääniä saanut teema on seuraavan verkkoklinikan aihe.
""",
    options=THEME_OPTIONS,
    created_days=36,
    opens_days=34,
    closes_days=20,
    votes=[13, 8, 5],  # per option, in order: the first wins
)

OPEN_POLL = dict(
    question="Mikä nostetaan kevätjuhlan pääteemaksi?",
    description="""
Kevätjuhlassa esitellään verkoston edellisen vuoden tuloksia ja haetaan yhdessä
inspiraatiota seuraavaan kauteen. Valitse teema, jonka ympärille juhlan ohjelma ja
esiteltävät kehittämistyöt kootaan.
""",
    options=[
        "Yhdessä kehittäminen yli aluerajojen",
        "Tekoäly ja tiedolla johtaminen arjen työssä",
        "Henkilöstön pitovoima ja työhyvinvointi",
    ],
    # A member's proposal from the proposal phase, accepted by a moderator.
    proposal=dict(by="emma.lindroos", label="Asiakkaat ja kokemusasiantuntijat kehittäjinä"),
    created_days=16,
    proposal_days=12,
    accepted_days=8,
    proposals_close_days=6,
    opens_days=4,
    closes_in_days=10,
    votes=[6, 4, 2, 5],  # the three options, then the accepted proposal
)

PROPOSAL_POLL = dict(
    question="Mikä teema alkuvuoden verkkoklinikkaan?",
    description="""
Ehdota teemaa alkuvuoden verkkoklinikkaan. Moderaattorit kokoavat ehdotukset äänestykseen,
joka avautuu viikon kuluttua.
""",
    options=[
        "Tekoäly ja tiedolla johtaminen",
        "TKI-toiminnan rakenteet hyvinvointialueilla",
    ],
    accepted=dict(by="kari.hakala", label="Henkilöstön saatavuus ja työhyvinvointi", hours=50),
    accepted_hours=30,
    pending=dict(
        by="leena.pulkkinen",
        label="Kansainvälisesti rekrytoitujen hoitajien kotoutuminen työyhteisöön",
        hours=20,
    ),
    created_hours=72,
    proposals_close_in_days=5,
    opens_in_days=7,
    closes_in_days=21,
)
