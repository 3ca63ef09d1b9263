#!/usr/bin/env python3
"""gen_drafts.py -- writes the sample drafts of tests/drafts/ in every format.

One text, several files: the test draft law (draft.*) and the 50-article
benchmark draft (draft50.*) are held below once, as data, and written as

  draft.xml      BWB toestand XML (toestand/wetgeving/wet-besluit/wettekst)
  draft-kst.xml  officiele-publicatie Kamerstuk (kamerstuk/stuk/voorstel-wet)
  draft.md       Markdown: "## Hoofdstuk", "### Artikel", "1.", "a.", "1°.", "-"
  draft.txt      plain text wrapped at 66 columns: "Artikel 1. Titel",
                 leden "1" without a dot, items "a)", "1°", "-" bullets

so that check_draft can assert that the XML reader and the draft parser,
two independent implementations, build the same tree from them.  The
generated files are committed; run this script again after editing the
text:  python3 tests/drafts/gen_drafts.py tests/drafts
"""
import os
import sys
import textwrap
from xml.sax.saxutils import escape

# ------------------------------------------------------------------ model
# article = (nr, title, blocks); block = ("al", text) | ("lid", nr, blocks)
#         | ("lijst", style, [(nr, blocks)])  style: letter|degree|bullet

def al(t):
    return ("al", t)

def lid(nr, *blocks):
    return ("lid", nr, list(blocks))

def lijst(style, *items):
    return ("lijst", style, [(nr, [al(t)] if isinstance(t, str) else list(t)) for nr, t in items])

