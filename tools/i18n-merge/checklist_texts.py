T = {
"Brussels Economy and Employment": ("Bruxelles Économie et Emploi", "Brussel Economie en Werkgelegenheid", "Brüssel Wirtschaft und Beschäftigung"),
"From the day Brussels Economy and Employment declares the application complete to the permit or the refusal.": (
 "Du jour où Bruxelles Économie et Emploi déclare la demande complète jusqu’à l’octroi du permis ou au refus.",
 "Vanaf de dag waarop Brussel Economie en Werkgelegenheid de aanvraag volledig verklaart tot de vergunning of de weigering.",
 "Vom Tag, an dem Brüssel Wirtschaft und Beschäftigung den Antrag für vollständig erklärt, bis zur Erlaubnis oder Ablehnung."),
"From the notification of the refusal by Brussels Economy and Employment.": (
 "À compter de la notification du refus par Bruxelles Économie et Emploi.",
 "Vanaf de kennisgeving van de weigering door Brussel Economie en Werkgelegenheid.",
 "Ab der Zustellung der Ablehnung durch Brüssel Wirtschaft und Beschäftigung."),
"The CV may be in English where the regional authority accepts it; no cited source says this authority does.": (
 "Le CV peut être en anglais si l’autorité régionale l’accepte ; aucune source citée ne dit que cette autorité l’accepte.",
 "Het cv mag in het Engels zijn als de gewestelijke overheid dat aanvaardt; geen geciteerde bron zegt dat deze overheid dat doet.",
 "Der Lebenslauf darf auf Englisch sein, wenn die regionale Behörde das annimmt; keine belegte Quelle sagt, dass diese Behörde es tut."),
"Employment authorisation application for an unlimited period and for all salaried professions, in French or Dutch.": (
 "Demande d’autorisation d’occupation à durée illimitée pour toutes les professions salariées, en français ou en néerlandais.",
 "Aanvraag van een arbeidsvergunning van onbepaalde duur voor alle beroepen in loondienst, in het Frans of het Nederlands.",
 "Antrag auf eine unbefristete Beschäftigungserlaubnis für alle unselbständigen Berufe, auf Französisch oder Niederländisch."),
"Evidence of the years of employment covered by a single permit or work permit.": (
 "Preuve des années d’emploi couvertes par un permis unique ou un permis de travail.",
 "Bewijs van de jaren tewerkstelling gedekt door een gecombineerde vergunning of een arbeidskaart.",
 "Nachweis der Beschäftigungsjahre, die durch eine kombinierte Erlaubnis oder eine Arbeitserlaubnis gedeckt sind."),
"From the day the regional authority confirms the file complete; an incomplete file restarts the clock (Directive 2011/98/EU art. 5(2), Cooperation Agreement of 2 February 2018).": (
 "À compter du jour où l’autorité régionale confirme que le dossier est complet ; un dossier incomplet fait repartir le délai (directive 2011/98/UE, art. 5, § 2 ; accord de coopération du 2 février 2018).",
 "Vanaf de dag waarop de gewestelijke overheid het dossier volledig verklaart; een onvolledig dossier laat de termijn opnieuw lopen (richtlijn 2011/98/EU, art. 5, lid 2; samenwerkingsakkoord van 2 februari 2018).",
 "Ab dem Tag, an dem die regionale Behörde die Vollständigkeit bestätigt; ein unvollständiges Dossier lässt die Frist neu beginnen (Richtlinie 2011/98/EU, Art. 5 Abs. 2; Zusammenarbeitsabkommen vom 2. Februar 2018)."),
"Administrative appeal against a refusal of the work part, from the notification; the Brussels authority's own page gives the same 30 days for the unlimited permit (seed brussels-unlimited-single-permit).": (
 "Recours administratif contre un refus du volet travail, à compter de la notification ; la page de l’autorité bruxelloise donne les mêmes 30 jours pour le permis illimité (seed brussels-unlimited-single-permit).",
 "Administratief beroep tegen een weigering van het arbeidsluik, vanaf de kennisgeving; de eigen pagina van de Brusselse overheid geeft dezelfde 30 dagen voor de onbeperkte vergunning (seed brussels-unlimited-single-permit).",
 "Verwaltungsbeschwerde gegen eine Ablehnung des Arbeitsteils, ab der Zustellung; die eigene Seite der Brüsseler Behörde nennt dieselben 30 Tage für die unbefristete Erlaubnis (seed brussels-unlimited-single-permit)."),
"The renewal is for continued employment; the contract shows its duration.": (
 "Le renouvellement vaut pour la poursuite de l’emploi ; le contrat en montre la durée.",
 "De verlenging geldt voor de voortzetting van de tewerkstelling; het contract toont de duur.",
 "Die Verlängerung gilt für die Fortsetzung der Beschäftigung; der Vertrag zeigt deren Dauer."),
"Valid for the whole stay.": ("Valable pour tout le séjour.", "Geldig voor het hele verblijf.", "Gültig für den gesamten Aufenthalt."),
"An employer outside Belgium files through a Belgian representative with a mandate (Mahis).": (
 "Un employeur établi hors de Belgique introduit la demande par un représentant belge muni d’un mandat (Mahis).",
 "Een werkgever buiten België dient in via een Belgische vertegenwoordiger met een mandaat (Mahis).",
 "Ein Arbeitgeber außerhalb Belgiens reicht über einen belgischen Vertreter mit Vollmacht ein (Mahis)."),
"EU Blue Card": ("carte bleue européenne", "Europese blauwe kaart", "Blaue Karte EU"),
"highly qualified worker": ("travailleur hautement qualifié", "hooggeschoolde werknemer", "hochqualifizierte Fachkraft"),
"Indexed every January; no cited source gives the 2025 figure.": (
 "Indexé chaque année en janvier ; aucune source citée ne donne le montant de 2025.",
 "Elk jaar in januari geïndexeerd; geen geciteerde bron geeft het bedrag voor 2025.",
 "Jedes Jahr im Januar indexiert; keine belegte Quelle nennt den Betrag für 2025."),
"Indexed every January; no cited source gives the 2026 figure.": (
 "Indexé chaque année en janvier ; aucune source citée ne donne le montant de 2026.",
 "Elk jaar in januari geïndexeerd; geen geciteerde bron geeft het bedrag voor 2026.",
 "Jedes Jahr im Januar indexiert; keine belegte Quelle nennt den Betrag für 2026."),
"intra-corporate transferee": ("travailleur détaché intragroupe", "binnen een onderneming overgeplaatste werknemer", "unternehmensintern transferierter Arbeitnehmer"),
"The overview says intra-corporate transferees have their own minimum; no cited source gives the figure.": (
 "L’aperçu indique que les travailleurs détachés intragroupe ont leur propre minimum ; aucune source citée n’en donne le montant.",
 "Het overzicht zegt dat binnen een onderneming overgeplaatste werknemers een eigen minimum hebben; geen geciteerde bron geeft het bedrag.",
 "Die Übersicht sagt, dass unternehmensintern transferierte Arbeitnehmer ein eigenes Minimum haben; keine belegte Quelle nennt den Betrag."),
"Signed by both parties, stating salary, function and duration, on terms equal to Belgian workers'.": (
 "Signé par les deux parties, mentionnant le salaire, la fonction et la durée, à des conditions égales à celles des travailleurs belges.",
 "Ondertekend door beide partijen, met vermelding van loon, functie en duur, op voorwaarden gelijk aan die van Belgische werknemers.",
 "Von beiden Parteien unterschrieben, mit Angabe von Gehalt, Funktion und Dauer, zu den gleichen Bedingungen wie für belgische Arbeitnehmer."),
"Duties, place of work, hours and required qualifications; used to decide whether a labour-market test applies.": (
 "Tâches, lieu de travail, horaire et qualifications requises ; sert à décider si un examen du marché de l’emploi s’applique.",
 "Taken, werkplaats, uurrooster en vereiste kwalificaties; bepaalt of een arbeidsmarkttoets van toepassing is.",
 "Aufgaben, Arbeitsort, Arbeitszeiten und erforderliche Qualifikationen; entscheidet, ob eine Arbeitsmarktprüfung gilt."),
"Recent ONSS/RSZ good-standing attestation of the employer.": (
 "Attestation ONSS récente établissant que l’employeur est en règle.",
 "Recent RSZ-attest dat de werkgever in orde is.",
 "Aktuelle LSS-Bescheinigung, dass der Arbeitgeber seinen Verpflichtungen nachkommt."),
"BCE/KBO extract evidencing the employer's legal identity and registration.": (
 "Extrait de la BCE établissant l’identité juridique et l’inscription de l’employeur.",
 "KBO-uittreksel dat de juridische identiteit en de inschrijving van de werkgever aantoont.",
 "ZDU-Auszug, der die rechtliche Identität und Eintragung des Arbeitgebers belegt."),
"Identity pages and any current visa; valid for the whole stay.": (
 "Pages d’identité et visa en cours éventuel ; valable pour tout le séjour.",
 "Identiteitspagina’s en een eventueel lopend visum; geldig voor het hele verblijf.",
 "Identitätsseiten und ein etwaiges gültiges Visum; gültig für den gesamten Aufenthalt."),
"The qualifying diploma or qualification evidence.": (
 "Le diplôme requis ou la preuve de la qualification.",
 "Het vereiste diploma of bewijs van kwalificatie.",
 "Das erforderliche Diplom oder der Qualifikationsnachweis."),
"A detailed CV without gaps.": ("Un CV détaillé sans lacunes.", "Een gedetailleerd cv zonder hiaten.", "Ein ausführlicher Lebenslauf ohne Lücken."),
"Issued by a doctor approved by the Belgian mission.": (
 "Délivré par un médecin agréé par le poste diplomatique belge.",
 "Afgegeven door een arts erkend door de Belgische diplomatieke post.",
 "Ausgestellt von einem von der belgischen Auslandsvertretung zugelassenen Arzt."),
"Criminal record certificate of the country of residence, apostilled or legalised, translated, at most six months old.": (
 "Extrait de casier judiciaire du pays de résidence, apostillé ou légalisé, traduit, datant de six mois au plus.",
 "Uittreksel uit het strafregister van het land van verblijf, met apostille of gelegaliseerd, vertaald, hoogstens zes maanden oud.",
 "Strafregisterauszug des Wohnsitzlandes, apostilliert oder legalisiert, übersetzt, höchstens sechs Monate alt."),
"The general route is subject to the labour-market test (exempt: shortage occupation, EU Blue Card, intra-corporate transferee, researcher, highly qualified).": (
 "La catégorie générale est soumise à l’examen du marché de l’emploi (exemptés : fonction critique, carte bleue européenne, travailleur détaché intragroupe, chercheur, hautement qualifié).",
 "De algemene categorie is onderworpen aan de arbeidsmarkttoets (vrijgesteld: knelpuntberoep, Europese blauwe kaart, binnen een onderneming overgeplaatste werknemer, onderzoeker, hooggeschoold).",
 "Die allgemeine Kategorie unterliegt der Arbeitsmarktprüfung (befreit: Mangelberuf, Blaue Karte EU, unternehmensintern transferierter Arbeitnehmer, Forscher, hochqualifiziert)."),
"Hosting agreement with an accredited Belgian research organisation (Directive 2016/801).": (
 "Convention d’accueil avec un organisme de recherche belge agréé (directive 2016/801).",
 "Gastovereenkomst met een erkende Belgische onderzoeksorganisatie (richtlijn 2016/801).",
 "Aufnahmevereinbarung mit einer zugelassenen belgischen Forschungseinrichtung (Richtlinie 2016/801)."),
"The four-month ceiling of Directive 2011/98/EU (art. 5(2)) is for single permits; no cited source gives one for a work authorisation (Type B).": (
 "Le plafond de quatre mois de la directive 2011/98/UE (art. 5, § 2) vaut pour les permis uniques ; aucune source citée n’en donne un pour une autorisation de travail (type B).",
 "De maximumtermijn van vier maanden van richtlijn 2011/98/EU (art. 5, lid 2) geldt voor gecombineerde vergunningen; geen geciteerde bron geeft er een voor een arbeidsvergunning (type B).",
 "Die Höchstfrist von vier Monaten der Richtlinie 2011/98/EU (Art. 5 Abs. 2) gilt für kombinierte Erlaubnisse; keine belegte Quelle nennt eine für eine Arbeitserlaubnis (Typ B)."),
"The cited 30 days concern the work part of a single permit; no cited source gives the window for a work authorisation in Brussels.": (
 "Les 30 jours cités concernent le volet travail d’un permis unique ; aucune source citée ne donne le délai pour une autorisation de travail à Bruxelles.",
 "De geciteerde 30 dagen gaan over het arbeidsluik van een gecombineerde vergunning; geen geciteerde bron geeft de termijn voor een arbeidsvergunning in Brussel.",
 "Die belegten 30 Tage betreffen den Arbeitsteil einer kombinierten Erlaubnis; keine belegte Quelle nennt die Frist für eine Arbeitserlaubnis in Brüssel."),
"Signed by both parties, stating salary, function and duration.": (
 "Signé par les deux parties, mentionnant le salaire, la fonction et la durée.",
 "Ondertekend door beide partijen, met vermelding van loon, functie en duur.",
 "Von beiden Parteien unterschrieben, mit Angabe von Gehalt, Funktion und Dauer."),
"Identity pages; valid for the whole stay.": (
 "Pages d’identité ; valable pour tout le séjour.",
 "Identiteitspagina’s; geldig voor het hele verblijf.",
 "Identitätsseiten; gültig für den gesamten Aufenthalt."),
"Departement Werk en Sociale Economie": (
 "Departement Werk en Sociale Economie (département Emploi et Économie sociale de la Région flamande)",
 "Departement Werk en Sociale Economie",
 "Departement Werk en Sociale Economie (Departement Arbeit und Sozialwirtschaft der Flämischen Region)"),
"From the day the regional authority confirms the file complete; an incomplete file restarts the clock (Directive 2011/98/EU art. 5(2), Cooperation Agreement of 2 February 2018). The permanent single permit is a single permit; this region's own page for it is not cited.": (
 "À compter du jour où l’autorité régionale confirme que le dossier est complet ; un dossier incomplet fait repartir le délai (directive 2011/98/UE, art. 5, § 2 ; accord de coopération du 2 février 2018). Le permis unique à durée illimitée est un permis unique ; la page de cette région à son sujet n’est pas citée.",
 "Vanaf de dag waarop de gewestelijke overheid het dossier volledig verklaart; een onvolledig dossier laat de termijn opnieuw lopen (richtlijn 2011/98/EU, art. 5, lid 2; samenwerkingsakkoord van 2 februari 2018). De gecombineerde vergunning van onbepaalde duur is een gecombineerde vergunning; de eigen pagina van dit gewest erover wordt niet geciteerd.",
 "Ab dem Tag, an dem die regionale Behörde die Vollständigkeit bestätigt; ein unvollständiges Dossier lässt die Frist neu beginnen (Richtlinie 2011/98/EU, Art. 5 Abs. 2; Zusammenarbeitsabkommen vom 2. Februar 2018). Die unbefristete kombinierte Erlaubnis ist eine kombinierte Erlaubnis; die eigene Seite dieser Region dazu wird nicht belegt."),
"No cited source gives the appeal window of the Departement Werk en Sociale Economie; the type-b guide says other regions publish their own windows. Check the refusal letter.": (
 "Aucune source citée ne donne le délai de recours du Departement Werk en Sociale Economie ; le guide type B indique que les autres régions publient leurs propres délais. Vérifiez la lettre de refus.",
 "Geen geciteerde bron geeft de beroepstermijn van het Departement Werk en Sociale Economie; de gids over type B zegt dat andere gewesten hun eigen termijnen publiceren. Kijk de weigeringsbrief na.",
 "Keine belegte Quelle nennt die Widerspruchsfrist des Departement Werk en Sociale Economie; der Leitfaden zu Typ B sagt, dass andere Regionen eigene Fristen veröffentlichen. Prüfen Sie das Ablehnungsschreiben."),
"The employee must demonstrate the years worked with a fixed-term single permit.": (
 "Le travailleur doit démontrer les années travaillées sous permis unique à durée déterminée.",
 "De werknemer moet de jaren aantonen die hij met een gecombineerde vergunning van bepaalde duur heeft gewerkt.",
 "Der Arbeitnehmer muss die mit einer befristeten kombinierten Erlaubnis gearbeiteten Jahre nachweisen."),
"These are the conditions of art. 16 of the royal decree of 9 June 1999 as the Brussels page states them; the seeds say conditions may vary by region and no page of the Departement Werk en Sociale Economie is cited. Confirm them with the authority.": (
 "Ce sont les conditions de l’art. 16 de l’arrêté royal du 9 juin 1999 telles que la page bruxelloise les énonce ; les sources indiquent que les conditions peuvent varier selon la région et aucune page du Departement Werk en Sociale Economie n’est citée. Confirmez-les auprès de l’autorité.",
 "Dit zijn de voorwaarden van art. 16 van het koninklijk besluit van 9 juni 1999 zoals de Brusselse pagina ze vermeldt; de bronnen zeggen dat de voorwaarden per gewest kunnen verschillen en er wordt geen pagina van het Departement Werk en Sociale Economie geciteerd. Bevestig ze bij de overheid.",
 "Dies sind die Bedingungen von Art. 16 des Königlichen Erlasses vom 9. Juni 1999, wie die Brüsseler Seite sie angibt; die Quellen sagen, dass die Bedingungen je nach Region abweichen können, und keine Seite des Departement Werk en Sociale Economie wird belegt. Bestätigen Sie sie bei der Behörde."),
"highly qualified worker aged 30 or more": ("travailleur hautement qualifié de 30 ans ou plus", "hooggeschoolde werknemer van 30 jaar of ouder", "hochqualifizierte Fachkraft ab 30 Jahren"),
"Same figure on agii.be (hooggeschoolde). A worker turning 30 during the permit needs a contract clause raising the salary.": (
 "Même montant sur agii.be (hooggeschoolde). Un travailleur qui atteint 30 ans pendant le permis a besoin d’une clause du contrat qui relève le salaire.",
 "Zelfde bedrag op agii.be (hooggeschoolde). Een werknemer die tijdens de vergunning 30 wordt, heeft een contractclausule nodig die het loon optrekt.",
 "Gleicher Betrag auf agii.be (hooggeschoolde). Ein Arbeitnehmer, der während der Erlaubnis 30 wird, braucht eine Vertragsklausel, die das Gehalt anhebt."),
"highly qualified worker under 30 (80 %), or nurse": ("travailleur hautement qualifié de moins de 30 ans (80 %), ou infirmier", "hooggeschoolde werknemer jonger dan 30 (80 %), of verpleegkundige", "hochqualifizierte Fachkraft unter 30 Jahren (80 %) oder Pflegekraft"),
"Ministerium der Deutschsprachigen Gemeinschaft": (
 "Ministerium der Deutschsprachigen Gemeinschaft (ministère de la Communauté germanophone)",
 "Ministerium der Deutschsprachigen Gemeinschaft (ministerie van de Duitstalige Gemeenschap)",
 "Ministerium der Deutschsprachigen Gemeinschaft"),
"No cited source gives the appeal window of the Ministerium der Deutschsprachigen Gemeinschaft; the type-b guide says other regions publish their own windows. Check the refusal letter.": (
 "Aucune source citée ne donne le délai de recours du Ministerium der Deutschsprachigen Gemeinschaft ; le guide type B indique que les autres régions publient leurs propres délais. Vérifiez la lettre de refus.",
 "Geen geciteerde bron geeft de beroepstermijn van het Ministerium der Deutschsprachigen Gemeinschaft; de gids over type B zegt dat andere gewesten hun eigen termijnen publiceren. Kijk de weigeringsbrief na.",
 "Keine belegte Quelle nennt die Widerspruchsfrist des Ministeriums der Deutschsprachigen Gemeinschaft; der Leitfaden zu Typ B sagt, dass andere Regionen eigene Fristen veröffentlichen. Prüfen Sie das Ablehnungsschreiben."),
"These are the conditions of art. 16 of the royal decree of 9 June 1999 as the Brussels page states them; the seeds say conditions may vary by region and no page of the Ministerium der Deutschsprachigen Gemeinschaft is cited. Confirm them with the authority.": (
 "Ce sont les conditions de l’art. 16 de l’arrêté royal du 9 juin 1999 telles que la page bruxelloise les énonce ; les sources indiquent que les conditions peuvent varier selon la région et aucune page du Ministerium der Deutschsprachigen Gemeinschaft n’est citée. Confirmez-les auprès de l’autorité.",
 "Dit zijn de voorwaarden van art. 16 van het koninklijk besluit van 9 juni 1999 zoals de Brusselse pagina ze vermeldt; de bronnen zeggen dat de voorwaarden per gewest kunnen verschillen en er wordt geen pagina van het Ministerium der Deutschsprachigen Gemeinschaft geciteerd. Bevestig ze bij de overheid.",
 "Dies sind die Bedingungen von Art. 16 des Königlichen Erlasses vom 9. Juni 1999, wie die Brüsseler Seite sie angibt; die Quellen sagen, dass die Bedingungen je nach Region abweichen können, und keine Seite des Ministeriums der Deutschsprachigen Gemeinschaft wird belegt. Bestätigen Sie sie bei der Behörde."),
"The type-b guide says each region sets the threshold; no cited source gives the figure of the German-speaking Community.": (
 "Le guide type B indique que chaque région fixe le seuil ; aucune source citée ne donne le montant de la Communauté germanophone.",
 "De gids over type B zegt dat elk gewest de drempel bepaalt; geen geciteerde bron geeft het bedrag van de Duitstalige Gemeenschap.",
 "Der Leitfaden zu Typ B sagt, dass jede Region die Schwelle festlegt; keine belegte Quelle nennt den Betrag der Deutschsprachigen Gemeinschaft."),
"SPW, Direction de l'Emploi et des Permis de travail": (
 "SPW, Direction de l'Emploi et des Permis de travail",
 "SPW, Direction de l'Emploi et des Permis de travail (Waalse directie Werkgelegenheid en Arbeidsvergunningen)",
 "SPW, Direction de l'Emploi et des Permis de travail (Wallonische Direktion Beschäftigung und Arbeitserlaubnisse)"),
"The SPW's one month is stated for applications filed by employers; no cited source gives the window for the permanent single permit, which the employee files.": (
 "Le mois du SPW est indiqué pour les demandes introduites par les employeurs ; aucune source citée ne donne le délai pour le permis unique à durée illimitée, que le travailleur introduit.",
 "De maand van de SPW geldt voor aanvragen die werkgevers indienen; geen geciteerde bron geeft de termijn voor de gecombineerde vergunning van onbepaalde duur, die de werknemer indient.",
 "Der eine Monat des SPW gilt für Anträge, die Arbeitgeber einreichen; keine belegte Quelle nennt die Frist für die unbefristete kombinierte Erlaubnis, die der Arbeitnehmer einreicht."),
"These are the conditions of art. 16 of the royal decree of 9 June 1999 as the Brussels page states them; the seeds say conditions may vary by region and no page of the SPW, Direction de l'Emploi et des Permis de travail is cited. Confirm them with the authority.": (
 "Ce sont les conditions de l’art. 16 de l’arrêté royal du 9 juin 1999 telles que la page bruxelloise les énonce ; les sources indiquent que les conditions peuvent varier selon la région et aucune page du SPW, Direction de l'Emploi et des Permis de travail, n’est citée. Confirmez-les auprès de l’autorité.",
 "Dit zijn de voorwaarden van art. 16 van het koninklijk besluit van 9 juni 1999 zoals de Brusselse pagina ze vermeldt; de bronnen zeggen dat de voorwaarden per gewest kunnen verschillen en er wordt geen pagina van de SPW, Direction de l'Emploi et des Permis de travail, geciteerd. Bevestig ze bij de overheid.",
 "Dies sind die Bedingungen von Art. 16 des Königlichen Erlasses vom 9. Juni 1999, wie die Brüsseler Seite sie angibt; die Quellen sagen, dass die Bedingungen je nach Region abweichen können, und keine Seite des SPW, Direction de l'Emploi et des Permis de travail, wird belegt. Bestätigen Sie sie bei der Behörde."),
"From the notification of the refusal (SPW employer page, as cited by the type-b guide).": (
 "À compter de la notification du refus (page employeurs du SPW, citée par le guide type B).",
 "Vanaf de kennisgeving van de weigering (werkgeverspagina van de SPW, zoals geciteerd in de gids over type B).",
 "Ab der Zustellung der Ablehnung (Arbeitgeberseite des SPW, wie im Leitfaden zu Typ B belegt)."),
"The type-b guide says each region sets the threshold; no cited source gives the figure of the Wallonia.": (
 "Le guide type B indique que chaque région fixe le seuil ; aucune source citée ne donne le montant de la Région wallonne.",
 "De gids over type B zegt dat elk gewest de drempel bepaalt; geen geciteerde bron geeft het bedrag van het Waals Gewest.",
 "Der Leitfaden zu Typ B sagt, dass jede Region die Schwelle festlegt; keine belegte Quelle nennt den Betrag der Wallonischen Region."),
"The type-b guide names the Arbeitsamt; the Ministry of the German-speaking Community decides.": (
 "Le guide type B cite l’Arbeitsamt ; c’est le ministère de la Communauté germanophone qui décide.",
 "De gids over type B noemt het Arbeitsamt; het ministerie van de Duitstalige Gemeenschap beslist.",
 "Der Leitfaden zu Typ B nennt das Arbeitsamt; das Ministerium der Deutschsprachigen Gemeinschaft entscheidet."),
}
T.update({
"A copy of every page of the worker's passport, valid for the whole stay.": (
 "Une copie de toutes les pages du passeport du travailleur, valable pour toute la durée du séjour.",
 "Een kopie van alle pagina’s van het paspoort van de werknemer, geldig voor het hele verblijf.",
 "Eine Kopie aller Seiten des Reisepasses des Arbeitnehmers, gültig für den gesamten Aufenthalt."),
"A copy of the identity card of the employer or its agent.": (
 "Une copie de la carte d’identité de l’employeur ou de son mandataire.",
 "Een kopie van de identiteitskaart van de werkgever of zijn gemachtigde.",
 "Eine Kopie des Personalausweises des Arbeitgebers oder seines Bevollmächtigten."),
"Administrative appeal against a refusal of the work part, from the notification; the Brussels authority's own page gives the same 30 days for the unlimited permit.": (
 "Recours administratif contre un refus du volet travail, à compter de la notification ; la page de l’autorité bruxelloise elle-même donne les mêmes 30 jours pour le permis illimité.",
 "Administratief beroep tegen een weigering van het arbeidsluik, vanaf de kennisgeving; de eigen pagina van de Brusselse overheid geeft dezelfde 30 dagen voor de onbeperkte vergunning.",
 "Verwaltungsbeschwerde gegen eine Ablehnung des Arbeitsteils, ab der Zustellung; die eigene Seite der Brüsseler Behörde nennt dieselben 30 Tage für die unbefristete Erlaubnis."),
"Brussels kept the 2025 levels for 2026 (table \"as from 01/01/2025\" of the Brussels Economy and Employment page).": (
 "Bruxelles a maintenu pour 2026 les montants de 2025 (tableau « à partir du 01/01/2025 » de la page de Bruxelles Économie et Emploi).",
 "Brussel behield voor 2026 de bedragen van 2025 (tabel ‘vanaf 01/01/2025’ op de pagina van Brussel Economie en Werkgelegenheid).",
 "Brüssel hat für 2026 die Beträge von 2025 beibehalten (Tabelle „ab 01/01/2025“ der Seite von Brüssel Wirtschaft und Beschäftigung)."),
"Documents in French, Dutch or English need no sworn translation; a police record may also be in German. A foreign employer's articles of association in another language need a sworn translation.": (
 "Les documents en français, en néerlandais ou en anglais ne nécessitent pas de traduction jurée ; un extrait de casier judiciaire peut aussi être en allemand. Les statuts d’un employeur étranger rédigés dans une autre langue nécessitent une traduction jurée.",
 "Documenten in het Frans, het Nederlands of het Engels hebben geen beëdigde vertaling nodig; een uittreksel uit het strafregister mag ook in het Duits zijn. De statuten van een buitenlandse werkgever in een andere taal hebben een beëdigde vertaling nodig.",
 "Unterlagen auf Französisch, Niederländisch oder Englisch brauchen keine beeidigte Übersetzung; ein Strafregisterauszug darf auch auf Deutsch sein. Die Satzung eines ausländischen Arbeitgebers in einer anderen Sprache braucht eine beeidigte Übersetzung."),
"EU Blue Card (100 % of the average monthly salary)": (
 "carte bleue européenne (100 % du salaire mensuel moyen)",
 "Europese blauwe kaart (100 % van het gemiddelde maandloon)",
 "Blaue Karte EU (100 % des durchschnittlichen Monatsgehalts)"),
"EU Blue Card (130 % of the Belgian average salary)": (
 "carte bleue européenne (130 % du salaire moyen belge)",
 "Europese blauwe kaart (130 % van het Belgische gemiddelde loon)",
 "Blaue Karte EU (130 % des belgischen Durchschnittsgehalts)"),
"EU Blue Card (Walloon figure, not the national one)": (
 "carte bleue européenne (montant wallon, pas le montant national)",
 "Europese blauwe kaart (Waals bedrag, niet het nationale)",
 "Blaue Karte EU (wallonischer Betrag, nicht der nationale)"),
"Flemish regional fee on first and renewal single-permit applications": (
 "redevance régionale flamande sur les premières demandes et les demandes de renouvellement de permis unique",
 "Vlaamse gewestelijke retributie op eerste aanvragen en verlengingsaanvragen van een gecombineerde vergunning",
 "flämische Regionalgebühr auf Erst- und Verlängerungsanträge für eine kombinierte Erlaubnis"),
"For a secondment by a foreign legal entity: its articles of association as registered where it is established (sworn translation unless in French, Dutch or English).": (
 "En cas de détachement par une personne morale étrangère : ses statuts tels qu’enregistrés là où elle est établie (traduction jurée sauf s’ils sont en français, en néerlandais ou en anglais).",
 "Bij detachering door een buitenlandse rechtspersoon: de statuten zoals geregistreerd waar hij gevestigd is (beëdigde vertaling tenzij in het Frans, het Nederlands of het Engels).",
 "Bei Entsendung durch eine ausländische juristische Person: ihre Satzung, wie sie am Ort ihrer Niederlassung eingetragen ist (beeidigte Übersetzung, außer auf Französisch, Niederländisch oder Englisch)."),
"For a secondment: the employer's signed declaration of the duration and the employment and pay conditions during the secondment.": (
 "En cas de détachement : la déclaration signée de l’employeur indiquant la durée ainsi que les conditions de travail et de rémunération pendant le détachement.",
 "Bij detachering: de ondertekende verklaring van de werkgever over de duur en de arbeids- en loonvoorwaarden tijdens de detachering.",
 "Bei Entsendung: die unterschriebene Erklärung des Arbeitgebers über die Dauer sowie die Arbeits- und Entlohnungsbedingungen während der Entsendung."),
"For a secondment: the foreign social-security institution's certificate that its legislation continues to apply (or the FPS Social Security's document).": (
 "En cas de détachement : l’attestation de l’institution de sécurité sociale étrangère certifiant que sa législation reste applicable (ou le document du SPF Sécurité sociale).",
 "Bij detachering: het attest van de buitenlandse socialezekerheidsinstelling dat haar wetgeving van toepassing blijft (of het document van de FOD Sociale Zekerheid).",
 "Bei Entsendung: die Bescheinigung des ausländischen Sozialversicherungsträgers, dass seine Rechtsvorschriften weiter gelten (oder das Dokument des FÖD Soziale Sicherheit)."),
"From 2026 the position itself must be at qualification level 5 (VKS), besides the worker's higher-education diploma (at least 3 years or level 5); dossier.yaml cannot state the level yet: check it in the job description.": (
 "À partir de 2026, le poste lui-même doit être de niveau de qualification 5 (VKS, structure flamande des qualifications), en plus du diplôme d’enseignement supérieur du travailleur (au moins 3 ans ou niveau 5) ; dossier.yaml ne peut pas encore indiquer ce niveau : vérifiez-le dans la description de fonction.",
 "Vanaf 2026 moet de functie zelf op kwalificatieniveau 5 (VKS) liggen, naast het diploma hoger onderwijs van de werknemer (minstens 3 jaar of niveau 5); dossier.yaml kan het niveau nog niet vermelden: controleer het in de functieomschrijving.",
 "Ab 2026 muss die Stelle selbst auf Qualifikationsstufe 5 (VKS, flämische Qualifikationsstruktur) liegen, zusätzlich zum Hochschuldiplom des Arbeitnehmers (mindestens 3 Jahre oder Stufe 5); dossier.yaml kann die Stufe noch nicht angeben: prüfen Sie sie in der Stellenbeschreibung."),
"Indexed every 1 January (Immigration Office, FAQ fee).": (
 "Indexée chaque 1er janvier (Office des étrangers, FAQ redevance).",
 "Elk jaar op 1 januari geïndexeerd (Dienst Vreemdelingenzaken, FAQ retributie).",
 "Jeweils am 1. Januar indexiert (Ausländeramt, FAQ Gebühr)."),
"Indexed every 1 January; no source found gives the 2026 amount (2025: €148). Check the Immigration Office's page before paying.": (
 "Indexée chaque 1er janvier ; aucune source trouvée ne donne le montant de 2026 (2025 : 148 €). Consultez la page de l’Office des étrangers avant de payer.",
 "Elk jaar op 1 januari geïndexeerd; geen gevonden bron geeft het bedrag voor 2026 (2025: € 148). Raadpleeg de pagina van de Dienst Vreemdelingenzaken vóór u betaalt.",
 "Jeweils am 1. Januar indexiert; keine gefundene Quelle nennt den Betrag für 2026 (2025: 148 €). Prüfen Sie vor der Zahlung die Seite des Ausländeramts."),
"Monthly basic pay (DmfA code 1) from 1 October 2024, column \"until 31/12/2024\".": (
 "Salaire mensuel de base (code 1 DmfA) à partir du 1er octobre 2024, colonne « jusqu’au 31/12/2024 ».",
 "Maandelijks basisloon (DmfA-code 1) vanaf 1 oktober 2024, kolom ‘tot 31/12/2024’.",
 "Monatliches Grundgehalt (DmfA-Code 1) ab 1. Oktober 2024, Spalte „bis 31/12/2024“."),
"No official statement of the Ministry on other languages was found: whether documents in French, Dutch or English need a sworn translation is unconfirmed.": (
 "Aucune déclaration officielle du Ministère sur les autres langues n’a été trouvée : il n’est pas confirmé si les documents en français, en néerlandais ou en anglais nécessitent une traduction jurée.",
 "Er werd geen officiële verklaring van het Ministerie over andere talen gevonden: of documenten in het Frans, het Nederlands of het Engels een beëdigde vertaling nodig hebben, is niet bevestigd.",
 "Es wurde keine offizielle Aussage des Ministeriums zu anderen Sprachen gefunden: ob Unterlagen auf Französisch, Niederländisch oder Englisch eine beeidigte Übersetzung brauchen, ist nicht bestätigt."),
"No official statement of the SPW on other languages was found: whether documents in Dutch, German or English need a sworn translation is unconfirmed.": (
 "Aucune déclaration officielle du SPW sur les autres langues n’a été trouvée : il n’est pas confirmé si les documents en néerlandais, en allemand ou en anglais nécessitent une traduction jurée.",
 "Er werd geen officiële verklaring van de SPW over andere talen gevonden: of documenten in het Nederlands, het Duits of het Engels een beëdigde vertaling nodig hebben, is niet bevestigd.",
 "Es wurde keine offizielle Aussage des SPW zu anderen Sprachen gefunden: ob Unterlagen auf Niederländisch, Deutsch oder Englisch eine beeidigte Übersetzung brauchen, ist nicht bestätigt."),
"Not yet on a vlaanderen.be page.": (
 "Pas encore sur une page de vlaanderen.be.",
 "Nog niet op een pagina van vlaanderen.be.",
 "Noch nicht auf einer Seite von vlaanderen.be."),
"Only when a service provider files for the employer: the power of attorney of the employer and its representative.": (
 "Uniquement lorsqu’un prestataire de services introduit la demande pour l’employeur : la procuration de l’employeur et de son représentant.",
 "Alleen als een dienstverlener de aanvraag indient voor de werkgever: de volmacht van de werkgever en zijn vertegenwoordiger.",
 "Nur wenn ein Dienstleister den Antrag für den Arbeitgeber einreicht: die Vollmacht des Arbeitgebers und seines Vertreters."),
"Proof of payment of the fee (residence law of 15 December 1980).": (
 "Preuve du paiement de la redevance (loi du 15 décembre 1980 sur les étrangers).",
 "Bewijs van betaling van de retributie (vreemdelingenwet van 15 december 1980).",
 "Nachweis der Zahlung der Gebühr (Ausländergesetz vom 15. Dezember 1980)."),
"Same figure in The Brussels Times, 26 February 2026.": (
 "Même montant dans The Brussels Times, 26 février 2026.",
 "Hetzelfde bedrag in The Brussels Times, 26 februari 2026.",
 "Derselbe Betrag in The Brussels Times, 26. Februar 2026."),
"Same figure in The Brussels Times.": (
 "Même montant dans The Brussels Times.",
 "Hetzelfde bedrag in The Brussels Times.",
 "Derselbe Betrag in The Brussels Times."),
"Same figure on propay.be.": (
 "Même montant sur propay.be.",
 "Hetzelfde bedrag op propay.be.",
 "Derselbe Betrag auf propay.be."),
"Signed by both parties; it states both parties, the duration and place of work, the hours, the salary and joint committee, the job and its classification, and that the employer pays travel and medical care until the worker is insured.": (
 "Signé par les deux parties ; il mentionne les deux parties, la durée et le lieu de travail, l’horaire, le salaire et la commission paritaire, la fonction et sa classification, et le fait que l’employeur prend en charge le voyage et les soins médicaux jusqu’à ce que le travailleur soit assuré.",
 "Ondertekend door beide partijen; ze vermeldt beide partijen, de duur en de plaats van het werk, de arbeidsuren, het loon en het paritair comité, de functie en de classificatie ervan, en dat de werkgever de reis en de medische zorg betaalt tot de werknemer verzekerd is.",
 "Von beiden Parteien unterschrieben; er nennt beide Parteien, Dauer und Ort der Arbeit, die Arbeitszeit, das Gehalt und die paritätische Kommission, die Stelle und ihre Einstufung sowie, dass der Arbeitgeber Reise und ärztliche Versorgung trägt, bis der Arbeitnehmer versichert ist."),
"Since the decree of 16 May 2024 (art. 18 §2 5°), executives and management staff are exempt from work authorisation in Brussels unless the manager lives in Belgium: check that a single permit is needed at all.": (
 "Depuis l’arrêté du 16 mai 2024 (art. 18, § 2, 5°), les cadres dirigeants et le personnel de direction sont dispensés d’autorisation de travail à Bruxelles, sauf si le dirigeant réside en Belgique : vérifiez qu’un permis unique est bien nécessaire.",
 "Sinds het besluit van 16 mei 2024 (art. 18, § 2, 5°) zijn kaderleden en leidinggevend personeel in Brussel vrijgesteld van arbeidstoelating, tenzij de leidinggevende in België woont: ga na of een gecombineerde vergunning wel nodig is.",
 "Seit dem Erlass vom 16. Mai 2024 (Art. 18 § 2 Nr. 5) sind Führungskräfte und leitendes Personal in Brüssel von der Arbeitserlaubnis befreit, es sei denn, die Führungskraft wohnt in Belgien: prüfen Sie, ob überhaupt eine kombinierte Erlaubnis nötig ist."),
"Table \"as from 01/01/2025\".": (
 "Tableau « à partir du 01/01/2025 ».",
 "Tabel ‘vanaf 01/01/2025’.",
 "Tabelle „ab 01/01/2025“."),
"The 2025 figures apply until Statbel publishes the new Belgian average salary.": (
 "Les montants de 2025 s’appliquent jusqu’à ce que Statbel publie le nouveau salaire moyen belge.",
 "De bedragen van 2025 gelden tot Statbel het nieuwe Belgische gemiddelde loon publiceert.",
 "Die Beträge von 2025 gelten, bis Statbel das neue belgische Durchschnittsgehalt veröffentlicht."),
"The CV may be in English where the regional authority accepts it; no official page says this authority does.": (
 "Le CV peut être en anglais si l’autorité régionale l’accepte ; aucune page officielle ne dit que cette autorité l’accepte.",
 "Het cv mag in het Engels zijn als de gewestelijke overheid dat aanvaardt; geen officiële pagina zegt dat deze overheid dat doet.",
 "Der Lebenslauf darf auf Englisch sein, wenn die regionale Behörde das annimmt; keine offizielle Seite sagt, dass diese Behörde es tut."),
"The EU Blue Card needs a diploma from a recognised higher-education institution after at least 3 years of study; diplomas of private institutions do not count for highly qualified workers.": (
 "La carte bleue européenne exige un diplôme d’un établissement d’enseignement supérieur reconnu, obtenu après au moins 3 ans d’études ; les diplômes d’établissements privés ne comptent pas pour les travailleurs hautement qualifiés.",
 "De Europese blauwe kaart vereist een diploma van een erkende instelling voor hoger onderwijs na minstens 3 jaar studie; diploma’s van privé-instellingen tellen niet voor hooggeschoolde werknemers.",
 "Die Blaue Karte EU verlangt ein Diplom einer anerkannten Hochschuleinrichtung nach mindestens 3 Studienjahren; Diplome privater Einrichtungen zählen für hochqualifizierte Fachkräfte nicht."),
"The employer's commitment that the worker has health insurance covering all risks in Belgium for the worker and family.": (
 "L’engagement de l’employeur que le travailleur dispose d’une assurance maladie couvrant tous les risques en Belgique pour lui-même et sa famille.",
 "De verbintenis van de werkgever dat de werknemer een ziekteverzekering heeft die in België alle risico’s dekt voor de werknemer en zijn gezin.",
 "Die Verpflichtung des Arbeitgebers, dass der Arbeitnehmer eine Krankenversicherung hat, die in Belgien alle Risiken für ihn und seine Familie deckt."),
"The official list of annexes (Brussels Economy and Employment, European Blue Card and tourism-office lists) was read up to the employment contract; the rest of the list may ask for more.": (
 "La liste officielle des annexes (Bruxelles Économie et Emploi, listes carte bleue européenne et office du tourisme) a été lue jusqu’au contrat de travail ; la suite de la liste peut exiger davantage.",
 "De officiële lijst van bijlagen (Brussel Economie en Werkgelegenheid, lijsten Europese blauwe kaart en toerismebureau) werd gelezen tot de arbeidsovereenkomst; de rest van de lijst kan meer vragen.",
 "Die offizielle Liste der Anlagen (Brüssel Wirtschaft und Beschäftigung, Listen Blaue Karte EU und Fremdenverkehrsamt) wurde bis zum Arbeitsvertrag gelesen; der Rest der Liste kann mehr verlangen."),
"The police record must be drawn up in French, Dutch, German or English.": (
 "L’extrait de casier judiciaire doit être rédigé en français, en néerlandais, en allemand ou en anglais.",
 "Het uittreksel uit het strafregister moet in het Frans, het Nederlands, het Duits of het Engels zijn opgesteld.",
 "Der Strafregisterauszug muss auf Französisch, Niederländisch, Deutsch oder Englisch ausgestellt sein."),
"The threshold depends on the transferee's role, which dossier.yaml does not state: ICT manager €5,460.20, ICT expert €4,510.60, ICT trainee €2,611.40 a month (basic pay, from 01/01/2025).": (
 "Le seuil dépend du rôle du travailleur transféré, que dossier.yaml n’indique pas : cadre ICT 5 460,20 €, expert ICT 4 510,60 €, stagiaire ICT 2 611,40 € par mois (salaire de base, à partir du 01/01/2025).",
 "De drempel hangt af van de rol van de overgeplaatste werknemer, die dossier.yaml niet vermeldt: ICT-manager € 5.460,20, ICT-specialist € 4.510,60, ICT-trainee € 2.611,40 per maand (basisloon, vanaf 01/01/2025).",
 "Die Schwelle hängt von der Funktion des transferierten Arbeitnehmers ab, die dossier.yaml nicht angibt: ICT-Führungskraft 5.460,20 €, ICT-Spezialist 4.510,60 €, ICT-Trainee 2.611,40 € im Monat (Grundgehalt, ab 01/01/2025)."),
"With the original Dutch application form, the attachments may be in Dutch, English, French or German; the form itself is in Dutch.": (
 "Avec le formulaire de demande original en néerlandais, les annexes peuvent être en néerlandais, en anglais, en français ou en allemand ; le formulaire lui-même est en néerlandais.",
 "Bij het originele Nederlandstalige aanvraagformulier mogen de bijlagen in het Nederlands, het Engels, het Frans of het Duits zijn; het formulier zelf is in het Nederlands.",
 "Mit dem niederländischen Originalantragsformular dürfen die Anlagen auf Niederländisch, Englisch, Französisch oder Deutsch sein; das Formular selbst ist auf Niederländisch."),
"executive / management staff": (
 "cadre dirigeant / personnel de direction",
 "kaderlid / leidinggevend personeel",
 "Führungskraft / leitendes Personal"),
"executive / management staff (140 % of the average monthly salary)": (
 "cadre dirigeant / personnel de direction (140 % du salaire mensuel moyen)",
 "kaderlid / leidinggevend personeel (140 % van het gemiddelde maandloon)",
 "Führungskraft / leitendes Personal (140 % des durchschnittlichen Monatsgehalts)"),
"executive / management staff (160 % of the Belgian average salary)": (
 "cadre dirigeant / personnel de direction (160 % du salaire moyen belge)",
 "kaderlid / leidinggevend personeel (160 % van het Belgische gemiddelde loon)",
 "Führungskraft / leitendes Personal (160 % des belgischen Durchschnittsgehalts)"),
"federal residence fee (redevance / retributie) for a single-permit application": (
 "redevance fédérale liée au séjour (retributie en néerlandais) pour une demande de permis unique",
 "federale retributie voor het verblijf (redevance in het Frans) bij een aanvraag van een gecombineerde vergunning",
 "föderale Aufenthaltsgebühr (redevance / retributie) für einen Antrag auf kombinierte Erlaubnis"),
"federal residence fee (redevance / retributie) for a single-permit application (a work authorisation alone carries no residence part)": (
 "redevance fédérale liée au séjour (retributie en néerlandais) pour une demande de permis unique (une autorisation de travail seule ne comporte pas de volet séjour)",
 "federale retributie voor het verblijf (redevance in het Frans) bij een aanvraag van een gecombineerde vergunning (een arbeidstoelating alleen heeft geen verblijfsluik)",
 "föderale Aufenthaltsgebühr (redevance / retributie) für einen Antrag auf kombinierte Erlaubnis (eine Arbeitserlaubnis allein hat keinen Aufenthaltsteil)"),
"highly qualified worker (78 % of the average monthly salary)": (
 "travailleur hautement qualifié (78 % du salaire mensuel moyen)",
 "hooggeschoolde werknemer (78 % van het gemiddelde maandloon)",
 "hochqualifizierte Fachkraft (78 % des durchschnittlichen Monatsgehalts)"),
"highly qualified worker aged 30 or more (100 % of the Belgian average salary)": (
 "travailleur hautement qualifié de 30 ans ou plus (100 % du salaire moyen belge)",
 "hooggeschoolde werknemer van 30 jaar of ouder (100 % van het Belgische gemiddelde loon)",
 "hochqualifizierte Fachkraft ab 30 Jahren (100 % des belgischen Durchschnittsgehalts)"),
"highly qualified worker under 30": (
 "travailleur hautement qualifié de moins de 30 ans",
 "hooggeschoolde werknemer jonger dan 30 jaar",
 "hochqualifizierte Fachkraft unter 30 Jahren"),
"highly qualified worker under 30, nurse or teacher (80 %; not for seconded workers)": (
 "travailleur hautement qualifié de moins de 30 ans, infirmier ou enseignant (80 % ; pas pour les travailleurs détachés)",
 "hooggeschoolde werknemer jonger dan 30 jaar, verpleegkundige of leerkracht (80 %; niet voor gedetacheerde werknemers)",
 "hochqualifizierte Fachkraft unter 30 Jahren, Pflegekraft oder Lehrkraft (80 %; nicht für entsandte Arbeitnehmer)"),
"vlaanderen.be lists the documents on each category's page; only the general-route, Blue Card and form pages were read.": (
 "vlaanderen.be énumère les documents sur la page de chaque catégorie ; seules les pages de la procédure générale, de la carte bleue européenne et des formulaires ont été lues.",
 "vlaanderen.be somt de documenten op op de pagina van elke categorie; alleen de pagina’s over de algemene procedure, de Europese blauwe kaart en de formulieren werden gelezen.",
 "vlaanderen.be listet die Unterlagen auf der Seite jeder Kategorie auf; nur die Seiten zum allgemeinen Verfahren, zur Blauen Karte EU und zu den Formularen wurden gelesen."),
})
for region, fr, nl, de in [("Flemish", "flamand", "Vlaamse", "flämischen"), ("Walloon", "wallon", "Waalse", "wallonischen")]:
    for y in ("2025", "2026"):
        T[f"Intra-corporate transferees have their own minimum; no source found gives the {region} figure for {y}."] = (
            f"Les travailleurs transférés intragroupe ont leur propre minimum ; aucune source trouvée ne donne le montant {fr} pour {y}.",
            f"Binnen een onderneming overgeplaatste werknemers hebben hun eigen minimum; geen gevonden bron geeft het {nl} bedrag voor {y}.",
            f"Unternehmensintern transferierte Arbeitnehmer haben ein eigenes Minimum; keine gefundene Quelle nennt den {de} Betrag für {y}.")
