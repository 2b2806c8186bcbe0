// Rule titles and document type names in French, Dutch and German (English
// titles are the catalogue's own). Data only; a test checks that every rule id
// of the catalogue has a title in every language.
#include <algorithm>

#include "report/i18n.h"
#include "rules/rule.h"

namespace dossier {

namespace {
struct Titles {
    std::string_view id, fr, nl, de;
};

constexpr Titles kRuleTitles[] = {
    {"content.unreadable", "Le texte d’un document n’a pas pu être lu", "De tekst van een document kon niet worden gelezen",
     "Der Text einer Unterlage konnte nicht gelesen werden"},
    {"content.issue-date-mismatch", "La date de délivrance imprimée diffère de celle du manifeste",
     "De gedrukte datum van afgifte verschilt van die in het manifest",
     "Das aufgedruckte Ausstellungsdatum weicht vom Manifest ab"},
    {"content.language-mismatch", "Un document est dans une autre langue que celle du manifeste",
     "Een document is in een andere taal dan het manifest vermeldt",
     "Eine Unterlage ist in einer anderen Sprache als im Manifest angegeben"},
    {"content.name-missing", "Un document concernant le travailleur ne le nomme pas",
     "Een document over de werknemer vermeldt zijn naam niet",
     "Eine Unterlage über den Arbeitnehmer nennt seinen Namen nicht"},
    {"content.type-mismatch", "Un document se lit comme un autre type que celui du manifeste",
     "Een document leest als een ander type dan het manifest vermeldt",
     "Eine Unterlage liest sich als eine andere Art als im Manifest angegeben"},
    {"passport.mrz-invalid", "Les chiffres de contrôle de la zone de lecture automatique du passeport sont faux",
     "De controlecijfers van de machineleesbare zone van het paspoort kloppen niet",
     "Die Prüfziffern der maschinenlesbaren Zone des Reisepasses stimmen nicht"},
    {"passport.mrz-mismatch", "La zone de lecture automatique du passeport diffère du manifeste",
     "De machineleesbare zone van het paspoort verschilt van het manifest",
     "Die maschinenlesbare Zone des Reisepasses weicht vom Manifest ab"},
    {"manifest.invalid", "Le manifeste est illisible", "Het manifest is onleesbaar",
     "Das Manifest ist nicht lesbar"},
    {"manifest.invalid-value", "Une valeur du manifeste n’est pas admise",
     "Een waarde in het manifest is niet toegelaten", "Ein Wert im Manifest ist nicht zulässig"},
    {"manifest.unknown-key", "Le manifeste contient une clé que le format ne définit pas",
     "Het manifest bevat een sleutel die het formaat niet kent",
     "Das Manifest enthält einen Schlüssel, den das Format nicht kennt"},
    {"file.missing", "Un document listé ne se trouve pas dans le dossier",
     "Een vermeld document staat niet in de map", "Eine aufgeführte Unterlage fehlt im Ordner"},
    {"file.outside-dossier", "Un chemin listé sort du dossier", "Een vermeld pad verlaat de dossiermap",
     "Ein aufgeführter Pfad verlässt den Dossierordner"},
    {"file.unlisted", "Un fichier du dossier n’est pas listé dans le manifeste",
     "Een bestand in de map staat niet in het manifest",
     "Eine Datei im Ordner ist nicht im Manifest aufgeführt"},
    {"file.duplicate", "Deux fichiers listés sont identiques", "Twee vermelde bestanden zijn identiek",
     "Zwei aufgeführte Dateien sind identisch"},
    {"file.empty", "Un fichier est vide", "Een bestand is leeg", "Eine Datei ist leer"},
    {"file.type-mismatch", "Le contenu d’un fichier ne correspond pas à son extension",
     "De inhoud van een bestand past niet bij de extensie",
     "Der Inhalt einer Datei passt nicht zu ihrer Endung"},
    {"file.unsupported-format", "Un fichier n’est ni PDF, ni JPEG, ni PNG",
     "Een bestand is geen PDF, JPEG of PNG", "Eine Datei ist weder PDF noch JPEG noch PNG"},
    {"file.too-large", "Un fichier dépasse la taille maximale", "Een bestand is groter dan toegelaten",
     "Eine Datei ist größer als zulässig"},
    {"pdf.unreadable", "Un PDF est illisible", "Een pdf is onleesbaar", "Ein PDF ist nicht lesbar"},
    {"pdf.encrypted", "Un PDF est chiffré", "Een pdf is versleuteld", "Ein PDF ist verschlüsselt"},
    {"pdf.active-content", "Un PDF contient du contenu actif", "Een pdf bevat actieve inhoud",
     "Ein PDF enthält aktive Inhalte"},
    {"pdf.no-pages", "Un PDF n’a aucune page", "Een pdf heeft geen pagina’s", "Ein PDF hat keine Seiten"},
    {"pdf.date-conflict", "Les dates de création d’un PDF se contredisent",
     "De aanmaakdata van een pdf spreken elkaar tegen", "Die Erstellungsdaten eines PDF widersprechen sich"},
    {"pdf.created-before-issue", "Un PDF a été créé avant la date de délivrance du document",
     "Een pdf is aangemaakt vóór de afgiftedatum van het document",
     "Ein PDF wurde vor dem Ausstellungsdatum der Unterlage erstellt"},
    {"pdf.modified-after-signature", "Un PDF signé a été modifié après la signature",
     "Een ondertekende pdf is na de ondertekening gewijzigd",
     "Ein signiertes PDF wurde nach der Signatur geändert"},
    {"pdf.damaged", "Un PDF est endommagé", "Een pdf is beschadigd", "Ein PDF ist beschädigt"},
    {"image.taken-before-issue", "La photo d’un document a été prise avant sa date de délivrance",
     "De foto van een document is genomen vóór de afgiftedatum",
     "Das Foto einer Unterlage wurde vor ihrem Ausstellungsdatum aufgenommen"},
    {"info.authority", "L’autorité compétente et les langues qu’elle accepte",
     "De bevoegde overheid en de talen die ze aanvaardt",
     "Die zuständige Behörde und die Sprachen, die sie annimmt"},
    {"info.processing-time", "Le délai légal de traitement", "De wettelijke behandelingstermijn",
     "Die gesetzliche Bearbeitungsfrist"},
    {"info.appeal-window", "Le délai de recours en cas de refus", "De beroepstermijn bij weigering",
     "Die Rechtsbehelfsfrist bei Ablehnung"},
    {"document.unsigned", "Le contrat de travail n’est pas signé",
     "De arbeidsovereenkomst is niet ondertekend", "Der Arbeitsvertrag ist nicht unterschrieben"},
    {"application.not-needed", "Ce travailleur n’a pas besoin de permis",
     "Deze werknemer heeft geen vergunning nodig", "Dieser Arbeitnehmer braucht keine Erlaubnis"},
    {"application.wrong-permit", "Le permis ne correspond pas à la durée de l’emploi",
     "De vergunning past niet bij de duur van de tewerkstelling",
     "Die Erlaubnis passt nicht zur Dauer der Beschäftigung"},
    {"region.unknown-postal-code", "Le code postal n’est pas belge", "De postcode is niet Belgisch",
     "Die Postleitzahl ist nicht belgisch"},
    {"region.mismatch", "La région indiquée n’est pas la région compétente",
     "Het opgegeven gewest is niet het bevoegde gewest", "Die angegebene Region ist nicht zuständig"},
    {"employer.enterprise-number", "Le numéro d’entreprise de l’employeur est erroné",
     "Het ondernemingsnummer van de werkgever is fout", "Die Unternehmensnummer des Arbeitgebers ist falsch"},
    {"employer.mandate-missing", "Le mandat du représentant manque",
     "Het mandaat van de vertegenwoordiger ontbreekt", "Die Vollmacht des Vertreters fehlt"},
    {"employment.dates", "Les dates de l’emploi sont erronées", "De data van de tewerkstelling zijn fout",
     "Die Daten der Beschäftigung sind falsch"},
    {"salary.below-threshold", "Le salaire est inférieur au seuil de la catégorie",
     "Het loon ligt onder de drempel van de categorie", "Das Gehalt liegt unter der Schwelle der Kategorie"},
    {"checklist.missing-document", "Un document requis manque", "Een vereist document ontbreekt",
     "Eine erforderliche Unterlage fehlt"},
    {"document.too-old", "Un document est trop ancien", "Een document is te oud",
     "Eine Unterlage ist zu alt"},
    {"document.issued-in-future", "La date de délivrance d’un document est dans le futur",
     "De afgiftedatum van een document ligt in de toekomst",
     "Das Ausstellungsdatum einer Unterlage liegt in der Zukunft"},
    {"document.expired", "Un document est expiré", "Een document is vervallen",
     "Eine Unterlage ist abgelaufen"},
    {"passport.expires-before-stay-end", "Le passeport expire avant la fin du séjour",
     "Het paspoort vervalt vóór het einde van het verblijf",
     "Der Reisepass läuft vor dem Ende des Aufenthalts ab"},
    {"translation.missing", "Une traduction jurée manque", "Een beëdigde vertaling ontbreekt",
     "Eine beeidigte Übersetzung fehlt"},
    {"translation.wrong-language", "Une traduction jurée est dans une langue non admise",
     "Een beëdigde vertaling is in een niet-aanvaarde taal",
     "Eine beeidigte Übersetzung ist in einer nicht zugelassenen Sprache"},
    {"translation.orphan", "Une traduction jurée n’a pas d’original dans le dossier",
     "Een beëdigde vertaling heeft geen origineel in het dossier",
     "Zu einer beeidigten Übersetzung fehlt das Original im Dossier"},
    {"legalisation.missing", "Un document public étranger n’est pas légalisé",
     "Een buitenlands openbaar document is niet gelegaliseerd",
     "Eine ausländische öffentliche Urkunde ist nicht legalisiert"},
    {"identity.name-mismatch", "Un nom ne correspond pas à celui du travailleur",
     "Een naam komt niet overeen met die van de werknemer",
     "Ein Name stimmt nicht mit dem des Arbeitnehmers überein"},
    {"permanent.insufficient-employment", "Pas assez d’emploi comptabilisable pour un permis illimité",
     "Onvoldoende meetellende tewerkstelling voor een onbeperkte vergunning",
     "Nicht genug anrechenbare Beschäftigung für eine unbefristete Erlaubnis"},
    {"permanent.excluded-period", "Une période de travail ne compte pas",
     "Een periode van tewerkstelling telt niet mee", "Ein Beschäftigungszeitraum zählt nicht"},
    {"permanent.late-application", "La demande de permis illimité est tardive",
     "De aanvraag voor een onbeperkte vergunning is laat",
     "Der Antrag auf eine unbefristete Erlaubnis ist spät"},
    {"checklist.stale", "La liste de contrôle n’a pas été vérifiée depuis plus d’un an",
     "De checklist is al meer dan een jaar niet geverifieerd",
     "Die Checkliste wurde seit über einem Jahr nicht überprüft"},
    {"salary.threshold-unknown", "Le seuil salarial de cette année n’est pas connu",
     "De loongrens voor dit jaar is niet bekend", "Die Gehaltsschwelle für dieses Jahr ist nicht bekannt"},
    {"salary.monthly-basic-missing", "Le salaire mensuel de base n’est pas indiqué",
     "Het maandelijkse basisloon is niet opgegeven", "Das monatliche Grundgehalt ist nicht angegeben"},
    {"salary.age-30-clause", "Le travailleur aura 30 ans pendant l’occupation",
     "De werknemer wordt 30 tijdens de tewerkstelling", "Der Arbeitnehmer wird während der Beschäftigung 30"},
    {"application.too-early", "La demande est introduite trop tôt", "De aanvraag wordt te vroeg ingediend",
     "Der Antrag wird zu früh gestellt"},
    {"labour-market.vacancy-too-recent", "L’offre d’emploi a été publiée trop récemment",
     "De vacature is te recent gepubliceerd", "Die Stellenanzeige wurde zu kurz vorher veröffentlicht"},
    {"employer.enterprise-number-old-format", "Le numéro d’entreprise est écrit à l’ancienne",
     "Het ondernemingsnummer is op de oude manier geschreven",
     "Die Unternehmensnummer ist in der alten Form geschrieben"},
    {"document.too-old-at-decision", "Un document sera trop ancien au moment de la décision",
     "Een document zal te oud zijn op het moment van de beslissing",
     "Eine Unterlage wird bei der Entscheidung zu alt sein"},
    {"passport.pages-missing", "Toutes les pages du passeport ne sont pas jointes",
     "Niet alle pagina’s van het paspoort zijn bijgevoegd", "Nicht alle Seiten des Reisepasses liegen bei"},
    {"info.fees", "Les redevances applicables", "De verschuldigde retributies", "Die anfallenden Gebühren"},
    {"info.route", "Une condition de la catégorie à vérifier", "Een voorwaarde van de categorie om na te gaan",
     "Eine Bedingung der Kategorie, die zu prüfen ist"},
    {"checklist.unavailable", "Aucune liste de contrôle ne s’applique", "Er is geen toepasselijke checklist",
     "Keine Checkliste ist anwendbar"},
};

struct TypeName {
    std::string_view type, en, fr, nl, de;
};

constexpr TypeName kTypeNames[] = {
    {"employment-contract", "Employment contract", "Contrat de travail", "Arbeidsovereenkomst",
     "Arbeitsvertrag"},
    {"job-description", "Job description", "Description de fonction", "Functieomschrijving",
     "Stellenbeschreibung"},
    {"passport", "Passport", "Passeport", "Paspoort", "Reisepass"},
    {"curriculum-vitae", "Curriculum vitae", "Curriculum vitae", "Curriculum vitae", "Lebenslauf"},
    {"diploma", "Diploma", "Diplôme", "Diploma", "Diplom"},
    {"diploma-equivalence", "Diploma equivalence", "Équivalence de diplôme", "Gelijkwaardigheid van diploma",
     "Gleichwertigkeit des Diploms"},
    {"medical-certificate", "Medical certificate", "Certificat médical", "Medisch attest",
     "Ärztliches Attest"},
    {"police-record", "Police record", "Extrait de casier judiciaire", "Uittreksel uit het strafregister",
     "Führungszeugnis"},
    {"sworn-translation", "Sworn translation", "Traduction jurée", "Beëdigde vertaling",
     "Beeidigte Übersetzung"},
    {"employer-social-security-certificate", "Employer’s social security certificate (ONSS/RSZ)",
     "Attestation ONSS de l’employeur", "RSZ-attest van de werkgever", "LSS-Bescheinigung des Arbeitgebers"},
    {"enterprise-register-extract", "Enterprise register extract (BCE/KBO)", "Extrait de la BCE",
     "Uittreksel uit de KBO", "Auszug aus der ZDU"},
    {"hosting-agreement", "Hosting agreement", "Convention d’accueil", "Gastovereenkomst",
     "Aufnahmevereinbarung"},
    {"representative-mandate", "Representative’s mandate", "Mandat du représentant",
     "Mandaat van de vertegenwoordiger", "Vollmacht des Vertreters"},
    {"labour-market-test-evidence", "Labour market test evidence", "Preuve de l’examen du marché de l’emploi",
     "Bewijs van de arbeidsmarkttoets", "Nachweis der Arbeitsmarktprüfung"},
    {"application-form", "Application form", "Formulaire de demande", "Aanvraagformulier", "Antragsformular"},
    {"residence-card", "Residence card", "Titre de séjour", "Verblijfskaart", "Aufenthaltskarte"},
    {"employment-history-proof", "Proof of past employment", "Preuve des emplois antérieurs",
     "Bewijs van vroegere tewerkstelling", "Nachweis früherer Beschäftigung"},
    {"family-composition", "Family composition", "Composition de ménage", "Gezinssamenstelling",
     "Haushaltszusammensetzung"},
    {"fee-payment-proof", "Proof of payment of the fee", "Preuve du paiement de la redevance",
     "Bewijs van betaling van de retributie", "Nachweis der Gebührenzahlung"},
    {"health-insurance-commitment", "Employer’s health-insurance commitment",
     "Engagement de l’employeur relatif à l’assurance maladie", "Verbintenis van de werkgever over de ziekteverzekering",
     "Verpflichtung des Arbeitgebers zur Krankenversicherung"},
    {"employer-representative-id", "Identity card of the employer or its agent",
     "Carte d’identité de l’employeur ou de son mandataire", "Identiteitskaart van de werkgever of zijn gemachtigde",
     "Personalausweis des Arbeitgebers oder seines Bevollmächtigten"},
    {"power-of-attorney", "Power of attorney", "Procuration", "Volmacht", "Vollmacht"},
    {"articles-of-association", "Articles of association", "Statuts", "Statuten", "Satzung"},
    {"secondment-declaration", "Secondment declaration", "Déclaration de détachement", "Detacheringsverklaring",
     "Entsendungserklärung"},
    {"foreign-social-security-certificate", "Foreign social-security certificate",
     "Certificat de sécurité sociale étranger", "Buitenlands socialezekerheidsattest",
     "Ausländische Sozialversicherungsbescheinigung"},
    {"other", "Other document", "Autre document", "Ander document", "Sonstige Unterlage"},
};

const Titles* find_titles(std::string_view id) {
    auto it = std::find_if(std::begin(kRuleTitles), std::end(kRuleTitles),
                           [&](const Titles& t) { return t.id == id; });
    return it == std::end(kRuleTitles) ? nullptr : &*it;
}

std::string_view pick(const Titles& t, Lang l) {
    switch (l) {
        case Lang::fr:
            return t.fr;
        case Lang::nl:
            return t.nl;
        case Lang::de:
            return t.de;
        case Lang::en:
            break;
    }
    return {};
}
}  // namespace

bool has_rule_title(std::string_view id, Lang l) {
    if (l == Lang::en) {
        const RuleInfo* r = find_rule(id);
        return r && !r->title.empty();
    }
    const Titles* t = find_titles(id);
    return t && !pick(*t, l).empty();
}

std::string_view rule_title(std::string_view id, Lang l) {
    if (l != Lang::en)
        if (const Titles* t = find_titles(id); t && !pick(*t, l).empty()) return pick(*t, l);
    if (const RuleInfo* r = find_rule(id)) return r->title;
    return id;
}

std::string_view document_type_name(std::string_view type, Lang l) {
    for (const auto& t : kTypeNames) {
        if (t.type != type) continue;
        switch (l) {
            case Lang::fr:
                return t.fr;
            case Lang::nl:
                return t.nl;
            case Lang::de:
                return t.de;
            case Lang::en:
                return t.en;
        }
    }
    return type;
}

}  // namespace dossier
