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
