#pragma once

#include <optional>
#include <string>

namespace tmeit::domain {

/// A member named in an audit entry, as long as they still exist.
struct AuditMember {
  std::string short_uuid;
  std::string name;  ///< first and last name
};

/// One entry of the member audit log: who changed whose role, permits or email, or added or
/// deleted whom, and when.
struct AuditEntry {
  std::string id;
  std::string at;                     ///< RFC 3339, UTC
  std::string action;                 ///< created, changed or deleted
  std::optional<AuditMember> actor;   ///< std::nullopt: not done through the API, or erased
  std::string member_uuid;            ///< whose record
  std::optional<AuditMember> member;  ///< std::nullopt once the member is erased
  std::string changes;                ///< JSON text: {"field": {"from": ..., "to": ...}}
};

}  // namespace tmeit::domain
