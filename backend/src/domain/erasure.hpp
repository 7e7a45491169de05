#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tmeit::domain {

/// A person deleted from the database: a member or a (rejected) sign-up. The erasure ledger in
/// object storage holds one of these per person, so a restore can delete them again.
struct Erasure {
  std::string kind;          ///< "member" or "sign_up"
  std::string subject_uuid;  ///< lower-case uuid
  std::string erased_at;     ///< UTC, "YYYYMMDDTHHMMSS.mmmZ"
};

/// The ledger object of an erasure: `backups/erasures/<erased_at>-<kind>-<uuid>.json`. The key
/// alone says everything a restore needs, so a restore lists the ledger and reads no object.
std::string ledger_key(const Erasure& erasure);

/// The erasure a ledger key names; std::nullopt for anything else.
std::optional<Erasure> parse_ledger_key(std::string_view key);

/// The ledger object's body (JSON), for people reading the ledger by hand.
std::string ledger_body(const Erasure& erasure);

}  // namespace tmeit::domain
