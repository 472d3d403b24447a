#pragma once
// What the SQLite layer throws when SQLite or the file system refuses: one exception whose kind
// lets the backend's facade answer with the right Status, and whose message names the database
// file and what was being done. It never leaves src/store: SqliteStore catches it at every call.

#include <stdexcept>
#include <string>

#include "common/result.h"

namespace takt {

class StoreError : public std::runtime_error {
 public:
  StoreError(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace takt
