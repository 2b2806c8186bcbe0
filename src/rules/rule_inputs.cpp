#include "rules/rule_inputs.h"

#include <algorithm>

#include "core/text.h"

namespace dossier {

namespace {

// What is read in the documents or the package (msgids of the catalogues).
constexpr std::string_view kFolder = N_("the files in the folder: name, size, SHA-256, what the bytes are");
constexpr std::string_view kPdf = N_("each PDF's structure, metadata and signatures, as qpdf reads them");
constexpr std::string_view kPdfTitle = N_("each PDF's Info title and subject");
constexpr std::string_view kImage = N_("each photo's EXIF date (DateTimeOriginal)");
constexpr std::string_view kText = N_("the text of each document (its text layer, or OCR for scans)");
constexpr std::string_view kMrz = N_("the passport's machine-readable zone, read in its text");
constexpr std::string_view kPackage = N_("the package: its ZIP entries and index.xml");
constexpr std::string_view kUploadSet =
    N_("each file of the upload set as written: its size, after scanned pages are re-compressed");
constexpr std::string_view kChild =
    N_("the process that checked the dossier: a crash, a timeout, exhausted memory");

constexpr std::string_view kFile = "documents[].file";
constexpr std::string_view kSalaryRows =
    "salary_thresholds[].route salary_thresholds[].year salary_thresholds[].annual_gross_eur "
    "salary_thresholds[].monthly_basic_eur salary_thresholds[].min_age salary_thresholds[].max_age";
constexpr std::string_view kRegionKeys =
    "application.region workplace.postal_code worker.residence_postal_code";
constexpr std::string_view kHistory =
    "employment.history[].from employment.history[].to employment.history[].permit "
    "employment.history[].category";

constexpr RuleInputs kInputs[] = {
    {"manifest.invalid", "", "", "dossier.yaml schemas/manifest.schema.json", ""},
    {"manifest.invalid-value", "", "", "dossier.yaml schemas/manifest.schema.json", ""},
    {"manifest.unknown-key", "", "", "dossier.yaml schemas/manifest.schema.json", ""},
    {"file.missing", kFile, "", "", kFolder},
    {"file.outside-dossier", kFile, "", "", kFolder},
    {"file.unlisted", kFile, "", "", kFolder},
    {"file.duplicate", kFile, "", "", kFolder},
    {"file.empty", kFile, "", "", kFolder},
    {"file.type-mismatch", kFile, "", "", kFolder},
    {"file.unsupported-format", kFile, "", "", kFolder},
    {"file.too-large", kFile, "file_size_limit.mib", "", kFolder},
    {"pdf.unreadable", kFile, "", "", kPdf},
    {"pdf.encrypted", kFile, "", "", kPdf},
    {"pdf.active-content", kFile, "", "", kPdf},
    {"pdf.no-pages", kFile, "", "", kPdf},
    {"pdf.date-conflict", kFile, "", "", kPdf},
    {"pdf.created-before-issue", "documents[].file documents[].issued", "", "", kPdf},
    {"pdf.modified-after-signature", kFile, "", "", kPdf},
    {"pdf.damaged", kFile, "", "", kPdf},
    {"image.taken-before-issue", "documents[].file documents[].issued", "", "", kImage},
    {"document.unsigned", "documents[].type documents[].signed", "", "", kPdf},
    {"application.not-needed", "worker.nationality", "", "checklists/data/eu-eea-ch.yaml", ""},
    {"application.wrong-permit", "application.permit employment.start employment.end", "", "", ""},
    {"region.unknown-postal-code", "application.permit workplace.postal_code worker.residence_postal_code",
     "", "", ""},
    {"region.mismatch", kRegionKeys, "", "", ""},
    {"employer.enterprise-number", "employer.enterprise_number", "", "", ""},
    {"employer.enterprise-number-old-format", "employer.enterprise_number", "", "", ""},
    {"employer.mandate-missing", "employer.established_in_belgium documents[].type",
     "documents[].type documents[].when documents[].rule", "", ""},
    {"employment.dates", "application.permit employment.start employment.end", "", "", ""},
    {"salary.below-threshold",
     "application.route worker.birth_date employment.annual_gross_salary_eur "
     "employment.monthly_basic_salary_eur",
     kSalaryRows, "", ""},
    {"salary.threshold-unknown", "application.route worker.birth_date",
     "salary_thresholds[].route salary_thresholds[].year salary_thresholds[].annual_gross_eur "
     "salary_thresholds[].monthly_basic_eur salary_thresholds[].note",
     "", ""},
    {"salary.monthly-basic-missing",
     "application.route employment.monthly_basic_salary_eur employment.annual_gross_salary_eur",
     "salary_thresholds[].route salary_thresholds[].year salary_thresholds[].monthly_basic_eur", "", ""},
    {"salary.age-30-clause", "application.route worker.birth_date employment.end",
     "salary_thresholds[].min_age salary_thresholds[].max_age", "", ""},
    {"application.too-early", "application.permit employment.start documents[].type documents[].expires",
     "application_window.max_months_before_start application_window.max_days_before_start "
     "application_window.renewal_min_months_before_expiry "
     "application_window.renewal_max_months_before_expiry application_window.renewal_note",
     "", ""},
    {"labour-market.vacancy-too-recent", "application.route documents[].type documents[].published",
     "vacancy_publication[].route vacancy_publication[].weeks", "", ""},
    {"checklist.missing-document", "application.route employer.established_in_belgium documents[].type",
     "documents[].type documents[].routes documents[].except_routes documents[].when documents[].required "
     "documents[].rule",
     "", ""},
    {"document.too-old", "documents[].type documents[].issued", "documents[].max_age_months", "", kText},
    {"document.too-old-at-decision", "documents[].type documents[].issued",
     "documents[].max_age_months documents[].age_counted_to processing.value processing.unit", "", ""},
    {"document.issued-in-future", "documents[].issued", "", "", ""},
    {"document.expired", "documents[].expires", "", "", ""},
    {"passport.expires-before-stay-end", "documents[].type documents[].expires employment.end", "", "", ""},
    {"passport.pages-missing", "documents[].type", "documents[].all_pages", "", kPdf},
    {"translation.missing", "documents[].type documents[].language documents[].translates",
     "languages.accepted languages.extra languages.restricted", "", ""},
    {"translation.wrong-language", "documents[].type documents[].language", "languages.accepted", "", ""},
    {"translation.orphan", "documents[].type documents[].translates", "", "", ""},
    {"legalisation.missing", "documents[].type documents[].country documents[].legalisation",
     "public_documents.types", "checklists/data/eu-eea-ch.yaml checklists/data/hague-apostille.yaml", ""},
    {"identity.name-mismatch", "worker.surname worker.given_names documents[].type", "", "", kPdfTitle},
    {"content.unreadable", kFile, "", "", kText},
    {"content.issue-date-mismatch", "documents[].type documents[].issued", "documents[].max_age_months",
     "checklists/data/date-labels", kText},
    {"content.language-mismatch", "documents[].language", "", "", kText},
    {"content.name-missing", "worker.surname documents[].type", "", "", kText},
    {"content.type-mismatch", "documents[].type", "", "checklists/data/document-keywords", kText},
    {"passport.mrz-invalid", "documents[].type", "", "", kMrz},
    {"passport.mrz-mismatch",
     "documents[].number documents[].expires worker.birth_date worker.nationality worker.surname", "", "",
     kMrz},
    {"passport.mrz-name-differs", "worker.surname worker.given_names documents[].type", "", "", kMrz},
    {"passport.mrz-unconfirmed",
     "documents[].number documents[].expires worker.birth_date worker.nationality documents[].type", "", "",
     kMrz},
    {"passport.printed-differs", "documents[].type", "", "checklists/data/date-labels", kMrz},
    {"permanent.insufficient-employment",
     "application.permit worker.nationality worker.family_in_belgium worker.eu_long_term_resident "
     "employment.history[].from "
     "employment.history[].to employment.history[].permit",
     "permanent.window_years permanent.required_years permanent.agreement_countries "
     "permanent.countable_permits "
     "permanent.eu_long_term_resident.months",
     "", ""},
    {"permanent.excluded-period", kHistory, "permanent.excluded_categories permanent.countable_permits", "",
     ""},
    {"permanent.late-application", "documents[].type documents[].expires",
     "permanent.apply_before_expiry.months", "", ""},
    {"checklist.stale", "", "last_verified", "", ""},
    {"info.authority", kRegionKeys, "authority.name authority.source languages.accepted languages.note", "",
     ""},
    {"info.processing-time", "",
     "processing.value processing.unit processing.note recast_directive.processing_days "
     "recast_directive.extension_days recast_directive.transposition_deadline recast_directive.checked "
     "recast_directive.transposing_act recast_directive.status_source",
     "", ""},
    {"info.appeal-window", "", "appeal.value appeal.unit appeal.note", "", ""},
    {"info.fees", "",
     "fees[].what fees[].year fees[].from fees[].amount_eur fees[].note fees[].announced "
     "fees[].claims[].amount_eur fees[].claims[].when fees[].claims[].source",
     "", ""},
    {"info.route", "application.route",
     "route_notes[].routes route_notes[].from route_notes[].until route_notes[].text", "", ""},
    {"info.submission", "", "after_submission.text after_submission.source", "", ""},
    {"checklist.unavailable", "application.permit application.region workplace.postal_code", "",
     "checklists/<region>/<permit>.yaml checklists/data/eu-eea-ch.yaml checklists/data/hague-apostille.yaml",
     ""},
    // dossier pack --upload-set --max-mb (package/upload_set.h)
    {"upload.too-large", "documents[].file documents[].type", "upload.languages upload.order_official upload.together",
     "", kUploadSet},
    // dossier verify (package/verify.h)
    {"package.damaged", "", "", "", kPackage},
    {"package.unsafe-path", "", "", "", kPackage},
    {"package.duplicate-entry", "", "", "", kPackage},
    {"package.index-missing", "", "", "", kPackage},
    {"package.index-invalid", "", "", "schemas/index.xsd", kPackage},
    {"package.entry-missing", "", "", "", kPackage},
    {"package.size-mismatch", "", "", "", kPackage},
    {"package.hash-mismatch", "", "", "", kPackage},
    {"package.entry-damaged", "", "", "", kPackage},
    {"package.unlisted-entry", "", "", "", kPackage},
    // dossier batch
    {"batch.unchecked", "", "", "", kChild},
};

}  // namespace

std::span<const RuleInputs> rule_inputs() { return kInputs; }

const RuleInputs* inputs_of(std::string_view id) {
    auto it =
        std::find_if(std::begin(kInputs), std::end(kInputs), [&](const RuleInputs& r) { return r.id == id; });
    return it == std::end(kInputs) ? nullptr : it;
}

std::vector<std::string_view> input_keys(std::string_view list) {
    std::vector<std::string_view> out;
    while (!list.empty()) {
        const auto space = list.find(' ');
        if (space != 0) out.push_back(list.substr(0, space));
        if (space == std::string_view::npos) break;
        list.remove_prefix(space + 1);
    }
    return out;
}

}  // namespace dossier
