// Runs a command in a child process (the listener's fixtures), for the tests
// that check what the GoogleTest listener prints and how the child exits.
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace tether_test {

struct run_result {
  int status;
  std::string output;
};

/// Runs `command` through the shell; its stdout and stderr, and the status
/// `pclose` returns (-1 if it could not start).
inline run_result run(const std::string &command) {
  run_result result{-1, {}};
  FILE *pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe)
    return result;
  std::array<char, 4096> buffer;
  while (std::fgets(buffer.data(), buffer.size(), pipe))
    result.output += buffer.data();
  result.status = pclose(pipe);
  return result;
}

} // namespace tether_test