for amount, fr_a, nl_a, de_a in [("€49,830", "49 830 €", "€ 49.830", "49.830 €"), ("€53,971", "53 971 €", "€ 53.971", "53.971 €"), ("€83,135", "83 135 €", "€ 83.135", "83.135 €")]:
    for y in ("2025", "2026"):
        T[f"Ostbelgien Live shows {amount} a year without saying for which year (probably 2019); no source gives the figure for {y}."] = (
            f"Ostbelgien Live indique {fr_a} par an sans préciser l’année (probablement 2019) ; aucune source ne donne le montant pour {y}.",
            f"Ostbelgien Live vermeldt {nl_a} per jaar zonder te zeggen voor welk jaar (waarschijnlijk 2019); geen bron geeft het bedrag voor {y}.",
            f"Ostbelgien Live nennt {de_a} im Jahr, ohne zu sagen, für welches Jahr (wahrscheinlich 2019); keine Quelle nennt den Betrag für {y}.")
for who_en, fr, nl, de in [
    ("Departement Werk en Sociale Economie", "du Departement Werk en Sociale Economie", "van het Departement Werk en Sociale Economie", "des Departement Werk en Sociale Economie"),
    ("Ministerium der Deutschsprachigen Gemeinschaft", "du Ministerium der Deutschsprachigen Gemeinschaft (ministère de la Communauté germanophone)", "van het Ministerium der Deutschsprachigen Gemeinschaft (ministerie van de Duitstalige Gemeenschap)", "des Ministeriums der Deutschsprachigen Gemeinschaft"),
    ("SPW, Direction de l'Emploi et des Permis de travail", "du SPW, Direction de l’Emploi et des Permis de travail", "van de SPW, Direction de l’Emploi et des Permis de travail", "des SPW, Direction de l’Emploi et des Permis de travail")]:
    T[f"These are the conditions of art. 16 of the royal decree of 9 June 1999 as the Brussels page states them; the One-Stop Counter says conditions may vary by region and no page of the {who_en} is cited. Confirm them with the authority."] = (
        f"Ce sont les conditions de l’art. 16 de l’arrêté royal du 9 juin 1999 telles que la page bruxelloise les énonce ; le guichet unique indique que les conditions peuvent varier selon la région et aucune page {fr} n’est citée. Faites-les confirmer par l’autorité.",
        f"Dit zijn de voorwaarden van art. 16 van het koninklijk besluit van 9 juni 1999 zoals de Brusselse pagina ze vermeldt; het één-loket zegt dat de voorwaarden per gewest kunnen verschillen en er wordt geen pagina {nl} geciteerd. Laat ze bevestigen door de overheid.",
        f"Dies sind die Bedingungen von Art. 16 des Königlichen Erlasses vom 9. Juni 1999, wie die Brüsseler Seite sie nennt; der einheitliche Schalter sagt, dass die Bedingungen je nach Region abweichen können, und keine Seite {de} wird angeführt. Lassen Sie sie von der Behörde bestätigen.")
