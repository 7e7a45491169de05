#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace tmeit::backup {

/// What a verified backup is: written as `<key>.manifest.json` beside it once the object was
/// read back and matched, so its presence is what makes a backup count. Readable by hand: the
/// runbook checks `sha256` with sha256sum before decrypting.
struct Manifest {
  std::string key;         ///< the backup object
  std::string taken_at;    ///< the database's time of the snapshot, "YYYY-MM-DDTHH:MM:SSZ"
  std::uint64_t size = 0;  ///< bytes of the encrypted object
  std::string sha256;      ///< of the encrypted object, lower-case hex
  std::string app_version;
  int schema_version = 0;
  /// Rows per table in the snapshot, so a restore can prove it brought everything back.
  std::map<std::string, std::int64_t> row_counts;
  std::string format = "pg_dump custom format, encrypted with age";

  std::string to_json() const;
  /// Throws std::runtime_error on a document that is not a manifest.
  static Manifest from_json(const std::string& text);
};

}  // namespace tmeit::backup
