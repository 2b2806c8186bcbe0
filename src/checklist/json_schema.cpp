#include "checklist/json_schema.h"

#include <fmt/format.h>

#include <regex>

namespace dossier {

using nlohmann::json;

json yaml_to_json(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: {
            json j = json::object();
            for (auto it = n.begin(); it != n.end(); ++it) j[it->first.Scalar()] = yaml_to_json(it->second);
            return j;
        }
        case YAML::NodeType::Sequence: {
            json j = json::array();
            for (const auto& item : n) j.push_back(yaml_to_json(item));
            return j;
        }
        case YAML::NodeType::Scalar: {
            const std::string& s = n.Scalar();
            if (n.Tag() == "!") return s;  // quoted: always a string
            static const std::regex integer("[-+]?[0-9]+"),
                number("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
            if (std::regex_match(s, integer)) return std::stoll(s);
            if (std::regex_match(s, number)) return std::stod(s);
            if (s == "true" || s == "True" || s == "TRUE") return true;
            if (s == "false" || s == "False" || s == "FALSE") return false;
            if (s == "null" || s == "~" || s.empty()) return nullptr;
            return s;
        }
        default:
            return nullptr;
    }
}

namespace {

bool has_type(const json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer() || v.is_number_unsigned();
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    return false;
}

void check(const json& v, const json& s, const json& root, const std::string& at,
           std::vector<std::string>& out) {
    if (s.is_boolean()) {
        if (!s.get<bool>()) out.push_back(fmt::format("{}: not allowed here", at));
        return;
    }
    if (auto r = s.find("$ref"); r != s.end()) {
        const std::string ref = r->get<std::string>();
        if (ref.rfind("#/$defs/", 0) != 0) {
            out.push_back(fmt::format("{}: unsupported $ref {}", at, ref));
            return;
        }
        check(v, root.at("$defs").at(ref.substr(8)), root, at, out);
    }
    if (auto t = s.find("type"); t != s.end() && !has_type(v, t->get<std::string>())) {
        out.push_back(fmt::format("{}: must be of type {}", at, t->get<std::string>()));
        return;
    }
    if (auto c = s.find("const"); c != s.end() && v != *c)
        out.push_back(fmt::format("{}: must be {}", at, c->dump()));
    if (auto e = s.find("enum"); e != s.end() && std::find(e->begin(), e->end(), v) == e->end())
        out.push_back(fmt::format("{}: {} is not one of {}", at, v.dump(), e->dump()));
    if (v.is_number()) {
        if (auto m = s.find("minimum"); m != s.end() && v.get<double>() < m->get<double>())
            out.push_back(fmt::format("{}: below the minimum {}", at, m->dump()));
        if (auto m = s.find("maximum"); m != s.end() && v.get<double>() > m->get<double>())
            out.push_back(fmt::format("{}: above the maximum {}", at, m->dump()));
    }
    if (v.is_string())
        if (auto p = s.find("pattern");
            p != s.end() && !std::regex_search(v.get<std::string>(), std::regex(p->get<std::string>())))
            out.push_back(
                fmt::format("{}: \"{}\" does not match {}", at, v.get<std::string>(), p->get<std::string>()));
    if (v.is_array()) {
        if (auto m = s.find("minItems"); m != s.end() && v.size() < m->get<size_t>())
            out.push_back(fmt::format("{}: needs at least {} items", at, m->dump()));
        if (auto items = s.find("items"); items != s.end())
            for (size_t i = 0; i < v.size(); ++i) check(v[i], *items, root, fmt::format("{}/{}", at, i), out);
    }
    if (v.is_object()) {
        const json props = s.value("properties", json::object());
        if (auto req = s.find("required"); req != s.end())
            for (const auto& k : *req)
                if (!v.contains(k.get<std::string>()))
                    out.push_back(fmt::format("{}: lacks \"{}\"", at, k.get<std::string>()));
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string where = at + "/" + it.key();
            if (props.contains(it.key()))
                check(it.value(), props.at(it.key()), root, where, out);
            else if (auto ap = s.find("additionalProperties"); ap != s.end()) {
                if (ap->is_boolean() && !ap->get<bool>())
                    out.push_back(fmt::format("{}: unknown key", where));
                else if (ap->is_object())
                    check(it.value(), *ap, root, where, out);
            }
        }
    }
    for (const char* kind : {"anyOf", "oneOf"}) {
        auto alt = s.find(kind);
        if (alt == s.end()) continue;
        int ok = 0;
        for (const auto& sub : *alt) {
            std::vector<std::string> errs;
            check(v, sub, root, at, errs);
            ok += errs.empty();
        }
        if (std::string(kind) == "anyOf" ? ok == 0 : ok != 1)
            out.push_back(fmt::format("{}: must match {} of {}", at,
                                      std::string(kind) == "anyOf" ? "one or more" : "exactly one",
                                      alt->dump()));
    }
}

}  // namespace

std::vector<std::string> schema_errors(const json& instance, const json& schema) {
    std::vector<std::string> out;
    check(instance, schema, schema, "", out);
    return out;
}

}  // namespace dossier