DRAFT = {
    "title": "Regels over een tegemoetkoming in de kosten van mantelzorg "
             "(Wet tegemoetkoming mantelzorg)",
    "citeertitel": "Wet tegemoetkoming mantelzorg",
    "preamble": [
        "Allen, die deze zullen zien of horen lezen, saluut! doen te weten:",
        "Alzo Wij in overweging genomen hebben, dat het wenselijk is personen die "
        "langdurig en onbetaald zorg verlenen aan een hulpbehoevende in hun directe "
        "sociale omgeving, bij een laag inkomen tegemoet te komen in de kosten die "
        "zij daarvoor maken;",
        "Zo is het, dat Wij, de Afdeling advisering van de Raad van State gehoord, en "
        "met gemeen overleg der Staten-Generaal, hebben goedgevonden en verstaan, "
        "gelijk Wij goedvinden en verstaan bij deze:",
    ],
    "chapters": [
        ("1", "Algemene bepalingen", [
            ("1", "Begripsbepalingen", [
                al("In deze wet en de daarop berustende bepalingen wordt verstaan onder:"),
                lijst("letter",
                      ("a", "belanghebbende: de ingezetene die mantelzorg verleent aan een "
                            "persoon met wie hij geen gezamenlijke huishouding voert;"),
                      # word for word Awir, artikel 2, eerste lid, onderdeel b
                      ("b", "berekeningsjaar: het kalenderjaar waarop de tegemoetkoming "
                            "betrekking heeft;"),
                      ("c", "mantelzorg: langdurige en onbetaalde zorg van ten minste acht uur "
                            "per week aan een hulpbehoevende in de directe sociale omgeving;"),
                      # a reference to the Awir
                      ("d", "partner: de persoon bedoeld in artikel 3 van de Algemene wet "
                            "inkomensafhankelijke regelingen;"),
                      # word for word Awir, artikel 8, eerste lid
                      ("e", "toetsingsinkomen: het op het berekeningsjaar betrekking hebbende "
                            "inkomensgegeven;"),
                      # own wording
                      ("f", [al("vermogen: de waarde van de bezittingen verminderd met de "
                                "schulden van de belanghebbende en zijn partner op 1 januari "
                                "van het berekeningsjaar, met uitzondering van:"),
                             lijst("degree",
                                   ("1°", "de woning die de belanghebbende als hoofdverblijf "
                                          "ter beschikking staat;"),
                                   ("2°", "een aanspraak op een uitkering uit hoofde van een "
                                          "levensverzekering;"))]),
                      ("g", "Onze Minister: Onze Minister van Volksgezondheid, Welzijn en Sport."))]),
            ("2", "Recht op tegemoetkoming", [
                lid("1", al("De belanghebbende heeft recht op een tegemoetkoming in de kosten "
                            "van mantelzorg, indien:"),
                    lijst("letter",
                          ("a", "hij de leeftijd van achttien jaar heeft bereikt;"),
                          ("b", "hij gedurende het berekeningsjaar ten minste zes maanden "
                                "mantelzorg heeft verleend; en"),
                          ("c", "zijn toetsingsinkomen en dat van zijn partner tezamen niet meer "
                                "bedragen dan € 45.000."))),
                lid("2", al("Geen recht op een tegemoetkoming bestaat, indien het vermogen meer "
                            "bedraagt dan € 60.000.")),
                lid("3", al("In afwijking van het eerste lid, onderdeel a, heeft ook de "
                            "belanghebbende die de leeftijd van zestien jaar heeft bereikt recht "
                            "op een tegemoetkoming, indien hij mantelzorg verleent aan een ouder.")),
            ]),
        ]),
        ("2", "De tegemoetkoming", [
            ("3", "Hoogte", [
                lid("1", al("De tegemoetkoming bedraagt € 600 per berekeningsjaar.")),
                lid("2", al("De tegemoetkoming wordt verminderd met 5 procent van het bedrag "
                            "waarmee het toetsingsinkomen het bedrag van € 30.000 te boven gaat.")),
                lid("3", al("Bij ministeriële regeling kan het bedrag, genoemd in het eerste lid, "
                            "jaarlijks worden aangepast aan de ontwikkeling van de "
                            "consumentenprijsindex.")),
            ]),
            ("4", "Aanvraag", [
                lid("1", al("De tegemoetkoming wordt op aanvraag toegekend door Onze Minister.")),
                lid("2", al("De aanvraag wordt ingediend vóór 1 juli van het jaar volgend op het "
                            "berekeningsjaar.")),
                lid("3", al("Bij of krachtens algemene maatregel van bestuur worden regels gesteld "
                            "over de gegevens die bij de aanvraag worden verstrekt.")),
            ]),
            ("5", "Uitzonderingen", [
                al("Artikel 2 is niet van toepassing op de belanghebbende:"),
                lijst("bullet",
                      ("", "die voor de mantelzorg een vergoeding ontvangt uit een "
                           "persoonsgebonden budget;"),
                      ("", "die rechtens zijn vrijheid is ontnomen.")),
            ]),
            ("6", "Terugvordering", [
                al("Onze Minister kan een tegemoetkoming geheel of gedeeltelijk terugvorderen, "
                   "indien deze is toegekend op grond van onjuiste of onvolledige gegevens."),
            ]),
        ]),
        ("3", "Slotbepalingen", [
            ("7", "Evaluatie", [
                al("Onze Minister zendt binnen vijf jaar na de inwerkingtreding van deze wet aan "
                   "de Staten-Generaal een verslag over de doeltreffendheid en de effecten van "
                   "deze wet in de praktijk."),
            ]),
            ("8", "Inwerkingtreding", [
                al("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip."),
            ]),
            ("9", "Citeertitel", [
                al("Deze wet wordt aangehaald als: Wet tegemoetkoming mantelzorg."),
            ]),
        ]),
    ],
}

# ------------------------------------------------- the 50-article draft
# Ten chapters of five articles on the procedures of a (fictitious)
# subsidy scheme, phrased after the Algemene wet bestuursrecht and the
# Awir: application, decision, payment, obligations, recovery, supervision,
# enforcement, data, objection, final provisions.

SUBJECTS = [
    ("huurtoeslag", "de huurder", "de huurprijs"),
    ("kinderopvangtoeslag", "de ouder", "de kosten van kinderopvang"),
    ("zorgtoeslag", "de verzekerde", "de standaardpremie"),
    ("studietoeslag", "de student", "de studiekosten"),
    ("energietoeslag", "het huishouden", "de energiekosten"),
]

