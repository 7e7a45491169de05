#include "cli/backup_plan.hpp"

#include "domain/backup_keys.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace tmeit::cli {
namespace {

namespace keys = domain::backup_keys;

/// "3d 04h" style ages.
std::string age_text(std::chrono::seconds age) {
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(age).count();
  char text[32];
  std::snprintf(text, sizeof text, "%lldd %02lldh", static_cast<long long>(hours / 24),
                static_cast<long long>(hours % 24));
  return text;
}

}  // namespace

int plan_from_stdin(const std::string& now_text, std::istream& in, std::ostream& out,
                    std::ostream& err, const domain::RetentionPolicy& policy) {
  const auto now = keys::parse_time(now_text);
  if (!now) {
    err << "tmeit backup plan: --now wants a UTC time like 2026-11-28T06:30:00Z, got '" << now_text
        << "'\n";
    return 2;
  }
  // Read in blocks and parse the whole lines of each (a line at a time through std::cin costs
  // more than the plan itself; 175,000 keys are the benchmark).
  std::vector<domain::BackupRef> backups;
  std::string pending;  // the lines read but not yet parsed
  char block[1 << 16];
  std::size_t number = 0;
  bool more = true;
  while (more) {
    more = static_cast<bool>(in.read(block, sizeof block));
    pending.append(block, static_cast<std::size_t>(in.gcount()));
    std::string_view rest = pending;
    for (auto end = rest.find('\n'); end != std::string_view::npos || (!more && !rest.empty());
         end = rest.find('\n')) {
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(std::min(end == std::string_view::npos ? end : end + 1, rest.size()));
      ++number;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty()) continue;
      const auto taken = keys::parse_backup_key(line);
      if (!taken) {
        err << "tmeit backup plan: line " << number << " is not a backup key: '"
            << line.substr(0, 200) << "'\n";
        return 2;
      }
      backups.push_back({std::string(line), *taken});
    }
    pending.erase(0, pending.size() - rest.size());
  }
  const auto plan = domain::plan_retention(std::move(backups), *now, policy);
  std::string text;  // written in blocks: the whole plan of 175,000 keys is 10 MB
  for (const auto& decision : plan.decisions) {
    text += decision.keep ? "keep " : "delete ";
    text += decision.backup.key;
    if (decision.keep) {
      text += ' ';
      text += domain::rule_name(decision.rule);
    }
    text += '\n';
    if (text.size() > sizeof block) {
      out << text;
      text.clear();
    }
  }
  out << text;
  return 0;
}

void print_listing(std::ostream& out, const backup::Catalog& catalog, std::chrono::sys_seconds now,
                   const domain::RetentionPolicy& policy) {
  const auto plan = domain::plan_retention(catalog.verified, now, policy);
  out << "TAKEN                 AGE          SIZE  RULE       KEY\n";
  for (const auto& decision : plan.decisions) {
    const auto size = catalog.sizes.find(decision.backup.key);
    char line[160];
    std::snprintf(
        line, sizeof line, "%-21s %-9s %9.1f MB  %-9s  ",
        keys::format_time(decision.backup.taken).c_str(),
        age_text(now - decision.backup.taken).c_str(),
        size == catalog.sizes.end() ? 0.0 : static_cast<double>(size->second) / 1e6,
        decision.keep ? std::string(domain::rule_name(decision.rule)).c_str() : "(pruned next)");
    out << line << decision.backup.key << "\n";
  }
  for (const auto& backup : catalog.unverified) {
    out << keys::format_time(backup.taken) << "  unverified (no manifest: never counts)  "
        << backup.key << "\n";
  }
  out << plan.decisions.size() << " verified backups, " << catalog.unverified.size()
      << " unverified, " << catalog.ledger.size() << " erasure ledger entries"
      << (plan.held ? "; pruning HELD: the newest backup is older than 2 hours" : "") << "\n";
}

}  // namespace tmeit::cli
