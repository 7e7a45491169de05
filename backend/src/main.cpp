#include "cli/commands.hpp"

int main(int argc, char** argv) {
  return tmeit::cli::run_cli(argc, argv);
}