CHAPTERS = [
    ("Aanvraag", [
        ("Indiening", "{thing} wordt op aanvraag van {who} vastgesteld.",
         "De aanvraag wordt ingediend met gebruikmaking van een door Onze Minister vastgesteld formulier.",
         "Bij ministeriële regeling kunnen regels worden gesteld over de wijze waarop de aanvraag wordt ingediend."),
        ("Termijn", "De aanvraag voor {thing} wordt ingediend vóór 1 september van het jaar volgend op het berekeningsjaar.",
         "Een aanvraag die na het verstrijken van de termijn wordt ingediend, wordt niet in behandeling genomen, tenzij redelijkerwijs niet kan worden geoordeeld dat {who} in verzuim is geweest."),
    ]),
    ("Toekenning", [
        ("Beschikking", "Onze Minister beslist binnen acht weken na ontvangst van de aanvraag over {thing}.",
         "Onze Minister kan de beslissing voor ten hoogste acht weken verdagen.",
         "De beschikking vermeldt in ieder geval het bedrag van {thing} en het tijdvak waarop het betrekking heeft."),
        ("Voorschot", "Onze Minister kan aan {who} een voorschot op {thing} verlenen.",
         "Het voorschot wordt vastgesteld op basis van het naar verwachting in aanmerking te nemen toetsingsinkomen."),
    ]),
    ("Betaling", [
        ("Wijze van betaling", "{thing} wordt in maandelijkse termijnen betaald op een door {who} opgegeven betaalrekening.",
         "Betaling geschiedt uiterlijk op de vijftiende dag van de maand waarop de termijn betrekking heeft."),
        ("Verrekening", "Onze Minister kan een bedrag dat {who} verschuldigd is, verrekenen met {thing}.",
         "Verrekening vindt niet plaats voor zover daardoor het inkomen van {who} daalt beneden de beslagvrije voet, bedoeld in artikel 475d van het Wetboek van Burgerlijke Rechtsvordering."),
    ]),
    ("Verplichtingen", [
        ("Informatieplicht", "{who} doet aan Onze Minister onverwijld mededeling van alle feiten en omstandigheden waarvan redelijkerwijs duidelijk is dat zij van invloed kunnen zijn op {thing}.",
         "De mededeling wordt gedaan binnen vier weken nadat de wijziging zich heeft voorgedaan."),
        ("Medewerking", "{who} verleent desgevraagd alle medewerking die redelijkerwijs nodig is voor de uitvoering van deze wet.",),
    ]),
    ("Herziening en terugvordering", [
        ("Herziening", "Onze Minister kan de beschikking tot vaststelling van {thing} herzien indien blijkt dat deze onjuist is vastgesteld.",
         "De bevoegdheid tot herziening vervalt vijf jaren na afloop van het berekeningsjaar."),
        ("Terugvordering", "Hetgeen als gevolg van een herziening onverschuldigd is betaald, wordt teruggevorderd.",
         "Onze Minister kan geheel of gedeeltelijk afzien van terugvordering indien daarvoor dringende redenen aanwezig zijn."),
    ]),
    ("Toezicht", [
        ("Toezichthouders", "Met het toezicht op de naleving van het bepaalde bij of krachtens deze wet met betrekking tot {thing} zijn belast de bij besluit van Onze Minister aangewezen ambtenaren.",
         "Van een besluit als bedoeld in het eerste lid wordt mededeling gedaan door plaatsing in de Staatscourant."),
        ("Bevoegdheden", "De toezichthouders zijn bevoegd inlichtingen te vorderen van {who} en van ieder ander die betrokken is bij de uitvoering van deze wet.",),
    ]),
    ("Handhaving", [
        ("Bestuurlijke boete", "Onze Minister kan een bestuurlijke boete opleggen van ten hoogste € 5.000 aan {who} die opzettelijk of met grove schuld een verplichting als bedoeld in artikel {art} niet nakomt.",
         "Geen bestuurlijke boete wordt opgelegd indien het verwijt ontbreekt."),
        ("Last onder dwangsom", "Onze Minister is bevoegd tot oplegging van een last onder dwangsom ter handhaving van de verplichtingen die bij of krachtens deze wet zijn gesteld.",),
    ]),
    ("Gegevensverwerking", [
        ("Verstrekking van gegevens", "Het college van burgemeester en wethouders verstrekt Onze Minister kosteloos de gegevens die noodzakelijk zijn voor de vaststelling van {thing}.",
         "Bij of krachtens algemene maatregel van bestuur worden regels gesteld over de gegevens die worden verstrekt en over de wijze van verstrekking."),
        ("Burgerservicenummer", "Onze Minister gebruikt bij de uitvoering van deze wet het burgerservicenummer van {who} en van diens partner.",),
    ]),
    ("Rechtsbescherming", [
        ("Bezwaar", "Tegen een beschikking op grond van deze wet kan {who} bezwaar maken bij Onze Minister.",
         "In afwijking van artikel 6:7 van de Algemene wet bestuursrecht bedraagt de termijn voor het indienen van een bezwaarschrift twaalf weken."),
        ("Beroep", "In afwijking van artikel 8:1 van de Algemene wet bestuursrecht staat tegen een beschikking inzake {thing} geen beroep open, indien het bedrag minder dan € 50 bedraagt.",),
    ]),
    ("Overgangs- en slotbepalingen", [
        ("Overgangsrecht", "Op een aanvraag voor {thing} die is ingediend vóór de inwerkingtreding van deze wet, blijft het recht van toepassing zoals dat gold vóór dat tijdstip.",),
        ("Evaluatie", "Onze Minister zendt binnen vijf jaar na de inwerkingtreding van deze wet aan de Staten-Generaal een verslag over de doeltreffendheid en de effecten van de bepalingen inzake {thing} in de praktijk.",),
    ]),
]


