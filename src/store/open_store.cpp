// OpenStore: which backend serves a location. Today a location is a file path and the backend is
// SQLite; a networked backend (PostgreSQL) is chosen here by its URL scheme ("postgresql://...").

#include <fmt/format.h>

#include "store/sqlite_store.h"
#include "store/store.h"

namespace takt {

Result<std::unique_ptr<Store>> OpenStore(const std::string& location, Store::Mode mode) {
  if (const size_t scheme_end = location.find("://"); scheme_end != std::string::npos && scheme_end > 0 &&
                                                      location.find('/') == scheme_end + 1) {
    return Status::Error(ErrorKind::kInvalid,
                         fmt::format("{}: this takt keeps stores in files only; '{}' stores are not supported",
                                     location, location.substr(0, scheme_end)));
  }
  return SqliteStore::Open(location, mode);
}

}  // namespace takt
