// Reference lists of countries the rules need, read from data files with their
// sources (checklists/data/): the EU, EEA and Switzerland (free movement: no
// permit needed) and the parties to the Hague Apostille Convention.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>

namespace dossier {

struct CountryLists {
    std::set<std::string> eu;     // ISO 3166-1 alpha-2
    std::set<std::string> eea;    // EEA members outside the EU
    std::set<std::string> swiss;  // CH
    std::string free_movement_source;
    std::set<std::string> apostille;  // Apostille Convention in force between the state and Belgium
    std::string apostille_source;

    bool in_eu(const std::string& c) const { return eu.count(c) > 0; }
    bool free_movement(const std::string& c) const { return eu.count(c) || eea.count(c) || swiss.count(c); }
    bool apostille_state(const std::string& c) const { return apostille.count(c) > 0; }
};

// Reads <dir>/data/eu-eea-ch.yaml and <dir>/data/hague-apostille.yaml; throws
// ChecklistError naming the file and line of what is wrong.
CountryLists load_country_lists(const std::filesystem::path& checklist_dir);
// Same, read once per folder and process. Thread-safe.
std::shared_ptr<const CountryLists> load_country_lists_cached(const std::filesystem::path& checklist_dir);

}  // namespace dossier