def draft50():
    chapters = []
    art = 0
    first = {}
    for ci, (ctitle, templates) in enumerate(CHAPTERS, 1):
        arts = []
        for k in range(5):
            tmpl = templates[k % len(templates)]
            subj, who, cost = SUBJECTS[(ci + k) % len(SUBJECTS)]
            art += 1
            title = tmpl[0] if k < len(templates) else "%s %s" % (tmpl[0], subj)
            thing = "de " + subj
            fill = lambda s: s.format(thing=thing, who=who, art=first.get("Verplichtingen", 1))
            sentences = [fill(s) for s in tmpl[1:]]
            sentences = [s[0].upper() + s[1:] for s in sentences]
            if ctitle == "Verplichtingen" and "Verplichtingen" not in first:
                first["Verplichtingen"] = art
            if k == 0 and ci == 1:
                blocks = [al("In deze wet wordt verstaan onder:"),
                          lijst("letter",
                                ("a", "aanvraag: een verzoek om toekenning van een tegemoetkoming;"),
                                ("b", "berekeningsjaar: het kalenderjaar waarop de tegemoetkoming "
                                      "betrekking heeft;"),
                                ("c", "partner: de persoon bedoeld in artikel 3 van de Algemene wet "
                                      "inkomensafhankelijke regelingen;"),
                                ("d", "tegemoetkoming: " + ", ".join("de " + s[0] for s in SUBJECTS[:-1])
                                      + " of de " + SUBJECTS[-1][0] + ";"),
                                ("e", "Onze Minister: Onze Minister van Sociale Zaken en Werkgelegenheid."))]
                title = "Begripsbepalingen"
            elif len(sentences) == 1:
                blocks = [al(sentences[0] + (" Dit geldt ook voor %s die %s ontvangt." % (who, "een voorschot") if k >= len(templates) else ""))]
            else:
                blocks = [lid(str(i), al(s)) for i, s in enumerate(sentences, 1)]
                if k >= len(templates):
                    blocks.append(lid(str(len(sentences) + 1), al(
                        "Het %s lid is van overeenkomstige toepassing op %s die %s draagt, met dien verstande dat:" %
                        ("eerste", who, cost)),
                        lijst("letter",
                              ("a", "in plaats van %s wordt gelezen: de partner van %s;" % (who, who)),
                              ("b", "de termijnen worden verdubbeld."))))
            arts.append((str(art), title, blocks))
        chapters.append((str(ci), ctitle, arts))
    return {
        "title": "Regels over de uitvoering van inkomensafhankelijke tegemoetkomingen "
                 "(Uitvoeringswet tegemoetkomingen)",
        "citeertitel": "Uitvoeringswet tegemoetkomingen",
        "preamble": DRAFT["preamble"][:1] + [
            "Alzo Wij in overweging genomen hebben, dat het wenselijk is de uitvoering van "
            "inkomensafhankelijke tegemoetkomingen in één wet te regelen;"] + DRAFT["preamble"][2:],
        "chapters": chapters,
    }

