N=None
TR.update({
(N,"A document's text could not be read"):("Le texte d’un document n’a pas pu être lu","De tekst van een document kon niet worden gelezen","Der Text einer Unterlage konnte nicht gelesen werden"),
(N,"The printed issue date differs from the manifest's"):("La date de délivrance imprimée diffère de celle du manifeste","De gedrukte datum van afgifte verschilt van die in het manifest","Das aufgedruckte Ausstellungsdatum weicht vom Manifest ab"),
(N,"A document is in another language than the manifest says"):("Un document est dans une autre langue que celle du manifeste","Een document is in een andere taal dan het manifest vermeldt","Eine Unterlage ist in einer anderen Sprache als im Manifest angegeben"),
(N,"A document about the worker does not name them"):("Un document concernant le travailleur ne le nomme pas","Een document over de werknemer vermeldt zijn naam niet","Eine Unterlage über den Arbeitnehmer nennt seinen Namen nicht"),
(N,"A document reads as another type than the manifest says"):("Un document se lit comme un autre type que celui du manifeste","Een document leest als een ander type dan het manifest vermeldt","Eine Unterlage liest sich als eine andere Art als im Manifest angegeben"),
(N,"The passport's machine-readable zone fails its check digits"):("Les chiffres de contrôle de la zone de lecture automatique du passeport sont faux","De controlecijfers van de machineleesbare zone van het paspoort kloppen niet","Die Prüfziffern der maschinenlesbaren Zone des Reisepasses stimmen nicht"),
(N,"The passport's machine-readable zone differs from the manifest"):("La zone de lecture automatique du passeport diffère du manifeste","De machineleesbare zone van het paspoort verschilt van het manifest","Die maschinenlesbare Zone des Reisepasses weicht vom Manifest ab"),
})
