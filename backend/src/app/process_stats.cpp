#include "app/process_stats.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace tmeit::app {
namespace {

std::uint64_t resident_bytes(const std::string& proc) {
  std::ifstream statm(proc + "/statm");
  std::uint64_t size_pages = 0;
  std::uint64_t resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return 0;
  return resident_pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

double cpu_seconds(const std::string& proc) {
  std::ifstream stat(proc + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return 0;
  // The command name may contain spaces; the fields we want follow its closing ')'.
  auto close = line.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(line.substr(close + 2));
  std::string skip;
  // After ')' come state (field 3) ... utime is field 14, stime field 15.
  for (int field = 3; field < 14; ++field) fields >> skip;
  double utime = 0;
  double stime = 0;
  fields >> utime >> stime;
  return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::uint64_t open_fds(const std::string& proc) {
  std::error_code ec;
  std::uint64_t count = 0;
  for (std::filesystem::directory_iterator it(proc + "/fd", ec), end; !ec && it != end;
       it.increment(ec)) {
    ++count;
  }
  return count;
}

}  // namespace

ProcessStats read_process_stats(int pid) {
  const std::string proc = pid == 0 ? "/proc/self" : "/proc/" + std::to_string(pid);
  return ProcessStats{resident_bytes(proc), cpu_seconds(proc), open_fds(proc)};
}

}  // namespace tmeit::app