# ---------------------------------------------------------------- writers

def x(t):
    return escape(t)

def xml_blocks(blocks, ind, out):
    for b in blocks:
        if b[0] == "al":
            out.append("%s<al>%s</al>" % (ind, x(b[1])))
        elif b[0] == "lid":
            out.append("%s<lid>" % ind)
            out.append("%s  <lidnr>%s</lidnr>" % (ind, b[1]))
            xml_blocks(b[2], ind + "  ", out)
            out.append("%s</lid>" % ind)
        else:
            out.append("%s<lijst type=\"%s\">" % (ind, "ongemarkeerd" if b[1] == "bullet" else "expliciet"))
            for nr, sub in b[2]:
                out.append("%s  <li>" % ind)
                # BWB keeps a bullet as the item's number
                out.append("%s    <li.nr>%s</li.nr>" % (ind, nr + "." if nr else "-"))
                xml_blocks(sub, ind + "    ", out)
                out.append("%s  </li>" % ind)
            out.append("%s</lijst>" % ind)

def xml_articles(d, ind, out):
    for cnr, ctitle, arts in d["chapters"]:
        out.append("%s<hoofdstuk>" % ind)
        out.append("%s  <kop><label>Hoofdstuk</label><nr>%s</nr><titel>%s</titel></kop>" % (ind, cnr, x(ctitle)))
        for anr, atitle, blocks in arts:
            out.append("%s  <artikel>" % ind)
            out.append("%s    <kop><label>Artikel</label><nr>%s</nr><titel>%s</titel></kop>" % (ind, anr, x(atitle)))
            xml_blocks(blocks, ind + "    ", out)
            out.append("%s  </artikel>" % ind)
        out.append("%s</hoofdstuk>" % ind)

def write_bwb(d):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<toestand inwerkingtreding="2027-01-01">',
           '  <wetgeving soort="wet">',
           '    <intitule>%s</intitule>' % x(d["title"]),
           '    <citeertitel>%s</citeertitel>' % x(d["citeertitel"]),
           '    <wet-besluit>',
           '      <aanhef>',
           '        <wij>Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, enz. enz. enz.</wij>',
           '        <considerans>']
    out += ['          <considerans.al>%s</considerans.al>' % x(p) for p in d["preamble"]]
    out += ['        </considerans>', '      </aanhef>', '      <wettekst>']
    xml_articles(d, "        ", out)
    out += ['      </wettekst>', '    </wet-besluit>', '  </wetgeving>', '</toestand>']
    return "\n".join(out) + "\n"

