// The rule catalogue: every id of spec/rules.md with what it checks, why, and
// its source. Ids are stable: scripts and suppressions depend on them.
#include "rules/rule.h"

namespace dossier {

namespace {
constexpr auto E = Severity::error;
constexpr auto W = Severity::warning;
constexpr auto N = Severity::note;
// The public references of the content rules.
constexpr const char* kPermitGuide = NC_(
    "rule source",
    "Public Services Guide, Belgium: Single work permit (type B, Directive 2011/98/EU), documents to file "
    "(https://publicservices.guide/belgium/single-work-permit-type-b-eu-directive-2011-98-regional/)");
constexpr const char* kIcao9303 =
    NC_("rule source",
        "ICAO Doc 9303, Machine Readable Travel Documents, 8th edition, Part 3 (check digits) and Part 4 "
        "(passports, TD3) (https://www.icao.int/publications/pages/publication.aspx?docnum=9303)");
constexpr const char* kManifestSpec =
    NC_("rule source", "dossier manifest format (schemas/manifest.schema.json)");
// Public references (publisher, title, URL or legal text): what a lawyer can open.
constexpr const char* kOverview =
    NC_("rule source",
        "LawSupport, \u201cThe single permit\u201d (Directive 2011/98/EU, the single permit directive)");
constexpr const char* kTypeB =
    NC_("rule source",
        "publicservices.guide, \u201cSingle work permit and Type B in Belgium\u201d: "
        "https://publicservices.guide/belgium/single-work-permit-type-b-eu-directive-2011-98-regional/");
constexpr const char* kOneStop = NC_(
    "rule source",
    "Federal One-Stop Counter \u201cWorking in Belgium\u201d, \u201cApply for an authorisation to work and "
    "reside "
    "in Belgium\u201d");
constexpr const char* kPermanent =
    NC_("rule source",
        "Federal One-Stop Counter, \u201cPermanent single permit\u201d; Brussels Economy and Employment, "
        "\u201cUnlimited single permit application\u201d (Royal decree of 9 June 1999, art. 16)");
constexpr const char* kSalary =
    NC_("rule source",
        "the regional checklist's salary rows: Brussels Economy and Employment, \u201cSingle permit: minimum "
        "remuneration\u201d: https://economy-employment.brussels/single-permit-minimum-remuneration; "
        "vlaanderen.be; "
        "emploi.wallonie.be (each row names its own source)");
constexpr const char* kFlandersForms =
    NC_("rule source",
        "Flemish government, \u201cToelating tot arbeid: aanvraagformulieren\u201d: "
        "https://www.vlaanderen.be/toelating-tot-arbeid/toelating-tot-arbeid-aanvraagformulieren");
constexpr const char* kBrusselsAnnexes =
    NC_("rule source",
        "Brussels Economy and Employment, \u201cSingle permit: European Blue Card, list of annexes\u201d: "
        "https://economy-employment.brussels/single-permit-blue-card-annexes");

constexpr RuleInfo kRules[] = {
    // Manifest and files
    {"manifest.invalid", E, N_("The manifest cannot be read"),
     N_("dossier.yaml has a YAML syntax error, lacks a required key, or a value has the wrong type. "
        "Nothing else can be checked reliably until it is fixed."),
     kManifestSpec},
    {"manifest.invalid-value", E, N_("A manifest value is not allowed"),
     N_("A value is outside its vocabulary (permit, route, document type), or a date, country or "
        "language code is malformed."),
     kManifestSpec},
    {"manifest.unknown-key", W, N_("The manifest has a key the format does not define"),
     N_("Usually a typo: the value is ignored, so the information it carries is lost. The message "
        "suggests the nearest known key."),
     kManifestSpec},
    {"file.missing", E, N_("A listed document is not in the folder"),
     N_("The manifest lists a file that does not exist; it cannot be checked or submitted."), kManifestSpec},
    {"file.outside-dossier", E, N_("A listed path leaves the dossier folder"),
     N_("Paths with .., absolute paths and symbolic links pointing outside the folder are refused and "
        "never read, so a dossier cannot pull in files from elsewhere on the machine."),
     kManifestSpec},
    {"file.unlisted", W, N_("A file in the folder is not listed in the manifest"),
     N_("Files the manifest does not list are not checked and not packed."), kManifestSpec},
    {"file.duplicate", W, N_("Two listed files are identical"),
     N_("Two documents with the same SHA-256 are the same file submitted twice, usually in place of a "
        "document that is missing."),
     kManifestSpec},
    {"file.empty", E, N_("A file is empty"), N_("A zero-byte file cannot be read by the examiner."),
     kManifestSpec},
    {"file.type-mismatch", E, N_("A file's content does not match its extension"),
     N_("A .pdf that is really a JPEG or a renamed Word file is rejected by the portal or cannot be opened."),
     kManifestSpec},
    {"file.unsupported-format", E, N_("A file is not PDF, JPEG or PNG"),
     N_("The One-Stop Counter portals accept PDF, JPEG and PNG documents."), kManifestSpec},
    {"file.too-large", W, N_("A file is over the size limit per file"),
     N_("Portals limit the size of each upload (default 10 MiB; the checklist may set another)."),
     NC_("rule source", "checklist")},
    // PDF
    {"pdf.unreadable", E, N_("A PDF cannot be parsed"),
     N_("A PDF that cannot be parsed may not open for the examiner either."),
     NC_("rule source", "examiner practice")},
    {"pdf.encrypted", E, N_("A PDF is encrypted"),
     N_("Examiners must be able to open and print every document; an encrypted PDF (even with an empty "
        "user password) may refuse printing or copying."),
     NC_("rule source", "examiner practice")},
    {"pdf.active-content", E, N_("A PDF carries active content"),
     N_("JavaScript, launch actions, scripts run on opening and embedded files are refused by "
        "administrations' mail and document filters."),
     NC_("rule source", "examiner practice")},
    {"pdf.no-pages", E, N_("A PDF has no pages"), N_("A PDF with zero pages shows the examiner nothing."),
     NC_("rule source", "examiner practice")},
    {"pdf.date-conflict", W, N_("A PDF's creation dates disagree"),
     N_("The Info dictionary and the XMP metadata give creation dates more than a day apart: the file "
        "was edited or re-generated, which an examiner may question."),
     NC_("rule source", "examiner practice")},
    {"pdf.created-before-issue", W, N_("A PDF was created before the document's issue date"),
     N_("A scan or export cannot predate the paper it shows: either the declared issue date or the "
        "file is wrong."),
     NC_("rule source", "examiner practice")},
    {"pdf.modified-after-signature", W, N_("A signed PDF was changed after signing"),
     N_("Bytes after the last signature's /ByteRange are an incremental update made after signing."),
     NC_("rule source", "examiner practice")},
    {"pdf.damaged", W, N_("A PDF is damaged"),
     N_("The PDF opens only after repair (a broken cross-reference table, truncated data): viewers "
        "repair it silently, but a portal's checks may reject it or an examiner may see missing content."),
     NC_("rule source", "examiner practice")},
    {"image.taken-before-issue", W, N_("A photo of a document was taken before the document's issue date"),
     N_("The camera's EXIF date (DateTimeOriginal) is before the declared issue date: a photo cannot "
        "predate the paper it shows, so either the issue date or the file is wrong."),
     NC_("rule source", "examiner practice")},
    {"document.unsigned", W, N_("The employment contract is not signed"),
     N_("The employment contract must be signed by both parties."), kOverview},
    // Application
    {"application.not-needed", E, N_("No permit is needed for this worker"),
     N_("EU, EEA and Swiss nationals need no single permit or work authorisation."), kOneStop},
    {"application.wrong-permit", E, N_("The permit does not fit the length of the employment"),
     N_("A single permit is for employment of more than 90 days; a work authorisation (Type B, "
        "short stay) for at most 90 days."),
     kTypeB},
    {"region.unknown-postal-code", E, N_("The postal code is not Belgian"),
     N_("The competent region is decided by the postal code of the work address (or of the residence, "
        "for the permanent single permit)."),
     NC_("rule source", "one-stop-counter")},
    {"region.mismatch", E, N_("The stated region is not the competent one"),
     N_("application.region disagrees with the region the postal code decides; the application would "
        "go to the wrong authority."),
     NC_("rule source", "one-stop-counter")},
    {"employer.enterprise-number", E, N_("The employer's enterprise number is wrong"),
     N_("A KBO/BCE number has 10 digits starting with 0 or 1, and its last two digits equal 97 minus "
        "the first eight modulo 97."),
     NC_("rule source", "KBO/BCE numbering")},
    {"employer.mandate-missing", E, N_("The representative's mandate is missing"),
     N_("An employer not established in Belgium files through a Belgian representative, with a mandate."),
     kTypeB},
    {"employment.dates", E, N_("The employment dates are wrong"),
     N_("The end is before the start, or a first application starts in the past."), kOverview},
    {"salary.below-threshold", E, N_("The salary is below the route's threshold"),
     N_("The salary is below a known threshold for the route, region and year: annual gross pay in Flanders, "
        "Wallonia and the German-speaking Community, monthly basic pay (DmfA code 1) in Brussels. Thresholds "
        "live in the checklists, each with its source and year; a year no source gives is said by "
        "salary.threshold-unknown instead."),
     kSalary},
    {"salary.threshold-unknown", N, N_("The salary threshold for this year is not known"),
     N_("No cited source gives the threshold for this region, route and year (or it depends on something "
        "dossier.yaml does not state): the salary was not compared, and the note names the last known "
        "figure."),
     kSalary},
    {"salary.monthly-basic-missing", W, N_("The monthly basic salary is not given"),
     N_("Brussels sets its thresholds in monthly basic pay (code 1 of the DmfA declaration: no holiday pay, "
        "no 13th month) since 1 October 2024, so an annual salary cannot be compared; "
        "employment.monthly_basic_salary_eur is needed."),
     NC_("rule source",
         "Brussels Economy and Employment, \u201cSingle permit: minimum remuneration\u201d: "
         "https://economy-employment.brussels/single-permit-minimum-remuneration")},
    {"salary.age-30-clause", N, N_("The worker turns 30 during the employment"),
     N_("A highly qualified worker under 30 is paid on the lower threshold; turning 30 during the permit, "
        "the "
        "contract needs a clause raising the salary to the threshold for workers aged 30 or more."),
     NC_("rule source",
         "Agentschap Integratie en Inburgering, \u201cHooggeschoolde werknemers\u201d (agii.be)")},
    {"application.too-early", W, N_("The application is filed too early"),
     N_("Flanders takes an application at most 4\u00bd months before the job starts, and a renewal between 2 "
        "and "
        "6 months before the current permit expires."),
     kFlandersForms},
    {"labour-market.vacancy-too-recent", E, N_("The vacancy was published too recently"),
     N_("On the Flemish general route the VDAB vacancy (in shared management) must have been published at "
        "least 6 weeks before the application (3 weeks for seasonal work) and still be online."),
     NC_("rule source", "Flemish government, \u201cWork permits \u2013 Other\u201d (vlaanderen.be)")},
    {"employer.enterprise-number-old-format", N, N_("The enterprise number is written the old way"),
     N_("A 9-digit number is the former VAT number: the enterprise number is 0 followed by those digits."),
     NC_("rule source", "KBO/BCE numbering (FPS Economy, Crossroads Bank for Enterprises)")},
    // Documents
    {"checklist.missing-document", E, N_("A required document is missing"),
     N_("The regional checklist requires this document for the permit and route."),
     NC_("rule source", "checklist")},
    {"document.too-old", E, N_("A document is too old"),
     N_("The document was issued longer ago than the checklist allows (police record and medical "
        "certificate: 6 months before the application in Brussels and at the Immigration Office)."),
     kBrusselsAnnexes},
    {"document.too-old-at-decision", W, N_("A document will be too old when the decision is taken"),
     N_("Flanders counts the six months of a police record or medical certificate to the approval of the "
        "application: a document fresh today that passes six months before the latest decision date "
        "(today plus the processing ceiling) may be refused."),
     kFlandersForms},
    {"document.issued-in-future", E, N_("A document's issue date is in the future"),
     N_("The issue date is after today: the date is mistyped."), NC_("rule source", "examiner practice")},
    {"document.expired", E, N_("A document has expired"), N_("Its expiry date is before today."),
     NC_("rule source", "examiner practice")},
    {"passport.expires-before-stay-end", E, N_("The passport expires before the stay ends"),
     N_("The passport must be valid for the whole stay (until employment.end, or one year for an "
        "indefinite contract)."),
     kTypeB},
    {"passport.pages-missing", W, N_("Not every page of the passport is there"),
     N_("The authority asks for a copy of every page of the passport, and the passport file has fewer pages "
        "than a passport has."),
     kBrusselsAnnexes},
    {"translation.missing", E, N_("A sworn translation is missing"),
     N_("Every document not in a language the region accepts needs a sworn translation into one it "
        "does; self- and machine translations are refused."),
     kTypeB},
    {"translation.wrong-language", E, N_("A sworn translation is in the wrong language"),
     N_("The translation must be into a language the competent region accepts."), kTypeB},
    {"translation.orphan", W, N_("A sworn translation has no original in the dossier"),
     N_("A translation's original must be submitted with it."), kTypeB},
    {"legalisation.missing", E, N_("A foreign public document is not legalised"),
     N_("Public documents issued outside the EU need an apostille (Hague Convention states) or "
        "legalisation (other states)."),
     kTypeB},
    {"identity.name-mismatch", W, N_("A name does not match the worker's"),
     N_("A name in a document's metadata or translation differs from the worker's, even after "
        "transliteration and case folding."),
     NC_("rule source", "examiner practice")},
    // Contents: what the documents themselves say (text layer or OCR)
    {"content.unreadable", N, N_("A document's text could not be read"),
     N_("The document has no text layer and OCR found no usable text (blank page, photo, too poor a scan, "
        "or a reading limit hit), so its issue date, language, name and type were not checked against the "
        "manifest. The examiner must be able to read every document."),
     kPermitGuide},
    {"content.issue-date-mismatch", E, N_("The printed issue date differs from the manifest's"),
     N_("The issue date a document prints (found by its label: \"délivré le\", \"afgeleverd op\", "
        "\"ausgestellt am\", \"issued on\"...) is the one the examiner measures its age from. When it "
        "differs from `issued`, the ages that follow from the printed date are given, and document.too-old "
        "is also judged on the printed date."),
     kPermitGuide},
    {"content.language-mismatch", E, N_("A document is in another language than the manifest says"),
     N_("The language detected in the text (CLD2, only when reliable on enough words) is not the manifest's "
        "`language`. The region accepts documents in its own languages only; the translation rules then "
        "also run on the detected language."),
     kPermitGuide},
    {"content.name-missing", W, N_("A document about the worker does not name them"),
     N_("A passport, diploma, police record, medical certificate, contract, CV or sworn translation must be "
        "the worker's: their surname is looked for in its text after ICU transliteration and case folding."),
     kPermitGuide},
    {"content.type-mismatch", W, N_("A document reads as another type than the manifest says"),
     N_("The keywords of its text (per type and language, kept as data) clearly name another document type: "
        "a medical certificate filed as the police record leaves the police record missing."),
     kPermitGuide},
    {"passport.mrz-invalid", E, N_("A machine-readable zone fails its check digits"),
     N_("Every check digit of the zone of a passport, residence card or identity card (document number, "
        "birth "
        "date, expiry, personal number, composite) is verified as ICAO Doc 9303 defines it, after every "
        "correction "
        "the check digits allow; read clearly, a failing one means an altered document or a misprinted zone. "
        "Reads: the documents of type passport, residence-card and employer-representative-id (their text "
        "layer, "
        "or their scan by OCR)."),
     kIcao9303},
    {"passport.mrz-mismatch", E, N_("A machine-readable zone differs from the manifest"),
     N_("The zone's document number, birth date and expiry (each protected by its check digit) and "
        "nationality (ICAO code) must be the manifest's: the examiner's systems read the zone, not the "
        "manifest. "
        "Reads: the document's `number` and `expires`, the worker's `birth_date` and `nationality`; on an "
        "employer-representative-id, only its number and expiry."),
     kIcao9303},
    {"passport.mrz-unconfirmed", W, N_("A machine-readable zone could not be read with confidence"),
     N_("A zone whose check digits fail, or that seems to differ from the manifest, on a copy too unclear to "
        "be sure of the characters: never an error on what OCR could not confirm. The finding says what was "
        "read; "
        "check the document and file a sharper copy."),
     kIcao9303},
    {"passport.mrz-name-differs", W, N_("The names in a machine-readable zone differ from the manifest"),
     N_("Names carry no check digit: the zone's surname and given names are compared with the worker's after "
        "ICAO 9303 transliteration (Ä as AE or A, Ø as OE, ß as SS), accents folded and fillers cleaned up; "
        "a "
        "difference is shown with both spellings, for the lawyer to judge. Reads: `worker.surname`, "
        "`worker.given_names`."),
     kIcao9303},
    {"passport.printed-differs", W, N_("The printed data page differs from its machine-readable zone"),
     N_("The expiry printed on the data page (the visual zone) is compared with the zone's, which the "
        "examiner's systems read; the zone wins, both are shown. Reads: the dates printed with an expiry "
        "label "
        "(checklists/data/date-labels)."),
     kIcao9303},
    // Permanent single permit
    {"permanent.insufficient-employment", E, N_("Not enough countable employment for a permanent permit"),
     N_("Within the ten years before the application: 2, 3 or 4 years of employment depending on "
        "nationality and family; 12 months uninterrupted for EU long-term residents."),
     kPermanent},
    {"permanent.excluded-period", N, N_("A period of work does not count"),
     N_("Periods as intern, highly qualified staff, seconded employee, invited researcher or professor, "
        "specialised technician, au pair, family member or trainee do not count."),
     kPermanent},
    {"permanent.late-application", W, N_("The permanent permit application is late"),
     N_("It should be filed at least two months before the current permit expires."), kPermanent},
    // Checklists
    {"checklist.stale", W, N_("The checklist has not been verified for over a year"),
     N_("The law may have changed since the checklist's last_verified date."),
     NC_("rule source", "checklist")},
    // Notes every report gives (rules.md, "Notes the report always gives"). rules.md names no id
    // for them; info.* keeps them apart from the rules that judge the dossier.
    {"info.authority", N, N_("The competent authority and the languages it accepts"),
     N_("Names the regional authority that decides on the work part (decided from the work address, or "
        "from the residence for the permanent single permit) and the languages documents must be in."),
     NC_("rule source",
         "the regional checklist's authority and languages rows (vlaanderen.be forms page; Brussels annexes "
         "lists)")},
    {"info.processing-time", N, N_("The legal processing ceiling"),
     N_("The time the authority has to decide once the file is declared complete: four months under "
        "Belgian law (Directive 2011/98/EU art. 5(2), Cooperation Agreement of 2 February 2018); 90 days for "
        "the Brussels unlimited permit. An incomplete file restarts the clock. Unknown where the checklist "
        "cites no figure. Side by side, dated: the recast Single Permit Directive (EU) 2024/1233 sets 90 "
        "days "
        "from a complete application, the labour-market check included (art. 5(2)), 30 days more in "
        "exceptional, complex cases; Belgium had to transpose it by 21 May 2026, and the note says whether a "
        "Belgian transposing act was found on the day the checklist records. Change of employer: the recast "
        "directive lets the holder change employer (the state may require a notification, a labour-market "
        "check and up to 6 months with the first employer; the authority may object within 45 days). In "
        "Belgium, an EU Blue Card holder already changes employer by notification (Cooperation Agreement of "
        "22 March 2024, in force 5 April 2024), as does a Flemish seasonal worker (Flemish decree of 8 March "
        "2024, from 1 May 2024); for any other single permit the new employer files a new application until "
        "the directive is transposed."),
     NC_("rule source",
         "Directive 2011/98/EU, art. 5(2) (http://data.europa.eu/eli/dir/2011/98/oj); Directive (EU) "
         "2024/1233, "
         "art. 5(2) and 11 (http://data.europa.eu/eli/dir/2024/1233/oj); Cooperation Agreement of 22 March "
         "2024, "
         "Belgian Official Gazette 26 March 2024, numac 2024002652 "
         "(https://etaamb.openjustice.be/nl/samenwerkingsakkoord-van-22-maart-2024_n2024002652.html); SPW "
         "\u201cPermis unique\u201d FAQ on a change of employer (emploi.wallonie.be); the regional "
         "checklist's "
         "processing and recast_directive rows")},
    {"info.appeal-window", N, N_("The appeal window on refusal"),
     N_("How long after the notification of a refusal an appeal can be lodged: 30 days in Brussels, one "
        "month in Wallonia; unknown where the checklist cites no figure."),
     NC_("rule source",
         "the regional checklist's appeal row (Brussels Economy and Employment; SPW, \u201cPermis de travail "
         ": "
         "demande de l'employeur\u201d)")},
    {"info.fees", N, N_("The fees that apply"),
     N_("The federal residence fee for a single-permit application and the Flemish regional fee. A year "
        "whose amount no source gives is said as unknown; a fee that is announced but not confirmed by the "
        "authority is said with what each source claims (Flanders: €180, €200 or €250, from different "
        "dates), "
        "and the lawyer is told to check the amount before paying, never given one amount as fact."),
     NC_("rule source",
         "Immigration Office, \u201cFAQ: the fee\u201d (dofi.ibz.be); Van Havermaet, \u201cNew rates from "
         "1.1.2025\u201d; Expat Centre Limburg (Flemish regional fee)")},
    {"info.route", N, N_("A condition of the route to check by hand"),
     N_("A condition of the route that dossier.yaml cannot state (the Flemish qualification level 5 of the "
        "position from 2026; the Brussels exemption of executives since 2024)."),
     NC_("rule source",
         "the regional checklist's route notes (oria-law.be; "
         "economy-employment.brussels/single-permit-executive)")},
    {"info.submission", N, N_("What can be added after submission"),
     N_("Whether missing documents can still be added once the application is submitted: in Wallonia "
        "within 15 working days; in Flanders nothing can be added, so only a complete dossier should be "
        "submitted."),
     NC_("rule source",
         "the regional checklist's after_submission row (emploi.wallonie.be, \u201cPermis unique : que "
         "devez-vous faire ?\u201d; vlaanderen.be, \u201cApply online for a work permit via the special "
         "service\u201d)")},
    // The upload set (dossier pack --upload-set)
    {"upload.too-large", E, N_("A file of the upload set is too large"),
     N_("With --max-mb N, every file of the upload set must be at most N MB (1 MB = 1,000,000 bytes): the "
        "portal refuses files that are too large. Scanned pages are re-compressed first (images down to 200 "
        "dpi, JPEG); a file still over the limit, or one without scanned pages to re-compress, is named "
        "here. "
        "Split it or re-scan it at a lower resolution."),
     NC_("rule source",
         "Flemish government, \u201cApply online for a work permit via the special service\u201d "
         "(vlaanderen.be): "
         "the portal refuses files that are too large; no portal page states a limit in MB, so N is the "
         "user's")},
    {"checklist.unavailable", E, N_("No checklist applies"),
     N_("The region or permit could not be decided, or the checklist file is missing, so the "
        "regional requirements were not checked."),
     NC_("rule source", "checklist")},
};
}  // namespace

std::span<const RuleInfo> rule_catalogue() { return kRules; }

}  // namespace dossier
