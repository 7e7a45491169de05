#pragma once

#include "backup/catalog.hpp"
#include "domain/backup_retention.hpp"

#include <chrono>
#include <istream>
#include <ostream>
#include <string>

namespace tmeit::cli {

/// `tmeit backup plan --now TIME`: backup keys on `in`, one per line (blank lines skipped);
/// prints `keep KEY RULE` or `delete KEY` per key, oldest first. Exit code 0, or 2 (naming
/// the line on `err`) for a bad time or a line that is not a backup key.
int plan_from_stdin(const std::string& now_text, std::istream& in, std::ostream& out,
                    std::ostream& err, const domain::RetentionPolicy& policy);

/// `tmeit backup list`: each verified backup with its time, age, size and rule; then the
/// unverified objects and the ledger size.
void print_listing(std::ostream& out, const backup::Catalog& catalog, std::chrono::sys_seconds now,
                   const domain::RetentionPolicy& policy);

}  // namespace tmeit::cli