def write_kst(d):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="https://repository.officiele-overheidspublicaties.nl/Schema/OP/2012-04-13/xsd/op-xsd-2012-04-13.xsd">',
           '  <kamerstuk>',
           '    <kamerstukkop>',
           '      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>',
           '      <tekstregel inhoud="documenttype">Kamerstukken</tekstregel>',
           '    </kamerstukkop>',
           '    <dossier>',
           '      <titel>%s</titel>' % x(d["title"]),
           '    </dossier>',
           '    <stuk>',
           '      <titel>VOORSTEL VAN WET</titel>',
           '      <voorstel-wet>',
           '        <aanhef>',
           '          <wie>Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, enz. enz. enz.</wie>',
           '          <considerans>']
    out += ['            <considerans.al>%s</considerans.al>' % x(p) for p in d["preamble"]]
    out += ['          </considerans>', '        </aanhef>', '        <wettekst>']
    xml_articles(d, "          ", out)
    out += ['        </wettekst>', '      </voorstel-wet>', '    </stuk>', '  </kamerstuk>',
            '</officiele-publicatie>']
    # Kamerstukken come with CRLF line endings
    return "\r\n".join(out) + "\r\n"

def md_blocks(blocks, out, depth=0):
    for b in blocks:
        if b[0] == "al":
            out.append(b[1])
            out.append("")
        elif b[0] == "lid":
            first = True
            for sub in b[2]:
                if first and sub[0] == "al":
                    out.append("%s. %s" % (b[1], sub[1]))
                    out.append("")
                    first = False
                else:
                    md_blocks([sub], out, depth)
        else:
            for nr, sub in b[2]:
                mark = {"letter": nr + ".", "degree": nr + ".", "bullet": "-"}[b[1]]
                out.append("%s%s %s" % ("   " * depth, mark, sub[0][1]))
                md_blocks(sub[1:], out, depth + 1)
            out.append("")

def write_md(d):
    out = ["# " + d["title"], ""]
    for p in d["preamble"]:
        out += [p, ""]
    for ci, (cnr, ctitle, arts) in enumerate(d["chapters"]):
        out += ["## Hoofdstuk %s %s" % (cnr, ctitle), ""]
        for ai, (anr, atitle, blocks) in enumerate(arts):
            # both Markdown spellings of an article heading
            out += ["### Artikel %s %s" % (anr, atitle) if ai % 2 == 0
                    else "**Artikel %s. %s**" % (anr, atitle), ""]
            md_blocks(blocks, out)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"

def wrap(first, text, indent):
    return textwrap.wrap(text, 66, initial_indent=first, subsequent_indent=indent,
                         break_on_hyphens=False, break_long_words=False)

def txt_blocks(blocks, out, depth=0):
    for b in blocks:
        if b[0] == "al":
            out += wrap("", b[1], "")
            out.append("")
        elif b[0] == "lid":
            first = True
            for sub in b[2]:
                if first and sub[0] == "al":
                    out += wrap("%s " % b[1], sub[1], "  ")
                    first = False
                else:
                    txt_blocks([sub], out, depth)
            out.append("")
        else:
            for nr, sub in b[2]:
                mark = {"letter": nr + ")", "degree": nr, "bullet": "-"}[b[1]]
                ind = "    " * depth
                out += wrap(ind + mark + " ", sub[0][1], ind + "   ")
                txt_blocks(sub[1:], out, depth + 1)
                if out[-1] == "":
                    out.pop()
            out.append("")

def write_txt(d):
    out = wrap("", d["title"], "") + [""]
    for p in d["preamble"]:
        out += wrap("", p, "") + [""]
    for cnr, ctitle, arts in d["chapters"]:
        out += ["Hoofdstuk %s. %s" % (cnr, ctitle), ""]
        for anr, atitle, blocks in arts:
            out += ["Artikel %s. %s" % (anr, atitle), ""]
            txt_blocks(blocks, out)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"

def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = {
        "draft.xml": write_bwb(DRAFT), "draft-kst.xml": write_kst(DRAFT),
        "draft.md": write_md(DRAFT), "draft.txt": write_txt(DRAFT),
        "draft50.xml": write_bwb(draft50()), "draft50.md": write_md(draft50()),
    }
    for name, text in files.items():
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)

if __name__ == "__main__":
    main()
