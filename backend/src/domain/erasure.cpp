#include "domain/erasure.hpp"

#include "domain/backup_keys.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

#include <nlohmann/json.hpp>

namespace tmeit::domain {
namespace {

/// A uuid in lower case, as the ledger keys hold them.
bool is_lower_case_uuid(std::string_view text) {
  return util::is_uuid(text) && text == util::to_lower(text);
}

bool is_stamp(std::string_view text) {
  // YYYYMMDDTHHMMSS.mmmZ
  if (text.size() != 20 || text[8] != 'T' || text[15] != '.' || text[19] != 'Z') return false;
  for (std::size_t i = 0; i < 19; ++i) {
    if (i == 8 || i == 15) continue;
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string ledger_key(const Erasure& erasure) {
  return std::string(backup_keys::ledger_prefix) + erasure.erased_at + "-" + erasure.kind + "-" +
         erasure.subject_uuid + ".json";
}

std::optional<Erasure> parse_ledger_key(std::string_view key) {
  if (!key.starts_with(backup_keys::ledger_prefix) || !key.ends_with(".json")) return std::nullopt;
  key.remove_prefix(backup_keys::ledger_prefix.size());
  key.remove_suffix(5);
  if (key.size() < 21 || key[20] != '-') return std::nullopt;
  Erasure erasure;
  erasure.erased_at = key.substr(0, 20);
  key.remove_prefix(21);
  if (key.size() < 37 || key[key.size() - 37] != '-') return std::nullopt;
  erasure.kind = key.substr(0, key.size() - 37);
  erasure.subject_uuid = key.substr(key.size() - 36);
  if (!is_stamp(erasure.erased_at) || !is_lower_case_uuid(erasure.subject_uuid) ||
      (erasure.kind != "member" && erasure.kind != "sign_up")) {
    return std::nullopt;
  }
  return erasure;
}

std::string ledger_body(const Erasure& erasure) {
  return nlohmann::json{
      {"kind", erasure.kind}, {"uuid", erasure.subject_uuid}, {"erased_at", erasure.erased_at}}
      .dump();
}

}  // namespace tmeit::domain
