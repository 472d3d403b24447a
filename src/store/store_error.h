#pragma once
// What the store throws when SQLite or the file system refuses: one exception type whose kind lets a
// caller choose its answer (exit code, HTTP status) and whose message names the database file and
// what was being done.

#include <stdexcept>
#include <string>

namespace takt {

class StoreError : public std::runtime_error {
 public:
  enum class Kind {
    kFailed,    ///< I/O error, out of memory, anything unexpected
    kBusy,      ///< another process held the write lock longer than the busy timeout
    kFull,      ///< the disk (or the file size limit) is full
    kNotStore,  ///< not an SQLite database, corrupt, or a database of something else
    kReadOnly,  ///< the file or its folder cannot be written
    kConflict,  ///< a live scenario already has that name
    kNotFound,  ///< a version that does not exist or is of another kind
    kInvalid,   ///< a name or argument the store refuses
  };

  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace takt
