// The phrases of the reports in English, French, Dutch and German. Data only:
// a translator edits the table, not the code. Order follows enum Msg.
#include <array>

#include "report/i18n.h"

namespace dossier {

namespace {
struct Phrase {
    Msg id;
    std::string_view en, fr, nl, de;
};

constexpr Phrase kPhrases[] = {
    {Msg::checked_on, "checked on", "vérifié le", "gecontroleerd op", "geprüft am"},
    {Msg::dossier_wide, "The dossier as a whole", "Le dossier dans son ensemble", "Het dossier als geheel",
     "Das Dossier insgesamt"},
    {Msg::checklist, "checklist", "liste de contrôle", "checklist", "Checkliste"},
    {Msg::verified, "verified", "vérifiée le", "geverifieerd op", "überprüft am"},
    {Msg::never, "never", "jamais", "nooit", "nie"},
    {Msg::unknown_region, "an unknown region", "une région inconnue", "een onbekend gewest",
     "einer unbekannten Region"},
    {Msg::verdict_pass, "PASS", "CONFORME", "IN ORDE", "BESTANDEN"},
    {Msg::verdict_fail, "FAIL", "NON CONFORME", "NIET IN ORDE", "NICHT BESTANDEN"},
    {Msg::valid_until, "valid until", "valable jusqu’au", "geldig tot", "gültig bis"},
    {Msg::error_one, "error", "erreur", "fout", "Fehler"},
    {Msg::error_many, "errors", "erreurs", "fouten", "Fehler"},
    {Msg::warning_one, "warning", "avertissement", "waarschuwing", "Warnung"},
    {Msg::warning_many, "warnings", "avertissements", "waarschuwingen", "Warnungen"},
    {Msg::note_one, "note", "remarque", "opmerking", "Hinweis"},
    {Msg::note_many, "notes", "remarques", "opmerkingen", "Hinweise"},
    {Msg::what_to_do, "What to do", "Que faire", "Wat te doen", "Was zu tun ist"},
    {Msg::source, "Source", "Source", "Bron", "Quelle"},
    {Msg::rule, "Rule", "Règle", "Regel", "Regel"},
    {Msg::application, "The application at a glance", "La demande en bref", "De aanvraag in het kort",
     "Der Antrag auf einen Blick"},
    {Msg::permit, "Permit", "Permis", "Vergunning", "Erlaubnis"},
    {Msg::route, "Route", "Catégorie", "Categorie", "Kategorie"},
    {Msg::region, "Region", "Région", "Gewest", "Region"},
    {Msg::authority, "Competent authority", "Autorité compétente", "Bevoegde overheid", "Zuständige Behörde"},
    {Msg::employer, "Employer", "Employeur", "Werkgever", "Arbeitgeber"},
    {Msg::worker, "Worker", "Travailleur", "Werknemer", "Arbeitnehmer"},
    {Msg::nationality, "Nationality", "Nationalité", "Nationaliteit", "Staatsangehörigkeit"},
    {Msg::birth_date, "Date of birth", "Date de naissance", "Geboortedatum", "Geburtsdatum"},
    {Msg::employment, "Employment", "Emploi", "Tewerkstelling", "Beschäftigung"},
    {Msg::salary, "Annual gross salary", "Salaire annuel brut", "Bruto jaarloon", "Bruttojahresgehalt"},
    {Msg::monthly_basic_salary, "Monthly basic salary (DmfA code 1)", "Salaire mensuel de base (code 1 DmfA)",
     "Maandelijks basisloon (DmfA-code 1)", "Monatliches Grundgehalt (DmfA-Code 1)"},
    {Msg::submission_date, "Submission date", "Date d’introduction", "Datum van indiening",
     "Einreichungsdatum"},
    {Msg::today, "Checked on", "Vérifié le", "Gecontroleerd op", "Geprüft am"},
    {Msg::required_documents, "Required documents", "Documents requis", "Vereiste documenten",
     "Erforderliche Unterlagen"},
    {Msg::required_document, "Document", "Document", "Document", "Unterlage"},
    {Msg::status, "Status", "Statut", "Status", "Status"},
    {Msg::present, "present", "présent", "aanwezig", "vorhanden"},
    {Msg::missing, "missing", "manquant", "ontbreekt", "fehlt"},
    {Msg::file, "File", "Fichier", "Bestand", "Datei"},
    {Msg::not_listed, "not listed in dossier.yaml", "absent de dossier.yaml", "niet vermeld in dossier.yaml",
     "nicht in dossier.yaml aufgeführt"},
    {Msg::findings, "Findings", "Constatations", "Bevindingen", "Befunde"},
    {Msg::no_findings, "No findings.", "Aucune constatation.", "Geen bevindingen.", "Keine Befunde."},
    {Msg::dates, "Dates", "Dates", "Data", "Daten"},
    {Msg::deadlines, "Dates and deadlines", "Dates et délais", "Data en termijnen", "Daten und Fristen"},
    {Msg::document_facts, "The documents", "Les documents", "De documenten", "Die Unterlagen"},
    {Msg::type, "Type", "Type", "Soort", "Art"},
    {Msg::language, "Language", "Langue", "Taal", "Sprache"},
    {Msg::issued, "Issued", "Délivré le", "Afgegeven op", "Ausgestellt am"},
    {Msg::expires, "Expires", "Expire le", "Vervalt op", "Gültig bis"},
    {Msg::country, "Issuing country", "Pays de délivrance", "Land van afgifte", "Ausstellungsland"},
    {Msg::size, "Size", "Taille", "Grootte", "Größe"},
    {Msg::pages, "Pages", "Pages", "Pagina’s", "Seiten"},
    {Msg::pdf_version, "PDF version", "Version PDF", "PDF-versie", "PDF-Version"},
    {Msg::sha256, "SHA-256", "SHA-256", "SHA-256", "SHA-256"},
    {Msg::signatures, "Signatures", "Signatures", "Handtekeningen", "Signaturen"},
    {Msg::encrypted, "Encrypted", "Chiffré", "Versleuteld", "Verschlüsselt"},
    {Msg::yes, "yes", "oui", "ja", "ja"},
    {Msg::no, "no", "non", "nee", "nein"},
    {Msg::strict_mode, "warnings fail too (--strict)", "les avertissements comptent aussi (--strict)",
     "waarschuwingen tellen ook (--strict)", "Warnungen zählen auch (--strict)"},
    {Msg::report_title, "Dossier check", "Vérification du dossier", "Controle van het dossier",
     "Prüfung des Dossiers"},
    {Msg::generated_by, "Generated by", "Produit par", "Gemaakt met", "Erstellt mit"},
    {Msg::tool_failed, "The dossier could not be checked", "Le dossier n’a pas pu être vérifié",
     "Het dossier kon niet gecontroleerd worden", "Das Dossier konnte nicht geprüft werden"},
    {Msg::fix_before, "Fix the errors before submitting.", "Corrigez les erreurs avant l’introduction.",
     "Verhelp de fouten vóór de indiening.", "Beheben Sie die Fehler vor der Einreichung."},
    {Msg::ready_to_submit, "Nothing blocks submission.", "Rien n’empêche l’introduction.",
     "Niets verhindert de indiening.", "Der Einreichung steht nichts entgegen."},
    {Msg::expires_on, "expires", "expire le", "vervalt op", "läuft ab am"},
    {Msg::ages_out, "last day the dossier passes", "dernier jour où le dossier est conforme",
     "laatste dag waarop het dossier in orde is", "letzter Tag, an dem das Dossier besteht"},
    {Msg::employment_start, "Employment starts", "Début de l’emploi", "Begin van de tewerkstelling",
     "Beginn der Beschäftigung"},
    {Msg::employment_end, "Employment ends", "Fin de l’emploi", "Einde van de tewerkstelling",
     "Ende der Beschäftigung"},
    {Msg::indefinite, "indefinite duration", "durée indéterminée", "onbepaalde duur", "unbefristet"},
    {Msg::preview, "First page", "Première page", "Eerste pagina", "Erste Seite"},
    {Msg::read_in_document, "What was read", "Ce qui a été lu", "Wat gelezen werd", "Was gelesen wurde"},
    {Msg::read_text_layer, "text layer", "couche texte", "tekstlaag", "Textebene"},
    {Msg::read_ocr, "OCR", "OCR", "OCR", "OCR"},
    {Msg::read_nothing, "no text read", "aucun texte lu", "geen tekst gelezen", "kein Text gelesen"},
    {Msg::mrz, "machine-readable zone", "zone de lecture automatique", "machineleesbare zone",
     "maschinenlesbare Zone"},
    {Msg::mrz_valid, "check digits correct", "chiffres de contrôle corrects", "controlecijfers juist",
     "Prüfziffern richtig"},
    {Msg::mrz_invalid, "check digits wrong", "chiffres de contrôle erronés", "controlecijfers fout",
     "Prüfziffern falsch"},
    {Msg::live_checking, "checking…", "vérification…", "controle…", "Prüfung…"},
    {Msg::live_current, "up to date: checked again whenever a file changes",
     "à jour : vérifié à nouveau à chaque modification d’un fichier",
     "bijgewerkt: opnieuw gecontroleerd bij elke wijziging van een bestand",
     "aktuell: bei jeder Änderung einer Datei erneut geprüft"},
    {Msg::download_package, "Download the package", "Télécharger le paquet", "Het pakket downloaden",
     "Paket herunterladen"},
    {Msg::pack_refused, "The dossier fails: no package until the errors are fixed.",
     "Le dossier n’est pas conforme : pas de paquet tant que les erreurs ne sont pas corrigées.",
     "Het dossier is niet in orde: geen pakket zolang de fouten niet verholpen zijn.",
     "Das Dossier besteht nicht: kein Paket, solange die Fehler nicht behoben sind."},
    {Msg::dossiers, "Dossiers", "Dossiers", "Dossiers", "Dossiers"},
    {Msg::dossier, "Dossier", "Dossier", "Dossier", "Dossier"},
    {Msg::not_checked, "NOT CHECKED", "NON VÉRIFIÉ", "NIET GECONTROLEERD", "NICHT GEPRÜFT"},
    {Msg::no_dossiers, "No folder with a dossier.yaml below this one.",
     "Aucun dossier avec un dossier.yaml dans ce dossier.", "Geen map met een dossier.yaml onder deze map.",
     "Kein Ordner mit einer dossier.yaml unter diesem Ordner."},
    {Msg::no_preview, "no preview", "pas d’aperçu", "geen voorbeeld", "keine Vorschau"},
};
static_assert(std::size(kPhrases) == size_t(Msg::count_), "every Msg needs its phrase");

constexpr bool in_order() {
    for (size_t i = 0; i < std::size(kPhrases); ++i)
        if (size_t(kPhrases[i].id) != i) return false;
    return true;
}
static_assert(in_order(), "kPhrases must follow the order of enum Msg");
}  // namespace

std::string_view tr(Msg m, Lang l) {
    const Phrase& p = kPhrases[size_t(m)];
    switch (l) {
        case Lang::fr:
            return p.fr;
        case Lang::nl:
            return p.nl;
        case Lang::de:
            return p.de;
        case Lang::en:
            break;
    }
    return p.en;
}

}  // namespace dossier
